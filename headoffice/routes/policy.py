"""``GET /api/v1/policy?have=<version>``: the site's newest policy, if newer than ``have``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse, Response
from sqlalchemy.orm import Session

from db.wire import PolicyAnswer
from headoffice.pull import policy_for
from headoffice.routes.deps import CurrentDevice, DatabaseDep, attach

router = APIRouter(prefix="/api/v1", tags=["policy"])


@router.get("/policy")
async def get_policy(device: CurrentDevice, db: DatabaseDep,
                     have: Annotated[int, Query(ge=0, le=2**31)] = 0) -> Response:
    def work(session: Session) -> PolicyAnswer | None:
        return policy_for(session, attach(session, device), have=have)

    found = await db.run(work)
    return Response(status_code=204) if found is None else JSONResponse(found)
