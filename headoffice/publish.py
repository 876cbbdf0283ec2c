"""Publishing a site's policy or recovery matrix from the browser: check, compare, publish.

Each is a versioned document per site; the highest version is in force and desks adopt it on
their next sync. A document is checked with the one rule desks use (``db.policy.parse_policy``,
``db.matrix.parse_matrix``), compared field by field with the version in force
(``changes``), and published with the next version number and who published it. The admin
edits the document without its version: head office numbers it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.matrix import MatrixError, parse_matrix
from db.policy import PolicyError, parse_policy
from headoffice.admin import AdminError, set_policy
from headoffice.models import MatrixVersion, PolicyVersion, Site
from headoffice.wording import plain_error

Kind = Literal["policy", "matrix"]
KINDS: dict[str, str] = {"policy": "budget policy", "matrix": "recovery matrix"}
MAX_DOCUMENT = 256 * 1024  # characters: the shipped matrix is about 8 KiB


@dataclass(frozen=True, slots=True)
class Published:
    version: int
    document: dict[str, Any]  # without its version number
    created_at: datetime
    published_by: str  # "command line" for what 'amends-headoffice' published


@dataclass(frozen=True, slots=True)
class Change:
    field: str  # a dotted path, e.g. roles.agent.per_case
    before: str  # "" when the field was not there
    after: str  # "" when the field is gone


def history(db: Session, site: Site, kind: Kind) -> list[Published]:
    """Every published version of a site's document, newest first."""
    rows: Sequence[PolicyVersion | MatrixVersion]
    if kind == "policy":
        rows = db.scalars(select(PolicyVersion).where(PolicyVersion.site_id == site.id)
                          .order_by(PolicyVersion.version.desc())).all()
    else:
        rows = db.scalars(select(MatrixVersion).where(MatrixVersion.site_id == site.id)
                          .order_by(MatrixVersion.version.desc())).all()
    return [Published(row.version, _without_version(json.loads(row.body)), row.created_at,
                      row.published_by or "command line") for row in rows]


def current(db: Session, site: Site, kind: Kind) -> Published | None:
    found = history(db, site, kind)
    return found[0] if found else None


def _without_version(document: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key != "version"}


def check(kind: Kind, text: str) -> dict[str, Any]:
    """The document as typed, checked by the desks' rule (version left out), or AdminError
    in plain words naming the field."""
    if len(text) > MAX_DOCUMENT:
        raise AdminError(f"the {KINDS[kind]} is longer than {MAX_DOCUMENT} characters")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise AdminError(f"The text is not valid JSON: {error.msg} at line {error.lineno}, "
                         f"column {error.colno}.") from None
    except RecursionError:
        raise AdminError("The text is nested too deeply.") from None
    if not isinstance(document, dict):
        raise AdminError(f"The {KINDS[kind]} must be a JSON object: {{ … }}.")
    document = _without_version(document)
    try:
        if kind == "policy":
            parse_policy({**document, "version": 1})
            return document
        return parse_matrix(document)
    except (PolicyError, MatrixError) as error:
        raise AdminError(plain_error(str(error))) from None


def publish(db: Session, site: Site, kind: Kind, text: str, *, base: int, by: str,
            now: datetime) -> Published:
    """Publish ``text`` as the version after ``base`` (the version the admin reviewed against);
    refused if someone published since, or if nothing changed."""
    document = check(kind, text)
    found = current(db, site, kind)
    have = found.version if found else 0
    if have != base:
        raise AdminError(f"version {have} was published after you started: review your "
                         "changes against it again")
    if found is not None and not changes(found.document, document):
        raise AdminError("nothing changed: there is nothing to publish")
    version = have + 1
    if kind == "policy":
        set_policy(db, site.id, json.dumps({**document, "version": version}), now=now,
                   published_by=by)
    else:
        db.add(MatrixVersion(site_id=site.id, version=version,
                             body=json.dumps(document, sort_keys=True, separators=(",", ":"),
                                             ensure_ascii=True),
                             created_at=now, published_by=by))
        db.flush()
    return Published(version, document, now, by)


def set_matrix(db: Session, site: Site, text: str, *, now: datetime, by: str) -> Published:
    """The command line's ``matrix set``: publish ``text`` as the next version."""
    found = current(db, site, "matrix")
    return publish(db, site, "matrix", text, base=found.version if found else 0, by=by,
                   now=now)


def flatten(value: Any, path: str = "") -> dict[str, str]:
    """Leaves of a document by dotted path (lists of objects by position, from 1), as text."""
    if isinstance(value, dict) and value:
        out: dict[str, str] = {}
        for key, item in value.items():
            out.update(flatten(item, f"{path}.{key}" if path else str(key)))
        return out
    if isinstance(value, list) and value and all(isinstance(i, dict) for i in value):
        out = {}
        for n, item in enumerate(value, start=1):
            out.update(flatten(item, f"{path}[{n}]"))
        return out
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return {path: text}


def changes(before: dict[str, Any] | None, after: dict[str, Any]) -> list[Change]:
    """Field by field, what ``after`` changes of ``before`` (None: nothing published yet)."""
    old, new = flatten(before or {}), flatten(after)
    order = list(old) + [key for key in new if key not in old]
    return [Change(key, old.get(key, ""), new.get(key, "")) for key in order
            if old.get(key) != new.get(key)]


def starting_text(found: Published | None, kind: Kind) -> str:
    """What the editor shows: the version in force, else a skeleton to fill in."""
    if found is not None:
        document = found.document
    elif kind == "policy":
        document = {"note": "", "approver_roles": ["manager"],
                    "roles": {role: {"per_case": 0, "per_shift": 0, "per_guest_stay": 0}
                              for role in ("agent", "supervisor", "manager")}}
    else:
        document = {"note": "", "categories": {}, "fallback": {}}
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True)
