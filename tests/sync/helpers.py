"""Helpers for sync tests: cases that write events, and head office's view of a desk."""

from __future__ import annotations

from db.eventlog import verify_chain
from desktop.core.caselog import row_to_event
from desktop.core.desk import Desk
from desktop.core.views import CaseHeader
from tests.conftest import Team
from tests.headoffice.helpers import HQ


def open_cases(desk: Desk, n: int, *, team: Team | None = None) -> list[str]:
    """Open ``n`` cases (each a handful of events) as the site's agent; their ids."""
    team = team or Team(desk)
    on_shift = team.sign_in(team.agent)
    ids = []
    for i in range(n):
        case_id = desk.cases.open(on_shift, CaseHeader(guest_name=f"Guest {i}",
                                                      location=f"Room {100 + i}"))
        desk.cases.add_note(on_shift, case_id, f"note {i}")
        ids.append(case_id)
    return ids


def local_chain(desk: Desk) -> list[tuple[int, str]]:
    return [(row.seq, row.hash) for row in desk.ledger.events_of(desk.device_id)]


def assert_hq_holds_exactly(hq: HQ, desk: Desk) -> None:
    """Head office holds each of the desk's events once, identical, chain verified."""
    held = hq.held(desk.device_id)
    assert held == local_chain(desk)
    assert len({seq for seq, _ in held}) == len(held)
    rows = desk.ledger.events_of(desk.device_id)
    assert verify_chain(row_to_event(r) for r in rows) is None
