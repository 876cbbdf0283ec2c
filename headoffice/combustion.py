"""Combustion points: what stands out at a site against its own history and against the chain.

Four dimensions are tested, each a value at a site: a category (``hq_week``), an hour of the
week such as Wednesday 15:00, an outlet, and a person who opens cases (``hq_slice``). For each
with cases in the last ``RECENT_WEEKS`` weeks, two one-sided Poisson rate tests:

* against its own history: expected = (cases in the previous ``HISTORY_WEEKS`` weeks + 1) /
  ``HISTORY_WEEKS`` × ``RECENT_WEEKS`` (the +1 keeps a first-ever case from being infinitely
  surprising);
* against the chain: for a category, hour or outlet, expected = the site's recent cases × that
  value's share of the other sites' recent cases; a person works at one site only, so theirs is
  their own expectation scaled by the chain's change in volume (recent weeks against previous).

A value stands out only if both tests do, so its p-value is the larger of the two (an
intersection-union test); the Benjamini–Hochberg procedure over every test of every dimension
keeps the false discovery rate among those named at ``FALSE_DISCOVERY``.

The recent and previous weeks are counted per value as events arrive (``headoffice.windows``).
At chain scale that is a hundred thousand tests: the database hands back only the values that
could be named: a value can only be named with p ≤ ``FALSE_DISCOVERY``, and with k recent
cases against λ expected, P(X ≥ k) > 0.05 whenever k = 1 (λ ≥ 1/3 here) or k ≤ λ + 1.5 √λ
(above 0.067 at every λ; a test checks it), so those are counted in the number of tests but not
fetched.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from headoffice import windows
from headoffice.aggregates import week_keys
from headoffice.models import Site, WindowCount
from headoffice.roster import staff_names

RECENT_WEEKS = 4
HISTORY_WEEKS = 12
FALSE_DISCOVERY = 0.05
DIMENSIONS = ("category", "hour", "outlet", "person")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def poisson_tail(observed: int, expected: float) -> float:
    """P(X >= observed) for X ~ Poisson(expected): how surprising so many cases are."""
    if observed <= 0:
        return 1.0
    if expected <= 0:
        return 0.0
    # 1 - P(X <= observed - 1), the terms summed in log space (no overflow at large counts):
    # log P(X = k) = log P(X = k - 1) + log(expected) - log(k).
    log_expected = math.log(expected)
    log_terms = [-expected]
    for k in range(1, observed):
        log_terms.append(log_terms[-1] + log_expected - math.log(k))
    top = max(log_terms)
    below = math.exp(top) * sum(math.exp(t - top) for t in log_terms)
    return max(0.0, min(1.0, 1.0 - below))


@dataclass(frozen=True, slots=True)
class Combustion:
    site: Site
    dimension: str  # one of DIMENSIONS
    value: str  # as stored: a category, hours since Monday 00:00, an outlet, a staff id
    label: str  # as a person reads it: "Wednesday 15:00", a person's name
    recent: int
    own_expected: float
    chain_expected: float
    p_value: float
    reason: str
    since: str  # the first of the recent weeks

    @property
    def category(self) -> str:
        return self.value if self.dimension == "category" else ""

    def drill(self) -> dict[str, object]:
        """The case filter that lists the cases behind ``recent``."""
        wanted: dict[str, object] = {"site": self.site.id, "since": self.since}
        if self.dimension == "hour":
            wanted.update(dow=int(self.value) // 24, hour=int(self.value) % 24)
        else:
            wanted[{"category": "category", "outlet": "outlet",
                    "person": "opened_by"}[self.dimension]] = self.value
        return wanted


def hour_label(value: str) -> str:
    dow, hour = divmod(int(value), 24)
    return f"{WEEKDAYS[dow]} {hour:02d}:00"


def _candidates(db: Session, keys: list[str]) -> tuple[list[tuple[str, str, str, int, int]],
                                                        int, dict[tuple[str, str], int]]:
    """Values that could be named (dimension, site, value, recent, history); how many values
    were tested in all; each (dimension, value)'s recent cases in the chain."""
    windows.ensure(db, keys, RECENT_WEEKS)
    w = WindowCount
    tested = db.scalar(select(func.count()).select_from(w).where(w.recent > 0)) or 0
    chain = {(d, v): int(n) for d, v, n in db.execute(
        select(w.dimension, w.value, func.sum(w.recent))
        .where(w.recent > 0, w.dimension != "person")  # a person is at one site only
        .group_by(w.dimension, w.value))}
    # k recent against λ = (h + 1) / 3: k >= 2 and k > λ + 1.5 √λ, i.e. in whole numbers
    # 4 (3k - h - 1)² > 27 (h + 1).
    excess = 3 * w.recent - w.history - 1
    rows = db.execute(select(w.dimension, w.site_id, w.value, w.recent, w.history)
                      .where(w.recent >= 2, excess > 0,
                             4 * excess * excess > 27 * (w.history + 1))).all()
    return [(d, s, v, int(r), int(h)) for d, s, v, r, h in rows], tested, chain


def combustion(db: Session, now: datetime) -> tuple[list[Combustion], int]:
    """The combustion points found (most surprising first) and how many values were tested."""
    keys = week_keys(now, RECENT_WEEKS + HISTORY_WEEKS)
    recent_from = keys[HISTORY_WEEKS]
    candidates, tested, chain = _candidates(db, keys)
    totals = db.execute(select(WindowCount.site_id, func.sum(WindowCount.recent),
                               func.sum(WindowCount.history))
                        .where(WindowCount.dimension == "category")
                        .group_by(WindowCount.site_id)).all()
    site_recent = {site_id: int(r or 0) for site_id, r, _ in totals}
    chain_recent = sum(site_recent.values())
    chain_history = sum(int(h or 0) for _, _, h in totals)
    trend = ((chain_recent / RECENT_WEEKS) / (chain_history / HISTORY_WEEKS)
             if chain_history else 1.0)
    by_id = {s.id: s for s in db.scalars(select(Site))}
    kept: list[tuple[float, Combustion]] = []
    for dimension, site_id, value, count, history in candidates:
        site = by_id.get(site_id)
        others = chain_recent - site_recent.get(site_id, 0)
        if site is None or others <= 0:
            continue  # no chain to compare with
        own = (history + 1) / HISTORY_WEEKS * RECENT_WEEKS
        p_own = poisson_tail(count, own)
        if p_own > FALSE_DISCOVERY:
            continue  # never named (see the module's note); still counted in ``tested``
        if dimension == "person":
            expected = own * trend
            against = f"its own history scaled by the chain's change (× {trend:.2f})"
        else:
            others_here = chain.get((dimension, value), count) - count
            expected = site_recent.get(site_id, 0) * max(others_here, 0.5) / others
            against = "the chain's share of it"
        p_chain = poisson_tail(count, expected)
        p_value = max(p_own, p_chain)
        label = hour_label(value) if dimension == "hour" else value
        reason = (f"{count} case(s) in the last {RECENT_WEEKS} weeks: {own:.1f} expected from "
                  f"its own previous {HISTORY_WEEKS} weeks (p {_p(p_own)}), {expected:.1f} "
                  f"expected from {against} (p {_p(p_chain)})")
        kept.append((p_value, Combustion(site, dimension, value, label or f"(no {dimension})",
                                         count, own, expected, p_value, reason, recent_from)))
    found = benjamini_hochberg(kept, FALSE_DISCOVERY, tested)
    return _named(db, found), tested


def _named(db: Session, found: list[Combustion]) -> list[Combustion]:
    """People by name (from their site's staff events), for the findings only."""
    names: dict[str, dict[str, str]] = {}
    named = []
    for item in found:
        if item.dimension == "person":
            if item.site.id not in names:
                names[item.site.id] = staff_names(db, item.site.id)
            name = names[item.site.id].get(item.value, "")
            label = f"{name} ({item.value[:8]})" if name else item.value
            item = Combustion(item.site, item.dimension, item.value, label, item.recent,
                              item.own_expected, item.chain_expected, item.p_value,
                              item.reason, item.since)
        named.append(item)
    return named


def benjamini_hochberg(tested: list[tuple[float, Combustion]], q: float,
                       m: int | None = None) -> list[Combustion]:
    """The findings kept at false discovery rate ``q``, smallest p-value first; ``m``: the
    number of tests made, when those that cannot be named were left out of ``tested``."""
    ordered = sorted(tested, key=lambda item: item[0])
    m = max(m or 0, len(ordered))
    cut = 0
    for rank, (p_value, _) in enumerate(ordered, start=1):
        if p_value <= q * rank / m:
            cut = rank
    return [finding for _, finding in ordered[:cut]]


def _p(value: float) -> str:
    # 1 - P(X < k) cannot resolve tails below double precision: say "below" instead of 0.
    return "< 1e-15" if value < 1e-15 else f"= {value:.2g}"
