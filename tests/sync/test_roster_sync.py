"""The roster through a real head office on 127.0.0.1: people added at one desk sign in at
another once both have synced, head office lists each site's roster and names its people, and
a person head office deactivates is locked out of every desk at its next sync."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from db.models import EventRow
from desktop.core.desk import Desk
from desktop.core.errors import DeskError, Refusal
from desktop.core.views import ApproverSignOff, CaseHeader, GestureProposal
from desktop.sync.client import enroll, sync_once
from headoffice.cli import main as hq_main
from headoffice.dashboard import render
from headoffice.reports import summaries
from tests.conftest import Team
from tests.headoffice.helpers import HQ

MakeDesk = Callable[..., Desk]


def hq_cli(hq: HQ, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    url = hq.app.state.engine.url.render_as_string(hide_password=False)
    code = hq_main(["--db", url, *args])
    out, err = capsys.readouterr()
    return code, out, err


def synced(*desks: Desk) -> None:
    for _ in range(2):  # twice: what one desk pushed the other pulls on its next round
        for desk in desks:
            report = sync_once(desk)
            assert report.ok, report.errors


@pytest.fixture
def site_desks(hq: HQ, make_eur_desk: MakeDesk) -> tuple[Any, Desk, Desk, Team]:
    site = hq.add_site("Harbour Hotel", "EUR", "Europe/Paris")
    front = make_eur_desk("front")
    team = Team(front)
    brasserie = make_eur_desk("brasserie")  # its own first manager, also "Rita Lang"
    enroll(front, hq.server.url, hq.code(site), "Front desk")
    enroll(brasserie, hq.server.url, hq.code(site), "Brasserie")
    synced(front, brasserie)
    return site, front, brasserie, team


def test_someone_added_at_one_desk_signs_in_at_the_other(
        hq: HQ, site_desks: tuple[Any, Desk, Desk, Team]) -> None:
    _site, front, brasserie, team = site_desks
    ana = front.staff.add("Ana Ruiz", "agent", "7391", by=team.manager.id)
    synced(front, brasserie)
    assert brasserie.shifts.sign_in(ana.id, "7391").on_shift is not None
    assert brasserie.staff.find("Ana Ruiz") == ana


def test_head_office_lists_the_roster_and_deactivates_someone_everywhere(
        hq: HQ, site_desks: tuple[Any, Desk, Desk, Team],
        capsys: pytest.CaptureFixture[str]) -> None:
    _site, front, brasserie, team = site_desks
    code, out, _ = hq_cli(hq, capsys, "staff", "list", "Harbour Hotel")
    assert code == 0
    listed = [line.split("\t") for line in out.splitlines()]
    assert [(n, r, s) for _, n, r, s, _ in listed] == [
        ("Leo Brandt", "agent", "active"), ("Maya Torres", "agent", "active"),
        ("Rita Lang", "manager", "active"), ("Rita Lang", "manager", "active"),
        ("Sam Okoye", "supervisor", "active")]
    assert {d for *_, d in listed} == {"added at Front desk", "added at Brasserie"}
    assert "scrypt" not in out

    code, out, _ = hq_cli(hq, capsys, "staff", "deactivate", "Harbour Hotel", "maya torres")
    assert code == 0 and "deactivated Maya Torres" in out
    code, out, _ = hq_cli(hq, capsys, "staff", "list", "Harbour Hotel")
    assert "Maya Torres" not in out
    _, out, _ = hq_cli(hq, capsys, "staff", "list", "Harbour Hotel", "--all")
    assert f"{team.agent.id}\tMaya Torres\tagent\tdeactivated by head office" in out

    # Until a desk syncs she may still sign in there; at its next sync she is locked out.
    assert brasserie.shifts.sign_in(team.agent.id, "5817").on_shift is not None
    synced(brasserie)
    with pytest.raises(DeskError) as locked:
        brasserie.shifts.sign_in(team.agent.id, "5817")
    assert locked.value.refusal is Refusal.STAFF_INACTIVE
    synced(front)
    with pytest.raises(DeskError):
        front.shifts.sign_in(team.agent.id, "5817")
    # Each desk recorded it in its own log, once, and it went back to head office.
    synced(front, brasserie)
    for desk in (front, brasserie):
        recorded = [e for e in desk.ledger.events_of(desk.device_id)
                    if e.kind == "staff.deactivated"]
        assert len(recorded) <= 1
    assert not front.staff.member(team.agent.id).active
    assert front.staff.member(team.agent.id).name == "Maya Torres"  # history keeps her


def test_head_office_refuses_unclear_or_last_manager_deactivations(
        hq: HQ, site_desks: tuple[Any, Desk, Desk, Team],
        capsys: pytest.CaptureFixture[str]) -> None:
    _site, front, brasserie, team = site_desks
    code, _, err = hq_cli(hq, capsys, "staff", "deactivate", "Harbour Hotel", "Nobody Here")
    assert code == 1 and "nobody active is called 'Nobody Here'" in err
    code, _, err = hq_cli(hq, capsys, "staff", "deactivate", "Nowhere Inn", "Sam Okoye")
    assert code == 1 and "no site" in err.lower()
    # Both desks created their own "Rita Lang" before they enrolled: two people, by id.
    code, _, err = hq_cli(hq, capsys, "staff", "deactivate", "Harbour Hotel", "Rita Lang")
    assert code == 1 and "2 people are called 'Rita Lang'" in err
    assert team.manager.id in err
    other_rita = next(m for m in brasserie.staff.roster()
                      if m.name == "Rita Lang" and m.id != team.manager.id)
    assert other_rita.desk_hint == brasserie.device_id[:8]
    code, _, _ = hq_cli(hq, capsys, "staff", "deactivate", "Harbour Hotel", other_rita.id)
    assert code == 0
    # Now the front's Rita is the last manager: head office will not lock the site out.
    code, _, err = hq_cli(hq, capsys, "staff", "deactivate", "Harbour Hotel", "Rita Lang")
    assert code == 1 and "last active manager" in err
    synced(front, brasserie)
    for desk in (front, brasserie):
        assert desk.staff.find("Rita Lang").id == team.manager.id


def test_head_offices_page_names_granters_approvers_and_staff(
        hq: HQ, site_desks: tuple[Any, Desk, Desk, Team]) -> None:
    _site, front, brasserie, team = site_desks
    who = team.sign_in(team.agent)
    case_id = front.cases.open(who, CaseHeader("Grace Kim", "Room 214"))
    assert front.grants.grant(who, case_id, GestureProposal("comp", "Spa", 9000),
                              ApproverSignOff(team.supervisor.id, "2468", "long wait")).granted
    synced(front, brasserie)
    page = hq.db(lambda db: render(summaries(db, hq.clock()), hq.clock()))
    assert "Maya Torres" in page and "Sam Okoye" in page and "Leo Brandt" in page
    assert "<td>Maya Torres</td><td>Sam Okoye</td>" in page
    assert "scrypt" not in page
    # The brasserie's review names Maya and Sam, who never worked there.
    today = brasserie.site.local_time(brasserie.now()).date()
    lines = brasserie.review(today, today).grants
    assert [(g.granted_by, g.approved_by) for g in lines] == [("Maya Torres", "Sam Okoye")]


def test_head_office_holds_pin_hashes_only(hq: HQ,
                                           site_desks: tuple[Any, Desk, Desk, Team]) -> None:
    _site, front, _brasserie, _team = site_desks
    from headoffice.models import EventRow as HQEvent

    payloads = hq.db(lambda db: list(db.scalars(
        select(HQEvent.payload).where(HQEvent.kind == "staff.added"))))
    assert len(payloads) == 5
    for payload in payloads:
        assert '"pin_hash":"scrypt$' in payload.replace(" ", "")
        for pin in ("5817", "6392", "2468", "1357"):
            assert f'"{pin}"' not in payload
    with front.engine.connect() as connection:
        kinds = set(connection.scalars(select(EventRow.kind)))
    assert "staff.added" in kinds
