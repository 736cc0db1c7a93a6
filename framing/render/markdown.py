"""``report.md``: the summary against the baseline and every finding in its
sentence, as GitHub-flavoured Markdown tables (figures linked from
``figures/``). Also home of the small text helpers the PDF and HTML views
share (title, excerpts, number formats).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from ..metrics import LOW_CONFIDENCE
from ..report import ArticleReport
from .measures import diversity
from ..text.safe import md_code_span
from .baseline import (METRICS, Baseline, MetricStats, actor_interval, actor_score,
                       article_metrics, voice_shares)

CONTEXT_CHARS = 160
FIGURE_TITLES = {
    "rates": "Devices per 1,000 words against the baseline",
    "positions": "Where the devices occur",
    "voice_share": "Share of the article's words by voice",
    "actor_sentiment": "Sentiment toward each actor",
}


# -- shared helpers ------------------------------------------------------------------
def article_title(report: ArticleReport, text: str) -> str:
    """The headline (a short first line without a final period), else the
    source file name, else "Article"."""
    first = text.strip().split("\n", 1)[0].strip() if text else ""
    if first and len(first.split()) <= 20 and first[-1] not in ".,;:" and "\n" in text.strip():
        return first
    if report.source:
        return re.split(r"[\\/]", report.source)[-1]
    return "Article"


@dataclass
class Excerpt:
    """``pre`` + ``mid`` + ``post`` with whitespace collapsed; ``mid`` is the
    finding. ``lead``/``trail``: the sentence continues beyond the excerpt."""

    pre: str
    mid: str
    post: str
    lead: bool = False
    trail: bool = False


def _squash(s: str) -> str:
    return " ".join(s.split())


def excerpt(text: str, start: int, end: int, sent_start: Optional[int] = None,
            sent_end: Optional[int] = None, context: int = CONTEXT_CHARS) -> Excerpt:
    """The finding ``text[start:end]`` in its sentence (or ``context``
    characters either side when no sentence is known), cut at word
    boundaries."""
    if not text or not (0 <= start <= end <= len(text)):
        return Excerpt("", "", "")
    if sent_start is None or sent_end is None or not (sent_start <= start and end <= sent_end) \
            or sent_end <= sent_start:
        sent_start, sent_end = max(0, start - context), min(len(text), end + context)
        bound_lead, bound_trail = sent_start > 0, sent_end < len(text)
    else:
        bound_lead = bound_trail = False
    lo, hi = max(sent_start, start - context), min(sent_end, end + context)
    pre, post = text[lo:start], text[end:hi]
    lead, trail = lo > sent_start or bound_lead, hi < sent_end or bound_trail
    if lo > sent_start and " " in pre:
        pre = pre.split(" ", 1)[1]
    if hi < sent_end and " " in post:
        post = post.rsplit(" ", 1)[0]
    pre_s = _squash(pre) + (" " if pre[-1:].isspace() else "")
    post_s = (" " if post[:1].isspace() else "") + _squash(post)
    return Excerpt(pre_s.lstrip(), _squash(text[start:end]), post_s.rstrip(), lead, trail)


def excerpt_spans(text: str, spans: Sequence[tuple[int, int, str]], sent_start: int,
                  sent_end: int, context: int = CONTEXT_CHARS) -> list[tuple[str, Optional[str]]]:
    """Several findings ``(start, end, tag)`` of one sentence as styled runs
    ``[(text, tag or None), …]``: the sentence from ``context`` characters
    before the first to ``context`` after the last, whitespace collapsed."""
    spans = sorted((s, e, t) for s, e, t in spans if 0 <= s < e <= len(text))
    if not spans:
        return []
    first, last = spans[0][0], max(e for _, e, _ in spans)
    e0 = excerpt(text, first, last, sent_start, sent_end, context)
    runs: list[tuple[str, Optional[str]]] = [("… " if e0.lead else "", None), (e0.pre, None)]
    pos = first
    for s, e, tag in spans:
        if s < pos:  # overlapping findings: extend the previous highlight
            if e > pos:
                runs.append((_squash(text[pos:e]), runs[-1][1]))
                pos = e
            continue
        gap = text[pos:s]
        if gap:
            runs.append(((" " if gap[:1].isspace() else "") + _squash(gap)
                         + (" " if gap[-1:].isspace() and gap.strip() else ""), None))
        runs.append((_squash(text[s:e]), tag))
        pos = e
    runs += [(e0.post, None), (" …" if e0.trail else "", None)]
    return [(t, g) for t, g in runs if t]


def fmt(x: Optional[float], digits: int = 1) -> str:
    return "–" if x is None else f"{x:,.{digits}f}"


def fmt_metric(key: str, x: Optional[float]) -> str:
    if x is None:
        return "–"
    if key in ("words", "speakers"):
        return f"{x:,.0f}"
    return fmt(x)


def spread_text(key: str, st: MetricStats) -> str:
    r = st.range()
    if r is None:
        return "–"
    lo, hi, _ = r
    return f"{fmt_metric(key, lo)}–{fmt_metric(key, hi)}"


def compare(x: Optional[float], st: MetricStats) -> str:
    """"above", "below" or "within" the baseline band; "–" without data."""
    r = st.range()
    if x is None or r is None:
        return "–"
    lo, hi, _ = r
    if x > hi + 1e-9:
        return "above"
    if x < lo - 1e-9:
        return "below"
    return "within"


def summary_rows(report: ArticleReport, baseline: Optional[Baseline]) -> list[list[str]]:
    """[measure, unit, this article, baseline median, baseline band, vs. baseline]"""
    values = article_metrics(report)
    rows = []
    for key, (label, unit) in METRICS.items():
        st = baseline.get(key) if baseline is not None else MetricStats(0)
        rows.append([label, unit, fmt_metric(key, values[key]),
                     fmt_metric(key, st.median) if st.n else "–", spread_text(key, st),
                     compare(values[key], st)])
    return rows


def confidence_text(value: Optional[float]) -> str:
    """"0.77", "0.31 ⚠ low" under :data:`~framing.metrics.LOW_CONFIDENCE`,
    "rules" when the rules decided without a probability (0)."""
    if not value:
        return "rules"
    return f"{value:.2f}" + (" ⚠ low" if value < LOW_CONFIDENCE else "")


def attribution(q) -> str:
    """"he → Donald Trump": how the text names the speaker, and the speaker
    it was resolved to (the name alone when the text uses it)."""
    said = _squash(getattr(q, "speaker_text", None) or "")
    if not q.speaker:
        return "(unknown)"
    if said and said.lower() not in q.speaker.lower():
        return f"{said} → {q.speaker}"
    return q.speaker


def band_name(baseline: Optional[Baseline]) -> str:
    if baseline is None:
        return "range"
    for st in baseline.metrics.values():
        r = st.range()
        if r is not None:
            return r[2]
    return "range"


_SENT_END = re.compile(r"[.?!…][\"”’)]*(?=\s+[\"“‘(]?[A-Z])|\n")


def mention_context(text: str, start: int, end: int, context: int = 100) -> Excerpt:
    """A mention in its sentence (mentions carry no sentence bounds: the
    nearest ``. ? ! …`` or line break either side, looked for within 600
    characters), cut to ``context`` characters either side."""
    if not text:
        return Excerpt("", "", "")
    lo = 0
    for m in _SENT_END.finditer(text, max(0, start - 600), min(len(text), start + 4)):
        if m.end() <= start:
            lo = m.end()
    m = _SENT_END.search(text, end, min(len(text), end + 600))
    hi = m.end() if m else min(len(text), end + 600)
    while lo < start and text[lo].isspace():
        lo += 1
    return excerpt(text, start, end, lo, hi, context)


# -- Markdown -----------------------------------------------------------------------------
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def md(s: str) -> str:
    """Escape text for a Markdown table cell."""
    return _MD_SPECIAL.sub(r"\\\1", _squash(s or ""))


def md_excerpt(e: Excerpt) -> str:
    mid = md(e.mid)
    return ("… " if e.lead else "") + md(e.pre) + (" " if e.pre.endswith(" ") else "") + \
        (f"**{mid}**" if mid else "") + (" " if e.post.startswith(" ") else "") + md(e.post) + \
        (" …" if e.trail else "")


def table(header: Sequence[str], rows: Iterable[Sequence[str]], align: str = "") -> list[str]:
    align = align or "l" * len(header)
    rule = ["---:" if a == "r" else "---" for a in align]
    out = ["| " + " | ".join(header) + " |", "| " + " | ".join(rule) + " |"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out


def agency_section(report: ArticleReport, text: str) -> list[str]:
    """``## Agency``: passives, nominalisations and intransitive reports with
    their agent, voice and sentence; per actor, agent vs affected counts."""
    a = report.agency
    out = ["## Agency", ""]
    out += [f"{a.passives} passive{'s' if a.passives != 1 else ''}, "
            f"{a.agentless_passives} of them agentless "
            f"({fmt(a.agentless_passives_per_1k_words)} per 1,000 words) · "
            f"{a.nominalisations} nominalisation{'s' if a.nominalisations != 1 else ''} · "
            f"{a.intransitives} intransitive report{'s' if a.intransitives != 1 else ''}", ""]
    if not a.items:
        return out + ["*No passives, nominalisations or intransitive reports found.*", ""]
    out += table(["#", "kind", "agent", "voice", "in its sentence"],
                 [[str(i), md(it.kind), md(it.agent_text) if not it.agentless else "(none)",
                   md(it.voice), md_excerpt(excerpt(text, it.start, it.end, it.sentence_start,
                                                    it.sentence_end))]
                  for i, it in enumerate(a.items, 1)], "rllll")
    if a.actors:
        out += ["", "### Who acts, who is acted on (harmful events)", ""]
        out += table(["actor", "agent", "affected", "affected, doer unnamed"],
                     [[md(x.name), str(x.agent), str(x.affected), str(x.affected_agentless)]
                      for x in a.actors], "lrrr")
    return out


def sources_markdown(report: ArticleReport, text: str) -> list[str]:
    """The "Sources" section: each quoted source, its type and the words that gave it."""
    src = getattr(report, "sources", None)
    if src is None or not src.items:
        return []
    out = ["## Sources", ""]
    shannon = "–" if src.shannon is None else f"{src.shannon:.2f}"
    types = ", ".join(f"{k} {v}" for k, v in src.by_type.items())
    out += [f"{src.count} source{'s' if src.count != 1 else ''} ({md(types)}) · {diversity(src)} "
            f"· Shannon {shannon} · quoted first: {md(src.first or '–')} "
            f"({md(src.first_type or '–')})", ""]
    rows = []
    for it in src.items:
        ev = md_excerpt(mention_context(text, it.evidence.start, it.evidence.end, 60)) \
            if it.evidence else "–"
        stance = ", ".join(f"{k} {v}" for k, v in it.stance.items()) or "–"
        rows.append([str(it.rank), md(it.name), md(it.type.replace("_", "/")), ev,
                     md(it.group or "–"), str(it.quotes), md(stance),
                     "yes" if it.in_lede else ""] + ([md(it.gender or "–")] if src.gender_enabled else []))
    out += table(["#", "source", "type", "evidence", "side", "quotes", "cue stance", "lede"]
                 + (["gender"] if src.gender_enabled else []), rows,
                 "rlllrllr" + ("l" if src.gender_enabled else ""))
    return out + [""]


def to_markdown(report: ArticleReport, text: str, *, baseline: Optional[Baseline] = None,
                figures: Sequence[str] = (), figures_dir: str = "figures",
                figure_ext: str = "png") -> str:
    """The Markdown report. ``figures``: stems of the charts written to
    ``figures_dir`` (linked in their sections); empty → no images."""
    s = report.stats
    out: list[str] = [f"# {md(article_title(report, text))}", ""]
    meta = [md_code_span(report.source) if report.source else None, f"{s.words:,} words",
            f"{s.sentences:,} sentences", f"{s.paragraphs:,} paragraphs",
            f"framing {report.version}" if report.version else None, report.schema]
    out += [" · ".join(m for m in meta if m), ""]

    def fig(stem: str) -> list[str]:
        if stem not in figures:
            return []
        return [f"![{FIGURE_TITLES[stem]}]({figures_dir}/{stem}.{figure_ext})", ""]

    # summary
    out += ["## Summary", ""]
    if baseline is not None and baseline.articles:
        out += [f"Baseline: {md(baseline.description)}; band = baseline {band_name(baseline)}.",
                ""]
    else:
        out += ["No baseline corpus: article figures only.", ""]
    out += table(["measure", "unit", "this article", "baseline median",
                  f"baseline {band_name(baseline)}", "vs. baseline"],
                 [[md(c) for c in r] for r in summary_rows(report, baseline)], "llrrrl")
    out += [""] + fig("rates") + fig("positions")

    # questions
    q = report.questions
    out += ["## Questions", ""]
    out += [f"{q.count} question{'s' if q.count != 1 else ''} "
            f"({fmt(q.questions_per_1k_words)} per 1,000 words) · {q.rhetorical} rhetorical "
            f"({fmt(q.rhetorical_per_1k_words)} per 1,000 words) · {q.hypophora} hypophora · "
            f"{q.information} information · author {q.by_voice.get('author', 0)} / quoted "
            f"{q.by_voice.get('quoted', 0)}", ""]
    if q.items:
        out += table(["#", "type", "voice", "confidence", "question in its sentence"],
                     [[str(i), md(it.type), md(it.voice), confidence_text(it.confidence),
                       md_excerpt(excerpt(text, it.start, it.end, it.sentence_start,
                                          it.sentence_end))]
                      for i, it in enumerate(q.items, 1)], "rllll")
    else:
        out += ["*No questions found.*"]
    out += [""]

    # hedging
    h = report.hedging
    out += ["## Hedges and boosters", ""]
    out += [f"{h.hedges} hedge{'s' if h.hedges != 1 else ''} "
            f"({fmt(h.hedges_per_1k_words)} per 1,000 words) · {h.boosters} booster"
            f"{'s' if h.boosters != 1 else ''} ({fmt(h.boosters_per_1k_words)} per 1,000 words)",
            ""]
    if h.items:
        out += table(["#", "kind", "category", "voice", "cue in its sentence"],
                     [[str(i), md(it.kind), md(it.category.replace("_", " ")), md(it.voice),
                       md_excerpt(excerpt(text, it.start, it.end, it.sentence_start,
                                          it.sentence_end))]
                      for i, it in enumerate(h.items, 1)], "rllll")
    else:
        out += ["*No hedges or boosters found.*"]
    out += [""]

    # quotes
    out += ["## Quotes", ""] + fig("voice_share")
    voices = voice_shares(report)
    words = max(s.words, 1)
    out += table(["voice", "words", "share", "quotes"],
                 [[md(v.label), f"{v.words:,}", f"{100.0 * v.words / words:.1f} %",
                   "" if v.is_author else str(v.quotes)] for v in voices], "lrrr")
    out += [""]
    if report.quotes.items:
        out += table(["#", "speaker (as named → resolved)", "confidence", "kind", "cue", "quote"],
                     [[str(i), md(attribution(it)), confidence_text(it.confidence), md(it.kind),
                       md(it.cue or "–"), "“" + md(it.text) + "”"]
                      for i, it in enumerate(report.quotes.items, 1)], "rlllll")
    else:
        out += ["*No quotes found.*"]
    out += [""]

    out += sources_markdown(report, text)

    # actors
    out += ["## Actors", ""] + fig("actor_sentiment")
    actors = report.actors.items
    if actors:
        rows = []
        for a in actors:
            iv = actor_interval(a)
            rows.append([md(a.name), md(a.label or "–"), fmt(actor_score(a), 2),
                         f"{iv[0]:.2f} to {iv[1]:.2f}" if iv else "–", str(len(a.mentions))])
        out += table(["actor", "sentiment", "score", "95 % interval", "mentions"], rows, "llrrr")
        out += ["", "### Mentions", ""]
        rows = []
        for a in actors:
            for m in a.mentions:
                rows.append([md(a.name), md(m.label), fmt(m.score, 2),
                             md_excerpt(mention_context(text, m.start, m.end))])
        out += table(["actor", "sentiment", "score", "mention in context"], rows, "llrl")
    else:
        out += ["*No actors found.*"]
    out += [""]

    out += agency_section(report, text)

    # readability
    r = report.readability
    if r.flesch_reading_ease is not None:
        out += ["## Readability", ""]
        out += table(["measure", "value"], [
            ["Flesch reading ease", fmt(r.flesch_reading_ease)],
            ["Flesch–Kincaid grade", fmt(r.flesch_kincaid_grade)],
            ["Gunning fog", fmt(r.gunning_fog)],
            ["SMOG index", fmt(r.smog_index)],
            ["Coleman–Liau index", fmt(r.coleman_liau_index)],
            ["words per sentence", fmt(r.words_per_sentence)],
        ], "lr")
        out += [""]
    if report.warnings:
        out += ["## Warnings", ""] + [f"- {md(w)}" for w in report.warnings] + [""]
    from .measures import TITLE, intro, rows

    out += [f"## {TITLE}", "", md(intro(report)) + " Marked: ⚠ low.", ""]
    out += table(["measure", "what it counts", "measured accuracy"],
                 [[md(label), md(d), md(acc)] for label, d, acc in rows(report)], "lll")
    return "\n".join(out).rstrip() + "\n"
