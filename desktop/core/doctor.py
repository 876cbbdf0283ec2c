"""Health checks of a desk's data dir, for `amends doctor` and Help → Diagnostics.

Each check is read-only: the doctor never migrates, repairs or rewrites anything, so it can be
run on a store the app has refused. No check reports a secret.
"""

from __future__ import annotations

import enum
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from db.schema_version import HEAD_REVISION, KNOWN_REVISIONS
from db.store import StoreError, check_file, current_revision, make_engine
from desktop.core.paths import DB_FILE, open_to_others
from desktop.core.printers import is_receipt_printer
from desktop.core.settings import DEVICE_ID, HQ_PASSED_OVER, HQ_PULL_FAULT, HQ_URL, PRINTER


class Status(enum.Enum):
    OK = "OK"
    WARN = "WARN"
    FAIL = "FAIL"


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    status: Status
    detail: str

    def line(self) -> str:
        return f"{self.status.value:<4}  {self.name:<14} {self.detail}"


# ``progress(events_done, events_total)`` while the whole chain is verified (the CLI shows it).
ChainProgress = Callable[[int, int], None]

# Lists the printers this machine can print to, and names its default one ("" for none).
# The core stays free of Qt: the caller (the CLI or Help → Diagnostics) passes Qt's lister.
PrinterLister = Callable[[], tuple[list[str], str]]

# Below these, the case log and kept slips may soon fail to write.
DISK_FAIL_BYTES = 100 * 1024 * 1024
DISK_WARN_BYTES = 1024 * 1024 * 1024


def run_checks(data_dir: Path, *, printers: PrinterLister | None = None,
               head_office: HeadOfficeProbe | None = None,
               progress: ChainProgress | None = None) -> list[Check]:
    """All checks, in an order where each later one assumes the earlier passed (head office
    is asked only through ``head_office``; without it, enrolment is reported as is)."""
    checks = [_data_dir(data_dir), _disk_space(data_dir)]
    db_path = data_dir / DB_FILE
    if not db_path.exists():
        checks.append(Check("database", Status.WARN,
                            f"no case log at {db_path} yet (the first start creates it)"))
        checks.append(_keychain(data_dir))
        return checks
    checks.extend(_store_checks(db_path, progress))
    checks.append(_keychain(data_dir))
    checks.append(_printers(db_path, printers))
    checks.extend(head_office_checks(data_dir, db_path, head_office))
    return checks


def _disk_space(data_dir: Path) -> Check:
    # The data dir may not exist yet; its nearest existing parent is on the same disk.
    where = data_dir
    while not where.exists() and where.parent != where:
        where = where.parent
    try:
        free = shutil.disk_usage(where).free
    except OSError as error:
        return Check("disk space", Status.WARN, f"cannot measure free space ({error.strerror})")
    text = f"{free / 1024 ** 3:.1f} GiB free on the data dir's disk"
    if free < DISK_FAIL_BYTES:
        return Check("disk space", Status.FAIL, f"only {free // 1024 ** 2} MiB free; free "
                                                "some space or the case log cannot grow")
    if free < DISK_WARN_BYTES:
        return Check("disk space", Status.WARN, text + " (less than 1 GiB)")
    return Check("disk space", Status.OK, text)


def configured_printers(db_path: Path) -> dict[str, str]:
    """The printer chosen for each kind of slip ("" = the system default), read-only."""
    import sqlite3

    chosen = {kind: setting.default for kind, setting in PRINTER.items()}
    try:
        connection = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True,
                                     timeout=1)
    except sqlite3.Error:
        return chosen
    try:
        keys = [setting.key for setting in PRINTER.values()]
        rows = connection.execute(
            f"SELECT key, value FROM setting WHERE key IN ({', '.join('?' * len(keys))})",
            keys).fetchall()
    except sqlite3.Error:
        rows = []
    finally:
        connection.close()
    stored = dict(rows)
    return {kind: setting.read(stored.get(setting.key)) for kind, setting in PRINTER.items()}


def _printers(db_path: Path, lister: PrinterLister | None) -> Check:
    chosen = configured_printers(db_path)
    if lister is None:
        return Check("printers", Status.WARN, "cannot list this machine's printers here")
    try:
        available, default = lister()
    except Exception as error:  # a broken print system must not stop the doctor
        return Check("printers", Status.WARN, f"cannot list printers: {error}")
    parts: list[str] = []
    missing: list[str] = []
    for kind, name in chosen.items():
        if is_receipt_printer(name):
            # Spoken to directly (ESC/POS), not through the system; not probed here.
            parts.append(f"{kind} slips → receipt printer {name}")
        elif name:
            if name in available:
                parts.append(f"{kind} slips → {name}")
            else:
                missing.append(f"{kind} slips → {name} (not connected)")
        elif default:
            parts.append(f"{kind} slips → system default {default}")
        else:
            missing.append(f"{kind} slips → no printer (no system default)")
    # A missing printer loses nothing (the slip PDF is kept), so it warns rather than fails.
    if missing:
        return Check("printers", Status.WARN, "; ".join(missing + parts)
                     + "; slips are kept as PDF in the data dir")
    return Check("printers", Status.OK, "; ".join(parts))


def _data_dir(data_dir: Path) -> Check:
    if not data_dir.exists():
        return Check("data dir", Status.WARN, f"{data_dir} does not exist yet")
    if not data_dir.is_dir():
        return Check("data dir", Status.FAIL, f"{data_dir} is not a folder")
    try:
        with tempfile.NamedTemporaryFile(dir=data_dir, prefix=".doctor-"):
            pass
    except OSError as error:
        return Check("data dir", Status.FAIL, f"{data_dir} is not writable ({error.strerror})")
    if open_to_others(data_dir):
        return Check("data dir", Status.WARN,
                     f"{data_dir} can be read by other accounts of this computer (guest names "
                     f"and complaints are in it): run 'chmod -R go-rwx {data_dir}', or start "
                     "Amends once, which tightens it")
    return Check("data dir", Status.OK, f"{data_dir} (writable, private)")


def _store_checks(db_path: Path, progress: ChainProgress | None) -> list[Check]:
    try:
        check_file(db_path)
    except StoreError as error:
        return [Check("database", Status.FAIL, str(error))]
    engine = make_engine(db_path)
    results: list[Check] = []
    try:
        steps: list[Callable[[], Check]] = [
            lambda: _integrity(engine, db_path),
            lambda: _schema(engine),
            lambda: _chain(db_path, progress),
        ]
        for step in steps:
            result = step()
            results.append(result)
            if result.status is Status.FAIL and result.name in ("integrity", "schema"):
                break
    except DatabaseError as error:
        results.append(Check("database", Status.FAIL, f"{db_path} cannot be read ({error.orig})"))
    finally:
        engine.dispose()
    return results


def _size(size: int) -> str:
    return f"{size // 1024} KiB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MiB"


def database_size(db_path: Path) -> str:
    """The database's size as it is on disk: with WAL, recent writes sit in the ``-wal``
    file (megabytes) until a checkpoint, while the main file may still be a few KiB."""
    main = os.path.getsize(db_path)
    wal = db_path.with_name(db_path.name + "-wal")
    wal_size = os.path.getsize(wal) if wal.exists() else 0
    if not wal_size:
        return _size(main)
    return f"{_size(main + wal_size)}: {_size(main)} + {_size(wal_size)} write-ahead log"


def _integrity(engine: Engine, db_path: Path) -> Check:
    from sqlalchemy import text

    with engine.connect() as connection:
        rows = [str(r[0]) for r in connection.execute(text("PRAGMA integrity_check")).all()]
    if rows == ["ok"]:
        return Check("integrity", Status.OK,
                     f"{db_path} ({database_size(db_path)}) passes SQLite's check")
    return Check("integrity", Status.FAIL, f"{db_path}: {'; '.join(rows[:3])}")


def _schema(engine: Engine) -> Check:
    revision = current_revision(engine)
    if revision is None:
        return Check("schema", Status.WARN, "not migrated yet (the next start migrates it)")
    if revision not in KNOWN_REVISIONS:
        return Check("schema", Status.FAIL,
                     f"{revision} is from a newer Amends; this version knows up to {HEAD_REVISION}")
    if revision != HEAD_REVISION:
        return Check("schema", Status.WARN, f"{revision}; the next start migrates to "
                                            f"{HEAD_REVISION}")
    return Check("schema", Status.OK, f"{revision} (current)")


def _chain(db_path: Path, progress: ChainProgress | None) -> Check:
    """The whole chain of every device, from the stored bytes (read-only: the checkpoint the
    desk keeps is neither trusted nor moved here)."""
    import sqlite3

    from desktop.core.chain import verify_all

    try:
        # Every core: a million cases are millions of events.
        result = verify_all(db_path, progress, processes=min(os.cpu_count() or 1, 8))
    except sqlite3.Error as error:
        return Check("event chain", Status.FAIL, f"the events cannot be read: {error}")
    if result.fault is not None:
        return Check("event chain", Status.FAIL, result.fault.describe())
    return Check("event chain", Status.OK, f"{result.verified} events verify")


def _keychain(data_dir: Path) -> Check:
    try:
        from desktop.core.secrets import SecretStore

        store = SecretStore(data_dir)
    except Exception as error:  # a broken keyring install must not stop the doctor
        return Check("keychain", Status.WARN, f"keyring unavailable: {error}")
    warning = store.warning()
    if warning is not None:
        return Check("keychain", Status.WARN, warning)
    return Check("keychain", Status.OK, store.backend_name)


# --- head office --------------------------------------------------------------------------------

# Asks head office whether it accepts this desk: ``(url, device_id) -> Check``. The core does
# not talk to head office; the caller (the CLI or Help → Diagnostics) passes the sync
# client's probe (``desktop.sync.health.probe_head_office``).
HeadOfficeProbe = Callable[[Path, str, str], Check]


def head_office_checks(data_dir: Path, db_path: Path,
                       probe: HeadOfficeProbe | None = None) -> list[Check]:
    """Enrolled or not, head office reachable and accepting this desk, events waiting."""
    from sqlalchemy import func, select

    from db.models import EventRow
    from db.models import Setting as SettingRow

    wanted = (DEVICE_ID, HQ_URL, HQ_PULL_FAULT, HQ_PASSED_OVER)
    engine = make_engine(db_path)
    try:
        with Session(engine) as db:
            raw = {r.key: r.value for r in db.scalars(select(SettingRow).where(
                SettingRow.key.in_([s.key for s in wanted])))}
            device_id = DEVICE_ID.read(raw.get(DEVICE_ID.key))
            pending = db.scalar(select(func.count()).select_from(EventRow).where(
                EventRow.device_id == device_id, EventRow.acked.is_(False))) or 0
    except DatabaseError as error:
        return [Check("head office", Status.WARN, f"sync state cannot be read ({error.orig})")]
    finally:
        engine.dispose()
    url = HQ_URL.read(raw.get(HQ_URL.key))
    if not url:
        return [Check("head office", Status.WARN, "not enrolled (amends enroll URL CODE); "
                                                  f"{pending} event(s) only on this desk")]
    checks = [probe(data_dir, url, device_id) if probe is not None else
              Check("head office", Status.OK, f"enrolled with {url}")]
    fault = HQ_PULL_FAULT.read(raw.get(HQ_PULL_FAULT.key))
    waiting = f"{pending} event(s) waiting to be sent"
    passed = HQ_PASSED_OVER.read(raw.get(HQ_PASSED_OVER.key))
    if passed and not fault:
        # Not stuck: head office passes over those desks' broken chains and has flagged them.
        checks.append(Check("sync", Status.WARN,
                            f"{waiting}; head office passes over the events of {len(passed)} "
                            "other desk(s) whose chain does not verify there: "
                            + ", ".join(sorted(passed))))
    else:
        checks.append(Check("sync", Status.FAIL if fault else Status.OK,
                            f"{waiting}; pulling is stuck: {fault}" if fault else waiting))
    checks.append(_held(db_path))
    return checks


def _held(db_path: Path) -> Check:
    """Other desks' events held in quarantine: a warning (the rest syncs and shows)."""
    from desktop.core.quarantine import summary

    engine = make_engine(db_path)
    try:
        with Session(engine) as db:
            held = summary(db)
    except DatabaseError as error:  # a store not migrated yet has no quarantine table
        return Check("held events", Status.WARN, f"cannot be counted ({error.orig})")
    finally:
        engine.dispose()
    if not held.count:
        return Check("held events", Status.OK, "none: every pulled event was applied")
    return Check("held events", Status.WARN,
                 f"{held.count} event(s) of other desks held back, not applied: "
                 f"{held.describe()}")
