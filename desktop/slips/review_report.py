"""The supervisor's review as a PDF report (A4), with the same figures as the screen."""

from __future__ import annotations

import io
from collections.abc import Callable

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from desktop.core.review import Review
from desktop.slips.fonts import BOLD, REGULAR, markup, register

Money = Callable[[int], str]
MAX_GRANT_LINES = 2000  # a year's gestures belong in the CSV, not in a 300-page PDF


def render_review(review: Review, site_name: str, money: Money,
                  labels: Callable[[str], str] = lambda key: key) -> bytes:
    """A4 PDF of a review; ``money`` formats minor units in the site's locale."""
    register()
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=9, leading=12)
    heading = ParagraphStyle("heading", fontName=BOLD, fontSize=12, leading=16, spaceBefore=8)
    title = ParagraphStyle("title", fontName=BOLD, fontSize=16, leading=20)

    def p(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(markup(text), style)

    def table(header: list[str], rows: list[list[str]]) -> Table:
        data = [[p(h) for h in header]] + [[p(c) for c in row] for row in rows]
        grid = Table(data, repeatRows=1, hAlign="LEFT")
        grid.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef6")),
            ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]))
        return grid

    period = review.period
    rate = review.recovery_rate
    story = [
        p(f"{site_name} — {labels('Service recovery review')}", title),
        p(f"{period.first.isoformat()} – {period.last.isoformat()}"),
        Spacer(1, 4 * mm),
        table([labels("Spend"), labels("Budget"), labels("Cases"), labels("Open"),
               labels("Recovery rate")],
              [[money(review.total_spend), money(review.budget), str(review.case_count),
                str(len(review.open_cases)), "—" if rate is None else f"{rate:.0%}"]]),
        p(labels("By person"), heading),
        table([labels("Name"), labels("Role"), labels("Spend"), labels("Gestures"),
               labels("Shifts"), labels("Per-shift limit")],
              [[x.name, x.role, money(x.spend), str(x.grants), str(x.shifts),
                money(x.per_shift_limit)] for x in review.by_person]),
        p(labels("By gesture type"), heading),
        table([labels("Type"), labels("Count"), labels("Spend")],
              [[k, str(c), money(s)] for k, (c, s) in sorted(review.by_gesture.items())]),
        p(labels("By category"), heading),
        table([labels("Category"), labels("Count"), labels("Spend")],
              [[k, str(c), money(s)] for k, c, s in review.categories_by_spend()]),
        p(labels("Worth a look"), heading),
    ]
    if review.findings:
        story.append(table([labels("What"), labels("Who"), labels("Detail"), labels("Cases")],
                           [[f.rule, f.subject, f.detail, str(len(set(f.case_ids)))]
                            for f in review.findings]))
    else:
        story.append(p(labels("Nothing stands out.")))
    shown = review.grants[:MAX_GRANT_LINES]
    story += [
        p(labels("Gestures granted"), heading),
        table([labels("When"), labels("Guest"), labels("Gesture"), labels("Value"),
               labels("Granted by"), labels("Approved by")],
              [[line.granted_at.strftime("%Y-%m-%d %H:%M"), line.guest_name,
                line.description, money(line.value_minor), line.granted_by,
                line.approved_by] for line in shown]),
    ]
    if len(review.grants) > len(shown):
        story.append(p(labels("… and %1 more: see the CSV export for every gesture.")
                       .replace("%1", str(len(review.grants) - len(shown)))))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm,
                      topMargin=15 * mm, bottomMargin=15 * mm,
                      title=f"{site_name} review").build(story)
    return out.getvalue()
