"""JSON Lines and CSV corpus files, row by row: each row becomes a
:class:`~framing.io.records.Record` or the :class:`~framing.io.records.RecordError`
saying why it is not one."""
from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from pathlib import Path
from typing import Any, Iterator

from ..errors import InputError
from ..text.decode import MAX_BYTES
from ..text.safe import repair_tree
from .records import ALIASES, META_FIELDS, Item, Record, RecordError, field_value

def open_binary(path: Path):
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")


def open_text(path: Path):
    raw = open_binary(path)
    return io.TextIOWrapper(raw, encoding="utf-8-sig", errors="strict", newline="")


def jsonl_rows(path: Path, start: int = 0, end: int | None = None,
                first_line: int = 1) -> Iterator[tuple[int, Any]]:
    """(line number, parsed object or RecordError) for each non-blank line;
    of the lines that begin in bytes ``[start, end)`` only when given
    (``start`` a line start numbered ``first_line``; uncompressed files)."""
    try:
        fh = open_binary(path)
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


def read_jsonl(path: Path, fields: dict[str, str] | None = None) -> Iterator[Item]:
    for n, obj in jsonl_rows(path):
        yield obj if isinstance(obj, RecordError) else to_record(obj, path, n, fields)


def dialect(path: Path) -> str:
    return "excel-tab" if ".tsv" in path.name.lower() else "excel"


_FIELD_LIMIT_SET = False


def raise_field_limit() -> None:
    """Lift the csv module's 131,072-character field limit to the article
    limit, once, before the first CSV read (header, count or rows)."""
    global _FIELD_LIMIT_SET
    if not _FIELD_LIMIT_SET:
        csv.field_size_limit(max(MAX_BYTES, 2**24) if sys.maxsize > 2**31 else 2**31 - 1)
        _FIELD_LIMIT_SET = True


def csv_header(path: Path, required: tuple[str, ...] = ("outlet", "text"),
               fields: dict[str, str] | None = None) -> list[str]:
    raise_field_limit()
    try:
        with open_text(path) as fh:
            header = next(csv.reader(fh, dialect=dialect(path)), None)
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


def csv_rows(path: Path, header: list[str]) -> Iterator[tuple[int, Any]]:
    raise_field_limit()
    with open_text(path) as fh:
        reader = csv.reader(fh, dialect=dialect(path))
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


def read_csv(path: Path, fields: dict[str, str] | None = None) -> Iterator[Item]:
    try:
        header = csv_header(path, fields=fields)
    except InputError as exc:
        yield RecordError(exc.source, exc.reason, exc.line)
        return
    for n, row in csv_rows(path, header):
        yield row if isinstance(row, RecordError) else to_record(row, path, n, fields)


def to_record(obj: dict[str, Any], path: Path, line: int,
              fields: dict[str, str] | None = None) -> Item:
    """A record from one JSON object or CSV row, or the reason it is not one."""
    src = str(path)
    obj, repaired = repair_tree(obj)  # lone surrogates ("\ud83d") → U+FFFD
    meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
    report = obj.get("report")
    if report is not None and not isinstance(report, dict):
        return RecordError(src, "'report' must be an object", line)
    outlet = field_value(obj, meta, "outlet", fields)
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
        v = field_value(obj, meta, k, fields)
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
