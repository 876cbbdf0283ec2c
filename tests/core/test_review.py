"""Supervisor review: totals agree with the events, patterns show, each rule fires on its case."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.cli import main
from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.review_csv import review_csv
from desktop.core.seed import seed_history
from desktop.core.views import ApproverSignOff, CaseHeader, GestureProposal
from desktop.slips.review_report import render_review
from tests.conftest import Team

TODAY = date(2026, 11, 18)


def spend_from_events(desk: Desk, start: datetime, end: datetime) -> int:
    from db.models import parse_utc

    return sum(json.loads(e.payload)["value_minor"]
               for e in desk.ledger.events_of(desk.device_id)
               if e.kind == "compensation.granted" and start <= parse_utc(e.at) < end)


def grant(desk: Desk, team: Team, who, guest: str, value: int,  # type: ignore[no-untyped-def]
          approve: bool = False) -> str:
    case_id = desk.cases.open(who, CaseHeader(guest, "Room 1", "Front Desk", "maintenance",
                                             "medium"))
    sign_off = ApproverSignOff(team.manager.id, "1357", "ok") if approve else None
    assert desk.grants.grant(who, case_id, GestureProposal("comp", "x", value), sign_off).granted
    return case_id


def test_totals_in_view_csv_and_pdf_agree_with_the_events(desk: Desk, team: Team,
                                                          clock: ManualClock) -> None:
    seed_history(desk, 400, years=0.25)
    review = desk.review(TODAY - timedelta(days=40), TODAY)
    expected = spend_from_events(desk, review.period.start, review.period.end)
    assert review.total_spend == expected > 0
    assert sum(s for _c, s in review.by_gesture.values()) == expected
    assert sum(s for _c, s in review.by_category.values()) == expected
    assert sum(p.spend for p in review.by_person) == expected
    rows = list(csv.DictReader(io.StringIO(review_csv(review, desk.site.info().zone))))
    assert sum(Decimal(r["value"]) for r in rows) * 100 == expected
    pdf = render_review(review, "Harbour Test Hotel", lambda m: f"${m / 100:,.2f}")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert f"${expected / 100:,.2f}" in text


def test_the_wednesday_boiler_is_the_hottest_cell(desk: Desk) -> None:
    seed_history(desk, 3000, years=1)
    review = desk.review(TODAY - timedelta(days=365), TODAY)
    assert review.hottest_cell() == (2, 15)  # Wednesday, 15:00-16:00 site time
    cases = review.cases_in_cell(2, 15)
    assert len(cases) == review.week_grid[2][15] == len(list(cases))
    categories = [desk.cases.get(c).header.category for c in cases[:50]]
    assert categories.count("maintenance") > len(categories) / 2


def test_recovery_rate_and_outcomes(desk: Desk, team: Team) -> None:
    who = team.sign_in(team.agent)
    for outcome in ("recovered", "recovered", "recovered", "not_recovered", "unknown"):
        case_id = desk.cases.open(who, CaseHeader("G", "R", "Front Desk", "billing", "low"))
        desk.cases.close(who, case_id, root_cause="billing", detail="", outcome=outcome)
    review = desk.review(TODAY, TODAY)
    assert review.outcomes == {"recovered": 3, "not_recovered": 1, "unknown": 1}
    assert review.recovery_rate == 0.75
    assert len(review.closed_without_followup) == 5


def rules(desk: Desk) -> dict[str, list]:
    found: dict[str, list] = {}
    today = desk.site.local_time(desk.now()).date()
    for finding in desk.review(today - timedelta(days=60), today).findings:
        found.setdefault(finding.rule, []).append(finding)
    return found


def test_guest_with_gestures_in_several_cases(desk: Desk, team: Team,
                                              clock: ManualClock) -> None:
    who = team.sign_in(team.agent)
    grant(desk, team, who, "Zoë Lindqvist", 1000)
    clock.advance(days=20)  # a near miss: a different stay
    grant(desk, team, who, "Zoë Lindqvist", 1000)
    assert "guest_many_cases" not in rules(desk)
    clock.advance(days=1)
    third = grant(desk, team, who, "zoë  lindqvist", 1000)
    found = rules(desk)["guest_many_cases"]
    assert len(found) == 1 and third in found[0].case_ids


def test_person_near_their_limit_shift_after_shift(desk: Desk, team: Team,
                                                   clock: ManualClock) -> None:
    for n, value in enumerate((13500, 13400)):
        who = team.sign_in(team.agent)
        for part in (5000, 5000, value - 10000):
            grant(desk, team, who, f"Guest {n}-{part}", part)
        desk.shifts.end(who)
        clock.advance(days=1)
    assert "near_limit" not in rules(desk)  # 13,400 of 15,000 is just under 90 %
    who = team.sign_in(team.agent)
    for part in (5000, 5000, 3500):
        grant(desk, team, who, f"Guest x-{part}", part)
    found = rules(desk)["near_limit"]
    assert found[0].subject == "Maya Torres" and "2 shifts" in found[0].detail


def test_many_approvals_for_one_person(desk: Desk, team: Team) -> None:
    who = team.sign_in(team.agent)
    for n in range(2):
        grant(desk, team, who, f"Guest {n}", 6000, approve=True)
    assert "many_approvals" not in rules(desk)
    grant(desk, team, who, "Guest 3", 6000, approve=True)
    assert rules(desk)["many_approvals"][0].subject == "Maya Torres"


def test_vouchers_never_redeemed_or_redeemed_twice(desk: Desk, team: Team,
                                                   clock: ManualClock) -> None:
    who = team.sign_in(team.agent)
    case_id = desk.cases.open(who, CaseHeader("Grace Kim", "Room 1203"))
    used = desk.grants.grant(who, case_id, GestureProposal("voucher", "Spa", 2500)).voucher_code
    unused = desk.grants.grant(who, case_id, GestureProposal("voucher", "Café", 800)).voucher_code
    desk.vouchers.redeem(who, used)
    assert "voucher_unredeemed" not in rules(desk)  # not expired yet: a near miss
    clock.advance(days=91)
    review = desk.review(TODAY - timedelta(days=30), TODAY + timedelta(days=100))
    unredeemed = [f for f in review.findings if f.rule == "voucher_unredeemed"]
    assert [f.subject for f in unredeemed] == [unused]


def test_cases_closed_without_follow_up(desk: Desk, team: Team, clock: ManualClock) -> None:
    who = team.sign_in(team.agent)
    header = CaseHeader("G", "R", "Front Desk", "billing", "low")
    followed = desk.cases.open(who, header)
    desk.cases.complete_step(who, followed, "fix", {"fix_action": "done"})
    desk.cases.complete_followup(who, followed, "fine")
    desk.cases.close(who, followed, root_cause="billing", detail="", outcome="recovered")
    assert "closed_without_followup" not in rules(desk)
    skipped = desk.cases.open(who, header)
    desk.cases.complete_step(who, skipped, "fix", {"fix_action": "done"})
    desk.cases.close(who, skipped, root_cause="billing", detail="", outcome="unknown")
    assert rules(desk)["closed_without_followup"][0].case_ids == (skipped,)


def test_report_command_writes_csv_and_pdf(data_dir: Path, clock: ManualClock,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import make_desk

    desk = make_desk(data_dir, ManualClock(datetime.now(UTC)))
    Team(desk)
    seed_history(desk, 200, years=0.2)
    desk.close()
    today = datetime.now(UTC).date()
    out = data_dir / "spend.csv"
    assert main(["--data-dir", str(data_dir), "report", "--from",
                 (today - timedelta(days=90)).isoformat(), "--to", today.isoformat(),
                 "--format", "csv", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("granted_at_local,case_id,guest")
    pdf = data_dir / "review.pdf"
    assert main(["--data-dir", str(data_dir), "report", "--from",
                 (today - timedelta(days=90)).isoformat(), "--to", today.isoformat(),
                 "--format", "pdf", "--out", str(pdf)]) == 0
    assert len(PdfReader(pdf).pages) >= 1
    assert main(["--data-dir", str(data_dir), "report", "--from", today.isoformat(), "--to",
                 (today - timedelta(days=1)).isoformat(), "--format", "csv",
                 "--out", str(out)]) == 2


def test_seeded_history_refolds_to_the_same_read_model(desk: Desk) -> None:
    seed_history(desk, 300, years=0.5)
    assert desk.verify_log() is None
    before = desk.cases.summaries(status=None, limit=10_000)
    grants_before = desk.review(TODAY - timedelta(days=200), TODAY).grants
    desk.refold()
    assert desk.cases.summaries(status=None, limit=10_000) == before
    assert desk.review(TODAY - timedelta(days=200), TODAY).grants == grants_before


def test_csv_cells_cannot_run_as_formulas(desk: Desk, team: Team) -> None:
    who = team.sign_in(team.agent)
    grant(desk, team, who, "=HYPERLINK(\"http://x\")", 500)
    text = review_csv(desk.review(TODAY, TODAY), desk.site.info().zone)
    assert "'=HYPERLINK" in text
