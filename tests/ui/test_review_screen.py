"""The review screen: approvers only, loads off the UI thread, trends click through to cases."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from desktop.core.desk import Desk
from desktop.core.seed import seed_history
from desktop.ui.main_window import MainWindow
from desktop.ui.review_screen import ReviewDialog
from tests.conftest import Team
from tests.ui.conftest import sign_in


def test_agents_cannot_open_the_review(qtbot: QtBot, window: MainWindow, desk: Desk,
                                       team: Team) -> None:
    sign_in(qtbot, window, "Maya Torres", "5817")
    assert not window.review_action.isEnabled()
    with pytest.raises(PermissionError):
        ReviewDialog(desk, window.on_shift)
    window.end_shift_button.click()
    sign_in(qtbot, window, "Sam Okoye", "2468")
    assert window.review_action.isEnabled()


@pytest.fixture
def review(qtbot: QtBot, desk: Desk, team: Team) -> ReviewDialog:
    seed_history(desk, 1500, years=1)
    dialog = ReviewDialog(desk, team.sign_in(team.supervisor))
    qtbot.addWidget(dialog)
    dialog.range.setCurrentIndex(dialog.range.findData("year"))
    with qtbot.waitSignal(dialog.loaded, timeout=20000):
        dialog.load_button.click()
        assert not dialog.busy.isHidden()  # working, and the screen still answers
    return dialog


def test_review_shows_totals_and_the_wednesday_pattern(qtbot: QtBot, review: ReviewDialog,
                                                       desk: Desk) -> None:
    data = review.review
    assert data is not None and data.total_spend > 0
    site = desk.site.info()
    from desktop.core.money import format_money

    assert format_money(data.total_spend, site.currency, site.locale) in review.summary.text()
    grid = review.grid
    hottest = max(((d, h) for d in range(7) for h in range(24)),
                  key=lambda c: int(grid.item(*c).text() or 0))
    assert hottest == (2, 15)
    review.grid.cellClicked.emit(2, 15)
    assert review.cases.count() == data.week_grid[2][15]
    spend_bars = review.category_spend_chart.chart().series()[0].barSets()[0]
    top_category = data.categories_by_spend()[0]
    top = spend_bars.count() - 1  # horizontal bars: the largest is drawn at the top
    assert spend_bars.at(top) * 100 == top_category[2]
    spend_bars.clicked.emit(top)
    assert review.cases.count() == len({g.case_id for g in data.grants
                                        if g.category == top_category[0]}) > 0


def test_findings_list_their_cases(qtbot: QtBot, review: ReviewDialog) -> None:
    assert review.findings.count() >= 1
    first = review.findings.item(0)
    review.findings.itemClicked.emit(first)
    assert review.cases.count() >= 1


def test_export_csv_and_pdf_from_the_screen(qtbot: QtBot, review: ReviewDialog, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    targets = iter([tmp_path / "r.csv", tmp_path / "r.pdf"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(next(targets)), ""))
    review.export_csv.click()
    review.export_pdf.click()
    rows = (tmp_path / "r.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == len(review.review.grants) + 1
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


def test_the_gestures_tab_reads_more_as_it_scrolls(qtbot: QtBot, review: ReviewDialog) -> None:
    data = review.review
    assert data is not None and len(data.grants) > 2 * review.gestures_model.PAGE
    model = review.gestures_model
    review.tabs.setCurrentWidget(review.gestures)
    review.show()
    qtbot.waitExposed(review)
    assert model.rowCount() == model.PAGE  # only the first page was read
    first = data.grants[0]
    assert model.index(0, 1).data() == first.guest_name
    review.gestures.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > model.PAGE)
    while model.canFetchMore():
        review.gestures.scrollToBottom()
        qtbot.wait(10)
    assert model.rowCount() == len(data.grants)
    last = data.grants[-1]
    assert model.index(model.rowCount() - 1, 1).data() == last.guest_name


def test_closing_the_review_while_it_loads_is_safe(qtbot: QtBot, desk: Desk,
                                                   team: Team) -> None:
    seed_history(desk, 1500, years=1)
    dialog = ReviewDialog(desk, team.sign_in(team.supervisor))
    qtbot.addWidget(dialog)
    dialog.range.setCurrentIndex(dialog.range.findData("year"))
    dialog.show()
    dialog.load_button.click()
    dialog.close()
    from PySide6.QtCore import QThreadPool

    assert QThreadPool.globalInstance().waitForDone(20000)
    qtbot.wait(50)  # the late answer is dropped, not shown in a closed window
    assert dialog.review is None
