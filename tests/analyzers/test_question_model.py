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
