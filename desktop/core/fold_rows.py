"""The rows the fold's rules work on: the session's (one event at a time), or plain memory
(a whole refold).

The rules in ``fold.py`` and ``handoff_fold.py`` ask only for what is here: a row by its key,
a new row, the site's time zone, whether a voucher code is taken, and the guest links to
redo. ``SessionRows`` answers from the transaction (an event appended or merged);
``MemoryRows`` answers a whole refold from rows held in memory, with no SQL for each event,
and writes them at the end with one ``executemany`` a table. So one place defines each rule,
and a whole refold costs what the rules cost, not what the ORM's unit of work costs.
"""

from __future__ import annotations

import typing
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import Table, select
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from db.eventlog import Event
from db.models import (
    ApprovalRow,
    Base,
    CaseRow,
    CorrectionRow,
    GrantRow,
    HandoffRow,
    NoteRow,
    ShiftRow,
    UTCDateTime,
    VoucherKeyRow,
    VoucherRow,
    format_utc,
)
from desktop.core.guest_links import link_repeat, relink_guest
from desktop.core.review_days import site_zone

Row = TypeVar("Row", bound=Base)

# The tables a whole refold folds in memory, in the order they are written (the roster's
# events go to the session: a roster is small and its rules query it).
MEMORY_TABLES: tuple[type[Base], ...] = (ShiftRow, CaseRow, GrantRow, ApprovalRow,
                                         CorrectionRow, NoteRow, VoucherRow, VoucherKeyRow,
                                         HandoffRow)
# Rows held before they are written and forgotten: a million cases would not fit in memory.
# Of each row written, the hash of its key is kept (about 50 bytes); a row asked for again
# after that is read back (the next events of a case are near in time, so that is rare).
SPILL_AT = 100_000
_PARKED = "parked_voucher_events"  # on Session.info: see FoldRows.park


def _table(model: type[Base]) -> Table:
    return typing.cast(Table, model.__table__)


class FoldRows(ABC):
    """What a fold rule may ask of the rows it changes (``SessionRows``: the ORM's, one event
    at a time; ``MemoryRows``: plain rows held for a whole refold)."""

    def __init__(self, db: Session) -> None:
        self.session = db  # the roster's rules work on the session itself

    @abstractmethod
    def get(self, model: type[Row], key: Any) -> Row | None:
        """The row of ``key``, if any."""

    @abstractmethod
    def put(self, model: type[Row], **values: Any) -> Row:
        """A row made by an event: added, or its values set on the row of its key."""

    @abstractmethod
    def add(self, model: type[Row], **values: Any) -> Row:
        """A new row whose key is known to be free."""

    @abstractmethod
    def voucher_with_code(self, code: str) -> str | None:
        """The id of the voucher holding ``code``, if any."""

    def zone(self) -> ZoneInfo:
        return site_zone(self.session)

    def park(self, voucher_id: str, event: Event) -> None:
        """Keep, until its issue is folded, a redemption or void of a voucher not known yet:
        another desk's clock ran behind, so it sorts before the issue it acts on. Kept on
        the session, for the rest of the transaction (a refold folds both in it)."""
        self.session.info.setdefault(_PARKED, {}).setdefault(voucher_id, []).append(event)

    def unpark(self, voucher_id: str) -> list[Event]:
        """The events parked for this voucher, in fold order; they are forgotten here."""
        parked: dict[str, list[Event]] = self.session.info.get(_PARKED, {})
        return parked.pop(voucher_id, [])

    @abstractmethod
    def link_repeat(self, grant: GrantRow, key: str) -> None:
        """A gesture was granted: link it to the guest's earlier one in another case."""

    @abstractmethod
    def relink_guest(self, case: CaseRow) -> None:
        """A case's guest changed: redo the links of its gestures and the guest's later ones."""


class SessionRows(FoldRows):
    """The rows of the caller's transaction, through the ORM (one event at a time)."""

    def get(self, model: type[Row], key: Any) -> Row | None:
        return self.session.get(model, key)

    def put(self, model: type[Row], **values: Any) -> Row:
        return self.session.merge(model(**values))

    def add(self, model: type[Row], **values: Any) -> Row:
        row = model(**values)
        self.session.add(row)
        return row

    def voucher_with_code(self, code: str) -> str | None:
        return self.session.scalar(select(VoucherRow.id).where(VoucherRow.code == code))

    def link_repeat(self, grant: GrantRow, key: str) -> None:
        if not self.session.info.get("refolding"):  # a refold links them all at the end
            self.session.flush()
            link_repeat(self.session, grant, key)

    def relink_guest(self, case: CaseRow) -> None:
        if not self.session.info.get("refolding"):
            self.session.flush()
            relink_guest(self.session, case)


class _Held:
    """A row of a whole refold, held in memory as plain attributes (no ORM bookkeeping for
    each value set); a column not set yet reads None, as on a new ORM row."""

    _columns: frozenset[str] = frozenset()  # its table's, set on each table's subclass

    def __getattr__(self, name: str) -> Any:
        if name not in self._columns:
            raise AttributeError(name)
        return None


def _held_class(model: type[Base]) -> type[_Held]:
    names = frozenset(column.key for column in _table(model).columns)
    return type(f"Held{model.__name__}", (_Held,), {"_columns": names})


class MemoryRows(FoldRows):
    """A whole refold's rows, held in memory and written in bulk.

    The read model was emptied first, so a row not held was not folded yet, unless it was
    written out already (``spill``): then it is read back. Guest links are made for all
    gestures at the end (``guest_links.relink_all``), as before.
    """

    def __init__(self, db: Session) -> None:
        super().__init__(db)
        self._rows: dict[type[Base], dict[Any, _Held]] = {m: {} for m in MEMORY_TABLES}
        self._keys = {model: [column.key for column in _table(model).primary_key.columns]
                      for model in MEMORY_TABLES}
        self._classes = {model: _held_class(model) for model in MEMORY_TABLES}
        self._codes: dict[str, str] = {}
        self._held = 0
        self._spilled = False
        # The hashes of the keys and voucher codes written out: a key whose hash is not here
        # was never written, so a new row costs no read (a hash met by chance, one read).
        self._spilled_keys: dict[type[Base], set[int]] = {m: set() for m in MEMORY_TABLES}
        self._spilled_codes: set[int] = set()
        self._zone: ZoneInfo | None = None

    def link_repeat(self, grant: GrantRow, key: str) -> None:
        pass  # a whole refold links every guest's gestures once, at its end (relink_all)

    def relink_guest(self, case: CaseRow) -> None:
        pass  # likewise

    def get(self, model: type[Row], key: Any) -> Row | None:
        found = self._rows[model].get(key)
        if found is None and hash(key) in self._spilled_keys[model]:
            found = self._read_back(model, key)
        # A held row has the model's attributes, not its class: the rules only read and set.
        return typing.cast("Row | None", found)

    def put(self, model: type[Row], **values: Any) -> Row:
        held = self.get(model, self._key(model, values))
        if held is None:
            return self.add(model, **values)
        for name, value in values.items():  # as Session.merge: the new values replace
            setattr(held, name, value)
        return held

    def add(self, model: type[Row], **values: Any) -> Row:
        row = self._classes[model]()
        vars(row).update(values)
        self._rows[model][self._key(model, values)] = row
        if model is VoucherRow:
            self._codes.setdefault(values["code"], values["id"])
        self._held += 1
        return typing.cast(Row, row)

    def _key(self, model: type[Base], values: dict[str, Any]) -> Any:
        names = self._keys[model]
        return values[names[0]] if len(names) == 1 else tuple(values[n] for n in names)

    def voucher_with_code(self, code: str) -> str | None:
        found = self._codes.get(code)
        if found is None and hash(code) in self._spilled_codes:
            found = self.session.scalar(select(VoucherRow.id).where(VoucherRow.code == code))
        return found

    def zone(self) -> ZoneInfo:
        if self._zone is None:
            self._zone = site_zone(self.session)
        return self._zone

    def between_events(self) -> None:
        """Called after each event: write the rows out once there are too many to hold."""
        if self._held >= SPILL_AT:
            self.spill()

    def spill(self) -> None:
        """Write every held row (replacing one read back) and forget them."""
        connection = self.session.connection()
        for model in MEMORY_TABLES:
            rows = self._rows[model]
            if not rows:
                continue
            table = _table(model)
            columns = _columns(table, connection.dialect)
            names = ", ".join(name for name, _, _ in columns)
            sql = (f"INSERT {'OR REPLACE ' if self._spilled else ''}INTO {table.name} "
                   f"({names}) VALUES ({', '.join('?' * len(columns))})")
            plain = [(name, default) for name, default, _ in columns]
            stored = [(index, process) for index, (_, _, process) in enumerate(columns)
                      if process is not None]
            values: list[tuple[Any, ...]] = []
            for held in map(vars, rows.values()):
                row = [held.get(name, default) for name, default in plain]
                for index, process in stored:
                    if row[index] is not None:
                        row[index] = process(row[index])
                values.append(tuple(row))
            for start in range(0, len(values), 20_000):
                connection.exec_driver_sql(sql, values[start:start + 20_000])
            self._spilled_keys[model].update(map(hash, rows))
            rows.clear()
        self._spilled_codes.update(map(hash, self._codes))
        self._codes.clear()
        self._held = 0
        self._spilled = True

    def _read_back(self, model: type[Base], key: Any) -> _Held | None:
        table = _table(model)
        keys = key if isinstance(key, tuple) else (key,)
        where = [column == value for column, value in zip(table.primary_key.columns, keys,
                                                            strict=True)]
        found = self.session.connection().execute(select(table).where(*where)).mappings().first()
        if found is None:
            return None
        return typing.cast(_Held, self.add(model, **dict(found)))


def _columns(table: Table, dialect: Dialect) -> list[tuple[str, Any, Callable[[Any], Any] | None]]:
    """Each column: its name, its value when a rule left it unset (as an ORM insert would
    give it), and how its values are stored (a time as UTC text)."""
    found: list[tuple[str, Any, Callable[[Any], Any] | None]] = []
    for column in table.columns:
        default = column.default
        arg = getattr(default, "arg", None)
        # A time straight to its one text form, not through the type's two wrappers.
        process = (format_utc if isinstance(column.type, UTCDateTime)
                   else column.type.bind_processor(dialect))
        found.append((column.name, None if default is None or callable(arg) else arg,
                      process))
    return found
