"""Why a sync step failed: the errors of the sync client, each naming its ``SyncProblem``.

Apart from the client so that a screen can word a problem without loading the HTTP client.
"""

from __future__ import annotations

import enum

__all__ = ["EnrolError", "NotEnrolled", "SyncError", "SyncProblem"]


class SyncProblem(enum.Enum):
    """Why a sync step failed, for a screen to word in the desk's language."""

    OFFLINE = "offline"  # head office cannot be reached: retried with back-off
    UNAVAILABLE = "unavailable"  # it answered 5xx: retried
    NO_SITE = "no_site"  # the desk is not set up yet
    BAD_ADDRESS = "bad_address"  # not an https:// address
    ENROL_CODE = "enrol_code"  # the code is wrong, used or expired (403, 410)
    ENROL_CONFLICT = "enrol_conflict"  # the desk does not fit the code's site (409)
    ENROL_PROOF = "enrol_proof"  # head office knows this desk; its key is gone: admin's code
    THROTTLED = "throttled"  # too many attempts from this address (429): wait
    NOT_ENROLLED = "not_enrolled"  # no head office, or the token is gone from the keychain
    NOT_ACCEPTED = "not_accepted"  # 401: revoked, or enrolled again elsewhere
    KEYCHAIN = "keychain"  # the token cannot be stored or read
    NOT_RECORDED = "not_recorded"  # enrolled, but the desk could not note it
    REFUSED_EVENTS = "refused_events"  # head office refused this desk's events
    REFUSED_INVALID = "refused_invalid"  # ... because one breaks its kind's schema (a bug)
    REFUSED = "refused"  # head office refused to send events or the policy
    BAD_ANSWER = "bad_answer"  # an answer that is not what head office sends
    BAD_REMOTE = "bad_remote"  # other desks' events that do not verify or cannot be read
    BAD_POLICY = "bad_policy"  # head office's policy cannot be used here
    LOCAL = "local"  # this desk could not store or show what it received


class SyncError(Exception):
    """A sync step failed. The message (English) is for logs and the terminal; ``problem``
    says which, for a screen to word.

    ``offline`` is True when head office could not be reached at all (retry later with
    back-off); False when it answered and refused (a person may need to act).
    """

    def __init__(self, message: str, *, problem: SyncProblem | None = None,
                 offline: bool = False, status: int | None = None) -> None:
        super().__init__(message)
        self.problem = problem or (SyncProblem.OFFLINE if offline else SyncProblem.BAD_ANSWER)
        self.offline = offline
        self.status = status


class EnrolError(SyncError):
    """Enrolment was refused or could not be done."""


class NotEnrolled(SyncError):
    """This desk has not joined head office yet."""
