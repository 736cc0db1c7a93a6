"""Quoted regions no attribution claimed, placed the way news writes them.

* a quote that goes on after its attribution ("“A,” said X. “B.”") or
  precedes it ("“A.” “B,” she said.") joins that attribution's item;
* a paragraph of quotes only, right after a paragraph ending with X's
  quote, is X's (a "floating quote", as the GenderGapTracker calls it) and a
  further part of that same item (PolNeAR codebook §3: one attribution, one
  speaker, a discontinuous content);
* a quote signed with a dash at the end of its line ("“…” ― Ann Ruiz") or
  labelled in a transcript ("RUIZ: …") is the signer's;
* a quote inside the writer's own sentence is taken as spoken by the
  sentence's subject (low confidence);
* a quote opening a sentence after one that ends with a colon is spoken by
  that sentence's subject (or the nearest name before the colon); one
  after another attribution of its paragraph, by that attribution's
  speaker (``floating``, confidence 0.6);
* a short quoted phrase with no speaker is a scare quote; the rest are
  direct quotes of unknown speaker (``speaker: null``).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import chain
from typing import Iterable, Iterator, Optional

from ...document import Document
from .attribution import Attribution, _sentence_subject
from .build import NOT_WORDS
from .content import trim
from .openers import common_word
from .marks import WORD_RE, Region
from .speakers import Mention, Tokens

DASH_LINE_RE = re.compile(
    r"(?m)^[ \t\xa0]*(?P<c>[“”\"‘’'][^\n]*?[”\"’'.!?])[ \t\xa0]*(?P<d>―|—|–|--)[ \t\xa0]*"
    r"(?P<n>[A-Z][\w’'.-]*(?:[ \t][A-Z][\w’'.-]*){0,4})[ \t\xa0.]*$")
DASH_RE = re.compile(r"[―—–]|--")
LABEL_RE = re.compile(r"(?m)^[\"“]?([A-Z][A-Z.’' -]{1,30}[A-Z]):\s")
SCARE_WORDS = 4
CONNECTIVES = frozenset(("but", "and", "yet", "still", "so", "also", "however", "or"))
CONFIDENCE = {
    "quote-cue": 0.95, "interrupted": 0.95, "cue-quote": 0.95, "continuation": 0.9,
    "speaker-cue-content": 0.85, "content-speaker-cue": 0.85, "content-cue-speaker": 0.85,
    "according-to": 0.85, "parenthetical": 0.8, "colon": 0.8, "dash": 0.8,
    "colon-next-paragraph": 0.85, "floating": 0.6, "unattributed": 0.3,
}


def _dash_lines(doc: Document, tk: Tokens, items: list[Attribution]) -> None:
    """Quotes signed with a dash at the end of their line: “…” ― Ann Ruiz."""
    text = doc.text
    if not _dash_signed(text):
        return
    taken = sorted((a.parts[0][0], a.parts[-1][1]) for a in items)
    for m in DASH_LINE_RE.finditer(text):
        cs, ce = m.span("c")
        if any(s < ce and cs < e for s, e in taken):
            continue
        speaker = _dash_speaker(tk, *m.span("n"))
        if speaker is None or speaker.type == "pronoun":
            continue
        ds, de = m.span("d")
        si = doc.sentence_index(cs)
        a = Attribution(ds, de, -1, -1, "—", "neutral", "speech", "phrase", si or 0, speaker)
        a.parts, a.kind, a.pattern = [(cs, ce)], "direct", "dash"
        items.append(a)


def _dash_signed(text: str) -> bool:
    """Whether a dash follows a closing mark or final punctuation anywhere, as
    on every dash-signed line: a cheap test that lets most texts skip
    DASH_LINE_RE's line-by-line scan."""
    for m in DASH_RE.finditer(text):
        p = m.start()
        while p > 0 and text[p - 1] in " \t\xa0":
            p -= 1
        if p > 0 and text[p - 1] in "”\"’'.!?":
            return True
    return False


def place_regions(doc: Document, tk: Tokens, regs: list[Region],
                   items: list[Attribution]) -> list[tuple[Region, str]]:
    """Join unattributed quotes to the attribution of their paragraph, give
    floating quote paragraphs the speaker of the paragraph before, and sort
    the rest into unattributed quotes, scare quotes, nicknames and titles."""
    text = doc.text
    paras = doc.paragraphs
    pstarts = [p.start for p in paras]

    def para(pos: int) -> int:
        return bisect_right(pstarts, pos) - 1

    _dash_lines(doc, tk, items)
    covered = sorted(p for a in items for p in a.parts)
    cstarts = [c[0] for c in covered]

    def is_covered(r: Region) -> bool:
        i = bisect_right(cstarts, r.start) - 1
        return (i >= 0 and covered[i][1] >= r.end) or any(
            s < r.end and r.start < e for s, e in covered[max(0, i - 1):i + 2])

    by_para: dict[int, list[Attribution]] = {}
    # each paragraph's items kept sorted by (first part's start, arrival): the
    # order sorted() gave, without sorting the paragraph again for every
    # region (quadratic in a paragraph of thousands of quotes)
    order: dict[int, tuple[list[tuple[int, int]], list[Attribution]]] = {}

    def add(pi: int, a: Attribution) -> None:
        lst = by_para.setdefault(pi, [])
        keys, objs = order.setdefault(pi, ([], []))
        key = (a.parts[0][0], len(lst))
        j = bisect_right(keys, key)
        keys.insert(j, key)
        objs.insert(j, a)
        lst.append(a)

    for a in items:
        add(para(a.parts[0][0]), a)
    reg_ends = [r.end for r in regs]  # regions are sorted and disjoint: ends ascend too
    scare: list[tuple[Region, str]] = []
    new: dict[int, Attribution] = {}
    for r in regs:
        if is_covered(r):
            continue
        labels = list(LABEL_RE.finditer(text, r.start, r.end))
        if labels:  # a transcript: "PENCE: Well, look …"
            for li, m in enumerate(labels):
                end = labels[li + 1].start() if li + 1 < len(labels) else r.end
                ps, pe = trim(text, m.end(), end)
                if pe <= ps:
                    continue
                ns, ne = m.span(1)
                a = Attribution(ne, ne + 1, -1, -1, ":", "neutral", "speech", "phrase",
                                doc.sentence_index(ns) or 0,
                                Mention(ns, ne, text[ns:ne], "named", text[ns:ne].title()))
                a.parts, a.kind, a.pattern = [(ps, pe)], "direct", "colon"
                items.append(a)
            continue
        si = doc.sentence_index(r.start)
        sent = doc.sentences[si] if si is not None else None
        sent_start = sent.start if sent else r.start
        lead = text[sent_start:r.start].strip().strip(" “\"‘(—–-")
        if lead.rstrip(",").lower() in CONNECTIVES:
            lead = ""  # "… ,” he said. But “…”": the quote still opens the sentence
        full = not lead or text[r.content_end - 1:r.content_end] in ".?!…"
        if r.words <= SCARE_WORDS and not full:
            scare.append((r, "scare"))
            continue
        pi = para(r.start)
        keys, here = order.get(pi, ((), ()))
        # the paragraph's items ending before the region, last first (starting
        # before it, so a prefix of ``here``), and the first starting after it
        before = _ending_before(here, bisect_right(keys, (r.start, -1)), r.start)
        last_before = next(before, None)
        j = bisect_right(keys, (r.end, -1))
        first_after = here[j] if j < len(here) else None
        host = None if last_before is None else _last_direct(chain([last_before], before))
        if host is not None and _gap_ok(doc, host, host.parts[-1][1], r.start, not lead) and (
                not lead or host.cue_start >= sent_start):
            host.parts.append((r.start, r.end))
            continue
        if not lead and first_after is not None and last_before is None \
                and first_after.kind == "direct" \
                and first_after.speaker is not None and not WORD_RE.search(
                    text, r.end, first_after.parts[0][0]):
            first_after.parts.insert(0, (r.start, r.end))  # “A.” “B,” she said.
            key = (r.start, keys.pop(j)[1])
            here.pop(j)
            j = bisect_right(keys, key)
            keys.insert(j, key)
            here.insert(j, first_after)
            continue
        if pi in new and not lead:  # a second unattributed quote in the paragraph
            new[pi].parts.append((r.start, r.end))
            continue
        a = Attribution(r.start, r.start, -1, -1, "", "", "speech", "", si or 0)
        a.parts, a.kind, a.pattern = [(r.start, r.end)], "direct", "unattributed"
        if lead and sent is not None:
            # a quote inside the writer's sentence: its subject speaks it
            a.kind = "mixed"
            lo = doc.token_index(sent.start)
            subj = _subject(tk, lo, doc.token_index(r.start))
            if subj is None and lead.endswith(":"):
                subj = _named_before(tk, lo, doc.token_index(text.rindex(":", sent_start, r.start)))
            if subj is not None:
                a.speaker, a.pattern = subj, "colon" if lead.endswith(":") else "subject"
                if lead.endswith(":"):
                    c = text.rindex(":", sent_start, r.start)
                    a.cue_start, a.cue_end, a.lemma, a.category = c, c + 1, ":", "neutral"
        elif not here and pi > 0 and by_para.get(pi - 1) and _only_quotes(
                text, paras[pi], regs, bisect_right(reg_ends, paras[pi].start)):
            last = max(by_para[pi - 1], key=lambda x: x.parts[-1][1])
            last_sent = doc.sentence_index(paras[pi - 1].end - 1)
            if last.speaker is not None and last.kind in ("direct", "mixed") \
                    and last.frame not in NOT_WORDS and last_sent is not None \
                    and doc.sentences[last_sent].start <= max(last.parts[-1][1], last.cue_start):
                # a floating quote goes on with the attribution before it: one
                # item, one speaker, the paragraph a further part (PolNeAR §3)
                last.parts.append((r.start, r.end))
                new[pi] = last
                by_para.setdefault(pi, []).append(last)
                continue
        if a.speaker is None and not lead and si:
            _fall_back(doc, tk, a, si, last_before)
        new[pi] = a
        items.append(a)
        add(pi, a)
    for a in items:
        a.parts.sort()
        a.confidence = CONFIDENCE.get(a.pattern, 0.75)
        if a.frame in ("cognition", "evidence", "object", "stance", "intention", "topic"):
            a.confidence = min(a.confidence, 0.7)
    return scare


def _fall_back(doc: Document, tk: Tokens, a: Attribution, si: int,
               before: Optional[Attribution]) -> None:
    """A quote that opens a sentence and that no cue claims: spoken by the
    subject of the sentence before when that one ends with a colon ("Ruiz
    did not hold back: “…”"), else by the speaker of the attribution just
    before it in the paragraph — the GenderGapTracker's floating quote, low
    confidence. (The last speaker of the paragraph before, when that
    paragraph is not quotes only, was right for 3 of 10 such quotes on
    PolNeAR train: not used.)"""
    text = doc.text
    prev = doc.sentences[si - 1]
    end = prev.end
    while end > prev.start and text[end - 1].isspace():
        end -= 1
    if text[end - 1:end] == ":" and not WORD_RE.search(text, end, a.parts[0][0]):
        lo, colon = doc.token_index(prev.start), doc.token_index(end - 1)
        subj = _subject(tk, lo, colon) or _named_before(tk, lo, colon)
        if subj is not None:
            a.speaker, a.pattern = subj, "colon"
            a.cue_start, a.cue_end, a.lemma, a.category = end - 1, end, ":", "neutral"
            return
    if before is not None and before.speaker is not None and before.frame not in NOT_WORDS \
            and before.frame not in ("cognition", "evidence"):
        a.speaker, a.antecedent, a.pattern = before.speaker, before.antecedent, "floating"


def _gap_ok(doc: Document, host: Attribution, s: int, e: int, opens: bool) -> bool:
    """Between a quote and its continuation lies nothing but the quote's own
    attribution (and what continues it: "…, adding that …"): at most 30
    words, or — when the continuation opens a sentence — however long the
    rest of the attribution's sentence is ("“A,” X said, as the crowd … .
    “B.”"), the sentence right before the continuation."""
    words = len(WORD_RE.findall(doc.text, s, e))
    if words == 0:
        return True
    if not s <= host.cue_start < e:
        return False
    if words <= 30:
        return True
    si, sr = doc.sentence_index(host.cue_start), doc.sentence_index(e)
    return opens and si is not None and sr == si + 1


def _ending_before(here: list[Attribution], k: int, pos: int) -> Iterator[Attribution]:
    """Of the first ``k`` items of ``here`` (those starting before ``pos``),
    the ones ending by ``pos``, last first, lazily."""
    for i in range(k - 1, -1, -1):
        if here[i].parts[-1][1] <= pos:
            yield here[i]


def _last_direct(before: Iterable[Attribution]) -> Optional[Attribution]:
    """The paragraph's last direct quote with a speaker, if nothing said by
    someone else came after it ("“A,” X said, adding that … “B.”");
    ``before`` is last first."""
    for a in before:
        if a.kind in ("direct", "mixed") and a.speaker is not None:
            return a
        if not a.shared:
            return None
    return None


def _only_quotes(text: str, para, regs: list[Region], first: int = 0) -> bool:
    """The paragraph is quoted material only (a GenderGapTracker "floating
    quote"); ``regs`` are sorted and disjoint, ``first`` the first that ends
    inside or after the paragraph."""
    pos = para.start
    for i in range(first, len(regs)):
        r = regs[i]
        if r.start >= para.end:
            break
        if r.end <= para.start:
            continue
        if text[pos:r.start].strip(" \t\n.,;:—–-"):
            return False
        pos = max(pos, r.end)
    return not text[pos:para.end].strip(" \t\n.,;:—–-")


def _named_before(tk: Tokens, lo: int, colon: int) -> Optional[Mention]:
    """The nearest name before a colon that introduces a quote, in the
    colon's clause (back to a dash, semicolon or quote): "… doesn't surprise
    pollster Ann Ruiz: “…”", "— Ruiz called them on it: “…”"."""
    t = colon - 1
    while t >= lo and tk.toks[t].text not in ("—", "–", ";", "”", "“", '"'):
        if tk.is_name_word(t) and not (t + 1 < colon and tk.is_name_word(t + 1)):
            span = tk.np_left(t, lo)
            if span is not None and not common_word(tk, *span):
                m = tk.mention(*span)
                if m.type in ("named", "organisation"):
                    return m
        t -= 1
    return None


def _subject(tk: Tokens, lo: int, before: int) -> Optional[Mention]:
    m = _sentence_subject(tk, lo, before)
    if m is None or m.type == "unnamed" and m.gender != "p":
        return None
    return m


def _dash_speaker(tk: Tokens, s: int, e: int) -> Optional[Mention]:
    i = tk.doc.token_index(s)
    k = i
    while k + 1 < len(tk.toks) and tk.toks[k + 1].end <= e:
        k += 1
    while k > i and not tk.toks[k].is_word:
        k -= 1
    span = tk.np_left(k, i)
    return tk.mention(*span) if span and span[0] == i else None


