"""framing as one more coder: run the analyzers on each article and read,
for every coded span, the finding that overlaps it most.

The variable name says which finding and which field (first match wins):

============================  ===================================  =========================
variable name contains        finding                              value
============================  ===================================  =========================
``rhetorical``                questions                            ``rhetorical`` (yes/no)
``question``                  questions                            ``type``
``hedg``, ``boost``           hedges and boosters                  ``kind``
``speaker``, ``quote``        quotes                               ``speaker``
``sentiment``, ``actor``      actor mentions                       sentiment ``label``
============================  ===================================  =========================

A span with no overlapping finding gets the value ``none``. A framing value
that equals a coder's value up to case takes the coder's spelling; a yes/no
value is written in the coders' vocabulary (yes/no, true/false, 1/0, y/n); a
speaker name takes the coders' spelling when one is the other's last words
("Smith" for "Jane Smith"): the unit's own most frequent such value, else
the variable's one value that fits.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Callable, Optional

from .codes import Code, CodesError

NONE = "none"
CONTEXT = 80  # characters of context either side of a span in the disagreement list
_BOOLS = (("yes", "no"), ("true", "false"), ("1", "0"), ("y", "n"))


def _questions(r):
    return [(q.start, q.end, q) for q in r.questions.items]


def _hedges(r):
    return [(h.start, h.end, h) for h in r.hedging.items]


def _quotes(r):
    return [(q.start, q.end, q) for q in r.quotes.items]


def _mentions(r):
    return [(m.start, m.end, m) for a in r.actors.items for m in a.mentions]


# (name fragments, findings, value of a finding, kind of value)
RULES: list[tuple[tuple[str, ...], Callable, Callable, str]] = [
    (("rhetorical",), _questions, lambda q: q.rhetorical, "bool"),
    (("question",), _questions, lambda q: q.type, "label"),
    (("hedg", "boost"), _hedges, lambda h: h.kind, "label"),
    (("speaker", "quote"), _quotes, lambda q: q.speaker, "name"),
    (("sentiment", "actor"), _mentions, lambda m: m.label, "label"),
]
RULE_NAMES = "rhetorical, question, hedge/booster, speaker/quote, sentiment/actor"


def rule_for(variable: str):
    """``(findings, value, kind)`` for a variable name, or ``None``."""
    name = variable.lower()
    for frags, findings, value, kind in RULES:
        if any(f in name for f in frags):
            return findings, value, kind
    return None


def article_path(articles: Path, name: str) -> Path:
    """The file of article ``name`` inside ``articles`` (``name`` or
    ``name.txt``); never a file outside the folder."""
    root = articles.resolve()
    for cand in (articles / name, articles / f"{name}.txt"):
        if cand.is_file():
            if root not in cand.resolve().parents:
                raise CodesError(f"article {name!r} is outside {articles}")
            return cand
    raise CodesError(f"{articles}: no article {name!r} (looked for {name} and {name}.txt)")


def best_overlap(findings, start: int, end: int):
    """The finding overlapping ``[start, end)`` most (the first on ties); an
    empty span takes the finding containing it."""
    best, best_ov = None, 0
    for s, e, f in findings:
        ov = min(end, e) - max(start, s)
        if ov > best_ov or (best is None and start == end and s <= start < e):
            best, best_ov = f, max(ov, 0)
    return best


def _fits(name: str, other: str) -> bool:
    """One name is the other's last words ("Sorel", "Ana Sorel", "Librarian Ana Sorel")."""
    a, b = name.casefold().split(), other.casefold().split()
    n = min(len(a), len(b))
    return n > 0 and a[-n:] == b[-n:]


def _name_spelling(value: str, unit_values: list[str], spelling: dict[str, str]) -> str:
    """The coders' spelling of a speaker name: the most frequent of the
    unit's own values that fits it, else the one value of the whole
    variable that does."""
    here = Counter(v for v in unit_values if _fits(value, v)).most_common(1)
    if here:
        return here[0][0]
    fits = [v for v in spelling.values() if _fits(value, v)]
    return fits[0] if len(fits) == 1 else value


def framing_codes(codes: list[Code], variable: str, articles: Path, analyze: Callable,
                  cache: Optional[dict] = None) -> tuple[dict[str, str], dict[str, tuple]]:
    """``({unit: framing's value}, {unit: (article, start, end, text, left
    context, right context)})`` for
    one variable. ``analyze(path)`` gives ``(text, report)`` for an article
    file. Units without article/start/end get no framing value (the first
    code of a unit that has a span gives the unit's span)."""
    rule = rule_for(variable)
    if rule is None:
        raise CodesError(f"variable {variable!r}: framing has no finding for it (name it after "
                         f"one of: {RULE_NAMES})")
    findings_of, value_of, kind = rule
    cache = {} if cache is None else cache
    spelling: dict[str, str] = {}
    for c in codes:
        if c.variable == variable and c.value is not None:
            spelling.setdefault(c.value.casefold(), c.value)
    yes_no = next((p for p in _BOOLS if set(spelling) & set(p)), _BOOLS[0])
    spans: dict[str, tuple] = {}
    given: dict[str, list[str]] = {}
    for c in codes:
        if c.variable != variable:
            continue
        if c.value is not None:
            given.setdefault(c.unit, []).append(c.value)
        if c.unit not in spans and None not in (c.article, c.start, c.end):
            spans[c.unit] = (c.article, c.start, c.end)
    out: dict[str, str] = {}
    where: dict[str, tuple] = {}
    for unit, (art, start, end) in spans.items():
        if art not in cache:
            cache[art] = analyze(article_path(articles, art))
        text, report = cache[art]
        if end > len(text):
            raise CodesError(f"unit {unit!r}: span {start}-{end} is past the end of {art} "
                             f"({len(text)} characters)")
        f = best_overlap(findings_of(report), start, end)
        raw = None if f is None else value_of(f)
        if kind == "bool":
            v = NONE if f is None else (yes_no[0] if raw else yes_no[1])
        else:
            v = NONE if raw is None else str(raw)
        if v.casefold() in spelling:
            v = spelling[v.casefold()]
        elif kind == "name" and v != NONE:
            v = _name_spelling(v, given.get(unit, []), spelling)
        out[unit] = v
        where[unit] = (art, start, end, text[start:end],
                       text[max(0, start - CONTEXT):start], text[end:end + CONTEXT])
    return out, where
