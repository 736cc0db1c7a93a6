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
from typing import Optional

from ..document import Document
from .actors_lexicon import (APOSTROPHES, CONNECTORS, PARTY_TAG_RE, SUFFIXES, Lex, bare,
                             has_clitic, is_shouted, lexicon, strip_possessive)
from .actors_lexicon import is_cap_fast as _is_cap_fast

__all__ = ["Cand", "Lex", "detect", "lexicon"]

OPENERS = frozenset("\"“‘'(«[—–-:")
DASHES = frozenset(("—", "–", "-", "--"))
ACRONYM_RE = re.compile(r"^(?:[A-Z][A-Z0-9&]{1,9}|(?:[A-Z]\.){2,})$")
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
        self.para_starts = {doc.token_index(p.start) for p in doc.paragraphs}
        self.caps = [t.is_word and _is_cap_fast(t.text) for t in doc.tokens]
        self.cands: list[Cand] = []
        self.taken: set[int] = set()
        self.body_keys: set[str] = set()
        self.body_words: set[str] = set()

    # -- helpers -------------------------------------------------------------
    def _push(self, cand: Cand) -> Cand:
        """Add a mention unless one already starts there (an acronym alias
        found with its expansion is met again by the scan)."""
        if cand.start not in self.taken:
            self.taken.add(cand.start)
            self.cands.append(cand)
        return cand

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

    def _stopish(self, k: int) -> bool:
        """A function word, also with a clitic or possessive ("Here’s", "I’m")."""
        low = self.low[k]
        return bare(low) in self.lex.stop or has_clitic(low)

    def _party(self, k: int) -> bool:
        """A party adjective ("Republican", "Democratic-led")."""
        b = bare(self.low[k])
        return b in self.lex.parties or ("-" in b and b.split("-")[0] in self.lex.parties)

    def _person_rest(self, a: int, b: int) -> bool:
        """Can tokens [a, b) after a title or party word be a person's name?
        Not when they hold an organisation word ("Justice Department"), end
        in a law or event word, or are only a suffix ("King Jr.")."""
        if a >= b or not self.toks[a].text[:1].isupper():
            return False  # "Chief of Staff …": a connector is no name start
        words = [bare(self.low[x]) for x in range(a, b) if self.toks[x].is_word]
        if all(w in SUFFIXES for w in words):
            return False
        org = self.lex.org_words
        return words[-1] not in self.lex.non_actor and not any(w in org for w in words)

    def _starts_person(self, a: int, j: int) -> bool:
        """Does a person's name start at token a of the run ending at j: a
        title with a name after it, or a given name and a surname?"""
        if a >= j:
            return False
        n = self.title_at(a, j)[0]
        if n:
            return a + n < j and self._person_rest(a + n, j)
        return (a + 1 < j and bare(self.low[a]) in self.lex.first_names
                and self._person_rest(a, j))

    def _person_after(self, k: int, j: int) -> Optional[int]:
        """Where a titled or given-named person starts later in the run when
        the words before are a modifier, not a name: "Defense Secretary Ash
        Carter", "House Speaker Paul Ryan", "Support of Ted Cruz"."""
        low = self.low
        names = self.lex.first_names
        if bare(low[k]) in names or all(t.text.isupper() for t in self.toks[k:j] if t.is_word):
            return None  # "Mary Ann Lee", "John Paul Jones"; all capitals carry no cue
        for p in range(k + 1, j - 1):
            n = self.title_at(p, j)[0]
            if n:
                return p if p + n < j and self._person_rest(p + n, j) else None
            if low[p] in names:
                org = self.lex.org_words
                if any(bare(low[x]) in org for x in range(k, p)) or not self._person_rest(p, j):
                    return None
                return p
        return None

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
        caps = self.caps
        low = self.low
        while i < hi:
            if not caps[i]:
                if low[i] in groups and toks[i].is_word:
                    self._group(i, i, i + 1)
                i += 1
                continue
            if "-" in low[i] and PARTY_TAG_RE.match(toks[i].text):
                i += 1  # "(R-TX)": a party-state tag, not an actor
                continue
            j = self._run_end(i, hi)
            i = self._name_run(i, j, hi, i == first or self.word(i - 1) in OPENERS, headline)

    def _run_end(self, i: int, hi: int) -> int:
        """End (exclusive) of the capitalised run starting at token i."""
        toks = self.toks
        low = self.low
        _is_cap = _is_cap_fast
        j = i
        caps = self.caps
        while j < hi:
            w = toks[j].text
            if caps[j]:
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
        """Split the capitalised run [i, j) into titles, places, modifiers and
        a name; returns the token index to go on from."""
        lex = self.lex
        toks = self.toks
        low = self.low
        if at_start and i in self.para_starts and self._is_dateline(i, j, hi):
            return self._dateline_end(j, hi)
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
        # "the South Carolina Republican primary": the party word modifies the noun
        if j - i > 1 and j < hi and toks[j].text[:1].islower() and self._party(j - 1):
            j -= 1
        while k < j:
            w = toks[k].text
            n, head, g = self.title_at(k, j)
            if n and k + n < j and not self._person_rest(k + n, j):
                n = 0  # "Justice Department", "General Motors", "King Jr."
            # sentence-initial common word: "Yesterday", "After", "Officials"
            if not n and k == i and at_start and self._initial_not_name(k, j):
                if w.lower() in lex.groups:
                    self._group(k, k, k + 1)
                k += 1
                continue
            if n:
                if k + n >= j:  # a title with no name after it ("the President")
                    return j
                title, gender, titled = head or title, g or gender, True
                k += n
                continue
            if self._party(k):  # "Republican Donald Trump", "Democratic Sen. Ann Lee"
                if k + 1 >= j:  # "Republican candidates": an adjective
                    if j < hi and low[j] in lex.groups:  # "Republican lawmakers"
                        self._group(k, j, j + 1)
                        return j + 1
                    return j
                if "-" in w or self._starts_person(k + 1, j) or self._person_rest(k + 1, j):
                    k += 1
                    continue
                break  # "Republican National Committee"
            place = self._place_at(k, j)
            if place:
                m, name, kind = place
                if kind == "abbreviation":  # "Concord, N.H.": a qualifier
                    k += m
                    continue
                if kind == "demonym" and k + m < len(toks) and low[k + m] in lex.groups:
                    self._group(k, k + m, k + m + 1)
                    return k + m + 1
                if (k + m < j and not self._starts_person(k + m, j)
                        and not (self._party(k + m) and self._starts_person(k + m + 1, j))):
                    p = self._person_after(k, j)  # "Manhattan Supreme Court Justice Ann Lee"
                    if p is None:
                        break  # "Washington Post", "Denver Broncos": part of a longer name
                    self._modifier(k, p)
                    k = p
                    continue
                end = strip_possessive(self.text, toks[k].start, toks[k + m - 1].end)
                self._push(Cand(toks[k].start, end, kind if kind == "demonym" else "place",
                                name, "place"))
                k += m
                continue
            p = self._person_after(k, j)
            if p is None:
                break
            self._modifier(k, p)
            k = p
        if k >= j:
            return j
        # trim function words at the start ("The", "Former", "I’m"), weekdays at the end
        while k < j and (not toks[k].is_word or self._stopish(k)):
            k += 1
        e = j
        while e > k and (bare(low[e - 1]) in WEEKDAYS or toks[e - 1].text in CONNECTORS
                         or toks[e - 1].text == "." or has_clitic(low[e - 1])):
            e -= 1
        if k >= e or (e - k == 1 and (len(toks[k].text) == 1 or low[k].rstrip(".") in SUFFIXES)):
            return j  # nothing left, a lone letter ("R") or suffix ("Jr.")
        # "Second Amendment", "Super Bowl", "Cold War": a law, event or war
        if e - i >= 2 and bare(low[e - 1]) in lex.non_actor and low[i] not in lex.first_names:
            return j
        # "Tuareg rebels", "Islamist militants": a short run before a group noun
        if (e == j and j < hi and low[j] in lex.groups and e - k <= 2
                and not titled and not toks[e - 1].text.endswith(APOSTROPHES)):
            self._group(k, j, j + 1)
            return j + 1
        if not titled and e - k <= 3 and self._capital_group(k, e):
            return j
        if headline:
            self._headline_names(k, e)
            return j
        self._emit_name(k, e, title, gender, hi, titled)
        return j

    def _modifier(self, k: int, p: int) -> None:
        """The words before a title or name in one run ("FBI Director …",
        "House Judiciary Committee Chairman …", "Defense Secretary …"): an
        acronym or an organisation's name is a mention of its own; other
        modifiers ("Defense", "Support of") are not."""
        toks = self.toks
        while k < p and (not toks[k].is_word or self._stopish(k)):
            k += 1
        while p > k and (toks[p - 1].text in CONNECTORS or not toks[p - 1].is_word):
            p -= 1
        if k >= p:
            return
        if p - k == 1 and ACRONYM_RE.match(toks[k].text):
            self._push(Cand(toks[k].start, toks[k].end, "acronym", toks[k].text, "organisation"))
            self.body_keys.add(toks[k].text)
        elif p - k > 1 and bare(self.low[p - 1]) in self.lex.org_words:
            start, end = toks[k].start, toks[p - 1].end
            key = " ".join(self.text[start:end].split())
            self._push(Cand(start, end, "name", key, "organisation"))
            self.body_keys.add(key)

    def _capital_group(self, k: int, e: int) -> bool:
        """"Republicans", "House Democrats", "Muslims", "Americans": a
        capitalised plural of a group noun or demonym is a group."""
        word = self.toks[e - 1].text.rstrip("'’")
        head = word.lower()
        g = self.lex.groups.get(head)
        if g is not None and g[1] == "group" and (e - k == 1 or g[0][:1].isupper()):
            self._group(k, e - 1, e, head)
            return True
        if (e - k == 1 and head.endswith("s")
                and self.lex.places.get(word[:-1], ("", ""))[1] == "demonym"):
            start = self.toks[k].start
            self._push(Cand(start, start + len(word), "group", word, "group",
                            extra={"head": word}))
            return True
        return False

    def _is_dateline(self, i: int, j: int, hi: int) -> bool:
        """"WASHINGTON —", "NEW YORK, Nov. 19 (UPI) —": a capitals-only place
        at a paragraph start before a comma, bracket or dash (AP style)."""
        words = [t.text for t in self.toks[i:j] if t.is_word]
        if not words or len(words) > 3 or not all(is_shouted(w) for w in words):
            return False
        nxt = self.word(j)
        if nxt in DASHES or (nxt in (",", "(") and _title(words) in self.lex.places):
            return True
        # "SAN BERNARDINO, Calif. (AP) —": a bracketed credit before the dash
        ahead = [self.word(x) for x in range(j, min(hi, j + 12))]
        return nxt in (",", "(") and "(" in ahead and any(w in DASHES for w in ahead)

    def _dateline_end(self, j: int, hi: int) -> int:
        for x in range(j, min(hi, j + 12)):
            if self.word(x) in DASHES:
                return x + 1
        return j

    def _initial_not_name(self, k: int, j: int) -> bool:
        """Is the sentence-initial capitalised word at k an ordinary word?
        Yes when it is a stop word or sentence starter (also with a clitic:
        "Here’s", "I’m"), or the document uses it in lower case; a lone
        initial word must also be seen capitalised inside a sentence
        elsewhere, or be followed by a reporting verb."""
        w = self.toks[k].text
        if w in self.lex.places or w.rstrip("'’s") in self.lex.places:
            return False
        low = w.lower()
        b = bare(low)
        if (b in self.lex.stop or b in self.lex.starters or low in self.lower_seen
                or has_clitic(low)):
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
        if k >= len(self.toks):
            return None
        w = self.toks[k].text
        places = self.lex.places
        # "Concord, N.H." / "San Bernardino, Calif.": a state abbreviation
        if (self.word(k + 1) == "." and w + " ." in places and self.word(k - 1) == ","
                and self.toks[k + 1].start == self.toks[k].end):
            return (1, *places[w + " ."])
        m = self.lex.place_first.get(w)
        if not m:
            if w.endswith(APOSTROPHES):
                base = w[:-2] if w.endswith(("'s", "’s")) else w[:-1]
                if base in places and places[base][1] == "place":
                    return 1, places[base][0], "place"
            return None
        for n in range(min(m, j - k), 0, -1):
            form = " ".join(t.text for t in self.toks[k:k + n])
            bare_form = form
            for ap in ("'s", "’s"):
                if bare_form.endswith(ap):
                    bare_form = bare_form[:-2]
            if bare_form in places:
                place, kind = places[bare_form]
                return n, place, kind
        return None

    def _emit_name(self, k: int, e: int, title, gender, hi: int, titled: bool) -> None:
        toks = self.toks
        start = toks[k].start
        end = strip_possessive(self.text, start, toks[e - 1].end)
        words = [t.text for t in toks[k:e]]
        key = " ".join(self.text[start:end].split())
        if all(is_shouted(w) for w in words if w[:1].isalpha()):
            # capitals only: a place ("NEW YORK"), a speaker label in a
            # transcript ("JIM JORDAN:"), a shouted word, or an acronym
            form = _title(key.split())
            if form in self.lex.places and self.lex.places[form][1] != "abbreviation":
                self._push(Cand(start, end, "place", self.lex.places[form][0], "place"))
                return
            low = key.lower()
            if len(words) > 1:  # kept unless a word is a common one ("VOTING RIGHTS")
                if not any(w.lower() in self.lower_seen or bare(w.lower()) in self.lex.stop
                           for w in words):
                    self._push(Cand(start, end, "name", form, "unknown"))
                    self.body_keys.add(form)
                return
            if low in self.lower_seen or bare(low) in self.lex.stop:
                return
        if e - k == 1 and ACRONYM_RE.match(key):
            self._push(Cand(start, end, "acronym", key, "organisation"))
            self.body_keys.add(key)
            self.body_words.add(words[0])
            return
        typ = "person" if titled else "unknown"
        if not titled and any(w.lower() in self.lex.org_words for w in words):
            typ = "organisation"
        # "San Bernardino, Calif.": a name before a state abbreviation is a place
        if not titled and self.word(e) == ",":
            after = self._place_at(e + 1, min(e + 3, hi))
            if after is not None and after[2] == "abbreviation":
                typ = "place"
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
                end = strip_possessive(self.text, toks[k].start, toks[k + n - 1].end)
                bare_key = " ".join(self.text[toks[k].start:end].split())
                if key.isupper() and key[:1].isalpha():  # "TRUMP FIRES BACK"
                    form = _title(bare_key.split())
                    if form in self.body_keys or self.word(k + n) == ":":  # "Trump"; "CORNISH:"
                        self._push(Cand(toks[k].start, end, "name", form))
                        k += n
                        break
                    if (n > 1 or self.low[k] in self.lower_seen or self._stopish(k)
                            or len(key) > 5):  # "DEBATE": an acronym is short
                        continue
                    if form in self.lex.places:  # "RUSSIAN"
                        place, kind = self.lex.places[form]
                        if kind != "abbreviation":
                            self._push(Cand(toks[k].start, end, kind, place, "place"))
                        k += 1
                        break
                if bare_key in self.body_keys or (n == 1 and ACRONYM_RE.match(key)):
                    kind = "acronym" if n == 1 and ACRONYM_RE.match(key) else "name"
                    self._push(Cand(toks[k].start, end, kind, bare_key,
                                    "organisation" if kind == "acronym" else "unknown"))
                    k += n
                    break
            else:
                place = self._place_at(k, e)
                if place:
                    m, name, kind = place
                    if kind != "abbreviation":
                        end = strip_possessive(self.text, toks[k].start, toks[k + m - 1].end)
                        self._push(Cand(toks[k].start, end, kind, name, "place"))
                    k += m
                    continue
                if self.low[k] in self.lex.groups:
                    self._group(k, k, k + 1)
                k += 1

    def _group(self, mod_lo: int, head: int, end: int, form: Optional[str] = None) -> None:
        """A group noun at token ``head`` with capitalised modifiers from
        ``mod_lo`` ("Islamist militants"), or none (``mod_lo == head``)."""
        toks = self.toks
        canonical, typ = self.lex.groups[form or self.low[head]]
        mods = " ".join(t.text for t in toks[mod_lo:head])
        key = f"{mods} {canonical}" if mods else canonical
        start = toks[mod_lo].start
        stop = strip_possessive(self.text, start, toks[end - 1].end)
        self._push(Cand(start, stop, "group", key, typ, extra={"head": canonical}))


def _title(words: list[str]) -> str:
    """"NEW YORK" → "New York", "AL-SAADI" → "Al-Saadi"."""
    return " ".join("-".join(p.capitalize() for p in w.split("-")) for w in words)


def detect(doc: Document) -> list[Cand]:
    """Name, acronym, place, demonym and group mentions, sorted by start."""
    return _Detector(doc).run()
