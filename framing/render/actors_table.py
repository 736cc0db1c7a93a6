"""The actors table of the terminal report (rich).

Actors ranked by salience, each with its mean sentiment score, n and 95 %
interval, the same split into the author's voice and quotes, and the
sentences behind the score: the mentions the model scored most strongly,
highlighted in their sentence.
"""
from __future__ import annotations

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from ..report import ArticleReport

LABEL_STYLE = {"positive": "bold green", "negative": "bold red", "neutral": "bold"}
MAX_ACTORS = 12
EVIDENCE = 2


def _score(s) -> Text:
    """"−0.42 [−0.7, −0.1] n=5" from anything with n/score/ci_low/ci_high."""
    if not s.n or s.score is None:
        return Text("–", style="dim")
    out = Text(f"{s.score:+.2f}", style=LABEL_STYLE.get(s.label or "", ""))
    if s.ci_low is not None and s.ci_high is not None:
        out.append(f" [{s.ci_low:+.2f}, {s.ci_high:+.2f}]", style="dim")
    out.append(f" n={s.n}", style="dim")
    return out


def _compact(s) -> Text:
    if not s.n or s.score is None:
        return Text("–", style="dim")
    out = Text(f"{s.score:+.2f}", style=LABEL_STYLE.get(s.label or "", ""))
    out.append(f" n={s.n}", style="dim")
    return out


def actors_table(report: ArticleReport, text: str) -> Table | None:
    """Actors by salience with score/label/interval and evidence; None when
    the article names no actor."""
    from .terminal import excerpt  # late import: terminal.py imports this module

    items = report.actors.items
    if not items:
        return None
    t = Table(title="Actors and the sentiment toward them", title_justify="left",
              title_style="bold", box=box.SIMPLE_HEAD, expand=True)
    t.add_column("#", justify="right", width=3)
    t.add_column("actor", width=22)
    t.add_column("salience", justify="right", width=8)
    t.add_column("overall", width=24)
    t.add_column("author / quoted", width=16)
    t.add_column("strongest mentions in their sentences", ratio=1)
    for rank, it in enumerate(items[:MAX_ACTORS], 1):
        name = Text(it.name, style="bold")
        name.append(f"\n{it.type}", style="dim")
        if it.group:
            name.append(f" · {it.group}", style="dim")
        voices = Text("author ")
        voices.append_text(_compact(it.author))
        voices.append("\nquoted ")
        voices.append_text(_compact(it.quoted))
        strongest = sorted(it.mentions, key=lambda m: (-abs(m.score), m.start))[:EVIDENCE]
        evidence = []
        for m in sorted(strongest, key=lambda m: m.start):
            line = Text(f"{m.score:+.2f} ", style=LABEL_STYLE.get(m.label, ""))
            if m.voice == "quoted":
                line.append("(quoted) ", style="dim")
            lo, hi = (m.sentence_start, m.sentence_end) if m.sentence_end else (m.start, m.end)
            line.append_text(excerpt(text, lo, hi, m.start, m.end,
                                     LABEL_STYLE.get(m.label, "bold")))
            evidence.append(line)
        t.add_row(str(rank), name, f"{100 * it.salience:.0f} %", _score(it), voices,
                  Group(*evidence) if evidence else Text("–"))
    if len(items) > MAX_ACTORS:
        t.caption = f"… and {len(items) - MAX_ACTORS} more actors (all in --format json)"
    return t
