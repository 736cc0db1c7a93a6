"""The agency analyzer: passives (and the adjectival participles that are
not), by-phrase agents, nominalisations, intransitive reports, voice and
per-actor roles. Every sentence here was written for these tests."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

import framing
from framing.analyzers.agency import passives
from framing.analyzers.agency.analyzer import find_passives
from framing.document import Document


def agency(text, actors=None):
    return framing.analyze(text, actors=actors, analyzers=["agency"], fast=True).agency


def kinds(text, kind="passive"):
    return [it for it in agency(text).items if it.kind == kind]


def lemmas(text, kind="passive"):
    return [it.lemma for it in kinds(text, kind)]


# -- passives -------------------------------------------------------------------------------
@pytest.mark.parametrize("text, lemma", [
    ("Shots were fired near the school on Tuesday.", "fired"),
    ("Mistakes were made in the count.", "made"),
    ("The victim was not immediately identified.", "identified"),
    ("The suspects were being questioned at the station.", "questioned"),
    ("The roof has been badly damaged in the storm.", "damaged"),
    ("Two protesters got arrested outside the hall.", "arrested"),
    ("The clinic wasn't told about the change.", "told"),
    ("The new rules will be announced next week.", "announced"),
    ("Was he charged after the crash?", "charged"),
])
def test_passive_predicates_are_found(text, lemma):
    found = kinds(text)
    assert [it.lemma for it in found] == [lemma]
    it = found[0]
    assert it.agentless and it.agent_start is None and it.agent_end is None
    assert text[it.start:it.end] == it.text and it.text.lower().endswith(lemma)
    assert it.sentence_start <= it.start < it.end <= it.sentence_end


def test_contracted_auxiliary_and_been():
    text = "They're paid too little, and it's been ignored for years."
    assert lemmas(text) == ["paid", "ignored"]


@pytest.mark.parametrize("text", [
    "She was tired after the long shift.",
    "I am interested in the budget plan.",
    "We were very disappointed with the answer.",
    "He is determined to run again next year.",
    "They were unemployed before the factory opened.",
    "The family is worried about the rent.",
    "The pantry is always open on weekends.",
])
def test_adjectival_participles_are_not_passives(text):
    assert kinds(text) == []


def test_a_by_phrase_names_the_agent():
    text = "The contract was cancelled by the city council on Monday."
    (it,) = kinds(text)
    assert not it.agentless
    assert text[it.agent_start:it.agent_end] == it.agent_text == "the city council"


def test_a_named_agent_stops_at_the_name():
    text = "The teenager was stopped by Officer Dana Lee near the park."
    (it,) = kinds(text)
    assert it.agent_text == "Officer Dana Lee"


@pytest.mark.parametrize("text", [
    "The forms were sent by email last week.",
    "The tickets were sold by Friday.",
    "Prices were raised by 10 percent.",
])
def test_by_phrases_of_means_time_and_measure_name_no_agent(text):
    (it,) = kinds(text)
    assert it.agentless and it.agent_text is None


def test_regex_like_false_friends_are_not_candidates():
    doc = Document("The need is great, and indeed the seed was gone.")
    lows = [t.lower() for t in doc.lower_tokens]
    isw = [t.is_word for t in doc.tokens]
    pairs = passives.candidates(lows, isw)
    assert all(lows[j] not in ("need", "indeed", "seed") for _, j in pairs)


def test_find_passives_gives_token_indices():
    doc = Document("The bridge was built in 1990. It was repaired by engineers.")
    found = find_passives(doc)
    assert [doc.tokens[p.part].text for p in found] == ["built", "repaired"]
    assert found[0].agent is None and found[1].agent is not None


# -- nominalisations and intransitive reports -----------------------------------------------
def test_nominalisation_with_affected_party_and_no_agent():
    text = "The shooting of a teenager drew protests downtown."
    (it,) = kinds(text, "nominalisation")
    assert it.lemma == "shooting" and it.agentless and it.harmful
    assert it.affected_text == "a teenager"


def test_nominalisation_with_a_by_phrase_agent():
    text = "Residents condemned the killing by soldiers."
    (it,) = kinds(text, "nominalisation")
    assert not it.agentless and it.agent_text == "soldiers"


def test_a_possessive_is_the_affected_party_unless_an_of_phrase_follows():
    (it,) = kinds("Protesters marched after Reyes's death last spring.", "nominalisation")
    assert it.affected_text == "Reyes's" and it.agentless
    (it,) = kinds("The army's shelling of the town went on all night.", "nominalisation")
    assert it.agent_text == "army's" and it.affected_text == "the town"


def test_verbal_uses_of_event_words_are_not_nominalisations():
    assert kinds("Police were shooting at the car.", "nominalisation") == []
    assert kinds("The dogs attack anyone who comes near.", "nominalisation") == []
    assert kinds("He regretted killing them.", "nominalisation") == []


def test_multiword_nominalisations():
    text = "The officer-involved shooting was followed by a loss of life."
    assert lemmas(text, "nominalisation") == ["shooting", "loss of life"]


@pytest.mark.parametrize("text, lemma", [
    ("The man died at the scene.", "die"),
    ("The old building collapsed overnight.", "collapse"),
    ("Violence broke out after the match.", "break out"),
    ("Two climbers lost their lives on the ridge.", "lose one's life"),
])
def test_intransitive_reports(text, lemma):
    assert lemmas(text, "intransitive") == [lemma]


def test_ergative_verbs_with_an_object_are_transitive():
    assert kinds("He crashed the car into a wall.", "intransitive") == []
    assert lemmas("The car crashed into a wall.", "intransitive") == ["crash"]


# -- voice, counts, actors --------------------------------------------------------------------
def test_voice_follows_the_quotation_marks():
    text = '"Mistakes were made," the mayor said. The budget was approved on Monday.'
    found = kinds(text)
    assert [(it.lemma, it.voice) for it in found] == [("made", "quoted"), ("approved", "author")]
    sec = agency(text)
    assert sec.by_voice["quoted"]["agentless_passive"] == 1
    assert sec.by_voice["author"]["agentless_passive"] == 1


def test_counts_and_rates_add_up():
    text = ("Shots were fired. The man was taken to hospital by medics. "
            "The attack on the depot left two deaths.")
    sec = agency(text)
    assert sec.passives == 2 and sec.agentless_passives == 1
    assert sec.nominalisations == 2
    assert sec.count == len(sec.items)
    words = Document(text).words
    assert sec.agentless_passives_per_1k_words == round(1000 * 1 / words, 3)


def test_per_actor_agent_and_affected():
    text = ("Dana Reyes was shot by Officer Milo Grant on Friday. "
            "Later, Grant shot Tomas Vidal outside the store. Reyes was injured again.")
    actors = {"Dana Reyes": ["Reyes"], "Milo Grant": ["Grant", "Officer Milo Grant"],
              "Tomas Vidal": ["Vidal"]}
    sec = agency(text, actors)
    by = {a.name: a for a in sec.actors}
    assert by["Milo Grant"].agent == 2 and by["Milo Grant"].affected == 0
    assert by["Dana Reyes"].affected == 2 and by["Dana Reyes"].affected_agentless == 1
    assert by["Tomas Vidal"].affected == 1
    for a in sec.actors:
        for r in a.roles:
            assert text[r.start:r.end] == r.text


def test_empty_text():
    sec = agency("")
    assert sec.items == [] and sec.count == 0 and sec.agentless_passives_per_1k_words is None


# -- data files --------------------------------------------------------------------------------
def test_lexicons_cite_their_sources_and_the_model_ships_its_notice():
    lex = resources.files("framing.lexicons")
    names = [p.name for p in lex.iterdir() if p.name.startswith("agency_")]
    assert len(names) >= 10
    for name in names:
        head = lex.joinpath(name).read_text(encoding="utf-8").splitlines()[0]
        assert head.startswith("#"), name
    # the notice file in the source tree (an installed package carries the notice in the JSON)
    notice = (Path(__file__).resolve().parents[2] / "framing" / "models" / "NOTICE.agency"
              ).read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in notice and "agency_passive.json" in notice
    assert passives.model()[1]  # weights load
    from framing.models import load_model

    shipped = load_model(passives.MODEL)  # the notice travels inside the model file too
    assert "CC BY-SA 4.0" in shipped["notice"] and "EWT" in shipped["notice"]
    assert 0 < shipped["threshold"] < 1


# -- reports and metrics ------------------------------------------------------------------------
RENDER_TEXT = ("Shots were fired near the depot. The gate was opened by the night guard. "
               "The driver died later.")


def test_terminal_markdown_and_html_show_agency():
    from io import StringIO

    from rich.console import Console

    from framing.render.html import highlight
    from framing.render.markdown import to_markdown
    from framing.render.terminal import render

    report = framing.analyze(RENDER_TEXT, fast=True)
    for width in (80, 120):
        out = StringIO()
        render(report, RENDER_TEXT, Console(file=out, width=width, color_system=None))
        shown = out.getvalue()
        assert "Agency" in shown and "1 agentless of 2 passives" in shown
        assert "night guard" in shown and "intransitive" in shown
    md = to_markdown(report, RENDER_TEXT)
    assert "## Agency" in md and "**were fired**" in md and "**died**" in md
    html = highlight(RENDER_TEXT, report)
    marked = html.count('class="hl agency')
    assert marked == 2  # the agentless passive and the intransitive; the passive with an agent not
    assert "agentless" in html


def test_metrics_give_agency_rates_by_voice():
    from framing.metrics import METRIC, article_metrics

    text = '"Errors were made," she said. The vote was delayed. The report was written by staff.'
    report = framing.analyze(text, fast=True)
    m = article_metrics(report.to_dict())
    words = report.stats.words
    assert m["agentless_passives"] == pytest.approx(1000 * 2 / words)
    assert m["agentless_passives_author"] == pytest.approx(1000 * 1 / words)
    assert m["agentless_passives_quoted"] == pytest.approx(1000 * 1 / words)
    assert m["passives"] == pytest.approx(1000 * 3 / words)
    assert METRIC["agentless_passives"].tested
    old = report.to_dict()
    del old["agency"]  # a report from before the agency section: no data, not zero
    assert article_metrics(old)["agentless_passives"] is None
