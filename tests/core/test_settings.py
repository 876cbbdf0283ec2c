"""The settings registry: typed values, defaults, who may change what, damaged rows."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.models import Setting as SettingRow
from desktop.core import settings
from desktop.core.desk import Desk
from desktop.core.errors import DeskError, Refusal
from desktop.core.settings import (
    HQ_PULL_CURSOR,
    HQ_URL,
    IDLE_LOCK_MINUTES,
    PRINTER,
    REGISTRY,
    SLIP_SIZE,
    VOUCHER_TERMS,
    Setting,
    Who,
)
from tests.conftest import Team


def stored(desk: Desk, setting: Setting[object]) -> str | None:
    with desk.recorder.tx() as db:
        return db.scalar(select(SettingRow.value).where(SettingRow.key == setting.key))


def put_raw(desk: Desk, key: str, value: str) -> None:
    with desk.recorder.tx() as db:
        db.merge(SettingRow(key=key, value=value))


def test_defaults_until_set_then_typed_values(desk: Desk) -> None:
    assert desk.settings.get(IDLE_LOCK_MINUTES) == 3.0
    assert desk.settings.get(SLIP_SIZE["voucher"]) == "roll80"
    assert desk.settings.get(VOUCHER_TERMS) == ()
    desk.settings.set(IDLE_LOCK_MINUTES, 10.0)
    desk.settings.set(VOUCHER_TERMS, ("Only at the bar.", "Once."))
    desk.settings.set(HQ_PULL_CURSOR, 42)
    assert desk.settings.get(IDLE_LOCK_MINUTES) == 10.0
    assert desk.settings.get(VOUCHER_TERMS) == ("Only at the bar.", "Once.")
    assert desk.settings.get(HQ_PULL_CURSOR) == 42
    assert desk.settings.many([IDLE_LOCK_MINUTES, HQ_PULL_CURSOR]) == {
        "idle_lock_minutes": 10.0, "hq_pull_cursor": 42}
    desk.settings.clear(IDLE_LOCK_MINUTES)
    assert desk.settings.get(IDLE_LOCK_MINUTES) == 3.0 and stored(desk, IDLE_LOCK_MINUTES) is None


@pytest.mark.parametrize(("setting", "raw"), [
    (IDLE_LOCK_MINUTES, "soon"), (VOUCHER_TERMS, "{not json"), (VOUCHER_TERMS, '"one"'),
    (SLIP_SIZE["apology"], "a5"), (HQ_PULL_CURSOR, "x"), (settings.HQ_REVOKED_DEVICES, "[1"),
])
def test_a_damaged_row_reads_as_the_default(desk: Desk, setting: Setting[object],
                                             raw: str) -> None:
    put_raw(desk, setting.key, raw)
    assert desk.settings.get(setting) == setting.default


def test_idle_lock_never_below_half_a_minute(desk: Desk) -> None:
    put_raw(desk, IDLE_LOCK_MINUTES.key, "0")
    assert desk.settings.get(IDLE_LOCK_MINUTES) == 0.5


def test_who_may_change_what(desk: Desk, team: Team) -> None:
    agent, manager = team.sign_in(team.agent), team.sign_in(team.manager)
    with pytest.raises(DeskError) as refused:
        desk.settings.set(IDLE_LOCK_MINUTES, 60.0, by=agent)
    assert refused.value.refusal is Refusal.MANAGER_ONLY
    assert stored(desk, IDLE_LOCK_MINUTES) is None  # nothing written
    with pytest.raises(DeskError) as refused:
        desk.settings.set(HQ_URL, "http://127.0.0.1:9", by=manager)  # only the desk itself
    assert refused.value.refusal is Refusal.INVALID_SETTING
    desk.settings.set(IDLE_LOCK_MINUTES, 60.0, by=manager)
    desk.settings.set(PRINTER["voucher"], "Bar Epson", by=agent)  # anyone picks a printer
    assert desk.settings.get(PRINTER["voucher"]) == "Bar Epson"


def test_a_value_that_would_not_read_back_is_refused(desk: Desk) -> None:
    with pytest.raises(DeskError) as refused:
        desk.settings.set(SLIP_SIZE["voucher"], "a5")
    assert refused.value.refusal is Refusal.INVALID_SETTING and refused.value.detail == (
        "slip_size.voucher")
    assert stored(desk, SLIP_SIZE["voucher"]) is None


def test_only_registered_settings(desk: Desk) -> None:
    stray = Setting("stray", "", str, str, Who.ANYONE, "not registered")
    with pytest.raises(DeskError) as refused:
        desk.settings.set(stray, "x")
    assert refused.value.refusal is Refusal.UNKNOWN_SETTING


def test_every_registered_setting_is_described_and_reads_its_own_default() -> None:
    for key, setting in REGISTRY.items():
        assert setting.key == key and setting.about
        assert setting.read(setting.dump(setting.default)) == setting.default, key


def test_read_all_for_the_doctor() -> None:
    values = settings.read_all([("printer.voucher", "Bar"), ("hq_pull_cursor", "bad")])
    assert values["printer.voucher"] == "Bar" and values["printer.apology"] == ""
    assert values["hq_pull_cursor"] == 0
