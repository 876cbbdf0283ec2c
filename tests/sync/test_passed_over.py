"""A desk is never left stuck by another desk's broken chain (issue 18, item 3): head office
passes over the broken part, the desk says so and keeps pulling, and catches up once head
office's database verifies again."""

from __future__ import annotations

from collections.abc import Callable

from desktop.core.desk import Desk
from desktop.core.doctor import Status, head_office_checks
from desktop.core.paths import DB_FILE
from desktop.sync.client import enroll, sync_once
from headoffice.schedule import verify_and_record
from tests.conftest import Team
from tests.headoffice.helpers import HQ
from tests.sync.helpers import local_chain, open_cases

MakeDesk = Callable[..., Desk]
TAMPER = "UPDATE event SET payload = replace(payload, 'Guest 1', 'Guest 9')"
UNDO = "UPDATE event SET payload = replace(payload, 'Guest 9', 'Guest 1')"


def edit(hq: HQ, statement: str) -> None:
    hq.db(lambda s: s.connection().exec_driver_sql(statement))


def test_pulling_passes_over_a_broken_chain_says_so_and_catches_up(
        hq: HQ, make_eur_desk: MakeDesk) -> None:
    site = hq.add_site("Harbour Hotel", "EUR", "Europe/Paris")
    bar, lobby, terrace = (make_eur_desk(name) for name in ("bar", "lobby", "terrace"))
    for desk, name in ((bar, "Bar"), (lobby, "Lobby"), (terrace, "Terrace")):
        enroll(desk, hq.server.url, hq.code(site), name)
    teams = {bar: Team(bar), terrace: Team(terrace)}
    open_cases(bar, 3, team=teams[bar])
    open_cases(terrace, 1, team=teams[terrace])
    for desk in (bar, terrace):
        assert sync_once(desk).ok
    edit(hq, TAMPER)  # the kind of edit, on head office's database
    assert not verify_and_record(hq.factory, hq.clock()).ok

    report = sync_once(lobby)
    assert report.ok, report.errors
    assert len(report.passed_over) == 1 and bar.device_id in report.passed_over[0]
    assert "passed over" in report.summary()
    held = local_chain_of(lobby, bar.device_id)
    assert held and held == local_chain(bar)[:len(held)] and len(held) < len(local_chain(bar))
    assert local_chain_of(lobby, terrace.device_id) == local_chain(terrace)
    checks = {c.name: c for c in head_office_checks(lobby.data_dir, lobby.data_dir / DB_FILE)}
    assert checks["sync"].status is Status.WARN  # not FAIL: pulling goes on
    assert "passes over the events of 1 other desk(s)" in checks["sync"].detail
    assert lobby.ledger.state().pull_fault == ""

    # The bar goes on working; the terrace's new cases still reach the lobby.
    open_cases(bar, 1, team=teams[bar])
    open_cases(terrace, 1, team=teams[terrace])
    for desk in (bar, terrace):
        assert sync_once(desk).ok
    assert sync_once(lobby).ok
    assert local_chain_of(lobby, terrace.device_id) == local_chain(terrace)
    assert len(local_chain_of(lobby, bar.device_id)) == len(held)

    edit(hq, UNDO)  # restored
    assert verify_and_record(hq.factory, hq.clock()).ok
    report = sync_once(lobby)
    assert report.ok and report.passed_over == []
    assert local_chain_of(lobby, bar.device_id) == local_chain(bar)
    assert lobby.ledger.passed_over() == frozenset()
    checks = {c.name: c for c in head_office_checks(lobby.data_dir, lobby.data_dir / DB_FILE)}
    assert checks["sync"].status is Status.OK


def local_chain_of(desk: Desk, device_id: str) -> list[tuple[int, str]]:
    return [(row.seq, row.hash) for row in desk.ledger.events_of(device_id)]
