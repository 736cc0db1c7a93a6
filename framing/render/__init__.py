"""Renderers: turn an :class:`~framing.report.ArticleReport` into output.

Rendering never analyses; analysis never prints (DESIGN.md principle 4).
"""
from __future__ import annotations

import json

from ..report import ArticleReport


def to_json(report: ArticleReport, *, indent: int | None = 2) -> str:
    """The contract dict as JSON; ``indent=None`` gives one line (JSON Lines).
    Key order is fixed by the dataclasses, so equal reports give equal bytes."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=indent)
