"""The design system (issue 16): tokens, high contrast, touch targets and screens that fit.

Every screen and dialog is opened with the design applied, as the app applies it, and every
visible, enabled control a finger taps is measured: at least 44 px high (and wide for buttons).
Each screen must also fit 1366×768, and 1920×1080 at 150 % (1280×720 logical pixels).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTabBar,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.core.budget import Limit
from desktop.core.desk import Desk
from desktop.core.views import CaseHeader, GestureProposal
from desktop.ui import design
from desktop.ui.main_window import MainWindow
from desktop.ui.staff_tiles import initials
from tests.conftest import Team
from tests.ui.conftest import InlinePool, show_active, sign_in

SMALLEST_SCREENS = (QSize(1366, 768 - 40), QSize(1280, 720 - 40))  # less a taskbar


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours."""
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_both_palettes_name_the_same_colours_and_text_is_readable() -> None:
    normal, high = design.theme(False), design.theme(True)
    assert normal.colours.keys() == high.colours.keys()
    for theme, least in ((normal, 4.5), (high, 7.0)):  # WCAG AA, and AAA for high contrast
        c = theme.colours
        for fore, back in (("text", "window"), ("text", "surface"), ("muted", "window"),
                           ("primary_text", "primary"), ("error", "surface"),
                           ("selection_text", "selection")):
            assert contrast(c[fore], c[back]) >= least, (theme.name, fore, back)
    assert normal.target == high.target == 44


def test_high_contrast_is_chosen_by_flag_or_environment(
        qapp: QApplication, designed: design.Theme, monkeypatch: pytest.MonkeyPatch) -> None:
    assert designed.name == "normal"
    assert design.theme(False).colours["window"] in qapp.styleSheet()
    monkeypatch.setenv(design.ENV_HIGH_CONTRAST, "1")
    assert design.apply(qapp).name == "high_contrast"
    assert design.current().name == "high_contrast"
    assert design.theme(True).colours["focus"] in qapp.styleSheet()
    assert design.apply(qapp, False).name == "normal"  # the flag wins over the environment
    monkeypatch.setenv(design.ENV_HIGH_CONTRAST, "no")
    assert design.apply(qapp).name == "normal"


def test_the_command_line_takes_high_contrast(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: object) -> None:
    import desktop.ui.app
    from desktop import cli

    seen: dict[str, object] = {}

    def fake_run(data_dir: object, **kwargs: object) -> int:
        seen.update(kwargs)
        return 0

    monkeypatch.setattr(desktop.ui.app, "run_app", fake_run)
    assert cli.main(["--data-dir", str(tmp_path), "--high-contrast"]) == 0
    assert seen["high_contrast"] is True
    assert cli.main(["--data-dir", str(tmp_path)]) == 0
    assert seen["high_contrast"] is None  # then the environment decides


def test_a_tone_that_does_not_exist_is_refused(qtbot: QtBot) -> None:
    label = QWidget()
    qtbot.addWidget(label)
    with pytest.raises(ValueError, match="unknown tone"):
        design.tone(label, "shouting")
    assert label.property("tone") is None


def test_every_icon_named_is_shipped_with_its_licence(qapp: QApplication) -> None:
    import resources

    folder = resources.path("icons", "lucide")
    assert "ISC License" in (folder / "LICENSE.txt").read_text(encoding="utf-8")
    for name in design.ICONS:
        icon = design.icon(name)
        assert not icon.isNull()
        assert not icon.pixmap(24, 24).toImage().isNull()
    with pytest.raises(KeyError):
        design.icon("no such action")


def test_initials_for_tiles() -> None:
    assert initials("Maya Torres") == "MT"
    assert initials("Cher") == "C"
    assert initials("Ana de la Cruz") == "AC"
    assert initials("Jean-Luc O'Neil") == "JO"
    assert initials("سارة أحمد") == "سأ"
    assert initials("  ") == "?"


def small_controls(root: QWidget) -> list[str]:
    """What a finger could miss: visible, enabled controls under 44 px."""
    found = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QTableView | QListWidget) and widget.isVisible():
            found += small_rows(widget)
        if not isinstance(widget, QAbstractButton | QLineEdit | QComboBox):
            continue
        if not widget.isVisible() or not widget.isEnabled():
            continue
        parent = widget.parentWidget()
        if isinstance(parent, QComboBox | QAbstractSpinBox | QTabBar):
            continue  # the field inside a combo or spin box; a tab bar's own scroll arrows
        size = widget.size()
        too_narrow = isinstance(widget, QAbstractButton) and size.width() < 44
        if size.height() < 44 or too_narrow:
            found.append(f"{type(widget).__name__} {widget.objectName() or widget.text()!r} "
                         f"{size.width()}×{size.height()}")
    return found


def small_rows(view: QTableView | QListWidget) -> list[str]:
    """Rows of a table or list a finger could miss (a row opens a case, a finding...)."""
    if isinstance(view, QListWidget):
        heights = [view.visualItemRect(view.item(i)).height() for i in range(view.count())]
    else:
        model = view.model()
        heights = [view.rowHeight(r) for r in range(model.rowCount())] if model else []
    return [f"{type(view).__name__} {view.objectName()!r} row {i} {h} px"
            for i, h in enumerate(heights) if h < 44]


def fits(widget: QWidget) -> bool:
    least = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    return all(least.width() <= s.width() and least.height() <= s.height()
               for s in SMALLEST_SCREENS)


def check(qtbot: QtBot, widget: QWidget) -> None:
    widget.show()
    qtbot.waitExposed(widget)
    QApplication.processEvents()
    assert small_controls(widget) == []
    assert fits(widget), widget.minimumSizeHint()


def test_every_screen_has_touch_targets_and_fits_a_small_screen(
        qtbot: QtBot, designed: design.Theme, desk: Desk, team: Team) -> None:
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    show_active(qtbot, window)
    check(qtbot, window)  # sign-in
    sign_in(qtbot, window, "Rita Lang", "1357")
    assert not window.is_locked
    window.new_case()
    panel = window.panel
    panel.guest.setText("Grace Kim")
    panel.location.setText("1203")
    panel.category.setCurrentIndex(panel.category.findData("maintenance"))
    panel.severity.setCurrentIndex(panel.severity.findData("medium"))
    panel.account.setPlainText("No hot water.")
    for _ in range(3):
        panel.complete()
    check(qtbot, window)  # the case at its fix step, gestures and all
    meter = window.panel.head.meter
    limit = desk.grants.check(window.on_shift, None, 0).allowed[Limit.PER_SHIFT]
    assert meter.isVisible() and meter.maximum() == limit and meter.value() == limit
    assert f"${limit // 100:,}.00 of ${limit // 100:,}.00 left" in meter.words.text()
    assert meter.property("level") == "ok"

    on_shift = window.on_shift
    from desktop.ui.approval import ApprovalDialog
    from desktop.ui.diagnostics import DiagnosticsDialog
    from desktop.ui.handoff_ui import HandedToUsDialog
    from desktop.ui.pin_entry import ChangePinDialog
    from desktop.ui.review_screen import ReviewDialog
    from desktop.ui.settings import PolicyDialog
    from desktop.ui.slips_ui import PrintersDialog
    from desktop.ui.staff import StaffDialog
    from desktop.ui.sync_status import HeadOfficeDialog, SyncDialog
    from desktop.ui.vouchers import VouchersDialog

    agent = team.sign_in(team.agent)
    case_id = desk.cases.open(agent, CaseHeader("Ada Byron", "Room 1", "Front Desk",
                                                "maintenance", "high"))
    proposal = GestureProposal("voucher", "Spa voucher", 90000)
    decision = desk.grants.check(agent, case_id, proposal.value_minor)
    dialogs = [lambda: VouchersDialog(desk, on_shift, window),
               lambda: PolicyDialog(desk, on_shift, window),
               lambda: StaffDialog(desk, on_shift, window),
               lambda: PrintersDialog(desk, window),
               lambda: ReviewDialog(desk, on_shift, window),
               lambda: HeadOfficeDialog(desk, window),
               lambda: SyncDialog(window.sync_status, window),
               lambda: ChangePinDialog(desk, on_shift, window),
               lambda: HandedToUsDialog(desk, on_shift, window),
               lambda: DiagnosticsDialog(desk.data_dir, window, pool=InlinePool()),
               lambda: ApprovalDialog(desk, agent, case_id, proposal, decision, window)]
    no_default = []
    for make in dialogs:
        dialog = make()
        check(qtbot, dialog)
        # Enter does the dialog's main thing, and the button says which (drawn as primary).
        # (Vouchers: Enter in the code field checks it; a default button would check twice.)
        if not any(b.isDefault() or b.property("role") == "primary"
                   for b in dialog.findChildren(QPushButton) if b.isVisible()):
            no_default.append(type(dialog).__name__)
        dialog.close()
    assert no_default == []


def test_a_first_start_set_up_has_touch_targets(qtbot: QtBot, designed: design.Theme,
                                                tmp_path: object) -> None:
    from pathlib import Path

    from desktop.ui.setup import SetupDialog

    fresh = Desk.open(Path(str(tmp_path)) / "fresh")
    try:
        dialog = SetupDialog(fresh)
        qtbot.addWidget(dialog)
        check(qtbot, dialog)
    finally:
        fresh.close()


def test_the_budget_meter_turns_amber_when_little_is_left(qtbot: QtBot, designed: design.Theme,
                                                         desk: Desk) -> None:
    from desktop.ui.case_header import BudgetMeter

    meter = BudgetMeter()
    qtbot.addWidget(meter)
    site = desk.site.info()
    allowed = {Limit.PER_SHIFT: 15000}
    meter.show_budget(site, {Limit.PER_SHIFT: 4000}, allowed)
    assert (meter.value(), meter.maximum(), meter.property("level")) == (4000, 15000, "ok")
    meter.show_budget(site, {Limit.PER_SHIFT: 3000}, allowed)
    assert meter.property("level") == "low"
    assert meter.words.text() == "$30.00 of $150.00 left this shift"
    meter.show_budget(site, {Limit.PER_SHIFT: 0}, {Limit.PER_SHIFT: 0})  # no allowance at all
    assert meter.value() == 0 and meter.property("level") == "ok"


def test_the_review_is_a_dashboard_of_cards(qtbot: QtBot, designed: design.Theme, desk: Desk,
                                            team: Team) -> None:
    from desktop.core.money import format_money
    from desktop.core.seed import seed_history
    from desktop.ui.review_screen import ReviewDialog

    seed_history(desk, 200, years=0.5)
    dialog = ReviewDialog(desk, team.sign_in(team.supervisor))
    qtbot.addWidget(dialog)
    dialog.range.setCurrentIndex(dialog.range.findData("year"))
    with qtbot.waitSignal(dialog.loaded, timeout=20000):
        qtbot.mouseClick(dialog.load_button, Qt.MouseButton.LeftButton)
    review, site, cards = dialog.review, desk.site.info(), dialog.cards
    assert review is not None and review.total_spend > 0
    assert cards.spend.figure.text() == format_money(review.total_spend, site.currency,
                                                     site.locale)
    assert cards.budget.figure.text() == format_money(review.budget, site.currency, site.locale)
    share = round(100 * review.total_spend / review.budget)
    assert cards.used.value() == min(share, 100)
    assert cards.budget.note.text().startswith(f"{share} % spent")
    rate = review.recovery_rate
    assert cards.rate.figure.text() == ("—" if rate is None else f"{rate:.0%}")
    check(qtbot, dialog)
