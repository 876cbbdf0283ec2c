"""Talking to head office: enrol this desk once, then push the outbox and pull, as often as needed.

One round (``sync_once``) is here with its pull and policy steps; enrolment is in
``desktop.sync.enrolment``, the push in ``desktop.sync.push``, the HTTP calls in
``desktop.sync.calls``. No Qt here: the CLI, the background worker and the tests call these
functions directly.

Every step is safe to repeat, because every step is idempotent on both sides:

* push: head office stores each (device, seq) once and ignores an identical resend, and the
  desk marks its outbox acknowledged only up to the ``highest_seq`` head office answered, one
  transaction per batch. A response lost after head office committed just means the batch is
  sent again.
* pull: other desks' events are inserted only if not held (same device and seq), each
  device's chain is verified from the last event held of it, and the cursor moves in the same
  transaction as the events, so a crash re-pulls at most one page. An event this desk cannot
  apply is stored but held in quarantine (``desktop.core.quarantine``): the rest are applied
  and the cursor moves, so no event can stop pulling.
* the read model is refolded once after merging, flagged in the store so a crash before the
  refold is repaired by the next round.
* policy: stored only if newer than the last version head office sent.

The device token lives in the keychain (``SecretStore``), never in the database, a setting or a
log line.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import httpx

from db import wire
from desktop.core.secrets import token_name
from desktop.sync import passed_over
from desktop.sync.adopt import fetch_matrix, fetch_staff_changes
from desktop.sync.calls import HeadOffice, detail_of, json_of, open_client
from desktop.sync.enrolment import enroll, normalise_url
from desktop.sync.errors import NotEnrolled, SyncError, SyncProblem
from desktop.sync.push import MAX_PUSH_BYTES, PUSH_BATCH, push
from desktop.sync.report import SyncReport

if TYPE_CHECKING:
    from desktop.core.desk import Desk

# What callers import from here; enrolment, pushing and the report live in modules of their own.
__all__ = ["MAX_PUSH_BYTES", "PUSH_BATCH", "SyncReport", "enroll", "normalise_url", "sync_once"]

log = logging.getLogger(__name__)


PULL_PAGE = 500
MAX_PAGES = 10_000  # bounds one round against a server that never stops answering "more"


def sync_once(desk: Desk, *, http: httpx.Client | None = None,
              batch_size: int = PUSH_BATCH) -> SyncReport:
    """Push the outbox, pull other desks' events and the newest policy. Never raises for a
    network or head-office problem: those are in ``report.errors``."""
    report = SyncReport()
    try:
        state = desk.ledger.state()
        if not state.enrolled:
            raise NotEnrolled("This desk is not connected to head office (amends enroll URL "
                              "CODE).",
                              problem=SyncProblem.NOT_ENROLLED)
        token = _token(desk)
        with open_client(http) as client:
            session = HeadOffice(client, state.url, token)
            push(desk, session, batch_size, report, state)
            try:
                _pull(desk, session, state.pull_cursor, report, held=state.held)
            finally:
                # Even after a pull fault, what was merged must show.
                report.refolded = _refold(desk)
            _policy(desk, session, report)
            report.matrix_version = fetch_matrix(desk, session)
            if fetch_staff_changes(desk, session):
                report.refolded = True  # the roster changed: screens show it again
    except SyncError as error:
        report.errors.append(str(error))
        report.problems.append(error.problem)
        report.offline = error.offline
        report.not_enrolled = isinstance(error, NotEnrolled)
    report.pending = _pending(desk, report)
    return report


def _refold(desk: Desk) -> bool:
    try:
        return desk.ledger.refold_after_merge()
    except Exception as error:
        # An event this build cannot fold must not stop pushing; the flag stays set, so the
        # next round (or a newer build) tries again, and the error is shown, not swallowed.
        log.exception("refolding after a merge failed")
        raise SyncError(f"Other desks' events were stored but could not be shown: "
                        f"{type(error).__name__}: {error}",
                        problem=SyncProblem.LOCAL) from error


def _pending(desk: Desk, report: SyncReport) -> int:
    try:
        state = desk.ledger.state()
        report.held = state.held
        return state.pending
    except Exception as error:  # the store is busy or gone: the round's report still counts
        report.errors.append(f"could not count waiting events: {error}")
        report.problems.append(SyncProblem.LOCAL)
        return report.pending


def _token(desk: Desk) -> str:
    from desktop.core.secrets import SecretStoreError

    try:
        token = desk.secret_store.get(token_name(desk.device_id))
    except SecretStoreError as error:
        raise SyncError(f"The head-office token cannot be read: {error}",
                        problem=SyncProblem.KEYCHAIN) from error
    if not token:
        raise SyncError("The head-office token is missing from the keychain: enrol this desk "
                        "again with a new code (amends enroll URL CODE).",
                        problem=SyncProblem.NOT_ENROLLED)
    return token


def _pull(desk: Desk, session: HeadOffice, cursor: int, report: SyncReport, *,
          held: int = 0) -> None:
    """Pull pages until one comes back empty (head office may cut a page short of PULL_PAGE
    events when they are large, so a short page says nothing). ``held``: how many events this
    desk holds in quarantine, for head office to flag."""
    params = {"limit": PULL_PAGE, **({"held": held} if held else {})}
    withheld: dict[str, wire.Withheld] | None = None  # None: a head office from before
    for _ in range(MAX_PAGES):
        response = session.call("GET", "/events", params={"after": cursor, **params})
        if response.status_code != 200:
            raise SyncError(f"Head office refused to send other desks' events "
                            f"({response.status_code}): {detail_of(response)}",
                            status=response.status_code,
                            problem=SyncProblem.REFUSED)
        try:
            page = wire.parse_pull_page(json_of(response))
        except wire.WireError as error:
            raise SyncError(f"Head office's {error}.",
                            problem=SyncProblem.BAD_ANSWER) from None
        next_cursor = page.next
        if page.revoked_devices is not None:  # a head office from before revocation lists
            desk.ledger.record_revoked_devices(page.revoked_devices)
        if page.withheld is not None:
            withheld = page.withheld
        if not page.events:
            # People head office retired are locked out here now (after the page's events,
            # so someone added at another desk is known first).
            desk.ledger.record_head_office_deactivations(page.deactivated_staff)
            break
        try:
            events = wire.events_from_wire(page.events)
        except (ValueError, TypeError) as error:
            raise SyncError(f"Head office sent an unreadable event: {error}",
                            problem=SyncProblem.BAD_REMOTE) from error
        merged = desk.ledger.merge_remote(events, next_cursor)
        desk.ledger.record_head_office_deactivations(page.deactivated_staff)
        report.pulled += merged.stored
        if merged.faults:
            raise SyncError("Refused other desks' events whose chain does not verify: "
                            + "; ".join(merged.faults[:3]),
                            problem=SyncProblem.BAD_REMOTE)
        cursor = next_cursor
    if withheld is not None:
        # Pulling went on past other desks' broken chains; say so, and catch up on those
        # head office sends again.
        caught, report.passed_over = passed_over.catch_up(desk, session, withheld, PULL_PAGE)
        report.pulled += caught


def _policy(desk: Desk, session: HeadOffice, report: SyncReport) -> None:
    from desktop.core.policy import PolicyError

    have = desk.ledger.state().policy_version
    response = session.call("GET", "/policy", params={"have": have})
    if response.status_code == 204:
        return
    if response.status_code != 200:
        raise SyncError(f"Head office refused the policy ({response.status_code}): "
                        f"{detail_of(response)}", status=response.status_code,
                        problem=SyncProblem.REFUSED)
    try:
        answer = wire.parse_policy_answer(json_of(response))
    except wire.WireError:
        raise SyncError("Head office's policy answer is malformed.",
                        problem=SyncProblem.BAD_ANSWER) from None
    version, document = answer["version"], answer["policy"]
    try:
        stored = desk.ledger.adopt_policy(version, document)
    except PolicyError as error:
        raise SyncError(f"Head office's policy v{version} cannot be used here: {error}",
                        problem=SyncProblem.BAD_POLICY) from error
    if stored is not None:
        report.policy_version = version
