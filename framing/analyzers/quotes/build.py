"""Speakers resolved and named, and the quotes section built.

Pronouns ("she", "they", "it", "who") and definite descriptions ("the
spokesman", "the statement") are resolved to the most recent compatible
earlier speaker or named person (recency with gender and number agreement,
the core of Lappin & Leass 1994); names are grouped under one canonical form
("Laessing" → "Ulf Laessing"); then every attribution becomes a
:class:`~framing.report.QuoteItem` and each speaker a
:class:`~framing.report.SpeakerSummary` (quotes, words, share of all quoted
words, cue verbs and their categories).
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Optional

from ...document import Document
from ...report import QuoteItem, QuotesSection, ScareQuoteItem, SpeakerSummary
from .attribution import Attribution
from .lexicon import cue_name
from .descriptions import head_noun, is_bare, own_name, resolve_description
from .marks import WORD_RE, Region
from .speakers import Tokens, canonical_names, name_mentions

# Cue frames that report no one's words or thoughts but their stance, aims or
# topic ("voters support Clinton", "she talked about jobs"): kept as items (with
# their category) but left out of quoted words, shares and the voice map, so
# the author's own words there stay in the author's voice.
NOT_WORDS = frozenset(("stance", "intention", "topic"))
PRONOUN_WINDOW = 600  # characters to look further back for a gender match


def _resolve(tk: Tokens, lex, items: list[Attribution]) -> list[tuple[Optional[str], str]]:
    """(canonical name, resolved type) per item, in ``items`` order."""
    text = tk.text
    named = [(a.speaker.start, a.speaker.type, a.speaker.name) for a in items
             if a.speaker is not None and a.speaker.name and a.speaker.type in ("named", "organisation")]
    needs = any(a.speaker is not None and (a.speaker.type == "pronoun" or a.speaker.definite
                                           or a.antecedent is not None) for a in items)
    people = name_mentions(text, lex) if needs else []
    canon = canonical_names(named + [(o, "named", n) for o, n, _ in people])
    gender: dict[str, str] = {}
    for o, n, g in people:
        if g:
            gender.setdefault(canon.get(("named", n), n), g)
    for a in items:
        m = a.speaker
        if m is not None and m.type == "named" and m.name and m.gender:
            gender.setdefault(canon.get(("named", m.name), m.name), m.gender)
    # candidates for pronouns: (offset, name, type, gender, roles)
    cands = [(o, canon.get(("named", n), n), "named", frozenset()) for o, n, _ in people]
    for a in items:
        m = a.speaker
        if m is not None and m.type in ("named", "organisation") and m.name:
            cands.append((m.start, canon.get((m.type, m.name), m.name), m.type, m.roles))
        elif m is not None and m.type == "unnamed" and m.gender == "p":
            cands.append((m.start, m.name, "unnamed-p", m.roles))
    cands.sort(key=lambda c: c[0])
    offs = [c[0] for c in cands]
    bodies = []  # organisations as speakers, for "the office said": (offset, name, head)
    for a in items:
        m = a.speaker
        if m is None or m.type != "organisation":
            continue
        if m.name and not m.definite:
            name = canon.get(("organisation", m.name), m.name)
            bodies.append((m.start, name, head_noun(name)))
        elif m.definite and not is_bare(m):
            bodies.append((m.start, own_name(m), head_noun(m.text)))
    bodies.sort()

    # names inside quotation marks are the quoted speaker's words, not the
    # reporter's: '"Lee is wrong," he said' — "he" is not Lee
    quoted = sorted((s, e) for a in items if a.kind == "direct" for s, e in a.parts)
    q_starts = [s for s, _ in quoted]

    def in_quote(off: int) -> bool:
        k = bisect_right(q_starts, off) - 1
        return k >= 0 and quoted[k][0] <= off < quoted[k][1]

    def find(pos: int, want: str, roles=frozenset(), g: str = ""):
        i = bisect_right(offs, pos - 1) - 1
        fallback = None
        while i >= 0:
            off, name, type_, croles = cands[i]
            if in_quote(off):
                i -= 1
                continue
            if fallback is not None and pos - off > PRONOUN_WINDOW:
                return fallback
            if want == "person" and type_ == "named":
                cg = gender.get(name, "")
                if (not g or not cg or cg == g) and (not roles or roles & croles):
                    if cg == g or not g:
                        return name, type_
                    fallback = fallback or (name, type_)  # gender unknown: keep looking
            elif want == "org" and type_ == "organisation":
                return name, type_
            elif want == "plural" and type_ in ("unnamed-p", "organisation"):
                return name, "unnamed" if type_ == "unnamed-p" else type_
            i -= 1
        return fallback or (None, "")

    out = []
    for a in items:
        m = a.speaker
        if m is None:
            out.append((None, ""))
            continue
        if a.antecedent is not None:
            m2 = a.antecedent
            if m2.type in ("named", "organisation") and m2.name:
                out.append((canon.get((m2.type, m2.name), m2.name), m2.type))
                continue
            m = m2
        if m.type in ("named", "organisation") and m.name and not m.definite:
            out.append((canon.get((m.type, m.name), m.name), m.type))
        elif m.type == "pronoun":
            g = m.gender
            if g in ("m", "f"):
                out.append(find(m.start, "person", g=g))
            elif g == "n":
                out.append(find(m.start, "org"))
            elif g == "p":
                out.append(find(m.start, "plural"))
            else:
                out.append((None, ""))
        elif m.definite and m.type == "organisation":
            out.append(resolve_description(m, text, bodies, lambda pos: find(pos, "org")))
        elif m.definite and m.roles:
            name, type_ = find(m.start, "person", roles=m.roles)
            out.append((name, type_) if name else (m.name, "unnamed"))
        elif m.definite and m.type == "unnamed" and m.text.lower().endswith("statement"):
            name, type_ = find(m.start, "org")
            out.append((name, type_) if name else (m.name, "unnamed"))
        else:
            out.append((m.name or " ".join(m.text.split()), m.type))
    return out


def _words(text: str, parts) -> int:
    return sum(len(WORD_RE.findall(text, s, e)) for s, e in parts)


def build(doc: Document, lex, tk: Tokens, items: list[Attribution],
           scare: list[tuple[Region, str]]) -> tuple[QuotesSection, list[tuple[int, int]]]:
    text = doc.text
    resolved = _resolve(tk, lex, items)
    out: list[QuoteItem] = []
    voice: list[tuple[int, int]] = []
    groups: dict[str, SpeakerSummary] = {}
    total_words = 0
    by_cat: dict[str, int] = {}
    for a, (name, rtype) in zip(items, resolved):
        start, end = a.parts[0][0], a.parts[-1][1]
        words = _words(text, a.parts)
        reported = a.frame not in NOT_WORDS
        if reported:
            total_words += words
            voice.extend(a.parts)
        m = a.speaker
        stype = m.type if m is not None else None
        if m is not None and a.antecedent is not None and stype != "pronoun":
            stype = "pronoun"
        cue = text[a.cue_start:a.cue_end] if a.cue_end > a.cue_start else None
        item = QuoteItem(
            start, end, text[start:end], a.kind, name,
            m.start if m else None, m.end if m else None,
            cue, a.cue_start if cue else None, a.cue_end if cue else None,
            speaker_text=m.text if m else None, speaker_type=stype,
            unnamed=(rtype or stype) == "unnamed",
            cue_lemma=a.lemma or None, cue_category=a.category or None,
            parts=[[s, e] for s, e in a.parts], words=words,
            confidence=round(a.confidence * (0.9 if stype == "pronoun" else 1.0), 2),
            pattern=a.pattern)
        out.append(item)
        if a.category:
            by_cat[a.category] = by_cat.get(a.category, 0) + 1
        if name is None:
            continue
        g = groups.get(name)
        if g is None:
            g = groups[name] = SpeakerSummary(name=name, type=rtype or stype or "unnamed",
                                              unnamed=(rtype or stype) == "unnamed")
        g.quotes += 1
        g.words += words if reported else 0
        setattr(g, a.kind, getattr(g, a.kind) + 1)
        if a.lemma:
            g.cues[cue_name(a.lemma)] = g.cues.get(cue_name(a.lemma), 0) + 1
            g.cue_categories[a.category] = g.cue_categories.get(a.category, 0) + 1
        if m is not None and m.text not in g.mentions:
            g.mentions.append(" ".join(m.text.split()))
    speakers = sorted(groups.values(), key=lambda g: (-g.words, g.name))
    for g in speakers:
        g.share = round(g.words / total_words, 4) if total_words else None
    section = QuotesSection(
        items=out,
        count=len(out),
        direct=sum(1 for q in out if q.kind == "direct"),
        indirect=sum(1 for q in out if q.kind == "indirect"),
        mixed=sum(1 for q in out if q.kind == "mixed"),
        unattributed=sum(1 for q in out if q.speaker is None),
        quoted_words=total_words,
        quoted_share=round(total_words / doc.words, 4) if doc.words else None,
        by_cue_category=dict(sorted(by_cat.items())),
        speakers=speakers,
        scare_quotes=[ScareQuoteItem(r.start, r.end, text[r.start:r.end], kind)
                      for r, kind in sorted(scare)],
    )
    return section, voice

