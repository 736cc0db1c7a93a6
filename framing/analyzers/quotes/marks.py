"""Quoted regions as the quotation analyzer sees them, and what they are.

Starts from the Document's quoted regions (paired once, never raising) and
only adjusts what those regions cannot know:

* the doubled-apostrophe convention some wire archives use (``''Yes,'' he
  said``): the Document pairs the inner apostrophes; the region is widened to
  take in the outer ones, so the quote's span covers both marks;
* what a short quoted phrase is when no one is said to speak it. A nickname
  between the parts of a name (Dwayne "The Rock" Johnson — the case that
  breaks CoreNLP, CoreNLP#1251), the title of a work ("the book ''Make Your
  Kid a Millionaire''") or a scare quote (a word or short phrase the writer
  holds at a distance; Predelli 2003, "Scare quotes and their relation to
  other semantic issues", Linguistics and Philosophy 26) are not speech and
  are reported apart from quotations.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ...document import Document
from ...lexicons import word_list

WORD_RE = re.compile(r"\w+(?:['’\-]\w+)*")
TITLE_TRIGGERS = word_list("quote_words.tsv", "title_triggers")
NICKNAME_TRIGGERS = word_list("quote_words.tsv", "nickname_triggers")
SCARE_MAX_WORDS = 4


class Region(NamedTuple):
    start: int  # opening mark
    end: int  # just past the closing mark (or the paragraph end when unclosed)
    content_start: int
    content_end: int
    closed: bool
    words: int


def regions(doc: Document) -> list[Region]:
    """Outer quoted regions, widened over doubled apostrophes."""
    text = doc.text
    out: list[Region] = []
    for q in doc.quotes:
        if q.depth:
            continue
        start, end, cs, ce = q.start, q.end, q.content_start, q.content_end
        if q.open_mark in "'’‘" and start > 0 and text[start - 1] in "'’‘`":
            start -= 1
        if q.open_mark == "'" and q.closed and end < len(text) and text[end] in "'’":
            end += 1
        while cs < ce and text[cs] in "'`":
            cs += 1
        if out and start < out[-1].end:  # overlapping after widening: keep the first
            continue
        words = len(WORD_RE.findall(text, cs, ce))
        if words == 0:
            continue
        out.append(Region(start, end, cs, ce, q.closed, words))
    return out


def non_speech_kind(text: str, r: Region) -> str | None:
    """"nickname" or "title" when a short quoted phrase names something;
    None when it may be speech (or a scare quote: decided by the caller)."""
    if r.words > 6:
        return None
    content = text[r.content_start:r.content_end].strip(" ,.")
    words = content.split()
    before = text[max(0, r.start - 40):r.start].split()
    after = text[r.end:r.end + 30].split()
    titled = all(w[:1].isupper() or not w[:1].isalpha() or len(w) <= 3 for w in words)
    prev = before[-1].lower().strip(",") if before else ""
    if titled and before and after and before[-1][:1].isupper() and before[-1].isalpha() \
            and after[0][:1].isupper() and after[0].strip(".,;:").isalpha() and r.words <= 4:
        return "nickname"  # Dwayne "The Rock" Johnson
    if titled and prev in NICKNAME_TRIGGERS - {"called", "known"}:
        return "nickname"
    if titled and (prev in TITLE_TRIGGERS or prev in ("titled", "entitled")
                   or any(w.lower().strip(",") in TITLE_TRIGGERS for w in before[-3:])):
        return "title"
    return None
