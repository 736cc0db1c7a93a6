"""Readability runs offline with one pinned syllable method."""
from __future__ import annotations

import pytest

import framing
from framing.analyzers import readability


def test_syllables_follow_textstats_pyphen_path():
    from textstat.backend.utils import get_pyphen

    ph = get_pyphen("en_US")
    for word in ["remarkably", "situation", "cat", "comfortable", "everybody", "desalination"]:
        assert readability.syllables(word) == len(ph.positions(word)) + 1


def test_flesch_matches_hand_computation():
    # 2 sentences, 8 words; syllables computed by the pinned method
    text = "The cat sat down. A remarkable situation emerged."
    words = ["The", "cat", "sat", "down", "A", "remarkable", "situation", "emerged"]
    syl = sum(readability.syllables(w) for w in words)
    r = framing.analyze(text).readability
    assert r.words_per_sentence == 4.0
    assert r.flesch_reading_ease == pytest.approx(206.835 - 1.015 * 4.0 - 84.6 * syl / 8, abs=0.01)
    assert r.flesch_kincaid_grade == pytest.approx(0.39 * 4.0 + 11.8 * syl / 8 - 15.59, abs=0.01)


def test_never_downloads(monkeypatch):
    import nltk

    def refuse(*a, **k):
        raise AssertionError("nltk.download called")

    monkeypatch.setattr(nltk, "download", refuse)
    readability.syllables.cache_clear()
    r = framing.analyze("Readability must work on a machine without any network access.").readability
    assert r.flesch_reading_ease is not None and r.syllable_method.startswith("pyphen")


def test_empty_text_has_no_scores():
    r = framing.analyze("").readability
    assert r.flesch_reading_ease is None and r.flesch_kincaid_grade is None


def test_harder_text_scores_lower():
    easy = framing.analyze("The dog ran. The cat sat. We all had fun.").readability
    hard = framing.analyze("Institutional accountability mechanisms necessitate comprehensive "
                           "intergovernmental deliberation regarding infrastructural prioritisation.").readability
    assert hard.flesch_reading_ease < easy.flesch_reading_ease
    assert hard.flesch_kincaid_grade > easy.flesch_kincaid_grade
