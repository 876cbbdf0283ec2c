"""What a desk adopts from head office besides events, each fetched on every sync:

- ``GET /api/v1/policy?have=<version>``: the site's newest policy, if newer than ``have``;
- ``GET /api/v1/matrix?have=<version>``: the site's newest recovery matrix, likewise;
- ``GET /api/v1/staff/changes``: role changes and PIN resets head office made at the site.
"""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.matrix import MatrixAnswer, matrix_answer
from db.wire import PolicyAnswer
from headoffice.models import MatrixVersion
from headoffice.pull import policy_for
from headoffice.roster import staff_changes
from headoffice.routes.deps import CurrentDevice, DatabaseDep, attach

router = APIRouter(prefix="/api/v1", tags=["policy"])
Have = Annotated[int, Query(ge=0, le=2**31)]


@router.get("/policy")
async def get_policy(device: CurrentDevice, db: DatabaseDep, have: Have = 0) -> Response:
    def work(session: Session) -> PolicyAnswer | None:
        return policy_for(session, attach(session, device), have=have)

    found = await db.run(work)
    return Response(status_code=204) if found is None else JSONResponse(found)


@router.get("/matrix")
async def get_matrix(device: CurrentDevice, db: DatabaseDep, have: Have = 0) -> Response:
    def work(session: Session) -> MatrixAnswer | None:
        row = session.scalar(select(MatrixVersion)
                             .where(MatrixVersion.site_id == attach(session, device).site_id)
                             .order_by(MatrixVersion.version.desc()).limit(1))
        if row is None or row.version <= have:
            return None
        return matrix_answer(row.version, json.loads(row.body))

    found = await db.run(work)
    return Response(status_code=204) if found is None else JSONResponse(found)


@router.get("/staff/changes")
async def get_staff_changes(device: CurrentDevice, db: DatabaseDep,
                            added: bool = False) -> Response:
    # ``added``: the desk adopts people added here; older desks would refuse the kind.
    found = await db.run(lambda session: staff_changes(session, attach(session, device).site_id,
                                                       added=added))
    return JSONResponse({"changes": found})
