"""The learned question classifier, the default (CODEBOOK §1 patterns, sentences we wrote)."""
from __future__ import annotations

import pytest

import framing
from framing.analyzers import Context
from framing.analyzers.questions.analyzer import analyze_questions
from framing.document import Document


def only(text: str) -> dict:
    items = framing.analyze(text).to_dict()["questions"]["items"]
    assert len(items) == 1, items
    return items[0]


@pytest.mark.parametrize("text, kind", [
    # a quoted question asked to assert, not to be answered
    ("“If the council won’t act, who will?” said Anna Berg, a resident.", "rhetorical"),
    ("“How could anyone vote for this budget?” the councillor said at the meeting.", "rhetorical"),
    # asked and answered at once: hypophora, which also carries the flag
    ("Why does this matter? Because the bridge is the only road to the island.", "hypophora"),
    # an explainer headline seeks information (Betteridge's law is not a rule)
    ("Who is the new harbour commissioner?\n\nThe board named Mira Dole to the post on Monday.",
     "information"),
    # an interviewer's prompt answered by another speaker
    ("“Did you sign the contract?” a reporter asked. “No,” Sela Ruiz said.", "information"),
])
def test_default_model_types_the_codebook_patterns(text, kind):
    q = only(text)
    assert q["type"] == kind
    assert q["rhetorical"] is (kind != "information")
    assert 0.5 <= q["confidence"] <= 1.0


def test_rules_mode_is_kept_and_says_it_has_no_confidence():
    text = "Why does this matter? Because the bridge is the only road to the island."
    section = analyze_questions(Context.for_document(Document(text), question_model=False))
    assert [(i.type, i.rhetorical, i.confidence) for i in section.items] == [("hypophora", True, 0.0)]


def test_flag_count_and_voice_rates_agree_with_the_items():
    text = ("Why does this matter? Because the bridge is the only road. "
            "“Did you sign the contract?” a reporter asked. “No,” Sela Ruiz said. "
            "“If the council won’t act, who will?” said Anna Berg.")
    d = framing.analyze(text).to_dict()["questions"]
    assert d["rhetorical"] == sum(q["rhetorical"] for q in d["items"])
    by_voice = {v: sum(q["rhetorical"] for q in d["items"] if q["voice"] == v) for v in ("author", "quoted")}
    assert d["rhetorical_by_voice"] == by_voice


def feats(text: str) -> dict:
    """Feature dict of the text's only question (context features included)."""
    from framing.analyzers import resolve, run_all
    from framing.analyzers.questions.analyzer import question_rows
    ctx = Context.for_document(Document(text))
    run_all(ctx, resolve(["voices", "quotes"]))
    rows, _ = question_rows(ctx)
    assert len(rows) == 1, rows
    return rows[0][4]


def test_context_reads_the_cue_verb_of_the_quote_holding_the_question():
    asked = feats("“Will the bridge reopen in May?” Tom Reyes asked the mayor.")
    said = feats("“Will the bridge ever reopen?” Tom Reyes said.")
    assert asked.get("c_in_item") == 1.0 and said.get("c_in_item") == 1.0
    assert asked.get("c_cue_ask") == 1.0
    assert not said.get("c_cue_ask")


def test_context_sees_an_audience_and_a_question_put_to_someone():
    crowd = feats("“Who pays for all this?” Dana Holt told the crowd at the rally.")
    put = feats("Lena Park was asked whether she would run. “Would I run?” she said.")
    assert crowd.get("c_audience") == 1.0
    assert put.get("c_put_to") == 1.0
    assert not crowd.get("c_put_to")


def test_context_marks_open_question_frames_and_headline_forms():
    f = feats("There are questions about the budget. Who will pay for the new school?")
    assert f.get("c_open_frame") == 1.0
    head = feats("What is a harbour levy?\n\nThe levy is a charge on every boat that docks.")
    assert head.get("headline") == 1.0
    assert head.get("c_head_start_what") == 1.0
