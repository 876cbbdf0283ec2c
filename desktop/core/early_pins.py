"""Answering a PIN on the sign-in screen before the case log is open.

Start-up paints the sign-in screen from a quick read of the roster (``desktop.core.roster``) and
opens the case log (SQLAlchemy, migrations, the chain's tail) on a pool thread. Meanwhile a PIN
is answered here at once, with the standard library only: the person's row is read afresh
(read-only ``sqlite3``), the tries answered since start are folded onto it by the roster's own
rule (``db.roster.apply_staff_event``), and the PIN is judged by the desk's own rule
(``pins.judge_pin``): deactivated people are refused, a reset PIN asks for a new one, and wrong
tries wait exactly as they would once the log is open.

Nothing is written here. The tries answered (and a new PIN chosen after a reset) are kept in
order and ``replay`` hands them to the desk once it is open, each at the time it was typed:
the desk checks them again, records the wrong ones as ``staff.pin_failed`` events, and signs
the person in. Until then a right PIN only says "opening the case log"; the desk's answer is
the one that counts.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.roster import apply_staff_event
from db.utc import parse_utc
from desktop.core import pins
from desktop.core.clock import Clock, SystemClock
from desktop.core.errors import DeskError, Refusal
from desktop.core.roster import read_only

if TYPE_CHECKING:
    from desktop.core.desk import Desk
    from desktop.core.views import SignIn


class NotReadable(Exception):
    """The store cannot be read quickly (busy, damaged, older): wait for the case log."""


@dataclass(slots=True)
class EarlyPerson:
    """One ``staff`` row as read, plus the tries answered since (``db.roster.Person``)."""

    id: str
    name: str
    role: str
    active: bool
    pin_hash: str
    must_set_pin: bool
    failed_pins: int
    last_failed_at: datetime | None
    added_by_device: str
    changed_at: datetime | None


@dataclass(frozen=True, slots=True)
class EarlyTry:
    """A PIN answered before the case log was open: right or wrong, or (``new_pin``) chosen
    after a reset."""

    staff_id: str
    pin: str
    at: datetime
    right: bool
    new_pin: bool = False


class _OnePerson:
    """The roster as ``db.roster.apply_staff_event`` asks for it, holding one person."""

    def __init__(self, person: EarlyPerson) -> None:
        self._person = person

    def person(self, staff_id: str) -> EarlyPerson | None:
        return self._person if staff_id == self._person.id else None

    def add_person(self, **_: Any) -> None:
        return None  # only tries are folded here

    def other_active_managers(self, staff_id: str) -> int:
        return 0  # only asked about role changes and deactivations, never folded here


_COLUMNS = ("id, name, role, active, pin_hash, must_set_pin, failed_pins, last_failed_at, "
            "added_by_device, changed_at")


class EarlyPins:
    """The PIN check of the sign-in screen until the case log is open."""

    def __init__(self, db_path: Path, clock: Clock | None = None) -> None:
        import hashlib  # noqa: F401  # OpenSSL loaded now, not while the first PIN waits

        self._db_path = db_path
        self._clock: Clock = clock or SystemClock()
        self._tries: list[EarlyTry] = []

    def now(self) -> datetime:
        return self._clock.now()

    @property
    def tries(self) -> tuple[EarlyTry, ...]:
        return tuple(self._tries)

    @property
    def signing_in(self) -> bool:
        """A right PIN (or a new one) was answered: the person is signed in once it is open."""
        return any(t.right for t in self._tries)

    def person(self, staff_id: str) -> EarlyPerson | None:
        """The person as the desk will see them: their row, then the tries answered since."""
        connection = read_only(self._db_path)
        if connection is None:
            raise NotReadable(str(self._db_path))
        try:
            row = connection.execute(f"SELECT {_COLUMNS} FROM staff WHERE id = ?",
                                     (staff_id,)).fetchone()
        except sqlite3.Error as error:
            raise NotReadable(str(error)) from error
        finally:
            connection.close()
        if row is None:
            return None
        person = _person(row)
        roster = _OnePerson(person)
        for done in self._tries:
            if done.staff_id == staff_id:
                kind = "staff.pin_ok" if done.right else "staff.pin_failed"
                apply_staff_event(roster, kind, {"staff_id": staff_id}, done.at, "")
        return person

    def check(self, staff_id: str, pin: str) -> SignIn | None:
        """Judge a PIN as the desk would (None: right). Raises ``DeskError`` as the desk does,
        ``NotReadable`` when the quick read fails (the screen then waits for the log)."""
        person = self.person(staff_id)
        if person is None:
            raise DeskError(Refusal.UNKNOWN_STAFF, staff_id)
        at = self.now()
        answer = pins.judge_pin(person, pin, at)
        if answer is None or answer.wrong_pin:  # a wait is not a try: nothing to replay
            self._tries.append(EarlyTry(staff_id, pin, at, right=answer is None))
        return answer

    def choose_new_pin(self, staff_id: str, pin: str) -> None:
        """A new PIN chosen (typed twice) after a reset, set once the log is open."""
        self._tries.append(EarlyTry(staff_id, pin, self.now(), right=True, new_pin=True))

    def replay(self, desk: Desk) -> SignIn | None:
        """Hand the tries to the open desk, in order, each at its time; the desk's answer to
        the last one (None if there were none). Raises the desk's ``DeskError``."""
        tries, self._tries = self._tries, []
        answer = None
        for done in tries:
            if done.new_pin:
                desk.staff.set_new_pin(done.staff_id, done.pin)
            answer = desk.shifts.sign_in(done.staff_id, done.pin, at=done.at)
            if answer.on_shift is not None:
                break
        return answer


def _person(row: tuple[Any, ...]) -> EarlyPerson:
    (staff_id, name, role, active, pin_hash, must_set_pin, failed, last_failed, device,
     changed) = row
    return EarlyPerson(str(staff_id), str(name), str(role), bool(active), str(pin_hash or ""),
                       bool(must_set_pin), int(failed or 0),
                       parse_utc(last_failed) if last_failed else None, str(device or ""),
                       parse_utc(changed) if changed else None)
