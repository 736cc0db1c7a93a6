"""Article-level metrics, defined once: the per-article numbers that
``compare`` tests across outlets (:func:`article_metrics`), and the summary
of one article that every report (terminal, Markdown, HTML, PDF, the
``metrics`` of report.json) and the baseline read (:func:`summary_metrics`,
:func:`voice_shares`), so the same figure is the same number everywhere.

Reports may be dicts (read back from JSON Lines) or dataclasses.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping, Optional


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
WORD_RE = re.compile(r"\w+(?:[’'\-]\w+)*")
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


# -- the summary of one article (reports, the baseline, report.json "metrics") -------------
#: confidence below which a finding is marked "low confidence" in every report
LOW_CONFIDENCE = 0.5

#: summary metric key → (label, unit), in display order; every report reads these
SUMMARY: dict[str, tuple[str, str]] = {
    "questions_per_1k": ("questions", "per 1,000 words"),
    "rhetorical_per_1k": ("rhetorical questions", "per 1,000 words"),
    "rhetorical_author_per_1k": ("↳ author's voice", "per 1,000 author words"),
    "rhetorical_quoted_per_1k": ("↳ quoted voices", "per 1,000 quoted words"),
    "hedges_per_1k": ("hedges", "per 1,000 words"),
    "hedges_author_per_1k": ("↳ author's voice", "per 1,000 author words"),
    "hedges_quoted_per_1k": ("↳ quoted voices", "per 1,000 quoted words"),
    "boosters_per_1k": ("boosters", "per 1,000 words"),
    "boosters_author_per_1k": ("↳ author's voice", "per 1,000 author words"),
    "boosters_quoted_per_1k": ("↳ quoted voices", "per 1,000 quoted words"),
    "quoted_share": ("words in quotes", "% of words"),
    "speakers": ("quoted speakers", "named, distinct"),
    "flesch_reading_ease": ("Flesch reading ease", "0–100, higher = easier"),
    "words": ("length", "words"),
}


@dataclass
class Voice:
    """Words an article gives one voice: the author or a quoted speaker."""

    label: str
    direct: int = 0     # words in direct or mixed quotes
    indirect: int = 0   # words in indirect (reported) speech
    quotes: int = 0
    is_author: bool = False
    known: bool = True  # False for quotes without an identified speaker
    unnamed: bool = False  # an anonymous or collective source ("officials")

    @property
    def words(self) -> int:
        return self.direct + self.indirect


def voice_shares(report: Any) -> list[Voice]:
    """The author first, then named speakers by words quoted (most first),
    then unnamed sources, then quotes without a speaker.

    Word counts are the quotation analyzer's own (``quotes.quoted_words`` and
    each speaker's ``words``, as in report.json), so every artefact agrees:
    the author has every other word; a speaker's words are split into direct
    and indirect speech in the proportion of its quotes' words."""
    from .analyzers.quotes.build import NOT_WORDS

    q = _get(report, "quotes", {}) or {}
    items = _get(q, "items", []) or []
    by_kind: dict[Optional[str], list[int]] = {}
    quotes: dict[Optional[str], int] = {}
    for it in items:
        name = _get(it, "speaker")
        quotes[name] = quotes.get(name, 0) + 1
        if _get(it, "cue_category") not in NOT_WORDS:
            split = by_kind.setdefault(name, [0, 0])
            n = _get(it, "words", 0) or len(WORD_RE.findall(_get(it, "text", "") or ""))
            split[_get(it, "kind") == "indirect"] += n
    summaries = _get(q, "speakers", []) or []
    if items and not summaries:  # a report without the analyzer's per-speaker counts
        summaries = [{"name": k, "words": sum(v)} for k, v in by_kind.items() if k is not None]
        summaries += [{"name": k, "words": 0} for k in quotes if k is not None and k not in by_kind]
        quoted = sum(sum(v) for v in by_kind.values())
    else:
        quoted = _get(q, "quoted_words", 0) or 0

    def voice(label: str, key: Optional[str], words: int, **kw) -> Voice:
        d, i = by_kind.get(key, [0, 0])
        direct = round(words * d / (d + i)) if d + i else words
        return Voice(label, direct=direct, indirect=words - direct, quotes=quotes.get(key, 0), **kw)

    speakers = [voice(_get(s, "name"), _get(s, "name"), _get(s, "words", 0) or 0,
                      unnamed=bool(_get(s, "unnamed", False)))
                for s in summaries]
    rest = max(quoted - sum(v.words for v in speakers), 0)
    if None in quotes:
        speakers.append(voice("unattributed quotes", None, rest, known=False))
    words = _get(_get(report, "stats", {}), "words", 0) or 0
    author = Voice("author (narration)", direct=max(words - quoted, 0), is_author=True)
    speakers.sort(key=lambda v: (not v.known, v.unnamed, -v.words, str(v.label).lower()))
    return [author, *speakers]


def summary_metrics(report: Any) -> dict[str, Optional[float]]:
    """The summary of one article (``None`` = no data), :data:`SUMMARY`'s
    keys: rates per 1,000 words, and the same split by voice — per 1,000 of
    the author's words and per 1,000 quoted words — as every report shows
    them and the baseline's quantiles are computed."""
    words = _get(_get(report, "stats", {}), "words", 0) or 0
    voices = voice_shares(report)
    author_words = voices[0].words
    quoted = sum(v.words for v in voices[1:])
    q = _get(report, "questions", {}) or {}
    h = _get(report, "hedging", {}) or {}

    def rate(n: int, per: int) -> Optional[float]:
        return round(1000.0 * n / per, 3) if per else None

    def count(items, voice: Optional[str], keep) -> int:
        return sum(1 for it in items if keep(it) and (voice is None or _get(it, "voice") == voice))

    out: dict[str, Optional[float]] = {}
    for key, items, keep in (
            ("questions", _get(q, "items", []) or [], lambda it: True),
            ("rhetorical", _get(q, "items", []) or [], lambda it: bool(_get(it, "rhetorical"))),
            ("hedges", _get(h, "items", []) or [], lambda it: _get(it, "kind") == "hedge"),
            ("boosters", _get(h, "items", []) or [], lambda it: _get(it, "kind") == "booster")):
        out[f"{key}_per_1k"] = rate(count(items, None, keep), words)
        if key != "questions":
            out[f"{key}_author_per_1k"] = rate(count(items, "author", keep), author_words)
            out[f"{key}_quoted_per_1k"] = rate(count(items, "quoted", keep), quoted)
    r = _get(report, "readability", {}) or {}
    fre = _get(r, "flesch_reading_ease")
    out.update({
        "quoted_share": round(100.0 * quoted / words, 3) if words else None,
        "speakers": float(sum(1 for v in voices[1:] if v.known and not v.unnamed)),
        "flesch_reading_ease": float(fre) if isinstance(fre, (int, float)) else None,
        "words": float(words),
    })
    return {k: out[k] for k in SUMMARY}
