"""Context features of one question: who asks whom, in what setting.

The codebook's test (CODEBOOK §1) is whether someone is asked and expected
to answer, not whether the question is quoted. These features read that
from the quotation analyzer's items and the words around the question:

* **the quote holding the question** — whether its cue verb asks
  (``asked``, ``wondered`` vs ``said``, ``wrote``, ``tweeted``), whether the
  speaker is named or unknown, and a colon list of questions ("the survey
  asked:");
* **the addressee** — frames that put the question to someone ("was asked",
  "asked him", "wanted to know") against an audience that cannot answer
  ("the crowd", "in a statement", "in an ad", "mockingly");
* **the setting** — interview, press-conference and hearing words anywhere
  in the article; the writer's own first and second person (opinion
  against reportage; Biber et al. 1999 on the register distribution of
  questions); "questions about …", "to watch", "it's not clear" frames for
  open questions;
* **headlines and subheads by form** — an explainer headline ("What is …?")
  is not a rhetorical one ("Isn't it time …?"): the form features crossed
  with the position (Betteridge's law is not a rule, CODEBOOK §1).

Word lists are the ``audience``, ``interview``, ``put_to`` and ``open`` lists
of ``lexicons/question_context.tsv``. Features of the reply (the next
quotation and its speaker), of the question's place inside its quote and
the quote's cue lemma as one-hot features were tried and left out: each
lowered the grouped cross-validation of ``benchmarks/train_questions.py``.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right

from .structure import words_re
from .text import QuestionSpan

__all__ = ["QuoteIndex", "context_features"]

AUDIENCE_RE = words_re("audience")
INTERVIEW_RE = words_re("interview")
PUT_TO_RE = words_re("put_to")
OPEN_RE = words_re("open")
SELF_RE = re.compile(r"\b(?:I|we|my|our|us|me)\b")
YOU_RE = re.compile(r"\b(?:you|your)\b", re.I)
TURN_RE = re.compile(r"(?m)^\s*(?:Q|A|[A-Z][A-Z.'\- ]{1,30})\s*:\s")


class QuoteIndex:
    """The quotation analyzer's items, by position, and article-level counts."""

    def __init__(self, ctx, qs: list[QuestionSpan]):
        section = ctx.results.get("quotes")
        self.items = sorted(section.items, key=lambda it: it.start) if section is not None else []
        self.starts = [it.start for it in self.items]
        text = ctx.doc.text
        author_words = [m for m in re.finditer(r"\b\w+\b", text) if ctx.voice(m.start()) == "author"]
        n = max(1, len(author_words))
        self.self_rate = sum(bool(SELF_RE.fullmatch(m.group())) for m in author_words) / n
        self.you_rate = sum(bool(YOU_RE.fullmatch(m.group())) for m in author_words) / n
        self.interview = len(INTERVIEW_RE.findall(text)) + 2 * len(TURN_RE.findall(text))
        self.author_qs = sum(ctx.voice(q.start) == "author" for q in qs)
        self.n_qs = len(qs)

    def holding(self, pos: int):
        """The item whose quoted parts hold ``pos``."""
        i = bisect_right(self.starts, pos) - 1
        while i >= 0:
            it = self.items[i]
            if it.start <= pos < it.end:
                if not it.parts or any(a <= pos < b for a, b in it.parts):
                    return it
            if it.end < pos - 2000:
                break
            i -= 1
        return None


def context_features(env, qi: QuoteIndex, q: QuestionSpan, voice: str, form: dict[str, float],
                     head: bool, subhead: bool) -> dict[str, float]:
    """Context features of ``q`` (names prefixed ``c_``)."""
    text, doc = env.text, env.doc
    sent = doc.sentences[q.sentence]
    ps, pe = doc.paragraphs[sent.paragraph]
    f: dict[str, float] = {}
    near = text[max(ps, sent.start - 40):min(len(text), sent.end + 100)]
    f["c_audience"] = float(bool(AUDIENCE_RE.search(near)))
    f["c_put_to"] = float(bool(PUT_TO_RE.search(text[max(0, q.start - 160):min(len(text), sent.end + 60)])))
    f["c_open_frame"] = float(bool(OPEN_RE.search(text[max(0, q.start - 300):q.start])))
    f["c_open_after"] = float(bool(OPEN_RE.search(text[q.end:min(len(text), q.end + 200)])))
    f["c_doc_interview"] = math.log1p(qi.interview) / 2.0
    f["c_doc_self"] = min(1.0, qi.self_rate * 30)
    f["c_doc_you"] = min(1.0, qi.you_rate * 50)
    f["c_doc_author_qs"] = math.log1p(qi.author_qs) / 2.0
    f["c_doc_quoted_share"] = (qi.n_qs - qi.author_qs) / max(1, qi.n_qs)
    it = qi.holding(q.start)
    if it is not None:
        f["c_in_item"] = 1.0
        lemma = (it.cue_lemma or "none").lower()
        f["c_cue_ask"] = float(lemma in ("ask", "wonder", "demand", "press", "inquire", "question"))
        f["c_speaker_named"] = float(it.speaker_type == "named")
        f["c_speaker_unknown"] = float(it.speaker is None)
        frame = text[max(ps, sent.start - 200):q.start]
        f["c_colon_list"] = float(frame.rstrip(" \"'“‘").endswith(":") and bool(
            re.search(r"question|asked|asks|reads|here they are|survey|poll", frame, re.I)))
    # headline / subhead by form
    for pos_name, on in (("head", head), ("sub", subhead)):
        if on:
            for k in ("wh", "yes_no", "negation", "modal", "you", "first_person", "fragment",
                      "start_what", "start_who", "start_how", "start_why"):
                if form.get(k):
                    f[f"c_{pos_name}_{k}"] = 1.0
    return f
