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
    "db": ("desktop", "headoffice", "PySide6"),
    "desktop/core": ("desktop.slips", "desktop.sync", "desktop.ui", "desktop.cli", "PySide6",
                     "headoffice"),
    "desktop/slips": ("desktop.sync", "desktop.ui", "desktop.cli", "PySide6", "headoffice"),
    "desktop/sync": ("desktop.slips", "desktop.ui", "desktop.cli", "PySide6", "headoffice"),
    "headoffice": ("desktop", "PySide6"),
}


def imported(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def offending(package: str) -> list[str]:
    bad = []
    for path in sorted((REPO / package).rglob("*.py")):
        for line, module in imported(path):
            for banned in FORBIDDEN[package]:
                if module == banned or module.startswith(banned + "."):
                    bad.append(f"{path.relative_to(REPO)}:{line} imports {module}")
    return bad


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_arrow_runs_back_up(package: str) -> None:
    assert offending(package) == []


def test_the_check_sees_a_hidden_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def later():\n    from desktop.slips.compose import voucher_slip\n")
    assert imported(module) == [(2, "desktop.slips.compose")]


def test_no_part_of_the_desk_is_over_400_lines() -> None:
    parts = ["desk", "cases", "grants", "voucher_book", "shifts", "site", "staff", "settings",
             "ledger", "recorder", "views", "errors", "inputs"]
    sizes = {part: len((REPO / "desktop/core" / f"{part}.py").read_text().splitlines())
             for part in parts}
    assert sizes["desk"] <= 250
    assert {part: n for part, n in sizes.items() if n > 400} == {}
