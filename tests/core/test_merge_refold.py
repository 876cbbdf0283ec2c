"""Another desk's events merged out of order refold only what they touch, and the read model
comes out exactly as a whole refold of the log would make it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import READ_MODEL_TABLES
from desktop.core import caselog
from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.seed import seed_history
from desktop.core.views import CaseHeader, GestureProposal
from tests.conftest import Team, make_desk


def read_model(desk: Desk) -> dict[str, list[tuple[Any, ...]]]:
    with Session(desk.engine) as db:
        return {table.__tablename__: sorted(
            tuple(str(v) for v in row) for row in db.execute(select(table.__table__)))
            for table in READ_MODEL_TABLES}


def test_an_offline_desks_events_refold_only_their_cases(tmp_path: Path,
                                                          clock: ManualClock) -> None:
    here = make_desk(tmp_path / "here", clock)
    seed_history(here, 200, years=0.1)  # history to leave alone
    team = Team(here)
    there = make_desk(tmp_path / "there", clock)
    there_team = Team(there)
    # Both desks hold the same staff ids in real life (head office); here the other desk's
    # people are its own, which the fold does not mind.
    us = team.sign_in(team.agent)
    them = there_team.sign_in(there_team.agent)

    # The other desk is offline: it opens a case, issues a voucher, and redeems ours.
    ours = here.cases.open(us, CaseHeader("Greta Holm", "Room 8", "Front Desk", "noise", "low"))
    voucher = here.grants.grant(us, ours, GestureProposal("voucher", "Spa", 2500)).voucher_code
    assert voucher
    # The other desk learns our voucher (and key) first, as a sync would give it.
    there.ledger.merge_remote(here.ledger.outbox(100_000), 1)
    clock.advance(minutes=5)
    theirs = there.cases.open(them, CaseHeader("Greta Holm", "Room 8", "Brasserie",
                                              "food_quality", "medium"))
    assert there.grants.grant(them, theirs, GestureProposal("comp", "Dinner", 4000)).granted
    assert there.vouchers.redeem(them, voucher).ok
    # Meanwhile this desk goes on, so the other desk's events arrive older than ours.
    clock.advance(minutes=30)
    later = here.cases.open(us, CaseHeader("Greta Holm", "Room 8", "Front Desk", "noise",
                                          "low"))
    assert here.grants.grant(us, later, GestureProposal("comp", "Breakfast", 1500)).granted
    assert here.vouchers.redeem(us, voucher).ok  # redeemed at both desks while apart
    merged = there.ledger.outbox(100_000)
    result = here.ledger.merge_remote(merged, 2)
    assert result.stored > 0 and not result.faults
    assert not here.ledger.state().needs_refold

    incremental = read_model(here)
    here.refold()
    assert read_model(here) == incremental
    assert here.vouchers.check(voucher).voucher.redeem_count == 2  # type: ignore[union-attr]
    today = here.site.local_time(here.now()).date()
    review = here.review(today, today)
    stays = [f for f in review.findings if f.rule == "guest_many_cases"]
    assert stays and {ours, theirs, later} <= set(stays[0].case_ids)
    here.close()
    there.close()


def test_refold_touched_leaves_other_cases_alone(desk: Desk, team: Team) -> None:
    seed_history(desk, 100, years=0.05)
    who = team.sign_in(team.agent)
    case_id = desk.cases.open(who, CaseHeader("Ravi Nair", "Room 2"))
    events = [caselog.row_to_event(row) for row in desk.cases.events(case_id)]
    before = read_model(desk)
    with Session(desk.engine) as db, db.begin():
        refolded = caselog.refold_touched(db, events)
    assert refolded == len(events)
    assert read_model(desk) == before
