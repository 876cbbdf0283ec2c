"""Start-up time: launch to the sign-in screen painted, beside a bare PySide6 window.

Each run is a fresh process started the same way (same interpreter, offscreen platform); the
child ends itself (``os._exit``) on the first paint of the screen, or when a PIN can be checked,
and the parent measures the wall time of the whole process. Ending at once, not by quitting the
event loop, keeps what the app does in the background after that moment (opening the case log
on a pool thread) out of the figure, for Amends and the bare window alike. Run from the repo
root:

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
import os
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel("Who is at the desk?")
class Quit(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            os._exit(0)
        return False
quit_on_paint = Quit()
label.installEventFilter(quit_on_paint)
label.resize(1200, 760)
label.show()
app.exec()
"""

AMENDS = r"""
import os
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from desktop.ui.app import run_app
run_app(Path(sys.argv[1]), demo=True, **{sys.argv[2]: lambda: os._exit(0)})
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
        first = timed(AMENDS, str(data_dir), "on_ready")  # creates the demo site
        timed(BARE)  # warm the OS file cache for both before measuring
        bare, painted, ready = [], [], []
        for _ in range(args.runs):
            bare.append(timed(BARE))
            painted.append(timed(AMENDS, str(data_dir), "on_first_paint"))
            ready.append(timed(AMENDS, str(data_dir), "on_ready"))
    b, p, r = (statistics.median(x) for x in (bare, painted, ready))
    print(f"bare PySide6 window:          median {b * 1000:7.1f} ms  (n={args.runs})")
    print(f"Amends sign-in screen painted: median {p * 1000:7.1f} ms  ({p / b:.2f}x the bare "
          "window; goal at most 1.5x)")
    print(f"Amends ready to check a PIN:  median {r * 1000:7.1f} ms  ({r / b:.2f}x)")
    print(f"first start (creates the demo site): {first * 1000:.0f} ms")


if __name__ == "__main__":
    main()
