"""The antecedent search for third-person pronouns (used by :mod:`.coref`).

**Third-person pronouns** are resolved by one search, the sentence-by-sentence
walk of Hobbs (1978, "Resolving pronoun references", Lingua 44) over the
actor mentions found so far (names, and the pronouns and descriptions already
resolved, so a chain "Ruiz … He … his" carries on), with the
subject-before-oblique preference of Lappin & Leass (1994, "An algorithm for
pronominal anaphora resolution", Computational Linguistics 20(4)); no parse:

1. the pronoun's own sentence left of the pronoun, clause by clause from the
   nearest (a clause break is a comma, "that", "when" … or a reporting verb:
   "Ruiz said [Lee's plan failed when he …]"; Hobbs climbs the tree from the
   pronoun), then each previous sentence, nearest first (he/she up to three
   back, they two, it/its one);
2. within a clause or sentence, arguments before embedded mentions (a
   mention after a preposition, also across a title: "with Mr. Lee", or a
   possessor "X's" comes after the others), left to right;
3. the first mention that *agrees* is the antecedent:

   * he/him/his/himself, she/her/hers/herself: a person whose gender does
     not disagree (gender from a title or a given name); an untyped name only
     when it is shaped like a person's name (two or three capitalised words)
     or has a given name of that gender. An untyped one-word name without an
     article ("Okoro", not "the Zeitgeist": English personal names take no
     article) is only a fallback, taken when no mention of the same sentence
     agrees outright — a place or organisation name is never "he";
   * they/them/their/themselves: a group or organisation; a place ("Russia
     … they responded") only as such a fallback;
   * it/its: an organisation, a place, a group with a singular head, or an
     untyped name not shaped like a person's;
   * for it/its and they, a noun phrase that is no actor ("the plant",
     "these reports", "many users", a bare plural "People were asked")
     met first by the search is the antecedent instead, and the pronoun is
     left unresolved; for "it" also one between the actor's last mention and
     the pronoun ("JNIM claimed the attack. Later JNIM denied it"); a
     pleonastic "it" (Lappin & Leass §2.1.1: "it is likely that", "it
     seems", "make it possible to", "it rained") is never resolved;

4. binding principle B (Chomsky 1981): an object pronoun (him, them, it) does
   not take a mention of its own clause ("Ruiz praised him");
5. inside a quotation, a third-person pronoun is not the quote's speaker (the
   speaker says "I"; "Ruiz said, 'I think his plan …'"): the speaker is the
   mention at the reporting verb next to the quote ("Ruiz said", "said Ruiz",
   "Ruiz, an aide, said"), or in the sentence before it when the quote
   carries on reported speech ("Ruiz said the plan was late. '…'");
6. a pronoun that speaks for the quote just before it in its own sentence
   ("'…,' said Ruiz. '…,' he added") is the speaker of the quote before
   that one when it agrees (speaker continuity, as in the quotation
   analyzer's continuation pattern); any pronoun a reporting verb follows is
   an actor, so noun phrases do not block it;
7. a possessive in a sentence-initial prepositional phrase refers ahead to
   the subject right after the phrase's comma when that agrees ("In her
   remarks, Vance said …"; backward anaphora, Reinhart 1983).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cached_property
from itertools import chain
from typing import Optional

from ...document import Document
from ...lexicons.shared import determiners, pronouns, reporting_verbs
from .detect import Cand
from .kinds import _person_shaped
from .lexicon import Memo
from .merge import Actor
from .nounphrases import CLAUSE_BREAKS, PREPOSITIONS, _inside, noun_phrases

MALE = pronouns(person="3", gender="m")
FEMALE = pronouns(person="3", gender="f")
PLURAL = pronouns(person="3", gender="p")
NEUTER = pronouns(person="3", gender="n")  # it, its
# him, them, it: not "her", which is also "her plan"
OBJECT = pronouns(person="3", case="obj") - pronouns(case="det")
POSSESSIVE = pronouns(person="3", case="det")
CLITICS = tuple(a + c for a in "'’" for c in ("s", "d", "ll", "re", "ve"))
_TRIGGERS = MALE | FEMALE | PLURAL | NEUTER | {"the"}
# how many sentences before the pronoun's own the search goes back
WINDOW = {"m": 3, "f": 3, "p": 2, "n": 1}
# bounds on what one pronoun reads, so a run-on sentence stays linear: the
# last mentions of each sentence, the tokens before the pronoun in its own,
# the quotes before it, the tokens around a quote for its reporting verb
SCAN_MENTIONS = 40
SCAN_TOKENS = 80
SCAN_QUOTES = 8
# the pleonastic "it" of Lappin & Leass (1994, §2.1.1, after their modal
# adjectives and cognitive verbs): "it is likely that", "it is thought that"
MODAL = frozenset("""necessary possible impossible certain uncertain likely unlikely important
good useful advisable convenient sufficient economical easy desirable difficult legal illegal
clear unclear obvious true hard interesting surprising safe fair worth enough time thanks
recommended thought believed known anticipated assumed expected reported estimated understood
feared hoped said""".split())
BE = frozenset("is was be been being are were 's ’s would will could may might must should can "
               "has had have does did not also still very so too quite".split())
IT_VERBS = frozenset("""seems seemed seem appears appeared appear means meant follows followed
happens happened turns turned rains rained raining snows snowed snowing""".split())
MAKE = frozenset("make makes made making find finds found consider considers considered".split())
ARTICLES = determiners("article")
REPORTING = (reporting_verbs("name_context") | reporting_verbs("sentiment")) - {"according"}
# reporting verbs with an indirect object: "Ruiz told Lee (that) he …" — Lee
# is the matrix clause's object, searched after its subject Ruiz
TOLD = frozenset("told tells tell asked asks ask warned warns urged reminded assured informed".split())


def _trigger(low: str) -> str:
    """The pronoun or "the" a lower-case token is, also with a clitic
    ("he's", "she'd" → "he", "she"); "" when it is none."""
    if low in _TRIGGERS:
        return low
    if not low.endswith(CLITICS):
        return ""
    low = low[:low.rfind("'") if "'" in low else low.rfind("’")]  # he's, she'd
    return low if low in _TRIGGERS else ""


_TRIGGER = Memo(_trigger)


class PronounSearch:
    """The Hobbs-style antecedent search of the module docstring, over the
    actor mentions of each sentence (added in text order as the walk goes)
    and the noun phrases that are no actor ("the plant")."""

    def __init__(self, doc: Document, actors: list[Actor], mentions: list[Cand]):
        self.doc = doc
        self.actors = actors
        self.lower = doc.lower_tokens
        self.by_sent: dict[int, list[tuple[int, int, int, Optional[int]]]] = {}
        self.actor_at: dict[int, int] = {m.start: m.actor for m in mentions if m.actor is not None}
        # English personal names take no article (Quirk et al. 1985, §5.60-5.66)
        self.with_article: set[int] = set()
        for m in mentions:
            j = doc.token_index(m.start)
            if m.actor is not None and m.kind == "name" and j > 0 and \
                    self.lower[j - 1] in ARTICLES:
                self.with_article.add(m.actor)
        self.mentions = mentions
        self.mention_starts = [m.start for m in mentions]
        self.regions = [q for q in doc.quotes if not q.depth]  # outer quotes, in text order
        self.region_starts = [q.start for q in self.regions]
        self.speakers: dict[int, Optional[int]] = {}  # quote index → speaker offset, when asked
        self.starts_of: dict[int, list[int]] = {}  # actor → its mention offsets, in text order

    # -- the mentions searched ------------------------------------------------
    def add(self, sent: Optional[int], start: int, end: int, actor: Optional[int]) -> None:
        if sent is None or actor is None:
            return
        self.actor_at[start] = actor
        self.starts_of.setdefault(actor, []).append(start)
        self.by_sent.setdefault(sent, []).append((start, self._rank(start, end), 0, actor))

    def _rank(self, start: int, end: int) -> int:
        """0 for an argument, 1 for a mention after a preposition or a
        possessor ("Ruiz's aide", "his aide")."""
        doc = self.doc
        j = doc.token_index(start)
        p = j - 1
        si = doc.sentence_index(start)
        first = doc.token_index(doc.sentences[si].start) if si is not None else 0
        while p > first and j - p <= 3 and self.lower[p] not in PREPOSITIONS and (
                doc.tokens[p].text[:1].isupper() or doc.tokens[p].text == "."):
            p -= 1  # a title before the name: "with Mr. Vey", "with President Dronov"
        if p >= 0 and self.lower[p] in PREPOSITIONS:
            return 1
        k = doc.token_index(end)
        if doc.text[end:end + 2] in ("'s", "’s") or (k < len(self.lower) and self.lower[k] in (
                "'s", "’s", "'", "’")) or self.lower[j] in POSSESSIVE:
            return 1
        return 0

    @cached_property
    def nps(self) -> dict[int, list[tuple[int, int, int, None]]]:
        """The noun phrases that are no actor (:func:`.nounphrases.noun_phrases`),
        per sentence, found on first use."""
        return noun_phrases(self.doc, self.mentions, self._rank)

    @cached_property
    def singular(self) -> list[int]:
        return sorted(e[0] for es in self.nps.values() for e in es if e[2] == 1)

    @cached_property
    def speaking(self) -> list[int]:
        """Offsets of the mentions and pronouns that may speak ("it" only
        right before the verb: "it added"), none inside a quote."""
        doc = self.doc
        low = self.lower
        persons = MALE | FEMALE | PLURAL
        quoted = [(q.start, q.end) for q in self.regions]
        return sorted(x for x in {m.start for m in self.mentions} | {
            t.start for k, (t, w) in enumerate(zip(doc.tokens, low)) if _TRIGGER[w] in persons
            or (w == "it" and k + 1 < len(low) and low[k + 1] in REPORTING)}
            if not _inside(quoted, x))

    def speaker(self, k: int) -> Optional[int]:
        """The offset of the speaker's mention of outer quote ``k``: at a
        reporting verb outside it in its first or last sentence, or else in
        the sentence before it ("Ruiz said the plan was late. 'We …'", a
        quote carrying on reported speech); the first mention before the
        verb and after the quote ("Ruiz, an aide, said", "'…,' Ruiz said"),
        else the one right after it ("'…,' said Ruiz"). None if none."""
        if k in self.speakers:
            return self.speakers[k]
        doc = self.doc
        q = self.regions[k]
        sents = [doc.sentence_index(q.start), doc.sentence_index(q.end - 1)]
        if sents[0] is not None and sents[0] > 0:
            sents.append(sents[0] - 1)
        found = None
        for s in sents:
            found = None if s is None else self._speaker_in(s, q, self.speaking)
            if found is not None:
                break
        self.speakers[k] = found
        return found

    def _speaker_in(self, s: int, q, starts: list[int]) -> Optional[int]:
        doc = self.doc
        toks = doc.tokens
        low = self.lower
        lo, hi = doc.sentences[s].start, doc.sentences[s].end
        s0, s1 = doc.token_index(lo), doc.token_index(hi)
        q0, q1 = doc.token_index(q.start), doc.token_index(q.end)
        # the tokens of the sentence near the quote, not those inside it
        near = chain(range(max(s0, q0 - SCAN_TOKENS), min(q0, s1)),
                     range(max(q1, s0), min(s1, q1 + SCAN_TOKENS)))
        for j in near:
            t = toks[j]
            if low[j] not in REPORTING:
                continue
            # the subject: between the quote (when it comes first) and the verb
            k = bisect_left(starts, q.end if lo < q.end <= t.start else lo)
            if k < len(starts) and starts[k] < t.start:
                return starts[k]
            if j + 1 < len(toks):
                k = bisect_left(starts, toks[j + 1].start)
                if k < len(starts) and starts[k] == toks[j + 1].start:
                    return starts[k]  # "…," said Ruiz
        return None

    # -- the search -----------------------------------------------------------
    def antecedent(self, i: int, low: str, sent: int) -> Optional[int]:
        """The actor pronoun token ``i`` (lower-cased ``low``) of sentence
        ``sent`` refers to, or None."""
        doc = self.doc
        pos = doc.tokens[i].start
        g = "m" if low in MALE else "f" if low in FEMALE else "p" if low in PLURAL else "n"
        if g == "n" and self._pleonastic(i):
            return None
        excluded = set()
        k = bisect_right(self.region_starts, pos) - 1
        if k >= 0 and pos < self.regions[k].end:
            off = self.speaker(k)
            if off in self.actor_at:
                excluded.add(self.actor_at[off])
        bounds = self._clauses(i, sent)
        own = len(bounds) if low in OBJECT else None  # principle B: not its own clause
        # a pronoun a reporting verb follows speaks ("…", it said): an actor,
        # never a thing the noun phrases stand for
        speaks = i + 1 < len(self.lower) and self.lower[i + 1] in REPORTING
        nearest = low == "it" and not speaks  # not "its": a thing's possessor is often an actor
        if speaks:  # "'…,' said Ruiz. '…,' he added": the speaker of the quote before goes on
            a = self._last_speaker(pos, sent, sent - WINDOW[g])
            if a is not None and a not in excluded and self._agrees(self.actors[a], a, g) == 2:
                return a
        if low in POSSESSIVE:  # "In her remarks, Waters said …"
            a = self._fronted(i, sent)
            if a is not None and a not in excluded and self._agrees(self.actors[a], a, g) == 2:
                return a
        return self._walk(pos, sent, g, excluded, bounds, own, nearest, speaks)

    def _fronted(self, i: int, sent: int) -> Optional[int]:
        """Backward anaphora (Reinhart 1983, "Anaphora and semantic
        interpretation"; Kuno 1972): a possessive in a sentence-initial
        prepositional phrase ("In her opening remarks, Waters …") refers to
        the subject right after the phrase's comma. The actor of that
        mention, or None."""
        doc = self.doc
        toks = doc.tokens
        low = self.lower
        first = doc.token_index(doc.sentences[sent].start)
        if low[first] not in PREPOSITIONS:
            return None
        end = doc.token_index(doc.sentences[sent].end)
        if any(low[j] == "," for j in range(first, i)):
            return None
        comma = next((j for j in range(i + 1, min(end, i + SCAN_TOKENS)) if low[j] == ","), None)
        if comma is None:
            return None
        j = comma + 1
        while j < end and j - comma <= 3 and (toks[j].text[:1].isupper() or toks[j].text == "."):
            k = bisect_left(self.mention_starts, toks[j].start)
            if k < len(self.mention_starts) and self.mention_starts[k] == toks[j].start:
                return self.mentions[k].actor  # the subject: a name, after a title or not
            j += 1
        return None

    def _last_speaker(self, pos: int, sent: int, lo: int) -> Optional[int]:
        """For a pronoun at ``pos`` that speaks for the quote just before it
        in its own sentence ("'…,' he added"): the speaker of an earlier
        quote that ended from sentence ``lo`` on (a few quotes back at
        most); None otherwise."""
        doc = self.doc
        k = bisect_right(self.region_starts, pos) - 1
        if k < 0 or self.regions[k].end > pos or doc.sentence_index(self.regions[k].end - 1) != sent:
            return None  # no quote of its own: "She explained how …"
        for x in range(k - 1, max(k - SCAN_QUOTES, -1), -1):
            q = self.regions[x]
            s = doc.sentence_index(q.end - 1)  # where it ended: a long quote began further back
            if s is not None and s < lo:
                break
            off = self.speaker(x)
            if off is not None and off < pos and off in self.actor_at:
                return self.actor_at[off]
        return None

    def _walk(self, pos, sent, g, excluded, bounds, own, nearest, speaks) -> Optional[int]:
        """Sentence by sentence back from the pronoun's own; in its own, the
        nearest clause first (Hobbs climbs from the pronoun), in every
        sentence arguments before obliques, left to right. Per sentence,
        the names agreement accepts outright come before the untyped
        one-word names it accepts only as a fallback."""
        actors = self.actors
        number = 0 if speaks else 1 if g == "n" else 2 if g == "p" else 0
        # mentions up to here may stand for the pronoun (not those of its own
        # clause when principle B bars them)
        limit = pos if own is None else bounds[own - 1] if own else self.doc.sentences[sent].start
        for s in range(sent, max(sent - WINDOW[g], 0) - 1, -1):
            here = self.by_sent.get(s, [])[-SCAN_MENTIONS:]  # all before the pronoun
            if number:
                nps = self.nps.get(s, [])
                if s == sent:
                    nps = nps[:bisect_left(nps, (pos,))]
                here = here + nps[-SCAN_MENTIONS:]
            if s == sent:
                keyed = []
                for e in here:
                    if e[0] >= pos:
                        continue
                    c = bisect_right(bounds, e[0])
                    if c != own:
                        keyed.append(((-c, e[1], e[0]), e))
            else:
                keyed = [((0, e[1], e[0]), e) for e in here]
            keyed.sort(key=lambda ke: ke[0])
            fallback = None
            for _, e in keyed:
                a = e[3]
                if a is None:
                    if e[2] == number:
                        return fallback  # a noun phrase that is no actor comes first
                    continue
                if a in excluded:
                    continue
                ok = self._agrees(actors[a], a, g)
                if ok and nearest and self._np_between(self._last_of(a, limit), pos):
                    return None  # "JNIM claimed the attack. Later JNIM denied it."
                if ok == 2:
                    return a
                if ok == 1 and fallback is None:
                    fallback = a
            if fallback is not None:
                return fallback
        return None

    def _last_of(self, a: int, pos: int) -> int:
        """The offset of actor ``a``'s last mention before ``pos``."""
        starts = self.starts_of.get(a, ())
        k = bisect_left(starts, pos) - 1
        return starts[k] if k >= 0 else -1

    def _np_between(self, start: int, pos: int) -> bool:
        """A singular noun phrase that is no actor between offsets ``start``
        and ``pos``: for "it", the nearer thing outranks an actor further
        back."""
        k = bisect_right(self.singular, start)
        return k < len(self.singular) and self.singular[k] < pos

    def _clauses(self, i: int, sent: int) -> list[int]:
        """Offsets where the clauses of sentence ``sent`` left of token ``i``
        start: after a clause break (a comma, "that", "when" …) and after a
        reporting verb ("Ruiz said [he …]")."""
        doc = self.doc
        toks = doc.tokens
        low = self.lower
        out = []
        obj = _TRIGGER[low[i]] in OBJECT
        for j in range(max(doc.token_index(doc.sentences[sent].start), i - SCAN_TOKENS), i):
            if low[j] in CLAUSE_BREAKS or (low[j] in REPORTING and low[j] not in TOLD and not (
                    obj and j + 1 == i and (i + 1 >= len(low) or low[i + 1] not in BE))):
                out.append(toks[j].end)  # not "Ruiz denied it", but "Ruiz said it would"
        return out

    def _agrees(self, x: Actor, a: int, g: str) -> int:
        """2 when actor ``x`` (index ``a``) agrees with a pronoun of gender or
        number ``g``; 1 when only as a fallback (an untyped one-word name:
        for he/she without an article, for it/its in Title case, "Clinton"
        being either; a place for they); 0 when not."""
        if g in "mf":
            if x.gender not in (None, g) or x.type not in ("person", "unknown"):
                return 0
            if x.type == "person" or x.gender == g or _person_shaped(x.name):
                return 2
            return 1 if len(x.name.split()) == 1 and a not in self.with_article else 0
        if g == "p":  # a country as "they" only as a fallback ("Russia … they responded")
            return 2 if x.type in ("group", "organisation") else 1 if x.type == "place" else 0
        if x.type in ("organisation", "place"):
            return 2
        if x.type == "group":
            return 2 if x.head and not x.head.endswith("s") else 0
        if x.type != "unknown" or x.gender is not None or _person_shaped(x.name):
            return 0
        return 1 if x.name.istitle() and " " not in x.name else 2  # "NATO", "LibriVox": 2

    def _pleonastic(self, i: int) -> bool:
        """"it" as in "it is likely that", "it seems", "make it possible",
        "it rained" (Lappin & Leass 1994, §2.1.1)."""
        low = self.lower
        n = len(low)
        if low[i] == "its":
            return False
        if i > 0 and low[i - 1] in MAKE:
            return i + 1 < n and low[i + 1] in MODAL
        j = i + 1
        if low[i] != "it":  # "it's": the clitic is the verb
            j = i + 1
        elif j < n and low[j] in IT_VERBS:
            return True
        k = j
        while k < n and k - j < 3 and low[k] in BE:
            k += 1
        return (k > j or low[i] != "it") and k < n and low[k] in MODAL
