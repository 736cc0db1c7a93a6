"""Pronoun coreference for actors: the Hobbs-style search, agreement,
binding, pleonastic "it" and quotes (framing.analyzers.actors.coref). All
texts written for these tests."""
from __future__ import annotations

import pytest

from framing import Document
from framing.analyzers.actors.analyzer import find_mentions


def pronouns(text: str) -> list[tuple[str, str]]:
    """(pronoun as written, actor it resolved to), in text order; every
    resolved pronoun's offsets are the token's exactly."""
    found, mentions = find_mentions(Document(text))
    out = []
    for m in mentions:
        if m.kind == "pronoun":
            word = text[m.start:m.end]
            assert word == m.key  # the token's exact offsets
            out.append((word, found[m.actor].name))
    return out


def antecedent(text: str, word: str, nth: int = 0):
    """The actor the ``nth`` occurrence of pronoun ``word`` resolved to, or
    None (an unresolved pronoun is no mention)."""
    seen = [t for t in Document(text).tokens if t.text == word]
    assert seen, word
    found, mentions = find_mentions(Document(text))
    starts = {m.start: found[m.actor].name for m in mentions if m.kind == "pronoun"}
    return starts.get(seen[nth].start)


# -- the search order ----------------------------------------------------------------
def test_previous_sentence_subject_before_its_object():
    """Hobbs (1978): the previous sentence is searched left to right, its
    subject first — not the most recent name."""
    text = "Mr. Anton Vey met Mr. Piet Oran in Lisbon. He later praised the plan."
    assert antecedent(text, "He") == "Anton Vey"


def test_own_sentence_nearest_clause_first():
    """In the pronoun's own sentence the clause nearest to it is searched
    first: after a reporting verb the complement clause comes before the
    reporting clause's subject."""
    text = "Dr. Ivo Brandt explained Dr. Lukas Renn's career began when he moved to Oslo."
    assert antecedent(text, "he") == "Lukas Renn"


def test_told_keeps_its_object_in_the_matrix_clause():
    """"X told Y how … he": Y is the object of "told", searched after the
    subject X (Hobbs' breadth-first order), unlike "X said Y's …"."""
    text = "Dr. Ivo Brandt told Dr. Lukas Renn on Monday how surprised he was."
    assert antecedent(text, "he") == "Ivo Brandt"


def test_subject_before_a_fronted_prepositional_phrase():
    """A mention after a preposition is oblique: searched after the
    arguments of its sentence (Lappin & Leass 1994)."""
    text = "With Mr. Anton Vey away, Mr. Piet Oran chaired the board. He cut costs."
    assert antecedent(text, "He") == "Piet Oran"


def test_a_chain_carries_the_referent_past_the_window():
    """Resolved pronouns are mentions the search finds: "He … He … he"
    stays with its referent more than three sentences after the name."""
    text = ("Mr. Anton Vey arrived in Lisbon. The talks began late. He was tired. "
            "The rooms were cold. The food was poor. Then he slept.")
    assert antecedent(text, "he") == "Anton Vey"


# -- agreement ---------------------------------------------------------------------
def test_he_never_goes_to_an_organisation_or_a_place():
    text = "The Harbour Institute opened an office in Valmora. He said nothing."
    assert antecedent(text, "He") is None


def test_he_not_to_an_untyped_name_after_an_article():
    """English personal names take no article: "the Zeitgeist" is no "he"."""
    text = "Critics praised the Zeitgeist of the show. He smiled."
    assert antecedent(text, "He") is None


def test_he_to_an_untyped_one_word_name_only_as_a_fallback():
    """A lone untyped name ("Brandvik") is taken only when no person of the
    same sentence agrees."""
    assert antecedent("Brandvik agreed to a concession: he would withdraw.", "he") == "Brandvik"
    text = "Mr. Anton Vey wrote to Brandvik. He asked for time."
    assert antecedent(text, "He") == "Anton Vey"


def test_gender_is_respected():
    text = "Mrs. Clara Vance met Mr. Tomas Reyes. She thanked him."
    assert antecedent(text, "She") == "Clara Vance"
    assert antecedent(text, "him") == "Tomas Reyes"


def test_they_to_a_group_not_past_a_plural_noun_phrase():
    """A plural noun phrase that is no actor ("the engineers") met first is
    the antecedent: "they" is then left unresolved."""
    text = "Protesters blocked the road. They demanded talks."
    assert antecedent(text, "They").lower() == "protesters"
    text = "Protesters met the engineers at the gate, and the engineers said they would leave."
    assert antecedent(text, "they") is None


def test_it_to_a_lone_title_case_name_only_as_a_fallback():
    """"Brandvik" may be a person: "it" takes it only when nothing else of
    its sentence agrees; an acronym ("NATO"-like) agrees outright."""
    text = "Brandvik met the Coastal Trust. It said talks would go on."
    assert antecedent(text, "It") == "Coastal Trust"


def test_its_to_an_organisation():
    text = "Lintmark Holdings cut 200 jobs. Its chief blamed costs."
    assert antecedent(text, "Its") == "Lintmark Holdings"


# -- "it" --------------------------------------------------------------------------
@pytest.mark.parametrize("second", [
    "It is likely that more cuts will follow.",
    "It seems the market is weak.",
    "Analysts find it hard to say.",
    "It rained all week.",
])
def test_pleonastic_it_is_never_resolved(second):
    """Lappin & Leass (1994, §2.1.1): "it is likely that", "it seems",
    "find it hard to", weather "it"."""
    text = "Lintmark Holdings cut 200 jobs. " + second
    assert "It" not in [w for w, _ in pronouns(text)] and "it" not in [w for w, _ in pronouns(text)]


def test_it_to_an_organisation_unless_a_nearer_thing_comes_between():
    assert antecedent("Lintmark Holdings cut jobs. It said demand had fallen.", "It") == \
        "Lintmark Holdings"
    assert antecedent("Lintmark Holdings released the report. Later it was withdrawn.",
                      "it") is None


def test_object_pronoun_not_bound_in_its_own_clause():
    """Binding principle B (Chomsky 1981): "Oran praised him" — him is not
    Oran."""
    text = "Mr. Anton Vey met Mr. Piet Oran. Oran praised him."
    assert antecedent(text, "him") == "Anton Vey"
    text = "Lintmark Holdings signed the deal. Later Lintmark Holdings denied it."
    assert antecedent(text, "it") is None


def test_a_possessive_in_a_fronted_phrase_looks_ahead_to_the_subject():
    """Backward anaphora (Reinhart 1983): "In her remarks, Vance …" — the
    possessive of a sentence-initial prepositional phrase is the subject
    after its comma, not a person of the sentence before."""
    text = "Mrs. Ada Lind left early. In her opening remarks, Mrs. Clara Vance thanked the staff."
    assert antecedent(text, "her") == "Clara Vance"
    text = "Mrs. Ada Lind left early. Mrs. Clara Vance thanked her staff."
    assert antecedent(text, "her") == "Clara Vance"


# -- quotes ------------------------------------------------------------------------
def test_a_pronoun_in_a_quote_is_not_its_speaker():
    """The speaker says "I": a third-person pronoun inside the quote is
    someone else."""
    text = 'Mr. Anton Vey met Mr. Piet Oran. Vey said, "I think his plan is good."'
    assert antecedent(text, "his") == "Piet Oran"
    text = 'Mr. Anton Vey met Mr. Piet Oran. "His plan is good," Vey said.'
    assert antecedent(text, "His") == "Piet Oran"


def test_a_quote_after_reported_speech_is_the_reporters():
    """"Vey said … . '…'": the quote carries on Vey's speech, so "he" in
    it is not Vey."""
    text = ('Mr. Piet Oran resigned on Monday, and the board thanked him. Mr. Anton Vey said '
            'it was a loss. "He gave the firm everything."')
    assert antecedent(text, "He") == "Piet Oran"


def test_a_speaking_pronoun_continues_the_last_speaker():
    """"'…,' said X. '…,' it added": the quote's speaker goes on, even when
    the quote itself named others first."""
    text = ('"The Harbour Institute is wrong and the Coastal Trust agrees," said Lintmark '
            'Holdings. "Costs are down," it added.')
    assert antecedent(text, "it") == "Lintmark Holdings"
    text = ('"The Harbour Institute is wrong. The Coastal Trust agrees. Prices will fall," said '
            'Lintmark Holdings. "Costs are down," it added.')
    assert antecedent(text, "it") == "Lintmark Holdings"  # a long quote: counted from its end


def test_pronoun_offsets_are_the_tokens():
    text = "Mr. Anton Vey arrived. He's tired, and his aides said he'd rest."
    found, mentions = find_mentions(Document(text))
    got = [(m.start, m.end) for m in mentions if m.kind == "pronoun"]
    want = [(text.index(w), text.index(w) + len(w)) for w in ("He's", "his", "he'd")]
    assert got == want and all(found[m.actor].name == "Anton Vey" for m in mentions)
