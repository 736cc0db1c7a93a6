"""Charts of one article's framing devices (matplotlib, no display needed).

Each ``*_figure`` function takes an :class:`~framing.report.ArticleReport`
and returns a :class:`matplotlib.figure.Figure`; each ``draw_*`` function
draws the same chart into a given Axes (the PDF report reuses them). A chart
with nothing to show still renders, with a "none found" note instead of an
empty axis.

matplotlib is imported inside the functions only, so ``import framing`` and
the CLI start-up never pay for it. Figures are built with
:class:`matplotlib.figure.Figure` directly (no pyplot, no global state) and
saved through :func:`figure_bytes`, which strips dates and versions from the
file metadata so the same report gives byte-identical PNG, SVG and PDF.
"""
from __future__ import annotations

import io
from contextlib import nullcontext
from typing import TYPE_CHECKING, Callable, Optional, Sequence

from ..report import ArticleReport
from . import style as S
from .baseline import (METRICS, RATE_METRICS, Baseline, actor_interval, actor_score,
                       article_metrics, voice_shares)

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

RATE_COLOURS = {
    "questions_per_1k": S.DEVICE["question"],
    "rhetorical_per_1k": S.DEVICE["rhetorical"],
    "hedges_per_1k": S.DEVICE["hedge"],
    "boosters_per_1k": S.DEVICE["booster"],
}
INDIRECT = "#B3E2D3"  # bluish green, light: reported (indirect) speech
MAX_VOICES = 12
MAX_ACTORS = 15
MAX_ACTOR_ROWS = 6  # position strip
NONE_FOUND_KW = dict(ha="center", va="center", color=S.GREY, style="italic", fontsize=S.BASE_SIZE)


# -- helpers ---------------------------------------------------------------------------
HEAD = 60.0   # pt above the plot: title, subtitle, legend
HEAD_BARE = 30.0  # title only ("none found" charts)
FOOT = 40.0   # pt below: tick labels and axis label


#: actor-mention markers: shape as well as colour, so greyscale prints keep them apart
MENTION_MARKERS = {"negative": "v", "neutral": "o", "positive": "^"}

def no_ligatures(fig) -> None:
    """Turn off ligatures in every text of ``fig`` ("ffi" stays three
    letters): copy-paste from PDF/SVG gives the exact words, and a PDF needs
    one font subset per face instead of two."""
    from matplotlib.text import Text

    for t in fig.findobj(Text):
        if hasattr(t, "set_fontfeatures"):  # matplotlib >= 3.11
            t.set_fontfeatures(("-liga", "-clig"))


def place(ax: "Axes", *, head: float = HEAD, foot: float = FOOT, right: float = 12.0,
          left: float = 8.0) -> None:
    """Put the plot area ``head`` pt below the figure top, ``foot`` pt above
    its bottom, ``right`` pt from its right edge, and just right of the
    longest y tick label (measured, so every chart's labels fit and charts of
    one size line up)."""
    fig = ax.get_figure()
    w, h = fig.get_size_inches() * 72
    labels = [t for t in ax.get_yticklabels() if t.get_text()]
    lab = max((S.text_width(t.get_text(), t.get_fontsize(),
                            "bold" if t.get_fontweight() in ("bold", 700) else "normal")
               for t in labels), default=0.0)
    x0 = left + (lab + 9.0 if labels else 0.0)
    ax.set_position((x0 / w, foot / h, (w - x0 - right) / w, (h - head - foot) / h))


def _figure(rows: float, row_h: float, draw: Callable[["Axes"], None], *, head: float = HEAD,
            foot: float = FOOT, right: float = 12.0) -> "Figure":
    """A standalone figure whose height fits ``rows`` rows of ``row_h`` pt."""
    from matplotlib.figure import Figure

    with S.context():
        fig = Figure(figsize=(S.FIG_WIDTH, (head + rows * row_h + foot) / 72))
        ax = fig.add_axes((0.2, 0.2, 0.6, 0.6))
        draw(ax)
        place(ax, head=head, foot=foot, right=right)
        no_ligatures(fig)
    return fig


def _titles(ax: "Axes", title: str, subtitle: str = "", handles: Sequence = (),
            ncols: int | None = None) -> None:
    """Stacked above the plot, left-aligned: a bold title, a grey subtitle
    line, then the legend (``handles``) on its own row."""
    legend_h = 15 if handles else 0
    sub_h = S.SMALL_SIZE + 8 if subtitle else 0
    ax.set_title(title, pad=6 + legend_h + sub_h)
    if subtitle:
        ax.annotate(subtitle, xy=(0, 1), xycoords="axes fraction", xytext=(0, 5 + legend_h),
                    textcoords="offset points", ha="left", va="bottom",
                    fontsize=S.SMALL_SIZE + 0.5, color=S.DARK_GREY, annotation_clip=False)
    if handles:
        ax.legend(handles=list(handles), loc="lower left", bbox_to_anchor=(0, 1.0),
                  ncols=ncols or len(handles), handlelength=1.3, handletextpad=0.5,
                  columnspacing=1.3, borderaxespad=0.25, borderpad=0.0,
                  fontsize=S.SMALL_SIZE + 0.5)


def _none_found(ax: "Axes", message: str) -> None:
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ("left", "bottom", "top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.add_patch(_rounded_box(ax))
    ax.text(0.5, 0.5, message, transform=ax.transAxes, **NONE_FOUND_KW)


def _rounded_box(ax: "Axes"):
    from matplotlib.patches import FancyBboxPatch

    return FancyBboxPatch((0.02, 0.08), 0.96, 0.84, boxstyle="round,pad=0,rounding_size=0.03",
                          transform=ax.transAxes, facecolor="#F7F7F7", edgecolor=S.LIGHT_GREY,
                          linewidth=0.8)


def _shorten(label: str, n: int = 28) -> str:
    label = " ".join(label.split())
    return label if len(label) <= n else label[: n - 1].rstrip() + "…"


def _signed(x: Optional[float]) -> str:
    if x is None:
        return "–"
    return ("+" if x > 0 else "−" if x < 0 else "±") + f"{abs(x):.2f}"


def _fmt(x: Optional[float], digits: int = 1) -> str:
    return "–" if x is None else f"{x:,.{digits}f}"


# -- 1. rates against the baseline --------------------------------------------------------
def draw_rates(ax: "Axes", report: ArticleReport, baseline: Optional[Baseline] = None,
               metrics: Sequence[str] = RATE_METRICS, *, title: str | None = None) -> None:
    """Horizontal bars: this article's rate per 1,000 words for each metric,
    with the baseline's median (diamond) and spread (line) on top."""
    from matplotlib.lines import Line2D

    values = article_metrics(report)
    metrics = list(metrics)
    ys = list(range(len(metrics)))
    top = 1.0
    spread_label = None
    for y, key in zip(ys, metrics):
        v = values.get(key)
        colour = RATE_COLOURS.get(key, S.DARK_GREY)
        if v is not None:
            ax.barh(y, v, height=0.56, color=colour, edgecolor="none", zorder=2)
            top = max(top, v)
        st = baseline.get(key) if baseline is not None else None
        if st is not None and st.n:
            lo, hi, spread_label = st.range()
            ax.plot([lo, hi], [y, y], color=S.INK, lw=1.3, solid_capstyle="butt", zorder=3,
                    clip_on=False)
            ax.plot([lo, lo], [y - 0.13, y + 0.13], color=S.INK, lw=1.3, zorder=3, clip_on=False)
            ax.plot([hi, hi], [y - 0.13, y + 0.13], color=S.INK, lw=1.3, zorder=3, clip_on=False)
            ax.plot([st.median], [y], marker="D", ms=5.5, mfc="white", mec=S.INK, mew=1.3,
                    zorder=4, ls="none", clip_on=False)
            top = max(top, hi)
    pad = top * 0.03
    for y, key in zip(ys, metrics):
        v = values.get(key)
        st = baseline.get(key) if baseline is not None else None
        right = max(v or 0.0, st.range()[1] if st is not None and st.n else 0.0)
        if v is None:
            label = "no words"
        elif v == 0:
            label = "0 · none found"
        else:
            label = _fmt(v)
        ax.text(right + pad * 1.6, y, label, va="center", ha="left", fontsize=S.BASE_SIZE - 0.5,
                color=S.INK if v else S.GREY, style="normal" if v else "italic", zorder=5)
    ax.set_yticks(ys, [METRICS[k][0].capitalize() for k in metrics])
    ax.set_ylim(len(metrics) - 0.45, -0.55)
    ax.set_xlim(0, top * 1.28)
    ax.set_xlabel("per 1,000 words")
    ax.xaxis.grid(True)
    ax.spines["left"].set_visible(False)
    handles = []
    if baseline is not None and baseline.articles:
        handles = [Line2D([], [], marker="D", ms=5.5, mfc="white", mec=S.INK, mew=1.3, ls="none",
                          label="baseline median"),
                   Line2D([], [], color=S.INK, lw=1.3, label=f"baseline {spread_label or 'range'}")]
    sub = ("bars: this article" + (f" · baseline: {baseline.short_description}"
                                   if baseline is not None and baseline.articles
                                   else " · no baseline"))
    _titles(ax, title or "Devices per 1,000 words, against the baseline", sub, handles)


def rates_figure(report: ArticleReport, baseline: Optional[Baseline] = None,
                 metrics: Sequence[str] = RATE_METRICS) -> "Figure":
    return _figure(len(metrics), 30.0, lambda ax: draw_rates(ax, report, baseline, metrics))


# -- 2. voice share --------------------------------------------------------------------------
def draw_voice_share(ax: "Axes", report: ArticleReport, *, title: str | None = None) -> None:
    """Share of the article's words in each voice: the author's narration and
    each quoted speaker (direct and indirect speech stacked)."""
    from matplotlib.patches import Patch

    title = title or "Whose words? Share of the article by voice"
    words = report.stats.words
    if not words:
        _titles(ax, title)
        _none_found(ax, "No words in this article")
        return
    voices = voice_shares(report)
    if len(voices) > MAX_VOICES + 1:
        head, rest = voices[:MAX_VOICES], voices[MAX_VOICES:]
        other = type(rest[0])(f"{len(rest)} other voices", sum(v.direct for v in rest),
                              sum(v.indirect for v in rest), sum(v.quotes for v in rest))
        voices = [*head, other]
    ys = list(range(len(voices)))
    top = 0.0
    for y, v in zip(ys, voices):
        d, i = 100.0 * v.direct / words, 100.0 * v.indirect / words
        if v.is_author:
            ax.barh(y, d, height=0.6, color=S.DEVICE["author"], zorder=2)
        else:
            ax.barh(y, d, height=0.6, color=S.DEVICE["quote"], zorder=2)
            ax.barh(y, i, left=d, height=0.6, color=INDIRECT, edgecolor=S.DEVICE["quote"],
                    linewidth=0.8, zorder=2)
        top = max(top, d + i)
        label = f"{v.words:,} words · {100.0 * v.words / words:.1f} %"
        if not v.is_author and v.quotes:
            label += f" · {v.quotes} quote{'s' if v.quotes != 1 else ''}"
        ax.text(d + i + 1.2, y, label, va="center", ha="left", fontsize=S.SMALL_SIZE + 0.5,
                color=S.INK)
    labels = [_shorten(v.label) for v in voices]
    ax.set_yticks(ys, labels)
    for tick, v in zip(ax.get_yticklabels(), voices):
        if v.is_author:
            tick.set_fontweight("bold")
        elif not v.known or v.unnamed:
            tick.set_style("italic")
    ax.set_ylim(len(voices) - 0.4, -0.6)
    right = max(top, 5.0) * 1.42
    ax.set_xlim(0, right)
    step = 20 if top > 40 else 10 if top > 15 else 5 if top > 6 else 1
    ticks = [t for t in range(0, 101, step) if t <= right]
    ax.set_xticks(ticks)
    ax.spines["bottom"].set_bounds(0, ticks[-1])
    ax.set_xlabel("share of the article's words (%)")
    ax.xaxis.grid(True)
    ax.spines["left"].set_visible(False)
    handles = [Patch(color=S.DEVICE["author"], label="author"),
               Patch(color=S.DEVICE["quote"], label="direct or mixed quotes"),
               Patch(facecolor=INDIRECT, edgecolor=S.DEVICE["quote"], linewidth=0.8,
                     label="indirect (reported) speech")]
    n_speakers = sum(1 for v in voices if v.known and not v.is_author and not v.unnamed)
    n_unnamed = sum(1 for v in voices if v.unnamed)
    sub = f"{words:,} words · {n_speakers} named speaker{'s' if n_speakers != 1 else ''}"
    if n_unnamed:
        sub += f" · {n_unnamed} unnamed source{'s' if n_unnamed != 1 else ''} (italic)"
    if len(voices) == 1:
        sub = f"{words:,} words · No quotes found: every word is in the author's voice"
    _titles(ax, title, sub, handles)


def voice_share_figure(report: ArticleReport) -> "Figure":
    n = min(len(voice_shares(report)), MAX_VOICES + 1)
    if not report.stats.words:
        return _figure(3, 24.0, lambda ax: draw_voice_share(ax, report), head=HEAD_BARE, foot=12)
    return _figure(max(n, 2), 24.0, lambda ax: draw_voice_share(ax, report))


# -- 3. actor sentiment -------------------------------------------------------------------------
def _jitter(k: int) -> float:
    """Deterministic vertical spread for the k-th mention dot of a row."""
    pattern = (0.0, -0.16, 0.16, -0.08, 0.08, -0.22, 0.22, -0.04, 0.12, -0.12)
    return pattern[k % len(pattern)]


def draw_actor_sentiment(ax: "Axes", report: ArticleReport, *, title: str | None = None) -> None:
    """Diverging bars of each actor's sentiment score (−1 … +1) with a 95 %
    interval and one dot per mention."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    title = title or "Sentiment toward each actor"
    actors = [a for a in report.actors.items]
    if not actors:
        _titles(ax, title)
        _none_found(ax, "No actors found in this article")
        return
    actors = sorted(actors, key=lambda a: (-len(a.mentions), a.name))[:MAX_ACTORS]
    actors.sort(key=lambda a: (-(actor_score(a) if actor_score(a) is not None else -9), a.name))
    ys = list(range(len(actors)))
    ax.axvspan(-1.05, 0, color="#FBF1EA", zorder=0, lw=0)
    ax.axvspan(0, 1.05, color="#EAF2F8", zorder=0, lw=0)
    for y, a in zip(ys, actors):
        score = actor_score(a)
        label = a.label or ("positive" if (score or 0) > 0.05 else
                            "negative" if (score or 0) < -0.05 else "neutral")
        if score is not None:
            ax.barh(y, score, height=0.56, color=S.SENTIMENT.get(label, S.GREY), zorder=2)
        else:
            ax.text(0.03, y, "no score", va="center", ha="left", color=S.GREY, style="italic",
                    fontsize=S.SMALL_SIZE)
        iv = actor_interval(a)
        if iv is not None:
            ax.plot(list(iv), [y, y], color=S.INK, lw=1.2, zorder=4, solid_capstyle="butt")
            for x in iv:
                ax.plot([x, x], [y - 0.12, y + 0.12], color=S.INK, lw=1.2, zorder=4)
        pts = [(m.score, y + _jitter(k)) for k, m in enumerate(a.mentions) if m.score is not None]
        if pts:
            ax.scatter([p[0] for p in pts], [p[1] for p in pts], s=13, facecolor="white",
                       edgecolor=S.INK, linewidth=0.8, zorder=5)
        n = len(a.mentions)
        ax.annotate(f"{_signed(score)}  (n = {n})",
                    xy=(1, y), xycoords=("axes fraction", "data"), xytext=(6, 0),
                    textcoords="offset points", va="center", ha="left",
                    fontsize=S.SMALL_SIZE + 0.5, color=S.INK, annotation_clip=False)
    ax.axvline(0, color=S.DARK_GREY, lw=0.8, zorder=3)
    ax.set_yticks(ys, [_shorten(a.name, 24) for a in actors])
    ax.set_ylim(len(actors) - 0.4, -0.6)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xticks([-1, -0.5, 0, 0.5, 1], ["−1", "−0.5", "0", "+0.5", "+1"])
    ax.set_xlabel("sentiment score (−1 negative … +1 positive)")
    ax.spines["left"].set_visible(False)
    ax.xaxis.grid(True)
    handles = [Patch(color=S.SENTIMENT["negative"], label="negative"),
               Patch(color=S.SENTIMENT["neutral"], label="neutral"),
               Patch(color=S.SENTIMENT["positive"], label="positive"),
               Line2D([], [], color=S.INK, lw=1.2, label="95 % interval"),
               Line2D([], [], marker="o", ls="none", mfc="white", mec=S.INK, ms=4,
                      label="one mention")]
    more = len(report.actors.items) - len(actors)
    sub = "bars: score per actor, on the right with n = mentions"
    if more > 0:  # the least mentioned; kept short enough for a 24-character name column
        sub += f" · {more} more not shown"
    _titles(ax, title, sub, handles)


def actor_sentiment_figure(report: ArticleReport) -> "Figure":
    n = min(len(report.actors.items), MAX_ACTORS)
    if not n:
        return _figure(3, 24.0, lambda ax: draw_actor_sentiment(ax, report), head=HEAD_BARE,
                       foot=12)
    return _figure(max(n, 2), 26.0, lambda ax: draw_actor_sentiment(ax, report), right=72.0)


# -- 4. where the devices occur ---------------------------------------------------------------
def position_rows(report: ArticleReport) -> list[dict]:
    """Rows of the position strip: label, colour, kind ("tick"/"span") and
    ``events`` as (start, end) fractions of the article's characters."""
    n = max(report.stats.characters, 1)
    for items in (report.questions.items, report.hedging.items, report.quotes.items):
        for it in items:
            n = max(n, it.end)
    for a in report.actors.items:
        for m in a.mentions:
            n = max(n, m.end)
    pos = lambda it: (it.start / n, it.end / n)  # noqa: E731
    qs = report.questions.items
    rows = [
        dict(label="Rhetorical questions", colour=S.DEVICE["rhetorical"], kind="tick",
             events=[pos(q) for q in qs if q.rhetorical]),
        dict(label="Other questions", colour=S.DEVICE["question"], kind="tick",
             events=[pos(q) for q in qs if not q.rhetorical]),
        dict(label="Hedges", colour=S.DEVICE["hedge"], kind="tick",
             events=[pos(h) for h in report.hedging.items if h.kind == "hedge"]),
        dict(label="Boosters", colour=S.DEVICE["booster"], kind="tick",
             events=[pos(h) for h in report.hedging.items if h.kind == "booster"]),
        dict(label="Quotes", colour=S.DEVICE["quote"], kind="span",
             events=[pos(q) for q in report.quotes.items]),
    ]
    actors = sorted(report.actors.items, key=lambda a: (-len(a.mentions), a.name))
    if not actors:
        rows.append(dict(label="Actor mentions", colour=S.DEVICE["actor"], kind="tick",
                         events=[]))
    for a in actors[:MAX_ACTOR_ROWS]:
        rows.append(dict(label=_shorten(a.name, 22), colour=S.DEVICE["actor"], kind="mention",
                         events=[pos(m) for m in a.mentions],
                         labels=[m.label for m in a.mentions]))
    if len(actors) > MAX_ACTOR_ROWS:
        rest = actors[MAX_ACTOR_ROWS:]
        rows.append(dict(label=f"{len(rest)} other actors", colour=S.DEVICE["actor"],
                         kind="mention", events=[pos(m) for a in rest for m in a.mentions],
                         labels=[m.label for a in rest for m in a.mentions]))
    return rows


def draw_positions(ax: "Axes", report: ArticleReport, *, title: str | None = None) -> None:
    """One row per device: a tick (or, for quotes, a segment) where each
    occurrence sits in the article, from the first character (0 %) to the last
    (100 %)."""
    from matplotlib.lines import Line2D

    rows = position_rows(report)
    has_mentions = False
    for y, row in enumerate(rows):
        ax.plot([0, 100], [y, y], color=S.LIGHT_GREY, lw=0.8, zorder=1, solid_capstyle="butt")
        ev = row["events"]
        if not ev:
            ax.text(50, y, "none found", **{**NONE_FOUND_KW, "fontsize": S.SMALL_SIZE + 0.5},
                    bbox=dict(boxstyle="square,pad=0.15", fc="white", ec="none"), zorder=2)
        elif row["kind"] == "span":
            ax.broken_barh([(100 * s, max(100 * (e - s), 0.25)) for s, e in ev], (y - 0.26, 0.52),
                           facecolors=row["colour"], edgecolors="none", alpha=0.85, zorder=2)
        else:
            xs = [100 * (s + e) / 2 for s, e in ev]
            if row["kind"] == "mention":  # dots: the sentiment colours reuse device colours
                has_mentions = True
                for lbl in ("negative", "neutral", "positive"):  # shape + colour: greyscale-safe
                    pts = [x for x, l in zip(xs, row["labels"]) if (l if l in MENTION_MARKERS else "neutral") == lbl]
                    if pts:
                        ax.scatter(pts, [y] * len(pts), s=24, marker=MENTION_MARKERS[lbl],
                                   linewidths=0.5, c=S.SENTIMENT.get(lbl, S.GREY),
                                   edgecolors="white", zorder=3)
            else:
                ax.vlines(xs, y - 0.32, y + 0.32, colors=row["colour"], lw=1.7, zorder=3)
        ax.annotate(f"{len(ev)}", xy=(1, y), xycoords=("axes fraction", "data"),
                    xytext=(6, 0), textcoords="offset points", va="center", ha="left",
                    fontsize=S.SMALL_SIZE + 0.5, color=S.INK if ev else S.GREY,
                    annotation_clip=False)
    ax.set_yticks(range(len(rows)), [r["label"] for r in rows])
    for tick, row in zip(ax.get_yticklabels(), rows):
        tick.set_color(S.INK)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(0, 100)
    ax.set_xticks([0, 25, 50, 75, 100], ["0 %\nstart", "25 %", "50 %", "75 %", "100 %\nend"])
    ax.set_xlabel("position in the article (% of characters)")
    ax.spines["left"].set_visible(False)
    ax.xaxis.grid(True, lw=0.5)
    handles = [Line2D([], [], marker=MENTION_MARKERS[k], ls="none", ms=6, mfc=S.SENTIMENT[k],
                      mec="white", mew=0.5, label=f"{k} actor mention")
               for k in ("negative", "neutral", "positive")] if has_mentions else []
    _titles(ax, title or "Where the devices occur",
            f"{report.stats.words:,} words · count per row on the right", handles)


def positions_figure(report: ArticleReport) -> "Figure":
    n = len(position_rows(report))
    return _figure(n, 21.0, lambda ax: draw_positions(ax, report), foot=52.0, right=26.0)


# -- all of them ----------------------------------------------------------------------------------
FIGURES: dict[str, Callable[..., "Figure"]] = {
    "rates": rates_figure,
    "voice_share": voice_share_figure,
    "actor_sentiment": actor_sentiment_figure,
    "positions": positions_figure,
}


def all_figures(report: ArticleReport, baseline: Optional[Baseline] = None) -> dict[str, "Figure"]:
    """Every chart of the report, keyed by file stem."""
    return {"rates": rates_figure(report, baseline),
            "voice_share": voice_share_figure(report),
            "actor_sentiment": actor_sentiment_figure(report),
            "positions": positions_figure(report)}


def figure_bytes(fig: "Figure", fmt: str = "png") -> bytes:
    """The figure as ``fmt`` (png, svg or pdf) bytes, without dates or
    version strings in the metadata: the same figure gives the same bytes."""
    fmt = fmt.lower()
    if fmt not in ("png", "svg", "pdf"):
        raise ValueError(f"unknown figure format {fmt!r}: choose png, svg or pdf")
    buf = io.BytesIO()
    extra = {"pil_kwargs": {"compress_level": 3}} if fmt == "png" else {}  # 2x faster, +3 %
    with S.context(), (S.lean_font_subsets() if fmt == "pdf" else nullcontext()):
        fig.savefig(buf, format=fmt, metadata=S.save_metadata(fmt), dpi=S.DPI, **extra)
    return buf.getvalue()
