"""The whole-chain check (``amends doctor``) catches an old event edited in place with
``sqlite3``, whatever the edit: a value, a column's type, a NULL where a text was, a NUL byte,
a quote; and a sound chain whose texts need escaping (quotes, backslashes, control
characters, non-ASCII) verifies."""

from __future__ import annotations

import io
import sqlite3
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core import chain
from desktop.core.clock import ManualClock
from desktop.core.paths import DB_FILE
from desktop.core.views import CaseHeader
from tests.conftest import Team, make_desk

TRICKY = ['Say "sorry"', "back\\slash", "line\nbreak\ttab\x01\x1f", "Zoë 日本 \u2028 😀",
          "nul\x00byte", "", "null", '","at":"x']


@pytest.fixture
def store(data_dir: Path, clock: ManualClock) -> Path:
    """A desk whose history has a case for each tricky text (guest name and story)."""
    desk = make_desk(data_dir, clock)
    team = Team(desk)
    who = team.sign_in(team.agent)
    for text in TRICKY:
        case_id = desk.cases.open(who, CaseHeader(guest_name=text or "-", location="Room 1"))
        desk.cases.complete_step(who, case_id, "listen", {"account": text})
    desk.close()
    return data_dir / DB_FILE


def _edit(path: Path, statement: str) -> int:
    """Apply ``statement`` to the event with a story and a case, the fifth such; its seq."""
    with sqlite3.connect(path) as connection:
        seq = connection.execute(
            "SELECT seq FROM event WHERE kind = 'step.done' AND actor IS NOT NULL "
            "AND case_id IS NOT NULL ORDER BY seq LIMIT 1 OFFSET 4").fetchone()[0]
        assert connection.execute(f"{statement} WHERE seq = ?", (seq,)).rowcount == 1
    return int(seq)


def test_a_sound_chain_with_texts_that_need_escaping_verifies(store: Path) -> None:
    result = chain.verify_all(store)
    assert result.fault is None and result.complete and result.verified > 2 * len(TRICKY)
    assert chain.verify_all(store, processes=2) == result


def test_an_edit_is_caught_in_processes_too(store: Path, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    monkeypatch.setattr(chain, "SEGMENT", 5)  # many pieces
    seq = _edit(store, "UPDATE event SET kind = CAST(kind AS BLOB)")
    fault = chain.verify_all(store, processes=2).fault
    assert fault is not None and fault.seq == seq


@pytest.mark.parametrize("statement", [
    "UPDATE event SET kind = CAST(kind AS BLOB)",  # the same bytes, another type
    "UPDATE event SET payload = CAST(payload AS BLOB)",
    "UPDATE event SET id = CAST(id AS BLOB)",
    "UPDATE event SET at = CAST(at AS BLOB)",
    "UPDATE event SET prev_hash = CAST(prev_hash AS BLOB)",
    "UPDATE event SET actor = CAST(actor AS BLOB)",
    "UPDATE event SET actor = NULL",  # NULL where a text was
    "UPDATE event SET case_id = NULL",
    "UPDATE event SET actor = 'null'",
    "UPDATE event SET case_id = ''",
    "UPDATE event SET kind = kind || char(0)",  # a NUL byte, which C strings stop at
    "UPDATE event SET payload = payload || char(0) || 'x'",
    "UPDATE event SET at = at || '\"'",  # a quote that would end the text early
    "UPDATE event SET actor = actor || '\\'",
    "UPDATE event SET kind = kind || char(10)",
    "UPDATE event SET id = id || 'é'",
    "UPDATE event SET payload = ' ' || payload",  # not canonical any more
    "UPDATE event SET payload = replace(payload, '\"account\"', '\"Account\"')",
    "UPDATE event SET seq = seq + 0.5",  # a seq that is not a whole number
    "UPDATE event SET seq = 'x' || seq",
    "UPDATE event SET hash = upper(hash)",
    "UPDATE event SET hash = hash || ','",
])
def test_an_edit_of_any_column_is_caught(store: Path, statement: str) -> None:
    seq = _edit(store, statement)
    fault = chain.verify_all(store).fault
    assert fault is not None, statement
    # Named at the edited event, or at the next one when the edit took it out of order.
    assert fault.seq in (seq, seq + 1, -1), (statement, fault)


def test_a_device_whose_every_seq_was_made_text_is_caught(store: Path) -> None:
    with sqlite3.connect(store) as connection:
        connection.execute("UPDATE event SET seq = 'x' || seq")
    fault = chain.verify_all(store).fault
    assert fault is not None and "missing (expected seq 1)" in fault.problem


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_doctor_shows_the_checks_progress_on_a_terminal_only(
        store: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["--data-dir", str(store.parent), "doctor"]) == 0
    shown = terminal.getvalue()
    assert "\rVerifying the event chain: 0 of " in shown
    events = chain.verify_all(store).verified
    assert f"Verifying the event chain: {events:,} of {events:,} events (100 %, " in shown
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # a pipe or a log: no progress line
    assert main(["--data-dir", str(store.parent), "doctor"]) == 0
    assert "Verifying" not in sys.stderr.getvalue()
    assert "Verifying" not in capsys.readouterr().out
