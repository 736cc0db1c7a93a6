"""``framing compare --story-field/--outlet-field/--date-field``: which
field of a corpus holds each piece of metadata, and an error up front when a
named field is in none of the records.

The mapping is handed to :func:`framing.io.corpus.iter_corpus` as
``fields={"story": "event_id", ...}``; with it, that field only is read (not
the built-in name and its aliases). Checked here, before any analysis: the
header of a CSV, the first :data:`SCAN` records of a JSON Lines file, the
sidecar ``metadata.csv``/``metadata.jsonl`` files of a folder.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import os
from pathlib import Path
from typing import Iterable, Mapping

from ..errors import InputError

#: records of a JSON Lines file looked at for a mapped field
SCAN = 1000
SIDECARS = ("metadata.csv", "metadata.jsonl")


def field_map(**options: str | None) -> dict[str, str]:
    """``{"story": "event_id"}`` from the CLI options given (None: not mapped);
    a blank name is a usage error."""
    out = {}
    for name, value in options.items():
        if value is None:
            continue
        if not value.strip():
            raise InputError(f"--{name}-field", "needs a field name")
        out[name] = value.strip()
    return out


def _jsonl_keys(path: Path, limit: int = SCAN) -> set[str]:
    keys: set[str] = set()
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    seen = 0
    with opener(path, "rb") as fh:
        for raw in fh:
            if not raw.strip():
                continue
            seen += 1
            try:
                obj = json.loads(raw)
            except (ValueError, UnicodeDecodeError):
                continue  # the reader reports it, with its line
            if isinstance(obj, dict):
                keys.update(obj)
                if isinstance(obj.get("meta"), dict):
                    keys.update(obj["meta"])
            if seen >= limit:
                break
    return keys


def _csv_keys(path: Path) -> set[str]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    dialect = "excel-tab" if ".tsv" in path.name.lower() else "excel"
    with opener(path, "rb") as raw:
        fh = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace", newline="")
        header = next(csv.reader(fh, dialect=dialect), None) or []
    return {h.strip().lower() for h in header}


def _folder_keys(root: Path) -> tuple[set[str], int]:
    """Columns of every sidecar under ``root`` and how many sidecars there are."""
    keys: set[str] = set()
    found = 0
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "_")))
        for name in SIDECARS:
            if name in filenames:
                found += 1
                path = Path(dirpath) / name
                keys |= _csv_keys(path) if name.endswith(".csv") else _jsonl_keys(path)
    return keys, found


def check_fields(sources: Iterable[str], fields: Mapping[str, str]) -> None:
    """Raise :class:`InputError` when a mapped field is in no record of a
    source (naming the source, the option and the fields that are there)."""
    if not fields:
        return
    from ..io.corpus import source_kind

    for src in sources:
        kind = source_kind(src)
        p = Path(src)
        try:
            if kind == "folder":
                keys, sidecars = _folder_keys(p)
                if not sidecars:
                    option = next(iter(fields))
                    raise InputError(str(src), f"--{option}-field {fields[option]!r}: a folder "
                                               f"takes metadata from a metadata.csv or "
                                               f"metadata.jsonl beside its articles, and it has "
                                               f"none")
                where = "in its metadata files"
            elif kind == "jsonl":
                keys, where = _jsonl_keys(p), f"in its first {SCAN:,} records"
            elif kind == "csv":
                keys, where = _csv_keys(p), "in its header"
            else:
                continue
        except OSError as exc:
            raise InputError(str(src), f"cannot be read ({exc.strerror or exc})") from None
        for option, name in fields.items():
            if name not in keys and name.lower() not in keys:
                shown = ", ".join(sorted(k for k in keys if k != "text")[:20]) or "none"
                raise InputError(str(src), f"--{option}-field {name!r}: no such field {where} "
                                           f"(fields found: {shown})")
