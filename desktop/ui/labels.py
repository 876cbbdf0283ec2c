"""Translated words for the keys the core uses (steps, categories, limits, problems).

The core speaks in keys and enums; this is the one place that turns them into text a person
reads, through Qt's translation functions so every language gets them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop.core.errors import DeskError, Refusal

if TYPE_CHECKING:
    from desktop.core.budget import ApprovalRefusal, Limit
    from desktop.core.money import AmountProblem
    from desktop.sync.errors import SyncError, SyncProblem


# lupdate finds strings only in calls it knows, such as ``translate("Context", "text")``; a
# helper taking the text alone would hide every string here from the translators.
translate = QCoreApplication.translate


def step_name(step: str) -> str:
    return {
        "listen": translate("Labels", "Listen"),
        "apologise": translate("Labels", "Apologise"),
        "review": translate("Labels", "Review"),
        "fix": translate("Labels", "Fix and make good"),
        "followup": translate("Labels", "Follow up"),
        "document": translate("Labels", "Document"),
        "closed": translate("Labels", "Closed"),
    }.get(step, step)


def step_prompt(step: str) -> str:
    """What good looks like at each step: a reminder, not a script to read out."""
    return {
        "listen": translate(
            "Labels", "Let the guest tell it their way, without interrupting. Note it in their "
                      "words, not yours."),
        "apologise": translate(
            "Labels", "Say sorry sincerely and personally, for how it felt to them. No "
                      "excuses, no blaming colleagues."),
        "review": translate(
            "Labels", "Check with the guest what went wrong from their side, and ask what a good "
                      "outcome would be for them."),
        "fix": translate(
            "Labels", "Put it right now, then add something extra that fits what they told you."),
        "followup": translate(
            "Labels", "Go back to the guest (in person or by phone) within 20 minutes of the fix "
                      "and check it really is right."),
        "document": translate(
            "Labels", "Record the root cause and the detail a supervisor needs to spot a trend: "
                      "when, where, which shift, what exactly."),
    }.get(step, "")


def field_name(name: str) -> str:
    """A form field by its key, as a person calls it (an unknown key as itself)."""
    return field_names().get(name, name)


def field_names() -> dict[str, str]:
    """Every field key the core names in a refusal, worded."""
    return {
        "guest_name": translate("Labels", "guest name"),
        "location": translate("Labels", "room or table"),
        "outlet": translate("Labels", "outlet"),
        "category": translate("Labels", "category"),
        "severity": translate("Labels", "severity"),
        "root_cause": translate("Labels", "root cause"),
        "name": translate("Labels", "site name"),
        "kind": translate("Labels", "hotel or restaurant"),
        "currency": translate("Labels", "currency"),
        "timezone": translate("Labels", "time zone"),
        "locale": translate("Labels", "language and region"),
        "address": translate("Labels", "address"),
        "outlets": translate("Labels", "outlets"),
        "manager_name": translate("Labels", "manager's name"),
        "manager_pin": translate("Labels", "manager's PIN"),
    }


def category_name(key: str) -> str:
    return {
        "food_and_beverage_service": translate("Labels", "Food & beverage service"),
        "food_quality": translate("Labels", "Food quality"),
        "wait_time": translate("Labels", "Wait time"),
        "housekeeping": translate("Labels", "Housekeeping"),
        "room_condition": translate("Labels", "Room condition"),
        "maintenance": translate("Labels", "Maintenance"),
        "billing": translate("Labels", "Billing"),
        "reservation": translate("Labels", "Reservation"),
        "staff_conduct": translate("Labels", "Staff conduct"),
        "ordering_error": translate("Labels", "Ordering error"),
        "noise": translate("Labels", "Noise"),
        "other": translate("Labels", "Other"),
    }.get(key, key)


def severity_name(key: str) -> str:
    return {"low": translate("Labels", "Low"), "medium": translate("Labels", "Medium"),
            "high": translate("Labels", "High"),
            "critical": translate("Labels", "Critical")}.get(key, key)


def outcome_name(key: str) -> str:
    return {"recovered": translate("Labels", "Recovered"),
            "not_recovered": translate("Labels", "Not recovered"),
            "unknown": translate("Labels", "Unknown")}.get(key, key)


def gesture_name(key: str) -> str:
    return {"comp": translate("Labels", "Comp"), "voucher": translate("Labels", "Voucher"),
            "upgrade": translate("Labels", "Upgrade"), "amenity": translate("Labels", "Amenity"),
            "credit": translate("Labels", "Credit"), "refund": translate("Labels", "Refund"),
            "none": translate("Labels", "No gesture")}.get(key, key)


def suggestion_text(description: str) -> str:
    """A suggested gesture from resources/recovery_matrix.json, in the desk's language.

    The matrix is data, so lupdate cannot see its strings; tools/update_translations.sh lists
    them for lupdate under the "Playbook" context.
    """
    return translate("Playbook", description)


def role_name(key: str) -> str:
    return {"agent": translate("Labels", "Agent"),
            "supervisor": translate("Labels", "Supervisor"),
            "manager": translate("Labels", "Manager")}.get(key, key)


def limit_name(limit: Limit) -> str:
    from desktop.core.budget import Limit  # not at import: sign-in paints without it

    return {Limit.PER_CASE: translate("Labels", "per-case limit"),
            Limit.PER_SHIFT: translate("Labels", "per-shift limit"),
            Limit.PER_GUEST_STAY: translate("Labels", "per-guest-stay limit")}[limit]


def amount_problem(problem: AmountProblem, decimals: int) -> str:
    from desktop.core.money import AmountProblem
    if problem is AmountProblem.TOO_MANY_DECIMALS:
        if decimals == 0:
            return translate("Labels", "This currency has no smaller unit: type a whole amount.")
        return translate("Labels", "At most %n decimal place(s) in this currency.", "", decimals)
    return {
        AmountProblem.EMPTY: translate("Labels", "Type an amount."),
        AmountProblem.NOT_A_NUMBER: translate(
            "Labels", "That is not an amount: use digits only, like 25.00."),
        AmountProblem.NEGATIVE: translate("Labels", "An amount cannot be negative."),
        AmountProblem.TOO_LARGE: translate("Labels", "That amount is too large."),
    }[problem]


def approval_refusal(refusal: ApprovalRefusal) -> str:
    from desktop.core.budget import ApprovalRefusal
    return {
        ApprovalRefusal.NOT_AN_APPROVER: translate(
            "Labels", "This person's role may not approve gestures."),
        ApprovalRefusal.OWN_GRANT: translate("Labels", "Nobody may approve their own gesture."),
        ApprovalRefusal.BEYOND_APPROVER_LIMITS: translate(
            "Labels",
            "This is beyond what this approver may authorise; ask someone with higher limits."),
    }[refusal]


def unexpected_problem() -> str:
    """For a failure the desk did not foresee (a bug, a disk error): the exception itself goes
    to the log file (``desktop.ui.background.log_failure``), never to the screen."""
    return translate("Labels", "Something unexpected went wrong. The details are in the log "
                               "file.")


def refusal_text(refusal: Refusal, detail: str = "") -> str:
    """A sentence for each reason the desk refuses (``desktop.core.errors.Refusal``)."""
    if refusal is Refusal.APPROVAL_REFUSED:
        from desktop.core.budget import ApprovalRefusal

        try:
            return approval_refusal(ApprovalRefusal(detail))
        except ValueError:
            return translate("Labels", "This approval is not allowed.")
    if refusal in (Refusal.PIN_TOO_SHORT, Refusal.PIN_TOO_LONG) and not (
            detail.isascii() and detail.isdigit()):
        # The detail is the policy's length; anything else is for the log.
        return (translate("Labels", "This PIN is too short.")
                if refusal is Refusal.PIN_TOO_SHORT
                else translate("Labels", "This PIN is too long."))
    if refusal in (Refusal.MISSING_FIELDS, Refusal.INVALID_HEADER, Refusal.INVALID_SITE):
        # Only the fields a person knows by name: anything else is for the log.
        names = field_names()
        detail = ", ".join(names[n.strip()] for n in detail.split(",") if n.strip() in names)
    elif refusal not in (Refusal.TEXT_TOO_LONG, Refusal.PIN_TOO_SHORT, Refusal.PIN_TOO_LONG,
                         Refusal.PRINTER_UNREACHABLE, Refusal.PRINTER_ADDRESS_INVALID):
        # (A printer's detail is its address, as set up: the person needs to see which.)
        detail = ""  # the rest is for logs, never shown: it may be English or a raw value
    messages = {
        Refusal.NO_SITE: translate("Labels", "This desk has no site yet: set it up first."),
        Refusal.SITE_EXISTS: translate("Labels", "This desk already has a site."),
        Refusal.INVALID_SITE: translate("Labels", "Some set-up details are missing or wrong: %1"),
        Refusal.STAFF_NAME_MISSING: translate("Labels", "Type the person's name."),
        Refusal.UNKNOWN_ROLE: translate(
            "Labels", "A role is agent, supervisor or manager."),
        Refusal.UNKNOWN_STAFF: translate(
            "Labels", "This person is not on this desk's staff list."),
        Refusal.PIN_INVALID: translate("Labels", "A PIN is 4 to 8 digits."),
        Refusal.MANAGER_ONLY: translate("Labels", "Only a manager can change this."),
        Refusal.STAFF_NAME_TAKEN: translate(
            "Labels", "Someone on the staff list already has this name. Add something to tell "
            "them apart (an initial, the outlet)."),
        Refusal.STAFF_NAME_AMBIGUOUS: translate(
            "Labels", "Two people on the staff list have this name. A manager deactivates "
            "one of them, or the one at the other desk is named by their id."),
        Refusal.NOT_A_MANAGER: translate(
            "Labels", "Only an active manager can change the staff list."),
        Refusal.LAST_MANAGER: translate(
            "Labels", "This is the last active manager. Make someone else a manager first."),
        Refusal.OWN_ROLE: translate(
            "Labels", "You cannot change your own role or deactivate yourself. Ask another "
            "manager."),
        Refusal.STAFF_INACTIVE: translate(
            "Labels", "This person has been deactivated and can no longer sign in."),
        Refusal.PIN_TOO_SHORT: translate("Labels", "This PIN is too short: at least %1 digits."),
        Refusal.PIN_TOO_LONG: translate("Labels", "This PIN is too long: at most %1 digits."),
        Refusal.PIN_NOT_DIGITS: translate("Labels", "A PIN is made of digits only."),
        Refusal.PIN_TOO_SIMPLE: translate(
            "Labels", "This PIN is too easy to guess (like 0000 or 1234). Choose another."),
        Refusal.PIN_MISMATCH: translate(
            "Labels", "The two PINs are not the same. Type the new PIN twice."),
        Refusal.PIN_RESET_PENDING: translate(
            "Labels", "Your PIN was reset. Choose a new PIN to sign in."),
        Refusal.NO_PIN_RESET: translate(
            "Labels", "This PIN was not reset. Sign in with it, or change it with the old one."),
        Refusal.WRONG_OLD_PIN: translate("Labels", "The old PIN is not right."),
        Refusal.SUPERVISOR_ONLY: translate(
            "Labels", "Only a supervisor or a manager can do this."),
        Refusal.UNKNOWN_CASE: translate("Labels", "This case is not on this desk."),
        Refusal.CASE_CLOSED: translate("Labels", "This case is already closed."),
        Refusal.INVALID_HEADER: translate(
            "Labels", "These details cannot be stored as typed: %1"),
        Refusal.UNKNOWN_STEP: translate("Labels", "That is not a step of the recovery."),
        Refusal.UNKNOWN_OUTCOME: translate(
            "Labels", "Choose how the case ended: recovered, not recovered or unknown."),
        Refusal.MISSING_FIELDS: translate("Labels", "Still needed before closing: %1"),
        Refusal.NOTE_EMPTY: translate("Labels", "Type the note first."),
        Refusal.TEXT_TOO_LONG: translate(
            "Labels", "That text is too long to store (%1 characters)."),
        Refusal.EVENT_INVALID: translate(
            "Labels", "This desk did not record that: what it was about to write failed its "
                      "own check, a fault in this version of Amends. Nothing was written. "
                      "Tell IT; the details are in the log file."),
        Refusal.INVALID_TEXT: translate(
            "Labels", "That text has a broken character that cannot be stored (often from a "
                      "paste). Type it again."),
        Refusal.UNKNOWN_GESTURE_TYPE: translate("Labels", "Choose a kind of gesture."),
        Refusal.INVALID_VALUE: translate("Labels", "That value cannot be granted."),
        Refusal.APPROVAL_REASON_MISSING: translate("Labels", "The approver must give a reason."),
        Refusal.APPROVER_PIN_WRONG: translate("Labels", "Wrong PIN for the approver."),
        Refusal.UNKNOWN_VOUCHER: translate("Labels", "No voucher with this code is known here."),
        Refusal.VOUCHER_CODE_MISTYPED: translate(
            "Labels", "That code is mistyped: check it and type it again."),
        Refusal.VOUCHER_REDEEMED: translate("Labels", "This voucher has already been used."),
        Refusal.VOUCHER_VOIDED: translate("Labels", "This voucher has already been voided."),
        Refusal.VOUCHER_NOT_IN_CASE: translate("Labels", "This voucher belongs to another case."),
        Refusal.VOUCHER_TOO_LONG: translate(
            "Labels", "The gesture's description is too long for a voucher: shorten it."),
        Refusal.VOID_REASON_MISSING: translate("Labels", "Give a reason for voiding the voucher."),
        Refusal.UNKNOWN_SLIP_KIND: translate("Labels", "There is no such slip."),
        Refusal.EMPTY_LETTER: translate(
            "Labels", "The letter has no text. Write it, or go back to the standard wording."),
        Refusal.PRINTER_ADDRESS_INVALID: translate(
            "Labels", "\"%1\" is not a receipt printer address: type tcp://HOST:PORT (a "
                      "network printer, port 9100 if left out) or usb://VENDOR:PRODUCT."),
        Refusal.PRINTER_UNREACHABLE: translate(
            "Labels", "The receipt printer %1 did not take the slip: check that it is on, "
                      "connected and has paper."),
        Refusal.UNKNOWN_DEPARTMENT: translate(
            "Labels", "Hand the case to a colleague or to one of the site's departments."),
        Refusal.HANDOFF_TO_SELF: translate(
            "Labels", "The case is already yours: hand it to someone else."),
        Refusal.UNKNOWN_HANDOFF: translate("Labels", "This hand-off is not on this desk."),
        Refusal.HANDOFF_DONE: translate("Labels", "This hand-off is already done."),
        Refusal.SECRET_STORE: translate(
            "Labels", "This desk's keychain cannot be used, so no voucher can be signed. "
                      "Ask IT to run Help → Diagnostics."),
        Refusal.UNKNOWN_SETTING: translate("Labels", "There is no such setting."),
        Refusal.INVALID_SETTING: translate(
            "Labels", "That value cannot be stored for this setting."),
    }
    return messages[refusal].replace("%1", detail)


def desk_error(error: DeskError) -> str:
    """The sentence for a refusal of the desk, as every screen and the CLI show it."""
    return refusal_text(error.refusal, error.detail)


def held_events_text(count: int) -> str:
    """Why other desks' events are held back on this desk (``desktop.core.quarantine``)."""
    return translate(
        "Labels", "%n event(s) from other desks could not be used by this version of Amends "
                  "and are kept apart; everything else is shown and syncing goes on. Update "
                  "Amends on this desk; Help → Diagnostics says more.", "", count)


def sync_problem(error: SyncError) -> str:
    """What went wrong with head office, said for the person at the desk."""
    return sync_problem_text(error.problem)


def sync_problem_text(problem: SyncProblem) -> str:
    """A sentence for each ``desktop.sync.errors.SyncProblem``."""
    from desktop.sync.errors import SyncProblem

    messages = {
        SyncProblem.OFFLINE: translate(
            "Labels", "Head office cannot be reached. Nothing is lost: this desk's cases wait "
                      "here and go when it can."),
        SyncProblem.UNAVAILABLE: translate(
            "Labels", "Head office is unavailable just now; this desk will try again."),
        SyncProblem.NO_SITE: translate(
            "Labels", "Set up this desk (site, currency, manager) before enrolling it."),
        SyncProblem.BAD_ADDRESS: translate(
            "Labels", "That is not a head-office address: it starts with https://"),
        SyncProblem.ENROL_CODE: translate(
            "Labels", "Head office did not take this code: it may be mistyped, used or "
                      "expired. Ask head office for a new code."),
        SyncProblem.ENROL_CONFLICT: translate(
            "Labels", "Head office refused this desk: it does not match the site the code is "
                      "for (its currency, or another site). Ask head office."),
        SyncProblem.ENROL_PROOF: translate(
            "Labels", "Head office already knows this desk and needs proof that it is this "
                      "desk, but its key is gone from this computer. Ask head office for a "
                      "re-enrolment code for this desk and enter that code."),
        SyncProblem.THROTTLED: translate(
            "Labels", "Head office has had too many attempts from this network. Wait a few "
                      "minutes, then try again."),
        SyncProblem.NOT_ENROLLED: translate(
            "Labels", "This desk is not enrolled with head office. Enrol it with a code from "
                      "head office."),
        SyncProblem.NOT_ACCEPTED: translate(
            "Labels", "Head office no longer accepts this desk (it was revoked, or enrolled "
                      "again elsewhere). Enrol it again with a new code."),
        SyncProblem.KEYCHAIN: translate(
            "Labels", "This desk's keychain cannot keep the head-office token. Ask IT to run "
                      "Help → Diagnostics."),
        SyncProblem.NOT_RECORDED: translate(
            "Labels", "Head office accepted this desk, but the desk could not note it. Try "
                      "again with a new code."),
        SyncProblem.REFUSED_EVENTS: translate(
            "Labels", "Head office refused this desk's events. They are kept here; ask head "
                      "office to look at this desk."),
        SyncProblem.REFUSED_INVALID: translate(
            "Labels", "Head office refused an event of this desk that the other desks could "
                      "not use (a fault in this version of Amends). This desk's cases are kept "
                      "here, and nothing after that event is sent until it is sorted out. Ask "
                      "IT to update Amends on this desk and to tell head office."),
        SyncProblem.REFUSED: translate(
            "Labels", "Head office refused to send what this desk asked for. Ask head office "
                      "to look at this desk."),
        SyncProblem.BAD_ANSWER: translate(
            "Labels", "Head office's answer could not be understood. Check the address, or "
                      "ask IT."),
        SyncProblem.BAD_REMOTE: translate(
            "Labels", "Head office sent other desks' events that do not verify; they were "
                      "not taken. Ask head office to check this site."),
        SyncProblem.BAD_POLICY: translate(
            "Labels", "Head office's budget policy cannot be used by this desk. Ask head "
                      "office to check it."),
        SyncProblem.LOCAL: translate(
            "Labels", "This desk could not store what head office sent. Run Help → "
                      "Diagnostics."),
    }
    return messages[problem]
