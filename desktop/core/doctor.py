"""Health checks of a desk's data dir, for `amends doctor` and Help → Diagnostics.

Each check is read-only: the doctor never migrates, repairs or rewrites anything, so it can be
run on a store the app has refused. No check reports a secret.
"""

from __future__ import annotations

import enum
import os
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


def run_checks(data_dir: Path) -> list[Check]:
    """All checks, in an order where each later one assumes the earlier passed."""
    checks = [_data_dir(data_dir)]
    db_path = data_dir / "amends.sqlite3"
    if not db_path.exists():
        checks.append(Check("database", Status.WARN,
                            f"no case log at {db_path} yet (the first start creates it)"))
        checks.append(_keychain(data_dir))
        return checks
    checks.extend(_store_checks(db_path))
    checks.append(_keychain(data_dir))
    return checks


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
