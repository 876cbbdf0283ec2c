"""The demo site: a first start can create it so a new user sees a working desk at once.

All data comes from resources/demo_site.json. Cases are written through the same Desk methods
as real ones (with the clock moved back), so the demo log is a real, verifiable log.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

import resources
from desktop.core.clock import Clock, ManualClock
from desktop.core.desk import Desk
from desktop.core.roster import demo_pins
from desktop.core.views import ApproverSignOff, CaseHeader, GestureProposal, OnShift, SiteInfo


def demo_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resources.path("demo_site.json").read_text(encoding="utf-8"))
    return data


def create_demo_site(desk: Desk) -> SiteInfo:
    """Create the demo site, its staff and its cases in an empty desk."""
    data = demo_data()
    site = data["site"]
    staff = data["staff"]
    manager = next(s for s in staff if s["role"] == "manager")
    info = desk.site.create(name=site["name"], kind=site["kind"], currency=site["currency"],
                            timezone=site["timezone"], locale=site["locale"],
                            manager_name=manager["name"], manager_pin=manager["pin"],
                            address=site["address"], outlets=site["outlets"], is_demo=True)
    manager_id = desk.staff.find(manager["name"]).id
    for person in staff:
        if person is not manager:
            desk.staff.add(person["name"], person["role"], person["pin"], by=manager_id)
    ids = {m.name: m.id for m in desk.staff.roster()}
    pins = {s["name"]: s["pin"] for s in staff}
    real_clock = desk.clock
    now = real_clock.now()
    local_now = now.astimezone(info.zone)
    try:
        for case in data["cases"]:
            day = local_now - timedelta(days=case["days_ago"])
            start = day.replace(hour=case["hour"], minute=case["minute"], second=0,
                                microsecond=0)
            _play_case(desk, case, start, ids, pins, close=True)
        for case in data["open_cases"]:
            start = now - timedelta(minutes=case["minutes_ago"])
            _play_case(desk, case, start, ids, pins, close=False)
    finally:
        desk.clock = real_clock
    return info


def _play_case(desk: Desk, case: dict[str, Any], start: datetime, ids: dict[str, str],
               pins: dict[str, str], *, close: bool) -> None:
    clock = ManualClock(start)
    desk.clock = clock
    result = desk.shifts.sign_in(ids[case["staff"]], pins[case["staff"]])
    assert result.on_shift is not None
    who: OnShift = result.on_shift
    case_id = desk.cases.open(who, CaseHeader(**case["header"]))
    steps = (
        ("listen", {"account": case["account"]}, 2),
        ("apologise", {"apology": case["apology"]}, 1),
        ("review", {"guest_view": case["guest_view"], "good_outcome": case["good_outcome"]}, 2),
    )
    for step, fields, minutes in steps:
        clock.advance(minutes=minutes)
        desk.cases.complete_step(who, case_id, step, fields)
    clock.advance(minutes=3)
    if "correction" in case:
        desk.cases.record_correction(who, case_id, case["correction"]["description"],
                               case["correction"]["value_minor"])
    gesture = case["gesture"]
    if gesture["type"] != "none":
        sign_off = None
        if "approval" in case:
            approver = case["approval"]["by"]
            sign_off = ApproverSignOff(ids[approver], pins[approver], case["approval"]["reason"])
        desk.grants.grant(who, case_id, GestureProposal(gesture["type"], gesture["description"],
                                                 gesture["value_minor"]), sign_off)
    desk.cases.complete_step(who, case_id, "fix", {"fix_action": case["fix_action"]})
    if close:
        clock.advance(minutes=18)
        desk.cases.complete_followup(who, case_id, case["followup_note"])
        clock.advance(minutes=2)
        desk.cases.close(who, case_id, root_cause=case["root_cause"], detail=case["detail"],
                        outcome=case["outcome"])
    desk.shifts.end(who)


__all__ = ["Clock", "create_demo_site", "demo_pins"]
