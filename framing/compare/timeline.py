"""Rates over time per outlet, when articles carry dates.

Each dated article falls into a calendar period — an ISO week (starting on
Monday) when the dated articles span at most :data:`WEEKS_UP_TO` days, a
calendar month up to :data:`MONTHS_UP_TO` days, otherwise a year (ten years
by month would leave one or two articles per cell) — and each outlet × period gets the mean of its
articles' rates (the same article-level numbers as everywhere else, from
:func:`framing.metrics.article_metrics`) with the number of articles behind
it. Dates are read as ISO 8601 (``2016-03-04``, ``2016-03-04T12:00:00Z``,
``2016/03/04``, ``20160304``); anything else counts as undated.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import numpy as np

from ..metrics import METRICS

if TYPE_CHECKING:  # pragma: no cover
    from .comparer import Comparer

#: dated articles spanning at most this many days are grouped by week, else by month
WEEKS_UP_TO = 180
#: ... by month up to this many days (three years), else by year
MONTHS_UP_TO = 1096
KEYS = tuple(m.key for m in METRICS if m.kind == "rate" and m.tested)
_ISO = re.compile(r"^\s*(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})(?:$|[T\s])")


def parse_date(value: Any) -> date | None:
    """The calendar date of an ISO-8601-like string, or None."""
    if not isinstance(value, str):
        return None
    m = _ISO.match(value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def period_of(d: date, unit: str) -> tuple[str, date]:
    """(label, first day) of the week or month holding ``d``."""
    if unit == "week":
        start = d - timedelta(days=d.weekday())
        y, w, _ = start.isocalendar()
        return f"{y}-W{w:02d}", start
    if unit == "year":
        return f"{d.year}", date(d.year, 1, 1)
    return f"{d.year}-{d.month:02d}", date(d.year, d.month, 1)


def timeline(c: "Comparer", names: list[str]) -> dict[str, Any]:
    """The ``timeline`` section of comparison.json."""
    dated = [(n, d, words, m) for n in names for d, words, m in c._outlets[n].dated]
    undated = sum(c._outlets[n].articles for n in names) - len(dated)
    empty = {"unit": None, "metrics": list(KEYS), "periods": [], "rows": [],
             "dated_articles": len(dated), "undated_articles": undated}
    if not dated:
        return empty | {"note": "no article has a date"}
    days = [d for _, d, _, _ in dated]
    span = (max(days) - min(days)).days
    unit = "week" if span <= WEEKS_UP_TO else "month" if span <= MONTHS_UP_TO else "year"
    cells: dict[tuple[str, str], list] = {}
    starts: dict[str, date] = {}
    for name, d, words, m in dated:
        label, start = period_of(d, unit)
        starts[label] = start
        cells.setdefault((label, name), []).append((words, m))
    periods = sorted(starts, key=lambda p: starts[p])
    if len(periods) < 2:
        return empty | {"unit": unit, "periods": periods,
                        "note": f"every dated article falls in one {unit} ({periods[0]})"}
    rows = []
    for p in periods:
        for name in names:
            arts = cells.get((p, name))
            if not arts:
                continue
            row: dict[str, Any] = {"period": p, "start": starts[p].isoformat(), "outlet": name,
                                   "articles": len(arts), "words": sum(w for w, _ in arts)}
            for k in KEYS:
                vals = [m[k] for _, m in arts if m.get(k) is not None]
                row[k] = float(np.mean(vals)) if vals else None
            rows.append(row)
    return {"unit": unit, "metrics": list(KEYS), "periods": periods, "rows": rows,
            "dated_articles": len(dated), "undated_articles": undated,
            "value": "mean of the articles' rates per 1,000 words in the period"}


TIMELINE_COLUMNS = ("period", "start", "outlet", "articles", "words") + tuple(
    f"{k}_per_1k" for k in KEYS)


def timeline_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    """timeline.csv: one row per period × outlet with articles."""
    out = []
    for r in (result.get("timeline") or {}).get("rows", []):
        row = {k: r[k] for k in ("period", "start", "outlet", "articles", "words")}
        row.update({f"{k}_per_1k": r.get(k) for k in KEYS})
        out.append(row)
    return out
