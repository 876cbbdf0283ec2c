"""The dashboard's chain overview as HTML: a line per site and the pages of site details."""

from __future__ import annotations

from headoffice.dashboard import esc, money
from headoffice.overview import PAGE_SITES, SiteLine


def section(lines: list[SiteLine], page: int, pages: int) -> str:
    """Every site's line, each linking to its details; then where this page's details are."""
    if not lines:
        return ""
    out = ["<h2 id='sites'>Sites</h2>",
           "<table><tr><th>Site</th><th>Spent this week</th><th>Gestures</th>"
           "<th>Approved beyond a limit</th><th>Overdue follow-ups</th>"
           "<th>Vouchers redeemed twice</th><th>Flags</th><th>Desks</th></tr>"]
    for line in lines:
        spend = (", ".join(money(v, c) for c, v in line.spend_this_week.items())
                 or money(0, line.site.currency))
        overdue = (f"<span class='warn'>{line.overdue}</span>" if line.overdue
                   else "0")
        doubled = (f"<span class='warn'>{line.double_redeemed}</span>"
                   if line.double_redeemed else "0")
        out.append(
            f"<tr><td><a href='/?page={line.page}#site-{esc(line.site.id)}'>"
            f"{esc(line.site.name)}</a></td><td class='num'>{esc(spend)}</td>"
            f"<td class='num'>{line.grants_this_week}</td>"
            f"<td class='num'>{line.approvals_this_week}</td><td class='num'>{overdue}</td>"
            f"<td class='num'>{doubled}</td><td class='num'>{line.flags}</td>"
            f"<td class='num'>{line.desks}</td></tr>")
    out.append("</table>")
    first = (page - 1) * PAGE_SITES + 1
    last = min(page * PAGE_SITES, len(lines))
    out.append(f"<p id='site-pages'>Details below: sites {first}–{last} of {len(lines)}, "
               f"page {page} of {pages}. " + nav(page, pages) + "</p>")
    return "".join(out)


def nav(page: int, pages: int) -> str:
    links = []
    if page > 1:
        links.append(f"<a href='/?page={page - 1}'>previous page</a>")
    if page < pages:
        links.append(f"<a href='/?page={page + 1}'>next page</a>")
    return " · ".join(links)
