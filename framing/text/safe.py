"""Making hostile text safe to write: lone surrogates and control characters.

* :func:`repair_surrogates` turns lone UTF-16 surrogates (``"\\ud83d"``, a
  truncated emoji as JSON escapes it; Python reads it into a ``str`` that no
  UTF-8 file can hold) into U+FFFD, and joins valid surrogate pairs into the
  character they encode.
* :func:`repair_tree` does the same through a parsed JSON value.
* :func:`json_line` is one JSON Lines line that is always valid UTF-8.
* :func:`strip_controls` removes terminal escape sequences and other control
  characters from text meant for a terminal.
"""
from __future__ import annotations

import json
import re
from typing import Any

REPLACEMENT = "\ufffd"
_SURROGATE = re.compile("[\ud800-\udfff]")


def has_surrogates(text: str) -> bool:
    """Whether ``text`` holds a surrogate code point (it cannot be UTF-8 encoded)."""
    try:
        text.encode("utf-8")
        return False
    except UnicodeEncodeError:
        return True


def repair_surrogates(text: str) -> tuple[str, int]:
    """``(text, replaced)``: valid surrogate pairs joined, each lone surrogate
    replaced by U+FFFD; ``replaced`` counts the lone ones (0: unchanged)."""
    if not has_surrogates(text):
        return text, 0
    fixed = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return fixed, max(0, fixed.count(REPLACEMENT) - text.count(REPLACEMENT))


def repair_tree(value: Any) -> tuple[Any, int]:
    """:func:`repair_surrogates` applied to every string (keys too) of a
    parsed JSON value; returns the repaired value and the count."""
    if isinstance(value, str):
        return repair_surrogates(value)
    if isinstance(value, dict):
        total, out = 0, {}
        for k, v in value.items():
            k2, n1 = repair_surrogates(k) if isinstance(k, str) else (k, 0)
            v2, n2 = repair_tree(v)
            out[k2] = v2
            total += n1 + n2
        return (out, total) if total else (value, 0)
    if isinstance(value, list):
        total, items = 0, []
        for v in value:
            v2, n = repair_tree(v)
            items.append(v2)
            total += n
        return (items, total) if total else (value, 0)
    return value, 0


def json_line(obj: Any, **kwargs: Any) -> str:
    """``json.dumps(obj, ensure_ascii=False)`` plus a newline, with any
    surrogate in it escaped (``\\udXXX``), so the line always encodes as UTF-8."""
    line = json.dumps(obj, ensure_ascii=False, **kwargs) + "\n"
    if has_surrogates(line):
        line = json.dumps(obj, ensure_ascii=True, **kwargs) + "\n"
    return line


# ESC [ ... final byte (CSI), ESC ] ... BEL or ESC \ (OSC), ESC P/X/^/_ ... ST,
# and two-character escapes; then C0 controls except tab and newline, DEL, C1.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[ -/]*[0-~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_controls(text: str, keep_newlines: bool = True) -> str:
    """``text`` without terminal escape sequences and control characters
    (tab and, when ``keep_newlines``, newline are kept; CR and the rest go)."""
    if text.isprintable():
        return text
    text = _ESCAPES.sub("", text)
    text = _CONTROLS.sub("", text)
    if not keep_newlines:
        text = text.replace("\n", " ")
    return text


def md_code_span(text: str) -> str:
    """``text`` as a CommonMark code span that it cannot break out of: the
    fence is one backtick longer than the longest run inside, padded with a
    space when the text starts or ends with a backtick; line breaks and
    control characters become spaces."""
    text = " ".join(strip_controls(text, keep_newlines=False).split("\n"))
    longest = max((len(m) for m in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or (
        text.startswith(" ") and text.endswith(" ") and text.strip()) else ""
    return f"{fence}{pad}{text}{pad}{fence}"
