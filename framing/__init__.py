"""framing — rhetoric and framing analysis for news text.

>>> import framing
>>> report = framing.analyze("Is this the end? Officials say it may be.")
>>> report.questions.count, report.hedging.hedges
(1, 1)
"""
from __future__ import annotations

__version__ = "0.1.0"

from .document import Document  # noqa: E402
from .errors import FramingError, InputError  # noqa: E402
from .report import SCHEMA, ArticleReport  # noqa: E402
from .pipeline import analyze, analyze_file  # noqa: E402
from .sentiment import target_sentiment  # noqa: E402

__all__ = ["analyze", "analyze_file", "target_sentiment", "Document", "ArticleReport", "FramingError", "InputError", "SCHEMA",
           "__version__"]
