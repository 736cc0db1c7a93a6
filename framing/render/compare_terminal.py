"""The terminal view of an outlet comparison (rich): one table of per-outlet
means with bootstrap 95 % CIs, then the key findings in plain language.
Tested by printing into a fixed-width ``Console(file=StringIO())``."""
from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

COLUMNS = (("rhetorical_questions", "rhet. Qs"), ("hedges", "hedges"), ("boosters", "boosters"),
           ("quotes", "quotes"), ("flesch_reading_ease", "reading ease"))


def _cell(d: dict, narrow: bool = False) -> Text:
    if not d or d.get("mean") is None:
        return Text("–", style="dim")
    t = Text(f"{d['mean']:.1f}")
    t.append(("\n" if narrow else " ") + f"[{d['ci_low']:.1f}–{d['ci_high']:.1f}]", style="dim")
    return t


def table(result: dict, max_rows: int = 30, narrow: bool = False) -> Table:
    """Outlets × metrics; ``narrow`` puts each CI under its mean and leaves
    out the words column (for terminals under 130 columns)."""
    t = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False,
              title=Text("per 1,000 words: mean [bootstrap 95% CI]; reading ease: Flesch points"),
              title_style="dim", title_justify="left")
    t.add_column("outlet", overflow="fold", min_width=12, max_width=28)
    t.add_column("articles", justify="right")
    if not narrow:
        t.add_column("words", justify="right")
    for _, head in COLUMNS:
        t.add_column(head, justify="right", overflow="fold", min_width=11 if narrow else 9)
    for o in result["outlets"][:max_rows]:
        words = [] if narrow else [f"{o['words']:,}"]
        t.add_row(o["name"], f"{o['articles']:,}", *words,
                  *[_cell(o["metrics"][k], narrow) for k, _ in COLUMNS])
    if len(result["outlets"]) > max_rows:
        t.add_row(f"… {len(result['outlets']) - max_rows} more", "", *([] if narrow else [""]),
                  *[""] * len(COLUMNS))
    return t


def sources_table(result: dict, max_rows: int = 30) -> Table | None:
    """Outlets × source types (pooled shares) with Simpson diversity and its CI."""
    outlets = (result.get("sources") or {}).get("outlets") or {}
    if not outlets:
        return None
    kinds = sorted({k for o in outlets.values() for k in o.get("shares", {})},
                   key=lambda k: -sum(o.get("shares", {}).get(k, 0) for o in outlets.values()))[:7]
    t = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False,
              title=Text("Sources by type: share of typed sources; Simpson diversity [bootstrap "
                         "95% CI over articles]"), title_style="dim", title_justify="left")
    t.add_column("outlet", overflow="fold", min_width=12, max_width=28)
    t.add_column("typed (all)", justify="right")
    for k in kinds:
        t.add_column(k.replace("_", "/"), justify="right", overflow="fold")
    t.add_column("Simpson", justify="right")
    for name, o in list(outlets.items())[:max_rows]:
        lo, hi = o.get("simpson_ci") or [None, None]
        simp = Text("–", style="dim") if o.get("simpson") is None else Text(f"{o['simpson']:.2f}")
        if lo is not None:
            simp.append(f" [{lo:.2f}–{hi:.2f}]", style="dim")
        t.add_row(name, f"{o.get('typed', o['sources']):,} ({o['sources']:,})", *[f"{100 * o['shares'].get(k, 0):.0f}%" for k in kinds],
                  simp)
    return t


def sides_table(result: dict, max_rows: int = 30) -> Table | None:
    """Outlets × the actors file's sides (its ``group`` field): mean
    article-level sentiment toward the side and n articles naming it."""
    a = result.get("actors") or {}
    groups = a.get("groups") or []
    if not groups:
        return None
    cells = {(c["outlet"], c["group"]): c for c in a.get("group_cells", [])}
    t = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False, min_width=76,
              title=Text("Sentiment toward each side of the actors file (−1 … +1) "
                         "[n articles]"), title_style="dim", title_justify="left")
    t.add_column("outlet", overflow="fold", min_width=12, max_width=28)
    for g in groups:
        t.add_column(g, justify="right", overflow="fold")
    for o in result["outlets"][:max_rows]:
        row = []
        for g in groups:
            c = cells.get((o["name"], g))
            if c is None:
                row.append(Text("–", style="dim"))
            else:
                cell = Text(f"{c['mean_score']:+.2f}")
                cell.append(f" [{c['articles']}]", style="dim")
                row.append(cell)
        t.add_row(o["name"], *row)
    return t


def render(result: dict, console: Console, limit: int = 8) -> None:
    """Print the table and the first ``limit`` findings."""
    c = result["corpus"]
    if result.get("title"):
        console.print(Text(result["title"], style="bold"))
    console.print(Text.assemble(("Comparing outlets", "bold"),
                                f" — {c['articles']:,} articles, {c['outlets']} outlets, "
                                f"{c['words']:,} words, {c['shared_stories']} shared stories"))
    console.print(table(result, narrow=console.width < 130))
    console.print(Text("Key findings", style="bold"))
    bullets = Table.grid(padding=(0, 1))
    bullets.add_column(no_wrap=True)
    bullets.add_column()
    for s in result["findings"][:limit]:
        bullets.add_row("•", Text(s))
    more = len(result["findings"]) - limit
    if more > 0:
        bullets.add_row("", Text(f"… and {more} more finding{'s' if more != 1 else ''} "
                                 "(all in comparison.json; every test in tests.csv)", style="dim"))
    console.print(bullets)
    for extra in (sides_table(result), sources_table(result)):
        if extra is not None:
            console.print(extra)
    vocab = result["vocabulary"].get("outlets", {})
    if vocab:
        console.print(Text("Distinctive words (Fightin' Words z-scores)", style="bold"))
        for name, terms in list(vocab.items())[:12]:
            words = ", ".join(t["term"] for t in terms[:8])
            console.print(Text.assemble((f"{name}: ", "bold"), words))
