"""Speakers of quotations: finding the noun phrase, typing it, naming it.

Rules over the document's tokens with capitalisation cues — no parser, no
downloaded model. The speaker of a reporting verb is the noun phrase just
before it ("Ulf Laessing said", "a senior official said") or, in inverted
attributions, just after it ("…, said Hugh Hill"). Appositions are stepped
over ("Hugh Hill, a doctor, said"; "Ulf Laessing, who heads …, said"), which
is where CoreNLP's quote attributor fails (CoreNLP#905).

A speaker is typed, following the source categories of Bergler (1992) and
PolNeAR (Newell et al. 2018): ``named`` (a person's name), ``organisation``
(a named body, or "the group", "the campaign"), ``unnamed`` (anonymous or
collective sources: "officials", "a source", "reports") and ``pronoun``
(he/she/they/it/who, resolved to the most recent compatible earlier speaker,
the salience heuristic of Lappin & Leass 1994 reduced to recency plus gender
and number agreement). Canonical names let "Laessing" and "Mr. Laessing"
group with "Ulf Laessing".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import compress
from typing import Optional

from ...document import Document
from .lexicon import (CLOSE_MARKS, DETERMINERS, FIRST_SECOND, NOT_NAME, PERSONAL,
                             POSSESSIVE_PRONOUNS, TITLE_ABBREV, Lexicon)
from ...lexicons import word_list

_NO_KINDS: frozenset[str] = frozenset()
NP_KINDS = frozenset(("role", "group", "org", "document", "modifier", "title"))
HEAD_KINDS = frozenset(("role", "group", "org", "document"))
LINKS = word_list("quote_words.tsv", "speaker_links")
LINKS_TIME = LINKS | {"on", "during", "after", "before"}
ROLE_TITLE = frozenset(("role", "title"))
TITLE = frozenset(("title",))
COMMON_HEADS = frozenset(("group", "role", "document"))  # common-noun heads of a speaker phrase
NOT_CAPS = COMMON_HEADS | TITLE  # capitalised words that are no part of a name
ANON_RE = re.compile(
    r"\b(?:(?i:a|an|one|two|three|several|some|other|the)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:(?i:people|persons?|sources?|officials?|aides?|individuals?|someone|insiders?|advisers?)|"
    r"Republicans|Democrats|(?i:members?|officers?))\s+"
    r"(?:(?:familiar|close|knowledgeable|involved|briefed|acquainted|with\s+(?:direct\s+)?knowledge)"
    r"\b[^,;:“”\"]{0,80}|who\s+(?:spoke|requested|asked|declined|insisted|was|were|is|are|had|"
    r"have|did|would)\b[^;:“”\"]{0,120})$")
# a capitalised word; the word boundary before it is checked apart, which lets
# the regex engine scan for the capital letter alone (several times faster)
CAP_WORD_RE = re.compile(r"[A-Z][a-z]+\b")
TITLED_NAME_RE = re.compile(r"\.?\s+((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+)?(?:[A-Z]\.\s+)?"
                            r"[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)*)")
SURNAME_RE = re.compile(r"(?:\s+[A-Z]\.)?\s+[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)*")
ANON_HEADS = word_list("quote_words.tsv", "anonymous_heads")
ADJ_RE = re.compile(r"^(?:[a-z-]+(?:al|ic|ive|ous|ian|an|ese|ish|ful|ary|ern|ior|ant|ent)|"
                    r"black|white|young|old|older|key|top|many|more|other|several)$")
FUNCTION = word_list("quote_words.tsv", "speaker_function_words")
BARE_OPENERS = word_list("quote_words.tsv", "clause_openers") | {"that"}


@dataclass
class Mention:
    """A speaker as written (``start``/``end`` into the text) and as resolved."""

    start: int
    end: int
    text: str
    type: str  # named | organisation | unnamed | pronoun
    name: Optional[str] = None  # canonical name once resolved
    gender: str = ""  # m | f | p (plural) | n (neuter) | "" unknown
    roles: frozenset[str] = field(default_factory=frozenset)
    definite: bool = False  # "the spokesman": a description to resolve


class Tokens:
    """The document's tokens with the per-token facts the rules test often."""

    def __init__(self, doc: Document, lex: Lexicon):
        self.doc = doc
        self.text = doc.text
        self.lex = lex
        self.toks = doc.tokens
        self.low = list(doc.lower_tokens)
        # a token's first character is the text at its start offset
        self.first_chars = list(map(doc.text.__getitem__, doc.token_starts))
        self.cap = list(map(str.isupper, self.first_chars))
        self._kinds: dict[int, frozenset[str]] = {}  # kinds(i), once per token
        self.words_seen: Optional[tuple[set[str], set[str]]] = None  # for openers.common_word

    def kinds(self, i: int) -> frozenset[str]:
        k = self._kinds.get(i)
        if k is None:
            k = self._kinds[i] = self.lex.kinds.get(self.base(i).rstrip("."), _NO_KINDS)
        return k

    def is_name_word(self, i: int) -> bool:
        """A capitalised word that can be part of a name."""
        return self.cap[i] and self.toks[i].is_word and self.low[i] not in NOT_NAME

    def is_possessive(self, i: int) -> bool:
        w = self.low[i]
        return w.endswith(("'s", "’s")) or (w.endswith(("s'", "s’")))

    def base(self, i: int) -> str:
        """"he’s" → "he"; "Trump's" → "trump"."""
        w = self.low[i]
        for sep in ("'", "’"):
            if sep in w:
                return w.split(sep, 1)[0]
        return w

    # -- noun phrases -----------------------------------------------------------
    def np_left(self, k: int, lo: int) -> Optional[tuple[int, int]]:
        """Token range [j, k] of the noun phrase ending at token ``k``."""
        if k < lo:
            return None
        w = self.low[k]
        if self.toks[k].text == ")":  # "Rep. Ann Ruiz (D-Ore.) said"
            depth, p = 0, k
            while p >= lo:
                if self.toks[p].text == ")":
                    depth += 1
                elif self.toks[p].text == "(":
                    depth -= 1
                    if depth == 0:
                        break
                p -= 1
            if p <= lo:
                return None
            return self.np_left(p - 1, lo)  # the name without its parenthesis
        if not self._head_ok(k):
            return self._common_np(k, lo)
        if self.base(k) in PERSONAL or w in ("who", "which"):
            return (k, k)
        j = k
        while j - 1 >= lo:
            p = j - 1
            pw, ptext = self.low[p], self.toks[p].text
            if ptext == "." and p - 1 >= lo and (self.low[p - 1] in TITLE_ABBREV or
                                                  (len(ptext) == 1 and self.cap[p - 1]
                                                   and len(self.toks[p - 1].text) == 1)):
                j = p - 1
                continue
            if self.is_name_word(p) or (self.cap[p] and self.kinds(p) & NP_KINDS):
                j = p
                continue
            if ptext in ("'", "’") and p - 1 >= lo and self.cap[p - 1] and pw != self.low[p - 1] \
                    and self.low[p - 1].endswith("s") and self.toks[p - 1].end == self.toks[p].start:
                j = p - 1  # "the Northern Coast Nurses' Association": a plural possessive
                continue
            if pw in POSSESSIVE_PRONOUNS or pw in DETERMINERS:
                j = p
                # "a spokesman for the State Department": cross the preposition
                if p - 2 >= lo and self.low[p - 1] in LINKS and (
                        self.kinds(p - 2) & HEAD_KINDS
                        or self.low[p - 1] == "of" and self.is_name_word(p - 2)):
                    j = p - 2
                    continue
                break
            if self.kinds(p) & NP_KINDS and pw.isalpha() or (
                    (ADJ_RE.match(pw) or "-" in pw and pw.replace("-", "").isalpha())
                    and self.kinds(k) & HEAD_KINDS and pw not in FUNCTION):
                j = p
                continue
            if self.is_possessive(p) and (self.cap[p] or self.kinds(p)):
                j = p
                continue
            if pw in LINKS and p - 1 >= lo and (self.kinds(p - 1) & HEAD_KINDS or pw == "of" and
                                                self.is_name_word(p - 1)) and j <= k:
                j = p - 1
                continue
            if pw in ("and", "&") and p - 1 >= lo and (self.is_name_word(p - 1)
                                                      or self.kinds(p - 1) & HEAD_KINDS):
                j = p - 1
                continue
            if pw.isdigit() and p + 1 <= k and self.kinds(p + 1) & HEAD_KINDS:
                j = p
                continue
            break
        return (j, k)

    def _common_np(self, k: int, lo: int) -> Optional[tuple[int, int]]:
        """"one questioner", "the ad's narrator": a determiner and at most two
        more lower-case words before an unlisted noun."""
        w = self.low[k]
        if not (w.replace("-", "").isalnum() and w.islower()) or w in FUNCTION or len(w) < 3:
            return None
        start = k
        for p in range(k - 1, max(lo, k - 4) - 1, -1):
            pw = self.low[p]
            if pw in DETERMINERS or pw in POSSESSIVE_PRONOUNS or (
                    self.is_possessive(p) and self.cap[p]):
                if pw in ("no", "any", "each", "every", "all"):
                    return None
                if p - 1 >= lo and self.low[p - 1] in LINKS_TIME:
                    # "Officials at the time said": the object of a preposition is no
                    # speaker; the phrase before the preposition may be
                    if p - 2 >= lo and (self.kinds(p - 2) & HEAD_KINDS or self.is_name_word(p - 2)):
                        outer = self.np_left(p - 2, lo)
                        return (outer[0], k) if outer else None
                    return None
                return (p, k)
            if pw.replace("-", "").isalpha() and pw.islower() and pw not in FUNCTION or (
                    self.is_name_word(p) and not self.is_possessive(p)):
                start = p
                continue
            break
        return (start, k) if self._bare_plural(start, k, lo) else None

    def _bare_plural(self, j: int, k: int, lo: int) -> bool:
        """"but security specialists say", "Iowa farm advocates say": a plural
        noun phrase without a determiner that opens its clause (Quirk et al.
        1985, 5.52 on bare plurals as generic subjects)."""
        w = self.low[k]
        if not w.endswith("s") or w.endswith("ss") or not w.isalpha():
            return False
        if j == lo:
            return True
        prev = self.toks[j - 1].text
        return prev in (",", ";", ":", "—", "–", "(") or prev in CLOSE_MARKS or self.low[j - 1] in BARE_OPENERS

    def _head_ok(self, k: int) -> bool:
        w = self.low[k]
        if self.base(k) in PERSONAL or w in ("who", "which"):
            return True
        if w in FIRST_SECOND or w in DETERMINERS or self.is_possessive(k):
            return False  # "Mrs. Clinton's remark": a possessive is no head
        kinds = self.kinds(k)
        if kinds & HEAD_KINDS and not (kinds == TITLE):
            return self.toks[k].is_word
        return self.is_name_word(k) or (self.cap[k] and bool(kinds))

    def np_right(self, k: int, hi: int) -> Optional[tuple[int, int]]:
        """Token range [k, j] of the noun phrase starting at token ``k``."""
        if k >= hi:
            return None
        if self.low[k] in PERSONAL:
            return (k, k)
        j = k
        if self.low[k] in DETERMINERS or self.low[k] in POSSESSIVE_PRONOUNS:
            j = k + 1
            m = j  # "said the second official", "said one longtime GOP donor"
            while m < hi and m - j < 3 and self._modifier(m):
                m += 1
            if m > j and m < hi and self.kinds(m) & HEAD_KINDS and not self.cap[m]:
                j = m
        if j + 2 < hi and (self.low[j][:1].isdigit() or self.low[j].isalpha() and self.low[j].islower()
                           and self.low[j] not in FUNCTION and not self.kinds(j)) \
                and self.kinds(j + 1) & ROLE_TITLE and self.is_name_word(j + 2):
            j += 1  # "said 9/11 widow Terry Strada", "said longtime aide Ann Ruiz"
        last = None
        while j < hi:
            w, text = self.low[j], self.toks[j].text
            if self.is_name_word(j) or self.is_possessive(j) and self.cap[j]:
                last = j
            elif text == "." and last is not None and (self.low[last] in TITLE_ABBREV or
                                                      len(self.toks[last].text) == 1):
                last = j
            elif self.kinds(j) & NP_KINDS and w.isalpha():
                last = j
            elif w in LINKS and last is not None and j + 1 < hi and (
                    self.is_name_word(j + 1) or self.low[j + 1] in DETERMINERS):
                pass
            elif w in DETERMINERS and last is not None and self.low[j - 1] in LINKS:
                pass
            else:
                break
            j += 1
        if last is None:
            return self._common_right(k, hi)
        while last > k and (self.low[last] in LINKS or self.low[last] in DETERMINERS):
            last -= 1
        return (k, last) if self._head_ok(last) or self.is_name_word(last) else None

    def _common_right(self, k: int, hi: int) -> Optional[tuple[int, int]]:
        """"…,” said the 46-year-old." / "wrote the conservative-leaning paper.":
        a determiner and up to three lower-case words closing the clause."""
        if self.low[k] not in DETERMINERS and self.low[k] not in POSSESSIVE_PRONOUNS:
            return None
        j = k + 1
        while j < hi and j - k <= 4 and (self._modifier(j, heads=True) or self._glued_hyphen(j)):
            j += 1
        if j == k + 1 or j < hi and self.toks[j].is_word and self.low[j] != "who":
            return None
        return (k, j - 1)

    def _glued_hyphen(self, i: int) -> bool:
        """A hyphen token inside a word the tokenizer split ("46-year-old")."""
        t = self.toks
        return t[i].text == "-" and 0 < i < len(t) - 1 and t[i - 1].end == t[i].start \
            and t[i].end == t[i + 1].start

    def _modifier(self, i: int, heads: bool = False) -> bool:
        """A lower-case premodifier of a common noun: "second", "top", "43-year-old"."""
        w = self.low[i]
        return (w.replace("-", "").isalnum() and (w.islower() or w.isdigit()) and w not in FUNCTION
                and w not in self.lex.cues and (heads or not self.kinds(i) & HEAD_KINDS))

    def anonymous_left(self, lo: int, k: int) -> Optional[tuple[int, int]]:
        """"people familiar with the talks said": char span of the source
        ending with token ``k`` (sentence starts at token ``lo``)."""
        low = self.low
        if ANON_HEADS.isdisjoint(low[max(lo, k - 20):k]):
            return None
        lo_char, hi_char = self.toks[lo].start, self.toks[k].end
        m = ANON_RE.search(self.text, lo_char, hi_char)
        if m and m.end() == hi_char:
            return m.start(), m.end()
        return None

    # -- typing -----------------------------------------------------------------
    def mention(self, j: int, k: int) -> Mention:
        toks = self.toks
        start, end = toks[j].start, toks[k].end
        text = self.text[start:end]
        if j == k and (self.base(k) in PERSONAL or self.low[k] in ("who", "which")):
            w = self.base(k) if self.base(k) in PERSONAL else self.low[k]
            return Mention(start, end, text, "pronoun", None, PERSONAL.get(w, ""))
        link = next((i for i in range(j + 1, k) if self.low[i] in LINKS), None)
        if link is not None:  # "a spokesman for the Party": the head comes before "for"
            k = link - 1
        idx = range(j, k + 1)
        head = k
        while head > j and self.toks[head].text in ").":
            head -= 1
        head_kinds = self.kinds(head)
        # one pass: role and title words, the last gendered word, the name words
        low, cap, toks, genders = self.low, self.cap, self.toks, self.lex.gender
        role_words: list[str] = []
        caps: list[int] = []
        gender = ""
        for i in idx:
            ki = self.kinds(i)
            role = not ROLE_TITLE.isdisjoint(ki)
            if role:
                role_words.append(low[i])
            g = genders.get(low[i].rstrip("."))
            if g and (role or cap[i]):
                gender = g
            if cap[i] and toks[i].is_word and low[i] not in NOT_NAME and NOT_CAPS.isdisjoint(ki):
                caps.append(i)
        roles = frozenset(role_words)
        first = low[j]
        definite = first in ("the", "his", "her", "its", "their") or self.is_possessive(j)
        if not self.cap[head] or (self.kinds(head) & COMMON_HEADS
                                  and not (caps and caps[-1] == head)):
            # headed by a common noun: "officials", "the campaign", "a Trump aide"
            if "org" in head_kinds and "group" not in head_kinds:
                name = _strip_det(text) if caps else None
                return Mention(start, end, text, "organisation", name, "n", roles, name is None)
            if "document" in head_kinds:
                if caps:
                    return Mention(start, end, text, "organisation",
                                   self._caps_text(caps), "n", roles)
                return Mention(start, end, text, "unnamed", _strip_det(text).lower(), "n", roles,
                               definite and head_kinds == {"document"} and text.lower()
                               .endswith("statement"))
            plural = "group" in head_kinds or self.low[head].endswith("s")
            if "role" in head_kinds and definite and not plural:
                return Mention(start, end, text, "unnamed", _lower_first(text), gender, roles, True)
            return Mention(start, end, text, "unnamed", _lower_first(text),
                           "p" if plural else gender, roles)
        if _is_org(self, idx, caps):
            return Mention(start, end, text, "organisation", _strip_det(self._span_text(j, k)), "n",
                           roles)
        # a person: the run of name words ending at the head, titles dropped
        run_end = head
        run_start = head
        while run_start - 1 >= j and (self.is_name_word(run_start - 1) and
                                      not self.kinds(run_start - 1) & ROLE_TITLE or
                                      self.toks[run_start - 1].text == "." and run_start - 2 >= j
                                      and len(self.toks[run_start - 2].text) == 1):
            run_start -= 1
        while run_start < run_end and self.toks[run_start].text == ".":
            run_start += 1
        name = self._span_text(run_start, run_end)
        if self.is_possessive(run_end):
            name = name[:-2]
        first_name = self.low[run_start]
        if not gender:
            gender = self.lex.gender.get(first_name, "") if run_end > run_start else ""
        return Mention(start, end, text, "named", name, gender, roles)

    def _span_text(self, j: int, k: int) -> str:
        return " ".join(self.text[self.toks[j].start:self.toks[k].end].split())

    def _caps_text(self, caps: list[int]) -> str:
        return self._span_text(caps[0], caps[-1])


def _strip_det(text: str) -> str:
    parts = text.split(None, 1)
    if len(parts) == 2 and parts[0].lower() in DETERMINERS:
        return " ".join(parts[1].split())
    return " ".join(text.split())


def _lower_first(text: str) -> str:
    text = " ".join(text.split())
    return text[:1].lower() + text[1:] if text[:2].istitle() or text[:1].isupper() and \
        text.split()[0].lower() in DETERMINERS else text


def _is_org(tk: Tokens, idx: range, caps: list[int]) -> bool:
    """A capitalised phrase naming a body: headed by an organisation word
    ("the Democratic Party", "The Post"), an acronym alone ("FBI"), or a
    phrase with "&"; a name after a role word ("Council member Ann Ruiz")
    is a person."""
    head = idx[-1]
    while head > idx[0] and tk.toks[head].text in ").":
        head -= 1
    kinds = tk.kinds(head)
    if "org" in kinds and "role" not in kinds:
        return True
    t = tk.toks[head].text
    if len(caps) == 1 and len(t) >= 2 and t.isupper() and t.isalpha() and tk.low[head] not in TITLE_ABBREV:
        return True
    if any(tk.toks[i].text == "&" for i in idx):
        return True
    if any(tk.kinds(i) & ROLE_TITLE for i in idx):
        return False
    first_known = any(tk.low[i] in tk.lex.gender for i in caps)
    return not first_known and any("org" in tk.kinds(i) for i in caps)


# -- resolution ------------------------------------------------------------------
def name_mentions(text: str, lex: Lexicon) -> list[tuple[int, str, str]]:
    """People named in the text (title or known first name + surname), as
    ``(offset, name, gender)``: candidates for pronoun resolution."""
    out = []
    gender, kinds = lex.gender, lex.kinds
    found = list(CAP_WORD_RE.finditer(text))
    for m in compress(found, map(lex.name_starts.__contains__,
                                 map(str.lower, map(re.Match.group, found)))):
        s = m.start()
        if s and (text[s - 1].isalnum() or text[s - 1] == "_"):
            continue  # inside a word ("McCain"): no word boundary before it
        w = m.group().lower()
        is_title = "title" in kinds.get(w, ()) or w in TITLE_ABBREV
        if is_title:
            n = TITLED_NAME_RE.match(text, m.end())
            if n is None or n.group(1).split()[0].lower() in NOT_NAME:
                continue
            out.append((m.start(), " ".join(n.group(1).split()), gender.get(w, "")))
        else:
            n = SURNAME_RE.match(text, m.end())
            if n is None:
                continue
            name = " ".join((m.group() + n.group()).split())
            if name.endswith(("’s", "'s")):
                name = name[:-2]
            out.append((m.start(), name, gender[w]))
    return out


def canonical_names(names: list[tuple[int, str, str]]) -> dict[tuple[str, str], str]:
    """Map (type, name) to one canonical name per speaker: a name that is the
    tail of a longer one of the same type ("Laessing" / "Ulf Laessing") or
    shares its first and last word ("Donald J. Trump" / "Donald Trump") takes
    the longest form; ties go to the form that appears first. ``names`` is
    ``(offset, type, name)`` in text order."""
    forms: dict[str, list[tuple[int, str]]] = {}
    for offset, type_, name in names:
        forms.setdefault(type_, []).append((offset, name))
    out: dict[tuple[str, str], str] = {}
    for type_, items in forms.items():
        if type_ not in ("named", "organisation"):
            continue
        seen: dict[str, int] = {}
        for offset, name in items:
            seen.setdefault(name, offset)
        words = {n: n.replace("’s", "").replace("'s", "").split() for n in seen}
        lower = {n: [w.lower() for w in ws] for n, ws in words.items()}
        # a longer form can only match on the same last word: compare within those
        by_last: dict[str, list[str]] = {}
        for n, lws in lower.items():
            if lws:
                by_last.setdefault(lws[-1], []).append(n)
        for name, ws in words.items():
            best = name
            if ws:
                lws, n_ws = lower[name], len(ws)
                for other in by_last[lws[-1]]:
                    ows = words[other]
                    if len(ows) <= n_ws:
                        continue
                    tail = lower[other][-n_ws:] == lws
                    ends = n_ws >= 2 and ows[0] == ws[0] and ows[-1] == ws[-1]
                    if tail or ends:
                        if best == name or len(ows) > len(words[best]) or (
                                len(ows) == len(words[best]) and seen[other] < seen[best]):
                            best = other
            out[(type_, name)] = best
    return out
