"""`amends voucher check|redeem`, `amends slip sample` and `amends seed-demo`, run through
``main([...])``."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from desktop.cli import main
from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.paths import DB_FILE
from desktop.core.views import CaseHeader, GestureProposal, VoucherOutcome
from tests.conftest import REPO, Team, make_desk


@pytest.fixture(autouse=True)
def _desk_clock(clock: ManualClock, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI opens its desk on the system clock; here that is the test's manual clock."""
    monkeypatch.setattr("desktop.core.desk.SystemClock", lambda: clock)


@pytest.fixture
def voucher_code(data_dir: Path, clock: ManualClock) -> str:
    """A desk with one $45.00 voucher for Grace Kim, closed so the CLI opens its own."""
    desk = make_desk(data_dir, clock)
    team = Team(desk)
    who = team.sign_in(team.agent)
    desk.shifts.end(who)
    case_id = desk.cases.open(who, CaseHeader("Grace Kim", "Room 214"))
    code = desk.grants.grant(who, case_id, GestureProposal("voucher", "Dinner for two", 4500))
    desk.close()
    assert code.voucher_code
    return code.voucher_code


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def pin_on_stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def grouped(code: str) -> str:
    return f"{code[:3]}-{code[3:6]}-{code[6:]}"


def test_check_a_valid_voucher(data_dir: Path, voucher_code: str,
                               capsys: pytest.CaptureFixture[str]) -> None:
    assert run(data_dir, "voucher", "check", grouped(voucher_code).lower()) == 0
    out = capsys.readouterr().out
    assert out.startswith("VALID: ") and out.count("\n") == 1
    assert grouped(voucher_code) in out and "$45.00" in out and "Grace Kim" in out


@pytest.mark.parametrize(("typed", "word"), [
    (lambda c: c[:-1] + ("2" if c[-1] != "2" else "3"), "MISTYPED"),
    (lambda c: "23456789A", "MISTYPED"),  # wrong check symbol
    (lambda c: "AMV1.not-a-token", "FORGED"),
])
def test_check_failures_exit_1_with_one_line(data_dir: Path, voucher_code: str,
                                             capsys: pytest.CaptureFixture[str], typed,
                                             word: str) -> None:
    assert run(data_dir, "voucher", "check", typed(voucher_code)) == 1
    out = capsys.readouterr().out
    assert out.startswith(word + ": ") and out.count("\n") == 1


def test_check_an_unknown_code(data_dir: Path, voucher_code: str,
                               capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.core.vouchers import new_code

    assert run(data_dir, "voucher", "check", new_code()) == 1
    assert capsys.readouterr().out.startswith("UNKNOWN: ")


def test_redeem_with_the_pin_on_stdin_then_refuse_a_second_time(
        data_dir: Path, voucher_code: str, clock: ManualClock,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    pin_on_stdin(monkeypatch, "5817\n")
    assert run(data_dir, "voucher", "redeem", voucher_code, "--staff", "maya torres") == 0
    assert capsys.readouterr().out.startswith("REDEEMED: ")
    pin_on_stdin(monkeypatch, "6392\n")
    assert run(data_dir, "voucher", "redeem", voucher_code, "--staff", "Leo Brandt") == 1
    out = capsys.readouterr().out
    assert out.startswith("ALREADY REDEEMED: ")
    assert "at this desk by Maya Torres" in out
    assert "redeemed on Nov 18, 2026 3:30" in out  # 20:30 UTC, shown in New York time
    desk = Desk.open(data_dir, clock)
    try:
        assert desk.vouchers.check(voucher_code).outcome is VoucherOutcome.ALREADY_REDEEMED
        # The shift signing in opened for the CLI was closed again.
        assert all(desk.shifts.open_shift_id(m.id) is None for m in desk.staff.roster())
    finally:
        desk.close()


def test_a_wrong_pin_redeems_nothing(data_dir: Path, voucher_code: str, clock: ManualClock,
                                     capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    pin_on_stdin(monkeypatch, "9999\n")
    assert run(data_dir, "voucher", "redeem", voucher_code, "--staff", "Maya Torres") == 1
    assert "Wrong PIN" in capsys.readouterr().err
    assert run(data_dir, "voucher", "check", voucher_code) == 0


def test_the_pin_is_asked_without_echo_on_a_terminal(data_dir: Path, voucher_code: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    asked: list[str] = []

    def getpass(prompt: str) -> str:
        asked.append(prompt)
        return "5817"

    monkeypatch.setattr(sys, "stdin", Terminal("must not be read\n"))
    monkeypatch.setattr("getpass.getpass", getpass)
    assert run(data_dir, "voucher", "redeem", voucher_code, "--staff", "Maya Torres") == 0
    assert asked == ["PIN for Maya Torres: "]


def test_redeem_usage_errors_exit_2(data_dir: Path, voucher_code: str,
                                    capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    pin_on_stdin(monkeypatch, "5817\n")
    assert run(data_dir, "voucher", "redeem", voucher_code, "--staff", "Nobody Here") == 2
    assert "Nobody called 'Nobody Here'" in capsys.readouterr().err
    pin_on_stdin(monkeypatch, "")
    assert run(data_dir, "voucher", "redeem", voucher_code, "--staff", "Maya Torres") == 2
    assert "No PIN" in capsys.readouterr().err
    with pytest.raises(SystemExit) as missing_staff:
        run(data_dir, "voucher", "redeem", voucher_code)
    assert missing_staff.value.code == 2
    with pytest.raises(SystemExit) as no_action:
        run(data_dir, "voucher")
    assert no_action.value.code == 2
    assert run(data_dir, "voucher", "check", voucher_code) == 0  # still unredeemed


def test_no_desk_in_the_data_dir_is_said_and_nothing_is_created(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "typo"
    assert run(empty, "voucher", "check", "ABC-DEF-GHJ") == 1
    assert "No desk in" in capsys.readouterr().err
    assert not (empty / DB_FILE).exists()


# --- slip sample ---------------------------------------------------------------------------------


@pytest.mark.parametrize("size", ["roll80", "a4", "letter"])
@pytest.mark.parametrize("kind", ["voucher", "apology"])
def test_slip_sample_writes_a_readable_pdf(tmp_path: Path, kind: str, size: str,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"{kind}-{size}.pdf"
    assert main(["slip", "sample", "--kind", kind, "--size", size, "--out", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    reader = pypdf.PdfReader(out)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) >= 1 and "José Martínez" in text and "REPRINT" not in text
    if kind == "voucher":
        assert "K7Q-M4X" in text


def test_slip_sample_reprint_and_errors(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "again.pdf"
    assert main(["slip", "sample", "--kind", "voucher", "--reprint", "--out", str(out)]) == 0
    assert "REPRINT" in " ".join(p.extract_text() for p in pypdf.PdfReader(out).pages)
    assert main(["slip", "sample", "--kind", "apology", "--out",
                 str(tmp_path / "no-such-folder" / "x.pdf")]) == 1
    assert "Cannot write" in capsys.readouterr().err
    out_arg = ["--out", str(tmp_path / "bad.pdf")]
    for bad in (["--kind", "menu", *out_arg], ["--kind", "voucher", "--size", "a5", *out_arg],
                ["--kind", "voucher"]):
        with pytest.raises(SystemExit) as raised:
            main(["slip", "sample", *bad])
        assert raised.value.code == 2
    assert not (tmp_path / "bad.pdf").exists()


def test_the_cli_and_the_desk_import_no_crypto_keyring_or_pdf_until_needed() -> None:
    code = (
        "import sys\n"
        "from desktop.cli import build_parser\n"
        "build_parser().parse_args(['voucher', 'check', 'X'])\n"
        "import desktop.core.desk\n"
        "heavy = {'cryptography', 'keyring', 'reportlab', 'pypdf'}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & heavy))\n"
    )
    found = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                           text=True, check=True)
    assert found.stdout.strip() == "[]"


def test_seed_demo_on_an_empty_data_dir_makes_the_demo_site_first(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = tmp_path / "empty"
    assert main(["--data-dir", str(data_dir), "seed-demo", "--cases", "30", "--years", "0.1"]) == 0
    out = capsys.readouterr().out
    assert "Made the demo site" in out and "Added 30 cases" in out
    desk = Desk.open(data_dir)
    try:
        assert desk.site.info().is_demo
        assert len(desk.cases.summaries(status=None, limit=1000)) >= 30
    finally:
        desk.close()
    # Again on the same desk: more history, no second site.
    assert main(["--data-dir", str(data_dir), "seed-demo", "--cases", "5", "--years", "0.1"]) == 0
    assert "Made the demo site" not in capsys.readouterr().out


def test_seed_demo_refuses_bad_numbers_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = tmp_path / "empty"
    assert main(["--data-dir", str(data_dir), "seed-demo", "--cases", "0"]) == 2
    assert "--cases must be at least 1" in capsys.readouterr().err
    assert not data_dir.exists()


def test_seed_demo_adds_nothing_to_a_chain_that_does_not_verify(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    data_dir = tmp_path / "seeded"
    assert main(["--data-dir", str(data_dir), "seed-demo", "--cases", "5", "--years", "0.1"]) == 0
    connection = sqlite3.connect(data_dir / DB_FILE)
    try:  # an old event edited in place
        connection.execute("UPDATE event SET payload = '{\"note\":\"edited\"}' WHERE rowid = "
                           "(SELECT rowid FROM event WHERE kind = 'followup.done' LIMIT 1)")
        connection.commit()
        before = connection.execute("SELECT count(*) FROM event").fetchone()
    finally:
        connection.close()
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "seed-demo", "--cases", "5", "--years", "0.1"]) == 1
    assert "does not verify" in capsys.readouterr().err
    connection = sqlite3.connect(data_dir / DB_FILE)
    try:
        assert connection.execute("SELECT count(*) FROM event").fetchone() == before
    finally:
        connection.close()
