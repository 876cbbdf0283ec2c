"""Starting the desk app: QApplication, translations, the store, first-start set-up.

The sign-in screen is painted first, from a quick read-only look at the staff roster, and the
case log (SQLAlchemy, migrations, the chain check) is opened right after that first paint. A
person can pick their name and type their PIN meanwhile; it is checked once the log is open.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMessageBox

from desktop.core.paths import DB_FILE
from desktop.core.roster import read_roster, site_locale

if TYPE_CHECKING:
    from desktop.core.desk import Desk
    from desktop.core.roster import Roster
    from desktop.ui.main_window import MainWindow
    from desktop.ui.signin import SignInScreen


# The translators in use, so a change of language removes the previous ones first.
_TRANSLATORS: list[QTranslator] = []


def install_translations(app: QApplication, locale_name: str | None = None) -> QLocale:
    """Qt's own strings and ours, for the site's (or the system's) language.

    The language is decided before any window is built (``run_app`` reads the site's locale
    from the store first), so no screen needs retranslating. A language without a
    translation falls back to the English source strings. Returns the locale chosen, which
    also becomes Qt's default (number fields, Qt's own dialogs).
    """
    import resources

    locale = QLocale(locale_name) if locale_name else QLocale.system()
    remove_translations(app)
    QLocale.setDefault(locale)
    qt_translator = QTranslator(app)
    if qt_translator.load(locale, "qtbase", "_",
                          QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
        _TRANSLATORS.append(qt_translator)
    ours = QTranslator(app)
    if ours.load(locale, "amends", "_", str(resources.path("translations"))):
        app.installTranslator(ours)
        _TRANSLATORS.append(ours)
    return locale


def remove_translations(app: QApplication) -> None:
    """Back to the English source strings (tests switch languages within one process)."""
    for old in _TRANSLATORS:
        app.removeTranslator(old)
    _TRANSLATORS.clear()


def open_desk(data_dir: Path, *, demo: bool) -> Desk:
    from desktop.core.desk import Desk

    desk = Desk.open(data_dir)
    if demo and not desk.site.exists():
        from desktop.core.demo import create_demo_site

        create_demo_site(desk)
    return desk


class _OnFirstPaint(QObject):
    """Calls back once, when the watched widget has painted for the first time."""

    def __init__(self, callback: Callable[[], None]) -> None:
        super().__init__()
        self._callback: Callable[[], None] | None = callback

    # override: QObject.eventFilter
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            callback, self._callback = self._callback, None
            QTimer.singleShot(0, callback)  # after the paint has reached the screen
        return False


def _refuse(app: QApplication, error: Exception) -> None:
    logging.getLogger("amends").error("cannot open the case log: %s", error)
    QMessageBox.critical(None, app.translate("App", "Amends cannot open its case log"),
                         str(error))
    print(error, file=sys.stderr)


# Qt objects that must live as long as the app (Python would otherwise collect them).
_KEEP: list[QObject] = []

Hook = Callable[[], None] | None


def run_app(data_dir: Path, *, demo: bool = False, on_first_paint: Hook = None,
            on_ready: Hook = None) -> int:
    """Run the desk app.

    ``on_first_paint`` runs once the sign-in screen has painted, ``on_ready`` once the case
    log is open and a PIN can be checked (bench/startup.py measures both).
    """
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Amends")
    app.setOrganizationName("Amends")
    # Wayland and the taskbar match the window to installer/amends.desktop by this name.
    app.setDesktopFileName("amends")
    import resources

    app.setWindowIcon(QIcon(str(resources.path("icons", "amends-256.png"))))
    from desktop import __version__
    from desktop.core.logs import setup_logging

    setup_logging(data_dir)
    locale = install_translations(app, site_locale(data_dir / DB_FILE))
    logging.getLogger("amends").info("Amends %s starting on %s, language %s", __version__,
                                     data_dir, locale.name())
    roster = read_roster(data_dir / DB_FILE)
    if roster is not None and roster.staff:
        return _run_fast(app, data_dir, roster, on_first_paint, on_ready)
    return _run_full(app, data_dir, demo=demo, on_first_paint=on_first_paint,
                     on_ready=on_ready)


def _run_fast(app: QApplication, data_dir: Path, roster: Roster, on_first_paint: Hook,
              on_ready: Hook) -> int:
    from desktop.ui.signin import SignInScreen

    early = QMainWindow()
    early.setWindowTitle(app.translate("App", "Amends"))
    early.resize(1200, 760)
    screen = SignInScreen(None, roster=roster)
    early.setCentralWidget(screen)
    outcome: dict[str, int] = {}

    def finish() -> None:
        from db.store import StoreError

        try:
            desk = open_desk(data_dir, demo=False)
        except StoreError as error:
            early.hide()
            _refuse(app, error)
            outcome["code"] = 2
            app.quit()
            return
        _show_main(app, desk, early, screen)
        if on_ready is not None:
            on_ready()

    def painted() -> None:
        if on_first_paint is not None:
            on_first_paint()
        QTimer.singleShot(0, finish)

    watcher = _OnFirstPaint(painted)
    _KEEP.append(watcher)
    screen.installEventFilter(watcher)
    early.show()
    screen.pin.setFocus()
    code = app.exec()
    return outcome.get("code", code)


def _show_main(app: QApplication, desk: Desk, early: QMainWindow | None,
               screen: SignInScreen | None) -> MainWindow:
    from desktop.ui.main_window import MainWindow

    window = MainWindow(desk, sign_in=screen)
    if early is not None:
        window.setGeometry(early.geometry())
    window.show()
    if early is not None:
        early.hide()
        early.deleteLater()
    app.aboutToQuit.connect(desk.close)
    _KEEP.append(window)
    return window


def _run_full(app: QApplication, data_dir: Path, *, demo: bool, on_first_paint: Hook,
              on_ready: Hook) -> int:
    from db.store import StoreError

    try:
        desk = open_desk(data_dir, demo=demo)
    except StoreError as error:
        _refuse(app, error)
        return 2
    if not desk.site.exists():
        from desktop.ui.setup import SetupDialog

        if SetupDialog(desk).exec() != QDialog.DialogCode.Accepted:
            desk.close()
            return 0
    # Set-up was in the system's language; the desk itself speaks the site's.
    install_translations(app, desk.site.info().locale)
    window = _show_main(app, desk, None, None)

    def painted() -> None:
        for hook in (on_first_paint, on_ready):
            if hook is not None:
                hook()

    watcher = _OnFirstPaint(painted)
    _KEEP.append(watcher)
    window.sign_in.installEventFilter(watcher)
    return app.exec()
