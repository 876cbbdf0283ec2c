"""The case list beside the panel: open cases, follow-ups with a countdown, search."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.desk import Desk
from desktop.core.views import CaseSummary
from desktop.ui.common import countdown, named
from desktop.ui.design import touch_rows
from desktop.ui.labels import step_name

_Index = QModelIndex | QPersistentModelIndex


class CaseListModel(QAbstractTableModel):
    """Rows are CaseSummary objects from ``Desk.cases``.

    State: ``_rows`` (the last query) and ``_now`` (the instant countdowns are measured from).
    Rows go stale when a case changes; the owner calls ``set_rows`` after every change and
    ``set_now`` every second, which only repaints the follow-up column.
    """

    GUEST, LOCATION, STEP, FOLLOWUP = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseSummary] = []
        self._now: datetime | None = None

    def set_rows(self, rows: list[CaseSummary], now: datetime) -> None:
        self.beginResetModel()
        self._rows = rows
        self._now = now
        self.endResetModel()

    def set_now(self, now: datetime) -> None:
        self._now = now
        if self._rows:
            self.dataChanged.emit(self.index(0, self.FOLLOWUP),
                                  self.index(len(self._rows) - 1, self.FOLLOWUP))

    def case_at(self, row: int) -> CaseSummary:
        return self._rows[row]

    # override: QAbstractItemModel.rowCount
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    # override: QAbstractItemModel.columnCount
    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    # override: QAbstractItemModel.headerData
    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Guest"), self.tr("Room / table"), self.tr("Step"),
                self.tr("Follow-up"))[section]

    # override: QAbstractItemModel.data
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        case = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == self.GUEST:
                return case.guest_name or self.tr("(no name yet)")
            if column == self.LOCATION:
                return case.location
            if column == self.STEP:
                return step_name(case.step)
            return self._followup_text(case)
        overdue_cell = column == self.FOLLOWUP and self._overdue(case)
        if role == Qt.ItemDataRole.ForegroundRole and overdue_cell:
            return QBrush(QColor("#c62828"))
        if role == Qt.ItemDataRole.UserRole:
            return case.id
        return None

    def _overdue(self, case: CaseSummary) -> bool:
        return bool(case.followup_pending() and self._now and case.followup_due_at
                    and case.followup_due_at <= self._now)

    def _followup_text(self, case: CaseSummary) -> str:
        if case.followup_done_at is not None:
            return self.tr("done")
        if case.followup_due_at is None or self._now is None:
            return ""
        left = (case.followup_due_at - self._now).total_seconds()
        if left <= 0:
            return self.tr("overdue %1").replace("%1", countdown(-left))
        return self.tr("in %1").replace("%1", countdown(left))


class CaseListPane(QWidget):
    """Search, filter and the list; emits ``case_chosen`` with a case id."""

    case_chosen = Signal(str)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.search = named(QLineEdit(), "caseSearch", self.tr("Search by guest name or room"))
        self.search.setPlaceholderText(self.tr("Search guest or room…"))
        self.search.setClearButtonEnabled(True)
        self.filter = named(QComboBox(), "caseFilter", self.tr("Which cases to show"))
        self.filter.addItem(self.tr("Open"), "open")
        self.filter.addItem(self.tr("Closed"), "closed")
        self.filter.addItem(self.tr("All"), None)
        self.model = CaseListModel(self)
        self.table = named(QTableView(), "caseTable", self.tr("Cases"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        touch_rows(self.table)
        self._fit_headers()
        self.table.activated.connect(self._activated)
        self.table.clicked.connect(self._activated)
        self.search.textChanged.connect(lambda _text: self.refresh())
        self.filter.currentIndexChanged.connect(lambda _i: self.refresh())
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)

    def _fit_headers(self) -> None:
        """No column title is ever cut ("Habitación / mesa" in a narrow pane): the columns
        take their contents' width, at least their title's; the guest's takes what is left
        but never less than its own title."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CaseListModel.GUEST, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(header.sectionSizeHint(CaseListModel.GUEST))
        self._fit_width()

    def _fit_width(self) -> None:
        """The pane is never narrower than its columns' titles and contents (the splitter
        gives the case panel less), the guest's column at least its title."""
        header = self.table.horizontalHeader()
        widths = [header.sectionSizeHint(column) if column == CaseListModel.GUEST
                  else max(header.sectionSizeHint(column), self.table.sizeHintForColumn(column))
                  for column in range(header.count())]
        self.table.setMinimumWidth(sum(widths) + self.table.verticalScrollBar().sizeHint().width()
                                   + 2 * self.table.frameWidth())

    def refresh(self) -> None:
        rows = self.desk.cases.summaries(status=self.filter.currentData(),
                                         search=self.search.text())
        self.model.set_rows(rows, self.desk.now())
        self._fit_width()

    def tick(self) -> None:
        self.model.set_now(self.desk.now())

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.case_chosen.emit(self.model.case_at(index.row()).id)
