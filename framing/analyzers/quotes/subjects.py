"""Sources that are not a name or a role: poll shares and documents.

Two kinds of source the speaker phrase finder of :mod:`speakers`
does not build, both frequent in political news and annotated as sources in
PolNeAR (Newell, Margolin & Ruths 2018; the guidelines count groups of
people and documents as sources):

* a share of a polled group — "Six in 10 say …", "75 percent of Democrats
  said …", "majorities in all five states say …", "three-quarters said …";
* a document or data set as the subject, however long its modifiers —
  "Federal Election Commission records compiled by the Center for
  Responsive Politics show …", "Surveys of caucus-goers taken as they
  entered caucus sites showed …" (Bergler 1992 on documents as evidential
  sources; Pareti 2016 on non-human sources in PARC 3.0).
"""
from __future__ import annotations

import re
from typing import Optional

from .speakers import Tokens
from ...lexicons import word_list

NUM = r"(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten)"
QUANTITY_RE = re.compile(
    r"(?:(?:about|nearly|almost|roughly|around|more\s+than|less\s+than|fewer\s+than|at\s+least|"
    r"only|just|over|under|some|a|the|large|slim|narrow|clear|overwhelming|vast)\s+)*"
    r"(?:" + NUM + r"\s*(?:%|percent|per\s+cent)|" + NUM + r"\s+(?:in|out\s+of)\s+" + NUM + r"|"
    r"majorit(?:y|ies)|pluralit(?:y|ies)|half|(?:one|two)[- ]thirds?|(?:one|three)[- ]quarters?|"
    r"most|few|both|some|many|several|others|another|those)"
    r"(?:\s+[a-z][\w-]*){0,2}"  # "6 in 10 voters", "most farmers"
    r"(?:\s+(?:of|in|among|from)\s+[^,;:“”\"()]{1,80}?)?$",
    re.I)
CLAUSE_OPENERS = word_list("quote_words.tsv", "clause_openers")
MAX_PRE = 5  # words before the document noun ("new FEC fundraising records")
MAX_SUBJECT = 25  # tokens in the whole subject


def _clause_starts(tk: Tokens, lo: int, p: int) -> list[int]:
    """Token indices where a clause ending at token ``p`` may start, nearest first."""
    out = []
    for x in range(p, lo - 1, -1):
        if p - x > MAX_SUBJECT:
            break
        if x == lo:
            out.append(x)
        elif tk.toks[x - 1].text in (",", ";", "—", "–") or tk.low[x - 1] in CLAUSE_OPENERS:
            out.append(x)
    return out


QUANTITY_WORDS = word_list("quote_words.tsv", "quantity_words")


def quantity_left(tk: Tokens, lo: int, p: int) -> Optional[tuple[int, int]]:
    """Char span of a poll share ending at token ``p`` ("6 in 10 voters")."""
    a = max(lo, p - 14)
    if QUANTITY_WORDS.isdisjoint(tk.low[a:p + 1]) and not any(map(str.isdigit, tk.first_chars[a:p + 1])):
        return None
    end = tk.toks[p].end
    for c in _clause_starts(tk, lo, p):
        if p - c > 14:
            break
        s = tk.toks[c].start
        if any(tk.toks[x].text in "“”\"" for x in range(c, p + 1)):
            return None
        if QUANTITY_RE.fullmatch(tk.text, s, end):
            return s, end
    return None


def document_left(tk: Tokens, lo: int, p: int) -> Optional[tuple[int, int]]:
    """Token span [j, k] of a document source opening the clause that ends at
    token ``p``; ``k`` is the document noun ("FEC records" in "FEC records
    from the 2008 cycle show")."""
    if tk.lex.documents.isdisjoint(tk.low[max(lo, p - MAX_SUBJECT):p + 1]):
        return None
    for c in _clause_starts(tk, lo, p):
        for k in range(c, min(p + 1, c + MAX_PRE + 1)):
            w = tk.low[k]
            if "document" in tk.kinds(k) and w.isalpha() and not tk.is_possessive(k):
                if all(_pre_ok(tk, x) for x in range(c, k)) and not any(
                        tk.toks[x].text in "“”\"" for x in range(k, p + 1)):
                    return c, k
                break
            if not _pre_ok(tk, k):
                break
    return None


def _pre_ok(tk: Tokens, x: int) -> bool:
    """A word that may stand before the head of a document phrase."""
    w = tk.low[x]
    return tk.toks[x].is_word and w not in ("that", "which", "who", "he", "she", "they", "it",
                                            "there", "this", "these", "those", "what")
