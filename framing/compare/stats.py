"""Statistics behind :mod:`framing.compare.comparer`, in plain numpy.

- :func:`bootstrap_ci` — percentile bootstrap interval (Efron & Tibshirani
  1993, ch. 13) of a statistic, and :func:`bootstrap_ratio_ci` for the ratio
  (or difference) of two independent groups' means;
- :func:`permutation_test` — two-sided test of a difference in means by
  re-assigning group labels: exact enumeration when the number of
  assignments is small, otherwise Monte Carlo with ``p = (1 + b) / (1 + B)``
  (Phipson & Smyth 2010);
- :func:`mann_whitney` — the U statistic, its normal-approximation p-value
  with tie and continuity correction, and the rank-biserial correlation
  (Kerby 2014; equal to Cliff's delta) as effect size;
- :func:`sign_flip_test` — paired version (the same story in two outlets),
  with :func:`paired_rank_biserial` (Kerby 2014) as its effect size;
- :func:`holm` and :func:`benjamini_hochberg` — multiple-comparison
  corrections (Holm 1979; Benjamini & Hochberg 1995);
- :func:`log_odds_dirichlet` — "Fightin' Words" log-odds ratios with an
  informative Dirichlet prior and their z-scores (Monroe, Colaresi & Quinn
  2008, eqs. 16–22).

Every random step takes an explicit seed (numpy's PCG64), so the same data
give the same numbers on every run.
"""
from __future__ import annotations

import zlib

import math
from itertools import combinations
from typing import Callable, Mapping, Sequence

import numpy as np

#: above this many label assignments the permutation test samples instead
EXACT_LIMIT = 20_000
#: Monte Carlo work per block (rows × values), to bound memory
_BLOCK = 2_000_000


def rng(seed: int) -> np.random.Generator:
    return np.random.Generator(np.random.PCG64(seed))


def bootstrap_ci(values: Sequence[float], stat: Callable = np.mean, *, n_boot: int = 2000,
                 seed: int = 0, level: float = 0.95) -> tuple[float, float] | tuple[None, None]:
    """Percentile bootstrap interval of ``stat`` (default: the mean);
    ``(None, None)`` without values."""
    x = np.asarray(values, dtype=float)
    if x.size == 0:
        return None, None
    if x.size == 1 or np.all(x == x[0]):
        v = float(stat(x))
        return v, v
    g = rng(seed)
    stats = np.empty(n_boot)
    rows = max(1, _BLOCK // x.size)
    for i in range(0, n_boot, rows):
        k = min(rows, n_boot - i)
        idx = g.integers(0, x.size, size=(k, x.size))
        stats[i:i + k] = stat(x[idx], axis=1)
    lo, hi = np.quantile(stats, [(1 - level) / 2, 1 - (1 - level) / 2])
    return float(lo), float(hi)


def bootstrap_ratio_ci(a: Sequence[float], b: Sequence[float], *, n_boot: int = 2000,
                       seed: int = 0, level: float = 0.95) -> dict:
    """Bootstrap intervals of mean(a)/mean(b) and mean(a)−mean(b), each group
    resampled on its own. The ratio interval is None when mean(b) is 0 in
    more than 2.5 % of resamples (the ratio is then unbounded)."""
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    g = rng(seed)
    ma = x[g.integers(0, x.size, size=(n_boot, x.size))].mean(axis=1)
    mb = y[g.integers(0, y.size, size=(n_boot, y.size))].mean(axis=1)
    q = [(1 - level) / 2, 1 - (1 - level) / 2]
    diff = np.quantile(ma - mb, q)
    out = {"diff_ci": (float(diff[0]), float(diff[1])), "ratio_ci": (None, None)}
    ok = mb > 0
    if ok.mean() >= 1 - (1 - level) / 2:
        ratio = np.where(ok, ma / np.where(ok, mb, 1.0), np.inf)
        r = np.quantile(ratio, q)
        if np.isfinite(r).all():
            out["ratio_ci"] = (float(r[0]), float(r[1]))
    return out


def permutation_test(a: Sequence[float], b: Sequence[float], *, n_perm: int = 9999,
                     seed: int = 0) -> tuple[float, str]:
    """Two-sided p-value for mean(a) ≠ mean(b) and the method used
    (``"exact"`` or ``"monte carlo"``)."""
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    n1, n = x.size, x.size + y.size
    if n1 == 0 or y.size == 0:
        return 1.0, "none"
    pooled = np.concatenate([x, y])
    total = pooled.sum()
    observed = abs(x.mean() - y.mean())
    tol = 1e-9 * max(1.0, abs(observed))

    def diffs(sums: np.ndarray) -> np.ndarray:
        return np.abs(sums / n1 - (total - sums) / (n - n1))

    if math.comb(n, n1) <= EXACT_LIMIT:
        sums = np.array([pooled[list(c)].sum() for c in combinations(range(n), n1)])
        return float(np.mean(diffs(sums) >= observed - tol)), "exact"
    g = rng(seed)
    hits = 0
    rows = max(1, _BLOCK // n)
    for i in range(0, n_perm, rows):
        k = min(rows, n_perm - i)
        perm = g.permuted(np.broadcast_to(pooled, (k, n)), axis=1)
        hits += int(np.sum(diffs(perm[:, :n1].sum(axis=1)) >= observed - tol))
    return (1 + hits) / (1 + n_perm), "monte carlo"


def _ranks(x: np.ndarray) -> np.ndarray:
    """Average ranks (1-based), ties sharing their mean rank."""
    order = np.argsort(x, kind="mergesort")
    s = x[order]
    ranks = np.empty(x.size)
    i = 0
    while i < x.size:
        j = i
        while j + 1 < x.size and s[j + 1] == s[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def mann_whitney(a: Sequence[float], b: Sequence[float]) -> dict:
    """U of ``a``, two-sided normal-approximation p (tie- and
    continuity-corrected) and the rank-biserial correlation
    ``r = 2U/(n1·n2) − 1`` (positive when ``a`` tends to be larger)."""
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    n1, n2 = x.size, y.size
    if n1 == 0 or n2 == 0:
        return {"U": None, "p": None, "rank_biserial": None}
    pooled = np.concatenate([x, y])
    r = _ranks(pooled)
    u = float(r[:n1].sum() - n1 * (n1 + 1) / 2)
    n = n1 + n2
    _, counts = np.unique(pooled, return_counts=True)
    tie = float(np.sum(counts ** 3 - counts))
    var = n1 * n2 / 12 * ((n + 1) - tie / (n * (n - 1)))
    if var <= 0:
        p = 1.0
    else:
        z = (abs(u - n1 * n2 / 2) - 0.5) / math.sqrt(var)
        p = min(1.0, math.erfc(max(z, 0.0) / math.sqrt(2)))
    return {"U": u, "p": p, "rank_biserial": 2 * u / (n1 * n2) - 1}


def sign_flip_test(diffs: Sequence[float], *, n_perm: int = 9999, seed: int = 0) -> tuple[float, str]:
    """Two-sided paired permutation test of mean(diffs) ≠ 0 by flipping
    signs: exact for up to 14 pairs, Monte Carlo beyond."""
    d = np.asarray(diffs, dtype=float)
    if d.size == 0 or np.all(d == 0):
        return 1.0, "none"
    observed = abs(d.mean())
    tol = 1e-9 * max(1.0, observed)
    if d.size <= 14:
        signs = ((np.arange(2 ** d.size)[:, None] >> np.arange(d.size)) & 1) * 2 - 1
        return float(np.mean(np.abs(signs @ d / d.size) >= observed - tol)), "exact"
    g = rng(seed)
    hits = 0
    rows = max(1, _BLOCK // d.size)
    for i in range(0, n_perm, rows):
        k = min(rows, n_perm - i)
        signs = g.integers(0, 2, size=(k, d.size)) * 2 - 1
        hits += int(np.sum(np.abs(signs @ d / d.size) >= observed - tol))
    return (1 + hits) / (1 + n_perm), "monte carlo"


def paired_rank_biserial(diffs: Sequence[float]) -> float | None:
    """Matched-pairs rank-biserial correlation (Kerby 2014): the share of the
    Wilcoxon signed-rank sum that favours a positive difference minus the
    share that favours a negative one; zero differences are dropped.
    +1: every story higher in the first outlet."""
    d = np.asarray(diffs, dtype=float)
    d = d[d != 0]
    if d.size == 0:
        return None
    r = _ranks(np.abs(d))
    return float((r[d > 0].sum() - r[d < 0].sum()) / r.sum())


def holm(pvalues: Sequence[float]) -> list[float]:
    """Holm–Bonferroni adjusted p-values, in the input order."""
    p = np.asarray(pvalues, dtype=float)
    m = p.size
    order = np.argsort(p, kind="mergesort")
    adj = np.empty(m)
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p[i]))
        adj[i] = running
    return adj.tolist()


def benjamini_hochberg(pvalues: Sequence[float]) -> list[float]:
    """Benjamini–Hochberg (false discovery rate) adjusted p-values."""
    p = np.asarray(pvalues, dtype=float)
    m = p.size
    order = np.argsort(p, kind="mergesort")[::-1]
    adj = np.empty(m)
    running = 1.0
    for k, i in enumerate(order):
        rank = m - k
        running = min(running, p[i] * m / rank)
        adj[i] = min(1.0, running)
    return adj.tolist()


CORRECTIONS = {"holm": holm, "bh": benjamini_hochberg}


def log_odds_dirichlet(counts_i: Mapping[str, float], counts_j: Mapping[str, float],
                       prior: Mapping[str, float], *, n_i: float | None = None,
                       n_j: float | None = None) -> dict[str, tuple[float, float, float]]:
    """Log-odds ratio of each word between corpora *i* and *j* with an
    informative Dirichlet prior ``prior`` (pseudo-counts α_w), after Monroe,
    Colaresi & Quinn (2008):

        δ_w = log[(y_iw + α_w) / (n_i + α_0 − y_iw − α_w)]
            − log[(y_jw + α_w) / (n_j + α_0 − y_jw − α_w)]
        σ²_w ≈ 1/(y_iw + α_w) + 1/(y_jw + α_w),     z_w = δ_w / σ_w

    with ``n`` the corpus sizes (``n_i``/``n_j``; default: the sums of the
    counts) and ``α_0 = Σ α_w``. Returns
    ``{word: (δ, σ², z)}`` for every word of ``prior`` with α_w > 0;
    z > 0 means the word is more typical of *i*.
    """
    a0 = float(sum(prior.values()))
    n_i = float(sum(counts_i.values()) if n_i is None else n_i)
    n_j = float(sum(counts_j.values()) if n_j is None else n_j)
    out = {}
    for w, a in prior.items():
        if a <= 0:
            continue
        yi, yj = float(counts_i.get(w, 0)), float(counts_j.get(w, 0))
        delta = (math.log((yi + a) / (n_i + a0 - yi - a))
                 - math.log((yj + a) / (n_j + a0 - yj - a)))
        var = 1.0 / (yi + a) + 1.0 / (yj + a)
        out[w] = (delta, var, delta / math.sqrt(var))
    return out


def describe(values: Sequence[float], *, n_boot: int, seed: int) -> dict:
    """n, mean, median, sd, min, max and the bootstrap 95 % CI of the mean;
    None (not 0) for every number when there are no values."""
    x = np.asarray(values, dtype=float)
    if x.size == 0:
        return {"n": 0, "mean": None, "median": None, "sd": None, "ci_low": None,
                "ci_high": None, "min": None, "max": None}
    lo, hi = bootstrap_ci(x, n_boot=n_boot, seed=seed)
    return {"n": int(x.size), "mean": float(x.mean()), "median": float(np.median(x)),
            "sd": float(x.std(ddof=1)) if x.size > 1 else None, "ci_low": lo, "ci_high": hi,
            "min": float(x.min()), "max": float(x.max())}


def seed_for(base: int, *parts: str) -> int:
    """A per-test seed from the run seed and the test names (stable across runs)."""
    return (base * 1_000_003 + zlib.crc32("\0".join(parts).encode("utf-8"))) % 2**32
