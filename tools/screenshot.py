"""Make the README's screenshot of the recovery panel (offscreen, on a throwaway demo desk).

    .venv/bin/python tools/screenshot.py docs/recovery-panel.png
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from desktop.ui.app import open_desk
from desktop.ui.main_window import MainWindow


def main(out: Path) -> None:
    app = QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        desk = open_desk(Path(tmp), demo=True)
        window = MainWindow(desk)
        window.resize(1280, 800)
        window.show()
        window.sign_in.select_staff("Maya Torres")
        window.sign_in.pin.setText("1234")
        window.sign_in.submit()
        window.new_case()
        panel = window.panel
        panel.guest.setText("Grace Kim")
        panel.location.setText("Room 1203")
        panel.category.setCurrentIndex(panel.category.findData("maintenance"))
        panel.severity.setCurrentIndex(panel.severity.findData("medium"))
        panel.account.setPlainText("There's no hot water. It's half past three and I need to "
                                   "shower before a wedding.")
        panel.complete()
        panel.apology.setPlainText("Apologised in person; she was calm by the end.")
        panel.complete()
        panel.guest_view.setPlainText("A wedding at five; no time to wait around.")
        panel.good_outcome.setPlainText("Hot water within the hour.")
        panel.complete()
        panel.fix_action.setPlainText("Moved to a room on the west riser; engineering told.")
        panel.gestures.suggestion_list.setCurrentRow(0)
        panel.gestures.suggestion_list.itemActivated.emit(panel.gestures.suggestion_list.item(0))
        window.tick()
        app.processEvents()
        window.grab().save(str(out))
        window.close()
        desk.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/recovery-panel.png"))
