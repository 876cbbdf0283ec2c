"""Parts of the review screen: the gestures table read a page at a time, and the trends'
charts and week grid.

Counts are whole numbers on their axis (never "0 0 1 1 1"), and spend over a single day is a
point, not an empty chart.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QDateTime,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTime,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from desktop.core.desk import Desk
from desktop.core.review import GrantLine
from desktop.ui import labels
from desktop.ui.common import money
from desktop.ui.design import current

ROOT = QModelIndex()  # the table's root: these models are flat
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class GrantsModel(QAbstractTableModel):
    """Every gesture of the period, read from the store a page at a time as the table scrolls:
    a year can hold hundreds of thousands, and the first page shows at once."""

    PAGE = 200

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.site = desk.site.info()
        self.grants: Sequence[GrantLine] = ()
        self.rows: list[GrantLine] = []
        self.header = [self.tr("When"), self.tr("Guest"), self.tr("Category"),
                       self.tr("Gesture"), self.tr("Value"), self.tr("Granted by"),
                       self.tr("Approved by"), self.tr("Reason")]

    def show_grants(self, grants: Sequence[GrantLine]) -> None:
        self.beginResetModel()
        self.grants, self.rows = grants, list(grants[:self.PAGE])
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self.header)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> bool:
        return not parent.isValid() and len(self.rows) < len(self.grants)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> None:
        more = self.grants[len(self.rows):len(self.rows) + self.PAGE]
        if more:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
            self.rows.extend(more)
            self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.header[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        g = self.rows[index.row()]
        return (self.desk.site.local_time(g.granted_at).strftime("%Y-%m-%d %H:%M"), g.guest_name,
                labels.category_name(g.category),
                f"{labels.gesture_name(g.gesture_type)}: {g.description}",
                money(self.site, g.value_minor), g.granted_by, g.approved_by,
                g.approval_reason)[index.column()]



def bar_chart(title: str, name: str, rows: list[tuple[str, float]],
              on_click: Callable[[str], None], *, whole_numbers: bool) -> QChart:
    """Horizontal bars by category, largest first; clicking a bar calls ``on_click(key)``.
    ``whole_numbers``: the values are counts, so the axis shows 0, 1, 2… only."""
    # Horizontal bars, so category names can be read; Qt draws the first one at the bottom,
    # so the largest goes last.
    ordered = list(reversed(rows))
    bars = QBarSet(name)
    keys = [key for key, _value in ordered]
    for _key, value in ordered:
        bars.append(value)
    bars.clicked.connect(lambda index: on_click(keys[index]))
    series = QHorizontalBarSeries()
    series.append(bars)
    chart = QChart()
    chart.setTitle(title)
    chart.addSeries(series)
    chart.legend().hide()
    axis = QBarCategoryAxis()
    axis.append([labels.category_name(k) for k in keys])
    chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis)
    values = QValueAxis()
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(values)
    if whole_numbers:
        count_axis(values, max((value for _key, value in rows), default=0))
    else:
        values.setLabelFormat("%.0f")
    return themed(chart)


def count_axis(axis: QValueAxis, most: float) -> None:
    """An axis of counts from 0: a tick on each whole number, at most 10 ticks."""
    top = max(math.ceil(most), 1)
    step = max(math.ceil(top / 10), 1)
    top = math.ceil(top / step) * step
    axis.setRange(0, top)
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    axis.setMinorTickCount(0)
    axis.setLabelFormat("%d")


def spend_chart(title: str, name: str, by_day: Mapping[date, float]) -> QChart:
    """Spend per day as a line with a dot on each day, so a single day shows as well."""
    line = QLineSeries()
    line.setName(name)
    dots = QScatterSeries()
    dots.setMarkerSize(8)
    days = sorted(by_day)
    for day in days:
        moment = QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0))
        for series in (line, dots):
            series.append(moment.toMSecsSinceEpoch(), by_day[day])
    chart = QChart()
    chart.setTitle(title)
    chart.legend().hide()
    dates = QDateTimeAxis()
    values = QValueAxis()
    chart.addAxis(dates, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    for series in (line, dots):
        chart.addSeries(series)
        series.attachAxis(dates)
        series.attachAxis(values)
    first, last = (days[0], days[-1]) if days else (date.today(), date.today())
    if last - first < timedelta(days=2):
        first, last = first - timedelta(days=1), last + timedelta(days=1)  # room either side
    dates.setRange(QDateTime(QDate(first.year, first.month, first.day), QTime(0, 0)),
                   QDateTime(QDate(last.year, last.month, last.day), QTime(23, 59)))
    dates.setFormat("d MMM" if last - first <= timedelta(days=62) else "MMM yy")
    dates.setTickCount(min(max((last - first).days + 1, 2), 5))
    values.setRange(0, max(by_day.values(), default=0) * 1.1 or 1)
    values.setLabelFormat("%.0f")
    return themed(chart)


def themed(chart: QChart) -> QChart:
    """The design's colours and type on a chart: readable axis labels, one series colour."""
    theme = current()
    text = theme.colour("text")
    chart.setBackgroundBrush(QBrush(theme.colour("surface")))
    chart.setTitleBrush(QBrush(text))
    title_font = QFont(chart.titleFont())
    title_font.setPixelSize(theme.type["body"])
    title_font.setBold(True)
    chart.setTitleFont(title_font)
    for axis in chart.axes():
        # Qt's own label size: a larger font elides the category names in a narrow chart.
        axis.setLabelsBrush(QBrush(text))
        axis.setGridLineColor(theme.colour("border"))
    for series in chart.series():
        if isinstance(series, QHorizontalBarSeries):
            for bars in series.barSets():
                bars.setColor(theme.colour("primary"))
                bars.setBorderColor(theme.colour("primary"))
        elif isinstance(series, QScatterSeries):
            series.setColor(theme.colour("primary"))
            series.setBorderColor(theme.colour("surface"))
        elif isinstance(series, QLineSeries):
            series.setColor(theme.colour("meter"))
    return chart


def fill_week_grid(grid: QTableWidget, week: Sequence[Sequence[int]],
                   day_names: list[str]) -> None:
    """When failures happen: a day-by-hour table of coloured cells (QtCharts has no heat-map
    series)."""
    grid.clear()
    grid.setRowCount(7)
    grid.setColumnCount(24)
    grid.setHorizontalHeaderLabels([f"{h:02d}" for h in range(24)])
    grid.setVerticalHeaderLabels(day_names)
    grid.verticalHeader().show()
    peak = max(max(row) for row in week) or 1
    for day in range(7):
        for hour in range(24):
            count = week[day][hour]
            item = QTableWidgetItem(str(count) if count else "")
            shade = int(255 - 200 * count / peak)
            item.setBackground(QBrush(QColor(255, shade, shade)))
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.setItem(day, hour, item)
    grid.resizeColumnsToContents()
