"""Hedges and boosters: where a text softens or strengthens its claims.

Hedges withhold full commitment to a proposition and boosters express
certainty (Hyland 2005, *Metadiscourse*, ch. 3; Hyland 1998, *Hedging in
Scientific Research Articles*; Holmes 1988, "Doubt and certainty in ESL
textbooks"). The cue list is package data, ``lexicons/hedges.tsv`` (sources
in its header); this module holds the matcher and the section. The context
rules a cue may name, and the word lists they consult (``lexicons/hedge_context.tsv``),
are in :mod:`framing.analyzers.hedging.rules`.

Matching. The lexicon's surface forms are lower-case token sequences over
``Document.tokens`` (``’`` read as ``'``), indexed once by their first token.
Each sentence is scanned left to right; at a token the candidate forms are
tried longest first, and the first whose context rule passes is taken, so the
longest match wins and no two findings overlap. Inflected forms are listed in
the lexicon (``suggest/suggests/suggested/suggesting``); ``{be}`` and
``{neg}`` expand to the forms of *be* and the negators. Matches never cross a
sentence boundary.

Context rules: see :mod:`framing.analyzers.hedging.rules` (rules such as
``not_month``, ``would``, ``appear``, ``before_number``, ``stance``; negated
boosters are dropped).

Deliberate exclusions: *can* and *cannot* (root possibility/ability in most
uses; Coates 1983; Hyland 2005 leaves them out), *will* (prediction, not
tentativeness), *should* and *ought to* (mostly root/deontic in news — advice
and obligation, Coates 1983 — and a word-level rule cannot tell the rarer
epistemic uses apart), deontic *must*, *if/or/whether* (conditions and
alternatives, which BioScope-style speculation corpora annotate but which
are not hedges of commitment), *quite/rather/pretty* and degree *really*
(downtoner and intensifier readings are both common; Quirk et al. 1985 on
compromisers and boosters), *always/never*, "according to" + a named source,
hypothetical *would* and reports of other people's beliefs (see the rules).

Voice: an attribution cue ("claimed", "reportedly") is the reporter's — the
author's unless inside quotation marks or another attribution's content;
other cues take the voice map's answer, or "quoted" after a reporting verb
in their sentence (:func:`_voice`).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, product

from ...document import Document
from ...errors import LexiconError
from ...lexicons import load_table
from ...report import HedgeItem, HedgingSection, per_1k
from ..base import Analyzer, Context, VoiceMap
from .rules import RULES
from .stance import reported_speech_before
from .window import MACROS, Window, negated_before

LEXICON = "hedges.tsv"
KINDS = ("hedge", "booster")
CATEGORIES = {
    "hedge": ("modal_auxiliary", "epistemic_verb", "adverb", "adjective", "noun", "attribution",
              "approximator", "frequency", "phrase"),
    "booster": ("booster_adverb", "booster_verb", "booster_adjective", "booster_phrase",
                "booster_modal"),
}


# -- the lexicon ---------------------------------------------------------------
@dataclass(frozen=True)
class Cue:
    lemma: str
    kind: str
    category: str
    tokens: tuple[str, ...]
    rule: Callable[[Window], bool] | None


def _expand(form: str, where: str) -> list[tuple[str, ...]]:
    slots: list[tuple[str, ...]] = []
    for slot in form.split():
        optional = slot.endswith("?") and len(slot) > 1
        slot = slot[:-1] if optional else slot
        alts: list[str] = []
        for alt in slot.split("/"):
            if alt.startswith("{") and alt.endswith("}"):
                if alt[1:-1] not in MACROS:
                    raise LexiconError(f"{where}: unknown macro {alt} (valid: "
                                       f"{', '.join('{' + m + '}' for m in MACROS)})")
                alts.extend(MACROS[alt[1:-1]])
            elif alt:
                alts.append(alt.lower())
        slots.append(tuple(alts) + (("",) if optional else ()))
    return [tuple(t for t in seq if t) for seq in product(*slots) if any(seq)]


@lru_cache(maxsize=1)
def cue_index() -> dict[str, tuple[Cue, ...]]:
    """First token → candidate cues, longest first (lexicon order on ties)."""
    table: dict[str, list[Cue]] = {}
    for n, row in enumerate(load_table(LEXICON), 1):
        where = f"lexicon {LEXICON!r} entry {n} ({row['cue']!r})"
        kind, category, rule = row["kind"], row["category"], row["rule"]
        if kind not in KINDS:
            raise LexiconError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
        if category not in CATEGORIES[kind]:
            raise LexiconError(f"{where}: category {category!r} is not a {kind} category "
                               f"({', '.join(CATEGORIES[kind])})")
        if rule != "-" and rule not in RULES:
            raise LexiconError(f"{where}: unknown rule {rule!r} (valid: {', '.join(RULES)})")
        forms = row["cue"] if row["forms"] == "-" else row["forms"]
        for form in forms.split(";"):
            for seq in _expand(form, where):
                cue = Cue(row["cue"], kind, category, seq, RULES.get(rule))
                table.setdefault(seq[0], []).append(cue)
    return {first: tuple(sorted(cues, key=lambda c: -len(c.tokens)))
            for first, cues in table.items()}


@lru_cache(maxsize=1)
def _cue_table() -> dict[str, tuple[dict[str, tuple[Cue, ...]], tuple[Cue, ...]]]:
    """:func:`cue_index` split by the second token: first token →
    ({second token: cues of two or more tokens}, one-token cues), each in
    :func:`cue_index` order. Every longer cue precedes every one-token cue
    there, so trying ``by_second[next]`` and then the one-token cues tries
    exactly the cues that can match, in the same order ("it" starts some
    400 cues)."""
    table = {}
    for first, cues in cue_index().items():
        by_second: dict[str, list[Cue]] = {}
        for cue in cues:
            if len(cue.tokens) > 1:
                by_second.setdefault(cue.tokens[1], []).append(cue)
        table[first] = ({k: tuple(v) for k, v in by_second.items()},
                        tuple(c for c in cues if len(c.tokens) == 1))
    return table


# -- the analyzer --------------------------------------------------------------
def _lows(doc: Document) -> list[str]:
    lows = list(doc.lower_tokens)
    if "’" in doc.text:
        lows = [w.replace("’", "'") for w in lows]
    return lows


def find_cues(doc: Document) -> list[tuple[int, int, Cue]]:
    """``(first_token, end_token, cue)`` for every cue in ``doc``, in order."""
    index = _cue_table()
    lows = _lows(doc)
    n = len(lows)
    # tokens that begin some cue: the scan jumps from one to the next (a
    # token no cue begins with is never a match, so skipping it changes nothing)
    starts = list(compress(range(len(lows)), map(index.__contains__, lows)))
    found = []
    if not starts:
        return found
    token_index = doc.token_index
    memo: dict = {}  # per-sentence facts the context rules compute once
    for sent in doc.sentences:
        lo, hi = token_index(sent.start), token_index(sent.end)
        k = bisect_left(starts, lo)
        while k < len(starts) and starts[k] < hi:
            i = starts[k]
            best = None
            by_second, singles = index[lows[i]]
            longer = by_second.get(lows[i + 1], ()) if i + 1 < n else ()
            for cue in (*longer, *singles) if longer else singles:
                j = i + len(cue.tokens)
                if j > hi or (j > i + 2 and tuple(lows[i + 2:j]) != cue.tokens[2:]):
                    continue
                w = Window(doc, lows, i, j, lo, hi, memo)
                if cue.rule is not None and not cue.rule(w):
                    continue
                if cue.kind == "booster" and negated_before(w):
                    continue
                best = (i, j, cue)
                break
            if best:
                found.append(best)
                k = bisect_left(starts, best[1], k + 1)
            else:
                k += 1
    return found


class _Reports:
    """The quotation analyzer's attributions, indexed for :func:`_voice`: their
    content parts (merged) and, by start, their content envelopes."""

    def __init__(self, items) -> None:
        self.items = sorted((q for q in items if q.parts), key=lambda q: q.parts[0][0])
        self.starts = [q.parts[0][0] for q in self.items]
        self.content = VoiceMap((s, e) for q in self.items for s, e in q.parts)

    def in_other_content(self, start: int, end: int) -> bool:
        """``start`` lies in the content of an attribution whose cue is not at
        ``start``..``end`` (looks back over at most 64 envelopes)."""
        if self.content.voice(start) == "author":
            return False
        k = bisect_right(self.starts, start)
        for q in self.items[max(0, k - 64):k][::-1]:
            own = q.cue_start is not None and q.cue_start < end and start < q.cue_end
            if not own and any(s <= start < e for s, e in q.parts):
                return True
        return False


def _voice(ctx: Context, marks: VoiceMap, reports: _Reports, lows: list[str],
           i: int, j: int, cue: Cue) -> str:
    """The voice of a cue. An attribution cue ("claimed", "reportedly", "is
    said to") is the voice of whoever reports: the author's, unless it sits
    inside quotation marks or inside the content of *another* attribution
    (the quotation analyzer's content spans may swallow the reporting verb of
    their own attribution). Any other cue takes the voice map's answer, and a
    cue after a reporting verb in its own sentence ("Humana said rate cuts
    could be deeper") is quoted even where the voice map has no region."""
    doc = ctx.doc
    start, end = doc.tokens[i].start, doc.tokens[j - 1].end
    if cue.category == "attribution":
        quoted = marks.voice(start, end) == "quoted" or reports.in_other_content(start, end)
        return "quoted" if quoted else "author"
    voice = ctx.voice(start, end)
    if voice == "author":
        s = doc.sentences[doc.sentence_index(start)]
        lo, hi = doc.token_index(s.start), doc.token_index(s.end)
        if reported_speech_before(Window(doc, lows, i, j, lo, hi)):
            return "quoted"
    return voice


def run(ctx: Context) -> HedgingSection:
    doc = ctx.doc
    items: list[HedgeItem] = []
    found = find_cues(doc)
    quotes = ctx.section("quotes") if found else None
    reports = _Reports(quotes.items if quotes else ())
    marks = VoiceMap((q.start, q.end) for q in doc.quotes)
    lows = _lows(doc) if found else []
    for i, j, cue in found:
        start, end = doc.tokens[i].start, doc.tokens[j - 1].end
        s = doc.sentences[doc.sentence_index(start)]
        items.append(HedgeItem(start, end, doc.text[start:end], cue.kind, cue.category,
                               _voice(ctx, marks, reports, lows, i, j, cue), cue=cue.lemma,
                               sentence_start=s.start, sentence_end=s.end))
    kinds = Counter(it.kind for it in items)
    by_voice = {v: {k: 0 for k in KINDS} for v in ("author", "quoted")}
    for it in items:
        by_voice[it.voice][it.kind] += 1
    return HedgingSection(
        hedges=kinds["hedge"], boosters=kinds["booster"],
        hedges_per_1k_words=per_1k(kinds["hedge"], doc.words),
        boosters_per_1k_words=per_1k(kinds["booster"], doc.words),
        by_category=dict(sorted(Counter(it.category for it in items).items())),
        by_voice=by_voice, items=items)


ANALYZER = Analyzer(
    "hedging", run, requires=("voices", "quotes"),
    description="Hedges (may, suggest, reportedly, about 300…) and boosters (clearly, "
                "show that…) with their category and voice, per 1,000 words.")
