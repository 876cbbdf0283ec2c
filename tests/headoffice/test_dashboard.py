"""The head-office page and the spend CSV: auth, content, escaping, totals."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from db.models import format_utc
from headoffice import admin
from tests.headoffice.helpers import HQ, Desk

MONDAY = datetime(2026, 11, 16, tzinfo=UTC)  # the clock's week (Europe/Paris) starts here


def basic(token: str) -> tuple[str, str]:
    return ("anyone", token)


def grant(desk: Desk, value: int, at: datetime, currency: str = "EUR") -> None:
    desk.add("compensation.granted", case_id=str(uuid.uuid4()), at=at,
             payload={"grant_id": str(uuid.uuid4()), "gesture_type": "drink",
                      "value_minor": value, "currency": currency})


def test_page_needs_an_admin_token(hq: HQ) -> None:
    hq.add_site()
    desk = hq.enrol(hq.add_site("Other"))
    response = hq.client.get("/")
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Basic ")
    assert "admin-token" in response.json()["detail"]
    assert hq.client.get("/", auth=basic("wrong")).status_code == 401
    assert hq.client.get("/", headers=desk.auth).status_code == 401  # a desk is not an admin
    token = hq.admin_token()
    assert hq.client.get("/", auth=basic(token)).status_code == 200
    assert hq.client.get("/", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    hq.db(lambda s: admin.revoke_admin_token(s, 1, now=hq.clock()))
    assert hq.client.get("/", auth=basic(token)).status_code == 401
    assert hq.client.get("/export/spend.csv", auth=basic(token)).status_code == 401


def test_page_shows_sites_spend_overdue_and_flags_escaped(hq: HQ) -> None:
    site = hq.add_site("Harbour <b>Hotel</b>", "EUR", "Europe/Paris")
    bar, lobby = hq.enrol(site, name="Bar & Grill"), hq.enrol(site, name="Lobby")
    late, on_time, done = (str(uuid.uuid4()) for _ in range(3))
    bar.add("case.opened", case_id=late, payload={"guest_name": "<script>alert(1)</script>"})
    bar.add("followup.due", case_id=late, payload={"due_at": "2026-11-18T08:00:00.000000Z"})
    bar.add("case.opened", case_id=on_time, payload={"guest_name": "Not Yet Due"})
    bar.add("followup.due", case_id=on_time, payload={"due_at": "2026-11-18T13:00:00.000000Z"})
    bar.add("case.opened", case_id=done, payload={"guest_name": "Already Called"})
    bar.add("followup.due", case_id=done, payload={"due_at": "2026-11-17T08:00:00.000000Z"})
    lobby.add("followup.done", case_id=done, payload={"note": "ok"})
    grant(bar, 1250, MONDAY + timedelta(hours=8))
    grant(lobby, 700, MONDAY + timedelta(days=2, hours=9))
    grant(lobby, 99999, MONDAY - timedelta(hours=2))  # Sunday evening: last week
    lobby.add("approval.given", case_id=str(uuid.uuid4()), at=MONDAY + timedelta(hours=9),
              payload={"approval_id": str(uuid.uuid4()), "value_minor": 700})
    voucher = str(uuid.uuid4())
    bar.add("voucher.redeemed", payload={"voucher_id": voucher})
    lobby.add("voucher.redeemed", payload={"voucher_id": voucher})
    assert hq.push(bar, bar.events).status_code == 200
    assert hq.push(lobby, lobby.events).status_code == 200
    lobby.add()
    assert hq.push(lobby, lobby.events[-1:], chain_head=lobby.head()).status_code == 200
    broken = Desk(lobby.device_id, lobby.token, site.id, events=list(lobby.events))
    broken.add()
    broken.add()
    assert hq.push(broken, [broken.events[-1]]).status_code == 409  # a gap: flagged

    response = hq.client.get("/", auth=basic(hq.admin_token()))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "script-src" not in response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    page = response.text
    assert "<script>" not in page and "<b>Hotel" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Harbour &lt;b&gt;Hotel&lt;/b&gt;" in page and "Bar &amp; Grill" in page
    assert "Not Yet Due" not in page and "Already Called" not in page
    assert "€19.50" in page  # 12.50 + 7.00 this week; last Sunday's grant is not counted
    assert "1 overdue" in page
    assert voucher in page
    assert "chain gap" in page
    assert "2026-11-18 13:00 CET" in page  # last sync, in the site's time zone


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_spend_csv_totals_equal_the_events(hq: HQ) -> None:
    paris = hq.add_site("=Paris", "EUR", "Europe/Paris")
    tokyo = hq.add_site("Tokyo", "JPY", "Asia/Tokyo")
    p1, p2, t1 = hq.enrol(paris), hq.enrol(paris), hq.enrol(tokyo)
    granted: dict[tuple[str, str], int] = {}
    for day in range(1, 6):
        for desk, site, hour, value in ((p1, paris, 10, 100 * day + 5), (p2, paris, 22, 333),
                                        (t1, tokyo, 3, 1000 * day)):
            # 22:00 UTC is already the next day in Paris in November (UTC+1).
            at = datetime(2026, 11, day, hour, 30, tzinfo=UTC)
            grant(desk, value, at, site.currency)
            local_day = at.astimezone(ZoneInfo(site.timezone)).date()
            key = (site.name, local_day.isoformat())
            granted[key] = granted.get(key, 0) + value
    p1.add("correction.recorded", case_id=str(uuid.uuid4()),
           payload={"correction_id": str(uuid.uuid4()), "value_minor": 5000, "currency": "EUR"})
    for desk in (p1, p2, t1):
        assert hq.push(desk, desk.events).status_code == 200
    token = hq.admin_token()

    response = hq.client.get("/export/spend.csv", auth=basic(token),
                             params={"from": "2026-11-02", "to": "2026-11-04"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = rows_of(response.text)
    wanted = {k: v for k, v in granted.items() if "2026-11-02" <= k[1] <= "2026-11-04"}
    got = {(r["site_name"].lstrip("'"), r["date"]): int(r["spend_minor"]) for r in rows}
    assert got == wanted
    assert sum(int(r["spend_minor"]) for r in rows) == sum(wanted.values())
    assert all(r["site_name"] == "'=Paris" for r in rows if "Paris" in r["site_name"])
    tokyo_row = next(r for r in rows if r["site_name"] == "Tokyo" and r["date"] == "2026-11-03")
    assert (tokyo_row["currency"], tokyo_row["spend"]) == ("JPY", "3000")
    paris_row = next(r for r in rows if r["date"] == "2026-11-03" and "Paris" in r["site_name"])
    assert paris_row["grants"] == "2"
    assert paris_row["spend"] == f"{int(paris_row['spend_minor']) / 100:.2f}"

    only_tokyo = rows_of(hq.client.get("/export/spend.csv", auth=basic(token), params={
        "site": "Tokyo", "from": "2026-11-01", "to": "2026-11-30"}).text)
    assert sum(int(r["spend_minor"]) for r in only_tokyo) == 15000
    assert {r["site_id"] for r in only_tokyo} == {tokyo.id}


@pytest.mark.parametrize("params, status", [
    ({"from": "2026-11-05", "to": "2026-11-01"}, 422),
    ({"from": "yesterday"}, 422),
    ({"from": "2026-02-30"}, 422),
    ({"from": "1900-01-01", "to": "2026-01-01"}, 422),
    ({"site": "Nowhere"}, 404),
    ({"site": "\u0000"}, 404),
    ({"from": "0001-01-01", "to": "0001-01-02"}, 422),
    ({"from": "9999-12-30", "to": "9999-12-31"}, 422),
])
def test_spend_csv_refuses_bad_requests(hq: HQ, params: dict[str, str], status: int) -> None:
    hq.add_site()
    response = hq.client.get("/export/spend.csv", auth=basic(hq.admin_token()), params=params)
    assert response.status_code == status, response.text


def test_empty_head_office_renders(hq: HQ) -> None:
    page = hq.client.get("/", auth=basic(hq.admin_token()))
    assert page.status_code == 200
    assert "No sites yet" in page.text
    assert format_utc(hq.clock())[:10] in page.text
