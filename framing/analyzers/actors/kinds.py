"""Typing untyped names from the words around their mentions.

External evidence in the sense of McDonald (1996, "Internal and external
evidence in the identification and semantic categorization of proper
names"), with the contextual rules of Collins & Singer (1999): one type per
actor for the whole document ("one sense per discourse", Gale, Church &
Yarowsky 1992), so evidence at any mention types them all. Only detected
actors still typed ``unknown`` change; the cue words are in
``lexicons/actor_context_cues.tsv``.

* **person** — for a name of two or three title-case words ("Helena
  Strand", not "Lintmark" or "NATO"): a mention right before a speech or
  cognition verb ("Strand said") or right after "said"/"says" ("said Nadia
  Holm"), or "An election lawyer, Mikael Strom,"; for one title-case word
  too ("Okonkwo"), the stronger cues: an apposition with a person noun or
  "who" (", a nurse,", ", who voted …"), a lower-case person noun right
  before it ("the fashion designer Okonkwo"), or, after coreference, a
  he/she pronoun resolved to it (:func:`type_by_pronouns`);
* **organisation** — an organisation noun before it or in apposition ("the
  engineering firm Halvorsen & Dyck", "the bus operator, Coastline Transit"),
  a staff noun right after it ("Halvorsen engineers", "Coastline
  spokesman"), or the outlet after the comma of a byline ("By Ann Lee, The
  Daily Clarion");
* **place** — a locative preposition before it ("in Westbank", "across the
  Calder Quay"), a place noun after it ("the Tessel estuary", "the Lower
  Quays district"), "the city of …" before it, or a place noun in
  apposition before it ("the nation's capital, Valmora").

Person evidence wins over organisation, organisation over place.
"""
from __future__ import annotations

from ...document import Document
from ...lexicons.shared import determiners, pronoun_gender, reporting_verbs
from .detect import Cand
from .evidence import cues
from .merge import Actor

ARTICLES = determiners("article")
SAID = reporting_verbs("said")
PRONOUN_GENDER = pronoun_gender(person="3", gender=("m", "f"))


def _person_shaped(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w[1:2].islower() and w.isalpha()
                                        for w in words)


def type_cands(doc: Document, cands: list[Cand]) -> None:
    """Before merging: untyped names become places or organisations by the
    evidence at their own key's mentions, so that "Valmora" (a place) does
    not join "Valmora Chamber of Commerce"."""
    found: dict[str, set] = {}
    byline = _byline_span(doc)
    for m in cands:
        if m.kind == "name" and m.type == "unknown":
            _evidence(doc, m, found.setdefault(m.key, set()), byline)
    for m in cands:
        ev = found.get(m.key) if m.kind == "name" and m.type == "unknown" else None
        if ev and "person" not in ev and "person!" not in ev:
            if "organisation" in ev:
                m.type = "organisation"
            elif "place" in ev:
                m.type = "place"


def type_by_context(doc: Document, actors: list[Actor], mentions: list[Cand]) -> None:
    """Set the type of untyped detected actors from context (see above)."""
    byline = _byline_span(doc)
    found: dict[int, set] = {}
    for m in mentions:
        if m.kind != "name" or m.actor is None:
            continue
        a = actors[m.actor]
        if a.source != "detected" or a.type != "unknown":
            continue
        _evidence(doc, m, found.setdefault(m.actor, set()), byline)
    for idx, ev in found.items():
        a = actors[idx]
        if ("person" in ev and _person_shaped(a.name)) or (
                "person!" in ev and (_person_shaped(a.name) or _one_word(a.name))):
            a.type = "person"
        elif "organisation" in ev:
            a.type = "organisation"
        elif "place" in ev:
            a.type = "place"
    for c in mentions:
        if c.actor is not None and c.kind == "name":
            c.type = actors[c.actor].type


def _evidence(doc: Document, m: Cand, ev: set, byline) -> None:
    """Add the types the words around mention ``m`` point to."""
    cue = cues()
    toks = doc.tokens
    low = doc.lower_tokens
    n = len(toks)
    i = doc.token_index(m.start)
    j = doc.token_index(m.end)
    prev = low[i - 1] if i > 0 else ""
    prev2 = low[i - 2] if i > 1 else ""
    nxt = low[j] if j < n else ""
    # person
    if nxt in cue["person_verb"] or prev in SAID:
        ev.add("person")
    if prev == "," and i > 1 and prev2 in cue["person_cue"]:
        ev.add("person")  # "An election lawyer, Mikael Strom"
    if prev in cue["person_cue"] and prev != "who" and toks[i - 1].text.islower():
        ev.add("person!")  # "the fashion designer Okonkwo"
    if nxt == ",":
        head = _apposition(low, j + 1, n, cue)
        if head:
            ev.add(head + "!" if head == "person" else head)
    # organisation
    # a common noun in lower case: "the rights group Amnesty", not the head
    # of a name before it ("the Labour Party, Ann Lee")
    if ((prev in cue["org_cue"] and toks[i - 1].text.islower())
            or (prev == "," and prev2 in cue["org_cue"] and toks[i - 2].text.islower())):
        ev.add("organisation")
    if byline and byline[0] <= m.start < byline[1]:
        ev.add("organisation")
    if (nxt in cue["org_after"] and j < n and toks[j].text.islower()
            and toks[j].start == m.end + 1):
        ev.add("organisation")  # "Halvorsen engineers"
    # place
    if ((prev in cue["place_appos"] and toks[i - 1].text.islower())
            or (prev == "," and prev2 in cue["place_appos"] and toks[i - 2].text.islower())):
        ev.add("place")  # "the nation's capital, Valmora"
    if nxt in cue["place_after"] and j < n and toks[j].start == m.end + 1:
        ev.add("place")
    if prev in cue["place_prep"] or (prev == "the" and prev2 in cue["place_prep"]):
        if not doc.text[m.end:m.end + 2] in ("'s", "’s"):
            ev.add("place")
    if prev == "of" and prev2 in cue["place_of"]:
        ev.add("place")


def _apposition(low: list[str], k: int, n: int, cue: dict) -> str:
    """The type an apposition starting at token k gives: ", who …" → person;
    ", a regional conservation charity," → organisation; "" if none."""
    if k >= n:
        return ""
    if low[k] == "who":
        return "person"
    if low[k] not in ARTICLES and low[k] not in cue["person_cue"]:
        return ""
    for x in range(k, min(n, k + 5)):
        w = low[x]
        if w in cue["person_cue"] and w != "who":
            return "person"
        if w in cue["org_cue"]:
            return "organisation"
        if not w[:1].isalpha():
            break
    return ""


def _byline_span(doc: Document) -> tuple[int, int] | None:
    """Offsets after the comma of a byline ("By Ann Lee, The Daily Clarion")
    in the first three paragraphs."""
    for p in doc.paragraphs[:3]:
        line = doc.text[p.start:p.end]
        if line.startswith("By ") and "," in line and "\n" not in line.strip():
            return p.start + line.index(","), p.end
    return None


def type_by_pronouns(actors: list[Actor], mentions: list[Cand]) -> None:
    """An untyped name of one to three title-case words ("Okonkwo", "Helena
    Strand") that a he/she pronoun resolved to is a person of that gender
    (English personal pronouns mark a person by gender; Quirk et al. 1985,
    §6.10). "It" is left alone: places, products and works take it as
    organisations do."""
    for c in mentions:
        if c.kind != "pronoun" or c.actor is None:
            continue
        a = actors[c.actor]
        if a.source != "detected" or a.type != "unknown":
            continue
        form = c.key.lower().replace("’", "'").split("'")[0]
        g = PRONOUN_GENDER.get(form)
        if g and (_person_shaped(a.name) or _one_word(a.name)):
            a.type = "person"
            a.gender = a.gender or g
    for c in mentions:
        if c.actor is not None and c.kind == "name" and c.type == "unknown":
            c.type = actors[c.actor].type


def _one_word(name: str) -> bool:
    """"Okonkwo", not "NATO" or "LibriVox"."""
    return name.isalpha() and name[:1].isupper() and name[1:].islower()

