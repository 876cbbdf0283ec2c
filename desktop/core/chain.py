"""Verifying the case log's hash chains: the tail at start-up, the whole of it in the background.

Start-up must not grow with the log. What was verified is remembered in a **checkpoint**: per
device, the seq and hash the check reached. It is kept in the store (setting
``chain_checkpoint``) and sealed with an HMAC whose key lives in the OS keychain
(``desktop.core.secrets``), never in the database, so a checkpoint edited to hide a rewritten
chain is caught. At start only what came after the checkpoint is verified, and the checkpoint's
own events are compared with the hashes it remembers (a chain rewritten from an old event on
differs there). The whole chain is verified by ``amends doctor`` and, after every start, in the
background (``verify_all``): that catches an old event edited in place, and locks the desk.

Reading is plain ``sqlite3`` (read-only) and hashing the stored canonical bytes
(``db.eventlog.verify_stored``): nothing is parsed. The whole chain is checked in pieces, in
as many processes as the caller asks for (``amends doctor``: every core).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from db.eventlog import GENESIS_HASH, STORED_COLUMNS, ChainFault, StoredRow, verify_stored

if TYPE_CHECKING:
    from desktop.core.recorder import Recorder
    from desktop.core.secrets import SecretStore

log = logging.getLogger(__name__)

CHECKPOINT_KEY = "chain_checkpoint"  # the setting row that holds it
# Heads by device: (seq, hash) of the last event verified.
Heads = dict[str, tuple[int, str]]
# ``progress(events_done, events_total)``; may be called often, must be quick.
Progress = Callable[[int, int], None]

_SELECT = f"SELECT {', '.join(STORED_COLUMNS)} FROM event"


def checkpoint_key_name(device_id: str) -> str:
    """The keychain name of the key that seals this desk's checkpoint."""
    return f"chain-checkpoint-key:{device_id}"


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What a verification did: the first fault (None: sound), how many events it verified,
    and the heads it reached (a new checkpoint when sound)."""

    fault: ChainFault | None
    verified: int
    heads: Heads = field(default_factory=dict)
    complete: bool = True  # False: stopped early (cancelled), so it proves nothing


def read_only(db_path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True, timeout=10,
                           check_same_thread=False)


def devices(connection: sqlite3.Connection) -> list[str]:
    """Every device with events, by seeks on the (device_id, seq) index: never a full scan."""
    rows = connection.execute(
        "WITH RECURSIVE d(x) AS (SELECT min(device_id) FROM event UNION ALL "
        "SELECT (SELECT min(device_id) FROM event WHERE device_id > d.x) FROM d "
        "WHERE d.x IS NOT NULL) SELECT x FROM d WHERE x IS NOT NULL").fetchall()
    return [str(row[0]) for row in rows]


def _rows(connection: sqlite3.Connection, device: str, after_seq: int,
          upto_seq: int) -> Iterator[StoredRow]:
    # The cursor itself, row by row: a quarter quicker than batches passed through a generator.
    return connection.execute(f"{_SELECT} WHERE device_id = ? AND seq > ? AND seq <= ? "
                              "ORDER BY seq", (device, after_seq, upto_seq))


def _verify_range(connection: sqlite3.Connection, device: str, after_seq: int, prev: str,
                  upto_seq: int) -> tuple[ChainFault | None, int, str]:
    fault, count, last = verify_stored(_rows(connection, device, after_seq, upto_seq),
                                       start_seq=after_seq + 1, start_prev_hash=prev)
    if fault is None and after_seq + count < upto_seq:  # the last events are gone
        fault = ChainFault(device, after_seq + count + 1, None,
                           f"missing (expected seq {after_seq + count + 1})")
    return fault, count, last


def head_of(connection: sqlite3.Connection, device: str) -> tuple[int, str] | None:
    """The last event by seq; a seq edited into text or a fraction (which sorts above the
    whole numbers) is not one: the check then finds it missing."""
    row = connection.execute("SELECT seq, hash FROM event WHERE device_id = ? AND "
                             "typeof(seq) = 'integer' ORDER BY seq DESC LIMIT 1",
                             (device,)).fetchone()
    return None if row is None else (int(row[0]), str(row[1]))


def verify_tail(connection: sqlite3.Connection, trusted: Heads) -> CheckResult:
    """Verify each device's events after its checkpoint (all of a device not in it), and that
    the checkpoint's own events still carry the hashes it remembers."""
    heads: Heads = {}
    verified = 0
    for device in devices(connection):
        seq, prev = trusted.get(device, (0, GENESIS_HASH))
        if seq:
            row = connection.execute("SELECT id, hash FROM event WHERE device_id = ? AND seq = ?",
                                     (device, seq)).fetchone()
            if row is None or row[1] != prev:
                return CheckResult(ChainFault(
                    device, seq, None if row is None else str(row[0]),
                    "differs from the chain verified before (the log was rewritten or cut)"),
                    verified)
        top = head_of(connection, device)
        # None: every event of the device lost its whole-number seq, so the next is missing.
        fault, count, last = _verify_range(connection, device, seq, prev,
                                           seq + 1 if top is None else top[0])
        verified += count
        if fault is not None:
            return CheckResult(fault, verified)
        heads[device] = (seq + count, last)
    for device, (seq, _hash) in trusted.items():
        if device not in heads:  # a whole device's events are gone
            return CheckResult(ChainFault(device, seq, None, "events verified before are "
                                                             "missing"), verified)
    return CheckResult(None, verified, heads)


# A piece of one device's chain, verified on its own: (device, after seq, up to seq).
Segment = tuple[str, int, int]
SEGMENT = 100_000  # events a piece: progress (and a chance to stop) every second or so


def verify_segment(db_path: str, segment: Segment) -> tuple[ChainFault | None, int, str]:
    """One piece of a chain, in a process of its own: it starts from the stored hash of the
    event before it, which the piece before checks (so the pieces together are the chain)."""
    device, after, upto = segment
    connection = read_only(Path(db_path))
    try:
        prev = GENESIS_HASH
        if after:
            row = connection.execute("SELECT hash FROM event WHERE device_id = ? AND seq = ?",
                                     (device, after)).fetchone()
            if row is None:
                return (ChainFault(device, after, None, f"missing (expected seq {after})"), 0,
                        prev)
            prev = str(row[0])
        return _verify_range(connection, device, after, prev, upto)
    finally:
        connection.close()


def verify_all(db_path: Path, progress: Progress | None = None,
               cancelled: Callable[[], bool] = lambda: False, *,
               processes: int = 1) -> CheckResult:
    """Verify every device's whole chain (``amends doctor``, and the background check after
    every start), in pieces, reporting ``progress(done, total)`` after each. With
    ``processes`` above 1 the pieces are verified in that many processes at once."""
    connection = read_only(db_path)
    try:
        tops = {device: head_of(connection, device) for device in devices(connection)}
    finally:
        connection.close()
    segments: list[Segment] = []
    for device, top in tops.items():
        last = 1 if top is None else top[0]  # None: no whole-number seq, so seq 1 is missing
        segments += [(device, after, min(after + SEGMENT, last))
                     for after in range(0, last, SEGMENT)]
    total = sum(upto - after for _device, after, upto in segments)
    if progress is not None:
        progress(0, total)
    if processes > 1 and len(segments) > 1:
        results = _in_processes(db_path, segments, total, progress, cancelled, processes)
    else:
        results = []
        for segment in segments:
            if cancelled():
                break
            results.append(verify_segment(str(db_path), segment))
            if progress is not None:
                progress(sum(r[1] for r in results), total)
    done = sum(count for _fault, count, _last in results)
    for fault, _count, _last in results:
        if fault is not None:
            return CheckResult(fault, done)
    if len(results) < len(segments):
        return CheckResult(None, done, complete=False)
    heads = {device: (upto, last) for (device, _after, upto), (_f, _c, last)
             in zip(segments, results, strict=True)}
    return CheckResult(None, done, heads)


def _in_processes(db_path: Path, segments: list[Segment], total: int,
                  progress: Progress | None, cancelled: Callable[[], bool],
                  processes: int) -> list[tuple[ChainFault | None, int, str]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Spawned, not forked: the app may have threads (Qt's, the sync worker's).
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(processes, mp_context=context) as pool:
        futures = [pool.submit(verify_segment, str(db_path), segment) for segment in segments]
        results = []
        for future in futures:
            if cancelled():
                for waiting in futures:
                    waiting.cancel()
                break
            results.append(future.result())
            if progress is not None:
                progress(sum(r[1] for r in results), total)
    return results


# --- the sealed checkpoint ----------------------------------------------------------------------


def seal_checkpoint(heads: Heads, key: str) -> str:
    """The stored text of a checkpoint: the heads, an HMAC-SHA256 over them, and which key
    sealed it (a digest of the key, so another computer's keychain is told from an edit)."""
    body = _heads_text(heads)
    mac = hmac.new(bytes.fromhex(key), body.encode(), "sha256").hexdigest()
    return json.dumps({"heads": json.loads(body), "mac": mac, "key_id": key_id(key)},
                      sort_keys=True)


def key_id(key: str) -> str:
    return hashlib.sha256(f"amends-checkpoint-key:{key}".encode()).hexdigest()[:16]


OTHER_KEY = "other key"


def open_checkpoint(text: str, key: str) -> Heads | str | None:
    """The heads of a stored checkpoint; None if its seal does not match (edited), or
    ``OTHER_KEY`` if another key sealed it (this keychain is not the one that wrote it)."""
    try:
        data = json.loads(text)
        heads = {str(d): (int(s), str(h)) for d, (s, h) in data["heads"].items()}
        mac, sealed_by = str(data["mac"]), str(data["key_id"])
        expected = hmac.new(bytes.fromhex(key), _heads_text(heads).encode(),
                            "sha256").hexdigest()
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    if not hmac.compare_digest(sealed_by, key_id(key)):
        return OTHER_KEY
    return heads if hmac.compare_digest(expected, mac) else None


def new_key() -> str:
    return secrets.token_hex(32)


def merge_heads(older: Heads, newer: Heads) -> Heads:
    """Both verified: keep, per device, the one further along."""
    merged = dict(older)
    for device, head in newer.items():
        if head[0] >= merged.get(device, (0, ""))[0]:
            merged[device] = head
    return merged


def _heads_text(heads: Heads) -> str:
    return json.dumps({d: [s, h] for d, (s, h) in heads.items()}, sort_keys=True,
                      separators=(",", ":"))


# --- the desk's room ------------------------------------------------------------------------------

# Why a checkpoint cannot be trusted without being a fault: the whole chain is checked in the
# background instead.
UNTRUSTED_NONE = "no checkpoint yet (a store from before checkpoints, or a new one)"
UNTRUSTED_NO_KEY = "its key is not in this computer's keychain (moved, or the keychain reset)"
UNTRUSTED_KEYCHAIN = "the keychain could not be read"
UNTRUSTED_OTHER_KEY = "it was sealed with a key this keychain does not hold"
SEAL_BROKEN = ("the record of what was already verified (the checkpoint) was changed: its "
               "seal does not match")


@dataclass(frozen=True, slots=True)
class StartCheck:
    """What start-up verified: ``verified`` events after the checkpoint; ``untrusted`` says
    why no checkpoint could be used (then the background check is all there is)."""

    verified: int
    untrusted: str | None = None


class ChainGuard:
    """``desk.chain``: the checkpoint, the tail check at start and the whole-chain check."""

    def __init__(self, recorder: Recorder, db_path: Path,
                 secret_store: Callable[[], SecretStore]) -> None:
        self._recorder = recorder
        self._db_path = db_path
        self._secrets = secret_store

    def check_at_start(self) -> tuple[StartCheck, ChainFault | None]:
        """Verify what came after the checkpoint; advance it. A fault is for the caller to
        refuse the store with."""
        trusted, why = self._trusted()
        if isinstance(trusted, ChainFault):
            return StartCheck(0), trusted
        connection = read_only(self._db_path)
        try:
            if trusted is None and head_of_any(connection):
                return StartCheck(0, why), None
            result = verify_tail(connection, trusted or {})
        finally:
            connection.close()
        if result.fault is None and result.heads != trusted:
            self.advance(result.heads)
        return StartCheck(result.verified, None if trusted is not None else why), result.fault

    def verify_all(self, progress: Progress | None = None,
                   cancelled: Callable[[], bool] = lambda: False, *,
                   processes: int = 1) -> CheckResult:
        """The whole chain; when sound, the checkpoint moves up to what it reached."""
        result = verify_all(self._db_path, progress, cancelled, processes=processes)
        if result.fault is None and result.complete:
            trusted, _why = self._trusted()
            if isinstance(trusted, ChainFault):
                return CheckResult(trusted, result.verified)
            self.advance(merge_heads(trusted or {}, result.heads))
        return result

    def checkpoint(self) -> Heads | None:
        """The trusted checkpoint, or None when there is none to trust."""
        trusted, _why = self._trusted()
        return None if isinstance(trusted, ChainFault) else trusted

    def advance(self, heads: Heads) -> None:
        """Store ``heads`` (verified) as the checkpoint; a keychain that refuses leaves the
        old one (the next start verifies more, nothing is lost)."""
        from desktop.core.secrets import SecretStoreError

        name = checkpoint_key_name(self._recorder.device_id)
        try:
            store = self._secrets()
            key = store.get(name)
            if key is None:
                key = new_key()
                store.set(name, key)
        except SecretStoreError as error:
            log.warning("the chain checkpoint is not kept: %s", error)
            return
        from db.models import Setting as SettingRow

        with self._recorder.tx() as db:
            db.merge(SettingRow(key=CHECKPOINT_KEY, value=seal_checkpoint(heads, key)))

    def _trusted(self) -> tuple[Heads | ChainFault | None, str]:
        from db.models import Setting as SettingRow
        from desktop.core.secrets import SecretStoreError

        with self._recorder.tx() as db:
            row = db.get(SettingRow, CHECKPOINT_KEY)
            text = None if row is None else row.value
        if text is None:
            return None, UNTRUSTED_NONE
        try:
            key = self._secrets().get(checkpoint_key_name(self._recorder.device_id))
        except SecretStoreError as error:
            log.warning("the chain checkpoint cannot be checked: %s", error)
            return None, UNTRUSTED_KEYCHAIN
        if key is None:
            return None, UNTRUSTED_NO_KEY
        heads = open_checkpoint(text, key)
        if heads is None:
            return ChainFault(self._recorder.device_id, 0, None, SEAL_BROKEN), ""
        if isinstance(heads, str):
            return None, UNTRUSTED_OTHER_KEY
        return heads, ""


def head_of_any(connection: sqlite3.Connection) -> bool:
    return connection.execute("SELECT 1 FROM event LIMIT 1").fetchone() is not None
