"""Talking to head office: enrol this desk once, then push the outbox and pull, as often as needed.

No Qt here: the CLI, the background worker and the tests call these functions directly.

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
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import httpx

from db import wire
from db.eventlog import Event
from desktop.core.secrets import token_name
from desktop.sync import passed_over
from desktop.sync.adopt import fetch_matrix, fetch_staff_changes
from desktop.sync.errors import EnrolError, NotEnrolled, SyncError, SyncProblem

if TYPE_CHECKING:
    from desktop.core.desk import Desk
    from desktop.core.views import SyncState
    from desktop.sync.identity import Identity

log = logging.getLogger(__name__)

API = "/api/v1"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
# Events per push: big enough that head office's per-request work (a transaction, a commit
# that waits for the disk) is spread thin, small enough to resend cheaply after a lost answer.
PUSH_BATCH = 2000
# Head office refuses bodies over 5 MiB (413); a batch of long notes is split before that.
MAX_PUSH_BYTES = 4 * 1024 * 1024
PULL_PAGE = 500
MAX_PAGES = 10_000  # bounds one round against a server that never stops answering "more"


@dataclass(slots=True)
class SyncReport:
    """What one round moved, and what went wrong (``errors`` empty when all went well)."""

    pushed: int = 0  # events sent (including resends)
    acked: int = 0  # events newly marked as held by head office
    pulled: int = 0  # other desks' events newly stored here
    refolded: bool = False
    policy_version: int | None = None  # the head-office policy version adopted this round
    matrix_version: int | None = None  # the recovery matrix version adopted this round
    pending: int = 0  # events of this desk still waiting after the round
    held: int = 0  # other desks' events held in quarantine after the round (not applied)
    # Other desks whose events head office passed over (their chain does not verify there).
    passed_over: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # English, for the log and the terminal
    problems: list[SyncProblem] = field(default_factory=list)  # the same, for a screen to word
    offline: bool = False
    not_enrolled: bool = False
    # A failure nobody foresaw (a bug): the desk's screens show a plain sentence instead of
    # ``errors``, and the worker has logged it with its traceback.
    unexpected: BaseException | None = None

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        policy = f", policy v{self.policy_version}" if self.policy_version is not None else ""
        if self.matrix_version is not None:
            policy += f", recovery matrix v{self.matrix_version}"
        held = f"; {self.held} of other desks held back" if self.held else ""
        over = "; passed over: " + "; ".join(self.passed_over) if self.passed_over else ""
        return (f"pushed {self.pushed} (acknowledged {self.acked}), pulled {self.pulled}"
                f"{policy}; {self.pending} waiting{held}{over}")


# --- enrolment -----------------------------------------------------------------------------------


def enroll(desk: Desk, url: str, code: str, device_name: str | None = None, *,
           http: httpx.Client | None = None) -> dict[str, Any]:
    """Join head office at ``url`` with a one-time ``code``; returns head office's site values.

    The desk keeps its cases (they are pushed on the next sync). Head office's site name and
    time zone are adopted; a different currency is refused by head office (409) and nothing
    here changes.
    """
    from desktop.core.errors import DeskError
    from desktop.core.secrets import SecretStoreError
    from desktop.sync.identity import identity

    base = normalise_url(url)
    if not desk.site.exists():
        raise EnrolError("Set up this desk (site, currency, manager) before enrolling it.",
                         problem=SyncProblem.NO_SITE)
    site = desk.site.info()
    key = identity(desk)
    with _client(http) as client:
        # A desk that already had its key may be known to head office: prove it is this desk.
        proof = _proof(client, base, desk.device_id, key) if key and key.known else None
        body = wire.enrol_request(
            code=code.strip(), device_id=desk.device_id,
            device_name=(device_name or "").strip() or f"{site.name} desk",
            site={"name": site.name, "currency": site.currency, "timezone": site.timezone},
            voucher_public_key=_voucher_public_key(desk),
            device_public_key=key.public_hex if key else None, proof=proof)
        response = _request(client, "POST", f"{base}{API}/enroll", json=body)
    if response.status_code != 200:
        raise EnrolError(f"Head office refused the enrolment: {_detail(response)}",
                         status=response.status_code, problem=_enrol_problem(response))
    answer = _json(response)
    try:
        enrolled = wire.parse_enrol_answer(answer)
    except wire.WireError:
        raise EnrolError("Head office's answer has no token; is this an Amends head office?",
                         problem=SyncProblem.BAD_ANSWER) from None
    token = enrolled["token"]
    try:
        # The token first: settings without a token would claim an enrolment that cannot sync.
        desk.secret_store.set(token_name(desk.device_id), token)
    except SecretStoreError as error:
        raise EnrolError(f"The head-office token could not be stored: {error}",
                         problem=SyncProblem.KEYCHAIN) from error
    try:
        desk.ledger.record_enrolment(url=base, site_id=enrolled["site_id"],
                              site_name=enrolled["site_name"],
                              timezone=enrolled["timezone"])
    except DeskError as error:
        raise EnrolError(f"Enrolled, but the desk could not record it: {error}",
                         problem=SyncProblem.NOT_RECORDED) from error
    log.info("enrolled desk %s with head office %s", desk.device_id, base)
    return {k: v for k, v in answer.items() if k != "token"}


def _proof(client: httpx.Client, base: str, device_id: str,
           key: Identity) -> wire.EnrolProof | None:
    """This desk's signature over a fresh nonce from head office (None from a head office
    too old to ask for one)."""
    response = _request(client, "POST", f"{base}{API}/enroll/challenge",
                        json=wire.challenge_request(device_id=device_id))
    if response.status_code in (404, 405):
        return None
    if response.status_code != 200:
        raise EnrolError(f"Head office refused the enrolment: {_detail(response)}",
                         status=response.status_code, problem=_enrol_problem(response))
    try:
        answer = wire.parse_challenge_answer(_json(response), device_id)
    except wire.WireError as error:
        raise EnrolError(f"Head office's challenge cannot be used: {error}",
                         problem=SyncProblem.BAD_ANSWER) from None
    return key.sign(device_id, answer["nonce"])


def _enrol_problem(response: httpx.Response) -> SyncProblem:
    if response.status_code == 429:
        return SyncProblem.THROTTLED
    if response.status_code >= 500:
        return SyncProblem.UNAVAILABLE
    try:
        proof_needed = response.json().get("proof_needed") is True
    except (ValueError, AttributeError):
        proof_needed = False
    if proof_needed:
        return SyncProblem.ENROL_PROOF
    return SyncProblem.ENROL_CONFLICT if response.status_code == 409 else SyncProblem.ENROL_CODE


def _voucher_public_key(desk: Desk) -> str | None:
    """This desk's public voucher key if it already has a signing key (none is made here)."""
    from desktop.core.secrets import SecretStoreError, voucher_key_name

    try:
        stored = desk.secret_store.get(voucher_key_name(desk.device_id))
        if stored is None:
            return None
        from desktop.core.vouchers import public_key_of

        return public_key_of(bytes.fromhex(stored)).hex()
    except (SecretStoreError, ValueError) as error:
        # Enrolment still works; other desks learn the key from voucher.issued events.
        log.warning("voucher key not sent to head office: %s", type(error).__name__)
        return None


def normalise_url(url: str) -> str:
    text = url.strip().rstrip("/")
    if not text.startswith(("http://", "https://")):
        raise EnrolError(f"{url!r} is not a head-office address: it starts with https://",
                         problem=SyncProblem.BAD_ADDRESS)
    return text


# --- one round -----------------------------------------------------------------------------------


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
        with _client(http) as client:
            session = _Session(client, state.url, token)
            _push(desk, session, batch_size, report, state)
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


class _Session:
    """Head office's API with this desk's token."""

    def __init__(self, client: httpx.Client, base: str, token: str) -> None:
        self.client = client
        self.base = base.rstrip("/") + API
        self._headers = {"Authorization": f"Bearer {token}"}

    def call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = {**self._headers, **kwargs.pop("headers", {})}
        url = f"{self.base}{path}"
        try:
            response = self.client.request(method, url, headers=headers, **kwargs)
        except httpx.RemoteProtocolError:
            # Head office closes a kept-alive connection after a few idle seconds (folding a
            # big page of other desks' events may take longer), and a request sent just as it
            # closes gets no answer. Every call here is safe to repeat: once more, which takes
            # a fresh connection.
            response = _request(self.client, method, url, headers=headers, **kwargs)
        except httpx.TransportError as error:
            raise _unreachable(error) from error
        if response.status_code == 401:
            raise SyncError(f"Head office does not accept this desk: {_detail(response)}. "
                            "If it was revoked, ask head office; otherwise enrol it again.",
                            status=401,
                            problem=SyncProblem.NOT_ACCEPTED)
        if response.status_code >= 500:
            raise SyncError(f"Head office is unavailable ({response.status_code}): "
                            f"{_detail(response)}", offline=True, status=response.status_code,
                            problem=SyncProblem.UNAVAILABLE)
        return response


class _ChainHead:
    """The chain head to send with each batch: this desk's newest hash known to the round.

    The head travels with every push (an empty one is a ping), so head office holds the
    desk's latest hash outside its reach. Asking the store for it before every batch meant
    counting the whole outbox each time (``sync_state``), a sizeable share of draining a
    long one; instead: while a batch ends before the head known at the start of the round,
    that head is sent; once a batch reaches it (or, if nothing was waiting at the start, at
    once), each batch's last hash is at least as new as anything sent, so it is sent.
    """

    def __init__(self, known: str, passed: bool) -> None:
        self.known = known
        self.passed = passed

    @classmethod
    def of(cls, state: SyncState) -> _ChainHead:
        # Nothing waiting: whatever the outbox holds now was written after that head.
        return cls(state.chain_head, state.pending == 0)

    def _reaches(self, batch: Sequence[Event]) -> bool:
        return bool(batch) and (self.passed or any(e.hash == self.known for e in batch))

    def for_batch(self, batch: Sequence[Event]) -> str:
        return batch[-1].hash if self._reaches(batch) else self.known

    def held(self, batch: Sequence[Event]) -> None:
        """Head office holds ``batch``: later batches are past the head."""
        if self._reaches(batch):
            self.passed = True
            self.known = batch[-1].hash

    def after(self, batch: Sequence[Event]) -> _ChainHead:
        """A copy as it will be once head office holds ``batch`` (to prepare the next one)."""
        later = _ChainHead(self.known, self.passed)
        later.held(batch)
        return later


@dataclass(frozen=True, slots=True)
class _Batch:
    """Events to push and their request body."""

    events: list[Event]
    body: bytes
    more: bool  # more events may be waiting after these (the read was full, or cut to fit)


def _prepare(events: list[Event], asked: int, heads: _ChainHead) -> _Batch:
    """Encode ``events`` (read with limit ``asked``), halved until the body is at most
    MAX_PUSH_BYTES (one event always goes)."""
    more = len(events) >= asked > 0
    while True:
        body = wire.push_body(events, heads.for_batch(events))
        if len(body) <= MAX_PUSH_BYTES or len(events) <= 1:
            return _Batch(events, body, more)
        events, more = events[:len(events) // 2], True


class _ReadAhead:
    """Marks the last batch acknowledged and prepares the next while a push is on the wire.

    Draining a long outbox alternates between the desk (read a batch, encode it, mark the
    previous one acknowledged) and head office (check and store it). Only the network call
    has to wait for head office, so while it does, a helper thread marks what head office
    acknowledged for the batch before, and reads and encodes the batch after (the one on the
    wire is not acknowledged yet, so it is skipped). Marking stays strictly "up to what head
    office said it holds", one batch later than it could: a crash in between means a resend.
    """

    def __init__(self, desk: Desk, batch_size: int) -> None:
        self.desk = desk
        self.size = batch_size
        self.unmarked: int | None = None  # highest_seq answered, not yet marked here
        self._pool: ThreadPoolExecutor | None = None
        self._job: Future[tuple[int, _Batch]] | None = None

    def ack(self, highest: int) -> None:
        self.unmarked = highest if self.unmarked is None else max(self.unmarked, highest)

    def flush(self) -> int:
        """Mark what head office acknowledged, now; how many events changed."""
        upto, self.unmarked = self.unmarked, None
        return 0 if upto is None else self.desk.ledger.mark_acked(upto)

    def start(self, on_the_wire: list[Event], heads: _ChainHead) -> None:
        """Prepare the batch after ``on_the_wire`` while it is pushed."""
        if self._pool is None:
            self._pool = ThreadPoolExecutor(1, thread_name_prefix="amends-sync-outbox")
        upto, self.unmarked = self.unmarked, None
        self._job = self._pool.submit(self._next, upto, on_the_wire, heads.after(on_the_wire))

    def _next(self, upto: int | None, on_the_wire: list[Event], heads: _ChainHead
              ) -> tuple[int, _Batch]:
        acked = 0 if upto is None else self.desk.ledger.mark_acked(upto)
        following = self.desk.ledger.outbox(self.size, after_seq=on_the_wire[-1].seq)
        return acked, _prepare(following, self.size, heads)

    def collect(self) -> tuple[int, _Batch | None]:
        """Wait for the helper: events it marked, and the next batch (None: not prepared)."""
        job, self._job = self._job, None
        return (0, None) if job is None else job.result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)


def _push(desk: Desk, session: _Session, batch_size: int, report: SyncReport,
          state: SyncState) -> None:
    reopened = False
    heads = _ChainHead.of(state)
    ahead = _ReadAhead(desk, batch_size)
    try:
        # The first push may be empty: a ping that carries the chain head.
        batch = _prepare(desk.ledger.outbox(batch_size), batch_size, heads)
        while True:
            if batch.more:
                ahead.start(batch.events, heads)
            try:
                response = session.call("POST", "/events", content=batch.body,
                                        headers={"Content-Type": "application/json"})
            finally:
                marked, following = ahead.collect()
                report.acked += marked
            events = batch.events
            if response.status_code == 413 and len(events) > 1:
                # Head office takes smaller bodies than this desk sends: halve the batches.
                ahead.size = max(len(events) // 2, 1)
                batch = _prepare(events[:ahead.size], ahead.size, heads)
                continue
            report.pushed += len(events)
            if response.status_code == 409:
                refusal = wire.parse_push_refusal(_json(response))
                highest = refusal.highest_seq
                report.acked += ahead.flush()
                if (refusal.fault_kind == "chain_gap" and highest is not None and events
                        and highest < events[0].seq - 1 and not reopened):
                    # Head office holds less than it once acknowledged (restored from a
                    # backup): the events are still here, so send them again from where it
                    # stands. Once.
                    desk.ledger.reopen_outbox(highest)
                    reopened = True
                    heads = _ChainHead.of(desk.ledger.state())  # older events go again
                    batch = _prepare(desk.ledger.outbox(ahead.size), ahead.size, heads)
                    continue
                if highest is not None:
                    # What head office holds before the fault is safely there.
                    report.acked += desk.ledger.mark_acked(highest)
                # An event that breaks its kind's schema was written by a faulty build: its
                # colleagues could not apply it, so head office keeps it out (and flags it).
                problem = (SyncProblem.REFUSED_INVALID if refusal.fault_kind == "event_schema"
                           else SyncProblem.REFUSED_EVENTS)
                raise SyncError(f"Head office refused this desk's events: {_detail(response)}",
                                status=409, problem=problem)
            if response.status_code != 200:
                raise SyncError(f"Head office refused the push ({response.status_code}): "
                                f"{_detail(response)}", status=response.status_code,
                                problem=SyncProblem.REFUSED_EVENTS)
            try:
                highest = wire.parse_push_answer(_json(response))
            except wire.WireError:
                raise SyncError("Head office's answer to a push has no highest_seq.",
                                problem=SyncProblem.BAD_ANSWER) from None
            ahead.ack(highest)
            if not events:
                return
            if highest < events[-1].seq:
                # 200 means it holds the batch; anything else would loop for ever.
                raise SyncError(f"Head office holds up to seq {highest} only, after a batch "
                                f"up to {events[-1].seq}.",
                                problem=SyncProblem.REFUSED_EVENTS)
            heads.held(events)
            if following is None or not following.events:
                # Not read ahead, or nothing was waiting then: look again, after marking.
                report.acked += ahead.flush()
                following = _prepare(desk.ledger.outbox(ahead.size), ahead.size, heads)
            if not following.events:
                return
            batch = following
    finally:
        try:
            report.acked += ahead.flush()
        finally:
            ahead.close()


def _pull(desk: Desk, session: _Session, cursor: int, report: SyncReport, *,
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
                            f"({response.status_code}): {_detail(response)}",
                            status=response.status_code,
                            problem=SyncProblem.REFUSED)
        try:
            page = wire.parse_pull_page(_json(response))
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


def _policy(desk: Desk, session: _Session, report: SyncReport) -> None:
    from desktop.core.policy import PolicyError

    have = desk.ledger.state().policy_version
    response = session.call("GET", "/policy", params={"have": have})
    if response.status_code == 204:
        return
    if response.status_code != 200:
        raise SyncError(f"Head office refused the policy ({response.status_code}): "
                        f"{_detail(response)}", status=response.status_code,
                        problem=SyncProblem.REFUSED)
    try:
        answer = wire.parse_policy_answer(_json(response))
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


# --- HTTP helpers --------------------------------------------------------------------------------


@contextmanager
def _client(http: httpx.Client | None) -> Iterator[httpx.Client]:
    """The caller's client, left open; or a fresh one, closed after."""
    if http is not None:
        yield http
        return
    with httpx.Client(timeout=DEFAULT_TIMEOUT) as own:
        yield own


def _request(client: httpx.Client, method: str, url: str, **kwargs: Any) -> httpx.Response:
    try:
        return client.request(method, url, **kwargs)
    except httpx.TransportError as error:
        raise _unreachable(error) from error


def _unreachable(error: httpx.TransportError) -> SyncError:
    # Offline, refused, reset, cut short, timed out: all "try again later".
    return SyncError(f"Head office cannot be reached ({type(error).__name__}: {error})",
                     offline=True)


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError as error:
        raise SyncError(f"Head office answered {response.status_code} with something that is "
                        "not JSON; is the address right?", status=response.status_code,
                        problem=SyncProblem.BAD_ANSWER) from error
    if not isinstance(data, dict):
        raise SyncError("Head office's answer is not a JSON object.",
                        problem=SyncProblem.BAD_ANSWER)
    return data


def _detail(response: httpx.Response) -> str:
    try:
        data = response.json()
    except ValueError:
        return f"HTTP {response.status_code}"
    detail = data.get("detail") if isinstance(data, dict) else None
    if isinstance(detail, str):
        return detail
    return f"HTTP {response.status_code}"
