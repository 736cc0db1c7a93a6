"""The parsed article every analyzer shares.

A :class:`Document` is built once from the exact input string and never
changed: paragraphs, sentences, tokens and quoted regions, all as offsets into
``text`` (end-exclusive Python ``str`` indices). Analyzers read it; none of
them re-parses the text.

Lines that are not article prose (advertisement markers, bylines, credits,
share prompts, editorial notes, datelines: :func:`~.text.segment.boilerplate`)
are found here, once: they are listed in ``excluded`` and in ``warnings`` and
are in no paragraph, sentence or token, so every analyzer and every text
statistic leaves them out alike.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter

from .text.quotes import QuotedRegion, find_quotes
from .text.segment import Excluded, Sentence, Span, boilerplate, paragraphs, sentences, without
from .text.tokens import Token, tokenize

__all__ = ["Document", "Sentence", "Span", "Token", "QuotedRegion"]

_first = itemgetter(0)  # start of a Token or Sentence
_is_word = itemgetter(3)  # Token.is_word


@dataclass(frozen=True, eq=False)
class Document:
    """``Document(text)`` parses ``text``; attributes are read-only."""

    text: str
    paragraphs: tuple[Span, ...] = field(init=False)
    sentences: tuple[Sentence, ...] = field(init=False)
    tokens: tuple[Token, ...] = field(init=False)
    quotes: tuple[QuotedRegion, ...] = field(init=False)
    excluded: tuple[Excluded, ...] = field(init=False)
    warnings: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise TypeError(f"Document needs a str, got {type(self.text).__name__}")
        text = self.text
        paras = paragraphs(text)
        excluded = boilerplate(text, paras)
        if excluded:
            paras = without(text, paras, excluded)
            toks = [t for p in paras for t in tokenize(text, p.start, p.end)]
        else:
            toks = tokenize(text)
        sents = sentences(text, paras)
        quotes, warnings = find_quotes(text, paras)
        warnings = [f"not article prose ({x.kind}) at offsets {x.start}-{x.end}, excluded: "
                    f"{_clip(text[x.start:x.end])!r}" for x in excluded] + warnings
        set_ = object.__setattr__
        set_(self, "paragraphs", tuple(paras))
        set_(self, "sentences", tuple(sents))
        set_(self, "tokens", tuple(toks))
        set_(self, "quotes", tuple(quotes))
        set_(self, "excluded", tuple(excluded))
        set_(self, "warnings", tuple(warnings))
        set_(self, "_token_starts", list(map(_first, toks)))
        set_(self, "_sentence_starts", list(map(_first, sents)))
        set_(self, "words", sum(map(_is_word, toks)))

    words: int = field(init=False, default=0)

    @cached_property
    def lower_tokens(self) -> tuple[str, ...]:
        """Every token's text lower-cased (``str.lower``), computed once on
        first use and shared by the analyzers that match word lists."""
        return tuple([t.text.lower() for t in self.tokens])

    # -- lookups -----------------------------------------------------------
    @property
    def token_starts(self) -> list[int]:
        """The start offset of every token, in order (shared: do not modify);
        what :meth:`token_index` and :meth:`tokens_in` bisect."""
        return self._token_starts  # type: ignore[attr-defined]

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]

    def sentence_index(self, offset: int) -> int | None:
        """Index of the sentence holding ``offset``, or None between sentences."""
        i = bisect_right(self._sentence_starts, offset) - 1  # type: ignore[attr-defined]
        if i >= 0 and offset < self.sentences[i].end:
            return i
        return None

    def tokens_in(self, start: int, end: int) -> tuple[Token, ...]:
        """Tokens that lie inside ``[start, end)``."""
        starts = self._token_starts  # type: ignore[attr-defined]
        lo = bisect_right(starts, start - 1)
        hi = bisect_right(starts, end - 1)
        return tuple(t for t in self.tokens[lo:hi] if t.end <= end)

    def token_index(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect_right(self._token_starts, offset - 1)  # type: ignore[attr-defined]

    @property
    def headline(self) -> Span | None:
        """The first paragraph when it reads as a headline: one short line
        (≤ 25 words) without a final period, followed by more text."""
        if len(self.paragraphs) < 2:
            return None
        start, end = self.paragraphs[0]
        if "\n" in self.text[start:end] or self.text[end - 1] in ".:;,":
            return None
        if len(self.tokens_in(start, end)) > 30:
            return None
        return self.paragraphs[0]


def _clip(s: str, n: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[:n - 1] + "…"


def lede_end(doc: Document) -> int:
    """End of the headline and the paragraph after it (or the first paragraph)."""
    if not doc.paragraphs:
        return 0
    if doc.headline is not None and len(doc.paragraphs) > 1:
        return doc.paragraphs[1].end
    return doc.paragraphs[0].end
