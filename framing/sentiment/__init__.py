"""Target-dependent sentiment below the analyzers: features, models, scorers.

:func:`target_sentiment` scores spans with the fine-tuned encoder
(:mod:`.encoder`, the default) or, with ``fast=True``, the linear model
(:mod:`.linear`: features and scorer; :mod:`.rules` its word lists and
shared rules; :mod:`.fast` the table-lookup scorer). :mod:`.labels` says
what a score means and holds the one label rule.
"""
from __future__ import annotations

from typing import Sequence

from ..document import Document
from .labels import CUT, label_of
from .linear import SentimentScorer, TargetSentiment, features

__all__ = ["SentimentScorer", "TargetSentiment", "features", "target_sentiment", "label_of", "CUT"]


def target_sentiment(text: str | Document, spans: Sequence[tuple[int, int]], *,
                     fast: bool = False) -> list[TargetSentiment]:
    """Sentiment toward the entity at each ``(start, end)`` span of ``text``.

    One :class:`TargetSentiment` per span, in order: ``score`` =
    P(positive) − P(negative) in [−1, 1], ``label`` by :func:`label_of`,
    ``probabilities``. The default model is the fine-tuned encoder;
    ``fast=True`` takes the linear model. Raises ``ValueError`` for a span
    outside the text.
    """
    from . import linear

    if fast:
        return linear.target_sentiment(text, spans)
    doc, spans = linear.checked_spans(text, spans)
    from .encoder import score_spans

    return [TargetSentiment(s, e, label, score, probs)
            for (s, e), (label, score, probs) in zip(spans, score_spans(doc, spans))]
