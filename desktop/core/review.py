"""Supervisor review: what was spent, by whom, why, and what keeps going wrong.

Everything here is read from the read model (itself a fold of the events) for a period given in
the site's local dates. Totals are summed in SQL; only the per-case details that need the site's
time zone (the week grid, spend per day) are computed in Python, over the cases of the period.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import ApprovalRow, CaseRow, GrantRow, ShiftRow, Staff, VoucherRow
from desktop.core.policy import Policy

NEAR_LIMIT = 0.9  # "at or near their limit": 90 % of the per-shift allowance or more
NEAR_LIMIT_SHIFTS = 2  # … in this many shifts of the period
MANY_APPROVALS = 3  # approvals asked for by one person in the period


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
    #            voucher_redeemed_twice, closed_without_followup
    subject: str
    detail: str
    case_ids: tuple[str, ...]


@dataclass(slots=True)
class Review:
    period: Period
    currency: str
    total_spend: int = 0
    budget: int = 0  # the per-shift allowances of every shift worked in the period
    grants: list[GrantLine] = field(default_factory=list)
    by_person: list[PersonSpend] = field(default_factory=list)
    by_gesture: dict[str, tuple[int, int]] = field(default_factory=dict)  # key: (count, spend)
    by_category: dict[str, tuple[int, int]] = field(default_factory=dict)
    by_outlet: dict[str, tuple[int, int]] = field(default_factory=dict)
    approvals: list[ApprovalRow] = field(default_factory=list)
    late_followups: list[str] = field(default_factory=list)  # case ids
    missed_followups: list[str] = field(default_factory=list)
    closed_without_followup: list[str] = field(default_factory=list)
    open_cases: list[str] = field(default_factory=list)
    outcomes: dict[str, int] = field(default_factory=dict)
    case_count: int = 0
    week_grid: list[list[int]] = field(default_factory=lambda: [[0] * 24 for _ in range(7)])
    week_grid_cases: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    spend_by_day: dict[date, int] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

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
    """The whole review of one period (read-only)."""
    review = Review(period=period, currency=currency)
    names = {s.id: (s.name, s.role) for s in db.scalars(select(Staff))}
    _grants(db, review, names)
    _people(db, review, names, policy)
    _cases(db, review, zone, now)
    review.approvals = list(db.scalars(
        select(ApprovalRow).where(ApprovalRow.decided_at >= period.start,
                                  ApprovalRow.decided_at < period.end)
        .order_by(ApprovalRow.decided_at)))
    _findings(db, review, names, policy, now)
    return review


def _grants(db: Session, review: Review, names: dict[str, tuple[str, str]]) -> None:
    period = review.period
    rows = db.execute(
        select(GrantRow.id, GrantRow.case_id, GrantRow.granted_at, CaseRow.guest_name,
               CaseRow.guest_key, CaseRow.category, CaseRow.outlet, GrantRow.gesture_type,
               GrantRow.description, GrantRow.value_minor, GrantRow.staff_id,
               ApprovalRow.approver_id, ApprovalRow.reason)
        .join(CaseRow, CaseRow.id == GrantRow.case_id)
        .outerjoin(ApprovalRow, ApprovalRow.id == GrantRow.approval_id)
        .where(GrantRow.granted_at >= period.start, GrantRow.granted_at < period.end)
        .order_by(GrantRow.granted_at)
        .execution_options(yield_per=20_000))
    by_gesture: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_category: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_outlet: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for (grant_id, case_id, granted_at, guest, key, category, outlet, gesture_type,
         description, value, staff_id, approver_id, reason) in rows:
        review.grants.append(GrantLine(
            grant_id, case_id, granted_at, guest, category, outlet, gesture_type, description,
            value, names.get(staff_id or "", ("?", ""))[0],
            names.get(approver_id or "", ("", ""))[0], reason or "", key))
        review.total_spend += value
        for table, group in ((by_gesture, gesture_type), (by_category, category),
                             (by_outlet, outlet)):
            table[group][0] += 1
            table[group][1] += value
    review.by_gesture = {k: (v[0], v[1]) for k, v in by_gesture.items()}
    review.by_category = {k: (v[0], v[1]) for k, v in by_category.items()}
    review.by_outlet = {k: (v[0], v[1]) for k, v in by_outlet.items()}


def _shifts_in(db: Session, period: Period) -> list[ShiftRow]:
    return list(db.scalars(select(ShiftRow).where(ShiftRow.started_at >= period.start,
                                                  ShiftRow.started_at < period.end)))


def _people(db: Session, review: Review, names: dict[str, tuple[str, str]],
            policy: Policy) -> None:
    shifts = _shifts_in(db, review.period)
    shift_count = Counter(s.staff_id for s in shifts)
    review.budget = sum(policy.limits_for(names.get(s.staff_id, ("", ""))[1]).per_shift
                        for s in shifts)
    spend: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    rows = db.execute(
        select(GrantRow.staff_id, func.count(), func.sum(GrantRow.value_minor))
        .where(GrantRow.granted_at >= review.period.start,
               GrantRow.granted_at < review.period.end)
        .group_by(GrantRow.staff_id)).all()
    for staff_id, count, total in rows:
        spend[staff_id or ""] = [int(count), int(total or 0)]
    people = set(spend) | set(shift_count)
    for staff_id in sorted(people, key=lambda i: names.get(i, ("?", ""))[0]):
        name, role = names.get(staff_id, ("?", ""))
        limits = policy.limits_for(role)
        review.by_person.append(PersonSpend(staff_id, name, role, spend[staff_id][1],
                                            spend[staff_id][0], shift_count.get(staff_id, 0),
                                            limits.per_shift, limits.per_case))


def _cases(db: Session, review: Review, zone: ZoneInfo, now: datetime) -> None:
    period = review.period
    # Plain rows, not ORM objects: a year can hold hundreds of thousands of cases.
    rows = db.execute(
        select(CaseRow.id, CaseRow.opened_at, CaseRow.status, CaseRow.outcome,
               CaseRow.followup_due_at, CaseRow.followup_done_at)
        .where(CaseRow.opened_at >= period.start, CaseRow.opened_at < period.end)
        .execution_options(yield_per=20_000))
    outcomes: Counter[str] = Counter()
    local_cache: dict[str, tuple[int, int]] = {}
    for case_id, opened_at, status, outcome, due, done in rows:
        review.case_count += 1
        # The week grid needs local time; cache per UTC hour (DST shifts whole hours).
        hour_key = opened_at.strftime("%Y%m%d%H")
        cell = local_cache.get(hour_key)
        if cell is None:
            local = opened_at.astimezone(zone)
            cell = local_cache[hour_key] = (local.weekday(), local.hour)
        review.week_grid[cell[0]][cell[1]] += 1
        review.week_grid_cases.setdefault(cell, []).append(case_id)
        if status == "open":
            review.open_cases.append(case_id)
        else:
            outcomes[outcome or "unknown"] += 1
            if done is None:
                review.closed_without_followup.append(case_id)
        if due is not None and done is not None and done > due:
            review.late_followups.append(case_id)
        elif due is not None and done is None and (status == "closed" or due < now):
            review.missed_followups.append(case_id)
    review.outcomes = dict(outcomes)
    day_cache: dict[str, date] = {}
    for line in review.grants:
        hour_key = line.granted_at.strftime("%Y%m%d%H")
        day = day_cache.get(hour_key)
        if day is None:
            day = day_cache[hour_key] = line.granted_at.astimezone(zone).date()
        review.spend_by_day[day] = review.spend_by_day.get(day, 0) + line.value_minor


def _findings(db: Session, review: Review, names: dict[str, tuple[str, str]], policy: Policy,
              now: datetime) -> None:
    period = review.period
    # One guest receiving gestures in several cases within one stay.
    by_guest: dict[str, list[tuple[datetime, str, str]]] = defaultdict(list)
    for line in review.grants:
        if line.value_minor > 0 and line.guest_key:
            by_guest[line.guest_key].append((line.granted_at, line.case_id, line.guest_name))
    window = timedelta(days=policy.stay_window_days)
    for entries in by_guest.values():
        entries.sort()
        for index, (first_at, _case, guest) in enumerate(entries):
            in_stay = {c for at, c, _g in entries[index:] if at - first_at <= window}
            if len(in_stay) >= 2:
                review.findings.append(Finding(
                    "guest_many_cases", guest, f"{len(in_stay)} cases with gestures in one stay",
                    tuple(sorted(in_stay))))
                break
    # A person at or near their limit shift after shift.
    per_shift = db.execute(
        select(GrantRow.staff_id, GrantRow.shift_id, func.sum(GrantRow.value_minor))
        .where(GrantRow.granted_at >= period.start, GrantRow.granted_at < period.end)
        .group_by(GrantRow.staff_id, GrantRow.shift_id)).all()
    near: dict[str, list[str]] = defaultdict(list)
    for staff_id, shift_id, total in per_shift:
        limit = policy.limits_for(names.get(staff_id or "", ("", ""))[1]).per_shift
        if limit and (total or 0) >= NEAR_LIMIT * limit:
            near[staff_id or ""].append(shift_id or "")
    for staff_id, shift_ids in near.items():
        if len(shift_ids) >= NEAR_LIMIT_SHIFTS:
            cases = db.scalars(select(GrantRow.case_id).where(
                GrantRow.shift_id.in_(shift_ids), GrantRow.staff_id == staff_id).distinct())
            review.findings.append(Finding(
                "near_limit", names.get(staff_id, ("?", ""))[0],
                f"at 90 % or more of the shift allowance in {len(shift_ids)} shifts",
                tuple(sorted(cases))))
    # Many approvals asked for by one person.
    asked: dict[str, list[str]] = defaultdict(list)
    for approval in review.approvals:
        asked[approval.requested_by or ""].append(approval.case_id)
    for staff_id, case_ids in asked.items():
        if len(case_ids) >= MANY_APPROVALS:
            review.findings.append(Finding(
                "many_approvals", names.get(staff_id, ("?", ""))[0],
                f"{len(case_ids)} approvals asked for", tuple(sorted(set(case_ids)))))
    # Vouchers issued and never redeemed (expired), or redeemed twice.
    today = now.date().isoformat()
    vouchers = db.scalars(select(VoucherRow).where(VoucherRow.issued_at >= period.start,
                                                   VoucherRow.issued_at < period.end))
    for voucher in vouchers:
        if voucher.redeem_count > 1:
            review.findings.append(Finding("voucher_redeemed_twice", voucher.code,
                                           f"redeemed {voucher.redeem_count} times",
                                           (voucher.case_id or "",)))
        elif voucher.status == "issued" and voucher.expires_on < today:
            review.findings.append(Finding("voucher_unredeemed", voucher.code,
                                           f"expired {voucher.expires_on} unused",
                                           (voucher.case_id or "",)))
    # Cases closed without a follow-up.
    if review.closed_without_followup:
        review.findings.append(Finding(
            "closed_without_followup", "", f"{len(review.closed_without_followup)} cases",
            tuple(review.closed_without_followup)))
