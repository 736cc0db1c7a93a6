"""Quotation contents: which words each attribution reports.

For every attribution found by :mod:`attribution`, decide on which side of
the cue its content lies — a quote just before ("“…,” she said"), a quote or a
clause just after ("she said: “…”", "she said that …"), both (interrupted
quotes and parentheticals: "The repairs, she said, will take years") or the
sentence before the attribution ("…, officials said") — and where it ends (the
sentence end, or the next attribution of the sentence unless nested in it).
Content spans follow PolNeAR's annotation: an opening "that" is kept, the
final period is not, quotation marks are.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Optional

from ...document import Document
from .attribution import DAY_WORDS, Attribution, is_intro, skip_adverbials, that_ahead
from .lexicon import ADVERBS, AUX
from .marks import WORD_RE, Region
from .speakers import Tokens
from ...lexicons import word_list, word_tuple

TRAIL = " \t\n,;:—–-"
# cues whose content must follow them ("voters support Clinton"), never a quote before them
NON_SPEECH = frozenset(("cognition", "evidence", "stance", "intention", "topic"))
# after a non-speech cue these start a phrasal verb or an adjunct, not content
# ("backed away from", "plans in October", "thinks about")
PARTICLES = word_list("quote_words.tsv", "particles")
TRAIL_CONJ = word_tuple("quote_words.tsv", "trailing_conjunctions")
PREPOSITIONS = word_list("quote_words.tsv", "content_prepositions")
# verbs that report speech only with a clause or quote after them ("he continued:",
# not "the talks are continuing, he said")
NEEDS_CLAUSE = word_list("quote_words.tsv", "needs_clause")


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in TRAIL:
        s += 1
    while e > s and text[e - 1] in TRAIL:
        e -= 1
    e = _drop_trailing_conjunction(text, s, e)
    if e > s and text[e - 1] == "." and not (e - s > 2 and text[e - 3] == "." and text[e - 2].isupper()):
        e -= 1
        while e > s and text[e - 1] in TRAIL:
            e -= 1
    return s, e


def _drop_trailing_conjunction(text: str, s: int, e: int) -> int:
    """End of ``text[s:e]`` without a final ", and" / " but" (the conjunction
    and the whitespace, commas or semicolons before it; the conjunction may
    be followed by one final newline)."""
    ends = (e, e - 1) if e > s and text[e - 1] == "\n" else (e,)
    for end in ends:
        for w in TRAIL_CONJ:
            if text.endswith(w, s, end):
                p = end - len(w)
                if p > s and (text[p - 1].isspace() or text[p - 1] in ",;"):
                    while p > s and (text[p - 1].isspace() or text[p - 1] in ",;"):
                        p -= 1
                    return p
                break
    return e


def assign_contents(doc: Document, tk: Tokens, regs: list[Region], attrs: list[Attribution],
                     sent_lo, sent_hi) -> None:
    """Fill each attribution's content ``parts`` (or leave it empty to drop it)."""
    text, toks, low = doc.text, tk.toks, tk.low
    by_end = {r.end: r for r in regs}
    by_start = {r.start: r for r in regs}
    spans = {(r.start, r.end) for r in regs}
    for idx, a in enumerate(attrs):
        s = a.sent
        hi = sent_hi[s]
        S0, S1 = doc.sentences[s].start, doc.sentences[s].end
        prev = attrs[idx - 1] if idx and attrs[idx - 1].sent == s else None
        nxt = attrs[idx + 1] if idx + 1 < len(attrs) and attrs[idx + 1].sent == s else None
        t0 = a.right_tok
        if a.speaker_right and t0 < hi and toks[t0].text == "," and a.frame != "prep":
            t0 = _skip_apposition(tk, t0, hi)
        t = skip_adverbials(tk, t0, hi, a.lemma)
        if t < hi and low[t] != "that":
            t = that_ahead(tk, t, hi) or t
        comma_after = t < hi and toks[t].text == ","
        tr = t
        while tr < hi and toks[tr].text in (",", ":"):
            tr += 1
        c = toks[tr].start if tr < hi else S1
        # a quote right after the cue, or opening the next paragraph after "X said:"
        r_right = by_start.get(c) if tr < hi else None
        if r_right is None and tr >= hi and text[S1 - 1:S1] == ":" and a.cue_end <= S1:
            r_right = by_start.get(_next_nonspace(text, S1))
        # a quote, or comma-separated content, just before the attribution
        q = a.start
        while q > S0 and text[q - 1].isspace():
            q -= 1
        left_sep = text[q - 1] if q > S0 else ""
        if left_sep in ",—–-" and q - 1 > S0:
            q2 = q - 1
            while q2 > S0 and text[q2 - 1].isspace():
                q2 -= 1
            r_left = by_end.get(q2)
        else:
            r_left = by_end.get(q)
        L0 = max(S0, prev.end) if prev else S0
        r0 = region_at(regs, S0)
        if r0 is not None and r0.start < L0 and not prev:
            L0 = r0.start
        left_seg = None
        if a.antecedent is None and (left_sep in ",—–-" or a.frame == "prep"):
            ls, le = trim(text, L0, q - 1 if left_sep in ",—–-" else q)
            if le > ls and not is_intro(text, ls, le + 1):
                left_seg = (ls, le)
        if prev is not None and prev.opener and prev.parts and q <= prev.parts[-1][1] + 2:
            r_left = left_seg = None  # "Asked whether …, X said": the question is not X's words
        right_ok = tr < hi and (toks[tr].is_word or toks[tr].text in "“\"‘«„'") and not (
            a.lemma in NEEDS_CLAUSE and low[t] not in ("that", ":") and r_right is None) and not (
            low[tr] in ("and", "but", "or", "nor")
            or low[tr] in ("not", "to") and a.category not in ("commitment", "directive", "warning",
                                                             "intention", "refusal")
            or low[tr] in PREPOSITIONS and (r_left is not None or left_seg is not None
                                            or low[tr] in ("by", "during", "since", "with")) and not (
                low[tr] == "to" and a.category in ("commitment", "directive", "warning", "agreement")
                or low[tr] in ("for", "on") and a.frame == "object")
            or low[tr] in AUX and not (comma_after and left_seg is not None))
        if right_ok and a.frame in ("stance", "intention") and low[tr] in PARTICLES:
            right_ok = False
        has_right = tr < hi and toks[tr].is_word
        if low[tr:tr + 2] == ["not", "to"] if tr + 1 < hi else False:
            continue  # "who asked not to be named"
        right_end = _bound(a, nxt, S1, text)
        if a.limit:
            right_end = min(right_end, a.limit)
        if a.opener:
            right_end = _opener_end(text, a, attrs[idx + 1:], S1)
            if right_end is None:
                continue
        parts: list[tuple[int, int]] = []
        if r_left is not None and r_right is not None and (tr > t or t == t0):
            # “A,” she said, “b …” — not “A,” she said on “This Week”: a title
            # reached over adverbials without a comma is no second part
            parts, a.pattern = [(r_left.start, r_left.end), (r_right.start, r_right.end)], "interrupted"
        elif a.frame == "prep":
            if left_seg is not None:
                parts = [left_seg]
                if right_ok and comma_after:
                    parts.append(trim(text, c, right_end))
            elif right_ok:
                parts = [trim(text, c, right_end)]
            a.pattern = "according-to"
        elif a.speaker_right:
            if r_left is not None:
                parts, a.pattern = [_with_lead(text, r_left, L0, S0)], "quote-cue"
            elif left_seg is not None:
                parts, a.pattern = [left_seg], "content-cue-speaker"
                if comma_after and right_ok:
                    parts.append(trim(text, c, right_end))
                    a.pattern = "parenthetical"
            elif r_right is not None:
                parts, a.pattern = [(r_right.start, r_right.end)], "cue-quote"
        elif r_left is not None and not (tr < hi and low[tr] == "that"):
            # a quote right before "X said …" is what X said, whatever follows
            parts, a.pattern = [_with_lead(text, r_left, L0, S0)], "quote-cue"
        elif r_right is not None:
            if _after_region(text, r_right, S1) is None or r_right.start >= S1:
                parts, a.pattern = [(r_right.start, r_right.end)], "cue-quote"
            else:
                parts, a.pattern = [trim(text, r_right.start, right_end)], "speaker-cue-content"
        elif left_seg is not None and comma_after and right_ok and not a.shared:
            parts, a.pattern = [left_seg, trim(text, c, right_end)], "parenthetical"
        elif right_ok:
            parts = [trim(text, toks[t].start if not comma_after else c, right_end)]
            a.pattern = "colon" if a.pattern == "colon" else "speaker-cue-content"
        elif r_left is not None:
            parts, a.pattern = [_with_lead(text, r_left, L0, S0)], "quote-cue"
        elif left_seg is not None and not a.shared and (not has_right or comma_after):
            parts, a.pattern = [left_seg], "content-speaker-cue"
        parts = [_cover_regions(regs, p) for p in parts if p[1] > p[0]]
        if not parts:
            continue
        kind = _kind(regs, parts, spans)
        if a.frame == "object" and kind != "mixed":
            if _complement(tk, a.right_tok, hi):
                pass  # "called him a liar": an evaluation (Bergler's evaluative verbs)
            elif not (a.right_tok < hi and low[a.right_tok] in ("for", "on")):
                continue
            else:
                a.lemma, a.category = "call for", "directive"
        if a.frame in NON_SPEECH and a.pattern != "speaker-cue-content" and not (
                a.frame == "evidence" and a.pattern == "content-speaker-cue"):  # "…, data show"
            continue
        a.parts, a.kind = parts, kind


def _with_lead(text: str, r: Region, L0: int, S0: int) -> tuple[int, int]:
    """A quote that ends the writer's clause — "…a clear message that a
    priority ''is increasing the tax liability,'' Kamin said" — is a mixed
    quote: its content starts with the sentence."""
    if r.start > L0 >= S0 and WORD_RE.search(text, L0, r.start) and not is_intro(text, L0, r.start):
        return trim(text, L0, r.start)[0], r.end
    return r.start, r.end


def _next_nonspace(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def region_at(regs: list[Region], pos: int) -> Optional[Region]:
    i = bisect_right(regs, (pos, float("inf"))) - 1
    if i >= 0 and regs[i].start <= pos < regs[i].end:
        return regs[i]
    return None


def _skip_apposition(tk: Tokens, t: int, hi: int) -> int:
    """"…, said Len Burman, head of the Tax Policy Center." → past the apposition."""
    q = t + 1
    while q < hi and tk.toks[q].text not in (",", ";", "“", '"') and not (
            tk.toks[q].text in ".!?" and q == hi - 1):
        q += 1
    return q if q >= hi - 1 or tk.toks[q].text == "," else t


def _after_region(text: str, r: Region, S1: int) -> Optional[int]:
    """None when only punctuation follows the region up to the sentence end
    (so the quote is the whole content), else the sentence end."""
    pos = r.end
    while pos < S1 and (text[pos].isspace() or text[pos] in ".,;:!?)—–-"):
        pos += 1
    return None if pos >= S1 else S1


def _bound(a: Attribution, nxt: Optional[Attribution], S1: int, text: str) -> int:
    """Right content ends at the sentence end or where the next attribution
    of the sentence starts — unless that attribution is nested in it."""
    if nxt is not None and not nxt.speaker_right and a.antecedent is not None \
            and nxt.start <= a.start and nxt.cue_start > a.end:
        # "Silva, who has endorsed Reis, said …": the relative clause is an
        # apposition of the next cue's speaker and ends before that cue
        k = max(text.rfind(c, a.end, nxt.cue_start) for c in ",—–")
        if k > a.end:
            return k
    if nxt is None or nxt.speaker_right or nxt.start <= a.end:
        return S1
    gap = text[a.end:nxt.start].strip(TRAIL + " ").lower()
    for w in ("and", "but", "while", "whereas", "that", "as"):
        if gap.endswith(" " + w):
            gap = gap[: -len(w)].strip(TRAIL)
    between = text[a.end:nxt.start]
    if not gap or not re.search(r"(?:,|;|\band\b|\bbut\b|\bwhile\b|—)\s*$", between.rstrip()):
        return S1  # nested: "X said that Y told Z …"
    return nxt.start


NOT_COMPLEMENT = frozenset(("to", "and", "but", "or", "back", "up", "out", "off", "in", "on", "at",
                            "for", "from", "with", "about", "over", "into", "after", "before",
                            "during", "by", "since", "that", "who", "which", "when", "if", "as"))


def _complement(tk: Tokens, k: int, hi: int) -> bool:
    """"called him a liar", "calling Reis divisive": an object — a personal
    pronoun or a name — and a lower-case complement after it (not a
    particle, preposition or time word: "called him back", "called Ruiz on
    Monday")."""
    low, toks = tk.low, tk.toks
    if k >= hi:
        return False
    if low[k] in ("him", "her", "them", "it", "us", "me"):
        c = k + 1
    elif tk.is_name_word(k):
        c = k
        while c < hi and tk.is_name_word(c):
            c += 1
    else:
        return False
    if c >= hi or not toks[c].is_word or tk.cap[c] or low[c] in NOT_COMPLEMENT \
            or low[c] in PARTICLES or low[c] in PREPOSITIONS:
        return False
    return low[c] not in DAY_WORDS and low[c] not in ADVERBS and low[c] not in AUX


def _opener_end(text: str, a: Attribution, later: list[Attribution], S1: int) -> Optional[int]:
    """"Asked whether X “…,” 75 percent said …": an opening phrase ends at the
    comma (before or inside a closing mark) right before the sentence's next
    attribution; None when there is none in the sentence."""
    for b in later:
        if b.sent != a.sent:
            return None
        if b.start <= a.end or b.speaker_right:
            continue
        p = b.start
        while p > a.end and (text[p - 1].isspace() or text[p - 1] in "”\"’"):
            p -= 1
        if text[p - 1:p] == ",":
            return p - 1
    return None


def _cover_regions(regs: list[Region], part: tuple[int, int]) -> tuple[int, int]:
    """Stretch a content span over any quoted region it cuts."""
    s, e = part
    r = region_at(regs, s)
    if r is not None and r.start < s:
        s = r.start
    r = region_at(regs, e - 1)
    if r is not None and r.end > e:
        e = r.end
    return s, e


def _kind(regs: list[Region], parts: list[tuple[int, int]], starts: set | None = None) -> str:
    if starts is None:  # callers with many parts pass it, built once (was O(regions) a call)
        starts = {(r.start, r.end) for r in regs}
    if all(p in starts for p in parts):
        return "direct"
    for s, e in parts:
        i = bisect_right(regs, (e, 0)) - 1
        while i >= 0 and regs[i].end > s:
            if regs[i].start >= s or regs[i].end <= e:
                return "mixed"
            i -= 1
    return "indirect"




def drop_nested(items: list[Attribution], keep: frozenset[str] = frozenset()) -> list[Attribution]:
    """Attributions nested in another one's content are part of what that
    one reports ("Dayton told the AP that he thinks Clinton would win": the
    belief is Dayton's telling, not a second quote). PolNeAR (Newell et al.
    2018) annotates the outer attribution and, in practice, rarely the inner
    one; counting both would count the same words twice for one speaker.
    Categories in ``keep`` stay even when nested."""
    spans = sorted((p[0], p[1], id(a)) for a in items for p in a.parts)
    starts = [s for s, _, _ in spans]
    reach, top = [], -1  # reach[i]: the furthest end among spans[:i + 1]
    for _, e, _ in spans:
        top = max(top, e)
        reach.append(top)
    out = []
    for a in items:
        if a.category in keep or a.cue_end <= a.cue_start:
            out.append(a)
            continue
        lo, hi = a.parts[0][0], a.parts[-1][1]
        first = min(lo, a.cue_start)
        i = bisect_right(starts, first) - 1
        nested = i >= 0 and reach[i] >= max(hi, a.cue_end) and any(
            a.cue_end <= e and hi <= e and o != id(a) for _, e, o in spans[:i + 1])
        if not nested:
            out.append(a)
    return out
