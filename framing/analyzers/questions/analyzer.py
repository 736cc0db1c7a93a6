"""Questions, and whether they are rhetorical.

Reads the :class:`~framing.document.Document` (sentences, paragraphs, quoted
regions, headline) and the voice map; assigns the ``questions`` section.

**Detection.** Every run of ``?`` (with any ``!``) followed by white space, a
closing mark or the end of the text ends a question. The question starts at
the latest of: its sentence's start; the content start of the innermost
quotation holding the mark (“Why now?” she asked → ``Why now?``); just after
an earlier ``?``/``!`` in the same scope (several questions in one sentence);
just after a colon or semicolon (“…one can't help but wonder: What …?”);
after an unclosed ``(``; after a dash followed by a question word. Quoted
stretches that do not hold the mark are skipped while scanning back, so an
author's question that quotes someone else's question stays whole. Spans end
just after the last ``?``/``!`` of the run; verbless questions ("Why the
reticence?") and multi-clause ones ("Will it …, or will it …?") need no
special case. Headline questions come from ``doc.headline``.

**Voice** is the voice map's, corrected by the text's structure
(:mod:`.structure`: transcript turns, quotations running over
one-sentence-per-line text, block quotes after "X added:", tweets, reported
questions).

**Classification** (``type``: ``rhetorical`` | ``hypophora`` |
``information``; the ``rhetorical`` flag = *not information-seeking*, so
rhetorical and hypophora questions carry it, CODEBOOK §1) is by default the
learned model of :mod:`.model` (multinomial logistic regression trained by
``benchmarks/train_questions.py`` on our coded real-news questions) over the
features of :mod:`.features`, which include the cues of the rules in
:mod:`.classify` (``lexicons/question_cues.tsv``, ``question_words.tsv``).
With the option ``question_model=False`` the rules alone decide
(``confidence`` 0). Held-out flag macro-F1 (``benchmarks/rq_realnews.py``):
model 0.63, rules 0.47.

Cost: regular expressions are compiled at import; one pass over sentences,
then constant work per question.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ...document import Document
from ...report import QuestionItem, QuestionsSection, per_1k
from ...text.quotes import QuotedRegion
from ..base import Analyzer, Context
from .classify import Env, classify
from .context import QuoteIndex
from .features import question_features
from .model import decide
from .structure import Structure
from .text import AUX, CLOSE_CHARS, CUES, OPEN_QUOTES, QWORD, QuestionSpan, words

__all__ = ["ANALYZER", "analyze_questions", "find_questions", "CUES"]

_Q = QuestionSpan  # the name before the split

QMARK_RE = re.compile(r"[?!]*\?[?!]*(?=[\s\"'”’»“)\]},;:<]|$)")
QSTART_RE = re.compile(rf"(?:(?:{words('start_conj')})\s+)?(?:{QWORD}|{AUX})\b", re.I)


# -- detection ------------------------------------------------------------------
def _question_start(text: str, lo: int, p: int, skips: list[QuotedRegion]) -> int:
    """Scan back from the mark at ``p`` to the question's first character."""
    depth = 0
    i = p - 1
    skip_i = len(skips) - 1
    while i >= lo:
        while skip_i >= 0 and skips[skip_i].start > i:
            skip_i -= 1
        if skip_i >= 0 and skips[skip_i].start <= i < skips[skip_i].end:
            i = skips[skip_i].start - 1
            continue
        ch = text[i]
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if ch == ")":
            depth += 1
        elif ch == "(":
            if depth == 0:
                return i + 1
            depth -= 1
        elif ch in "?!" and (nxt.isspace() or nxt in CLOSE_CHARS):
            return i + 1
        elif ch in ":;" and nxt.isspace() and depth == 0:
            return i + 1
        elif ch in "—–" or (ch == "-" and text[i - 1:i + 2] == " - "):
            after = i + 1
            while after < p and text[after].isspace():
                after += 1
            if depth == 0 and QSTART_RE.match(text, after):
                return after
        i -= 1
    return lo


def find_questions(doc: Document) -> list[QuestionSpan]:
    """Question spans of ``doc`` (unclassified), sorted by start."""
    text = doc.text
    quotes = doc.quotes
    qstarts = [q.start for q in quotes]
    found: list[QuestionSpan] = []
    for si, sent in enumerate(doc.sentences):
        if "?" not in text[sent.start:sent.end]:
            continue
        region_quotes = [q for q in quotes[bisect_right(qstarts, sent.start):bisect_right(qstarts, sent.end)]
                         if q.start < sent.end]
        for k in range(bisect_right(qstarts, sent.start) - 1, -1, -1):  # quotes opened earlier
            q = quotes[k]
            if q.end > sent.start:
                region_quotes.insert(0, q)
            elif q.depth == 0:
                break  # outer quotes never overlap: nothing earlier reaches this sentence
        for m in QMARK_RE.finditer(text, sent.start, sent.end):
            p = m.start()
            quote = None
            for q in region_quotes:
                if q.content_start <= p < q.content_end and (quote is None or q.start > quote.start):
                    quote = q
            lo = sent.start if quote is None else max(sent.start, quote.content_start)
            skips = [q for q in region_quotes if q is not quote and q.end <= p and q.start >= lo
                     and not (quote is not None and q.start <= quote.start)]
            start = _question_start(text, lo, p, skips)
            while start < p and (text[start].isspace() or text[start] in "—–-…"):
                start += 1
            # a stray opening mark (no quotation starts there) is not part of it
            if start < p and text[start] in OPEN_QUOTES and not any(
                    q.start == start for q in region_quotes):
                start += 1
            if any(ch.isalnum() for ch in text[start:p]):
                found.append(QuestionSpan(start, m.end(), si, quote))
    found.sort(key=lambda q: (q.start, q.end))
    return found


def question_rows(ctx: Context) -> tuple[list[tuple[QuestionSpan, str, list[str], str, dict[str, float]]], Structure]:
    """Per detected question: ``(span, rule type, cues, voice, features)``
    (what the analyzer and ``benchmarks/train_questions.py`` share)."""
    doc = ctx.doc
    qs = find_questions(doc)
    env = Env(ctx, qs)
    st = Structure(doc)
    qi = QuoteIndex(ctx, qs) if qs else None
    rows = []
    for q in qs:
        sent = doc.sentences[q.sentence]
        frame = doc.text[sent.start:q.start]
        voice, vcues = st.voice(q, ctx.voice(q.start, q.end), sent.paragraph, frame)
        kind, cues, voice = classify(env, q, voice)
        cues = [*vcues, *cues]
        rows.append((q, kind, cues, voice, question_features(env, st, q, kind, cues, voice, vcues, qi)))
    return rows, st


def _words_by_voice(ctx: Context, st: Structure) -> dict[str, int]:
    counts = {"author": 0, "quoted": 0}
    for t in ctx.doc.tokens:
        if t.is_word:
            quoted = ctx.voice(t.start) == "quoted" or st.in_multiline_quote(t.start)
            counts["quoted" if quoted else "author"] += 1
    return counts


def analyze_questions(ctx: Context) -> QuestionsSection:
    """The ``questions`` section for ``ctx.doc``."""
    doc = ctx.doc
    rows, st = question_rows(ctx)
    rules = ctx.options.get("question_model", True) is False
    items: list[QuestionItem] = []
    for q, rule_kind, cues, voice, feats in rows:
        if rules:
            kind, flag, conf = rule_kind, rule_kind != "information", 0.0
        else:
            kind, flag, conf, _ = decide(feats)
        sent = doc.sentences[q.sentence]
        items.append(QuestionItem(
            start=q.start, end=q.end, text=doc.text[q.start:q.end],
            rhetorical=flag, type=kind, voice=voice, confidence=conf,
            cues=list(dict.fromkeys(cues)), sentence_start=sent.start, sentence_end=sent.end,
        ))
    n_rhet = sum(i.rhetorical for i in items)  # the flag: rhetorical and hypophora (CODEBOOK §1)
    by_voice = {"author": 0, "quoted": 0}
    rhet_by_voice = {"author": 0, "quoted": 0}
    for i in items:
        by_voice[i.voice] = by_voice.get(i.voice, 0) + 1
        rhet_by_voice[i.voice] = rhet_by_voice.get(i.voice, 0) + i.rhetorical
    words = _words_by_voice(ctx, st) if items else {"author": doc.words, "quoted": 0}
    return QuestionsSection(
        count=len(items),
        rhetorical=n_rhet,
        rhetorical_per_1k_words=per_1k(n_rhet, doc.words),
        questions_per_1k_words=per_1k(len(items), doc.words),
        hypophora=sum(i.type == "hypophora" for i in items),
        information=sum(i.type == "information" for i in items),
        by_voice=by_voice,
        rhetorical_by_voice=rhet_by_voice,
        rhetorical_per_1k_words_by_voice={v: per_1k(rhet_by_voice[v], words.get(v, 0))
                                          for v in ("author", "quoted")},
        items=items,
    )


ANALYZER = Analyzer(
    "questions",
    analyze_questions,
    requires=("voices", "quotes"),
    description="Questions (author or quoted voice) classified as rhetorical, hypophora "
                "(asked and answered) or information-seeking.",
)
