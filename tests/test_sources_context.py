"""Source typing from the words after a mention (campaigns, "wrote in",
anonymity in a relative clause, a party in a title chain) and the
``--source-gender`` option of ``framing analyze`` (issue 18). Sentences
written for these tests."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import framing
from framing.analyzers.sources import type_speaker
from framing.cli import app


def typed(text, speaker, unnamed=False):
    s = text.index(speaker)
    t = type_speaker(text, [(s, s + len(speaker))], unnamed=unnamed)
    evidence = text[t.start:t.end] if t.start is not None else None
    return t.type, evidence


@pytest.mark.parametrize("text, speaker, want, evidence", [
    ("Okonjo's campaign raised more money in May. Okonjo said the race was close.",
     "Okonjo", "official", "campaign"),
    ("Dana Whitlock, who is running for the state assembly, said the bill was unfair.",
     "Dana Whitlock", "official", "running"),
    ("Priya Anand wrote in the Valmora Tribune that the tax would fail.",
     "Priya Anand", "media", "Tribune"),
])
def test_the_words_after_a_named_mention_give_the_type(text, speaker, want, evidence):
    assert typed(text, speaker) == (want, evidence)


def test_an_anonymity_marker_in_a_relative_clause_makes_an_unnamed_source_anonymous():
    text = "Two aides present who requested anonymity said the talks had stalled."
    assert typed(text, "Two aides present", unnamed=True) == ("anonymous", "requested anonymity")
    # without the marker the role decides
    plain = "Two aides present said the talks had stalled."
    assert typed(plain, "Two aides present", unnamed=True)[0] != "anonymous"


def test_a_campaign_group_is_advocacy_not_a_campaign():
    text = "The clean-water campaign group Rivers First said the permit was too weak."
    assert typed(text, "The clean-water campaign group Rivers First")[0] == "advocacy"


def test_a_party_word_in_the_title_chain_makes_an_official():
    text = "Republican presidential hopeful Mara Quist said the plan was weak."
    t, _ = typed(text, "Mara Quist")
    assert t == "official"


def test_campaigns_of_a_movement_are_not_a_candidacy():
    # plural "campaigns" (a movement's), not a candidate's own campaign
    text = "Lou Varga's campaigns against the dam drew crowds, Lou Varga said."
    s = text.rindex("Lou Varga")
    assert type_speaker(text, [(s, s + 9)], more=[(0, 9)]).rule != "campaign"
    own = "Lou Varga's campaign against the mayor drew crowds, Lou Varga said."
    s = own.rindex("Lou Varga")
    assert type_speaker(own, [(s, s + 9)], more=[(0, 9)]).rule == "campaign"


# -- --source-gender -------------------------------------------------------------------
ARTICLE = ('"The budget is late," said Ms. Lena Park, the treasurer. '
           '"We will vote in May," said Tomas Ruiz. He added that the hall was full.\n')


def analyze_json(tmp_path, *options):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(path), "--format", "json", "--fast", *options])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["sources"]


def test_source_gender_is_off_by_default_on_the_command_line(tmp_path):
    sources = analyze_json(tmp_path)
    assert not sources["gender_enabled"] and sources["gender"] == {}
    assert all(it["gender"] is None for it in sources["items"])


def test_source_gender_flag_gives_gender_only_from_explicit_evidence(tmp_path):
    sources = analyze_json(tmp_path, "--source-gender")
    by_name = {it["name"]: it for it in sources["items"]}
    assert sources["gender_enabled"]
    park = by_name["Lena Park"]
    assert park["gender"] == "f"
    ev = park["gender_evidence"]
    assert ARTICLE[ev["start"]:ev["end"]] == ev["text"] == "Ms."
    assert sources == json.loads(json.dumps(framing.analyze(
        ARTICLE, fast=True, source_gender=True).to_dict()["sources"]))


def test_source_gender_is_refused_for_corpus_sources(tmp_path):
    src = tmp_path / "c.jsonl"
    src.write_text(json.dumps({"outlet": "a", "id": "1", "text": ARTICLE}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(src), "--source-gender", "-q"])
    assert result.exit_code == 2 and "--source-gender" in result.output
