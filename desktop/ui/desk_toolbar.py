"""The desk's touch toolbar and the icons of its main actions.

Every menu action a front desk uses often is also one tap away here (44 px targets, icon and
word), shown only while someone is signed in: on the sign-in screen the actions are disabled
and the bar would only be noise. The actions are the main window's own, so their shortcuts,
enabling by role and tests stay as they are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QToolBar, QToolButton

from desktop.ui.design import icon, role

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def add_desk_toolbar(window: MainWindow) -> QToolBar:
    """Icons on the main actions, and the toolbar holding them."""
    for action, name in ((window.new_case_action, "new_case"), (window.lock_action, "lock"),
                         (window.vouchers_action, "vouchers"), (window.review_action, "review"),
                         (window.end_shift_action, "sign_out"),
                         (window.printers_action, "print"), (window.policy_action, "settings")):
        action.setIcon(icon(name))
    window.new_case_button.setIcon(icon("new_case", "primary_text"))
    role(window.new_case_button, "primary")
    window.end_shift_button.setIcon(icon("sign_out"))
    window.sync_status.setIcon(icon("sync"))
    bar = QToolBar(QCoreApplication.translate("MainWindow", "Desk"))
    bar.setObjectName("deskToolbar")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.setIconSize(QSize(24, 24))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for action in (window.new_case_action, window.vouchers_action, window.review_action,
                   window.lock_action):
        bar.addAction(action)
        # Screen readers get the action's words, without the menu's "&" and "…".
        bar.widgetForAction(action).setAccessibleName(action.text().replace("&", "").rstrip("…"))
    more = bar.findChild(QToolButton, "qt_toolbar_ext_button")  # shown when the bar is cut
    if more is not None:
        more.setAccessibleName(QCoreApplication.translate("MainWindow", "More actions"))
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    # Shown on the desk (the screens' second page), hidden on sign-in.
    window.screens.currentChanged.connect(lambda index: bar.setVisible(index == 1))
    bar.setVisible(window.screens.currentIndex() == 1)
    return bar
