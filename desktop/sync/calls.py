"""Head office's HTTP API as the sync client calls it: one client, one call with this desk's
token, and what a failed call means (a ``SyncError`` naming its ``SyncProblem``).

No Qt here; ``desktop.sync.client`` and ``enrolment`` use it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from desktop.sync.errors import SyncError, SyncProblem

API = "/api/v1"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)


class HeadOffice:
    """Head office's API with this desk's token."""

    def __init__(self, client: httpx.Client, base: str, token: str) -> None:
        self.client = client
        self.base = base.rstrip("/") + API
        self._headers = {"Authorization": f"Bearer {token}"}

    def call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = {**self._headers, **kwargs.pop("headers", {})}
        url = f"{self.base}{path}"
        try:
            response = self.client.request(method, url, headers=headers, **kwargs)
        except httpx.RemoteProtocolError:
            # Head office closes a kept-alive connection after a few idle seconds (folding a
            # big page of other desks' events may take longer), and a request sent just as it
            # closes gets no answer. Every call here is safe to repeat: once more, which takes
            # a fresh connection.
            response = request(self.client, method, url, headers=headers, **kwargs)
        except httpx.TransportError as error:
            raise unreachable(error) from error
        if response.status_code == 401:
            raise SyncError(f"Head office does not accept this desk: {detail_of(response)}. "
                            "If it was revoked, ask head office; otherwise enrol it again.",
                            status=401,
                            problem=SyncProblem.NOT_ACCEPTED)
        if response.status_code >= 500:
            raise SyncError(f"Head office is unavailable ({response.status_code}): "
                            f"{detail_of(response)}", offline=True, status=response.status_code,
                            problem=SyncProblem.UNAVAILABLE)
        return response


@contextmanager
def open_client(http: httpx.Client | None) -> Iterator[httpx.Client]:
    """The caller's client, left open; or a fresh one, closed after."""
    if http is not None:
        yield http
        return
    with httpx.Client(timeout=DEFAULT_TIMEOUT) as own:
        yield own


def request(client: httpx.Client, method: str, url: str, **kwargs: Any) -> httpx.Response:
    try:
        return client.request(method, url, **kwargs)
    except httpx.TransportError as error:
        raise unreachable(error) from error


def unreachable(error: httpx.TransportError) -> SyncError:
    # Offline, refused, reset, cut short, timed out: all "try again later".
    return SyncError(f"Head office cannot be reached ({type(error).__name__}: {error})",
                     offline=True)


def json_of(response: httpx.Response) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError as error:
        raise SyncError(f"Head office answered {response.status_code} with something that is "
                        "not JSON; is the address right?", status=response.status_code,
                        problem=SyncProblem.BAD_ANSWER) from error
    if not isinstance(data, dict):
        raise SyncError("Head office's answer is not a JSON object.",
                        problem=SyncProblem.BAD_ANSWER)
    return data


def detail_of(response: httpx.Response) -> str:
    try:
        data = response.json()
    except ValueError:
        return f"HTTP {response.status_code}"
    detail = data.get("detail") if isinstance(data, dict) else None
    if isinstance(detail, str):
        return detail
    return f"HTTP {response.status_code}"
