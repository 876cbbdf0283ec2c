"""Start-up verifies only what is new since the sealed checkpoint; the whole chain is checked
by the doctor and in the background, and what start-up skips cannot be used to hide an edit."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import keyring
import pytest

from db.eventlog import canonical_json, event_hash
from desktop.cli import main
from desktop.core import chain
from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.errors import ChainBroken, DeskError
from desktop.core.paths import DB_FILE
from desktop.core.views import CaseHeader
from tests.conftest import Team, make_desk
from tests.memory_keyring import MemoryKeyring


def _work(desk: Desk, team: Team, cases: int) -> None:
    who = team.sign_in(team.agent)
    for n in range(cases):
        case_id = desk.cases.open(who, CaseHeader(guest_name=f"Guest {n}", location="Room 1"))
        desk.cases.complete_step(who, case_id, "listen", {"account": f"Story {n}"})


def _sql(data_dir: Path, statement: str, *args: object) -> int:
    with sqlite3.connect(data_dir / DB_FILE) as connection:
        return connection.execute(statement, args).rowcount


@pytest.fixture
def worked(data_dir: Path, clock: ManualClock) -> Path:
    """A desk with some history, closed after a start that checkpointed all of it."""
    desk = make_desk(data_dir, clock)
    _work(desk, Team(desk), 5)
    desk.close()
    Desk.open(data_dir, clock).close()  # verifies the tail, moves the checkpoint to the end
    return data_dir


def test_start_verifies_only_the_events_since_the_last_start(worked: Path,
                                                             clock: ManualClock) -> None:
    desk = Desk.open(worked, clock)
    assert desk.start_check.verified == 0 and desk.start_check.untrusted is None
    held = desk.event_count()
    team = Team.__new__(Team)  # the team of the worked desk, without adding people again
    team.desk = desk
    team.agent = next(m for m in desk.staff.roster() if m.name == "Maya Torres")
    team.pins = {team.agent.id: "5817"}
    _work(desk, team, 3)
    added = desk.event_count() - held
    desk.close()
    again = Desk.open(worked, clock)
    try:
        assert again.start_check.verified == added  # the new events, not the whole log
        assert again.verify_log() is None
    finally:
        again.close()
    assert Desk.open(worked, clock).start_check.verified == 0


def test_a_tampered_tail_is_caught_at_start(worked: Path, clock: ManualClock) -> None:
    desk = Desk.open(worked, clock)
    agent = next(m for m in desk.staff.roster() if m.name == "Maya Torres")
    who = desk.shifts.sign_in(agent.id, "5817").on_shift
    assert who is not None
    case_id = desk.cases.open(who, CaseHeader(guest_name="Late Guest"))
    desk.close()
    assert _sql(worked, "UPDATE event SET payload = replace(payload, 'Late Guest', 'Nobody') "
                        "WHERE case_id = ?", case_id) == 1
    with pytest.raises(ChainBroken) as raised:
        Desk.open(worked, clock)
    assert "no longer verifies" in str(raised.value) and "edited" in str(raised.value)


def test_an_edited_checkpoint_is_caught(worked: Path, clock: ManualClock) -> None:
    stored = json.loads(_checkpoint_text(worked))
    device, (seq, digest) = next(iter(stored["heads"].items()))
    stored["heads"][device] = [seq - 3, digest]  # "verified only up to 3 events earlier"
    _sql(worked, "UPDATE setting SET value = ? WHERE key = ?", json.dumps(stored),
         chain.CHECKPOINT_KEY)
    with pytest.raises(ChainBroken) as raised:
        Desk.open(worked, clock)
    assert "checkpoint" in str(raised.value) and "seal does not match" in str(raised.value)


def test_a_rewritten_chain_is_caught_at_start_by_the_checkpoint(worked: Path,
                                                                clock: ManualClock) -> None:
    """An old event edited and every later hash recomputed: each link holds, but the chain no
    longer ends where the checkpoint says it did."""
    _rewrite_from(worked, seq=2, text="Forged story")
    with pytest.raises(ChainBroken) as raised:
        Desk.open(worked, clock)
    assert "differs from the chain verified before" in str(raised.value)


def test_an_edited_old_event_is_caught_by_the_whole_check_and_locks_the_desk(
        worked: Path, clock: ManualClock, capsys: pytest.CaptureFixture[str]) -> None:
    assert _sql(worked, "UPDATE event SET payload = replace(payload, 'Story 1', 'All fine') "
                        "WHERE kind = 'step.done' AND payload LIKE '%Story 1\"%'") == 1
    desk = Desk.open(worked, clock)  # before the checkpoint: start-up does not see it
    seen: list[tuple[int, int]] = []
    broken = desk.verify_whole_chain(lambda done, total: seen.append((done, total)))
    assert broken is not None and "no longer verifies" in str(broken)
    with pytest.raises(ChainBroken):
        desk.cases.summaries(status=None)  # locked: nothing more is read or written
    desk.close()
    assert main(["--data-dir", str(worked), "doctor"]) == 1
    line = next(x for x in capsys.readouterr().out.splitlines() if "event chain" in x)
    assert line.startswith("FAIL") and "edited" in line


def test_the_whole_check_moves_the_checkpoint_and_reports_progress(worked: Path,
                                                                   clock: ManualClock) -> None:
    desk = Desk.open(worked, clock)
    try:
        seen: list[tuple[int, int]] = []
        assert desk.verify_whole_chain(lambda done, total: seen.append((done, total))) is None
        assert seen and seen[-1] == (desk.event_count(), desk.event_count())
        assert desk.chain.checkpoint() == {desk.device_id: (desk.event_count(), _last(desk))}
    finally:
        desk.close()


def test_a_checkpoint_without_its_key_is_not_trusted_and_the_whole_check_reseals_it(
        worked: Path, clock: ManualClock) -> None:
    keyring.set_keyring(MemoryKeyring())  # another computer's (or a reset) keychain
    desk = Desk.open(worked, clock)
    try:
        assert desk.start_check.verified == 0
        assert desk.start_check.untrusted == chain.UNTRUSTED_NO_KEY
        assert desk.verify_whole_chain() is None
        assert desk.chain.checkpoint() is not None
    finally:
        desk.close()
    assert Desk.open(worked, clock).start_check.untrusted is None


def test_events_cut_from_the_end_are_caught_at_start(worked: Path, clock: ManualClock) -> None:
    assert _sql(worked, "DELETE FROM event WHERE seq = (SELECT max(seq) FROM event)") == 1
    with pytest.raises(ChainBroken) as raised:
        Desk.open(worked, clock)
    assert "rewritten or cut" in str(raised.value)


def test_the_whole_check_in_processes_gives_the_same_answer(worked: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    monkeypatch.setattr(chain, "SEGMENT", 4)  # many pieces, so each process gets several
    path = worked / DB_FILE
    alone = chain.verify_all(path)
    together = chain.verify_all(path, processes=2)
    assert alone == together and alone.fault is None and alone.verified > 8
    _sql(worked, "UPDATE event SET kind = 'note.added' WHERE seq = 7")
    faults = {chain.verify_all(path).fault, chain.verify_all(path, processes=2).fault}
    assert len(faults) == 1 and next(iter(faults)).seq == 7  # type: ignore[union-attr]


def test_a_desk_locked_by_a_fault_refuses_to_record(worked: Path, clock: ManualClock) -> None:
    desk = Desk.open(worked, clock)
    desk.lock(ChainBroken(worked / DB_FILE, chain.ChainFault(desk.device_id, 1, None, "test")))
    with pytest.raises(ChainBroken):
        desk.shifts.sign_in("anyone", "1234")
    with pytest.raises((ChainBroken, DeskError)):
        desk.staff.roster()
    desk.close()


def _checkpoint_text(data_dir: Path) -> str:
    with sqlite3.connect(data_dir / DB_FILE) as connection:
        return str(connection.execute("SELECT value FROM setting WHERE key = ?",
                                      (chain.CHECKPOINT_KEY,)).fetchone()[0])


def _last(desk: Desk) -> str:
    with sqlite3.connect(desk.db_path) as connection:
        return str(connection.execute("SELECT hash FROM event ORDER BY seq DESC LIMIT 1")
                   .fetchone()[0])


def _rewrite_from(data_dir: Path, *, seq: int, text: str) -> None:
    """Edit event ``seq`` and re-hash it and every later event: what someone who knows the
    format could do to a copied database."""
    with sqlite3.connect(data_dir / DB_FILE) as connection:
        rows = connection.execute(
            "SELECT id, device_id, seq, kind, case_id, actor, at, payload, prev_hash FROM event "
            "ORDER BY seq").fetchall()
        prev = None
        for id_, device, n, kind, case_id, actor, at, payload, prev_hash in rows:
            if n < seq:
                continue
            body = json.loads(payload)
            if n == seq:
                body["forged"] = text
            digest = event_hash(id=id_, device_id=device, seq=n, kind=kind, case_id=case_id,
                                actor=actor, at=at, payload=body,
                                prev_hash=prev if prev is not None else prev_hash)
            connection.execute("UPDATE event SET payload = ?, prev_hash = ?, hash = ? "
                               "WHERE id = ?", (canonical_json(body),
                                                prev if prev is not None else prev_hash,
                                                digest, id_))
            prev = digest


def test_seed_demo_leaves_a_verified_checkpoint(tmp_path: Path) -> None:
    data_dir = tmp_path / "seeded"
    assert main(["--data-dir", str(data_dir), "seed-demo", "--cases", "40"]) == 0
    desk = Desk.open(data_dir)
    try:
        assert desk.start_check.verified == 0 and desk.start_check.untrusted is None
        assert desk.event_count() > 40 * 5 and desk.verify_log() is None
    finally:
        desk.close()
