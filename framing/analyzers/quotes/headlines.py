"""Lines that label an article rather than report speech: the headline, an
all-capitals kicker, a title line in Title Case.

News pages open with display text — a headline ("BETRAYED: Lintmark bosses
pocket millions"), a kicker or strapline in capitals ("BRIDGE OF SHAME"), a
column title ("The Ninth Circle: The Hellish View from Inside the Beltway")
— whose colon or verb is typography, not attribution (van Dijk 1988, *News
as Discourse*, on the headline and lead as the summary of the news schema;
Bell 1991, *The Language of News Media*, on headline grammar). Such a line is
never a speaker nor holds a quote cue. A headline may still report speech
("Mayor says plan will cost more"; PolNeAR annotates such headlines), so only
its colon label in capitals is refused; a kicker line holds no cue at all.
"""
from __future__ import annotations

from ...document import Document
from ...lexicons import word_list

TITLE_MIN_WORDS = 3  # words after the colon for a Title Case test
SMALL_WORDS = word_list("quote_words.tsv", "headline_small_words")


def kicker_spans(doc: Document) -> list[tuple[int, int]]:
    """Character spans of one-line paragraphs written in capitals ("BRIDGE OF
    SHAME", "EXCLUSIVE"): no cue or speaker inside."""
    text = doc.text
    return [(p.start, p.end) for p in doc.paragraphs
            if text[p.start:p.end].isupper() and "\n" not in text[p.start:p.end]]


def is_label(doc: Document, speaker_text: str, pos: int) -> bool:
    """A colon "speaker" in capitals in the headline or a kicker
    ("BETRAYED: Lintmark bosses …") is a label, not a person or body."""
    if not speaker_text.isupper():
        return False
    head = doc.headline
    return (head is not None and head.start <= pos < head.end) or in_spans(kicker_spans(doc), pos)


def in_spans(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in spans)


def is_title_line(text: str, line_start: int, colon: int, line_end: int) -> bool:
    """"The Ninth Circle: The Hellish View from Inside the Beltway, #2." — a
    first line whose words after the colon are in Title Case (every word of
    four letters or more capitalised, at least ``TITLE_MIN_WORDS`` words)."""
    if line_start != 0 or "\n" in text[line_start:line_end]:
        return False
    words = [w.strip("\"“”‘’'.,!?;:()#") for w in text[colon + 1:line_end].split()]
    words = [w for w in words if w and w[0].isalpha()]
    if len(words) < TITLE_MIN_WORDS:
        return False
    return all(w[0].isupper() for w in words if len(w) >= 4 or w.lower() not in SMALL_WORDS)


def title_case_lines(doc: Document) -> list[tuple[int, int]]:
    """Spans of one-line paragraphs of at most 30 words written in Title Case
    ("Ana Silva Says Port Will Reopen In May"): headline grammar (Bell 1991)
    capitalises the reporting verb too, so a cue there may be capitalised."""
    text = doc.text
    out = []
    for p in doc.paragraphs:
        line = text[p.start:p.end]
        if "\n" in line:
            continue
        words = [w.strip("\"“”‘’'.,!?;:()#") for w in line.split()]
        words = [w for w in words if w and w[0].isalpha()]
        if not TITLE_MIN_WORDS <= len(words) <= 30 or line.isupper():
            continue
        if all(w[0].isupper() for w in words if len(w) >= 4 or w.lower() not in SMALL_WORDS):
            out.append((p.start, p.end))
    return out
