"""Actor mentions by rule: names, titles, acronyms, demonyms and group nouns.

No trained model and no downloaded data: the rules read the Document's
tokens and sentences and the lexicons ``actor_titles.tsv``,
``actor_places.tsv``, ``actor_groups.tsv``, ``actor_org_words.txt`` and
``actor_stopwords.txt``. The approach is the capitalisation-and-context
heuristics of early named-entity work (Mikheev 1999, "A knowledge-free method
for capitalized word disambiguation"; Collins & Singer 1999):

* a **name** is a run of capitalised words, joined by lower-case particles
  when a capitalised word follows ("Bank of England", "Jama'a Nusrat
  ul-Islam wa al-Muslimin") and by initials ("John F. Kennedy");
* at a **sentence start** the first word is dropped when the document uses
  it in lower case elsewhere, or it is a stop word ("Yesterday", "After");
  a Title Case headline only yields names the body confirms, places, groups
  and acronyms;
* **titles** before a name ("President", "Gen.", "Mr.", "foreign minister")
  are not part of it but type it as a person and may give a gender;
* a **possessive** ending ('s, ’s) is not part of the mention;
* an **acronym** in brackets after a name is its alias ("… (JNIM)"); other
  all-capital words are organisations unless they are places ("UN", "U.S.");
* a **demonym** is a mention of its place ("Russian" → Russia), unless it
  modifies a group noun ("Russian troops" is a group);
* a **group noun** ("militants", "the junta", "protesters") is a group or
  organisation mention, with a capitalised modifier when there is one
  ("Islamist militants").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from ..document import Document
from ..lexicons import load_table, load_words

CONNECTORS = frozenset("of the & for de da di du del della van von der den la le "
                       "al el ul ad ash as at an bin ibn abu wa y".split())
OPENERS = frozenset("\"“‘'(«[—–-:")
ACRONYM_RE = re.compile(r"^(?:[A-Z][A-Z0-9&]{1,9}|(?:[A-Z]\.){2,})$")
APOSTROPHES = ("'s", "’s", "'", "’")
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
TITLE_CASE_LOWER = frozenset("a an the of in on at to for and or but nor with by from as "
                             "vs via into over up off out per".split())
REPORTING = frozenset("said says told added asked argued wrote warned noted claimed "
                      "insisted denied announced stated".split())


@dataclass
class Cand:
    """A mention before merging: offsets, how it was found, its surface key."""

    start: int
    end: int
    kind: str          # name | acronym | demonym | place | group | user | pronoun | description
    key: str           # the words that identify the actor ("Ulf Laessing", "Russia")
    type: str = "unknown"  # person | organisation | place | group | unknown
    title: Optional[str] = None   # head word of a title before it ("president")
    gender: Optional[str] = None  # "m" | "f" from a title
    alias_of: Optional[str] = None  # for an acronym: the key of its expansion
    actor: Optional[int] = None  # index of the actor after merging
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Lex:
    titles: dict          # tuple of lower-case words → (head, gender)
    title_first: frozenset
    max_title: int
    places: dict          # form → (place, kind)
    place_first: dict     # first word → max words
    groups: dict          # form → (canonical, type)
    org_words: frozenset
    stop: frozenset
    starters: frozenset


@lru_cache(maxsize=1)
def lexicon() -> Lex:
    titles = {}
    for row in load_table("actor_titles.tsv"):
        words = tuple(row["title"].split())
        titles[words] = (None if row["head"] == "-" else row["head"],
                         None if row["gender"] == "-" else row["gender"])
    places = {}
    place_first: dict[str, int] = {}
    for row in load_table("actor_places.tsv"):
        places[row["form"]] = (row["place"], row["kind"])
        first = row["form"].split()[0]
        place_first[first] = max(place_first.get(first, 0), len(row["form"].split()))
    groups = {row["form"]: (row["canonical"], row["type"]) for row in load_table("actor_groups.tsv")}
    first = frozenset(t[0] for t in titles) | frozenset(t[0].rstrip(".") for t in titles)
    return Lex(titles, first, max(len(t) for t in titles),
               places, place_first, groups, load_words("actor_org_words.txt"),
               load_words("actor_stopwords.txt"), load_words("sentence_starters.txt"))


def _is_cap(t: str) -> bool:
    """A capitalised name word: "Laessing", "al-Muslimin", "McCarthy", "F"."""
    if not t[:1].isalpha():
        return False
    if t[0].isupper():
        return True
    head, sep, rest = t.partition("-")  # al-Qaeda, ul-Islam
    return bool(sep) and rest[:1].isupper() and head.lower() in CONNECTORS


_cap_cache: dict[str, bool] = {}


def _is_cap_fast(t: str) -> bool:
    """:func:`_is_cap`, memoised (a bounded module-level cache)."""
    r = _cap_cache.get(t)
    if r is None:
        if len(_cap_cache) > 200_000:
            _cap_cache.clear()
        r = _cap_cache[t] = _is_cap(t)
    return r


def _strip_possessive(text: str, start: int, end: int) -> int:
    s = text[start:end]
    for ap in APOSTROPHES:
        if s.endswith(ap) and len(s) > len(ap):
            if ap in ("'", "’") and not s[:-1].endswith("s"):
                continue
            return end - len(ap)
    return end


class _Detector:
    def __init__(self, doc: Document):
        self.doc = doc
        self.lex = lexicon()
        self.toks = doc.tokens
        self.text = doc.text
        self.low = doc.lower_tokens
        self.lower_seen = {t.text for t in doc.tokens if t.is_word and t.text[:1].islower()}
        starts = set()
        for s in doc.sentences:
            i = doc.token_index(s.start)
            while i < len(doc.tokens) and doc.tokens[i].text in OPENERS:
                i += 1
            starts.add(i)
        self.mid_caps = {t.text for i, t in enumerate(doc.tokens)
                         if i not in starts and t.is_word and t.text[:1].isupper()
                         and doc.tokens[i - 1].text not in OPENERS}
        self.cands: list[Cand] = []
        self.taken: set[int] = set()
        self.body_keys: set[str] = set()
        self.body_words: set[str] = set()

    # -- helpers -------------------------------------------------------------
    def _push(self, cand: Cand) -> None:
        """Add a mention unless one already starts there (an acronym alias
        found with its expansion is met again by the scan)."""
        if cand.start not in self.taken:
            self.taken.add(cand.start)
            self.cands.append(cand)

    def word(self, i: int) -> str:
        return self.toks[i].text if 0 <= i < len(self.toks) else ""

    def title_at(self, i: int, hi: int) -> tuple[int, Optional[str], Optional[str]]:
        """Length in tokens of a title starting at token i (periods count as
        tokens), with its head word and gender; (0, None, None) if none."""
        lex = self.lex
        if (self.low[i] if 0 <= i < len(self.low) else "") not in lex.title_first:
            return 0, None, None
        best = (0, None, None)
        words: list[str] = []
        j = i
        while j < hi and len(words) < lex.max_title:
            w = self.low[j]
            if w == ".":
                if not words:
                    break
                words[-1] += "."
                j += 1
            elif self.toks[j].is_word:
                words.append(w)
                j += 1
            else:
                break
            # "Mr" + "." counts only once the period is attached
            key = tuple(words)
            if key in lex.titles and not (j < hi and self.word(j) == "." and
                                          key[:-1] + (key[-1] + ".",) in lex.titles):
                best = (j - i, *lex.titles[key])
        return best

    def is_common(self, w: str) -> bool:
        low = w.lower()
        return (low in self.lex.stop or low in self.lex.starters or w.lower() in self.lower_seen)

    # -- main scan -------------------------------------------------------------
    def run(self) -> list[Cand]:
        doc = self.doc
        if not self.toks:
            return []
        spans = []
        for s in doc.sentences:
            lo = doc.token_index(s.start)
            hi = doc.token_index(s.end)
            spans.append((lo, hi, self._title_case(lo, hi)))
        for lo, hi, tc in spans:
            if not tc:
                self._sentence(lo, hi, headline=False)
        for lo, hi, tc in spans:
            if tc:
                self._sentence(lo, hi, headline=True)
        self.cands.sort(key=lambda c: c.start)
        return self.cands

    def _title_case(self, lo: int, hi: int) -> bool:
        words = [t.text for t in self.toks[lo:hi] if t.is_word and t.text[:1].isalpha()]
        if len(words) < 4:
            return False
        lower = [w for w in words if not w[0].isupper()]
        return len(lower) <= len(words) // 4 and all(w in TITLE_CASE_LOWER for w in lower)

    def _sentence(self, lo: int, hi: int, headline: bool) -> None:
        toks = self.toks
        groups = self.lex.groups
        i = lo
        first = lo
        while first < hi and self.word(first) in OPENERS:
            first += 1
        while i < hi:
            t = toks[i]
            w = t.text
            if not t.is_word:
                i += 1
                continue
            if _is_cap_fast(w):
                j = self._run_end(i, hi)
                i = self._name_run(i, j, hi, i == first or self.word(i - 1) in OPENERS, headline)
                continue
            if self.low[i] in groups:
                self._group(i, i, i + 1)
            i += 1

    def _run_end(self, i: int, hi: int) -> int:
        """End (exclusive) of the capitalised run starting at token i."""
        toks = self.toks
        low = self.low
        _is_cap = _is_cap_fast
        j = i
        while j < hi:
            w = toks[j].text
            if toks[j].is_word and _is_cap(w):
                j += 1
                if w.endswith(APOSTROPHES[:2]):  # a possessive ends the name
                    break
                # an initial: "F" "." followed by a capitalised word
                if (len(w) == 1 and j + 1 < hi and toks[j].text == "."
                        and _is_cap(toks[j + 1].text)):
                    j += 1
                # Mr. / Gen. / Sen.: the period belongs to the title
                elif (j + 1 < hi and toks[j].text == "." and self.toks[j].start == toks[j - 1].end
                      and (low[j - 1] + ".",) in self.lex.titles and _is_cap(toks[j + 1].text)):
                    j += 1
                continue
            if toks[j].is_word and low[j] in self.lex.title_first and j > i:
                n, _, _ = self.title_at(j, hi)
                if n and j + n < hi and _is_cap(toks[j + n].text):
                    j += n
                    continue
            if (toks[j].is_word and w in CONNECTORS and j > i and j + 1 < hi
                    and _is_cap(toks[j + 1].text) and not toks[j + 1].text.isupper()):
                j += 1
                continue
            break
        return j

    def _name_run(self, i: int, j: int, hi: int, at_start: bool, headline: bool) -> int:
        """Split the capitalised run [i, j) into titles, demonyms, names;
        returns the token index to go on from."""
        lex = self.lex
        toks = self.toks
        k = i
        title: Optional[str] = None
        gender: Optional[str] = None
        titled = False
        # a lower-case title just before: "former president Joe Biden"
        back = i - 1
        while back >= 0 and toks[back].is_word and toks[back].text[:1].islower() and i - back <= 3:
            n, head, g = self.title_at(back, i)
            if n and back + n == i:
                title, gender, titled = head or title, g or gender, True
                break
            back -= 1
        while k < j:
            w = toks[k].text
            n, head, g = self.title_at(k, j)
            # sentence-initial common word: "Yesterday", "After", "Officials"
            if not n and k == i and at_start and self._initial_not_name(k, j):
                if w.lower() in lex.groups:
                    self._group(k, k, k + 1)
                k += 1
                continue
            if n and k + n <= j:
                if k + n == j:  # a title with no name after it ("the President")
                    return j
                title, gender, titled = head or title, g or gender, True
                k += n
                continue
            place = self._place_at(k, j)
            if place:
                m, name, kind = place
                if kind == "demonym" and k + m < len(toks) and self.low[k + m] in lex.groups:
                    self._group(k, k + m, k + m + 1)
                    return k + m + 1
                end = _strip_possessive(self.text, toks[k].start, toks[k + m - 1].end)
                self._push(Cand(toks[k].start, end, kind if kind == "demonym" else "place",
                                       name, "place"))
                k += m
                continue
            break
        if k >= j:
            return j
        # trim stop words at the start ("The", "Former"), weekdays at the end
        while k < j and (self.low[k] in lex.stop or not toks[k].is_word):
            k += 1
        e = j
        while e > k and (self.low[e - 1] in WEEKDAYS or toks[e - 1].text in CONNECTORS
                         or toks[e - 1].text == "."):
            e -= 1
        if k >= e:
            return j
        # "Tuareg rebels", "Islamist militants": a short run before a group noun
        if (e == j and j < hi and self.low[j] in lex.groups and e - k <= 2
                and not titled and not toks[e - 1].text.endswith(APOSTROPHES)):
            self._group(k, j, j + 1)
            return j + 1
        if headline:
            self._headline_names(k, e)
            return j
        self._emit_name(k, e, title, gender, hi, titled)
        return j

    def _initial_not_name(self, k: int, j: int) -> bool:
        """Is the sentence-initial capitalised word at k an ordinary word?
        Yes when it is a stop word or sentence starter, or the document uses
        it in lower case; a lone initial word must also be seen capitalised
        inside a sentence elsewhere, or be followed by a reporting verb."""
        w = self.toks[k].text
        if w in self.lex.places or w.rstrip("'’s") in self.lex.places:
            return False
        low = w.lower()
        if low in self.lex.stop or low in self.lex.starters or low in self.lower_seen:
            return True
        if j - k == 1 and w not in self.mid_caps:
            nxt = self.word(k + 1).lower()
            if nxt in REPORTING or nxt in self.lex.groups or w.endswith(APOSTROPHES[:2]):
                return False
            # adverbs, participles and plural common nouns ("Speaking",
            # "Clearly", "Experts"): not names without other evidence
            return low.endswith(("ly", "ing", "ed")) or (low.endswith("s")
                                                           and not low.endswith("ss"))
        return False

    def _place_at(self, k: int, j: int) -> Optional[tuple[int, str, str]]:
        w = self.toks[k].text
        m = self.lex.place_first.get(w)
        if not m:
            if w.endswith(APOSTROPHES):
                base = w[:-2] if w.endswith(("'s", "’s")) else w[:-1]
                if base in self.lex.places and self.lex.places[base][1] == "place":
                    return 1, self.lex.places[base][0], "place"
            return None
        for n in range(min(m, j - k), 0, -1):
            form = " ".join(t.text for t in self.toks[k:k + n])
            bare = form
            for ap in ("'s", "’s"):
                if bare.endswith(ap):
                    bare = bare[:-2]
            if bare in self.lex.places:
                place, kind = self.lex.places[bare]
                return n, place, kind
        return None

    def _emit_name(self, k: int, e: int, title, gender, hi: int, titled: bool) -> None:
        toks = self.toks
        start = toks[k].start
        end = _strip_possessive(self.text, start, toks[e - 1].end)
        words = [t.text for t in toks[k:e]]
        key = " ".join(self.text[start:end].split())
        if e - k == 1 and ACRONYM_RE.match(key):
            self._push(Cand(start, end, "acronym", key, "organisation"))
            self.body_keys.add(key)
            self.body_words.add(words[0])
            return
        typ = "person" if titled else "unknown"
        if not titled and any(w.lower() in self.lex.org_words for w in words):
            typ = "organisation"
        cand = Cand(start, end, "name", key, typ, title, gender)
        self._push(cand)
        self.body_keys.add(key)
        self.body_words.update(words)
        # "Jama'a Nusrat ul-Islam wa al-Muslimin (JNIM)": the acronym is an alias
        if (e < hi - 2 and toks[e].text == "(" and toks[e + 2].text == ")"
                and ACRONYM_RE.match(toks[e + 1].text)):
            acr = toks[e + 1]
            self._push(Cand(acr.start, acr.end, "acronym", acr.text,
                                   "organisation" if typ != "person" else typ, alias_of=key))
            self.body_keys.add(acr.text)

    def _headline_names(self, k: int, e: int) -> None:
        """In a Title Case line only names the body uses count: greedy longest
        match of known keys; acronyms and places were handled before."""
        toks = self.toks
        while k < e:
            for n in range(min(6, e - k), 0, -1):
                key = " ".join(t.text for t in toks[k:k + n])
                end = _strip_possessive(self.text, toks[k].start, toks[k + n - 1].end)
                bare = " ".join(self.text[toks[k].start:end].split())
                if bare in self.body_keys or (n == 1 and ACRONYM_RE.match(key)):
                    kind = "acronym" if n == 1 and ACRONYM_RE.match(key) else "name"
                    self._push(Cand(toks[k].start, end, kind, bare,
                                           "organisation" if kind == "acronym" else "unknown"))
                    k += n
                    break
            else:
                place = self._place_at(k, e)
                if place:
                    m, name, kind = place
                    end = _strip_possessive(self.text, toks[k].start, toks[k + m - 1].end)
                    self._push(Cand(toks[k].start, end, kind, name, "place"))
                    k += m
                    continue
                if self.low[k] in self.lex.groups:
                    self._group(k, k, k + 1)
                k += 1

    def _group(self, mod_lo: int, head: int, end: int) -> None:
        """A group noun at token ``head`` with capitalised modifiers from
        ``mod_lo`` ("Islamist militants"), or none (``mod_lo == head``)."""
        toks = self.toks
        canonical, typ = self.lex.groups[self.low[head]]
        mods = " ".join(t.text for t in toks[mod_lo:head])
        key = f"{mods} {canonical}" if mods else canonical
        start = toks[mod_lo].start
        stop = _strip_possessive(self.text, start, toks[end - 1].end)
        self._push(Cand(start, stop, "group", key, typ, extra={"head": canonical}))


def detect(doc: Document) -> list[Cand]:
    """Name, acronym, place, demonym and group mentions, sorted by start."""
    return _Detector(doc).run()
