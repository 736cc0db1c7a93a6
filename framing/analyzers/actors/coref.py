"""A simple, documented coreference for actors: pronouns and descriptions.

Rules (most recent compatible antecedent first, after the multi-pass sieve of
Lee et al. 2013 and Hobbs' (1978) recency preference; no parse):

* **he / him / his / himself** and **she / her / hers / herself** (also as
  "he's", "she'd") refer to an actor mentioned in the same sentence or the
  two before: the most recent person of that gender (known from a title such
  as Mr./Mrs. or a given name), else the most recent person of unknown
  gender, else the most recent untyped name whose gender does not disagree. First and second person pronouns
  (I, we, you) are never resolved: inside a quote they are the speaker,
  which the quotation analyzer reports.
* **they / them / their / themselves** refer to the most recent group or
  organisation within the same sentence or the two before.
* **its** refers to the most recent organisation, place or group in the same
  sentence or the one before, unless that actor is in the sentence before
  and the pronoun's own sentence has a noun phrase before it ("Will the
  plant deliver what its supporters promise?": Hobbs searches the current
  sentence first); "it" is left alone (too often expletive: "it is
  likely").
* **the + head noun** from ``lexicons/actor_descriptions.tsv`` ("the group",
  "the country", "the president") refers to the most recent actor of a
  matching type within five sentences, or, for a title head, to the most
  recent person who carried that title anywhere before. Not when "of" or a
  capitalised name follows ("the group of …", "the group Wagner").

Resolved mentions get kind "pronoun" or "description"; an unresolvable one
is simply not a mention.
"""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from itertools import compress
from typing import Optional

from ...document import Document
from ...lexicons import load_table
from ...lexicons.shared import determiners, pronouns
from .detect import Cand
from .lexicon import Memo
from .merge import Actor

MALE = pronouns(person="3", gender="m")
FEMALE = pronouns(person="3", gender="f")
PLURAL = pronouns(person="3", gender="p")
NEUTER = pronouns(gender="n", case="det")  # "its"; "it" is too often no actor
CLITICS = tuple(a + c for a in "'’" for c in ("s", "d", "ll", "re", "ve"))
_TRIGGERS = MALE | FEMALE | PLURAL | NEUTER | {"the"}


@lru_cache(maxsize=1)
def descriptions() -> dict[str, tuple[str, ...]]:
    return {row["head"]: tuple(row["refers"].split(","))
            for row in load_table("actor_descriptions.tsv")}


def _trigger(low: str) -> str:
    """The pronoun or "the" a lower-case token is, also with a clitic
    ("he's", "she'd" → "he", "she"); "" when it is none."""
    if low in _TRIGGERS:
        return low
    if not low.endswith(CLITICS):
        return ""
    low = low[:low.rfind("'") if "'" in low else low.rfind("’")]  # he's, she'd
    return low if low in _TRIGGERS else ""


_TRIGGER = Memo(_trigger)


class SentenceWalk:
    """``walk(offset)`` is ``doc.sentence_index(offset)`` for offsets asked in
    non-decreasing order: one pointer that moves forward, no search."""

    __slots__ = ("sentences", "i", "n")

    def __init__(self, doc: Document):
        self.sentences = doc.sentences
        self.i = -1  # the last sentence starting at or before the offset
        self.n = len(self.sentences)

    def __call__(self, offset: int) -> Optional[int]:
        sentences = self.sentences
        i = self.i
        while i + 1 < self.n and sentences[i + 1].start <= offset:
            i += 1
        self.i = i
        return i if i >= 0 and offset < sentences[i].end else None


def resolve(doc: Document, actors: list[Actor], mentions: list[Cand]) -> list[Cand]:
    """Mentions plus the pronouns and descriptions resolved to an actor."""
    if not mentions:
        return mentions
    desc = descriptions()
    toks = doc.tokens
    n_toks = len(toks)
    sent_of = SentenceWalk(doc)  # offsets below are asked in text order
    covered = _covered(mentions)
    added: list[Cand] = []
    history: list[tuple[int, int, int]] = []  # (start, sentence, actor) in text order
    lower = doc.lower_tokens
    n_mentions = len(mentions)
    mi = 0
    # only the tokens that can be a pronoun or start a description are read
    trigger = list(map(_TRIGGER.__getitem__, lower))
    for i in compress(range(n_toks), trigger):
        low = trigger[i]
        if low == "the" and (i + 1 >= n_toks or lower[i + 1] not in desc):
            continue  # "the" before no description head: nothing to resolve
        t = toks[i]
        while mi < n_mentions and mentions[mi].start <= t.start:
            m = mentions[mi]
            history.append((m.start, sent_of(m.start), m.actor))
            mi += 1
        if not t.is_word or not history:
            continue
        if low in MALE or low in FEMALE:
            if _inside(covered, t.start):
                continue
            g = "m" if low in MALE else "f"
            sent = sent_of(t.start)
            # a person of that gender, then a person of unknown gender, then
            # an untyped name; most recent first within each tier
            a = _recent(history, actors, sent, 2,
                        lambda x: x.type == "person" and x.gender == g)
            if a is None:
                a = _recent(history, actors, sent, 2,
                            lambda x: x.type == "person" and x.gender is None)
            if a is None:
                a = _recent(history, actors, sent, 2,
                            lambda x: x.type == "unknown" and x.gender in (None, g))
            if a is not None:
                added.append(Cand(t.start, t.end, "pronoun", t.text, actors[a].type, actor=a))
        elif low in PLURAL:
            a = _recent(history, actors, sent_of(t.start), 2,
                        lambda x: x.type in ("group", "organisation"))
            if a is not None:
                added.append(Cand(t.start, t.end, "pronoun", t.text, actors[a].type, actor=a))
        elif low in NEUTER:
            sent = sent_of(t.start)
            a = _recent(history, actors, sent, 1,
                        lambda x: x.type in ("organisation", "place", "group"))
            if a is not None and sent is not None and _nearer_np(doc, lower, i, sent, added) and \
                    next(s for _, s, x in reversed(history) if x == a) != sent:
                continue  # "Will the plant deliver what its supporters promise?"
            if a is not None:
                added.append(Cand(t.start, t.end, "pronoun", t.text, actors[a].type, actor=a))
        elif low == "the" and i + 1 < n_toks:
            head = lower[i + 1]
            refers = desc.get(head)
            if not refers or _inside(covered, toks[i + 1].start):
                continue
            nxt = toks[i + 2].text if i + 2 < n_toks else ""
            if (lower[i + 2] if i + 2 < n_toks else "") == "of" or nxt[:1].isupper():
                continue
            if refers == ("title",):
                a = _recent(history, actors, sent_of(t.start), None,
                            lambda x: head in x.titles)
            else:
                a = _recent(history, actors, sent_of(t.start), 5, lambda x: x.type in refers)
            if a is not None:
                end = toks[i + 1].end
                added.append(Cand(t.start, end, "description", doc.text[t.start:end],
                                  actors[a].type, actor=a))
    if not added:
        return mentions
    out = mentions + added
    out.sort(key=lambda c: (c.start, -c.end))
    return out


DETERMINERS = determiners("article", "demonstrative_near")


def _nearer_np(doc: Document, lower, i: int, sent: int, added: list[Cand]) -> bool:
    """Does the sentence of token ``i`` hold a determiner + lower-case word
    ("the plant") before it, other than a description already resolved to an
    actor ("The group")? Hobbs (1978) searches the pronoun's own sentence
    before earlier ones, so such a noun phrase outranks an actor of a
    previous sentence as the antecedent of "its"."""
    lo = doc.sentences[sent].start
    toks = doc.tokens
    resolved = set()
    for c in reversed(added):  # in text order: this sentence's are last
        if c.start < lo:
            break
        resolved.add(c.start)
    j = i - 2
    while j >= 0 and toks[j].start >= lo:
        if (lower[j] in DETERMINERS and toks[j + 1].text[:1].islower()
                and toks[j + 1].is_word and toks[j].start not in resolved):
            return True
        j -= 1
    return False


def _recent(history, actors, sent: Optional[int], window: Optional[int], ok) -> Optional[int]:
    for start, s, a in reversed(history):
        if window is not None and sent is not None and s is not None and sent - s > window:
            return None
        if ok(actors[a]):
            return a
    return None


def _covered(mentions: list[Cand]) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in mentions]


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect_left(spans, (pos + 1, -1)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]
