"""What the sign-in screen's first paint uses instead of Qt's enums and of parsing the design:
the precomputed stylesheet is exactly design.py's, numbers and names are Qt's own values, the
initials badge is the same drawing, and start-up loads none of what it avoids."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

import resources
from desktop.core.clock import ManualClock
from desktop.ui import design, first_paint
from desktop.ui.app import written_left_to_right
from desktop.ui.staff_tiles import initials, initials_badge
from tests.conftest import make_desk

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("high", [False, True])
def test_the_shipped_stylesheet_is_exactly_what_design_makes(high: bool) -> None:
    theme = design.theme(high)
    name = first_paint.palette_name(high)
    shipped = resources.path("design", f"{name}.qss").read_text(encoding="utf-8")
    # If this fails after a change to the design: python -m desktop.ui.first_paint
    assert shipped == first_paint.made_text(name, theme.colours, design.stylesheet(theme))
    assert first_paint.precomputed(name) == (theme.colours, design.stylesheet(theme))


@pytest.fixture
def edited_tokens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The shipped resources, copied, with tokens edited after the stylesheets were made."""
    copy = tmp_path / "resources"
    shutil.copytree(resources.ROOT / "design", copy / "design")
    tokens = json.loads((copy / "design" / "tokens.json").read_text(encoding="utf-8"))
    tokens["palettes"]["normal"]["window"] = "#123456"
    (copy / "design" / "tokens.json").write_text(json.dumps(tokens), encoding="utf-8")
    monkeypatch.setattr(resources, "ROOT", copy)
    design._tokens.cache_clear()
    yield copy
    design._tokens.cache_clear()
    first_paint._COLOURS.clear()  # the edited palette must not colour later tests' badges


def test_a_stylesheet_made_from_other_tokens_is_not_used(qapp: QApplication,
                                                         edited_tokens: Path) -> None:
    assert first_paint.precomputed("normal") is None
    assert first_paint.apply(qapp, False) == "normal"
    assert "#123456" in qapp.styleSheet()  # the tokens in use, not the stale file
    assert qapp.styleSheet() == design.stylesheet(design.theme(False))


def test_a_damaged_stylesheet_is_not_used(qapp: QApplication, edited_tokens: Path) -> None:
    for damaged in ("", "/* Amends design */", "\n\n\n"):
        (edited_tokens / "design" / "normal.qss").write_text(damaged, encoding="utf-8")
        assert first_paint.precomputed("normal") is None
    (edited_tokens / "design" / "normal.qss").write_bytes(b"\xff\xfe\x00")
    assert first_paint.precomputed("normal") is None
    (edited_tokens / "design" / "normal.qss").unlink()
    assert first_paint.precomputed("normal") is None
    assert first_paint.apply(qapp, False) == "normal"
    assert qapp.styleSheet() == design.stylesheet(design.theme(False))


def test_the_numbers_are_qts_own_values() -> None:
    assert Qt.ItemDataRole.UserRole.value == first_paint.USER_ROLE
    assert Qt.ItemDataRole.DecorationRole.value == first_paint.DECORATION_ROLE
    assert Qt.ItemDataRole.TextAlignmentRole.value == first_paint.TEXT_ALIGNMENT_ROLE
    assert Qt.AlignmentFlag.AlignCenter.value == first_paint.ALIGN_CENTER
    top_center = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
    assert top_center.value == first_paint.ALIGN_TOP_CENTER


def test_properties_are_set_by_name_and_a_wrong_name_is_refused(qtbot: QtBot) -> None:
    button = QPushButton("1")
    qtbot.addWidget(button)
    first_paint.set_by_name(button, "focusPolicy", "NoFocus")
    assert button.focusPolicy() == Qt.FocusPolicy.NoFocus
    first_paint.set_by_name(button, "layoutDirection", "RightToLeft")
    assert button.layoutDirection() == Qt.LayoutDirection.RightToLeft
    with pytest.raises(ValueError, match="focusPolicy"):
        first_paint.set_by_name(button, "focusPolicy", "NoSuchPolicy")
    with pytest.raises(ValueError, match="noSuchProperty"):
        first_paint.set_by_name(button, "noSuchProperty", "NoFocus")
    assert button.focusPolicy() == Qt.FocusPolicy.NoFocus  # unchanged by the refusals


def test_a_mark_on_a_new_widget_looks_as_tone_and_role_make_it(qtbot: QtBot,
                                                                designed: design.Theme) -> None:
    marked, toned = first_paint.mark(QLabel("Who?"), tone="title"), QLabel("Who?")
    pad, role = first_paint.mark(QPushButton("1"), role="pad"), QPushButton("1")
    for widget in (marked, toned, pad, role):
        qtbot.addWidget(widget)
        widget.show()
    design.tone(toned, "title")
    design.role(role, "pad")
    assert marked.font().pixelSize() == toned.font().pixelSize() == designed.type["title"]
    assert marked.font().bold() and toned.font().bold()
    assert pad.font().pixelSize() == role.font().pixelSize() == designed.type["title"]
    assert pad.minimumSizeHint() == role.minimumSizeHint()
    with pytest.raises(ValueError, match="loud"):
        first_paint.mark(QLabel(), tone="loud")
    with pytest.raises(ValueError, match="boss"):
        first_paint.mark(QPushButton(), role="boss")


@pytest.mark.parametrize("high", [False, True])
def test_the_initials_badge_is_the_brush_and_pen_drawing(qapp: QApplication, high: bool) -> None:
    theme = design.apply(qapp, high)
    drawn = initials_badge("Maya Torres").toImage()
    # The same badge drawn the plain way, with Qt's enums.
    expected = QPixmap(56, 56)
    expected.fill(Qt.GlobalColor.transparent)
    painter = QPainter(expected)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(theme.colour("primary"))
    painter.drawEllipse(0, 0, 56, 56)
    font = QFont(painter.font())
    font.setPixelSize(56 * 2 // 5)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor(theme.colour("primary_text")))
    painter.drawText(expected.rect(), Qt.AlignmentFlag.AlignCenter, initials("Maya Torres"))
    painter.end()
    assert drawn == expected.toImage()
    assert first_paint.colour("primary") == theme.colour("primary")


def test_a_left_to_right_name_settles_the_direction_as_qt_does() -> None:
    every = QLocale.matchingLocales(QLocale.Language.AnyLanguage, QLocale.Script.AnyScript,
                                    QLocale.Country.AnyCountry)
    settled = [locale for locale in every if written_left_to_right(locale.nativeLanguageName())]
    assert len(settled) > 500  # most languages never ask Qt's enum
    wrong = [locale.name() for locale in settled
             if locale.textDirection() != Qt.LayoutDirection.LeftToRight]
    assert wrong == []
    assert not written_left_to_right(QLocale("ar").nativeLanguageName())
    assert not written_left_to_right(QLocale("he").nativeLanguageName())
    assert not written_left_to_right("")


CHILD = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from PySide6 import QtCore, QtWidgets
    from desktop.ui.app import run_app

    def painted():
        report = {"qt_namespace": "Qt" in QtCore.__dict__,
                  "qstyle": "QStyle" in QtWidgets.__dict__,
                  "modules": sorted(m for m in ("json", "dataclasses", "desktop.ui.design",
                                                "sqlalchemy", "ssl") if m in sys.modules)}
        app = QtWidgets.QApplication.instance()
        app.setStyleSheet("")  # style() is the style sheet's own until it is taken off
        report["style"] = app.style().name().lower()
        os.write(1, repr(report).encode())
        os._exit(0)

    run_app(Path(sys.argv[1]), on_first_paint=painted)
""")


def test_start_up_paints_without_the_qt_namespace_qstyle_or_json(data_dir: Path,
                                                                  clock: ManualClock) -> None:
    make_desk(data_dir, clock).close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    env.pop("AMENDS_HIGH_CONTRAST", None)
    done = subprocess.run([sys.executable, "-c", CHILD, str(data_dir)], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=120, check=True)
    report = ast.literal_eval(done.stdout)
    assert report == {"qt_namespace": False, "qstyle": False, "modules": [], "style": "fusion"}


def test_the_pin_pad_takes_no_focus_and_stays_left_to_right(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLineEdit

    from desktop.ui.pin_pad import pin_pad

    pin = QLineEdit()
    box, ok = pin_pad(pin, lambda: None)
    qtbot.addWidget(box)
    assert box.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert box.testAttribute(Qt.WidgetAttribute.WA_SetLayoutDirection)  # not inherited
    digits = [b for b in box.findChildren(QPushButton) if b is not ok]
    assert len(digits) == 11  # 0-9 and Clear
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in digits)
    assert all(b.property("role") == "pad" for b in [*digits, ok])
    assert isinstance(box, QWidget)
