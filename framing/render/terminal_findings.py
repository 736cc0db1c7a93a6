"""The findings tables of the terminal report (rich): questions, hedges,
speakers, quotes, sources and agency, each finding in its sentence.

One layout at every width: a narrow "what" column (kind, category, voice,
confidence — stacked one per line below 110 columns, joined with " · " on a
wider terminal) and the sentence taking the rest, so the evidence stays
readable at 80 columns.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Optional

from rich import box
from rich.table import Table
from rich.text import Text

from ..metrics import LOW_CONFIDENCE
from ..report import ArticleReport
from .measures import diversity

STYLE = {
    "rhetorical": "bold magenta",
    "hypophora": "bold cyan",
    "information": "bold blue",
    "hedge": "bold yellow",
    "booster": "bold red",
    "quote": "green",
    "speaker": "bold green",
    "agency": "bold red",
}
CONTEXT_CHARS = 90
NARROW = 110  # below this many columns the "what" column is stacked
LOW = "⚠ low confidence"


def narrow(width: int) -> bool:
    return width < NARROW


def context_for(width: int) -> int:
    """Characters of context either side of a finding for this width."""
    return CONTEXT_CHARS if width >= NARROW else max(45, width // 2)


def meta(parts: Iterable[Optional[Text | str]], width: int) -> Text:
    """The "what" cell: its parts one per line (narrow) or joined with " · "."""
    out = Text()
    for p in (p for p in parts if p):
        if out.plain:
            out.append("\n" if narrow(width) else " · ")
        out.append_text(p if isinstance(p, Text) else Text(p))
    return out


def confidence(value: Optional[float], decided_by_rules: bool = False) -> Optional[Text]:
    """"0.62" (dim), or "0.31 ⚠ low confidence" (bold) under
    :data:`~framing.metrics.LOW_CONFIDENCE`; None when there is no figure."""
    if decided_by_rules or value is None:
        return None
    if value < LOW_CONFIDENCE:
        return Text(f"conf. {value:.2f} {LOW}", style="bold yellow")
    return Text(f"conf. {value:.2f}", style="dim")


def excerpt(text: str, sent_start: int, sent_end: int, start: int, end: int, style: str,
            context: int | None = None) -> Text:
    """The sentence around ``[start, end)`` with that span highlighted; long
    sentences are cut to ``context`` characters (default ``CONTEXT_CHARS``)
    either side of the span."""
    context = CONTEXT_CHARS if context is None else context
    lo = max(sent_start, start - context)
    hi = min(sent_end, end + context)
    if lo > sent_start:  # cut at word boundaries
        space = text.find(" ", lo, start)
        lo = space + 1 if space != -1 else start
    if hi < sent_end:
        space = text.rfind(" ", end, hi)
        hi = space if space != -1 else end
    out = Text("… " if lo > sent_start else "")
    out.append(" ".join(text[lo:start].split()) + (" " if text[lo:start][-1:].isspace() else ""))
    out.append(" ".join(text[start:end].split()), style=style)
    tail = text[end:hi]
    out.append((" " if tail[:1].isspace() else "") + " ".join(tail.split()))
    if hi < sent_end:
        out.append(" …")
    return out


def findings_table(title: str, width: int, what: str, evidence: str = "in its sentence",
                   number: bool = True) -> Table:
    """An empty table: ``#``, the "what" column, the evidence column."""
    t = Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
              expand=True)
    if number:
        t.add_column("#", justify="right", width=3)
    if narrow(width):
        t.add_column("finding", width=min(24, max(16, width // 4 + 2)))
    else:
        t.add_column(what, max_width=44)
    t.add_column(evidence, ratio=1, min_width=24)
    return t


def questions_table(report: ArticleReport, text: str, width: int = 120) -> Table | None:
    items = report.questions.items
    if not items:
        return None
    t = findings_table("Questions", width, "type · voice", "question in its sentence")
    for i, q in enumerate(items, 1):
        style = STYLE.get(q.type, "bold")
        t.add_row(str(i), meta([Text(q.type, style=style), q.voice,
                                confidence(q.confidence, not q.confidence)], width),
                  excerpt(text, q.sentence_start, q.sentence_end, q.start, q.end, style,
                          context_for(width)))
    return t


def hedging_table(report: ArticleReport, text: str, width: int = 120) -> Table | None:
    items = report.hedging.items
    if not items:
        return None
    t = findings_table("Hedges and boosters", width, "cue · kind · category · voice")
    for i, h in enumerate(items, 1):
        kind = Text(h.kind, style=STYLE[h.kind]).append(f" · {h.category.replace('_', ' ')}",
                                                         style="")
        t.add_row(str(i), meta([Text(h.text, style=STYLE[h.kind]), kind, h.voice], width),
                  excerpt(text, h.sentence_start, h.sentence_end, h.start, h.end,
                          STYLE[h.kind], context_for(width)))
    return t


def agency_table(report: ArticleReport, text: str, width: int = 120) -> Table | None:
    """Passives, nominalisations and intransitive reports (CODEBOOK §5), each in
    its sentence, with the agent when a by-phrase names one; then, per actor,
    how often agent and how often affected party of a harmful event."""
    from .terminal import rate

    a = report.agency
    if not a.items:
        return None
    title = (f"Agency · {a.agentless_passives} agentless of {a.passives} passives "
             f"({rate(a.agentless_passives_per_1k_words)} per 1,000 words), "
             f"{a.nominalisations} nominalisations, {a.intransitives} intransitive reports")
    t = findings_table(title, width, "kind · agent · voice")
    for i, it in enumerate(a.items, 1):
        agent = Text("no agent", style="dim") if it.agentless else Text(f"by {it.agent_text or ''}")
        t.add_row(str(i), meta([Text(it.kind, style=STYLE["agency"]), agent, it.voice], width),
                  excerpt(text, it.sentence_start, it.sentence_end, it.start, it.end,
                          STYLE["agency"], context_for(width)))
    if a.actors:
        t.add_section()
        for actor in a.actors:
            t.add_row("", Text(actor.name, style="bold"),
                      f"agent {actor.agent} · affected {actor.affected} "
                      f"(doer unnamed in {actor.affected_agentless})")
    return t


def _quote_words(q, text: str) -> str:
    """The quoted words alone: an interrupted quote's segments (``parts``)
    joined with an ellipsis, without the attribution between them."""
    parts = getattr(q, "parts", None) or [[q.start, q.end]]
    words = " … ".join(" ".join(text[s:e].split()) for s, e in parts)
    if len(words) > 2 * CONTEXT_CHARS:
        words = words[: 2 * CONTEXT_CHARS].rsplit(" ", 1)[0] + " …"
    return words


def speakers_table(report: ArticleReport, width: int = 120) -> Table | None:
    speakers = getattr(report.quotes, "speakers", None) or []
    if not speakers:
        return None
    from ..analyzers.quotes.build import NOT_WORDS

    caption = None
    if any(q.cue_category in NOT_WORDS for q in report.quotes.items):
        caption = ("words, share: speech and thought only; " + ", ".join(sorted(NOT_WORDS))
                   + " attributions count as quotes without quoted words")
    t = Table(title="Who gets a voice", title_justify="left", title_style="bold",
              box=box.SIMPLE_HEAD, expand=narrow(width), caption=caption, caption_justify="left",
              caption_style="dim")
    t.add_column("speaker", style=STYLE["speaker"], max_width=26 if narrow(width) else 34)
    t.add_column("quotes\n(dir./ind./mixed)" if narrow(width) else "quotes (direct / indirect / "
                 "mixed)", justify="right")
    t.add_column("words", justify="right")
    t.add_column("cues", ratio=1 if narrow(width) else None)
    for sp in speakers:
        share = "–" if sp.share is None else f"{100 * sp.share:.0f} %"
        cues = ", ".join(f"{c} ×{n}" if n > 1 else c for c, n in sp.cues.items())
        kind = sp.type + (" (unnamed)" if sp.unnamed and sp.type != "unnamed" else "")
        name = Text(sp.name, style=STYLE["speaker"]).append(f"\n{kind}", style="dim")
        t.add_row(name, f"{sp.quotes} ({sp.direct}/{sp.indirect}/{sp.mixed})",
                  f"{sp.words} · {share}", cues or "–")
    return t


def attributed_to(q) -> Optional[Text]:
    """"he → Donald Trump (0.77)": the words the speaker is named by when
    they differ from the canonical name, and the attribution's confidence."""
    conf = getattr(q, "confidence", None)
    said = " ".join((getattr(q, "speaker_text", None) or "").split())
    out = Text()
    if said and q.speaker and said.lower() not in q.speaker.lower():
        out.append(f"{said} → {q.speaker}")
    elif not q.speaker:
        out.append("speaker unknown", style="dim")
    if conf:
        low = conf < LOW_CONFIDENCE
        out.append(f"{' ' if out.plain else ''}({conf:.2f}{' ' + LOW if low else ''})",
                   style="bold yellow" if low else "dim")
    return out if out.plain else None


def quotes_table(report: ArticleReport, text: str, width: int = 120) -> Table | None:
    items = report.quotes.items
    if not items:
        return None
    groups: dict[str, list] = defaultdict(list)
    for q in items:
        groups[q.speaker or "(unknown speaker)"].append(q)
    t = findings_table("Quotes by speaker", width, "kind · cue · attribution", "quote",
                       number=False)
    order = sorted(groups, key=lambda k: (-sum(getattr(q, "words", 0) for q in groups[k]), k))
    for speaker in order:
        t.add_section()
        t.add_row(Text(speaker, style=STYLE["speaker"]), "")
        for q in groups[speaker]:
            cue = q.cue or "–"
            if q.cue and q.cue_category:
                cue = f"{q.cue} ({q.cue_category})"
            t.add_row(meta([q.kind, cue, attributed_to(q)], width),
                      Text(_quote_words(q, text), style=STYLE["quote"]))
    return t


def sources_table(report: ArticleReport, text: str, width: int = 120) -> Table | None:
    """Each quoted source with its type and the words that gave the type."""
    src = getattr(report, "sources", None)
    if src is None or not src.items:
        return None
    t = findings_table(f"Sources by type ({diversity(src)})", width,
                       "source · type · side · quotes", "evidence for the type")
    for it in src.items:
        ev = Text("–", style="dim")
        if it.evidence is not None:
            lo = max(0, it.evidence.start - 60)
            hi = min(len(text), it.evidence.end + 60)
            ev = excerpt(text, lo, hi, it.evidence.start, it.evidence.end, "bold",
                         min(60, context_for(width)))
        kind = it.type.replace("_", "/") + (" · lede" if it.in_lede else "")
        t.add_row(str(it.rank), meta([Text(it.name, style=STYLE["speaker"]), kind,
                                      f"side {it.group}" if it.group else None,
                                      f"{it.quotes} quote{'s' if it.quotes != 1 else ''}"],
                                     width), ev)
    return t
