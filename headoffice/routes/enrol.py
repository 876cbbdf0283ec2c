"""``POST /api/v1/enroll``: a desk joins its site with a one-time code."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response
from sqlalchemy.orm import Session

from db.wire import EnrolAnswer, enrol_answer
from headoffice.enrol import enrol
from headoffice.routes.deps import ClockDep, DatabaseDep, JsonBody, no_store

router = APIRouter(prefix="/api/v1", tags=["enrol"])


@router.post("/enroll")
async def enroll(body: JsonBody, db: DatabaseDep, clock: ClockDep) -> Response:
    def work(session: Session) -> EnrolAnswer:
        enrolled = enrol(session, body, now=clock())
        site = enrolled.site
        return enrol_answer(token=enrolled.token, site_id=site.id, site_name=site.name,
                            currency=site.currency, timezone=site.timezone)

    return no_store(JSONResponse(await db.run(work)))
