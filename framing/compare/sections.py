"""The sections of a comparison (tests, paired stories, quotes, actors,
vocabulary), computed from a :class:`framing.compare.comparer.Comparer`'s
accumulators, and the plain-language statements of the tests."""
from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations
from typing import TYPE_CHECKING, Any

import re

import numpy as np

from . import stats as st
from ..metrics import METRIC, METRICS
from .stats import seed_for as _seed
from ..lexicons import load_words

if TYPE_CHECKING:  # pragma: no cover
    from .comparer import Comparer


def _fmt(x: float | None, nd: int = 1) -> str:
    if x is None:
        return "–"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    return f"{x:.{nd}f}"


def fmt_p(p: float | None) -> str:
    """"= 0.03", "< 0.001": to follow a "p"."""
    if p is None:
        return "= –"
    if p < 0.001:
        return "< 0.001"
    return f"= {p:.3f}" if p < 0.01 else f"= {p:.2f}"


def _times(r: float) -> str:
    return f"{r:.1f}×" if r < 10 else f"{r:.0f}×"


def statement(t: dict[str, Any], correction: str) -> str:
    """One test in plain language, larger group first."""

    m = METRIC[t["metric"]]
    corr = "Holm-corrected" if correction == "holm" else "BH-corrected"
    p_part = f"permutation p {fmt_p(t['p'])}, {corr} p {fmt_p(t['p_adjusted'])}"
    a, b, ma, mb = t["a"], t["b"], t["mean_a"], t["mean_b"]
    flip = ma < mb
    if flip:
        a, b, ma, mb = b, a, mb, ma
    if m.kind == "rate":
        if not t["significant"]:
            return (f"No clear difference in {m.label} {m.unit} between {a} and {b} "
                    f"(means {_fmt(ma)} vs {_fmt(mb)}; {p_part}).")
        lo, hi = t["ratio_higher_ci"]
        if mb > 0 and lo is not None:
            return (f"{a} uses {_times(ma / mb)} as many {m.label} {m.unit} as {b} "
                    f"({_fmt(ma)} vs {_fmt(mb)}; 95% CI of the ratio {_times(lo)}–{_times(hi)}; "
                    f"{p_part}; rank-biserial r = {abs(t['rank_biserial']):.2f}).")
        lo, hi = t["diff_ci"] if not flip else (-t["diff_ci"][1], -t["diff_ci"][0])
        return (f"{a} uses {_fmt(ma - mb)} more {m.label} {m.unit} than {b} "
                f"({_fmt(ma)} vs {_fmt(mb)}; 95% CI of the difference {_fmt(lo)} to {_fmt(hi)}; "
                f"{p_part}; rank-biserial r = {abs(t['rank_biserial']):.2f}).")
    lo, hi = t["diff_ci"] if not flip else (-t["diff_ci"][1], -t["diff_ci"][0])
    if not t["significant"]:
        return (f"No clear difference in {m.label} between {a} and {b} "
                f"(means {_fmt(ma)} vs {_fmt(mb)}; {p_part}).")
    return (f"{a} scores {_fmt(ma - mb)} {m.unit} higher on {m.label} than {b} "
            f"({_fmt(ma)} vs {_fmt(mb)}; 95% CI of the difference {_fmt(lo)} to {_fmt(hi)}; "
            f"{p_part}; rank-biserial r = {abs(t['rank_biserial']):.2f}).")


def _tested_outlets(c: "Comparer", names: list[str]) -> list[str]:
    ok = [n for n in names if c._outlets[n].articles >= c.min_articles]
    return ok[: c.max_outlets_tested]


def pairwise(c: "Comparer", names: list[str]) -> list[dict[str, Any]]:
    """Every tested metric × pair of outlets, with corrected p-values."""

    tests = []
    outlets = _tested_outlets(c, names)
    for m in METRICS:
        if not m.tested:
            continue
        for a, b in combinations(outlets, 2):
            xa, xb = c._outlets[a].values.get(m.key, []), c._outlets[b].values.get(m.key, [])
            if len(xa) < c.min_articles or len(xb) < c.min_articles:
                continue
            if np.all(np.asarray(xa + xb) == (xa + xb)[0]):
                continue  # nothing to test: every article has the same value
            seed = _seed(c.seed, "pair", m.key, a, b)
            p, method = st.permutation_test(xa, xb, n_perm=c.n_perm, seed=seed)
            mw = st.mann_whitney(xa, xb)
            ma, mb = float(np.mean(xa)), float(np.mean(xb))
            # the ratio is stated larger over smaller; the difference as a − b
            if ma >= mb:
                ci = st.bootstrap_ratio_ci(xa, xb, n_boot=c.n_boot, seed=seed)
                diff_ci = ci["diff_ci"]
            else:
                ci = st.bootstrap_ratio_ci(xb, xa, n_boot=c.n_boot, seed=seed)
                diff_ci = (-ci["diff_ci"][1], -ci["diff_ci"][0])
            lo_m, hi_m = min(ma, mb), max(ma, mb)
            tests.append({"metric": m.key, "a": a, "b": b, "n_a": len(xa), "n_b": len(xb),
                          "mean_a": ma, "mean_b": mb,
                          "median_a": float(np.median(xa)), "median_b": float(np.median(xb)),
                          "higher": a if ma >= mb else b,
                          "ratio_higher": hi_m / lo_m if lo_m > 0 else None,
                          "ratio_higher_ci": list(ci["ratio_ci"]),
                          "diff": ma - mb, "diff_ci": list(diff_ci),
                          "U": mw["U"], "p_mann_whitney": mw["p"],
                          "rank_biserial": mw["rank_biserial"],
                          "p": p, "p_method": method})
    adj = st.CORRECTIONS[c.correction]([t["p"] for t in tests]) if tests else []
    for t, pa in zip(tests, adj):
        t["p_adjusted"] = pa
        t["significant"] = pa < c.alpha
        t["statement"] = statement(t, c.correction)
    return tests


def paired(c: "Comparer", names: list[str]) -> dict[str, Any]:
    """Stories covered by two outlets: mean per-story difference, bootstrap
    CI, sign-flip test, corrected; and the per-story values for figures."""

    story_outlets: dict[str, dict[str, dict[str, float | None]]] = {}
    for name in names:
        for story, rows in c._outlets[name].stories.items():
            means = {}
            for m in METRICS:
                vals = [r[m.key] for r in rows if r[m.key] is not None]
                means[m.key] = float(np.mean(vals)) if vals else None
            story_outlets.setdefault(story, {})[name] = means
    shared = {s: v for s, v in sorted(story_outlets.items()) if len(v) >= 2}
    tests = []
    for a, b in combinations(names, 2):
        both = [s for s, v in shared.items() if a in v and b in v]
        if len(both) < c.min_pairs:
            continue
        for m in METRICS:
            if not m.tested:
                continue
            pairs = [(shared[s][a][m.key], shared[s][b][m.key]) for s in both]
            d = [x - y for x, y in pairs if x is not None and y is not None]
            if len(d) < c.min_pairs or not any(d):
                continue
            seed = _seed(c.seed, "paired", m.key, a, b)
            p, method = st.sign_flip_test(d, n_perm=c.n_perm, seed=seed)
            lo, hi = st.bootstrap_ci(d, n_boot=c.n_boot, seed=seed)
            tests.append({"metric": m.key, "a": a, "b": b, "stories": len(d),
                          "mean_diff": float(np.mean(d)), "diff_ci": [lo, hi],
                          "rank_biserial": st.paired_rank_biserial(d),
                          "a_higher": int(sum(x > 0 for x in d)),
                          "b_higher": int(sum(x < 0 for x in d)),
                          "p": p, "p_method": method})
    adj = st.CORRECTIONS[c.correction]([t["p"] for t in tests]) if tests else []
    corr = "Holm-corrected" if c.correction == "holm" else "BH-corrected"
    for t, pa in zip(tests, adj):
        t["p_adjusted"] = pa
        t["significant"] = pa < c.alpha
        m = METRIC[t["metric"]]
        a, b, diff = t["a"], t["b"], t["mean_diff"]
        lo, hi = t["diff_ci"]
        more_n, less_n = t["a_higher"], t["b_higher"]
        if diff < 0:
            a, b, diff, lo, hi, more_n, less_n = b, a, -diff, -hi, -lo, less_n, more_n
        what = (f"used {_fmt(diff)} more {m.label} {m.unit}" if m.kind == "rate"
                else f"scored {_fmt(diff)} {m.unit} higher on {m.label}")
        r = abs(t["rank_biserial"] or 0.0)
        tail = (f"{a} higher in {more_n}, lower in {less_n} of {t['stories']} stories; "
                f"95% CI {_fmt(lo)} to {_fmt(hi)}; "
                f"sign-flip p {fmt_p(t['p'])}, {corr} p {fmt_p(pa)}; "
                f"matched-pairs rank-biserial r = {r:.2f}")
        if round(diff, 1) == 0:
            t["statement"] = (f"On the {t['stories']} stories both covered, {a} and {b} used "
                              f"about as many {m.label} (mean paired difference {_fmt(diff)}; "
                              f"{tail}).") if m.kind == "rate" else (
                f"On the {t['stories']} stories both covered, {a} and {b} scored about the same "
                f"on {m.label} (mean paired difference {_fmt(diff)}; {tail}).")
        elif t["significant"]:
            t["statement"] = (f"On the {t['stories']} stories both covered, {a} {what} "
                              f"than {b} ({tail}).")
        else:
            t["statement"] = (f"On the {t['stories']} stories both covered, {a} {what} "
                              f"than {b}, but the difference is not significant after "
                              f"correction ({tail}).")
    per_story = {s: {o: {k: v for k, v in vals.items() if METRIC[k].tested}
                     for o, vals in v.items()} for s, v in shared.items()}
    return {"stories": len(shared), "tests": tests, "per_story": per_story}


def quotes(c: "Comparer", names: list[str]) -> dict[str, Any]:
    """Per outlet, its quotations by kind, speaker type and cue-verb
    category; a category another outlet has and this one lacks is n = 0,
    share 0 (not missing)."""
    groups = {"by_kind": "quote_kind", "by_speaker_type": "speaker_type",
              "by_cue_category": "cue_category"}
    seen = {g: set().union(*(getattr(c._outlets[n], attr) for n in names)) if names else set()
            for g, attr in groups.items()}
    out = {}
    for name in names:
        acc = c._outlets[name]
        total = acc.quotes

        def shares(counter: Counter, cats: set) -> dict[str, dict[str, float]]:
            n = sum(counter.values())
            return {k: {"n": counter.get(k, 0), "share": counter.get(k, 0) / n} for k in
                    sorted(cats, key=lambda k: (-counter.get(k, 0), k))} if n else {}

        out[name] = {"total": total,
                     "per_1k_words": 1000.0 * total / acc.words if acc.words else None,
                     **{g: shares(getattr(acc, attr), seen[g]) for g, attr in groups.items()},
                     "top_cues": [[k, v] for k, v in sorted(acc.cues.items(),
                                                             key=lambda kv: (-kv[1], kv[0]))[:10]],
                     "top_speakers": [[k, v] for k, v in sorted(acc.speakers.items(),
                                                                 key=lambda kv: (-kv[1], kv[0]))[:10]]}
    return out


def actors(c: "Comparer", names: list[str], limit: int = 20) -> dict[str, Any]:
    """Outlet × actor: mean article-level sentiment, with n articles and
    mentions, one row per referent (surnames joined to the corpus's dominant
    full name, :func:`framing.compare.actor_names.corpus_names`). Actors are
    ranked by the number of outlets, then articles. With an actors file, the
    same per side (its ``group``): ``groups`` and ``group_cells``."""
    from .actor_names import corpus_names

    articles: Counter = Counter()
    types: dict[str, Counter] = defaultdict(Counter)
    for name in names:
        for actor, (_, n, _) in c._outlets[name].actors.items():
            articles[actor] += n
            types[actor].update(c._outlets[name].actor_types.get(actor, {}))
    user = set().union(*(c._outlets[name].user_actors for name in names)) if names else set()
    alias = corpus_names({a: n for a, n in articles.items() if a not in user}, types)
    table: dict[str, dict[str, list]] = {}
    for name in names:
        cells = table[name] = {}
        for actor, (s, n, mentions) in c._outlets[name].actors.items():
            cell = cells.setdefault(alias.get(actor, actor), [0.0, 0, 0])
            cell[0] += s
            cell[1] += n
            cell[2] += mentions
    totals: Counter = Counter()
    spread: Counter = Counter()
    for name in names:
        for actor, (_, n, _) in table[name].items():
            totals[actor] += n
            spread[actor] += 1
    ranked = sorted(totals, key=lambda a: (-spread[a], -totals[a], a))[:limit]
    cells = []
    for name in names:
        for actor in ranked:
            s, n, mentions = table[name].get(actor, (0.0, 0, 0))
            if n:
                cells.append({"outlet": name, "actor": actor, "mean_score": s / n,
                              "articles": n, "mentions": mentions})
    groups = sorted({g for name in names for g in c._outlets[name].groups})
    group_cells = [{"outlet": name, "group": g, "mean_score": s / n, "articles": n,
                    "mentions": mentions}
                   for name in names for g in groups
                   for s, n, mentions in [c._outlets[name].groups.get(g, (0.0, 0, 0))] if n]
    return {"actors": ranked, "cells": cells, "merged": dict(sorted(alias.items())),
            "groups": groups, "group_cells": group_cells}


def vocabulary(c: "Comparer", names: list[str]) -> dict[str, Any]:
    """Each outlet against all the others: the words with the highest
    log-odds z-scores (informative Dirichlet prior from the pooled counts)."""
    with_terms = [n for n in names if c._outlets[n].has_terms]
    if len(with_terms) < 2:
        return {"method": None, "outlets": {},
                "note": "no word counts (analyse the sources with framing compare, or write "
                        "results with terms=True)"}
    pooled: Counter = Counter()
    for n in with_terms:
        pooled.update(c._outlets[n].terms)
    total = sum(pooled.values())
    min_count = c.min_term_count if c.min_term_count is not None else (
        3 if total < 50_000 else 10 if total < 1_000_000 else 25)
    prior = {w: c.prior_scale * k for w, k in pooled.items() if k >= min_count and len(w) > 1}
    # shown lists leave out function words, the outlets' own names, house style
    # ("mr", "ms", credits) and the words the user names (reporters' bylines)
    hidden = set(load_words("compare_stopwords.txt")) if c.hide_stopwords else set()
    hidden |= c.exclude_words
    if c.house_style:
        hidden |= load_words("compare_house_style.txt")
        for n in names:
            hidden.update(w.lower() for w in re.findall(r"[^\W\d_]+", n))
    out = {}
    for n in with_terms:
        mine = c._outlets[n].terms
        rest = Counter({w: pooled[w] - mine.get(w, 0) for w in prior})
        # n_i, n_j are the full corpus sizes, not only the prior's words
        rest_total = total - sum(mine.values())
        scores = st.log_odds_dirichlet(mine, rest, prior, n_i=sum(mine.values()), n_j=rest_total)
        top = sorted(((w, v) for w, v in scores.items() if v[2] > 0 and w not in hidden),
                     key=lambda kv: (-kv[1][2], kv[0]))[: c.top_terms]
        out[n] = [{"term": w, "z": z, "log_odds": d, "count": int(mine.get(w, 0)),
                   "count_others": int(rest.get(w, 0))} for w, (d, _, z) in top]
    return {"method": "log-odds ratio, informative Dirichlet prior (Monroe, Colaresi & Quinn "
                      "2008), each outlet vs all others",
            "prior": f"pooled counts × {c.prior_scale:g}", "min_count": min_count,
            "hidden": ", ".join(h for h, on in (
                ("function words", c.hide_stopwords),
                ("words of outlet names, honorifics and credit words (compare_house_style.txt)",
                 c.house_style),
                (f"{len(c.exclude_words)} words given with --exclude-words", bool(c.exclude_words)))
                if on) + " are scored but not listed",
            "outlets": out}

