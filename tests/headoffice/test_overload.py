"""Head office under load: an exhausted connection pool answers 503 (try later), never 500."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import TimeoutError as PoolTimeout

from headoffice.routes import enrol as enrol_route
from tests.headoffice.helpers import HQ


def test_pool_exhaustion_is_503_with_retry_after(hq: HQ,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def busy(*_args: object, **_kwargs: object) -> None:
        raise PoolTimeout("QueuePool limit of size 5 overflow 10 reached")

    monkeypatch.setattr(enrol_route, "enrol", busy)
    answer = hq.client.post("/api/v1/enroll", json={
        "code": "x", "device_id": "00000000-0000-4000-8000-000000000000",
        "device_name": "Desk 1", "site": {"name": "S", "currency": "USD", "timezone": "UTC"}})
    assert answer.status_code == 503
    assert answer.headers["retry-after"] == "30"
