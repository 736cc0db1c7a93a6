"""Word tokenisation with character offsets.

One compiled regular expression (NLTK's ``RegexpTokenizer`` idiom), run
through ``re.findall`` with the whitespace after each token captured, so
offsets are sums of lengths. Abbreviations with inner
periods ("U.S."), numbers with separators ("3.5", "1,200", "10:30"), words
with inner apostrophes or hyphens ("don't", "Clinton's", "well-known") are
single tokens; every other non-space character is a token of its own.
"""
from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN = r"""
    (?:[^\W\d_]\.){2,}(?![^\W\d_])          # U.S.  a.m.  U.S.A.
  | \d+(?:[.,:/]\d+)*(?:%|(?:st|nd|rd|th|s)\b)?  # 3.5  1,200  10:30  1990s  42nd
  | \w+(?:['’\-]\w+)*                        # words, contractions, hyphenation
"""
# Matched with ``findall`` as (multi-character token, single other character,
# whitespace after it). Offsets then come from adding up lengths, which is
# faster than a match object per token; the trailing ``\s*`` is greedy after a
# token that cannot end in whitespace, so it never backtracks.
_SCAN_RE = re.compile(r"(?:(" + _TOKEN + r") | (\S)) (\s*)", re.VERBOSE)
_NONSPACE = re.compile(r"\S")


class Token(NamedTuple):
    """A token: ``text == document.text[start:end]``; ``is_word`` when it holds
    a letter or digit (the unit behind every per-1,000-words rate)."""

    start: int
    end: int
    text: str
    is_word: bool

    @property
    def lower(self) -> str:
        return self.text.lower()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    stop = len(text) if end is None else end
    first = _NONSPACE.search(text, start, stop)
    if first is None:
        return []
    new = tuple.__new__
    out = []
    append = out.append
    pos = first.start()
    for multi, single, gap in _SCAN_RE.findall(text, pos, stop):
        if multi:
            e = pos + len(multi)
            append(new(Token, (pos, e, multi, True)))
        else:
            e = pos + 1
            append(new(Token, (pos, e, single, single.isalnum())))
        pos = e + len(gap)
    return out
