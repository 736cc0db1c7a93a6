"""Attribution patterns of real news that earlier rules missed (issue 15).

Every sentence here is written for this project; each test names the
mechanism it checks (CODEBOOK §3)."""
from __future__ import annotations

import pytest

from framing import Document
from framing.analyzers.quotes.analyzer import analyze_quotes


def items(text: str):
    section, _ = analyze_quotes(Document(text))
    return section.items


def speaker_of(text: str, content: str):
    """The local speaker mention of the item whose parts hold ``content``."""
    for q in items(text):
        if any(content in text[s:e] for s, e in q.parts):
            return q.speaker_text
    raise AssertionError(f"no item holds {content!r}: {[q.text for q in items(text)]}")


# -- inverted speakers described by a common noun with premodifiers ------------------
@pytest.mark.parametrize("text, content, speaker", [
    ("“The bridge will close for a year,” said the second official.",
     "bridge will close", "the second official"),
    ("“Nobody told the drivers,” said a longtime union organizer.",
     "Nobody told", "a longtime union organizer"),
    ("“We have no plan to sell the land,” said one source who asked not to be named.",
     "no plan to sell", "one source"),
])
def test_inverted_descriptive_speaker(text, content, speaker):
    assert speaker_of(text, content) == speaker


# -- manner-of-speaking verbs (Levin 1993, 37.3) and phrasal retorts ---------------------
@pytest.mark.parametrize("text, cue", [
    ("“Sit down,” Ann Ruiz barked.", "barked"),
    ("“Not a chance,” Piet Vos shot back.", "shot back"),
    ("“We won,” the coach beamed.", "beamed"),
    ("“You were never there,” Ann Ruiz retorted.", "retorted"),
])
def test_manner_verbs_attribute_the_quote(text, cue):
    (q,) = items(text)
    assert q.cue == cue and q.speaker is not None and q.kind == "direct"


# -- common-noun, quantifier and bare-plural sources --------------------------------------
@pytest.mark.parametrize("text, content, speaker", [
    ("“This is a joke,” said the 46-year-old.", "This is a joke", "the 46-year-old"),
    ("Some say the ferry will never return.", "ferry will never", "Some"),
    ("Those surveyed say the harbour should come first.", "harbour should", "Those surveyed"),
    ("But harbour pilots say the channel is too shallow.", "channel is too", "harbour pilots"),
    ("People briefed on the talks said that a deal was close.", "a deal was close",
     "People briefed on the talks"),
])
def test_common_quantifier_and_bare_plural_sources(text, content, speaker):
    assert speaker_of(text, content) == speaker


def test_participle_continues_the_subject_after_an_opening_adverbial():
    text = "In a long speech on Friday, Ann Ruiz struck a calm tone, saying the port would reopen."
    assert speaker_of(text, "port would reopen") == "Ann Ruiz"


def test_quantifier_not_followed_by_a_cue_is_no_source():
    assert items("Many boats sailed early and some stayed behind.") == []
