"""Line-level patterns of actor detection: headlines, datelines, bylines
and group nouns (a mixin of the detector in ``detect``).

* a **Title Case headline** yields only names the body confirms, places,
  groups and acronyms (Mikheev 2002, §5: headlines carry no case evidence);
* a **dateline** in capitals ("WASHINGTON (AP) —", "VALMORA, Sept. 14 —", AP
  style) is a mention of the place only when the body names it in mixed case;
* a **byline** ("By Ann Lee, The Daily Clarion"): the outlet after the comma
  is scanned as body text, the author is not an actor of the story;
* a **group noun** ("militants", "the junta", "House Republicans") is a group
  or organisation mention, with its capitalised modifiers.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, Optional

from .candidates import Cand
from .lexicon import is_shouted, strip_possessive
from ...lexicons import word_list


if TYPE_CHECKING:
    from .scan import Scan
    from .titles import Titles

DASHES = frozenset(("—", "–", "-", "--"))
ACRONYM_RE = re.compile(r"^(?:[A-Z][A-Z0-9&]{1,9}|(?:[A-Z]\.){2,})$")
TITLE_CASE_LOWER = word_list("actor_words.tsv", "title_case_lower")
HEADLINE_VERBS = word_list("actor_words.tsv", "headline_verbs")


class Lines:
    """Line-level patterns of one document (headlines, datelines, bylines,
    capitalised groups): reads the :class:`~.scan.Scan` it is given, asks
    ``titles`` (a :class:`~.titles.Titles`) about function words and
    ``place_at`` (the detector's place lookup: token range → (length, key,
    type) or None) about places, and adds mentions to the scan."""

    def __init__(self, scan: "Scan", titles: "Titles", place_at: Callable):
        self.s = scan
        self.titles = titles
        self.place_at = place_at

    def byline_comma(self, lo: int, hi: int) -> Optional[int]:
        """The comma of a byline line ("By Ann Lee, The Daily Clarion") in
        the first three paragraphs, or None."""
        if self.s.low[lo] != "by" or self.s.toks[lo].start > self.s.doc.paragraphs[min(
                2, len(self.s.doc.paragraphs) - 1)].end:
            return None
        return next((x for x in range(lo, hi) if self.s.toks[x].text == ","), None)

    def title_case(self, lo: int, hi: int) -> bool:
        """Are the words of tokens [lo, hi) in Title Case: four or more words
        that start with a letter, at most a quarter of them lower-case, and
        those only the short words Title Case keeps lower-case ("of", "the")?
        Read from the per-token classes of ``DocWords.title_class``."""
        line = self.s.words.title_class[lo:hi]
        if b"X" in line:  # a lower-case word Title Case does not allow
            return False
        upper = line.count(b"U")
        lower = line.count(b"L")
        words = upper + lower
        return words >= 4 and lower <= words // 4

    def loose_title_case(self, lo: int, hi: int) -> bool:
        """Title Case as headline writers use it: six or more words, at
        least three quarters of them capitalised, and at most one lower-case word
        Title Case does not allow per six words ("… in Chicago this Year",
        "… Calls for Inquiry after Report Reveals …")."""
        line = self.s.words.title_class[lo:hi]
        upper = line.count(b"U")
        other = line.count(b"L") + line.count(b"X")
        words = upper + other
        return (words >= 6 and line.count(b"X") <= max(1, words // 6)
                and upper >= 3 * other)

    def own_line(self, si: int) -> bool:
        """Is sentence ``si`` a line of its own (a headline or sub-heading:
        only white space between it and the line breaks around it)?"""
        sent = self.s.doc.sentences[si]
        text = self.s.text
        before = text.rfind("\n", 0, sent.start) + 1
        after = text.find("\n", sent.end)
        return (not text[before:sent.start].strip()
                and not text[sent.end:after if after >= 0 else len(text)].strip())

    def heading(self, si: int, lo: int, hi: int) -> bool:
        """Is sentence ``si`` (tokens [lo, hi)) a headline or sub-heading,
        where capitals carry no case evidence (Mikheev 2002, §5)? A Title
        Case sentence; a line of its own in loose Title Case; or the text's
        first line when a blank line parts it from the body (the headline, in
        whatever case style)."""
        if self.title_case(lo, hi):
            return True
        if (len(self.s.doc.paragraphs) < 2 or not self.own_line(si)
                or self.s.words.in_shouted(lo, hi)):
            return False  # a heading heads a body; a shouted one is read word by word
        if self.loose_title_case(lo, hi):
            return True
        sent = self.s.doc.sentences[si]
        return (si == 0 and hi - lo <= 30 and len(self.s.doc.paragraphs) > 1
                and self.s.text[sent.end:self.s.doc.paragraphs[1].start].count("\n") >= 2)

    def capital_group_at(self, k: int, e: int) -> bool:
        """"Republicans", "House Democrats", "Muslims", "Americans": a
        capitalised plural of a group noun or demonym is a group."""
        word = self.s.texts[e - 1].rstrip("'’")
        head = word.lower()
        g = self.s.lex.groups.get(head)
        if (g is not None and (g[1] == "group" or g[0][:1].isupper())
                and (e - k == 1 or g[0][:1].isupper())):
            self.group(k, e - 1, e, head)
            return True
        if (e - k == 1 and head.endswith("s")
                and self.s.lex.places.get(word[:-1], ("", ""))[1] == "demonym"):
            start = self.s.toks[k].start
            self.s.push(Cand(start, start + len(word), "group", word, "group",
                            extra={"head": word}))
            return True
        return False

    def is_dateline(self, i: int, j: int, hi: int) -> bool:
        """"WASHINGTON —", "NEW YORK, Nov. 19 (UPI) —": a capitals-only place
        at a paragraph start before a comma, bracket or dash (AP style)."""
        words = [t.text for t in self.s.toks[i:j] if t.is_word]
        if not words or len(words) > 3 or not all(is_shouted(w) for w in words):
            return False
        nxt = self.s.word(j)
        if nxt in DASHES or (nxt in (",", "(") and _title(words) in self.s.lex.places):
            return True
        # "SAN BERNARDINO, Calif. (AP) —", "VALMORA, Sept. 14 —": a date or
        # a bracketed credit before the dash
        ahead = [self.s.word(x) for x in range(j, min(hi, j + 12))]
        return nxt in (",", "(") and any(w in DASHES for w in ahead)

    def dateline_place(self, i: int, j: int) -> None:
        """The dateline's place is a mention of the place the body names in
        mixed case ("VALMORA" → Valmora); otherwise it is dropped."""
        toks = self.s.toks
        form = _title([t.text for t in toks[i:j] if t.is_word])
        if not self.s.words.body_title(form.split()):
            return
        place = self.s.lex.places.get(form, (form, "place"))
        if place[1] != "abbreviation":
            self.s.push(Cand(toks[i].start, toks[j - 1].end, "place", place[0], "place"))

    def dateline_end(self, j: int, hi: int) -> int:
        for x in range(j, min(hi, j + 12)):
            if self.s.word(x) in DASHES:
                return x + 1
        return j

    def headline_names(self, k: int, e: int) -> None:
        """In a Title Case line only names the body uses count: greedy longest
        match of known keys; acronyms and places were handled before."""
        toks = self.s.toks
        while k < e:
            for n in range(min(6, e - k), 0, -1):
                key = " ".join(t.text for t in toks[k:k + n])
                end = strip_possessive(self.s.text, toks[k].start, toks[k + n - 1].end)
                bare_key = " ".join(self.s.text[toks[k].start:end].split())
                if key.isupper() and key[:1].isalpha():  # "TRUMP FIRES BACK"
                    form = _title(bare_key.split())
                    if form in self.s.body_keys or self.s.word(k + n) == ":":  # "Trump"; "CORNISH:"
                        self.s.push(Cand(toks[k].start, end, "name", form))
                        k += n
                        break
                    if (n > 1 or self.s.low[k] in self.s.lower_seen or self.titles.is_stopish(k)
                            or len(key) > 5):  # "DEBATE": an acronym is short
                        continue
                    if form in self.s.lex.places:  # "RUSSIAN"
                        place, kind = self.s.lex.places[form]
                        if kind != "abbreviation":
                            self.s.push(Cand(toks[k].start, end, kind, place, "place"))
                        k += 1
                        break
                if n > 1 and self.person_like(k, k + n):
                    self.s.push(Cand(toks[k].start, end, "name", bare_key))
                    k += n
                    break
                if (bare_key in self.s.body_keys or (n == 1 and ACRONYM_RE.match(key))
                        or (n > 1 and self.ends_body_key(bare_key))):
                    kind = "acronym" if n == 1 and ACRONYM_RE.match(key) else "name"
                    self.s.push(Cand(toks[k].start, end, kind, bare_key,
                                    "organisation" if kind == "acronym" else "unknown"))
                    k += n
                    break
            else:
                place = self.place_at(k, e)
                if place:
                    m, name, kind = place
                    if kind != "abbreviation":
                        end = strip_possessive(self.s.text, toks[k].start, toks[k + m - 1].end)
                        self.s.push(Cand(toks[k].start, end, kind, name, "place"))
                    k += m
                    continue
                if self.s.low[k] in self.s.lex.groups:
                    self.group(k, k, k + 1)
                k += 1

    def ends_body_key(self, key: str) -> bool:
        """Does a name of the body end in these words ("Calder Bridge" in a
        headline, "the Old Calder Bridge" in the body)?"""
        tail = " " + key
        return any(k.endswith(tail) for k in self.s.body_keys)

    def person_like(self, k: int, e: int) -> bool:
        """In a headline, is the run [k, e) a person's name the body need not
        confirm: a given name and one more word ("Nick Moreau"), neither
        written in lower case in the document, a function word or a headline
        verb ("Ann Is")?"""
        low = self.s.low
        if e - k != 2 or low[k] not in self.s.lex.first_names:
            return False
        return all(self.s.caps[x] and low[x] not in self.s.lower_seen
                   and not self.titles.is_stopish(x) and low[x] not in HEADLINE_VERBS
                   and not self.s.texts[x].isupper() for x in range(k, e))

    def group(self, mod_lo: int, head: int, end: int, form: Optional[str] = None) -> None:
        """A group noun at token ``head`` with capitalised modifiers from
        ``mod_lo`` ("Islamist militants"), or none (``mod_lo == head``)."""
        toks = self.s.toks
        canonical, typ = self.s.lex.groups[form or self.s.low[head]]
        mods = " ".join(t.text for t in toks[mod_lo:head])
        key = f"{mods} {canonical}" if mods else canonical
        start = toks[mod_lo].start
        stop = strip_possessive(self.s.text, start, toks[end - 1].end)
        self.s.push(Cand(start, stop, "group", key, typ, extra={"head": canonical}))


def _title(words: list[str]) -> str:
    """"NEW YORK" → "New York", "AL-SAADI" → "Al-Saadi"."""
    return " ".join("-".join(p.capitalize() for p in w.split("-")) for w in words)


def capital_group_test(lex):
    """Memo: could this token text end a capitalised group
    (:meth:`Lines.capital_group_at`)? False rules it out."""
    groups, places = lex.groups, lex.places

    def test(text: str) -> bool:
        word = text.rstrip("'’")
        head = word.lower()
        g = groups.get(head)
        return ((g is not None and (g[1] == "group" or g[0][:1].isupper()))
                or (head.endswith("s") and places.get(word[:-1], ("", ""))[1] == "demonym"))

    return lex.memo("capital_group", test)
