"""A case by keyboard only, counted (issue 15): New case to voucher and apology at the printer
in at most 15 key actions, or 25 with a supervisor approving at the desk. The paths are
bench/keys.py's, run here on the test desk."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from bench.keys import (
    LOW_SEVERITY_GOAL,
    WITH_APPROVAL_GOAL,
    Keys,
    case_with_approval,
    low_severity_case,
    pdf_printers,
)
from desktop.core.desk import Desk
from desktop.ui import slips_ui
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import sign_in


@pytest.fixture
def printed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "printed"
    folder.mkdir()
    monkeypatch.setattr(slips_ui, "configured_printer", pdf_printers(folder))
    return folder


def slips_printed(folder: Path) -> dict[str, str]:
    return {path.name.split("-")[0]: " ".join(p.extract_text() for p in PdfReader(path).pages)
            for path in folder.iterdir()}


def test_a_low_severity_case_in_at_most_15_key_actions(qtbot: QtBot, window: MainWindow,
                                                       desk: Desk, printed: Path) -> None:
    sign_in(qtbot, window, "Maya Torres", "5817")
    keys = Keys()
    low_severity_case(window, keys)
    assert keys.count <= LOW_SEVERITY_GOAL, keys.pressed
    assert keys.pressed == ["Ctrl+N", "Tab", "Tab", "Tab", "F", "Tab", "L", "Tab",
                            "Ctrl+Enter", "Ctrl+Enter", "Ctrl+Enter", "Tab", "Enter", "Ctrl+P"]
    view = desk.cases.get(window.panel.case_id)
    assert (view.header.category, view.header.severity) == ("food_and_beverage_service", "low")
    [grant] = view.grants
    assert grant.gesture_type == "voucher" and grant.approval_id is None
    [voucher] = desk.vouchers.of_case(view.id)
    slips = slips_printed(printed)
    assert set(slips) == {"voucher", "apology"}
    # The slips are the PDFs themselves, their text still text.
    assert voucher.display_code in slips["voucher"]
    assert "Hannah Schmidt" in slips["apology"]
    # The code is shown in full, to read out to the guest (finding 9).
    assert voucher.display_code in window.panel.gestures.slips.code.text()


def test_a_case_over_the_limits_with_approval_in_at_most_25(qtbot: QtBot, window: MainWindow,
                                                            desk: Desk, printed: Path) -> None:
    sign_in(qtbot, window, "Maya Torres", "5817")
    keys = Keys()
    case_with_approval(window, keys, "2468")
    assert keys.count <= WITH_APPROVAL_GOAL, keys.pressed
    view = desk.cases.get(window.panel.case_id)
    [grant] = view.grants
    assert (grant.gesture_type, grant.value_minor) == ("voucher", 12000)
    assert grant.approval_id is not None
    assert set(slips_printed(printed)) == {"voucher", "apology"}
