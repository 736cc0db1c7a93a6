"""Sources by type: who gets quoted, how diverse the voices are, who leads,
and which reporting verbs each side gets (CODEBOOK.md §3, §6).

Reads the quotation analyzer's items (speakers, speaker spans, cue
categories) and the actor analyzer's actors (mentions, types, groups from
the actors file). One item per speaker (canonical name): its type from
:mod:`.roles` with the evidence span, the matched actor and its ``group``
(the side), the number of quotes and quoted words, the order in which it
is first quoted and whether that is in the lede (headline and the paragraph
after it: the inverted pyramid, Pöttker 2003), the stance of its cue verbs
(:func:`.lexicon.stance_of`), and — only with the ``source_gender`` option
— a gender from explicit evidence (honorific, gendered role noun, a pronoun
resolved to the speaker), never from a first name.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from typing import Any

from ...document import lede_end
from ...report import Evidence, SourceItem, SourcesSection
from ..base import Analyzer, Context
from .diversity import describe
from .lexicon import stance_of
from .roles import PRONOUN_GENDER, gender_of, type_speaker

MAX_SPANS = 40  # first mentions looked at per source: descriptions come early (and 10,000 repeats stay linear)
PRONOUNS = frozenset(PRONOUN_GENDER) | {"they", "them", "their", "it", "its", "i", "we", "who",
                                         "which", "you"}


def _actor_index(actors: Any) -> tuple[list[tuple[int, int, Any]], list[int]]:
    spans = sorted(((m.start, m.end, a) for a in (getattr(actors, "items", None) or [])
                    for m in a.mentions), key=lambda s: (s[0], s[1]))
    return spans, [s[0] for s in spans]


def _actor_at(index, s: int | None, e: int | None) -> Any:
    spans, starts = index
    if s is None or e is None:
        return None
    for ms, me, a in spans[max(0, bisect_left(starts, s) - 1):bisect_left(starts, e)]:
        if ms < e and s < me:
            return a
    return None


def _is_pronoun(text: str) -> bool:
    return text.strip().lower() in PRONOUNS


def analyze_sources(ctx: Context) -> SourcesSection:
    doc = ctx.doc
    text = doc.text
    quotes = ctx.section("quotes")
    actors = ctx.section("actors")
    gender_on = bool(ctx.options.get("source_gender"))
    qitems = [q for q in (getattr(quotes, "items", None) or []) if q.speaker]
    if not qitems:
        return SourcesSection(gender_enabled=gender_on)
    index = _actor_index(actors)
    by_name: dict[str, list] = {}
    for q in sorted(qitems, key=lambda q: (q.start, q.end)):
        by_name.setdefault(q.speaker, []).append(q)
    users = ctx.options.get("actors") or {}
    stances = stance_of()
    lede = lede_end(doc)
    items = []
    for name, qs in by_name.items():
        own = [(q.speaker_start, q.speaker_end) for q in qs
               if q.speaker_start is not None and q.speaker_end is not None]
        named = [sp for sp in own if not _is_pronoun(text[sp[0]:sp[1]])]
        actor = next((a for a in (_actor_at(index, s, e) for s, e in named) if a is not None), None)
        if actor is None:
            actor = next((a for a in getattr(actors, "items", None) or [] if a.name == name), None)
        seen = set(named)
        more = [(m.start, m.end) for m in (actor.mentions if actor else [])
                if m.kind != "pronoun" and (m.start, m.end) not in seen][:MAX_SPANS]
        group = actor.group if actor is not None else None
        user = users.get(actor.name) if actor is not None and isinstance(users, dict) else None
        side_type = group if group else (user or {}).get("group") if isinstance(user, dict) else None
        typed = type_speaker(text, sorted(seen)[:MAX_SPANS], unnamed=any(q.unnamed for q in qs),
                             place=actor is not None and actor.type == "place",
                             side_type=side_type, more=more)
        first = (named or own or [(qs[0].start, qs[0].end)])[0]
        if not named and more:
            first = more[0]
        cats = Counter(q.cue_category for q in qs if q.cue_category)
        stance = Counter(stances.get(q.cue_category, "other") for q in qs if q.cue_category)
        item = SourceItem(
            name=name, start=first[0], end=first[1], text=text[first[0]:first[1]],
            type=typed.type, rule=typed.rule,
            evidence=Evidence(typed.start, typed.end, text[typed.start:typed.end])
            if typed.start is not None else None,
            group=group, actor=actor.name if actor is not None else None,
            quotes=len(qs), words=sum(q.words for q in qs), first_quote=qs[0].start,
            in_lede=qs[0].start < lede, cue_categories=dict(sorted(cats.items())),
            stance=dict(sorted(stance.items())))
        if gender_on:
            pron = [sp for sp in own if _is_pronoun(text[sp[0]:sp[1]])]
            pron += [(m.start, m.end) for m in (actor.mentions if actor else []) if m.kind == "pronoun"]
            g, gs, ge = gender_of(text, sorted(seen)[:MAX_SPANS] + more, pron[:MAX_SPANS])
            if g is not None:
                item.gender, item.gender_evidence = g, Evidence(gs, ge, text[gs:ge])
        items.append(item)
    items.sort(key=lambda it: (it.first_quote, it.name))
    for rank, it in enumerate(items, 1):
        it.rank = rank
    return _section(items, gender_on)


def _section(items: list[SourceItem], gender_on: bool) -> SourcesSection:
    d = describe([it.type for it in items])
    by_type = Counter(it.type for it in items)
    quotes_by_type: Counter = Counter()
    by_side: dict[str, Counter] = {}
    by_kind: dict[str, Counter] = {}
    for it in items:
        quotes_by_type[it.type] += it.quotes
        for side, table in ((it.group, by_side), (it.type, by_kind)):
            if side:
                table.setdefault(side, Counter()).update(it.stance)
    return SourcesSection(
        items=items, count=len(items),
        by_type=dict(sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0]))),
        shares={k: round(v, 4) for k, v in d["shares"].items()},
        quotes_by_type=dict(sorted(quotes_by_type.items(), key=lambda kv: (-kv[1], kv[0]))),
        simpson=_r(d["simpson"]), shannon=_r(d["shannon"]),
        first=items[0].name, first_type=items[0].type,
        lede_types=dict(sorted(Counter(it.type for it in items if it.in_lede).items())),
        stance_by_side={k: dict(sorted(v.items())) for k, v in sorted(by_side.items())},
        stance_by_type={k: dict(sorted(v.items())) for k, v in sorted(by_kind.items())},
        gender=dict(sorted(Counter(it.gender or "not stated" for it in items).items()))
        if gender_on else {},
        gender_enabled=gender_on)


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


ANALYZER = Analyzer(
    "sources",
    analyze_sources,
    requires=("quotes", "actors"),
    description="quoted sources by type (official, police/military, expert, business, advocacy, "
                "citizen, affected, media, anonymous) with evidence; diversity; prominence",
)
