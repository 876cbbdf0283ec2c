"""Languages: the .ts files are complete and current, and a whole case runs in Spanish.

Arabic is checked as completely as Spanish and French here; its screens (right to left) are
read in tests/ui/test_right_to_left.py.

The Spanish run signs in, opens a case, goes through every step, asks for a supervisor's
approval, follows up and closes, and at each point reads every text a person can see or a
screen reader announces (labels, buttons, placeholders, tooltips, accessible names, list and
combo items, table headers and cells, menus, window titles). None may still be an English
source string from the .ts file. What the person typed and proper names are not read.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.settings import IDLE_LOCK_MINUTES
from desktop.slips.compose import apology_slip, voucher_slip
from desktop.ui.app import install_translations, remove_translations
from desktop.ui.main_window import MainWindow
from tests.conftest import REPO, Team, make_desk
from tests.ui.conftest import show_active, sign_in, when_dialog_opens

TRANSLATIONS = REPO / "resources" / "translations"
LANGUAGES = ("es", "fr", "ar")
# The counts each language's plural forms are for, in Qt's order: Spanish and French say "one"
# and "other"; Arabic has six forms (none, one, two, a few, many, other).
PLURAL_SAMPLES = {"es": (1, 2), "fr": (1, 2), "ar": (0, 1, 2, 3, 11, 100)}
# Arabic says none, one and two in words ("حدثان"), without the number.
PLURAL_IN_WORDS = {"es": 0, "fr": 0, "ar": 3}
# Words that are the same in Spanish as in English, on purpose: the product's name, "PIN"
# (what Spanish front desks say), the paper size, and two words Spanish shares with English.
SAME_IN_SPANISH = {"Amends", "PIN", "A4", "Hotel", "Supervisor"}
# Arabic keeps the product's name and the paper sizes' names.
SAME_IN_ARABIC = {"Amends", "A4", "Letter", "%1: %2"}
PLACEHOLDER = re.compile(r"%[0-9n]")


def messages(lang: str) -> list[tuple[str, str, ET.Element]]:
    """(context, source, <message>) for every message of amends_<lang>.ts."""
    root = ET.parse(TRANSLATIONS / f"amends_{lang}.ts").getroot()
    return [(ctx.findtext("name") or "", message.findtext("source") or "", message)
            for ctx in root.iter("context") for message in ctx.iter("message")]


def translations_of(message: ET.Element) -> list[str]:
    node = message.find("translation")
    assert node is not None
    forms = [form.text or "" for form in node.iter("numerusform")]
    return forms if message.get("numerus") == "yes" else [node.text or ""]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_string_is_translated_with_its_placeholders(lang: str) -> None:
    found = messages(lang)
    assert len(found) > 300
    for context, source, message in found:
        node = message.find("translation")
        assert node is not None and node.get("type") is None, (context, source, "unfinished")
        forms = translations_of(message)
        if message.get("numerus") == "yes":
            assert len(forms) == len(PLURAL_SAMPLES[lang]), (context, source)
        for number, form in enumerate(forms):
            assert form.strip(), (context, source)
            wanted = sorted(set(PLACEHOLDER.findall(source)))
            if message.get("numerus") == "yes" and number < PLURAL_IN_WORDS[lang]:
                wanted = [p for p in wanted if p != "%n"]
                assert sorted(p for p in PLACEHOLDER.findall(form) if p != "%n") == wanted, (
                    context, source, form)
                continue
            assert sorted(PLACEHOLDER.findall(form)) == wanted or (
                "%n" in source and "%n" in form), (context, source, form)
            # An accelerator (&) stays one in the translation, where the source has one.
            assert ("&" in source.replace("&&", "")) == ("&" in form.replace("&&", "")) \
                or "Food & beverage" in source, (context, source, form)


def test_spanish_keeps_english_only_where_spanish_says_the_same() -> None:
    same = {source for _c, source, message in messages("es")
            if translations_of(message) == [source]}
    assert same <= SAME_IN_SPANISH


def test_arabic_keeps_english_only_for_names_and_paper_sizes() -> None:
    same = {source for _c, source, message in messages("ar")
            if translations_of(message) == [source]}
    assert same <= SAME_IN_ARABIC
    # Every other string is written in Arabic letters, not left in Latin ones.
    latin_only = [source for _c, source, message in messages("ar")
                  for form in translations_of(message)
                  if source not in SAME_IN_ARABIC and not re.search("[\u0600-\u06ff]", form)]
    assert latin_only == []


def _tool(name: str) -> str:
    path = Path(sys.executable).with_name(name)
    if not path.exists():
        found = shutil.which(name)
        if found is None:
            pytest.skip(f"{name} is not installed")
        return found
    return str(path)


def test_the_ts_files_hold_every_string_of_the_code(tmp_path: Path) -> None:
    """lupdate over the code finds nothing new: no string was added without a translation."""
    from tools.playbook_strings import OUT, descriptions, render

    matrix = __import__("json").loads(
        (REPO / "resources" / "recovery_matrix.json").read_text(encoding="utf-8"))
    assert OUT.read_text(encoding="utf-8") == render(descriptions(matrix)), \
        "run tools/update_translations.sh"
    sources = [*sorted(str(p) for p in (REPO / "desktop" / "ui").glob("*.py")), str(OUT)]
    for lang in LANGUAGES:
        copy = tmp_path / f"amends_{lang}.ts"
        shutil.copy(TRANSLATIONS / f"amends_{lang}.ts", copy)
        result = subprocess.run([_tool("pyside6-lupdate"), "-no-obsolete", *sources, "-ts",
                                 str(copy)], capture_output=True, text=True, check=True)
        assert re.search(r"\(0 new and \d+ already existing\)", result.stdout), (
            "strings without a translation: run tools/update_translations.sh, then translate "
            f"the unfinished ones in resources/translations/amends_{lang}.ts\n{result.stdout}")
        assert "obsolete" not in result.stdout.lower() or "0 obsolete" in result.stdout.lower()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_compiled_qm_files_say_what_the_ts_files_say(lang: str) -> None:
    """The committed .qm (what the app loads) is compiled from the committed .ts."""
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / f"amends_{lang}.qm"))
    for context, source, message in messages(lang):
        forms = translations_of(message)
        if message.get("numerus") == "yes":
            got = [translator.translate(context, source, None, n)
                   for n in PLURAL_SAMPLES[lang]]
        else:
            got = [translator.translate(context, source)]
        assert got == forms, (context, source, "run tools/update_translations.sh")


# --- the whole guided panel in Spanish ----------------------------------------------------


def english_patterns() -> tuple[re.Pattern[str], set[str]]:
    """One pattern matching any English source in full (placeholders match anything), and the
    sources without placeholders, to find them inside longer texts too."""
    # A source with no word of its own ("%1: %2") is punctuation, not English left behind.
    sources = {source for _c, source, message in messages("es")
               if translations_of(message) != [source]
               and re.search(r"[A-Za-z]{2}", PLACEHOLDER.sub("", source))}
    variants = set(sources) | {s.replace("&", "") for s in sources}
    alternatives = ["".join(".+" if PLACEHOLDER.fullmatch(part) else re.escape(part)
                            for part in re.split(r"(%[0-9n])", s)) for s in variants]
    whole = re.compile("|".join(f"(?:{a})" for a in sorted(alternatives, key=len,
                                                             reverse=True)))
    plain = {s for s in variants if not PLACEHOLDER.search(s) and len(s) >= 12}
    return whole, plain


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for everything a person can read or hear on ``root`` right now."""
    found: list[tuple[str, str]] = []

    def add(widget: QWidget, kind: str, text: str) -> None:
        if text and text.strip():
            found.append((f"{widget.objectName() or type(widget).__name__}.{kind}", text))

    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        add(widget, "toolTip", widget.toolTip())
        add(widget, "accessibleName", widget.accessibleName())
        if widget.isWindow():
            add(widget, "windowTitle", widget.windowTitle())
        if isinstance(widget, (QLabel, QAbstractButton)):
            add(widget, "text", widget.text())
        elif isinstance(widget, (QLineEdit, QPlainTextEdit)):
            add(widget, "placeholder", widget.placeholderText())
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            for i in range(widget.count()):
                add(widget, f"item{i}", widget.itemText(i))
        elif isinstance(widget, QListWidget):
            for i in range(widget.count()):
                add(widget, f"item{i}", widget.item(i).text())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                add(widget, f"header{column}",
                    str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
                for row in range(model.rowCount()):
                    add(widget, f"cell{row},{column}", str(model.index(row, column).data() or ""))
    if isinstance(root, QMainWindow):
        for menu_action in root.menuBar().actions():
            add(root, "menu", menu_action.text())
            menu = menu_action.menu()
            for action in menu.actions() if menu is not None else []:
                add(root, "menuItem", action.text())
    return found


def english_left(root: QWidget, ignore: set[str]) -> list[tuple[str, str]]:
    """The texts on ``root`` that are still English source strings."""
    whole, plain = english_patterns()
    left = []
    for where, text in visible_texts(root):
        if text in ignore:
            continue
        if whole.fullmatch(text) or any(source in text for source in plain):
            left.append((where, text))
    return left


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    before = QLocale()
    install_translations(qapp, "es_ES")
    yield
    remove_translations(qapp)
    QLocale.setDefault(before)


@pytest.fixture
def desk_es(tmp_path: Path, clock: ManualClock) -> Iterator[Desk]:
    desk = make_desk(tmp_path / "desk-es", clock, currency="EUR", locale="es_ES",
                     timezone="Europe/Madrid")
    yield desk
    desk.close()


def choose(combo: QComboBox, data: str) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_a_whole_case_runs_in_spanish_with_no_english_left(
        qtbot: QtBot, spanish: None, desk_es: Desk, clock: ManualClock) -> None:
    desk = desk_es
    team = Team(desk)
    desk.settings.set(IDLE_LOCK_MINUTES, 60.0)  # the clock jumps 20 minutes below
    # Proper names and what the person types are not translatable text.
    names = {m.name for m in desk.staff.roster()} | {
        desk.site.info().name, "Front Desk", "Brasserie"}
    ignore = names | {f"{m.name} — {role}" for m in desk.staff.roster()
                      for role in ("Recepcionista", "Supervisor", "Gerente")}
    window = MainWindow(desk)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    problems: list[tuple[str, str]] = []

    def look(root: QWidget, moment: str) -> None:
        problems.extend((moment, *item) for item in english_left(root, ignore))

    assert window.sign_in.ok.text() == "Entrar"
    look(window, "sign-in")
    sign_in(qtbot, window, "Maya Torres", "5817")
    assert not window.is_locked
    look(window, "signed in")

    qtbot.mouseClick(window.new_case_button, Qt.MouseButton.LeftButton)
    panel = window.panel
    assert panel.next.text() == "Escuchado — siguiente (Ctrl+Intro)"
    look(window, "new case")
    qtbot.keyClicks(panel.guest, "Carmen Ruiz")
    qtbot.keyClicks(panel.location, "Hab. 214")
    choose(panel.category, "room_condition")
    choose(panel.severity, "high")
    qtbot.keyClicks(panel.account, "La habitacion olia a humo al llegar.")
    look(window, "listen")
    qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)
    look(window, "apologise")
    qtbot.keyClicks(panel.apology, "Disculpas en persona.")
    qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)
    look(window, "review")
    qtbot.keyClicks(panel.guest_view, "Cansada tras el vuelo.")
    qtbot.keyClicks(panel.good_outcome, "Otra habitacion ya.")
    qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)
    look(window, "fix")

    gestures = panel.gestures
    assert "€" in gestures.budget.text() and "50,00" in gestures.budget.text()
    qtbot.keyClicks(panel.fix_action, "Cambio a la 305.")
    suggestion = gestures.suggestion_list.item(0)
    assert suggestion.text().startswith("Mejora de categoría: ")
    qtbot.mouseClick(gestures.suggestion_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=gestures.suggestion_list.visualItemRect(suggestion).center())
    assert gestures.amount.text() == "60,00"
    assert gestures.grant_button.text() == "Pedir aprobación…"
    look(window, "fix, over the limit")

    seen_dialog: list[str] = []

    def approve(dialog: QWidget) -> None:
        seen_dialog.append(dialog.windowTitle())
        look(dialog, "approval")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "approverPin"), "2468")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "approvalReason"), "Cliente habitual")
        qtbot.mouseClick(dialog.findChild(QAbstractButton, "approveButton"),
                         Qt.MouseButton.LeftButton)

    when_dialog_opens(approve)
    qtbot.keyClick(gestures.amount, Qt.Key.Key_Return)
    assert seen_dialog == ["Se necesita aprobación"]
    assert "(aprobado)" in gestures.granted_list.text()
    look(window, "granted")
    qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)
    look(window, "follow-up waiting")

    clock.advance(minutes=20)
    qtbot.waitUntil(window.banner.isVisible, timeout=3000)
    assert window.banner.text.text().startswith("Toca el seguimiento ahora: Carmen Ruiz")
    look(window, "follow-up due")
    qtbot.keyClicks(panel.followup_note, "Contenta en la 305.")
    qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)
    look(window, "document")
    choose(panel.root_cause, "housekeeping")
    qtbot.keyClicks(panel.detail, "Sin ventilar tras la salida anterior.")
    choose(panel.outcome, "recovered")
    qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)
    case = desk.cases.get(panel.case_id)
    assert case.status == "closed"
    assert panel.next.text() == "Caso cerrado"
    window.case_list.filter.setCurrentIndex(window.case_list.filter.findData("closed"))
    look(window, "closed")

    assert problems == []
    assert team.supervisor.name == "Sam Okoye"
    window.close()


def test_the_guests_slips_follow_the_site_not_the_screens(spanish: None, desk: Desk,
                                                          desk_es: Desk) -> None:
    """Slips are worded for the guest in the site's language (resources/templates), not in
    the language of the desk's screens: Spanish screens at an English site print English."""
    from desktop.core.views import CaseHeader, GestureProposal
    from desktop.slips.model import ApologyLabels, VoucherLabels

    assert QApplication.translate("MainWindow", "&Help") != "&Help"  # the screens are Spanish
    labels = {}
    for site in (desk, desk_es):
        manager = next(m for m in site.staff.roster() if m.role == "manager")
        who = site.shifts.sign_in(manager.id, "1357").on_shift
        assert who is not None
        case_id = site.cases.open(who, CaseHeader("Carmen Ruiz", "305"))
        code = site.grants.grant(who, case_id,
                                 GestureProposal("voucher", "Cena", 2000)).voucher_code
        assert code is not None
        labels[site.site.info().locale] = (voucher_slip(site, code).labels,
                                      apology_slip(site, case_id).labels)
    assert labels["en_US"] == (VoucherLabels(), ApologyLabels())
    assert labels["es_ES"][0].expires_on == "Válido hasta"
    assert labels["es_ES"][1].reprint == "DUPLICADO"
