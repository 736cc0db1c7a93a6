"""The same stories across outlets: the charts of the paired comparison
(:func:`framing.compare.sections.paired`).

* :func:`draw_stories` — small multiples, one row per pair of outlets that
  share stories and one column per framing device: each dot one story's
  difference (outlet A − outlet B), the mean difference with its bootstrap
  95 % CI, filled and starred when the sign-flip test is significant after
  correction, hollow when not. Every pair is shown (up to
  :data:`MAX_PAIRS`, the pairs sharing the most stories first).
* :func:`draw_story_values` — up to 24 stories: one row per story, one
  marker per outlet (shape and colour), joined by a line.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from . import compare_figures as CF
from . import style as S

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure, SubFigure

KEYS = ("rhetorical_questions", "hedges", "boosters", "quotes", "agentless_passives")
MAX_PAIRS = 8


def pairs(result: dict) -> list[tuple[str, str, int]]:
    """(a, b, stories) of every pair of outlets with a paired test, most
    shared stories first."""
    seen: dict[tuple[str, str], int] = {}
    for t in result["paired"]["tests"]:
        seen[(t["a"], t["b"])] = max(seen.get((t["a"], t["b"]), 0), t["stories"])
    return [(a, b, n) for (a, b), n in sorted(seen.items(), key=lambda kv: (-kv[1], kv[0]))]


def _keys(result: dict) -> list[str]:
    tested = {t["metric"] for t in result["paired"]["tests"]}
    return [k for k in KEYS if k in tested] or list(KEYS[:3])


def height(result: dict) -> float:
    return 1.25 + 1.05 * min(len(pairs(result)), MAX_PAIRS)


def draw_stories(fig: "Figure | SubFigure", result: dict) -> None:
    """Per-story differences for every pair of outlets × device."""
    per_story = result["paired"]["per_story"]
    all_pairs = pairs(result)
    shown = all_pairs[:MAX_PAIRS]
    more = len(all_pairs) - len(shown)
    sub = (f"{result['paired']['stories']} stories covered by two or more outlets. Each dot one "
           f"story's difference (first outlet − second); mean with its 95% CI: filled ★ = "
           f"significant after correction, hollow = not." +
           (f" {more} more pairs in tests.csv." if more > 0 else ""))
    keys = _keys(result)
    fig = CF._frame(fig, "The same stories across outlets, every pair",
                    CF.wrap(sub, CF.width_of(fig) - 0.2, S.SMALL_SIZE + 0.5))
    if not shown:
        CF._note(fig.subplots(), "too few shared stories per pair of outlets for a test")
        return
    tests = {(t["metric"], t["a"], t["b"]): t for t in result["paired"]["tests"]}
    axes = fig.subplots(len(shown), len(keys), squeeze=False, sharex="col")
    for r, (a, b, n) in enumerate(shown):
        for c, key in enumerate(keys):
            ax = axes[r][c]
            diffs = [per_story[s][a][key] - per_story[s][b][key] for s in sorted(per_story)
                     if a in per_story[s] and b in per_story[s]
                     and per_story[s][a].get(key) is not None
                     and per_story[s][b].get(key) is not None]
            ax.scatter(diffs, [CF._jitter(i, 0.32) for i in range(len(diffs))], s=7,
                       color=S.GREY, alpha=0.45, linewidths=0, zorder=2)
            ax.axvline(0, color=S.DARK_GREY, lw=0.8, zorder=1)
            t = tests.get((key, a, b))
            if t:
                sig = t["significant"]
                ax.plot(t["diff_ci"], [0, 0], color=S.INK, lw=2.6, solid_capstyle="butt",
                        zorder=3)
                ax.scatter([t["mean_diff"]], [0], s=58 if sig else 34, marker="*" if sig else "o",
                           color=S.INK if sig else "white", edgecolor=S.INK, linewidths=1.0,
                           zorder=4)
            ax.set_ylim(-0.5, 0.5)
            ax.set_yticks([])
            ax.grid(axis="x")
            ax.tick_params(labelsize=S.SMALL_SIZE)
            if r == 0:
                m = CF._metric(result, key)
                ax.set_title(CF.wrap(m["label"][:1].upper() + m["label"][1:], 1.15,
                                     S.BASE_SIZE, "bold"), fontsize=S.BASE_SIZE)
            if c == 0:
                ax.set_ylabel(CF.wrap(f"{CF.short(a, 18)} − {CF.short(b, 18)}", 1.0,
                                      S.SMALL_SIZE) + f"\n{n} stories",
                              fontsize=S.SMALL_SIZE, rotation=0, ha="right", va="center")
            if r == len(shown) - 1:
                ax.set_xlabel("per 1,000 words", fontsize=S.SMALL_SIZE, color=S.DARK_GREY)


def draw_story_values(fig: "Figure | SubFigure", result: dict,
                      keys: Sequence[str] = ("rhetorical_questions", "hedges", "boosters")) -> None:
    """Up to 24 stories: each outlet's value per story, joined by a line."""
    per_story = result["paired"]["per_story"]
    stories = sorted(per_story)
    names = [o["name"] for o in CF._shown_outlets(result)]
    fig = CF._frame(fig, "The same stories across outlets, story by story",
                    f"{result['paired']['stories']} stories covered by two or more outlets.",
                    legend=CF._outlet_handles(result, names), ncols=min(4, len(names)))
    axes = fig.subplots(1, len(keys), squeeze=False, sharey=True)[0]
    ys = list(range(len(stories)))[::-1]
    # each outlet a little above or below the story's line, so equal values stay visible
    dodge = {n: (i - (len(names) - 1) / 2) * min(0.16, 0.6 / max(1, len(names)))
             for i, n in enumerate(names)}
    for ax, key in zip(axes, keys):
        for y, s in zip(ys, stories):
            vals = [(n, per_story[s][n].get(key)) for n in names
                    if n in per_story[s] and per_story[s][n].get(key) is not None]
            if len(vals) >= 2:
                xs = [v for _, v in vals]
                ax.plot([min(xs), max(xs)], [y, y], color=S.LIGHT_GREY, lw=2.2, zorder=1)
            for n, v in vals:
                colour, marker = CF.outlet_style(result, n)
                ax.scatter([v], [y - dodge[n]], s=30, marker=marker, color=colour,
                           edgecolor="white", linewidths=0.6, zorder=3)
        m = CF._metric(result, key)
        ax.set_title(CF.wrap(m["label"][:1].upper() + m["label"][1:], 1.9, S.BASE_SIZE + 0.5,
                             "bold"), fontsize=S.BASE_SIZE + 0.5)
        ax.set_xlabel(m["unit"], fontsize=S.SMALL_SIZE + 0.5, color=S.DARK_GREY)
        hi = ax.get_xlim()[1]
        ax.set_xlim(-0.03 * hi, hi)
        ax.grid(axis="x")
    axes[0].set_yticks(ys)
    axes[0].set_yticklabels([CF.short(s, 22) for s in stories])
