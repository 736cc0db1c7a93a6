"""Reading many articles: folders, JSON Lines, CSV and HTML, with metadata.

A *source* is one of

- a **folder of articles** (``.txt``, ``.md``, ``.html``/``.htm``). The
  outlet is the name of the folder that holds the file; a folder whose
  sub-folders hold the articles (``corpora/outlets/<outlet>/*.txt``) gives one
  outlet per sub-folder. A sidecar ``metadata.csv`` (or ``metadata.jsonl``)
  in the folder or in an outlet folder adds ``outlet``, ``title``, ``date``,
  ``url``, ``story`` and ``id`` per ``file`` (a path relative to the folder
  the sidecar sits in);
- a **JSON Lines** file (``.jsonl``, ``.jsonl.gz``, ``.ndjson``), one object a
  line with ``outlet`` and ``text`` and optional ``title``, ``date``, ``url``,
  ``story``, ``id``. Lines written by :func:`framing.run.local.analyze_corpus`
  (they carry a ``report``) are read back as already analysed records;
- a **CSV** file (``.csv``, ``.tsv``) with a header naming at least
  ``outlet`` and ``text`` (same optional columns).

HTML is turned into text with trafilatura (imported only when an HTML file
is met). Reading streams: one record at a time, never the whole corpus.

A problem with one record (bad JSON, a missing field, an unreadable file)
does not stop the reading: :func:`iter_corpus` yields a :class:`RecordError`
(an :class:`~framing.errors.InputError` naming the file and line) in its
place and goes on. A problem with a whole source (missing, unsupported kind,
a CSV without an ``outlet`` column) is found up front by :func:`check_sources`
and raised as :class:`~framing.errors.InputError`.

The records are defined in :mod:`framing.io.records`, the JSON Lines and CSV
readers in :mod:`framing.io.tables`, one article file in :mod:`framing.io.articles`.
"""
from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..errors import InputError
from ..text.safe import repair_tree
from .articles import html_to_text, read_article, read_article_file
from .records import (ALIASES, ARTICLE_EXTS, CSV_EXTS, HTML_EXTS, JSONL_EXTS, META_FIELDS,
                      SIDECARS, TEXT_EXTS, Item, Record, RecordError, field_value)
from .tables import (csv_header, csv_rows, dialect, jsonl_rows, open_binary, open_text,
                     raise_field_limit, read_csv, read_jsonl, to_record)

__all__ = ["ALIASES", "ARTICLE_EXTS", "CSV_EXTS", "HTML_EXTS", "JSONL_EXTS", "META_FIELDS",
           "SIDECARS", "TEXT_EXTS", "Item", "Record", "RecordError", "article_files",
           "check_sources", "count_records", "html_to_text", "iter_corpus", "iter_folder_files",
           "iter_jsonl_range", "read_article", "read_corpus", "source_kind"]

_SKIP_NAMES = {"readme.md", "readme.txt", "license.txt", "license.md"}


# -- sources ---------------------------------------------------------------------
def source_kind(path: str | os.PathLike) -> str:
    """``"folder"``, ``"jsonl"``, ``"csv"`` or ``"article"``; raises
    :class:`InputError` for a missing path or an unsupported kind of file."""
    p = Path(path)
    name = p.name.lower()
    if not p.exists():
        raise InputError(str(path), "no such file or folder")
    if p.is_dir():
        return "folder"
    if name.endswith(JSONL_EXTS):
        return "jsonl"
    if name.endswith(CSV_EXTS):
        return "csv"
    if name.endswith(ARTICLE_EXTS):
        return "article"
    raise InputError(str(path), "is not a corpus source: give a folder of .txt/.md/.html articles, "
                                "a .jsonl file or a .csv file with 'outlet' and 'text' fields")


def check_sources(sources: Iterable[str | os.PathLike],
                  fields: dict[str, str] | None = None) -> list[str]:
    """Check every source before any work starts; returns their kinds.

    Raises :class:`InputError` naming the first bad source and why: missing,
    an unsupported kind of file, a folder without articles, a CSV whose
    header lacks ``outlet`` or ``text``.
    """
    kinds = []
    for src in sources:
        kind = source_kind(src)
        if kind == "folder":
            if next(iter(_article_files(Path(src))), None) is None:
                raise InputError(str(src), "holds no article files (.txt, .md, .html), neither "
                                           "directly nor in outlet sub-folders")
        elif kind == "csv":
            csv_header(Path(src), fields=fields)
        elif kind == "article":
            raise InputError(str(src), "is a single article: give the folder it is in (the folder "
                                       "name is the outlet), or a .jsonl/.csv corpus file")
        kinds.append(kind)
    return kinds


def iter_corpus(sources: Iterable[str | os.PathLike],
                fields: dict[str, str] | None = None) -> Iterator[Item]:
    """Stream the records of every source in order, with a
    :class:`RecordError` in place of each record that could not be read.
    ``fields`` maps ``outlet``/``story``/``date``/``title``/``url`` to the
    name a corpus uses for it (instead of the name and its aliases)."""
    for src in sources:
        kind = source_kind(src)
        if kind == "folder":
            yield from _read_folder(Path(src), fields=fields)
        elif kind == "jsonl":
            yield from read_jsonl(Path(src), fields)
        elif kind == "csv":
            yield from read_csv(Path(src), fields)
        else:
            raise InputError(str(src), "is a single article, not a corpus")


def read_corpus(sources: Iterable[str | os.PathLike], errors: list | None = None) -> Iterator[Record]:
    """Like :func:`iter_corpus` but yields only records; each
    :class:`RecordError` is appended to ``errors`` when given."""
    for item in iter_corpus(sources):
        if isinstance(item, RecordError):
            if errors is not None:
                errors.append(item)
        else:
            yield item


def count_records(sources: Iterable[str | os.PathLike]) -> int:
    """A fast count of the records in ``sources`` (files in folders,
    non-blank lines of JSONL, rows of CSV) for progress bars; nothing is
    parsed, so a malformed record still counts as one."""
    total = 0
    for src in sources:
        kind = source_kind(src)
        p = Path(src)
        if kind == "folder":
            total += sum(1 for _ in _article_files(p))
        elif kind == "jsonl":
            with open_binary(p) as fh:
                total += sum(1 for line in fh if line.strip())
        elif kind == "csv":
            raise_field_limit()
            try:
                with open_text(p) as fh:
                    total += max(0, sum(1 for _ in csv.reader(fh, dialect=dialect(p))) - 1)
            except (csv.Error, UnicodeDecodeError, OSError):
                pass  # the reader reports it, with the line; the bar just counts less
    return total


def article_files(folder: str | os.PathLike) -> list[Path]:
    """The article files of a folder source, in reading order."""
    return list(_article_files(Path(folder)))


def iter_folder_files(folder: str | os.PathLike, files: Iterable[str | os.PathLike]) -> Iterator[Item]:
    """The records of some of a folder's article files (a slice of
    :func:`article_files`), read as :func:`iter_corpus` reads the folder:
    same outlets, sidecar metadata and errors."""
    yield from _read_folder(Path(folder), [Path(f) for f in files])


def iter_jsonl_range(path: str | os.PathLike, start: int, end: int | None,
                     first_line: int) -> Iterator[Item]:
    """The records of the lines of an uncompressed JSON Lines file that begin
    in bytes ``[start, end)``; ``start`` is the offset of line ``first_line``.
    Line numbers, ids and errors are those :func:`iter_corpus` gives."""
    p = Path(path)
    for n, obj in jsonl_rows(p, start, end, first_line):
        yield obj if isinstance(obj, RecordError) else to_record(obj, p, n)


# -- folders ---------------------------------------------------------------------
def _article_files(root: Path, errors: list | None = None) -> Iterator[Path]:
    """Article files under ``root`` (sorted, so the order is stable), skipping
    hidden files and README/LICENSE files. A sub-folder that cannot be listed
    is added to ``errors`` (a :class:`RecordError`) when given."""
    def unreadable(exc: OSError) -> None:
        if errors is not None:
            errors.append(RecordError(str(exc.filename or root),
                                      f"the folder cannot be read ({exc.strerror or exc}); "
                                      f"its articles were skipped"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "_")))
        for name in sorted(filenames):
            low = name.lower()
            if name.startswith(".") or low in _SKIP_NAMES or not low.endswith(ARTICLE_EXTS):
                continue
            yield Path(dirpath) / name


def _read_sidecar(folder: Path, errors: list[RecordError]) -> dict[str, dict[str, str]]:
    """``{relative path: metadata}`` from a metadata.csv/.jsonl in ``folder``."""
    meta: dict[str, dict[str, str]] = {}
    for name in SIDECARS:
        path = folder / name
        if not path.is_file():
            continue
        rows: Iterator[tuple[int, Any]]
        if name.endswith(".csv"):
            try:
                header = csv_header(path, required=("file",))
            except InputError as exc:
                errors.append(RecordError(exc.source, exc.reason, exc.line))
                continue
            rows = csv_rows(path, header)
        else:
            rows = jsonl_rows(path)
        for line, row in rows:
            if isinstance(row, RecordError):
                errors.append(row)
                continue
            row, _ = repair_tree(row)
            file = str(row.get("file") or "").strip()
            if not file:
                errors.append(RecordError(str(path), "the 'file' field is empty", line))
                continue
            meta[os.path.normpath(file)] = {k: (str(v) if v is not None else None)
                                            for k, v in row.items() if k != "file"}
    return meta


def _read_folder(root: Path, files: Iterable[Path] | None = None,
                 fields: dict[str, str] | None = None) -> Iterator[Item]:
    """The records of ``root``; of ``files`` only (paths under ``root``, as
    :func:`article_files` lists them) when given."""
    sidecar_errors: list[RecordError] = []
    sidecars: dict[Path, dict[str, dict[str, str]]] = {}

    def lookup(path: Path) -> dict[str, str]:
        # the nearest sidecar wins: the article's own folder, then up to root
        folder = path.parent
        while True:
            if folder not in sidecars:
                sidecars[folder] = _read_sidecar(folder, sidecar_errors)
            rel = os.path.normpath(os.path.relpath(path, folder))
            if rel in sidecars[folder]:
                return sidecars[folder][rel]
            if folder == root or root not in folder.parents:
                return {}
            folder = folder.parent

    for path in _article_files(root, sidecar_errors) if files is None else files:
        meta = lookup(path)
        yield from _drain(sidecar_errors)
        mapped = field_value(meta, {}, "outlet", fields) if fields else meta.get("outlet")
        outlet = str(mapped or "").strip() or (
            path.parent.name if path.parent != root else root.resolve().name)
        try:
            text, warnings, found = read_article_file(path)
        except InputError as exc:
            yield RecordError(exc.source, exc.reason, exc.line)
            continue
        rec = Record(outlet=outlet, text=text,
                     id=(meta.get("id") or "").strip() or f"{outlet}/{path.stem}",
                     source=str(path), warnings=warnings)
        for k in META_FIELDS:
            value = str(field_value(meta, {}, k, fields) or "").strip() or found.get(k)
            setattr(rec, k, value or None)
        yield rec
    yield from _drain(sidecar_errors)


def _drain(errors: list[RecordError]) -> Iterator[RecordError]:
    while errors:
        yield errors.pop(0)
