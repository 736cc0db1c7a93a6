"""Noun phrases that are no actor, for the pronoun search of :mod:`.hobbs`.

Hobbs (1978) proposes every noun phrase on its way, not only the actors: a
"the plant" or "many users" met before an actor is the antecedent of an
"it" or a "they", which then refers to no actor. Without a parse the noun
phrases are found by their determiner, after Quirk et al. (1985, A
Comprehensive Grammar of the English Language, §5.10-5.12: determiners,
§17.2: the noun phrase): a determiner or quantifier, an optional adjective
(by its ending, App. I.38-I.44) or capitalised modifiers, and a lower-case
head; or a bare plural where a noun phrase can start. A head in -s (or
"these"/"those", "people") is plural.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Callable

from ...document import Document
from ...lexicons.shared import determiners, pronouns
from .detect import Cand

# a mention after one of these is embedded (oblique): searched after the
# arguments of its sentence (Lappin & Leass 1994: subject > object > oblique)
PREPOSITIONS = frozenset("""of in on at for with by from to into onto about after before during
under over between against among through without within like since near toward towards
across behind beyond around upon via despite than""".split())
# a clause ends at these (and after a reporting verb): the pronoun's own
# sentence is searched clause by clause, nearest first; principle B bars its own
CLAUSE_BREAKS = frozenset([",", ";", ":", "(", ")", "—", "–", '"', "“", "”"]) | frozenset(
    "that who whom which because when while if and but although though whereas".split())
# "that" is left out: before a lower-case word it is mostly a conjunction or
# a relative ("that was discussed")
NP_DETERMINERS = determiners("article", "demonstrative_near", "demonstrative_plural", "quantifier",
                             "numeral")
# adjective endings (Quirk et al. 1985, App. I.38-I.44), for the head of "the local plant"
ADJECTIVAL = ("al", "ive", "ous", "ic", "ed", "ing", "ful", "ary", "ern", "est", "ish", "able",
              "ible", "less", "ian", "ese", "ent", "ant", "er", "ar")
# not the head of a noun phrase: verbs and function words after a name or in -s
NOT_HEAD = frozenset("""is was has had have does did do said says will would could can may might
must should shall this thus its his hers yours ours theirs us yes always perhaps sometimes as
whereas besides unless less news series means across towards afterwards nevertheless
nonetheless himself herself itself whose""".split())
IRREGULAR_PLURALS = frozenset("people men women children police staff".split())
QUANTIFIERS = determiners("quantifier", "numeral")
PRONOUN_WORDS = pronouns()


def noun_phrases(doc: Document, mentions: list[Cand],
                 rank: Callable[[int, int], int]) -> dict[int, list[tuple[int, int, int, None]]]:
    """Noun phrases that are no actor mention, per sentence, as (start,
    rank, number, None), number 1 singular, 2 plural (a head in -s, or
    "these"/"those"): a determiner and a lower-case head ("the plant",
    "the local plant", also after capitalised modifiers: "the Wikipedia
    approach"), or a bare plural where a noun phrase starts ("People were
    asked", "for schools")."""
    toks = doc.tokens
    low = doc.lower_tokens
    spans = _covered(mentions)
    out: dict[int, list] = {}
    n = len(toks)

    def lower_word(k: int) -> bool:
        return k < n and toks[k].is_word and toks[k].text[:1].islower()

    for j in range(n - 1):
        k = j + 1
        if low[j] in NP_DETERMINERS:
            while k < n and k - j <= 3 and toks[k].is_word and toks[k].text[:1].isupper():
                k += 1  # capitalised modifiers
            if k > j + 1:
                if not lower_word(k) or low[k] in NOT_HEAD or low[k].endswith(("ly", "ed")):
                    continue  # "the UN said", "the Navy reportedly"
            elif not lower_word(k) or _inside(spans, toks[k].start):
                continue
            if low[k].endswith(ADJECTIVAL) and lower_word(k + 1) and \
                    low[k + 1] not in PREPOSITIONS:
                k += 1  # "the local plant": an adjective, then the head
            start = j
        elif _bare_plural(doc, j, spans):
            start = k = j
        else:
            continue
        head = low[k]
        plural = low[start] in ("these", "those") or head in IRREGULAR_PLURALS or (
            head.endswith("s") and not head.endswith(("ss", "us", "is")))
        s = doc.sentence_index(toks[start].start)
        if s is not None:
            out.setdefault(s, []).append((toks[start].start, rank(
                toks[start].start, toks[k].end), 2 if plural else 1, None))
    return out


def _bare_plural(doc: Document, j: int, spans) -> bool:
    """A lower-case plural noun with no determiner where a noun phrase
    starts: after a clause break, a preposition, an adjective or a
    sentence-initial capitalised modifier ("Web developers")."""
    toks = doc.tokens
    low = doc.lower_tokens
    w = low[j]
    if not toks[j].is_word or not toks[j].text[:1].islower() or _inside(spans, toks[j].start):
        return False
    if w not in IRREGULAR_PLURALS and (len(w) < 4 or not w.endswith("s") or w.endswith(
            ("ss", "us", "is", "'s", "’s")) or w in NOT_HEAD):
        return False
    if j == 0 or toks[j - 1].end <= _sentence_start(doc, j):
        return True
    p = low[j - 1]
    if p in CLAUSE_BREAKS or p in PREPOSITIONS or p in QUANTIFIERS:
        return True
    if toks[j - 1].text[:1].islower() and p.endswith(ADJECTIVAL) and p not in NOT_HEAD:
        return j < 2 or low[j - 2] not in PRONOUN_WORDS
    return toks[j - 1].text[:1].isupper() and (
        j < 2 or toks[j - 2].end <= _sentence_start(doc, j))


def _sentence_start(doc: Document, j: int) -> int:
    s = doc.sentence_index(doc.tokens[j].start)
    return doc.sentences[s].start if s is not None else 0


def _covered(mentions: list[Cand]) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in mentions]


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect_left(spans, (pos + 1, -1)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]
