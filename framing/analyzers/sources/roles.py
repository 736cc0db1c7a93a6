"""Typing one speaker from what the text says about them (CODEBOOK.md §6).

The words looked at, for every mention of the speaker (its quote speaker
spans first, then the actor analyzer's mentions of the same actor):

* the mention itself ("labor-policy experts", "House Speaker Paul Ryan");
* the title chain before a name ("Freedom Watch founder Larry Klayman"),
  after the AP Stylebook's titles-before-names;
* a nonrestrictive apposition or relative clause after it ("Jack Mozloom, a
  spokesman for the National Federation of Independent Business,"; "…, who
  appraises golf courses for the firm …") and a fronted one before it ("A
  resident, Marta Silva,") — appositions are where news names a source's
  role (Quirk et al. 1985, §17.65–17.93 on apposition; Bell 1991, "The
  Language of News Media", ch. 10 on news actors' identification).

Rules in order: a side named in the actors file as a type wins; an unnamed
speaker with an anonymity marker is ``anonymous``; a role noun or title
(a "link" role such as "spokesman" takes its organisation's type: "for the
union", "the company's"); an organisation word in the speaker's own name;
a document's issuer ("a poll from … University"); a party word (politicians
as a bloc); a place speaking as a polity (``official``); else ``unknown``.
Each type comes with the span of the words that gave it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

from .lexicon import TYPES, Hit, find, words

PUNCT_STOP = re.compile(r"[.;:!?\"“”()\[\]—]")
TITLE_WORDS = frozenset(("of", "the", "and", "former", "then", "state", "senior", "top",
                         "deputy", "acting", "interim", "national", "presidential", "'s",
                         "county", "city", "federal", "u.s.", "us", "assistant", "associate",
                         "longtime", "veteran", "conservative", "liberal", "progressive",
                         "tax", "policy", "local", "regional", "general", "chief", "vice",
                         "co", "executive", "managing", "political", "legal", "foreign",
                         "majority", "minority", "ranking", "retired", "lead", "new"))
APPOS_START = frozenset(("a", "an", "the", "who", "whose", "one", "its", "his", "her", "their",
                         "former", "then", "now", "also", "both", "another"))
WEAK_ROLES = frozenset((("dr.",), ("dr",), ("doctor",), ("people",), ("leader",), ("leaders",),
                        ("member",), ("members",)))
WEAK_ORGS = frozenset((("group",), ("groups",), ("network",), ("fund",), ("association",),
                       ("federation",), ("society",), ("alliance",), ("coalition",),
                       ("movement",), ("office",), ("house",), ("council",), ("committee",),
                       ("party",), ("union",), ("news",), ("media",), ("institution",)))
LAWYERS = frozenset((("attorney",), ("lawyer",), ("lawyers",)))
RELATIVES = frozenset(("who", "which", "that"))
STAFF = frozenset((("aide",), ("aides",), ("adviser",), ("advisers",), ("advisor",),
                   ("staffer",), ("spokesman",), ("spokeswoman",), ("spokesperson",),
                   ("spokesmen",), ("director",), ("chief",)))
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                  "she": "f", "her": "f", "hers": "f", "herself": "f"}


@dataclass
class Typed:
    type: str
    start: Optional[int] = None  # the words that gave the type
    end: Optional[int] = None
    rule: str = "none"


def _cap(word: str) -> bool:
    return word[:1].isupper()


def premodifier(text: str, start: int, limit: int = 7) -> tuple[int, int] | None:
    """The title chain right before a name at ``start`` ("Florida Gov.",
    "New York Times columnist"), or None: words joined by spaces alone, each a
    capitalised word, a lexicon word or a title word ("former", "state")."""
    from .lexicon import terms

    known = terms()
    lo = max(0, start - 120)
    toks = words(text[lo:start], lo)
    keep, edge = None, start
    for s, e, w in reversed(toks[-limit:]):
        if re.sub(r"[\s'’-]", "", text[e:edge]):
            break
        if not (_cap(text[s:e]) or w in TITLE_WORDS or (w,) in known
                or any(k[-1] == w for k in known)):
            break
        keep, edge = s, s
    return (keep, start) if keep is not None else None


def apposition_after(text: str, end: int, limit: int = 18) -> tuple[int, int] | None:
    """", a spokesman for the union," after a mention ending at ``end``."""
    m = re.match(r"\s*,\s*", text[end:end + 4])
    if not m:
        return None
    s = end + m.end()
    stop = re.search(r"[,;:.!?\"“”()—]|\s[-–]\s", text[s:s + 240])
    e = s + (stop.start() if stop else min(240, len(text) - s))
    while e > s and text[e - 1].isspace():
        e -= 1
    toks = words(text[s:e], s)
    if not toks or len(toks) > limit:
        return None
    first = toks[0][2]
    if first in APPOS_START or (len(toks) > 1 and toks[1][2] == "'s"):
        return (s, e)
    from .lexicon import terms
    return (s, e) if (first,) in terms() else None


def apposition_before(text: str, start: int, limit: int = 10) -> tuple[int, int] | None:
    """"A resident, " right before a name at ``start``."""
    m = re.search(r",\s*$", text[max(0, start - 4):start])
    if not m:
        return None
    e = start - (len(text[max(0, start - 4):start]) - m.start())
    lo = max(0, e - 160)
    chunk = text[lo:e]
    b = max((mm.end() for mm in re.finditer(r"[,;:.!?\"“”()—]\s*|^\s*", chunk)), default=0)
    s = lo + b
    toks = words(text[s:e], s)
    if not toks or len(toks) > limit:
        return None
    from .lexicon import terms

    last = terms().get((toks[-1][2],))
    if toks[0][2] in ("a", "an", "the", "one", "another") or (
            last is not None and last.kind in ("role", "link")):  # "party leader, Marine Le Pen"
        return (s, e)
    return None


def windows(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The mention and the description windows around it, most telling first."""
    out = [("mention", start, end)]
    for kind, win in (("apposition", apposition_after(text, end)),
                      ("title", premodifier(text, start)),
                      ("apposition", apposition_before(text, start))):
        if win is not None:
            out.append((kind, *win))
    return out


def _org_type(hits: list[Hit]) -> Hit | None:
    """The organisation word that types a name: the last specific one, else
    the last generic one ("National Federation of Independent Business")."""
    orgs = [h for h in hits if h.term.kind == "org"]
    strong = [h for h in orgs if h.term.words not in WEAK_ORGS]
    return (strong or orgs or [None])[-1]


def _heads(text: str, offset: int, roles: list[Hit]) -> list[Hit]:
    """Drop a role that only premodifies the next one ("first lady historian",
    "deputy director"): English noun phrases are right-headed (Quirk et al.
    1985, §17.104)."""
    out = []
    for h, nxt in zip(roles, roles[1:] + [None]):
        if nxt is not None and not re.sub(r"[\s-]", "", text[h.end - offset:nxt.start - offset]):
            continue
        out.append(h)
    return out


def _role(text: str, hits: list[Hit], weak: bool = False, kind: str = "mention",
          offset: int = 0) -> Typed | None:
    """The role of a window — in a title chain the last (the head next to the
    name), elsewhere the first — a link role resolved by its organisation;
    ``weak`` roles ("Dr.", "people") only when asked for. ``text`` is the
    window, ``offset`` its start in the article."""
    roles = _heads(text, offset, [h for h in hits if h.term.kind in ("role", "link")])
    roles = [h for h in roles if (h.term.words in WEAK_ROLES) == weak]
    if kind == "title":
        roles = roles[::-1]
    for h in roles:
        if h.term.kind == "link":
            tail = text[h.end - offset:]
            cut = re.search(r"\b(?:who|which|that|whose)\b|[,;]", tail)
            stop = h.end + (cut.start() if cut else len(tail))
            after = [o for o in hits if h.end <= o.start < stop]
            before = [o for o in hits if o.end <= h.start]
            org = _org_type(after) or _org_type(before)
            if org is not None:
                return Typed(org.term.type, min(h.start, org.start), max(h.end, org.end), "link")
            boss = [o for o in after if o.term.kind == "role" and o.term.type not in ("unknown",)]
            if h.term.words in STAFF | LAWYERS and boss:
                return Typed(boss[0].term.type, h.start, boss[0].end, "staff")
            # "a senior adviser to Mr. Sanders", "Trump's state director": staff of a politician
            if h.term.words in STAFF and re.search(r"\b(?:to|for)\s+(?:Mr\.|Mrs\.|Ms\.|Sen\.|Gov\.)?\s*[A-Z]|"
                                                   r"[A-Z][\w-]+['’]s\s", text):
                return Typed("official", h.start, h.end, "staff")
            if h.term.type == "unknown":
                continue
        if h.term.type in TYPES and h.term.type != "unknown":
            return Typed(h.term.type, h.start, h.end, "role")
    return None


def type_speaker(text: str, spans: Iterable[tuple[int, int]], *, unnamed: bool = False,
                 place: bool = False, side_type: str | None = None,
                 more: Iterable[tuple[int, int]] = ()) -> Typed:
    """The source type of a speaker whose own mentions are ``spans`` (quote
    speaker spans, most telling first) and whose further mentions (actor
    mentions, descriptions) are ``more``."""
    if side_type in TYPES:
        return Typed(side_type, None, None, "actors-file")
    spans = [s for s in spans if s[0] < s[1]]
    own = [(k, s, e, find(text[s:e], s)) for s0, e0 in spans for k, s, e in windows(text, s0, e0)]
    for s0, e0 in spans:  # "… journalist Joe Conason, who …": the antecedent speaks
        if text[s0:e0].strip().lower() in RELATIVES:
            m = re.search(r",?\s*$", text[max(0, s0 - 3):s0])
            ante = premodifier(text, s0 - len(m.group()) if m else s0)
            if ante is not None:
                own.append(("mention", *ante, find(text[ante[0]:ante[1]], ante[0])))
    if unnamed:
        for kind, s, e, hits in own + [("relative", *r, find(text[r[0]:r[1]], r[0]))
                                       for r in map(lambda sp: relative_after(text, sp[1]), spans)
                                       if r is not None]:
            anon = [h for h in hits if h.term.kind == "anon"]
            if anon:
                return Typed("anonymous", anon[0].start, anon[0].end, "anonymous")
    rest = [(k, s, e, find(text[s:e], s)) for s0, e0 in more for k, s, e in windows(text, s0, e0)]
    for kind, s, e, hits in own:  # "a poll of voters": the document, not its subjects
        if kind == "mention" and hits and hits[0].term.kind == "doc":
            issuer = _org_type(hits[1:])
            if issuer is not None:
                return Typed(issuer.term.type, hits[0].start, issuer.end, "document-issuer")
            if hits[0].term.type != "unknown":
                return Typed(hits[0].term.type, hits[0].start, hits[0].end, "document")
    for weak in (False, True):
        for kind, s, e, hits in own + rest:
            t = _role(text[s:e], hits, weak, kind, s)
            if t is not None:
                t.rule = f"{kind}-{t.rule}"
                return t
    for kind, s, e, hits in own:
        if kind != "mention":
            continue
        org = _org_type(hits)
        if org is not None:
            return Typed(org.term.type, org.start, org.end, "organisation")
        docs = [h for h in hits if h.term.kind == "doc"]
        if docs:
            d = docs[0]
            issuer = _org_type([h for h in hits if h.start >= d.end])
            if issuer is not None:
                return Typed(issuer.term.type, d.start, issuer.end, "document-issuer")
            if d.term.type != "unknown":
                return Typed(d.term.type, d.start, d.end, "document")
        party = [h for h in hits if h.term.kind == "party"]
        if party:
            return Typed("official", party[0].start, party[0].end, "party")
    # descriptions around any mention; the name itself only when the quote
    # gave no name ("which" → "the Chicago Police Department"), as a merged
    # actor's other names may belong to someone else ("Woods" → "Navy SEAL …")
    for kind, s, e, hits in [o for o in own + rest if o[0] != "mention" or not spans]:
        org = _org_type(hits)
        if org is not None:
            return Typed(org.term.type, org.start, org.end, f"{kind}-organisation")
    for kind, s, e, hits in own + rest:  # "Republican presidential Donald Trump"
        party = [h for h in hits if h.term.kind == "party"]
        if party and kind == "title":
            return Typed("official", party[0].start, party[0].end, "title-party")
    for s0, e0 in list(spans) + list(more):
        t = _context(text, e0)
        if t is not None:
            return t
    if place and spans:
        s, e = spans[0]
        return Typed("official", s, e, "polity")
    return Typed("unknown", None, None, "none")


RELATIVE = re.compile(r"\s+(?:who|whom|that)\s+[^.;:!?,\"“”()]{1,80}")
# "Sanders' campaign", "Ward's Senate bid": a candidate's own campaign
CAMPAIGN = re.compile(r"['’]s?\s+(?:(?i:presidential|re-?election|senate|congressional|"
                      r"primary|gubernatorial|mayoral|house)\s+)?"
                      r"(campaign|candidacy|bid|running mate)\b")
RUNNING = re.compile(r",?\s+(?:who\s+)?(?:is|was|has been)\s+(?:now\s+)?(running|campaigning)"
                     r"\s+(?:for|against)\b")
WRITES_IN = re.compile(r"\s+(?:wrote|writes|has written|argued|argues)\s+(?:in|for|on)\s+"
                       r"([^.;:!?,\"“”]{2,60})")


def relative_after(text: str, end: int) -> tuple[int, int] | None:
    """A restrictive relative clause right after a mention ("two senators
    present who requested anonymity"), to the next punctuation."""
    m = RELATIVE.match(text, end)
    return (m.start(), m.end()) if m else None


def _context(text: str, end: int) -> Typed | None:
    """What the words right after a mention say about its speaker: a
    possessive campaign or a running clause ("Canova's campaign", "Tenney, who
    is running for Congress") makes a candidate, ``official`` by CODEBOOK §6;
    "wrote in The Washington Times" makes a writer for a news outlet,
    ``media``."""
    m = CAMPAIGN.match(text, end) or RUNNING.match(text, end)
    if m:
        return Typed("official", m.start(1), m.end(1), "campaign")
    m = WRITES_IN.match(text, end)
    if m:
        hits = [h for h in find(m.group(1), m.start(1)) if h.term.type == "media"
                and h.term.kind == "org"]
        if hits:
            return Typed("media", hits[0].start, hits[0].end, "writes-in")
    return None


def gender_of(text: str, spans: Iterable[tuple[int, int]],
              pronouns: Iterable[tuple[int, int]] = ()) -> tuple[str | None, int | None, int | None]:
    """"m"/"f" from explicit evidence only — an honorific or gendered role noun in
    a mention's title or apposition, or a pronoun resolved to the speaker —
    with its span; (None, None, None) when there is none or it conflicts."""
    found: list[tuple[str, int, int]] = []
    for s0, e0 in spans:
        for _, s, e in windows(text, s0, e0):
            for h in find(text[s:e], s):
                if h.term.gender:
                    found.append((h.term.gender, h.start, h.end))
    for s, e in pronouns:
        g = PRONOUN_GENDER.get(text[s:e].lower())
        if g:
            found.append((g, s, e))
    if not found or len({g for g, _, _ in found}) > 1:
        return None, None, None
    return min(found, key=lambda f: f[1])
