"""Article-level metrics, defined once: the per-article numbers that
``compare`` tests across outlets (rates per 1,000 words, readability).

Reports may be dicts (read back from JSON Lines) or dataclasses.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping


@dataclass(frozen=True)
class Metric:
    key: str
    label: str       # "rhetorical questions"
    unit: str        # "per 1,000 words"
    kind: str        # "rate" (ratios make sense) or "score" (differences do)
    tested: bool = True


METRICS: tuple[Metric, ...] = (
    Metric("rhetorical_questions", "rhetorical questions", "per 1,000 words", "rate"),
    Metric("questions", "questions (all kinds)", "per 1,000 words", "rate", tested=False),
    Metric("hedges", "hedges", "per 1,000 words", "rate"),
    Metric("boosters", "boosters", "per 1,000 words", "rate"),
    Metric("quotes", "quotations", "per 1,000 words", "rate"),
    Metric("agentless_passives", "agentless passives", "per 1,000 words", "rate"),
    Metric("agentless_passives_author", "agentless passives in the author's voice",
           "per 1,000 words", "rate", tested=False),
    Metric("agentless_passives_quoted", "agentless passives in quotes", "per 1,000 words",
           "rate", tested=False),
    Metric("passives", "passives (all)", "per 1,000 words", "rate", tested=False),
    Metric("nominalisations", "nominalisations of harmful events", "per 1,000 words", "rate"),
    Metric("intransitives", "intransitive reports of harmful events", "per 1,000 words", "rate"),
    Metric("words", "words per article", "words", "score", tested=False),
    Metric("words_per_sentence", "words per sentence", "words", "score", tested=False),
    Metric("flesch_reading_ease", "Flesch reading ease", "points", "score"),
    Metric("flesch_kincaid_grade", "Flesch–Kincaid grade", "grade levels", "score", tested=False),
    # sources (framing.analyzers.sources): article-level, None without typed sources
    Metric("source_simpson", "source-type diversity (Simpson)", "index points (0–1)", "score"),
    Metric("official_source_share", "share of official sources", "share of sources", "score",
           tested=False),
    Metric("citizen_source_share", "share of citizen sources", "share of sources", "score",
           tested=False),
)
METRIC = {m.key: m for m in METRICS}
_READABILITY = ("words_per_sentence", "flesch_reading_ease", "flesch_kincaid_grade")


def _get(obj: Any, key: str, default: Any = None) -> Any:
    """``obj[key]`` for dicts, ``getattr`` otherwise (reports may be dicts or
    dataclasses, and optional fields may be missing)."""
    if isinstance(obj, Mapping):
        return obj.get(key, default)
    return getattr(obj, key, default)


def _agency(a: Any, rate) -> dict[str, float | None]:
    """Agency rates per 1,000 article words; by voice from the section's
    ``by_voice`` counts. A report without an agency section (older JSON)
    gives None, not 0."""
    if not a:
        return {k: None for k in ("agentless_passives", "agentless_passives_author",
                                  "agentless_passives_quoted", "passives", "nominalisations",
                                  "intransitives")}
    by = _get(a, "by_voice", {}) or {}
    return {
        "agentless_passives": rate(_get(a, "agentless_passives", 0)),
        "agentless_passives_author": rate((by.get("author") or {}).get("agentless_passive", 0)),
        "agentless_passives_quoted": rate((by.get("quoted") or {}).get("agentless_passive", 0)),
        "passives": rate(_get(a, "passives", 0)),
        "nominalisations": rate(_get(a, "nominalisations", 0)),
        "intransitives": rate(_get(a, "intransitives", 0)),
    }


def article_metrics(report: Mapping[str, Any]) -> dict[str, float | None]:
    """The per-article numbers compared across outlets (None = no data)."""
    words = _get(_get(report, "stats", {}), "words", 0) or 0
    q = _get(report, "questions", {}) or {}
    h = _get(report, "hedging", {}) or {}
    quotes = _get(_get(report, "quotes", {}) or {}, "items", []) or []
    r = _get(report, "readability", {}) or {}

    def rate(count: Any) -> float | None:
        return 1000.0 * float(count) / words if words and count is not None else None

    out = {
        "rhetorical_questions": rate(_get(q, "rhetorical", 0)),
        "questions": rate(_get(q, "count", 0)),
        "hedges": rate(_get(h, "hedges", 0)),
        "boosters": rate(_get(h, "boosters", 0)),
        "quotes": rate(len(quotes)),
        "words": float(words) if words else None,
    }
    out.update(_agency(_get(report, "agency", {}) or {}, rate))
    src = _get(report, "sources", {}) or {}
    shares = _get(src, "shares", {}) or {}
    typed = bool(shares)
    out["source_simpson"] = _get(src, "simpson") if typed else None
    out["official_source_share"] = float(shares.get("official", 0.0)) if typed else None
    out["citizen_source_share"] = float(shares.get("citizen", 0.0)) if typed else None
    for k in _READABILITY:
        v = _get(r, k)
        out[k] = float(v) if isinstance(v, (int, float)) and words else None
    return out
