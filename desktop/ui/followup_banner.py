"""The notice that a follow-up is due, in the desk window's status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.ui.common import named
from desktop.ui.keys import enter_clicks


class FollowupBanner(QFrame):
    """An in-app notice that a follow-up is due, with a button to open that case.

    It sits in the status bar, so showing it never moves the panel someone is typing in;
    Alt+O opens the case, Alt+L puts the notice away (and Tab reaches both).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followupBanner")
        # Its colours are the design's (desktop/ui/design.py: #followupBanner).
        self.text = named(QLabel(), "followupBannerText", self.tr("Follow-up due"))
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.open_button = named(QPushButton(self.tr("&Open case")), "followupBannerOpen",
                                 self.tr("Open the case with the follow-up due"))
        self.dismiss = named(QPushButton(self.tr("&Later")), "followupBannerDismiss",
                             self.tr("Dismiss the notice"))
        self.dismiss.clicked.connect(self.hide)
        enter_clicks(self.open_button, self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.dismiss)
        self.case_id: str | None = None
        self.hide()
