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


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def step_name(step: str) -> str:
    return {
        "listen": _t("Listen"),
        "apologise": _t("Apologise"),
        "review": _t("Review"),
        "fix": _t("Fix and make good"),
        "followup": _t("Follow up"),
        "document": _t("Document"),
        "closed": _t("Closed"),
    }.get(step, step)


def step_prompt(step: str) -> str:
    """What good looks like at each step: a reminder, not a script to read out."""
    return {
        "listen": _t("Let the guest tell it their way, without interrupting. Note it in their "
                     "words, not yours."),
        "apologise": _t("Say sorry sincerely and personally, for how it felt to them. No "
                        "excuses, no blaming colleagues."),
        "review": _t("Check with the guest what went wrong from their side, and ask what a good "
                     "outcome would be for them."),
        "fix": _t("Put it right now, then add something extra that fits what they told you."),
        "followup": _t("Go back to the guest (in person or by phone) within 20 minutes of the fix "
                       "and check it really is right."),
        "document": _t("Record the root cause and the detail a supervisor needs to spot a trend: "
                       "when, where, which shift, what exactly."),
    }.get(step, "")


def field_name(name: str) -> str:
    return {
        "guest_name": _t("guest name"),
        "location": _t("room or table"),
        "outlet": _t("outlet"),
        "category": _t("category"),
        "severity": _t("severity"),
        "root_cause": _t("root cause"),
    }.get(name, name)


def category_name(key: str) -> str:
    return {
        "food_and_beverage_service": _t("Food & beverage service"),
        "food_quality": _t("Food quality"),
        "wait_time": _t("Wait time"),
        "housekeeping": _t("Housekeeping"),
        "room_condition": _t("Room condition"),
        "maintenance": _t("Maintenance"),
        "billing": _t("Billing"),
        "reservation": _t("Reservation"),
        "staff_conduct": _t("Staff conduct"),
        "ordering_error": _t("Ordering error"),
        "noise": _t("Noise"),
        "other": _t("Other"),
    }.get(key, key)


def severity_name(key: str) -> str:
    return {"low": _t("Low"), "medium": _t("Medium"), "high": _t("High"),
            "critical": _t("Critical")}.get(key, key)


def outcome_name(key: str) -> str:
    return {"recovered": _t("Recovered"), "not_recovered": _t("Not recovered"),
            "unknown": _t("Unknown")}.get(key, key)


def gesture_name(key: str) -> str:
    return {"comp": _t("Comp"), "voucher": _t("Voucher"), "upgrade": _t("Upgrade"),
            "amenity": _t("Amenity"), "credit": _t("Credit"), "refund": _t("Refund"),
            "none": _t("No gesture")}.get(key, key)


def role_name(key: str) -> str:
    return {"agent": _t("Agent"), "supervisor": _t("Supervisor"),
            "manager": _t("Manager")}.get(key, key)


def limit_name(limit: Limit) -> str:
    return {Limit.PER_CASE: _t("per-case limit"), Limit.PER_SHIFT: _t("per-shift limit"),
            Limit.PER_GUEST_STAY: _t("per-guest-stay limit")}[limit]


def amount_problem(problem: AmountProblem, decimals: int) -> str:
    from desktop.core.money import AmountProblem
    if problem is AmountProblem.TOO_MANY_DECIMALS:
        if decimals == 0:
            return _t("This currency has no smaller unit: type a whole amount.")
        return QCoreApplication.translate(
            "Labels", "At most %n decimal place(s) in this currency.", "", decimals)
    return {
        AmountProblem.EMPTY: _t("Type an amount."),
        AmountProblem.NOT_A_NUMBER: _t("That is not an amount: use digits only, like 25.00."),
        AmountProblem.NEGATIVE: _t("An amount cannot be negative."),
        AmountProblem.TOO_LARGE: _t("That amount is too large."),
    }[problem]


def approval_refusal(refusal: ApprovalRefusal) -> str:
    return {
        ApprovalRefusal.NOT_AN_APPROVER: _t("This person's role may not approve gestures."),
        ApprovalRefusal.OWN_GRANT: _t("Nobody may approve their own gesture."),
        ApprovalRefusal.BEYOND_APPROVER_LIMITS: _t(
            "This is beyond what this approver may authorise; ask someone with higher limits."),
    }[refusal]


def desk_error(code: str, detail: str = "") -> str:
    """A sentence for a DeskError code."""
    messages = {
        "missing_fields": _t("Still needed before closing: %1"),
        "text_too_long": _t("That text is too long to store (%1 characters)."),
        "case_closed": _t("This case is already closed."),
        "approver_pin_wrong": _t("Wrong PIN for the approver."),
        "approval_reason_missing": _t("The approver must give a reason."),
        "invalid_value": _t("That value cannot be granted."),
        "manager_only": _t("Only a manager can change this."),
        "pin_invalid": _t("A PIN is 4 to 8 digits."),
    }
    text = messages.get(code, _t("That could not be done (%1).").replace("%1", code))
    if code == "missing_fields":
        names = ", ".join(field_name(n.strip()) for n in detail.split(",") if n.strip())
        return text.replace("%1", names)
    return text.replace("%1", detail)
