"""One referent, one row: actor names merged within an article and across a
corpus before outlets are compared (issue 15).

News names a person in full once and by surname after ("Donald J. Trump …
Trump said"): the AP Stylebook's rule for second references, and the
pattern coreference systems exploit for named mentions (Haghighi & Klein
2009, head matching). The actor analyzer already merges these within one
article; across articles the same referent still appears under several
names. The rules here, in order:

1. **Form.** Middle initials and whitespace runs are dropped ("Donald J.
   Trump" → "Donald Trump").
2. **Within an article.** A one-word name that is no given name ("Joe" is
   no surname) joins the one multi-word person name in the same article
   that ends with it, when it is typed a person itself or the full name
   opens with a given name ("President" never joins "French President");
   the article's score for the merged actor is the mention-weighted mean.
3. **Across the corpus.** A one-word name typed a person in most of its
   articles joins the multi-word person name ending with it when that name
   holds at least :data:`DOMINANT` of the articles naming anyone with that
   surname in full ("Clinton" → "Hillary Clinton" in 2016 news, not when
   "Bill Clinton" is nearly as common).

An actors file (``--actors``) is the user's own canonical list and wins: its
names are kept as written.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable, Mapping

from ..lexicons.shared import given_names

DOMINANT = 0.8
PERSONISH = frozenset(("person", "unknown", ""))
_MIDDLE = re.compile(r"(?<=\S)\s+[A-Z]\.(?=\s+\S)")
_SPACE = re.compile(r"\s+")


def normal(name: str) -> str:
    """The name's form: one space between words, no middle initial."""
    return _MIDDLE.sub("", _SPACE.sub(" ", name.strip()))


def _one_word(name: str) -> bool:
    return " " not in name


def _given(word: str) -> bool:
    return word.lower() in given_names()


def merge_article(items: Iterable[tuple[str, str, float, int]]
                  ) -> list[tuple[str, str, float, int]]:
    """(name, type, score, mentions) of one article's actors → the same with
    surnames merged into the article's full name (rule 2); names normalised."""
    rows = [(normal(n), t or "", float(s), max(int(m), 1)) for n, t, s, m in items]
    full: dict[str, list[str]] = defaultdict(list)
    for name, typ, _, _ in rows:
        if not _one_word(name) and typ == "person":
            full[name.rsplit(" ", 1)[1]].append(name)
    merged: dict[str, list] = {}
    for name, typ, score, mentions in rows:
        heads = sorted(set(full.get(name, []))) if _one_word(name) and not _given(name) else []
        ok = len(heads) == 1 and (typ == "person" or typ in PERSONISH and
                                  _given(heads[0].split(" ", 1)[0]))
        key = heads[0] if ok else name
        cell = merged.setdefault(key, [typ if key == name else "person", 0.0, 0])
        cell[1] += score * mentions
        cell[2] += mentions
    return [(name, typ, total / mentions, mentions) for name, (typ, total, mentions) in merged.items()]


def _kind(types: Mapping[str, Counter], name: str) -> str:
    top = types.get(name, Counter()).most_common(1)
    return top[0][0] if top else ""


def corpus_names(articles: Mapping[str, int], types: Mapping[str, Counter]) -> dict[str, str]:
    """name → canonical name across a corpus (rule 3), from the number of
    articles each name is an actor in and the types it was given."""
    by_surname: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for name, n in articles.items():
        if not _one_word(name) and _kind(types, name) == "person":
            by_surname[name.rsplit(" ", 1)[1]].append((n, name))
    out = {}
    for name in articles:
        if not _one_word(name) or _given(name) or _kind(types, name) != "person":
            continue
        heads = sorted(by_surname.get(name, []), key=lambda nn: (-nn[0], nn[1]))
        if heads and heads[0][0] >= DOMINANT * sum(n for n, _ in heads):
            out[name] = heads[0][1]
    return out
