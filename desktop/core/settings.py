"""Every setting a desk keeps, typed and registered in one place, and the room that reads them.

A setting is a row of the ``setting`` table (key, text). Nothing else names a key: the core,
the screens and ``amends doctor`` all go through a ``Setting`` of this registry, which says
its type, its default, how it is written as text and who may change it. A stored value that
no longer reads (hand-edited, or from a build that wrote it otherwise) reads as the default,
so a damaged setting can never stop the desk.
"""

from __future__ import annotations

import enum
import json
import logging
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sqlalchemy import select

from db.models import Setting as SettingRow
from desktop.core.errors import DeskError, Refusal

if TYPE_CHECKING:
    from desktop.core.recorder import Recorder
    from desktop.core.views import OnShift

log = logging.getLogger(__name__)

T = TypeVar("T")


class Who(enum.Enum):
    """Who may change a setting."""

    DESK = "desk"  # only the app itself (sync, upgrades): never a person at the desk
    ANYONE = "anyone"  # anyone signed in (which printer a slip goes to)
    MANAGER = "manager"  # a manager, on record


@dataclass(frozen=True)  # no slots: Setting[X](...) sets __orig_class__
class Setting(Generic[T]):
    """One registered setting: its key, type (by ``parse``/``dump``) and default."""

    key: str
    default: T
    parse: Callable[[str], T]
    dump: Callable[[T], str]
    who: Who
    about: str

    def read(self, raw: str | None) -> T:
        """The value a stored text stands for; the default when absent or unreadable."""
        if raw is None:
            return self.default
        try:
            return self.parse(raw)
        except (ValueError, TypeError):
            log.warning("setting %s does not read; using its default", self.key)
            return self.default


REGISTRY: dict[str, Setting[Any]] = {}


def _register(setting: Setting[T]) -> Setting[T]:
    assert setting.key not in REGISTRY, setting.key
    REGISTRY[setting.key] = setting
    return setting


def _text(raw: str) -> str:
    return raw


def _count(raw: str) -> int:
    return max(int(raw or 0), 0)


def _flag(raw: str) -> bool:
    return raw == "1"


def _dump_flag(value: bool) -> str:
    return "1" if value else "0"


def _minutes(raw: str) -> float:
    minutes = float(raw)
    if not math.isfinite(minutes):
        raise ValueError("not a number of minutes")
    return max(minutes, 0.5)  # locking every few seconds would lock people out


def _sentences(raw: str) -> tuple[str, ...]:
    value = json.loads(raw) if raw else []
    if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
        raise ValueError("not a list of sentences")
    return tuple(value)


def _dump_sentences(value: tuple[str, ...]) -> str:
    return json.dumps(list(value), ensure_ascii=False) if value else ""


def _ids(raw: str) -> frozenset[str]:
    value = json.loads(raw) if raw else []
    if not isinstance(value, list):
        raise ValueError("not a list")
    return frozenset(item for item in value if isinstance(item, str))


def _dump_ids(value: frozenset[str]) -> str:
    return json.dumps(sorted(value))


def _factor(raw: str) -> Decimal | None:
    if not raw:
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation as error:  # an ArithmeticError, which ``Setting.read`` misses
        raise ValueError(raw) from error
    if not value.is_finite() or value <= 0:
        raise ValueError(raw)
    return value


def _dump_factor(value: Decimal | None) -> str:
    return "" if value is None else str(value)


SLIP_SIZES = ("roll80", "a4", "letter")


def _slip_size(raw: str) -> str:
    if raw not in SLIP_SIZES:
        raise ValueError(raw)
    return raw


# --- the registry ----------------------------------------------------------------------------

DEVICE_ID = _register(Setting("device_id", "", _text, _text, Who.DESK,
                              "this desk's id in every event it writes; made once"))
IDLE_LOCK_MINUTES = _register(Setting(
    "idle_lock_minutes", 3.0, _minutes, lambda v: f"{v:g}", Who.MANAGER,
    "minutes without a key or click before the desk locks back to sign-in"))
VOUCHER_TERMS = _register(Setting[tuple[str, ...]](
    "voucher_terms", (), _sentences, _dump_sentences, Who.MANAGER,
    "the terms printed on vouchers (empty: the shipped terms in the site's language)"))
PRINTER = {kind: _register(Setting(
    f"printer.{kind}", "", _text, _text, Who.ANYONE,
    f"the printer {kind} slips go to (empty: the system's default printer)"))
    for kind in ("voucher", "apology")}
SLIP_SIZE = {kind: _register(Setting(
    f"slip_size.{kind}", "roll80", _slip_size, _text, Who.ANYONE,
    f"the paper of {kind} slips: {', '.join(SLIP_SIZES)}"))
    for kind in ("voucher", "apology")}
DEPARTMENTS = _register(Setting[tuple[str, ...]](
    "handoff_departments", ("housekeeping", "maintenance", "kitchen", "duty_manager"),
    _sentences, _dump_sentences, Who.MANAGER,
    "the departments a case can be handed to (the four shipped ones are named in the "
    "screen's language; others as typed)"))
HQ_URL = _register(Setting("hq_url", "", _text, _text, Who.DESK,
                           "head office's address, set by 'amends enroll'"))
HQ_SITE_ID = _register(Setting("hq_site_id", "", _text, _text, Who.DESK,
                               "this site's id at head office"))
HQ_PULL_CURSOR = _register(Setting("hq_pull_cursor", 0, _count, str, Who.DESK,
                                   "how far this desk has pulled its site's events"))
HQ_POLICY_VERSION = _register(Setting("hq_policy_version", 0, _count, str, Who.DESK,
                                      "the last policy version head office sent"))
HQ_MATRIX_VERSION = _register(Setting("hq_matrix_version", 0, _count, str, Who.DESK,
                                      "the last recovery matrix version head office sent"))
HQ_MATRIX = _register(Setting("hq_matrix", "", _text, _text, Who.DESK,
                              "head office's recovery matrix for this site (JSON); empty: the "
                              "shipped one"))
HQ_STAFF_CHANGES = _register(Setting("hq_staff_changes", 0, _count, str, Who.DESK,
                                     "the last of head office's staff changes recorded here"))
HQ_NEEDS_REFOLD = _register(Setting("hq_needs_refold", False, _flag, _dump_flag, Who.DESK,
                                    "an older build merged events and left a refold to do"))
HQ_PULL_FAULT = _register(Setting("hq_pull_fault", "", _text, _text, Who.DESK,
                                  "why pulling is stuck, or empty"))
HQ_REVOKED_DEVICES = _register(Setting[frozenset[str]](
    "hq_revoked_devices", frozenset(), _ids, _dump_ids, Who.DESK,
    "the desks of this site head office has revoked (their new vouchers are refused)"))
PRICE_FACTOR = _register(Setting[Decimal | None](
    "price_factor", None, _factor, _dump_factor, Who.MANAGER,
    "how many of the site's major units match one reference unit in suggested gestures "
    "(empty: the shipped factor for the site's currency)"))
PRINT_ON_GRANT = _register(Setting(
    "print_on_grant", False, _flag, _dump_flag, Who.MANAGER,
    "print the voucher and the apology as soon as a voucher is granted"))
HQ_PASSED_OVER = _register(Setting[frozenset[str]](
    "hq_passed_over", frozenset(), _ids, _dump_ids, Who.DESK,
    "desks whose chain head office passed over (it does not verify there): caught up on "
    "once it verifies again"))
REVIEW_BACKFILL = _register(Setting(
    "review_backfill", False, _flag, _dump_flag, Who.DESK,
    "left by the 0002 upgrade: fill the review's days from the folded rows"))


def read_all(rows: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """Registered values by key from raw ``(key, value)`` rows (the doctor's read-only look)."""
    raw = dict(rows)
    return {key: setting.read(raw.get(key)) for key, setting in REGISTRY.items()}


class Settings:
    """The desk's settings room: ``desk.settings.get(IDLE_LOCK_MINUTES)``."""

    def __init__(self, recorder: Recorder) -> None:
        self._recorder = recorder

    def get(self, setting: Setting[T]) -> T:
        with self._recorder.read() as db:
            row = db.get(SettingRow, setting.key)
            return setting.read(None if row is None else row.value)

    def many(self, settings: Iterable[Setting[Any]]) -> Mapping[str, Any]:
        """Several settings read in one transaction, by key."""
        wanted = list(settings)
        with self._recorder.read() as db:
            rows = {row.key: row.value for row in db.scalars(
                select(SettingRow).where(SettingRow.key.in_([s.key for s in wanted])))}
        return {s.key: s.read(rows.get(s.key)) for s in wanted}

    def set(self, setting: Setting[T], value: T, *, by: OnShift | None = None) -> None:
        """Store a value; ``by`` is the person changing it (None: the desk itself)."""
        if REGISTRY.get(setting.key) is not setting:
            raise DeskError(Refusal.UNKNOWN_SETTING, setting.key)
        if by is not None:
            if setting.who is Who.DESK:
                raise DeskError(Refusal.INVALID_SETTING, setting.key)
            if setting.who is Who.MANAGER and by.staff.role != "manager":
                raise DeskError(Refusal.MANAGER_ONLY)
        try:
            text = setting.dump(value)
            if not isinstance(text, str):  # a text setting given something else
                raise TypeError(type(value).__name__)
            setting.parse(text)  # what is stored must read back as it was meant
            text.encode("utf-8")  # and be storable: no lone surrogate
        except (ValueError, TypeError, OverflowError) as error:
            raise DeskError(Refusal.INVALID_SETTING, setting.key) from error
        with self._recorder.tx() as db:
            db.merge(SettingRow(key=setting.key, value=text))

    def clear(self, setting: Setting[Any]) -> None:
        """Back to the default (the row goes)."""
        with self._recorder.tx() as db:
            row = db.get(SettingRow, setting.key)
            if row is not None:
                db.delete(row)
