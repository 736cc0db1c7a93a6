"""Lexicons shipped as package data, and the one loader that reads them.

Every file is UTF-8 text. Lines starting with ``#`` are comments; the first
comment lines name the source of the list. ``.txt`` files hold one entry per
line; ``.tsv`` files have a header row naming the columns. A ``.tsv`` with
the columns ``list`` and ``word`` holds several small named word lists
(:func:`load_lists`, :func:`word_list`). Lists that several analyzers share
(pronouns, determiners, reporting verbs, negators, calendar words, given names)
are read only through the accessors of :mod:`framing.lexicons.shared`.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from ..errors import LexiconError


def _lines(name: str):
    try:
        raw = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:  # pragma: no cover - packaging error
        raise LexiconError(f"lexicon {name!r} is not installed with the package") from exc
    for number, line in enumerate(raw.splitlines(), 1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            yield number, line.rstrip("\n")


@lru_cache(maxsize=None)
def load_words(name: str) -> frozenset[str]:
    """A one-entry-per-line list, lower-cased."""
    return frozenset(line.strip().lower() for _, line in _lines(name))


@lru_cache(maxsize=None)
def load_table(name: str) -> tuple[dict[str, str], ...]:
    """A TSV table as a tuple of row dicts keyed by the header's column names."""
    rows = list(_lines(name))
    if not rows:
        raise LexiconError(f"lexicon {name!r} is empty")
    header = [h.strip() for h in rows[0][1].split("\t")]
    table = []
    for number, line in rows[1:]:
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != len(header):
            raise LexiconError(
                f"lexicon {name!r} line {number}: expected {len(header)} tab-separated "
                f"columns ({', '.join(header)}), found {len(cells)}"
            )
        table.append(dict(zip(header, cells)))
    return tuple(table)


@lru_cache(maxsize=None)
def load_lists(name: str) -> dict[str, tuple[str, ...]]:
    """A TSV of named word lists (columns ``list`` and ``word``): each list's
    words in file order, case kept."""
    lists: dict[str, list[str]] = {}
    for row in load_table(name):
        lists.setdefault(row["list"], []).append(row["word"])
    return {key: tuple(words) for key, words in lists.items()}


def word_list(name: str, list_name: str) -> frozenset[str]:
    """One named list of a :func:`load_lists` file, as a set."""
    return frozenset(word_tuple(name, list_name))


def word_tuple(name: str, list_name: str) -> tuple[str, ...]:
    """One named list of a :func:`load_lists` file, in file order."""
    try:
        return load_lists(name)[list_name]
    except KeyError:
        raise LexiconError(f"lexicon {name!r} has no list {list_name!r}") from None
