"""Readability runs offline with textstat's syllable method: CMUdict (shipped
as data), else Pyphen."""
from __future__ import annotations

import pytest

import framing
from framing.analyzers import readability


def test_syllables_follow_textstats_pyphen_path():
    pytest.importorskip("textstat")
    from textstat.backend.utils import get_pyphen

    ph = get_pyphen("en_US")
    for word in ["remarkably", "situation", "cat", "comfortable", "everybody", "desalination"]:
        assert readability.pyphen_syllables(word) == len(ph.positions(word)) + 1


def test_syllables_equal_pyphen_positions_and_keep_no_unbounded_cache():
    """Our Liang pass over Pyphen's patterns gives Pyphen's count for any
    word (case, apostrophes, digits, non-ASCII), and leaves Pyphen's own
    per-word cache (unbounded) empty."""
    import random

    import pyphen

    ph = pyphen.Pyphen(lang="en_US")
    rnd = random.Random(5)
    words = ["Desalination", "don't", "Clinton’s", "İstanbul", "ΣΟΦΙΑΣ", "x", "42nd", "well-known",
             "U.S.", "ok", "strengths", "re-elected"]
    words += ["".join(rnd.choice("abcdefghijklmnopqrstuvwxyzéİΣ-'’09AB.") for _ in range(rnd.randint(1, 18)))
              for _ in range(3000)]
    readability.pyphen_syllables.cache_clear()
    readability._pyphen().hd.cache.clear()
    ours = [readability.pyphen_syllables(w) for w in words]
    assert not readability._pyphen().hd.cache
    assert ours == [len(ph.positions(w.lower())) + 1 for w in words]


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
    assert r.flesch_reading_ease is not None and r.syllable_method.startswith("cmudict")


def test_empty_text_has_no_scores():
    r = framing.analyze("").readability
    assert r.flesch_reading_ease is None and r.flesch_kincaid_grade is None


def test_harder_text_scores_lower():
    easy = framing.analyze("The dog ran. The cat sat. We all had fun.").readability
    hard = framing.analyze("Institutional accountability mechanisms necessitate comprehensive "
                           "intergovernmental deliberation regarding infrastructural prioritisation.").readability
    assert hard.flesch_reading_ease < easy.flesch_reading_ease
    assert hard.flesch_kincaid_grade > easy.flesch_kincaid_grade


def _textstat_offline(monkeypatch):
    """textstat reading the shipped CMUdict through NLTK, downloads refused."""
    textstat = pytest.importorskip("textstat")
    import nltk
    from textstat.backend.utils import _get_cmudict

    monkeypatch.setattr(nltk, "download", lambda *a, **k: (_ for _ in ()).throw(AssertionError("download")))
    monkeypatch.setattr(nltk.data, "path", [readability.nltk_data()])
    _get_cmudict.get_cmudict.cache_clear()
    return textstat


TEXT = ("The council approved the desalination plant on Tuesday night. "
        "Residents remain deeply divided about the enormous cost. "
        "Engineers believe the pipes should be repaired first, Councillor Brekke's aide said.")


def test_formulas_agree_with_textstat_on_the_shipped_cmudict(monkeypatch):
    """textstat runs offline on our data (the NLTK layout works) and gives
    our scores and our syllable counts."""
    textstat = _textstat_offline(monkeypatch)
    from textstat.backend.counts import _count_syllables

    _count_syllables.count_syllables.cache_clear()
    try:
        ours = framing.analyze(TEXT).readability
        assert ours.flesch_reading_ease == pytest.approx(textstat.flesch_reading_ease(TEXT), abs=0.01)
        assert ours.flesch_kincaid_grade == pytest.approx(textstat.flesch_kincaid_grade(TEXT), abs=0.01)
        words = ["desalination", "comfortable", "everybody", "fire", "the", "brekke's", "zorbled",
                 "enormous", "every", "family"]
        assert [readability.syllables(w) for w in words] == [textstat.syllable_count(w) for w in words]
    finally:
        _count_syllables.count_syllables.cache_clear()
        from textstat.backend.utils import _get_cmudict

        _get_cmudict.get_cmudict.cache_clear()


def test_shipped_cmudict_reads_as_nltk_reads_it(monkeypatch):
    _textstat_offline(monkeypatch)
    import random

    import nltk

    reader = nltk.corpus.reader.CMUDictCorpusReader(readability.nltk_data() + "/corpora/cmudict",
                                                     ["cmudict"])
    entries = reader.dict()
    assert len(entries) == len(readability._cmudict())
    rnd = random.Random(2)
    for word in rnd.sample(sorted(entries), 2000):
        phones = entries[word][0]
        assert readability.cmudict_syllables(word) == sum(p[-1].isdigit() for p in phones)
    assert readability.cmudict_syllables("zorbled") is None


def test_formulas_agree_with_textstat_offline(monkeypatch):
    """Same syllable path, same coefficients: our scores equal textstat's own
    (with both dictionaries disabled, i.e. the Pyphen fallback)."""
    textstat = pytest.importorskip("textstat")
    from textstat.backend.counts import _count_syllables
    from textstat.backend.utils.constants import LANG_CONFIGS

    en = LANG_CONFIGS["en"]
    assert (en["fre_base"], en["fre_sentence_length"], en["fre_syll_per_word"]) == readability.FLESCH_EN
    monkeypatch.setattr(_count_syllables, "get_cmudict", lambda lang: {})
    monkeypatch.setattr(readability, "cmudict_syllables", lambda word: None)
    readability.syllables.cache_clear()
    import nltk

    monkeypatch.setattr(nltk, "download", lambda *a, **k: (_ for _ in ()).throw(AssertionError("download")))
    text = ("The council approved the desalination plant on Tuesday night. "
            "Residents remain deeply divided about the enormous cost. "
            "Engineers believe the pipes should be repaired first.")
    ours = framing.analyze(text).readability
    assert textstat.sentence_count(text) == 3 and textstat.lexicon_count(text) == 25
    assert ours.flesch_reading_ease == pytest.approx(textstat.flesch_reading_ease(text), abs=0.01)
    assert ours.flesch_kincaid_grade == pytest.approx(textstat.flesch_kincaid_grade(text), abs=0.01)
    readability.syllables.cache_clear()


def test_textstat_is_not_imported_at_run_time():
    import subprocess
    import sys

    code = "import framing, sys; framing.analyze('It may rain. Is it over?'); print('textstat' in sys.modules, 'nltk' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
