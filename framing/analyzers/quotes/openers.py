"""Sentence openers and participles around an attribution.

* a capitalised word that only opens sentences is no speaker ("Indeed, …",
  "Having announced …", "Question: …");
* an opening "Asked whether …," reports the question put to the subject;
* a stance participle after a group or role noun is a reduced relative
  ("a super PAC backing Ana Silva").
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ...lexicons import word_list
from ...lexicons.shared import calendar_words, determiners
from .lexicon import CueForm
from .speakers import Tokens

if TYPE_CHECKING:
    from .attribution import Attribution

DAY_WORDS = calendar_words("weekday") | word_list("quote_words.tsv", "time_words")
NOUN_DETERMINERS = determiners("article", "possessive")
GROUP_ORG_ROLE = frozenset(("group", "org", "role"))


def common_word(tk: Tokens, j: int, k: int) -> bool:
    """Token range [j, k] is one capitalised word that only opens
    sentences and that the text also writes in lower case ("Indeed",
    "Having", "Wait", "Question"): an ordinary word capitalised by its
    position, not a name — the one-sense-per-discourse view of
    capitalisation used for truecasing (Mikheev 1999, "A knowledge-free
    method for capitalized word disambiguation")."""
    if j != k or not tk.cap[j] or not tk.toks[j].is_word:
        return False
    if tk.words_seen is None:
        lower, mid = set(), set()
        toks, text = tk.toks, tk.text
        for i, w in enumerate(tk.low):
            if not tk.first_chars[i].isalpha():
                continue
            if not tk.cap[i]:
                lower.add(w)
            elif i > 0 and toks[i - 1].is_word and "\n" not in text[toks[i - 1].end:toks[i].start]:
                mid.add(w)
        tk.words_seen = lower, mid
    lower, mid = tk.words_seen
    w = tk.low[j]
    return w in lower and w not in mid and tk.mention(j, k).type in ("named", "organisation")


ASKED_NEXT = frozenset(("about", "if", "whether", "who", "what", "why", "how", "when", "where",
                        "which", "to", "by", "on", "in", "during"))


def asked_phrase(tk: Tokens, a: "Attribution", k: int, hi: int) -> Optional["Attribution"]:
    """"Asked whether the port would reopen, Ruiz said …" / "When asked about
    the vote, …": an opening participle reports the question put to the
    sentence's subject; the asker is unnamed unless "by X" names them
    (PolNeAR annotates the question as an attribution of its own)."""
    if k >= hi or tk.low[k] not in ASKED_NEXT:
        return None
    a.start, a.end, a.right_tok, a.opener = a.cue_start, a.cue_end, k, True
    if tk.low[k] == "by":
        span = tk.np_right(k + 1, hi)
        if span is None:
            return None
        a.speaker, a.speaker_right = tk.mention(*span), True
        a.end, a.right_tok = tk.toks[span[1]].end, span[1] + 1
    return a


def object_end(tk: Tokens, k: int, hi: int) -> int:
    """End of the object of a reduced relative when a verb follows it
    ("voters backing the mayor were happy" → "the mayor"), else 0."""
    span = tk.np_right(k, hi)
    if span is None or span[1] + 1 >= hi:
        return 0
    nxt = span[1] + 1
    if tk.toks[nxt].is_word and not tk.cap[nxt] and tk.low[nxt] not in (
            "for", "of", "in", "to", "as", "and", "or", "on", "at", "from", "with"):
        return tk.toks[span[1]].end
    return 0


def reduced_relative(tk: Tokens, form: CueForm, p: int, lo: int, k: int, hi: int) -> bool:
    """"a super PAC backing Ana Silva", "voters supporting the mayor": a stance
    participle after a group, organisation or role noun, its object a name
    or a determined noun phrase — a reduced relative clause (Biber et al.
    1999, §8.7: "a group [that is] backing X")."""
    if form.frame != "stance" or p < lo or k >= hi or tk.toks[p].text in (",", "—", "–", ";"):
        return False
    head = bool(tk.kinds(p) & GROUP_ORG_ROLE) or tk.is_name_word(p) and tk.low[p] not in DAY_WORDS
    return head and (tk.is_name_word(k) or tk.low[k] in NOUN_DETERMINERS)
