"""The word lists several analyzers share, each read from one file through
one accessor here; no analyzer keeps its own copy.

* :func:`pronouns`, :func:`pronoun_gender` — ``pronouns.tsv`` (person,
  gender or number, case of each English personal and wh- pronoun);
* :func:`determiners` — ``determiners.tsv`` (articles, possessives,
  demonstratives, quantifiers, numerals);
* :func:`reporting_verbs` — ``reporting_verbs.tsv``, the named subsets of the
  reporting-verb forms of ``cue_verbs.tsv`` that single rules use (the full
  lexicon, with categories and frames, is the quotation analyzer's);
* :func:`negators` — ``negators.txt``;
* :func:`calendar_words` — ``calendar.tsv`` (weekdays, months);
* :func:`given_names` — ``given_names.tsv`` (first name → usual gender).

Subsets differ where a rule was tuned (or a model trained) on them; they are
selected here by a feature or a named subset, so each word is written once.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Union

from . import LexiconError, load_table, load_words

Choice = Union[str, Iterable[str], None]


def _match(value: str, want: Choice) -> bool:
    if want is None:
        return True
    return value == want if isinstance(want, str) else value in tuple(want)


def _select(rows, **where: Choice):
    return [r for r in rows if all(_match(r[k], v) for k, v in where.items())]


def pronouns(*, person: Choice = None, gender: Choice = None, case: Choice = None) -> frozenset[str]:
    """Pronouns with the given features: ``person`` 1, 2, 3 or wh; ``gender``
    m, f, n (it) or p (plural); ``case`` subj, obj, det (possessive
    determiner) or poss (independent possessive) or refl. Each argument is a
    value or a collection of values; None selects all."""
    return frozenset(r["word"] for r in _select(load_table("pronouns.tsv"),
                                                person=person, gender=gender, case=case))


def pronoun_gender(*, person: Choice = None, gender: Choice = None,
                   case: Choice = None) -> dict[str, str]:
    """Like :func:`pronouns`, as word → gender (m, f, n, p), in file order."""
    out: dict[str, str] = {}
    for r in _select(load_table("pronouns.tsv"), person=person, gender=gender, case=case):
        out.setdefault(r["word"], r["gender"])
    return out


def determiners(*kinds: str) -> frozenset[str]:
    """Determiners of the given kinds (article, possessive, quantifier,
    numeral, demonstrative_near, demonstrative_far, demonstrative_plural);
    all with no kind."""
    return frozenset(r["word"] for r in load_table("determiners.tsv")
                     if not kinds or r["kind"] in kinds)


@lru_cache(maxsize=None)
def reporting_verbs(subset: str) -> frozenset[str]:
    """The reporting-verb forms of one named subset of ``reporting_verbs.tsv``."""
    rows = load_table("reporting_verbs.tsv")
    out = frozenset(r["word"] for r in rows if subset in r["subsets"].split(","))
    if not out:
        raise LexiconError(f"reporting_verbs.tsv has no subset {subset!r}")
    return out


def negators() -> frozenset[str]:
    """Negation words (VADER's NEGATE list, Hutto & Gilbert 2014, without the contractions)."""
    return load_words("negators.txt")


def calendar_words(kind: str) -> frozenset[str]:
    """``weekday`` or ``month`` names, lower case."""
    return frozenset(r["word"] for r in load_table("calendar.tsv") if r["kind"] == kind)


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """First name (lower case) → "m" | "f"."""
    return {row["name"]: row["gender"] for row in load_table("given_names.tsv")}
