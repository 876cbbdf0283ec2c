"""Another desk's chain that head office passed over, and catching up on it afterwards.

When head office finds that a desk's chain, as it holds it, does not verify (someone edited its
database), its pulls pass over that desk's events from the broken seq on and list them as
``withheld``: the other desks' events keep arriving, so no desk is stuck on another's broken
chain. The pull cursor moves past what was passed over, so once head office sends that desk's
events again (its database restored), this desk asks for them by seq, from the last one it
holds (``GET /api/v1/events?device=…&from_seq=…``), and merges them as any pull.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol

from db import wire
from desktop.sync.errors import SyncError, SyncProblem

if TYPE_CHECKING:
    import httpx

    from desktop.core.desk import Desk

log = logging.getLogger(__name__)

MAX_PAGES = 10_000


class Session(Protocol):
    def call(self, method: str, path: str, **kwargs: Any) -> httpx.Response: ...


def describe(withheld: Mapping[str, wire.Withheld]) -> list[str]:
    """English, one line a desk passed over, for the report and the log."""
    return [f"desk {w['device_id']}: its events from seq {w['from_seq']} are passed over "
            f"(its chain does not verify at head office: {w['problem']})"
            for w in withheld.values()]


def catch_up(desk: Desk, session: Session, withheld: Mapping[str, wire.Withheld],
             page_size: int) -> tuple[int, list[str]]:
    """Fetch by seq the events of desks passed over before and sent again now; record which
    are passed over now. Returns the events stored and a line for each desk passed over."""
    stored = 0
    still = set(withheld)
    for device_id in sorted(desk.ledger.passed_over() - set(withheld)):
        more, caught = _fetch(desk, session, device_id, page_size)
        stored += caught
        if more is not None:
            still.add(device_id)  # passed over again meanwhile: next round
    desk.ledger.record_passed_over(frozenset(still))
    lines = describe(withheld)
    for line in lines:
        log.warning("pull: %s", line)
    return stored, lines


def _fetch(desk: Desk, session: Session, device_id: str, page_size: int
           ) -> tuple[wire.Withheld | None, int]:
    """One desk's events after the last held here, page by page; (its withheld entry if
    head office passes over it again, events stored)."""
    stored = 0
    for _ in range(MAX_PAGES):
        from_seq = desk.ledger.last_seq_of(device_id) + 1
        response = session.call("GET", "/events", params={"device": device_id,
                                                          "from_seq": from_seq,
                                                          "limit": page_size})
        if response.status_code != 200:
            raise SyncError(f"Head office refused to send desk {device_id}'s events "
                            f"({response.status_code})", status=response.status_code,
                            problem=SyncProblem.REFUSED)
        try:
            page = wire.parse_pull_page(response.json())
            events = wire.events_from_wire(page.events)
        except (ValueError, TypeError, wire.WireError) as error:
            raise SyncError(f"Head office's answer cannot be read: {error}",
                            problem=SyncProblem.BAD_ANSWER) from None
        again = (page.withheld or {}).get(device_id)
        if not events:
            return again, stored
        merged = desk.ledger.merge_remote(events, desk.ledger.state().pull_cursor)
        stored += merged.stored
        if merged.faults:
            raise SyncError("Refused other desks' events whose chain does not verify: "
                            + "; ".join(merged.faults[:3]), problem=SyncProblem.BAD_REMOTE)
        if again is not None:
            return again, stored
    return None, stored
