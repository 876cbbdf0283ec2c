"""Adding a person from head office's browser pages (issue 18, item 2): checked by the rules a
desk applies (a name, not too long, a known role, nobody active of that name), recorded once
with head office's id and no PIN, and listed for the site's desks to adopt on their sync."""

from __future__ import annotations

import re

import pytest

from db.roster import MAX_NAME
from tests.headoffice.helpers import HQ
from tests.headoffice.test_publishing import Admin, _person, desk_get


def test_an_admin_adds_a_person_who_chooses_their_pin_at_a_desk(hq: HQ) -> None:
    site = hq.add_site("Harbour")
    desk = hq.enrol(site)
    _person(desk, "Rita Lang", "manager")
    assert hq.push(desk, desk.events).status_code == 200
    admin = Admin(hq)
    base = f"/admin/sites/{site.id}/staff"
    page = admin.get(base).text
    assert f"action='{base}/add'" in page and "choose their PIN" in page

    done = admin.post(f"{base}/add", {"name": "  Lena\tBrandt ", "role": "supervisor"},
                      page=base)
    assert done.status_code == 303
    shown = admin.get(done.headers["location"]).text
    assert "Added: they choose their PIN when they first sign in at a desk." in shown
    assert re.search(r"Lena Brandt</td><td>supervisor</td><td>active</td><td>head office",
                     shown)
    assert re.search(r"<td>Lena Brandt</td><td>added as supervisor</td>", shown)
    changes = desk_get(hq, desk, "/api/v1/staff/changes", added=1).json()["changes"]
    assert [(c["kind"], c["name"], c["role"]) for c in changes] == [
        ("staff.added", "Lena Brandt", "supervisor")]
    lena = changes[0]["staff_id"]
    # A desk that does not ask for additions (built before them) is not sent them.
    assert desk_get(hq, desk, "/api/v1/staff/changes").json()["changes"] == []
    assert re.fullmatch(r"[0-9a-f-]{36}", lena) and f"id='staff-{lena}'" in shown

    # Head office's own changes apply to them at once: a role change, then the same name again.
    assert admin.post(f"{base}/{lena}/role", {"role": "agent"}, page=base).status_code == 303
    assert re.search(r"Lena Brandt</td><td>agent</td>", admin.get(base).text)
    again = admin.post(f"{base}/add", {"name": "LENA BRANDT", "role": "agent"}, page=base)
    assert again.status_code == 409 and "already called" in again.text
    assert len(desk_get(hq, desk, "/api/v1/staff/changes", added=1).json()["changes"]) == 2


@pytest.mark.parametrize(("fields", "words"), [
    ({"name": "", "role": "agent"}, "type the person&#x27;s name"),
    ({"name": " \t\n ", "role": "agent"}, "type the person&#x27;s name"),
    ({"role": "agent"}, "type the person&#x27;s name"),
    ({"name": "x" * (MAX_NAME + 1), "role": "agent"}, f"at most {MAX_NAME} characters"),
    ({"name": "Lena Brandt", "role": "owner"}, "unknown role"),
    ({"name": "Lena Brandt"}, "unknown role"),
])
def test_a_bad_addition_is_explained_and_nothing_is_recorded(
        hq: HQ, fields: dict[str, str], words: str) -> None:
    site = hq.add_site("Harbour")
    desk = hq.enrol(site)
    admin = Admin(hq)
    base = f"/admin/sites/{site.id}/staff"
    refused = admin.post(f"{base}/add", fields, page=base)
    assert refused.status_code == 409
    assert "Nothing was changed" in refused.text and words in refused.text
    assert desk_get(hq, desk, "/api/v1/staff/changes", added=1).json()["changes"] == []
    assert "Lena" not in admin.get(base).text.split("<table", 1)[-1]


def test_adding_needs_the_admin_the_csrf_token_and_this_origin(hq: HQ) -> None:
    site = hq.add_site("Harbour")
    desk = hq.enrol(site)
    admin = Admin(hq)
    base = f"/admin/sites/{site.id}/staff"
    fields = {"name": "Lena Brandt", "role": "agent"}
    assert admin.post(f"{base}/add", fields, csrf="").status_code == 403
    assert admin.post(f"{base}/add", fields, page=base,
                      origin="https://elsewhere.example").status_code == 403
    unsigned = hq.client.post(f"{base}/add", data={**fields, "csrf": admin.csrf(base)})
    assert unsigned.status_code == 401
    assert desk_get(hq, desk, "/api/v1/staff/changes", added=1).json()["changes"] == []
    page = admin.get(base)
    assert "script-src" in page.headers.get("content-security-policy", "") or \
        "default-src" in page.headers.get("content-security-policy", "")
