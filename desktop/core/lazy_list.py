"""A long list kept in the store: ``Lazy`` knows its length and reads its rows when asked.

The review's lists (every grant of a year, the cases behind a finding) can hold hundreds of
thousands of rows; a screen shows a window of them and an export streams them, so neither
ever holds the whole list.

Windows are read by **keyset**, not OFFSET: the list is ordered by a key whose last column is
unique (``key``), and every window read leaves a bookmark, the key of its last row, at the
position after it. A window that starts at a bookmark asks for the rows after that key
(``WHERE (day, time, id) > (…)``), which an index finds at once, so the page at row 200,000
costs what the first page costs. OFFSET would step over every row before it. A window that
starts where no bookmark is (a jump) steps from the nearest bookmark before it, and leaves
one for the next.

A page must cost little more than SQLite's own work, so each list's two statements (the first
window, a window after a bookmark) are compiled once, and a window is one execution of the
plain SQL with its bookmark, limit and offset: no query built, compiled or cached per page,
and the rows come as the store holds them (a time as its stored text, bound back as it is).
The list's lower bound on the key's first column (``since``, a period's first day) is given
apart: SQLite, without statistics, seeks by the first lower bound it is given on that column,
so after a bookmark, which implies it, the bound is left out and the seek is by the bookmark
(at row 200,000 of a million-case store: about 1 ms of SQL instead of 30).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar, cast, overload

from sqlalchemy import ColumnElement, Engine, Integer, Row, Select, bindparam, func, select, tuple_
from sqlalchemy.orm import QueryableAttribute

T = TypeVar("T")
# A select / result row of any number of columns (SQLAlchemy 2.1 types them per column).
AnySelect = Select[*tuple[Any, ...]]
AnyRow = Row[*tuple[Any, ...]]


class _Statement:
    """A select compiled once for this store: its SQL and its fixed parameters, processed as
    the columns' types want them; the ``lazy_*`` ones are filled in per execution."""

    def __init__(self, engine: Engine, query: AnySelect) -> None:
        compiled = query.compile(dialect=engine.dialect,
                                 compile_kwargs={"render_postcompile": True})
        self.sql = compiled.string
        self.names = tuple(compiled.positiontup or ())
        values = compiled.construct_params()
        self.fixed: dict[str, Any] = {}
        for name in self.names:
            if not name.startswith("lazy_"):
                # An IN list's values are named after its parameter: ``name_1``, ``name_2``…
                bind = compiled.binds[name if name in compiled.binds
                                      else name.rpartition("_")[0]]
                process = bind.type.bind_processor(engine.dialect)
                self.fixed[name] = values[name] if process is None else process(values[name])

    def params(self, given: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(given[name] if name.startswith("lazy_") else self.fixed[name]
                     for name in self.names)


class Lazy(Sequence[T]):
    """A long list kept in the store: its length is known, its rows are read when asked for.

    ``query`` gives the rows (its own ORDER BY is replaced by ``key``); ``key`` are the columns
    it is ordered by, ascending, the last one unique (ties in the others are broken by it), and
    none of them NULL. ``since``: only rows whose first key column is at least this (give the
    lower bound here, not in ``query``). ``make`` gets each row as the store holds it.
    Slicing reads one window (``review.grants[:200]``); iterating streams the whole list in
    one query (CSV export). Equal to any sequence with the same items.
    """

    def __init__(self, engine: Engine, query: AnySelect, make: Callable[[AnyRow], T],
                 count: int | None = None, *,
                 key: Sequence[ColumnElement[Any] | QueryableAttribute[Any]],
                 since: Any = None) -> None:
        if not key:
            raise ValueError("a keyset list needs the columns it is ordered by")
        self._engine, self._make, self._count = engine, make, count
        self._key = tuple(key)
        ordered = query.order_by(None).order_by(*self._key)
        bounded = ordered if since is None else ordered.where(self._key[0] >= since)
        self._query = bounded
        self._width = len(query.selected_columns)
        # The key columns ride along at the end of each row, so a window knows where it ended.
        after = tuple_(*self._key) > tuple_(*(bindparam(f"lazy_after_{n}", None)
                                              for n in range(len(self._key))))
        self._first = _Statement(engine, _windowed(bounded.add_columns(*self._key)))
        self._after = _Statement(engine, _windowed(ordered.add_columns(*self._key).where(after)))
        self._all = _Statement(engine, bounded)
        self._marks: dict[int, tuple[Any, ...]] = {}  # position -> key of the row before it
        self._positions: list[int] = []  # the bookmarked positions, sorted

    def __len__(self) -> int:
        if self._count is None:
            with self._engine.connect() as connection:
                counted = select(func.count()).select_from(self._query.subquery())
                self._count = int(connection.execute(counted).scalar_one())
        return self._count

    def _window(self, offset: int, limit: int) -> list[T]:
        at = bisect.bisect_right(self._positions, offset) - 1
        start = self._positions[at] if at >= 0 else 0
        # A jump steps over ``offset - start`` rows once, then leaves a bookmark.
        given: dict[str, Any] = {"lazy_limit": limit, "lazy_offset": offset - start}
        statement = self._first
        if start:
            statement = self._after
            given.update((f"lazy_after_{n}", value)
                         for n, value in enumerate(self._marks[start]))
        with self._engine.connect() as connection:
            rows = connection.exec_driver_sql(statement.sql, statement.params(given)).all()
        if rows:
            self._mark(offset + len(rows), tuple(rows[-1][self._width:]))
        width = self._width
        return [self._make(cast(AnyRow, row[:width])) for row in rows]

    def _mark(self, position: int, key: tuple[Any, ...]) -> None:
        if position not in self._marks:
            bisect.insort(self._positions, position)
        self._marks[position] = key

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            start, stop = index.start or 0, index.stop
            if index.step in (None, 1) and start >= 0 and stop is not None and stop >= 0:
                # A window from the front needs no count (which may read the whole list).
                return self._window(start, stop - start) if stop > start else []
            start, stop, step = index.indices(len(self))
            if step != 1:
                return list(self)[index]
            return self._window(start, stop - start) if stop > start else []
        position = index + len(self) if index < 0 else index
        if not 0 <= position < len(self):
            raise IndexError(index)
        found = self._window(position, 1)
        if not found:
            raise IndexError(index)
        return found[0]

    def __iter__(self) -> Iterator[T]:
        with self._engine.connect() as connection:
            rows = connection.execution_options(yield_per=5000).exec_driver_sql(
                self._all.sql, self._all.params({}))
            for row in rows:
                yield self._make(row)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Lazy({len(self)} items)"


def _windowed(query: AnySelect) -> AnySelect:
    return (query.limit(bindparam("lazy_limit", 0, type_=Integer))
            .offset(bindparam("lazy_offset", 0, type_=Integer)))
