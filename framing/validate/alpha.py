"""Krippendorff's alpha for nominal, ordinal, interval and ratio data, with
missing values, and a bootstrap confidence interval over units.

Follows Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability"
(Annenberg School for Communication, University of Pennsylvania):

* reliability data are units × coders; a missing value is ``None``, NaN or "";
* a unit with fewer than two values is not pairable and is dropped;
* the coincidence matrix is ``o[c][k] = Σ_u (number of c–k pairs in u) / (m_u − 1)``,
  ``n_c = Σ_k o[c][k]``, ``n = Σ_c n_c`` (the number of pairable values);
* ``α = 1 − (n − 1) · Σ o[c][k] δ²(c,k) / Σ n_c n_k δ²(c,k)``;
* δ² is 0/1 (nominal), ``(c − k)²`` (interval), ``((c − k)/(c + k))²`` (ratio),
  and for ordinal ``(Σ_{g=c..k} n_g − (n_c + n_k)/2)²`` over the values in rank
  order.

α is undefined (``None`` with a reason) when no unit has two values, or when
every pairable value is the same (the expected disagreement is zero).
Checked against the ``krippendorff`` package to 1e-9 (tests/validate/test_alpha.py).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Hashable, Optional, Sequence

import numpy as np

LEVELS = ("nominal", "ordinal", "interval", "ratio")


@dataclass
class AlphaResult:
    alpha: Optional[float]
    units: int = 0  # units with at least one value
    pairable_units: int = 0  # units with two or more values
    pairable: int = 0  # n: values in pairable units
    values: list = field(default_factory=list)  # the value domain, in order
    reason: Optional[str] = None  # why alpha is None


def is_missing(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or (isinstance(v, str) and v == "")


def _check_level(level: str) -> None:
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; use one of {', '.join(LEVELS)}")


def _domain(data: Sequence[Sequence], level: str) -> list:
    vals = {v for row in data for v in row if not is_missing(v)}
    if level == "nominal":
        try:
            return sorted(vals)
        except TypeError:
            return sorted(vals, key=repr)
    for v in vals:
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise ValueError(f"the {level} level needs numbers; got {v!r}")
    if level == "ratio" and any(v < 0 for v in vals):
        raise ValueError("the ratio level needs values of zero or more")
    return sorted(vals)


def _counts(data: Sequence[Sequence], values: list) -> np.ndarray:
    """Pairable units × values: how many coders gave each value to each unit."""
    index = {v: i for i, v in enumerate(values)}
    rows = []
    for row in data:
        c = np.zeros(len(values))
        for v in row:
            if not is_missing(v):
                c[index[v]] += 1
        rows.append(c)
    counts = np.array(rows).reshape(len(rows), len(values))
    return counts


def _coincidences(counts: np.ndarray, weights: Optional[np.ndarray] = None) -> np.ndarray:
    """The coincidence matrix of the pairable rows of ``counts``, each unit
    counted ``weights[u]`` times (a bootstrap draw)."""
    m = counts.sum(axis=1)
    keep = m >= 2
    c, mk = counts[keep], m[keep]
    s = 1.0 / (mk - 1.0)
    if weights is not None:
        s = s * weights
    # Σ_u s_u (c_u c_uᵀ − diag(c_u)): pairs of a value with itself are n(n−1), not n²
    return (c * s[:, None]).T @ c - np.diag(s @ c)


def _delta2(values: list, level: str, n_v: np.ndarray) -> np.ndarray:
    k = len(values)
    if level == "nominal":
        return 1.0 - np.eye(k)
    x = np.asarray(values, dtype=float)
    if level == "interval":
        return (x[:, None] - x[None, :]) ** 2
    if level == "ratio":
        s = x[:, None] + x[None, :]
        d = x[:, None] - x[None, :]
        r = np.divide(d, s, out=np.zeros_like(d), where=s != 0)
        return r ** 2
    # ordinal: ranks by the marginal frequencies of the values between c and k
    cum = np.concatenate([[0.0], np.cumsum(n_v)])
    i = np.arange(k)
    lo = np.minimum(i[:, None], i[None, :])
    hi = np.maximum(i[:, None], i[None, :])
    between = cum[hi + 1] - cum[lo]
    return (between - (n_v[lo] + n_v[hi]) / 2.0) ** 2


def _alpha_from(o: np.ndarray, values: list, level: str) -> tuple[Optional[float], Optional[str]]:
    n_v = o.sum(axis=1)
    n = n_v.sum()
    if n < 2:
        return None, "no unit has values from two coders"
    d2 = _delta2(values, level, n_v)
    d_o = float((o * d2).sum())
    d_e = float((np.outer(n_v, n_v) * d2).sum())
    if d_e <= 1e-12 * max(1.0, float(n) ** 2):
        return None, "every pairable value is the same, so alpha is undefined"
    return 1.0 - (n - 1) * d_o / d_e, None


def alpha(data: Sequence[Sequence[Hashable]], level: str = "nominal") -> AlphaResult:
    """Krippendorff's alpha of ``data``, a list of units, each the list of
    its coders' values (``None`` where a coder gave none)."""
    _check_level(level)
    values = _domain(data, level)
    counts = _counts(data, values)
    m = counts.sum(axis=1)
    o = _coincidences(counts)
    a, reason = _alpha_from(o, values, level)
    return AlphaResult(alpha=a, units=int((m > 0).sum()), pairable_units=int((m >= 2).sum()),
                       pairable=int(round(o.sum())), values=values, reason=reason)


def bootstrap_ci(data: Sequence[Sequence[Hashable]], level: str = "nominal", *,
                 samples: int = 1000, confidence: float = 0.95,
                 seed: int = 0) -> Optional[tuple[float, float]]:
    """A percentile bootstrap interval for alpha, resampling pairable units
    with replacement (``samples`` draws from a fixed ``seed``: the same data
    give the same interval). Draws where alpha is undefined (all drawn units
    agree on one value) are skipped; ``None`` when alpha itself is undefined
    or ``samples`` is 0."""
    _check_level(level)
    values = _domain(data, level)
    counts = _counts(data, values)
    counts = counts[counts.sum(axis=1) >= 2]
    if samples <= 0 or _alpha_from(_coincidences(counts), values, level)[0] is None:
        return None
    rng = np.random.default_rng(seed)
    u = len(counts)
    draws = []
    for _ in range(samples):
        w = np.bincount(rng.integers(0, u, u), minlength=u).astype(float)
        a, _ = _alpha_from(_coincidences(counts, w), values, level)
        if a is not None:
            draws.append(a)
    if not draws:
        return None
    tail = (1.0 - confidence) / 2.0 * 100.0
    lo, hi = np.percentile(draws, [tail, 100.0 - tail])
    return float(lo), float(hi)
