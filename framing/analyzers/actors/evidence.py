"""Document-level capitalisation evidence for actor detection.

The document-centred approach of Mikheev (1999, "A knowledge-free method for
capitalized word disambiguation", ACL; and Mikheev 2002, "Periods, capitalized
words, etc.", Computational Linguistics 28(3)): a capitalised word in an
ambiguous position — the start of a sentence, paragraph or quotation — is
judged by how the *same document* writes it elsewhere:

* used in lower case elsewhere ("household" … "Household water bills") → a
  common word;
* capitalised in an unambiguous, non-initial position, or sentence-initial
  but followed by a speech verb ("Strand said") or a possessive
  ("Westbank's") → a confirmed name;
* neither → a lone initial word is not a name ("Imagine", "Damage",
  "Turnout"); a multi-word capitalised run still is ("Helena Strand").

All-capital text (Mikheev 2002, §5: headlines carry no case evidence): a run
of two or more all-capital words ("BRIDGE OF SHAME:", "LUNCH SNATCHERS:") is
a shouted kicker, not acronyms; a word from it is kept only when the body
writes it in mixed case or as a stand-alone acronym. Cardinal numerals
("Eleven!", "Thirty-eight") are never names (Quirk et al. 1985, §6.63).
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from itertools import compress
from operator import itemgetter, mul

from ...document import Document
from ...lexicons import load_table, word_list, word_tuple
from .lexicon import Memo, is_cap, lexicon
from .lines import TITLE_CASE_LOWER

# A document of at least this many sentences is taken to hold the evidence
# Mikheev's method needs: there, a lone sentence-initial word never written
# as a name elsewhere is an ordinary word ("Damage could reach …", "Staff
# will be offered …"); in a shorter text (one sentence, a headline) it is
# judged by its form (``unconfirmed_initial``).
EVIDENCE_SENTENCES = 5

OPENERS = frozenset("\"“‘'(«[—–-:")


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset]:
    """``actor_context_cues.tsv``: role → the lower-case cue words."""
    out: dict[str, set] = {}
    for row in load_table("actor_context_cues.tsv"):
        out.setdefault(row["role"], set()).add(row["cue"])
    return {role: frozenset(words) for role, words in out.items()}


def is_number(low: str, numbers: frozenset) -> bool:
    """A cardinal numeral word, also hyphenated ("thirty-eight")."""
    if low in numbers:
        return True
    return "-" in low and all(p in numbers for p in low.split("-"))


# Each token's class, one byte per token (see ``_code``): bits 0-2 the case,
# 0 none, 1 lower-case initial, 2 lower-case initial but a name word
# ("al-Qaeda"), 3 capitalised, 4 all capitals; bits 3-4 its class in a Title
# Case line (lines): 0 not counted, 1 capitalised, 2 a lower-case word
# Title Case allows ("of", "the"), 3 another lower-case word; bit 5 a group
# noun ("militants"); bit 6 a word; bit 7 a lower-case word that can begin a
# title ("president", "gen."). A token that is not a word is 0.
# The views below are ``bytes.translate`` tables over it.
def _table(f) -> bytes:
    return bytes(f(c) for c in range(256))


_CAPS = _table(lambda c: (c & 7) >= 2)
_STOPS = _table(lambda c: (c & 7) >= 2 or c & 32 != 0)
_LOWER = _table(lambda c: (c & 7) in (1, 2))
_UPPER = _table(lambda c: (c & 7) >= 3)
_MIXED = _table(lambda c: (c & 7) == 3)
_ALL_CAPS = _table(lambda c: (c & 7) == 4)
_TITLE_LOWER = _table(lambda c: c & 128 != 0)
_WORD = _table(lambda c: c & 64 != 0)
_TITLE_CLASS = _table(lambda c: ord(".ULX"[(c >> 3) & 3]))
_text = itemgetter(2)
_is_word = itemgetter(3)


def _code(w: str, groups, title_first) -> int:
    if len(w) == 1 and not (w.isalnum() or w == "_"):
        return 0  # not a word: the tokenizer's one-character punctuation token
    c = w[:1]
    if c.islower():
        code = 2 if "-" in w and is_cap(w) else 1
        if w.lower() in title_first:
            code += 128
    elif c.isupper():
        code = 4 if w.isupper() else 3
    else:
        code = 0
    if c.isalpha():
        code += 8 * (1 if c.isupper() else 2 if w in TITLE_CASE_LOWER else 3)
    if w.lower() in groups:
        code += 32
    return code + 64


_codes: list = [None, None]  # the lexicon the memo was made for, the memo


def _code_memo() -> Memo:
    lex = lexicon()
    if _codes[0] is not lex:
        groups, title_first = lex.groups, lex.title_first
        _codes[:] = [lex, Memo(lambda w: _code(w, groups, title_first))]
    return _codes[1]


class DocWords:
    """How the document writes each word: the evidence sets above, and the
    per-token views the detector shares (computed once per document): token
    texts, lower-case forms, and ``bytes`` flags per token (``caps[i]`` is
    true for a name word, see ``lexicon.is_cap``)."""

    def __init__(self, doc: Document, reporting: frozenset):
        toks = doc.tokens
        self.low = low = doc.lower_tokens
        self.texts = texts = list(map(_text, toks))
        n = len(toks)
        # the tokenizer's is_word decides what is a word (a code times 0 or 1)
        codes = bytes(map(mul, map(_code_memo().__getitem__, texts), map(_is_word, toks)))
        self.is_word = codes.translate(_WORD)
        self.codes = codes
        self.caps = codes.translate(_CAPS)
        self.stops = codes.translate(_STOPS)  # name words and group nouns
        self.lower_word = lower_word = codes.translate(_LOWER)  # lower-case initial
        self.title_class = codes.translate(_TITLE_CLASS)  # b"." b"U" b"L" b"X"
        self.title_lower = codes.translate(_TITLE_LOWER)  # "president" (a title's start)
        # the token span of each sentence (Document.token_index, one bisect each)
        tok_starts = doc.token_starts
        self.sentence_tokens = spans = [(bisect_right(tok_starts, s.start - 1),
                                         bisect_right(tok_starts, s.end - 1))
                                        for s in doc.sentences]
        starts = set()
        for i, _ in spans:
            while i < n and texts[i] in OPENERS:
                i += 1
            starts.add(i)
        lower_seen = set(compress(texts, lower_word))
        confirmed: set[str] = set()
        mixed = set(compress(texts, codes.translate(_MIXED)))
        upper = list(compress(range(n), codes.translate(_ALL_CAPS)))
        for i in compress(range(n), codes.translate(_UPPER)):
            w = texts[i]
            if i not in starts and (texts[i - 1] if i else "") not in OPENERS:
                confirmed.add(w)
            elif w.endswith(("'s", "’s")):
                confirmed.add(w[:-2])  # "Westbank's 2,300 businesses"
            elif i + 1 < n and low[i + 1] in reporting:
                confirmed.add(w)  # "Strand said"
        # a possessive confirms its name too ("separates Valmora's council")
        confirmed.update([w[:-2] for w in confirmed if w.endswith(("'s", "’s"))])
        # shouted runs: two or more adjacent all-capital words
        shouted: set[int] = set()
        x = 0
        while x < len(upper):
            y = x
            while y + 1 < len(upper) and upper[y + 1] == upper[y] + 1:
                y += 1
            if y > x and any(sum(ch.isalpha() for ch in texts[upper[z]]) >= 3
                             for z in range(x, y + 1)):
                shouted.update(upper[x:y + 1])
            x = y + 1
        self.lower_seen = lower_seen
        self.full_document = len(doc.sentences) >= EVIDENCE_SENTENCES
        self.confirmed = confirmed
        self.shouted = shouted
        self.mixed_caps = mixed  # how the document writes words outside all-capital runs
        self.lone_acronyms = {texts[i] for i in upper if i not in shouted}

    def in_shouted(self, k: int, e: int) -> bool:
        return any(x in self.shouted for x in range(k, e))

    def body_title(self, words: list[str]) -> bool:
        """Does the document write each of these words in mixed case?"""
        return bool(words) and all(w in self.mixed_caps for w in words)


# Mikheev's (1999) "unresolved" words — no case evidence in the document —
# are decided here from the word itself and the word after it:
# a function word after it (a determiner or preposition: "Did the council",
# "Back in 2018", "Turnout in the ward"), sentence-final punctuation ("Good.",
# "Fine!"), or a derivational suffix of common nouns and adjectives (Quirk et
# al. 1985, Appendix I: "Production", "Unemployment", "Evidence",
# "Environmental", "Independent") make it an ordinary word.
NEXT_NOT_NAME = word_list("actor_words.tsv", "next_not_name")
NOUN_SUFFIXES = word_tuple("actor_words.tsv", "noun_suffixes")
# only in words of 8+ letters ("Pence", "Clive", "Bryant" are names)
LONG_SUFFIXES = word_tuple("actor_words.tsv", "long_suffixes")


def unconfirmed_initial(low: str, nxt: str, groups) -> bool:
    """Is a lone sentence-initial capitalised word without document evidence
    an ordinary word (see above)? ``low`` is it in lower case, ``nxt`` the
    next token."""
    nl = nxt.lower()
    if nl in groups:
        return False  # "Tuareg rebels": a group's modifier
    if nl in NEXT_NOT_NAME:
        return True
    if "-" not in low and (low.endswith(NOUN_SUFFIXES)
                           or (len(low) >= 8 and low.endswith(LONG_SUFFIXES))):
        return True
    # adverbs, participles and plural common nouns ("Clearly", "Speaking", "Experts")
    return low.endswith(("ly", "ing", "ed")) or (low.endswith("s") and not low.endswith("ss"))
