"""Word lists behind quotation attribution, read once from package data.

``cue_verbs.tsv`` (reporting verbs with categories and frames) and
``quote_speaker_words.tsv`` (titles, roles, groups, organisations, documents)
are loaded with the package's one loader, :mod:`framing.lexicons`, and turned
into lookup tables here, with the shared given names
(:func:`framing.lexicons.shared.given_names`). The closed classes the rules
read are selected here from the shared pronoun and determiner tables and from
the small lists of ``quote_words.tsv``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...lexicons import load_table, word_list, word_tuple
from ...lexicons.shared import calendar_words, determiners, given_names, pronoun_gender, pronouns


@dataclass(frozen=True)
class CueForm:
    """One surface form of a reporting verb or phrase."""

    lemma: str
    category: str
    frame: str  # speech | evidence | cognition | object | prep
    words: tuple[str, ...]  # the form, token by token, lower case
    form: str  # base | s | past | ing | phrase


@dataclass(frozen=True)
class Lexicon:
    cues: dict[str, tuple[CueForm, ...]]  # first word → forms, longest first
    kinds: dict[str, frozenset[str]]  # word → {title, role, group, org, document, modifier}
    gender: dict[str, str]  # gendered titles/roles and first names → m | f
    # words that open a person's name in running text: titles, title
    # abbreviations and gendered words (first names, "Mrs") — name_mentions' filter
    name_starts: frozenset[str] = frozenset()
    documents: frozenset[str] = frozenset()  # words of kind "document" ("records", "poll")
    cue_starts: frozenset[str] = frozenset()  # first words of cues, and ":" (colon attributions)


# punctuation cues (CODEBOOK §3: "a colon or dash") named as words where cues
# are listed, so a colon is never shown as a reporting verb
PUNCT_CUES = {":": "colon", "—": "dash", "–": "dash", "--": "dash"}


def cue_name(cue: str) -> str:
    """The cue as listed among a speaker's cues: its lemma, or "colon"/"dash"."""
    return PUNCT_CUES.get(cue.strip(), cue)


def _form_kind(lemma: str, words: tuple[str, ...]) -> str:
    """base (say), s (says), past (said), ing (saying); "according to" is a phrase."""
    base, w = lemma.split()[0], words[0]
    if lemma == "according to":
        return "phrase"
    if w == base:
        return "base"
    if w.endswith("ing"):
        return "ing"
    if w in (base + "s", base + "es", base[:-1] + "ies"):
        return "s"
    return "past"


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    cues: dict[str, list[CueForm]] = {}
    for row in load_table("cue_verbs.tsv"):
        for form in row["forms"].split(","):
            words = tuple(form.strip().lower().split())
            if not words:
                continue
            cue = CueForm(row["lemma"], row["category"], row["frame"], words,
                          _form_kind(row["lemma"], words))
            cues.setdefault(words[0], []).append(cue)
    kinds: dict[str, set[str]] = {}
    gender: dict[str, str] = {}
    for row in load_table("quote_speaker_words.tsv"):
        kinds.setdefault(row["word"], set()).add(row["kind"])
        if row["gender"]:
            gender[row["word"]] = row["gender"]
    for name, g in given_names().items():
        gender.setdefault(name, g)
    return Lexicon(
        {k: tuple(sorted(v, key=lambda c: -len(c.words))) for k, v in cues.items()},
        {k: frozenset(v) for k, v in kinds.items()},
        gender,
        frozenset(gender) | {w for w, v in kinds.items() if "title" in v} | TITLE_ABBREV,
        frozenset(w for w, v in kinds.items() if "document" in v),
        frozenset(cues) | {":"},
    )


# -- closed classes (shared tables and quote_words.tsv) ---------------------------------
DETERMINERS = determiners("article", "possessive", "quantifier", "numeral", "demonstrative_plural")
POSSESSIVE_PRONOUNS = pronouns(person=("1", "2", "3"), case="det")
PERSONAL = pronoun_gender(person="3", case="subj")
FIRST_SECOND = pronouns(person=("1", "2"), case=("subj", "obj"))
OBJECT_PRONOUNS = pronouns(person=("1", "2", "3"), case="obj")
AUX = (word_list("quote_words.tsv", "auxiliaries") | word_list("quote_words.tsv", "passive_auxiliaries")
       | frozenset(w.replace("'", q) for w in word_tuple("quote_words.tsv", "negative_contractions")
                   for q in "'’"))
PASSIVE_AUX = word_list("quote_words.tsv", "passive_auxiliaries")
ADVERBS = word_list("quote_words.tsv", "adverbs")
# Lower-case words that start a sentence-level adverbial before the speaker
# ("In a statement, the group said …").
INTRO = word_list("quote_words.tsv", "intro_words")
# Capitalised words that never belong to a speaker's name.
NOT_NAME = (word_list("quote_words.tsv", "not_name") | word_list("quote_words.tsv", "participial_openers")
            | calendar_words("weekday") | calendar_words("month") - {"may"})  # May: the modal
TITLE_ABBREV = word_list("quote_words.tsv", "title_abbreviations")
CLOSE_MARKS = frozenset('"”»’›\'')
