"""Definite descriptions of organisations as speakers: "the office said".

A bare definite description ("the office", "the union", "the ministry") is
resolved to the most recent earlier organisation whose head noun is the same
— a speaker ("The mayor's office rejected …") or a capitalised name in the
text ("the Valmora Nurses' Union") — following Vieira & Poesio (2000, "An
empirically based system for processing definite descriptions",
Computational Linguistics 26(4)): most definite descriptions that corefer
share their antecedent's head noun. A fuller description ("the council's own
budget office") names a body of its own and is never merged with another
one of the same head. The group takes the longest form as its name.
"""
from __future__ import annotations

import re
from typing import Optional

from .speakers import Mention
from ...lexicons import word_list

BARE_DETERMINERS = word_list("quote_words.tsv", "bare_determiners")
LINK_WORDS = word_list("quote_words.tsv", "description_links")
# heads used for any named body ("Lintmark … the company said"): when no body
# of the same head came before, the most recent organisation is taken
GENERIC_HEADS = word_list("quote_words.tsv", "generic_heads")
CAP = r"[A-Z][\w’'&-]*"  # no period: a name does not run across a sentence end


def _words(text: str) -> list[str]:
    return [w.strip(",.;:") for w in text.split()]


def head_noun(name: str) -> str:
    """"The mayor's office" → "office"; "Ministry of Finance" → "ministry"."""
    words = _words(name)
    for i, w in enumerate(words):
        if i and w.lower() in LINK_WORDS:
            words = words[:i]
            break
    if not words:
        return ""
    w = words[-1].lower()
    return w[:-2] if w.endswith(("'s", "’s")) else w


def is_bare(m: Mention) -> bool:
    """"the office", "The union": a determiner and the head noun alone."""
    words = _words(m.text)
    return len(words) == 2 and words[0].lower() in BARE_DETERMINERS


def own_name(m: Mention) -> str:
    """A description's name as a group key: sentence-initial "The" lower-cased."""
    text = " ".join(m.text.split())
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first.lower() in BARE_DETERMINERS else text


def named_in_text(text: str, pos: int, head: str) -> Optional[str]:
    """The last capitalised name headed by ``head`` before ``pos``:
    "the Valmora Nurses' Union", "the Ministry of Health"."""
    h = re.escape(head.capitalize())
    pat = re.compile(rf"\b(?:{CAP}\s+){{1,4}}{h}\b|\b{h}\s+of\s+(?:the\s+)?{CAP}(?:\s+{CAP}){{0,3}}")
    last = None
    for m in pat.finditer(text, 0, pos):
        last = m
    if last is None:
        return None
    words = last.group().split()
    if words[0].lower() in BARE_DETERMINERS:
        words = words[1:]
    return " ".join(words) if len(words) >= 2 else None


def resolve_description(m: Mention, text: str, bodies: list[tuple[int, str, str]],
                        fallback) -> tuple[str, str]:
    """(name, type) for a definite organisation description ``m``;
    ``bodies`` is (offset, name, head) of the organisations named as
    speakers, in text order; ``fallback(pos)`` the most recent organisation."""
    if not is_bare(m):
        return own_name(m), "organisation"
    head = head_noun(m.text)
    for off, name, h in reversed(bodies):
        if off < m.start and h == head:
            return name, "organisation"
    found = named_in_text(text, m.start, head)
    if found is not None:
        return found, "organisation"
    if head in GENERIC_HEADS:
        name, type_ = fallback(m.start)
        if name:
            return name, type_
    return own_name(m), "organisation"
