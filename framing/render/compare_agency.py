"""Agency and sourcing in an outlet comparison (issue 18; CODEBOOK §5–6).

* :func:`draw_agency` — per outlet, agentless passives in the author's
  voice and in quotes, nominalisations and intransitive reports of harmful
  events, per 1,000 words (each article a dot, the mean with its bootstrap
  95 % CI, the median).
* :func:`draw_sources` — who gets to speak: each outlet's pooled shares of
  the source types (100 % bars, colour and hatching), and the Gini–Simpson
  diversity of source types with its cluster-bootstrap 95 % CI (Masini et
  al. 2018), from :mod:`framing.compare.sources`.
* :func:`draw_asymmetry` — reporting verbs by side: per outlet, the share
  of each side's cue-verbed quotes with a distancing (▲) or endorsing (●)
  verb (Floyd 2000), sides with at least ``min_quotes`` quotes.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

from . import compare_figures as CF
from . import style as S

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure, SubFigure

AGENCY = ("agentless_passives_author", "agentless_passives_quoted", "nominalisations",
          "intransitives")
PALETTE = (S.BLUE, S.ORANGE, S.BLUISH_GREEN, S.VERMILLION, S.REDDISH_PURPLE, S.SKY_BLUE,
           "#B8A200", S.DARK_GREY, S.BLACK, S.GREY, S.LIGHT_GREY)
HATCHES = ("", "////", "", "....", "", "xxxx", "", "\\\\\\\\", "", "----", "")
MAX_SIDES = 6


def has_agency(result: dict) -> bool:
    return any(o["metrics"].get(k, {}).get("n") for o in result["outlets"] for k in AGENCY)


def has_sources(result: dict) -> bool:
    return bool((result.get("sources") or {}).get("outlets"))


def has_asymmetry(result: dict) -> bool:
    return bool(_sides(result))


def draw_agency(fig: "Figure | SubFigure", result: dict, values: dict | None = None) -> None:
    fig = CF._frame(fig, "Agency: who is made to act, per 1,000 words, by outlet",
                    CF.wrap("Agentless passives (no by-phrase names the doer) in the author's "
                            "voice and in quotes; nominalisations and intransitive reports of "
                            "harmful events (CODEBOOK §5).", CF.width_of(fig) - 0.2,
                            S.SMALL_SIZE + 0.5), legend=CF._legend_keys())
    axes = fig.subplots(2, 2, squeeze=False, sharey=True)
    for i, key in enumerate(AGENCY):
        CF.draw_distribution(axes[i // 2][i % 2], result, key, (values or {}).get(key),
                             show_labels=i % 2 == 0)


def _bars(ax, result: dict, outlets: list[str], shares: dict[str, dict[str, float]],
          totals: dict[str, int]) -> list:
    from matplotlib.patches import Patch

    kinds = sorted({k for s in shares.values() for k in s},
                   key=lambda k: (-sum(s.get(k, 0) for s in shares.values()), k))
    ys = list(range(len(outlets)))[::-1]
    for y, name in zip(ys, outlets):
        left = 0.0
        for i, k in enumerate(kinds):
            w = shares.get(name, {}).get(k, 0.0)
            if w <= 0:
                continue
            ax.barh(y, w, left=left, height=0.62, color=PALETTE[i % len(PALETTE)],
                    hatch=HATCHES[i % len(HATCHES)], edgecolor="white", linewidth=0.6)
            if w >= 0.1:
                ax.text(left + w / 2, y, f"{100 * w:.0f}%", ha="center", va="center",
                        fontsize=S.SMALL_SIZE - 0.5, color=S.INK,
                        bbox=dict(boxstyle="round,pad=0.12", fc="white", ec="none", alpha=0.85))
            left += w
        ax.text(1.01, y, f"n={totals.get(name, 0)}", va="center", fontsize=S.SMALL_SIZE,
                color=S.DARK_GREY)
    ax.set_xlim(0, 1)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1])
    ax.set_xticklabels(["0", "25%", "50%", "75%", "100%"])
    ax.set_yticks(ys)
    ax.set_yticklabels([CF.short(n) for n in outlets])
    return [Patch(facecolor=PALETTE[i % len(PALETTE)], hatch=HATCHES[i % len(HATCHES)],
                  edgecolor="white", label=k.replace("_", "/")) for i, k in enumerate(kinds)]


def draw_sources(fig: "Figure | SubFigure", result: dict) -> None:
    sec = result["sources"]["outlets"]
    outlets = [o["name"] for o in CF._shown_outlets(result) if o["name"] in sec]
    fig = CF._frame(fig, "Sources: who gets to speak, by outlet",
                    CF.wrap("Share of each outlet's typed sources (each source counted once per "
                            "article; n = typed sources) and the Gini–Simpson diversity of source "
                            "types with its 95% bootstrap CI over articles (CODEBOOK §6).",
                            CF.width_of(fig) - 0.2, S.SMALL_SIZE + 0.5))
    left, right = fig.subfigures(1, 2, width_ratios=[1.75, 1])
    ax = left.subplots()
    handles = _bars(ax, result, outlets, {n: sec[n]["shares"] for n in outlets},
                    {n: sec[n]["typed"] for n in outlets})
    ax.set_title("Source types", fontsize=S.BASE_SIZE + 0.5)
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, -0.12), ncols=3,
              fontsize=S.SMALL_SIZE, frameon=False, handlelength=1.2)
    ax2 = right.subplots()
    ys = list(range(len(outlets)))[::-1]
    for y, name in zip(ys, outlets):
        o = sec[name]
        colour, marker = CF.outlet_style(result, name)
        lo, hi = o.get("simpson_ci") or [None, None]
        if lo is not None:
            ax2.plot([lo, hi], [y, y], color=colour, lw=3.0, solid_capstyle="butt", zorder=2)
        if o.get("simpson") is not None:
            ax2.scatter([o["simpson"]], [y], s=46, marker=marker, color=colour,
                        edgecolor="white", linewidths=0.9, zorder=3)
    ax2.set_yticks(ys)
    ax2.set_yticklabels([])
    ax2.set_ylim(-0.7, len(outlets) - 0.3)
    ax2.set_xlim(0, 1)
    ax2.grid(axis="x")
    ax2.set_title("Diversity (Simpson)", fontsize=S.BASE_SIZE + 0.5)
    ax2.set_xlabel("0 = one type … 1 = many", fontsize=S.SMALL_SIZE + 0.5, color=S.DARK_GREY)


def _sides(result: dict) -> dict[str, list[tuple[str, dict]]]:
    asym = (result.get("sources") or {}).get("asymmetry") or {}
    least = asym.get("min_quotes", 5)
    out = {}
    for name, sides in (asym.get("rates") or {}).items():
        big = sorted(((s, r) for s, r in sides.items() if r["quotes"] >= least),
                     key=lambda sr: (-sr[1]["quotes"], sr[0]))[:MAX_SIDES]
        if big:
            out[name] = big
    return out


def asymmetry_height(result: dict) -> float:
    rows = _sides(result)
    return 1.5 + 0.3 * sum(len(v) for v in rows.values()) + 0.35 * len(rows)


def draw_asymmetry(fig: "Figure | SubFigure", result: dict) -> None:
    from matplotlib.lines import Line2D

    rows = _sides(result)
    asym = result["sources"]["asymmetry"]
    marks = (("distancing", "^", S.VERMILLION), ("endorsing", "o", S.BLUE))
    fig = CF._frame(fig, f"Reporting verbs by side ({asym['sides']}), by outlet",
                    CF.wrap(f"Share of each side's cue-verbed quotes introduced by a distancing "
                            f"or an endorsing verb (lexicons/cue_stance.tsv); sides with at "
                            f"least {asym.get('min_quotes', 5)} quotes; n = quotes. The tests "
                            f"are in tests.csv and sources.md.", CF.width_of(fig) - 0.2,
                            S.SMALL_SIZE + 0.5),
                    legend=[Line2D([], [], marker=m, ls="", color=c, markersize=6, label=s)
                            for s, m, c in marks])
    names = list(rows)
    axes = fig.subplots(len(names), 1, squeeze=False, sharex=True,
                        height_ratios=[len(rows[n]) + 0.6 for n in names])[:, 0]
    for ax, name in zip(axes, names):
        sides = rows[name]
        ys = list(range(len(sides)))[::-1]
        for y, (side, r) in zip(ys, sides):
            pts = [r.get(f"{s}_rate") for s, _, _ in marks]
            known = [p for p in pts if p is not None]
            if len(known) == 2:
                ax.plot(known, [y, y], color=S.LIGHT_GREY, lw=1.6, zorder=1)
            for k, ((s, m, c), p) in enumerate(zip(marks, pts)):
                if p is not None:  # a little above / below the line: equal shares stay visible
                    ax.scatter([p], [y + (0.13 if k == 0 else -0.13)], marker=m, s=34, color=c,
                               edgecolor="white", linewidths=0.5, zorder=3)
        ax.set_yticks(ys)
        ax.set_yticklabels([f"{CF.short(s, 22)} (n={r['quotes']})" for s, r in sides],
                           fontsize=S.SMALL_SIZE)
        ax.set_ylim(-0.6, len(sides) - 0.4)
        ax.grid(axis="x")
        ax.set_title(CF.short(name, 40), fontsize=S.BASE_SIZE)
    from matplotlib.ticker import PercentFormatter

    # the axis ends just past the largest share (these are rare verbs), not at 100 %
    top = max((r.get(f"{s}_rate") or 0 for v in rows.values() for _, r in v for s, _, _ in marks),
              default=0)
    right = min(1.0, max(0.1, math.ceil(top * 1.15 * 20) / 20))
    axes[-1].set_xlim(-0.025 * right, right)  # markers at 0 % whole
    axes[-1].xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    axes[-1].set_xlabel("share of the side's quotes", fontsize=S.SMALL_SIZE + 0.5,
                        color=S.DARK_GREY)
