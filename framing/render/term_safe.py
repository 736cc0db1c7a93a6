"""Nothing from an article reaches the terminal as a control sequence.

An article (or a file name) can hold terminal escape sequences: clear the
screen, set the window title, rewrite what was printed. :func:`safe_inputs`
returns the text with each escape sequence and control character blanked
(spaces of the same length, so every offset in the report still points at
the same words) and a copy of the report whose strings have them removed.
"""
from __future__ import annotations

import copy
import dataclasses
import re
from typing import Any

from ..text.safe import _CONTROLS, _ESCAPES, strip_controls

_ANY = re.compile(_ESCAPES.pattern + "|" + _CONTROLS.pattern)


def blank_controls(text: str) -> str:
    """``text`` with escape sequences and control characters (not tab or
    newline) replaced by as many spaces."""
    return _ANY.sub(lambda m: " " * len(m.group()), text)


def _clean(value: Any, memo: set[int]) -> Any:
    if isinstance(value, str):
        return strip_controls(value)
    if id(value) in memo:
        return value
    if isinstance(value, list):
        memo.add(id(value))
        value[:] = [_clean(v, memo) for v in value]
    elif isinstance(value, dict):
        memo.add(id(value))
        for k in list(value):
            value[k] = _clean(value[k], memo)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        memo.add(id(value))
        for f in dataclasses.fields(value):
            try:
                setattr(value, f.name, _clean(getattr(value, f.name), memo))
            except (AttributeError, dataclasses.FrozenInstanceError):
                pass
    return value


def safe_inputs(report: Any, text: str) -> tuple[Any, str]:
    """``(report, text)`` ready for the terminal; the originals are untouched
    (the report is copied only when something needs cleaning)."""
    dirty = _ANY.search(text) or any(_ANY.search(s) for s in
                                     [report.source or "", *report.warnings])
    if not dirty:
        return report, text
    return _clean(copy.deepcopy(report), set()), blank_controls(text)
