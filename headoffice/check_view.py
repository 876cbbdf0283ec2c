"""The dashboard's section on head office's own check of what it holds (``headoffice.verify``)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from headoffice.dashboard import ago, esc
from headoffice.models import ChainFault, Device, Site
from headoffice.schedule import last_check


def check_section(db: Session, now: datetime) -> str:
    """When the chains were last checked and how it went, and each chain passed over."""
    run = last_check(db)
    out = ["<h2 id='chain-check'>Chain check</h2>"]
    if run is None or run.finished_at is None:
        out.append("<p class='warn'>Not checked yet: <code>amends-headoffice verify</code> "
                   "(the service checks at start and every few hours).</p>")
    else:
        state = ("<span>all held chains verify</span>" if run.ok
                 else "<span class='warn'>NOT VERIFIED</span>")
        when = run.finished_at.strftime("%Y-%m-%d %H:%M UTC")
        lines = run.summary.splitlines()
        out.append(f"<p id='chain-check-state'>{state} · last checked {esc(when)} "
                   f"<span class='muted'>{esc(ago(run.finished_at, now))}</span>: "
                   f"{esc(lines[0] if lines else '')}</p>")
    faults = db.execute(select(ChainFault, Device.name, Site.name)
                        .join(Device, Device.id == ChainFault.device_id)
                        .join(Site, Site.id == ChainFault.site_id)
                        .order_by(Site.name, Device.name)).all()
    if faults:
        out.append("<p class='warn'>These desks' chains do not verify as held here; the other "
                   "desks' pulls pass over them from the seq shown until they verify again "
                   "(restore head office's database from a backup).</p><table><tr>"
                   "<th>Site</th><th>Desk</th><th>From seq</th><th>Problem</th><th>Found</th>"
                   "</tr>")
        for fault, desk, site in faults:
            out.append(f"<tr><td>{esc(site)}</td><td>{esc(desk)} <code>"
                       f"{esc(fault.device_id)}</code></td><td class='num'>{fault.seq}</td>"
                       f"<td>{esc(fault.problem)}</td><td>{esc(ago(fault.found_at, now))}"
                       "</td></tr>")
        out.append("</table>")
    return "".join(out)
