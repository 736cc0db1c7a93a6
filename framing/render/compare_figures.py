"""Figures of an outlet comparison (the dict from :mod:`framing.compare.comparer`).

Each ``draw_*`` function draws one chart into a matplotlib Figure or
SubFigure (so the multi-page PDF can reuse it); :func:`figures` returns the
standalone figures and :func:`write_figures` saves them as PNG and PDF.
Outlets keep one colour *and* one marker shape throughout (Okabe–Ito
palette, so colour is never the only cue). Charts without data still render,
with a note saying so.

matplotlib is imported inside the functions only (never at CLI start-up);
files are saved with the shared style's metadata so the same comparison gives
byte-identical files.
"""
from __future__ import annotations

import io
import math
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from . import style as S

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, SubFigure

OUTLET_COLOURS = (S.BLUE, S.VERMILLION, S.BLUISH_GREEN, S.ORANGE, S.REDDISH_PURPLE, S.SKY_BLUE,
                  S.BLACK, "#B8A200")  # last: a darkened Okabe–Ito yellow, legible on white
MARKERS = ("o", "s", "D", "^", "v", "P", "X", "h")
RATES = ("rhetorical_questions", "hedges", "boosters", "quotes")
READABILITY = ("flesch_reading_ease", "words_per_sentence")
MAX_OUTLETS = 12
MAX_STORY_ROWS = 24
NOTE = dict(ha="center", va="center", color=S.GREY, style="italic", fontsize=S.BASE_SIZE)


# -- helpers -------------------------------------------------------------------------
def outlet_style(result: dict, name: str) -> tuple[str, str]:
    """(colour, marker) of an outlet, fixed by its rank in the comparison."""
    names = [o["name"] for o in result["outlets"]]
    i = names.index(name) if name in names else len(names)
    if i < len(OUTLET_COLOURS):
        return OUTLET_COLOURS[i], MARKERS[i % len(MARKERS)]
    return S.GREY, MARKERS[i % len(MARKERS)]


def short(label: str, n: int = 24) -> str:
    return label if len(label) <= n else label[: n - 1].rstrip() + "…"


def _metric(result: dict, key: str) -> dict:
    return next(m for m in result["metrics"] if m["key"] == key)


def _shown_outlets(result: dict) -> list[dict]:
    return result["outlets"][:MAX_OUTLETS]


def _note(ax: "Axes", message: str) -> None:
    ax.text(0.5, 0.5, message, transform=ax.transAxes, **NOTE)
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)


def _jitter(i: int, width: float = 0.28) -> float:
    """Deterministic spread in [-width, width] (golden-ratio sequence)."""
    return ((i * 0.6180339887) % 1.0 - 0.5) * 2 * width


def width_of(fig: "Figure | SubFigure") -> float:
    """Width of a figure or subfigure in inches."""
    dpi = fig.figure.dpi if fig.figure is not None and fig.figure is not fig else fig.dpi
    return fig.bbox.width / dpi


def wrap(text: str, width_in: float, size: float = S.BASE_SIZE, weight: str = "normal") -> str:
    """``text`` broken at spaces into lines no wider than ``width_in`` inches
    at ``size`` points (DejaVu advances, :func:`framing.render.style.text_width`);
    a single word wider than that keeps its own line."""
    limit = max(width_in, 0.3) * 72
    out = []
    for para in text.split("\n"):
        line = ""
        for word in para.split(" "):
            cand = f"{line} {word}" if line else word
            if line and S.text_width(cand, size, weight) > limit:
                out.append(line)
                line = word
            else:
                line = cand
        out.append(line)
    return "\n".join(out)


def new_figure(width: float, height: float) -> "Figure":
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), layout="constrained")
    fig.get_layout_engine().set(h_pad=0.08, w_pad=0.08, hspace=0.06, wspace=0.04)
    return fig


def _frame(fig: "Figure | SubFigure", title: str, subtitle: str = "",
           legend: Sequence | None = None, ncols: int = 3) -> "SubFigure":
    """Split ``fig`` into a header (bold title, grey subtitle, legend row, all
    left-aligned, fixed height in inches) and the body the chart is drawn in."""
    dpi = fig.figure.dpi if fig.figure is not None and fig.figure is not fig else fig.dpi
    total = fig.bbox.height / dpi
    title = wrap(title, width_of(fig) - 0.15, S.TITLE_SIZE + 1, "bold")  # long titles wrap
    subtitle = wrap(subtitle, width_of(fig) - 0.15, S.SMALL_SIZE + 0.5) if subtitle else ""
    rows = [(0.34 + 0.19 * title.count("\n"), "title")] + ([(0.05 + 0.16 * (subtitle.count("\n") + 1), "subtitle")]
                                 if subtitle else []) + (
        [(0.3, "legend")] if legend else [])
    hdr = sum(h for h, _ in rows) + 0.06
    head, body = fig.subfigures(2, 1, height_ratios=[hdr, max(total - hdr, 0.5)])
    y = hdr - 0.06
    for h, kind in rows:
        top = y / hdr
        if kind == "title":
            head.text(0.012, top, title, ha="left", va="top", fontsize=S.TITLE_SIZE + 1,
                      fontweight="bold", color=S.INK)
        elif kind == "subtitle":
            head.text(0.012, top, subtitle, ha="left", va="top", fontsize=S.SMALL_SIZE + 0.5,
                      color=S.DARK_GREY)
        else:
            head.legend(handles=list(legend), loc="upper left", bbox_to_anchor=(0.0, top),
                        ncols=ncols, fontsize=S.SMALL_SIZE + 0.5, frameon=False,
                        borderaxespad=0.0, borderpad=0.0, handletextpad=0.5, columnspacing=1.6)
        y -= h
    return body


# -- distributions per outlet ------------------------------------------------------------
def draw_distribution(ax: "Axes", result: dict, key: str, values: dict[str, list[float]] | None,
                      *, show_labels: bool = True) -> None:
    """One metric: per outlet, each article as a faint dot, the mean as a
    large marker with its bootstrap 95 % CI as a bar, the median as a tick."""
    m = _metric(result, key)
    outlets = _shown_outlets(result)
    ys = list(range(len(outlets)))[::-1]
    any_data = False
    for y, o in zip(ys, outlets):
        d = o["metrics"][key]
        colour, marker = outlet_style(result, o["name"])
        if values and values.get(o["name"]):
            xs = values[o["name"]]
            ax.scatter(xs, [y + _jitter(i) for i in range(len(xs))], s=8, color=colour,
                       marker=marker, alpha=0.28 if len(xs) > 30 else 0.45, linewidths=0,
                       zorder=2)
        if d["n"] == 0 or d["mean"] is None:
            ax.text(0, y, "  no data", va="center", fontsize=S.SMALL_SIZE, color=S.GREY)
            continue
        any_data = True
        ax.plot([d["ci_low"], d["ci_high"]], [y, y], color=colour, lw=3.2,
                solid_capstyle="butt", zorder=3)
        ax.scatter([d["mean"]], [y], s=46, marker=marker, color=colour, edgecolor="white",
                   linewidths=0.9, zorder=4)
        ax.plot([d["median"], d["median"]], [y - 0.3, y + 0.3], color=S.INK, lw=1.0, zorder=4)
    ax.set_yticks(ys)
    if show_labels:  # shared y axes: the other panels hide their labels themselves
        ax.set_yticklabels([short(o["name"]) for o in outlets])
    ax.set_ylim(-0.7, len(outlets) - 0.3)
    panel = ax.bbox.width / ax.figure.dpi  # inches (before layout: the grid's share)
    ax.set_title(wrap(m["label"][:1].upper() + m["label"][1:], max(panel, 1.6), S.BASE_SIZE + 0.5,
                      "bold"), fontsize=S.BASE_SIZE + 0.5)
    ax.set_xlabel(m["unit"], fontsize=S.SMALL_SIZE + 0.5, color=S.DARK_GREY)
    ax.grid(axis="x")
    if m["kind"] == "rate" or key == "words_per_sentence":
        hi = ax.get_xlim()[1]
        ax.set_xlim(-0.025 * hi, hi)
    if not any_data:
        _note(ax, "no data")


def _legend_keys() -> list:
    from matplotlib.lines import Line2D

    return [Line2D([], [], marker="o", ls="", color=S.GREY, alpha=0.5, markersize=3.5,
                   label="one article"),
            Line2D([], [], marker="o", ls="-", lw=3, color=S.DARK_GREY, markersize=6,
                   markeredgecolor="white", label="mean with bootstrap 95% CI"),
            Line2D([], [], marker="|", ls="", color=S.INK, markersize=9, markeredgewidth=1.2,
                   label="median")]


def draw_rates(fig: "Figure | SubFigure", result: dict, values: dict | None = None) -> None:
    keys = [k for k in RATES if any(o["metrics"][k]["n"] for o in result["outlets"])] or list(RATES)
    cols = 2 if len(keys) > 1 else 1
    rows = math.ceil(len(keys) / cols)
    fig = _frame(fig, "Framing devices per 1,000 words, by outlet", legend=_legend_keys())
    axes = fig.subplots(rows, cols, squeeze=False, sharey=True)
    for i, key in enumerate(keys):
        ax = axes[i // cols][i % cols]
        draw_distribution(ax, result, key, (values or {}).get(key), show_labels=i % cols == 0)
    for j in range(len(keys), rows * cols):
        axes[j // cols][j % cols].set_visible(False)


def draw_readability(fig: "Figure | SubFigure", result: dict, values: dict | None = None) -> None:
    fig = _frame(fig, "Readability, by outlet",
                 "Flesch reading ease: higher is easier (60–70 ≈ plain English).",
                 legend=_legend_keys())
    axes = fig.subplots(1, len(READABILITY), squeeze=False, sharey=True)[0]
    for i, key in enumerate(READABILITY):
        draw_distribution(axes[i], result, key, (values or {}).get(key), show_labels=i == 0)


# -- quoted voices ---------------------------------------------------------------------
def draw_quotes(fig: "Figure | SubFigure", result: dict) -> None:
    """Stacked 100 % bars: who is quoted (speaker type) and how (cue-verb
    category), per outlet, with the number of quotations."""
    from matplotlib.patches import Patch

    outlets = _shown_outlets(result)
    groups = [("by_speaker_type", "Who: speaker type"),
              ("by_cue_category", "How: cue-verb category")]
    if not any(result["quotes"].get(o["name"], {}).get("by_cue_category") for o in outlets):
        groups[1] = ("by_kind", "Kind of quotation")
    fig = _frame(fig, "Quoted voices, by outlet",
                 "Share of each outlet's quotations by who is quoted and the verb that "
                 "introduces them; n = quotations.")
    axes = fig.subplots(1, 2, squeeze=False, sharey=True)[0]
    palette = (S.BLUE, S.ORANGE, S.BLUISH_GREEN, S.VERMILLION, S.REDDISH_PURPLE, S.SKY_BLUE,
               "#B8A200", S.DARK_GREY)
    hatches = ("", "////", "", "....", "", "xxxx", "", "\\\\\\\\")
    ys = list(range(len(outlets)))[::-1]
    for ax, (group, title) in zip(axes, groups):
        totals: dict[str, int] = {}
        for o in outlets:
            for k, v in result["quotes"].get(o["name"], {}).get(group, {}).items():
                totals[k] = totals.get(k, 0) + v["n"]
        cats = sorted(totals, key=lambda k: (-totals[k], k))
        if len(cats) > 7:
            cats = cats[:6] + ["other"]
        if not cats:
            _note(ax, "no quotations found")
            ax.set_title(title, fontsize=S.BASE_SIZE + 0.5)
            continue
        for y, o in zip(ys, outlets):
            shares = result["quotes"].get(o["name"], {}).get(group, {})
            left = 0.0
            for ci, cat in enumerate(cats):
                if cat == "other":
                    w = sum(v["share"] for k, v in shares.items() if k not in cats)
                else:
                    w = shares.get(cat, {}).get("share", 0.0)
                if w <= 0:
                    continue
                ax.barh(y, w, left=left, height=0.62, color=palette[ci % len(palette)],
                        hatch=hatches[ci % len(hatches)], edgecolor="white", linewidth=0.6)
                if w >= 0.09:
                    hatched = bool(hatches[ci % len(hatches)])
                    ax.text(left + w / 2, y, f"{100 * w:.0f}%", ha="center", va="center",
                            fontsize=S.SMALL_SIZE - 0.5,
                            color=S.INK if hatched or ci % len(palette) not in (0, 3, 4, 7)
                            else "white",
                            bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none",
                                      alpha=0.9) if hatched else None)
                left += w
            total = result["quotes"].get(o["name"], {}).get("total", 0)
            ax.text(1.01, y, f"n={total}", va="center", fontsize=S.SMALL_SIZE, color=S.DARK_GREY)
        ax.set_xlim(0, 1)
        ax.set_xticks([0, 0.25, 0.5, 0.75, 1])
        ax.set_xticklabels(["0", "25%", "50%", "75%", "100%"])
        ax.set_title(title, fontsize=S.BASE_SIZE + 0.5)
        ax.legend(handles=[Patch(facecolor=palette[i % len(palette)], hatch=hatches[i % len(hatches)],
                                 edgecolor="white", label=c.replace("_", " ")) for i, c in enumerate(cats)],
                  loc="upper left", bbox_to_anchor=(0, -0.1), ncols=2, fontsize=S.SMALL_SIZE,
                  frameon=False, handlelength=1.2)
    axes[0].set_yticks(ys)
    axes[0].set_yticklabels([short(o["name"]) for o in outlets])


# -- actors --------------------------------------------------------------------------
def draw_actors(fig: "Figure | SubFigure", result: dict, max_actors: int = 14) -> None:
    """Outlet × actor heatmap of mean sentiment (−1…1), each cell labelled
    with the score and n articles; blank where an outlet never names the actor.
    The actors file's sides (its ``group`` field) come first, in bold, left
    of a rule: each pools the mentions of all the side's actors."""
    import numpy as np
    from matplotlib.colors import LinearSegmentedColormap

    a = result["actors"]
    groups = list(a.get("groups") or [])[:max_actors]
    # bold labels are wider: two fewer columns when sides are shown
    actors = a["actors"][:max(max_actors - len(groups) - (2 if groups else 0), 0)]
    fig = _frame(fig, "Sentiment toward actors, by outlet",
                 "Mean article-level sentiment (−1 negative … +1 positive); n = articles naming "
                 "the actor" + ("; bold columns: the sides of the actors file, all their "
                                "actors' mentions pooled." if groups else "."))
    ax = fig.subplots()
    outlets = _shown_outlets(result)
    if not actors and not groups:
        _note(ax, "no actor sentiment in these reports")
        return
    cells = {(c["outlet"], ("actor", c["actor"])): c for c in a["cells"]}
    cells.update({(c["outlet"], ("side", c["group"])): c for c in a.get("group_cells", [])})
    columns = [("side", g) for g in groups] + [("actor", x) for x in actors]
    grid = np.full((len(outlets), len(columns)), np.nan)
    for i, o in enumerate(outlets):
        for j, col in enumerate(columns):
            c = cells.get((o["name"], col))
            if c:
                grid[i, j] = c["mean_score"]
    cmap = LinearSegmentedColormap.from_list("framing_sentiment",
                                             [S.VERMILLION, "#F7F7F7", S.BLUE]
                                             ).with_extremes(bad=S.LIGHT_GREY)
    im = ax.imshow(np.ma.masked_invalid(grid), cmap=cmap, vmin=-1, vmax=1, aspect="auto")
    for i, o in enumerate(outlets):
        for j, col in enumerate(columns):
            c = cells.get((o["name"], col))
            if c:
                v = c["mean_score"]
                ax.text(j, i, f"{v:+.2f}\nn={c['articles']}", ha="center", va="center",
                        fontsize=S.SMALL_SIZE - 1, color="white" if abs(v) > 0.55 else S.INK,
                        fontweight="bold" if col[0] == "side" else "normal")
            else:
                ax.text(j, i, "–", ha="center", va="center", fontsize=S.SMALL_SIZE, color=S.GREY)
    if groups and actors:
        ax.axvline(len(groups) - 0.5, color=S.INK, linewidth=1.6)
    ax.set_xticks(range(len(columns)))
    ax.set_xticklabels([("side: " + short(name, 16)) if kind == "side" else short(name, 20)
                        for kind, name in columns], rotation=35, ha="right")
    for label, (kind, _) in zip(ax.get_xticklabels(), columns):
        if kind == "side":
            label.set_fontweight("bold")
    ax.set_yticks(range(len(outlets)))
    ax.set_yticklabels([short(o["name"]) for o in outlets])
    ax.tick_params(length=0)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    bar = fig.colorbar(im, ax=ax, shrink=0.8, pad=0.02, aspect=25)
    bar.set_label("mean sentiment", fontsize=S.SMALL_SIZE)
    bar.ax.tick_params(labelsize=S.SMALL_SIZE)
    bar.outline.set_visible(False)


# -- vocabulary ------------------------------------------------------------------------
def draw_vocabulary(fig: "Figure | SubFigure", result: dict, top: int = 12) -> None:
    """Per outlet, the words most typical of it against all the others
    (Fightin' Words z-scores); |z| > 1.96 marked by the dashed line."""
    vocab = result["vocabulary"].get("outlets", {})
    outlets = [o for o in _shown_outlets(result) if vocab.get(o["name"])]
    fig = _frame(fig, "Distinctive vocabulary, by outlet",
                 "Fightin' Words z-scores: log-odds ratio with an informative Dirichlet prior "
                 "(Monroe et al. 2008),\neach outlet vs all others; function words not shown; "
                 "dashed line: z = 1.96.")
    if not outlets:
        _note(fig.subplots(), "no word counts")
        return
    cols = min(4, len(outlets))
    rows = math.ceil(len(outlets) / cols)
    axes = fig.subplots(rows, cols, squeeze=False)
    for i, o in enumerate(outlets):
        ax = axes[i // cols][i % cols]
        terms = vocab[o["name"]][:top][::-1]
        colour, _ = outlet_style(result, o["name"])
        ys = range(len(terms))
        ax.barh(list(ys), [t["z"] for t in terms], color=colour, height=0.7, alpha=0.9)
        ax.set_yticks(list(ys))
        ax.set_yticklabels([short(t["term"], 16) for t in terms], fontsize=S.SMALL_SIZE + 0.5)
        ax.axvline(1.96, color=S.DARK_GREY, lw=0.7, ls=(0, (3, 2)))
        # each panel its own scale: one outlet's extreme word must not flatten the others
        ax.set_xlim(0, max([2.2] + [t["z"] for t in terms]) * 1.1)
        # wrapped: a long outlet name must not run into the next panel
        ax.set_title(textwrap.fill(short(o["name"], 40), 18), fontsize=S.BASE_SIZE, color=colour)
        ax.set_xlabel("z-score", fontsize=S.SMALL_SIZE, color=S.DARK_GREY)
        ax.grid(axis="x")
    for j in range(len(outlets), rows * cols):
        axes[j // cols][j % cols].set_visible(False)


def _outlet_handles(result: dict, names: list[str]) -> list:
    from matplotlib.lines import Line2D

    handles = []
    for n in names:
        colour, marker = outlet_style(result, n)
        handles.append(Line2D([], [], marker=marker, ls="", color=colour, markeredgecolor="white",
                              markersize=7, label=short(n, 28)))
    return handles


# -- assembling --------------------------------------------------------------------------
#: name → (draw function, size in inches, needs per-article values)
def _catalogue(result: dict) -> dict[str, tuple[Callable, tuple[float, float], bool]]:
    from . import compare_agency as CA
    from . import compare_stories as CS
    from . import compare_timeline as CT

    n = min(len(result["outlets"]), MAX_OUTLETS)
    row_h = 0.32 * n + 0.9
    stories = len(result["paired"]["per_story"])
    vocab_n = len(result["vocabulary"].get("outlets", {}))
    vocab_rows = max(1, math.ceil(min(vocab_n, MAX_OUTLETS) / 4))
    return {
        "rates": (draw_rates, (S.FIG_WIDTH, 2 * row_h + 1.1), True),
        "readability": (draw_readability, (S.FIG_WIDTH, row_h + 1.2), True),
        "quotes": (draw_quotes, (S.FIG_WIDTH, row_h + 1.9), False),
        "actors": (draw_actors, (S.FIG_WIDTH, 0.42 * n + 2.3), False),
        "vocabulary": (draw_vocabulary, (S.FIG_WIDTH + 0.6, 2.9 * vocab_rows + 0.8), False),
        "agency": (CA.draw_agency, (S.FIG_WIDTH, 2 * row_h + 1.5), True),
        "sources": (CA.draw_sources, (S.FIG_WIDTH, row_h + 2.0), False),
        "asymmetry": (CA.draw_asymmetry, (S.FIG_WIDTH, CA.asymmetry_height(result)), False),
        "timeline": (CT.draw_timeline, (S.FIG_WIDTH, CT.height(result)), False),
        "stories": (CS.draw_stories, (S.FIG_WIDTH, CS.height(result)), False),
        "story_values": (CS.draw_story_values,
                         (S.FIG_WIDTH, 0.27 * min(stories, MAX_STORY_ROWS) + 1.9), False),
    }


def available(result: dict) -> dict[str, str | None]:
    """Chart name → None when it has data to show, else the reason it has not."""
    from . import compare_agency as CA
    from . import compare_timeline as CT

    q = result["quotes"]
    stories = len(result["paired"]["per_story"])
    return {
        "rates": None,
        "readability": None,
        "quotes": None if any(v.get("total") for v in q.values()) else "no quotations found",
        "actors": None if result["actors"]["actors"] or result["actors"].get("groups") else
        "no actor sentiment in these reports",
        "vocabulary": None if result["vocabulary"].get("outlets") else "no word counts",
        "agency": None if CA.has_agency(result) else "no agency section in these reports",
        "sources": None if CA.has_sources(result) else "no typed sources in these reports",
        "asymmetry": None if CA.has_asymmetry(result) else
        "no side with enough cue-verbed quotes",
        "timeline": None if CT.has_timeline(result) else
        (result.get("timeline") or {}).get("note") or "no dated articles",
        "stories": None if result["paired"]["tests"] else
        "no story covered by two outlets (give articles a story id)",
        "story_values": None if 0 < stories <= MAX_STORY_ROWS else
        "no shared stories, or too many to list one by one",
    }


def figures(result: dict, values: dict | None = None) -> dict[str, "Figure"]:
    """Every comparison chart that has data, as a standalone Figure, by name.
    ``values`` maps metric → outlet → article values (for the dots; optional)."""
    out = {}
    skip = available(result)
    with S.context():
        for name, (draw, size, wants_values) in _catalogue(result).items():
            if skip[name]:
                continue
            fig = new_figure(*size)
            if wants_values:
                draw(fig, result, values)
            else:
                draw(fig, result)
            out[name] = fig
    return out


def figure_bytes(fig: "Figure", fmt: str = "png") -> bytes:
    buf = io.BytesIO()
    with S.context():
        fig.savefig(buf, format=fmt, metadata=S.save_metadata(fmt), dpi=S.DPI)
    return buf.getvalue()


def write_figures(result: dict, folder: str | Path, values: dict | None = None,
                  formats: Sequence[str] = ("png", "pdf")) -> list[Path]:
    """Save every chart as ``<folder>/<name>.<fmt>``; returns the paths."""
    from .outdir import atomic_write

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, fig in figures(result, values).items():
        for fmt in formats:
            path = folder / f"{name}.{fmt}"
            atomic_write(path, figure_bytes(fig, fmt))
            paths.append(path)
    return paths
