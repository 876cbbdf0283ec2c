"""The supervisor's review screen: spend against budget, who granted what and why, and trends.

The review is computed off the UI thread (a year of cases takes a moment) and handed back
through a signal; the screen shows a busy bar meanwhile and stays responsive. Approver roles
only: the menu entry is disabled for agents and the dialog refuses to open for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCharts import (
    QChartView,
)
from PySide6.QtCore import (
    QDate,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.desk import Desk
from desktop.core.review import Review
from desktop.core.views import OnShift
from desktop.ui import design, labels
from desktop.ui.background import Background, Pool, log_failure, run_in_background
from desktop.ui.common import money, named
from desktop.ui.handoff_ui import HandoffsReview
from desktop.ui.review_cards import SummaryCards
from desktop.ui.review_parts import DAYS, GrantsModel, bar_chart, fill_week_grid, spend_chart


class ReviewDialog(QDialog):
    """Pick a period; see totals, people, gestures, approvals, follow-ups, findings, trends."""

    loaded = Signal()

    def __init__(self, desk: Desk, on_shift: OnShift, parent: QWidget | None = None,
                 pool: Pool | None = None) -> None:
        super().__init__(parent)
        if not desk.site.policy().is_approver(on_shift.staff.role):
            raise PermissionError("only approver roles may open the review")
        self.desk = desk
        self.on_shift = on_shift
        self.site = desk.site.info()
        self.pool = pool
        self.review: Review | None = None
        self._running: Background | None = None
        self._asked = 0  # which load is the latest: an older answer already on its way is dropped
        self.setWindowTitle(self.tr("Review"))
        self.resize(1100, 720)

        self.range = named(QComboBox(), "reviewRange", self.tr("Period"))
        for key, text in (("today", self.tr("Today")), ("week", self.tr("Last 7 days")),
                          ("month", self.tr("This month")), ("year", self.tr("Last 12 months")),
                          ("custom", self.tr("From … to …"))):
            self.range.addItem(text, key)
        today = desk.site.local_time(desk.now()).date()
        self.first = named(QDateEdit(QDate(today.year, today.month, 1)), "reviewFrom",
                           self.tr("First day"))
        self.last = named(QDateEdit(QDate(today.year, today.month, today.day)), "reviewTo",
                          self.tr("Last day"))
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.range.currentIndexChanged.connect(self._range_changed)
        self.load_button = named(QPushButton(self.tr("Show")), "reviewLoad", self.tr("Show"))
        self.load_button.clicked.connect(self.load)
        self.busy = named(QProgressBar(), "reviewBusy", self.tr("Working"))
        self.busy.setRange(0, 0)  # indeterminate: the query gives no fractions
        self.busy.hide()
        self.export_pdf = named(QPushButton(self.tr("Export PDF")), "reviewExportPdf",
                                self.tr("Export the review as PDF"))
        self.export_csv = named(QPushButton(self.tr("Export CSV")), "reviewExportCsv",
                                self.tr("Export the review as CSV"))
        self.export_pdf.clicked.connect(lambda: self._export("pdf"))
        self.export_csv.clicked.connect(lambda: self._export("csv"))
        self.message = named(QLabel(), "reviewMessage", self.tr("Review message"))
        self.message.setWordWrap(True)

        self.cards = SummaryCards()
        self.summary = named(QLabel(), "reviewSummary", self.tr("Summary"))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.people = self._table("reviewPeople", self.tr("Spend by person"))
        self.breakdown = self._table("reviewBreakdown",
                                     self.tr("Spend by gesture type, category and outlet"))
        self.gestures_model = GrantsModel(desk, self)
        self.gestures = named(QTableView(), "reviewGestures", self.tr("Gestures granted"))
        self.gestures.setModel(self.gestures_model)
        design.touch_rows(self.gestures)
        self.gestures.setWordWrap(False)
        self.gestures.horizontalHeader().setStretchLastSection(True)
        self.approvals = self._table("reviewApprovals", self.tr("Approvals"))
        self.followups = self._table("reviewFollowups", self.tr("Follow-ups and open cases"))
        self.findings = named(QListWidget(), "reviewFindings", self.tr("Worth a look"))
        self.findings.itemActivated.connect(self._show_finding_cases)
        self.findings.itemClicked.connect(self._show_finding_cases)
        self.cases = named(QListWidget(), "reviewCases", self.tr("Cases behind it"))
        self.category_chart = named(QChartView(), "reviewCategoryChart",
                                    self.tr("Categories by number of cases"))
        self.category_spend_chart = named(QChartView(), "reviewCategorySpendChart",
                                          self.tr("Categories by spend"))
        self.spend_chart = named(QChartView(), "reviewSpendChart", self.tr("Spend over time"))
        for view in (self.category_chart, self.category_spend_chart, self.spend_chart):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.grid = self._table("reviewWeekGrid", self.tr("When failures happen"))
        self.grid.cellClicked.connect(self._show_cell_cases)

        tabs = QTabWidget()
        summary_page = QWidget()
        summary_layout = QVBoxLayout(summary_page)
        summary_layout.addWidget(self.cards)
        summary_layout.addWidget(self.summary)
        summary_layout.addWidget(self.people, 1)
        summary_layout.addWidget(self.breakdown, 2)
        tabs.addTab(summary_page, self.tr("Summary"))
        tabs.addTab(self.gestures, self.tr("Gestures"))
        tabs.addTab(self.approvals, self.tr("Approvals"))
        tabs.addTab(self.followups, self.tr("Follow-ups"))
        self.handoff_tab = HandoffsReview(desk)  # to whom, and how long until done
        tabs.addTab(self.handoff_tab, self.tr("Hand-offs"))
        look = QWidget()
        look_layout = QHBoxLayout(look)
        look_layout.addWidget(self.findings, 1)
        look_layout.addWidget(self.cases, 1)
        tabs.addTab(look, self.tr("Worth a look"))
        trends = QWidget()
        trends_layout = QVBoxLayout(trends)
        charts = QHBoxLayout()
        charts.addWidget(self.category_chart, 1)
        charts.addWidget(self.category_spend_chart, 1)
        charts.addWidget(self.spend_chart, 1)
        trends_layout.addLayout(charts, 1)
        trends_layout.addWidget(self.grid, 1)
        tabs.addTab(trends, self.tr("Trends"))
        self.tabs = tabs

        top = QHBoxLayout()
        top.addWidget(self.range)
        top.addWidget(self.first)
        top.addWidget(self.last)
        top.addWidget(self.load_button)
        top.addWidget(self.busy, 1)
        top.addWidget(self.export_pdf)
        top.addWidget(self.export_csv)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(tabs, 1)
        self._range_changed()
        # Ctrl+Tab and Ctrl+PgDown go through the tabs from anywhere in the review.
        for keys, step in (("Ctrl+Tab", 1), ("Ctrl+PgDown", 1), ("Ctrl+Shift+Tab", -1),
                           ("Ctrl+Backtab", -1), ("Ctrl+PgUp", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda step=step: self.tabs.setCurrentIndex(
                (self.tabs.currentIndex() + step) % self.tabs.count()))
        self.load()  # the chosen period at once: the review never opens blank

    def _table(self, name: str, accessible: str) -> QTableWidget:
        table = named(QTableWidget(), name, accessible)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        design.touch_rows(table)
        return table

    # --- period ---------------------------------------------------------------------------

    def period(self) -> tuple[date, date]:
        return self.first.date().toPython(), self.last.date().toPython()

    def _range_changed(self) -> None:
        key = self.range.currentData()
        today = self.desk.site.local_time(self.desk.now()).date()
        first = {"today": today, "week": today - timedelta(days=6),
                 "month": today.replace(day=1),
                 "year": today - timedelta(days=364)}.get(key)
        custom = key == "custom"
        self.first.setEnabled(custom)
        self.last.setEnabled(custom)
        if first is not None:
            self.first.setDate(QDate(first.year, first.month, first.day))
            self.last.setDate(QDate(today.year, today.month, today.day))

    # --- loading (off the UI thread) --------------------------------------------------------

    def load(self) -> None:
        first, last = self.period()
        if last < first:
            self.message.setText(self.tr("The last day is before the first."))
            return
        self.message.clear()
        self.busy.show()  # Show stays on: another period may be asked for meanwhile
        if self._running is not None:
            self._running.forget()  # a newer period was asked for: its answer wins
        self._asked += 1
        asked = self._asked
        self._running = run_in_background(lambda: (asked, self.desk.review(first, last)),
                                          self._answer,
                                          self._failed, pool=self.pool)

    def done(self, result: int) -> None:
        # Closed while a period loads: the answer, when it comes, has nowhere to go.
        if self._running is not None:
            self._running.forget()
            self._running = None
        super().done(result)

    def _failed(self, error: BaseException) -> None:
        self._running = None
        self.busy.hide()
        self.load_button.setEnabled(True)
        log_failure(error, "the review")  # a query over the log: nothing the person can fix
        self.message.setText(self.tr("The review could not be made: %1")
                             .replace("%1", labels.unexpected_problem()))

    def _answer(self, answer: tuple[int, Review]) -> None:
        asked, review = answer
        if asked == self._asked:  # else a newer period was asked for: its answer wins
            self._show(review)

    def _show(self, review: Review) -> None:
        self._running = None
        self.review = review
        self.busy.hide()
        self.load_button.setEnabled(True)
        site = self.site
        rate = review.recovery_rate
        self.handoff_tab.show_period(*self.period())
        self.cards.show_review(site, review)
        self.summary.setText(
            self.tr("Spend %1 of a budget of %2 (the shift allowances worked). %3 gestures, "
                    "%4 cases, %5 still open. Recovery rate: %6.")
            .replace("%1", money(site, review.total_spend))
            .replace("%2", money(site, review.budget))
            .replace("%3", str(len(review.grants))).replace("%4", str(review.case_count))
            .replace("%5", str(len(review.open_cases)))
            .replace("%6", "—" if rate is None else f"{rate:.0%}"))
        self._fill(self.people, [self.tr("Name"), self.tr("Role"), self.tr("Spend"),
                                 self.tr("Gestures"), self.tr("Shifts"),
                                 self.tr("Per-shift limit")],
                   [[p.name, labels.role_name(p.role), money(site, p.spend), str(p.grants),
                     str(p.shifts), money(site, p.per_shift_limit)] for p in review.by_person])
        breakdown = (
            [[self.tr("Gesture"), labels.gesture_name(k), str(c), money(site, v)]
             for k, (c, v) in sorted(review.by_gesture.items(), key=lambda i: -i[1][1])]
            + [[self.tr("Category"), labels.category_name(k), str(c), money(site, v)]
               for k, c, v in review.categories_by_spend()]
            + [[self.tr("Outlet"), k, str(c), money(site, v)]
               for k, (c, v) in sorted(review.by_outlet.items(), key=lambda i: -i[1][1])])
        self._fill(self.breakdown, [self.tr("By"), self.tr("What"), self.tr("Gestures"),
                                    self.tr("Spend")], breakdown)
        self.gestures_model.show_grants(review.grants)
        self.gestures.resizeColumnsToContents()  # by the first page: later ones are alike
        names = {m.id: m.name for m in self.desk.staff.roster(include_inactive=True)}
        self._fill(self.approvals, [self.tr("When"), self.tr("Decision"), self.tr("Approver"),
                                    self.tr("Asked by"), self.tr("Value"), self.tr("Reason")],
                   [[self.desk.site.local_time(a.decided_at).strftime("%Y-%m-%d %H:%M"),
                     self.tr("given") if a.decision == "given" else self.tr("declined"),
                     names.get(a.approver_id, "?"), names.get(a.requested_by or "", "?"),
                     money(site, a.value_minor), a.reason] for a in review.approvals])
        # The first 500 of each kind; the counts are in the summary and the export.
        rows = ([[self.tr("late"), c] for c in review.late_followups[:500]]
                + [[self.tr("missed"), c] for c in review.missed_followups[:500]]
                + [[self.tr("open"), c] for c in review.open_cases[:500]])
        labels_by_case = self._case_labels([case_id for _what, case_id in rows])
        self._fill(self.followups, [self.tr("What"), self.tr("Case")],
                   [[what, labels_by_case.get(case_id, case_id)] for what, case_id in rows])
        self.findings.clear()
        self.cases.clear()
        for finding in review.findings:
            item = QListWidgetItem(f"{self._rule_name(finding.rule)} — {finding.subject} "
                                   f"({finding.detail})".replace(" — ()", ""))
            item.setData(Qt.ItemDataRole.UserRole, finding.case_ids)
            self.findings.addItem(item)
        if not review.findings:
            self.findings.addItem(self.tr("Nothing stands out in this period."))
        self._draw_trends(review)
        self.loaded.emit()

    def _rule_name(self, rule: str) -> str:
        return {
            "guest_many_cases": self.tr("One guest, gestures in several cases this stay"),
            "near_limit": self.tr("At or near the shift limit, shift after shift"),
            "many_approvals": self.tr("Many approvals asked for"),
            "voucher_unredeemed": self.tr("Voucher expired unused"),
            "voucher_redeemed_twice": self.tr("Voucher redeemed twice"),
            "closed_without_followup": self.tr("Cases closed without a follow-up"),
            "limit_passed_apart": self.tr("A limit passed once two desks synced"),
        }.get(rule, rule)

    def _case_labels(self, case_ids: list[str]) -> dict[str, str]:
        return {case.id: f"{self.desk.site.local_time(case.opened_at):%Y-%m-%d %H:%M} · "
                         f"{case.guest_name} · {case.location} · "
                         f"{labels.category_name(case.category)}"
                for case in self.desk.cases.by_id(case_ids)}

    @staticmethod
    def _fill(table: QTableWidget, header: list[str], rows: list[list[str]]) -> None:
        table.clear()
        table.setColumnCount(len(header))
        table.setHorizontalHeaderLabels(header)
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(value))
        table.resizeColumnsToContents()

    def _list_cases(self, case_ids: Sequence[str]) -> None:
        self.cases.clear()
        shown = list(dict.fromkeys(case_ids[:500]))  # a case with two gestures shows once
        labels_by_case = self._case_labels(shown)
        for case_id in shown:
            item = QListWidgetItem(labels_by_case.get(case_id, case_id))
            item.setData(Qt.ItemDataRole.UserRole, case_id)
            self.cases.addItem(item)

    def _show_finding_cases(self, item: QListWidgetItem) -> None:
        case_ids = item.data(Qt.ItemDataRole.UserRole)
        if case_ids:
            self._list_cases(case_ids)

    # --- trends (drawn by desktop.ui.review_parts) ----------------------------------------

    def _draw_trends(self, review: Review) -> None:
        scale = 10 ** _digits(review.currency)
        by_count = [(k, float(c)) for k, c, _s in review.categories_by_count()[:8]]
        by_spend = [(k, s / scale) for k, _c, s in review.categories_by_spend()[:8]]
        self.category_chart.setChart(bar_chart(
            self.tr("Categories by cases with gestures, most first"),
            self.tr("Cases"), by_count, self._category_cases, whole_numbers=True))
        self.category_spend_chart.setChart(bar_chart(
            self.tr("Categories by spend, largest first"),
            self.tr("Spend (%1)").replace("%1", review.currency), by_spend,
            self._category_cases, whole_numbers=False))
        self.spend_chart.setChart(spend_chart(
            self.tr("Spend over time"), self.tr("Spend per day"),
            {day: minor / scale for day, minor in review.spend_by_day.items()}))
        fill_week_grid(self.grid, review.week_grid, [self.tr(d) for d in DAYS])

    def _category_cases(self, category: str) -> None:
        assert self.review is not None
        self._list_cases(self.review.cases_in_category(category))

    def _show_cell_cases(self, day: int, hour: int) -> None:
        if self.review is not None:
            self._list_cases(self.review.cases_in_cell(day, hour))

    # --- export ---------------------------------------------------------------------------

    def _export(self, fmt: str) -> None:
        if self.review is None:
            self.message.setText(self.tr("Show a period first."))
            return
        first, last = self.period()
        suggested = str(Path.home() / f"review-{first}-{last}.{fmt}")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export review"), suggested)
        if not path:
            return
        site = self.site
        if fmt == "csv":
            from desktop.core.review_csv import review_csv

            data = review_csv(self.review, site.zone).encode("utf-8")
        else:
            from desktop.slips.review_report import render_review

            data = render_review(self.review, site.name, lambda m: money(site, m))
        try:
            Path(path).write_bytes(data)
        except OSError as error:
            self.message.setText(self.tr("Could not save: %1").replace(
                "%1", error.strerror or str(error)))
            return
        self.message.setText(self.tr("Saved as %1.").replace("%1", path))


def _digits(currency: str) -> int:
    from desktop.core.money import exponent

    return exponent(currency)
