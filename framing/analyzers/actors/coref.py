"""A simple, documented coreference for actors: pronouns and descriptions.

**Third-person pronouns** are resolved by the Hobbs-style search of
:mod:`.hobbs` (Hobbs 1978; Lappin & Leass 1994): the pronoun's own sentence
clause by clause, then the sentences before it, arguments before obliques,
the first mention that agrees in gender, number and type, with binding
principle B, pleonastic "it", noun phrases that are no actor, and the
speaker of a quote kept apart. Resolved pronouns and descriptions are
mentions later pronouns find, so chains carry on.

First and second person pronouns (I, we, you) are never resolved: inside a
quote they are the speaker, which the quotation analyzer reports.

**the + head noun** from ``lexicons/actor_descriptions.tsv`` ("the group",
"the country", "the president") refers to the most recent actor of a
matching type within five sentences, or, for a title head, to the most recent
person who carried that title anywhere before. Not when "of" or a capitalised
name follows ("the group of …", "the group Wagner").

Resolved mentions get kind "pronoun" or "description" (exact offsets of the
token); an unresolvable one is simply not a mention.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import compress
from typing import Optional

from ...document import Document
from ...lexicons import load_table
from .detect import Cand
from .hobbs import _TRIGGER, PronounSearch
from .merge import Actor
from .nounphrases import _covered, _inside


@lru_cache(maxsize=1)
def descriptions() -> dict[str, tuple[str, ...]]:
    return {row["head"]: tuple(row["refers"].split(","))
            for row in load_table("actor_descriptions.tsv")}


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
    search = PronounSearch(doc, actors, mentions)
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
            s = sent_of(m.start)
            history.append((m.start, s, m.actor))
            search.add(s, m.start, m.end, m.actor)
            mi += 1
        if not t.is_word or not history:
            continue
        if low != "the":
            if _inside(covered, t.start):
                continue
            sent = sent_of(t.start)
            if sent is None:
                continue
            a = search.antecedent(i, low, sent)
            if a is not None:
                added.append(Cand(t.start, t.end, "pronoun", t.text, actors[a].type, actor=a))
                history.append((t.start, sent, a))
                search.add(sent, t.start, t.end, a)
        elif i + 1 < n_toks:
            head = lower[i + 1]
            refers = desc.get(head)
            if not refers or _inside(covered, toks[i + 1].start):
                continue
            nxt = toks[i + 2].text if i + 2 < n_toks else ""
            if (lower[i + 2] if i + 2 < n_toks else "") == "of" or nxt[:1].isupper():
                continue
            sent = sent_of(t.start)
            if refers == ("title",):
                a = _recent(history, actors, sent, None, lambda x: head in x.titles)
            else:
                a = _recent(history, actors, sent, 5, lambda x: x.type in refers)
            if a is not None:
                end = toks[i + 1].end
                added.append(Cand(t.start, end, "description", doc.text[t.start:end],
                                  actors[a].type, actor=a))
                history.append((t.start, sent, a))
                search.add(sent, t.start, end, a)
    if not added:
        return mentions
    out = mentions + added
    out.sort(key=lambda c: (c.start, -c.end))
    return out


def _recent(history, actors, sent: Optional[int], window: Optional[int], ok) -> Optional[int]:
    for start, s, a in reversed(history):
        if window is not None and sent is not None and s is not None and sent - s > window:
            return None
        if ok(actors[a]):
            return a
    return None
