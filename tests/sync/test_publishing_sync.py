"""What an admin publishes in head office's browser pages reaches the desks on their next
sync (issue 18, item 2): the budget policy, the recovery matrix, and role changes and PIN
resets, each checked by the desk with the same rule head office used."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from db.matrix import MatrixError
from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.playbook import categories, recovery_matrix, suggestions
from desktop.sync.client import sync_once
from tests.conftest import Team
from tests.headoffice.helpers import HQ
from tests.headoffice.test_publishing import MATRIX, POLICY, Admin
from tests.sync.test_roster_sync import synced

MakeDesk = Callable[..., Desk]


def test_a_policy_published_in_the_browser_is_in_force_at_the_desk_after_its_next_sync(
        hq: HQ, site_desks: tuple[Any, Desk, Desk, Team]) -> None:
    site, front, _brasserie, _team = site_desks
    before = front.site.policy()
    admin = Admin(hq)
    changed = {**POLICY, "roles": {**POLICY["roles"], "agent": {
        "per_case": 4321, "per_shift": 15000, "per_guest_stay": 8000}}}
    assert admin.review(site.id, "policy", changed).status_code == 200
    assert front.site.policy() == before  # a review publishes nothing
    assert sync_once(front).policy_version is None
    assert admin.publish(site.id, "policy", changed).status_code == 303
    report = sync_once(front)
    assert report.ok and report.policy_version == 1
    assert front.site.policy().limits_for("agent").per_case == 4321


def test_the_recovery_matrix_published_in_the_browser_replaces_the_shipped_one(
        hq: HQ, site_desks: tuple[Any, Desk, Desk, Team]) -> None:
    site, front, brasserie, _team = site_desks
    assert front.ledger.recovery_matrix() == recovery_matrix()  # nothing published: shipped
    assert Admin(hq).publish(site.id, "matrix", MATRIX).status_code == 303
    report = sync_once(front)
    assert report.ok and report.matrix_version == 1
    matrix = front.ledger.recovery_matrix()
    assert categories(matrix) == ["noise"]
    assert [s.description for s in suggestions("noise", "low", "EUR", None, matrix)] == [
        "A drink on the house"]
    assert sync_once(front).matrix_version is None  # adopted once
    assert brasserie.ledger.recovery_matrix() == recovery_matrix()  # until it syncs
    sync_once(brasserie)
    assert categories(brasserie.ledger.recovery_matrix()) == ["noise"]


def test_a_desk_keeps_nothing_of_a_matrix_it_cannot_use(
        site_desks: tuple[Any, Desk, Desk, Team]) -> None:
    _site, front, _brasserie, _team = site_desks
    bad = json.loads(json.dumps(MATRIX))
    bad["fallback"]["low"][0]["value"] = -5
    with pytest.raises(MatrixError, match=r"fallback.low\[1\].value"):
        front.ledger.adopt_matrix(3, bad)
    assert front.ledger.recovery_matrix() == recovery_matrix()
    assert front.ledger.adopt_matrix(3, MATRIX) is True
    assert front.ledger.adopt_matrix(2, {**MATRIX, "note": "older"}) is False
    assert front.ledger.recovery_matrix()["note"] == ""


def test_a_role_change_and_a_pin_reset_from_the_browser_reach_every_desk_once(
        hq: HQ, site_desks: tuple[Any, Desk, Desk, Team], clock: ManualClock) -> None:
    site, front, brasserie, team = site_desks
    admin = Admin(hq)
    base = f"/admin/sites/{site.id}/staff"
    sam, maya = team.supervisor, team.agent
    assert admin.post(f"{base}/{sam.id}/role", {"role": "manager"}, page=base).status_code == 303
    assert admin.post(f"{base}/{maya.id}/pin-reset", {}, page=base).status_code == 303
    assert sync_once(front).ok and sync_once(front).ok  # records both, then pushes them
    assert front.staff.find("Sam Okoye").role == "manager"
    assert front.staff.find("Maya Torres").must_set_pin
    # Maya chooses a new PIN at the front desk before the brasserie hears of the reset; the
    # brasserie, syncing after, sees the reset and the new PIN, and does not reset it again.
    clock.advance(minutes=5)
    front.staff.set_new_pin(maya.id, "8024")
    synced(front, brasserie)
    for desk in (front, brasserie):
        assert desk.staff.find("Sam Okoye").role == "manager"
        assert not desk.staff.find("Maya Torres").must_set_pin
    assert brasserie.shifts.sign_in(maya.id, "8024").on_shift is not None
    recorded = [(e.device_id, e.kind) for device in (front, brasserie)
                for e in front.ledger.events_of(device.recorder.device_id)
                if e.kind in ("staff.pin_reset", "staff.role_changed")]
    assert recorded == [(front.recorder.device_id, "staff.role_changed"),
                        (front.recorder.device_id, "staff.pin_reset")]
