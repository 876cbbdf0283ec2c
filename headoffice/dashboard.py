"""The read-only head-office page: plain server-rendered HTML, no scripts, everything escaped.

Every piece of text that came from a desk or an admin (guest names, site and desk names, flag
details) goes through ``esc``; the page is also served with a Content-Security-Policy that
allows no scripts at all, so a missed escape could not run anything either.
"""

from __future__ import annotations

import html
from datetime import date, datetime
from zoneinfo import ZoneInfo

from db.money import CurrencyError, format_money
from headoffice.reports import SiteSummary

DISPLAY_LOCALE = "en"
CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"

_STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:72rem}
h1{font-size:1.5rem}h2{font-size:1.25rem;margin-top:2.5rem;border-bottom:1px solid #ccc}
h3{font-size:1rem;margin-top:1.5rem}
table{border-collapse:collapse;margin:.5rem 0}td,th{padding:.25rem .75rem;text-align:left;
border-bottom:1px solid #eee;vertical-align:top}th{background:#f6f6f6}
.num{text-align:right;font-variant-numeric:tabular-nums}.warn{color:#a40000;font-weight:600}
.muted{color:#666}code{font-size:.9em}
"""


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def money(minor: int, currency: str) -> str:
    try:
        return format_money(minor, currency, DISPLAY_LOCALE)
    except (CurrencyError, ValueError):
        return f"{minor} {currency} (minor units)"


def local(moment: datetime | None, zone: ZoneInfo) -> str:
    if moment is None:
        return "never"
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")


def ago(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return ""
    seconds = int((now - moment).total_seconds())
    if seconds < 0:
        return "in the future"
    for size, unit in ((86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= size:
            count = seconds // size
            return f"{count} {unit}{'s' if count != 1 else ''} ago"
    return "just now"


def render(summaries: list[SiteSummary], now: datetime, check: str = "",
           sites: str = "") -> str:
    """The page; ``check``: the chain-check section, ``sites``: the chain overview with the
    page's navigation, both already rendered (``check_view``, ``overview_view``)."""
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>Amends head office</title><style>{_STYLE}</style></head><body>",
        "<h1>Amends head office</h1>",
        "<p><a href='/analysis'>Analysis</a> · <a href='/admin'>Sites: publish policies, "
        "recovery matrices and staff changes</a></p>",
        f"<p class='muted'>As of {esc(now.strftime('%Y-%m-%d %H:%M UTC'))}. "
        "Read-only. Times are shown in each site's own time zone.</p>",
        check,
        sites,
    ]
    if not summaries:
        parts.append("<p>No sites yet. Add one with <code>amends-headoffice site add</code>.</p>")
    for summary in summaries:
        parts.append(_site(summary, now))
    parts.append(_export_form(now))
    parts.append("</body></html>")
    return "".join(parts)


def _site(s: SiteSummary, now: datetime) -> str:
    site, zone = s.site, s.zone
    out = [
        f"<h2 id='site-{esc(site.id)}'>{esc(site.name)}</h2>",
        f"<p class='muted'>Site id <code>{esc(site.id)}</code> · {esc(site.currency)} · "
        f"{esc(site.timezone)} · policy "
        f"{'version ' + esc(s.policy_version) if s.policy_version else 'not set'}</p>",
    ]

    spend = ", ".join(money(v, c) for c, v in s.spend_this_week.items()) or money(0, site.currency)
    out.append(
        f"<h3>This week (from Monday {esc(s.week_start.isoformat())})</h3>"
        "<table><tr><th>Spent on gestures</th><th>Gestures granted</th>"
        "<th>Approved beyond a limit</th></tr>"
        f"<tr><td class='num'>{esc(spend)}</td><td class='num'>{s.grants_this_week}</td>"
        f"<td class='num'>{s.approvals_this_week}</td></tr></table>"
        "<p class='muted'>Limits apply per person per shift and per case at the desk; a "
        "grant beyond them needs a supervisor's approval there, counted above.</p>"
    )

    out.append("<h3>Desks</h3>")
    if not s.desks:
        out.append("<p>No desk enrolled yet (<code>amends-headoffice device code</code>).</p>")
    else:
        out.append("<table><tr><th>Desk</th><th>Device id</th><th>Last sync</th>"
                   "<th>Events held</th><th>Status</th></tr>")
        for desk in s.desks:
            status = ("<span class='warn'>revoked " + esc(local(desk.revoked_at, zone))
                      + "</span>") if desk.revoked_at else "active"
            out.append(
                f"<tr><td>{esc(desk.name)}</td><td><code>{esc(desk.id)}</code></td>"
                f"<td>{esc(local(desk.last_sync_at, zone))} "
                f"<span class='muted'>{esc(ago(desk.last_sync_at, now))}</span></td>"
                f"<td class='num'>{desk.last_seq}</td><td>{status}</td></tr>")
        out.append("</table>")

    out.append("<h3>Approved beyond a limit this week</h3>")
    if not s.approved:
        out.append("<p>None.</p>")
    else:
        out.append("<table><tr><th>When</th><th>Desk</th><th>Granted by</th>"
                   "<th>Approved by</th><th>Value</th><th>Case</th></tr>")
        for approved in s.approved:
            out.append(
                f"<tr><td>{esc(local(approved.at, zone))}</td><td>{esc(approved.desk)}</td>"
                f"<td>{esc(approved.granted_by)}</td><td>{esc(approved.approved_by)}</td>"
                f"<td class='num'>{esc(money(approved.value_minor, site.currency))}</td>"
                f"<td><code>{esc(approved.case_id)}</code></td></tr>")
        out.append("</table>")

    out.append("<h3>Staff</h3>")
    if not s.staff:
        out.append("<p>No staff known yet: desks send their roster when they sync.</p>")
    else:
        out.append("<table><tr><th>Name</th><th>Role</th><th>Status</th><th>Added at</th>"
                   "<th>Staff id</th></tr>")
        for person in s.staff:
            status = "active" if person.active else (
                "<span class='warn'>deactivated by head office</span>" if person.retired_here
                else "deactivated")
            out.append(
                f"<tr><td>{esc(person.name)}</td><td>{esc(person.role)}</td><td>{status}</td>"
                f"<td>{esc(person.desk)}</td><td><code>{esc(person.id)}</code></td></tr>")
        out.append("</table>")

    out.append("<h3>Overdue follow-ups</h3>")
    if not s.overdue:
        out.append("<p>None.</p>")
    else:
        more = (f" (showing {len(s.overdue)} of {s.overdue_total})"
                if s.overdue_total > len(s.overdue) else "")
        out.append(f"<p class='warn'>{s.overdue_total} overdue{esc(more)}</p>"
                   "<table><tr><th>Guest</th><th>Due</th><th>Desk</th><th>Case</th></tr>")
        for item in s.overdue:
            out.append(
                f"<tr><td>{esc(item.guest_name) or '<span class=muted>(no name)</span>'}</td>"
                f"<td>{esc(local(item.due_at, zone))} "
                f"<span class='muted'>{esc(ago(item.due_at, now))}</span></td>"
                f"<td>{esc(item.desk)}</td><td><code>{esc(item.case_id)}</code></td></tr>")
        out.append("</table>")

    out.append("<h3>Vouchers redeemed more than once</h3>")
    if not s.double_redeemed:
        out.append("<p>None.</p>")
    else:
        out.append("<table><tr><th>Voucher</th><th>Redeemed at</th></tr>")
        for doubled in s.double_redeemed:
            where = "<br>".join(f"{esc(r.desk)} (seq {r.seq}) {esc(local(r.at, zone))}"
                                + (f" by {esc(r.by)}" if r.by else "")
                                for r in doubled.redemptions)
            out.append(f"<tr><td><code>{esc(doubled.voucher_id)}</code></td><td>{where}</td>"
                       "</tr>")
        out.append("</table>")

    out.append("<h3>Flagged problems</h3>")
    if not s.flags:
        out.append("<p>None.</p>")
    else:
        out.append("<table><tr><th>When</th><th>Problem</th><th>Detail</th></tr>")
        for flag in s.flags:
            out.append(f"<tr><td>{esc(local(flag.created_at, zone))}</td>"
                       f"<td class='warn'>{esc(flag.kind.replace('_', ' '))}</td>"
                       f"<td>{esc(flag.detail)}</td></tr>")
        out.append("</table>")
    return "".join(out)


def _export_form(now: datetime) -> str:
    today: date = now.date()
    start = today.replace(day=1)
    return (
        "<h2>Export</h2><form method='get' action='/export/spend.csv'>"
        "Spend by site and day, CSV: from "
        f"<input type='date' name='from' value='{esc(start.isoformat())}'> to "
        f"<input type='date' name='to' value='{esc(today.isoformat())}'> "
        "site (id or name, empty for all) <input type='text' name='site'> "
        "<button type='submit'>Download</button></form>"
    )
