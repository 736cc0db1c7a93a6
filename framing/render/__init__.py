"""Renderers: turn an :class:`~framing.report.ArticleReport` into output.

Rendering never analyses; analysis never prints (DESIGN.md principle 4).
"""
from __future__ import annotations

import json

from ..report import ArticleReport


def to_json(report: ArticleReport, *, indent: int | None = 2) -> str:
    """The contract dict as JSON, plus ``metrics``: the summary every report
    shows (:func:`framing.metrics.summary_metrics`: rates per 1,000 words, by
    voice, words in quotes), so report.json carries the very numbers of the
    other artefacts. ``indent=None`` gives one line (JSON Lines). Key order
    is fixed, so equal reports give equal bytes."""
    from ..metrics import summary_metrics

    d = report.to_dict()
    d["metrics"] = summary_metrics(report)
    return json.dumps(d, ensure_ascii=False, indent=indent)
