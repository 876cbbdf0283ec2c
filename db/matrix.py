"""The recovery matrix: which gestures to suggest for a category and severity, as versioned data.

The desk ships one (``resources/recovery_matrix.json``); head office may publish a site's own
version, which its desks adopt on their next sync (``GET /api/v1/matrix``). Desk and head
office validate it with this one ``parse_matrix``: head office refuses to publish what a desk
would refuse to use. Values are reference amounts in whole units of the chain's reference
currency; a desk scales them by its currency's price factor (``desktop.core.playbook``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any, TypedDict

SEVERITIES = ("low", "medium", "high", "critical")
GESTURE_TYPES = ("comp", "voucher", "upgrade", "amenity", "credit", "refund", "none")
# A category key as cases store it: lower case, digits and underscores.
CATEGORY_KEY = re.compile(r"[a-z][a-z0-9_]{0,63}")
MAX_CATEGORIES = 100
MAX_SUGGESTIONS = 10  # per category and severity: a desk shows them as buttons
MAX_DESCRIPTION = 200
MAX_VALUE = 1_000_000


class MatrixError(ValueError):
    """A matrix that cannot be used; the message names the field and what is wrong."""


def parse_matrix(data: Mapping[str, Any] | str) -> dict[str, Any]:
    """The matrix in its canonical form ({"note", "categories", "fallback"}), or MatrixError."""
    if isinstance(data, str):
        try:
            data = json.loads(data)
        except json.JSONDecodeError as error:
            raise MatrixError(f"not valid JSON: {error}") from None
    if not isinstance(data, Mapping):
        raise MatrixError("a recovery matrix is a JSON object")
    note = data.get("note", "")
    if not isinstance(note, str):
        raise MatrixError("note: expected text")
    raw = data.get("categories")
    if not isinstance(raw, Mapping) or not raw:
        raise MatrixError("categories: expected an object with at least one category")
    if len(raw) > MAX_CATEGORIES:
        raise MatrixError(f"categories: at most {MAX_CATEGORIES}, got {len(raw)}")
    categories: dict[str, Any] = {}
    for key, entry in raw.items():
        if not CATEGORY_KEY.fullmatch(str(key)):
            raise MatrixError(f"categories.{key}: a category key is lower-case letters, digits "
                              "and underscores, starting with a letter (e.g. room_condition)")
        categories[str(key)] = _by_severity(entry, f"categories.{key}")
    fallback = _by_severity(data.get("fallback"), "fallback")
    return {"note": note, "categories": categories, "fallback": fallback}


def _by_severity(entry: Any, where: str) -> dict[str, list[dict[str, Any]]]:
    if not isinstance(entry, Mapping):
        raise MatrixError(f"{where}: expected an object of severities "
                          f"({', '.join(SEVERITIES)})")
    unknown = [str(k) for k in entry if k not in SEVERITIES]
    if unknown:
        raise MatrixError(f"{where}: unknown severity {unknown[0]!r}; use "
                          f"{', '.join(SEVERITIES)}")
    out: dict[str, list[dict[str, Any]]] = {}
    for severity in SEVERITIES:
        if severity not in entry:
            continue
        rows = entry[severity]
        if not isinstance(rows, list):
            raise MatrixError(f"{where}.{severity}: expected a list of suggestions")
        if len(rows) > MAX_SUGGESTIONS:
            raise MatrixError(f"{where}.{severity}: at most {MAX_SUGGESTIONS} suggestions")
        out[severity] = [_suggestion(row, f"{where}.{severity}[{n + 1}]")
                         for n, row in enumerate(rows)]
    return out


def _suggestion(row: Any, where: str) -> dict[str, Any]:
    if not isinstance(row, Mapping):
        raise MatrixError(f"{where}: expected an object with type, description and value")
    kind = row.get("type")
    if kind not in GESTURE_TYPES:
        raise MatrixError(f"{where}.type: {kind!r} is not a gesture type; use "
                          f"{', '.join(GESTURE_TYPES)}")
    text = row.get("description")
    if not isinstance(text, str) or not text.strip():
        raise MatrixError(f"{where}.description: expected some text")
    if len(text) > MAX_DESCRIPTION:
        raise MatrixError(f"{where}.description: at most {MAX_DESCRIPTION} characters")
    value = row.get("value")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise MatrixError(f"{where}.value: expected a number, got {value!r}")
    if not 0 <= value <= MAX_VALUE:
        raise MatrixError(f"{where}.value: must be between 0 and {MAX_VALUE}, got {value}")
    return {"type": kind, "description": text.strip(), "value": value}


class MatrixAnswer(TypedDict):
    version: int
    matrix: dict[str, Any]  # as published; parse_matrix reads it


def matrix_answer(version: int, document: dict[str, Any]) -> MatrixAnswer:
    return {"version": version, "matrix": document}


def parse_matrix_answer(data: Mapping[str, Any]) -> MatrixAnswer:
    """Head office's answer to ``GET /api/v1/matrix``; MatrixError when malformed."""
    version, document = data.get("version"), data.get("matrix")
    if type(version) is not int or version < 1 or not isinstance(document, dict):
        raise MatrixError("the matrix answer is malformed")
    return matrix_answer(version, document)
