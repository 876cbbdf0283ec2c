"""``POST /api/v1/enroll``: a desk joins its site with a one-time code;
``POST /api/v1/enroll/challenge``: a nonce for a desk to sign when it re-enrols.

Both are throttled per client address (``headoffice.throttle``): every challenge and every
refused enrolment counts, and over the limit the answer is 429 with Retry-After.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response
from sqlalchemy.orm import Session

from db.wire import ChallengeAnswer, EnrolAnswer, enrol_answer
from headoffice import throttle
from headoffice.enrol import challenge, enrol
from headoffice.errors import ServiceError
from headoffice.routes.deps import (
    ClientAddress,
    ClockDep,
    DatabaseDep,
    JsonBody,
    SettingsDep,
    no_store,
)

router = APIRouter(prefix="/api/v1", tags=["enrol"])


@router.post("/enroll")
async def enroll(body: JsonBody, db: DatabaseDep, clock: ClockDep, client: ClientAddress,
                 config: SettingsDep) -> Response:
    limit = config.limits[throttle.ENROL]

    def work(session: Session) -> EnrolAnswer:
        throttle.check(session, throttle.ENROL, client, limit, clock())
        enrolled = enrol(session, body, now=clock())
        site = enrolled.site
        return enrol_answer(token=enrolled.token, site_id=site.id, site_name=site.name,
                            currency=site.currency, timezone=site.timezone)

    try:
        answer = await db.run(work)
    except ServiceError as error:
        # The enrolment's transaction is rolled back; the refusal is counted in its own.
        if error.status != 429 and 400 <= error.status < 500:
            await db.run(lambda session: throttle.count(session, throttle.ENROL, client, limit,
                                                        clock()))
        raise
    return no_store(JSONResponse(answer))


@router.post("/enroll/challenge")
async def enroll_challenge(body: JsonBody, db: DatabaseDep, clock: ClockDep,
                           client: ClientAddress, config: SettingsDep) -> Response:
    limit = config.limits[throttle.ENROL]

    def work(session: Session) -> ChallengeAnswer:
        throttle.check(session, throttle.ENROL, client, limit, clock())
        throttle.count(session, throttle.ENROL, client, limit, clock())
        return challenge(session, body, now=clock())

    return no_store(JSONResponse(await db.run(work)))
