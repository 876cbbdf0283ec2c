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
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar, cast, overload

from sqlalchemy import ColumnElement, Engine, Row, Select, func, literal, select, tuple_
from sqlalchemy.orm import QueryableAttribute

T = TypeVar("T")
# A select / result row of any number of columns (SQLAlchemy 2.1 types them per column).
AnySelect = Select[*tuple[Any, ...]]
AnyRow = Row[*tuple[Any, ...]]


class Lazy(Sequence[T]):
    """A long list kept in the store: its length is known, its rows are read when asked for.

    ``query`` gives the rows (its own ORDER BY is replaced by ``key``); ``key`` are the columns
    it is ordered by, ascending, the last one unique (ties in the others are broken by it), and
    none of them NULL. Slicing reads one window (``review.grants[:200]``); iterating streams
    the whole list in one query (CSV export). Equal to any sequence with the same items.
    """

    def __init__(self, engine: Engine, query: AnySelect, make: Callable[[AnyRow], T],
                 count: int | None = None, *,
                 key: Sequence[ColumnElement[Any] | QueryableAttribute[Any]]) -> None:
        if not key:
            raise ValueError("a keyset list needs the columns it is ordered by")
        self._engine, self._make, self._count = engine, make, count
        self._key = tuple(key)
        self._query = query.order_by(None).order_by(*self._key)
        self._width = len(query.selected_columns)
        # The key columns ride along at the end of each row, so a window knows where it ended.
        self._keyed = self._query.add_columns(*self._key)
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
        query = self._keyed
        if start:
            # Typed as their columns, so a time goes in as the store keeps it.
            after = [literal(value, column.type)
                     for column, value in zip(self._key, self._marks[start], strict=True)]
            query = query.where(tuple_(*self._key) > tuple_(*after))
        if offset > start:
            query = query.offset(offset - start)  # a jump: stepped over once, then bookmarked
        with self._engine.connect() as connection:
            rows = connection.execute(query.limit(limit)).all()
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
            rows = connection.execution_options(yield_per=5000).execute(self._query)
            for row in rows:
                yield self._make(row)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Lazy({len(self)} items)"
