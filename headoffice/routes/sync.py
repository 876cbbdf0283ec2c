"""``POST /api/v1/events`` (a desk pushes its events) and ``GET /api/v1/events`` (it pulls the
other desks' events of its site)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse, Response
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from db.wire import PullPage, PushRequest, push_answer, push_refusal
from headoffice.models import Device
from headoffice.pull import note_held, pull, pull_device
from headoffice.push import PushResult, Unusual, push, push_plain
from headoffice.push_checks import PlainBatch, check_events, parse_push
from headoffice.routes.deps import (
    BearerToken,
    Clock,
    ClockDep,
    CurrentDevice,
    DatabaseDep,
    JsonBody,
    attach,
)

MAX_PULL = 1000

router = APIRouter(prefix="/api/v1", tags=["sync"])


@dataclass(frozen=True, slots=True)
class Incoming:
    """A push body, checked before any database work: the quick way's batch if it is one,
    else the careful way's parse (a 422 is answered here, before any lock)."""

    body: Any
    plain: PlainBatch | None
    parsed: PushRequest | None


async def incoming_push(_token: BearerToken, body: JsonBody) -> Incoming:
    # The token's presence first (401), then the body (400, 413), then its shape (422); the
    # token itself is checked after (CurrentDevice), as before the routers.
    # The usual push, checked a column at a time, before the database's lock is taken.
    plain = await run_in_threadpool(PlainBatch.of, body)
    parsed = parse_push(body) if plain is None else None
    return Incoming(body, plain, parsed)


def careful(db: Session, device: Device, incoming: Incoming, clock: Clock) -> PushResult:
    request = incoming.parsed or parse_push(incoming.body)
    hashed = check_events(request.events, device.id)
    return push(db, device, request, now=clock(), hashed=hashed)


@router.post("/events")
async def push_events(incoming: Annotated[Incoming, Depends(incoming_push)],
                      device: CurrentDevice, db: DatabaseDep, clock: ClockDep) -> Response:
    def work(session: Session) -> PushResult:
        mine = attach(session, device)
        if incoming.plain is not None:
            stored = push_plain(session, mine, incoming.plain, now=clock())
            if stored is not None:
                return stored
        return careful(session, mine, incoming, clock)

    try:
        result = await db.run(work)
    except Unusual:  # rolled back; the careful way says what and keeps the rest
        result = await db.run(lambda session: careful(session, attach(session, device),
                                                      incoming, clock))
    if result.fault is not None:
        fault = result.fault
        return JSONResponse(
            push_refusal(f"refused: {fault.detail}; nothing from seq {fault.seq} on was "
                         "stored and head office has flagged it", result.highest_seq,
                         kind=fault.kind, seq=fault.seq, event_id=fault.event_id),
            status_code=409)
    return JSONResponse(push_answer(result.highest_seq))


@router.get("/events")
async def pull_events(device: CurrentDevice, db: DatabaseDep, clock: ClockDep,
                      after: Annotated[int, Query(ge=0, le=2**62)] = 0,
                      limit: Annotated[int, Query(ge=1, le=MAX_PULL)] = 500,
                      held: Annotated[int, Query(ge=0, le=2**31)] = 0,
                      desk: Annotated[str | None, Query(alias="device", max_length=36)] = None,
                      from_seq: Annotated[int, Query(ge=1, le=2**62)] = 1) -> Response:
    """``held``: how many of the site's events the desk holds in quarantine (it cannot apply
    them); head office flags it for a person to see. ``device`` (with ``from_seq``): that
    desk's events by seq instead, to catch up on a chain that was passed over."""

    def work(session: Session) -> PullPage:
        mine = attach(session, device)
        if held:
            note_held(session, mine, held, now=clock())
        if desk is not None:
            return pull_device(session, mine, other=desk, from_seq=from_seq, limit=limit,
                               now=clock())
        return pull(session, mine, after=after, limit=limit, now=clock())

    return JSONResponse(await db.run(work))
