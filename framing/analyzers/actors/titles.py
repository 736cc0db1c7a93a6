"""Titles, honorifics and the words around a person's name, for the actor
detector (:mod:`.detect`): a title before a name ("President",
"Gen.", "foreign minister") is not part of it but types it as a person and
may give a gender; party, office and state words before a title or name
("Republican", "Florida Gov.") are modifiers, not part of the name (AP
Stylebook, titles; Quirk et al. 1985 on premodifiers); a capitalised word
opening a sentence is a name only on evidence (Mikheev 1999).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from .candidates import Cand
from .evidence import cues, is_number, unconfirmed_initial
from .lexicon import APOSTROPHES, BARE, CLITIC, CONNECTORS, SUFFIXES
from .lines import ACRONYM_RE

if TYPE_CHECKING:
    from .scan import Scan


class Titles:
    """Titles, modifiers and persons at token positions of one document: reads
    the :class:`~.scan.Scan` it is given (its per-token arrays and word
    tests) and adds modifier mentions to it."""

    def __init__(self, scan: "Scan"):
        self.s = scan

    def title_at(self, i: int, hi: int) -> tuple[int, Optional[str], Optional[str]]:
        """Length in tokens of a title starting at token i (periods count as
        tokens), with its head word and gender; (0, None, None) if none."""
        lex = self.s.lex
        low = self.s.low
        if (low[i] if 0 <= i < len(low) else "") not in lex.title_first:
            return 0, None, None
        titles = lex.titles
        isw = self.s.isw
        best = (0, None, None)
        words: list[str] = []
        j = i
        while j < hi and len(words) < lex.max_title:
            w = low[j]
            if w == ".":
                if not words:
                    break
                words[-1] += "."
                j += 1
            elif isw[j]:
                words.append(w)
                j += 1
            else:
                break
            # "Mr" + "." counts only once the period is attached
            key = tuple(words)
            if key in titles and not (j < hi and self.s.word(j) == "." and
                                      key[:-1] + (key[-1] + ".",) in titles):
                best = (j - i, *titles[key])
        return best

    def is_stopish(self, k: int) -> bool:
        """A function word, also with a clitic or possessive ("Here’s", "I’m")."""
        return self.s.stopish[self.s.low[k]]

    def is_party(self, k: int) -> bool:
        """A party adjective ("Republican", "Democratic-led")."""
        return self.s.party[self.s.low[k]]

    def person_rest(self, a: int, b: int) -> bool:
        """Can tokens [a, b) after a title or party word be a person's name?
        Not when they hold an organisation word ("Justice Department"), end
        in a law or event word, or are only a suffix ("King Jr.")."""
        if a >= b or not self.s.texts[a][:1].isupper():
            return False  # "Chief of Staff …": a connector is no name start
        low = self.s.low
        isw = self.s.isw
        words = [BARE[low[x]] for x in range(a, b) if isw[x]]
        if all(w in SUFFIXES for w in words):
            return False
        org = self.s.lex.org_words
        return words[-1] not in self.s.lex.non_actor and not any(w in org for w in words)

    def starts_person(self, a: int, j: int) -> bool:
        """Does a person's name start at token a of the run ending at j: a
        title with a name after it, or a given name and a surname?"""
        if a >= j:
            return False
        n = self.title_at(a, j)[0] if self.s.low[a] in self.s.lex.title_first else 0
        if n:
            return a + n < j and self.person_rest(a + n, j)
        return (a + 1 < j and BARE[self.s.low[a]] in self.s.lex.first_names
                and self.person_rest(a, j))

    def person_after(self, k: int, j: int) -> Optional[int]:
        """Where a titled or given-named person starts later in the run when
        the words before are a modifier, not a name: "Defense Secretary Ash
        Carter", "House Speaker Paul Ryan", "Support of Ted Cruz"."""
        if j - k <= 2:
            return None  # no room for a modifier and a name after it
        low = self.s.low
        names = self.s.lex.first_names
        texts = self.s.texts
        isw = self.s.isw
        if BARE[low[k]] in names or all(texts[x].isupper() for x in range(k, j) if isw[x]):
            return None  # "Mary Ann Lee", "John Paul Jones"; all capitals carry no cue
        title_first = self.s.lex.title_first
        for p in range(k + 1, j - 1):
            n = self.title_at(p, j)[0] if low[p] in title_first else 0
            if n:
                return p if p + n < j and self.person_rest(p + n, j) else None
            if low[p] in names:
                org = self.s.lex.org_words
                if any(BARE[low[x]] in org for x in range(k, p)) or not self.person_rest(p, j):
                    return None
                return p
        return None

    def modifier(self, k: int, p: int) -> None:
        """The words before a title or name in one run ("FBI Director …",
        "House Judiciary Committee Chairman …", "Defense Secretary …"): an
        acronym or an organisation's name is a mention of its own; other
        modifiers ("Defense", "Support of") are not."""
        toks = self.s.toks
        while k < p and (not toks[k].is_word or self.is_stopish(k)):
            k += 1
        while p > k and (toks[p - 1].text in CONNECTORS or not toks[p - 1].is_word):
            p -= 1
        if k >= p:
            return
        if p - k == 1 and ACRONYM_RE.match(toks[k].text):
            self.s.push(Cand(toks[k].start, toks[k].end, "acronym", toks[k].text, "organisation"))
            self.s.body_keys.add(toks[k].text)
        elif p - k > 1 and BARE[self.s.low[p - 1]] in self.s.lex.org_words:
            start, end = toks[k].start, toks[p - 1].end
            key = " ".join(self.s.text[start:end].split())
            self.s.push(Cand(start, end, "name", key, "organisation"))
            self.s.body_keys.add(key)

    def initial_not_name(self, k: int, j: int) -> bool:
        """Is the sentence-initial capitalised word at k an ordinary word?
        Yes when it is a stop word, numeral or sentence starter (also with a
        clitic: "Here’s", "I’m"), or the document uses it in lower case. A
        lone initial word is a name only with document evidence (Mikheev
        1999; see ``evidence``): a gazetteer place, an acronym, a
        group noun after it, or the same word capitalised elsewhere in an
        unambiguous position, before a speech verb or as a possessive. In a
        text too short to hold evidence (fewer than ``EVIDENCE_SENTENCES``
        sentences: a headline, one sentence) the word's form and the word
        after it decide (``unconfirmed_initial``)."""
        w = self.s.texts[k]
        if w in self.s.lex.places or w.rstrip("'’s") in self.s.lex.places:
            return False
        low = self.s.low[k]
        b = BARE[low]
        if (b in self.s.lex.stop or b in self.s.lex.starters or low in self.s.lower_seen
                or CLITIC[low] or is_number(b, self.s.cues["number"])):
            return True
        if (w not in self.s.words.confirmed and self.s.word(k + 1) in ("at", "in", "for", "from")
                and unconfirmed_initial(low, "", self.s.lex.groups)):
            return True  # "Nurses at St. Orla General Hospital …"
        if j - k == 1 and w not in self.s.words.confirmed:
            if ((len(w) <= 5 and ACRONYM_RE.match(w)) or w.endswith(APOSTROPHES[:2])
                    or b in self.s.lex.first_names):
                return False
            if (self.s.words.full_document and not w.isupper()
                    and self.s.word(k + 1).lower() not in self.s.lex.groups):
                return True  # no evidence where there was room for some: "Damage could …"
            return unconfirmed_initial(low, self.s.word(k + 1), self.s.lex.groups)
        return False


def word_tests(lex) -> tuple:
    """Memoised word tests over the lexicon ``lex`` (lower-case word → bool):
    a function word (:meth:`Titles.is_stopish`), a party adjective
    (:meth:`Titles.is_party`), an organisation word; and (token text →
    True, False or None) the word-level part of
    :meth:`Titles.initial_not_name`."""
    stop, parties, org = lex.stop, lex.parties, lex.org_words

    def stopish(low: str) -> bool:
        return BARE[low] in stop or CLITIC[low]

    def party(low: str) -> bool:
        b = BARE[low]
        return b in parties or ("-" in b and b.split("-")[0] in parties)

    def org_word(low: str) -> bool:
        return BARE[low] in org

    places, starters, numbers = lex.places, lex.starters, cues()["number"]

    def initial_common(w: str) -> Optional[bool]:
        # the word-level part of _initial_not_name: False for a place, True
        # for a stop word, starter, clitic form or numeral, else None (the
        # document decides: is it used in lower case?)
        if w in places or w.rstrip("'’s") in places:
            return False
        low = w.lower()
        b = BARE[low]
        if b in stop or b in starters or CLITIC[low] or is_number(b, numbers):
            return True
        return None

    return (lex.memo("stopish", stopish), lex.memo("party", party),
            lex.memo("org_word", org_word), lex.memo("initial_common", initial_common))


def plain_name_test(lex, weekdays, capital_group):
    """Memo: token text → is it a plain name word, one that as a lone
    capitalised word inside a sentence is a name as it stands ("Trump",
    "Laessing")? Not a title's first word, a party word, a possible place,
    a function word, weekday, connector, clitic form, single letter, suffix
    or numeral, nor a capitalised group ("Republicans")."""
    title_first, place_first = lex.title_first, lex.place_first
    stopish, party, _, _ = word_tests(lex)
    numbers = cues()["number"]

    def plain(w: str) -> bool:
        low = w.lower()
        return not (low in title_first or party[low] or w in place_first
                    or w.endswith(APOSTROPHES) or stopish[low] or BARE[low] in weekdays
                    or w in CONNECTORS or w == "." or CLITIC[low] or len(w) == 1
                    or low.rstrip(".") in SUFFIXES or is_number(low, numbers)
                    or capital_group[w])

    return lex.memo("plain_name", plain)
