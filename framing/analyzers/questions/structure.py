"""Text structure for the questions analyzer: layout, turns, voice.

The document's paragraphs are blank-line blocks, or lines when the text has
no blank line (:func:`framing.text.segment.paragraphs`). Corpus exports often
put *each sentence* on its own line; then a line is not a paragraph, a
question alone on its line is not a subhead, and a quotation opened on one
line and closed two lines later is invisible to a per-paragraph quote finder.
This module recovers that structure for the questions analyzer only (the
voice map stays the quotation analyzer's):

* :func:`sentence_per_line` — most lines hold one sentence;
* :func:`multiline_quotes` — quotation spans that run across lines
  (opening mark on one line, closing mark on a later one, at most
  :data:`MAX_LINES` lines apart), found by pairing double marks in text
  order (Quirk et al. 1985, §14.30: a quotation running over several
  paragraphs reopens, and closes only at its end);
* :func:`turn_label` — transcript turns: ``Q:``/``A:`` interview labels and
  ``NAME:`` speaker turns (press transcripts);
* :func:`question_voice` — the question's voice: the voice map's, corrected
  by the structure above, by a block quote introduced by a colon frame
  ("Limbaugh added:"), by tweet markup or a signature line ("@handle."), and
  by a reporting frame ("he said, why …?": a reported question with ``?`` is
  quoted, CODEBOOK §1). An interviewer's ``Q:`` line is the author's.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ...lexicons import load_table

MAX_LINES = 6

_OPEN = "“«„"
_CLOSE = "”»"
LABEL_RE = re.compile(r"[\s\"'“”*_]*(?:(Q|A)(?:\s*[:.\-–—]\s*|(?=[A-Z][a-z]))|([A-Z][A-Z.'\- ]{1,30}):\s)")
SIGNATURE_RE = re.compile(r"^\s*@\w+\.?\s*$")
TWEET_RE = re.compile(r"<tweet\b", re.I)


@lru_cache(maxsize=None)
def context_words(name: str) -> tuple[str, ...]:
    """The list ``name`` of ``lexicons/question_context.tsv``."""
    return tuple(r["word"] for r in load_table("question_context.tsv") if r["list"] == name)


def words_re(name: str) -> re.Pattern[str]:
    alt = "|".join(r"\s+".join(map(re.escape, w.split())) for w in context_words(name))
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.I)


SPEECH_END_RE = re.compile(rf"(?:{words_re('speech').pattern})\s*:\s*$", re.I)
FRAME_RE = re.compile(r",\s*(?:he|she|they|it|[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+)?)\s+"
                      r"(?:said|asked|says|asks|wondered|added)\s*,\s*$")


def sentence_per_line(doc) -> bool:
    """True when the text has no blank line and most of its lines (≥ 5) hold a
    single sentence: the one-sentence-per-line export."""
    text = doc.text
    if "\n" not in text or re.search(r"\n[ \t]*\n", text):
        return False
    paras = doc.paragraphs
    if len(paras) < 5:
        return False
    starts = [s.start for s in doc.sentences]
    single = 0
    for ps, pe in paras:
        n = bisect_right(starts, pe - 1) - bisect_right(starts, ps - 1)
        single += n <= 1
    return single >= 0.7 * len(paras)


def multiline_quotes(doc) -> list[tuple[int, int]]:
    """Quotation spans (content, without the marks) that open on one line and
    close on a later one. Straight double quotes pair in order within the run
    of lines; curly ones by shape."""
    text = doc.text
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    open_line = 0
    straight_open = False
    line = 0
    for i, ch in enumerate(text):
        if ch == "\n":
            line += 1
            if open_at is not None and line - open_line > MAX_LINES:
                open_at, straight_open = None, False  # unbalanced: give up
            continue
        if ch in _OPEN or (ch == '"' and not straight_open and open_at is None):
            open_at, open_line, straight_open = i + 1, line, ch == '"'
        elif open_at is not None and (ch in _CLOSE or (ch == '"' and straight_open)):
            if line > open_line:
                out.append((open_at, i))
            open_at, straight_open = None, False
    return out


def turn_label(text: str, pstart: int, pend: int) -> str | None:
    """``"Q"``, ``"A"`` or ``"speaker"`` when the paragraph is a transcript turn."""
    m = LABEL_RE.match(text, pstart, pend)
    if not m:
        return None
    if m.group(1):
        return m.group(1)
    label = m.group(2).strip()
    return "speaker" if len(label) >= 2 and label.isupper() else None


class Structure:
    """Per-document structure shared by every question."""

    def __init__(self, doc):
        self.doc = doc
        self.one_per_line = sentence_per_line(doc)
        spans = multiline_quotes(doc) if self.one_per_line else []
        self.ml_starts = [s for s, _ in spans]
        self.ml_spans = spans

    def in_multiline_quote(self, pos: int) -> bool:
        i = bisect_right(self.ml_starts, pos) - 1
        return i >= 0 and pos < self.ml_spans[i][1]

    def block_quote(self, pi: int) -> bool:
        """The paragraph follows a short colon frame ("Limbaugh added:") that
        introduces a block quote, possibly through earlier block paragraphs."""
        text, paras = self.doc.text, self.doc.paragraphs
        for k in range(pi - 1, max(-1, pi - 4), -1):
            ps, pe = paras[k]
            head = text[ps:pe]
            if SPEECH_END_RE.search(head) and len(head.split()) <= 12:
                return True
            if head.rstrip().endswith(":") or turn_label(text, ps, pe):
                return False
        return False

    def paragraph_cues(self, pi: int) -> list[str]:
        """The voice cues of paragraph ``pi`` (block quote, tweet, signed post),
        found once per paragraph: read for each of its questions, a paragraph
        of many questions was scanned again for every one (issue 19)."""
        cache = self.__dict__.setdefault("_paragraph_cues", {})
        if pi not in cache:
            text, paras = self.doc.text, self.doc.paragraphs
            ps, pe = paras[pi]
            cues = []
            if self.block_quote(pi):
                cues.append("block_quote")
            if TWEET_RE.search(text, ps, pe):
                cues.append("tweet")
            if pi + 1 < len(paras) and SIGNATURE_RE.match(text[paras[pi + 1][0]:paras[pi + 1][1]]):
                cues.append("signed_post")
            cache[pi] = cues
        return cache[pi]

    def voice(self, q, map_voice: str, pi: int, frame: str) -> tuple[str, list[str]]:
        """The question's voice and the structure cues that decided it."""
        text, paras = self.doc.text, self.doc.paragraphs
        ps, pe = paras[pi]
        label = turn_label(text, ps, pe)
        if label == "Q":
            return "author", ["turn_q"]
        if label in ("A", "speaker"):
            return "quoted", ["turn_" + label.lower()]
        if map_voice == "quoted":
            return "quoted", []
        cues: list[str] = []
        if self.in_multiline_quote(q.start):
            cues.append("multiline_quote")
        cues += self.paragraph_cues(pi)
        if FRAME_RE.search(frame):
            cues.append("reported_frame")
        return ("quoted" if cues else "author"), cues
