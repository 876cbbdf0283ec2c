"""Start-up time: launch to the sign-in screen painted, beside a bare PySide6 window.

Each run is a fresh process started the same way (same interpreter, offscreen platform); the
child ends itself (``os._exit``) on the first paint of the screen, when a PIN typed would be
answered (``on_pin_ready``: the sign-in screen's early check, before the case log is open), or
once the case log is open and the main window shown (``on_ready``, for information), and the
parent measures the wall time of the whole process. Ending at once, not by quitting the event
loop, keeps what the app does in the background after that moment (opening the case log on a
pool thread, and the whole-chain check after it) out of the figure, for Amends and the bare
window alike. The store is seeded once with ``--cases`` (as ``amends seed-demo`` does), then
timed; the memory figure is the child's peak RSS at the moment it ends itself. The children
may cache their bytecode as an installed copy does (``PYTHONDONTWRITEBYTECODE`` is dropped for
them; the untimed first start writes it). Run from the repo root:

    .venv/bin/python -m bench.startup --runs 10 --cases 100
    .venv/bin/python -m bench.startup --runs 5 --cases 1000000 --data-dir /tmp/amends-1m
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
import resource
import sys
from pathlib import Path
from desktop.ui.app import run_app

def end() -> None:
    # Peak resident memory so far (KiB on Linux), then end at once.
    os.write(1, f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\n".encode())
    os._exit(0)

run_app(Path(sys.argv[1]), demo=True, **{sys.argv[2]: end})
"""


def timed(code: str, *args: str, memory: list[int] | None = None) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *args], check=True, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    took = time.perf_counter() - start
    if memory is not None and done.stdout.strip():
        memory.append(int(done.stdout.split()[-1]))
    return took


def seed(data_dir: Path, cases: int) -> None:
    """The demo site and ``cases`` of history, once (reused when the data dir has a store)."""
    if (data_dir / "amends.sqlite3").exists():
        return
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir),
                    "seed-demo", "--cases", str(cases)], check=True)
    print(f"seeded {cases} cases in {time.perf_counter() - start:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--cases", type=int, default=100)
    parser.add_argument("--data-dir", type=Path, help="keep (and reuse) the seeded store here")
    parser.add_argument("--no-desk", action="store_true",
                        help="skip the (slow, informational) case-log-open runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = args.data_dir or Path(tmp) / "desk"
        seed(data_dir, args.cases)
        # The first start after seeding (it may catch up the chain's checkpoint).
        first = timed(AMENDS, str(data_dir), "on_pin_ready" if args.no_desk else "on_ready")
        timed(BARE)  # warm the OS file cache for both before measuring
        bare, painted, ready, desk = [], [], [], []  # type: ignore[var-annotated]
        memory, desk_memory = [], []  # type: ignore[var-annotated]
        for _ in range(args.runs):
            bare.append(timed(BARE))
            painted.append(timed(AMENDS, str(data_dir), "on_first_paint"))
            ready.append(timed(AMENDS, str(data_dir), "on_pin_ready", memory=memory))
            if not args.no_desk:
                desk.append(timed(AMENDS, str(data_dir), "on_ready", memory=desk_memory))
    b, p, r = (statistics.median(x) for x in (bare, painted, ready))
    print(f"{args.cases} cases; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"bare PySide6 window:           median {b * 1000:7.1f} ms  (n={args.runs})")
    print(f"Amends sign-in screen painted: median {p * 1000:7.1f} ms  ({p / b:.2f}x the bare "
          "window; goal at most 1.3x)")
    print(f"Amends ready to check a PIN:   median {r * 1000:7.1f} ms  ({r / b:.2f}x; goal at "
          "most 2x)")
    print(f"memory (peak RSS) when ready:  median {statistics.median(memory) / 1024:7.1f} MB "
          "(goal at most 200 MB at a million cases)")
    if desk:
        d = statistics.median(desk)
        print(f"case log open, main window:    median {d * 1000:7.1f} ms  ({d / b:.2f}x; peak "
              f"RSS {statistics.median(desk_memory) / 1024:.1f} MB; no goal)")
    print(f"first start after seeding: {first * 1000:.0f} ms")


if __name__ == "__main__":
    main()
