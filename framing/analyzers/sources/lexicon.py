"""The source-type lexicon (``lexicons/source_types.tsv``) and the
cue-stance table (``lexicons/cue_stance.tsv``), and a matcher that finds
their terms, longest first, in a span of text with character offsets."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...lexicons import load_table

TYPES = ("official", "police_military", "expert", "business", "advocacy", "citizen",
         "affected", "media", "anonymous", "other", "unknown")
STANCES = ("distancing", "neutral", "endorsing")
_WORD = re.compile(r"%|[^\W_](?:[\w’'&-]*[^\W_])?\.?")


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]
    type: str
    kind: str  # role | link | org | doc | party | anon | honorific
    gender: str | None


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    term: Term


@lru_cache(maxsize=1)
def terms() -> dict[tuple[str, ...], Term]:
    out = {}
    for row in load_table("source_types.tsv"):
        words = tuple(row["term"].split())
        g = row["gender"]
        out[words] = Term(words, row["type"], row["kind"], g if g in ("m", "f") else None)
    return out


@lru_cache(maxsize=1)
def _max_len() -> int:
    return max(len(k) for k in terms())


@lru_cache(maxsize=1)
def stance_of() -> dict[str, str]:
    """cue category → distancing | neutral | endorsing."""
    return {r["category"]: r["stance"] for r in load_table("cue_stance.tsv")}


def words(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """(start, end, lower-cased word) of each word of ``text``; a final period is
    kept only when the word is a known abbreviation ("Sen.", "Dr.")."""
    out = []
    known = terms()
    for m in _WORD.finditer(text):
        w = m.group().lower().replace("’", "'")
        s, e = m.start(), m.end()
        if w.endswith(".") and (w,) not in known and not any(k[0] == w for k in known):
            w, e = w[:-1], e - 1
        if w.endswith("'s"):
            out.append((offset + s, offset + e - 2, w[:-2]))
            out.append((offset + e - 2, offset + e, "'s"))
            continue
        out.append((offset + s, offset + e, w))
    return out


def find(text: str, offset: int = 0, toks: list | None = None) -> list[Hit]:
    """Lexicon terms in ``text`` (offsets shifted by ``offset``), left to right,
    the longest term winning where terms overlap."""
    toks = words(text, offset) if toks is None else toks
    known = terms()
    hits, i, n = [], 0, len(toks)
    while i < n:
        for k in range(min(_max_len(), n - i), 0, -1):
            key = tuple(t[2] for t in toks[i:i + k])
            term = known.get(key)
            if term is None:  # "Sen." also written "Sen", "Dr" also "Dr."
                last = key[-1]
                alt = last[:-1] if last.endswith(".") else last + "."
                term = known.get(key[:-1] + (alt,))
            if term is not None:
                hits.append(Hit(toks[i][0], toks[i + k - 1][1], term))
                i += k
                break
        else:
            i += 1
    return hits
