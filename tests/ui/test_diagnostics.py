"""Health and support: the doctor's printer and disk checks, Help → Diagnostics with its
report (no secret in it), the rotating log without guest names, and the language chosen from
the site."""

from __future__ import annotations

import logging
from collections import namedtuple
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.cli import main
from desktop.core import doctor as doctor_module
from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.doctor import Status, run_checks
from desktop.core.logs import BACKUPS, log_path, setup_logging, stop_logging
from desktop.core.settings import PRINTER
from desktop.core.views import GestureProposal
from desktop.ui.app import install_translations, remove_translations, site_locale
from desktop.ui.diagnostics import DiagnosticsDialog
from desktop.ui.main_window import MainWindow
from tests.conftest import Team, make_desk
from tests.ui.conftest import sign_in, when_dialog_opens

Usage = namedtuple("Usage", "total used free")


def by_name(data_dir: Path, **kwargs: object) -> dict[str, doctor_module.Check]:
    return {c.name: c for c in run_checks(data_dir, **kwargs)}  # type: ignore[arg-type]


def test_printer_check_names_a_chosen_printer_that_is_not_connected(desk: Desk,
                                                                    data_dir: Path) -> None:
    desk.settings.set(PRINTER["voucher"], "Epson TM-T88 bar")
    there = by_name(data_dir, printers=lambda: (["Epson TM-T88 bar", "Office"], "Office"))
    assert there["printers"].status is Status.OK
    assert "Epson TM-T88 bar" in there["printers"].detail and "Office" in there["printers"].detail
    gone = by_name(data_dir, printers=lambda: (["Office"], "Office"))
    assert gone["printers"].status is Status.WARN
    assert "Epson TM-T88 bar (not connected)" in gone["printers"].detail
    none = by_name(data_dir, printers=lambda: ([], ""))
    assert none["printers"].status is Status.WARN and "no system default" in none[
        "printers"].detail


def test_disk_check_warns_then_fails_as_the_disk_fills(data_dir: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    free = {"bytes": 50 * 1024 ** 3}
    monkeypatch.setattr(doctor_module.shutil, "disk_usage",
                        lambda _path: Usage(100 * 1024 ** 3, 0, free["bytes"]))
    assert by_name(data_dir)["disk space"].status is Status.OK
    free["bytes"] = 500 * 1024 ** 2
    assert by_name(data_dir)["disk space"].status is Status.WARN
    free["bytes"] = 20 * 1024 ** 2
    check = by_name(data_dir)["disk space"]
    assert check.status is Status.FAIL and "20 MiB" in check.detail


def test_amends_doctor_fails_when_the_disk_is_full(desk: Desk, data_dir: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(data_dir), "doctor"]) == 0
    assert "printers" in capsys.readouterr().out
    monkeypatch.setattr(doctor_module.shutil, "disk_usage", lambda _p: Usage(1, 1, 1024))
    assert main(["--data-dir", str(data_dir), "doctor"]) == 1
    assert "FAIL  disk space" in capsys.readouterr().out


def test_help_diagnostics_lists_the_checks_and_copies_a_report_without_secrets(
        qtbot: QtBot, window: MainWindow, desk: Desk, team: Team, data_dir: Path) -> None:
    # A voucher makes the desk put a signing key in the keychain: the report must not hold it.
    on_shift = team.sign_in(team.manager)
    case_id = desk.cases.open(on_shift, _header())
    desk.grants.grant(on_shift, case_id, GestureProposal("voucher", "Dinner for two", 8000))
    secrets = list(keyring.get_keyring().secrets.values())  # type: ignore[attr-defined]
    assert secrets, "the voucher key should be in the keychain"
    report: list[str] = []

    def look(dialog: DiagnosticsDialog) -> None:
        qtbot.waitUntil(dialog.copy.isEnabled, timeout=10_000)  # the checks run in the pool
        names = [dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount())]
        assert {"data dir", "disk space", "event chain", "keychain", "printers"} <= set(names)
        qtbot.mouseClick(dialog.copy, Qt.MouseButton.LeftButton)
        report.append(QGuiApplication.clipboard().text())
        assert dialog.summary.text() == "The report is on the clipboard."

    # Help works at the sign-in screen too: IT may need it without a PIN.
    assert window.is_locked and window.diagnostics_action.isEnabled()
    when_dialog_opens(look)
    window.diagnostics_action.trigger()
    assert len(report) == 1
    text = report[0]
    assert "Amends 0.1.0" in text and "disk space" in text and str(data_dir) in text
    for secret in secrets:
        assert secret not in text and secret[:16] not in text
    for pin in team.pins.values():
        assert f" {pin}" not in text


def _header():  # type: ignore[no-untyped-def]
    from desktop.core.views import CaseHeader

    return CaseHeader(guest_name="Ingrid Holm", location="Room 12", outlet="Front Desk",
                      category="housekeeping", severity="medium")


def test_the_log_rotates_in_the_data_dir_and_never_names_the_guest(
        qtbot: QtBot, window: MainWindow, desk: Desk, team: Team, data_dir: Path) -> None:
    path = setup_logging(data_dir)
    try:
        assert path == log_path(data_dir) == data_dir / "logs" / "amends.log"
        sign_in(qtbot, window, "Maya Torres", "5817")
        qtbot.mouseClick(window.new_case_button, Qt.MouseButton.LeftButton)
        panel = window.panel
        qtbot.keyClicks(panel.guest, "Ingrid Holm")
        qtbot.keyClicks(panel.account, "Ingrid Holm says the towels were dirty.")
        qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)
        # Even a careless message naming the guest is blanked before it is written, and so is
        # a traceback whose error quotes her.
        logging.getLogger("desktop.test").warning("guest %s complained", "Ingrid Holm")
        try:
            raise ValueError("no room for Ingrid Holm")
        except ValueError:
            logging.getLogger("desktop.test").exception("a crash")
        for handler in logging.getLogger().handlers:
            handler.flush()
        text = path.read_text(encoding="utf-8")
        assert f"case {panel.case_id}: listen recorded" in text
        assert "guest [redacted] complained" in text
        assert "ValueError: no room for [redacted]" in text
        assert "Ingrid" not in text and "towels" not in text

        for _ in range(3000):  # ~1.5 MB: more than one file's worth
            logging.getLogger("desktop.test").info("x" * 500)
        rotated = sorted(p.name for p in path.parent.iterdir())
        assert "amends.log.1" in rotated
        assert len(rotated) <= BACKUPS + 1
        # Another data dir (a second desk in the same process) gets its own log.
        other = setup_logging(data_dir.parent / "other")
        logging.getLogger("desktop.test").warning("second desk")
        assert other is not None and "second desk" in other.read_text(encoding="utf-8")
        assert "second desk" not in path.read_text(encoding="utf-8")
    finally:
        stop_logging()


@pytest.mark.parametrize(("locale", "back"), [("es_ES", "Atrás"), ("fr_FR", "Retour"),
                                              ("es_MX", "Atrás"), ("de_DE", "Back")])
def test_the_language_comes_from_the_site(qapp: QApplication, tmp_path: Path, clock: ManualClock,
                                          locale: str, back: str) -> None:
    """The site's locale picks the translation; a language without one stays English."""
    from desktop.core.paths import DB_FILE

    desk = make_desk(tmp_path / "desk", clock, locale=locale)
    desk.close()
    assert site_locale(tmp_path / "desk" / DB_FILE) == locale
    assert site_locale(tmp_path / "nothing-here.sqlite3") is None
    before = QLocale()
    try:
        chosen = install_translations(qapp, site_locale(tmp_path / "desk" / DB_FILE))
        assert chosen.name() == locale
        assert QCoreApplication.translate("CasePanel", "Back") == back
    finally:
        remove_translations(qapp)
        QLocale.setDefault(before)
    assert QCoreApplication.translate("CasePanel", "Back") == "Back"
