"""Entry point of the frozen app (PyInstaller): the same as the `amends` command.

A windowed Windows executable has no console, so sys.stdout and sys.stderr are None there and
the first print (argparse's --version, the doctor) would raise; they go to the null device
instead. For console output on Windows use amends-cli.exe, built beside amends.exe.
"""

from __future__ import annotations

import os
import sys


def _main() -> int:
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    from desktop.cli import main

    return main()


if __name__ == "__main__":
    sys.exit(_main())
