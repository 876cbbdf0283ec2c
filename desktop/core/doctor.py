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

from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from db.schema_version import HEAD_REVISION, KNOWN_REVISIONS
from db.store import StoreError, check_file, current_revision, make_engine


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


# Lists the printers this machine can print to, and names its default one ("" for none).
# The core stays free of Qt: the caller (the CLI or Help → Diagnostics) passes Qt's lister.
PrinterLister = Callable[[], tuple[list[str], str]]

# Below these, the case log and kept slips may soon fail to write.
DISK_FAIL_BYTES = 100 * 1024 * 1024
DISK_WARN_BYTES = 1024 * 1024 * 1024


def run_checks(data_dir: Path, *, printers: PrinterLister | None = None,
               reach_head_office: bool = True) -> list[Check]:
    """All checks, in an order where each later one assumes the earlier passed."""
    checks = [_data_dir(data_dir), _disk_space(data_dir)]
    db_path = data_dir / "amends.sqlite3"
    if not db_path.exists():
        checks.append(Check("database", Status.WARN,
                            f"no case log at {db_path} yet (the first start creates it)"))
        checks.append(_keychain(data_dir))
        return checks
    checks.extend(_store_checks(db_path))
    checks.append(_keychain(data_dir))
    checks.append(_printers(db_path, printers))
    checks.extend(head_office_checks(data_dir, db_path, reach=reach_head_office))
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

    chosen = {"voucher": "", "apology": ""}
    try:
        connection = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True,
                                     timeout=1)
    except sqlite3.Error:
        return chosen
    try:
        rows = connection.execute(
            "SELECT key, value FROM setting WHERE key IN "
            "('printer.voucher', 'printer.apology')").fetchall()
    except sqlite3.Error:
        rows = []
    finally:
        connection.close()
    for key, value in rows:
        chosen[str(key).removeprefix("printer.")] = str(value)
    return chosen


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
        if name:
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
    return Check("data dir", Status.OK, f"{data_dir} (writable)")


def _store_checks(db_path: Path) -> list[Check]:
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
            lambda: _chain(engine),
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


def _integrity(engine, db_path: Path) -> Check:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    with engine.connect() as connection:
        rows = [str(r[0]) for r in connection.execute(text("PRAGMA integrity_check")).all()]
    if rows == ["ok"]:
        size = os.path.getsize(db_path)
        return Check("integrity", Status.OK,
                     f"{db_path} ({size // 1024} KiB) passes SQLite's check")
    return Check("integrity", Status.FAIL, f"{db_path}: {'; '.join(rows[:3])}")


def _schema(engine) -> Check:  # type: ignore[no-untyped-def]
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


def _chain(engine) -> Check:  # type: ignore[no-untyped-def]
    from desktop.core.caselog import verify_log

    with Session(engine) as db:
        try:
            fault = verify_log(db)
            count = db.query(_event_table()).count()
        except (ValueError, KeyError) as error:
            return Check("event chain", Status.FAIL, f"an event cannot be read: {error}")
    if fault is not None:
        return Check("event chain", Status.FAIL, fault.describe())
    return Check("event chain", Status.OK, f"{count} events verify")


def _event_table():  # type: ignore[no-untyped-def]
    from db.models import EventRow

    return EventRow


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

HQ_TIMEOUT = 3.0  # seconds: the doctor must answer quickly even when head office does not


def head_office_checks(data_dir: Path, db_path: Path, *, reach: bool = True) -> list[Check]:
    """Enrolled or not, head office reachable and accepting this desk, events waiting."""
    from sqlalchemy import func, select

    from db.models import EventRow, Setting

    engine = make_engine(db_path)
    try:
        with Session(engine) as db:
            settings = {r.key: r.value for r in db.scalars(select(Setting).where(
                Setting.key.in_(("device_id", "hq_url", "hq_pull_fault"))))}
            device_id = settings.get("device_id", "")
            pending = db.scalar(select(func.count()).select_from(EventRow).where(
                EventRow.device_id == device_id, EventRow.acked.is_(False))) or 0
    except DatabaseError as error:
        return [Check("head office", Status.WARN, f"sync state cannot be read ({error.orig})")]
    finally:
        engine.dispose()
    url = settings.get("hq_url", "")
    if not url:
        return [Check("head office", Status.WARN, "not enrolled (amends enroll URL CODE); "
                                                  f"{pending} event(s) only on this desk")]
    checks = [_reach(data_dir, url, device_id) if reach else
              Check("head office", Status.OK, f"enrolled with {url}")]
    fault = settings.get("hq_pull_fault", "")
    waiting = f"{pending} event(s) waiting to be sent"
    checks.append(Check("sync", Status.FAIL if fault else Status.OK,
                        f"{waiting}; pulling is stuck: {fault}" if fault else waiting))
    return checks


def _reach(data_dir: Path, url: str, device_id: str) -> Check:
    try:
        import httpx

        from desktop.core.secrets import SecretStore
        from desktop.sync.client import token_name

        token = SecretStore(data_dir).get(token_name(device_id))
    except Exception as error:  # a broken keyring must not stop the doctor
        return Check("head office", Status.WARN, f"enrolled with {url}; token unreadable: "
                                                 f"{type(error).__name__}")
    if not token:
        return Check("head office", Status.FAIL, f"enrolled with {url} but the token is not in "
                                                 "the keychain: enrol again with a new code")
    try:
        # have=2**31: never a newer policy, so a cheap 204 that still checks the token.
        response = httpx.get(f"{url}/api/v1/policy", params={"have": 2**31},
                             headers={"Authorization": f"Bearer {token}"}, timeout=HQ_TIMEOUT)
    except httpx.HTTPError as error:
        return Check("head office", Status.WARN, f"{url} not reachable now "
                                                 f"({type(error).__name__})")
    if response.status_code == 401:
        return Check("head office", Status.FAIL, f"{url} does not accept this desk (revoked, "
                                                 "or enrolled again elsewhere)")
    if response.status_code >= 400:
        return Check("head office", Status.WARN, f"{url} answered {response.status_code}")
    return Check("head office", Status.OK, f"{url} reachable, this desk accepted")
