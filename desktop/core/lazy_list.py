"""A long list kept in the store: ``Lazy`` knows its length and reads its rows when asked.

The review's lists (every grant of a year, the cases behind a finding) can hold hundreds of
thousands of rows; a screen shows a window of them and an export streams them, so neither
ever holds the whole list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar, overload

from sqlalchemy import Engine, Row, Select, func, select

T = TypeVar("T")
# A select / result row of any number of columns (SQLAlchemy 2.1 types them per column).
AnySelect = Select[*tuple[Any, ...]]
AnyRow = Row[*tuple[Any, ...]]


class Lazy(Sequence[T]):
    """A long list kept in the store: its length is known, its rows are read when asked for.

    Slicing reads one window (``review.grants[:200]``); iterating streams the whole list in
    one query (CSV export). Equal to any sequence with the same items.
    """

    def __init__(self, engine: Engine, query: AnySelect, make: Callable[[AnyRow], T],
                 count: int | None = None) -> None:
        self._engine, self._query, self._make, self._count = engine, query, make, count

    def __len__(self) -> int:
        if self._count is None:
            with self._engine.connect() as connection:
                counted = select(func.count()).select_from(self._query.subquery())
                self._count = int(connection.execute(counted).scalar_one())
        return self._count

    def _window(self, offset: int, limit: int) -> list[T]:
        with self._engine.connect() as connection:
            rows = connection.execute(self._query.offset(offset).limit(limit))
            return [self._make(row) for row in rows]

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
        return self._window(position, 1)[0]

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
