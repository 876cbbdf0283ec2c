"""``amends-headoffice``: run the head-office service and administer sites, desks and policies.

The database is ``--db URL`` (before the command), else ``$AMENDS_HQ_DB``, else the SQLite file
``headoffice.sqlite3`` in the current directory. Every command migrates it to the current
schema first. Secrets (enrolment codes, admin tokens) are printed once, alone on stdout, with
the explanation on stderr, so ``CODE=$(amends-headoffice device code "Harbour")`` works; they
are stored only as SHA-256.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from headoffice import admin, roster
from headoffice.admin import AdminError
from headoffice.store import (
    DB_ENV,
    DatabaseError,
    default_db_url,
    first_line,
    open_database,
    safe_url,
    session_factory,
    transaction,
)

PROG = "amends-headoffice"
T = TypeVar("T")


class CommandError(Exception):
    """A command that cannot run; main prints the message and exits 1."""


def now() -> datetime:
    return datetime.now(UTC)


def utc_text(moment: datetime | None) -> str:
    return "never" if moment is None else moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description="Amends head office: receives the case logs of the desks.")
    parser.add_argument("--db", metavar="URL",
                        help=f"database URL (default: ${DB_ENV}, else sqlite:///./"
                             "headoffice.sqlite3); e.g. postgresql+psycopg://user@host/db")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help="run the HTTP service (uvicorn)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8750)
    serve.add_argument("--ssl-certfile", metavar="FILE", help="TLS certificate (PEM)")
    serve.add_argument("--ssl-keyfile", metavar="FILE", help="TLS private key (PEM)")
    serve.add_argument("--workers", type=int, default=1,
                       help="worker processes (more than 1 needs PostgreSQL to be useful)")
    serve.add_argument("--forwarded-allow-ips", metavar="IPS",
                       help="load balancers (addresses or networks, comma-separated) whose "
                            "X-Forwarded-For names the client; default: none")

    site = commands.add_parser("site", help="sites (properties)").add_subparsers(
        dest="action", required=True, metavar="ACTION")
    site_add = site.add_parser("add", help="add a site")
    site_add.add_argument("name")
    site_add.add_argument("--currency", required=True, help="ISO 4217 code, e.g. EUR")
    site_add.add_argument("--timezone", required=True, help="IANA zone, e.g. Europe/Paris")
    site.add_parser("list", help="list sites (id first)")

    device = commands.add_parser("device", help="desks").add_subparsers(
        dest="action", required=True, metavar="ACTION")
    code = device.add_parser("code", help="print a one-time enrolment code for a site")
    code.add_argument("site", help="site id or name")
    code.add_argument("--hours", type=float, default=24.0, help="validity (default 24)")
    device.add_parser("list", help="list enrolled desks (id first)")
    reenrol = device.add_parser(
        "reenrol", help="print a one-time code that lets this one desk enrol again (its "
                        "keychain was lost)")
    reenrol.add_argument("device", help="device id (or its name, if unique)")
    reenrol.add_argument("--hours", type=float, default=24.0, help="validity (default 24)")
    revoke = device.add_parser("revoke", help="revoke a desk's token and voucher key")
    revoke.add_argument("device", help="device id (or its name, if unique)")

    policy = commands.add_parser("policy", help="budget policies").add_subparsers(
        dest="action", required=True, metavar="ACTION")
    policy_set = policy.add_parser("set", help="publish a new policy version for a site")
    policy_set.add_argument("site", help="site id or name")
    policy_set.add_argument("file", type=Path, help="policy JSON (as the desk reads it)")

    matrix_set = commands.add_parser("matrix", help="recovery matrices").add_subparsers(
        dest="action", required=True, metavar="ACTION").add_parser(
        "set", help="publish a new recovery matrix version for a site")
    matrix_set.add_argument("site", help="site id or name")
    matrix_set.add_argument("file", type=Path, help="matrix JSON (as resources/"
                                                    "recovery_matrix.json)")

    staff = commands.add_parser("staff", help="a site's people").add_subparsers(
        dest="action", required=True, metavar="ACTION")
    staff_list = staff.add_parser("list", help="list a site's roster as its desks have sent it")
    staff_list.add_argument("site", help="site id or name")
    staff_list.add_argument("--all", action="store_true",
                            help="also those deactivated (history keeps their names)")
    staff_off = staff.add_parser(
        "deactivate", help="lock someone out of every desk of a site from its next sync")
    staff_off.add_argument("site", help="site id or name")
    staff_off.add_argument("name", help="the person's name (any case), or their staff id")

    token = commands.add_parser("admin-token",
                                help="create (default), list or revoke dashboard tokens")
    token.add_argument("--label", default="admin", help="who or what the token is for")
    token_action = token.add_mutually_exclusive_group()
    token_action.add_argument("--list", action="store_true", help="list tokens")
    token_action.add_argument("--revoke", type=int, metavar="ID", help="revoke a token")
    aggregates = commands.add_parser(
        "aggregates", help="the analysis pages' counts").add_subparsers(
        dest="action", required=True, metavar="ACTION")
    aggregates.add_parser("rebuild", help="recount every site's cases from its stored events "
                                          "(after upgrading from a head office without them)")
    commands.add_parser("verify", help="check every held chain and each desk's reported "
                                       "chain head; exit 1 and flag what does not verify")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    url = args.db or default_db_url()
    try:
        if args.command == "serve":
            return serve(url, args)
        engine = open_database(url)
        try:
            return COMMANDS[(args.command, getattr(args, "action", None))](engine, args)
        finally:
            engine.dispose()
    except (AdminError, CommandError, DatabaseError) as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 1
    except SQLAlchemyError as error:
        # E.g. the server went away mid-command; the transaction was rolled back.
        print(f"{PROG}: error: database error, nothing was changed: "
              f"{first_line(error)}", file=sys.stderr)
        return 1
    except ModuleNotFoundError as error:
        # Installed as the desk's package without head office's own libraries.
        missing = (error.name or "").partition(".")[0]
        if missing not in EXTRAS:
            raise
        print(f"{PROG}: error: head office needs its extras ({missing} is not installed): "
              "pip install 'amends[headoffice]'", file=sys.stderr)
        return 1


# What `pip install 'amends[headoffice]'` brings (pyproject.toml); psycopg only for PostgreSQL.
EXTRAS = ("fastapi", "starlette", "pydantic", "uvicorn", "psycopg")


def _in_tx(engine: Engine, work: Callable[[Session], T]) -> T:
    with transaction(session_factory(engine)) as db:
        return work(db)


# --- commands -------------------------------------------------------------------------------------


def serve(url: str, args: argparse.Namespace) -> int:
    import uvicorn

    from headoffice import findings
    from headoffice.app import PROXIES_ENV, create_app
    from headoffice.routes.deps import parse_proxies
    from headoffice.schedule import VERIFY_EVERY_ENV, verify_every_from_env

    if args.ssl_keyfile and not args.ssl_certfile:
        raise CommandError("--ssl-keyfile needs --ssl-certfile")
    for option in (args.ssl_certfile, args.ssl_keyfile):
        if option and not Path(option).is_file():
            raise CommandError(f"no such file: {option}")
    if args.workers < 1:
        raise CommandError("--workers must be at least 1")
    try:
        verify_every_from_env()
    except ValueError:
        raise CommandError(f"${VERIFY_EVERY_ENV} must be a whole number of minutes") from None
    # Migrate once, here, so a bad URL or a newer schema fails before uvicorn starts.
    open_database(url).dispose()
    tls = bool(args.ssl_certfile)
    if not tls and args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"{PROG}: warning: serving without TLS on {args.host}: tokens would cross the "
              "network in clear. Use --ssl-certfile/--ssl-keyfile or a TLS load balancer.",
              file=sys.stderr)
    print(f"{PROG}: serving {safe_url(url)} on {'https' if tls else 'http'}://{args.host}:"
          f"{args.port}", file=sys.stderr)
    try:
        proxies = parse_proxies(args.forwarded_allow_ips or "")
    except ValueError as error:
        raise CommandError(f"--forwarded-allow-ips: {error}") from None
    # The app reads X-Forwarded-For itself, and only from these load balancers: uvicorn's own
    # handling (on by default, trusting 127.0.0.1) would let a client on this host choose the
    # address it is throttled as.
    options: dict[str, object] = {"host": args.host, "port": args.port,
                                  "ssl_certfile": args.ssl_certfile,
                                  "ssl_keyfile": args.ssl_keyfile, "proxy_headers": False}
    if args.workers > 1:
        # Worker processes import the app themselves and find their settings in the env.
        os.environ[DB_ENV] = url
        os.environ[PROXIES_ENV] = args.forwarded_allow_ips or ""
        uvicorn.run("headoffice.app:app_from_env", factory=True, workers=args.workers,
                    **options)  # type: ignore[arg-type]
    else:
        uvicorn.run(create_app(url, trusted_proxies=proxies, check_chains=True,
                               check_every=verify_every_from_env(),
                               findings_every=findings.EVERY),
                    **options)  # type: ignore[arg-type]
    return 0


def site_add(engine: Engine, args: argparse.Namespace) -> int:
    site = _in_tx(engine, lambda db: admin.add_site(db, name=args.name, currency=args.currency,
                                                    timezone=args.timezone, now=now()))
    print(f"{site.id}\t{site.name}\t{site.currency}\t{site.timezone}")
    return 0


def site_list(engine: Engine, _args: argparse.Namespace) -> int:
    sites = _in_tx(engine, admin.list_sites)
    if not sites:
        print("no sites yet: add one with 'amends-headoffice site add'", file=sys.stderr)
    for site in sites:
        print(f"{site.id}\t{site.name}\t{site.currency}\t{site.timezone}")
    return 0


def device_code(engine: Engine, args: argparse.Namespace) -> int:
    if not 0 < args.hours <= 24 * 30:
        raise CommandError("--hours must be more than 0 and at most 720")
    issued = _in_tx(engine, lambda db: admin.issue_code(
        db, args.site, now=now(), valid_for=timedelta(hours=args.hours)))
    print(issued.code)
    print(f"One desk at {issued.site.name} may enrol with this code, once, until "
          f"{utc_text(issued.expires_at)}: amends enroll URL CODE", file=sys.stderr)
    return 0


def device_reenrol(engine: Engine, args: argparse.Namespace) -> int:
    if not 0 < args.hours <= 24 * 30:
        raise CommandError("--hours must be more than 0 and at most 720")
    issued = _in_tx(engine, lambda db: admin.issue_reenrol_code(
        db, args.device, now=now(), valid_for=timedelta(hours=args.hours)))
    print(issued.code)
    print(f"Only desk {issued.device.id} ({issued.device.name}) may enrol again with this "
          f"code, once, until {utc_text(issued.expires_at)}: amends enroll URL CODE. Its old "
          "token stops working when it does.", file=sys.stderr)
    return 0


def device_list(engine: Engine, _args: argparse.Namespace) -> int:
    rows = _in_tx(engine, admin.list_devices)
    if not rows:
        print("no desks enrolled yet", file=sys.stderr)
    for device, site in rows:
        status = f"revoked {utc_text(device.revoked_at)}" if device.revoked_at else "active"
        print(f"{device.id}\t{site.name}\t{device.name}\t{status}\t"
              f"last sync {utc_text(device.last_sync_at)}\tseq {device.last_seq}")
    return 0


def device_revoke(engine: Engine, args: argparse.Namespace) -> int:
    device, newly = _in_tx(engine, lambda db: admin.revoke_device(db, args.device, now=now()))
    if newly:
        print(f"revoked {device.id} ({device.name}): its token and voucher key no longer work")
    else:
        print(f"{device.id} ({device.name}) was already revoked on "
              f"{utc_text(device.revoked_at)}")
    return 0


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CommandError(f"no such file: {path}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError(f"cannot read {path}: {error}") from None


def policy_set(engine: Engine, args: argparse.Namespace) -> int:
    text = _read(args.file)
    row = _in_tx(engine, lambda db: admin.set_policy(db, args.site, text, now=now()))
    print(f"policy version {row.version} set for site {row.site_id}")
    return 0


def matrix_set(engine: Engine, args: argparse.Namespace) -> int:
    from headoffice.publish import set_matrix

    text = _read(args.file)
    row = _in_tx(engine, lambda db: set_matrix(db, admin.find_site(db, args.site), text,
                                               now=now(), by="command line"))
    print(f"recovery matrix version {row.version} set for site {args.site}")
    return 0


def staff_list(engine: Engine, args: argparse.Namespace) -> int:
    def work(db: Session) -> tuple[str, list[roster.RosterLine]]:
        site = admin.find_site(db, args.site)
        return site.name, roster.site_roster(db, site)

    site_name, lines = _in_tx(engine, work)
    shown = [line for line in lines if args.all or line.active]
    if not shown:
        print(f"no staff known at {site_name} yet: desks send their roster when they sync",
              file=sys.stderr)
    for line in shown:
        status = "active" if line.active else (
            "deactivated by head office" if line.retired_here else "deactivated")
        print(f"{line.id}\t{line.name}\t{line.role}\t{status}\tadded at {line.desk}")
    return 0


def staff_deactivate(engine: Engine, args: argparse.Namespace) -> int:
    site, line = _in_tx(engine, lambda db: roster.deactivate(db, args.site, args.name,
                                                              now=now()))
    print(f"deactivated {line.name} ({line.id}) at {site.name}: every desk of the site locks "
          "them out at its next sync")
    return 0


def admin_token(engine: Engine, args: argparse.Namespace) -> int:
    if args.list:
        for row in _in_tx(engine, admin.list_admin_tokens):
            status = f"revoked {utc_text(row.revoked_at)}" if row.revoked_at else "active"
            print(f"{row.id}\t{row.label}\tcreated {utc_text(row.created_at)}\t{status}")
        return 0
    if args.revoke is not None:
        row = _in_tx(engine, lambda db: admin.revoke_admin_token(db, args.revoke, now=now()))
        print(f"admin token {row.id} ({row.label}) revoked")
        return 0
    row, token = _in_tx(engine, lambda db: admin.create_admin_token(db, label=args.label,
                                                                    now=now()))
    print(token)
    print(f"Admin token {row.id} ({row.label}): give it as the password when the dashboard "
          "asks (any user name). It is shown only now.", file=sys.stderr)
    return 0


def verify(engine: Engine, _args: argparse.Namespace) -> int:
    from headoffice.schedule import verify_and_record

    report = verify_and_record(session_factory(engine), now())
    for finding in report.findings:
        print(f"FAIL\t{finding.kind}\t{finding.detail}")
    print(report.summary())
    return 0 if report.ok else 1


def aggregates_rebuild(engine: Engine, _args: argparse.Namespace) -> int:
    from headoffice.aggregates import rebuild
    from headoffice.models import Site

    for site in _in_tx(engine, lambda db: list(db.scalars(select(Site).order_by(Site.name)))):
        # One site per transaction, under the site's push lock: no push interleaves.
        counted = _in_tx(engine, partial(_locked_rebuild, site_id=site.id, rebuild=rebuild))
        print(f"{site.id}\t{site.name}\t{counted} case(s)")
    return 0


def _locked_rebuild(db: Session, *, site_id: str, rebuild: Callable[[Session, str], int]) -> int:
    from headoffice.models import Site

    db.execute(select(Site.id).where(Site.id == site_id).with_for_update())
    return rebuild(db, site_id)


COMMANDS: dict[tuple[str, str | None], Callable[[Engine, argparse.Namespace], int]] = {
    ("site", "add"): site_add,
    ("site", "list"): site_list,
    ("device", "code"): device_code,
    ("device", "list"): device_list,
    ("device", "reenrol"): device_reenrol,
    ("device", "revoke"): device_revoke,
    ("policy", "set"): policy_set,
    ("matrix", "set"): matrix_set,
    ("staff", "list"): staff_list,
    ("staff", "deactivate"): staff_deactivate,
    ("admin-token", None): admin_token,
    ("verify", None): verify,
    ("aggregates", "rebuild"): aggregates_rebuild,
}
