"""What head office answers when it refuses a request: a status and a ``detail``."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from db.wire import WireError


class ServiceError(Exception):
    """A request head office refuses; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, detail: str, *, headers: Mapping[str, str] | None = None,
                 **extra: Any) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.headers = dict(headers or {})
        self.extra = extra


def bad(detail: str) -> ServiceError:
    return ServiceError(422, detail)



@contextmanager
def unprocessable() -> Iterator[None]:
    """Answer JSON without the agreed shape (``db.wire.WireError``) with 422 and its message."""
    try:
        yield
    except WireError as error:
        raise bad(str(error)) from None
