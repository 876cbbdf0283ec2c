"""Start-up time: launch to the sign-in screen painted, beside a bare PySide6 window.

Each run is a fresh process started the same way (same interpreter, offscreen platform); the
child ends itself (``os._exit``) once its first paint has been drawn (one turn of the event
loop after the first Paint event, for Amends and the bare window alike: the bare window used
to end at its Paint event itself, before drawing anything, while Amends' figure included
drawing the whole screen; the bare window at its Paint event is still timed, for comparison
with earlier figures), when a PIN typed would be
answered (``on_pin_ready``: the sign-in screen's early check, before the case log is open), or
once the case log is open and the main window shown (``on_ready``, for information), and the
parent measures the wall time of the whole process. Ending at once, not by quitting the event
loop, keeps what the app does in the background after that moment (opening the case log on a
pool thread, and the whole-chain check after it) out of the figure, for Amends and the bare
window alike. The store is seeded once with ``--cases`` (as ``amends seed-demo`` does), then
timed; the memory figure is the child's peak RSS at the moment it ends itself, and each time
has a CPU time beside it (the child's user + system time, from ``getrusage``), which varies
less than the wall time on a shared machine. The children
may cache their bytecode as an installed copy does (``PYTHONDONTWRITEBYTECODE`` is dropped for
them; the untimed first start writes it). Run from the repo root:

    .venv/bin/python -m bench.startup --runs 10 --cases 100
    .venv/bin/python -m bench.startup --runs 5 --cases 1000000 --data-dir /tmp/amends-1m

Run with a data dir, the first (untimed) start may write to it as any start does (the sign-in
screen's early check writes nothing; opening the case log may catch up its checkpoint):
point it at a copy of a store that must stay as it is.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = r"""
import os
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel("Who is at the desk?")
drawn = sys.argv[1] == "drawn"
class Quit(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            if not drawn:
                os._exit(0)  # at the Paint event, before anything is drawn
            obj.removeEventFilter(self)
            QTimer.singleShot(0, lambda: os._exit(0))  # drawn, as Amends' on_first_paint
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


CPU: list[float] = []  # the CPU time of each timed child, in the order run


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def timed(code: str, *args: str, memory: list[int] | None = None) -> float:
    """The wall time of one child; its CPU time is appended to ``CPU``."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cpu = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *args], check=True, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    took = time.perf_counter() - start
    CPU.append(_children_cpu() - cpu)
    if memory is not None and done.stdout.strip():
        memory.append(int(done.stdout.split()[-1]))
    return took


def _line(label: str, wall: list[float], cpu: list[float], bare: tuple[float, float] | None,
          goal: str = "") -> str:
    w, c = statistics.median(wall), statistics.median(cpu)
    text = f"{label:<32}median {w * 1000:7.1f} ms, CPU {c * 1000:6.1f} ms"
    if bare is not None:
        text += f"  ({w / bare[0]:.2f}x the bare window; CPU {c / bare[1]:.2f}x{goal})"
    return text


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
        timed(BARE, "drawn")  # warm the OS file cache for both before measuring
        times: dict[str, tuple[list[float], list[float]]] = {
            name: ([], []) for name in ("bare", "event", "painted", "ready", "desk")}
        memory, desk_memory = [], []  # type: ignore[var-annotated]

        def run(name: str, code: str, *child: str, into: list[int] | None = None) -> None:
            times[name][0].append(timed(code, *child, memory=into))
            times[name][1].append(CPU[-1])

        for _ in range(args.runs):
            run("bare", BARE, "drawn")
            run("event", BARE, "event")
            run("painted", AMENDS, str(data_dir), "on_first_paint")
            run("ready", AMENDS, str(data_dir), "on_pin_ready", into=memory)
            if not args.no_desk:
                run("desk", AMENDS, str(data_dir), "on_ready", into=desk_memory)
    bare = statistics.median(times["bare"][0]), statistics.median(times["bare"][1])
    event = statistics.median(times["event"][0]), statistics.median(times["event"][1])
    print(f"{args.cases} cases; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(_line("bare PySide6 window drawn:", *times["bare"], None))
    print(_line("Amends sign-in screen painted:", *times["painted"], bare, "; goal at most 1.3x"))
    print(_line("Amends ready to check a PIN:", *times["ready"], bare, "; goal at most 2x"))
    print(f"memory (peak RSS) when ready:   median {statistics.median(memory) / 1024:7.1f} MB "
          "(goal at most 200 MB at a million cases)")
    if not args.no_desk:
        print(_line("case log open, main window:", *times["desk"], bare)
              + f"; peak RSS {statistics.median(desk_memory) / 1024:.1f} MB; no goal")
    print(_line("bare window at its Paint event:", *times["event"], None))
    painted = [statistics.median(x) for x in times["painted"]]
    print(f"  (the earlier yardstick: painted {painted[0] / event[0]:.2f}x that, "
          f"CPU {painted[1] / event[1]:.2f}x)")
    print(f"first start after seeding: {first * 1000:.0f} ms")


if __name__ == "__main__":
    main()
