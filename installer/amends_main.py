"""Entry point of the frozen app (PyInstaller): the same as the `amends` command.

A windowed Windows executable has no console, so sys.stdout and sys.stderr are None there and
the first print (argparse's --version, the doctor) would raise; they go to the null device
instead. For console output on Windows use amends-cli.exe, built beside amends.exe.

Redirected to a file or a pipe (`amends-cli doctor > doctor.txt`, build.sh's smoke test in Git
Bash), Windows' streams use the ANSI code page (cp1252), which cannot encode the doctor's "→":
the doctor died with UnicodeEncodeError. Such streams write UTF-8 instead; a console window is
unaffected (Python writes to it in UTF-16).

Spawned processes (the doctor's chain check, a big seed) start this executable again:
``multiprocessing.freeze_support()`` makes such a start the piece it was asked for.
"""

from __future__ import annotations

import os
import sys


def _main() -> int:
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
        elif sys.platform == "win32" and not stream.isatty() and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    from desktop.cli import main

    return main()


if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        # The doctor's chain check and a big seed-demo run pieces in spawned processes: a
        # frozen app is started again for each, and must then be that piece, not the app.
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(_main())
