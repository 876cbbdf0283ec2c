"""`amends staff list|add|role|deactivate|reset-pin`, run through ``main([...])`` with PINs on
stdin (and once as a real process), against a real desk in tmp_path.

Each change is authorised by a manager's PIN; every refusal exits non-zero with the desk's own
words and leaves the staff list as it was.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.errors import DeskError, Refusal
from desktop.core.views import StaffMember
from desktop.ui.labels import refusal_text
from tests.conftest import REPO, Team, make_desk

RITA_PIN = "1357"  # the test site's manager


@pytest.fixture(autouse=True)
def _desk_clock(clock: ManualClock, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI opens its desk on the system clock; here that is the test's manual clock."""
    monkeypatch.setattr("desktop.core.desk.SystemClock", lambda: clock)


@pytest.fixture
def site(data_dir: Path, clock: ManualClock) -> Path:
    """The test site (Rita Lang the one manager, Maya, Leo, Sam), closed for the CLI."""
    desk = make_desk(data_dir, clock)
    Team(desk)
    desk.close()
    return data_dir


@pytest.fixture
def reopen(site: Path, clock: ManualClock) -> Iterator[Callable[[], Desk]]:
    """Open the desk again after a command, to see what it really wrote."""
    opened: list[Desk] = []

    def open_desk() -> Desk:
        desk = Desk.open(site, clock)
        opened.append(desk)
        return desk

    yield open_desk
    for desk in opened:
        desk.close()


def staff(site: Path, monkeypatch: pytest.MonkeyPatch, stdin: str, *args: str) -> int:
    """``amends --data-dir SITE staff ARGS`` with ``stdin`` as a pipe (not a terminal)."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main(["--data-dir", str(site), "staff", *args])


def everyone(desk: Desk) -> list[StaffMember]:
    return desk.staff.roster(include_inactive=True)


def test_list_shows_everyone_with_role_status_and_pin_state(
        site: Path, reopen: Callable[[], Desk], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    desk = reopen()
    rita = desk.staff.find("Rita Lang")
    desk.staff.deactivate(desk.staff.find("Leo Brandt").id, by=rita.id)
    desk.staff.reset_pin(desk.staff.find("Maya Torres").id, by=rita.id)
    desk.close()

    assert staff(site, monkeypatch, "", "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["NAME", "ROLE", "STATUS", "PIN", "ID"]
    rows = {line.split("  ")[0].strip(): line for line in lines[1:]}
    assert set(rows) == {"Rita Lang", "Maya Torres", "Leo Brandt", "Sam Okoye"}
    assert "Manager" in rows["Rita Lang"] and " active " in rows["Rita Lang"]
    assert "deactivated" in rows["Leo Brandt"]
    assert "must set a new PIN" in rows["Maya Torres"] and "Agent" in rows["Maya Torres"]
    assert "must set a new PIN" not in rows["Sam Okoye"]
    # Aligned columns: every row's role starts where the header's ROLE does.
    column = lines[0].index("ROLE")
    assert all(line[column - 2:column] == "  " and line[column] != " " for line in lines)


def test_add_someone_who_then_signs_in(
        site: Path, reopen: Callable[[], Desk], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert staff(site, monkeypatch, f"{RITA_PIN}\n7391\n7391\n",
                 "add", "Ana Ruiz", "--role", "supervisor") == 0
    out = capsys.readouterr().out
    assert "Added Ana Ruiz as Supervisor" in out and "Rita Lang" in out
    desk = reopen()
    ana = desk.staff.find("ana ruiz")
    assert (ana.role, ana.active, ana.must_set_pin) == ("supervisor", True, False)
    assert desk.shifts.sign_in(ana.id, "7391").on_shift is not None


@pytest.mark.parametrize(("stdin", "args", "status", "words"), [
    # the manager's PIN is wrong
    ("9999\n7391\n7391\n", ("add", "Ana Ruiz", "--role", "agent"), 1, "Wrong PIN for Rita Lang"),
    # the new PIN typed twice differently
    (f"{RITA_PIN}\n7391\n7392\n", ("add", "Ana Ruiz", "--role", "agent"), 1,
     refusal_text(Refusal.PIN_MISMATCH)),
    (f"{RITA_PIN}\n12\n12\n", ("add", "Ana Ruiz", "--role", "agent"), 1,
     refusal_text(Refusal.PIN_TOO_SHORT)[:20]),
    (f"{RITA_PIN}\n1111\n1111\n", ("add", "Ana Ruiz", "--role", "agent"), 1,
     refusal_text(Refusal.PIN_TOO_SIMPLE)),
    (f"{RITA_PIN}\n7391\n7391\n", ("add", "  ", "--role", "agent"), 1,
     refusal_text(Refusal.STAFF_NAME_MISSING)),
    (f"{RITA_PIN}\n7391\n7391\n", ("add", "maya TORRES", "--role", "agent"), 1,
     refusal_text(Refusal.STAFF_NAME_TAKEN)),
    (f"{RITA_PIN}\n7391\n7391\n", ("add", "A" * 101, "--role", "agent"), 1,
     refusal_text(Refusal.TEXT_TOO_LONG, "101")),
    (f"{RITA_PIN}\n7391\n7391\n", ("add", "Ana Ruiz", "--role", "chef"), 1,
     refusal_text(Refusal.UNKNOWN_ROLE)),
    # no PIN at all on stdin, or the new one only once
    ("", ("add", "Ana Ruiz", "--role", "agent"), 2, "No PIN for Rita Lang"),
    (f"{RITA_PIN}\n7391\n", ("add", "Ana Ruiz", "--role", "agent"), 2, "twice"),
    # the manager changing their own role or deactivating themselves (the only manager)
    (f"{RITA_PIN}\n", ("role", "Rita Lang", "agent"), 1, "Cannot do that: "),
    (f"{RITA_PIN}\n", ("deactivate", "Rita Lang"), 1, "Cannot do that: "),
    # a name that matches nobody: a usage error, naming who there is
    (f"{RITA_PIN}\n", ("role", "Mya Toress", "supervisor"), 2, "Nobody called 'Mya Toress'"),
    (f"{RITA_PIN}\n", ("reset-pin", "Nobody"), 2, "Staff: "),
    (f"{RITA_PIN}\n", ("deactivate", "Maya Torres", "--manager", "Nobody"), 2, "Nobody called"),
    # someone who is not a manager cannot authorise
    ("2468\n", ("deactivate", "Maya Torres", "--manager", "Sam Okoye"), 1,
     refusal_text(Refusal.NOT_A_MANAGER)),
])
def test_every_refusal_says_why_exits_non_zero_and_changes_nothing(
        site: Path, reopen: Callable[[], Desk], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], stdin: str, args: tuple[str, ...], status: int,
        words: str) -> None:
    before = everyone(reopen())
    assert staff(site, monkeypatch, stdin, *args) == status
    captured = capsys.readouterr()
    assert words in captured.err, captured.err
    assert captured.out == ""
    assert everyone(reopen()) == before


def test_the_only_manager_is_refused_in_the_desks_words(
        site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Rita, the only manager, demoting or deactivating herself: told she is the last manager."""
    for args in (("role", "Rita Lang", "supervisor"), ("deactivate", "rita lang")):
        assert staff(site, monkeypatch, f"{RITA_PIN}\n", *args) == 1
        err = capsys.readouterr().err
        assert refusal_text(Refusal.LAST_MANAGER) in err, err


def test_change_a_role_deactivate_and_reset_a_pin(
        site: Path, reopen: Callable[[], Desk], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert staff(site, monkeypatch, f"{RITA_PIN}\n", "role", "maya torres", "supervisor") == 0
    assert "Maya Torres is now Supervisor" in capsys.readouterr().out
    assert staff(site, monkeypatch, f"{RITA_PIN}\n", "deactivate", "Leo Brandt") == 0
    assert "Deactivated Leo Brandt" in capsys.readouterr().out
    assert staff(site, monkeypatch, f"{RITA_PIN}\n", "reset-pin", "Sam Okoye") == 0
    assert "next sign-in" in capsys.readouterr().out

    desk = reopen()
    named = {m.name: m for m in everyone(desk)}  # find() knows only active people
    maya, leo, sam = (named[n] for n in ("Maya Torres", "Leo Brandt", "Sam Okoye"))
    assert maya.role == "supervisor"
    assert not leo.active
    with pytest.raises(DeskError):
        desk.shifts.sign_in(leo.id, "4321")
    assert sam.must_set_pin
    with pytest.raises(DeskError) as refused:
        desk.shifts.sign_in(sam.id, "2468")
    assert refused.value.refusal is Refusal.PIN_RESET_PENDING
    # A deactivated person cannot be changed again.
    desk.close()
    assert staff(site, monkeypatch, f"{RITA_PIN}\n", "role", "Leo Brandt", "manager") == 1
    assert refusal_text(Refusal.STAFF_INACTIVE) in capsys.readouterr().err


def test_with_several_managers_one_must_be_named(
        site: Path, reopen: Callable[[], Desk], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert staff(site, monkeypatch, f"{RITA_PIN}\n", "role", "Sam Okoye", "manager") == 0
    capsys.readouterr()
    before = everyone(reopen())
    assert staff(site, monkeypatch, f"{RITA_PIN}\n", "reset-pin", "Maya Torres") == 2
    err = capsys.readouterr().err
    assert "--manager NAME" in err and "Rita Lang" in err and "Sam Okoye" in err
    assert everyone(reopen()) == before
    # Sam authorises with his own PIN; the wrong manager's PIN does not.
    assert staff(site, monkeypatch, f"{RITA_PIN}\n", "reset-pin", "Maya Torres",
                 "--manager", "sam okoye") == 1
    assert "Wrong PIN for Sam Okoye" in capsys.readouterr().err
    assert staff(site, monkeypatch, "2468\n", "reset-pin", "Maya Torres",
                 "--manager", "sam okoye") == 0
    assert "authorised by Sam Okoye" in capsys.readouterr().out
    # Now Rita is not the last manager: Sam may deactivate her.
    assert staff(site, monkeypatch, "2468\n", "deactivate", "Rita Lang",
                 "--manager", "Sam Okoye") == 0
    assert [m.active for m in everyone(reopen()) if m.name == "Rita Lang"] == [False]


def test_pins_are_read_without_echo_on_a_terminal(
        site: Path, reopen: Callable[[], Desk], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    asked: list[str] = []
    answers = iter([RITA_PIN, "7391", "7391"])

    def getpass(prompt: str = "") -> str:
        asked.append(prompt)
        return next(answers)

    terminal = io.StringIO("")
    terminal.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr(sys, "stdin", terminal)
    monkeypatch.setattr("getpass.getpass", getpass)
    assert main(["--data-dir", str(site), "staff", "add", "Ana Ruiz", "--role", "agent"]) == 0
    assert asked == ["PIN for Rita Lang (manager): ", "New PIN for Ana Ruiz: ",
                     "Ana Ruiz's new PIN again: "]
    out = capsys.readouterr().out
    assert RITA_PIN not in out and "7391" not in out
    assert reopen().staff.find("Ana Ruiz").role == "agent"


def test_no_desk_in_the_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert staff(tmp_path / "nothing", monkeypatch, "", "list") == 1
    assert "No desk in" in capsys.readouterr().err
    assert not (tmp_path / "nothing").exists()


def test_as_a_real_process_with_pins_piped_in(site: Path, reopen: Callable[[], Desk]) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO),
           "PYTHON_KEYRING_BACKEND": "tests.memory_keyring.MemoryKeyring"}
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(site), "staff", "add",
         "Ana Ruiz", "--role", "agent"], input=f"{RITA_PIN}\n7391\n7391\n", text=True,
        capture_output=True, cwd=REPO, env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "Added Ana Ruiz" in result.stdout
    listed = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(site), "staff", "list"],
        text=True, capture_output=True, cwd=REPO, env=env, timeout=120, check=True)
    assert "Ana Ruiz" in listed.stdout
    refused = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(site), "staff", "add",
         "Ana Ruiz", "--role", "agent"], input=f"{RITA_PIN}\n7391\n7391\n", text=True,
        capture_output=True, cwd=REPO, env=env, timeout=120, check=False)
    assert refused.returncode == 1
    assert refusal_text(Refusal.STAFF_NAME_TAKEN) in refused.stderr
    assert [m.name for m in everyone(reopen())].count("Ana Ruiz") == 1
