"""Actor mentions by rule: names, titles, acronyms, demonyms and group nouns.

No trained model and no downloaded data: the rules read the Document's
tokens and sentences and the lexicons ``actor_titles.tsv``,
``actor_places.tsv``, ``actor_groups.tsv``, ``actor_org_words.txt`` and
``actor_stopwords.txt``. The approach is the capitalisation-and-context
heuristics of early named-entity work (Mikheev 1999, "A knowledge-free method
for capitalized word disambiguation"; Collins & Singer 1999):

* a **name** is a run of capitalised words, joined by lower-case particles
  when a capitalised word follows ("Bank of England", "Jama'a Nusrat
  ul-Islam wa al-Muslimin") and by initials ("John F. Kennedy"); not by
  "at", "as", "an", which between names are English ("Obama at Harvard"),
  nor by "of" after a person's first and last name ("Chris Wallace of Fox
  News": the person and the employer, an apposition);
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
``lines`` (:class:`~.lines.Lines`); titles, modifiers and persons in
``titles`` (:class:`~.titles.Titles`); both are collaborators of the
detector with explicit inputs: the per-document state of ``scan``
(:class:`~.scan.Scan`). The mention record is in ``candidates``.
"""
from __future__ import annotations

from typing import Optional

from ...document import Document
from .lexicon import (APOSTROPHES, BARE, CAP, CLITIC, CONNECTORS, PARTY_TAG_RE,
                             RUN_CONNECTORS, SUFFIXES,
                             Lex, is_shouted, lexicon, strip_possessive)
from ...lexicons import word_list
from .candidates import Cand
from .evidence import OPENERS, is_number
from .lines import ACRONYM_RE, HEADLINE_VERBS, Lines, _title
from .scan import WEEKDAYS, Scan
from .titles import Titles

__all__ = ["Cand", "Lex", "detect", "lexicon"]

_POSSESSIVE = APOSTROPHES[:2]  # 's ’s
# the second part of an adjectival compound after a name (Quirk et al. 1985, App. I.44)
COMPOUND_HEADS = frozenset(("style", "like", "era", "type", "backed", "led", "run"))
NAMED_ORGS = (word_list("actor_words.tsv", "party_names") | word_list("actor_words.tsv", "platforms")
              | word_list("actor_words.tsv", "companies"))


class _Detector:
    """The sentence scan: capitalised runs, titles, places, acronyms and
    groups. Its collaborators get their inputs explicitly: the document state
    (:class:`~.scan.Scan`), the title rules (:class:`~.titles.Titles`) and
    the line rules (:class:`~.lines.Lines`, given this detector's
    :meth:`_place_at`)."""

    def __init__(self, doc: Document):
        self.s = Scan(doc)
        self.titles = Titles(self.s)
        self.lines = Lines(self.s, self.titles, self._place_at)

    # -- main scan -------------------------------------------------------------
    def run(self) -> list[Cand]:
        if not self.s.toks:
            return []
        spans = [(lo, hi, self.lines.heading(si, lo, hi))
                 for si, (lo, hi) in enumerate(self.s.words.sentence_tokens)]
        for lo, hi, tc in spans:
            if not tc:
                self._sentence(lo, hi, headline=False)
        for lo, hi, tc in spans:
            if tc:
                c = self.lines.byline_comma(lo, hi)
                self._sentence(lo, c or hi, headline=True)
                if c:  # "By Ann Lee, The Daily Clarion": the outlet is a name
                    self._sentence(c + 1, hi, headline=False)
        self.s.cands.sort(key=lambda c: c.start)
        return self.s.cands

    def _sentence(self, lo: int, hi: int, headline: bool) -> None:
        texts = self.s.texts
        low = self.s.low
        caps = self.s.caps
        numbered = self.s.cues["numbered"]
        codes = self.s.codes
        groups = self.s.lex.groups
        initial_common = self.s.initial_common
        lower_seen = self.s.lower_seen
        plain_name = self.s.plain_name
        title_lower = self.s.title_lower
        run_stop = self.s.run_stop
        # the scan stops only at name words and group nouns (DocWords.stops);
        # every other token is passed over without a look
        next_stop = self.s.words.stops.find
        first = lo
        while first < hi and texts[first] in OPENERS:
            first += 1
        i = lo
        while True:
            i = next_stop(1, i, hi)
            if i < 0:
                return
            if not caps[i]:  # a group noun
                self.lines.group(i, i, i + 1)
                i += 1
                continue
            if "-" in low[i] and PARTY_TAG_RE.match(texts[i]):
                i += 1  # "(R-TX)": a party-state tag, not an actor
                continue
            if i + 1 >= hi or (not caps[i + 1] and run_stop[texts[i + 1]]):
                j = i + 1  # the next token ends the run: what _run_end finds
            else:
                j = self._run_end(i, hi)
            if j < hi and texts[j].isdigit() and low[j - 1] in numbered and j - i <= 3:
                j += 1  # "Ward 4", "District 9": the number is part of the name
            case = self._case_end(j, hi)
            if case:  # "Roe v. Wade": a court case, not its parties as actors
                i = case
                continue
            at_start = i == first or (texts[i - 1] if i else "") in OPENERS
            if at_start and j == i + 1 and codes[i] & 7 != 4 and low[i] not in groups:
                # a lone sentence-initial common word ("The", "But", "He"):
                # what _name_run finds for it (no dateline: not in capitals)
                common = initial_common[texts[i]]
                if common or (common is None and low[i] in lower_seen):
                    i = j
                    continue
            elif (j == i + 1 and not at_start and not headline and plain_name[texts[i]]
                  and not (j < hi and low[j] in groups)
                  and title_lower.find(1, i - 3 if i > 3 else 0, i) < 0):
                # a lone plain name word inside a sentence ("Trump said"), no
                # title before it, no group noun after it: what _name_run does
                self._emit_name(i, j, None, None, hi, False)
                i = j
                continue
            i = self._name_run(i, j, hi, at_start, headline)

    def _case_end(self, j: int, hi: int) -> int:
        """End of a case name whose first party ends at token j ("Roe v.
        Wade", "Dobbs v. Jackson Women's Health Organization": the legal
        citation form with "v.", The Bluebook rule 10.2), else 0. The case
        names a lawsuit, not an actor. "vs." is left alone: news uses it for
        contests too ("the Trump vs. Clinton debate")."""
        texts = self.s.texts
        caps = self.s.caps
        if j + 1 >= hi or texts[j] != "v" or not caps[j - 1]:
            return 0
        k = j + 1 + (texts[j + 1] == ".")
        if k >= hi or not caps[k]:
            return 0
        end = self._run_end(k, hi)
        while end < hi and caps[end] and texts[end - 1].endswith(_POSSESSIVE):
            end = self._run_end(end, hi)  # "Jackson Women's Health Organization"
        return end

    def _run_end(self, i: int, hi: int) -> int:
        """End (exclusive) of the capitalised run starting at token i."""
        toks = self.s.toks
        texts = self.s.texts
        low = self.s.low
        caps = self.s.caps
        cap = CAP
        lex = self.s.lex
        j = i
        while j < hi:
            w = texts[j]
            if caps[j]:
                if j > i and low[j] in HEADLINE_VERBS:
                    break  # "Ann Lee Is Right", "Ann Lee Says No": a headline's verb
                j += 1
                if w.endswith(_POSSESSIVE) or (j < hi and texts[j] in "'’"
                                               and toks[j].start == toks[j - 1].end):
                    # a possessive ends the name, except inside an institution's
                    # name: "St. Orla's Hospital", "Nurses' Association"
                    p = j + (0 if w.endswith(_POSSESSIVE) else 1)
                    if p < hi and caps[p] and self._possessive_inside(i, p, p > j):
                        j = p
                        continue
                    break
                if j + 1 < hi and texts[j] == ".":
                    # "St. Orla": a saint's (or Mt., Ft.) abbreviation inside a name
                    if (low[j - 1] in self.s.cues["saint"] and toks[j].start == toks[j - 1].end
                            and cap[texts[j + 1]]):
                        j += 1
                        continue
                    # an initial: "F" "." followed by a capitalised word
                    if len(w) == 1 and cap[texts[j + 1]]:
                        j += 1
                    # Mr. / Gen. / Sen.: the period belongs to the title
                    elif (toks[j].start == toks[j - 1].end
                          and (low[j - 1] + ".",) in lex.titles and cap[texts[j + 1]]):
                        j += 1
                continue
            if self.s.isw[j] and low[j] in lex.title_first and j > i:
                n, _, _ = self.titles.title_at(j, hi)
                if n and j + n < hi and cap[texts[j + n]]:
                    j += n
                    continue
            if (w == "of" and j - i >= 2 and low[i] in lex.first_names
                    and not any(BARE[x] in lex.org_words for x in low[i:j])):
                break  # "Chris Wallace of Fox News": a person, then the employer
            if ((w == "&" or self.s.isw[j])
                    and (w in RUN_CONNECTORS or (w == "at" and "university" in low[i:j]))
                    and j > i and j + 1 < hi
                    and cap[texts[j + 1]] and not texts[j + 1].isupper()):
                j += 1
                continue
            break
        return j

    def _possessive_inside(self, i: int, p: int, plural: bool) -> bool:
        """Does a name go on past a possessive at token p - 1? When it began
        with a saint's abbreviation ("St. Orla's Hospital"), or a plural
        possessive comes before an organisation word ("Northern Coast
        Nurses' Association"; not "Tim Kaine's Senate seat")."""
        saint = self.s.cues["saint"]
        return (any(self.s.low[x] in saint for x in range(max(i, p - 4), p))
                or (plural and BARE[self.s.low[p]] in self.s.lex.org_words))

    def _name_run(self, i: int, j: int, hi: int, at_start: bool, headline: bool) -> int:
        """Split the capitalised run [i, j) into titles, places, modifiers and
        a name; returns the token index to go on from."""
        lex = self.s.lex
        toks = self.s.toks
        texts = self.s.texts
        low = self.s.low
        title_first = lex.title_first
        party = self.s.party
        if at_start and i in self.s.para_starts and self.lines.is_dateline(i, j, hi):
            self.lines.dateline_place(i, j)
            return self.lines.dateline_end(j, hi)
        k = i
        named = -1
        title: Optional[str] = None
        gender: Optional[str] = None
        titled = False
        # a lower-case title just before: "former president Joe Biden"
        back = i - 1
        lower_word = self.s.lower_word
        if self.s.title_lower.find(1, i - 3 if i > 3 else 0, i) >= 0:  # else nothing to find
            while back >= 0 and lower_word[back] and i - back <= 3:
                if low[back] in title_first:
                    n, head, g = self.titles.title_at(back, i)
                    if n and back + n == i:
                        title, gender, titled = head or title, g or gender, True
                        break
                back -= 1
        # "the South Carolina Republican primary": the party word modifies the noun
        if j - i > 1 and j < hi and texts[j][:1].islower() and party[low[j - 1]]:
            j -= 1
        while k < j:
            n = 0
            if low[k] in title_first:
                n, head, g = self.titles.title_at(k, j)
                if n and k + n < j and not self.titles.person_rest(k + n, j):
                    n = 0  # "Justice Department", "General Motors", "King Jr."
            # sentence-initial common word: "Yesterday", "After", "Officials"
            if not n and k == i and at_start and self.titles.initial_not_name(k, j):
                if low[k] in lex.groups:
                    self.lines.group(k, k, k + 1)
                k += 1
                continue
            if n:
                if k + n >= j:  # a title with no name after it ("the President")
                    return j
                title, gender, titled = head or title, g or gender, True
                k += n
                named = k  # the word after a title is a name, even "May", "Will"
                continue
            if party[low[k]]:  # "Republican Donald Trump", "Democratic Sen. Ann Lee"
                if k + 1 >= j:  # "Republican candidates": an adjective
                    if j < hi and low[j] in lex.groups:  # "Republican lawmakers"
                        self.lines.group(k, j, j + 1)
                        return j + 1
                    return j
                if ("-" in texts[k] or self.titles.starts_person(k + 1, j)
                        or self.titles.person_rest(k + 1, j)):
                    k += 1
                    continue
                break  # "Republican National Committee"
            w = texts[k]
            place = (self._place_at(k, j) if w in lex.place_first or w.endswith(APOSTROPHES)
                     else None)  # _place_at finds nothing else
            if place:
                m, name, kind = place
                if kind == "abbreviation":  # "Concord, N.H.": a qualifier
                    k += m
                    continue
                if kind == "demonym" and k + m < self.s.n and low[k + m] in lex.groups:
                    self.lines.group(k, k + m, k + m + 1)
                    return k + m + 1
                if (k + m < j and not self.titles.starts_person(k + m, j)
                        and not (self.titles.is_party(k + m) and self.titles.starts_person(k + m + 1, j))):
                    p = self.titles.person_after(k, j)  # "Manhattan Supreme Court Justice Ann Lee"
                    if p is None:
                        break  # "Washington Post", "Denver Broncos": part of a longer name
                    self.titles.modifier(k, p)
                    k = p
                    continue
                end = strip_possessive(self.s.text, toks[k].start, toks[k + m - 1].end)
                self.s.push(Cand(toks[k].start, end, kind if kind == "demonym" else "place",
                                name, "place"))
                k += m
                continue
            p = self.titles.person_after(k, j) if j - k > 2 else None
            if p is None:
                break
            self.titles.modifier(k, p)
            k = p
        if k >= j:
            return j
        # trim function words at the start ("The", "Former", "I’m"), weekdays at the end
        isw = self.s.isw
        stopish = self.s.stopish
        while k < j and k != named and (not isw[k] or stopish[low[k]]):
            k += 1
        e = j
        while e > k and (BARE[low[e - 1]] in WEEKDAYS or texts[e - 1] in CONNECTORS
                         or texts[e - 1] == "." or CLITIC[low[e - 1]]):
            e -= 1
        if k >= e or (e - k == 1 and (len(texts[k]) == 1 or low[k].rstrip(".") in SUFFIXES
                                      or is_number(low[k], self.s.cues["number"]))):
            return j  # nothing left, a lone letter ("R"), suffix ("Jr.") or numeral
        # "Second Amendment", "Super Bowl", "Cold War": a law, event or war
        if e - i >= 2 and BARE[low[e - 1]] in lex.non_actor and low[i] not in lex.first_names:
            return j
        # "Tuareg rebels", "Islamist militants": a short run before a group noun
        if (e == j and j < hi and low[j] in lex.groups and e - k <= 2
                and not titled and not texts[e - 1].endswith(APOSTROPHES)):
            self.lines.group(k, j, j + 1)
            return j + 1
        if (not titled and e - k <= 3 and self.s.capital_group[texts[e - 1]]
                and self.lines.capital_group_at(k, e)):
            return j
        if headline:
            self.lines.headline_names(k, e)
            return j
        self._emit_name(k, e, title, gender, hi, titled)
        return j

    def _place_at(self, k: int, j: int) -> Optional[tuple[int, str, str]]:
        if k >= self.s.n:
            return None
        texts = self.s.texts
        w = texts[k]
        places = self.s.lex.places
        # "Concord, N.H." / "San Bernardino, Calif.": a state abbreviation
        if (self.s.word(k + 1) == "." and w + " ." in places and self.s.word(k - 1) == ","
                and self.s.toks[k + 1].start == self.s.toks[k].end):
            return (1, *places[w + " ."])
        m = self.s.lex.place_first.get(w)
        if not m:
            if w.endswith(APOSTROPHES):
                base = w[:-2] if w.endswith(_POSSESSIVE) else w[:-1]
                if base in places and places[base][1] == "place":
                    return 1, places[base][0], "place"
            return None
        for n in range(min(m, j - k), 0, -1):
            form = " ".join(texts[k:k + n])
            bare_form = form
            for ap in _POSSESSIVE:
                if bare_form.endswith(ap):
                    bare_form = bare_form[:-2]
            if bare_form in places:
                place, kind = places[bare_form]
                return n, place, kind
        return None

    def _emit_name(self, k: int, e: int, title, gender, hi: int, titled: bool) -> None:
        toks = self.s.toks
        lex = self.s.lex
        start = toks[k].start
        end = strip_possessive(self.s.text, start, toks[e - 1].end)
        words = self.s.texts[k:e]
        tail = words[-1].rpartition("-")[2]
        if tail[:1].islower() and (tail.endswith("ed") or tail in COMPOUND_HEADS):
            return  # "Trump-owned", "NATO-led", "Warren-style": a modifier, no actor
        key = " ".join(self.s.text[start:end].split())
        if self.s.shouted and self.s.words.in_shouted(k, e):
            # in a run of all-capital words ("BRIDGE OF SHAME:", "DROWNED BY
            # DELAY"): a single word only when the body writes it in mixed
            # case or as a lone acronym; several only without a common word
            form = _title(key.split())
            if e - k == 1 or any((len(w) >= 3 or 0 < x < len(words) - 1)
                                 and (BARE[w.lower()] in lex.stop or w.lower() in self.s.lower_seen)
                                 for x, w in enumerate(words)):
                if form in lex.places and lex.places[form][1] != "abbreviation":
                    self.s.push(Cand(start, end, "place", lex.places[form][0], "place"))
                elif e - k == 1 and self.s.words.body_title([form]):
                    self.s.push(Cand(start, end, "name", form, "unknown"))
                elif e - k == 1 and key in self.s.words.lone_acronyms and ACRONYM_RE.match(key):
                    self.s.push(Cand(start, end, "acronym", key, "organisation"))
                return
        c = self.s.codes[k]
        # a capitalised word with a lower-case letter ("Lee") is not shouted
        if (c & 7 != 3 or c & 24 != 8) and all(is_shouted(w) for w in words
                                                  if w[:1].isalpha()):
            # capitals only: a place ("NEW YORK"), a speaker label in a
            # transcript ("JIM JORDAN:"), a shouted word, or an acronym
            form = _title(key.split())
            if form in lex.places and lex.places[form][1] != "abbreviation":
                self.s.push(Cand(start, end, "place", lex.places[form][0], "place"))
                return
            low = key.lower()
            if len(words) > 1:  # kept unless a word is a common one ("VOTING RIGHTS")
                if not any(w.lower() in self.s.lower_seen or BARE[w.lower()] in lex.stop
                           for w in words):
                    self.s.push(Cand(start, end, "name", form, "unknown"))
                    self.s.body_keys.add(form)
                return
            if low in self.s.lower_seen or BARE[low] in lex.stop:
                return
        if e - k == 1 and key.isupper() and ACRONYM_RE.match(key):
            self.s.push(Cand(start, end, "acronym", key, "organisation"))
            self.s.body_keys.add(key)
            return
        typ = "person" if titled else "unknown"
        if not titled:
            place = lex.places.get(key)
            if place is not None and place[1] == "place":
                typ = "place"  # "Soviet Union", "Hong Kong": a gazetteer place
            elif e - k == 1 and self.s.low[k] in NAMED_ORGS:
                typ = "organisation"  # a party ("Labour"), a platform ("Telegram"), a company
            elif any(map(self.s.org_word.__getitem__, self.s.low[k:e])):
                typ = "organisation"
            elif self._place_head(words):
                typ = "place"  # "Calder Quay", "Ansel Tunnel", "Ward 4"
            # "San Bernardino, Calif.": a name before a state abbreviation is a place
            if self.s.word(e) == ",":
                after = self._place_at(e + 1, min(e + 3, hi))
                if after is not None and after[2] == "abbreviation":
                    typ = "place"
        self.s.push(Cand(start, end, "name", key, typ, title, gender))
        self.s.body_keys.add(key)
        # "Jama'a Nusrat ul-Islam wa al-Muslimin (JNIM)": the acronym is an alias
        if (e < hi - 2 and toks[e].text == "(" and toks[e + 2].text == ")"
                and ACRONYM_RE.match(toks[e + 1].text)):
            acr = toks[e + 1]
            self.s.push(Cand(acr.start, acr.end, "acronym", acr.text,
                            "organisation" if typ != "person" else typ, alias_of=key))
            self.s.body_keys.add(acr.text)

    def _place_head(self, words: list[str]) -> bool:
        """Internal evidence (McDonald 1996): the name's last word is a place
        or facility head ("Quay", "Bridge", "Street"; "Ward" + a number),
        and it does not start with a given name ("Laura Bridge"); or its
        first word is a place prefix ("Port", "Mount", "Fort")."""
        last = words[-1].lower()
        if last.isdigit() and len(words) > 1:
            return words[-2].lower() in self.s.cues["numbered"]
        if len(words) > 1 and words[0].lower().rstrip(".") in self.s.cues["place_lead"]:
            return True  # "Port Avel", "Mount Carrow", "Fort Drum"
        return (len(words) > 1 and last in self.s.cues["place_head"]
                and words[0].lower() not in self.s.lex.first_names)


def detect(doc: Document) -> list[Cand]:
    """Name, acronym, place, demonym and group mentions, sorted by start."""
    return _Detector(doc).run()
