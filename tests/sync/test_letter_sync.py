"""An apology letter printed at one desk goes to head office with its text, and another desk
of the site reprints that very letter, marked REPRINT (issue 16, item 4)."""

from __future__ import annotations

import io
import json
from collections.abc import Callable

import pypdf
from sqlalchemy import select

from db.models import EventRow
from desktop.core.desk import Desk
from desktop.core.letter import printed_letter
from desktop.core.views import CaseHeader, GestureProposal
from desktop.slips.compose import make_slip
from desktop.sync.client import enroll, sync_once
from tests.conftest import Team
from tests.headoffice.helpers import HQ


def synced(*desks: Desk) -> None:
    for _ in range(2):  # twice: what one desk pushed the other pulls on its next round
        for desk in desks:
            report = sync_once(desk)
            assert report.ok, report.errors


def text_of(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_a_letter_printed_at_one_desk_is_reprinted_the_same_at_another(
        hq: HQ, make_eur_desk: Callable[..., Desk]) -> None:
    site = hq.add_site("Harbour Hotel", "EUR", "Europe/Paris")
    front, brasserie = make_eur_desk("front"), make_eur_desk("brasserie")
    team = Team(front)
    enroll(front, hq.server.url, hq.code(site), "Front desk")
    enroll(brasserie, hq.server.url, hq.code(site), "Brasserie")
    synced(front, brasserie)

    who = team.sign_in(team.agent)
    case_id = front.cases.open(who, CaseHeader("Ann Lee", "12", "Front Desk", "noise", "low"))
    front.grants.grant(who, case_id, GestureProposal("refund", "Minibar", 1500))
    wording = "Dear Ann,\n\nWe are sorry about the noise on the second floor.\n\nThe team"
    first, _kept = make_slip(front, who, case_id, "apology", None, "a4", wording=wording)
    synced(front, brasserie)

    with hq.app.state.engine.connect() as db:
        payloads = [json.loads(p) for p in db.scalars(
            select(EventRow.payload).where(EventRow.kind == "slip.printed"))]
    assert payloads and payloads[0]["letter"] == wording
    assert payloads[0]["edited"] is True

    at_brasserie = printed_letter(brasserie, case_id)
    assert at_brasserie is not None and at_brasserie == printed_letter(front, case_id)
    rita = next(m for m in brasserie.staff.roster() if m.role == "manager")
    manager = brasserie.shifts.sign_in(rita.id, "1357").on_shift
    assert manager is not None
    again, _kept = make_slip(brasserie, manager, case_id, "apology", None, "a4")
    assert "We are sorry about the noise on the second floor." in text_of(again)
    assert "REPRINT" in text_of(again) and "REPRINT" not in text_of(first)
