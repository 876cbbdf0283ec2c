"""The sign-in screen: pick your name, type your PIN on the pad or the keyboard.

Names are large tiles with the person's initials (a finger finds them); the PIN shows as
dots. By keyboard: type the first letters of your name (the list finds it) or use the arrows, then
Enter or just the PIN's digits, then Enter. Nobody is ever picked for you by moving the
keyboard focus: a PIN is only checked against the name someone chose (a wrong PIN counts
against that person). A roster of one is picked at once.

Someone whose PIN a manager reset chooses a new one here: picking their name (or signing in)
asks for a new PIN, then for it again, and signs them in with it.

Built before the app's first paint (``desktop.ui.app``), so it imports nothing heavy: no
SQLAlchemy, no OpenSSL, and not Qt's ``Qt`` namespace (``desktop.ui.first_paint``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import ChainBroken, DeskError, Refusal
from desktop.core.pins import PIN_MAX_LENGTH
from desktop.core.roster import Roster, RosterEntry, demo_pins
from desktop.ui.common import named
from desktop.ui.first_paint import (
    ALIGN_TOP_CENTER,
    DECORATION_ROLE,
    TEXT_ALIGNMENT_ROLE,
    USER_ROLE,
    mark,
)
from desktop.ui.labels import desk_error, refusal_text, role_name
from desktop.ui.pin_pad import pin_pad
from desktop.ui.staff_tiles import StaffList, initials_badge

if TYPE_CHECKING:
    from datetime import datetime

    from desktop.core.desk import Desk
    from desktop.core.early_pins import EarlyPins
    from desktop.core.views import SignIn


class SignInScreen(QWidget):
    """Emits ``signed_in`` with the person's shift once their PIN is right.

    At start-up it may be built from a quick ``Roster`` before the case log is open (so the
    screen paints at once); names and PIN can be typed then. Once ``check_early`` hands it an
    ``EarlyPins`` (right after the first paint) a PIN is answered at once, by the desk's own
    rule; ``attach_desk`` hands the tries to the desk when it is open, which signs the person
    in. Without one, a PIN submitted early is checked as soon as the desk is attached.
    """

    signed_in = Signal(object)  # OnShift

    def __init__(self, desk: Desk | None, parent: QWidget | None = None,
                 roster: Roster | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._roster = roster
        self._early: EarlyPins | None = None
        self._pending_submit = False
        self._wait_until = None
        # Choosing a new PIN after a reset: whose, and the first typing of it (None: not yet).
        self._new_pin_for: str | None = None
        self._first_new_pin: str | None = None
        title = QLabel(self.tr("Who is at the desk?"))
        title.setObjectName("signInTitle")
        mark(title, tone="title")
        self.site_label = QLabel()
        mark(self.site_label, tone="heading")
        self.staff_list = named(StaffList(), "staffList", self.tr("Your name"))
        self.staff_list.setMinimumWidth(StaffList.TILE.width() + 24)
        find = QLabel(self.tr("Tap your name, or type its first letters."))
        mark(find, tone="muted")
        self.pin = named(QLineEdit(), "pinField", self.tr("PIN"))
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(PIN_MAX_LENGTH)
        self.pin.setValidator(QRegularExpressionValidator(r"\d{0,8}", self.pin))
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.pin.returnPressed.connect(self.submit)
        self.message = named(QLabel(), "signInMessage", self.tr("Sign-in message"))
        self.message.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setObjectName("demoHint")
        self.hint.setWordWrap(True)
        mark(self.hint, tone="muted")

        pad_box, self.ok = pin_pad(self.pin, self.submit)

        right = QVBoxLayout()
        right.setSpacing(10)
        right.addWidget(self.pin)
        right.addWidget(pad_box)
        right.addWidget(self.message)
        right.addStretch(1)
        pad_box = QWidget()
        pad_box.setLayout(right)
        pad_box.setMaximumWidth(420)
        names = QVBoxLayout()
        names.addWidget(self.staff_list, 1)
        names.addWidget(find)
        row = QHBoxLayout()
        row.setSpacing(24)
        row.addLayout(names, 3)
        row.addWidget(pad_box, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(title)
        layout.addWidget(self.site_label)
        layout.addLayout(row, 1)
        layout.addWidget(self.hint)
        # Enter, a click or a digit on a name goes on to the PIN; arrows and typed letters
        # only move through the list.
        self.staff_list.currentItemChanged.connect(lambda *_: self._chosen())
        self.staff_list.itemActivated.connect(lambda *_: self._focus_pin())
        self.staff_list.itemClicked.connect(lambda *_: self._focus_pin())
        self.staff_list.digit_typed.connect(self._digit_typed)
        self.setTabOrder(self.staff_list, self.pin)
        self.setTabOrder(self.pin, self.ok)
        self._tick = QTimer(self)
        self._tick.setInterval(500)
        self._tick.timeout.connect(self._update_wait)
        self.reload()

    def reload(self) -> None:
        """Fill the staff list (after set-up, or when the roster changes)."""
        chosen = self.staff_list.currentItem()
        chosen_id = chosen.data(USER_ROLE) if chosen else None
        self.staff_list.clear()
        roster = self._current_roster()
        if roster is None:
            return
        self.site_label.setText(roster.site_name)
        for member in roster.staff:
            item = QListWidgetItem(f"{member.name} — {role_name(member.role)}")
            # A pixmap, drawn as the icon made of it would be (without loading QIcon).
            item.setData(DECORATION_ROLE, initials_badge(member.name))
            item.setSizeHint(StaffList.TILE)
            item.setData(TEXT_ALIGNMENT_ROLE, ALIGN_TOP_CENTER)
            item.setData(USER_ROLE, member.id)
            self.staff_list.addItem(item)
            if member.id == chosen_id:
                self.staff_list.setCurrentItem(item)
        if len(roster.staff) == 1:
            self.staff_list.setCurrentRow(0)  # nobody else could be meant
        self._fill_hint(roster)

    def _fill_hint(self, roster: Roster) -> None:
        # Not before the first paint (built without desk or early check): it reads a file.
        if not roster.is_demo or (self.desk is None and self._early is None):
            self.hint.clear()
            return
        listed = {m.name for m in roster.staff}  # not those deactivated since
        pins = ", ".join(f"{name} {pin}" for name, _role, pin in demo_pins() if name in listed)
        self.hint.setText(self.tr("Demo site. PINs: %1").replace("%1", pins))

    def _current_roster(self) -> Roster | None:
        if self.desk is None:
            return self._roster
        if not self.desk.site.exists():
            return None
        site = self.desk.site.info()
        return Roster(site.name, site.is_demo,
                      tuple(RosterEntry(m.id, m.name, m.role) for m in self.desk.staff.roster()))

    def check_early(self, early: EarlyPins) -> None:
        """Answer PINs from now on, before the case log is open."""
        self._early = early
        roster = self._current_roster()
        if roster is not None:
            self._fill_hint(roster)

    def attach_desk(self, desk: Desk) -> None:
        """The case log is open: refresh the list, hand it the tries answered meanwhile (it
        signs in whoever typed a right PIN) or check a PIN submitted meanwhile."""
        self.desk = desk
        early, self._early = self._early, None
        self.reload()
        if early is not None and early.tries:
            self._leave_new_pin()
            try:
                answer = early.replay(desk)
            except DeskError as error:
                self._chosen()  # someone whose new PIN the desk refused is asked again
                if self._new_pin_for is not None:
                    self._ask_new_pin(self._new_pin_for, desk_error(error))
                else:
                    self.message.setText(desk_error(error))
                return
            if answer is not None and answer.on_shift is not None:
                self.message.clear()
                self.signed_in.emit(answer.on_shift)
            elif self.message.text() == self.tr("Opening the case log…"):
                self.message.clear()
        elif self._pending_submit:
            self._pending_submit = False
            self.submit()
        elif self.message.text() == self.tr("Opening the case log…"):
            self.message.clear()

    def reset(self) -> None:
        self._leave_new_pin()
        self.pin.clear()
        self.message.clear()
        if self.staff_list.currentItem() is None and self.staff_list.count():
            self.staff_list.setFocus()
        else:
            self._focus_pin()

    def _chosen(self) -> None:
        """A name was picked: if their PIN was reset, the PIN field asks for a new one.

        The focus stays where it is: arrows and typed letters only move through the list."""
        self._leave_new_pin()
        item = self.staff_list.currentItem()
        if item is None or (self.desk is None and self._early is None):
            return
        staff_id = item.data(USER_ROLE)
        if self._must_set_pin(staff_id):
            self._ask_new_pin(staff_id, refusal_text(Refusal.PIN_RESET_PENDING), focus=False)

    def _must_set_pin(self, staff_id: str) -> bool:
        from desktop.core.early_pins import NotReadable
        try:
            if self.desk is not None:
                return self.desk.staff.member(staff_id).must_set_pin
            person = self._early.person(staff_id) if self._early is not None else None
        except (DeskError, NotReadable):
            return False  # gone since the list was filled, or unreadable: signing in will say
        except ChainBroken:
            return False  # the desk is locked as it closes (the chain check said why)
        return person is not None and person.must_set_pin

    def _ask_new_pin(self, staff_id: str, why: str, *, focus: bool = True) -> None:
        self._new_pin_for = staff_id
        self._first_new_pin = None
        self.pin.clear()
        self.pin.setPlaceholderText(self.tr("New PIN"))
        self.ok.setText(self.tr("Next"))
        self.message.setText(f"{why} {self.tr('Type your new PIN.')}")
        if focus:
            self._focus_pin()

    def _leave_new_pin(self) -> None:
        if self._new_pin_for is not None:
            self._new_pin_for = self._first_new_pin = None
            self.pin.setPlaceholderText(self.tr("PIN"))
            self.ok.setText(self.tr("Sign in"))
            self.message.clear()

    def _submit_new_pin(self, desk: Desk | None, staff_id: str) -> None:
        """First the new PIN, then again; then it is set and the person is signed in."""
        typed = self.pin.text()
        self.pin.clear()
        if self._first_new_pin is None:
            self._first_new_pin = typed
            self.pin.setPlaceholderText(self.tr("New PIN again"))
            self.ok.setText(self.tr("Set PIN and sign in"))
            self.message.setText(self.tr("Type the new PIN again."))
            return
        if typed != self._first_new_pin:
            self._ask_new_pin(staff_id, refusal_text(Refusal.PIN_MISMATCH))
            return
        if desk is None:  # set (and signed in) once the case log is open
            if self._early is not None:
                self._early.choose_new_pin(staff_id, typed)
            self.message.setText(self.tr("Opening the case log…"))
            return
        try:
            desk.staff.set_new_pin(staff_id, typed)
        except DeskError as error:
            self._ask_new_pin(staff_id, desk_error(error))
            return
        self._leave_new_pin()
        answer = desk.shifts.sign_in(staff_id, typed)
        if answer.on_shift is not None:
            self.signed_in.emit(answer.on_shift)

    def select_staff(self, name: str) -> None:
        for row in range(self.staff_list.count()):
            if self.staff_list.item(row).text().startswith(name):
                self.staff_list.setCurrentRow(row)
                self._focus_pin()
                return

    def _focus_pin(self) -> None:
        self.pin.setFocus()

    def _digit_typed(self, digit: str) -> None:
        self.pin.setFocus()
        self.pin.insert(digit)

    def submit(self) -> None:
        item = self.staff_list.currentItem()
        if item is None:
            self.message.setText(self.tr("Pick your name first."))
            self.staff_list.setFocus()
            return
        if not self.pin.text():
            self.message.setText(self.tr("Type your new PIN.") if self._new_pin_for
                                 else self.tr("Type your PIN."))
            return
        staff_id = item.data(USER_ROLE)
        if self.desk is None and (self._early is None or self._early.signing_in):
            self._pending_submit = self._early is None
            self.message.setText(self.tr("Opening the case log…"))
            return
        if self._new_pin_for == staff_id:
            self._submit_new_pin(self.desk, staff_id)
            return
        try:
            answer = self._check(staff_id, self.pin.text())
        except DeskError as error:
            if error.refusal is Refusal.PIN_RESET_PENDING:
                self._ask_new_pin(staff_id, desk_error(error))
                return
            self.message.setText(self.tr("That person can no longer sign in here."))
            return
        if answer is None:
            return  # the PIN field keeps it: checked once the case log is open
        self.pin.clear()
        if answer.on_shift is not None:
            self.message.clear()
            self.signed_in.emit(answer.on_shift)
            return
        if answer.wrong_pin and answer.wait_seconds == 0:
            self.message.setText(self.tr("Wrong PIN. Try again."))
        elif answer.wrong_pin:
            self._start_wait(answer.wait_seconds, wrong=True)
        else:
            self._start_wait(answer.wait_seconds, wrong=False)

    def _check(self, staff_id: str, pin: str) -> SignIn | None:
        """The desk's answer; before it is open, the early one (None: wait for the desk)."""
        if self.desk is not None:
            return self.desk.shifts.sign_in(staff_id, pin)
        from desktop.core.early_pins import NotReadable

        assert self._early is not None
        try:
            answer = self._early.check(staff_id, pin)
        except NotReadable:
            self._pending_submit = True  # the quick read failed: the desk will check it
            self.message.setText(self.tr("Opening the case log…"))
            return None
        if answer is None:  # right: signed in once the case log is open
            self.pin.clear()
            self.message.setText(self.tr("Opening the case log…"))
        return answer

    def _now(self) -> datetime:
        if self.desk is not None:
            return self.desk.now()
        assert self._early is not None
        return self._early.now()

    def _start_wait(self, seconds: int, *, wrong: bool) -> None:
        from datetime import timedelta

        self._wait_until = self._now() + timedelta(seconds=seconds)
        self._wrong = wrong
        self._update_wait()
        self._tick.start()

    def _update_wait(self) -> None:
        if self._wait_until is None:
            self._tick.stop()
            return
        left = int((self._wait_until - self._now()).total_seconds() + 0.999)
        if left <= 0:
            self._wait_until = None
            self._tick.stop()
            self.message.setText(self.tr("You can try your PIN again."))
            return
        text = (self.tr("Wrong PIN. Try again in %1 s.") if self._wrong
                else self.tr("Too many wrong PINs. Try again in %1 s."))
        self.message.setText(text.replace("%1", str(left)))


__all__ = ["SignInScreen"]
