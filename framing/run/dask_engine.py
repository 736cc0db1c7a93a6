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
imported only here. Planning is in :mod:`.dask_plan`, what the workers run
and the partition files in :mod:`.dask_worker`.
"""
from __future__ import annotations

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
from .dask_plan import Partition, _plan, lost_records
from .dask_worker import (COLUMNS, FORMATS, PART_DIR, _atomic_text, _drop_keys, _read_lines,
                          _remove_stale, _run_partition, default_format)

__all__ = ["COLUMNS", "DaskError", "DaskSummary", "FORMATS", "MANIFEST", "PART_DIR",
           "Partition", "analyze_corpus_dask", "default_format", "iter_results", "options_key"]

#: records per partition (about 1.5 s of work on one core)
PARTITION_SIZE = 500
MANIFEST = "_manifest.json"
ERRORS = "errors.jsonl"
MAX_ERRORS_KEPT = 50
#: how long to try reaching a scheduler given by address
CONNECT_TIMEOUT = "20s"


class DaskError(FramingError):
    """Dask is missing, the scheduler cannot be reached, or the workers
    cannot run this version of framing."""


@dataclass
class DaskSummary(BatchSummary):
    """A :class:`~framing.run.local.BatchSummary` with the Dask run's partitions
    (also handed to the ``progress`` callback). ``jobs`` is the worker count."""

    format: str = "jsonl"
    partitions: int = 0
    partitions_reused: int = 0
    #: partitions whose task failed as a whole (each of their records is in ``failed``)
    partitions_failed: int = 0

    @property
    def workers(self) -> int:
        return self.jobs

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "format": self.format, "workers": self.workers,
                "partitions": self.partitions, "partitions_reused": self.partitions_reused,
                "partitions_failed": self.partitions_failed}


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
    files: list[str] = []  # the partition files written or reused, in input order
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
            meta = _lost_meta(part, exc)
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
            if meta.get("file"):
                files.append(meta["file"])
            else:
                summary.partitions_failed += 1
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
    client.submit(_remove_stale, str(parts_dir), files, pure=False).result()
    _atomic_text(out / MANIFEST, json.dumps({
        "schema": "framing.dask/1", "version": __version__, "format": fmt, "partitions": files,
        "articles": summary.written, "errors": ERRORS}, indent=2) + "\n")


def _lost_meta(part: Partition, exc: BaseException) -> dict[str, Any]:
    """The meta of a partition whose task failed (its worker died twice, its
    file could not be written, …): no file, one error per record it held, so
    the failure count is the number of articles lost, not of partitions."""
    reason = f"partition {part.name} failed ({type(exc).__name__}: {exc})"
    errors = [[None, {"source": src, "line": line, "id": rid, "outlet": outlet,
                      "stage": "partition", "error": reason}]
              for src, line, rid, outlet in lost_records(part)]
    return {"index": part.index, "name": part.name, "reused": False, "analysed": 0,
            "duplicates": 0, "records": [], "errors": errors}


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
