"""Set-up as a person types it: locales and time zones found by any part of their names, sensible
defaults (never the POSIX "C"), and each error gone as soon as its field is right."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel
from pytestqt.qtbot import QtBot

from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.ui.setup import SetupDialog
from tests.ui.conftest import show_active

# Typing into a searchable list opens its completion popup, which Qt's offscreen platform
# plugin (the tests run offscreen) can neither raise nor give the keyboard to; it says so.
pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (raise\(\)|grabbing the keyboard)$")


@pytest.fixture
def setup(qtbot: QtBot, data_dir: Path, clock: ManualClock) -> Iterator[SetupDialog]:
    desk = Desk.open(data_dir, clock)
    dialog = SetupDialog(desk)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    yield dialog
    dialog.close()
    desk.close()


def error(dialog: SetupDialog, key: str) -> str:
    label = dialog.findChild(QLabel, f"error_{key}")
    assert label is not None, key
    return label.text()


def errors(dialog: SetupDialog) -> set[str]:
    return {key for key in dialog.errors if error(dialog, key)}


def retype(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    combo.lineEdit().selectAll()
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Backspace)
    qtbot.keyClicks(combo.lineEdit(), text)


def pick_from_completer(qtbot: QtBot, combo: QComboBox, typed: str) -> list[str]:
    """Type part of a name; return what the list offers; take the first offer."""
    retype(qtbot, combo, typed)
    completer = combo.completer()
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    offers = [completer.completionModel().index(row, 0).data()
              for row in range(completer.completionCount())]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    return offers


def fill_the_rest(qtbot: QtBot, dialog: SetupDialog) -> None:
    qtbot.keyClicks(dialog.name, "Manama Pearl Hotel")
    dialog.currency.clear()
    qtbot.keyClicks(dialog.currency, "bhd")
    qtbot.keyClicks(dialog.manager, "Rita Lang")
    qtbot.keyClicks(dialog.pin, "1357")
    qtbot.keyClicks(dialog.pin_again, "1357")


def test_locale_and_time_zone_are_found_by_part_of_their_names(
        qtbot: QtBot, setup: SetupDialog) -> None:
    offers = pick_from_completer(qtbot, setup.locale_field, "bahr")
    assert offers == ["Arabic (Bahrain) — ar_BH"]
    assert setup.locale_field.currentText() == "Arabic (Bahrain) — ar_BH"
    assert "French (France) — fr_FR" in pick_from_completer(qtbot, setup.locale_field, "FRANCE")
    # By its code too, and the code is what the site keeps.
    assert pick_from_completer(qtbot, setup.locale_field, "ar_bh") == [
        "Arabic (Bahrain) — ar_BH"]
    zones = pick_from_completer(qtbot, setup.timezone, "bahrain")
    assert zones == ["Asia/Bahrain — Bahrain Time"]
    fill_the_rest(qtbot, setup)
    qtbot.mouseClick(setup.create_button, Qt.MouseButton.LeftButton)
    assert setup.result() == SetupDialog.DialogCode.Accepted, errors(setup)
    site = setup.desk.site.info()
    assert (site.locale, site.timezone, site.currency) == ("ar_BH", "Asia/Bahrain", "BHD")


def test_the_defaults_are_listed_ones_never_c(setup: SetupDialog) -> None:
    locale = setup.locale_field.currentData()
    assert locale not in (None, "C", "POSIX") and "_" in locale
    assert setup.locale_field.currentText().endswith(f"— {locale}")
    assert setup.timezone.currentData() is not None
    assert setup.locale_field.isEditable() and setup.timezone.isEditable()


def test_each_error_clears_as_soon_as_its_field_is_right(
        qtbot: QtBot, setup: SetupDialog) -> None:
    setup.currency.clear()
    qtbot.keyClicks(setup.currency, "US")
    retype(qtbot, setup.locale_field, "Narnia")
    retype(qtbot, setup.timezone, "Mars/Olympus")
    qtbot.keyClicks(setup.pin, "12")
    qtbot.keyClicks(setup.pin_again, "9")
    qtbot.mouseClick(setup.create_button, Qt.MouseButton.LeftButton)
    assert errors(setup) == {"name", "currency", "timezone", "locale", "manager_name",
                             "manager_pin", "pin_again"}
    assert error(setup, "locale") == "Not a locale: use a name such as en_US or fr_FR."
    assert not setup.desk.site.exists()  # nothing written

    qtbot.keyClicks(setup.name, "H")
    assert "name" not in errors(setup) and len(errors(setup)) == 6
    qtbot.keyClicks(setup.currency, "D")
    assert "currency" not in errors(setup)
    retype(qtbot, setup.locale_field, "fr_FR")
    assert "locale" not in errors(setup)
    retype(qtbot, setup.timezone, "Europe/Paris")
    assert "timezone" not in errors(setup)
    qtbot.keyClicks(setup.manager, "Rita Lang")
    assert "manager_name" not in errors(setup)
    qtbot.keyClicks(setup.pin, "58")  # 1258: a PIN at last
    assert "manager_pin" not in errors(setup)
    assert errors(setup) == {"pin_again"}
    setup.pin_again.clear()
    qtbot.keyClicks(setup.pin_again, "1258")
    assert errors(setup) == set()
    # Breaking a field again while typing shows nothing new until Create is pressed.
    setup.name.clear()
    assert errors(setup) == set()
    qtbot.mouseClick(setup.create_button, Qt.MouseButton.LeftButton)
    assert errors(setup) == {"name"}
    assert not setup.desk.site.exists()


@pytest.mark.parametrize("typed", ["xx_YY", "C", "", "Arabic"])
def test_a_locale_not_in_the_list_is_refused_and_nothing_is_written(
        qtbot: QtBot, setup: SetupDialog, typed: str) -> None:
    fill_the_rest(qtbot, setup)
    retype(qtbot, setup.locale_field, typed)
    qtbot.mouseClick(setup.create_button, Qt.MouseButton.LeftButton)
    assert errors(setup) == {"locale"}
    assert setup.result() != SetupDialog.DialogCode.Accepted
    assert not setup.desk.site.exists()
