"""Head office checks what it holds (issue 18, item 3): ``amends-headoffice verify``, the check
at start and on a schedule, the dashboard's section, and pulls that pass over a broken chain."""

from __future__ import annotations

import time
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from headoffice.cli import main
from headoffice.models import ChainFault, JobLease, Site
from headoffice.schedule import VERIFY, record, take_lease
from headoffice.verify import verify_all
from tests.headoffice.event_samples import SAMPLES
from tests.headoffice.helpers import HQ, Desk, ServerThread

TAMPER = ("UPDATE event SET payload = replace(payload, '\"value_minor\":4000', "
          "'\"value_minor\":400')")
UNDO = ("UPDATE event SET payload = replace(payload, '\"value_minor\":400}', "
        "'\"value_minor\":4000}')")


def granted(desk: Desk, value: int = 4000) -> None:
    desk.add("compensation.granted", case_id=desk.own_case,
             payload={**SAMPLES["compensation.granted"], "value_minor": value,
                      "grant_id": str(uuid.uuid4())})


def two_desks(hq: HQ) -> tuple[Desk, Desk]:
    """A site where the bar granted 40.00 among notes, and the lobby synced too."""
    site = hq.add_site()
    bar, lobby = hq.enrol(site, name="Bar"), hq.enrol(site, name="Lobby")
    bar.add_many(2)
    granted(bar)
    bar.add_many(2)
    lobby.add_many(2)
    for desk in (bar, lobby):
        assert hq.push(desk, desk.events).status_code == 200
    return bar, lobby


def sql(hq: HQ, statement: str) -> None:
    hq.db(lambda s: s.connection().exec_driver_sql(statement))


def verify(hq: HQ, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    url = hq.app.state.engine.url.render_as_string(hide_password=False)
    code = main(["--db", url, "verify"])
    return code, capsys.readouterr().out


def test_verify_passes_an_untouched_store(hq: HQ, capsys: pytest.CaptureFixture[str]) -> None:
    two_desks(hq)
    code, out = verify(hq, capsys)
    assert code == 0
    assert "2 desk chain(s), 7 event(s) checked: all verify" in out
    assert hq.flags() == []


def test_the_issues_edit_fails_verify_and_is_flagged_once(
        hq: HQ, capsys: pytest.CaptureFixture[str]) -> None:
    bar, _lobby = two_desks(hq)
    sql(hq, TAMPER)
    code, out = verify(hq, capsys)
    assert code == 1
    assert f"FAIL\theld_chain_broken\tdesk Bar ({bar.device_id})" in out
    assert "seq 3): content does not match its hash" in out
    assert len(hq.flags("held_chain_broken")) == 1
    fault = hq.db(lambda s: s.get(ChainFault, bar.device_id))
    assert fault is not None and fault.seq == 3
    assert verify(hq, capsys)[0] == 1
    assert len(hq.flags("held_chain_broken")) == 1  # the same finding is not flagged again
    # Put back (a restore from a backup): it verifies again and stops being passed over.
    sql(hq, UNDO)
    assert verify(hq, capsys)[0] == 0
    assert hq.db(lambda s: s.get(ChainFault, bar.device_id)) is None


def test_a_deleted_event_fails_verify(hq: HQ, capsys: pytest.CaptureFixture[str]) -> None:
    bar, _lobby = two_desks(hq)
    sql(hq, f"DELETE FROM event WHERE device_id = '{bar.device_id}' AND seq = 2")
    code, out = verify(hq, capsys)
    assert code == 1
    assert "seq 3): gap before (expected seq 2)" in out


def test_a_last_event_deleted_fails_as_missing(hq: HQ,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    bar, _lobby = two_desks(hq)
    sql(hq, f"DELETE FROM event WHERE device_id = '{bar.device_id}' AND seq = 5")
    code, out = verify(hq, capsys)
    assert code == 1
    assert "missing: head office recorded seqs 1..5, holds 1..4" in out


def test_a_reported_head_not_held_fails_once_the_desk_is_quiet(hq: HQ) -> None:
    bar, _lobby = two_desks(hq)
    sql(hq, f"UPDATE device SET last_chain_hash = '{'e' * 64}' WHERE id = '{bar.device_id}'")
    # Just synced: a long outbox may still be on its way.
    assert verify_all(hq.factory, hq.clock() + timedelta(minutes=5)).ok
    report = verify_all(hq.factory, hq.clock() + timedelta(hours=1))
    assert not report.ok
    [finding] = report.findings
    assert finding.kind == "chain_head_not_held" and "eeeeeeeeeeee" in finding.detail
    assert verify_all(hq.factory, hq.clock() + timedelta(hours=2)).findings == [finding]
    assert len(hq.flags("chain_head_not_held")) == 1


def test_verify_on_a_bad_database_url_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", "mysql://nowhere/db", "verify"]) == 1
    assert "unsupported database" in capsys.readouterr().err


def test_another_desk_keeps_pulling_past_a_broken_chain_and_is_told(
        hq: HQ, capsys: pytest.CaptureFixture[str]) -> None:
    bar, lobby = two_desks(hq)
    third = hq.enrol(_site(hq), name="Terrace")
    sql(hq, TAMPER)
    assert verify(hq, capsys)[0] == 1
    bar.add_many(1)  # the bar keeps pushing: what it sends is held, and passed over too
    assert hq.push(bar, bar.events[-1:]).status_code == 200
    page = hq.pull(third).json()
    assert [e["device_id"] for e in page["events"]] == (
        [bar.device_id] * 2 + [lobby.device_id] * 2)  # seqs 1-2 of the bar, then the lobby
    assert page["withheld"] == [{"device_id": bar.device_id, "from_seq": 3,
                                 "problem": page["withheld"][0]["problem"]}]
    assert "content does not match its hash" in page["withheld"][0]["problem"]
    again = hq.pull(third, after=page["next"]).json()
    assert again["events"] == [] and again["withheld"] == page["withheld"]
    # By seq, the passed-over part is still not sent while it does not verify.
    by_seq = hq.pull(third, device=bar.device_id, from_seq=3).json()
    assert by_seq["events"] == [] and by_seq["withheld"] == page["withheld"]
    sql(hq, UNDO)
    assert verify(hq, capsys)[0] == 0
    caught = hq.pull(third, device=bar.device_id, from_seq=3).json()
    assert [e["seq"] for e in caught["events"]] == [3, 4, 5, 6]
    assert caught["withheld"] == [] and caught["next"] == 6


def _site(hq: HQ) -> Site:
    return hq.db(lambda s: s.scalars(select(Site)).one())


def test_a_pull_finds_an_edit_itself_before_any_check_ran(hq: HQ) -> None:
    bar, lobby = two_desks(hq)
    sql(hq, TAMPER)
    page = hq.pull(lobby).json()
    assert [e["seq"] for e in page["events"]] == [1, 2]
    assert page["withheld"][0]["device_id"] == bar.device_id
    assert page["withheld"][0]["from_seq"] == 3
    assert len(hq.flags("held_chain_broken")) == 1


def test_pulling_by_seq_is_only_for_the_sites_other_desks(hq: HQ) -> None:
    bar, lobby = two_desks(hq)
    far = hq.enrol(hq.add_site("Elsewhere"), name="Far")
    assert hq.pull(far, device=bar.device_id).json()["events"] == []
    assert hq.pull(bar, device=bar.device_id).json()["events"] == []  # its own: never
    assert len(hq.pull(lobby, device=bar.device_id, from_seq=4).json()["events"]) == 2
    assert hq.pull(lobby, device=bar.device_id, from_seq=0).status_code == 422


def test_one_process_at_a_time_takes_the_check(hq: HQ) -> None:
    now = hq.clock()
    gap = timedelta(minutes=1)
    assert take_lease(hq.factory, VERIFY, "a:1", now, gap)
    assert not take_lease(hq.factory, VERIFY, "b:2", now, gap)  # a runs it
    record(hq.factory, VERIFY, True, "fine", now)
    assert not take_lease(hq.factory, VERIFY, "b:2", now + timedelta(seconds=30), gap)
    assert take_lease(hq.factory, VERIFY, "b:2", now + gap, gap)
    # A process that died mid-run: its lease expires.
    assert not take_lease(hq.factory, VERIFY, "c:3", now + timedelta(minutes=30), gap)
    assert take_lease(hq.factory, VERIFY, "c:3", now + timedelta(hours=3), gap)


def test_the_service_checks_at_start_and_the_page_shows_it(hq: HQ) -> None:
    from headoffice.app import create_app

    bar, _lobby = two_desks(hq)
    sql(hq, TAMPER)
    url = hq.app.state.engine.url.render_as_string(hide_password=False)
    app = create_app(url, clock=hq.clock, check_chains=True, check_every=None)
    server = ServerThread(app)
    server.start()
    try:
        def finished(session: Session) -> JobLease | None:
            return session.scalar(select(JobLease).where(JobLease.finished_at.is_not(None)))

        for _ in range(3000):  # bounds a hang; times nothing
            if hq.db(finished) is not None:
                break
            time.sleep(0.01)
        run = hq.db(finished)
        assert run is not None and run.ok is False
    finally:
        server.stop()
        app.state.engine.dispose()
    assert len(hq.flags("held_chain_broken")) == 1
    token = hq.admin_token()
    page = hq.client.get("/", auth=("admin", token)).text
    assert "NOT VERIFIED" in page and "chain-check" in page
    assert bar.device_id in page and "content does not match its hash" in page
