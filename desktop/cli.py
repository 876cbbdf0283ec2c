"""The `amends` command: starts the desk app, or runs a maintenance command.

Qt and the rest of the app are imported only when needed, so `amends --version` and the
maintenance commands start fast and work on a machine without a screen.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="amends", description="Guided service recovery for the front desk.")
    parser.add_argument("--version", action="version", version=f"Amends {__version__}")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="where the case log and settings live (default: $AMENDS_HOME, "
                             "else the user data folder)")
    parser.add_argument("--demo", action="store_true",
                        help="start on the demo site, creating it first in an empty data dir")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("doctor", help="check the data dir, database, event chain and keychain")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from desktop.core.desk import resolve_data_dir

    data_dir = resolve_data_dir(args.data_dir)
    if args.command == "doctor":
        return doctor(data_dir)
    from desktop.ui.app import run_app

    return run_app(data_dir, demo=args.demo)


def doctor(data_dir: Path) -> int:
    from desktop.core.doctor import Status, run_checks

    checks = run_checks(data_dir)
    for check in checks:
        print(check.line())
    failed = [c for c in checks if c.status is Status.FAIL]
    if failed:
        print(f"{len(failed)} check(s) failed.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
