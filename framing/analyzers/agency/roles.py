"""Per actor: how often the agent, how often the affected party of a harmful event.

CODEBOOK §5 asks, per actor, how often it is the doer and how often the
one done to. Roles are read from positions, not from a parse (so they are
approximate, and each has its evidence span):

- passive of a harm verb ("two protesters were shot by police"): the
  mention right before the auxiliary (at most three tokens between, only
  commas, relative words, numbers and adverbs: "Reyes, 45, who was shot")
  is affected; a mention inside the by-phrase is
  the agent;
- nominalisation ("the killing of a teenager by officers"): a mention in
  the "of" phrase is affected, one in the by-phrase or the possessive is
  the agent;
- intransitive report ("the driver died"): the mention right before is
  affected;
- active clause with a harm verb from ``lexicons/agency_harm_verbs.tsv``
  ("police shot a man"): the mention right before the verb is the agent
  and a mention starting within two tokens after it, behind a determiner,
  is affected (a reduced relative "the man shot on Monday" has no such
  object and is skipped).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Any

from ...document import Document
from ...lexicons import load_table
from ...report import AgencyActor, AgencyItem, AgencyRole
from .passives import words

SUBJECT_GAP = 3
OBJECT_GAP = 2
_LINKS = frozenset((",", "who", "that", "which", "-", "—", "–"))  # punctuation and relatives


@lru_cache(maxsize=1)
def harm_verbs() -> dict[str, str]:
    """form → lemma of the verbs of harm (multi-word forms keyed by their first word)."""
    return {row["form"].lower(): row["lemma"] for row in load_table("agency_harm_verbs.tsv")}


def is_harm(low: str) -> bool:
    verbs = harm_verbs()
    return low in verbs or ("-" in low and low.rsplit("-", 1)[1] in verbs)


class Mentions:
    """Every actor mention by character offset."""

    def __init__(self, actors_section: Any):
        spans = []
        for it in getattr(actors_section, "items", None) or []:
            for m in it.mentions:
                spans.append((m.start, m.end, it.name))
        spans.sort()
        self.spans = spans
        self.starts = [s for s, _, _ in spans]
        self.ends = sorted((e, k) for k, (_, e, _) in enumerate(spans))
        self.end_keys = [e for e, _ in self.ends]

    def inside(self, start: int, end: int):
        """The first mention that starts in ``[start, end)``."""
        k = bisect_left(self.starts, start)
        if k < len(self.spans) and self.spans[k][0] < end:
            return self.spans[k]
        return None

    def ending_before(self, offset: int, floor: int):
        """The mention ending nearest before ``offset`` (and after ``floor``)."""
        k = bisect_right(self.end_keys, offset) - 1
        if k >= 0 and self.ends[k][0] > floor:
            return self.spans[self.ends[k][1]]
        return None


def _subject(doc: Document, lows: list[str], mentions: Mentions, token: int, sent_start: int):
    """The mention just before token ``token``: at most SUBJECT_GAP tokens
    between, each a relative word, a comma, a number or an adverb ("the
    man, 45, who was shot")."""
    pos = doc.tokens[token].start
    m = mentions.ending_before(pos, sent_start - 1)
    if m is None or m[0] < sent_start:
        return None
    k = doc.token_index(m[1])
    if token - k > SUBJECT_GAP:
        return None
    between = words().between
    for low in lows[k:token]:
        if not (low in _LINKS or low in between or low.endswith("ly") or low[:1].isdigit()):
            return None
    return m


def assign(doc: Document, lows: list[str], actors_section: Any, items: list[AgencyItem],
           events: list[tuple[str, int, int, int, int]], active: list[tuple[int, int]]
           ) -> list[AgencyActor]:
    """Roles per actor. ``events`` parallels the harmful ``items`` as
    ``(kind, first_token, item_index, sentence_start, sentence_end)``;
    ``active`` are ``(verb_token, sentence_index)`` of active harm verbs."""
    mentions = Mentions(actors_section)
    if not mentions.spans:
        return []
    text = doc.text
    roles: dict[str, list[AgencyRole]] = {}

    def add(m, role, kind, es, ee, agentless):
        roles.setdefault(m[2], []).append(AgencyRole(m[0], m[1], text[m[0]:m[1]], role, kind,
                                                     es, ee, agentless))

    for kind, first, k, ss, se in events:
        it = items[k]
        if it.agent_start is not None:
            m = mentions.inside(it.agent_start, it.agent_end)
            if m is not None:
                add(m, "agent", kind, it.start, it.end, False)
        if it.affected_start is not None:
            m = mentions.inside(it.affected_start, it.affected_end)
        else:
            m = _subject(doc, lows, mentions, first, ss) if kind != "nominalisation" else None
        if m is not None:
            add(m, "affected", kind, it.start, it.end, it.agentless)
    toks = doc.tokens
    for v, si in active:
        sent = doc.sentences[si]
        subj = _subject(doc, lows, mentions, v, sent.start)
        end = toks[min(v + OBJECT_GAP, len(toks) - 1)].end
        obj = mentions.inside(toks[v].end, min(end, sent.end)) if v + 1 < len(toks) else None
        if obj is None:
            continue  # no object: perhaps "the man shot on Monday" (a reduced passive)
        if subj is not None:
            add(subj, "agent", "active", toks[v].start, toks[v].end, False)
        add(obj, "affected", "active", toks[v].start, toks[v].end, subj is None)
    out = []
    for name, rs in roles.items():
        rs.sort(key=lambda r: (r.start, r.role))
        out.append(AgencyActor(
            name, agent=sum(r.role == "agent" for r in rs),
            affected=sum(r.role == "affected" for r in rs),
            affected_agentless=sum(r.role == "affected" and r.agentless for r in rs), roles=rs))
    out.sort(key=lambda a: (-(a.agent + a.affected), a.name))
    return out
