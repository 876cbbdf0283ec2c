"""Starting the desk app: QApplication, translations, the store, first-start set-up.

The sign-in screen is painted first, from a quick read-only look at the staff roster, and the
case log (SQLAlchemy, migrations, the chain check) is opened right after that first paint, in
the background (``desktop.ui.background``): the UI thread never waits for it. Right after the
first paint the screen also answers PINs (``desktop.core.early_pins``: the desk's own rule, on
the roster read with the standard library); the person is signed in once the log is open. A
log that cannot be opened is refused with its own message, shown on the UI thread from the
exception.

What runs before the first paint is kept to what painting needs: no logging, no thread pool,
no SQLAlchemy, no OpenSSL, no JSON, and neither Qt's ``Qt`` namespace (about 30 ms of CPU to
load its enums) nor Python's wrapper of ``QStyle`` (``desktop.ui.first_paint``); the design's
stylesheet comes precomputed. bench/startup.py measures it beside a bare PySide6 window.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

# Before PySide, which reads the source of every module imported after it (its
# ``__feature__`` check): 0.5 ms a module, sqlite3's three included.
from desktop.core.paths import DB_FILE
from desktop.core.roster import read_roster, site_locale

# isort: split
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QObject,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

from desktop.ui import first_paint

if TYPE_CHECKING:
    from desktop.core.desk import Desk
    from desktop.core.roster import Roster
    from desktop.ui.background import Background, Job
    from desktop.ui.main_window import MainWindow
    from desktop.ui.signin import SignInScreen


# The translators in use, so a change of language removes the previous ones first.
_TRANSLATORS: list[QTranslator] = []
_SHOWN = ["en"]  # the language of the translation in use


def install_translations(app: QApplication, locale_name: str | None = None) -> QLocale:
    """Qt's own strings and ours, for the site's (or the system's) language.

    The language is decided before any window is built (``run_app`` reads the site's locale
    from the store first), so no screen needs retranslating. A language without a
    translation falls back to the English source strings, Qt's own included, and so reads
    left to right: the layout direction follows the language actually shown, never the
    locale alone (a Hebrew site without a Hebrew translation would mirror English screens).
    Returns the locale chosen, which also becomes Qt's default (number fields, money).
    """
    import resources

    locale = QLocale(locale_name) if locale_name else QLocale.system()
    remove_translations(app)
    QLocale.setDefault(latin_digits(locale))
    ours = QTranslator(app)
    if ours.load(locale, "amends", "_", str(resources.path("translations"))):
        from PySide6.QtCore import QLibraryInfo  # only with a translation: 3 ms to load

        qt_translator = QTranslator(app)
        if qt_translator.load(locale, "qtbase", "_",
                              QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_translator)
            _TRANSLATORS.append(qt_translator)
        app.installTranslator(ours)
        _TRANSLATORS.append(ours)
    # Set, not left to Qt: Qt would take it from its own translation's direction.
    first_paint.set_by_name(app, "layoutDirection",
                            "RightToLeft" if right_to_left(ours) else "LeftToRight")
    _SHOWN[0] = "en" if ours.isEmpty() else ours.language().replace("-", "_").split("_")[0]
    return locale


def shown_language() -> str:
    """The language the screens are shown in ("ar", "es"): the translation loaded, else
    English."""
    return _SHOWN[0]


def latin_digits(locale: QLocale) -> QLocale:
    """``locale``, or the nearest one of its language that writes 0-9 with a decimal point.

    Money, slips and what is typed use 0-9 (Babel's digits); Qt would write spin boxes and
    dates of an Arabic (Bahrain) site in Arabic-Indic digits (٢٠), beside money in 0-9 on the
    same screen. The language, and so month and day names, stays the site's.
    """
    if locale.zeroDigit() == "0":
        return locale
    same_language = QLocale.matchingLocales(locale.language(), QLocale.Script.AnyScript,
                                            QLocale.Country.AnyCountry)
    latin = [other for other in same_language if other.zeroDigit() == "0"]
    latin.sort(key=lambda other: other.decimalPoint() != ".")
    return latin[0] if latin else locale


def right_to_left(translator: QTranslator) -> bool:
    """Right to left only when the desk's words are in a right-to-left language (Qt's rule,
    ``QLocale.textDirection``)."""
    if translator.isEmpty():
        return False
    locale = QLocale(translator.language())
    # A language whose own name is written left to right settles it without asking Qt, whose
    # answer is an enum of the ``Qt`` namespace (loading it costs before the first paint);
    # tests/ui/test_first_paint.py checks this against Qt for every locale it knows.
    if written_left_to_right(locale.nativeLanguageName()):
        return False
    from PySide6.QtCore import Qt

    return locale.textDirection() == Qt.LayoutDirection.RightToLeft


def written_left_to_right(text: str) -> bool:
    """Whether ``text``'s first letter of a strong direction is a left-to-right one."""
    from desktop.core.text_direction import first_strong_direction

    return first_strong_direction(text) == "ltr"


def remove_translations(app: QApplication) -> None:
    """Back to the English source strings (tests switch languages within one process)."""
    for old in _TRANSLATORS:
        app.removeTranslator(old)
    _TRANSLATORS.clear()
    _SHOWN[0] = "en"
    first_paint.set_by_name(app, "layoutDirection", "LeftToRight")


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
            # Once is enough: every later event would call into Python (and take the GIL
            # from the thread opening the store) for nothing.
            watched.removeEventFilter(self)
            QTimer.singleShot(0, callback)  # after the paint has reached the screen
        return False


def _refuse(app: QApplication, error: BaseException) -> None:
    """Say why the case log cannot be opened, on the UI thread, from the exception itself."""
    import logging

    from PySide6.QtWidgets import QMessageBox

    from db.errors import StoreError
    from desktop.ui import labels, store_labels  # only here: the usual start needs neither
    from desktop.ui.background import log_failure

    title = app.translate("App", "Amends cannot open its case log")
    if isinstance(error, StoreError):
        # A damaged or newer store, a broken chain: the log keeps the English detail, the
        # person reads the problem in the desk's language, with the file and what to do.
        logging.getLogger("amends").error("cannot open the case log: %s", error)
        text = store_labels.store_problem(error)
    else:
        log_failure(error, "opening the case log")
        text = labels.unexpected_problem()
    QMessageBox.critical(None, title, text)
    print(text, file=sys.stderr)


# Qt objects that must live as long as the app (Python would otherwise collect them).
_KEEP: list[QObject] = []

Hook = Callable[[], None] | None


def run_app(data_dir: Path, *, demo: bool = False, on_first_paint: Hook = None,
            on_pin_ready: Hook = None, on_ready: Hook = None,
            high_contrast: bool | None = None) -> int:
    """Run the desk app.

    ``on_first_paint`` runs once the first window (the sign-in screen, or on a first start a
    short "Opening the case log…") has painted, ``on_pin_ready`` once a PIN typed would be
    answered (right after the first paint, or once the log is open on a first start),
    ``on_ready`` once the case log is open and the main window shown (bench/startup.py
    measures the first two). ``high_contrast`` (the command line's ``--high-contrast``; None:
    the ``AMENDS_HIGH_CONTRAST`` environment variable) chooses the design's high-contrast
    palette.
    """
    app = QApplication.instance() or first_paint.new_app(sys.argv)
    app.setApplicationName("Amends")
    app.setOrganizationName("Amends")
    # Wayland and the taskbar match the window to installer/amends.desktop by this name.
    app.setDesktopFileName("amends")
    first_paint.apply(app, high_contrast)
    install_translations(app, site_locale(data_dir / DB_FILE))
    roster = read_roster(data_dir / DB_FILE)
    start = _Start(app, data_dir, roster if roster is not None and roster.staff else None,
                   demo=demo, hooks=(on_first_paint, on_pin_ready, on_ready))
    return start.run()


class _Start(QObject):
    """Start-up: paint a first window, open the case log in the background, then show the desk.

    With a roster (the usual start) the first window is the sign-in screen itself, and the
    main window takes it over with whatever was typed meanwhile. Without one (a first start, or
    a store the quick look could not read) it says "Opening the case log…"; once the log is
    open, set-up runs if the store has no site yet. ``Desk.open`` (migrations, the chain check)
    runs in the thread pool through ``desktop.ui.background``, so the UI thread keeps painting
    and taking keys; a failure comes back as the exception and is shown from here.
    """

    def __init__(self, app: QApplication, data_dir: Path, roster: Roster | None, *, demo: bool,
                 hooks: tuple[Hook, Hook, Hook]) -> None:
        super().__init__()
        self.app = app
        self.data_dir = data_dir
        self.demo = demo
        self.on_first_paint, self.on_pin_ready, self.on_ready = hooks
        self.code: int | None = None
        self.opening: Background | None = None
        self.early = QMainWindow()
        self.early.setWindowTitle(app.translate("App", "Amends"))
        self.early.resize(1200, 760)
        self.screen: SignInScreen | None = None
        if roster is not None:
            from desktop.ui.signin import SignInScreen

            self.screen = SignInScreen(None, roster=roster)
            self.first: QWidget = self.screen
        else:
            from PySide6.QtCore import Qt  # a first start: no hurry to paint

            waiting = QLabel(app.translate("SignInScreen", "Opening the case log…"))
            waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.first = waiting
        self.early.setCentralWidget(self.first)

    def run(self) -> int:
        watcher = _OnFirstPaint(self._painted)
        _KEEP.append(watcher)
        self.first.installEventFilter(watcher)
        self.app.aboutToQuit.connect(self._quitting)
        self.early.show()
        if self.screen is not None:
            self.screen.pin.setFocus()
        code = self.app.exec()
        self.app.aboutToQuit.disconnect(self._quitting)
        # Closing the last window posts a Quit of its own; left pending, it would end the next
        # event loop at once (run_app runs more than once in one process in the tests).
        QCoreApplication.removePostedEvents(self.app, QEvent.Type.Quit)
        return self.code if self.code is not None else code

    def _painted(self) -> None:
        if self.on_first_paint is not None:
            self.on_first_paint()
        if self.screen is not None:
            from desktop.core.early_pins import EarlyPins

            self.screen.check_early(EarlyPins(self.data_dir / DB_FILE))
            if self.on_pin_ready is not None:
                self.on_pin_ready()
        # The icon, the log file and the thread pool after the first paint: none is needed
        # to paint.
        import logging

        from PySide6.QtGui import QIcon

        import resources
        from desktop import __version__
        from desktop.core.logs import setup_logging
        from desktop.ui.background import run_job

        self.app.setWindowIcon(QIcon(str(resources.path("icons", "amends-256.png"))))

        setup_logging(self.data_dir)
        logging.getLogger("amends").info("Amends %s starting on %s, language %s", __version__,
                                         self.data_dir, QLocale().name())
        data_dir, demo = self.data_dir, self.demo

        def work(job: Job) -> Desk:
            desk = open_desk(data_dir, demo=demo)
            if job.cancelled:  # the app quit meanwhile: nobody will use or close it
                desk.close()
            return desk

        self.opening = run_job(work, self._opened, self._failed)

    def _quitting(self) -> None:
        if self.opening is not None:
            self.opening.cancel()

    def _failed(self, error: BaseException) -> None:
        self.opening = None
        self.early.hide()
        _refuse(self.app, error)
        self._quit(2)

    def _quit(self, code: int) -> None:
        self.code = code
        self.early.close()
        self.app.quit()

    def _opened(self, desk: Desk) -> None:
        self.opening = None
        if self.screen is None:
            if not desk.site.exists():
                from PySide6.QtWidgets import QDialog

                from desktop.ui.setup import SetupDialog

                # Over the early window, which stays up: closing the last window would end
                # the app before the main window shows.
                if SetupDialog(desk, self.early).exec() != QDialog.DialogCode.Accepted:
                    desk.close()
                    self._quit(0)
                    return
            # Set-up was in the system's language; the desk itself speaks the site's.
            install_translations(self.app, desk.site.info().locale)
        window = _show_main(self.app, desk, self.early, self.screen)
        if self.screen is None and self.on_pin_ready is not None:
            self.on_pin_ready()
        # Start-up checked only what is new since the last check: now the whole chain, in
        # the background, never holding anyone up; a fault locks the desk.
        from desktop.ui.chain_check import WholeChainCheck

        window.chain_check = WholeChainCheck(  # type: ignore[attr-defined]
            window, desk, lambda error: self._broken(window, error))
        if self.on_ready is not None:
            self.on_ready()

    def _broken(self, window: QMainWindow, error: BaseException) -> None:
        """The whole-chain check found a fault after start: the same refusal as at start."""
        window.close()  # stops its clock and the sync worker: the desk is locked already
        _refuse(self.app, error)
        self.code = 2
        self.app.quit()


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
