"""Features of one question for the learned classifier (:mod:`.model`).

Three groups, after Bhattasali et al. (2015, ACL), who found that the
surrounding turns add to a question's own words in telling rhetorical from
information-seeking questions:

* **form** — how the question is built: wh- or yes/no opening, negation,
  modals, "really"/"ever", second and first person, length, fragments and
  declarative word order (Gunlogson 2001), interrobangs, runs of questions;
* **the rules' cues** — every cue of :mod:`.classify` (Han 2002; Koshik
  2005; Ilie 1994; Oraby et al. 2017) and the rules' own decision;
* **context** — voice and how it was found, transcript turns, headline and
  subhead position, a questioning cue verb ("asked", "pressed"), a reply by
  another speaker ("replied", the next turn, the next quotation), an answer
  in the next sentence by the same voice (the hypophora tests of
  :mod:`.classify`), "the question is …" frames, reader call-outs, and the
  position in the article.

All values are 0/1 or small reals; names are stable strings that the model
file keys its weights by (an unknown feature simply has no weight).
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left

from .classify import Env, _answers
from .context import QuoteIndex, context_features
from .structure import FRAME_RE as _REPORT_FRAME_RE
from .structure import Structure, turn_label, words_re
from .text import AUX, QWORD, QuestionSpan, core, plain

__all__ = ["question_features", "RULE_CUES"]

RULE_CUES = ("negative_yes_no", "negative_wh", "modal_wh", "why_should", "tag", "minimizer", "npi",
             "fixed", "incredulity", "declarative", "exclamatory", "headline", "qa_question",
             "qa_answer", "reported", "reader_call", "answered_same_turn", "answered_next_sentence",
             "answered_by_quote", "subhead_answered", "no_answer_follows")

ASK_RE = words_re("ask")
REPLY_RE = words_re("reply")
READER_RE = words_re("reader_call")
FRAME_RE = words_re("frame")
WH_START_RE = re.compile(rf"^(?:{QWORD})\b")
AUX_START_RE = re.compile(rf"^(?:{AUX})\b")
NEG_RE = re.compile(r"\b(?:\w+n't|not|never|nobody|no one|nothing)\b")
MODAL_RE = re.compile(r"\b(?:would|could|should|can|might|must)\b")
YOU_RE = re.compile(r"\b(?:you|your|you're|you've)\b")
WE_RE = re.compile(r"\b(?:i|we|me|us|our|my|i'm|we're)\b")
REALLY_RE = re.compile(r"\b(?:really|seriously|honestly|ever|even|exactly|the hell|on earth)\b")
TAG_END_RE = re.compile(r"(?:,\s*|\b)(?:right|okay|ok|huh|eh|no|isn't it|aren't they|don't you|"
                        r"didn't it|wasn't it|won't you|alright|yes)\s*[?!]+$")
UNCLEAR_RE = re.compile(r"\b(?:unclear|not clear|remains to be seen|no way to (?:tell|know)|nobody knows|"
                        r"no one knows|who knows|never know|hard to say|too early to (?:say|tell)|"
                        r"open question|anyone's guess)\b", re.I)
ANSWER_NEAR_RE = re.compile(r"\b(?:the answer(?: is|:|,)|answer:|the short answer|here's why|the reason is)", re.I)
VOCATIVE_RE = re.compile(r"^(?:(?:mr|mrs|ms|dr|senator|secretary|president|governor|madam|sir)\b\.?\s*"
                         r"[A-Z]?[\w'-]*|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?),\s")
EMAIL_RE = re.compile(r"\b(?:e-?mail(?:ed|s)?|writes to|wrote to|texted|messaged)\b", re.I)
FUTURE_RE = re.compile(r"\b(?:will|going to|'ll)\b")
LEX_RE = re.compile(r"[a-z']+")
TITLE_RE = re.compile(r"^(?:[\W_]*[A-Z0-9][\w'’-]*[\W_]*)+$")
# a character outside each strip set below: searching for one from a question's
# end stops at the first such character, where stripping a slice of the rest of
# the paragraph (or text) read all of it for every question (quadratic, issue 19)
ALONE_INK = re.compile("[^" + re.escape(" \t\"'“”‘’*_-—–:.;") + "]")
PARA_INK = re.compile("[^" + re.escape(" \t\"'”’)»") + "]")
TEXT_INK = re.compile("[^" + re.escape(" \t\n\"'”’)»") + "]")


def question_features(env: Env, st: Structure, q: QuestionSpan, rule_type: str, cues: list[str],
                      voice: str, voice_cues: list[str], qi: QuoteIndex | None = None) -> dict[str, float]:
    """The feature dict of question ``q``."""
    text, doc = env.text, env.doc
    qtext = text[q.start:q.end]
    qn = core(qtext)
    qp = plain(qtext)
    words = qn.split()
    sent = doc.sentences[q.sentence]
    pi = sent.paragraph
    ps, pe = doc.paragraphs[pi]
    f: dict[str, float] = {"bias": 1.0}
    # -- form
    wh = bool(WH_START_RE.match(qn))
    aux = bool(AUX_START_RE.match(qn))
    f["wh"] = float(wh)
    f["yes_no"] = float(aux)
    for w in ("why", "how", "what", "who"):
        f["start_" + w] = float(qn.startswith(w + " ") or qn == w)
    f["negation"] = float(bool(NEG_RE.search(qn)))
    f["modal"] = float(bool(MODAL_RE.search(qn)))
    f["you"] = float(bool(YOU_RE.search(qn)))
    f["first_person"] = float(bool(WE_RE.search(qn)))
    f["intensifier"] = float(bool(REALLY_RE.search(qn)))
    f["tag_end"] = float(bool(TAG_END_RE.search(qp)))
    f["fragment"] = float(len(words) <= 4 and not wh and not aux)
    f["declarative_form"] = float(len(words) > 4 and not wh and not aux)
    f["log_words"] = math.log1p(len(words)) / 3.0
    lex = LEX_RE.findall(qn)
    if lex:
        f["w1=" + lex[0]] = 1.0
        if len(lex) > 1:
            f["w12=" + " ".join(lex[:2])] = 1.0
    f["future"] = float(bool(FUTURE_RE.search(qn)))
    f["vocative"] = float(bool(VOCATIVE_RE.match(qtext.lstrip(" \"'“‘"))))
    f["interrobang"] = float("!" in qtext[-3:] or qtext.endswith("??"))
    prev_q = env.question_at_before(q)
    next_q = env.question_at(q.end, pe) is not None
    f["in_run"] = float(prev_q or next_q)
    # -- the rules
    for c in RULE_CUES:
        f["cue_" + c] = float(c in cues)
    f["rule_" + rule_type] = 1.0
    # -- voice and turns
    f["quoted"] = float(voice == "quoted")
    f["in_marks"] = float(q.quote is not None)
    for c in voice_cues:
        f["voice_" + c] = 1.0
    label = turn_label(text, ps, pe)
    f["turn_q"] = float(label == "Q")
    f["turn_answer"] = float(label in ("A", "speaker"))
    # -- position and layout
    head = env.headline is not None and env.headline.start <= q.start < env.headline.end
    alone = not (ALONE_INK.search(text, ps, q.start) or ALONE_INK.search(text, q.end, pe))
    short = len(words) <= 10
    if st.one_per_line:
        subhead = alone and short and (bool(TITLE_RE.match(qtext.strip())) or qtext.isupper()
                                       or text[ps:q.start].lstrip().startswith("_"))
    else:
        subhead = alone and short and pi > 0
    f["headline"] = float(head or (pi == 0 and alone))
    f["subhead"] = float(subhead and not head)
    f["upper"] = float(sum(c.isupper() for c in qtext) > 0.6 * max(1, sum(c.isalpha() for c in qtext)))
    f["position"] = q.start / max(1, len(text))
    f["one_per_line"] = float(st.one_per_line)
    # -- frames before the question
    frame = text[sent.start:q.start]
    f["frame_question"] = float(bool(FRAME_RE.search(frame)) or bool(FRAME_RE.search(
        text[max(ps, q.start - 60):q.start])))
    f["frame_colon"] = float(frame.rstrip().endswith(":"))
    window_after = text[q.end:min(len(text), q.end + 90)]
    before = text[max(0, q.start - 120):q.start]
    f["ask_cue"] = float(bool(ASK_RE.search(window_after[:60])) or bool(ASK_RE.search(before[-80:])))
    f["reported_frame"] = float(bool(_REPORT_FRAME_RE.search(frame)))
    # -- what follows
    si = q.sentence
    nxt_text = ""
    nxt_para = None
    if si + 1 < len(doc.sentences):
        nxt = doc.sentences[si + 1]
        nxt_text = text[nxt.start:nxt.end]
        nxt_para = nxt.paragraph
    f["next_sentence_quote"] = float(nxt_para == pi and bool(nxt_text) and
                                     (nxt_text.lstrip()[:1] in "\"“'‘" or env.ctx.voice(
                                         doc.sentences[si + 1].start) == "quoted"))
    f["reply_cue"] = float(bool(REPLY_RE.search(nxt_text)) or bool(REPLY_RE.search(window_after)))
    if pi + 1 < len(doc.paragraphs):
        nps, npe = doc.paragraphs[pi + 1]
        nlabel = turn_label(text, nps, npe)
        f["next_turn_other"] = float(nlabel in ("A", "speaker") and label != nlabel or
                                     (label == "speaker" and nlabel == "speaker"))
        f["next_para_quoted"] = float(env.ctx.voice(nps) == "quoted" or text[nps:nps + 2].lstrip()[:1]
                                      in "\"“'‘")
    if pi > 0:
        pps, ppe = doc.paragraphs[pi - 1]
        f["prev_para_colon"] = float(text[pps:ppe].rstrip().endswith(":"))
    follow = text[q.end:min(len(text), q.end + 220)]
    f["next_unclear"] = float(bool(UNCLEAR_RE.search(follow)))
    f["answer_phrase_near"] = float(bool(ANSWER_NEAR_RE.search(follow)))
    f["email"] = float(bool(EMAIL_RE.search(text[sent.start:min(sent.end + 80, len(text))])))
    n_in_para = bisect_left(env.q_starts, pe) - bisect_left(env.q_starts, ps)
    f["log_questions_in_para"] = math.log1p(n_in_para) / 2.0
    f["reader_call"] = float(_reader_call(env, text, q.end, min(pe + 160, len(text))))
    f["last_in_para"] = float(not PARA_INK.search(text, q.end, pe))
    f["end_of_text"] = float(not TEXT_INK.search(text, q.end))
    # an answer by the same stretch of text (quote or narration) right after
    stretch = env.next_stretch(q.end, q.quote.content_end if q.quote is not None else pe, cross=False)
    rule = _answers(qtext, text[stretch[0]:stretch[1]]) if stretch else None
    f["answer_next"] = float(rule is not None)
    if stretch is None and nxt_text and nxt_para is not None:
        rule2 = _answers(qtext, nxt_text)
        f["answer_next_sentence"] = float(rule2 is not None)
    if stretch is not None:
        after = text[stretch[0]:stretch[1]].strip().lower()
        f["next_nobody_knows"] = float(after.startswith(("nobody", "no one", "who knows", "it's unclear",
                                                           "it is unclear", "it's not clear")))
    if qi is not None:
        f.update(context_features(env, qi, q, voice, f, bool(f["headline"]), bool(f["subhead"])))
    # voice-specific copies: the same cue can mean different things in the
    # author's narration and in a quotation
    tag = "Q:" if voice == "quoted" else "A:"
    for name in [n for n in f if "=" not in n and n != "bias"]:
        if f[name]:
            f[tag + name] = f[name]
    return f


def _reader_call(env: Env, text: str, start: int, lim: int) -> bool:
    """``READER_RE.search(text[start:lim])``, from one scan of the text
    (cached on ``env``): a match of the whole text inside ``[start, lim)``,
    or one that ``lim`` cuts (the slice's end lets the closing lookahead
    pass), looked for in the last 100 characters only."""
    found = env.__dict__.get("_reader_matches")
    if found is None:
        ms = [(m.start(), m.end()) for m in READER_RE.finditer(text)]
        found = env._reader_matches = ([a for a, _ in ms], [b for _, b in ms])
    starts, ends = found
    i = bisect_left(starts, start)
    if i < len(starts) and ends[i] <= lim:
        return True
    pos = max(start, lim - 100)
    return bool(READER_RE.search(text[start:lim]) if pos == start else READER_RE.search(text, pos, lim))
