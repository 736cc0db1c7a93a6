"""Paragraph and sentence segmentation with offsets into the original text.

A rule-based boundary detector in the tradition of Grefenstette & Tapanainen
(1994, "What is a word, what is a sentence?") and the abbreviation and
sentence-starter heuristics of Kiss & Strunk (2006, "Unsupervised multilingual
sentence boundary detection", the algorithm behind NLTK's Punkt). NLTK's Punkt
without its downloaded model splits after every abbreviation; instead the
abbreviation classes and the sentence-starter list ship as package data
(``lexicons/abbreviations.tsv``, ``lexicons/sentence_starters.txt``).

Rules, applied to every run of ``. ? ! … ...`` followed by optional closing
quotes or brackets and white space:

* after a *prefix* abbreviation (Mr., Gen., Sept.) there is no boundary;
* after a *number* abbreviation (No., p.) there is none when a digit follows;
* after an *ambiguous* abbreviation (U.S., p.m., Inc.) or a single initial
  there is a boundary only when the next word is a frequent sentence starter;
* a boundary needs the next word to begin with an upper-case letter, a digit,
  an opening quote or bracket: "e.g. this", "…" + lower case, ``"Why?" he
  asked`` never split;
* after ``?”`` / ``!”`` followed by an attribution ("Smith asked.", "said
  Smith") there is no boundary, so the question stays in its sentence;
* a paragraph always ends a sentence, so headlines without final
  punctuation stand alone.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..lexicons import load_table, load_words

DOTTED_RE = re.compile(r"^(?:[^\W\d_]\.)+[^\W\d_]$")
PARA_BREAK_RE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
LINE_RE = re.compile(r"[^\n]+")
CLOSERS = "\"'”’»)]}"
OPENERS = "\"'“‘«„([{"
QUOTE_CLOSERS = "\"'”’»"
BOUNDARY_RE = re.compile(
    r"(?P<term>\.{2,}|…|[.?!]+)(?P<close>[" + re.escape(CLOSERS) + r"]*)(?=\s+(?P<next>\S+)|\s*$)"
)
SPEECH_AFTER_RE = re.compile(
    r"(?:(?:[A-Z][\w.'’-]*|the|a|an|his|her|their|its)\s+){0,4}"
    r"(?:said|says|asked|asks|added|adds|told|wrote|writes|replied|replies|wondered|"
    r"wonders|shouted|cried|insisted|continued|explained|noted|argued|declared|"
    r"recalled|joked|quipped|demanded|pleaded|whispered|muttered)\b"
)


class Span(NamedTuple):
    start: int
    end: int


class Sentence(NamedTuple):
    """A sentence: ``start``/``end`` offsets and the index of its paragraph."""

    start: int
    end: int
    paragraph: int


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    return {row["abbrev"]: row["kind"] for row in load_table("abbreviations.tsv")}


def _starters() -> frozenset[str]:
    return load_words("sentence_starters.txt")


def _strip(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if start < end else None


def paragraphs(text: str) -> list[Span]:
    """Blank-line separated blocks; when a text has no blank line at all, each
    line is a paragraph (the common one-line-per-paragraph plain-text form)."""
    spans: list[Span] = []
    if PARA_BREAK_RE.search(text):
        pos = 0
        for m in PARA_BREAK_RE.finditer(text):
            span = _strip(text, pos, m.start())
            if span:
                spans.append(span)
            pos = m.end()
        span = _strip(text, pos, len(text))
        if span:
            spans.append(span)
    else:
        for m in LINE_RE.finditer(text):
            span = _strip(text, m.start(), m.end())
            if span:
                spans.append(span)
    return spans


def _word_before(text: str, lo: int, pos: int) -> str:
    """The non-space run that ends at ``pos`` (the terminator), without opening
    punctuation: ``(Gen`` → ``Gen``."""
    start = pos
    while start > lo and not text[start - 1].isspace():
        start -= 1
    return text[start:pos].lstrip(OPENERS + "—–-")


def _is_boundary(text: str, lo: int, m: re.Match) -> bool:
    term, close, nxt = m.group("term"), m.group("close"), m.group("next")
    if nxt is None:  # end of paragraph: handled by the caller
        return False
    head = nxt.lstrip(OPENERS + "—–-") or nxt
    first = nxt[0]
    starts_upper = head[:1].isupper() or head[:1].isdigit() or first in OPENERS
    if term in ("?", "!") or set(term) <= {"?", "!"}:
        if not starts_upper:
            return False
        if close and any(c in QUOTE_CLOSERS for c in close):
            if SPEECH_AFTER_RE.match(text, _skip_space(text, m.end())):
                return False
        return True
    if term != ".":  # ellipsis (or "..")
        return starts_upper and not head[:1].isdigit()
    if not starts_upper:
        return False
    word = _word_before(text, lo, m.start("term"))
    key = word.lower()
    kind = _abbreviations().get(key)
    if kind is None and (DOTTED_RE.match(word) or (len(word) == 1 and word.isupper())):
        kind = "ambiguous"  # an initial or dotted abbreviation: "John F. Kennedy", "G.K."
    if kind == "prefix":
        return False
    if kind == "number":
        return not head[:1].isdigit()
    if kind == "ambiguous":
        return head.lower().strip(CLOSERS + ",;:") in _starters() and head[:1].isupper()
    return True


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def sentences(text: str, paras: list[Span] | None = None) -> list[Sentence]:
    """Sentences of ``text``, each inside one paragraph."""
    out: list[Sentence] = []
    for index, (pstart, pend) in enumerate(paras if paras is not None else paragraphs(text)):
        start = pstart
        for m in BOUNDARY_RE.finditer(text, pstart, pend):
            if _is_boundary(text, pstart, m):
                span = _strip(text, start, m.end())
                if span:
                    out.append(Sentence(span.start, span.end, index))
                start = m.end()
        span = _strip(text, start, pend)
        if span:
            out.append(Sentence(span.start, span.end, index))
    return out


# -- boilerplate: lines that are not article prose ------------------------------
class Excluded(NamedTuple):
    """A span of the input that is not article prose, and what it is
    (``kind`` from ``lexicons/boilerplate.tsv``: advertisement, credit,
    byline, share, related, note, timestamp, markup, separator, section,
    dateline, bio, display)."""

    start: int
    end: int
    kind: str


@lru_cache(maxsize=1)
def _boilerplate() -> tuple:
    """(line rules, prefix rules, one combined line test, one prefix test,
    last-line rules, the ids of the line rules that skip the text's first line)."""
    rules: dict[str, list] = {"line": [], "prefix": [], "last": [], "inner": []}
    for row in load_table("boilerplate.tsv"):
        pattern, flags = row["pattern"], re.IGNORECASE
        if pattern.startswith("(?-i)"):
            pattern, flags = pattern[5:], 0
        rules[row["where"]].append((re.compile(pattern, flags), int(row["max_words"]),
                                    row["kind"]))

    def any_of(rs):
        return re.compile("|".join(f"(?{'i' if r.flags & re.IGNORECASE else '-i'}:{r.pattern})"
                                   for r, _, _ in rs))
    return (rules["line"] + rules["inner"], rules["prefix"], any_of(rules["line"] + rules["inner"]),
            any_of(rules["prefix"]), rules["last"], {id(r[0]) for r in rules["inner"]})


_SENTENCE_END = ".!?:;\"'”’)]"


def boilerplate(text: str, paras: list[Span]) -> list[Excluded]:
    """Spans of ``text`` that are not article prose: whole lines (an
    advertisement marker, a byline, a credit, a share prompt, a related-link
    prompt, an editorial note, markup) and line prefixes (a dateline,
    "Advertisement" run into the first sentence). Within a paragraph a line
    counts only when the line before ends a sentence, so hard-wrapped prose
    is never cut (after the web-page cleaning of Kohlschütter et al. 2010).
    The text's last line is also tested against the ``last`` rules (an
    author's contact trailer: "X is a columnist … Follow him on Twitter")."""
    lines, prefixes, any_line, any_prefix, lasts, inner = _boilerplate()
    out: list[Excluded] = []
    first = True  # the text's first line: its headline, never an "inner" line
    for pstart, pend in paras:
        prev_end = True
        for m in LINE_RE.finditer(text, pstart, pend):
            span = _strip(text, m.start(), m.end())
            if span is None:
                continue
            s, e = span
            found = None
            if prev_end and any_line.fullmatch(text, s, e):
                words = len(text[s:e].split())
                found = next((kind for rx, most, kind in lines
                              if words <= most and not (first and id(rx) in inner)
                              and rx.fullmatch(text, s, e)), None)
            first = False
            if found:
                out.append(Excluded(s, e, found))
            elif any_prefix.match(text, s, e):
                for rx, _, kind in prefixes:
                    p = rx.match(text, s, e)
                    if p and p.end() < e:
                        out.append(Excluded(s, _strip(text, s, p.end()).end, kind))
                        break
            prev_end = text[e - 1] in _SENTENCE_END or found is not None
    if paras and lasts:
        tail = [m for m in LINE_RE.finditer(text, *paras[-1])]
        span = _strip(text, tail[-1].start(), tail[-1].end()) if tail else None
        if span is not None and not (out and out[-1].end >= span.end):
            words = len(text[span.start:span.end].split())
            kind = next((k for rx, most, k in lasts
                         if words <= most and rx.fullmatch(text, span.start, span.end)), None)
            if kind:
                out.append(Excluded(span.start, span.end, kind))
    return out


def without(text: str, paras: list[Span], excluded: list[Excluded]) -> list[Span]:
    """The paragraphs with the excluded spans cut out (a paragraph split
    around an excluded line; one left empty dropped)."""
    if not excluded:
        return paras
    out: list[Span] = []
    k = 0
    for pstart, pend in paras:
        pos = pstart
        while k < len(excluded) and excluded[k].start < pend:
            s, e, _ = excluded[k]
            piece = _strip(text, pos, s)
            if piece:
                out.append(piece)
            pos = max(pos, e)
            k += 1
        piece = _strip(text, pos, pend)
        if piece:
            out.append(piece)
    return out
