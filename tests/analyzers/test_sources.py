"""Sources by type (CODEBOOK.md §6): typing from titles, appositions and
organisation words with evidence spans, gender only from explicit evidence,
sides from the actors file, prominence, diversity. Sentences written for
these tests."""
from __future__ import annotations

import math

import pytest

import framing
from framing.analyzers.sources import type_speaker
from framing.analyzers.sources.diversity import describe, indices, shannon, simpson

import numpy as np

ARTICLE = """Harbor council delays the bridge vote

"We need more time to read the engineers' report," said Mayor Ines Okafor. She added that the council would vote in March.

Dr. Tomas Reyes, a civil engineer at Northgate University, said the span was safe.

Police Chief Alan Burke claimed the traffic plan would fail. A resident, Marta Silva, said the noise worried her.

"Nobody asked us," said one official, who spoke on condition of anonymity. The Harbor Merchants Association insisted the bridge would bring customers. Lintmark Shipping said in a statement that it backed the plan.
"""


@pytest.fixture(scope="module")
def report():
    return framing.analyze(ARTICLE, fast=True)


def _by_name(report):
    return {it.name: it for it in report.sources.items}


@pytest.mark.parametrize("name, kind, words", [
    ("Ines Okafor", "official", "Mayor"),            # title before the name
    ("Tomas Reyes", "expert", "engineer"),           # apposition beats the weak "Dr."
    ("Alan Burke", "police_military", "Police Chief"),
    ("Marta Silva", "citizen", "resident"),          # fronted apposition "A resident, …,"
    ("one official", "anonymous", "anonymity"),      # unnamed + anonymity marker
    ("Harbor Merchants Association", "advocacy", "Association"),
    ("Lintmark Shipping", "business", "Shipping"),
])
def test_sources_are_typed_with_the_words_that_typed_them(report, name, kind, words):
    it = _by_name(report)[name]
    assert it.type == kind
    assert it.evidence is not None and it.evidence.text == words
    assert ARTICLE[it.evidence.start:it.evidence.end] == words


def test_every_source_span_and_evidence_matches_the_text(report):
    assert report.sources.count == len(report.sources.items) == 7
    for it in report.sources.items:
        assert ARTICLE[it.start:it.end] == it.text
        if it.evidence:
            assert ARTICLE[it.evidence.start:it.evidence.end] == it.evidence.text


def test_link_roles_take_their_organisation_type():
    text = ("Rosa Beltran, a spokeswoman for the Valmora Nurses Union, said the wards were full. "
            "Ken Ito, a spokesman for the Coastline Bank, said rates would rise.")
    rep = framing.analyze(text, fast=True)
    got = {it.name: it for it in rep.sources.items}
    assert got["Rosa Beltran"].type == "advocacy" and "Union" in got["Rosa Beltran"].evidence.text
    assert got["Ken Ito"].type == "business" and "Bank" in got["Ken Ito"].evidence.text


def test_media_affected_and_unknown():
    text = ("Columnist Petra Haas wrote that the plan was doomed. Omar Haddad, a victim of the flood, said he "
            "still could not sleep. Jonas Ferreira said the weather would turn.")
    got = {it.name: it for it in framing.analyze(text, fast=True).sources.items}
    assert got["Petra Haas"].type == "media"
    assert got["Omar Haddad"].type == "affected"
    assert got["Jonas Ferreira"].type == "unknown" and got["Jonas Ferreira"].evidence is None


def test_type_speaker_on_plain_spans():
    text = "Labor-policy experts say the rule is vague. Some 45% of voters say the same."
    s = text.index("Labor-policy experts")
    t = type_speaker(text, [(s, s + len("Labor-policy experts"))], unnamed=True)
    assert t.type == "expert" and text[t.start:t.end] == "experts"
    s = text.index("45%")
    t = type_speaker(text, [(s, s + len("45% of voters"))], unnamed=True)
    assert t.type == "citizen"


def test_gender_is_off_by_default(report):
    assert not report.sources.gender_enabled
    assert all(it.gender is None for it in report.sources.items)
    assert report.sources.gender == {}


def test_gender_only_from_explicit_evidence():
    text = ("Ms. Lena Park, a teacher, said the school would reopen. Maria Lopez said the roof "
            "leaked. Tomas Ruiz said he had warned the board.")
    rep = framing.analyze(text, fast=True, source_gender=True)
    got = {it.name: it for it in rep.sources.items}
    assert got["Lena Park"].gender == "f" and got["Lena Park"].gender_evidence.text == "Ms."
    assert got["Maria Lopez"].gender is None  # never from a first name
    assert got["Tomas Ruiz"].gender == "m"
    ev = got["Tomas Ruiz"].gender_evidence
    assert text[ev.start:ev.end] == "he"
    assert rep.sources.gender_enabled and rep.sources.gender["not stated"] == 1


def test_sides_from_the_actors_file_and_cue_stance():
    text = ("Ines Okafor claimed the plan would work. Paul Drummond said the cost was too high. "
            "Ines Okafor alleged that critics lied.")
    actors = {"Ines Okafor": {"aliases": [], "type": "person", "group": "council"},
              "Paul Drummond": {"aliases": [], "type": "person", "group": "opposition"}}
    rep = framing.analyze(text, actors=actors, fast=True)
    got = {it.name: it for it in rep.sources.items}
    assert got["Ines Okafor"].group == "council" and got["Paul Drummond"].group == "opposition"
    assert rep.sources.stance_by_side["council"] == {"distancing": 2}
    assert rep.sources.stance_by_side["opposition"] == {"neutral": 1}


def test_a_group_named_as_a_source_type_types_the_source():
    text = "Lena Park said the road was closed."
    actors = {"Lena Park": {"aliases": [], "type": "person", "group": "police_military"}}
    it = framing.analyze(text, actors=actors, fast=True).sources.items[0]
    assert it.type == "police_military" and it.rule == "actors-file"


def test_prominence_first_quoted_and_lede():
    text = ("Bridge vote delayed\n\nMayor Ines Okafor said the vote would wait.\n\n"
            "Later, Professor Tomas Reyes said the design was sound.\n")
    src = framing.analyze(text, fast=True).sources
    first, second = src.items
    assert (first.name, first.rank, first.in_lede) == ("Ines Okafor", 1, True)
    assert (second.rank, second.in_lede) == (2, False)
    assert src.first == "Ines Okafor" and src.first_type == "official"
    assert src.lede_types == {"official": 1}


def test_diversity_indices():
    assert simpson([1, 1]) == pytest.approx(0.5)
    assert shannon([1, 1]) == pytest.approx(math.log(2))
    assert simpson([5]) == 0.0 and shannon([5]) == 0.0
    assert simpson([]) is None and shannon([]) is None
    d = describe(["official", "official", "expert", "unknown"])
    assert d["n"] == 3 and d["shares"] == {"official": 2 / 3, "expert": 1 / 3}
    assert d["simpson"] == pytest.approx(1 - (4 / 9 + 1 / 9))
    s, h = indices(np.array([[2, 1], [3, 0], [0, 0]]))
    assert s[0] == pytest.approx(4 / 9) and s[1] == 0.0 and np.isnan(s[2])
    assert h[1] == 0.0


def test_section_diversity_matches_its_types(report):
    src = report.sources
    assert src.by_type == {t: 1 for t in src.by_type}
    assert src.simpson == pytest.approx(1 - 7 * (1 / 7) ** 2, abs=1e-4)


def test_no_quotes_no_sources():
    src = framing.analyze("The bridge opened on Monday.", fast=True).sources
    assert src.items == [] and src.count == 0 and src.simpson is None


def test_a_relative_pronoun_speaker_is_typed_by_the_name_it_stands_for():
    text = ("The figures were disputed. Reporters turned to the Harbor Police Department, "
            "which reported \u201c212 thefts\u201d in the first half of the year.")
    items = framing.analyze(text, fast=True).sources.items
    police = [it for it in items if "Police" in it.name]
    assert police and police[0].type == "police_military"
    assert police[0].evidence is not None
    assert text[police[0].evidence.start:police[0].evidence.end] == police[0].evidence.text
    assert "Police Department" in police[0].evidence.text


def test_a_merged_name_does_not_type_a_named_speaker():
    # the quote names "Reyes": the organisation in another mention is not used
    spans = [(0, 5)]
    text = "Reyes said the plan was sound. The Harbor Police Department disagreed."
    dept = (text.index("Harbor"), text.index(" disagreed"))
    assert type_speaker(text, spans, more=[dept]).type == "unknown"
    # a speaker the quote does not name ("which") takes it
    assert type_speaker(text, [], more=[dept]).type == "police_military"


def test_a_fact_checking_outlet_is_media():
    text = "PolitiFact rated the claim false, PolitiFact said."
    assert type_speaker(text, [(34, 44)]).type == "media"


def test_the_diversity_label_names_how_many_sources_it_rests_on(report):
    from framing.render.measures import diversity
    src = report.sources
    typed = src.count - src.by_type.get("unknown", 0)
    label = diversity(src)
    assert label.startswith("Simpson diversity ") and f"{typed} of {src.count} sources typed" in label
