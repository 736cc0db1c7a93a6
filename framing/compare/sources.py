"""Sources in a comparison: source types per outlet with their diversity,
who leads, and the reporting-verb asymmetry by side.

* **Types and diversity** — each outlet's pooled share of every source type
  (sources counted once per article), Gini–Simpson and Shannon diversity of
  the pooled shares (Masini et al. 2018), each with a percentile-bootstrap
  95 % interval from resampling the outlet's articles (a cluster bootstrap:
  sources of one article stay together), and the mean of the article-level
  Simpson index with its bootstrap CI.
* **Prominence** — the share of articles whose first-quoted source is of
  each type, and of sources quoted in the lede.
* **Asymmetry** — for sides (the actors file's ``group`` of the quoted
  source, or the source types when no source has a group), the share of
  each side's cue-verbed quotes whose verb is distancing, neutral or
  endorsing (``lexicons/cue_stance.tsv``; Thompson & Ye 1991, Floyd 2000),
  per outlet; for each pair of sides the ratio of the distancing (and
  endorsing) rates with a cluster-bootstrap CI and a permutation test
  (side labels shuffled over the pair's quotes), corrected over all such
  tests like the other tests of the comparison.
"""
from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import TYPE_CHECKING, Any

import numpy as np

from . import stats as st
from ..analyzers.sources.diversity import indices, shannon, simpson
from ..metrics import _get
from .stats import seed_for

if TYPE_CHECKING:  # pragma: no cover
    from .comparer import Comparer

STANCES = ("distancing", "neutral", "endorsing")
TESTED = ("distancing", "endorsing")
MIN_QUOTES = 5  # quotes per side and outlet before a side is compared


def article_record(report: Any) -> dict | None:
    """What one article contributes: its sources' types, first and lede
    types, and per quote (side by group, side by type, stance)."""
    sec = _get(report, "sources", {}) or {}
    items = _get(sec, "items", []) or []
    if not items:
        return None
    types = [str(_get(it, "type") or "unknown") for it in items]
    quotes = []
    for it in items:
        st_ = _get(it, "stance", {}) or {}
        for stance, n in st_.items():
            quotes += [(_get(it, "group"), str(_get(it, "type") or "unknown"), stance)] * int(n)
    first = min(items, key=lambda it: _get(it, "rank", 0) or 0)
    return {"types": types, "first": str(_get(first, "type") or "unknown"),
            "lede": [str(_get(it, "type")) for it in items if _get(it, "in_lede")],
            "quotes": quotes}


def _shares(counter: Counter) -> dict[str, float]:
    n = sum(counter.values())
    return {k: v / n for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))} if n else {}


def _outlet(c: "Comparer", name: str, arts: list[dict]) -> dict:
    typed = [[t for t in a["types"] if t != "unknown"] for a in arts]
    kinds = sorted({t for ts in typed for t in ts})
    pooled = Counter(t for ts in typed for t in ts)
    out: dict[str, Any] = {"articles": len(arts), "sources": sum(len(a["types"]) for a in arts),
                           "typed": sum(pooled.values()),
                           "by_type": dict(sorted(Counter(t for a in arts for t in a["types"]).items(),
                                                  key=lambda kv: (-kv[1], kv[0]))),
                           "shares": _shares(pooled), "simpson": simpson(pooled.values()),
                           "shannon": shannon(pooled.values()),
                           "first_quoted": _shares(Counter(a["first"] for a in arts)),
                           "lede": _shares(Counter(t for a in arts for t in a["lede"]))}
    if kinds and len(arts) >= 2:
        m = np.array([[ts.count(k) for k in kinds] for ts in typed], dtype=float)
        rng = st.rng(seed_for(c.seed, "sources", name))
        draws = rng.integers(0, len(arts), size=(c.n_boot, len(arts)))
        counts = m[draws].sum(axis=1)
        simp, shan = indices(counts)
        out["simpson_ci"] = [float(np.nanquantile(simp, 0.025)), float(np.nanquantile(simp, 0.975))]
        out["shannon_ci"] = [float(np.nanquantile(shan, 0.025)), float(np.nanquantile(shan, 0.975))]
        n = counts.sum(axis=1, keepdims=True)
        p = np.divide(counts, n, out=np.zeros_like(counts), where=n > 0)
        out["share_ci"] = {k: [float(np.quantile(p[:, i], 0.025)), float(np.quantile(p[:, i], 0.975))]
                           for i, k in enumerate(kinds)}
    else:
        out["simpson_ci"] = out["shannon_ci"] = [None, None]
        out["share_ci"] = {}
    per_article = [simpson(Counter(ts).values()) for ts in typed if ts]
    out["article_simpson"] = st.describe([x for x in per_article if x is not None], n_boot=c.n_boot,
                                         seed=seed_for(c.seed, "sources-article", name))
    return out


def _fill_zeros(outlets: dict[str, dict]) -> None:
    """A source type another outlet has and this one lacks: share 0 (CI
    0–0) and count 0, not missing."""
    kinds = sorted({k for o in outlets.values() for k in o["shares"]})
    types = sorted({k for o in outlets.values() for k in o["by_type"]})
    for o in outlets.values():
        o["shares"] = {k: o["shares"].get(k, 0.0) for k in
                       sorted(kinds, key=lambda k: (-o["shares"].get(k, 0.0), k))}
        if o["share_ci"]:
            o["share_ci"] = {k: o["share_ci"].get(k, [0.0, 0.0]) for k in kinds}
        o["by_type"] = {k: o["by_type"].get(k, 0) for k in
                        sorted(types, key=lambda k: (-o["by_type"].get(k, 0), k))}


def _rates(quotes: list[tuple[str, str]]) -> dict[str, Any]:
    """Stance shares of one side's quotes (only cue-verbed quotes count)."""
    n = len(quotes)
    counts = Counter(s for _, s in quotes)
    return {"quotes": n, **{s: counts.get(s, 0) for s in (*STANCES, "other")},
            **{f"{s}_rate": counts.get(s, 0) / n if n else None for s in STANCES}}


def _asymmetry_test(c: "Comparer", outlet: str, x: str, y: str, stance: str,
                    qx: list[tuple[int, str]], qy: list[tuple[int, str]]) -> dict:
    """Ratio of ``stance`` rates of sides x and y: cluster-bootstrap CI over
    articles, permutation test over quotes."""
    bx = np.array([s == stance for _, s in qx], dtype=float)
    by = np.array([s == stance for _, s in qy], dtype=float)
    rx, ry = float(bx.mean()), float(by.mean())
    seed = seed_for(c.seed, "asym", outlet, x, y, stance)
    rng = st.rng(seed)
    pooled = np.concatenate([bx, by])
    obs = abs(rx - ry)
    hits, done = 0, 0
    while done < c.n_perm:  # blocks keep memory small on big outlets
        block = min(1000, c.n_perm - done)
        perm = rng.permuted(np.tile(pooled, (block, 1)), axis=1)
        d = np.abs(perm[:, :len(bx)].mean(axis=1) - perm[:, len(bx):].mean(axis=1))
        hits += int((d >= obs - 1e-12).sum())
        done += block
    total = done
    p = (hits + 1) / (total + 1)
    arts = sorted({a for a, _ in qx} | {a for a, _ in qy})
    ax = np.array([arts.index(a) for a, _ in qx])
    ay = np.array([arts.index(a) for a, _ in qy])
    sx = np.bincount(ax, weights=bx, minlength=len(arts))
    nx = np.bincount(ax, minlength=len(arts)).astype(float)
    sy = np.bincount(ay, weights=by, minlength=len(arts))
    ny = np.bincount(ay, minlength=len(arts)).astype(float)
    draws = rng.integers(0, len(arts), size=(c.n_boot, len(arts)))
    w = np.stack([np.bincount(d, minlength=len(arts)) for d in draws]).astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        brx = (w @ sx) / (w @ nx)
        bry = (w @ sy) / (w @ ny)
        ratio = brx / bry
    diff = brx - bry
    ok = np.isfinite(ratio)
    ratio_ci = ([float(np.quantile(ratio[ok], 0.025)), float(np.quantile(ratio[ok], 0.975))]
                if ok.mean() > 0.95 else [None, None])
    okd = np.isfinite(diff)
    return {"outlet": outlet, "stance": stance, "side_a": x, "side_b": y,
            "quotes_a": len(bx), "quotes_b": len(by), "rate_a": rx, "rate_b": ry,
            "ratio": rx / ry if ry > 0 else None, "ratio_ci": ratio_ci,
            # for a 0/1 outcome Cliff's delta (the rank-biserial r) is the difference of rates
            "effect_size": rx - ry,
            "diff": rx - ry, "diff_ci": [float(np.quantile(diff[okd], 0.025)),
                                         float(np.quantile(diff[okd], 0.975))] if okd.any() else [None, None],
            "p": p, "p_method": f"permutation ({total} shuffles of side labels over quotes)"}


def _times(r: float) -> str:
    return f"{r:.1f}×" if r < 10 else f"{r:.0f}×"


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%" if x >= 0.1 or x == 0 else f"{100 * x:.1f}%"


def statement(t: dict, correction: str) -> str:
    """One asymmetry test in plain language, higher-rate side first."""
    corr = "Holm-corrected" if correction == "holm" else "BH-corrected"
    a, b, ra, rb, na, nb = t["side_a"], t["side_b"], t["rate_a"], t["rate_b"], t["quotes_a"], t["quotes_b"]
    lo, hi = t["ratio_ci"]
    if ra < rb:
        a, b, ra, rb, na, nb = b, a, rb, ra, nb, na
        lo, hi = (1 / hi if hi else None), (1 / lo if lo else None)
    verbs = f"{t['stance']} verbs"
    p_part = f"permutation p {_p(t['p'])}, {corr} p {_p(t['p_adjusted'])}"
    rates = f"{_pct(ra)} of {na} quotes vs {_pct(rb)} of {nb}"
    if not t["significant"]:
        return (f"{t['outlet']}: no clear difference in {verbs} between {a} and {b} "
                f"({rates}; {p_part}).")
    if rb == 0:
        return (f"{t['outlet']} uses {verbs} for {a} ({_pct(ra)} of {na} quotes) and never for "
                f"{b} (0 of {nb}; {p_part}).")
    ci = f"95% CI of the ratio {_times(lo)}–{_times(hi)}; " if lo and hi else ""
    return (f"{t['outlet']} uses {verbs} {_times(ra / rb)} as often for {a} as for {b} "
            f"({rates}; {ci}{p_part}).")


def _p(p: float | None) -> str:
    if p is None:
        return "= –"
    return "< 0.001" if p < 0.001 else (f"= {p:.3f}" if p < 0.01 else f"= {p:.2f}")


def section(c: "Comparer", names: list[str]) -> dict[str, Any]:
    """The ``sources`` part of comparison.json."""
    records = {n: c._outlets[n].sources for n in names}
    if not any(records.values()):
        return {"outlets": {}, "asymmetry": {"sides": None, "rates": {}, "tests": []},
                "findings": []}
    outlets = {n: _outlet(c, n, arts) for n, arts in records.items() if arts}
    _fill_zeros(outlets)
    by_group = any(g for arts in records.values() for a in arts for g, _, _ in a["quotes"])
    sides = "group" if by_group else "source type"
    rates: dict[str, dict[str, Any]] = {}
    tests = []
    for n, arts in records.items():
        per_side: dict[str, list[tuple[int, str]]] = {}
        for i, a in enumerate(arts):
            for group, typ, stance in a["quotes"]:
                side = group if by_group else typ
                if side and side != "unknown":
                    per_side.setdefault(side, []).append((i, stance))
        if not per_side:
            continue
        rates[n] = {s: _rates(q) for s, q in sorted(per_side.items())}
        big = sorted(s for s, q in per_side.items() if len(q) >= MIN_QUOTES)
        for x, y in combinations(big, 2):
            for stance in TESTED:
                if not any(s == stance for _, s in per_side[x] + per_side[y]):
                    continue
                tests.append(_asymmetry_test(c, n, x, y, stance, per_side[x], per_side[y]))
    adj = st.CORRECTIONS[c.correction]([t["p"] for t in tests]) if tests else []
    for t, pa in zip(tests, adj):
        t["p_adjusted"] = pa
        t["significant"] = pa < c.alpha
        t["statement"] = statement(t, c.correction)
    sig = sorted((t for t in tests if t["significant"]),
                 key=lambda t: (t["p_adjusted"], t["outlet"], t["stance"], t["side_a"]))
    return {"outlets": outlets,
            "asymmetry": {"sides": sides, "min_quotes": MIN_QUOTES, "rates": rates, "tests": tests},
            "findings": [t["statement"] for t in sig]}


def csv_rows(result: dict) -> list[tuple[str, str, str, dict]]:
    """(outlet, metric, unit, cells) rows for comparison.csv (snake_case
    metric names: ``sources_share_official``, ``cue_stance_council_distancing``)."""
    from .export import snake

    out = []
    sec = result.get("sources") or {}
    for name, o in (sec.get("outlets") or {}).items():
        for key in ("simpson", "shannon"):
            lo, hi = o.get(f"{key}_ci") or [None, None]
            out.append((name, f"sources_{key}", "diversity of source types (pooled)",
                        {"value": o.get(key), "n": o.get("typed"), "ci_low": lo, "ci_high": hi}))
        for t, share in o.get("shares", {}).items():
            lo, hi = (o.get("share_ci") or {}).get(t, [None, None])
            out.append((name, f"sources_share_{snake(t)}", "share of typed sources",
                        {"value": share, "n": o["by_type"].get(t), "ci_low": lo, "ci_high": hi}))
        kinds = {t for oo in sec["outlets"].values() for t in oo.get("first_quoted", {})}
        for t in sorted(kinds):
            out.append((name, f"sources_first_quoted_{snake(t)}", "share of articles",
                        {"value": o.get("first_quoted", {}).get(t, 0.0), "n": o["articles"]}))
    for name, sides in ((sec.get("asymmetry") or {}).get("rates") or {}).items():
        for side, r in sides.items():
            for s in STANCES:
                out.append((name, f"cue_stance_{snake(side)}_{s}", "share of the side's quotes",
                            {"value": r[f"{s}_rate"], "n": r["quotes"]}))
    return out


def markdown(result: dict) -> str:
    """The sources part of a comparison as Markdown tables."""
    sec = result.get("sources") or {}
    outlets = sec.get("outlets") or {}
    if not outlets:
        return ""
    kinds = sorted({t for o in outlets.values() for t in o.get("shares", {})})
    lines = ["## Sources", "",
             "Share of typed sources per outlet; diversity with a 95 % bootstrap CI over articles.", "",
             "| outlet | sources | " + " | ".join(kinds) + " | Simpson | Shannon |",
             "|---|---:|" + "---:|" * len(kinds) + "---:|---:|"]
    for name, o in outlets.items():
        cells = [f"{100 * o['shares'].get(k, 0):.0f}%" for k in kinds]
        lines.append(f"| {_md(name)} | {o['sources']} | " + " | ".join(cells) +
                     f" | {_ci(o['simpson'], o['simpson_ci'])} | {_ci(o['shannon'], o['shannon_ci'])} |")
    asym = sec.get("asymmetry") or {}
    if asym.get("rates"):
        lines += ["", f"### Reporting verbs by side ({asym['sides']})", "",
                  "| outlet | side | quotes | distancing | neutral | endorsing |",
                  "|---|---|---:|---:|---:|---:|"]
        for name, sides in asym["rates"].items():
            for side, r in sides.items():
                lines.append(f"| {_md(name)} | {_md(side)} | {r['quotes']} | " + " | ".join(
                    _pct(r[f'{s}_rate']) if r[f"{s}_rate"] is not None else "–" for s in STANCES) + " |")
        if asym.get("tests"):
            lines += [""] + [f"- {_md(t['statement'])}" for t in asym["tests"]]
    return "\n".join(lines) + "\n"


def _ci(x: float | None, ci: list) -> str:
    if x is None:
        return "–"
    lo, hi = ci or [None, None]
    return f"{x:.2f} [{lo:.2f}–{hi:.2f}]" if lo is not None else f"{x:.2f}"


def _md(s: str) -> str:
    return str(s).replace("|", "\\|").replace("\n", " ")
