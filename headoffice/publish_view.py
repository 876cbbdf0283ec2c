"""The pages where an admin edits and publishes a site's policy, recovery matrix and staff.

Plain server-rendered HTML with no script and no inline style: the look comes from
``/admin/style.css``, so the pages are served with a strict Content-Security-Policy (``CSP``).
Every text from a desk or an admin goes through ``esc``; every form that changes something
carries the CSRF token (``csrf``) and posts to this origin only.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from db.policy import ROLES
from db.roster import MAX_NAME
from headoffice.dashboard import esc
from headoffice.models import Site
from headoffice.publish import KINDS, Change, Kind, Published, changes
from headoffice.roster import ChangeLine, RosterLine
from headoffice.wording import plain_field

CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:72rem}
h1{font-size:1.5rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ccc}
nav a{margin-right:1rem}table{border-collapse:collapse;margin:.5rem 0}
td,th{padding:.25rem .75rem;text-align:left;border-bottom:1px solid #eee;vertical-align:top}
th{background:#f6f6f6}textarea{width:100%;font-family:monospace;font-size:.9rem}
.error{color:#a40000;font-weight:600;border:1px solid #a40000;padding:.5rem}
.done{color:#0a5d00;font-weight:600}.muted{color:#666}.before{color:#a40000}
.after{color:#0a5d00}form.inline{display:inline;margin-right:.5rem}
"""


def _when(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def page(title: str, body: str) -> str:
    return ("<!doctype html><html lang='en'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>{esc(title)} — Amends head office</title>"
            "<link rel='stylesheet' href='/admin/style.css'></head><body>"
            "<nav><a href='/'>Dashboard</a><a href='/analysis'>Analysis</a>"
            "<a href='/admin'>Sites: policy, matrix, staff</a></nav>"
            f"<h1>{esc(title)}</h1>{body}</body></html>")


def _hidden(csrf: str, **fields: object) -> str:
    values = {"csrf": csrf, **fields}
    return "".join(f"<input type='hidden' name='{esc(k)}' value='{esc(v)}'>"
                   for k, v in values.items())


def sites(all_sites: Sequence[Site]) -> str:
    if not all_sites:
        return page("Sites", "<p>No sites yet. Add one with "
                             "<code>amends-headoffice site add</code>.</p>")
    rows = "".join(
        f"<tr><td>{esc(s.name)}</td><td>{esc(s.currency)}</td>"
        f"<td><a href='/admin/sites/{esc(s.id)}/policy'>Budget policy</a></td>"
        f"<td><a href='/admin/sites/{esc(s.id)}/matrix'>Recovery matrix</a></td>"
        f"<td><a href='/admin/sites/{esc(s.id)}/staff'>Staff</a></td></tr>" for s in all_sites)
    return page("Sites", "<p>Desks adopt what is published here on their next sync.</p>"
                         "<table id='sites'><tr><th>Site</th><th>Currency</th><th colspan='3'>"
                         f"Edit</th></tr>{rows}</table>")


def editor(site: Site, kind: Kind, text: str, found: Published | None,
           versions: Sequence[Published], csrf: str, *, error: str = "",
           done: str = "") -> str:
    """The edit page: the document as JSON, the version in force, and the history."""
    what = KINDS[kind]
    money = (f" Amounts are in minor units of {esc(site.currency)} (e.g. 5000 = 50.00)."
             if kind == "policy" else
             " Values are typical amounts in whole reference units; each desk scales them by "
             "its currency's price factor.")
    base = found.version if found else 0
    state = (f"Version {found.version} is in force, published {_when(found.created_at)} by "
             f"{esc(found.published_by)}." if found else
             f"No {what} published yet: the desks use their own.")
    body = [f"<p class='muted'>{state}{money} Leave out the version number: publishing gives "
            "the next one.</p>"]
    if done:
        body.append(f"<p class='done' id='done'>{esc(done)}</p>")
    if error:
        body.append(f"<p class='error' id='error' role='alert'>{esc(error)}</p>")
    body.append(f"<form method='post' action='/admin/sites/{esc(site.id)}/{kind}/review'>"
                f"{_hidden(csrf, base=base)}<label for='document'>The {what} (JSON)</label>"
                f"<textarea id='document' name='document' rows='28' spellcheck='false'>"
                f"{esc(text)}</textarea><p><button type='submit' id='review'>Review changes"
                "</button></p></form>")
    body.append(_history(versions))
    return page(f"{site.name}: {what}", "".join(body))


def _history(versions: Sequence[Published]) -> str:
    if not versions:
        return "<h2>History</h2><p class='muted'>Nothing published yet.</p>"
    rows = []
    for n, item in enumerate(versions):
        before = versions[n + 1].document if n + 1 < len(versions) else None
        changed = [c.field for c in changes(before, item.document)]
        shown = ", ".join(changed[:6]) + (f" and {len(changed) - 6} more"
                                          if len(changed) > 6 else "")
        rows.append(f"<tr><td>{item.version}</td><td>{esc(item.published_by)}</td>"
                    f"<td>{_when(item.created_at)}</td>"
                    f"<td>{esc(shown if before is not None else 'first version')}</td></tr>")
    return ("<h2>History</h2><table id='history'><tr><th>Version</th><th>Who</th><th>When"
            f"</th><th>What changed</th></tr>{''.join(rows)}</table>")


def review(site: Site, kind: Kind, text: str, base: int, found: Published | None,
           diff: Sequence[Change], csrf: str) -> str:
    """Before → after, field by field, with Publish (or nothing to publish)."""
    what = KINDS[kind]
    against = f"version {found.version}" if found else "nothing published yet"
    if not diff:
        table = "<p id='no-changes'>Nothing changed: there is nothing to publish.</p>"
    else:
        rows = "".join(
            f"<tr><td>{esc(plain_field(c.field))}<br><code class='muted'>{esc(c.field)}</code>"
            f"</td><td class='before'>{esc(c.before or '(none)')}</td>"
            f"<td class='after'>{esc(c.after or '(removed)')}</td></tr>" for c in diff)
        table = ("<table id='changes'><tr><th>Field</th><th>Before</th><th>After</th></tr>"
                 f"{rows}</table>")
    publish = (f"<form class='inline' method='post' action='/admin/sites/{esc(site.id)}/{kind}"
               f"/publish'>{_hidden(csrf, base=base, document=text)}<button type='submit' "
               f"id='publish'>Publish as version {base + 1}</button></form>") if diff else ""
    back = (f"<form class='inline' method='post' action='/admin/sites/{esc(site.id)}/{kind}"
            f"/edit'>{_hidden(csrf, base=base, document=text)}<button type='submit' id='back'>"
            "Change it again</button></form>")
    return page(f"{site.name}: review the {what}",
                f"<p>Your changes against {against}; desks adopt them on their next sync."
                f"</p>{table}<p>{publish}{back}</p>")


def staff(site: Site, lines: Sequence[RosterLine], log: Sequence[ChangeLine], csrf: str, *,
          error: str = "", done: str = "") -> str:
    """The site's people as its desks sent them, with what an admin may do to each."""
    body = ["<p class='muted'>Changes made here reach every desk of the site on its next sync."
            "</p>"]
    if done:
        body.append(f"<p class='done' id='done'>{esc(done)}</p>")
    if error:
        body.append(f"<p class='error' id='error' role='alert'>{esc(error)}</p>")
    roles = "".join(f"<option value='{r}'>{r}</option>" for r in ROLES)
    body.append(f"<form id='add' method='post' action='/admin/sites/{esc(site.id)}/staff/add'>"
                f"{_hidden(csrf)}<label>Name <input name='name' maxlength='{MAX_NAME}' "
                f"required></label> <label>Role <select name='role'>{roles}</select></label> "
                "<button type='submit'>Add</button><span class='muted'> They choose their "
                "PIN when they first sign in at a desk.</span></form>")
    if not lines:
        body.append("<p>No staff known yet: desks send their roster when they sync.</p>")
        return page(f"{site.name}: staff", "".join(body))
    rows = []
    for line in lines:
        action = f"/admin/sites/{esc(site.id)}/staff/{esc(line.id)}"
        if line.active:
            options = "".join(f"<option value='{r}'{' selected' if r == line.role else ''}>"
                              f"{r}</option>" for r in ROLES)
            tools = (f"<form class='inline' method='post' action='{action}/role'>"
                     f"{_hidden(csrf)}<select name='role' aria-label='Role of "
                     f"{esc(line.name)}'>{options}</select><button type='submit'>Change role"
                     f"</button></form><form class='inline' method='post' action='{action}/"
                     f"pin-reset'>{_hidden(csrf)}<button type='submit'>Reset PIN</button>"
                     f"</form><form class='inline' method='post' action='{action}/deactivate'>"
                     f"{_hidden(csrf)}<button type='submit'>Deactivate</button></form>")
            status = "active"
        else:
            tools = ""
            status = "deactivated by head office" if line.retired_here else "deactivated"
        rows.append(f"<tr id='staff-{esc(line.id)}'><td>{esc(line.name)}</td>"
                    f"<td>{esc(line.role)}</td><td>{status}</td><td>{esc(line.desk)}</td>"
                    f"<td>{tools}</td></tr>")
    body.append("<table id='staff'><tr><th>Name</th><th>Role</th><th>Status</th>"
                f"<th>Added at</th><th></th></tr>{''.join(rows)}</table>")
    if log:
        changes_made = "".join(f"<tr><td>{_when(c.at)}</td><td>{esc(c.by)}</td>"
                               f"<td>{esc(c.name)}</td><td>{esc(c.what)}</td></tr>"
                               for c in log)
        body.append("<h2>Changes made at head office</h2><table id='staff-history'><tr>"
                    f"<th>When</th><th>Who</th><th>Person</th><th>What</th></tr>{changes_made}"
                    "</table>")
    return page(f"{site.name}: staff", "".join(body))
