"""Shared text forms for the questions analyzer: lexicons, patterns, normalisers.

Used by :mod:`framing.analyzers.questions.analyzer` (detection) and
:mod:`framing.analyzers.questions.classify` (classification). Everything here
is built once, at import.

Package data read here (sources in each file's header):

* ``lexicons/question_cues.tsv`` — the cue patterns by kind (rhetorical,
  answer, non_answer, reported, reader_call, qa_question, qa_answer), after
  Bhattasali et al. (2015), Oraby et al. (2017), Ilie (1994), Han (2002),
  Koshik (2005), Gunlogson (2001), Biber et al. (1999) and Anzilotti (1982).
* ``lexicons/question_words.tsv`` — the closed word classes the patterns
  below are built from: wh-words and the operators that open a yes/no
  question (Biber et al. 1999, *Longman Grammar*; Quirk et al. 1985, ch. 11),
  the discourse markers stripped from a question's start (Schiffrin 1987,
  *Discourse Markers*), and the quantity and pronoun slots of the answer tests.
* ``lexicons/question_function_words.txt`` — the stop list for the "restates
  the question" test (after Biber et al. 1999, ch. 2).

Cue patterns are matched against a normal form: lower case, straight
apostrophes, single spaces, no leading marks, and (for :func:`norm`) no
leading conjunctions, interjections or vocatives.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ...errors import LexiconError
from ...lexicons import load_table, load_words
from ...text.quotes import QuotedRegion

WORDS_LEXICON = "question_words.tsv"


def _compile_cues() -> dict[str, tuple[tuple[str, re.Pattern[str]], ...]]:
    by_kind: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for row in load_table("question_cues.tsv"):
        by_kind.setdefault(row["kind"], []).append((row["rule"], re.compile(row["pattern"])))
    return {kind: tuple(rules) for kind, rules in by_kind.items()}


def _load_word_lists() -> dict[str, tuple[str, ...]]:
    lists: dict[str, list[str]] = {}
    for row in load_table(WORDS_LEXICON):
        lists.setdefault(row["list"], []).append(row["word"])
    return {name: tuple(words) for name, words in lists.items()}


CUES = _compile_cues()
FUNCTION_WORDS = load_words("question_function_words.txt")
_WORD_LISTS = _load_word_lists()


def words(name: str) -> str:
    """The list ``name`` of ``question_words.tsv`` as a regex alternation
    (``a|b|c``, in file order; a space in an entry matches any white space)."""
    try:
        entries = _WORD_LISTS[name]
    except KeyError:
        raise LexiconError(f"lexicon {WORDS_LEXICON!r} has no list {name!r}") from None
    return "|".join(r"\s+".join(re.escape(part) for part in entry.split()) for entry in entries)


QWORD = rf"(?:{words('wh')})"
AUX = rf"(?:{words('aux')})"
LEAD_RE = re.compile(
    rf"^(?:(?:{words('lead')})\b,?\s+"
    rf"|(?:[\w.']+\s+){{0,2}}[\w.']+,\s+(?=(?:{QWORD}|{AUX})\b))+"
)
NOISE_RE = re.compile(r"^[\s\"'“”‘’«»„()\[\]—–\-…:;,.]+")
SPACE_RE = re.compile(r"\s+")
WORD_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
NP_QUESTION_RE = re.compile(rf"^(?!{QWORD}\b|{AUX}\b)(?:[\w'$%.,-]+\s+){{0,3}}[\w'$%.,-]+$")
PRONOUN_START_RE = re.compile(rf"^(?:{words('pronoun_start')})\b")
BARE_WH_RE = re.compile(rf"^(?:(?:{words('bare_conj')})\s+)?{QWORD}(?:\s+not)?$")
DEGREE_Q_RE = re.compile(rf"^how\s+(?:{words('degree_wh')})\b")
QUANTITY_RE = re.compile(rf"^(?:{words('quantity_lead')})?\s*"
                         rf"(?:\$?\d|{words('quantity_noun')})")
FIRST_PERSON_RE = re.compile(rf"\b(?:{words('first_person')})\b")  # "we must ask:" frames the writer's own
ATTRIBUTION_END_RE = re.compile(r"[.,!]\s*$")
OPEN_QUOTES = "\"“‘«„'"
CLOSE_CHARS = "\"'”’»)]} \t\r\n"


class QuestionSpan(NamedTuple):
    """A detected question: character span, sentence index, innermost quote."""

    start: int
    end: int
    sentence: int
    quote: QuotedRegion | None


# -- normal forms -----------------------------------------------------------------
def plain(text: str) -> str:
    """Lower-case, straight apostrophes, single spaces, no leading marks."""
    t = text.replace("’", "'").replace("‘", "'").lower()
    return NOISE_RE.sub("", SPACE_RE.sub(" ", t)).strip()


def norm(text: str) -> str:
    """Lower-case, straight apostrophes, single spaces, no leading marks or
    leading conjunctions/interjections/vocatives: the form cues match."""
    return LEAD_RE.sub("", plain(text))


def core(text: str) -> str:
    """A normalised question without its final ``?``/``!`` run."""
    return norm(text).rstrip("?! ")


def stems(text: str) -> set[str]:
    """Crudely stemmed content words (function words and short words dropped)."""
    out = set()
    for w in WORD_RE.findall(text.replace("’", "'").lower()):
        w = w.split("'")[0]
        if w in FUNCTION_WORDS or len(w) < 3:
            continue
        for suffix in ("ing", "ed", "es", "s"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                w = w[: -len(suffix)]
                break
        out.add(w)
    return out


def first_cue(kind: str, text: str) -> str | None:
    """The first rule of cue ``kind`` whose pattern occurs in ``text``."""
    for rule, rx in CUES.get(kind, ()):
        if rx.search(text):
            return rule
    return None


def all_cues(kind: str, text: str) -> list[str]:
    """Every rule of cue ``kind`` whose pattern occurs in ``text``, once, in order."""
    seen: list[str] = []
    for rule, rx in CUES.get(kind, ()):
        if rule not in seen and rx.search(text):
            seen.append(rule)
    return seen
