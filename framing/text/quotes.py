"""Quoted regions: pairing quotation marks without ever raising.

Marks are paired by *class*, not by glyph and not merely by order (the failure
textacy#379 reports): double marks (straight ``"``, curly “ ”, low „, and
guillemets « ») pair with any double closer, so mixed straight/curly
typography recovers with a warning; single marks (‘ ’ and straight ``'``) are
quotation marks only when they open at a word start and close before a
non-letter, so apostrophes (don’t, Clinton’s, ’90s, students’ union) are left
alone. Single quotes nest inside double ones.

News convention for quotes that run over several paragraphs (AP Stylebook,
"quotation marks": each new paragraph reopens the mark and only the last one
closes) is followed: a paragraph that ends inside a quote continues it when
the next paragraph starts with an opening mark. Any other unclosed quote ends
at its paragraph's end, and stray closers are ignored; both are recorded as
warnings with their offsets.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .segment import Span
from ..lexicons import load_words

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‚‹"
SINGLE_CLOSE = "’›"
MARK_RE = re.compile("[\"“”„«»‘’‚‹›']")
OPEN_CONTEXT = " \t\n([{—–-/“‘\"'«„"
ELISIONS = load_words("elisions.txt")


class QuotedRegion(NamedTuple):
    """A quoted stretch of text, marks included.

    ``start`` is the offset of the opening mark; ``end`` is just past the
    closing mark, or the paragraph end when the quote was never closed
    (``closed`` is False). ``depth`` is 0 for outer quotes, 1 for a quote
    inside a quote. ``paragraphs`` counts the paragraphs the quote spans.
    """

    start: int
    end: int
    depth: int
    open_mark: str
    close_mark: str
    closed: bool
    paragraphs: int

    @property
    def content_start(self) -> int:
        return self.start + 1

    @property
    def content_end(self) -> int:
        return self.end - 1 if self.closed else self.end


class _Open(NamedTuple):
    pos: int
    mark: str
    cls: str  # "double" | "single"
    para: int


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def find_quotes(text: str, paras: list[Span]) -> tuple[list[QuotedRegion], list[str]]:
    """All quoted regions (sorted by start) and the warnings met on the way."""
    regions: list[QuotedRegion] = []
    warnings: list[str] = []
    double: _Open | None = None  # at most one open double quote
    singles: list[_Open] = []
    n = len(text)
    for pi, (pstart, pend) in enumerate(paras):
        if double is not None:
            # A quote left open by the previous paragraph continues only if this
            # paragraph reopens it; otherwise it ended with that paragraph.
            if text[pstart] in DOUBLE_OPEN or text[pstart] == '"':
                skip = pstart
            else:
                prev_end = paras[pi - 1].end
                regions.append(QuotedRegion(double.pos, prev_end, 0, double.mark, "", False,
                                            pi - double.para))
                warnings.append(f"unclosed quotation mark {double.mark!r} at offset {double.pos}: "
                                f"quote ended with its paragraph")
                double, skip = None, -1
        else:
            skip = -1
        singles.clear()
        for m in MARK_RE.finditer(text, pstart, pend):
            pos = m.start()
            ch = text[pos]
            if pos == skip:
                continue
            prev = text[pos - 1] if pos > 0 else " "
            nxt = text[pos + 1] if pos + 1 < n else " "
            opening_context = prev in OPEN_CONTEXT or pos == pstart
            if ch in DOUBLE_OPEN or ch in DOUBLE_CLOSE or ch == '"':
                if ch == "“" and double is not None and double.mark == "„":
                    ch_role = "close"  # German „…“
                elif ch in DOUBLE_OPEN:
                    ch_role = "open"
                elif ch in DOUBLE_CLOSE:
                    ch_role = "close"
                else:  # straight: closes an open quote, else opens
                    if double is not None:
                        ch_role = "close"
                    elif opening_context and not nxt.isspace():
                        ch_role = "open"
                    else:
                        ch_role = "stray"
                if ch_role == "open":
                    if double is not None:
                        warnings.append(f"quotation mark {ch!r} at offset {pos} opens inside the "
                                        f"quote opened at {double.pos}: earlier quote closed here")
                        regions.append(QuotedRegion(double.pos, pos, 0, double.mark, "", False,
                                                    pi - double.para + 1))
                    double = _Open(pos, ch, "double", pi)
                    singles.clear()
                elif ch_role == "close" and double is not None:
                    singles.clear()  # an inner "quote" still open was an apostrophe
                    if (double.mark == '"') != (ch == '"'):
                        warnings.append(f"mixed quotation marks: {double.mark!r} at offset "
                                        f"{double.pos} closed by {ch!r} at {pos}")
                    regions.append(QuotedRegion(double.pos, pos + 1, 0, double.mark, ch, True,
                                                pi - double.para + 1))
                    double = None
                else:
                    warnings.append(f"closing quotation mark {ch!r} at offset {pos} has no "
                                    f"opening mark: ignored")
                continue
            # single marks
            if ch in SINGLE_OPEN or (ch == "'" and opening_context):
                if _is_word(nxt) and not _elision(text, pos + 1):
                    singles.append(_Open(pos, ch, "single", pi))
                continue
            if (ch in SINGLE_CLOSE or ch == "'") and singles and not _is_word(nxt):
                if _is_word(prev) or prev in ".,!?;:…":
                    o = singles.pop()
                    regions.append(QuotedRegion(o.pos, pos + 1, 1 if double else 0, o.mark, ch,
                                                True, 1))
    if double is not None:
        end = paras[-1].end
        regions.append(QuotedRegion(double.pos, end, 0, double.mark, "", False,
                                    len(paras) - double.para))
        warnings.append(f"unclosed quotation mark {double.mark!r} at offset {double.pos}: "
                        f"quote ended with the text")
    regions.sort()
    return regions, warnings


def _elision(text: str, pos: int) -> bool:
    """’90s, 'em, 'til: an apostrophe standing for left-out letters."""
    if text[pos:pos + 2].isdigit():
        return True
    word = []
    for ch in text[pos:pos + 6]:
        if not ch.isalpha():
            break
        word.append(ch.lower())
    return "".join(word) in ELISIONS
