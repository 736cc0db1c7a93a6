"""Lexicons shipped as package data, and the one loader that reads them.

Every file is UTF-8 text. Lines starting with ``#`` are comments; the first
comment lines name the source of the list. ``.txt`` files hold one entry per
line; ``.tsv`` files have a header row naming the columns. A ``.tsv`` with
the columns ``list`` and ``word`` holds several small named word lists
(:func:`load_lists`, :func:`word_list`). Lists that several analyzers share
(pronouns, determiners, reporting verbs, negators, calendar words, given names)
are read only through the accessors of :mod:`framing.lexicons.shared`.

A user's lists (``framing analyze --lexicon hedges=FILE``) enter through one
override layer here (:func:`set_overrides`), below every analyzer: a file in
the shipped file's format extends it (a row whose key — first column; for
``hedges.tsv`` cue and kind — is already there replaces that row), or with
``NAME:replace=FILE`` replaces the shipped entries. Overrides must be set
before a list is first read in the process (analyzers keep what they build
from it), otherwise :class:`LexiconError` says so.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import LexiconError

# --lexicon names: the shipped file, and the rows of it the name stands for
ALIASES = {"hedges": ("hedges.tsv", ("kind", "hedge")),
           "boosters": ("hedges.tsv", ("kind", "booster")),
           "cue_verbs": ("cue_verbs.tsv", None)}
KEYS = {"hedges.tsv": ("cue", "kind")}  # the columns that identify a row (default: the first)

_overrides: dict[str, list[tuple[Path, str, tuple[str, str] | None]]] = {}
_read: set[str] = set()


def _parse(raw: str):
    for number, line in enumerate(raw.splitlines(), 1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            yield number, line.rstrip("\n")


def _lines(name: str):
    try:
        raw = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:  # pragma: no cover - packaging error
        raise LexiconError(f"lexicon {name!r} is not installed with the package") from exc
    return _parse(raw)


def _table(lines, where: str) -> tuple[list[str], list[dict[str, str]]]:
    rows = list(lines)
    if not rows:
        raise LexiconError(f"{where} is empty")
    header = [h.strip() for h in rows[0][1].split("\t")]
    table = []
    for number, line in rows[1:]:
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != len(header):
            raise LexiconError(
                f"{where} line {number}: expected {len(header)} tab-separated "
                f"columns ({', '.join(header)}), found {len(cells)}"
            )
        table.append(dict(zip(header, cells)))
    return header, table


def _user_lines(path: Path):
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise LexiconError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read the lexicon ({exc.strerror or exc})") from None
    return _parse(raw)


def merge_rows(shipped: list[dict[str, str]], user: list[dict[str, str]], key: tuple[str, ...],
               mode: str, subset: tuple[str, str] | None = None) -> list[dict[str, str]]:
    """The shipped rows with a user's: ``extend`` keeps the shipped rows (one
    with a user row's key is replaced in place) and appends the new ones;
    ``replace`` drops the shipped rows of ``subset`` (``(column, value)``,
    all rows when ``None``) before the user's are added."""
    def k(row):
        return tuple(row[c].lower() for c in key)

    if mode == "replace":
        shipped = [r for r in shipped if subset is not None and r[subset[0]] != subset[1]]
    by_key = {k(r): r for r in user}
    out = [by_key.pop(k(r), r) for r in shipped]
    return out + [r for r in user if by_key.get(k(r)) is r]


def set_overrides(specs: list[tuple[str, str | Path]]) -> None:
    """Install the user's lexicons: ``[("hedges", FILE), ("cue_verbs:replace",
    FILE), ...]`` (a name of :data:`ALIASES` or a shipped file name such as
    ``actor_titles.tsv``, optionally ``:replace``). Replaces earlier overrides;
    raises :class:`LexiconError` for an unknown name, a file in another
    format, or a list already read in this process."""
    new: dict[str, list] = {}
    for spec, path in specs:
        name, _, mode = spec.partition(":")
        mode = mode or "extend"
        if mode not in ("extend", "replace"):
            raise LexiconError(f"--lexicon {spec}: use NAME=FILE (extend) or NAME:replace=FILE")
        file, subset = ALIASES.get(name, (name, None))
        if not resources.files(__package__).joinpath(file).is_file() or not file.endswith(
                (".tsv", ".txt")):
            raise LexiconError(f"--lexicon {name}: no such list (use {', '.join(ALIASES)} or a "
                               f"file name in framing/lexicons)")
        if file in _read:
            raise LexiconError(f"--lexicon {name}: {file} was already read in this process; "
                               "set lexicon overrides before the first analysis")
        new.setdefault(file, []).append((Path(path), mode, subset))
    for file, items in new.items():  # read and check every file now: errors name it
        for path, mode, subset in items:
            _user_rows(file, path, subset)
    _overrides.clear()
    _overrides.update(new)


def overrides() -> dict[str, list[tuple[Path, str, tuple[str, str] | None]]]:
    """The user lexicons in force, by shipped file name."""
    return {k: list(v) for k, v in _overrides.items()}


def _user_rows(file: str, path: Path, subset) -> list:
    if file.endswith(".txt"):
        return [line.strip().lower() for _, line in _user_lines(path)]
    header, rows = _table(_user_lines(path), str(path))
    shipped_header = _table(_lines(file), f"lexicon {file!r}")[0]
    if header != shipped_header:
        raise LexiconError(f"{path}: the header must be the columns of {file}: "
                           f"{' '.join(shipped_header)} (tab-separated), not {' '.join(header)}")
    if subset is not None:
        for n, row in enumerate(rows, 1):
            if row[subset[0]] != subset[1]:
                raise LexiconError(f"{path}: entry {n} ({row[header[0]]!r}) has {subset[0]} "
                                   f"{row[subset[0]]!r}; this file holds {subset[1]} entries only")
    return rows


@lru_cache(maxsize=None)
def load_words(name: str) -> frozenset[str]:
    """A one-entry-per-line list, lower-cased (with the user's overrides)."""
    _read.add(name)
    words = {line.strip().lower() for _, line in _lines(name)}
    for path, mode, _ in _overrides.get(name, ()):
        user = _user_rows(name, path, None)
        words = set(user) if mode == "replace" else words | set(user)
    return frozenset(words)


@lru_cache(maxsize=None)
def load_table(name: str) -> tuple[dict[str, str], ...]:
    """A TSV table as a tuple of row dicts keyed by the header's column names
    (with the user's overrides)."""
    _read.add(name)
    header, table = _table(_lines(name), f"lexicon {name!r}")
    for path, mode, subset in _overrides.get(name, ()):
        table = merge_rows(table, _user_rows(name, path, subset), KEYS.get(name, (header[0],)),
                           mode, subset)
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
