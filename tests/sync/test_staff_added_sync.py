"""Someone an admin adds in head office's browser pages reaches the desks on their next sync
(issue 18, item 2): with head office's id (two desks that adopt them hold one person) and no
PIN, so they choose it at their first sign-in, as after a PIN reset."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from db.roster import NO_PIN, parse_head_office_changes
from desktop.core import pins
from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.early_pins import EarlyPins
from desktop.core.errors import DeskError, Refusal
from desktop.core.paths import DB_FILE
from desktop.core.roster import read_roster
from desktop.core.settings import HQ_STAFF_CHANGES
from desktop.sync.client import sync_once
from tests.conftest import Team
from tests.headoffice.helpers import HQ
from tests.headoffice.test_publishing import Admin
from tests.sync.test_roster_sync import synced

MakeDesk = Callable[..., Desk]


def _add(hq: HQ, site: Any, name: str, role: str) -> str:
    admin = Admin(hq)
    base = f"/admin/sites/{site.id}/staff"
    assert admin.post(f"{base}/add", {"name": name, "role": role}, page=base).status_code == 303
    found = re.findall(rf"<tr id='staff-([^']+)'><td>{name}</td>", admin.get(base).text)
    assert len(found) == 1
    return str(found[0])


def _refused(refusal: Refusal, call: Callable[..., Any], *args: Any) -> None:
    with pytest.raises(DeskError) as raised:
        call(*args)
    assert raised.value.refusal is refusal


def test_a_person_added_in_the_browser_signs_in_at_a_desk_after_choosing_a_pin(
        hq: HQ, site_desks: tuple[Any, Desk, Desk, Team], clock: ManualClock) -> None:
    site, front, _brasserie, _team = site_desks
    lena = _add(hq, site, "Lena Brandt", "supervisor")
    assert sync_once(front).ok
    person = front.staff.member(lena)
    assert (person.name, person.role, person.must_set_pin) == ("Lena Brandt", "supervisor", True)
    # On the sign-in list, and the early PIN check (before the log opens) asks for a new PIN.
    roster = read_roster(front.data_dir / DB_FILE)
    assert roster is not None and [(e.id, e.name) for e in roster.staff
                                   if e.name == "Lena Brandt"] == [(lena, "Lena Brandt")]
    _refused(Refusal.PIN_RESET_PENDING, EarlyPins(front.data_dir / DB_FILE, clock).check,
             lena, "8024")
    _refused(Refusal.PIN_RESET_PENDING, front.shifts.sign_in, lena, NO_PIN)
    assert not pins.verify_pin(NO_PIN, NO_PIN)
    # Bad PINs are refused as after any reset; then she chooses one and signs in.
    _refused(Refusal.PIN_TOO_SIMPLE, front.staff.set_new_pin, lena, "1111")
    clock.advance(minutes=1)
    front.staff.set_new_pin(lena, "8024")
    assert front.shifts.sign_in(lena, "8024").on_shift is not None
    # Adopted once: later syncs add nobody.
    before = front.event_count()
    assert sync_once(front).ok and sync_once(front).ok
    assert len([m for m in front.staff.roster() if m.name == "Lena Brandt"]) == 1
    assert front.event_count() == before


def test_two_desks_adopting_the_same_addition_hold_one_person(
        hq: HQ, site_desks: tuple[Any, Desk, Desk, Team], clock: ManualClock) -> None:
    site, front, brasserie, _team = site_desks
    lena = _add(hq, site, "Lena Brandt", "agent")
    # Each desk adopts her before it has heard of the other's events.
    assert sync_once(front).ok
    assert sync_once(brasserie).ok
    for desk in (front, brasserie):
        assert desk.staff.member(lena).must_set_pin
        own = [e.kind for e in desk.ledger.events_of(desk.recorder.device_id) if lena in e.payload]
        assert own == ["staff.added", "staff.pin_reset"]
    # She chooses her PIN at the front desk; the brasserie, syncing after, does not reset it.
    clock.advance(minutes=5)
    front.staff.set_new_pin(lena, "8024")
    synced(front, brasserie)
    for desk in (front, brasserie):
        same = [m for m in desk.staff.roster() if m.name == "Lena Brandt"]
        assert [(m.id, m.must_set_pin) for m in same] == [(lena, False)]
    assert brasserie.shifts.sign_in(lena, "8024").on_shift is not None
    admin = Admin(hq)
    page = admin.get(f"/admin/sites/{site.id}/staff").text
    assert page.count("<td>Lena Brandt</td><td>agent</td><td>active</td>") == 1


def test_a_desk_that_already_holds_the_person_records_nothing(
        hq: HQ, site_desks: tuple[Any, Desk, Desk, Team]) -> None:
    site, front, brasserie, _team = site_desks
    lena = _add(hq, site, "Lena Brandt", "agent")
    assert sync_once(front).ok and sync_once(front).ok  # adopts, then pushes
    assert sync_once(brasserie).ok  # pulls the front's events first: holds her already
    adopted = [e for e in brasserie.ledger.events_of(brasserie.recorder.device_id)
               if e.kind.startswith("staff.") and lena in e.payload]
    assert [e.kind for e in adopted] == []
    assert brasserie.staff.member(lena).must_set_pin


def test_a_desk_whose_cursor_passed_the_addition_still_adopts_the_person(
        hq: HQ, site_desks: tuple[Any, Desk, Desk, Team]) -> None:
    # As a desk built before additions, which was not sent them but moved its cursor past
    # their ids with a later role change, then was updated.
    site, front, _brasserie, team = site_desks
    lena = _add(hq, site, "Lena Brandt", "agent")
    admin = Admin(hq)
    base = f"/admin/sites/{site.id}/staff"
    assert admin.post(f"{base}/{team.agent.id}/pin-reset", {}, page=base).status_code == 303
    front.settings.set(HQ_STAFF_CHANGES, 2)
    assert sync_once(front).ok
    assert front.staff.member(lena).must_set_pin


@pytest.mark.parametrize("item", [
    {"name": "", "role": "agent"}, {"name": " \n", "role": "agent"}, {"role": "agent"},
    {"name": 7, "role": "agent"}, {"name": "x" * 101, "role": "agent"},
    {"name": "Lena Brandt", "role": "owner"}, {"name": "Lena Brandt", "role": ""},
])
def test_an_addition_a_desk_cannot_use_is_refused_whole(item: dict[str, Any]) -> None:
    change = {"id": 1, "staff_id": "a", "kind": "staff.added", "at": "2026-11-30T12:00:00Z",
              **item}
    with pytest.raises(ValueError):
        parse_head_office_changes({"changes": [change]})
    good = parse_head_office_changes({"changes": [{**change, "name": " Lena  Brandt",
                                                   "role": "agent"}]})
    assert [(c.kind, c.name, c.role) for c in good] == [("staff.added", "Lena Brandt", "agent")]
