"""The desk installs PySide6-Essentials and PySide6-Addons, not the PySide6 meta package that
adds WebEngine and QtPdf (issue 15, finding 15): every Qt module the desk imports comes from
those two wheels."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def dependency_names() -> set[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {re.split(r"[<>=!~\[ ;]", d, maxsplit=1)[0].lower() for d in project["dependencies"]}


def test_the_desk_asks_for_essentials_and_addons_only() -> None:
    names = dependency_names()
    assert {"pyside6-essentials", "pyside6-addons"} <= names
    assert "pyside6" not in names


def test_every_qt_module_the_desk_imports_comes_from_those_wheels() -> None:
    imported = {module for path in (REPO / "desktop").rglob("*.py")
                for module in re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8"))}
    provided: dict[str, str] = {}
    for wheel in ("PySide6_Essentials", "PySide6_Addons"):
        for file in metadata.files(wheel) or []:
            match = re.fullmatch(r"PySide6/(Qt\w+)\.(abi3\.so|pyd|.*\.so)", str(file))
            if match:
                provided[match.group(1)] = wheel
    assert {"QtCharts", "QtWidgets", "QtPrintSupport"} <= imported
    assert imported <= set(provided), sorted(imported - set(provided))
    assert provided["QtCharts"] == "PySide6_Addons"
