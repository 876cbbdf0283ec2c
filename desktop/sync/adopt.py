"""Adopting head office's recovery matrix (``GET /api/v1/matrix?have=N``) and its staff
changes (``GET /api/v1/staff/changes``, see ``desktop.core.hq_staff``) on every sync.

Like the policy: head office answers 204 when it has nothing newer than ``have``; a newer
version is checked with ``db.matrix.parse_matrix`` (the rule head office published it by) and
kept by the ledger. A head office from before matrices answers 404: nothing to adopt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from db.matrix import MatrixError, parse_matrix_answer
from db.roster import parse_head_office_changes
from desktop.core.hq_staff import record_changes
from desktop.core.settings import HQ_MATRIX_VERSION
from desktop.sync.errors import SyncError, SyncProblem

if TYPE_CHECKING:
    import httpx

    from desktop.core.desk import Desk


class Session(Protocol):
    def call(self, method: str, path: str, **kwargs: Any) -> httpx.Response: ...


def fetch_matrix(desk: Desk, session: Session) -> int | None:
    """The matrix version adopted this round, or None when there was nothing newer."""
    have = desk.settings.get(HQ_MATRIX_VERSION)
    response = session.call("GET", "/matrix", params={"have": have})
    if response.status_code in (204, 404):
        return None
    if response.status_code != 200:
        raise SyncError(f"Head office refused the recovery matrix ({response.status_code}).",
                        status=response.status_code, problem=SyncProblem.REFUSED)
    try:
        answer = parse_matrix_answer(response.json())
    except (ValueError, AttributeError):
        raise SyncError("Head office's recovery matrix answer is malformed.",
                        problem=SyncProblem.BAD_ANSWER) from None
    version = answer["version"]
    try:
        adopted = desk.ledger.adopt_matrix(version, answer["matrix"])
    except MatrixError as error:
        raise SyncError(f"Head office's recovery matrix v{version} cannot be used here: "
                        f"{error}", problem=SyncProblem.BAD_POLICY) from error
    return version if adopted else None


def fetch_staff_changes(desk: Desk, session: Session) -> int:
    """Record head office's additions, role changes and PIN resets
    (``desktop.core.hq_staff``); how many events that made here. A head office from before
    them answers 404: nothing to do. ``added=1``: this desk adopts people added there (a desk
    built before that is not sent them, so its list stays readable)."""
    response = session.call("GET", "/staff/changes", params={"added": 1})
    if response.status_code == 404:
        return 0
    if response.status_code != 200:
        raise SyncError(f"Head office refused the staff changes ({response.status_code}).",
                        status=response.status_code, problem=SyncProblem.REFUSED)
    try:
        changes = parse_head_office_changes(response.json())
    except ValueError:
        raise SyncError("Head office's staff changes are malformed.",
                        problem=SyncProblem.BAD_ANSWER) from None
    return record_changes(desk.recorder, changes)
