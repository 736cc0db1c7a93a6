"""Shared ground of the target-sentiment model (:mod:`framing.sentiment.linear`):
closed-class word lists, the two lexicons, the trained weights, and the
small rules both the feature code and the fast scorer apply.

Lexicons: VADER's word valences (Hutto & Gilbert 2014; read from the
installed ``vaderSentiment`` package, not copied) and the framing-verb
connotations of ``lexicons/actor_framing_verbs.tsv`` (after Rashkin et al.
2016). The weights are those ``benchmarks/train_sentiment.py`` writes.
"""
from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources
from typing import Iterable

from ..errors import FramingError
from ..lexicons import load_table, word_list
from ..lexicons.shared import negators, pronouns, reporting_verbs

LABELS = ("negative", "neutral", "positive")
WINDOW = 8  # tokens either side of a target with their own features
MODEL_FILE = "target_sentiment.json"

# Closed-class words: the shared negators, pronouns and reporting verbs
# (lexicons/shared.py), the lists of lexicons/sentiment_words.tsv, clause breaks.
NEGATORS = negators()
CONTRAST = word_list("sentiment_words.tsv", "contrast")
PRONOUNS = pronouns()
SAY = reporting_verbs("sentiment")
BREAKS = frozenset(",;:—–()")
ROLE_STOPS = frozenset(",;:—–()\"“”.".split() + list(",;:—–()\"“”.") +
                       ["and", "but", "or", "that", "which", "who"])
BE = word_list("sentiment_words.tsv", "be")
PREPS = word_list("sentiment_words.tsv", "prepositions")
POSSESSIVE = ("'s", "’s", "s'", "s’")
PREFIX = 5  # characters of a word kept by the prefix templates ("corru" for corrupt, corruption)
PRE_NAME = word_list("sentiment_words.tsv", "pre_name")



# -- resources -----------------------------------------------------------------
@lru_cache(maxsize=1)
def vader_lexicon() -> dict[str, float]:
    """VADER's word → mean valence (-4..4), read from the vaderSentiment package."""
    try:
        raw = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(
            encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:  # pragma: no cover
        raise FramingError("target sentiment needs the vaderSentiment package "
                           "(pip install vaderSentiment)") from exc
    out: dict[str, float] = {}
    for line in raw.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            try:
                out[parts[0]] = float(parts[1])
            except ValueError:
                continue
    return out


@lru_cache(maxsize=1)
def framing_verbs() -> dict[str, tuple[str, int, int]]:
    """Inflected form → (lemma, polarity toward object, toward subject)."""
    out = {}
    for row in load_table("actor_framing_verbs.tsv"):
        for form in row["forms"].split():
            out[form] = (row["lemma"], int(row["object"]), int(row["subject"]))
    return out


@lru_cache(maxsize=1)
def _model() -> tuple[tuple[str, ...], tuple[float, ...], dict[str, list[float]]]:
    from ..models import load_model

    data = load_model(MODEL_FILE)
    if tuple(data["classes"]) != LABELS:
        raise FramingError(f"{MODEL_FILE}: classes must be {LABELS}, got {data['classes']}")
    return tuple(data["classes"]), tuple(data["intercept"]), data["weights"]


def _add(f: dict, k: str, v: float = 1.0) -> None:  # noqa: E302
    f[k] = f.get(k, 0.0) + v


def _compound(vals: Iterable[float | None]) -> float:
    s = 0.0
    for v in vals:
        if v is not None:
            s += v
    return s / math.sqrt(s * s + 15.0)  # VADER's normalisation, alpha = 15


def _bucket(c: float) -> str:
    return "+" if c >= 0.3 else "-" if c <= -0.3 else "0"


def _clause(words: list[str], i: int, step: int) -> int:
    """Index of the last word of the target's clause walking from ``i``."""
    j = i
    n = len(words)
    while 0 <= j + step < n:
        w = words[j + step]
        if w in BREAKS or w in CONTRAST:
            break
        j += step
    return j


def _norm(total: float) -> float:
    return total / math.sqrt(total * total + 15.0)  # VADER's normalisation, alpha = 15


def _names_only(words: list[str], lo: int, a: int) -> bool:
    for i in range(lo, a):
        if words[i] not in PRE_NAME:
            return False
    return True


def _role_polarity(words: list[str], a: int, cl_lo: int, right: float, left: float) -> str:
    """Role of the target in its clause crossed with the tone of the rest of
    the clause: the subject (nothing but determiners/titles before it in the
    clause) with the valence after it, the object of a preposition or of a
    verb with the valence before it. "<T> won praise" vs "praise for <T>"
    vs "critics attacked <T>" (after Wiebe et al. 2005's source/target of
    private states, here without a parser)."""
    if cl_lo == a or _names_only(words, cl_lo, a):
        return "rc:subj:" + _bucket(_norm(right))
    if a >= 1 and words[a - 1] in PREPS:
        return "rc:pobj:" + _bucket(_norm(left))
    return "rc:obj:" + _bucket(_norm(left))


def first_valence(words: list[str], val: list, indices: Iterable[int]) -> float | None:
    """Valence of the first lexicon word met walking ``indices`` away from
    the target, None when a clause stop (``ROLE_STOPS``) or the end comes
    first: the nearest evaluative word on each side ("<T> failed", "brave <T>")."""
    for j in indices:
        if words[j] in ROLE_STOPS:
            return None
        if val[j] is not None:
            return val[j]
    return None
