"""Readability formulas over the Document's own counts, fully offline.

Syllables are textstat's method (0.7.13, ``count_syllables``): a word's
first pronunciation in the CMU Pronouncing Dictionary (one syllable per
stressed vowel phone), else Pyphen's en_US hyphenation points + 1. textstat
gets CMUdict from NLTK and downloads it at run time; here the dictionary
ships as package data (BSD-style licence, ``lexicons/nltk_data/corpora/
cmudict/README``) in the layout NLTK's corpus reader expects, so that
:func:`nltk_data` put on ``nltk.data.path`` lets textstat itself run offline
on the same data (the tests compare the two). textstat is not imported at
run time: its import pulls in NLTK, which imports scikit-learn and SciPy
when they are installed (about 2 s per process). The counts come from the
parsed :class:`~framing.document.Document` (its sentences and word tokens):
textstat's sentence counter is known to be inaccurate (textstat#77).

Formulas: Flesch reading ease (Flesch 1948), Flesch–Kincaid grade (Kincaid,
Fishburne, Rogers & Chissom 1975), Gunning fog (Gunning 1952), SMOG (McLaughlin
1969, 30-sentence normalisation), Coleman–Liau (Coleman & Liau 1975) and the
automated readability index (Senter & Smith 1967).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from importlib import resources

from ..report import ReadabilitySection
from .base import Analyzer, Context

HAS_LETTER = re.compile(r"[^\W\d_]")
ALNUM = re.compile(r"[^\W_]")
NOT_ALNUM_RUN = re.compile(r"[\W_]+")  # the complement of ALNUM, in runs
SYLLABLE_METHOD = "cmudict (first pronunciation), else pyphen en_US (hyphenation points + 1)"
CMUDICT = ("nltk_data", "corpora", "cmudict", "cmudict")


def nltk_data() -> str:
    """The folder to put on ``nltk.data.path`` so that NLTK's
    ``cmudict`` (and textstat's syllables) read the shipped CMUdict."""
    return str(resources.files("framing.lexicons").joinpath("nltk_data"))


FIRST_PRONUNCIATION = re.compile(r"^(\S+) 1 ([^\n]*)", re.M)


@lru_cache(maxsize=1)
def _cmudict() -> dict[str, str]:
    """Word → the phones of its first pronunciation ("word 1 PH ONES" lines),
    read once per process (≈ 0.15 s; syllables are counted per word looked up)."""
    raw = resources.files("framing.lexicons").joinpath(*CMUDICT).read_text(encoding="utf-8")
    return dict(FIRST_PRONUNCIATION.findall(raw))


def cmudict_syllables(word: str) -> int | None:
    """Syllables of a lower-case word in CMUdict (its stressed vowel phones:
    only they end in a digit), or ``None`` when the word is not there."""
    phones = _cmudict().get(word)
    return None if phones is None else phones.count("0") + phones.count("1") + phones.count("2")


@lru_cache(maxsize=1)
def _pyphen():
    import pyphen

    return pyphen.Pyphen(lang="en_US")


@lru_cache(maxsize=1)
def _hyphenation():
    """Pyphen's en_US patterns, the pattern length limit, every prefix of a
    pattern (to stop looking early) and the left/right margins."""
    ph = _pyphen()
    patterns = ph.hd.patterns
    prefixes = frozenset(key[:n] for key in patterns for n in range(1, len(key) + 1))
    return patterns, ph.hd.maxlen, prefixes, ph.left, ph.right


# Flesch (1948) reading-ease coefficients for English, the values textstat
# 0.7.x keeps in its LANG_CONFIGS["en"] (fre_base, fre_sentence_length,
# fre_syll_per_word); tests/test_readability.py checks they still agree.
FLESCH_EN = (206.835, 1.015, 84.6)


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables of one word: its CMUdict count, else :func:`pyphen_syllables`."""
    lower = word.lower()
    n = cmudict_syllables(lower.replace("’", "'"))
    return n if n is not None else pyphen_syllables(lower)


@lru_cache(maxsize=65536)
def pyphen_syllables(word: str) -> int:
    """Syllables of one word by Pyphen's en_US patterns (textstat's fallback).

    Equals ``len(pyphen.Pyphen(lang="en_US").positions(word.lower())) + 1``
    (tests/test_readability.py checks it), computed here from Pyphen's own
    patterns (Liang 1983) rather than through ``positions``: that method
    keeps every word it has seen in an unbounded cache (memory growing with
    the vocabulary of a corpus) and tries every substring, where a substring
    that begins no pattern ends the search. The cache here is bounded.
    """
    patterns, maxlen, prefixes, left, right = _hyphenation()
    word = word.lower()
    pointed = f".{word.lower()}."  # Pyphen lower-cases once more
    n = len(pointed)
    refs = [0] * (n + 1)
    for i in range(n - 1):
        for j in range(i + 1, min(i + maxlen, n) + 1):
            piece = pointed[i:j]
            if piece not in prefixes:
                break
            pattern = patterns.get(piece)
            if pattern:
                offset, values = pattern
                cut = slice(i + offset, i + offset + len(values))
                refs[cut] = map(max, values, refs[cut])
    last = len(word) - right
    return 1 + sum(1 for i, r in enumerate(refs) if r % 2 and left <= i - 1 <= last)


def run(ctx: Context) -> ReadabilitySection:
    doc = ctx.doc
    words = [t.text for t in doc.tokens if t.is_word]
    n_words, n_sent = len(words), len(doc.sentences)
    if not n_words or not n_sent:
        return ReadabilitySection(syllable_method=SYLLABLE_METHOD)
    # each distinct word once (Counter counts in C); a number counts as one syllable
    n_syl = poly = 0
    has_letter = HAS_LETTER.search
    for word, count in Counter(words).items():
        if has_letter(word):
            s = syllables(word)
            n_syl += s * count
            if s >= 3:
                poly += count
        else:
            n_syl += count
    # letters and digits (ALNUM): every character minus the runs of the rest
    joined = "".join(words)
    letters = len(joined) - sum(map(len, NOT_ALNUM_RUN.findall(joined)))
    wps = n_words / n_sent
    spw = n_syl / n_words
    base, k_sent, k_syl = FLESCH_EN

    def r(x: float) -> float:
        return round(x, 2)

    return ReadabilitySection(
        flesch_reading_ease=r(base - k_sent * wps - k_syl * spw),
        flesch_kincaid_grade=r(0.39 * wps + 11.8 * spw - 15.59),
        gunning_fog=r(0.4 * (wps + 100.0 * poly / n_words)),
        smog_index=r(1.043 * math.sqrt(30.0 * poly / n_sent) + 3.1291),
        coleman_liau_index=r(0.0588 * (100.0 * letters / n_words)
                             - 0.296 * (100.0 * n_sent / n_words) - 15.8),
        automated_readability_index=r(4.71 * letters / n_words + 0.5 * wps - 21.43),
        words_per_sentence=r(wps),
        syllables_per_word=round(spw, 3),
        syllable_method=SYLLABLE_METHOD,
    )


ANALYZER = Analyzer("readability", run, description="Readability formulas (offline syllables)")
