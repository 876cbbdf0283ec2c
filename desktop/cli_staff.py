"""``amends staff``: the site's staff list from a terminal (list, add, role, deactivate,
reset-pin).

Every change is authorised by a manager's PIN: ``--manager NAME`` names the manager, and
without it the desk's only active manager is asked (with several, the command says to choose).
PINs are read as ``amends voucher redeem`` reads one: without echo (getpass) on a terminal, else
one line each from standard input, in the order asked: the manager's PIN, then (``add``) the
new person's PIN twice. A PIN never goes on the command line (other users see arguments).

Exit status: 0 done; 1 refused (wrong PIN, the two PINs differ, a rule of the desk says no);
2 a usage error (a name that matches nobody or several people, no PIN on standard input,
no manager named where several could authorise). Nothing is written unless the command
says it was done.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from desktop.cli_common import open_existing_desk, read_pin

if TYPE_CHECKING:
    from pathlib import Path

    from desktop.core.desk import Desk
    from desktop.core.views import StaffMember


class Stop(Exception):
    """The command ends here, after saying why on stderr, with this exit status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def add_staff_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``amends staff ACTION``, added to the ``amends`` command's subcommands."""
    staff = commands.add_parser(
        "staff", help="list the staff, add someone, change a role, deactivate, reset a "
                      "forgotten PIN",
        description="Each change asks for a manager's PIN (and 'add' for the new person's, "
                    "twice): without echo on a terminal, else one line of standard input "
                    "each, in that order.")
    actions = staff.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", help="everyone, deactivated people too")
    name_help = "the person as named in 'amends staff list' (any case), or their id"
    manager_help = ("the manager who authorises this (asked for their PIN); default: the "
                    "desk's only active manager")
    add = actions.add_parser("add", help="add someone (asks for their PIN twice)")
    add.add_argument("name", metavar="NAME", help="the new person's name")
    add.add_argument("--role", required=True, metavar="ROLE", help="agent, supervisor or manager")
    role = actions.add_parser("role", help="change someone's role")
    role.add_argument("name", metavar="NAME", help=name_help)
    role.add_argument("role", metavar="ROLE", help="agent, supervisor or manager")
    deactivate = actions.add_parser("deactivate", help="never let someone sign in again (their "
                                                       "name stays in the history)")
    deactivate.add_argument("name", metavar="NAME", help=name_help)
    reset = actions.add_parser("reset-pin", help="forget someone's PIN: they choose a new one "
                                                 "at their next sign-in")
    reset.add_argument("name", metavar="NAME", help=name_help)
    for action in (add, role, deactivate, reset):
        action.add_argument("--manager", metavar="NAME", help=manager_help)


def staff_command(data_dir: Path, args: argparse.Namespace) -> int:
    """Run ``amends staff ACTION`` on the desk in ``data_dir``; the exit status."""
    from desktop.core.errors import DeskError
    from desktop.ui.labels import desk_error

    desk = open_existing_desk(data_dir)
    if desk is None:
        return 1
    try:
        if args.action == "list":
            print(roster_table(desk))
            return 0
        print(_change(desk, args))
        return 0
    except Stop as stop:
        print(stop.message, file=sys.stderr)
        return stop.status
    except DeskError as error:
        print(f"Cannot do that: {desk_error(error)}", file=sys.stderr)
        return 1
    finally:
        desk.close()


def _change(desk: Desk, args: argparse.Namespace) -> str:
    """Make one change, authorised by a manager; what was done, in a sentence."""
    from desktop.core.errors import DeskError, Refusal
    from desktop.core.staff import ROLES
    from desktop.ui.labels import role_name

    # Everything that can be checked without a PIN is checked before any PIN is asked for.
    if args.action in ("add", "role") and args.role not in ROLES:
        raise DeskError(Refusal.UNKNOWN_ROLE, args.role)
    person = None if args.action == "add" else _person(desk, args.name)
    manager = _authorising_manager(desk, args.manager)
    _check_manager_pin(desk, manager)
    by = f"authorised by {manager.name}"
    if args.action == "add":
        pin = _new_pin(args.name.strip())
        added = desk.staff.add(args.name, args.role, pin, by=manager.id)
        return f"Added {added.name} as {role_name(added.role)} ({by})."
    assert person is not None
    if args.action == "role":
        changed = desk.staff.set_role(person.id, args.role, by=manager.id)
        return f"{changed.name} is now {role_name(changed.role)} ({by})."
    if args.action == "deactivate":
        desk.staff.deactivate(person.id, by=manager.id)
        return f"Deactivated {person.name}: they can no longer sign in ({by})."
    desk.staff.reset_pin(person.id, by=manager.id)
    return f"Reset {person.name}'s PIN: they choose a new one at their next sign-in ({by})."


def _person(desk: Desk, name: str) -> StaffMember:
    """The one person called ``name`` (or with that id); Stop(2) naming the roster if none."""
    from desktop.core.errors import DeskError, Refusal
    from desktop.ui.labels import desk_error

    wanted = name.strip()
    by_id = [m for m in desk.staff.roster(include_inactive=True) if m.id == wanted]
    if by_id:
        return by_id[0]
    try:
        return desk.staff.find(wanted)
    except DeskError as error:
        if error.refusal is Refusal.UNKNOWN_STAFF:
            everyone = desk.staff.roster(include_inactive=True)
            if any(_same(m.name, wanted) for m in everyone):  # only someone deactivated
                raise DeskError(Refusal.STAFF_INACTIVE, wanted) from None
            raise Stop(2, f"Nobody called {name!r} is on this desk's staff list. Staff: "
                          + ", ".join(m.name for m in everyone if m.active) + ".") from None
        if error.refusal is Refusal.STAFF_NAME_AMBIGUOUS:
            same = [m for m in desk.staff.roster() if _same(m.name, wanted)]
            ids = ", ".join(f"{m.id}{_hint(m)}" for m in same)
            raise Stop(2, f"{desk_error(error)}\nGive the id instead of the name: "
                          f"{ids}.") from None
        raise


def _authorising_manager(desk: Desk, name: str | None) -> StaffMember:
    """The manager named with --manager, or the only active one; Stop otherwise."""
    from desktop.core.errors import Refusal
    from desktop.ui.labels import refusal_text

    if name is not None:
        manager = _person(desk, name)
        if not manager.active or manager.role != "manager":
            # The core refuses it anyway; saying so now spares typing a PIN for nothing.
            raise Stop(1, f"Cannot do that: {manager.name}: "
                          f"{refusal_text(Refusal.NOT_A_MANAGER)}")
        return manager
    managers = [m for m in desk.staff.roster() if m.role == "manager"]
    if len(managers) == 1:
        return managers[0]
    if not managers:
        raise Stop(1, f"Cannot do that: {refusal_text(Refusal.NOT_A_MANAGER)}")
    raise Stop(2, "This desk has several managers ("
                  + ", ".join(m.name for m in managers)
                  + "): say which one authorises this with --manager NAME.")


def _check_manager_pin(desk: Desk, manager: StaffMember) -> None:
    """Read the manager's PIN and check it (wrong tries count, as at sign-in)."""
    pin = read_pin(f"PIN for {manager.name} (manager): ")
    if pin is None:
        raise Stop(2, f"No PIN for {manager.name} given on standard input.")
    answer = desk.shifts.check_pin(manager.id, pin)
    if answer is None:
        return
    if answer.wrong_pin:
        wait = f" Wait {answer.wait_seconds} s before the next try." if answer.wait_seconds else ""
        raise Stop(1, f"Wrong PIN for {manager.name}. Nothing was changed.{wait}")
    raise Stop(1, f"Too many wrong PINs for {manager.name}: try again in "
                  f"{answer.wait_seconds} s. Nothing was changed.")


def _new_pin(name: str) -> str:
    """The new person's PIN, typed twice; Stop(1) with the desk's wording if they differ."""
    from desktop.core.errors import Refusal
    from desktop.ui.labels import refusal_text

    first = read_pin(f"New PIN for {name}: ")
    again = read_pin(f"{name}'s new PIN again: ") if first is not None else None
    if first is None or again is None:
        raise Stop(2, f"The new PIN for {name} must be given twice on standard input "
                      "(after the manager's PIN, one line each).")
    if first != again:
        raise Stop(1, f"Cannot do that: {refusal_text(Refusal.PIN_MISMATCH)} "
                      "Nothing was changed.")
    return first


def _same(name: str, wanted: str) -> bool:
    return name.strip().casefold() == wanted.strip().casefold()


def _hint(member: StaffMember) -> str:
    return f" (added at desk {member.desk_hint})" if member.desk_hint else ""


def roster_table(desk: Desk) -> str:
    """Everyone on the staff list, deactivated people too, in aligned columns."""
    from desktop.ui.labels import role_name

    rows = [("NAME", "ROLE", "STATUS", "PIN", "ID")]
    for member in desk.staff.roster(include_inactive=True):
        rows.append((member.name + _hint(member), role_name(member.role),
                     "active" if member.active else "deactivated",
                     "-" if not member.active else
                     "must set a new PIN" if member.must_set_pin else "set",
                     member.id))
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]) - 1)]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
                     + "  " + row[-1] for row in rows)
