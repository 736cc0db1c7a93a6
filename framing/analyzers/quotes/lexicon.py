"""Word lists behind quotation attribution, read once from package data.

``cue_verbs.tsv`` (reporting verbs with categories and frames),
``quote_speaker_words.tsv`` (titles, roles, groups, organisations, documents)
and ``quote_first_names.tsv`` (first names that signal gender) are loaded with
the package's one loader, :mod:`framing.lexicons`, and turned into lookup
tables here. Closed-class words (determiners, auxiliaries, pronouns) are
grammar rather than lexicon and live in this module.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...lexicons import load_table


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
    for row in load_table("quote_first_names.tsv"):
        gender.setdefault(row["name"], row["gender"])
    return Lexicon(
        {k: tuple(sorted(v, key=lambda c: -len(c.words))) for k, v in cues.items()},
        {k: frozenset(v) for k, v in kinds.items()},
        gender,
        frozenset(gender) | {w for w, v in kinds.items() if "title" in v} | TITLE_ABBREV,
        frozenset(w for w, v in kinds.items() if "document" in v),
        frozenset(cues) | {":"},
    )


# -- closed classes (grammar, not lexicon) -------------------------------------
DETERMINERS = frozenset(
    "the a an these those another one two three four five six several some many "
    "most both all each every few his her its their our your my no any".split())
POSSESSIVE_PRONOUNS = frozenset("his her its their our your my".split())
PERSONAL = {"he": "m", "she": "f", "they": "p", "it": "n"}
FIRST_SECOND = frozenset("i we you me us".split())
OBJECT_PRONOUNS = frozenset("him her them me us you it".split())
AUX = frozenset(
    "has have had 's ’s 've ’ve 'd ’d will would could can may might must should shall did does do "
    "is are was were been be being".split()) | frozenset(
    w.replace("'", q) for w in "hasn't haven't hadn't didn't doesn't don't won't wouldn't couldn't "
    "can't isn't aren't wasn't weren't".split() for q in "'’")
PASSIVE_AUX = frozenset("is are was were been be being".split())
ADVERBS = frozenset(
    "also later previously then repeatedly reportedly recently once already earlier often further "
    "again first publicly privately separately frequently simply flatly just now last never "
    "not n't long since still even initially quickly openly bluntly angrily sharply firmly "
    "clearly explicitly falsely wrongly correctly rightly subsequently immediately specifically "
    "emphatically flatly pointedly tersely curtly calmly proudly cheerfully only ultimately "
    "finally eventually jokingly privately consistently has have had".split())
# Lower-case words that start a sentence-level adverbial before the speaker
# ("In a statement, the group said …").
INTRO = frozenset(
    "in on at during after before following with without under amid amidst despite since as "
    "when while speaking asked asked, responding writing talking appearing testifying addressing "
    "meanwhile separately later earlier yesterday today tonight however still instead now then "
    "also separately last this late early but and yet so".split())
# Capitalised words that never belong to a speaker's name.
NOT_NAME = frozenset(
    "the a an but and or so yet in on at for after before during when while if as since although "
    "though despite however meanwhile moreover still now then later earlier last some many most "
    "both few other others such what why how who where which no not this that these those there "
    "here it he she they we i you his her its their our my your one two three asked according "
    "speaking monday tuesday wednesday thursday friday saturday sunday january february march "
    "april june july august september october november december yes no okay well instead also "
    "even just only said says told let among after everything everyone everybody nothing nobody "
    "something someone anything anyone "
    # sentence-initial adjectives and participles taken for names on real news
    "recent latest previous several various further additional trying seeking hoping".split())
TITLE_ABBREV = frozenset("mr mrs ms miss dr prof rev sen sens rep reps gov lt gen col capt adm sgt "
                         "st jr sr".split())
CLOSE_MARKS = frozenset('"”»’›\'')
