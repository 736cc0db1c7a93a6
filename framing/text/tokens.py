"""Word tokenisation with character offsets.

One compiled regular expression (NLTK's ``RegexpTokenizer`` idiom, run through
``re.finditer`` so that offsets come for free). Abbreviations with inner
periods ("U.S."), numbers with separators ("3.5", "1,200", "10:30"), words
with inner apostrophes or hyphens ("don't", "Clinton's", "well-known") are
single tokens; every other non-space character is a token of its own.
"""
from __future__ import annotations

import re
from typing import NamedTuple

TOKEN_RE = re.compile(
    r"""
    (?:[^\W\d_]\.){2,}(?![^\W\d_])          # U.S.  a.m.  U.S.A.
  | \d+(?:[.,:/]\d+)*(?:%|(?:st|nd|rd|th|s)\b)?  # 3.5  1,200  10:30  1990s  42nd
  | \w+(?:['’\-]\w+)*                        # words, contractions, hyphenation
  | (\S)                                     # any other single character
    """,
    re.VERBOSE,
)


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
    new = tuple.__new__
    out = []
    for m in TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        single = m.group(1)
        if single is None:
            out.append(new(Token, (m.start(), m.end(), m.group(), True)))
        else:
            out.append(new(Token, (m.start(), m.end(), single, single.isalnum())))
    return out
