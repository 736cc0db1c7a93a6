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

Line-level patterns (headlines, datelines, bylines, groups) are in
``actors_lines``; titles, modifiers and persons in ``actors_titles``; the
mention record in ``actors_cand``.
"""
from __future__ import annotations

from typing import Optional

from ..document import Document
from .actors_lexicon import (APOSTROPHES, CONNECTORS, PARTY_TAG_RE, SUFFIXES, Lex, bare,
                             has_clitic, is_shouted, lexicon, strip_possessive)
from .actors_cand import Cand
from .actors_evidence import OPENERS, DocWords, cues, is_number
from .actors_lexicon import is_cap_fast as _is_cap_fast
from .actors_lines import ACRONYM_RE, LinesMixin, _title
from .actors_titles import TitlesMixin

__all__ = ["Cand", "Lex", "detect", "lexicon"]

WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
REPORTING = frozenset("said says told added asked argued wrote warned noted claimed "
                      "insisted denied announced stated".split())


class _Detector(LinesMixin, TitlesMixin):
    def __init__(self, doc: Document):
        self.doc = doc
        self.lex = lexicon()
        self.toks = doc.tokens
        self.text = doc.text
        self.low = doc.lower_tokens
        self.words = DocWords(doc, REPORTING)
        self.lower_seen = self.words.lower_seen
        self.cues = cues()
        self.para_starts = {doc.token_index(p.start) for p in doc.paragraphs}
        self.caps = self.words.caps
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
                c = self._byline_comma(lo, hi)
                self._sentence(lo, c or hi, headline=True)
                if c:  # "By Ann Lee, The Daily Clarion": the outlet is a name
                    self._sentence(c + 1, hi, headline=False)
        self.cands.sort(key=lambda c: c.start)
        return self.cands

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
            if (j < hi and self.toks[j].text.isdigit() and low[j - 1] in self.cues["numbered"]
                    and j - i <= 3):
                j += 1  # "Ward 4", "District 9": the number is part of the name
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
                if w.endswith(APOSTROPHES[:2]) or (j < hi and toks[j].text in "'’"
                                                  and toks[j].start == toks[j - 1].end):
                    # a possessive ends the name, except inside an institution's
                    # name: "St. Orla's Hospital", "Nurses' Association"
                    p = j + (0 if w.endswith(APOSTROPHES[:2]) else 1)
                    if p < hi and caps[p] and self._possessive_inside(i, p, p > j):
                        j = p
                        continue
                    break
                # "St. Orla": a saint's (or Mt., Ft.) abbreviation inside a name
                if (j + 1 < hi and toks[j].text == "." and low[j - 1] in self.cues["saint"]
                        and toks[j].start == toks[j - 1].end and _is_cap(toks[j + 1].text)):
                    j += 1
                    continue
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
            if ((toks[j].is_word or w == "&") and w in CONNECTORS and j > i and j + 1 < hi
                    and _is_cap(toks[j + 1].text) and not toks[j + 1].text.isupper()):
                j += 1
                continue
            break
        return j

    def _possessive_inside(self, i: int, p: int, plural: bool) -> bool:
        """Does a name go on past a possessive at token p - 1? When it began
        with a saint's abbreviation ("St. Orla's Hospital"), or a plural
        possessive comes before an organisation word ("Northern Coast
        Nurses' Association"; not "Tim Kaine's Senate seat")."""
        saint = self.cues["saint"]
        return (any(self.low[x] in saint for x in range(max(i, p - 4), p))
                or (plural and bare(self.low[p]) in self.lex.org_words))

    def _name_run(self, i: int, j: int, hi: int, at_start: bool, headline: bool) -> int:
        """Split the capitalised run [i, j) into titles, places, modifiers and
        a name; returns the token index to go on from."""
        lex = self.lex
        toks = self.toks
        low = self.low
        if at_start and i in self.para_starts and self._is_dateline(i, j, hi):
            self._dateline_place(i, j)
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
        if k >= e or (e - k == 1 and (len(toks[k].text) == 1 or low[k].rstrip(".") in SUFFIXES
                                      or is_number(low[k], self.cues["number"]))):
            return j  # nothing left, a lone letter ("R"), suffix ("Jr.") or numeral
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
        if self.words.shouted and self.words.in_shouted(k, e):
            # in a run of all-capital words ("BRIDGE OF SHAME:", "DROWNED BY
            # DELAY"): a single word only when the body writes it in mixed
            # case or as a lone acronym; several only without a common word
            form = _title(key.split())
            if e - k == 1 or any((len(w) >= 3 or 0 < x < len(words) - 1)
                                 and (bare(w.lower()) in self.lex.stop or w.lower() in self.lower_seen)
                                 for x, w in enumerate(words)):
                if form in self.lex.places and self.lex.places[form][1] != "abbreviation":
                    self._push(Cand(start, end, "place", self.lex.places[form][0], "place"))
                elif e - k == 1 and self.words.body_title([form]):
                    self._push(Cand(start, end, "name", form, "unknown"))
                elif e - k == 1 and key in self.words.lone_acronyms and ACRONYM_RE.match(key):
                    self._push(Cand(start, end, "acronym", key, "organisation"))
                return
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
        if not titled and any(bare(w.lower()) in self.lex.org_words for w in words):
            typ = "organisation"
        elif not titled and self._place_head(words):
            typ = "place"  # "Calder Quay", "Ansel Tunnel", "Ward 4"
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

    def _place_head(self, words: list[str]) -> bool:
        """Internal evidence (McDonald 1996): the name's last word is a place
        or facility head ("Quay", "Bridge", "Street"; "Ward" + a number),
        and it does not start with a given name ("Laura Bridge")."""
        last = words[-1].lower()
        if last.isdigit() and len(words) > 1:
            return words[-2].lower() in self.cues["numbered"]
        return (len(words) > 1 and last in self.cues["place_head"]
                and words[0].lower() not in self.lex.first_names)

def detect(doc: Document) -> list[Cand]:
    """Name, acronym, place, demonym and group mentions, sorted by start."""
    return _Detector(doc).run()
