"""What the quarantine says of an event the fold failed on: what and where, never the values
(the doctor's report, which shows it, promises no guest details)."""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import IntegrityError

from desktop.core.quarantine import Held, fold_failure


def test_a_fold_failure_names_the_field_or_column_but_no_value() -> None:
    assert fold_failure(KeyError("shift_id")) == "KeyError: missing 'shift_id'"
    assert fold_failure(ValueError("invalid literal for int(): 'Ada Lovelace'")) == "ValueError"
    error = IntegrityError("INSERT INTO gesture_grant VALUES (?)", {"guest": "Ada Lovelace"},
                           sqlite3.IntegrityError("NOT NULL constraint failed: "
                                                  "gesture_grant.case_id"))
    said = fold_failure(error)
    assert said == "IntegrityError: NOT NULL constraint failed: gesture_grant.case_id"
    assert "Ada" not in said


def test_the_doctor_s_words_for_what_is_held() -> None:
    held = Held(3, {"unknown_kind": 2, "schema": 1},
                {"unknown_kind": "kind: 'staff.badge' is not a kind this version of Amends "
                                 "knows", "schema": "payload.shift_id: missing"})
    assert held.describe() == (
        "1 that break their kind's schema, e.g. payload.shift_id: missing; 2 of a kind this "
        "version does not know (upgrade this desk), e.g. kind: 'staff.badge' is not a kind "
        "this version of Amends knows")
