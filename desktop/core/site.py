"""The site a desk works for, and its budget policy: ``desk.site``.

A desk belongs to one site (set up once, by its first manager, or adopted from head office
at enrolment). The policy in force is the highest version this desk holds: a manager's edit
here, or head office's (see ``desktop.core.ledger``).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.eventlog import canonical_json
from db.models import Policy as PolicyRow
from db.models import Site
from desktop.core import pins
from desktop.core.errors import DeskError, Refusal
from desktop.core.inputs import site_problems
from desktop.core.money import check_currency
from desktop.core.policy import Policy, default_policy, parse_policy
from desktop.core.recorder import Recorder
from desktop.core.views import OnShift, SiteInfo


def current_policy(db: Session) -> Policy:
    """The policy in force, read in the caller's transaction."""
    row = db.scalars(select(PolicyRow).order_by(PolicyRow.version.desc())).first()
    return default_policy() if row is None else parse_policy(row.body)


def site_row(db: Session) -> Site:
    row = db.scalars(select(Site)).first()
    if row is None:
        raise DeskError(Refusal.NO_SITE)
    return row


def site_info(row: Site) -> SiteInfo:
    return SiteInfo(row.id, row.name, row.kind, row.currency, row.timezone, row.locale,
                    row.address, tuple(json.loads(row.outlets or "[]")), row.is_demo)


class SiteRoom:
    """The site, its first set-up and its policy."""

    def __init__(self, recorder: Recorder) -> None:
        self._recorder = recorder

    def exists(self) -> bool:
        with self._recorder.tx() as db:
            return bool(db.scalar(select(func.count()).select_from(Site)))

    def info(self) -> SiteInfo:
        with self._recorder.tx() as db:
            return site_info(site_row(db))

    def create(self, *, name: str, kind: str, currency: str, timezone: str, locale: str,
               manager_name: str, manager_pin: str, address: str = "",
               outlets: Sequence[str] = (), is_demo: bool = False,
               policy: Policy | None = None) -> SiteInfo:
        """Set up this desk's site with its first manager and the default policy."""
        chosen = policy or default_policy()
        problems = site_problems(name=name, kind=kind, currency=currency, timezone=timezone,
                                 manager_name=manager_name, manager_pin=manager_pin,
                                 locale=locale, address=address, outlets=outlets,
                                 pin_length=chosen.pin_length)
        if problems:
            raise DeskError(Refusal.INVALID_SITE, ", ".join(problems))
        if self.exists():
            raise DeskError(Refusal.SITE_EXISTS)
        now = self._recorder.now()
        site_id = str(uuid.uuid4())
        outlet_list = [o.strip() for o in outlets if o.strip()] or [
            "Front Desk" if kind == "hotel" else "Dining Room"]
        with self._recorder.tx() as db:
            db.add(Site(id=site_id, name=name.strip(), kind=kind, currency=check_currency(currency),
                        timezone=timezone, locale=locale or "en_US", address=address.strip(),
                        outlets=json.dumps(outlet_list, ensure_ascii=False), is_demo=is_demo,
                        created_at=now))
            db.flush()
            db.add(PolicyRow(site_id=site_id, version=chosen.version,
                             body=canonical_json(chosen.to_dict()), created_at=now))
            # The first manager is the roster's first event, recorded by themselves.
            manager_id = str(uuid.uuid4())
            self._recorder.record(db, "staff.added", actor=manager_id, at=now, payload={
                "staff_id": manager_id, "name": manager_name.strip(), "role": "manager",
                "pin_hash": pins.hash_pin(manager_pin)})
        return self.info()

    def local_time(self, moment: datetime) -> datetime:
        """A moment in the site's time zone."""
        return moment.astimezone(self.info().zone)

    def policy(self) -> Policy:
        """The policy in force: the highest version this desk holds."""
        with self._recorder.tx() as db:
            return current_policy(db)

    def set_policy(self, policy: Policy, *, by: OnShift | None = None) -> Policy:
        """Store a new policy version (managers only when done from the desk)."""
        if by is not None and by.staff.role != "manager":
            raise DeskError(Refusal.MANAGER_ONLY)
        with self._recorder.tx() as db:
            site = site_row(db)
            new = policy.with_changes(version=max(policy.version,
                                                  current_policy(db).version + 1))
            db.add(PolicyRow(site_id=site.id, version=new.version,
                             body=canonical_json(new.to_dict()), created_at=self._recorder.now(),
                             created_by=by.staff.id if by else None))
        return new
