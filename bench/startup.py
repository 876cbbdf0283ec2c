"""Start-up time: launch to the sign-in screen painted, beside a bare PySide6 window.

Each run is a fresh process started the same way (same interpreter, offscreen platform); the
child quits on the first paint of the screen and the parent measures the wall time of the
whole process. Run from the repo root:

    .venv/bin/python -m bench.startup --runs 10
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = r"""
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel("Who is at the desk?")
class Quit(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            app.quit()
        return False
quit_on_paint = Quit()
label.installEventFilter(quit_on_paint)
label.resize(1200, 760)
label.show()
app.exec()
"""

AMENDS = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from desktop.ui.app import install_translations, open_desk
from desktop.ui.main_window import MainWindow
app = QApplication([])
install_translations(app)
desk = open_desk(Path(sys.argv[1]), demo=True)
window = MainWindow(desk)
class Quit(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            app.quit()
        return False
quit_on_paint = Quit()
window.sign_in.installEventFilter(quit_on_paint)
window.show()
app.exec()
"""


def timed(code: str, *args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "desk"
        first = timed(AMENDS, str(data_dir))  # creates the demo site: a first start
        timed(BARE)  # warm the OS file cache for both before measuring
        bare, amends = [], []
        for _ in range(args.runs):
            bare.append(timed(BARE))
            amends.append(timed(AMENDS, str(data_dir)))
    b, a = statistics.median(bare), statistics.median(amends)
    print(f"bare PySide6 window:      median {b * 1000:7.1f} ms  (n={args.runs})")
    print(f"Amends to sign-in screen: median {a * 1000:7.1f} ms  (n={args.runs})")
    print(f"ratio:                    {a / b:.2f}x  (goal: at most 1.5x)")
    print(f"first start (creates the demo site): {first * 1000:.0f} ms")


if __name__ == "__main__":
    main()
