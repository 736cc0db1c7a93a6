"""Classification of detected questions: rhetorical, hypophora or information.

Used by :mod:`framing.analyzers.questions.analyzer`, which detects the questions and
builds the section. Cue patterns and word classes are package data (see
:mod:`framing.analyzers.questions.text`).

**Classification** (``type``: ``rhetorical`` | ``hypophora`` |
``information``; ``rhetorical`` is True only for the first, so the three
counts add up to ``count``). The cue patterns live in
``lexicons/question_cues.tsv`` with their sources; the rules that use them:

* *Author voice.* News prose does not ask its readers for information: a
  writer's question is an indirect assertion (Anzilotti 1982, the
  rhetorical question as an indirect speech device), and questions are rare
  in news reportage outside quotations (Biber et al. 1999, Longman Grammar,
  on the register distribution of questions), so a question in the
  author's voice is rhetorical by default (cue ``author_voice``, ``no_answer_follows``) unless
  - it is a headline (``headline``: rhetorical, Betteridge's law),
  - it is an interviewer's ``Q:`` line (``qa_question``: information),
  - a reporting frame before it shows it is someone else's question
    ("Residents wanted to know: when …?", ``reported``): then it is judged
    like a quoted question,
  - the text after it asks readers to write in (``reader_call``:
    information), or
  - the writer answers it at once — *hypophora* (``subjectio`` in rhetoric
    handbooks): the next declarative stretch (after at most two further
    questions; at most one paragraph boundary) starts with an answer pattern
    ("The answer …", "Yes,", "Right now, no.", "Because …", "Not …",
    "Of course", "It depends", "I don't think so", an elliptical "None." or
    echo "It will.", a degree "Less than …", an attributed "Critics say
    so"), a how-much question is followed by a quantity, a bare "Why?" by any
    statement (``bare_wh``), an NP question ("Test scores?") by a pronoun
    taking it up or a fragment (``topic_answered``), or the stretch repeats
    two content words of the question (``restates_question``), or the
    question is a paragraph of its own (an explainer's subhead) followed by
    a declarative paragraph (``subhead_answered``). A stretch saying nobody
    knows ("Nobody knows.") is no answer. Cue ``answered_next_sentence`` (or
    ``answered_by_quote`` when the answer is a quotation).
* *Quoted voice* (and questions inside an ``A:`` interview answer, cue
  ``qa_answer``, although the voice map calls them the author's). Speakers in
  a quote address someone who can answer, so a quoted question is
  information-seeking by default (``quoted_voice``) unless
  - the speaker answers it in the same quote, or in the next quotation
    sentence without new attribution (“…?” he asked. “I think it is.”):
    hypophora (``answered_same_turn``);
  - a rhetorical cue fires: negative yes/no questions (Koshik 2005,
    reversed polarity; Han 2002), "who would/could", "what could be more",
    "how can anyone", "why should" (Han 2002, wh + modal), negative "who
    doesn't …" (Han 2002), minimizers and strong NPIs "lift a finger", "at
    all", "even", wh + "ever", "any wonder" (Han 2002), fixed formulas "Who
    cares", "What's the point", "Is it any wonder", "What else can I say"
    (Ilie 1994; Oraby et al. 2017), "really/seriously" yes/no questions and
    ``?!`` (Oraby et al. 2017), tag questions ", isn't it?", ", right?"
    (Biber et al. 1999), and long declarative-form questions ("…, and
    now you want more of our money?"; Gunlogson 2001).

Cues found are listed on each item whatever the decision, so a reader can
see why. Bhattasali et al. (2015, ACL, "Automatic identification of
rhetorical questions") found that features of the surrounding turns add to
n-gram features; the "answer follows" tests are a rule-based use of the
following context. Oraby et al. (2017, SIGDIAL, "Are you serious?:
Rhetorical questions and sarcasm in social media dialog") is the source of
the incredulity and punctuation cues.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..base import Context
from .text import (
    ATTRIBUTION_END_RE,
    BARE_WH_RE,
    CLOSE_CHARS,
    DEGREE_Q_RE,
    FIRST_PERSON_RE,
    NOISE_RE,
    NP_QUESTION_RE,
    PRONOUN_START_RE,
    QUANTITY_RE,
    QuestionSpan,
    all_cues,
    core,
    first_cue,
    plain,
    stems,
)

__all__ = ["Env", "classify"]


class Env:
    """Per-document lookups shared by every question."""

    def __init__(self, ctx: Context, qs: list[QuestionSpan]):
        self.ctx = ctx
        self.doc = ctx.doc
        self.text = ctx.doc.text
        self.qs = qs
        self.q_starts = [q.start for q in qs]
        self.headline = ctx.doc.headline
        paras = ctx.doc.paragraphs
        self.para_starts = [p.start for p in paras]
        self.quote_starts = [q.start for q in ctx.doc.quotes]

    def question_at(self, pos: int, limit: int) -> QuestionSpan | None:
        """A question starting at ``pos`` after only marks and white space."""
        i = bisect_left(self.q_starts, pos)
        if i < len(self.qs) and self.qs[i].start < limit:
            if not NOISE_RE.sub("", self.text[pos:self.qs[i].start]).strip():
                return self.qs[i]
        return None

    def question_at_before(self, q: QuestionSpan) -> bool:
        """Another question ends just before ``q`` (only marks and white space between)."""
        i = bisect_left(self.q_starts, q.start) - 1
        return i >= 0 and not NOISE_RE.sub("", self.text[self.qs[i].end:q.start]).strip()

    def chunk(self, pos: int, limit: int) -> tuple[int, int] | None:
        """The declarative stretch from ``pos``: to its sentence's end, the next
        question's start or ``limit``, whichever comes first."""
        while pos < limit and (self.text[pos] in CLOSE_CHARS or self.text[pos].isspace()):
            pos += 1
        if pos >= limit:
            return None
        si = self.doc.sentence_index(pos)
        end = limit if si is None else min(limit, self.doc.sentences[si].end)
        i = bisect_left(self.q_starts, pos)
        if i < len(self.qs) and self.qs[i].start < end:
            end = self.qs[i].start
        return (pos, end) if end > pos else None

    def next_stretch(self, pos: int, limit: int, cross: bool) -> tuple[int, int, bool] | None:
        """First non-question stretch after ``pos`` (skipping ≤ 2 questions),
        optionally crossing into the next paragraph once. Returns
        (start, end, crossed)."""
        crossed = False
        skipped = 0
        while True:
            q = self.question_at(pos, limit)
            if q is not None:
                if crossed or skipped == 2:
                    return None
                pos, skipped = q.end, skipped + 1
                continue
            got = self.chunk(pos, limit)
            if got is not None and not any(ch.isalnum() for ch in self.text[got[0]:got[1]]):
                pos = got[1]  # only marks ("?? …"): look further
                continue
            if got is not None:
                return got[0], got[1], crossed
            if not cross or crossed:
                return None
            pi = bisect_right(self.para_starts, pos)
            if pi >= len(self.doc.paragraphs):
                return None
            pos, limit = self.doc.paragraphs[pi]
            crossed = True


def _answers(question: str, answer: str) -> str | None:
    """The answer rule the stretch ``answer`` fires for ``question``."""
    a = plain(answer)
    if not a or first_cue("non_answer", a):
        return None
    rule = first_cue("answer", a)
    if rule:
        return rule
    qn = core(question)
    if BARE_WH_RE.match(plain(question).rstrip("?! ")):
        return "bare_wh"
    if DEGREE_Q_RE.match(qn) and QUANTITY_RE.match(a):
        return "quantity"
    if NP_QUESTION_RE.match(qn) and (PRONOUN_START_RE.match(a) or len(a.split()) <= 4):
        return "topic_answered"
    qs = stems(qn)
    shared = qs & stems(a)
    if len(shared) >= 2 or (len(qs) == 1 and shared):
        return "restates_question"
    return None


def _continuation(env: Env, q: QuestionSpan) -> tuple[int, int] | None:
    """“…?” he asked. “More words.” — the next sentence is a quotation with no
    attribution of its own, so the same speaker goes on."""
    sents = env.doc.sentences
    si = q.sentence
    tail = env.text[q.quote.end:sents[si].end] if q.quote else ""
    if not tail.strip() or not ATTRIBUTION_END_RE.search(tail) or len(tail.split()) > 8:
        return None
    if si + 1 >= len(sents) or sents[si + 1].paragraph != sents[si].paragraph:
        return None
    nxt = sents[si + 1]
    i = bisect_left(env.quote_starts, nxt.start)
    if i < len(env.doc.quotes):
        region = env.doc.quotes[i]
        if region.start == nxt.start and region.end >= nxt.end - 1:
            return region.content_start, region.content_end
    return None


def classify(env: Env, q: QuestionSpan, voice: str | None = None) -> tuple[str, list[str], str]:
    """``(type, cues, voice)`` for the question ``q`` by the rules; ``voice``
    overrides the voice map's (the analyzer passes the structure-corrected
    voice of :mod:`.structure`)."""
    text = env.text
    qtext = text[q.start:q.end]
    qcore = core(qtext)
    if voice is None:
        voice = env.ctx.voice(q.start, q.end)
    qplain = plain(qtext).rstrip("?! ")
    rhet = all_cues("rhetorical", qcore)
    if qplain != qcore:  # "So what?" loses its "so" in the cue form
        rhet += [r for r in all_cues("rhetorical", qplain) if r not in rhet and r != "declarative"]
    if first_cue("rhetorical", qtext[-3:]) == "exclamatory" and "exclamatory" not in rhet:
        rhet.append("exclamatory")
    sent = env.doc.sentences[q.sentence]
    pi = sent.paragraph
    pstart, pend = env.doc.paragraphs[pi]
    para_head = text[pstart:min(pend, pstart + 16)].lstrip("*_ ").lower()

    if first_cue("qa_question", para_head):  # the voice map may call a "Q:" line a quote
        return "information", ["qa_question", *rhet], voice
    if env.headline is not None and env.headline.start <= q.start < env.headline.end:
        return "rhetorical", ["headline", *rhet], voice

    qa_answer = first_cue("qa_answer", para_head) is not None
    if voice == "author" and not qa_answer:
        frame = text[sent.start:q.start]
        reported = frame.strip() and first_cue("reported", frame.lower()) and not \
            FIRST_PERSON_RE.search(frame.lower())
        if not reported:
            return _classify_author(env, q, qtext, rhet, voice, pend)
        cues = ["reported"]
    else:
        cues = ["qa_answer"] if qa_answer else ["quoted_voice"]

    # quoted (or reported) question: answered in the same turn?
    if q.quote is not None:
        limit = q.quote.content_end
    elif cues == ["reported"]:
        limit = sent.end
    else:  # an A: line, or a voice region without quotation marks
        limit = pend
    stretch = env.next_stretch(q.end, limit, cross=False)
    if stretch is None and q.quote is not None:
        cont = _continuation(env, q)
        if cont is not None:
            stretch = env.next_stretch(cont[0], cont[1], cross=False)
    if stretch is not None:
        rule = _answers(qtext, text[stretch[0]:stretch[1]])
        if rule:
            return "hypophora", [*cues, "answered_same_turn", rule, *rhet], voice
    if rhet:
        return "rhetorical", [*cues, *rhet], voice
    return "information", cues, voice


def _classify_author(env: Env, q: QuestionSpan, qtext: str, rhet: list[str], voice: str,
                     pend: int) -> tuple[str, list[str], str]:
    text = env.text
    stretch = env.next_stretch(q.end, pend, cross=True)
    if stretch is not None:
        if first_cue("reader_call", text[stretch[0]:stretch[1]].lower()):
            return "information", ["author_voice", "reader_call", *rhet], voice
        rule = _answers(qtext, text[stretch[0]:stretch[1]])
        if rule:
            how = "answered_by_quote" if env.ctx.voice(stretch[0]) == "quoted" else "answered_next_sentence"
            return "hypophora", ["author_voice", how, rule, *rhet], voice
        if stretch[2] and _is_subhead(env, q, pend):
            return "hypophora", ["author_voice", "subhead_answered", *rhet], voice
    return "rhetorical", ["author_voice", "no_answer_follows", *rhet], voice


def _is_subhead(env: Env, q: QuestionSpan, pend: int) -> bool:
    """The question is a paragraph of its own (an explainer's subhead)."""
    pstart = env.doc.paragraphs[env.doc.sentences[q.sentence].paragraph].start
    rest = (env.text[pstart:q.start] + env.text[q.end:pend]).strip()
    return not rest
