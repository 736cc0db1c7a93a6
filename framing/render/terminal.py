"""The readable terminal report (rich).

Key metrics first, then every finding in its sentence with the cue
highlighted, so each number can be checked against the words behind it.
Tested by printing into a fixed-width ``Console(file=StringIO())``.
"""
from __future__ import annotations

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..report import ArticleReport
from .terminal_findings import (CONTEXT_CHARS, STYLE, agency_table, excerpt,  # noqa: F401
                                hedging_table, questions_table, quotes_table, sources_table,
                                speakers_table)


def rate(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


_rate = rate


def summary(report: ArticleReport) -> Table:
    """Counts, rates per 1,000 words, and the same split by voice: the
    author's rate per 1,000 of the author's words and the quoted voices'
    per 1,000 quoted words (:func:`framing.metrics.summary_metrics`, the
    numbers of report.json's ``metrics`` and of every other report)."""
    from ..metrics import summary_metrics, voice_shares

    s, q, h, r = report.stats, report.questions, report.hedging, report.readability
    m = summary_metrics(report)
    voices = voice_shares(report)
    t = Table(box=box.SIMPLE_HEAD, show_header=True, header_style="bold", pad_edge=False,
              caption="author, quoted: count (per 1,000 of that voice's words)",
              caption_justify="left", caption_style="dim")
    t.add_column("measure")
    t.add_column("count", justify="right")
    t.add_column("per 1,000 words", justify="right")
    t.add_column("author", justify="right")
    t.add_column("quoted", justify="right")

    def by_voice(items, keep, key) -> tuple[str, str]:
        n = {v: sum(1 for it in items if keep(it) and it.voice == v) for v in ("author", "quoted")}
        return (f"{n['author']} ({rate(m[key + '_author_per_1k'])})",
                f"{n['quoted']} ({rate(m[key + '_quoted_per_1k'])})")

    t.add_row("words", f"{s.words:,}", "", f"{voices[0].words:,}",
              f"{sum(v.words for v in voices[1:]):,}")
    t.add_row("sentences", f"{s.sentences:,}", "", "", "")
    t.add_row("questions", str(q.count), rate(m["questions_per_1k"]),
              str(q.by_voice.get("author", 0)), str(q.by_voice.get("quoted", 0)))
    t.add_row(Text("  rhetorical", style=STYLE["rhetorical"]), str(q.rhetorical),
              rate(m["rhetorical_per_1k"]), *by_voice(q.items, lambda it: it.rhetorical,
                                                       "rhetorical"))
    t.add_row(Text("  of which hypophora", style=STYLE["hypophora"]), str(q.hypophora), "", "",
              "")
    for kind, count in (("hedge", h.hedges), ("booster", h.boosters)):
        t.add_row(Text(kind + "s", style=STYLE[kind]), str(count), rate(m[kind + "s_per_1k"]),
                  *by_voice(h.items, lambda it, k=kind: it.kind == k, kind + "s"))
    t.add_row("quotes", str(len(report.quotes.items)), "", "", "")
    t.add_row("words in quotes", f"{rate(m['quoted_share'])} %", "", "", "")
    if r.flesch_reading_ease is not None:
        t.add_row("Flesch reading ease", f"{r.flesch_reading_ease:.1f}", "", "", "")
        t.add_row("Flesch–Kincaid grade", f"{r.flesch_kincaid_grade:.1f}", "", "", "")
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

    w = console.width
    for table in (questions_table(report, text, w), hedging_table(report, text, w),
                  speakers_table(report, w), quotes_table(report, text, w),
                  sources_table(report, text, w), actors_table(report, text, w),
                  agency_table(report, text, w)):
        if table is not None:
            console.print(table)
    if report.warnings:
        console.print(Text("Warnings", style="bold"))
        for w in report.warnings:
            console.print(Text(f"  • {w}", style="dim"))
