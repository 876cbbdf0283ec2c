"""`amends enroll`, `amends sync --now` and the doctor's head-office lines."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from desktop.cli import main
from desktop.core.desk import Desk
from desktop.core.doctor import Status, run_checks
from desktop.core.policy import default_policy
from desktop.core.settings import HQ_URL
from desktop.sync.health import probe_head_office
from headoffice import admin
from tests.headoffice.helpers import HQ
from tests.sync.helpers import assert_hq_holds_exactly, open_cases


def test_enroll_then_sync_now_says_what_moved(hq: HQ, make_eur_desk: Callable[..., Desk],
                                              capsys: pytest.CaptureFixture[str]) -> None:
    site = hq.add_site()
    desk = make_eur_desk()
    open_cases(desk, 2)
    data_dir = str(desk.data_dir)
    code = hq.code(site)
    assert main(["--data-dir", data_dir, "enroll", hq.server.url, code.lower()]) == 0
    assert "Enrolled" in capsys.readouterr().out
    document = default_policy().to_dict() | {"version": 3}
    hq.db(lambda s: admin.set_policy(s, site.id, json.dumps(document), now=hq.clock()))

    assert main(["--data-dir", data_dir, "sync", "--now"]) == 0
    out = capsys.readouterr().out
    count = len(desk.ledger.events_of(desk.device_id))
    assert f"Pushed {count} (acknowledged {count}), pulled 0, policy v3; 0 waiting." in out
    assert_hq_holds_exactly(hq, desk)

    assert main(["--data-dir", data_dir, "sync"]) == 0
    assert "0 event(s) waiting" in capsys.readouterr().out


def test_sync_now_fails_with_a_clear_message(hq: HQ, make_eur_desk: Callable[..., Desk],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    desk = make_eur_desk()
    assert main(["--data-dir", str(desk.data_dir), "sync", "--now"]) == 1
    assert "not connected to head office" in capsys.readouterr().err

    site = hq.add_site()
    assert main(["--data-dir", str(desk.data_dir), "enroll", hq.server.url,
                 hq.code(site)]) == 0
    hq.db(lambda s: admin.revoke_device(s, desk.device_id, now=hq.clock()))
    assert main(["--data-dir", str(desk.data_dir), "sync", "--now"]) == 1
    assert "revoked" in capsys.readouterr().err


def test_enroll_refusal_exits_1(hq: HQ, make_eur_desk: Callable[..., Desk],
                                capsys: pytest.CaptureFixture[str]) -> None:
    desk = make_eur_desk(currency="USD")
    site = hq.add_site(currency="EUR")
    assert main(["--data-dir", str(desk.data_dir), "enroll", hq.server.url,
                 hq.code(site)]) == 1
    err = capsys.readouterr().err
    assert "Not enrolled" in err and "currency mismatch" in err


def test_doctor_reports_head_office_and_pending_events(
        hq: HQ, make_eur_desk: Callable[..., Desk]) -> None:
    desk = make_eur_desk()
    open_cases(desk, 1)
    checks = {c.name: c for c in run_checks(desk.data_dir, head_office=probe_head_office)}
    assert checks["head office"].status is Status.WARN
    assert "not enrolled" in checks["head office"].detail

    site = hq.add_site()
    assert main(["--data-dir", str(desk.data_dir), "enroll", hq.server.url,
                 hq.code(site)]) == 0
    pending = desk.ledger.state().pending
    checks = {c.name: c for c in run_checks(desk.data_dir, head_office=probe_head_office)}
    assert checks["head office"].status is Status.OK, checks["head office"]
    assert checks["sync"].detail.startswith(f"{pending} event(s) waiting")

    hq.db(lambda s: admin.revoke_device(s, desk.device_id, now=hq.clock()))
    checks = {c.name: c for c in run_checks(desk.data_dir, head_office=probe_head_office)}
    assert checks["head office"].status is Status.FAIL

    desk.settings.set(HQ_URL, "http://127.0.0.1:9")
    checks = {c.name: c for c in run_checks(desk.data_dir, head_office=probe_head_office)}
    assert checks["head office"].status is Status.WARN
    assert "not reachable" in checks["head office"].detail
