"""A voucher used at another desk whose clock runs behind: the redemption (or void) can sort
before the issue it acts on. It must still count, on every desk and after any refold: a
voucher shown as unused after it was redeemed could be redeemed again."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.views import CaseHeader, GestureProposal, VoucherOutcome
from tests.conftest import Team, make_desk
from tests.core.test_merge_refold import read_model


def two_desks(tmp_path: Path, clock: ManualClock) -> tuple[Desk, Team, Desk, Team, str]:
    """``here`` issues a voucher; ``there``, whose clock is ten minutes behind, learns it."""
    here = make_desk(tmp_path / "here", clock)
    here_team = Team(here)
    behind = ManualClock(clock.now() - timedelta(minutes=10))
    there = make_desk(tmp_path / "there", behind)
    there_team = Team(there)
    who = here_team.sign_in(here_team.agent)
    case_id = here.cases.open(who, CaseHeader("Greta Holm", "Room 8", "Front Desk", "noise",
                                              "low"))
    code = here.grants.grant(who, case_id, GestureProposal("voucher", "Spa", 2500)).voucher_code
    assert code
    there.ledger.merge_remote(here.ledger.outbox(100_000), 1)
    behind.advance(minutes=2)  # still eight minutes before the issue, by this desk's clock
    return here, here_team, there, there_team, code


def test_a_redemption_stamped_before_the_issue_still_counts(tmp_path: Path,
                                                            clock: ManualClock) -> None:
    here, _here_team, there, there_team, code = two_desks(tmp_path, clock)
    them = there_team.sign_in(there_team.agent)
    assert there.vouchers.redeem(them, code).ok
    redeemed_at = there.vouchers.check(code).voucher.redeemed_at  # type: ignore[union-attr]
    issued_at = there.vouchers.check(code).voucher.issued_at  # type: ignore[union-attr]
    assert redeemed_at is not None and redeemed_at < issued_at  # the clocks disagree

    result = here.ledger.merge_remote(there.ledger.outbox(100_000), 2)
    assert result.stored > 0 and not result.faults
    for desk in (here, there):
        check = desk.vouchers.check(code)
        assert check.outcome is VoucherOutcome.ALREADY_REDEEMED, desk
        assert check.voucher is not None and check.voucher.redeemed_at == redeemed_at
        incremental = read_model(desk)
        desk.refold()  # a whole refold comes out the same
        assert read_model(desk) == incremental
        assert desk.vouchers.check(code).outcome is VoucherOutcome.ALREADY_REDEEMED
    here.close()
    there.close()


def test_a_void_stamped_before_the_issue_still_counts(tmp_path: Path,
                                                      clock: ManualClock) -> None:
    here, _here_team, there, there_team, code = two_desks(tmp_path, clock)
    boss = there_team.sign_in(there_team.manager)
    there.vouchers.void(boss, code, "Guest left before using it")
    here.ledger.merge_remote(there.ledger.outbox(100_000), 2)
    for desk in (here, there):
        desk.refold()
        assert desk.vouchers.check(code).outcome is VoucherOutcome.VOIDED, desk
    here.close()
    there.close()
