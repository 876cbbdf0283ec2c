"""Translated words for the keys the core uses (steps, categories, limits, problems).

The core speaks in keys and enums; this is the one place that turns them into text a person
reads, through Qt's translation functions so every language gets them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop.core.budget import ApprovalRefusal, Limit

if TYPE_CHECKING:
    from desktop.core.money import AmountProblem


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
    return {
        "guest_name": translate("Labels", "guest name"),
        "location": translate("Labels", "room or table"),
        "outlet": translate("Labels", "outlet"),
        "category": translate("Labels", "category"),
        "severity": translate("Labels", "severity"),
        "root_cause": translate("Labels", "root cause"),
    }.get(name, name)


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


def desk_error(code: str, detail: str = "") -> str:
    """A sentence for a DeskError code."""
    messages = {
        "missing_fields": translate("Labels", "Still needed before closing: %1"),
        "text_too_long": translate("Labels", "That text is too long to store (%1 characters)."),
        "case_closed": translate("Labels", "This case is already closed."),
        "approver_pin_wrong": translate("Labels", "Wrong PIN for the approver."),
        "approval_reason_missing": translate("Labels", "The approver must give a reason."),
        "invalid_value": translate("Labels", "That value cannot be granted."),
        "manager_only": translate("Labels", "Only a manager can change this."),
        "pin_invalid": translate("Labels", "A PIN is 4 to 8 digits."),
    }
    text = messages.get(code, translate("Labels", "That could not be done (%1).").replace(
        "%1", code))
    if code == "missing_fields":
        names = ", ".join(field_name(n.strip()) for n in detail.split(",") if n.strip())
        return text.replace("%1", names)
    return text.replace("%1", detail)
