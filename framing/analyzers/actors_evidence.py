"""Document-level capitalisation evidence for actor detection.

The document-centred approach of Mikheev (1999, "A knowledge-free method for
capitalized word disambiguation", ACL; and Mikheev 2002, "Periods, capitalized
words, etc.", Computational Linguistics 28(3)): a capitalised word in an
ambiguous position — the start of a sentence, paragraph or quotation — is
judged by how the *same document* writes it elsewhere:

* used in lower case elsewhere ("household" … "Household water bills") → a
  common word;
* capitalised in an unambiguous, non-initial position, or sentence-initial
  but followed by a speech verb ("Strand said") or a possessive
  ("Westbank's") → a confirmed name;
* neither → a lone initial word is not a name ("Imagine", "Damage",
  "Turnout"); a multi-word capitalised run still is ("Helena Strand").

All-capital text (Mikheev 2002, §5: headlines carry no case evidence): a run
of two or more all-capital words ("BRIDGE OF SHAME:", "LUNCH SNATCHERS:") is
a shouted kicker, not acronyms; a word from it is kept only when the body
writes it in mixed case or as a stand-alone acronym. Cardinal numerals
("Eleven!", "Thirty-eight") are never names (Quirk et al. 1985, §6.63).
"""
from __future__ import annotations

from functools import lru_cache

from ..document import Document
from ..lexicons import load_table
from .actors_lexicon import is_cap

OPENERS = frozenset("\"“‘'(«[—–-:")


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset]:
    """``actor_context_cues.tsv``: role → the lower-case cue words."""
    out: dict[str, set] = {}
    for row in load_table("actor_context_cues.tsv"):
        out.setdefault(row["role"], set()).add(row["cue"])
    return {role: frozenset(words) for role, words in out.items()}


def is_number(low: str, numbers: frozenset) -> bool:
    """A cardinal numeral word, also hyphenated ("thirty-eight")."""
    if low in numbers:
        return True
    return "-" in low and all(p in numbers for p in low.split("-"))


class DocWords:
    """How the document writes each word: the evidence sets above."""

    def __init__(self, doc: Document, reporting: frozenset):
        toks = doc.tokens
        low = doc.lower_tokens
        starts = set()
        for s in doc.sentences:
            i = doc.token_index(s.start)
            while i < len(toks) and toks[i].text in OPENERS:
                i += 1
            starts.add(i)
        n = len(toks)
        lower_seen: set[str] = set()
        confirmed: set[str] = set()
        mixed: set[str] = set()
        upper: list[int] = []
        caps = [False] * n  # capitalised name words (actors_lexicon.is_cap)
        prev = ""
        for i, t in enumerate(toks):
            w = t.text
            if t.is_word:
                c = w[:1]
                if c.islower():
                    lower_seen.add(w)
                    if "-" in w:
                        caps[i] = is_cap(w)  # "al-Qaeda"
                elif c.isupper():
                    caps[i] = True
                    if w.isupper():
                        upper.append(i)
                    else:
                        mixed.add(w)
                    if i not in starts and prev not in OPENERS:
                        confirmed.add(w)
                    elif w.endswith(("'s", "’s")):
                        confirmed.add(w[:-2])  # "Westbank's 2,300 businesses"
                    elif i + 1 < n and low[i + 1] in reporting:
                        confirmed.add(w)  # "Strand said"
            prev = w
        # shouted runs: two or more adjacent all-capital words
        shouted: set[int] = set()
        x = 0
        while x < len(upper):
            y = x
            while y + 1 < len(upper) and upper[y + 1] == upper[y] + 1:
                y += 1
            if y > x and any(sum(ch.isalpha() for ch in toks[upper[z]].text) >= 3
                             for z in range(x, y + 1)):
                shouted.update(upper[x:y + 1])
            x = y + 1
        self.caps = caps
        self.lower_seen = lower_seen
        self.confirmed = confirmed
        self.shouted = shouted
        self.mixed_caps = mixed  # how the document writes words outside all-capital runs
        self.lone_acronyms = {toks[i].text for i in upper if i not in shouted}

    def in_shouted(self, k: int, e: int) -> bool:
        return any(x in self.shouted for x in range(k, e))

    def body_title(self, words: list[str]) -> bool:
        """Does the document write each of these words in mixed case?"""
        return bool(words) and all(w in self.mixed_caps for w in words)


# Mikheev's (1999) "unresolved" words — no case evidence in the document —
# are decided here from the word itself and the word after it:
# a function word after it (a determiner or preposition: "Did the council",
# "Back in 2018", "Turnout in the ward"), sentence-final punctuation ("Good.",
# "Fine!"), or a derivational suffix of common nouns and adjectives (Quirk et
# al. 1985, Appendix I: "Production", "Unemployment", "Evidence",
# "Environmental", "Independent") make it an ordinary word.
NEXT_NOT_NAME = frozenset("the a an this these those his her their its our my your every each "
                          "in of for with from into . ! ? ;".split())
NOUN_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ism", "ship", "hood", "ous", "ful",
                 "less", "able", "ible")
# only in words of 8+ letters ("Pence", "Clive", "Bryant" are names)
LONG_SUFFIXES = ("al", "ent", "ant", "ance", "ence", "ive", "age", "ure")


def unconfirmed_initial(low: str, nxt: str, groups) -> bool:
    """Is a lone sentence-initial capitalised word without document evidence
    an ordinary word (see above)? ``low`` is it in lower case, ``nxt`` the
    next token."""
    nl = nxt.lower()
    if nl in groups:
        return False  # "Tuareg rebels": a group's modifier
    if nl in NEXT_NOT_NAME:
        return True
    if "-" not in low and (low.endswith(NOUN_SUFFIXES)
                           or (len(low) >= 8 and low.endswith(LONG_SUFFIXES))):
        return True
    # adverbs, participles and plural common nouns ("Clearly", "Speaking", "Experts")
    return low.endswith(("ly", "ing", "ed")) or (low.endswith("s") and not low.endswith("ss"))
