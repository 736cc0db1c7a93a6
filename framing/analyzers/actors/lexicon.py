"""The word lists actor detection reads, loaded once, and word-level tests.

Lexicons (each file names its source in its header): ``actor_titles.tsv``,
``actor_places.tsv``, ``actor_groups.tsv``, ``actor_org_words.txt``,
``actor_stopwords.txt``, ``actor_modifier_words.txt``,
``actor_non_actor_heads.txt``, the shared ``sentence_starters.txt`` and the
given names (:func:`framing.lexicons.shared.given_names`).

Word tests follow the capitalisation heuristics of Mikheev (1999) and the
clitic inventory of English orthography (Zwicky & Pullum 1983, "Cliticization
vs. inflection: English n't"): a token carrying a verbal or negative clitic
("I’m", "We’re", "don’t", "he’d") is a function word, never part of a name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ...lexicons import load_table, load_words, word_list
from ...lexicons.shared import given_names

CONNECTORS = word_list("actor_words.tsv", "name_connectors")
# inside a run of capitalised words only the connectors that are not also
# common English prepositions or articles: "Barack Obama at Harvard Law
# School" is two names ("at", "as", "an" join names only in their hyphenated
# Arabic forms, "at-Tayeb", which ``is_cap`` reads), except the campus "at"
# of a university system's name ("University of Texas at Austin")
RUN_CONNECTORS = CONNECTORS - {"at", "as", "an"}
APOSTROPHES = ("'s", "’s", "'", "’")
# verbal and negative clitics (not the possessive 's, which names keep)
CLITICS = tuple(a + c for a in "'’" for c in ("m", "re", "ve", "ll", "d")) + ("n't", "n’t")
# a party-state tag in brackets after a politician: (R-TX), (D-Calif.), (I-Vt.)
PARTY_TAG_RE = re.compile(r"^(?:R|D|I|Ind)-[A-Z][A-Za-z.]{0,7}$")
# name suffixes that never stand alone
SUFFIXES = word_list("actor_words.tsv", "name_suffixes")


@dataclass(frozen=True)
class Lex:
    titles: dict          # tuple of lower-case words → (head, gender)
    title_first: frozenset
    max_title: int
    places: dict          # form → (place, kind)
    place_first: dict     # first word → max words
    groups: dict          # form → (canonical, type)
    org_words: frozenset
    stop: frozenset
    starters: frozenset
    parties: frozenset    # party, office and faith adjectives ("republican")
    non_actor: frozenset  # heads of laws, events, documents ("amendment")
    first_names: frozenset
    # word-level tests over these lists, memoised per lexicon (see ``memo``)
    memos: dict = field(default_factory=dict, compare=False, repr=False)

    def memo(self, name: str, fn) -> "Memo":
        """The memo of ``fn`` (a pure function of one word over this
        lexicon) named ``name``, made on first use."""
        m = self.memos.get(name)
        if m is None:
            m = self.memos[name] = Memo(fn)
        return m


@lru_cache(maxsize=1)
def lexicon() -> Lex:
    titles = {}
    for row in load_table("actor_titles.tsv"):
        words = tuple(row["title"].split())
        titles[words] = (None if row["head"] == "-" else row["head"],
                         None if row["gender"] == "-" else row["gender"])
    places = {}
    place_first: dict[str, int] = {}
    for row in load_table("actor_places.tsv"):
        form = row["form"]
        places[form] = (row["place"], row["kind"])
        if row["kind"] == "abbreviation" and form.endswith(".") and "." not in form[:-1]:
            form = form[:-1] + " ."  # "Calif." is two tokens: "Calif" "."
            places[form] = (row["place"], row["kind"])
        first = form.split()[0]
        place_first[first] = max(place_first.get(first, 0), len(form.split()))
    groups = {row["form"]: (row["canonical"], row["type"]) for row in load_table("actor_groups.tsv")}
    first = frozenset(t[0] for t in titles) | frozenset(t[0].rstrip(".") for t in titles)
    given = frozenset(given_names())
    return Lex(titles, first, max(len(t) for t in titles),
               places, place_first, groups, load_words("actor_org_words.txt"),
               load_words("actor_stopwords.txt"), load_words("sentence_starters.txt"),
               load_words("actor_modifier_words.txt"), load_words("actor_non_actor_heads.txt"),
               given)


def bare(low: str) -> str:
    """A lower-case token without a possessive or clitic ending
    ("tuesday’s" → "tuesday", "here’s" → "here", "i’m" → "i")."""
    if "’" not in low and "'" not in low:
        return low
    for c in CLITICS:
        if low.endswith(c) and len(low) > len(c):
            return low[:-len(c)]
    for ap in APOSTROPHES[:2]:
        if low.endswith(ap) and len(low) > 2:
            return low[:-2]
    return low


def has_clitic(low: str) -> bool:
    """"i’m", "we’re", "don’t": a verbal or negative clitic is attached."""
    return ("’" in low or "'" in low) and low.endswith(CLITICS)


def is_cap(t: str) -> bool:
    """A capitalised name word: "Laessing", "al-Muslimin", "McCarthy", "F"."""
    if not t[:1].isalpha():
        return False
    if t[0].isupper():
        return True
    head, sep, rest = t.partition("-")  # al-Qaeda, ul-Islam
    return bool(sep) and rest[:1].isupper() and head.lower() in CONNECTORS


MEMO_SIZE = 20_000


class Memo(dict):
    """A bounded memo of a pure one-argument function: ``memo[x] == fn(x)``,
    computed on first use (a subscript costs less than a call). It forgets
    everything after ``MEMO_SIZE`` entries: a dozen memos see every new word
    of a corpus, and memory must stay flat over hundreds of thousands of
    articles (the frequent words come back at once)."""

    __slots__ = ("fn",)

    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def __missing__(self, key):
        if len(self) >= MEMO_SIZE:
            self.clear()
        value = self[key] = self.fn(key)
        return value


BARE = Memo(bare)    # BARE[low] == bare(low)
CAP = Memo(is_cap)   # CAP[t] == is_cap(t)
CLITIC = Memo(has_clitic)  # CLITIC[low] == has_clitic(low)


def is_cap_fast(t: str) -> bool:
    """:func:`is_cap`, memoised (a bounded module-level cache)."""
    return CAP[t]


_POSSESSIVE_LAST = frozenset(("s", "'", "’"))


def is_shouted(word: str) -> bool:
    """An all-capital word of three or more letters ("WASHINGTON", "NEW")."""
    if len(word) < 3 or not word.isupper():
        return False
    return word.isalpha() or sum(c.isalpha() for c in word) >= 3


def strip_possessive(text: str, start: int, end: int) -> int:
    """End of ``text[start:end]`` without a possessive ending ('s, ’s, or
    an apostrophe after s)."""
    if text[end - 1:end] not in _POSSESSIVE_LAST:
        return end  # not one of the endings: the common case, no copy
    s = text[start:end]
    for ap in APOSTROPHES:
        if s.endswith(ap) and len(s) > len(ap):
            if ap in ("'", "’") and not s[:-1].endswith("s"):
                continue
            return end - len(ap)
    return end
