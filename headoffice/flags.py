"""Flags: what head office found wrong and a person should look at."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.event_schema import is_known
from headoffice.models import Device, EventRow, Flag
from headoffice.rows import ref

DOUBLE_REDEMPTION = "voucher_redeemed_twice"  # a voucher of a site redeemed more than once


def redeemed(kinds: Sequence[str], payloads: Sequence[Mapping[str, Any]]) -> set[str | None]:
    """The vouchers that events of these kinds and payloads redeem."""
    return {ref(payload.get("voucher_id")) for kind, payload in zip(kinds, payloads, strict=True)
            if kind == "voucher.redeemed"}


def flag_double_redemptions(db: Session, device: Device, voucher_ids: set[str | None],
                             now: datetime) -> list[str]:
    """Flag vouchers of this site redeemed more than once (at one desk or at several)."""
    added: list[str] = []
    for voucher_id in sorted(v for v in voucher_ids if v is not None):
        rows = db.execute(
            select(EventRow.device_id, EventRow.seq, EventRow.at, Device.name)
            .join(Device, Device.id == EventRow.device_id)
            .where(EventRow.site_id == device.site_id, EventRow.kind == "voucher.redeemed",
                   EventRow.voucher_id == voucher_id)
            .order_by(EventRow.at, EventRow.id)
        ).all()
        if len(rows) < 2:
            continue
        where = "; ".join(f"{name} ({dev}) seq {seq} at {at}" for dev, seq, at, name in rows)
        detail = f"voucher {voucher_id} redeemed {len(rows)} times: {where}"
        if add_flag(db, site_id=device.site_id, device_id=device.id,
                     kind=DOUBLE_REDEMPTION, detail=detail, now=now):
            added.append(DOUBLE_REDEMPTION)
    return added


def flag_unknown_kinds(db: Session, device: Device, kinds: Sequence[str], now: datetime
                       ) -> list[str]:
    """Flag each kind of event a desk stored here that this head office has no schema for.

    Such events are stored (a newer desk may have written them, and a newer head office would
    know them), but desks of an older build cannot apply them: they hold them in quarantine
    until they are upgraded. Once per device and kind.
    """
    added: list[str] = []
    for kind in sorted({k for k in kinds if not is_known(k)}):
        detail = (f"device {device.name} ({device.id}) sent events of kind {kind!r}, which this "
                  "head office does not know: desks that do not know it either hold them "
                  "back until they are upgraded")
        if add_flag(db, site_id=device.site_id, device_id=device.id, kind="unknown_kind",
                    detail=detail, now=now):
            added.append("unknown_kind")
    return added


def add_flag(db: Session, *, site_id: str, device_id: str | None, kind: str, detail: str,
              now: datetime) -> bool:
    """Add a flag unless the very same one exists (a desk retrying must not flood the list)."""
    exists = db.scalar(select(Flag.id).where(Flag.site_id == site_id, Flag.kind == kind,
                                             Flag.device_id == device_id,
                                             Flag.detail == detail).limit(1))
    if exists is not None:
        return False
    db.add(Flag(site_id=site_id, device_id=device_id, kind=kind, detail=detail,
                created_at=now))
    return True

