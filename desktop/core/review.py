"""Supervisor review: what was spent, by whom, why, and what keeps going wrong.

Everything here is read from the read model (itself a fold of the events) for a period given in
the site's local dates. Totals come from the per-day totals the fold keeps (``review_day``), so
a year costs a few thousand rows, not every case of the year; long lists (every grant, the
cases behind a finding) are ``Lazy``: their length is known at once and their rows are read
from the store only when shown or exported.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, cast
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from db.models import (
    ApprovalRow,
    CaseRow,
    GrantRow,
    ReviewDayRow,
    ShiftRow,
    Staff,
    VoucherRow,
)
from desktop.core.lazy_list import AnyRow, Lazy
from desktop.core.money import format_plain
from desktop.core.policy import Policy
from desktop.core.review_apart import limits_passed_apart

NEAR_LIMIT = 0.9  # "at or near their limit": 90 % of the per-shift allowance or more
NEAR_LIMIT_SHIFTS = 2  # … in this many shifts of the period
MANY_APPROVALS = 3  # approvals asked for by one person in the period
VOUCHERS_ONE_BY_ONE = 10  # more expired vouchers than this make one finding, not one each
# The orders of the long lists, each ending in a unique column (keyset paging, lazy_list.py).
GRANT_ORDER = (GrantRow.local_day, GrantRow.granted_at, GrantRow.id)
CASE_ORDER = (CaseRow.opened_day, CaseRow.opened_at, CaseRow.id)

@dataclass(frozen=True, slots=True)
class Period:
    """A stretch of site-local days, [first, last] inclusive, as UTC instants [start, end)."""

    first: date
    last: date
    start: datetime
    end: datetime

    @classmethod
    def days(cls, first: date, last: date, zone: ZoneInfo) -> Period:
        if last < first:
            raise ValueError("the period ends before it starts")
        start = datetime.combine(first, time(0), zone)
        end = datetime.combine(last + timedelta(days=1), time(0), zone)
        return cls(first, last, start, end)


@dataclass(frozen=True, slots=True)
class GrantLine:
    grant_id: str
    case_id: str
    granted_at: datetime
    guest_name: str
    category: str
    outlet: str
    gesture_type: str
    description: str
    value_minor: int
    granted_by: str
    approved_by: str
    approval_reason: str
    guest_key: str = ""


@dataclass(frozen=True, slots=True)
class PersonSpend:
    staff_id: str
    name: str
    role: str
    spend: int
    grants: int
    shifts: int
    per_shift_limit: int
    per_case_limit: int


@dataclass(frozen=True, slots=True)
class Finding:
    """A "worth a look" item and the cases behind it."""

    rule: str  # guest_many_cases, near_limit, many_approvals, voucher_unredeemed,
    #            voucher_redeemed_twice, closed_without_followup, limit_passed_apart
    subject: str
    detail: str
    case_ids: Sequence[str]


@dataclass(slots=True)
class Review:
    period: Period
    currency: str
    total_spend: int = 0
    budget: int = 0  # the per-shift allowances of every shift worked in the period
    grants: Sequence[GrantLine] = ()
    by_person: list[PersonSpend] = field(default_factory=list)
    by_gesture: dict[str, tuple[int, int]] = field(default_factory=dict)  # key: (count, spend)
    by_category: dict[str, tuple[int, int]] = field(default_factory=dict)
    by_outlet: dict[str, tuple[int, int]] = field(default_factory=dict)
    approvals: list[ApprovalRow] = field(default_factory=list)
    late_followups: Sequence[str] = ()  # case ids
    missed_followups: Sequence[str] = ()
    closed_without_followup: Sequence[str] = ()
    open_cases: list[str] = field(default_factory=list)
    outcomes: dict[str, int] = field(default_factory=dict)
    case_count: int = 0
    week_grid: list[list[int]] = field(default_factory=lambda: [[0] * 24 for _ in range(7)])
    spend_by_day: dict[date, int] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    # Lists by what was clicked on the screen, read when asked for.
    cases_in_cell: Callable[[int, int], Sequence[str]] = lambda _day, _hour: ()
    # The cases of the gestures in a category, in time order, once per gesture.
    cases_in_category: Callable[[str], Sequence[str]] = lambda _category: ()

    @property
    def recovery_rate(self) -> float | None:
        """Recovered out of the closed cases whose outcome is known."""
        known = self.outcomes.get("recovered", 0) + self.outcomes.get("not_recovered", 0)
        return None if known == 0 else self.outcomes.get("recovered", 0) / known

    def hottest_cell(self) -> tuple[int, int] | None:
        """(weekday 0=Monday, hour) with the most cases, or None for an empty period."""
        best = max(((d, h) for d in range(7) for h in range(24)),
                   key=lambda cell: self.week_grid[cell[0]][cell[1]])
        return best if self.week_grid[best[0]][best[1]] else None

    def categories_by_spend(self) -> list[tuple[str, int, int]]:
        return sorted(((k, c, s) for k, (c, s) in self.by_category.items()),
                      key=lambda row: (-row[2], -row[1], row[0]))

    def categories_by_count(self) -> list[tuple[str, int, int]]:
        return sorted(((k, c, s) for k, (c, s) in self.by_category.items()),
                      key=lambda row: (-row[1], -row[2], row[0]))


def build_review(db: Session, period: Period, policy: Policy, zone: ZoneInfo,
                 currency: str, now: datetime) -> Review:
    """The whole review of one period (read-only). Lists in it read from ``db``'s engine."""
    engine = db.get_bind()
    assert isinstance(engine, Engine)
    review = Review(period=period, currency=currency)
    names = {s.id: (s.name, s.role) for s in db.scalars(select(Staff))}
    first, last = period.first.isoformat(), period.last.isoformat()
    totals: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
    day = ReviewDayRow
    for dim, key, count, spend in db.execute(
            select(day.dim, day.key, func.sum(day.count), func.sum(day.spend))
            .where(day.day >= first, day.day <= last).group_by(day.dim, day.key)):
        totals[dim][key] = (int(count), int(spend))
    review.spend_by_day = {
        date.fromisoformat(d): int(spend) for d, spend in db.execute(
            select(day.day, func.sum(day.spend))
            .where(day.dim == "gesture", day.day >= first, day.day <= last)
            .group_by(day.day))}
    review.by_gesture = totals["gesture"]
    review.by_category = totals["category"]
    review.by_outlet = totals["outlet"]
    review.total_spend = sum(spend for _count, spend in review.by_gesture.values())
    review.case_count = totals["cases"].get("", (0, 0))[0]
    review.outcomes = {key: count for key, (count, _s) in totals["outcome"].items()}
    for key, (count, _spend) in totals["cell"].items():
        weekday, hour = (int(part) for part in key.split(":"))
        review.week_grid[weekday][hour] = count
    _people(db, review, names, policy, totals["staff"])
    _lists(engine, db, review, names, now, totals)
    review.approvals = list(db.scalars(
        select(ApprovalRow).where(ApprovalRow.decided_at >= period.start,
                                  ApprovalRow.decided_at < period.end)
        .order_by(ApprovalRow.decided_at)))
    _findings(engine, db, review, names, policy, now, totals["shift"])
    return review


def _in_period(review: Review) -> tuple[Any, Any]:
    first, last = review.period.first.isoformat(), review.period.last.isoformat()
    return (and_(CaseRow.opened_day >= first, CaseRow.opened_day <= last),
            and_(GrantRow.local_day >= first, GrantRow.local_day <= last))


def _until(review: Review) -> tuple[Any, Any]:
    """The period's upper bounds alone, for a ``Lazy`` list, which takes the lower one (the
    first day) as its ``since``."""
    last = review.period.last.isoformat()
    return CaseRow.opened_day <= last, GrantRow.local_day <= last


def _case_ids(engine: Engine, review: Review, count: int | None, *where: Any) -> Lazy[str]:
    query = select(CaseRow.id).where(_until(review)[0], *where)
    return Lazy(engine, query, lambda row: str(row[0]), count, key=CASE_ORDER,
                since=review.period.first.isoformat())


def _lists(engine: Engine, db: Session, review: Review, names: dict[str, tuple[str, str]],
           now: datetime, totals: dict[str, dict[str, tuple[int, int]]]) -> None:
    cases_in, _grants_in = _in_period(review)
    approver = aliased(ApprovalRow)
    grant_query = (
        select(GrantRow.id, GrantRow.case_id, GrantRow.granted_at, CaseRow.guest_name,
               CaseRow.category, CaseRow.outlet, GrantRow.gesture_type, GrantRow.description,
               GrantRow.value_minor, GrantRow.staff_id, approver.approver_id, approver.reason,
               CaseRow.guest_key)
        .join(CaseRow, CaseRow.id == GrantRow.case_id)
        .outerjoin(approver, approver.id == GrantRow.approval_id)
        .where(_until(review)[1]))
    first = review.period.first.isoformat()

    def grant_line(row: AnyRow) -> GrantLine:
        (grant_id, case_id, granted_at, guest, category, outlet, gesture_type, description,
         value, staff_id, approver_id, reason, key) = row
        return GrantLine(grant_id, case_id, _utc(granted_at), guest, category, outlet,
                         gesture_type, description, value,
                         names.get(staff_id or "", ("?", ""))[0],
                         names.get(approver_id or "", ("", ""))[0], reason or "", key)

    review.grants = Lazy(engine, grant_query, grant_line,
                         sum(count for count, _s in review.by_gesture.values()), key=GRANT_ORDER,
                         since=first)
    # Open cases change by the minute and are few: read them as they are now.
    open_missed = 0
    for case_id, due_at, done_at in db.execute(
            select(CaseRow.id, CaseRow.followup_due_at, CaseRow.followup_done_at)
            .where(CaseRow.status == "open", cases_in).order_by(CaseRow.opened_at)):
        review.open_cases.append(case_id)
        if due_at is not None and done_at is None and due_at < now:
            open_missed += 1
    due, done = CaseRow.followup_due_at, CaseRow.followup_done_at

    def count(dim: str) -> int:
        return totals[dim].get("", (0, 0))[0]

    review.late_followups = _case_ids(engine, review, count("late"), due.is_not(None),
                                      done.is_not(None), done > due)
    # "Closed" is asked as closed_at, which has no index: SQLite (no statistics) would take the
    # status index for narrower than the period and walk every closed case of all years.
    closed = CaseRow.closed_at.is_not(None)
    review.missed_followups = _case_ids(
        engine, review, count("missed") + open_missed, due.is_not(None), done.is_(None),
        or_(closed, due < now))
    review.closed_without_followup = _case_ids(engine, review, count("no_followup"),
                                               closed, done.is_(None))
    grid = review.week_grid
    review.cases_in_cell = lambda weekday, hour: _case_ids(
        engine, review, grid[weekday][hour], CaseRow.opened_weekday == weekday,
        CaseRow.opened_hour == hour)

    def in_category(category: str) -> Lazy[str]:
        # The case of each gesture in the category, in time order (a case with two gestures
        # comes twice): read in the day index's order, so the first page needs no sort.
        query = (select(GrantRow.case_id).join(CaseRow, CaseRow.id == GrantRow.case_id)
                 .where(_until(review)[1], CaseRow.category == category))
        return Lazy(engine, query, lambda row: str(row[0]),
                    review.by_category.get(category, (0, 0))[0], key=GRANT_ORDER, since=first)

    review.cases_in_category = in_category


def _utc(value: Any) -> datetime:
    # Core selects of a TypeDecorator column come back converted; keep one type either way.
    if isinstance(value, datetime):
        return value
    from db.models import parse_utc

    return parse_utc(str(value))


def _people(db: Session, review: Review, names: dict[str, tuple[str, str]],
            policy: Policy, spend_by_staff: dict[str, tuple[int, int]]) -> None:
    shift_count = {staff_id: int(count) for staff_id, count in db.execute(
        select(ShiftRow.staff_id, func.count())
        .where(ShiftRow.started_at >= review.period.start,
               ShiftRow.started_at < review.period.end)
        .group_by(ShiftRow.staff_id))}
    review.budget = sum(policy.limits_for(names.get(staff_id, ("", ""))[1]).per_shift * count
                        for staff_id, count in shift_count.items())
    people = set(spend_by_staff) | set(shift_count)
    for staff_id in sorted(people, key=lambda i: names.get(i, ("?", ""))[0]):
        name, role = names.get(staff_id, ("?", ""))
        limits = policy.limits_for(role)
        count, spend = spend_by_staff.get(staff_id, (0, 0))
        review.by_person.append(PersonSpend(staff_id, name, role, spend, count,
                                            shift_count.get(staff_id, 0),
                                            limits.per_shift, limits.per_case))


def _findings(engine: Engine, db: Session, review: Review, names: dict[str, tuple[str, str]],
              policy: Policy, now: datetime, by_shift: dict[str, tuple[int, int]]) -> None:
    period = review.period
    _cases_in, grants_in = _in_period(review)
    # One guest receiving gestures in several cases within one stay: the fold links each
    # gesture to the guest's previous one; a link counts while both cases name the guest.
    earlier = aliased(CaseRow)
    window = int(timedelta(days=policy.stay_window_days).total_seconds())
    stays: dict[str, tuple[str, set[str]]] = {}
    for case_id, repeat_of, guest, key in db.execute(
            select(GrantRow.case_id, GrantRow.repeat_of, CaseRow.guest_name, CaseRow.guest_key)
            .join(CaseRow, CaseRow.id == GrantRow.case_id)
            .join(earlier, earlier.id == GrantRow.repeat_of)
            .where(grants_in, GrantRow.repeat_of.is_not(None), GrantRow.value_minor > 0,
                   GrantRow.repeat_gap <= window, earlier.guest_key == CaseRow.guest_key)
            .order_by(GrantRow.granted_at)):
        # repeat_of is never None here: the query keeps only linked grants.
        stays.setdefault(key, (guest, set()))[1].update((case_id, cast(str, repeat_of)))
    for guest, case_ids in stays.values():
        review.findings.append(Finding(
            "guest_many_cases", guest, f"{len(case_ids)} cases with gestures in one stay",
            tuple(sorted(case_ids))))
    # A person at or near their limit shift after shift.
    near: dict[str, list[str]] = defaultdict(list)
    for key, (_count, total) in by_shift.items():
        staff_id, _bar, shift_id = key.partition("|")
        limit = policy.limits_for(names.get(staff_id, ("", ""))[1]).per_shift
        if limit and total >= NEAR_LIMIT * limit:
            near[staff_id].append(shift_id)
    for staff_id, shift_ids in sorted(near.items()):
        if len(shift_ids) >= NEAR_LIMIT_SHIFTS:
            # coalesce(): read by day in time order, not through the shift index and a sort
            # of every gesture of hundreds of shifts.
            query = (select(GrantRow.case_id)
                     .where(func.coalesce(GrantRow.shift_id, "").in_(shift_ids),
                            GrantRow.staff_id == staff_id, _until(review)[1]))
            review.findings.append(Finding(
                "near_limit", names.get(staff_id, ("?", ""))[0],
                f"at 90 % or more of the shift allowance in {len(shift_ids)} shifts",
                Lazy(engine, query, lambda row: str(row[0]), key=GRANT_ORDER,
                     since=period.first.isoformat())))
    # Many approvals asked for by one person.
    asked: dict[str, list[str]] = defaultdict(list)
    for approval in review.approvals:
        asked[approval.requested_by or ""].append(approval.case_id)
    for staff_id, asked_ids in asked.items():
        if len(asked_ids) >= MANY_APPROVALS:
            review.findings.append(Finding(
                "many_approvals", names.get(staff_id, ("?", ""))[0],
                f"{len(asked_ids)} approvals asked for", tuple(sorted(set(asked_ids)))))
    # Vouchers issued and never redeemed (expired), or redeemed twice.
    today = now.date().isoformat()
    unused: list[VoucherRow] = []
    for voucher in db.scalars(
            select(VoucherRow)
            .where(VoucherRow.issued_at >= period.start, VoucherRow.issued_at < period.end,
                   or_(VoucherRow.redeem_count > 1,
                       and_(VoucherRow.status == "issued", VoucherRow.expires_on < today)))
            .order_by(VoucherRow.issued_at)):
        if voucher.redeem_count > 1:
            review.findings.append(Finding("voucher_redeemed_twice", voucher.code,
                                           f"redeemed {voucher.redeem_count} times",
                                           (voucher.case_id or "",)))
        else:
            unused.append(voucher)
    if len(unused) > VOUCHERS_ONE_BY_ONE:
        review.findings.append(Finding(
            "voucher_unredeemed", "", f"{len(unused)} vouchers expired unused",
            tuple(sorted({v.case_id or "" for v in unused}))))
    else:
        for voucher in unused:
            review.findings.append(Finding("voucher_unredeemed", voucher.code,
                                           f"expired {voucher.expires_on} unused",
                                           (voucher.case_id or "",)))
    # Limits that two desks apart passed together (nothing undone; worth a look).
    for passed in limits_passed_apart(db, grants_in, period.start, period.end, policy, names):
        allowance = "shift allowance" if passed.limit == "per_shift" else "stay allowance"
        review.findings.append(Finding(
            "limit_passed_apart", passed.subject,
            f"{allowance} passed by {format_plain(passed.over_by, review.currency, 'en_US')} "
            f"{review.currency} once desks synced", passed.case_ids))
    # Cases closed without a follow-up.
    if review.closed_without_followup:
        review.findings.append(Finding(
            "closed_without_followup", "", f"{len(review.closed_without_followup)} cases",
            review.closed_without_followup))
