"""From mentions to actors: user actors, then alias merging.

1. **User actors** (``framing.analyze(text, actors={...})`` or an
   ``actors.toml`` file) are found first, by their name and every alias as a
   whole-word match (case-sensitive when the form has a capital, else
   case-insensitive, so "the junta" matches "The junta"); a detected mention
   overlapping a user match is dropped. User names, types and groups win.
2. **Places and demonyms** join their canonical place ("Russian", "Russia's"
   → Russia).
3. **Acronyms** join the name they were introduced with ("… (JNIM)").
4. **Names** merge when one is a word-suffix or the first word of a longer
   name ("Laessing" → "Ulf Laessing", "Trump" → "Donald Trump"): among
   several longer names with that word the most recent before the mention is
   chosen, else the first after it (the "head match" sieve of Lee et al.
   2013). A short form joins a place only as its word-suffix ("Quays" →
   "Lower Quays", not "Valmora" → "Valmora Ward 4"); a name after a saint's
   abbreviation joins the longer name it begins ("St. Orla" → "St. Orla
   General Hospital": institutions named for a saint are called by the
   saint's name).
5. **Groups** without a modifier join the last group with the same head
   ("the militants" → "Islamist militants").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping, Optional

from ...document import Document
from ...lexicons import word_list
from ...lexicons.shared import given_names
from .detect import Cand

TYPES = ("person", "organisation", "place", "group", "unknown")
SAINTS = word_list("actor_words.tsv", "saints")


@dataclass
class Actor:
    name: str
    type: str = "unknown"
    source: str = "detected"  # "detected" | "user"
    aliases: set = field(default_factory=set)
    group: Optional[str] = None
    titles: set = field(default_factory=set)
    gender: Optional[str] = None
    head: Optional[str] = None  # a group's head noun


@dataclass(frozen=True)
class UserActor:
    name: str
    aliases: tuple[str, ...] = ()
    type: Optional[str] = None
    group: Optional[str] = None


def normalise_user(actors: Optional[Mapping[str, Any]]) -> list[UserActor]:
    """``{name: [aliases]}`` or ``{name: {"aliases": [...], "type": ..., "group":
    ...}}`` → sorted :class:`UserActor` list (the order is the names')."""
    out = []
    for name, value in sorted((actors or {}).items()):
        if isinstance(value, Mapping):
            aliases = value.get("aliases") or ()
            typ, group = value.get("type"), value.get("group")
        else:
            aliases, typ, group = value or (), None, None
        if isinstance(aliases, str):
            aliases = (aliases,)
        if typ is not None and typ not in TYPES:
            raise ValueError(f"actor {name!r}: type {typ!r} is not one of {', '.join(TYPES)}")
        out.append(UserActor(str(name), tuple(str(a) for a in aliases if str(a).strip()),
                             typ, group))
    return out


def _user_matches(doc: Document, users: list[UserActor]) -> list[Cand]:
    found: list[Cand] = []
    forms = []
    for idx, u in enumerate(users):
        for form in {u.name, *u.aliases}:
            forms.append((len(form), form, idx))
    forms.sort(key=lambda f: (-f[0], f[1]))
    taken: list[tuple[int, int]] = []
    for _, form, idx in forms:
        flags = 0 if any(c.isupper() for c in form) else re.IGNORECASE
        pattern = re.compile(r"(?<![\w])" + re.escape(form) + r"(?![\w])", flags)
        for m in pattern.finditer(doc.text):
            s, e = m.start(), m.end()
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            found.append(Cand(s, e, "user", users[idx].name, users[idx].type or "unknown",
                              actor=idx))
    return found


def merge(doc: Document, cands: list[Cand], users: list[UserActor]) -> tuple[list[Actor], list[Cand]]:
    """Assign ``actor`` to every mention; returns (actors, mentions by start)."""
    actors = [Actor(u.name, u.type or "unknown", "user", {u.name, *u.aliases}, u.group)
              for u in users]
    user_cands = _user_matches(doc, users)
    if user_cands:
        spans = sorted((c.start, c.end) for c in user_cands)
        cands = [c for c in cands if not any(c.start < e and s < c.end for s, e in spans)]
    by_key: dict[str, int] = {}
    for i, u in enumerate(users):
        for form in (u.name, *u.aliases):
            by_key.setdefault(form, i)

    def new(name: str, typ: str) -> int:
        actors.append(Actor(name, typ, aliases={name}))
        by_key[name] = len(actors) - 1
        return len(actors) - 1

    # places, acronym expansions and full names first; shorter forms after
    names = [c for c in cands if c.kind == "name"]
    words = [tuple(c.key.split()) for c in names]
    order = sorted(range(len(names)), key=lambda i: (-len(words[i]), names[i].start))
    index = _name_index(names, words)
    for i in order:
        c = names[i]
        if c.key in by_key and not c.gender:
            c.actor = by_key[c.key]
            continue
        target = _longer_name(c, words[i], index, actors)  # a titled surname: by its gender
        if target is None and c.key in by_key:
            target = by_key[c.key]
        c.actor = target if target is not None else new(c.key, c.type)
        by_key.setdefault(c.key, c.actor)
    for c in cands:
        if c.kind in ("place", "demonym"):
            c.actor = by_key[c.key] if c.key in by_key else new(c.key, "place")
        elif c.kind == "acronym":
            if c.alias_of is not None and c.alias_of in by_key:
                c.actor = by_key[c.alias_of]
                by_key.setdefault(c.key, c.actor)
    for c in cands:
        if c.kind == "acronym" and c.actor is None:
            c.actor = by_key[c.key] if c.key in by_key else new(c.key, c.type)
        elif c.kind == "group":
            c.actor = _group_actor(c, actors, by_key, new)
    for c in cands:
        a = actors[c.actor]
        a.aliases.add(c.key)
        if c.title:
            a.titles.add(c.title)
        if c.gender and a.gender is None:
            a.gender = c.gender
        if a.source == "user":
            continue
        if c.kind == "group":
            a.head = c.extra.get("head")
        a.type = _combine(a.type, c.type)
    for a in actors:
        if a.source == "user":
            continue
        first = a.name.split()[0].lower() if a.name.split() else ""
        if a.type in ("unknown", "person") and first in given_names() and len(a.name.split()) > 1:
            a.type = "person"
            a.gender = a.gender or given_names()[first]
    mentions = sorted([*cands, *user_cands], key=lambda c: (c.start, -c.end))
    return actors, mentions


def _combine(old: str, new: str) -> str:
    if old == new or new == "unknown":
        return old
    if old == "unknown":
        return new
    # a titled person beats an organisation word ("Bank" in a surname)
    return "person" if "person" in (old, new) else old


def _name_index(names: list[Cand], words: list[tuple]) -> dict:
    """Each proper word-suffix of a name (a tuple) and, under ``(None, w)``,
    each first word of a name of two or more words → the names that have it,
    in order."""
    index: dict = {}
    for o, ow in zip(names, words):
        n = len(ow)
        for k in range(1, n):
            index.setdefault(ow[n - k:], []).append(o)
        if n > 2 and ow[0].rstrip(".").lower() in SAINTS:
            for k in range(2, n):
                index.setdefault(("saint",) + ow[:k], []).append(o)
        if n > 1:
            key = (None, ow[0])
            index.setdefault(key, []).append(o)
    return index


def _longer_name(c: Cand, words: tuple, index: dict, actors: list[Actor]) -> Optional[int]:
    """The actor of a longer name that ``c`` abbreviates, preferring the most
    recent one mentioned before ``c``."""
    n = len(words)
    best_before: Optional[Cand] = None
    best_after: Optional[Cand] = None
    if not n:
        return None
    found = list(index.get(words, ()))
    n_suffix = len(found)
    if n == 1:
        found += index.get((None, words[0]), ())
    elif words[0].rstrip(".").lower() in SAINTS:
        found += index.get(("saint",) + words, ())
    for x, o in enumerate(found):
        if o.actor is None or o is c:
            continue
        typ = actors[o.actor].type
        if typ == "group" or (typ == "place" and x >= n_suffix):
            continue
        if c.type not in ("unknown", typ) and typ != "unknown":
            continue  # "Valmora" (a place) is not "Valmora Chamber of Commerce"
        if c.gender and _gender(o) not in (None, c.gender):
            continue  # "Mrs. Lee" is not "John Lee" when both Lees are in the story
        if o.start < c.start:
            if best_before is None or o.start > best_before.start:
                best_before = o
        elif best_after is None or o.start < best_after.start:
            best_after = o
    best = best_before or best_after
    return best.actor if best is not None else None


def _gender(c: Cand) -> Optional[str]:
    """A name's gender from its title ("Mrs.") or its given name, if any."""
    if c.gender:
        return c.gender
    first = c.key.split()[0].lower() if c.key.split() else ""
    return given_names().get(first) if len(c.key.split()) > 1 else None


def _group_actor(c: Cand, actors: list[Actor], by_key: dict, new) -> int:
    head = c.extra.get("head")
    if c.key == head:  # no modifier: the last group with this head
        for i in range(len(actors) - 1, -1, -1):
            if actors[i].head == head and actors[i].name != head:
                return i
    if c.key in by_key:
        return by_key[c.key]
    i = new(c.key, c.type)
    actors[i].head = head
    return i
