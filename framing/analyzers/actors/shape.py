"""Typing the names context left untyped, by their form and their article.

The step of typing after :mod:`.kinds` and before coreference (whose
agreement reads the types), for detected actors still ``unknown``;
internal evidence in the sense of McDonald (1996) and the "spelling" rules
of Collins & Singer (1999, "Unsupervised models for named entity
classification"):

* **person** — a lone given name ("Marilyn said"), or a name of two or three
  words each capitalised with lower-case letters after ("Lee Cheuk-yan",
  "Tina McKenzie") with no organisation word, place or facility head, none
  of its words used in lower case elsewhere in the article (so "Creative
  Commons", "Grand Mosque" stay untyped when "creative", "grand" occur),
  none of its words the name of another actor of the article ("Google" in
  "Google Analytics"), and never after "the" (English personal names take
  no article; Quirk et al. 1985, §5.60–5.66). Most such names in news are
  people's.
* **person** — a capitalised title of two or three words standing for its
  holder ("Prime Minister", "the Home Secretary": a title, or a name ending
  in a one-word title);
* **organisation** — a one-word name with a capital inside it after the
  third letter ("LibriVox", "YouTube"; not "McKenzie", "MacArthur",
  "DeSantis"): the spelling of brands and companies; also when the actor's
  name is longer but one of its mentions is such a word; and a name that is
  or ends in a body of the ``named_bodies`` list ("the United Nations",
  "the British Red Cross").
"""
from __future__ import annotations

from ...document import Document
from ...lexicons import word_list
from ...lexicons.shared import given_names
from .candidates import Cand
from .evidence import cues
from .lexicon import BARE, lexicon
from .merge import Actor

_NAME_PREFIXES = ("Mac", "Van", "Von", "Del", "Des", "Dos", "Das", "Ten", "Ter")


def _capitalised(w: str) -> bool:
    """"Lee", "Cheuk-yan", "McKenzie", "O'Brien": a capital, then lower case."""
    core = w.replace("-", "").replace("'", "").replace("’", "").replace(".", "")
    return bool(core) and core.isalpha() and w[:1].isupper() and any(c.islower() for c in w)


def _brand(w: str) -> bool:
    """A capital after the third letter of a one-word name: "LibriVox"."""
    if not w.isalpha() or not w[:1].isupper() or w.isupper():
        return False
    inner = next((i for i, c in enumerate(w) if i and c.isupper()), None)
    return inner is not None and inner >= 3 and not w.startswith(_NAME_PREFIXES)


NAMED_BODIES = frozenset(tuple(b.split()) for b in word_list("actor_words.tsv", "named_bodies"))


def _named_body(words: list[str]) -> bool:
    """"the United Nations", "British Red Cross": a name that is, or ends
    in, a body of the ``named_bodies`` list."""
    low = tuple(w.lower() for w in words)
    return any(low[k:] in NAMED_BODIES for k in range(len(low)))


# single-word titles that also name an abstraction or a body ("Racial
# Justice", "the Executive"): no office by their head alone
_NOT_OFFICE_HEADS = frozenset(("justice", "executive", "chair", "worker", "leader"))


def _office(words: list[str], lex) -> bool:
    """"Prime Minister", "the Home Secretary": a capitalised name that is a
    title, or ends in a one-word title, names the office's holder (AP
    Stylebook, "titles": a formal title capitalised before or instead of a
    name)."""
    if not 1 < len(words) <= 3 or not all(map(_capitalised, words)):
        return False
    low = tuple(w.lower() for w in words)
    if low in lex.titles:
        return True
    return (low[-1],) in lex.titles and low[-1] not in _NOT_OFFICE_HEADS and not any(
        BARE[w] in lex.org_words for w in low)


def type_by_shape(doc: Document, actors: list[Actor], mentions: list[Cand]) -> None:
    """Type the detected actors still ``unknown`` by the rules above."""
    todo = {c.actor for c in mentions
            if c.actor is not None and c.kind == "name" and actors[c.actor].source == "detected"
            and actors[c.actor].type == "unknown"}
    if not todo:
        return
    lex = lexicon()
    heads = cues()["place_head"]
    names = given_names()
    low = doc.lower_tokens
    lower_seen = {t.text for t in doc.tokens if t.text[:1].islower()}
    after_the: set[int] = set()
    for c in mentions:
        if c.actor in todo and c.kind == "name":
            i = doc.token_index(c.start)
            if i > 0 and low[i - 1] == "the":
                after_the.add(c.actor)
    others = {a.name for a in actors if a.type in ("organisation", "place")}
    # a one-word mention spelled as a brand types the actor it joined,
    # whatever the longer form its name took ("LibriVox" in "the LibriVox
    # catalog" under a longer run)
    branded = {c.actor for c in mentions
               if c.actor in todo and c.kind == "name" and _brand(doc.text[c.start:c.end])}
    for idx in sorted(todo):
        a = actors[idx]
        words = a.name.split()
        if idx in branded or _named_body(words):
            a.type = "organisation"
        elif _office(words, lex):
            a.type = "person"
        elif len(words) == 1:
            w = words[0]
            if w.lower() in names and w not in lex.places:
                a.type = "person"
                a.gender = a.gender or names[w.lower()]
            elif _brand(w):
                a.type = "organisation"
        elif (len(words) <= 3 and idx not in after_the and all(map(_capitalised, words))
              and a.name not in lex.places and words[0] not in lex.places
              and not any(w in others for w in words)
              and not any(BARE[w.lower()] in lex.org_words or w.lower() in lower_seen
                          or w.lower() in lex.stop for w in words)
              and words[-1].lower() not in heads and words[-1].lower() not in lex.non_actor):
            a.type = "person"
    for c in mentions:
        if c.actor in todo and c.kind in ("name", "pronoun", "description"):
            c.type = actors[c.actor].type
