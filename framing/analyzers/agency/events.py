"""Nominalisations and intransitive reports of harmful events.

A **nominalisation** names an event as a noun and so needs no doer ("the
shooting", "deaths", "an officer-involved incident"; Fowler 1991, ch. 5;
Billig 2008). The nouns are ``lexicons/agency_nominalisations.tsv``; a form
that is also a verb or gerund ("attack", "shooting") counts only after a
determiner or a possessive ("the attack", "police's shooting") or before a
preposition that takes its participant ("attack on", "shooting of"), and an
*-ing* form never when *be* stands before it ("were shooting") or an object
follows ("after shooting him"), unless "of" follows ("the army's shelling
of"). The doer is named by an agentive by-phrase
("the shooting by an officer"), or by a possessive when an "of" phrase
names the affected party ("the army's shelling of the town"); otherwise the
finding is agentless. "of X" names the affected party ("the killing of a
teenager"), and so does a possessive without one ("Reyes's death", "his
arrest": Grimshaw 1990, *Argument Structure*, ch. 3, on possessors of
event nominals).

An **intransitive** (or ergative) report lets the affected party or the
thing carry the event ("the man died", "the building collapsed", "violence
broke out"; Levin 1993, §1.1.2 on the causative/inchoative alternation).
Verbs are ``lexicons/agency_intransitive.tsv``; an ergative verb followed by
an object ("he crashed the car") is transitive and not counted, and a verb
right after *be/get* belongs to a passive or an adjective instead.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...lexicons import load_table
from . import passives as P

NOMINAL = "agency_nominalisations.tsv"
INTRANSITIVE = "agency_intransitive.tsv"
ARGUMENT_PREPS = frozenset(("of", "on", "against", "at", "in"))


@dataclass(frozen=True)
class Entry:
    tokens: tuple[str, ...]   # each slot: alternatives joined by "/"
    lemma: str
    flag: bool                # verbal (nominalisations) / ergative (intransitives)


@dataclass(frozen=True)
class Event:
    kind: str                 # "nominalisation" | "intransitive"
    first: int                # token indices [first, end)
    end: int
    lemma: str
    agent: tuple[int, int] | None = None
    affected: tuple[int, int] | None = None


def _index(name: str, flag_column: str) -> dict[str, tuple[Entry, ...]]:
    table: dict[str, list[Entry]] = {}
    for row in load_table(name):
        slots = tuple(row["form"].lower().split())
        entry = Entry(slots, row.get("event") or row["lemma"], row[flag_column] == "yes")
        for first in slots[0].split("/"):
            table.setdefault(first, []).append(entry)
    return {k: tuple(sorted(v, key=lambda e: -len(e.tokens))) for k, v in table.items()}


@lru_cache(maxsize=1)
def nominal_index() -> dict[str, tuple[Entry, ...]]:
    return _index(NOMINAL, "verbal")


@lru_cache(maxsize=1)
def intransitive_index() -> dict[str, tuple[Entry, ...]]:
    return _index(INTRANSITIVE, "ergative")


def _match(entry: Entry, lows: list[str], i: int, hi: int) -> int:
    """End index when ``entry`` matches at ``i`` (0 when not)."""
    j = i + len(entry.tokens)
    if j > hi:
        return 0
    for k, slot in enumerate(entry.tokens):
        if lows[i + k] not in slot.split("/"):
            return 0
    return j


def _possessive(low: str) -> bool:
    return low.endswith("'s") or low.endswith("s'")


def find_events(lows: list[str], is_word: list[bool], texts: list[str], lo: int, hi: int,
                taken: set[int]) -> list[Event]:
    """Nominalisations and intransitive reports among tokens ``lo:hi`` (a
    sentence); ``taken`` are token indices already in a passive."""
    w = P.words()
    nominal, intrans, dets = nominal_index(), intransitive_index(), w.determiners
    out: list[Event] = []
    i = lo
    while i < hi:
        low = lows[i]
        if i in taken or not (low in nominal or low in intrans):
            i += 1
            continue
        prev = lows[i - 1] if i > lo else ""
        ev = None
        for entry in nominal.get(low, ()):
            j = _match(entry, lows, i, hi)
            if not j:
                continue
            nxt = lows[j] if j < hi else ""
            if entry.flag:
                nounish = prev in dets or _possessive(prev) or nxt in ARGUMENT_PREPS
                if low.endswith("ing") and nxt != "of" and (P.aux_of(prev, w) or nxt in dets
                                                             or nxt in w.subjects):
                    nounish = False
                if not nounish:
                    continue
            agent = P.find_agent(lows, texts, is_word, j - 1, hi, w)
            affected = None
            if nxt == "of" and j + 1 < hi and is_word[j + 1]:
                affected = (j + 1, P.noun_phrase_end(lows, texts, is_word, j + 1, hi, w))
            if _possessive(prev) and i - 1 >= lo:
                # "Reyes's death", "his arrest": the possessor is the one it happened
                # to; with an "of" phrase it is the doer ("the officer's shooting of")
                if affected is None:
                    affected = (i - 1, i)
                elif agent is None:
                    agent = (i - 1, i)
            ev = Event("nominalisation", i, j, entry.lemma, agent, affected)
            break
        if ev is None and not P.aux_of(prev, w):
            for entry in intrans.get(low, ()):
                j = _match(entry, lows, i, hi)
                if not j:
                    continue
                if entry.flag and j < hi and (lows[j] in dets or lows[j] in w.subjects
                                              or texts[j][:1].isupper()):
                    continue  # "crashed the car": transitive, the subject is the doer
                ev = Event("intransitive", i, j, entry.lemma)
                break
        if ev is None:
            i += 1
            continue
        out.append(ev)
        i = ev.end
    return out
