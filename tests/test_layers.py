"""The arrows point one way: ``ui → sync/slips → core → db``, and ``headoffice → db``.

Every module's imports (module level and inside functions, ``TYPE_CHECKING`` blocks too) are
read from its source, so an import hidden in a function to dodge start-up cost still counts.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

# package -> the packages it must never import (a prefix match on the imported module)
FORBIDDEN = {
    "db": ("desktop", "headoffice", "resources", "PySide6"),
    "desktop/core": ("desktop.slips", "desktop.sync", "desktop.ui", "desktop.cli", "PySide6",
                     "headoffice"),
    "desktop/slips": ("desktop.sync", "desktop.ui", "desktop.cli", "PySide6", "headoffice"),
    "desktop/sync": ("desktop.slips", "desktop.ui", "desktop.cli", "PySide6", "headoffice"),
    "headoffice": ("desktop", "resources", "PySide6"),
}


def imported(path: Path, package: str = "") -> list[tuple[int, str]]:
    """(line, module) for every import in a file: plain, from, relative (as ``package``) and
    dynamic ones with a literal name (``__import__``, ``importlib.import_module``)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append((node.lineno, package if node.level else node.module or ""))
        elif isinstance(node, ast.Call) and _dynamic_import(node):
            found.append((node.lineno, str(node.args[0].value)))  # type: ignore[attr-defined]
    return found


def _dynamic_import(call: ast.Call) -> bool:
    func = call.func
    named = ((isinstance(func, ast.Name) and func.id == "__import__")
             or (isinstance(func, ast.Attribute) and func.attr == "import_module"))
    return (named and bool(call.args) and isinstance(call.args[0], ast.Constant)
            and isinstance(call.args[0].value, str))


def offending(package: str) -> list[str]:
    bad = []
    for path in sorted((REPO / package).rglob("*.py")):
        for line, module in imported(path, package.replace("/", ".")):
            for banned in FORBIDDEN[package]:
                if module == banned or module.startswith(banned + "."):
                    bad.append(f"{path.relative_to(REPO)}:{line} imports {module}")
    return bad


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_arrow_runs_back_up(package: str) -> None:
    assert offending(package) == []


@pytest.mark.parametrize(("line", "module"), [
    ("import desktop.core.money", "desktop.core.money"),
    ("import os, desktop", "desktop"),
    ("from desktop.core.policy import parse_policy", "desktop.core.policy"),
    ("def later():\n    from desktop.slips.compose import voucher_slip", "desktop.slips.compose"),
    ("if TYPE_CHECKING:\n    from desktop.ui import labels", "desktop.ui"),
    ("__import__('desktop.core')", "desktop.core"),
    ("importlib.import_module('desktop.sync.client')", "desktop.sync.client"),
])
def test_the_check_sees_every_kind_of_import(tmp_path: Path, line: str, module: str) -> None:
    path = tmp_path / "m.py"
    path.write_text(f"import json\n{line}\n", encoding="utf-8")
    assert module in {name for _, name in imported(path)}


def test_no_part_of_the_desk_is_over_400_lines() -> None:
    parts = ["desk", "cases", "grants", "voucher_book", "shifts", "site", "staff", "settings",
             "ledger", "recorder", "views", "errors", "inputs"]
    sizes = {part: len((REPO / "desktop/core" / f"{part}.py").read_text().splitlines())
             for part in parts}
    assert sizes["desk"] <= 250
    assert {part: n for part, n in sizes.items() if n > 400} == {}


def test_no_file_of_the_desk_or_head_office_is_over_400_lines() -> None:
    # The last ones over it (cli.py, sync/client.py, headoffice/models.py) were split.
    sizes = {str(path.relative_to(REPO)): len(path.read_text(encoding="utf-8").splitlines())
             for folder in ("desktop", "db", "headoffice")
             for path in (REPO / folder).rglob("*.py")}
    assert {name: n for name, n in sizes.items() if n > 400} == {}


def test_the_sign_in_screen_and_main_window_load_without_reportlab_or_the_orm() -> None:
    """Start-up paints the sign-in screen before the store is opened, and builds the main
    window without ReportLab (slips are made in the pool when printed)."""
    import subprocess
    import sys

    code = ("import sys; import desktop.ui.app, desktop.ui.signin; "
            "early = {m for m in ('sqlalchemy', 'reportlab') if m in sys.modules}; "
            "import desktop.ui.main_window, desktop.ui.gesture, desktop.ui.slips_ui; "
            "print(sorted(early), 'reportlab' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=REPO, env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
                            timeout=120, check=True)
    assert result.stdout.split() == ["[]", "False"], result.stdout + result.stderr
