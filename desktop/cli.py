"""The `amends` command: starts the desk app, or runs a maintenance command.

Qt and the rest of the app are imported only when needed, so `amends --version` and the
maintenance commands start fast and work on a machine without a screen.

Exit status: 0 when the command did what was asked (a voucher checked VALID, or was redeemed),
1 when it could not (any other voucher outcome, a wrong PIN, no desk in the data dir), 2 on a
usage error (argparse's own, or a staff name that matches nobody).

``amends voucher redeem`` asks for the PIN with getpass when stdin is a terminal; when stdin is
not a terminal (a script, a pipe) it reads the PIN from the first line of stdin instead, so
``echo 1234 | amends voucher redeem CODE --staff "Maya Torres"`` works. Never put a PIN on
the command line itself: other users can see a process's arguments. ``amends staff`` (the
staff list, with a manager's PIN for each change) is in ``desktop/cli_staff.py``, ``amends
voucher`` in ``desktop/cli_voucher.py``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from desktop import __version__
from desktop.cli_common import open_existing_desk
from desktop.cli_print import add_print_parser, print_command
from desktop.cli_staff import add_staff_parser
from desktop.core.languages import GUEST_LANGUAGES


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="amends", description="Guided service recovery for the front desk.")
    parser.add_argument("--version", action="version", version=f"Amends {__version__}")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="where the case log and settings live (default: $AMENDS_HOME, "
                             "else the user data folder)")
    parser.add_argument("--high-contrast", action="store_true", default=None,
                        help="white on black with a bright focus ring (also: "
                             "AMENDS_HIGH_CONTRAST=1)")
    parser.add_argument("--demo", action="store_true",
                        help="start on the demo site, creating it first in an empty data dir")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("doctor", help="check the data dir, database, event chain and keychain")

    voucher = commands.add_parser("voucher", help="check or redeem a voucher")
    actions = voucher.add_subparsers(dest="action", metavar="ACTION", required=True)
    code_help = "the code as printed (any case, dashes optional) or the scanned QR text"
    check = actions.add_parser("check", help="say whether a voucher can be redeemed")
    check.add_argument("code", metavar="CODE", help=code_help)
    redeem = actions.add_parser("redeem", help="redeem a voucher (asks for the PIN)")
    redeem.add_argument("code", metavar="CODE", help=code_help)
    redeem.add_argument("--staff", required=True, metavar="NAME",
                        help="who is redeeming it, as named on the sign-in screen")

    enroll = commands.add_parser("enroll", help="join head office with a one-time code")
    enroll.add_argument("url", metavar="URL", help="head office's address, e.g. "
                                                   "https://hq.example.com:8750")
    enroll.add_argument("code", metavar="CODE", help="the code from 'amends-headoffice device "
                                                     "code SITE', or 'device reenrol DEVICE' "
                                                     "for a desk whose keychain was lost (any "
                                                     "case, dashes optional); a desk that "
                                                     "still has its key proves it by itself")
    enroll.add_argument("--name", metavar="NAME", help="what head office calls this desk")
    sync = commands.add_parser("sync", help="send this desk's events to head office and fetch "
                                            "the other desks' and the policy")
    sync.add_argument("--now", action="store_true",
                      help="sync once now and say what moved (without it: show the state)")
    sync.add_argument("--batch-size", type=int, metavar="N",
                      help="events per push (default 2000, as the app)")

    slip = commands.add_parser("slip", help="voucher and apology slips")
    slip_actions = slip.add_subparsers(dest="action", metavar="ACTION", required=True)
    sample = slip_actions.add_parser("sample", help="write a sample slip as PDF (to try a "
                                                    "printer or a layout)")
    sample.add_argument("--kind", required=True, choices=("voucher", "apology"))
    sample.add_argument("--size", default="roll80", choices=("roll80", "a4", "letter"),
                        help="80 mm receipt roll (default), A4 or US Letter")
    sample.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    sample.add_argument("--reprint", action="store_true", help="mark it as a reprint")
    sample.add_argument("--language", default="en", choices=GUEST_LANGUAGES,
                        help="the guest's language the slip is worded in (default: en)")
    add_print_parser(slip_actions)
    report = commands.add_parser("report", help="the supervisor's review of a date range as "
                                                "PDF or CSV")
    report.add_argument("--from", dest="first", required=True, type=_date, metavar="DATE",
                        help="first day, YYYY-MM-DD (site time)")
    report.add_argument("--to", dest="last", required=True, type=_date, metavar="DATE",
                        help="last day, YYYY-MM-DD (site time), included")
    report.add_argument("--format", required=True, choices=("pdf", "csv"))
    report.add_argument("--out", required=True, type=Path, metavar="FILE")
    seed = commands.add_parser("seed-demo", help="add years of realistic history (for demos, "
                                                 "training and benchmarks)")
    seed.add_argument("--cases", required=True, type=int, metavar="N")
    seed.add_argument("--years", type=float, default=2.0)
    add_staff_parser(commands)
    return parser


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from desktop.core.paths import resolve_data_dir

    data_dir = resolve_data_dir(args.data_dir)
    if args.command == "doctor":
        return doctor(data_dir)
    if args.command == "voucher":
        from desktop.cli_voucher import voucher_command

        return voucher_command(data_dir, args.action, args.code, getattr(args, "staff", None))
    if args.command == "enroll":
        return enroll_command(data_dir, args.url, args.code, args.name)
    if args.command == "sync":
        return sync_command(data_dir, now=args.now, batch_size=None if args.batch_size is None
                            else max(args.batch_size, 1))
    if args.command == "slip" and args.action == "print":
        return print_command(data_dir, args.kind, args.target, args.printer, size=args.size)
    if args.command == "slip":
        return slip_sample(args.kind, args.size, args.out, reprint=args.reprint,
                           language=args.language)
    if args.command == "report":
        return report_command(data_dir, args.first, args.last, args.format, args.out)
    if args.command == "seed-demo":
        return seed_command(data_dir, args.cases, args.years)
    if args.command == "staff":
        from desktop.cli_staff import staff_command

        return staff_command(data_dir, args)
    from desktop.ui.app import run_app

    return run_app(data_dir, demo=args.demo, high_contrast=args.high_contrast)


def report_command(data_dir: Path, first: date, last: date, fmt: str, out: Path) -> int:
    if last < first:
        print("--to is before --from.", file=sys.stderr)
        return 2
    desk = open_existing_desk(data_dir)
    if desk is None:
        return 1
    try:
        site = desk.site.info()
        review = desk.review(first, last)
        if fmt == "csv":
            from desktop.core.review_csv import review_csv

            data = review_csv(review, site.zone).encode("utf-8")
        else:
            from desktop.core.money import format_money
            from desktop.slips.review_report import render_review

            data = render_review(review, site.name,
                                 lambda minor: format_money(minor, site.currency, site.locale))
    finally:
        desk.close()
    try:
        out.write_bytes(data)
    except OSError as error:
        print(f"Cannot write {out}: {error.strerror}", file=sys.stderr)
        return 1
    print(f"{len(review.grants)} gestures, {review.case_count} cases, "
          f"{review.total_spend} {site.currency} minor units -> {out}")
    return 0


def seed_command(data_dir: Path, cases: int, years: float) -> int:
    if cases < 1 or years <= 0:
        print("--cases must be at least 1 and --years above 0.", file=sys.stderr)
        return 2
    from db.store import StoreError
    from desktop.core.desk import Desk

    try:
        desk = Desk.open(data_dir)
    except StoreError as error:
        print(error, file=sys.stderr)
        return 1
    try:
        if not desk.site.exists():
            # An empty data dir (or one never set up): history needs a site, so the demo
            # site comes first, as `amends --demo` would make it.
            from desktop.core.demo import create_demo_site

            site = create_demo_site(desk)
            print(f"Made the demo site {site.name} in {data_dir}.")
        import os

        # What is there is verified first (every core): history is never added to a chain
        # that does not verify, and the checkpoint reaches its head.
        checked = desk.chain.verify_all(processes=min(os.cpu_count() or 1, 8))
        if checked.fault is not None:
            print(f"The case log does not verify: {checked.fault.describe()}; nothing added.",
                  file=sys.stderr)
            return 1
        from desktop.core.chain import merge_heads
        from desktop.core.seed import seed_history, seeded_head

        written = seed_history(desk, cases, years=years)
        # Each seeded event was sealed over the very text stored, onto that verified head:
        # the checkpoint moves to the new head without reading it all back, so the next
        # start checks only what comes after. The whole chain is still checked by the
        # doctor and in the background after every start.
        desk.chain.advance(merge_heads(desk.chain.checkpoint() or {}, seeded_head(desk)))
    finally:
        desk.close()
    print(f"Added {cases} cases ({written} events) over {years:g} years to {data_dir}.")
    return 0


def doctor(data_dir: Path) -> int:
    from desktop.core.doctor import Status, run_checks
    from desktop.sync.health import probe_head_office

    checks = run_checks(data_dir, printers=_printer_lister(), head_office=probe_head_office,
                        progress=_chain_progress())
    for check in checks:
        print(check.line())
    failed = [c for c in checks if c.status is Status.FAIL]
    if failed:
        print(f"{len(failed)} check(s) failed.", file=sys.stderr)
        return 1
    return 0


def _chain_progress() -> Callable[[int, int], None] | None:
    """On a terminal, the whole-chain check's progress on one line of stderr (a million cases
    take seconds); nothing in a pipe or a log."""
    if not sys.stderr.isatty():
        return None
    import time

    started = [time.perf_counter()]

    def show(done: int, total: int) -> None:
        if done == 0:  # the check starts now (after SQLite's own integrity check)
            started[0] = time.perf_counter()
        rate = done / max(time.perf_counter() - started[0], 1e-9)
        end = "\n" if done >= total else ""
        print(f"\rVerifying the event chain: {done:,} of {total:,} events "
              f"({100 * done // max(total, 1)} %, {rate:,.0f}/s)", end=end, file=sys.stderr,
              flush=True)

    return show


def _printer_lister() -> Callable[[], tuple[list[str], str]] | None:
    """Qt's printer list for the doctor, or None where Qt's print support cannot load."""
    try:
        from desktop.ui.printing import list_printers
    except ImportError:  # a broken Qt install: the doctor still runs its other checks
        return None
    return list_printers


def enroll_command(data_dir: Path, url: str, code: str, name: str | None) -> int:
    """``amends enroll URL CODE``: join head office; the token goes to the keychain."""
    from desktop.sync.client import enroll
    from desktop.sync.errors import EnrolError

    desk = open_existing_desk(data_dir)
    if desk is None:
        return 1
    try:
        warning = desk.secret_store.warning()
        if warning:
            print(warning, file=sys.stderr)
        site = enroll(desk, url, code, name)
    except EnrolError as error:
        print(f"Not enrolled: {error}", file=sys.stderr)
        return 1
    finally:
        desk.close()
    print(f"Enrolled with head office as a desk of {site.get('site_name', '?')} "
          f"({site.get('currency', '?')}). Run 'amends sync --now' to send this desk's events.")
    return 0


def sync_command(data_dir: Path, *, now: bool, batch_size: int | None = None) -> int:
    """``amends sync --now``: one round, then what moved; exit 1 if anything failed."""
    from desktop.sync.client import PUSH_BATCH, sync_once

    desk = open_existing_desk(data_dir)
    if desk is None:
        return 1
    try:
        if not now:
            state = desk.ledger.state()
            if not state.enrolled:
                print("Not connected to head office (amends enroll URL CODE).")
                return 1
            print(f"Head office {state.url}: {state.pending} event(s) waiting to be sent, "
                  f"policy v{state.policy_version} from head office."
                  + (f" Pulling is stuck: {state.pull_fault}" if state.pull_fault else "")
                  + (f" {state.held} event(s) of other desks held back, not applied (amends "
                     "doctor says why)." if state.held else ""))
            return 0
        report = sync_once(desk, batch_size=batch_size or PUSH_BATCH)
    finally:
        desk.close()
    summary = report.summary()
    print(summary[:1].upper() + summary[1:] + ".")
    for error in report.errors:
        print(f"Sync failed: {error}", file=sys.stderr)
    return 0 if report.ok else 1


def slip_sample(kind: str, size: str, out: Path, *, reprint: bool = False,
                language: str = "en") -> int:
    """``amends slip sample``: write a sample slip PDF, made with a public demo key."""
    from desktop.slips import (
        PageSize,
        render_apology,
        render_voucher,
        sample_apology,
        sample_voucher,
    )

    page = PageSize(size)
    if kind == "voucher":
        pdf = render_voucher(sample_voucher(reprint=reprint, language=language), page)
    else:
        pdf = render_apology(sample_apology(reprint=reprint, language=language), page)
    try:
        out.write_bytes(pdf)
    except OSError as error:
        print(f"Cannot write {out}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"Wrote a sample {kind} slip ({size}, {language}) to {out}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
