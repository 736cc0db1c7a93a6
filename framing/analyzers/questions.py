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

Cost: regular expressions are compiled at import; one pass over sentences,
then constant work per question.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from ..document import Document
from ..lexicons import load_table, load_words
from ..report import QuestionItem, QuestionsSection, per_1k
from ..text.quotes import QuotedRegion
from .base import Analyzer, Context

__all__ = ["ANALYZER", "analyze_questions", "find_questions", "CUES"]


def _compile_cues() -> dict[str, tuple[tuple[str, re.Pattern[str]], ...]]:
    by_kind: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for row in load_table("question_cues.tsv"):
        by_kind.setdefault(row["kind"], []).append((row["rule"], re.compile(row["pattern"])))
    return {kind: tuple(rules) for kind, rules in by_kind.items()}


CUES = _compile_cues()
FUNCTION_WORDS = load_words("question_function_words.txt")

QMARK_RE = re.compile(r"[?!]*\?[?!]*(?=[\s\"'”’»)\]}]|$)")
QWORD = r"(?:what|who|whom|whose|where|when|why|how|which)"
AUX = (r"(?:is|are|was|were|am|do|does|did|have|has|had|can|could|will|would|shall|should|"
       r"may|might|must|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|haven't|hasn't|"
       r"hadn't|can't|couldn't|won't|wouldn't|shouldn't)")
QSTART_RE = re.compile(rf"(?:(?:and|but|or|so|then)\s+)?(?:{QWORD}|{AUX})\b", re.I)
LEAD_RE = re.compile(
    rf"^(?:(?:and|but|so|or|then|well|now|oh|okay|ok|look|listen|yes|no)\b,?\s+"
    rf"|(?:[\w.']+\s+){{0,2}}[\w.']+,\s+(?=(?:{QWORD}|{AUX})\b))+"
)
NOISE_RE = re.compile(r"^[\s\"'“”‘’«»„()\[\]—–\-…:;,.]+")
SPACE_RE = re.compile(r"\s+")
WORD_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
NP_QUESTION_RE = re.compile(rf"^(?!{QWORD}\b|{AUX}\b)(?:[\w'$%.,-]+\s+){{0,3}}[\w'$%.,-]+$")
PRONOUN_START_RE = re.compile(r"^(?:it|they|that|this|these|those|he|she)\b")
BARE_WH_RE = re.compile(rf"^(?:(?:and|but|or)\s+)?{QWORD}(?:\s+not)?$")
DEGREE_Q_RE = re.compile(r"^how\s+(?:much|many|long|often|far)\b")
QUANTITY_RE = re.compile(r"^(?:about|around|roughly|nearly|almost|some|more\s+than|at\s+least|"
                         r"just|only|over|under)?\s*(?:\$?\d|a\s+few|dozens|hundreds|thousands)")
FIRST_PERSON_RE = re.compile(r"\b(?:i|we|one)\b")  # "we must ask:" frames the writer's own
ATTRIBUTION_END_RE = re.compile(r"[.,!]\s*$")
OPEN_QUOTES = "\"“‘«„'"
CLOSE_CHARS = "\"'”’»)]} \t\r\n"


class _Q(NamedTuple):
    start: int
    end: int
    sentence: int
    quote: QuotedRegion | None


# -- text helpers ---------------------------------------------------------------
def _plain(text: str) -> str:
    """Lower-case, straight apostrophes, single spaces, no leading marks."""
    t = text.replace("’", "'").replace("‘", "'").lower()
    return NOISE_RE.sub("", SPACE_RE.sub(" ", t)).strip()


def _norm(text: str) -> str:
    """Lower-case, straight apostrophes, single spaces, no leading marks or
    leading conjunctions/interjections/vocatives: the form cues match."""
    return LEAD_RE.sub("", _plain(text))


def _core(text: str) -> str:
    """A normalised question without its final ``?``/``!`` run."""
    return _norm(text).rstrip("?! ")


def _stems(text: str) -> set[str]:
    out = set()
    for w in WORD_RE.findall(text.replace("’", "'").lower()):
        w = w.split("'")[0]
        if w in FUNCTION_WORDS or len(w) < 3:
            continue
        for suffix in ("ing", "ed", "es", "s"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                w = w[: -len(suffix)]
                break
        out.add(w)
    return out


def _first(kind: str, text: str) -> str | None:
    for rule, rx in CUES.get(kind, ()):
        if rx.search(text):
            return rule
    return None


def _all(kind: str, text: str) -> list[str]:
    seen: list[str] = []
    for rule, rx in CUES.get(kind, ()):
        if rule not in seen and rx.search(text):
            seen.append(rule)
    return seen


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


def find_questions(doc: Document) -> list[_Q]:
    """Question spans of ``doc`` (unclassified), sorted by start."""
    text = doc.text
    quotes = doc.quotes
    qstarts = [q.start for q in quotes]
    found: list[_Q] = []
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
                found.append(_Q(start, m.end(), si, quote))
    found.sort(key=lambda q: (q.start, q.end))
    return found


# -- classification -------------------------------------------------------------
class _Env:
    """Per-document lookups shared by every question."""

    def __init__(self, ctx: Context, qs: list[_Q]):
        self.ctx = ctx
        self.doc = ctx.doc
        self.text = ctx.doc.text
        self.qs = qs
        self.q_starts = [q.start for q in qs]
        self.headline = ctx.doc.headline
        paras = ctx.doc.paragraphs
        self.para_starts = [p.start for p in paras]
        self.quote_starts = [q.start for q in ctx.doc.quotes]

    def question_at(self, pos: int, limit: int) -> _Q | None:
        """A question starting at ``pos`` after only marks and white space."""
        i = bisect_left(self.q_starts, pos)
        if i < len(self.qs) and self.qs[i].start < limit:
            if not NOISE_RE.sub("", self.text[pos:self.qs[i].start]).strip():
                return self.qs[i]
        return None

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
    a = _plain(answer)
    if not a or _first("non_answer", a):
        return None
    rule = _first("answer", a)
    if rule:
        return rule
    qn = _core(question)
    if BARE_WH_RE.match(_plain(question).rstrip("?! ")):
        return "bare_wh"
    if DEGREE_Q_RE.match(qn) and QUANTITY_RE.match(a):
        return "quantity"
    if NP_QUESTION_RE.match(qn) and (PRONOUN_START_RE.match(a) or len(a.split()) <= 4):
        return "topic_answered"
    qs = _stems(qn)
    shared = qs & _stems(a)
    if len(shared) >= 2 or (len(qs) == 1 and shared):
        return "restates_question"
    return None


def _continuation(env: _Env, q: _Q) -> tuple[int, int] | None:
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


def _classify(env: _Env, q: _Q) -> tuple[str, list[str], str]:
    text = env.text
    qtext = text[q.start:q.end]
    core = _core(qtext)
    voice = env.ctx.voice(q.start, q.end)
    plain = _plain(qtext).rstrip("?! ")
    rhet = _all("rhetorical", core)
    if plain != core:  # "So what?" loses its "so" in the cue form
        rhet += [r for r in _all("rhetorical", plain) if r not in rhet and r != "declarative"]
    if _first("rhetorical", qtext[-3:]) == "exclamatory" and "exclamatory" not in rhet:
        rhet.append("exclamatory")
    sent = env.doc.sentences[q.sentence]
    pi = sent.paragraph
    pstart, pend = env.doc.paragraphs[pi]
    para_head = text[pstart:min(pend, pstart + 16)].lstrip("*_ ").lower()

    if _first("qa_question", para_head):  # the voice map may call a "Q:" line a quote
        return "information", ["qa_question", *rhet], voice
    if env.headline is not None and env.headline.start <= q.start < env.headline.end:
        return "rhetorical", ["headline", *rhet], voice

    qa_answer = _first("qa_answer", para_head) is not None
    if voice == "author" and not qa_answer:
        frame = text[sent.start:q.start]
        reported = frame.strip() and _first("reported", frame.lower()) and not \
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


def _classify_author(env: _Env, q: _Q, qtext: str, rhet: list[str], voice: str,
                     pend: int) -> tuple[str, list[str], str]:
    text = env.text
    stretch = env.next_stretch(q.end, pend, cross=True)
    if stretch is not None:
        if _first("reader_call", text[stretch[0]:stretch[1]].lower()):
            return "information", ["author_voice", "reader_call", *rhet], voice
        rule = _answers(qtext, text[stretch[0]:stretch[1]])
        if rule:
            how = "answered_by_quote" if env.ctx.voice(stretch[0]) == "quoted" else "answered_next_sentence"
            return "hypophora", ["author_voice", how, rule, *rhet], voice
        if stretch[2] and _is_subhead(env, q, pend):
            return "hypophora", ["author_voice", "subhead_answered", *rhet], voice
    return "rhetorical", ["author_voice", "no_answer_follows", *rhet], voice


def _is_subhead(env: _Env, q: _Q, pend: int) -> bool:
    """The question is a paragraph of its own (an explainer's subhead)."""
    pstart = env.doc.paragraphs[env.doc.sentences[q.sentence].paragraph].start
    rest = (env.text[pstart:q.start] + env.text[q.end:pend]).strip()
    return not rest


def analyze_questions(ctx: Context) -> QuestionsSection:
    """The ``questions`` section for ``ctx.doc``."""
    doc = ctx.doc
    qs = find_questions(doc)
    env = _Env(ctx, qs)
    items: list[QuestionItem] = []
    for q in qs:
        kind, cues, voice = _classify(env, q)
        sent = doc.sentences[q.sentence]
        items.append(QuestionItem(
            start=q.start, end=q.end, text=doc.text[q.start:q.end],
            rhetorical=kind == "rhetorical", type=kind, voice=voice,
            cues=list(dict.fromkeys(cues)), sentence_start=sent.start, sentence_end=sent.end,
        ))
    n_rhet = sum(i.type == "rhetorical" for i in items)
    by_voice = {"author": 0, "quoted": 0}
    for i in items:
        by_voice[i.voice] = by_voice.get(i.voice, 0) + 1
    return QuestionsSection(
        count=len(items),
        rhetorical=n_rhet,
        rhetorical_per_1k_words=per_1k(n_rhet, doc.words),
        questions_per_1k_words=per_1k(len(items), doc.words),
        hypophora=sum(i.type == "hypophora" for i in items),
        information=sum(i.type == "information" for i in items),
        by_voice=by_voice,
        items=items,
    )


ANALYZER = Analyzer(
    "questions",
    analyze_questions,
    description="Questions (author or quoted voice) classified as rhetorical, hypophora "
                "(asked and answered) or information-seeking.",
)
