"""Rates over time per outlet (the ``timeline`` section of a comparison,
:mod:`framing.compare.timeline`; the same numbers as timeline.csv): one
panel per framing device, one line per outlet (colour *and* marker shape),
each point the mean rate of the outlet's articles in the week, month or
year; a point backed by a single article is drawn hollow."""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import compare_figures as CF
from . import style as S

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure, SubFigure

KEYS = ("rhetorical_questions", "hedges", "boosters", "quotes", "agentless_passives",
        "nominalisations")
MAX_LABELS = 8


def has_timeline(result: dict) -> bool:
    return bool((result.get("timeline") or {}).get("rows"))


def draw_timeline(fig: "Figure | SubFigure", result: dict) -> None:
    tl = result["timeline"]
    periods = tl["periods"]
    names = [o["name"] for o in CF._shown_outlets(result)]
    keys = [k for k in KEYS if k in tl["metrics"]]
    sub = (f"Mean rate of each outlet's articles per {tl['unit']}; hollow: one article. "
           f"{tl['dated_articles']:,} dated articles"
           + (f", {tl['undated_articles']:,} undated left out." if tl["undated_articles"]
              else ".") + " The numbers: timeline.csv.")
    fig = CF._frame(fig, f"Framing devices over time, per 1,000 words, by outlet",
                    CF.wrap(sub, CF.width_of(fig) - 0.2, S.SMALL_SIZE + 0.5),
                    legend=CF._outlet_handles(result, names), ncols=min(4, len(names)))
    cols = 2
    rows = -(-len(keys) // cols)
    axes = fig.subplots(rows, cols, squeeze=False, sharex=True)
    x_of = {p: i for i, p in enumerate(periods)}
    step = max(1, -(-len(periods) // MAX_LABELS))
    for i, key in enumerate(keys):
        ax = axes[i // cols][i % cols]
        for name in names:
            pts = [(x_of[r["period"]], r[key], r["articles"]) for r in tl["rows"]
                   if r["outlet"] == name and r.get(key) is not None]
            if not pts:
                continue
            colour, marker = CF.outlet_style(result, name)
            ax.plot([x for x, _, _ in pts], [y for _, y, _ in pts], color=colour, lw=1.1,
                    alpha=0.85, zorder=2)
            for x, y, n in pts:
                ax.scatter([x], [y], marker=marker, s=22, zorder=3, linewidths=0.9,
                           color=colour if n > 1 else "white", edgecolor=colour)
        m = CF._metric(result, key)
        ax.set_title(CF.wrap(m["label"][:1].upper() + m["label"][1:], 2.9, S.BASE_SIZE + 0.5,
                             "bold"), fontsize=S.BASE_SIZE + 0.5)
        ax.set_ylim(bottom=0)
        ax.grid(axis="y")
        ax.tick_params(labelsize=S.SMALL_SIZE)
        ax.set_xticks(range(0, len(periods), step))
        ax.set_xticklabels(periods[::step], rotation=30, ha="right")
    for j in range(len(keys), rows * cols):
        axes[j // cols][j % cols].set_visible(False)


def height(result: dict) -> float:
    return 1.6 + 1.55 * -(-len(KEYS) // 2)
