"""Diversity of source types: Simpson's and Shannon's indices with
percentile-bootstrap intervals.

Masini et al. (2018, "Measuring and explaining the diversity of voices and
viewpoints in the news", Journalism Studies 19(15), 2324–2343) measure the
diversity of actors in news with Simpson's index at article and outlet
level. Here, over the shares p_i of source types:

* Gini–Simpson diversity 1 − Σ p_i² — the chance that two sources drawn at
  random (with replacement) are of different types (Simpson 1949);
* Shannon entropy H = −Σ p_i ln p_i in nats (Shannon 1948).

Both are 0 when every source is of one type. ``unknown`` sources are left
out (no type is not a type).

Intervals are for many sources (an outlet: resampling its articles, see
:mod:`framing.compare.sources`); the plug-in indices are biased downward
in small samples (a resample repeats sources), so an article's handful of
sources gets no interval.
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Iterable, Sequence

import numpy as np


def simpson(counts: Iterable[int]) -> float | None:
    c = [x for x in counts if x > 0]
    n = sum(c)
    return 1.0 - sum((x / n) ** 2 for x in c) if n else None


def shannon(counts: Iterable[int]) -> float | None:
    c = [x for x in counts if x > 0]
    n = sum(c)
    return -sum((x / n) * math.log(x / n) for x in c) + 0.0 if n else None


def indices(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Simpson and Shannon for each row of a (resamples × types) count matrix."""
    n = counts.sum(axis=1, keepdims=True)
    p = np.divide(counts, n, out=np.zeros(counts.shape, dtype=float), where=n > 0)
    simp = 1.0 - (p ** 2).sum(axis=1)
    logp = np.log(np.where(p > 0, p, 1.0))
    shan = -(p * logp).sum(axis=1) + 0.0
    empty = n[:, 0] == 0
    simp[empty] = np.nan
    shan[empty] = np.nan
    return simp, shan


def describe(labels: Sequence[str]) -> dict:
    """Counts, shares and both indices for one set of sources (``unknown`` left out)."""
    labels = [x for x in labels if x != "unknown"]
    counts = Counter(labels)
    n = len(labels)
    order = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return {"n": n, "counts": dict(order), "shares": {k: v / n for k, v in order} if n else {},
            "simpson": simpson(counts.values()), "shannon": shannon(counts.values())}
