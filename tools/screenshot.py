"""Make the README's screenshots: real windows on a real X server (Xvfb), on throwaway demo desks.

    .venv/bin/python tools/screenshot.py                 # all, into docs/screenshots/
    .venv/bin/python tools/screenshot.py --size 1920x1080 --scale 1.5 --out /tmp/shots

Without a display it starts itself again under ``xvfb-run`` (Debian: xvfb) with a screen of
the size asked for. Each shot is the whole screen (the app maximised), in English and in
Arabic: the sign-in screen, a case mid-recovery, the review and the vouchers dialog. The PNGs
are then made smaller: 128 colours (with Pillow, when installed) and optipng (when installed).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHOTS = ("signin", "case", "review", "vouchers")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--size", default="1366x768", help="screen size, WIDTHxHEIGHT")
    parser.add_argument("--scale", default="1", help="QT_SCALE_FACTOR (1.5: 150 %% scaling)")
    parser.add_argument("--languages", default="en,ar")
    parser.add_argument("--high-contrast", action="store_true")
    parser.add_argument("--only", choices=SHOTS, action="append")
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY"):
        xvfb = shutil.which("xvfb-run")
        if xvfb is None:
            print("needs an X server: install xvfb (xvfb-run)", file=sys.stderr)
            return 2
        return subprocess.call([xvfb, "-a", "-s", f"-screen 0 {args.size}x24",
                                sys.executable, __file__, *argv])
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    os.environ["QT_SCALE_FACTOR"] = args.scale
    os.environ.pop("QT_AUTO_SCREEN_SCALE_FACTOR", None)
    sys.path.insert(0, str(REPO))
    args.out.mkdir(parents=True, exist_ok=True)
    made = []
    for language in args.languages.split(","):
        made += _shoot(language, args.out, args.only or list(SHOTS), args.high_contrast)
    _fewer_colours(made)
    optipng = shutil.which("optipng")
    if optipng:
        subprocess.run([optipng, "-quiet", "-o2", *map(str, made)], check=False)
    for file in made:
        print(file)
    return 0


def _fewer_colours(files: list[Path]) -> None:
    """128 colours are plenty for flat screens and make each PNG a fraction of the size."""
    try:
        from PIL import Image
    except ImportError:
        return  # full colour, then: larger files, same picture
    for file in files:
        with Image.open(file) as image:
            reduced = image.convert("RGB").quantize(colors=128)
        reduced.save(file, optimize=True)


def _shoot(language: str, out: Path, shots: list[str], high_contrast: bool) -> list[Path]:
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.ui import design
    from desktop.ui.app import install_translations, open_desk
    from desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    design.apply(app, high_contrast)
    install_translations(app, language)
    made: list[Path] = []

    def settle() -> None:
        for _ in range(5):
            app.processEvents()
            QTimer.singleShot(60, lambda: None)
            QCoreApplication.sendPostedEvents()
        loop_for(400)

    def loop_for(ms: int) -> None:
        from PySide6.QtCore import QEventLoop

        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def save(name: str) -> None:
        settle()
        path = out / f"{name}-{language}.png"
        app.primaryScreen().grabWindow(0).save(str(path))
        made.append(path)

    with tempfile.TemporaryDirectory() as tmp:
        desk = open_desk(Path(tmp), demo=True)
        from desktop.core.seed import seed_history

        seed_history(desk, 240, years=1.0)  # the review's charts need some history
        window = MainWindow(desk)
        # Xvfb has no window manager to maximise it: take the whole screen by hand.
        window.setGeometry(app.primaryScreen().availableGeometry())
        window.show()
        if "signin" in shots:
            window.sign_in.select_staff("Sam Okoye")
            window.sign_in.pin.setText("24")
            save("signin")
        window.sign_in.select_staff("Sam Okoye")  # a supervisor: the review is theirs
        window.sign_in.pin.setText("2468")
        window.sign_in.submit()
        _fill_case(window)
        if "case" in shots:
            save("case")
        for name, opener in (("review", _review), ("vouchers", _vouchers)):
            if name in shots:
                dialog = opener(window)
                if name == "review":  # the dashboard wants room; a small dialog its own size
                    dialog.resize(window.size() * 0.9)
                dialog.move(window.geometry().center() - dialog.rect().center())
                dialog.show()
                _loaded(dialog, loop_for)
                save(name)
                dialog.close()
        window.close()
        desk.close()
    return made


def _loaded(dialog: object, wait: Callable[[int], None]) -> None:
    """The review over the last year (the seeded history), once it has loaded."""
    from desktop.ui.review_screen import ReviewDialog

    if isinstance(dialog, ReviewDialog):
        done: list[bool] = []
        dialog.loaded.connect(lambda: done.append(True))
        dialog.range.setCurrentIndex(dialog.range.findData("year"))
        dialog.load_button.click()
        for _ in range(100):
            if done:
                break
            wait(100)


def _fill_case(window: object) -> None:
    from desktop.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.new_case()
    panel = window.panel
    panel.guest.setText("Grace Kim")
    panel.location.setText("1203")
    panel.category.setCurrentIndex(panel.category.findData("maintenance"))
    panel.severity.setCurrentIndex(panel.severity.findData("medium"))
    panel.account.setPlainText("There's no hot water. It's half past three and I need to "
                               "shower before a wedding.")
    panel.complete()
    panel.apology.setPlainText("Apologised in person; she was calm by the end.")
    panel.complete()
    panel.guest_view.setPlainText("A wedding at five; no time to wait around.")
    panel.good_outcome.setPlainText("Hot water within the hour.")
    panel.complete()
    panel.fix_action.setPlainText("Moved to a room on the west riser; engineering told.")
    suggestions = panel.gestures.suggestion_list
    suggestions.setCurrentRow(0)
    suggestions.itemActivated.emit(suggestions.item(0))
    window.tick()


def _review(window: object):  # type: ignore[no-untyped-def]
    from desktop.ui.review_screen import ReviewDialog

    return ReviewDialog(window.desk, window.on_shift, window)  # type: ignore[attr-defined]


def _vouchers(window: object):  # type: ignore[no-untyped-def]
    from desktop.ui.vouchers import VouchersDialog

    return VouchersDialog(window.desk, window.on_shift, window)  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
