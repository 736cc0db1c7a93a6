"""Quotation attribution: who is quoted, in whose words, introduced how.

Reads the Document's quoted regions and tokens; assigns ``quotes`` and
``voices``: the content of every direct, indirect and mixed quote, from which
the pipeline builds the voice map that later analyzers use for their
``voice`` field — so a hedge inside reported speech counts as "quoted".

What it finds (rules over the Document's tokens and quoted regions, no model;
the steps live in ``marks`` (regions, scare quotes), ``attribution``
(cues and speakers' phrases), ``speakers`` (typing and naming
speakers), ``content`` (content spans), ``regions`` (quotes no
cue claimed) and ``build`` (resolution and the section)):

* **direct** quotes in any mark style (“…”, "…", ‘…’, «…», „…“, ''…''),
  multi-paragraph quotes, and quotes interrupted by their attribution
  (“We will not stop,” she said, “until …”) — one item, one speaker;
* **indirect** speech: SPEAKER CUE [that] CONTENT; CONTENT, SPEAKER CUE;
  CONTENT, CUE SPEAKER; "according to X"; "X told reporters …"; "In a
  statement, X …"; colon ("Trump: …") and dash ("… — Ann Ruiz") attributions;
  sourced claims ("reports indicate …", "sources said …");
* **mixed** quotes: reported speech holding a quoted fragment (officials
  called the report “deeply flawed”);
* scare quotes, nicknames and titles of works, reported apart as not speech.

One item per attribution. A quote whose attribution interrupts it, or that
goes on after the attribution in further quoted sentences of the same
paragraph (“A,” said X. “B.”) or in a paragraph of quotes only after it
(a floating quote), is one item: ``start``/``end`` run from the
first quoted segment to the last (so ``text`` shows the attribution between
them) and ``parts`` lists the quoted segments alone; word counts, voice
regions and the benchmark's overlap use ``parts``. This follows the
annotation of PolNeAR (Newell et al. 2018), where such a quote is one
attribution with a discontinuous content span.

Anchors: GenderGapTracker (Asr et al. 2021) for floating quotes (a quote
paragraph whose speaker is named in the paragraph before) and the overlap
measure; Bergler (1992), Caldas-Coulthard (1994), Thompson & Ye (1991) for
the reporting-verb categories in ``lexicons/cue_verbs.tsv``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress
from typing import Optional

from ...document import Document
from ...lexicons import load_table
from ...report import QuotesSection
from ..base import Analyzer, Context
from .attribution import Attribution, find_attribution, match_cue
from .content import assign_contents, drop_nested
from .headlines import in_spans, is_label, is_title_line, kicker_spans, title_case_lines
from .lexicon import DETERMINERS, lexicon
from .openers import common_word
from .marks import Region, non_speech_kind, regions
from .regions import place_regions
from .build import build
from .speakers import Tokens


def analyze_quotes(doc: Document) -> tuple[QuotesSection, list[tuple[int, int]]]:
    """The quotes section and the content spans to add to the voice map."""
    if not doc.tokens:
        return QuotesSection(), []
    lex = lexicon()
    tk = Tokens(doc, lex)
    regs = regions(doc)
    named = {r: non_speech_kind(doc.text, r) for r in regs}
    speech_regs = [r for r in regs if named[r] is None]
    inq = _in_quote(doc, regs)
    sent_lo, sent_hi = _sentence_tokens(doc)
    attrs = _find_attributions(tk, inq, sent_lo, sent_hi)
    assign_contents(doc, tk, speech_regs, attrs, sent_lo, sent_hi)
    items = drop_nested([a for a in attrs if a.parts])
    scare = [(r, k) for r, k in named.items() if k is not None]
    scare += place_regions(doc, tk, speech_regs, items)
    scare.sort()
    items.sort(key=lambda a: a.parts[0][0])
    return build(doc, lex, tk, items, scare)


def _run(ctx: Context) -> dict:
    section, voice_regions = analyze_quotes(ctx.doc)
    return {"quotes": section, "voices": voice_regions}


ANALYZER = Analyzer("quotes", _run, (), "direct, indirect and mixed quotes with speakers and cues",
                    assigns=("quotes", "voices"))


# -- token bookkeeping -------------------------------------------------------------
def _in_quote(doc: Document, regs: list[Region]) -> list[int]:
    """Per token: the index of the quoted region holding it, or -1."""
    out = [-1] * len(doc.tokens)
    for ri, r in enumerate(regs):
        lo, hi = doc.token_index(r.start), doc.token_index(r.end)
        out[lo:hi] = [ri] * (hi - lo)
    return out


def _sentence_tokens(doc: Document):
    """Token range [lo, hi) of every sentence."""
    ti = doc.token_index
    lo = [ti(s.start) for s in doc.sentences]
    hi = [ti(s.end) for s in doc.sentences]
    return lo, hi


def _find_attributions(tk: Tokens, inq, sent_lo, sent_hi) -> list[Attribution]:
    attrs: list[Attribution] = []
    doc, cues, low = tk.doc, tk.lex.cues, tk.low
    skip_to = -1
    toks = tk.toks
    starts = tk.lex.cue_starts
    sentence_index = doc.sentence_index
    labels = kicker_spans(doc)  # kicker lines in capitals: no cue, no speaker
    titles = title_case_lines(doc)  # headlines in Title Case: capitalised cues
    for i in compress(range(len(low)), map(starts.__contains__, low)):
        if i < skip_to or inq[i] >= 0 or labels and in_spans(labels, toks[i].start):
            continue
        s = sentence_index(toks[i].start)
        if s is None:
            continue
        forms = cues.get(low[i])  # None for ":"
        if forms is None:
            if i - sent_lo[s] <= 8:
                a = _colon(tk, i, sent_lo[s], sent_hi[s], s)
                if a is not None:
                    attrs.append(a)
            continue
        form = match_cue(tk, i, inq, forms)
        if form is None:
            continue
        earlier = [a for a in attrs[-3:] if a.sent == s]
        title = tk.cap[i] and bool(titles) and in_spans(titles, toks[i].start)
        a = find_attribution(tk, i, form, sent_lo[s], sent_hi[s], s, earlier, title)
        if a is not None:
            attrs.append(a)
            skip_to = i + len(form.words)
    return attrs


NOT_SPEECH_RE = re.compile(r"\s*(?:https?://|www\.|\S+@\S+\.\w+|[\d.,%$ ]+$)")


@lru_cache(maxsize=1)
def colon_labels() -> frozenset[str]:
    return frozenset(row["label"] for row in load_table("quote_labels.tsv"))


def _colon(tk: Tokens, i: int, lo: int, hi: int, s: int) -> Optional[Attribution]:
    """"Trump: We will win" — a name, a colon and what they said."""
    k = i - 1
    if k < lo or i + 3 > hi:
        return None
    span = tk.np_left(k, lo)
    if span is None or span[0] != lo or common_word(tk, *span):
        return None  # "Question: …", "Wait: …" — an ordinary word, no speaker
    m = tk.mention(*span)
    if m.type not in ("named", "organisation") or "'" in m.text or "’" in m.text:
        return None
    if " ".join(m.text.lower().split()) in colon_labels():
        return None  # "CORRECTION: …", "Delegate Update: …": a label, not a speaker
    rest = tk.text[tk.toks[i].end:tk.toks[hi - 1].end]
    if not any(c.isalpha() for c in rest) or NOT_SPEECH_RE.match(rest):
        return None  # "Clinton: 1,769" (a tally), "EMAIL: x@y.com", a link
    t = tk.toks[i]
    if is_label(tk.doc, m.text, m.start):
        return None  # "BETRAYED: Lintmark bosses pocket millions": a headline's label
    para = next((p for p in tk.doc.paragraphs if p.start <= t.start < p.end), None)
    if para is not None and para.start == 0 and m.text.split()[0].lower() in DETERMINERS and any(
            tk.low[x] in tk.lex.cues and not tk.cap[x] for x in range(i + 2, hi)):
        return None  # "The Latest: Ruiz says …" — a column label; the cue after it reports
    if para is not None and (m.type != "named" or m.text.split()[0].lower() in DETERMINERS) and \
            is_title_line(tk.text, para.start, t.start, para.end):
        return None  # "The Ninth Circle: The Hellish View from …": a title, not a person
    a = Attribution(t.start, t.end, i, i + 1, ":", "neutral", "speech", "phrase", s, m)
    a.start, a.end, a.right_tok, a.pattern = m.start, t.end, i + 1, "colon"
    return a


