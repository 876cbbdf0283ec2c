"""The design and Qt's values as the sign-in screen needs them before its first paint.

``desktop.ui.design`` is the one place that defines the design: tokens from
``resources/design/tokens.json`` become a palette and a stylesheet. Parsing the tokens and
formatting the stylesheet before every first paint is avoidable work, so both palettes are
precomputed into ``resources/design/<palette>.qss`` (``python -m desktop.ui.first_paint``
remakes them; tests/ui/test_first_paint.py checks that the shipped text is exactly what
design.py makes, so a change to design.py without remaking them fails there). Each file names
the CRC-32 of the tokens it was made from: a file that does not match the tokens in use (or
cannot be read) is ignored and the design is computed as before, so an edited tokens file is
never shown stale.

Also kept out of the first paint: Qt's ``Qt`` namespace (building its hundred enums costs
about 30 ms of CPU) and Python's wrapper of ``QStyle`` (about 12 ms). The sign-in screen sets
Qt properties by the names of their values (``set_by_name``), passes the few flags Qt takes
as numbers (below; the tests check them against Qt's), and marks widgets it has just made
(``mark``), which the stylesheet reads when they are first shown, with no re-polish.
"""

from __future__ import annotations

import os
import zlib
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

ENV_HIGH_CONTRAST = "AMENDS_HIGH_CONTRAST"
TONES = ("error", "warning", "success", "muted", "prompt", "title", "heading", "clock", "step",
         "done", "todo")
ROLES = ("primary", "pad", "card")
PALETTES = ("normal", "high_contrast")

# Qt's values the sign-in screen uses, by number (Qt takes ints for these). Not through
# setters whose overloads take an enum of ``Qt`` (``setTextAlignment``, ``setPen``,
# ``setBrush``): weighing the overloads loads the namespace too.
USER_ROLE = 256  # Qt.ItemDataRole.UserRole
DECORATION_ROLE = 1  # Qt.ItemDataRole.DecorationRole
TEXT_ALIGNMENT_ROLE = 7  # Qt.ItemDataRole.TextAlignmentRole
ALIGN_CENTER = 0x84  # Qt.AlignmentFlag.AlignCenter
ALIGN_TOP_CENTER = 0x24  # Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop

_HEADER = ("/* Amends design, {name} palette: made by desktop/ui/design.py from tokens.json "
           "(CRC-32 {crc:08x}); remade by python -m desktop.ui.first_paint */")
_COLOURS_LINE = "/* colours: {} */"
_COLOURS: dict[str, dict[str, str]] = {}  # each palette's colours by token name, once read

W = TypeVar("W", bound=QWidget)


def wants_high_contrast(flag: bool | None = None) -> bool:
    """The command-line flag if given, else the environment variable."""
    if flag is not None:
        return flag
    return os.environ.get(ENV_HIGH_CONTRAST, "").strip().lower() in {"1", "true", "yes", "on"}


def palette_name(high_contrast: bool) -> str:
    return "high_contrast" if high_contrast else "normal"


def _tokens_crc() -> int:
    import resources

    return zlib.crc32(resources.path("design", "tokens.json").read_bytes())


def made_text(name: str, colours: dict[str, str], sheet: str) -> str:
    """The precomputed file of palette ``name``: a header, its colours, its stylesheet."""
    pairs = " ".join(f"{key}={value}" for key, value in colours.items())
    return "\n".join((_HEADER.format(name=name, crc=_tokens_crc()), _COLOURS_LINE.format(pairs),
                      sheet))


def precomputed(name: str) -> tuple[dict[str, str], str] | None:
    """Palette ``name``'s colours and stylesheet as precomputed, or None if the file is
    missing, damaged or made from other tokens."""
    import resources

    try:
        header, colours, sheet = resources.path("design", f"{name}.qss").read_text(
            encoding="utf-8").split("\n", 2)
        if header != _HEADER.format(name=name, crc=_tokens_crc()):
            return None
        pairs = colours.removeprefix("/* colours: ").removesuffix(" */").split()
        return dict(pair.split("=", 1) for pair in pairs), sheet
    except (OSError, UnicodeDecodeError, ValueError):
        return None


def write_precomputed() -> list[str]:
    """Remake both precomputed files from design.py and the tokens; returns their paths."""
    import resources
    from desktop.ui import design

    written = []
    for name in PALETTES:
        theme = design.theme(name == "high_contrast")
        path = resources.path("design", f"{name}.qss")
        path.write_text(made_text(name, theme.colours, design.stylesheet(theme)),
                        encoding="utf-8", newline="\n")
        written.append(str(path))
    return written


def palette(colours: dict[str, str]) -> QPalette:
    """Qt's own palette from the tokens' colours, for what the stylesheet does not reach."""
    p = QPalette()
    role = QPalette.ColorRole
    for key, roles in (
        ("window", (role.Window, role.AlternateBase)),
        ("surface", (role.Base, role.Button, role.ToolTipBase)),
        ("text", (role.WindowText, role.Text, role.ButtonText, role.ToolTipText)),
        ("selection", (role.Highlight,)),
        ("selection_text", (role.HighlightedText,)),
        ("muted", (role.PlaceholderText,)),
        ("primary", (role.Link,)),
    ):
        for each in roles:
            p.setColor(each, QColor(colours[key]))
    for each in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, each, QColor(colours["disabled"]))
    return p


def new_app(argv: list[str]) -> QApplication:
    """The QApplication, in Fusion from the start (the same on every platform): named on
    Qt's command line, so no other style is made first and Python never asks for the style."""
    app = QApplication([*argv, "-style", "Fusion"])
    app.setProperty("amendsFusion", True)
    return app


def apply(app: QApplication, high_contrast: bool | None = None) -> str:
    """Give the whole app the design: Fusion, palette, stylesheet. Returns the palette's name.

    The precomputed stylesheet if it matches the tokens, else the one design.py makes."""
    name = palette_name(wants_high_contrast(high_contrast))
    found = precomputed(name)
    if found is None:
        from desktop.ui import design

        theme = design.theme(name == "high_contrast")
        found = theme.colours, design.stylesheet(theme)
    colours, sheet = found
    app.setProperty("amendsHighContrast", name == "high_contrast")
    # Already Fusion (new_app, or Linux's default): no second style.
    if not app.property("amendsFusion") and app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(palette(colours))
    app.setStyleSheet(sheet)
    _COLOURS[name] = colours
    return name


def colour(key: str) -> QColor:
    """A colour of the palette in use (the normal one before ``apply``), as
    ``design.current()`` has it, without reading the tokens when precomputed."""
    app = QApplication.instance()
    name = palette_name(bool(app.property("amendsHighContrast")) if app is not None else False)
    if name not in _COLOURS:
        found = precomputed(name)
        if found is None:
            from desktop.ui import design

            found = design.theme(name == "high_contrast").colours, ""
        _COLOURS[name] = found[0]
    return QColor(_COLOURS[name][key])


def mark(widget: W, *, tone: str | None = None, role: str | None = None) -> W:
    """A tone or role on a widget just made, before it is first shown or sized: the
    stylesheet reads it when Qt first polishes the widget. (``design.tone`` and
    ``design.role`` re-polish, for a widget already on screen.)"""
    if tone is not None:
        if tone not in TONES:
            raise ValueError(f"unknown tone {tone!r}")
        widget.setProperty("tone", tone)
    if role is not None:
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}")
        widget.setProperty("role", role)
    return widget


def set_by_name(target: QObject, prop: str, value: str) -> None:
    """Set a Qt property of enum type by its value's name ("focusPolicy", "NoFocus"): Qt
    converts the name, and Python never loads the enum's class."""
    if not target.setProperty(prop, value):
        raise ValueError(f"{type(target).__name__} has no property {prop!r} taking {value!r}")


if __name__ == "__main__":
    print("\n".join(write_precomputed()))
