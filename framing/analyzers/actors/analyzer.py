"""Actors and the sentiment the article shows toward each of them.

Assigns ``actors``; reads ``quotes`` when the quotation analyzer ran (for
who speaks about whom) and the voice map it extended (author vs quoted).

Steps, each in its own module:

1. ``detect`` — mentions by rule: names, titles, acronyms, demonyms,
   group nouns (no downloaded model);
2. ``merge`` — user actors (``framing.analyze(text, actors=...)``,
   ``--actors actors.toml``) first, then alias merging;
   ``kinds`` — untyped names typed from their context, then ``shape`` — by
   their form (before coreference, whose agreement reads the types);
3. ``coref`` — pronouns and definite descriptions ("the group"),
   then he/she resolved to an untyped name types it a person;
4. here — each mention scored by :func:`framing.sentiment.linear` (target-dependent,
   the mention's sentence as context), then per actor: mean score with n and
   a 95 % t-interval, overall and separately in the author's voice and in
   quotes; salience; and speaker → actor sentiment from the quotes section.

Salience is each actor's share of the article's weighted mentions: a name
weighs 1, a pronoun or description 0.5, and any mention in the headline or
the first paragraph after it counts double (the "inverted pyramid": what
leads is what the story is about).

An actor's ``label`` follows its mean score: positive ≥ 0.2, negative ≤ −0.2,
else neutral. Mention labels are the model's most probable class.
"""
from __future__ import annotations

import math
from bisect import bisect_left
from typing import Any

from ...document import Document, lede_end
from ...report import ActorItem, ActorsSection, Mention, SentimentSummary, SpeakerActorItem
from ...sentiment.labels import label_of, summarise  # noqa: F401 (label_of re-exported)
from ...sentiment.linear import SentimentScorer
from .coref import SentenceWalk, resolve
from .detect import Cand, detect
from .merge import Actor, merge, normalise_user
from .kinds import type_by_context, type_by_pronouns, type_cands
from .shape import type_by_shape
from ..base import Analyzer, Context

def find_mentions(doc: Document, actors: Any = None) -> tuple[list[Actor], list[Cand]]:
    """Actors and their mentions (detected, merged, coreference resolved)."""
    users = normalise_user(actors)
    cands = detect(doc)
    type_cands(doc, cands)
    found, mentions = merge(doc, cands, users)
    type_by_context(doc, found, mentions)
    type_by_shape(doc, found, mentions)
    mentions = resolve(doc, found, mentions)
    type_by_pronouns(found, mentions)
    return found, mentions


_HALF_WEIGHT = frozenset(("pronoun", "description"))


def analyze_actors(ctx: Context) -> ActorsSection:
    doc = ctx.doc
    if not doc.tokens:
        return ActorsSection()
    actors, mentions = find_mentions(doc, ctx.options.get("actors"))
    if not mentions:
        return ActorsSection()
    if ctx.options.get("fast"):
        label_score = SentimentScorer(doc).label_score
        scored = [label_score(c.start, c.end) for c in mentions]
    else:
        from ...sentiment.encoder import score_spans

        scored = [(label, score) for label, score, _ in
                  score_spans(doc, [(c.start, c.end) for c in mentions])]
    voice = ctx.voice
    text = doc.text
    sentences = doc.sentences
    sent_of = SentenceWalk(doc)  # mentions come in text order
    by_actor: dict[int, list[Mention]] = {}
    weight: dict[int, float] = {}
    lead = lede_end(doc)
    for c, (label, score) in zip(mentions, scored):
        start, end = c.start, c.end
        si = sent_of(start)
        ss, se = (sentences[si].start, sentences[si].end) if si is not None else (0, 0)
        m = Mention(start, end, text[start:end], score, label, voice(start, end), c.kind, ss, se)
        idx = c.actor
        ms = by_actor.get(idx)
        if ms is None:
            by_actor[idx] = [m]
        else:
            ms.append(m)
        w = 0.5 if c.kind in _HALF_WEIGHT else 1.0
        weight[idx] = weight.get(idx, 0.0) + (2 * w if start < lead else w)
    total = sum(weight.values()) or 1.0
    items = []
    for idx, ms in by_actor.items():
        a = actors[idx]
        scores = [m.score for m in ms]
        author = [m.score for m in ms if m.voice == "author"]
        quoted = [m.score for m in ms if m.voice == "quoted"]
        overall = summarise(scores)
        items.append(ActorItem(
            name=a.name, score=overall.score, label=overall.label, mentions=ms,
            type=a.type, source=a.source, aliases=sorted(a.aliases - {a.name}), group=a.group,
            salience=round(weight[idx] / total, 4), n=overall.n,
            ci_low=overall.ci_low, ci_high=overall.ci_high,
            author=summarise(author),
            quoted=summarise(quoted),
        ))
    items.sort(key=lambda it: (-it.salience, it.mentions[0].start, it.name))
    return ActorsSection(items=items, speaker_actor=_speaker_actor(ctx, items),
                         sentiment_model=model_name(bool(ctx.options.get("fast"))))


def model_name(fast: bool) -> str:
    """The sentiment model a report's scores come from."""
    return "linear (fast)" if fast else "encoder (MiniLM-L6 fine-tuned on NewsMTSC, one pass per sentence, int8 ONNX)"


def _speaker_actor(ctx: Context, items: list[ActorItem]) -> list[SpeakerActorItem]:
    """Sentiment toward each actor inside each speaker's quotes. The speaker
    is named by the actor whose mention overlaps the quote's speaker span,
    else by the quotation analyzer's canonical speaker name."""
    quotes = ctx.section("quotes")
    qitems = getattr(quotes, "items", None) or []
    if not qitems:
        return []
    spans = []  # (start, end, actor name, score) of every mention
    for it in items:
        for m in it.mentions:
            spans.append((m.start, m.end, it.name, m.score))
    spans.sort()
    starts = [s[0] for s in spans]
    pairs: dict[tuple[str, str], list[float]] = {}
    for q in qitems:
        if q.speaker is None:
            continue
        speaker = q.speaker
        ss, se = q.speaker_start, q.speaker_end
        has_span = ss is not None and se is not None
        if has_span:
            k = bisect_left(starts, se)
            for s, e, name, _ in spans[max(0, bisect_left(starts, ss) - 1):k]:
                if s < se and ss < e:
                    speaker = name
                    break
        parts = [tuple(p) for p in (getattr(q, "parts", None) or [])] or [(q.start, q.end)]
        for ps, pe in parts:
            for s, e, name, score in spans[bisect_left(starts, ps):bisect_left(starts, pe)]:
                if e > pe or (has_span and s < se and ss < e):
                    continue  # runs past the quote, or is the speaker's own name
                pairs.setdefault((speaker, name), []).append(score)
    out = []
    for (speaker, actor), scores in sorted(pairs.items()):
        sm = summarise(scores)
        out.append(SpeakerActorItem(speaker, actor, sm.n, sm.score, sm.label, sm.ci_low,
                                    sm.ci_high))
    return out


ANALYZER = Analyzer(
    "actors",
    analyze_actors,
    requires=("quotes", "voices"),
    description="actors (people, organisations, places, groups) and target-dependent "
                "sentiment toward each, by voice",
)
