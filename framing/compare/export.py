"""Tables for statistics software (R, SPSS, Stata, pandas): one CSV row per
article (``articles.csv``, wide, snake_case columns, zeros not blanks) and
one per statistical test (``tests.csv``), beside comparison.json.

Article rows are built from results lines, so they agree with every other
artefact: rates come from :func:`framing.metrics.article_metrics`.
"""
from __future__ import annotations

import csv
import io
import re
from collections import Counter
from typing import Any, Iterable, Mapping

from ..analyzers.sources.lexicon import TYPES as SOURCE_TYPES
from ..io.csvsafe import safe_rows
from ..metrics import METRICS, _get, article_metrics

ID_COLUMNS = ("id", "outlet", "story", "date", "title", "source")
COUNT_COLUMNS = ("words", "sentences", "questions", "rhetorical_questions", "rhetorical_author",
                 "rhetorical_quoted", "hedges", "hedges_author", "hedges_quoted", "boosters",
                 "boosters_author", "boosters_quoted", "quotes", "quotes_direct", "quotes_indirect",
                 "quotes_mixed", "speakers", "actors", "passives", "agentless_passives",
                 "agentless_passives_author", "agentless_passives_quoted", "nominalisations",
                 "nominalisations_author", "nominalisations_quoted", "intransitives",
                 "intransitives_author", "intransitives_quoted", "sources") + tuple(
                     f"sources_{t}" for t in SOURCE_TYPES)
RATE_COLUMNS = tuple(f"{m.key}_per_1k" if m.kind == "rate" else m.key for m in METRICS
                     if m.key not in ("words",))
ARTICLE_COLUMNS = ID_COLUMNS + COUNT_COLUMNS + RATE_COLUMNS
TEST_COLUMNS = ("design", "metric", "outlet_a", "outlet_b", "side_a", "side_b", "n_a", "n_b",
                "mean_a", "mean_b",
                "estimate", "ci_low", "ci_high", "effect_size", "effect_measure", "p",
                "p_adjusted", "significant", "statement")

def snake(name: str) -> str:
    """A snake_case column or metric name: lower case, runs of anything but
    letters and digits as one ``_`` ("police/military" → ``police_military``)."""
    return re.sub(r"[\W_]+", "_", str(name).lower()).strip("_") or "unnamed"


def article_row(line: Mapping[str, Any]) -> dict[str, Any]:
    """One wide row for one results line (``outlet``, ``report``, metadata)."""
    report = line.get("report") or {}
    stats = _get(report, "stats", {}) or {}
    q_items = _get(_get(report, "questions", {}) or {}, "items", []) or []
    h_items = _get(_get(report, "hedging", {}) or {}, "items", []) or []
    quotes = _get(_get(report, "quotes", {}) or {}, "items", []) or []
    actors = _get(_get(report, "actors", {}) or {}, "items", []) or []
    by = Counter()
    for it in q_items:
        by["questions"] += 1
        if _get(it, "rhetorical"):
            by["rhetorical_questions"] += 1
            by[f"rhetorical_{_get(it, 'voice') or 'author'}"] += 1
    for it in h_items:
        kind = "hedges" if _get(it, "kind") == "hedge" else "boosters"
        by[kind] += 1
        by[f"{kind}_{_get(it, 'voice') or 'author'}"] += 1
    for it in quotes:
        by["quotes"] += 1
        by[f"quotes_{_get(it, 'kind') or 'direct'}"] += 1
    row: dict[str, Any] = {k: line.get(k) or "" for k in ID_COLUMNS}
    row["id"] = line.get("id") or ""
    row.update({k: by.get(k, 0) for k in COUNT_COLUMNS})
    row["words"] = int(_get(stats, "words", 0) or 0)
    row["sentences"] = int(_get(stats, "sentences", 0) or 0)
    row["speakers"] = len({_get(it, "speaker") for it in quotes if _get(it, "speaker")})
    row["actors"] = len(actors)
    agency = _get(report, "agency", {}) or {}
    for key, item in (("passives", "passive"), ("agentless_passives", "agentless_passive"),
                      ("nominalisations", "nominalisation"), ("intransitives", "intransitive")):
        row[key] = int(_get(agency, key, 0) or 0)
        for voice in ("author", "quoted"):
            if f"{key}_{voice}" in row:
                row[f"{key}_{voice}"] = int(((_get(agency, "by_voice", {}) or {}).get(voice)
                                             or {}).get(item, 0) or 0)
    by_type = _get(_get(report, "sources", {}) or {}, "by_type", {}) or {}
    row["sources"] = sum(int(v or 0) for v in by_type.values())
    for t in SOURCE_TYPES:
        row[f"sources_{t}"] = int(by_type.get(t, 0) or 0)
    metrics = article_metrics(report)
    for m in METRICS:
        if m.key == "words":
            continue
        col = f"{m.key}_per_1k" if m.kind == "rate" else m.key
        v = metrics.get(m.key)
        row[col] = round(v, 4) if v is not None else (0.0 if m.kind == "rate" and row["words"] else "")
    return row


def test_rows(result: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Every test of the comparison: between outlets (independent), on the
    stories two outlets share (paired), and of reporting verbs between sides
    within an outlet; each group by adjusted p."""
    rows = []
    for t in result.get("tests", []):
        rows.append({"design": "independent", "metric": t["metric"], "outlet_a": t["a"],
                     "outlet_b": t["b"], "n_a": t.get("n_a"), "n_b": t.get("n_b"),
                     "mean_a": t.get("mean_a"), "mean_b": t.get("mean_b"),
                     "estimate": t.get("diff"), "ci_low": (t.get("diff_ci") or [None, None])[0],
                     "ci_high": (t.get("diff_ci") or [None, None])[1],
                     "effect_size": t.get("rank_biserial"), "effect_measure": "rank-biserial r",
                     "p": t.get("p"), "p_adjusted": t.get("p_adjusted"),
                     "significant": t.get("significant"), "statement": t.get("statement")})
    for t in (result.get("paired") or {}).get("tests", []):
        n = t.get("stories") or 0
        effect = t.get("rank_biserial")
        rows.append({"design": "paired stories", "metric": t["metric"], "outlet_a": t["a"],
                     "outlet_b": t["b"], "n_a": n, "n_b": n, "mean_a": None, "mean_b": None,
                     "estimate": t.get("mean_diff"), "ci_low": (t.get("diff_ci") or [None, None])[0],
                     "ci_high": (t.get("diff_ci") or [None, None])[1],
                     "effect_size": round(effect, 4) if effect is not None else None,
                     "effect_measure": "matched-pairs rank-biserial r",
                     "p": t.get("p"), "p_adjusted": t.get("p_adjusted"),
                     "significant": t.get("significant"), "statement": t.get("statement")})
    for t in ((result.get("sources") or {}).get("asymmetry") or {}).get("tests", []):
        lo, hi = t.get("diff_ci") or [None, None]
        rows.append({"design": "reporting-verb asymmetry", "metric": f"{t['stance']}_verb_share",
                     "outlet_a": t["outlet"], "outlet_b": t["outlet"], "side_a": t["side_a"],
                     "side_b": t["side_b"], "n_a": t["quotes_a"], "n_b": t["quotes_b"],
                     "mean_a": t["rate_a"], "mean_b": t["rate_b"], "estimate": t["diff"],
                     "ci_low": lo, "ci_high": hi, "effect_size": t.get("effect_size"),
                     "effect_measure": "difference of shares (the rank-biserial r of a 0/1 "
                                       "outcome)",
                     "p": t["p"], "p_adjusted": t.get("p_adjusted"),
                     "significant": t.get("significant"), "statement": t.get("statement")})
    order = {"independent": 0, "paired stories": 1, "reporting-verb asymmetry": 2}
    rows.sort(key=lambda r: (order[r["design"]], r["p_adjusted"] is None,
                             r["p_adjusted"] if r["p_adjusted"] is not None else 1.0, r["metric"]))
    return rows


def to_csv(rows: Iterable[Mapping[str, Any]], columns: tuple[str, ...]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(safe_rows(rows))
    return buf.getvalue()


def to_parquet(rows: Iterable[Mapping[str, Any]], columns: tuple[str, ...]) -> bytes:
    """The article table as Parquet (``pip install 'framing[parquet]'``):
    typed columns (integers, floats, strings), so pandas/R/Arrow read it in
    a fraction of the JSON Lines' time and memory. Raises ImportError with
    the install command when pyarrow is missing."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ImportError("--parquet needs pyarrow: pip install 'framing[parquet]' "
                          "(or pip install pyarrow)") from None
    data: dict[str, list] = {c: [] for c in columns}
    for row in rows:
        for c in columns:
            data[c].append(row.get(c))
    arrays = {}
    for c, vals in data.items():
        if c in ID_COLUMNS:
            arrays[c] = pa.array([None if v in (None, "") else str(v) for v in vals], pa.string())
        elif c in COUNT_COLUMNS:
            arrays[c] = pa.array([int(v) if v not in (None, "") else None for v in vals], pa.int64())
        else:
            arrays[c] = pa.array([float(v) if v not in (None, "") else None for v in vals],
                                 pa.float64())
    sink = pa.BufferOutputStream()
    pq.write_table(pa.table(arrays), sink, compression="zstd")
    return sink.getvalue().to_pybytes()
