"""Agency: who is made to act, who is acted on (CODEBOOK §5).

Three devices that let a report leave the doer of an event out, each
found with its evidence span, its voice (author or quoted, from the voice
map) and its sentence:

- **passive** predicates, agentless unless a by-phrase names the doer
  ("shots were fired" vs "was fired by the board"), kept apart from
  adjectival participles ("she was tired") by a small classifier —
  :mod:`.passives`;
- **nominalisations** of harmful events ("the shooting", "deaths") and
  **intransitive** reports ("the man died", "the building collapsed") —
  :mod:`.events`;
- per actor (when the actors section ran): how often it is the agent and
  how often the affected party of a harmful event — :mod:`.roles`.

Why it matters: US TV news reports police killings with more passives,
nominalisations and intransitive verbs than other killings, and readers
shown that wording blame the officers less (Moreno-Medina, Ouss, Bayer &
Ba, QJE 2025); agentless passives and nominalisations are the classic means
of deleting agency in news (Fowler 1991, *Language in the News*, ch. 5;
Trew 1979, "Theory and ideology at work").
"""
from __future__ import annotations

from typing import NamedTuple

from ...document import Document
from ...report import AgencyItem, AgencySection, per_1k
from ..base import Analyzer, Context
from . import events as E
from . import passives as P
from .roles import assign, harm_verbs, is_harm

KINDS = ("passive", "agentless_passive", "nominalisation", "intransitive")


class Passive(NamedTuple):
    aux: int
    part: int
    agent: tuple[int, int] | None
    p: float


def _lows(doc: Document) -> list[str]:
    lows = list(doc.lower_tokens)
    if "’" in doc.text:
        lows = [x.replace("’", "'") for x in lows]
    return lows


def sentence_passives(lows: list[str], texts: list[str], isw: list[bool], lo: int, hi: int,
                      w: P.Words) -> list[Passive]:
    """The passives among tokens ``lo:hi`` (one sentence). A harm verb's
    participle after *be/get* ("two officers were wounded") counts whatever
    the classifier says: a statal reading still reports a harm whose doer
    goes unnamed (Quirk et al. 1985, §3.77, statal passives)."""
    out = []
    cut = P.threshold()
    for i, j in P.candidates(lows, isw, lo, hi, w):
        p = P.probability(P.features(lows, texts, isw, i, j, hi, w))
        if p >= cut or is_harm(lows[j]):
            agent = P.find_agent(lows, texts, isw, j, hi, w) if j > i else None
            out.append(Passive(i, j, agent, p))
    return out


def find_passives(doc: Document, lows: list[str] | None = None) -> list[Passive]:
    """Every passive predicate in ``doc`` (token indices), in text order."""
    w = P.words()
    lows = _lows(doc) if lows is None else lows
    isw = [t.is_word for t in doc.tokens]
    texts = [t.text for t in doc.tokens]
    token_index = doc.token_index
    out = []
    for sent in doc.sentences:
        out += sentence_passives(lows, texts, isw, token_index(sent.start),
                                 token_index(sent.end), w)
    return out


def run(ctx: Context) -> AgencySection:
    doc = ctx.doc
    if not doc.tokens:
        return AgencySection()
    text, toks = doc.text, doc.tokens
    lows = _lows(doc)
    isw = [t.is_word for t in toks]
    texts = [t.text for t in toks]
    w = P.words()
    token_index = doc.token_index
    items: list[AgencyItem] = []
    harmful: list[tuple[str, int, int, int, int]] = []
    active: list[tuple[int, int]] = []
    verbs = harm_verbs()
    for si, sent in enumerate(doc.sentences):
        lo, hi = token_index(sent.start), token_index(sent.end)
        if lo >= hi:
            continue
        ss, se = sent.start, sent.end
        taken: set[int] = set()
        found: list[tuple[int, AgencyItem, int]] = []
        for i, j, agent, p in sentence_passives(lows, texts, isw, lo, hi, w):
            a, b = min(i, j), max(i, j)
            while a == i and a > lo and P.aux_of(lows[a - 1], w):
                a -= 1  # "are being asked": the span starts at the first auxiliary
                i = a
            taken.update((i, j))
            start, end = toks[a].start, toks[b].end
            item = AgencyItem(start, end, text[start:end], "passive", agent is None,
                              lemma=lows[j], harmful=is_harm(lows[j]), confidence=round(p, 3),
                              sentence_start=ss, sentence_end=se)
            if agent:
                item.agent_start, item.agent_end = toks[agent[0]].start, toks[agent[1] - 1].end
                item.agent_text = text[item.agent_start:item.agent_end]
            found.append((a, item, a))
        for ev in E.find_events(lows, isw, texts, lo, hi, taken):
            start, end = toks[ev.first].start, toks[ev.end - 1].end
            item = AgencyItem(start, end, text[start:end], ev.kind, ev.agent is None,
                              lemma=ev.lemma, harmful=True, sentence_start=ss, sentence_end=se)
            if ev.agent:
                item.agent_start, item.agent_end = toks[ev.agent[0]].start, toks[ev.agent[1] - 1].end
                item.agent_text = text[item.agent_start:item.agent_end]
            if ev.affected:
                item.affected_start = toks[ev.affected[0]].start
                item.affected_end = toks[ev.affected[1] - 1].end
                item.affected_text = text[item.affected_start:item.affected_end]
            found.append((ev.first, item, ev.first))
            taken.update(range(ev.first, ev.end))
        found.sort(key=lambda f: f[1].start)
        for first, item, _ in found:
            if item.harmful:
                harmful.append((item.kind, first, len(items), ss, se))
            items.append(item)
        for v in range(lo + 1, hi):
            if v not in taken and lows[v] in verbs and not P.aux_of(lows[v - 1], w):
                active.append((v, si))
    for it in items:
        it.voice = ctx.voice(it.start, it.end)
    by_voice = {v: {k: 0 for k in KINDS} for v in ("author", "quoted")}
    for it in items:
        by_voice[it.voice][it.kind] += 1
        if it.kind == "passive" and it.agentless:
            by_voice[it.voice]["agentless_passive"] += 1
    counts = {k: by_voice["author"][k] + by_voice["quoted"][k] for k in KINDS}
    words = doc.words
    actors = ctx.section("actors")
    return AgencySection(
        count=len(items), passives=counts["passive"],
        agentless_passives=counts["agentless_passive"],
        nominalisations=counts["nominalisation"], intransitives=counts["intransitive"],
        passives_per_1k_words=per_1k(counts["passive"], words),
        agentless_passives_per_1k_words=per_1k(counts["agentless_passive"], words),
        nominalisations_per_1k_words=per_1k(counts["nominalisation"], words),
        intransitives_per_1k_words=per_1k(counts["intransitive"], words),
        by_voice=by_voice,
        actors=assign(doc, lows, actors, items, harmful, active) if actors is not None else [],
        items=items)


ANALYZER = Analyzer(
    "agency", run, requires=("voices", "actors"),
    description="Passives (agentless or with a by-phrase), nominalisations and intransitive "
                "reports of harmful events, by voice; per actor, agent vs affected counts.")
