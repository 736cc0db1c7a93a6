"""Segmentation, tokenisation and quoted regions of the parsed Document."""
from __future__ import annotations

import pytest

from framing import Document

SEGMENTATION = [
    # (text, expected sentences)
    ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
    ("Gen. Ada Holt spoke on Sept. 11. Then she left.",
     ["Gen. Ada Holt spoke on Sept. 11.", "Then she left."]),
    ("He moved to the U.S. The move was hard.", ["He moved to the U.S.", "The move was hard."]),
    ("The U.S. Senate voted.", ["The U.S. Senate voted."]),
    ("The vote ended at 3 p.m. on Friday.", ["The vote ended at 3 p.m. on Friday."]),
    ("It ended at 3 p.m. The count began.", ["It ended at 3 p.m.", "The count began."]),
    ("John F. Kennedy was there.", ["John F. Kennedy was there."]),
    ("J. R. Tolkien wrote it.", ["J. R. Tolkien wrote it."]),
    ("Prices rose 3.5 percent. Wages did not.", ["Prices rose 3.5 percent.", "Wages did not."]),
    ('"Why?" he asked. Nobody knew.', ['"Why?" he asked.', "Nobody knew."]),
    ("“Why now?” Smith asked. Nobody knew.", ["“Why now?” Smith asked.", "Nobody knew."]),
    ("“It is over.” The crowd left.", ["“It is over.”", "The crowd left."]),
    ("“Is it over?” The crowd waited.", ["“Is it over?”", "The crowd waited."]),
    ("She paused... Then she spoke.", ["She paused...", "Then she spoke."]),
    ("It was… odd, really.", ["It was… odd, really."]),
    ("Plan B. The vote came next.", ["Plan B.", "The vote came next."]),
    ("See No. 10 Downing Street.", ["See No. 10 Downing Street."]),
    ("Acme Inc. said profits fell.", ["Acme Inc. said profits fell."]),
    ("He works at Acme Inc. The firm is small.", ["He works at Acme Inc.", "The firm is small."]),
    ("Rain Expected in the North\n\nIt rained.", ["Rain Expected in the North", "It rained."]),
    ("Rain Expected in the North\nIt rained.", ["Rain Expected in the North", "It rained."]),
    ("Stop! Who goes there? Nobody.", ["Stop!", "Who goes there?", "Nobody."]),
    ("e.g. this one. And that.", ["e.g. this one.", "And that."]),
    ("(Gen. Holt declined.) Others agreed.", ["(Gen. Holt declined.)", "Others agreed."]),
]


@pytest.mark.parametrize("text,expected", SEGMENTATION)
def test_sentence_segmentation(text, expected):
    doc = Document(text)
    assert [text[s.start:s.end] for s in doc.sentences] == expected


def test_paragraphs_and_sentence_paragraph_index():
    text = "Headline here\n\nFirst para. Still first.\n\n\nSecond para."
    doc = Document(text)
    assert [text[p.start:p.end] for p in doc.paragraphs] == [
        "Headline here", "First para. Still first.", "Second para."]
    assert [s.paragraph for s in doc.sentences] == [0, 1, 1, 2]
    assert doc.headline is not None and text[doc.headline.start:doc.headline.end] == "Headline here"


def test_no_headline_when_first_paragraph_is_prose():
    assert Document("This is prose. It ends.\n\nMore.").headline is None


TOKENS = [
    ("The U.S. economy grew 3.5% in 2019.", ["The", "U.S.", "economy", "grew", "3.5%", "in", "2019", "."]),
    ("Don't touch Clinton’s well-known file!", ["Don't", "touch", "Clinton’s", "well-known", "file", "!"]),
    ("It cost $1,200 at 10:30.", ["It", "cost", "$", "1,200", "at", "10:30", "."]),
]


@pytest.mark.parametrize("text,expected", TOKENS)
def test_tokens(text, expected):
    doc = Document(text)
    assert [t.text for t in doc.tokens] == expected
    assert all(text[t.start:t.end] == t.text for t in doc.tokens)


def test_word_count_ignores_punctuation():
    assert Document("Yes — no, maybe?").words == 3


QUOTES = [
    ('He said "we will win" and left.', ['"we will win"']),
    ("He said “we will win” and left.", ["“we will win”"]),
    ("She said: «Nous verrons» and left.", ["«Nous verrons»"]),
    ("Er fragte: „Warum jetzt?“ Niemand antwortete.", ["„Warum jetzt?“"]),
    ("He called it a ‘temporary pause’ today.", ["‘temporary pause’"]),
    ("“He told me ‘never again’ last year,” she said.", ["“He told me ‘never again’ last year,”",
                                                        "‘never again’"]),
    ("Mixed “marks here\" work.", ["“marks here\""]),
    # apostrophes are not quotes
    ("The students’ union met in the ’90s and didn’t vote.", []),
    ("It's the students' union, isn't it?", []),
    # multi-paragraph quote: each paragraph reopens, only the last closes
    ("“First part of it.\n\n“Second part,” she said.", ["“First part of it.\n\n“Second part,”"]),
]


@pytest.mark.parametrize("text,expected", QUOTES)
def test_quoted_regions(text, expected):
    doc = Document(text)
    assert [text[q.start:q.end] for q in doc.quotes] == expected


def test_nested_quote_has_depth_one():
    doc = Document("“He told me ‘never again’ last year,” she said.")
    assert [q.depth for q in doc.quotes] == [0, 1]


def test_unbalanced_marks_recover_with_warnings():
    text = "“Open and never closed.\n\nA new paragraph.” Stray closer."
    doc = Document(text)  # must not raise
    assert len(doc.quotes) == 1
    q = doc.quotes[0]
    assert not q.closed and text[q.start:q.end] == "“Open and never closed."
    assert any("unclosed" in w for w in doc.warnings)
    assert any("no opening mark" in w for w in doc.warnings)


def test_mixed_marks_warn():
    doc = Document("Mixed “marks here\" work.")
    assert any("mixed quotation marks" in w for w in doc.warnings)


def test_document_is_immutable():
    doc = Document("One. Two.")
    with pytest.raises(Exception):
        doc.text = "other"  # type: ignore[misc]


def test_lookups():
    text = "First one. Second one here."
    doc = Document(text)
    assert doc.sentence_index(text.index("Second")) == 1
    assert doc.sentence_index(text.index(" Second")) is None
    assert [t.text for t in doc.tokens_in(text.index("Second"), len(text))] == [
        "Second", "one", "here", "."]


@pytest.mark.parametrize("text,expected", [
    ("Rep. G.K. Butterfield said so.", ["Rep. G.K. Butterfield said so."]),
    ("They met in Reno, Nev. The talks failed.", ["They met in Reno, Nev.", "The talks failed."]),
    ("They met in Reno, Nev. on Friday.", ["They met in Reno, Nev. on Friday."]),
])
def test_dotted_and_state_abbreviations(text, expected):
    doc = Document(text)
    assert [text[s.start:s.end] for s in doc.sentences] == expected
