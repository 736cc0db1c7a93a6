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
from bisect import bisect_left
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
    return _norm(s)


def _norm(total: float) -> float:
    return total / math.sqrt(total * total + 15.0)  # VADER's normalisation, alpha = 15


BUCKETS = "+-0"  # bucket_index's order


def bucket_index(c: float) -> int:
    """A normalised tone's bucket: 0 "+" (≥ 0.3), 1 "-" (≤ -0.3), 2 "0"."""
    return 0 if c >= 0.3 else 1 if c <= -0.3 else 2


def _bucket(c: float) -> str:
    return BUCKETS[bucket_index(c)]


# -- the target-dependent rules, read by the feature code (feature names, for
# training) and by the fast scorer (weight lookups) alike ----------------------
def clause_bounds(brk: list[int], n: int, a: int, b: int) -> tuple[int, int]:
    """First and last token index of the clause around the target ``[a, b)``:
    the tokens between the nearest clause breaks or contrast words (``brk``,
    their sorted indices) on each side; (0, -1) bounds for an empty side."""
    if a > 0:
        k = bisect_left(brk, a) - 1
        lo = brk[k] + 1 if k >= 0 else 0
    else:
        lo = 0
    if b > 0:
        k = bisect_left(brk, b)
        hi = brk[k] - 1 if k < len(brk) else n - 1
    else:
        hi = -1
    return lo, hi


def clause_role(words: list[str], a: int, cl_lo: int) -> tuple[str, str]:
    """Role of the target in its clause: ``("subj", "")`` when nothing but
    determiners and titles precede it in the clause, ``("pobj", prep)`` after
    a preposition, else ``("obj", "")``. "<T> won praise" vs "praise for <T>"
    vs "critics attacked <T>" (after Wiebe et al. 2005's source/target of
    private states, here without a parser). The tone it is crossed with is
    that after the target for a subject, before it otherwise."""
    subj = cl_lo == a
    if not subj:
        subj = True
        for i in range(cl_lo, a):
            if words[i] not in PRE_NAME:
                subj = False
                break
    if subj:
        return "subj", ""
    prep = words[a - 1] if a >= 1 else ""
    return ("pobj", prep) if prep in PREPS else ("obj", "")


def framing_roles(words: list[str], a: int, b: int, fv: dict) -> tuple:
    """The framing verbs governing the target and its role toward each:
    ``(right, left)``, each ``(form, role)`` or None. Right: the first
    framing verb within 5 tokens after the target, before a clause stop,
    whose subject it is ("subj"), or its patient when the verb is an -ed
    form after a form of BE ("pass"). Left: a framing verb within 4 tokens
    before it across determiners and titles only, whose object it is
    ("obj"), or its agent after "by" ("by"). Connotation frames after
    Rashkin et al. (2016)."""
    n = len(words)
    right = left = None
    for j in range(b, min(b + 5, n)):
        w = words[j]
        if j > b and w in ROLE_STOPS:
            break
        if w in fv:
            role = "subj"
            if w.endswith("ed"):
                for x in range(b, j):
                    if words[x] in BE:
                        role = "pass"
                        break
            right = (w, role)
            break
    if a >= 1:
        by = words[a - 1] == "by"
        for j in range(a - 1, max(a - 5, -1), -1):
            w = words[j]
            if w in fv:
                left = (w, "by" if by else "obj")
                break
            if w not in PRE_NAME and not (by and j == a - 1):
                break
    return right, left


def say_sides(words: list[str], a: int, b: int) -> tuple[bool, bool]:
    """Is there a speech verb within 3 tokens after the target ("<T> said"),
    and within 3 before it ("said <T>")?"""
    after = before = False
    for j in range(b, min(b + 3, len(words))):
        if words[j] in SAY:
            after = True
            break
    for j in range(max(a - 3, 0), a):
        if words[j] in SAY:
            before = True
            break
    return after, before


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
