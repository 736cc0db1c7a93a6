"""What a sentiment score means, and the one rule that turns it into a label.

A score is P(positive) − P(negative) under the model that produced it, in
[−1, 1] (NewsMTSC's three classes, Hamborg & Donnay 2021); 0 means the model
sees no stance or balanced evidence. Every label in a report — a mention's,
an actor's mean, the author's and quoted voices', an outlet cell's — comes
from :func:`label_of` over such a score (or a mean of them), so a label
never contradicts its score and labels are ordered as scores are.
"""
from __future__ import annotations

import math

from ..report import SentimentSummary

#: |score| at or above which a stance is labelled (negative ≤ −CUT, positive ≥ CUT).
#: Chosen on NewsMTSC *train* (the encoder's macro-F1 there: 0.881 at 0.2, 0.889
#: at 0.3, 0.891 at 0.4, 0.886 at 0.5; argmax 0.899), never on dev.
CUT = 0.4
# two-sided 95 % Student t quantiles, df 1..30 (then the normal 1.96)
T95 = (12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179,
       2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064,
       2.060, 2.056, 2.052, 2.048, 2.045, 2.042)


def label_of(score: float) -> str:
    """"positive" if score ≥ CUT, "negative" if score ≤ −CUT, else "neutral"."""
    return "positive" if score >= CUT else "negative" if score <= -CUT else "neutral"


def summarise(scores: list[float]) -> SentimentSummary:
    """Mean score, its label (:func:`label_of`) and 95 % t-interval, with n."""
    n = len(scores)
    if n == 0:
        return SentimentSummary()
    mean = sum(scores) / n
    label = label_of(mean)
    if n == 1:
        return SentimentSummary(1, round(mean, 4), label, None, None)
    var = sum([(s - mean) ** 2 for s in scores]) / (n - 1)
    half = (T95[n - 2] if n - 1 <= len(T95) else 1.96) * math.sqrt(var / n)
    return SentimentSummary(n, round(mean, 4), label, round(max(-1.0, mean - half), 4),
                            round(min(1.0, mean + half), 4))
