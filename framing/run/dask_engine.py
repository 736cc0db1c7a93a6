"""Analysing a corpus on a Dask cluster (``framing analyze CORPUS --engine dask``).

The corpus is cut into *partitions* that workers read and analyse on their
own: runs of article files of a folder, byte ranges of an uncompressed JSON
Lines file (cut at line starts, each knowing its first line number). CSV and
compressed JSON Lines cannot be cut without reading them, so the client reads
those and sends the records, a partition at a time. Each partition becomes
one file in ``OUT/articles/`` — JSON Lines, or Parquet when pyarrow is
installed — holding exactly the lines :func:`framing.run.local.analyze_corpus`
writes for the same records (same keys, metadata and report), so reading the
partitions in name order gives that file line for line. Records that cannot
be read or analysed go to ``OUT/errors.jsonl`` in input order, and a text
met again (same key) is dropped as a duplicate wherever it appears, as in
the single-process batch.

Every partition file is written to a temporary name and moved into place,
then a small ``.meta.json`` beside it; its name carries a fingerprint of the
inputs it was made from (paths, sizes, modification times, byte range), the
analysis options, the output format and the tool version. Running the same
command again reuses every finished partition (``resume=True``) and analyses
only the rest, so an interrupted run loses at most the partitions in flight.
``OUT/_manifest.json``, written last, lists the partitions in order;
:func:`iter_results` reads them back.

A real cluster: start a scheduler and workers where ``framing`` (the same
version: the client checks) is installed, with the corpus and ``OUT`` on
storage every worker and the client see at the same path (NFS, a shared
volume)::

    dask scheduler                                   # on one machine
    dask worker tcp://SCHEDULER:8786 --nthreads 1    # on each machine, one per core
    framing analyze /shared/corpus.jsonl --engine dask \\
        --scheduler tcp://SCHEDULER:8786 --out /shared/results

``--nthreads 1`` (or ``--nworkers N --nthreads 1``): the analysis is pure
Python, so threads in one worker process share one core. Without
``--scheduler`` a local cluster of ``--jobs`` worker processes is started and
stopped.

dask[distributed] is an optional dependency (``pip install 'framing[dask]'``)
imported only here.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from .. import __version__
from .local import BatchSummary, options_key
from ..errors import FramingError
from ..text.safe import json_line

#: records per partition (about 1.5 s of work on one core)
PARTITION_SIZE = 500
FORMATS = ("jsonl", "parquet")
PART_DIR = "articles"
MANIFEST = "_manifest.json"
ERRORS = "errors.jsonl"
MAX_ERRORS_KEPT = 50
#: how long to try reaching a scheduler given by address
CONNECT_TIMEOUT = "20s"
#: the Parquet columns; ``report`` (and ``terms``) hold JSON text
COLUMNS = ("key", "sha256", "version", "outlet", "id", "title", "date", "url", "story",
           "source", "line", "terms", "report")


class DaskError(FramingError):
    """Dask is missing, the scheduler cannot be reached, or the workers
    cannot run this version of framing."""


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


@dataclass
class DaskSummary(BatchSummary):
    """A :class:`~framing.run.local.BatchSummary` with the Dask run's partitions
    (also handed to the ``progress`` callback). ``jobs`` is the worker count."""

    format: str = "jsonl"
    partitions: int = 0
    partitions_reused: int = 0

    @property
    def workers(self) -> int:
        return self.jobs

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "format": self.format, "workers": self.workers,
                "partitions": self.partitions, "partitions_reused": self.partitions_reused}


def default_format() -> str:
    """``parquet`` when pyarrow is installed, else ``jsonl``."""
    try:
        import pyarrow  # noqa: F401
        import pyarrow.parquet  # noqa: F401  (the writer, imported to check it loads)
    except ImportError:
        return "jsonl"
    return "parquet"


# -- the client ----------------------------------------------------------------------
def analyze_corpus_dask(
    sources: Iterable[str | os.PathLike],
    out_dir: str | os.PathLike,
    *,
    scheduler: Any = None,
    jobs: int | None = None,
    partition_size: int = PARTITION_SIZE,
    fmt: str = "auto",
    resume: bool = True,
    actors: Mapping[str, Sequence[str]] | None = None,
    terms: bool = False,
    progress: Callable[[DaskSummary], None] | None = None,
    fast: bool = False,
) -> DaskSummary:
    """Analyse every record of ``sources`` on a Dask cluster into ``out_dir``.

    ``scheduler`` is a scheduler address (``tcp://host:8786``), a
    ``distributed.Client``, or ``None`` for a local cluster of ``jobs``
    worker processes (default: all cores) started for this call.
    ``fmt`` is ``jsonl``, ``parquet`` or ``auto`` (:func:`default_format`).
    ``resume`` reuses finished partitions of an earlier run. ``actors`` and
    ``terms`` are as for :func:`framing.run.local.analyze_corpus`. Raises
    :class:`DaskError` when Dask is missing or the cluster unusable and
    :class:`~framing.errors.InputError` for a bad source (checked first).
    """
    from ..io.corpus import check_sources

    sources = [str(s) for s in sources]
    check_sources(sources)
    fmt = default_format() if fmt == "auto" else fmt
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose from auto, {', '.join(FORMATS)}")
    if partition_size < 1:
        raise ValueError("partition_size must be at least 1")
    out = Path(out_dir)
    parts_dir = out / PART_DIR
    parts_dir.mkdir(parents=True, exist_ok=True)
    options = options_key(actors, terms, fast)
    client, cluster = _connect(scheduler, jobs)
    try:
        workers = _check_workers(client)
        summary = DaskSummary(out=str(out), errors_path=str(out / ERRORS), jobs=workers, format=fmt)
        t0 = time.perf_counter()
        _run(client, _plan(sources, partition_size, options, fmt), summary, out, fmt, options,
             dict(actors) if actors else None, terms, resume, max(2, 2 * workers), progress, t0)
        summary.seconds = time.perf_counter() - t0
        return summary
    finally:
        if cluster is not None:
            client.close()
            cluster.close()


def _connect(scheduler: Any, jobs: int | None):
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskError("the dask engine needs dask[distributed]: pip install 'framing[dask]' "
                        "(or pip install 'dask[distributed]')") from None
    if scheduler is not None and not isinstance(scheduler, str):
        return scheduler, None  # a Client the caller manages
    if scheduler:
        try:
            return Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False), None
        except (OSError, TimeoutError, ValueError) as exc:
            raise DaskError(f"cannot connect to the Dask scheduler at {scheduler} ({exc})") from None
    from .local import default_jobs

    n = default_jobs() if jobs is None or jobs < 1 else int(jobs)
    cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR)
    return Client(cluster, set_as_default=False), cluster


def _check_workers(client) -> int:
    try:
        client.wait_for_workers(1, timeout=60)
    except TimeoutError:
        raise DaskError("the Dask cluster has no workers (none joined within 60 s)") from None
    try:
        versions = client.run(_worker_version)
    except Exception as exc:  # unpickling fails where framing is not installed
        raise DaskError(f"the Dask workers cannot run framing ({type(exc).__name__}: {exc}); "
                        f"install framing {__version__} on every worker") from None
    wrong = {addr: v for addr, v in versions.items() if v != __version__}
    if wrong:
        addr, v = next(iter(wrong.items()))
        raise DaskError(f"worker {addr} runs framing {v}, this client {__version__}: install "
                        f"the same version everywhere ({len(wrong)} of {len(versions)} workers differ)")
    return len(versions)


def _worker_version() -> str:
    return __version__


def _run(client, parts: Iterator[Partition], summary: DaskSummary, out: Path, fmt: str,
         options: str, actors, terms: bool, resume: bool, window: int, progress, t0: float) -> None:
    from distributed import as_completed

    from ..io.corpus import SIDECARS

    parts_dir = out / PART_DIR
    names: list[str] = []
    info: dict[Any, Partition] = {}
    finished: dict[int, dict[str, Any]] = {}
    drops: list = []
    seen: set[bytes] = set()
    sidecar_errors: set[tuple] = set()
    next_index = 0
    err_tmp = tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="\n", dir=out,
                                          prefix=f".{ERRORS}.", suffix=".tmp", delete=False)
    pending = as_completed(loop=client.loop)

    def finish(fut) -> None:
        part = info.pop(fut)
        try:
            meta = fut.result()
        except Exception as exc:  # the whole partition failed (a worker died twice, …)
            meta = {"index": part.index, "name": part.name, "reused": False, "analysed": 0,
                    "duplicates": 0, "records": [], "errors": [[None, {
                        "source": part.source, "line": part.first_line if part.kind == "jsonl" else None,
                        "id": None, "outlet": None, "stage": "partition",
                        "error": f"partition {part.name} failed ({type(exc).__name__}: {exc})"}]]}
        finished[meta["index"]] = meta

    def flush() -> None:
        # partitions in input order: global duplicates, errors file, counts
        nonlocal next_index
        while next_index in finished:
            meta = finished.pop(next_index)
            next_index += 1
            drop, dropped_errors = [], set()
            for key, status in meta["records"]:
                digest = bytes.fromhex(key)  # 32 bytes a record, as in framing.run.local
                if digest in seen:
                    summary.duplicates += 1
                    if status == "line":
                        drop.append(key)
                    else:
                        dropped_errors.add(key)
                else:
                    seen.add(digest)
            lines = meta["analysed"] - len(drop)
            if meta["reused"]:
                summary.partitions_reused += 1
                summary.reused += lines
            else:
                summary.analysed += lines
            summary.duplicates += meta["duplicates"]
            summary.partitions += 1
            for key, err in meta["errors"]:
                if key is not None and key in dropped_errors:
                    continue
                if os.path.basename(str(err.get("source"))) in SIDECARS:
                    # every partition of a folder reads its sidecars: report each problem once
                    where = (err["source"], err.get("line"), err.get("error"))
                    if where in sidecar_errors:
                        continue
                    sidecar_errors.add(where)
                summary.failed += 1
                if len(summary.errors) < MAX_ERRORS_KEPT:
                    summary.errors.append(err)
                err_tmp.write(json_line(err))
            if drop:
                drops.append(client.submit(_drop_keys, str(parts_dir / meta["file"]), fmt, drop,
                                           pure=False))
            summary.seconds = time.perf_counter() - t0
            if progress is not None:
                progress(summary)

    try:
        with err_tmp:
            for part in parts:
                names.append(part.name)
                fut = client.submit(_run_partition, part, str(parts_dir), fmt, options, actors, terms,
                                    resume, key=f"framing-{part.name}-{os.urandom(4).hex()}",
                                    pure=False, retries=1)
                info[fut] = part
                pending.add(fut)
                while pending.count() >= window:
                    finish(next(pending))
                    flush()
            for fut in pending:
                finish(fut)
                flush()
        for fut in drops:
            fut.result()
        os.replace(err_tmp.name, out / ERRORS)
    except BaseException:
        for fut in list(info):
            fut.cancel()
        try:
            os.unlink(err_tmp.name)
        except OSError:
            pass
        raise
    ext = "parquet" if fmt == "parquet" else "jsonl"
    files = [f"{n}.{ext}" for n in names]
    client.submit(_remove_stale, str(parts_dir), files, pure=False).result()
    _atomic_text(out / MANIFEST, json.dumps({
        "schema": "framing.dask/1", "version": __version__, "format": fmt, "partitions": files,
        "articles": summary.written, "errors": ERRORS}, indent=2) + "\n")


# -- planning (on the client) -----------------------------------------------------------
def _plan(sources: list[str], size: int, options: str, fmt: str) -> Iterator[Partition]:
    from ..io.corpus import article_files, iter_corpus, source_kind

    index = 0
    base = (__version__, options, fmt)
    for src in sources:
        kind = source_kind(src)
        if kind == "folder":
            files = [str(p) for p in article_files(src)]
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


# -- on the workers ----------------------------------------------------------------
def _run_partition(part: Partition, parts_dir: str, fmt: str, options: str, actors, terms: bool,
                   resume: bool) -> dict[str, Any]:
    """Analyse one partition into ``parts_dir``; returns its meta: records
    ``[key, "line"|"error"]`` in order, errors ``[key, error]``, counts."""
    from .local import _passthrough_line, _work, record_key
    from ..io.corpus import RecordError, iter_folder_files, iter_jsonl_range

    ext = "parquet" if fmt == "parquet" else "jsonl"
    data = Path(parts_dir) / f"{part.name}.{ext}"
    meta_path = Path(parts_dir) / f"{part.name}.meta.json"
    if resume and data.is_file() and meta_path.is_file():
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            meta["reused"] = True
            return meta
        except (OSError, ValueError):
            pass  # unreadable: do it again
    if part.kind == "folder":
        items: Iterable = iter_folder_files(part.source, part.files)
    elif part.kind == "jsonl":
        items = iter_jsonl_range(part.source, part.start, part.end, part.first_line)
    else:
        items = part.records

    slots: list = []  # ("line", str) | ("todo", i, key) | ("error", key, dict) | ("duplicate",)
    todo: list = []
    seen: set[str] = set()
    for item in items:
        if isinstance(item, RecordError):
            slots.append(("error", None, {"source": item.source, "line": item.line, "id": None,
                                          "outlet": None, "stage": "read", "error": item.reason}))
        elif item.report is not None:
            slots.append(("line", _passthrough_line(item), None))
        else:
            key, text_hash = record_key(item, options)
            if key in seen:
                slots.append(("duplicate",))
                continue
            seen.add(key)
            meta = {"key": key, "sha256": text_hash, "version": __version__, **item.meta()}
            slots.append(("todo", len(todo), key))
            todo.append((meta, item.text, item.warnings))
    results = _work(todo, actors, terms, bool(json.loads(options).get("fast"))) if todo else []

    lines: list[str] = []
    records: list[list] = []
    errors: list[list] = []
    duplicates = 0
    for slot in slots:
        kind = slot[0]
        if kind == "todo":
            key = slot[2]
            rkind, value = results[slot[1]]
            if rkind == "line":
                lines.append(value)
                records.append([key, "line"])
            else:
                errors.append([key, value])
                records.append([key, "error"])
        elif kind == "line":
            lines.append(slot[1])
        elif kind == "error":
            errors.append([None, slot[2]])
        else:
            duplicates += 1
    if fmt == "parquet":
        _write_parquet(data, lines)
    else:
        _atomic_text(data, "".join(lines))
    meta = {"index": part.index, "name": part.name, "file": data.name, "reused": False,
            "analysed": len(lines), "duplicates": duplicates, "records": records, "errors": errors}
    _atomic_text(meta_path, json_line(meta))
    return meta


def _drop_keys(path: str, fmt: str, keys: list[str]) -> int:
    """Rewrite a partition without the lines whose key is in ``keys``
    (texts an earlier partition holds: duplicates)."""
    drop = set(keys)
    p = Path(path)
    lines = [line for line in _read_lines(p, fmt) if json.loads(line)["key"] not in drop]
    if fmt == "parquet":
        _write_parquet(p, lines)
    else:
        _atomic_text(p, "".join(lines))
    return len(lines)


def _remove_stale(parts_dir: str, keep: list[str]) -> int:
    """Delete partition files (and temporary files) of earlier runs that this
    run did not produce."""
    wanted = set(keep) | {Path(k).with_suffix("").name + ".meta.json" for k in keep}
    removed = 0
    for p in Path(parts_dir).iterdir():
        stale = p.name.startswith("part-") and p.name not in wanted
        if stale or (p.name.startswith(".part-") and p.name.endswith(".tmp")):
            p.unlink(missing_ok=True)
            removed += 1
    return removed


# -- files -------------------------------------------------------------------------
def _atomic_text(path: Path, text: str) -> None:
    from ..render.outdir import atomic_write

    atomic_write(path, text)


def _write_parquet(path: Path, lines: list[str]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols: dict[str, list] = {c: [] for c in COLUMNS}
    for line in lines:
        obj = json.loads(line)
        for c in COLUMNS:
            v = obj.get(c)
            if c in ("report", "terms") and v is not None:
                v = json.dumps(v, ensure_ascii=False)
            cols[c].append(v)
    schema = pa.schema([(c, pa.int64() if c == "line" else pa.string()) for c in COLUMNS])
    table = pa.table(cols, schema=schema)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        pq.write_table(table, tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _read_lines(path: Path, fmt: str) -> list[str]:
    """A partition's lines as JSON text (``key`` first), whatever its format."""
    if fmt != "parquet":
        with open(path, encoding="utf-8") as fh:
            return [line for line in fh if line.strip()]
    import pyarrow.parquet as pq

    out = []
    for row in pq.read_table(path).to_pylist():
        obj = {c: row[c] for c in COLUMNS[:-2]}
        if row["terms"] is not None:
            obj["terms"] = json.loads(row["terms"])
        obj["report"] = json.loads(row["report"])
        out.append(json.dumps(obj, ensure_ascii=False) + "\n")
    return out


def iter_results(out_dir: str | os.PathLike) -> Iterator[dict[str, Any]]:
    """The analysed articles of a finished run, in input order: the dicts
    :func:`framing.run.local.iter_results` gives for the single-process file."""
    out = Path(out_dir)
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise FramingError(f"{out}: not a finished dask run ({MANIFEST}: {exc})") from None
    for name in manifest["partitions"]:
        for line in _read_lines(out / PART_DIR / name, manifest["format"]):
            yield json.loads(line)
