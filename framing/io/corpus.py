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
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import stat
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Union

from ..errors import InputError
from ..text.decode import MAX_BYTES, decode_bytes
from ..text.markdown import markdown_to_text
from ..text.safe import repair_tree

TEXT_EXTS = (".txt", ".md", ".markdown")
HTML_EXTS = (".html", ".htm")
ARTICLE_EXTS = TEXT_EXTS + HTML_EXTS
JSONL_EXTS = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
CSV_EXTS = (".csv", ".tsv", ".csv.gz", ".tsv.gz")
SIDECARS = ("metadata.csv", "metadata.jsonl")
META_FIELDS = ("title", "date", "url", "story")
#: other names real corpora use for a field, tried in order after the field's own
#: (BASIL and SemEval exports say "event", PolNeAR "publisher"/"publication_date")
ALIASES: dict[str, tuple[str, ...]] = {
    "outlet": ("publisher", "source_outlet", "media", "site"),
    "story": ("event", "story_id", "event_id", "cluster"),
    "date": ("publication_date", "published", "pub_date", "datetime"),
    "title": ("headline",),
    "url": ("link",),
}


def _field(obj: dict[str, Any], meta: dict[str, Any], name: str,
           fields: dict[str, str] | None = None) -> Any:
    """``name`` or its first alias present in the record (or its ``meta``);
    only ``fields[name]`` when the caller maps the field (``--story-field``)."""
    keys = ((fields[name], fields[name].lower()) if fields and name in fields  # CSV: lower case
            else (name, *ALIASES.get(name, ())))
    for key in keys:
        for source in (obj, meta):
            if source.get(key) is not None:
                return source[key]
    return None
_SKIP_NAMES = {"readme.md", "readme.txt", "license.txt", "license.md"}


@dataclass
class Record:
    """One article of a corpus.

    ``source`` and ``line`` say where it came from (``line`` is None for a
    file that is one article). ``report`` is set when the record was read
    from an analysed results file, so it need not be analysed again.
    """

    outlet: str
    text: str
    id: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    story: str | None = None
    source: str = ""
    line: int | None = None
    warnings: list[str] = field(default_factory=list)
    report: dict[str, Any] | None = None
    terms: dict[str, int] | None = None

    def meta(self) -> dict[str, Any]:
        """The metadata written beside a report (everything but the text)."""
        d = asdict(self)
        for k in ("text", "report", "warnings", "terms"):
            d.pop(k)
        return d


class RecordError(InputError):
    """One record could not be read; reading goes on with the next one."""

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "line": self.line, "error": self.reason}


Item = Union[Record, RecordError]


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
            _csv_header(Path(src), fields=fields)
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
            yield from _read_jsonl(Path(src), fields)
        elif kind == "csv":
            yield from _read_csv(Path(src), fields)
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
            with _open_binary(p) as fh:
                total += sum(1 for line in fh if line.strip())
        elif kind == "csv":
            _raise_field_limit()
            try:
                with _open_text(p) as fh:
                    total += max(0, sum(1 for _ in csv.reader(fh, dialect=_dialect(p))) - 1)
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
    for n, obj in _jsonl_rows(p, start, end, first_line):
        yield obj if isinstance(obj, RecordError) else _to_record(obj, p, n)


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
                header = _csv_header(path, required=("file",))
            except InputError as exc:
                errors.append(RecordError(exc.source, exc.reason, exc.line))
                continue
            rows = _csv_rows(path, header)
        else:
            rows = _jsonl_rows(path)
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
        mapped = _field(meta, {}, "outlet", fields) if fields else meta.get("outlet")
        outlet = str(mapped or "").strip() or (
            path.parent.name if path.parent != root else root.resolve().name)
        try:
            text, warnings, found = _read_article_file(path)
        except InputError as exc:
            yield RecordError(exc.source, exc.reason, exc.line)
            continue
        rec = Record(outlet=outlet, text=text,
                     id=(meta.get("id") or "").strip() or f"{outlet}/{path.stem}",
                     source=str(path), warnings=warnings)
        for k in META_FIELDS:
            value = str(_field(meta, {}, k, fields) or "").strip() or found.get(k)
            setattr(rec, k, value or None)
        yield rec
    yield from _drain(sidecar_errors)


def _drain(errors: list[RecordError]) -> Iterator[RecordError]:
    while errors:
        yield errors.pop(0)


_MD_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.M)


def _read_article_file(path: Path) -> tuple[str, list[str], dict[str, str]]:
    """Text, warnings and metadata found in the file itself (a Markdown
    heading or the HTML title/date/url)."""
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):  # reading a FIFO named *.txt would wait forever
            raise InputError(str(path), "is not a regular file (a named pipe, socket or "
                                        "device); skipped")
        size = st.st_size
        if size > MAX_BYTES:
            raise InputError(str(path), f"is {size / 2**20:.1f} MiB, over the "
                                        f"{MAX_BYTES // 2**20} MiB limit for one article")
        data = path.read_bytes()
    except PermissionError:
        raise InputError(str(path), "permission denied") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror or exc})") from None
    if path.suffix.lower() in HTML_EXTS:
        return html_to_text(data, str(path))
    text, warnings = decode_bytes(data, str(path))
    found: dict[str, str] = {}
    if path.suffix.lower() in (".md", ".markdown"):
        m = _MD_HEADING.search(text)
        if m:
            found["title"] = m.group(1).strip()
        text = markdown_to_text(text)
    return text, warnings, found


def read_article(path: str | os.PathLike) -> tuple[str, list[str], dict[str, str]]:
    """One article file as ``framing analyze`` reads it wherever it appears:
    ``.html``/``.htm`` through trafilatura, ``.md`` without its markup,
    anything else as plain text. Returns (text, warnings, metadata)."""
    p = Path(path)
    if not p.exists():
        raise InputError(str(path), "no such file")
    if p.is_dir():
        raise InputError(str(path), "is a directory, not a file (give the article files inside it)")
    return _read_article_file(p)


def html_to_text(data: bytes | str, source: str) -> tuple[str, list[str], dict[str, str]]:
    """The main text of an HTML page (trafilatura), with its title, date and
    url when the page declares them."""
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise InputError(source, f"reading HTML needs trafilatura and lxml_html_clean "
                                 f"(pip install trafilatura lxml_html_clean): {exc}") from None
    if isinstance(data, bytes):
        html, warnings = decode_bytes(data, source)
    else:
        html, warnings = data, []
    try:
        doc = trafilatura.bare_extraction(html, include_comments=False, include_tables=False,
                                          favor_precision=True, with_metadata=True)
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise InputError(source, f"the HTML could not be parsed ({type(exc).__name__}: {exc})") from None
    if doc is None:
        raise InputError(source, "no article text found in the HTML")
    get = (lambda k: doc.get(k)) if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
    text = (get("text") or "").strip()
    if not text:
        raise InputError(source, "no article text found in the HTML")
    found = {k: str(get(k)) for k in ("title", "date", "url") if get(k)}
    if found.get("title"):
        text = f"{found['title']}\n\n{text}"
    return text + "\n", warnings, found


# -- JSON Lines and CSV ------------------------------------------------------------
def _open_binary(path: Path):
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")


def _open_text(path: Path):
    raw = _open_binary(path)
    return io.TextIOWrapper(raw, encoding="utf-8-sig", errors="strict", newline="")


def _jsonl_rows(path: Path, start: int = 0, end: int | None = None,
                first_line: int = 1) -> Iterator[tuple[int, Any]]:
    """(line number, parsed object or RecordError) for each non-blank line;
    of the lines that begin in bytes ``[start, end)`` only when given
    (``start`` a line start numbered ``first_line``; uncompressed files)."""
    try:
        fh = _open_binary(path)
        if start:
            fh.seek(start)
    except OSError as exc:
        yield 0, RecordError(str(path), f"cannot be read ({exc.strerror or exc})")
        return
    pos = start
    with fh:
        for n, raw in enumerate(fh, first_line):
            if end is not None:
                if pos >= end:
                    break
                pos += len(raw)
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield n, RecordError(str(path), f"not valid UTF-8 (byte {exc.start} of the line)", n)
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield n, RecordError(str(path), f"not valid JSON ({exc.msg} at column {exc.colno})", n)
                continue
            if not isinstance(obj, dict):
                yield n, RecordError(str(path), f"expected a JSON object, got {type(obj).__name__}", n)
                continue
            yield n, obj


def _read_jsonl(path: Path, fields: dict[str, str] | None = None) -> Iterator[Item]:
    for n, obj in _jsonl_rows(path):
        yield obj if isinstance(obj, RecordError) else _to_record(obj, path, n, fields)


def _dialect(path: Path) -> str:
    return "excel-tab" if ".tsv" in path.name.lower() else "excel"


_FIELD_LIMIT_SET = False


def _raise_field_limit() -> None:
    """Lift the csv module's 131,072-character field limit to the article
    limit, once, before the first CSV read (header, count or rows)."""
    global _FIELD_LIMIT_SET
    if not _FIELD_LIMIT_SET:
        csv.field_size_limit(max(MAX_BYTES, 2**24) if sys.maxsize > 2**31 else 2**31 - 1)
        _FIELD_LIMIT_SET = True


def _csv_header(path: Path, required: tuple[str, ...] = ("outlet", "text"),
                fields: dict[str, str] | None = None) -> list[str]:
    _raise_field_limit()
    try:
        with _open_text(path) as fh:
            header = next(csv.reader(fh, dialect=_dialect(path)), None)
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not valid UTF-8 (byte {exc.start})", 1) from None
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror or exc})") from None
    if not header:
        raise InputError(str(path), "the file is empty (a header row naming the columns is needed)")
    names = [h.strip().lower() for h in header]
    fields = {k: v.lower() for k, v in (fields or {}).items()}
    missing = [fields.get(r, r) for r in required if (fields[r] not in names if r in fields else
               r not in names and not set(ALIASES.get(r, ())) & set(names))]
    if missing:
        raise InputError(str(path), f"the header has no {' or '.join(repr(m) for m in missing)} "
                                    f"column (found: {', '.join(names) or 'nothing'})", 1)
    return names


def _csv_rows(path: Path, header: list[str]) -> Iterator[tuple[int, Any]]:
    _raise_field_limit()
    with _open_text(path) as fh:
        reader = csv.reader(fh, dialect=_dialect(path))
        start = 1
        try:
            next(reader)
            start = reader.line_num + 1
            for row in reader:
                line, start = start, reader.line_num + 1
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) != len(header):
                    yield line, RecordError(str(path), f"expected {len(header)} fields, found "
                                                       f"{len(row)} (an unquoted comma or quote?)", line)
                    continue
                yield line, dict(zip(header, row))
        except csv.Error as exc:
            yield start, RecordError(str(path), f"malformed CSV ({exc}); the rest of the file "
                                                f"was skipped", start)
        except UnicodeDecodeError as exc:
            yield start, RecordError(str(path), f"not valid UTF-8 (byte {exc.start}); the rest of "
                                                f"the file was skipped", start)


def _read_csv(path: Path, fields: dict[str, str] | None = None) -> Iterator[Item]:
    try:
        header = _csv_header(path, fields=fields)
    except InputError as exc:
        yield RecordError(exc.source, exc.reason, exc.line)
        return
    for n, row in _csv_rows(path, header):
        yield row if isinstance(row, RecordError) else _to_record(row, path, n, fields)


def _to_record(obj: dict[str, Any], path: Path, line: int,
               fields: dict[str, str] | None = None) -> Item:
    """A record from one JSON object or CSV row, or the reason it is not one."""
    src = str(path)
    obj, repaired = repair_tree(obj)  # lone surrogates ("\ud83d") → U+FFFD
    meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
    report = obj.get("report")
    if report is not None and not isinstance(report, dict):
        return RecordError(src, "'report' must be an object", line)
    outlet = _field(obj, meta, "outlet", fields)
    if outlet is None or (isinstance(outlet, str) and not outlet.strip()):
        name = (fields or {}).get("outlet", "outlet")
        return RecordError(src, f"no '{name}' field (each record needs '{name}' and 'text')", line)
    if not isinstance(outlet, (str, int)):
        return RecordError(src, f"'outlet' must be a string, got {type(outlet).__name__}", line)
    text = obj.get("text")
    if report is None:
        if text is None:
            return RecordError(src, "no 'text' field (each record needs 'outlet' and 'text')", line)
        if not isinstance(text, str):
            return RecordError(src, f"'text' must be a string, got {type(text).__name__}", line)
        if not text.strip():
            return RecordError(src, "'text' is empty", line)
        if len(text) > MAX_BYTES:
            return RecordError(src, f"'text' is over the {MAX_BYTES // 2**20} MiB limit for one "
                                    f"article", line)
    elif not isinstance(text, str):
        text = ""
    rec_id = obj.get("id", meta.get("id"))
    rec = Record(outlet=str(outlet).strip(), text=text,
                 id=str(rec_id).strip() if rec_id not in (None, "") else f"{path.name}:{line}",
                 source=src, line=line, report=report)
    if report is not None and isinstance(obj.get("source"), str):
        # a results line: keep where the article itself came from
        rec.source = obj["source"]
        rec.line = obj.get("line") if isinstance(obj.get("line"), int) else None
    for k in META_FIELDS:
        v = _field(obj, meta, k, fields)
        if v is not None and not isinstance(v, (str, int, float)):
            return RecordError(src, f"'{k}' must be a string, got {type(v).__name__}", line)
        setattr(rec, k, str(v).strip() or None if v is not None else None)
    terms = obj.get("terms")
    if isinstance(terms, dict):
        rec.terms = terms
    if repaired:
        rec.warnings.append(f"{src}:{line}: {repaired} lone surrogate code point(s) (a broken "
                            f"emoji or other character) replaced by U+FFFD")
    return rec
