"""The dashboard at chain scale: every site's line in the overview (set-based), the details a
page of sites at a time, and the page number checked."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

import pytest

from tests.headoffice.helpers import HQ
from tests.headoffice.test_dashboard import MONDAY, basic, grant


def line_of(page: str, site_id: str) -> list[str]:
    """The overview cells of the site's line, tags stripped."""
    row = re.search(rf"<tr><td><a href='/\?page=\d+#site-{site_id}'>.*?</tr>", page)
    assert row is not None
    return [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>",
                                                                  row.group(0))]


def test_the_overview_lists_every_site_and_the_details_come_a_page_at_a_time(hq: HQ) -> None:
    sites = [hq.add_site(f"Site {n:02d}") for n in range(23)]
    busy = sites[15]
    bar, lobby = hq.enrol(busy, name="Bar"), hq.enrol(busy, name="Lobby")
    late, done = str(uuid.uuid4()), str(uuid.uuid4())
    bar.add("case.opened", case_id=late, payload={"guest_name": "Waiting Guest"})
    bar.add("followup.due", case_id=late, payload={"due_at": "2026-11-18T08:00:00.000000Z"})
    bar.add("case.opened", case_id=done, payload={"guest_name": "Called Back"})
    bar.add("followup.due", case_id=done, payload={"due_at": "2026-11-17T08:00:00.000000Z"})
    lobby.add("followup.done", case_id=done, payload={"note": "ok"})
    grant(bar, 1250, MONDAY + timedelta(hours=8))
    grant(lobby, 700, MONDAY + timedelta(days=2, hours=9))
    grant(lobby, 99999, MONDAY - timedelta(hours=2))  # Sunday evening: last week
    voucher = str(uuid.uuid4())
    bar.add("voucher.redeemed", payload={"voucher_id": voucher})
    lobby.add("voucher.redeemed", payload={"voucher_id": voucher})
    assert hq.push(bar, bar.events).status_code == 200
    assert hq.push(lobby, lobby.events).status_code == 200
    token = hq.admin_token()

    first = hq.client.get("/", auth=basic(token)).text
    assert all(f"#site-{site.id}'>{site.name}</a>" in first for site in sites)
    details = re.findall(r"<h2 id='site-([^']+)'>", first)
    assert details == [site.id for site in sites[:5]]
    assert "sites 1–5 of 23, page 1 of 5" in first and "href='/?page=2'" in first
    # spend this week, gestures, approvals, overdue, redeemed twice, flags, desks
    assert line_of(first, busy.id)[1:] == ["€19.50", "2", "0", "1", "1", "1", "2"]
    assert line_of(first, sites[0].id)[1:] == ["€0.00", "0", "0", "0", "0", "0", "0"]
    assert f"href='/?page=4#site-{busy.id}'" in first

    fourth = hq.client.get("/?page=4", auth=basic(token)).text
    assert re.findall(r"<h2 id='site-([^']+)'>", fourth) == [s.id for s in sites[15:20]]
    assert "1 overdue" in fourth and voucher in fourth and "Waiting Guest" in fourth
    assert "href='/?page=3'" in fourth and "href='/?page=5'" in fourth
    last = hq.client.get("/?page=5", auth=basic(token)).text
    assert re.findall(r"<h2 id='site-([^']+)'>", last) == [s.id for s in sites[20:]]
    assert "sites 21–23 of 23, page 5 of 5" in last and "next page" not in last


@pytest.mark.parametrize(("page", "status", "says"), [
    ("6", 404, "there are 5 page(s)"), ("0", 422, "greater than or equal"),
    ("two", 422, "valid integer"), ("99999999999", 422, "less than or equal"),
])
def test_a_page_out_of_range_is_refused_plainly(hq: HQ, page: str, status: int,
                                                says: str) -> None:
    for n in range(23):
        hq.add_site(f"Site {n:02d}")
    response = hq.client.get(f"/?page={page}", auth=basic(hq.admin_token()))
    assert response.status_code == status
    assert says in str(response.json()["detail"])
