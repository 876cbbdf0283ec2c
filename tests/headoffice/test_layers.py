"""The arrows between the top-level packages: head office imports ``db`` (never ``desktop``), and
what desk and head office must agree on is defined once, under ``db``."""

from __future__ import annotations

import ast
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

import db.money
import db.policy
import desktop.core.money
import desktop.core.policy
from headoffice import admin
from headoffice.store import open_database, session_factory, transaction

ROOT = Path(__file__).resolve().parents[2]


def imported_packages(package: str, root: Path = ROOT) -> dict[str, set[str]]:
    """For every module file under ``package``: the top-level packages it imports (absolute
    imports; a relative one counts as the package itself)."""
    found: dict[str, set[str]] = {}
    for path in sorted((root / package).rglob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                names.update(alias.name.partition(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                names.add(package if node.level else (node.module or "").partition(".")[0])
            elif isinstance(node, ast.Call) and _dynamic_import(node):
                names.add(str(node.args[0].value).partition(".")[0])  # type: ignore[attr-defined]
        found[path.relative_to(root).as_posix()] = names
    return found


def _dynamic_import(call: ast.Call) -> bool:
    """``__import__("x")`` or ``importlib.import_module("x")`` with a literal name."""
    func = call.func
    named = ((isinstance(func, ast.Name) and func.id == "__import__")
             or (isinstance(func, ast.Attribute) and func.attr == "import_module"))
    return (named and bool(call.args) and isinstance(call.args[0], ast.Constant)
            and isinstance(call.args[0].value, str))


@pytest.mark.parametrize("line", [
    "import desktop.core.money",
    "import os, desktop",
    "from desktop.core.policy import parse_policy",
    "from desktop import core",
    "def f():\n    from desktop.sync import client",
    "__import__('desktop.core')",
    "importlib.import_module('desktop.core.money')",
])
def test_the_walk_sees_every_kind_of_import(tmp_path: Path, line: str) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "mod.py").write_text(f"import json\n{line}\n", encoding="utf-8")
    assert imported_packages("pkg", tmp_path) == {"pkg/mod.py": {"json", "desktop"} | (
        {"os"} if "os" in line else set())}


def test_the_walk_finds_head_office_modules() -> None:
    found = imported_packages("headoffice")
    assert len(found) > 10
    assert "db" in found["headoffice/push.py"]


def test_head_office_imports_nothing_from_the_desktop_app() -> None:
    offenders = {path: sorted(names & {"desktop", "resources"})
                 for path, names in imported_packages("headoffice").items()
                 if names & {"desktop", "resources"}}
    assert offenders == {}


def test_db_imports_neither_the_desktop_app_nor_head_office() -> None:
    offenders = {path: sorted(names & {"desktop", "headoffice", "resources"})
                 for path, names in imported_packages("db").items()
                 if names & {"desktop", "headoffice", "resources"}}
    assert offenders == {}


def test_desk_and_head_office_share_one_policy_validation() -> None:
    assert desktop.core.policy.parse_policy is db.policy.parse_policy
    assert desktop.core.policy.PolicyError is db.policy.PolicyError
    assert desktop.core.policy.Policy is db.policy.Policy
    assert getattr(admin, "parse_policy") is db.policy.parse_policy  # noqa: B009


def test_desk_and_head_office_share_one_currency_table() -> None:
    for name in ("check_currency", "exponent", "CurrencyError", "format_money"):
        assert getattr(desktop.core.money, name) is getattr(db.money, name), name


@pytest.mark.parametrize("change", [
    {"version": 0},
    {"roles": {}},
    {"approver_roles": ["owner"]},
    {"stay_window_days": 61},
    {"follow_up_minutes": True},
])
def test_head_office_refuses_what_a_desk_refuses_with_the_same_reason(
        tmp_path: Path, change: dict[str, object]) -> None:
    document = {**desktop.core.policy.default_policy().to_dict(), **change}
    text = json.dumps(document)
    with pytest.raises(desktop.core.policy.PolicyError) as at_desk:
        desktop.core.policy.parse_policy(text)
    engine = open_database(f"sqlite:///{tmp_path / 'hq.sqlite3'}")
    now = datetime(2026, 11, 30, tzinfo=UTC)
    try:
        with transaction(session_factory(engine)) as session:
            admin.add_site(session, name="Harbour", currency="EUR", timezone="Europe/Paris",
                           now=now)
        with pytest.raises(admin.AdminError) as at_head_office, \
                transaction(session_factory(engine)) as session:
            admin.set_policy(session, "Harbour", text, now=now)
    finally:
        engine.dispose()
    assert str(at_head_office.value) == f"the policy is not valid: {at_desk.value}"
