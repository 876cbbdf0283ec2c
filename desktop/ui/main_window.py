"""The main window: sign-in or the desk (case list beside the panel), notices, idle lock.

A one-second tick drives the case clock, the follow-up countdowns, the due-follow-up notices
and the idle lock; all of them read time from the desk's clock, so tests can move it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from desktop.core.budget import Limit
from desktop.core.desk import Desk
from desktop.core.settings import IDLE_LOCK_MINUTES
from desktop.core.views import OnShift
from desktop.ui import labels
from desktop.ui.case_list import CaseListPane
from desktop.ui.case_panel import CasePanel
from desktop.ui.common import money, named
from desktop.ui.desk_toolbar import add_desk_toolbar
from desktop.ui.followup_banner import FollowupBanner
from desktop.ui.handoff_controls import HandoffControls
from desktop.ui.keys import ShortcutsWin
from desktop.ui.signin import SignInScreen
from desktop.ui.staff_menu import StaffMenu
from desktop.ui.sync_status import SyncStatusButton

_ACTIVITY = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
             QEvent.Type.TouchBegin)


class MainWindow(QMainWindow):
    def __init__(self, desk: Desk, sign_in: SignInScreen | None = None) -> None:
        super().__init__()
        self.desk = desk
        self.on_shift: OnShift | None = None
        self._notified: set[str] = set()
        self._last_activity: datetime = desk.now()
        self.setWindowTitle(self.tr("Amends"))
        self.resize(1200, 760)

        # At start-up the sign-in screen may already be on screen (painted before the case
        # log was open); it is taken over as it is, with whatever was typed into it.
        self.sign_in = sign_in or SignInScreen(desk)
        self.sign_in.signed_in.connect(self._signed_in)
        self.case_list = CaseListPane(desk)
        self.panel = CasePanel(desk)
        self.panel.changed.connect(self.refresh)
        self.panel.guest.editingFinished.connect(self._update_budget)
        self.panel.finished.connect(self.refresh)
        self.case_list.case_chosen.connect(self.open_case)
        self.welcome = QLabel(self.tr("Press Ctrl+N (or “New case”) when a guest has a "
                                      "problem."))
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome.setObjectName("welcome")
        self.panel_stack = QStackedWidget()
        self.panel_stack.addWidget(self.welcome)
        self.panel_stack.addWidget(self.panel)
        self.banner = FollowupBanner()
        self.banner.open_button.clicked.connect(self._open_banner_case)

        self.new_case_button = named(QPushButton(self.tr("New case")), "newCaseButton",
                                     self.tr("New case"))
        self.new_case_button.clicked.connect(self.new_case)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.new_case_button)
        left_layout.addWidget(self.case_list)
        self.handoffs = HandoffControls(self, left_layout)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.panel_stack)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([400, 800])
        desk_view = QWidget()
        desk_layout = QVBoxLayout(desk_view)
        desk_layout.addWidget(splitter, 1)

        self.screens = QStackedWidget()
        self.screens.addWidget(self.sign_in)
        self.screens.addWidget(desk_view)
        self.setCentralWidget(self.screens)

        self.who = named(QLabel(), "signedInAs", self.tr("Signed in as"))
        self.budget = named(QLabel(), "shiftBudget", self.tr("Budget left this shift"))
        self.end_shift_button = named(QPushButton(self.tr("End shift")), "endShiftButton",
                                      self.tr("End shift"))
        self.end_shift_button.clicked.connect(self.end_shift)
        self.statusBar().addWidget(self.who)
        self.statusBar().addWidget(self.banner)
        self.statusBar().addWidget(self.budget, 1)
        self.statusBar().addPermanentWidget(self.end_shift_button)
        # Head-office sync state; the worker runs only once this desk has been enrolled.
        self.sync_status = SyncStatusButton(desk, self)
        self.statusBar().addPermanentWidget(self.sync_status)
        self.sync_status.merged.connect(self._merged)
        self.sync_status.start_if_enrolled()

        self._build_menus()
        self.toolbar = add_desk_toolbar(self)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(self.style().standardIcon(
                QStyle.StandardPixmap.SP_MessageBoxInformation), self)
            self.tray.setToolTip(self.tr("Amends"))
            self.tray.show()

        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        QApplication.instance().installEventFilter(self)
        # Ctrl+U in a text field opens Vouchers rather than clearing the line (Qt on Linux).
        self._shortcuts_win = ShortcutsWin(
            [action.shortcut() for action in (self.new_case_action, self.lock_action,
                                              self.vouchers_action, self.review_action)], self)
        QApplication.instance().installEventFilter(self._shortcuts_win)
        self._show_sign_in(keep_typed=sign_in is not None)
        if sign_in is not None:
            sign_in.attach_desk(desk)

    def _build_menus(self) -> None:
        case_menu = self.menuBar().addMenu(self.tr("&Case"))
        self.new_case_action = QAction(self.tr("&New case"), self)
        self.new_case_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_case_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.new_case_action.triggered.connect(self.new_case)
        case_menu.addAction(self.new_case_action)
        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        case_menu.addAction(self.lock_action)
        self.vouchers_action = QAction(self.tr("&Vouchers…"), self)
        self.vouchers_action.setShortcut(QKeySequence("Ctrl+U"))
        self.vouchers_action.triggered.connect(self.open_vouchers)
        case_menu.addAction(self.vouchers_action)
        self.handoffs.add_to(case_menu)
        self.review_action = QAction(self.tr("&Review…"), self)
        self.review_action.setShortcut(QKeySequence("Ctrl+R"))
        self.review_action.triggered.connect(self.open_review)
        case_menu.addAction(self.review_action)
        self.end_shift_action = QAction(self.tr("&End shift"), self)
        self.end_shift_action.triggered.connect(self.end_shift)
        case_menu.addAction(self.end_shift_action)
        case_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        case_menu.addAction(quit_action)
        self.settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        self.policy_action = QAction(self.tr("Budget &policy…"), self)
        self.policy_action.triggered.connect(self.edit_policy)
        self.settings_menu.addAction(self.policy_action)
        self.printers_action = QAction(self.tr("P&rinters…"), self)
        self.printers_action.triggered.connect(self.edit_printers)
        self.settings_menu.addAction(self.printers_action)
        self.head_office_action = QAction(self.tr("&Head office…"), self)
        self.head_office_action.triggered.connect(self.edit_head_office)
        self.settings_menu.addAction(self.head_office_action)
        self.staff_menu = StaffMenu(self, self.settings_menu)
        self.handoffs.add_settings_to(self.settings_menu)
        # Help works while the desk is locked: IT may need it without anyone's PIN.
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.diagnostics_action = QAction(self.tr("&Diagnostics…"), self)
        self.diagnostics_action.triggered.connect(self.open_diagnostics)
        self.help_menu.addAction(self.diagnostics_action)

    # --- sign-in, lock, shift ---------------------------------------------------------------

    def _show_sign_in(self, *, keep_typed: bool = False) -> None:
        self.screens.setCurrentWidget(self.sign_in)
        if not keep_typed:
            self.sign_in.reload()
            self.sign_in.reset()
        self.new_case_action.setEnabled(False)
        self.vouchers_action.setEnabled(False)
        self.review_action.setEnabled(False)
        self.printers_action.setEnabled(False)
        self.end_shift_action.setEnabled(False)
        self.end_shift_button.setEnabled(False)
        self.policy_action.setEnabled(False)
        self.staff_menu.signed_in(None)
        self.head_office_action.setEnabled(False)
        self.handoffs.action.setEnabled(False)
        self.who.clear()
        self.budget.clear()

    def _signed_in(self, on_shift: OnShift) -> None:
        self.on_shift = on_shift
        self.panel.on_shift = on_shift
        self._last_activity = self.desk.now()
        self.screens.setCurrentIndex(1)
        self.new_case_action.setEnabled(True)
        self.vouchers_action.setEnabled(True)
        self.review_action.setEnabled(self.desk.site.policy().is_approver(on_shift.staff.role))
        self.printers_action.setEnabled(on_shift.staff.role in ("supervisor", "manager"))
        self.end_shift_action.setEnabled(True)
        self.end_shift_button.setEnabled(True)
        self.policy_action.setEnabled(on_shift.staff.role == "manager")
        self.staff_menu.signed_in(on_shift)
        # Only a manager enrols the desk with head office (edit_head_office says the same).
        self.head_office_action.setEnabled(on_shift.staff.role == "manager")
        self.who.setText(f"{on_shift.staff.name} — {labels.role_name(on_shift.staff.role)}")
        self.refresh()
        # The PIN field that had the keyboard is now hidden; give it to the desk view.
        if self.panel_stack.currentWidget() is self.panel:
            self.panel.setFocus()
            self.panel.focusNextChild()
        else:
            self.new_case_button.setFocus()

    @property
    def is_locked(self) -> bool:
        return self.screens.currentWidget() is self.sign_in

    def lock(self) -> None:
        """Back to sign-in; the panel (and any half-entered case) stays as it is."""
        if self.on_shift is not None:
            name = self.on_shift.staff.name
            self._show_sign_in()
            self.sign_in.select_staff(name)

    def end_shift(self) -> None:
        if self.on_shift is None:
            return
        self.desk.shifts.end(self.on_shift)
        self.on_shift = None
        self.panel.on_shift = None
        self.panel_stack.setCurrentWidget(self.welcome)
        self._show_sign_in()

    # override: QObject.eventFilter
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._last_activity = self.desk.now()
        return False

    # --- cases ------------------------------------------------------------------------------

    def new_case(self) -> None:
        if self.on_shift is None or self.is_locked:
            return
        if self.panel.is_draft_with_content():
            # Ctrl+N again on a half-typed draft keeps it: the person is already on it.
            self.panel.focus_first_field()
            return
        self.panel.new_case(self.on_shift)
        self.panel_stack.setCurrentWidget(self.panel)
        self.panel.focus_first_field()
        self._update_budget()

    def open_case(self, case_id: str) -> None:
        if self.on_shift is None:
            return
        self.panel.show_case(self.on_shift, case_id)
        self.panel_stack.setCurrentWidget(self.panel)
        self._update_budget()
        if self.banner.case_id == case_id:
            self.banner.hide()

    def _open_banner_case(self) -> None:
        if self.banner.case_id:
            self.open_case(self.banner.case_id)
        self.banner.hide()

    def refresh(self) -> None:
        self.case_list.refresh()
        self.handoffs.refresh()
        self._update_budget()

    def _merged(self) -> None:
        # Other desks' cases (or a new policy) arrived with a sync round: show them now.
        self.refresh()
        self.panel.reload_view()

    def _update_budget(self) -> None:
        if self.on_shift is None:
            self.budget.clear()
            return
        site = self.desk.site.info()
        guest = self.panel.guest.text().strip()
        in_case = self.panel_stack.currentIndex() == 1 and (
            guest or self.panel.case_id is not None)
        decision = self.desk.grants.check(
            self.on_shift, self.panel.case_id if in_case else None, 0,
            guest_name=guest if in_case and guest else None)
        remaining = decision.remaining
        self.panel.head.meter.show_budget(site, remaining, decision.allowed)
        text = self.tr("You may still grant %1 this shift without approval.").replace(
            "%1", money(site, remaining[Limit.PER_SHIFT]))
        if in_case:
            text += " " + self.tr("For %1 this stay: %2.").replace(
                "%1", guest or self.tr("this guest")).replace(
                "%2", money(site, remaining[Limit.PER_GUEST_STAY]))
        self.budget.setText(text)

    def open_vouchers(self) -> None:
        if self.on_shift is None or self.is_locked:
            return
        from desktop.ui.vouchers import VouchersDialog

        VouchersDialog(self.desk, self.on_shift, self).exec()
        self.refresh()

    def open_review(self) -> None:
        if (self.on_shift is None or self.is_locked
                or not self.desk.site.policy().is_approver(self.on_shift.staff.role)):
            return
        from desktop.ui.review_screen import ReviewDialog

        ReviewDialog(self.desk, self.on_shift, self).exec()

    def edit_printers(self) -> None:
        if self.on_shift is None or self.on_shift.staff.role not in ("supervisor", "manager"):
            return
        from desktop.ui.slips_ui import PrintersDialog

        PrintersDialog(self.desk, self).exec()

    def open_diagnostics(self) -> None:
        from desktop.ui.diagnostics import DiagnosticsDialog

        dialog = DiagnosticsDialog(self.desk.data_dir, self)
        # Gone once closed (each opening makes a new one); checks still running in the pool
        # then report nowhere (see desktop.ui.background).
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exec()

    def edit_head_office(self) -> None:
        if self.on_shift is None or self.on_shift.staff.role != "manager":
            return
        from desktop.ui.sync_status import HeadOfficeDialog

        dialog = HeadOfficeDialog(self.desk, self)
        dialog.enrolled.connect(self.sync_status.start_if_enrolled)
        dialog.exec()

    def edit_policy(self) -> None:
        if self.on_shift is None or self.on_shift.staff.role != "manager":
            return
        from desktop.ui.settings import PolicyDialog

        PolicyDialog(self.desk, self.on_shift, self).exec()
        self.refresh()
        self.panel.gestures.refresh()

    # --- the tick ---------------------------------------------------------------------------

    def tick(self) -> None:
        now = self.desk.now()
        idle = timedelta(minutes=self.desk.settings.get(IDLE_LOCK_MINUTES))
        if (self.on_shift is not None and not self.is_locked
                and now - self._last_activity >= idle):
            self.lock()
        if self.on_shift is None:
            return
        self.panel.tick()
        self.case_list.tick()
        self._notify_due(now)

    def _notify_due(self, now: datetime) -> None:
        for case in self.desk.cases.followups_due(now):
            if case.id in self._notified:
                continue
            self._notified.add(case.id)
            who = case.guest_name or self.tr("a guest")
            where = f", {case.location}" if case.location else ""
            text = self.handoffs.reminder(case) or self.tr(
                "Follow-up due now: %1%2.").replace("%1", who).replace("%2", where)
            self.banner.text.setText(text)
            self.banner.case_id = case.id
            self.banner.show()
            if self.tray is not None:
                self.tray.showMessage(self.tr("Follow-up due"), text)

    # override: QWidget.closeEvent
    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.timer.stop()
        self.panel.gestures.slips.forget()  # a slip still printing reports nowhere
        self.sync_status.shutdown()
        QApplication.instance().removeEventFilter(self)
        QApplication.instance().removeEventFilter(self._shortcuts_win)
        super().closeEvent(event)
