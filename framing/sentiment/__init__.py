"""Target-dependent sentiment below the analyzers: features, models, scorers.

:mod:`.linear` holds the features and the linear model's scorer,
:mod:`.rules` the word lists and shared rules, :mod:`.fast` the table-lookup
scorer that gives the same numbers without building feature names.
"""
from .linear import SentimentScorer, TargetSentiment, features, target_sentiment

__all__ = ["SentimentScorer", "TargetSentiment", "features", "target_sentiment"]
