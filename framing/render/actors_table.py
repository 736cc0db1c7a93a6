"""The actors table of the terminal report (rich).

Actors ranked by salience, each with its mean sentiment score, n and 95 %
interval, the same split into the author's voice and quotes; then the
sentences behind the scores: per actor the mentions the model scored most
strongly (one per sentence), highlighted in their sentence.
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


def _score(s, narrow: bool = False) -> Text:
    """"−0.42 [−0.7, −0.1] n=5" from anything with n/score/ci_low/ci_high;
    on a narrow terminal the interval goes on a second line."""
    if not s.n or s.score is None:
        return Text("–", style="dim")
    out = Text(f"{s.score:+.2f}", style=LABEL_STYLE.get(s.label or "", ""))
    out.append(f" n={s.n}", style="dim")
    if s.ci_low is not None and s.ci_high is not None:
        out.append(f"{chr(10) if narrow else ' '}[{s.ci_low:+.2f}, {s.ci_high:+.2f}]",
                   style="dim")
    return out


def _compact(s, narrow: bool = False) -> Text:
    if not s.n or s.score is None:
        return Text("–", style="dim")
    out = Text(f"{s.score:+.2f}", style=LABEL_STYLE.get(s.label or "", ""))
    out.append(f"{chr(10) if narrow else ' '}n={s.n}", style="dim")
    return out


def actors_table(report: ArticleReport, text: str, width: int = 120) -> Group | None:
    """Actors by salience with score/label/interval, then the sentences
    behind each score at full width; None when the article names no actor.

    The evidence is a table of its own rather than a column beside the
    numbers: beside five numeric columns a sentence would get a dozen
    characters on a 100-column terminal."""
    from .terminal_findings import context_for, excerpt, narrow

    items = report.actors.items
    if not items:
        return None
    t = Table(title="Actors and the sentiment toward them", title_justify="left",
              title_style="bold", box=box.SIMPLE_HEAD, expand=False)
    t.add_column("#", justify="right")
    t.add_column("actor", min_width=14, max_width=22 if narrow(width) else 34)
    t.add_column("salience", justify="right")
    t.add_column("overall [95 % interval]", min_width=14, no_wrap=True)
    t.add_column("author", no_wrap=True)
    t.add_column("quoted", no_wrap=True)
    ev = Table(title="Strongest mentions, in their sentences", title_justify="left",
               title_style="bold", box=box.SIMPLE_HEAD, expand=True, show_header=False)
    ev.add_column("actor", max_width=14 if narrow(width) else 20, style="bold")
    ev.add_column("score", justify="right", width=6)
    ev.add_column("sentence", ratio=1)
    for rank, it in enumerate(items[:MAX_ACTORS], 1):
        name = Text(it.name, style="bold")
        name.append(f"\n{it.type}" + (f" · {it.group}" if it.group else ""), style="dim")
        t.add_row(str(rank), name, f"{100 * it.salience:.0f} %", _score(it, narrow(width)), _compact(it.author, narrow(width)),
                  _compact(it.quoted, narrow(width)))
        shown: set[tuple[int, int]] = set()
        first = True
        for m in sorted(it.mentions, key=lambda m: (-abs(m.score), m.start)):
            lo, hi = (m.sentence_start, m.sentence_end) if m.sentence_end else (m.start, m.end)
            if (lo, hi) in shown:  # one line per sentence, with its strongest mention
                continue
            shown.add((lo, hi))
            line = Text("(quoted) ", style="dim") if m.voice == "quoted" else Text()
            line.append_text(excerpt(text, lo, hi, m.start, m.end,
                                     LABEL_STYLE.get(m.label, "bold"), context_for(width)))
            ev.add_row(it.name if first else "",
                       Text(f"{m.score:+.2f}", style=LABEL_STYLE.get(m.label, "")), line)
            first = False
            if len(shown) == EVIDENCE:
                break
    if len(items) > MAX_ACTORS:
        t.caption = f"… and {len(items) - MAX_ACTORS} more actors (all in --format json)"
    return Group(t, ev)
