"""The design system, applied in one place: tokens from ``resources/design/tokens.json`` become
the app's palette and stylesheet (colour, type scale, spacing, radius, focus ring, 44 px touch
targets), and icons come from the shipped Lucide SVGs (``resources/icons/lucide``, ISC).

Screens never write colours or sizes of their own: they mark a widget with a *tone*
(``tone(label, "error")``) or a *role* (``role(button, "primary")``) and the stylesheet says
what that looks like, in the normal palette or the high-contrast one.

High contrast is chosen with ``--high-contrast`` on the command line or the environment variable
``AMENDS_HIGH_CONTRAST=1``. Start-up applies the stylesheet this module makes, precomputed
(``desktop.ui.first_paint``: no JSON or string formatting before the sign-in screen paints);
no SVG renderer is loaded until the first icon is asked for.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QTableView, QWidget

from desktop.ui import first_paint
from desktop.ui.first_paint import ENV_HIGH_CONTRAST, TONES, wants_high_contrast


@dataclass(frozen=True)
class Theme:
    """The tokens of one palette, ready to use."""

    name: str
    colours: dict[str, str]
    type: dict[str, Any]
    spacing: dict[str, int]
    radius: dict[str, int]
    focus_width: int
    target: int

    def colour(self, key: str) -> QColor:
        return QColor(self.colours[key])


@cache
def _tokens() -> dict[str, Any]:
    import resources

    with open(resources.path("design", "tokens.json"), encoding="utf-8") as file:
        tokens: dict[str, Any] = json.load(file)
    return tokens


def theme(high_contrast: bool = False) -> Theme:
    tokens = _tokens()
    name = "high_contrast" if high_contrast else "normal"
    return Theme(name=name, colours=dict(tokens["palettes"][name]), type=dict(tokens["type"]),
                 spacing=dict(tokens["spacing"]), radius=dict(tokens["radius"]),
                 focus_width=int(tokens["focus"]["width"]), target=int(tokens["target"]))


def current() -> Theme:
    """The theme the running app was given (the normal one before ``apply``)."""
    app = QApplication.instance()
    high = bool(app.property("amendsHighContrast")) if app is not None else False
    return theme(high)


def stylesheet(t: Theme) -> str:
    """The whole app's stylesheet from the tokens."""
    c, ty, sp, r = t.colours, t.type, t.spacing, t.radius
    target, fw = t.target, t.focus_width
    families = ", ".join(f'"{f}"' for f in ty["family"])
    # A control's box: 1 px border + padding + content = the touch target. On focus the
    # border thickens by as much as the padding shrinks, so nothing moves.
    inner = target - 2 * (1 + sp["s"])
    grow = fw - 1
    return f"""
* {{ font-family: {families}; font-size: {ty["body"]}px; }}
QWidget {{ color: {c["text"]}; }}
QMainWindow, QDialog, QStackedWidget, QScrollArea, QScrollArea > QWidget > QWidget {{
    background: {c["window"]}; }}
QDialog {{ border: 1px solid {c["border"]}; }}
QLabel {{ background: transparent; }}
QLabel[tone="error"] {{ color: {c["error"]}; font-weight: 600; }}
QLabel[tone="warning"] {{ color: {c["warning"]}; font-weight: 600; }}
QLabel[tone="success"] {{ color: {c["success"]}; font-weight: 600; }}
QLabel[tone="muted"] {{ color: {c["muted"]}; font-size: {ty["small"]}px; }}
QLabel[tone="prompt"] {{ background: {c["prompt"]}; padding: {sp["s"]}px {sp["m"]}px;
    border-radius: {r["control"]}px; border: 1px solid {c["border"]}; }}
QLabel[tone="title"] {{ font-size: {ty["title"]}px; font-weight: 700; }}
QLabel[tone="heading"] {{ font-size: {ty["heading"]}px; font-weight: 600; }}
QLabel[tone="clock"] {{ font-size: {ty["title"]}px; font-weight: 700; }}
QLabel[tone="step"] {{ color: {c["primary"]}; font-weight: 700; padding: {sp["xs"]}px 0;
    border-bottom: {fw}px solid {c["primary"]}; }}
QLabel[tone="done"] {{ color: {c["success"]}; padding: {sp["xs"]}px 0; }}
QLabel[tone="todo"] {{ color: {c["muted"]}; padding: {sp["xs"]}px 0; }}
QPushButton, QToolButton {{
    min-height: {inner}px; min-width: {inner}px; padding: {sp["s"]}px {sp["l"]}px;
    background: {c["surface"]}; border: 1px solid {c["border"]};
    border-radius: {r["control"]}px; }}
QPushButton:hover, QToolButton:hover {{ background: {c["surface_alt"]}; }}
QPushButton:pressed, QToolButton:pressed {{ background: {c["selection"]}; }}
QPushButton:default, QPushButton[role="primary"] {{
    background: {c["primary"]}; color: {c["primary_text"]}; border-color: {c["primary"]}; }}
QPushButton:default:hover, QPushButton[role="primary"]:hover {{
    background: {c["primary_hover"]}; }}
QPushButton:disabled, QToolButton:disabled {{
    color: {c["disabled"]}; background: {c["surface_alt"]}; border-color: {c["surface_alt"]}; }}
QPushButton:focus, QToolButton:focus {{
    border: {fw}px solid {c["focus"]}; padding: {sp["s"] - grow}px {sp["l"] - grow}px; }}
QLineEdit, QComboBox, QSpinBox, QDoubleSpinBox, QDateEdit, QTimeEdit {{
    min-height: {inner}px; padding: {sp["s"]}px {sp["s"]}px;
    background: {c["surface"]}; border: 1px solid {c["border"]};
    border-radius: {r["control"]}px;
    selection-background-color: {c["selection"]}; selection-color: {c["selection_text"]}; }}
QPlainTextEdit, QTextEdit, QListView, QListWidget, QTreeView, QTableView {{
    background: {c["surface"]}; border: 1px solid {c["border"]};
    border-radius: {r["control"]}px;
    selection-background-color: {c["selection"]}; selection-color: {c["selection_text"]}; }}
QLineEdit:focus, QComboBox:focus, QSpinBox:focus, QDoubleSpinBox:focus, QDateEdit:focus,
QTimeEdit:focus {{
    border: {fw}px solid {c["focus"]}; padding: {sp["s"] - grow}px {sp["s"] - grow}px; }}
QPlainTextEdit:focus, QTextEdit:focus, QListView:focus, QListWidget:focus, QTreeView:focus,
QTableView:focus {{ border: {fw}px solid {c["focus"]}; }}
QLineEdit:read-only {{ background: {c["surface_alt"]}; }}
QComboBox::drop-down {{ width: {target - 8}px; border: none; }}
QComboBox QAbstractItemView::item {{ min-height: {target}px; }}
QListView::item, QListWidget::item, QTreeView::item {{ min-height: {target}px;
    padding: 0 {sp["s"]}px; }}
QListView::item:selected, QListWidget::item:selected, QTreeView::item:selected,
QTableView::item:selected {{ background: {c["selection"]}; color: {c["selection_text"]}; }}
QHeaderView::section {{ min-height: {target - 2 * sp["s"]}px; padding: {sp["s"]}px;
    background: {c["surface_alt"]}; border: none;
    border-bottom: 1px solid {c["border"]}; font-weight: 600; }}
QCheckBox, QRadioButton {{ min-height: {target}px; spacing: {sp["s"]}px; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: 22px; height: 22px; }}
QCheckBox:focus, QRadioButton:focus {{ color: {c["primary"]}; text-decoration: underline; }}
QTabBar::tab {{ min-height: {inner}px; min-width: {inner}px; padding: {sp["s"]}px {sp["l"]}px;
    background: {c["surface_alt"]}; border: 1px solid {c["border"]};
    border-top-left-radius: {r["control"]}px; border-top-right-radius: {r["control"]}px; }}
QTabBar::tab:selected {{ background: {c["surface"]}; font-weight: 600; }}
QTabBar::tab:focus {{ border: {fw}px solid {c["focus"]}; }}
QMenuBar {{ background: {c["surface"]}; border-bottom: 1px solid {c["border"]}; }}
QMenuBar::item {{ padding: {sp["m"]}px {sp["l"]}px; }}
QMenuBar::item:selected {{ background: {c["selection"]}; color: {c["selection_text"]}; }}
QMenu {{ background: {c["surface"]}; border: 1px solid {c["border"]}; }}
QMenu::item {{ padding: {sp["m"]}px {sp["xl"]}px; min-height: {target - 2 * sp["m"]}px; }}
QMenu::item:selected {{ background: {c["selection"]}; color: {c["selection_text"]}; }}
QStatusBar {{ background: {c["surface"]}; border-top: 1px solid {c["border"]}; }}
QGroupBox {{ border: 1px solid {c["border"]}; border-radius: {r["card"]}px;
    margin-top: {sp["xl"]}px; padding: {sp["m"]}px; background: {c["surface"]}; }}
QGroupBox::title {{ subcontrol-origin: margin; left: {sp["m"]}px; padding: 0 {sp["xs"]}px;
    font-weight: 600; }}
QFrame[role="card"] {{ background: {c["surface"]}; border: 1px solid {c["border"]};
    border-radius: {r["card"]}px; }}
QProgressBar {{ min-height: {sp["l"]}px; color: {c["text"]}; border: 1px solid {c["border"]};
    border-radius: {r["control"]}px; background: {c["surface_alt"]}; text-align: center; }}
QProgressBar::chunk {{ background: {c["meter"]}; border-radius: {r["control"] - 1}px; }}
QProgressBar[level="low"]::chunk {{ background: {c["meter_low"]}; }}
QScrollBar:vertical {{ width: {sp["l"]}px; }}
QScrollBar:horizontal {{ height: {sp["l"]}px; }}
QToolTip {{ color: {c["text"]}; background: {c["surface"]}; border: 1px solid {c["border"]}; }}
#followupBanner {{ background: {c["notice"]}; border: 1px solid {c["notice_border"]};
    border-radius: {r["control"]}px; }}
QListWidget#staffList {{ background: {c["window"]}; border: none; }}
QListWidget#staffList::item {{ background: {c["surface"]}; border: 1px solid {c["border"]};
    border-radius: {r["tile"]}px; margin: {sp["xs"]}px; padding: {sp["s"]}px;
    font-size: {ty["heading"]}px; }}
QListWidget#staffList::item:selected {{ background: {c["selection"]};
    border: {fw}px solid {c["primary"]}; color: {c["selection_text"]}; }}
QLineEdit#pinField {{ font-size: {ty["display"]}px; min-height: {inner + 14}px;
    lineedit-password-character: 9679; letter-spacing: 6px; }}
QPushButton[role="pad"] {{ font-size: {ty["title"]}px; min-height: {inner + 14}px;
    min-width: {target}px; }}
"""


def palette(t: Theme) -> QPalette:
    """Qt's own palette from the tokens, for what the stylesheet does not reach."""
    return first_paint.palette(t.colours)


def apply(app: QApplication, high_contrast: bool | None = None) -> Theme:
    """Give the whole app the design: Fusion (the same on every platform), palette, stylesheet
    (``first_paint.apply``: this stylesheet, precomputed)."""
    return theme(first_paint.apply(app, high_contrast) == "high_contrast")


def touch_rows(view: QTableView) -> QTableView:
    """A table's rows as tall as a touch target, without row numbers.

    Rows are sized by the vertical header, which the stylesheet does not reach."""
    header = view.verticalHeader()
    header.hide()
    header.setMinimumSectionSize(current().target)
    header.setDefaultSectionSize(current().target)
    return view


def tone(widget: QWidget, name: str) -> QWidget:
    """Mark text as an error, warning, success, muted, prompt, title or heading."""
    if name not in TONES:
        raise ValueError(f"unknown tone {name!r}")
    return _restyle(widget, "tone", name)


def role(widget: QWidget, name: str) -> QWidget:
    """Mark a control as ``primary`` (the screen's main action), ``pad`` (PIN pad) or ``card``."""
    return _restyle(widget, "role", name)


def _restyle(widget: QWidget, key: str, value: str) -> QWidget:
    if widget.property(key) != value:
        widget.setProperty(key, value)
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)
    return widget


ICONS = {
    "new_case": "file-plus",
    "print": "printer",
    "sync": "refresh-cw",
    "review": "chart-column",
    "settings": "settings",
    "sign_out": "log-out",
    "sign_in": "log-in",
    "approve": "circle-check",
    "vouchers": "ticket",
    "lock": "lock",
    "backspace": "delete",
}
_icon_cache: dict[tuple[str, str], QIcon] = {}  # by (action, colour)


def icon(name: str, colour: str = "text") -> QIcon:
    """A Lucide icon (by the action it stands for) drawn in a palette colour of the theme."""
    value = current().colours[colour]
    key = (name, value)  # by the colour itself: another palette makes another icon
    if key not in _icon_cache:
        import resources

        file = resources.path("icons", "lucide", f"{ICONS[name]}.svg")
        svg = file.read_text(encoding="utf-8").replace("currentColor", value)
        _icon_cache[key] = _render(svg.encode("utf-8"))
    return _icon_cache[key]


def _render(svg: bytes) -> QIcon:
    from PySide6.QtCore import QByteArray, Qt
    from PySide6.QtGui import QPainter, QPixmap
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg))
    result = QIcon()
    for size in (16, 24, 32, 48, 64):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        result.addPixmap(pixmap)
    return result


__all__ = ["ENV_HIGH_CONTRAST", "ICONS", "TONES", "Theme", "apply", "current", "icon", "role",
           "stylesheet", "theme", "tone", "wants_high_contrast"]
