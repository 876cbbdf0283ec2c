"""Publishing from the browser (issue 18, item 2): an admin edits a site's policy or recovery
matrix, reviews the changes field by field, publishes, and sees who published what; desks get
it on their next pull. Bad documents are refused in plain words and nothing is published;
forms need the admin's CSRF token and this origin."""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

import httpx
import pytest

from tests.headoffice.helpers import HQ

POLICY = {"note": "", "approver_roles": ["manager"], "follow_up_minutes": 20,
          "roles": {"agent": {"per_case": 5000, "per_shift": 15000, "per_guest_stay": 8000},
                    "manager": {"per_case": 50000, "per_shift": 150000,
                                "per_guest_stay": 80000}}}
MATRIX = {"note": "", "categories": {"noise": {"low": [
    {"type": "amenity", "description": "A drink on the house", "value": 8}]}},
    "fallback": {"low": [{"type": "none", "description": "Apology and the fix", "value": 0}]}}


class Admin:
    """A browser-like admin: Basic sign-in with the token, forms with the page's CSRF token."""

    def __init__(self, hq: HQ, token: str | None = None) -> None:
        self.hq = hq
        self.auth = httpx.BasicAuth("admin", token or hq.admin_token())

    def get(self, path: str) -> httpx.Response:
        return self.hq.client.get(path, auth=self.auth)

    def csrf(self, path: str) -> str:
        found = re.search(r"name='csrf' value='([0-9a-f]+)'", self.get(path).text)
        assert found is not None
        return found.group(1)

    def post(self, path: str, fields: dict[str, Any], *, csrf: str | None = None,
             origin: str | None = None, page: str | None = None) -> httpx.Response:
        """Post a form with the CSRF token of ``page`` (default: ``path`` less its last part)."""
        token = self.csrf(page or path.rsplit("/", 1)[0]) if csrf is None else csrf
        headers = {"Origin": origin if origin is not None else self.hq.server.url}
        return self.hq.client.post(path, data={**fields, "csrf": token}, auth=self.auth,
                                   headers=headers)

    def review(self, site_id: str, kind: str, document: Any, base: int = 0) -> httpx.Response:
        text = document if isinstance(document, str) else json.dumps(document)
        return self.post(f"/admin/sites/{site_id}/{kind}/review",
                         {"document": text, "base": str(base)})

    def publish(self, site_id: str, kind: str, document: Any, base: int = 0) -> httpx.Response:
        text = document if isinstance(document, str) else json.dumps(document)
        return self.post(f"/admin/sites/{site_id}/{kind}/publish",
                         {"document": text, "base": str(base)})


def desk_get(hq: HQ, desk: Any, path: str, **params: Any) -> httpx.Response:
    return hq.client.get(path, params=params, headers=desk.auth)


def test_an_admin_reviews_then_publishes_a_policy_and_a_desk_pulls_it(hq: HQ) -> None:
    site = hq.add_site("Harbour")
    desk = hq.enrol(site)
    admin = Admin(hq)
    page = admin.get(f"/admin/sites/{site.id}/policy")
    assert page.status_code == 200
    csp = page.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp
    assert "<script" not in page.text and "style=" not in page.text
    assert "No budget policy published yet" in page.text

    review = admin.review(site.id, "policy", POLICY)
    assert review.status_code == 200
    assert "roles.agent.per_case" in review.text and "5000" in review.text
    assert "Publish as version 1" in review.text
    assert desk_get(hq, desk, "/api/v1/policy").status_code == 204  # nothing published yet

    done = admin.publish(site.id, "policy", POLICY)
    assert done.status_code == 303
    page = admin.get(done.headers["location"])
    assert "Version 1 published" in page.text
    assert "test (token 1)" in page.text  # who, in the history
    answer = desk_get(hq, desk, "/api/v1/policy", have=0).json()
    assert answer["version"] == 1 and answer["policy"]["roles"]["agent"]["per_case"] == 5000

    # A second version: before → after for the one field changed, and the history says so.
    changed = json.loads(json.dumps(POLICY))
    changed["roles"]["agent"]["per_case"] = 7500
    review = admin.review(site.id, "policy", changed, base=1)
    rows = re.findall(r"<td class='before'>([^<]*)</td><td class='after'>([^<]*)</td>",
                      review.text)
    assert rows == [("5000", "7500")]
    assert admin.publish(site.id, "policy", changed, base=1).status_code == 303
    history = admin.get(f"/admin/sites/{site.id}/policy").text
    assert re.search(r"<td>2</td><td>test \(token 1\)</td><td>[^<]+</td>"
                     r"<td>roles.agent.per_case</td>", history)
    assert desk_get(hq, desk, "/api/v1/policy", have=1).json()["version"] == 2
    assert desk_get(hq, desk, "/api/v1/policy", have=2).status_code == 204


@pytest.mark.parametrize(("document", "words"), [
    ({**POLICY, "roles": {"agent": {"per_case": "lots", "per_shift": 1, "per_guest_stay": 1}}},
     "limit per case"),
    ({**POLICY, "approver_roles": ["owner"]}, "roles that may approve"),
    ('{"roles": {', "not valid JSON"),
    ("[1, 2]", "must be a JSON object"),
])
def test_a_bad_policy_is_explained_and_nothing_is_published(hq: HQ, document: Any,
                                                             words: str) -> None:
    site = hq.add_site("Harbour")
    desk = hq.enrol(site)
    admin = Admin(hq)
    review = admin.review(site.id, "policy", document)
    assert review.status_code == 422
    assert words in review.text and "id='error'" in review.text
    assert "Publish" not in review.text
    published = admin.publish(site.id, "policy", document)  # straight to publish: refused too
    assert published.status_code == 409 and "Nothing was published" in published.text
    assert desk_get(hq, desk, "/api/v1/policy").status_code == 204


def test_publishing_needs_the_admin_the_csrf_token_and_this_origin(hq: HQ) -> None:
    site = hq.add_site("Harbour")
    desk = hq.enrol(site)
    admin = Admin(hq)
    path = f"/admin/sites/{site.id}/policy/publish"
    fields = {"document": json.dumps(POLICY), "base": "0"}
    assert hq.client.get(f"/admin/sites/{site.id}/policy").status_code == 401
    assert Admin(hq, "not-a-token").get("/admin").status_code == 401
    assert hq.client.post(path, data=fields).status_code == 401
    assert admin.post(path, fields, csrf="").status_code == 403
    assert admin.post(path, fields, csrf="0" * 64).status_code == 403
    # Another admin's token does not fit this admin's forms.
    other = Admin(hq).csrf(f"/admin/sites/{site.id}/policy")
    assert admin.post(path, fields, csrf=other).status_code == 403
    assert admin.post(path, fields, origin="https://evil.example").status_code == 403
    assert admin.post(path, fields, origin="null").status_code == 403
    assert desk_get(hq, desk, "/api/v1/policy").status_code == 204
    assert admin.post(path, fields).status_code == 303


def test_a_review_made_stale_by_another_publication_is_refused(hq: HQ) -> None:
    site = hq.add_site("Harbour")
    admin = Admin(hq)
    assert admin.publish(site.id, "policy", POLICY).status_code == 303
    other = {**POLICY, "follow_up_minutes": 30}
    stale = admin.publish(site.id, "policy", other, base=0)
    assert stale.status_code == 409 and "published after you started" in stale.text
    same = admin.publish(site.id, "policy", POLICY, base=1)
    assert same.status_code == 409 and "nothing changed" in same.text
    assert "Nothing changed" in admin.review(site.id, "policy", POLICY, base=1).text


def test_the_recovery_matrix_is_published_checked_and_pulled(hq: HQ) -> None:
    site = hq.add_site("Harbour")
    desk = hq.enrol(site)
    admin = Admin(hq)
    assert desk_get(hq, desk, "/api/v1/matrix").status_code == 204
    bad = json.loads(json.dumps(MATRIX))
    bad["categories"]["noise"]["low"][0]["type"] = "cash"
    refused = admin.review(site.id, "matrix", bad)
    assert refused.status_code == 422
    assert "noise › low › suggestion 1 › gesture type" in refused.text.replace("&#x27;", "'")
    assert admin.publish(site.id, "matrix", bad).status_code == 409
    assert desk_get(hq, desk, "/api/v1/matrix").status_code == 204

    review = admin.review(site.id, "matrix", MATRIX)
    assert "categories.noise.low[1].description" in review.text
    assert admin.publish(site.id, "matrix", MATRIX).status_code == 303
    answer = desk_get(hq, desk, "/api/v1/matrix", have=0).json()
    assert answer["version"] == 1 and answer["matrix"]["categories"] == MATRIX["categories"]
    assert desk_get(hq, desk, "/api/v1/matrix", have=1).status_code == 204


def _person(desk: Any, name: str, role: str) -> str:
    staff_id = str(uuid.uuid4())
    desk.add("staff.added", actor=staff_id, payload={
        "staff_id": staff_id, "name": name, "role": role, "pin_hash": "scrypt$1$1$1$a$b"})
    return staff_id


def test_an_admin_changes_a_role_resets_a_pin_and_deactivates(hq: HQ) -> None:
    site = hq.add_site("Harbour")
    desk = hq.enrol(site)
    rita = _person(desk, "Rita Lang", "manager")
    sam = _person(desk, "Sam Okoye", "agent")
    assert hq.push(desk, desk.events).status_code == 200
    admin = Admin(hq)
    page = admin.get(f"/admin/sites/{site.id}/staff")
    assert "Rita Lang" in page.text and "Sam Okoye" in page.text and "scrypt" not in page.text
    base = f"/admin/sites/{site.id}/staff"

    done = admin.post(f"{base}/{sam}/role", {"role": "supervisor"}, page=base)
    assert done.status_code == 303
    assert "Role changed" in admin.get(done.headers["location"]).text
    assert admin.post(f"{base}/{sam}/pin-reset", {}, page=base).status_code == 303
    changes = desk_get(hq, desk, "/api/v1/staff/changes").json()["changes"]
    assert [(c["staff_id"], c["kind"], c["role"]) for c in changes] == [
        (sam, "staff.role_changed", "supervisor"), (sam, "staff.pin_reset", "")]
    assert re.search(r"Sam Okoye</td><td>supervisor</td><td>active",
                     admin.get(base).text)

    # The rules of the roster: never the last manager, never a role nobody knows.
    for path, fields in ((f"{base}/{rita}/role", {"role": "agent"}),
                         (f"{base}/{rita}/deactivate", {})):
        refused = admin.post(path, fields, page=base)
        assert refused.status_code == 409 and "last active manager" in refused.text
    refused = admin.post(f"{base}/{sam}/role", {"role": "owner"}, page=base)
    assert refused.status_code == 409 and "unknown role" in refused.text
    assert len(desk_get(hq, desk, "/api/v1/staff/changes").json()["changes"]) == 2

    assert admin.post(f"{base}/{sam}/deactivate", {}, page=base).status_code == 303
    assert re.search(r"Sam Okoye</td><td>supervisor</td><td>deactivated by head office",
                     admin.get(base).text)
    assert sam in hq.pull(desk).json()["deactivated_staff"]
    refused = admin.post(f"{base}/{sam}/pin-reset", {}, page=base)
    assert refused.status_code == 409 and "nobody active" in refused.text
    history = re.findall(r"<tr><td>[^<]+</td><td>test \(token 1\)</td><td>Sam Okoye</td>"
                         r"<td>([^<]+)</td></tr>", admin.get(base).text)
    assert sorted(history) == ["PIN reset", "deactivated", "role changed to supervisor"]


def test_names_and_documents_are_escaped_on_the_admin_pages(hq: HQ) -> None:
    site = hq.add_site("<b>Harbour</b>")
    admin = Admin(hq)
    assert "&lt;b&gt;Harbour&lt;/b&gt;" in admin.get("/admin").text
    noted = {**POLICY, "note": "</textarea><script>alert(1)</script>"}
    review = admin.review(site.id, "policy", noted)
    assert review.status_code == 200 and "<script>" not in review.text
    assert admin.publish(site.id, "policy", noted).status_code == 303
    page = admin.get(f"/admin/sites/{site.id}/policy").text
    assert "<script>" not in page and "&lt;/textarea&gt;&lt;script&gt;" in page
    css = hq.client.get("/admin/style.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert hq.client.get("/admin/sites/nowhere/policy", auth=admin.auth).status_code == 404
