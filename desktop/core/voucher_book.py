"""The voucher book: ``desk.vouchers``, issuing, checking, redeeming and voiding vouchers.

A voucher's proof is its token, signed with the issuing desk's own key (kept in the OS
keychain); the ``voucher`` table is only a read model anyone with the file could edit, so a
check always verifies the token. The code printed on the slip is for lookup. ``vouchers``
(the codes, tokens and signatures) is imported where used: the GUI's start-up should not pay
for cryptography.
"""

from __future__ import annotations

import dataclasses
import logging
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import CaseRow, Site, VoucherKeyRow, VoucherRow, format_utc
from db.models import Setting as SettingRow
from desktop.core.errors import DeskError, Refusal
from desktop.core.inputs import checked_text, text
from desktop.core.policy import Policy
from desktop.core.recorder import Recorder
from desktop.core.settings import HQ_REVOKED_DEVICES
from desktop.core.site import site_row
from desktop.core.staff import staff_name
from desktop.core.views import (
    GestureProposal,
    OnShift,
    SiteInfo,
    VoucherCheck,
    VoucherOutcome,
    VoucherView,
)

if TYPE_CHECKING:
    from desktop.core.secrets import SecretStore
    from desktop.core.vouchers import VoucherClaim

log = logging.getLogger(__name__)

VOID_ROLES = ("supervisor", "manager")


class VoucherBook:
    """The vouchers of this desk's site, as this desk knows them."""

    def __init__(self, recorder: Recorder, secrets: Callable[[], SecretStore]) -> None:
        self._recorder = recorder
        self._secrets = secrets  # asked only when a voucher is first signed
        self._signing_key: bytes | None = None  # this desk's voucher key, once asked for

    def signing_key(self) -> bytes:
        """This desk's Ed25519 key, made and put in the keychain the first time it is needed."""
        if self._signing_key is not None:
            return self._signing_key
        from desktop.core import vouchers
        from desktop.core.secrets import SecretStoreError, voucher_key_name

        store = self._secrets()
        name = voucher_key_name(self._recorder.device_id)
        try:
            stored = store.get(name)
            if stored is None:
                stored = vouchers.generate_signing_key().hex()
                store.set(name, stored)
                log.info("made a new voucher signing key for desk %s", self._recorder.device_id)
        except SecretStoreError as error:
            raise DeskError(Refusal.SECRET_STORE, str(error)) from error
        try:
            key = bytes.fromhex(stored)
            vouchers.public_key_of(key)
        except ValueError:
            # Never replace it quietly: vouchers already handed out were signed with it.
            raise DeskError(Refusal.SECRET_STORE, f"the stored voucher key {name} is damaged; "
                                                  "run 'amends doctor'") from None
        self._signing_key = key
        return key

    def issue(self, db: Session, case: CaseRow, grant_id: str, proposal: GestureProposal,
              site: SiteInfo, policy: Policy, on_shift: OnShift, now: datetime,
              key: bytes) -> str:
        """Sign and record the voucher of a grant, inside the grant's transaction."""
        from desktop.core import vouchers

        for _ in range(8):
            code = vouchers.new_code()
            # 31^8 codes: a clash is all but impossible, and is drawn again, never stored.
            if db.scalar(select(VoucherRow.id).where(VoucherRow.code == code)) is None:
                break
        else:
            raise RuntimeError("no free voucher code after 8 draws")
        # The last valid day is a date where the guest is, not a UTC instant.
        last_day = now.astimezone(site.zone).date() + timedelta(days=policy.voucher_valid_days)
        claim = vouchers.VoucherClaim(
            voucher_id=str(uuid.uuid4()), code=code, site_id=site.id,
            device_id=self._recorder.device_id, value_minor=proposal.value_minor,
            currency=site.currency, description=text(proposal.description),
            guest_name=case.guest_name, issued_at=format_utc(now),
            expires_on=last_day.isoformat())
        try:
            token = vouchers.sign_voucher(claim, key)
        except ValueError as error:  # a description too long for a QR code
            raise DeskError(Refusal.VOUCHER_TOO_LONG, str(error)) from error
        self._recorder.record(db, "voucher.issued", actor=on_shift.staff.id, case_id=case.id,
                              at=now, payload={**dataclasses.asdict(claim), "grant_id": grant_id,
                                               "token": token,
                                               "public_key": vouchers.public_key_of(key).hex()})
        return code

    def check(self, code_or_token: str) -> VoucherCheck:
        """Check a typed code (any case, dashes or spaces) or a scanned QR token.

        A token signed with the known key of a desk of this site, whose issue has not been
        synced here yet, is VALID with ``voucher.synced`` False: the signature proves it was
        issued, and redeeming it records the claim so this desk holds it from then on. What
        no desk can know offline is whether another desk redeemed or voided it meanwhile;
        such double redemptions are flagged when the desks sync, as for any offline desk.
        A token from a desk whose key this desk has never seen is FORGED (unknown device).
        """
        checked_text(code_or_token, "voucher")
        with self._recorder.tx() as db:
            return self._check(db, code_or_token)[0]

    def redeem(self, on_shift: OnShift, code_or_token: str) -> VoucherCheck:
        """Redeem a voucher if, and only if, it checks VALID now; otherwise say why not.

        Check and redemption are one transaction (SQLite's write lock), so one desk can never
        redeem a voucher twice; the second try gets ALREADY_REDEEMED naming the first.
        """
        checked_text(code_or_token, "voucher")
        with self._recorder.tx() as db:
            check, claim, token = self._check(db, code_or_token)
            if check.outcome is not VoucherOutcome.VALID or check.voucher is None:
                return check
            voucher = check.voucher
            payload: dict[str, Any] = {"voucher_id": voucher.id, "code": voucher.code,
                                       "device": self._recorder.device_id}
            if not voucher.synced and claim is not None:
                # Lets every desk fold this voucher even before its issue arrives.
                payload.update(claim=dataclasses.asdict(claim), token=token)
            self._recorder.record(db, "voucher.redeemed", actor=on_shift.staff.id,
                                  case_id=voucher.case_id, payload=payload)
            row = db.get(VoucherRow, voucher.id)
            view = voucher_view(db, row) if row is not None else voucher
            return VoucherCheck(VoucherOutcome.VALID, view, redeemed_now=True)

    def void(self, on_shift: OnShift, code: str, reason: str) -> VoucherView:
        """Void a voucher not yet redeemed (supervisors and managers only, with a reason)."""
        from desktop.core import vouchers

        if on_shift.staff.role not in VOID_ROLES:
            raise DeskError(Refusal.SUPERVISOR_ONLY)
        checked_text(code, "voucher")
        if not text(reason, "reason").strip():
            raise DeskError(Refusal.VOID_REASON_MISSING)
        if not vouchers.looks_like_token(code):
            status = vouchers.check_code(code)
            if status is not vouchers.CodeStatus.OK:
                raise DeskError(Refusal.VOUCHER_CODE_MISTYPED, status.value)
        with self._recorder.tx() as db:
            row = voucher_row(db, code)
            if row is None:
                raise DeskError(Refusal.UNKNOWN_VOUCHER, code)
            if row.redeemed_at is not None:
                raise DeskError(Refusal.VOUCHER_REDEEMED, format_utc(row.redeemed_at))
            if row.voided_at is not None:
                raise DeskError(Refusal.VOUCHER_VOIDED, format_utc(row.voided_at))
            self._recorder.record(db, "voucher.voided", actor=on_shift.staff.id,
                                  case_id=row.case_id,
                                  payload={"voucher_id": row.id, "code": row.code,
                                           "reason": text(reason.strip())})
            return voucher_view(db, row)

    def of_case(self, case_id: str) -> list[VoucherView]:
        """The vouchers issued in a case, oldest first."""
        with self._recorder.tx() as db:
            rows = db.scalars(select(VoucherRow).where(VoucherRow.case_id == case_id)
                              .order_by(VoucherRow.issued_at))
            return [voucher_view(db, row) for row in rows]

    def find(self, code_or_token: str) -> VoucherView:
        """The voucher on record a code or token names (a lookup, not a check)."""
        checked_text(code_or_token, "voucher")
        with self._recorder.tx() as db:
            row = voucher_row(db, code_or_token)
            if row is None:
                raise DeskError(Refusal.UNKNOWN_VOUCHER, code_or_token)
            return voucher_view(db, row)

    def _check(self, db: Session, typed: str
               ) -> tuple[VoucherCheck, VoucherClaim | None, str | None]:
        """The check, plus the verified claim and token when it is VALID."""
        from desktop.core import vouchers

        typed = typed.strip()
        keys = _voucher_keys(db)
        site = site_row(db)
        now = self._recorder.now()
        if vouchers.looks_like_token(typed):
            try:
                claim = _verify_token(typed, keys)
            except vouchers.VoucherTokenError as error:
                return VoucherCheck(VoucherOutcome.FORGED, token_failure=error.reason), None, None
            # By id, not code: a code two desks happened to draw names two vouchers.
            row = db.get(VoucherRow, claim.voucher_id)
            if row is None:
                # No check of claim.site_id: desks that ran alone before joining head office
                # each made their own site id. A key is only ever learnt from this site's own
                # log (this desk's events and its site's, pulled), so a signature that
                # verifies is already a desk of this site's.
                if claim.device_id in _revoked_devices(db):
                    # Head office stopped taking that desk's events: a voucher of its that
                    # never arrived through head office may have been signed by whoever has
                    # the desk now. One that did arrive has a row and checks as usual.
                    return (VoucherCheck(VoucherOutcome.FORGED, detail="revoked_device"),
                            None, None)
                view = _claim_view(claim, typed)
                if _expired(now, site, view.expires_on):
                    return VoucherCheck(VoucherOutcome.EXPIRED, view), None, None
                return VoucherCheck(VoucherOutcome.VALID, view), claim, typed
        else:
            status = vouchers.check_code(typed)
            if status is not vouchers.CodeStatus.OK:
                return VoucherCheck(VoucherOutcome.MISTYPED, code_status=status), None, None
            row = db.scalar(select(VoucherRow)
                            .where(VoucherRow.code == vouchers.normalise_code(typed)))
            if row is None:
                return VoucherCheck(VoucherOutcome.UNKNOWN), None, None
            # The table is only a read model anyone with the file could edit: the stored
            # token's signature is what proves this voucher was issued.
            try:
                claim = _verify_token(row.token, keys)
            except vouchers.VoucherTokenError as error:
                return (VoucherCheck(VoucherOutcome.FORGED, token_failure=error.reason,
                                     detail="stored_token"), None, None)
        view = voucher_view(db, row)
        if not _claim_matches(claim, row):
            return VoucherCheck(VoucherOutcome.FORGED, view, detail="claim_mismatch"), None, None
        if row.redeemed_at is not None:
            here = row.redeemed_device == self._recorder.device_id
            return (VoucherCheck(VoucherOutcome.ALREADY_REDEEMED, view, redeemed_here=here),
                    None, None)
        if row.voided_at is not None:
            return VoucherCheck(VoucherOutcome.VOIDED, view), None, None
        if _expired(now, site, view.expires_on):
            return VoucherCheck(VoucherOutcome.EXPIRED, view), None, None
        return VoucherCheck(VoucherOutcome.VALID, view), claim, row.token


def voucher_row(db: Session, code_or_token: str) -> VoucherRow | None:
    """The stored voucher a code or a token names: a lookup, not a check."""
    from desktop.core import vouchers

    typed = code_or_token.strip()
    if vouchers.looks_like_token(typed):
        return db.scalar(select(VoucherRow).where(VoucherRow.token == typed))
    return db.scalar(select(VoucherRow).where(VoucherRow.code == vouchers.normalise_code(typed)))


def voucher_view(db: Session, row: VoucherRow) -> VoucherView:
    return VoucherView(
        id=row.id, code=row.code, case_id=row.case_id, device_id=row.device_id,
        value_minor=row.value_minor, currency=row.currency, description=row.description,
        guest_name=row.guest_name, issued_at=row.issued_at,
        expires_on=last_day(row.expires_on), issued_by_name=staff_name(db, row.issued_by),
        status=row.status, token=row.token, redeemed_at=row.redeemed_at,
        redeemed_by_name=staff_name(db, row.redeemed_by),
        redeemed_device=row.redeemed_device, redeem_count=row.redeem_count,
        voided_at=row.voided_at, void_reason=row.void_reason, print_count=row.print_count)


def last_day(iso_day: str) -> date:
    """A voucher's last valid day; an unreadable one counts as long expired, never valid."""
    try:
        return date.fromisoformat(iso_day)
    except ValueError:
        return date.min


def _revoked_devices(db: Session) -> frozenset[str]:
    row = db.get(SettingRow, HQ_REVOKED_DEVICES.key)
    return HQ_REVOKED_DEVICES.read(None if row is None else row.value)


def _voucher_keys(db: Session) -> dict[str, list[bytes]]:
    """Every desk's known public voucher keys (a desk may have had more than one)."""
    keys: dict[str, list[bytes]] = {}
    for row in db.scalars(select(VoucherKeyRow).order_by(VoucherKeyRow.first_used_at)):
        try:
            keys.setdefault(row.device_id, []).append(bytes.fromhex(row.public_key))
        except ValueError:
            log.warning("ignoring a malformed voucher key of desk %s", row.device_id)
    return keys


def _verify_token(token: str, keys: dict[str, list[bytes]]) -> VoucherClaim:
    """``verify_voucher`` against every key a desk has had; raises VoucherTokenError."""
    from desktop.core.vouchers import TokenFailure, VoucherTokenError, verify_voucher

    bad_signature: VoucherTokenError | None = None
    for index in range(max((len(k) for k in keys.values()), default=1)):
        try:
            return verify_voucher(token, {d: k[index] for d, k in keys.items()
                                          if index < len(k)})
        except VoucherTokenError as error:
            if error.reason is TokenFailure.BAD_SIGNATURE:
                bad_signature = error
            elif error.reason is TokenFailure.UNKNOWN_DEVICE and bad_signature is not None:
                break  # that desk has no more keys to try
            else:
                raise
    assert bad_signature is not None
    raise bad_signature


def _claim_matches(claim: VoucherClaim, row: VoucherRow) -> bool:
    """Whether a verified claim says exactly what the stored voucher says."""
    return (claim.voucher_id, claim.code, claim.device_id, claim.value_minor, claim.currency,
            claim.description, claim.guest_name, claim.expires_on) == (
        row.id, row.code, row.device_id, row.value_minor, row.currency, row.description,
        row.guest_name, row.expires_on)


def _claim_view(claim: VoucherClaim, token: str) -> VoucherView:
    """A voucher known only from its verified token (issued at a desk not yet synced)."""
    from db.models import parse_utc

    try:
        issued_at = parse_utc(claim.issued_at)
    except ValueError:
        issued_at = datetime.min.replace(tzinfo=UTC)
    return VoucherView(id=claim.voucher_id, code=claim.code, case_id=None,
                       device_id=claim.device_id, value_minor=claim.value_minor,
                       currency=claim.currency, description=claim.description,
                       guest_name=claim.guest_name, issued_at=issued_at,
                       expires_on=last_day(claim.expires_on), issued_by_name="",
                       status="issued", token=token, synced=False)


def _expired(now: datetime, site: Site, last: date) -> bool:
    return now.astimezone(ZoneInfo(site.timezone)).date() > last
