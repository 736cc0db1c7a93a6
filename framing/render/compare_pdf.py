"""comparison.pdf: a multi-page A4 report of an outlet comparison.

Page 1 summarises the corpus, a table of per-outlet means with bootstrap
95 % CIs, and the key findings in plain language; the next pages hold the
charts of :mod:`framing.render.compare_figures` (two to a page where they
fit); the last pages list every test. matplotlib is imported lazily; the
file's metadata carries no date, so the same comparison gives the same bytes.
"""
from __future__ import annotations

import io
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from . import compare_figures as CF
from . import style as S
from .outdir import atomic_write

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

PAGE_W, PAGE_H = S.PAGE
MARGIN = 0.6          # inches, left/right
TOP, BOTTOM = 0.55, 0.6
BODY_H = PAGE_H - TOP - BOTTOM
WRAP = 112            # characters per line of body text at 8 pt
LINE = 0.165          # inches per line of body text

TABLE_METRICS = (("rhetorical_questions", "Rhetorical Qs"), ("hedges", "Hedges"),
                 ("boosters", "Boosters"), ("quotes", "Quotations"),
                 ("flesch_reading_ease", "Reading ease"))


def _page() -> "Figure":
    from matplotlib.figure import Figure

    fig = Figure(figsize=S.PAGE, layout="constrained")
    fig.get_layout_engine().set(h_pad=0.02, w_pad=0.02, hspace=0.0, wspace=0.0)
    return fig


def _footer(fig: "Figure", page: int, total: int, title: str) -> None:
    y = BOTTOM * 0.55 / PAGE_H
    fig.text(MARGIN / PAGE_W, y, title, fontsize=S.SMALL_SIZE, color=S.GREY, ha="left")
    fig.text(1 - MARGIN / PAGE_W, y, f"{page} / {total}", fontsize=S.SMALL_SIZE, color=S.GREY,
             ha="right")


class _Writer:
    """Places text top-down on a page, in inches from the top."""

    def __init__(self, fig: "Figure"):
        self.fig = fig
        self.y = TOP

    def text(self, s: str, size: float = S.BASE_SIZE - 1, dy: float = LINE, x: float = 0.0,
             **kw) -> None:
        self.fig.text((MARGIN + x) / PAGE_W, 1 - self.y / PAGE_H, s, fontsize=size, va="top",
                      ha="left", color=kw.pop("color", S.INK), **kw)
        self.y += dy

    def para(self, s: str, width: int = WRAP, size: float = S.BASE_SIZE - 1, indent: float = 0.0,
             bullet: str = "", **kw) -> None:
        lines = textwrap.wrap(s, width=width - (3 if bullet else 0), break_long_words=False) or [""]
        for i, line in enumerate(lines):
            if bullet and i == 0:
                self.text(bullet, size=size, dy=0, x=indent, **dict(kw))
            self.text(line, size=size, x=indent + (0.16 if bullet else 0), **dict(kw))

    def left(self) -> float:
        return PAGE_H - BOTTOM - self.y


def _ci(d: dict) -> str:
    if not d or d.get("mean") is None:
        return "–"
    return f"{d['mean']:.1f} [{d['ci_low']:.1f}–{d['ci_high']:.1f}]"


def _summary_page(fig: "Figure", result: dict) -> None:
    w = _Writer(fig)
    c = result["corpus"]
    w.text("Comparing outlets", size=S.TITLE_SIZE + 6, dy=0.4, fontweight="bold")
    if result.get("title"):  # framing compare --title: what this corpus is
        w.para(result["title"][:400], width=WRAP - 22, size=S.BASE_SIZE + 0.5,
               color=S.VERMILLION, fontweight="bold")
        w.y += 0.06
    w.text(f"{c['articles']:,} articles from {c['outlets']} outlets, {c['words']:,} words; "
           f"{c['shared_stories']} stories covered by two or more outlets.   framing "
           f"{result['version']}", size=S.BASE_SIZE - 0.5, color=S.DARK_GREY, dy=0.38)

    # table: outlet × metric, mean [95 % CI]
    w.text("Per outlet: mean per 1,000 words [bootstrap 95% CI]; reading ease in Flesch points",
           size=S.BASE_SIZE, fontweight="bold", dy=0.26)
    cols = [0.0, 1.8, 2.35, 3.3, 4.25, 5.2, 6.15]
    heads = ["Outlet", "Articles"] + [h for _, h in TABLE_METRICS]
    for x, h in zip(cols, heads):
        w.text(h, size=S.SMALL_SIZE, x=x, dy=0, color=S.DARK_GREY, fontweight="bold")
    w.y += 0.2
    fig.add_artist(_rule(w.y - 0.05))
    outlets = result["outlets"][:18]
    for o in outlets:
        w.text(CF.short(o["name"], 30), size=S.SMALL_SIZE, dy=0)
        w.text(f"{o['articles']:,}", size=S.SMALL_SIZE, x=cols[1], dy=0)
        for x, (key, _) in zip(cols[2:], TABLE_METRICS):
            w.text(_ci(o["metrics"][key]), size=S.SMALL_SIZE, x=x, dy=0)
        w.y += 0.175
    if len(result["outlets"]) > len(outlets):
        w.text(f"… and {len(result['outlets']) - len(outlets)} more outlets (see comparison.csv)",
               size=S.SMALL_SIZE, color=S.GREY)
    fig.add_artist(_rule(w.y + 0.02))
    w.y += 0.3

    w.text("Key findings", size=S.BASE_SIZE + 1, fontweight="bold", dy=0.26)
    for s in result["findings"]:
        if w.left() < 1.6:
            w.text("… more in the list of tests at the end.", color=S.GREY)
            break
        w.para(s, bullet="•")
        w.y += 0.05
    w.y += 0.2
    w.text("How to read this", size=S.BASE_SIZE, fontweight="bold", dy=0.22)
    st = result["settings"]
    corr = "Holm" if st["correction"] == "holm" else "Benjamini–Hochberg"
    notes = (f"Rates are computed per article, then summarised per outlet (mean, median and a "
             f"percentile bootstrap 95% CI of the mean, {st['bootstrap_resamples']:,} resamples). "
             f"Differences between two outlets are tested with a two-sided permutation test on "
             f"the difference in means (exact for small groups, else {st['permutations']:,} "
             f"permutations); the effect size is the rank-biserial correlation r from the "
             f"Mann–Whitney U statistic (|r| = 1: every article of one outlet above every article "
             f"of the other). p-values are {corr}-corrected over all tests. Stories covered by "
             f"two outlets are compared pairwise with a sign-flip test. All random steps use "
             f"seed {st['seed']}, so the numbers are reproducible. Counts come from automatic "
             f"analyzers: see the README for their measured accuracy.")
    w.para(notes, size=S.SMALL_SIZE, color=S.DARK_GREY, width=WRAP + 14)


def _rule(y_in: float):
    from matplotlib.lines import Line2D

    y = 1 - y_in / PAGE_H
    return Line2D([MARGIN / PAGE_W, 1 - MARGIN / PAGE_W], [y, y], lw=0.6, color=S.LIGHT_GREY)


def _chart_pages(result: dict, values: dict | None) -> list[Callable[["Figure"], None]]:
    """Greedily pack the charts with data two to a page where they fit."""
    skip = CF.available(result)
    charts = [(name, spec) for name, spec in CF._catalogue(result).items() if not skip[name]]
    pages: list[list] = []
    used = BODY_H
    for name, (draw, (wi, hi), wants) in charts:
        hi = min(hi, BODY_H)
        if used + hi + 0.25 > BODY_H:
            pages.append([])
            used = 0.0
        pages[-1].append((draw, wi, hi, wants))
        used += hi + 0.25

    def make(page_charts: list) -> Callable[["Figure"], None]:
        def draw_page(fig: "Figure") -> None:
            heights = [TOP] + [h for _, _, h, _ in page_charts]
            spare = PAGE_H - sum(heights) - BOTTOM
            gaps = 0.25
            ratios = [TOP]
            for _, _, h, _ in page_charts:
                ratios += [h, gaps]
            ratios[-1] = max(0.01, spare - gaps * (len(page_charts) - 1) + gaps + BOTTOM)
            rows = fig.subfigures(len(ratios), 1, height_ratios=ratios)
            for k, (draw, wi, hi, wants) in enumerate(page_charts):
                row = rows[1 + 2 * k]
                side = max(0.01, (PAGE_W - wi) / 2)
                _, mid, _ = row.subfigures(1, 3, width_ratios=[side, min(wi, PAGE_W - 0.4), side])
                if wants:
                    draw(mid, result, values)
                else:
                    draw(mid, result)
        return draw_page

    return [make(p) for p in pages]


def _tests_pages(result: dict) -> list[Callable[["Figure"], None]]:
    """Every test's statement, paginated."""
    blocks: list[tuple[str, str]] = []
    if result["tests"]:
        blocks.append(("head", "All tests between outlets"))
        for t in sorted(result["tests"], key=lambda t: (not t["significant"], t["p_adjusted"])):
            blocks.append(("item", ("✓ " if t["significant"] else "   ") + t["statement"]))
    if result["paired"]["tests"]:
        blocks.append(("head", "Paired tests on shared stories"))
        for t in sorted(result["paired"]["tests"],
                        key=lambda t: (not t["significant"], t["p_adjusted"])):
            blocks.append(("item", ("✓ " if t["significant"] else "   ") + t["statement"]))
    if not blocks:
        return []
    pages: list[list] = [[]]
    used = 0.0
    for kind, s in blocks:
        h = 0.34 if kind == "head" else LINE * len(textwrap.wrap(s, WRAP)) + 0.06
        if used + h > BODY_H - 0.4:
            pages.append([])
            used = 0.0
        pages[-1].append((kind, s))
        used += h

    def make(items: list, first: bool) -> Callable[["Figure"], None]:
        def draw_page(fig: "Figure") -> None:
            w = _Writer(fig)
            if first:
                w.text("✓ = significant at α = %g after correction." % result["settings"]["alpha"],
                       size=S.SMALL_SIZE, color=S.DARK_GREY, dy=0.25)
            for kind, s in items:
                if kind == "head":
                    w.y += 0.08
                    w.text(s, size=S.BASE_SIZE + 1, fontweight="bold", dy=0.26)
                else:
                    w.para(s, size=S.BASE_SIZE - 1.5)
                    w.y += 0.06
        return draw_page

    return [make(p, i == 0) for i, p in enumerate(pages)]


def write_pdf(result: dict, path: str | Path, values: dict | None = None) -> Path:
    """Write the multi-page comparison.pdf; returns its path."""
    from matplotlib.backends.backend_pdf import PdfPages

    from .settle import settle_layout

    path = Path(path)
    pages = [lambda fig: _summary_page(fig, result)] + _chart_pages(result, values) + \
        _tests_pages(result)
    title = (f"framing compare — {result['corpus']['articles']:,} articles, "
             f"{result['corpus']['outlets']} outlets")
    buf = io.BytesIO()  # written whole, then moved into place: never half a file
    with S.context():
        with PdfPages(buf, metadata=S.save_metadata("pdf")) as pdf:
            for i, draw in enumerate(pages, 1):
                fig = _page()
                draw(fig)
                _footer(fig, i, len(pages), title)
                settle_layout(fig)  # the same bytes every run (kiwisolver's last bits vary)
                pdf.savefig(fig)
    return atomic_write(path, buf.getvalue())
