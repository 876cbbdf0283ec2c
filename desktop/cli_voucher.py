"""``amends voucher check|redeem``: what a voucher is, in one line, and redeeming it with the
PIN of the person at the desk (read without echo, or from standard input when it is not a
terminal; never from the command line, where other users can see it).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli_common import open_existing_desk, read_pin

if TYPE_CHECKING:
    from desktop.core.desk import Desk
    from desktop.core.views import StaffMember, VoucherCheck


def voucher_command(data_dir: Path, action: str, code: str, staff_name: str | None) -> int:
    """``amends voucher check|redeem``: one line saying what the voucher is, exit 0 if VALID."""
    from desktop.core.errors import DeskError

    desk = open_existing_desk(data_dir)
    if desk is None:
        return 1
    try:
        if action == "check":
            check = desk.vouchers.check(code)
        else:
            member = _staff_named(desk, staff_name or "")
            if member is None:
                return 2
            pin = read_pin(f"PIN for {member.name}: ")
            if pin is None:
                print("No PIN given on stdin.", file=sys.stderr)
                return 2
            open_before = desk.shifts.open_shift_id(member.id)
            answer = desk.shifts.sign_in(member.id, pin)
            if answer.on_shift is None:
                print("Wrong PIN." if answer.wrong_pin else
                      f"Too many wrong PINs: try again in {answer.wait_seconds} s.",
                      file=sys.stderr)
                return 1
            try:
                check = desk.vouchers.redeem(answer.on_shift, code)
            finally:
                if open_before is None:
                    # Signing in started a shift just for this; do not leave it open.
                    desk.shifts.end(answer.on_shift)
        print(describe_check(desk, check))
        return 0 if check.ok else 1
    except DeskError as error:
        from desktop.ui.labels import desk_error

        print(f"Cannot do that: {desk_error(error)}", file=sys.stderr)
        return 1
    finally:
        desk.close()


def _staff_named(desk: Desk, name: str) -> StaffMember | None:
    """The one active staff member called ``name`` (case and spacing ignored), or their id."""
    wanted = " ".join(name.split()).casefold()
    found = [m for m in desk.staff.roster() if m.id == name or m.name.casefold() == wanted]
    if len(found) == 1:
        return found[0]
    if found:
        print(f"More than one person is called {name!r}; give their id: "
              + ", ".join(m.id for m in found), file=sys.stderr)
    else:
        print(f"Nobody called {name!r} works this desk. Staff: "
              + ", ".join(m.name for m in desk.staff.roster()), file=sys.stderr)
    return None


def describe_check(desk: Desk, check: VoucherCheck) -> str:
    """One plain English line for a voucher check, times in the site's time zone."""
    from datetime import datetime

    from babel.dates import format_date, format_time

    from desktop.core.money import babel_locale, format_money
    from desktop.core.views import VoucherOutcome

    site = desk.site.info()
    locale = babel_locale(site.locale)

    def when(moment: datetime) -> str:
        local = desk.site.local_time(moment)
        day = format_date(local, "medium", locale=locale)
        return f"{day} {format_time(local, 'short', locale=locale)}"

    v = check.voucher
    outcome = check.outcome
    if outcome is VoucherOutcome.MISTYPED:
        status = check.code_status.value if check.code_status else "unreadable"
        return f"MISTYPED: that cannot be a voucher code ({status}); check it and type it again."
    if outcome is VoucherOutcome.FORGED:
        why = check.token_failure.value if check.token_failure else check.detail
        return (f"FORGED: this voucher does not verify ({why}). Keep the slip and call a "
                "supervisor.")
    if v is None:
        return f"UNKNOWN: no voucher with that code at {site.name}."
    what = (f"{v.display_code}, {format_money(v.value_minor, v.currency, site.locale)}"
            f"{', ' + v.description if v.description else ''}"
            f"{', for ' + v.guest_name if v.guest_name else ''}")
    last_day = format_date(v.expires_on, "long", locale=locale)
    if outcome is VoucherOutcome.VALID:
        unsynced = ("" if v.synced else
                    " Issued at another desk and not synced here yet: checked by its signature.")
        if check.redeemed_now and v.redeemed_at is not None:
            by = f" by {v.redeemed_by_name}" if v.redeemed_by_name else ""
            return f"REDEEMED: {what}, on {when(v.redeemed_at)}{by}.{unsynced}"
        return f"VALID: {what}; valid until {last_day}.{unsynced}"
    if outcome is VoucherOutcome.ALREADY_REDEEMED and v.redeemed_at is not None:
        where = "this desk" if check.redeemed_here else f"desk {v.redeemed_device}"
        by = f" by {v.redeemed_by_name}" if v.redeemed_by_name else ""
        return (f"ALREADY REDEEMED: {what} was redeemed on {when(v.redeemed_at)} at "
                f"{where}{by}.")
    if outcome is VoucherOutcome.VOIDED and v.voided_at is not None:
        reason = f" ({v.void_reason})" if v.void_reason else ""
        return f"VOIDED: {what} was voided on {when(v.voided_at)}{reason}."
    if outcome is VoucherOutcome.EXPIRED:
        return f"EXPIRED: {what} was valid until {last_day}."
    return f"{outcome.name}: {what}."
