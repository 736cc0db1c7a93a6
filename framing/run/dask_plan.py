"""Planning a Dask run (on the client): the corpus cut into :class:`Partition`
objects, each with a fingerprint of the inputs it is made from (paths, sizes,
modification times, byte range), the analysis options, the output format and
the tool version; see :mod:`framing.run.dask_engine`."""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from .. import __version__


@dataclass(frozen=True)
class Partition:
    """One unit of work: ``kind`` is ``folder`` (article ``files`` of the
    folder ``source``), ``jsonl`` (lines of ``source`` beginning in bytes
    ``[start, end)``, the first numbered ``first_line``) or ``records``
    (records read by the client)."""

    index: int
    kind: str
    source: str
    fingerprint: str
    files: tuple[str, ...] = ()
    start: int = 0
    end: int | None = None
    first_line: int = 1
    records: tuple = ()

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}-{self.fingerprint[:12]}"


def _plan(sources: list[str], size: int, options: str, fmt: str) -> Iterator[Partition]:
    from ..io.corpus import _article_files, iter_corpus, source_kind

    index = 0
    base = (__version__, options, fmt)
    for src in sources:
        kind = source_kind(src)
        if kind == "folder":
            unreadable: list = []  # sub-folders that cannot be listed: RecordErrors
            files = [str(p) for p in _article_files(Path(src), unreadable)]
            if unreadable:  # reported as the local batch reports them, before the folder's files
                yield _records_partition(index, src, unreadable, base)
                index += 1
            sidecars = _sidecar_stats(src)
            for i in range(0, len(files), size):
                chunk = tuple(files[i:i + size])
                fp = _fingerprint(*base, "folder", src, sidecars, *(_stat(f) for f in chunk))
                yield Partition(index, "folder", src, fp, files=chunk)
                index += 1
        elif kind == "jsonl" and not src.lower().endswith(".gz"):
            st = _stat(src)
            for start, end, first in _jsonl_ranges(src, size):
                fp = _fingerprint(*base, "jsonl", src, st, start, end, first)
                yield Partition(index, "jsonl", src, fp, start=start, end=end, first_line=first)
                index += 1
        else:  # CSV, compressed JSON Lines: read here, sent as records
            chunk: list = []
            for item in iter_corpus([src]):
                chunk.append(item)
                if len(chunk) >= size:
                    yield _records_partition(index, src, chunk, base)
                    index, chunk = index + 1, []
            if chunk:
                yield _records_partition(index, src, chunk, base)
                index += 1


def _records_partition(index: int, src: str, chunk: list, base: tuple) -> Partition:
    from ..io.corpus import RecordError

    h = []
    for item in chunk:
        if isinstance(item, RecordError):
            h.append(json.dumps(item.to_dict(), sort_keys=True))
        else:
            h.append(json.dumps(item.meta(), sort_keys=True, default=str))
            h.append(hashlib.sha256(item.text.encode("utf-8", "surrogatepass")).hexdigest())
            if item.report is not None:
                h.append(json.dumps(item.report, sort_keys=True))
    return Partition(index, "records", src, _fingerprint(*base, "records", src, *h),
                     records=tuple(chunk))


def _jsonl_ranges(path: str, size: int) -> Iterator[tuple[int, int, int]]:
    """(start, end, first line) of runs of ``size`` non-blank lines."""
    start, first, count, pos, n = 0, 1, 0, 0, 0
    with open(path, "rb") as fh:
        for raw in fh:
            pos += len(raw)
            n += 1
            if raw.strip():
                count += 1
            if count >= size:
                yield start, pos, first
                start, first, count = pos, n + 1, 0
    if pos > start:
        yield start, pos, first


def _stat(path: str) -> str:
    try:
        st = os.stat(path)
        return f"{path}:{st.st_size}:{st.st_mtime_ns}"
    except OSError:
        return f"{path}:missing"


def _sidecar_stats(root: str) -> str:
    from ..io.corpus import SIDECARS

    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        found += [_stat(os.path.join(dirpath, n)) for n in sorted(filenames) if n in SIDECARS]
    return "|".join(found)


def _fingerprint(*parts: Any) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(str(p).encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def lost_records(part: Partition) -> Iterator[tuple[str, int | None, str | None, str | None]]:
    """(source, line, id, outlet) of every record a partition holds, for the
    error list when its task failed: each article file of a folder partition,
    each non-blank line of a JSON Lines range (the file is read again, cheaply:
    no JSON parsing), each record sent by the client."""
    if part.kind == "folder":
        for f in part.files:
            yield f, None, None, None
    elif part.kind == "jsonl":
        try:
            with open(part.source, "rb") as fh:
                fh.seek(part.start)
                n, pos = part.first_line, part.start
                for raw in fh:
                    if part.end is not None and pos >= part.end:
                        break
                    pos += len(raw)
                    if raw.strip():
                        yield part.source, n, None, None
                    n += 1
        except OSError:
            yield part.source, part.first_line, None, None
    else:
        for item in part.records:
            rid = getattr(item, "id", None)
            yield (getattr(item, "source", part.source) or part.source, getattr(item, "line", None),
                   rid, getattr(item, "outlet", None))
