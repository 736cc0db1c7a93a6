"""Passive constructions and by-phrases beyond the plain "was fired" (issue
18): with-absolutes, fronted participles, attributive participles, coordinated
participles sharing one by-phrase, by-phrases that name no doer, and the
adjectival-participle traps. Every sentence here was written for these tests."""
from __future__ import annotations

import pytest

import framing
from framing.analyzers.agency import passives
from framing.document import Document


def passive_items(text):
    items = framing.analyze(text, analyzers=["agency"], fast=True).agency.items
    found = [it for it in items if it.kind == "passive"]
    for it in found:
        assert text[it.start:it.end] == it.text
        if it.agent_start is not None:
            assert text[it.agent_start:it.agent_end] == it.agent_text
    return found


def pairs(text):
    doc = Document(text)
    lows = list(doc.lower_tokens)
    isw = [t.is_word for t in doc.tokens]
    return [(lows[i], lows[j]) for i, j in passives.candidates(lows, isw)]


# -- candidates ----------------------------------------------------------------------
@pytest.mark.parametrize("text, part", [
    ("The march ended early, with two organisers detained by police.", "detained"),
    ("The pool reopened, with children not allowed after dark.", "allowed"),
    ("With the ballots finally counted, the clerk went home.", "counted"),
])
def test_with_absolutes_are_candidates(text, part):
    assert ("with", part) in pairs(text)


@pytest.mark.parametrize("text", [
    "She arrived with the injured driver at noon.",   # attributive: a noun follows
    "They came with fixed prices and left.",          # participle right after "with"
    "He left with the money in a bag.",                # no participle
    "Talks with the league failed on Monday.",         # inside a clause: a main verb
])
def test_with_phrases_that_are_not_absolutes(text):
    assert all(aux != "with" for aux, _ in pairs(text))


@pytest.mark.parametrize("text", [
    "Attached for your review is the revised schedule.",
    "As we agreed, attached are the two drafts.",
    "Enclosed is a copy of the letter.",
])
def test_a_fronted_participle_before_its_auxiliary(text):
    found = pairs(text)
    assert len(found) == 1 and found[0][1] in ("attached", "enclosed")
    assert "revised" not in [p for _, p in found]


def test_an_attributive_participle_in_a_question_is_skipped_for_the_verb():
    # "the signed form": attributive; the passive participle is the later one
    assert pairs("Where is the signed form kept?") == [("is", "kept")]


# -- by-phrases ----------------------------------------------------------------------
def test_coordinated_participles_share_the_by_phrase():
    (it,) = passive_items("The visitors were welcomed and guided by two volunteers.")
    assert not it.agentless and it.agent_text == "two volunteers"


def test_the_by_phrase_is_found_after_a_quoted_word():
    (it,) = passive_items('The plan was called "reckless" by the opposition leader.')
    assert it.agent_text == "the opposition leader"


def test_the_agent_of_a_later_passive_is_not_the_first_ones():
    found = passive_items("The report is meant to be read by every council member.")
    by_lemma = {it.lemma: it for it in found}
    assert by_lemma["read"].agent_text == "every council member"
    assert "meant" not in by_lemma or by_lemma["meant"].agentless


@pytest.mark.parametrize("text", [
    "The dispute can be settled by asking both sides to meet.",    # gerund of means
    "The claims were checked case by case over the summer.",       # distributive
    "The wolves were almost wiped out by the 1950s.",              # time
    "The budget was cut by 12 percent this year.",                 # measure
    "The lead was cut by some 15 points overnight.",
    "The gate was forced open by force in the night.",
])
def test_by_phrases_that_name_no_doer(text):
    (it,) = passive_items(text)
    assert it.agentless and it.agent_text is None


@pytest.mark.parametrize("text, agent", [
    ("The march was led by 3 former mayors of the city.", "3 former mayors"),
    ("The claim is doubted by some of the witnesses.", "some"),
    ("The vote was delayed, by the chair, until noon.", "the chair"),
    ("The pier was struck by a 5m wave at dawn.", "a 5m wave"),           # not a year
    ("The files were hidden by well-meaning clerks.", "well-meaning clerks"),  # not a gerund
])
def test_numbers_and_quantifiers_that_do_name_the_doer(text, agent):
    (it,) = passive_items(text)
    assert not it.agentless and it.agent_text.startswith(agent)


# -- adjectival participles ------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "I was very disappointed with the answer.",
    "The hall is extremely crowded on Fridays.",
    "She was so thrilled that she called her sister.",
    "The old shop is closed on Sundays.",
    "He is interested in the budget.",
])
def test_adjectival_participles_are_not_passives(text):
    assert passive_items(text) == []


def test_degree_words_lower_the_passive_probability():
    doc = Document("The staff were trained well. The staff were very trained.")
    lows = list(doc.lower_tokens)
    isw = [t.is_word for t in doc.tokens]
    texts = [t.text for t in doc.tokens]
    (a, b) = passives.candidates(lows, isw)
    pa = passives.probability(passives.features(lows, texts, isw, *a, len(lows)))
    pb = passives.probability(passives.features(lows, texts, isw, *b, len(lows)))
    assert "degree" in passives.features(lows, texts, isw, *b, len(lows))
    assert pb < pa


def test_a_possessive_before_an_attributive_participle_is_not_a_passive():
    assert passive_items("Please sign Maria's attached expense form today.") == []


def test_an_indefinite_noun_with_a_participle_is_a_reduced_relative_not_an_absolute():
    assert all(aux != "with" for aux, _ in pairs("They signed with a builder chosen by the board."))


@pytest.mark.parametrize("text, part", [
    ("That settled, the committee moved on to the budget.", "settled"),
    ("The vote was close. That decided, nobody wanted a recount.", "decided"),
])
def test_a_clause_initial_that_absolute_is_a_candidate(text, part):
    assert ("that", part) in pairs(text)


@pytest.mark.parametrize("text", [
    "That worked well for the team.",       # a subject and its active verb
    "She knew that painted walls fade.",    # not clause-initial
    "That happened.",                       # the sentence ends: no absolute
])
def test_that_with_a_verb_is_not_an_absolute(text):
    assert all(aux != "that" for aux, _ in pairs(text))


def test_a_quantifier_alone_can_be_the_subject_of_a_with_absolute():
    text = "The old barns fell down, with some turned into homes."
    assert ("with", "turned") in pairs(text)
    assert all(aux != "with" for aux, _ in pairs("She came with some painted boxes."))


def test_a_personal_pronoun_subject_is_a_feature():
    def feats(text):
        doc = Document(text)
        lows = list(doc.lower_tokens)
        isw = [t.is_word for t in doc.tokens]
        texts = [t.text for t in doc.tokens]
        (i, j), = passives.candidates(lows, isw)
        return passives.features(lows, texts, isw, i, j, len(lows))
    assert "person" in feats("We were amazed at the view.")
    assert "person" not in feats("The gate was painted at night.")
