"""The admin's pages to edit and publish a site's policy, recovery matrix and staff (``/admin``).

Behind the admin token like the dashboard (HTTP Basic: the token as the password). Who
published is the token's label and id. The browser sends Basic credentials by itself, so
every form that changes something carries a CSRF token derived from the admin's own token
(another site cannot know it) and is refused if it comes from another origin. Publishing
goes through a review of the changes; nothing is stored until "Publish".
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Literal
from urllib.parse import parse_qs, urlsplit

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from headoffice import publish, publish_view, roster
from headoffice.admin import AdminError, find_site, list_sites
from headoffice.auth import check_admin
from headoffice.errors import ServiceError
from headoffice.models import Site
from headoffice.routes.deps import Admin, AdminSecret, ClockDep, DatabaseDep, no_store

router = APIRouter(prefix="/admin", tags=["admin pages"])
MAX_FORM_BYTES = 1024 * 1024
SiteId = Annotated[str, Path(max_length=36)]
KindPath = Annotated[Literal["policy", "matrix"], Path()]
StaffId = Annotated[str, Path(max_length=64)]


@dataclass(frozen=True, slots=True)
class Publisher:
    """The signed-in admin: who they are on record, and their forms' CSRF token."""

    who: str
    csrf: str


def csrf_for(secret: str) -> str:
    # Keyed by the token itself, not its stored digest: reading the database gives no form.
    return hmac.new(secret.encode("utf-8"), b"amends admin forms", hashlib.sha256).hexdigest()


async def publisher(_admin: Admin, secret: AdminSecret, db: DatabaseDep) -> Publisher:
    token = await db.run(lambda session: check_admin(session, secret))
    return Publisher(f"{token.label} (token {token.id})", csrf_for(secret))


Signed = Annotated[Publisher, Depends(publisher)]


async def read_form(request: Request, signed: Signed) -> dict[str, str]:
    """A posted form (URL-encoded), refused unless from this origin with the CSRF token."""
    origin = request.headers.get("origin")
    if origin is not None and urlsplit(origin).netloc != request.headers.get("host", ""):
        raise ServiceError(403, "this form was sent from another site")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            raise ServiceError(413, f"the form is larger than {MAX_FORM_BYTES} bytes")
    try:
        fields = parse_qs(bytes(body).decode("utf-8"), keep_blank_values=True,
                          max_num_fields=20)
    except (UnicodeDecodeError, ValueError):
        raise ServiceError(400, "the form cannot be read") from None
    form = {key: values[0] for key, values in fields.items()}
    if not hmac.compare_digest(form.get("csrf", ""), signed.csrf):
        raise ServiceError(403, "the form's security token is missing or wrong: reload the "
                                "page and try again")
    return form


Form = Annotated[dict[str, str], Depends(read_form)]


def html(text: str, status: int = 200) -> Response:
    response = HTMLResponse(text, status_code=status)
    response.headers["Content-Security-Policy"] = publish_view.CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    # Not no-referrer: with it, browsers send "Origin: null" on this page's own forms.
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["X-Frame-Options"] = "DENY"
    return no_store(response)


def _site(session: Session, site_id: str) -> Site:
    try:
        return find_site(session, site_id)
    except AdminError as error:
        raise ServiceError(404, str(error)) from None


def _base(form: dict[str, str]) -> int:
    text = form.get("base", "")
    if not text.isdigit() or len(text) > 9:
        raise ServiceError(400, "the form's base version is missing")
    return int(text)


@router.get("/style.css")
async def style() -> Response:
    return Response(publish_view.STYLE, media_type="text/css",
                    headers={"Cache-Control": "max-age=3600", "X-Content-Type-Options": "nosniff"})


@router.get("", response_class=HTMLResponse)
async def sites(_signed: Signed, db: DatabaseDep) -> Response:
    return html(await db.run(lambda session: publish_view.sites(list_sites(session))))


def _editor(session: Session, site_id: str, kind: publish.Kind, signed: Publisher, *,
            text: str | None = None, error: str = "", done: str = "") -> str:
    site = _site(session, site_id)
    versions = publish.history(session, site, kind)
    found = versions[0] if versions else None
    return publish_view.editor(site, kind, publish.starting_text(found, kind)
                               if text is None else text, found, versions, signed.csrf,
                               error=error, done=done)


# Before /sites/{site_id}/{kind}, which would take "staff" for a kind.
@router.get("/sites/{site_id}/staff", response_class=HTMLResponse)
async def staff(site_id: SiteId, signed: Signed, db: DatabaseDep, done: str = "") -> Response:
    message = {"add": "Added: they choose their PIN when they first sign in at a desk.",
               "role": "Role changed.", "pin": "PIN reset: they choose a new one when they next "
               "sign in at a desk.", "off": "Deactivated."}.get(done, "")
    suffix = " Every desk of the site applies it on its next sync." if message else ""
    return html(await db.run(lambda session: _staff_page(session, site_id, signed,
                                                         done=message + suffix)))


@router.get("/sites/{site_id}/{kind}", response_class=HTMLResponse)
async def edit(site_id: SiteId, kind: KindPath, signed: Signed, db: DatabaseDep,
               published: int = 0) -> Response:
    done = f"Version {published} published: desks adopt it on their next sync." \
        if published else ""
    return html(await db.run(lambda session: _editor(session, site_id, kind, signed,
                                                     done=done)))


@router.post("/sites/{site_id}/{kind}/edit", response_class=HTMLResponse)
async def edit_again(site_id: SiteId, kind: KindPath, signed: Signed, form: Form,
                     db: DatabaseDep) -> Response:
    return html(await db.run(lambda session: _editor(session, site_id, kind, signed,
                                                     text=form.get("document", ""))))


@router.post("/sites/{site_id}/{kind}/review", response_class=HTMLResponse)
async def review(site_id: SiteId, kind: KindPath, signed: Signed, form: Form,
                 db: DatabaseDep) -> Response:
    text = form.get("document", "")

    def work(session: Session) -> tuple[str, int]:
        site = _site(session, site_id)
        try:
            document = publish.check(kind, text)
        except AdminError as error:
            return _editor(session, site_id, kind, signed, text=text, error=str(error)), 422
        found = publish.current(session, site, kind)
        diff = publish.changes(found.document if found else None, document)
        return publish_view.review(site, kind, text, found.version if found else 0, found,
                                   diff, signed.csrf), 200

    page, status = await db.run(work)
    return html(page, status)


@router.post("/sites/{site_id}/{kind}/publish")
async def publish_it(site_id: SiteId, kind: KindPath, signed: Signed, form: Form,
                     db: DatabaseDep, clock: ClockDep) -> Response:
    text, base = form.get("document", ""), _base(form)

    def work(session: Session) -> int:
        site = _site(session, site_id)
        return publish.publish(session, site, kind, text, base=base, by=signed.who,
                               now=clock()).version

    try:
        version = await db.run(work)
    except AdminError as error:
        message = f"Nothing was published: {error}"
        page = await db.run(lambda session: _editor(session, site_id, kind, signed, text=text,
                                                    error=message))
        return html(page, 409)
    return no_store(RedirectResponse(f"/admin/sites/{site_id}/{kind}?published={version}",
                                     status_code=303))


# --- staff ---------------------------------------------------------------------------------


def _staff_page(session: Session, site_id: str, signed: Publisher, *, error: str = "",
                done: str = "") -> str:
    site = _site(session, site_id)
    return publish_view.staff(site, roster.site_roster(session, site),
                              roster.change_log(session, site), signed.csrf, error=error,
                              done=done)


async def _staff_change(db: DatabaseDep, site_id: str, signed: Publisher, done: str,
                        change: Callable[[Session, Site], object]) -> Response:
    def work(session: Session) -> None:
        change(session, _site(session, site_id))

    try:
        await db.run(work)
    except AdminError as error:
        message = f"Nothing was changed: {error}"
        page = await db.run(lambda session: _staff_page(session, site_id, signed,
                                                        error=message))
        return html(page, 409)
    return no_store(RedirectResponse(f"/admin/sites/{site_id}/staff?done={done}",
                                     status_code=303))


@router.post("/sites/{site_id}/staff/add")
async def add_person(site_id: SiteId, signed: Signed, form: Form, db: DatabaseDep,
                     clock: ClockDep) -> Response:
    return await _staff_change(db, site_id, signed, "add", lambda session, site: (
        roster.add_staff(session, site, form.get("name", ""), form.get("role", ""),
                         by=signed.who, now=clock())))


@router.post("/sites/{site_id}/staff/{staff_id}/role")
async def change_role(site_id: SiteId, staff_id: StaffId, signed: Signed, form: Form,
                      db: DatabaseDep, clock: ClockDep) -> Response:
    return await _staff_change(db, site_id, signed, "role", lambda session, site: (
        roster.change_staff(session, site, staff_id, "staff.role_changed",
                            role=form.get("role", ""), by=signed.who, now=clock())))


@router.post("/sites/{site_id}/staff/{staff_id}/pin-reset")
async def reset_pin(site_id: SiteId, staff_id: StaffId, signed: Signed, _form: Form,
                    db: DatabaseDep, clock: ClockDep) -> Response:
    return await _staff_change(db, site_id, signed, "pin", lambda session, site: (
        roster.change_staff(session, site, staff_id, "staff.pin_reset", by=signed.who,
                            now=clock())))


@router.post("/sites/{site_id}/staff/{staff_id}/deactivate")
async def deactivate(site_id: SiteId, staff_id: StaffId, signed: Signed, _form: Form,
                     db: DatabaseDep, clock: ClockDep) -> Response:
    return await _staff_change(db, site_id, signed, "off", lambda session, site: (
        roster.deactivate(session, site.id, staff_id, now=clock(), by=signed.who)))
