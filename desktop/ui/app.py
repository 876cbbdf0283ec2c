"""Starting the desk app: QApplication, translations, the store, first-start set-up."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from db.store import StoreError
from desktop.core.desk import Desk


def install_translations(app: QApplication, locale_name: str | None = None) -> None:
    """Qt's own strings and ours, for the site's (or the system's) language."""
    import resources

    locale = QLocale(locale_name) if locale_name else QLocale.system()
    qt_translator = QTranslator(app)
    if qt_translator.load(locale, "qtbase", "_",
                          QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
    ours = QTranslator(app)
    if ours.load(locale, "amends", "_", str(resources.path("translations"))):
        app.installTranslator(ours)


def open_desk(data_dir: Path, *, demo: bool) -> Desk:
    desk = Desk.open(data_dir)
    if demo and not desk.has_site():
        from desktop.core.demo import create_demo_site

        create_demo_site(desk)
    return desk


def run_app(data_dir: Path, *, demo: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Amends")
    app.setOrganizationName("Amends")
    install_translations(app)
    try:
        desk = open_desk(data_dir, demo=demo)
    except StoreError as error:
        QMessageBox.critical(None, app.translate("App", "Amends cannot open its case log"),
                             str(error))
        print(error, file=sys.stderr)
        return 2
    if not desk.has_site():
        from desktop.ui.setup import SetupDialog

        if SetupDialog(desk).exec() != QDialog.DialogCode.Accepted:
            return 0
    from desktop.ui.main_window import MainWindow

    window = MainWindow(desk)
    window.show()
    code = app.exec()
    desk.close()
    return code
