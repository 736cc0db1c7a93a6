"""The readable terminal report (rich).

Key metrics first, then every finding in its sentence with the cue
highlighted, so each number can be checked against the words behind it.
Tested by printing into a fixed-width ``Console(file=StringIO())``.
"""
from __future__ import annotations

from collections import defaultdict

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..report import ArticleReport

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


def _rate(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


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


def summary(report: ArticleReport) -> Table:
    s, q, h, r = report.stats, report.questions, report.hedging, report.readability
    t = Table(box=box.SIMPLE_HEAD, show_header=True, header_style="bold", pad_edge=False)
    t.add_column("measure")
    t.add_column("count", justify="right")
    t.add_column("per 1,000 words", justify="right")
    t.add_column("author / quoted", justify="right")
    t.add_row("words", f"{s.words:,}", "", "")
    t.add_row("sentences", f"{s.sentences:,}", "", "")
    t.add_row("questions", str(q.count), _rate(q.questions_per_1k_words),
              f"{q.by_voice.get('author', 0)} / {q.by_voice.get('quoted', 0)}")
    t.add_row(Text("  rhetorical", style=STYLE["rhetorical"]), str(q.rhetorical),
              _rate(q.rhetorical_per_1k_words), "")
    t.add_row(Text("  of which hypophora", style=STYLE["hypophora"]), str(q.hypophora), "", "")
    for kind, count, rate in (("hedge", h.hedges, h.hedges_per_1k_words),
                              ("booster", h.boosters, h.boosters_per_1k_words)):
        by = h.by_voice
        t.add_row(Text(kind + "s", style=STYLE[kind]), str(count), _rate(rate),
                  f"{by.get('author', {}).get(kind, 0)} / {by.get('quoted', {}).get(kind, 0)}")
    t.add_row("quotes", str(len(report.quotes.items)), "", "")
    if r.flesch_reading_ease is not None:
        t.add_row("Flesch reading ease", f"{r.flesch_reading_ease:.1f}", "", "")
        t.add_row("Flesch–Kincaid grade", f"{r.flesch_kincaid_grade:.1f}", "", "")
    return t


def questions_table(report: ArticleReport, text: str) -> Table | None:
    items = report.questions.items
    if not items:
        return None
    t = Table(title="Questions", title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
              expand=True)
    t.add_column("#", justify="right", width=3)
    t.add_column("type", width=11)
    t.add_column("voice", width=6)
    t.add_column("question in its sentence", ratio=1)
    for i, q in enumerate(items, 1):
        t.add_row(str(i), Text(q.type, style=STYLE.get(q.type, "")), q.voice,
                  excerpt(text, q.sentence_start, q.sentence_end, q.start, q.end,
                          STYLE.get(q.type, "bold")))
    return t


def hedging_table(report: ArticleReport, text: str, width: int = 120) -> Table | None:
    items = report.hedging.items
    if not items:
        return None
    narrow = width < 110
    t = Table(title="Hedges and boosters", title_justify="left", title_style="bold",
              box=box.SIMPLE_HEAD, expand=True)
    t.add_column("#", justify="right", width=3)
    t.add_column("cue", width=14)
    t.add_column("kind · category" if narrow else "kind", width=16 if narrow else 7)
    if not narrow:
        t.add_column("category", width=15)
    t.add_column("voice", width=6)
    t.add_column("in its sentence", ratio=1, min_width=30)
    context = max(30, (width - 60) // 2) if narrow else None
    for i, h in enumerate(items, 1):
        category = h.category.replace("_", " ")
        kind = Text(h.kind, style=STYLE[h.kind])
        cells = [str(i), Text(h.text, style=STYLE[h.kind])]
        cells += [kind.append(f" · {category}", style="")] if narrow else [kind, category]
        cells += [h.voice, excerpt(text, h.sentence_start, h.sentence_end, h.start, h.end,
                                   STYLE[h.kind], context)]
        t.add_row(*cells)
    return t


def agency_table(report: ArticleReport, text: str, width: int = 120) -> Table | None:
    """Passives, nominalisations and intransitive reports (CODEBOOK §5), each in
    its sentence, with the agent when a by-phrase names one; then, per actor,
    how often agent and how often affected party of a harmful event."""
    a = report.agency
    if not a.items:
        return None
    title = (f"Agency · {a.agentless_passives} agentless of {a.passives} passives "
             f"({_rate(a.agentless_passives_per_1k_words)} per 1,000 words), "
             f"{a.nominalisations} nominalisations, {a.intransitives} intransitive reports")
    t = Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
              expand=True)
    t.add_column("#", justify="right", width=3)
    t.add_column("kind", width=14)
    t.add_column("agent", width=16)
    t.add_column("voice", width=6)
    t.add_column("in its sentence", ratio=1, min_width=30)
    context = max(30, (width - 60) // 2) if width < 110 else None
    for i, it in enumerate(a.items, 1):
        kind = "passive" if it.kind == "passive" else it.kind
        agent = Text("— none —", style="dim") if it.agentless else Text(it.agent_text or "")
        t.add_row(str(i), Text(kind, style=STYLE["agency"]), agent, it.voice,
                  excerpt(text, it.sentence_start, it.sentence_end, it.start, it.end,
                          STYLE["agency"], context))
    if a.actors:
        t.add_section()
        for actor in a.actors:
            t.add_row("", Text("actor", style="bold"), actor.name, "",
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


def speakers_table(report: ArticleReport) -> Table | None:
    speakers = getattr(report.quotes, "speakers", None) or []
    if not speakers:
        return None
    from ..analyzers.quotes.build import NOT_WORDS

    caption = None
    if any(q.cue_category in NOT_WORDS for q in report.quotes.items):
        caption = ("words, share: speech and thought only; " + ", ".join(sorted(NOT_WORDS))
                   + " attributions count as quotes without quoted words")
    t = Table(title="Who gets a voice", title_justify="left", title_style="bold",
              box=box.SIMPLE_HEAD, expand=False, caption=caption, caption_justify="left",
              caption_style="dim")
    t.add_column("speaker", style=STYLE["speaker"])
    t.add_column("type")
    t.add_column("quotes", justify="right")
    t.add_column("direct / indirect / mixed", justify="right")
    t.add_column("words", justify="right")
    t.add_column("share", justify="right")
    t.add_column("cue verbs")
    for sp in speakers:
        share = "–" if sp.share is None else f"{100 * sp.share:.0f} %"
        cues = ", ".join(f"{c} ×{n}" if n > 1 else c for c, n in sp.cues.items())
        t.add_row(sp.name, sp.type + (" (unnamed)" if sp.unnamed and sp.type != "unnamed" else ""),
                  str(sp.quotes), f"{sp.direct} / {sp.indirect} / {sp.mixed}", str(sp.words), share,
                  cues or "–")
    return t


def quotes_table(report: ArticleReport, text: str) -> Table | None:
    items = report.quotes.items
    if not items:
        return None
    groups: dict[str, list] = defaultdict(list)
    for q in items:
        groups[q.speaker or "(unknown speaker)"].append(q)
    t = Table(title="Quotes by speaker", title_justify="left", title_style="bold",
              box=box.SIMPLE_HEAD, expand=True)
    t.add_column("speaker", width=20, style=STYLE["speaker"])
    t.add_column("kind", width=8)
    t.add_column("cue", width=18)
    t.add_column("quote", ratio=1)
    order = sorted(groups, key=lambda k: (-sum(getattr(q, "words", 0) for q in groups[k]), k))
    for speaker in order:
        for j, q in enumerate(groups[speaker]):
            cue = q.cue or "–"
            category = getattr(q, "cue_category", None)
            if q.cue and category:
                cue = f"{q.cue} ({category})"
            t.add_row(speaker if j == 0 else "", q.kind, cue,
                      Text(_quote_words(q, text), style=STYLE["quote"]))
    return t


def sources_table(report: ArticleReport, text: str) -> Table | None:
    """Each quoted source with its type and the words that gave the type."""
    src = getattr(report, "sources", None)
    if src is None or not src.items:
        return None
    simpson = "–" if src.simpson is None else f"{src.simpson:.2f}"
    t = Table(title=f"Sources by type (Simpson diversity {simpson})", title_justify="left",
              title_style="bold", box=box.SIMPLE_HEAD, expand=True)
    t.add_column("#", justify="right", width=3)
    t.add_column("source", width=20, style=STYLE["speaker"])
    t.add_column("type", width=15)
    t.add_column("side", width=10)
    t.add_column("quotes", justify="right", width=6)
    t.add_column("evidence", ratio=1)
    for it in src.items:
        ev = Text("–", style="dim")
        if it.evidence is not None:
            lo = max(0, it.evidence.start - 60)
            hi = min(len(text), it.evidence.end + 60)
            ev = excerpt(text, lo, hi, it.evidence.start, it.evidence.end, "bold", 60)
        kind = it.type.replace("_", "/") + (" · lede" if it.in_lede else "")
        t.add_row(str(it.rank), it.name, kind, it.group or "–", str(it.quotes), ev)
    return t


def render(report: ArticleReport, text: str, console: Console) -> None:
    """Print the report for one article to ``console``."""
    from .term_safe import safe_inputs

    report, text = safe_inputs(report, text)  # no escape sequence reaches the terminal
    title = report.source or "article"
    parts = [summary(report)]
    console.print(Panel(Group(*parts), title=f"[bold]framing[/] · {title}", title_align="left",
                        expand=True))
    from .actors_table import actors_table

    for table in (questions_table(report, text), hedging_table(report, text, console.width),
                  speakers_table(report), quotes_table(report, text), sources_table(report, text),
                  actors_table(report, text), agency_table(report, text, console.width)):
        if table is not None:
            console.print(table)
    if report.warnings:
        console.print(Text("Warnings", style="bold"))
        for w in report.warnings:
            console.print(Text(f"  • {w}", style="dim"))
