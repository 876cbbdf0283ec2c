"""The analysis pages as HTML: server-rendered, no scripts, everything escaped (as the dashboard).

Each number links to the cases behind it (``/analysis/cases?…``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from urllib.parse import urlencode

from headoffice import analysis, findings
from headoffice.aggregates import on_time
from headoffice.analysis import CaseFilter, Failures, FollowUps, Recovery
from headoffice.dashboard import _STYLE, esc, money
from headoffice.findings import Kept
from headoffice.models import CaseFact, Site

SITES_PER_PAGE = 25  # sites side by side on one page of failures
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
PAGES = (("/analysis/failures", "Failures by category × site × week"),
         ("/analysis/hours", "Day × hour"),
         ("/analysis/combustion", "Combustion points"),
         ("/analysis/recovery", "Recovery effectiveness"),
         ("/analysis/followup", "Follow-up within 20 minutes"))


def page(title: str, body: str, now: datetime) -> str:
    nav = " · ".join(f"<a href='{esc(href)}'>{esc(name)}</a>" for href, name in PAGES)
    return ("<!doctype html><html lang='en'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>{esc(title)} · Amends head office</title><style>{_STYLE}"
            ".grid td{text-align:right;min-width:1.5rem}.hot{background:#fde2e1}</style>"
            f"</head><body><p><a href='/'>Head office</a> · {nav}</p><h1>{esc(title)}</h1>"
            f"<p class='muted'>As of {esc(now.strftime('%Y-%m-%d %H:%M UTC'))}. Weeks start "
            "on Monday in each site's own time zone.</p>" + body + "</body></html>")


def cases_link(count: int | str, **wanted: object) -> str:
    query = urlencode({k: v for k, v in wanted.items() if v is not None})
    return f"<a class='drill' href='/analysis/cases?{esc(query)}'>{esc(count)}</a>"


def index(now: datetime) -> str:
    items = "".join(f"<li><a href='{esc(href)}'>{esc(name)}</a></li>" for href, name in PAGES)
    return page("Analysis", f"<ul>{items}</ul>", now)


def failures(data: Failures, weeks: int, now: datetime, first: int = 0, total: int = 0
             ) -> str:
    shown = f"sites {first + 1}–{first + len(data.sites)} of {total}" if total else "no sites"
    turn = "".join(f" · <a href='?{esc(urlencode({'weeks': weeks, 'first': at}))}'>{label}</a>"
                   for label, at in (("previous sites", first - SITES_PER_PAGE),
                                     ("next sites", first + SITES_PER_PAGE))
                   if 0 <= at < total)
    out = [f"<p>Cases opened in the last {weeks} weeks, the sites side by side ({shown}"
           f"{turn}). <a href='?weeks=4'>4 weeks</a> · <a href='?weeks=8'>8</a> · "
           "<a href='?weeks=26'>26</a></p>"]
    if not data.categories:
        out.append("<p>No cases in these weeks.</p>")
    sites_q = [esc(urlencode({"site": site.id})) for site in data.sites]
    for category in data.categories:
        out.append(f"<h2>{esc(category or '(no category)')}</h2><table class='grid'><tr>"
                   "<th>Week</th>" + "".join(f"<th>{esc(s.name)}</th>" for s in data.sites)
                   + "</tr>")
        # Thousands of cells at chain scale: each part of a link is encoded once, not per cell.
        tail = "&amp;" + esc(urlencode({"category": category}))
        for week in data.weeks:
            middle = "&amp;" + esc(urlencode({"week": week})) + tail
            cells = []
            for site, head in zip(data.sites, sites_q, strict=True):
                count = data.counts.get((category, week, site.id), 0)
                cells.append(f"<td><a class='drill' href='/analysis/cases?{head}{middle}'>"
                             f"{count}</a></td>" if count else "<td></td>")
            out.append(f"<tr><th>{esc(week)}</th>{''.join(cells)}</tr>")
        out.append("</table>")
    return page("Failures by category × site × week", "".join(out), now)


def hours(grid: Mapping[tuple[int, int], int], all_sites: Sequence[Site], site: Site | None,
          now: datetime, first: date, last: date) -> str:
    span = {"from": first.isoformat(), "to": last.isoformat()}
    choose = " · ".join([f"<a href='/analysis/hours?{esc(urlencode(span))}'>"
                         f"{'<b>' if site is None else ''}whole "
                         f"chain{'</b>' if site is None else ''}</a>"]
                        + [f"<a href='/analysis/hours?{esc(urlencode({'site': s.id, **span}))}'>"
                           f"{esc(s.name)}</a>" for s in all_sites])
    form = ("<form method='get' action='/analysis/hours'>"
            + (f"<input type='hidden' name='site' value='{esc(site.id)}'>" if site else "")
            + f"From <input type='date' name='from' value='{esc(span['from'])}'> to "
            f"<input type='date' name='to' value='{esc(span['to'])}'> "
            "<button type='submit'>Show</button></form>")
    top = max(grid.values(), default=0)
    rows = ["<table class='grid'><tr><th></th>"
            + "".join(f"<th>{h:02d}</th>" for h in range(24)) + "</tr>"]
    for dow, day in enumerate(DAYS):
        cells = []
        for hour in range(24):
            count = grid.get((dow, hour), 0)
            hot = " class='hot'" if top and count * 2 > top else ""
            link = cases_link(count, site=site.id if site else None, dow=dow, hour=hour,
                              **span)
            cells.append(f"<td{hot}>{link if count else ''}</td>")
        rows.append(f"<tr><th>{day}</th>{''.join(cells)}</tr>")
    rows.append("</table>")
    where = site.name if site else "the whole chain"
    return page(f"Day × hour: {where}", f"<p>{choose}</p>{form}<p id='span'>Cases opened, by "
                f"the site's local day and hour, from {esc(span['from'])} to "
                f"{esc(span['to'])} (local days, both included); shaded: more than half the "
                "busiest cell.</p>" + "".join(rows), now)


def combustion(kept: Kept, now: datetime) -> str:
    found, tested = kept.found, kept.tested
    method = (
        "<p class='muted'>A category, an hour of the week, an outlet or a person at a site "
        f"stands out when its cases of the last {analysis.RECENT_WEEKS} weeks are too many for "
        f"both its own previous {analysis.HISTORY_WEEKS} weeks and the chain (the chain's share "
        "of that category, hour or outlet; for a person, their own rate scaled by the chain's "
        "change): one-sided Poisson rate tests, the larger p-value of the two kept (both must "
        "stand out), and the Benjamini–Hochberg procedure over all values of all four "
        f"dimensions tested keeps the false discovery rate at {analysis.FALSE_DISCOVERY:.0%}. "
        f"<span id='tested'>{tested}</span> value(s) tested.</p>" + _computed(kept))
    if not found:
        return page("Combustion points", method + "<p>Nothing stands out.</p>", now)
    rows = ["<table id='found'><tr><th>Site</th><th>What</th><th>Which</th><th>Cases</th>"
            "<th>p</th><th>Why</th></tr>"]
    for item in found:
        link = cases_link(item.recent, **item.drill())
        rows.append(f"<tr><td>{esc(item.site.name)}</td><td>{esc(item.dimension)}</td>"
                    f"<td>{esc(item.label)}</td>"
                    f"<td class='num'>{link}</td><td class='num'>{item.p_value:.2g}</td>"
                    f"<td class='reason'>{esc(item.reason)}</td></tr>")
    rows.append("</table>")
    return page("Combustion points", method + "".join(rows), now)


def _computed(kept: Kept) -> str:
    """When the findings shown were computed, and whether cases arrived since."""
    every = int(findings.EVERY.total_seconds() // 60)
    later = ("" if not kept.stale and kept.this_week else
             " Cases have arrived since: they are computed again within "
             f"{every} minutes." if kept.this_week else
             f" A new week has begun since: they are computed again within {every} minutes.")
    return (f"<p id='computed' class='muted'>Computed at "
            f"{esc(kept.computed_at.strftime('%Y-%m-%d %H:%M UTC'))}.{esc(later)}</p>")


def _share(value: float | None) -> str:
    return "" if value is None else f"{value:.0%}"


def recovery(rows: Sequence[Recovery], by: str, names: Mapping[str, str], now: datetime) -> str:
    choose = " · ".join(f"<a href='?by={key}'>{'<b>' if key == by else ''}by {key}"
                        f"{'</b>' if key == by else ''}</a>" for key in analysis.DIMENSIONS)
    out = [f"<p>{choose}</p><p class='muted'>Each case counts under the first gesture "
           "granted (none: no gesture). Recovered: closed with the outcome “recovered”. "
           "Follow-up: a personal follow-up was recorded.</p><table><tr>"
           f"<th>{esc(by.capitalize())}</th><th>Cases</th><th>Recovered</th><th>Spend</th>"
           "<th>Spend per recovered guest</th><th>Followed up</th>"
           "<th>Recovered with follow-up</th><th>Recovered without</th></tr>"]
    for row in rows:
        label = names.get(row.key, row.key) or "(none)"
        wanted = {"site": row.key} if by == "site" else (
            {"category": row.key} if by == "category" else {"gesture": row.key})
        per = row.spend_per_recovered
        out.append(
            f"<tr><td>{esc(label)}</td><td class='num'>{cases_link(row.cases, **wanted)}</td>"
            f"<td class='num'>{_share(row.rate)}</td>"
            f"<td class='num'>{esc(money(row.spend_minor, row.currency))}</td>"
            f"<td class='num'>{esc(money(per, row.currency)) if per is not None else ''}</td>"
            f"<td class='num'>{_share(row.followed_up / row.cases if row.cases else None)}</td>"
            f"<td class='num'>{_share(row.rate_with_followup)}</td>"
            f"<td class='num'>{_share(row.rate_without_followup)}</td></tr>")
    out.append("</table>")
    return page("Recovery effectiveness", "".join(out), now)


def followup(rows: Sequence[FollowUps], now: datetime) -> str:
    out = ["<p class='muted'>On time: done by the time it was due (desks set it due 20 "
           "minutes after the fix). A person is who did it, else who opened the case.</p>"
           "<table><tr><th>Site</th><th>Person</th><th>Due</th><th>Done</th>"
           "<th>Within 20 minutes</th></tr>"]
    for row in rows:
        people = f"/analysis/followup?{urlencode({'site': row.site.id})}"
        who = (f"<a class='people' href='{esc(people)}'>whole site: its people</a>"
               if row.person is None else
               f"{esc(row.name)} <code class='muted'>{esc(row.person[:8])}</code>" if row.name
               else f"<code>{esc(row.person)}</code>")
        out.append(f"<tr><td>{esc(row.site.name)}</td><td>{who}</td>"
                   f"<td class='num'>{cases_link(row.due, site=row.site.id, person=row.person)}"
                   f"</td><td class='num'>{row.done}</td><td class='num'>"
                   f"{_share(row.on_time / row.due if row.due else None)}</td></tr>")
    out.append("</table>")
    return page("Follow-up within 20 minutes", "".join(out), now)


def cases(rows: Sequence[CaseFact], wanted: CaseFilter, names: Mapping[str, Site],
          now: datetime) -> str:
    said = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in vars_of(wanted) if v is not None)
    more = (f" (the newest {analysis.MAX_CASES})" if len(rows) >= analysis.MAX_CASES else "")
    out = [f"<p id='case-count'>{len(rows)} case(s){esc(more)}: {esc(said or 'all')}</p>"
           "<table id='cases'><tr><th>Case</th><th>Site</th><th>Opened (UTC)</th>"
           "<th>Category</th><th>Outlet</th><th>Gesture</th><th>Spend</th><th>Follow-up</th>"
           "<th>Outcome</th></tr>"]
    for row in rows:
        site = names.get(row.site_id)
        follow = ("done on time" if on_time(row) else "done late" if row.done_at
                  else "due, not done" if row.due_at else "")
        spend = money(row.spend_minor, site.currency) if site and row.gestures else ""
        out.append(f"<tr><td><code>{esc(row.case_id)}</code></td>"
                   f"<td>{esc(site.name if site else row.site_id)}</td>"
                   f"<td>{esc((row.opened_at or '')[:16].replace('T', ' '))}</td>"
                   f"<td>{esc(row.category)}</td><td>{esc(row.outlet)}</td>"
                   f"<td>{esc(row.gesture_type or 'none')}</td><td class='num'>{esc(spend)}</td>"
                   f"<td>{esc(follow)}</td><td>{esc(row.outcome)}</td></tr>")
    out.append("</table>")
    return page("Cases", "".join(out), now)


def vars_of(wanted: CaseFilter) -> list[tuple[str, object]]:
    return [(name, getattr(wanted, name)) for name in CaseFilter.__dataclass_fields__]
