"""Render resources/icons/amends.svg to the PNG sizes desktops ask for, and a Windows .ico.

Run after changing the SVG: ``.venv/bin/python tools/make_icons.py``. The PNGs and the .ico
are committed, so building the installer needs neither Qt's SVG renderer nor Pillow.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ICONS = REPO / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    renderer = QSvgRenderer(str(ICONS / "amends.svg"))
    if not renderer.isValid():
        print("amends.svg does not render", file=sys.stderr)
        return 1
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(ICONS / f"amends-{size}.png"))
    from PIL import Image

    # One .ico holding the sizes Windows uses (Explorer, Start menu, taskbar, title bar).
    Image.open(ICONS / "amends-256.png").save(
        ICONS / "amends.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    print(f"wrote {len(SIZES)} PNGs and amends.ico to {ICONS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
