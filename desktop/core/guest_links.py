"""One guest, gestures in several cases: how the fold links a gesture to the same guest's
earlier gesture in another case (the review's "worth a look"), and the guest key that tells
two cases are one guest (the name, case and space folded)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from db.models import CaseRow, GrantRow
from desktop.core.policy import MAX_STAY_DAYS


def guest_key(name: str) -> str:
    """How gestures to one guest are recognised across cases: the name, case and space folded."""
    import unicodedata

    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())



# How far back a grant looks for the same guest's earlier gesture: the longest stay window a
# policy may set. The review keeps the links within the policy's own window.
REPEAT_HORIZON = timedelta(days=MAX_STAY_DAYS)


def link_repeat(db: Session, grant: GrantRow, key: str) -> None:
    """Point ``grant`` at the nearest earlier gesture to the same guest in another case."""
    grant.repeat_of, grant.repeat_gap = None, None
    if not key:
        return
    earlier = db.execute(
        select(GrantRow.case_id, GrantRow.granted_at)
        .join(CaseRow, CaseRow.id == GrantRow.case_id)
        .where(CaseRow.guest_key == key, GrantRow.case_id != grant.case_id,
               GrantRow.value_minor > 0, GrantRow.granted_at <= grant.granted_at,
               GrantRow.granted_at >= grant.granted_at - REPEAT_HORIZON)
        .order_by(GrantRow.granted_at.desc()).limit(1)).first()
    if earlier is not None:
        grant.repeat_of = earlier[0]
        grant.repeat_gap = int((grant.granted_at - earlier[1]).total_seconds())


def relink_all(db: Session) -> None:
    """Link every gesture as ``link_repeat`` would, in one pass over the gestures in guest
    and time order (a refold, an upgrade): one query instead of one per gesture."""
    db.flush()
    db.execute(update(GrantRow).where(GrantRow.repeat_of.is_not(None))
               .values(repeat_of=None, repeat_gap=None))
    rows = db.execute(
        select(GrantRow.id, GrantRow.case_id, GrantRow.granted_at, CaseRow.guest_key)
        .join(CaseRow, CaseRow.id == GrantRow.case_id)
        .where(GrantRow.value_minor > 0, CaseRow.guest_key != "")
        .order_by(CaseRow.guest_key, GrantRow.granted_at))
    links: list[dict[str, Any]] = []
    guest: str | None = None
    latest: tuple[datetime, str] | None = None  # the guest's newest gesture so far
    other: tuple[datetime, str] | None = None  # the newest one in another case than that
    for grant_id, case_id, at, key in rows:
        if key != guest:
            guest = key
            latest = other = None
        earlier = latest if latest is not None and latest[1] != case_id else other
        if earlier is not None and at - earlier[0] <= REPEAT_HORIZON:
            links.append({"id": grant_id, "repeat_of": earlier[1],
                          "repeat_gap": int((at - earlier[0]).total_seconds())})
        if latest is not None and latest[1] != case_id:
            other = latest
        latest = (at, case_id)
    for start in range(0, len(links), 5000):
        db.execute(update(GrantRow), links[start:start + 5000])


def relink_guest(db: Session, case: CaseRow) -> None:
    """A guest's name changed: relink this case's gestures and the later ones of the guest
    it is now, which may now repeat it. Links to the old name are dropped by the review,
    which only counts a link whose two cases still share a guest."""
    grants = list(db.scalars(select(GrantRow).where(GrantRow.case_id == case.id,
                                                    GrantRow.value_minor > 0)))
    for grant in grants:
        link_repeat(db, grant, case.guest_key)
    if grants and case.guest_key:
        first = min(g.granted_at for g in grants)
        later = db.scalars(
            select(GrantRow).join(CaseRow, CaseRow.id == GrantRow.case_id)
            .where(CaseRow.guest_key == case.guest_key, GrantRow.case_id != case.id,
                   GrantRow.value_minor > 0, GrantRow.granted_at >= first,
                   GrantRow.granted_at <= first + REPEAT_HORIZON + timedelta(days=1)))
        for grant in list(later):
            link_repeat(db, grant, case.guest_key)
