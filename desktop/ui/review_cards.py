"""The review's dashboard cards: spend, budget and recovery rate, large enough to read at a
glance, above the tables of the summary."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from desktop.core.review import Review
from desktop.core.views import SiteInfo
from desktop.ui.common import money, named
from desktop.ui.design import role, tone

translate = QCoreApplication.translate


class Card(QFrame):
    """A caption, a large figure and a line beneath it."""

    def __init__(self, name: str, caption: str) -> None:
        super().__init__()
        role(self, "card")
        self.setObjectName(name)
        self.caption = tone(QLabel(caption), "muted")
        self.figure = named(QLabel("—"), f"{name}Figure", caption)
        tone(self.figure, "title")
        self.figure.setTextFormat(Qt.TextFormat.PlainText)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.layout_ = QVBoxLayout(self)
        for widget in (self.caption, self.figure, self.note):
            self.layout_.addWidget(widget)


class SummaryCards(QWidget):
    """Spend (and how many gestures), budget (with what share is used, as a meter) and the
    recovery rate (cases whose guest was won back)."""

    def __init__(self) -> None:
        super().__init__()
        self.spend = Card("reviewSpendCard", translate("ReviewDialog", "Spend"))
        self.budget = Card("reviewBudgetCard", translate("ReviewDialog", "Budget"))
        self.used = named(QProgressBar(), "reviewBudgetUsed",
                          translate("ReviewDialog", "Share of the budget spent"))
        self.used.setRange(0, 100)
        self.used.setValue(0)
        self.used.setTextVisible(False)  # the share is in words below: readable in any palette
        self.budget.layout_.addWidget(self.used)
        self.rate = Card("reviewRateCard", translate("ReviewDialog", "Recovery rate"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for card in (self.spend, self.budget, self.rate):
            row.addWidget(card, 1)

    def show_review(self, site: SiteInfo, review: Review) -> None:
        self.spend.figure.setText(money(site, review.total_spend))
        self.spend.note.setText(translate("ReviewDialog", "%1 gestures in %2 cases")
                                .replace("%1", str(len(review.grants)))
                                .replace("%2", str(review.case_count)))
        self.budget.figure.setText(money(site, review.budget))
        share = round(100 * review.total_spend / review.budget) if review.budget else 0
        self.used.setValue(min(share, 100))
        self.used.setProperty("level", "low" if share > 100 else "ok")
        self.used.style().unpolish(self.used)
        self.used.style().polish(self.used)
        self.budget.note.setText(translate("ReviewDialog", "%1 % spent (of the shift allowances "
                                           "worked)").replace("%1", str(share)))
        rate = review.recovery_rate
        self.rate.figure.setText("—" if rate is None else f"{rate:.0%}")
        self.rate.note.setText(translate("ReviewDialog", "%1 cases still open")
                               .replace("%1", str(len(review.open_cases))))
