"""Analysing a corpus in parallel, streamed to JSON Lines, resumable.

:func:`analyze_corpus` reads records one at a time (see :mod:`framing.io.corpus`),
sends small chunks of them to worker processes and writes one line per
article — its metadata and the report dict — to a JSON Lines file, **in input
order**, so the same corpus gives a byte-identical file whatever ``jobs`` is.
At most a fixed number of chunks are in flight, so memory stays flat in the
size of the corpus: no list of documents or reports is ever held. (Resuming
and duplicate detection keep one short key per article.)

Each line starts with ``key`` — a SHA-256 over the tool version, the analysis
options, the outlet, the id, the text and the metadata (title, date, url,
story) — and ``sha256`` (of the text
alone). With ``resume=True`` an article whose key is already in the output
file (or in a ``.part`` file left by an interrupted run) is copied from there
instead of being analysed again; a new tool version changes every key, so
stale results are never reused. The new file is written next to the old one
and moved into place at the end.

Records that cannot be read or analysed are written to an errors file (JSON
Lines: ``source``, ``line``, ``id``, ``outlet``, ``stage``, ``error``) and
counted in the returned :class:`BatchSummary`; they never stop the batch.

Worker processes are started with the ``spawn`` method (safe on every
platform and inside threads); ``jobs=1`` analyses in the calling process.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from .. import __version__
from ..io.corpus import Record, RecordError
from ..text.safe import json_line
from .signals import RecordTimeout, alarm, die_with_parent, hold_interrupts, term_as_interrupt

#: articles sent to a worker at once, and chunks in flight per worker
CHUNK_SIZE = 8
WINDOW_PER_JOB = 4
#: error details kept in the summary (all of them go to the errors file)
MAX_ERRORS_KEPT = 50
#: seconds one record may take in a batch worker process before it is an error
RECORD_TIME_LIMIT = 600.0
_IN_WORKER = False  # set in worker processes by _warm_up


@dataclass
class BatchSummary:
    """Counts of one run; also handed to the ``progress`` callback as it grows."""

    out: str
    errors_path: str
    jobs: int
    analysed: int = 0
    reused: int = 0
    failed: int = 0
    duplicates: int = 0
    seconds: float = 0.0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def done(self) -> int:
        """Records handled so far, whatever became of them."""
        return self.analysed + self.reused + self.failed + self.duplicates

    @property
    def written(self) -> int:
        """Lines in the output file."""
        return self.analysed + self.reused

    @property
    def articles_per_second(self) -> float | None:
        return round(self.analysed / self.seconds, 2) if self.seconds > 0 and self.analysed else None

    def to_dict(self) -> dict[str, Any]:
        return {"out": self.out, "errors_path": self.errors_path, "jobs": self.jobs,
                "analysed": self.analysed, "reused": self.reused, "failed": self.failed,
                "duplicates": self.duplicates, "written": self.written,
                "seconds": round(self.seconds, 3), "articles_per_second": self.articles_per_second,
                "errors": self.errors}


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def errors_path_for(out_jsonl: str | os.PathLike) -> Path:
    """``articles.jsonl`` → ``articles.errors.jsonl``."""
    p = Path(out_jsonl)
    stem = p.name[:-len(".jsonl")] if p.name.endswith(".jsonl") else p.name
    return p.with_name(stem + ".errors.jsonl")


def options_key(actors: Mapping[str, Any] | None, terms: bool, fast: bool = False) -> str:
    """The analysis options as they enter every record's resume key: the whole
    actors mapping (aliases, types, groups) and the sentiment model, so
    changing any of them re-runs."""
    opts = {"actors": actors or {}, "terms": bool(terms)}
    if fast:
        opts["fast"] = True
    return json.dumps(opts, sort_keys=True, ensure_ascii=False, default=list)


def record_key(record: Record, options: str) -> tuple[str, str]:
    """(key, sha256 of the text) of a record under the given options."""
    text_hash = hashlib.sha256(record.text.encode("utf-8", "surrogatepass")).hexdigest()
    h = hashlib.sha256()
    # the metadata too: a reused line is copied verbatim, so an edited title,
    # date, story or url must not match the old line
    meta = json.dumps([record.title, record.date, record.url, record.story], ensure_ascii=True)
    for part in (__version__, options, record.outlet, record.id, text_hash, meta):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest(), text_hash


def analyze_corpus(
    records: Iterable[Record | RecordError],
    jobs: int | None,
    out_jsonl: str | os.PathLike,
    *,
    resume: bool = True,
    progress: Callable[[BatchSummary], None] | None = None,
    errors_path: str | os.PathLike | None = None,
    actors: Mapping[str, Sequence[str]] | None = None,
    terms: bool = False,
    chunk_size: int = CHUNK_SIZE,
    fast: bool = False,
) -> BatchSummary:
    """Analyse every record and write one JSON line per article to ``out_jsonl``.

    ``records`` is any iterable of :class:`~framing.io.corpus.Record` (and
    :class:`~framing.io.corpus.RecordError`, which go to the errors file), e.g.
    ``framing.io.corpus.iter_corpus(sources)``; it is consumed lazily.
    ``jobs`` is the number of worker processes (``None``: all cores).
    ``resume`` reuses results already in ``out_jsonl`` for the same key.
    ``progress`` is called with the running :class:`BatchSummary` after each
    chunk. ``errors_path`` defaults to ``<out>.errors.jsonl``. ``actors`` is
    passed to :func:`framing.analyze`. ``terms=True`` adds each article's
    word counts (``terms``), which :mod:`framing.compare.comparer` uses for
    distinctive vocabulary. ``fast=True`` scores sentiment with the linear
    model. Returns the :class:`BatchSummary`.
    """
    jobs = default_jobs() if jobs is None or jobs < 1 else int(jobs)
    out = Path(out_jsonl)
    out.parent.mkdir(parents=True, exist_ok=True)
    err_path = Path(errors_path) if errors_path is not None else errors_path_for(out)
    options = options_key(actors, terms, fast)
    summary = BatchSummary(out=str(out), errors_path=str(err_path), jobs=jobs)

    old_files = [p for p in [out, *_leftovers(out)] if p.is_file()] if resume else []
    index = _index(old_files)
    part = _next_part(out)
    t0 = time.perf_counter()
    seen: set[bytes] = set()
    handles = [open(p, "rb") for p in old_files]
    executor = None
    old_term = term_as_interrupt() if jobs > 1 else None
    try:
        with open(part, "w", encoding="utf-8", newline="\n") as fout, \
                open(err_path, "w", encoding="utf-8", newline="\n") as ferr:
            if jobs > 1:
                import multiprocessing
                from concurrent.futures import ProcessPoolExecutor

                executor = ProcessPoolExecutor(max_workers=jobs,
                                               mp_context=multiprocessing.get_context("spawn"),
                                               initializer=_warm_up, initargs=(os.getpid(),))
            pending: deque = deque()
            window = max(2, jobs * WINDOW_PER_JOB)

            def flush(keep: int) -> None:
                # write every finished chunk at the head; wait for the head
                # while more than ``keep`` chunks are in flight
                while pending:
                    slots, fut = pending[0]
                    if fut is not None and not fut.done() and len(pending) <= keep:
                        return
                    results = fut.result() if fut is not None else []
                    pending.popleft()
                    _write(slots, results, fout, ferr, summary)
                    summary.seconds = time.perf_counter() - t0
                    if progress is not None:
                        progress(summary)

            slots: list = []
            todo: list = []

            def submit() -> None:
                nonlocal slots, todo
                if not slots:
                    return
                if not todo:
                    fut = None
                elif executor is None:
                    fut = _Done(_work(todo, actors, terms, fast))
                else:
                    fut = executor.submit(_work, todo, actors, terms, fast)
                pending.append((slots, fut))
                slots, todo = [], []
                flush(keep=window - 1)

            for item in records:
                if isinstance(item, RecordError):
                    slots.append(("error", {"source": item.source, "line": item.line, "id": None,
                                            "outlet": None, "stage": "read", "error": item.reason}))
                elif item.report is not None:
                    slots.append(("line", _passthrough_line(item)))
                else:
                    key, text_hash = record_key(item, options)
                    digest = bytes.fromhex(key)
                    if digest in seen:
                        slots.append(("duplicate", None))
                    else:
                        seen.add(digest)
                        loc = index.get(digest)
                        if loc is not None:
                            slots.append(("line", _read_at(handles, loc)))
                        else:
                            meta = {"key": key, "sha256": text_hash, "version": __version__,
                                    **item.meta()}
                            slots.append(("todo", len(todo)))
                            todo.append((meta, item.text, item.warnings))
                if len(todo) >= chunk_size or len(slots) >= 4 * chunk_size:
                    submit()
            submit()
            flush(keep=0)
    except BaseException:
        if executor is not None:
            # Ctrl-C or SIGTERM: end the workers now, so nothing waits for them at exit
            # (a second Ctrl-C there used to hang) and none is left running
            held = hold_interrupts()  # a second Ctrl-C must not cut this short
            try:
                for proc in list((getattr(executor, "_processes", None) or {}).values()):
                    proc.terminate()
                executor.shutdown(wait=False, cancel_futures=True)
                executor = None
            finally:
                if held is not None:
                    signal.signal(signal.SIGINT, held)
        raise
    finally:
        if executor is not None:
            executor.shutdown(wait=True)
        if old_term is not None:
            signal.signal(signal.SIGTERM, old_term)
        for h in handles:
            h.close()
    os.replace(part, out)
    for p in _leftovers(out):
        p.unlink(missing_ok=True)
    summary.seconds = time.perf_counter() - t0
    return summary


class _Done:
    """A finished in-process result with the bits of the Future API we use."""

    def __init__(self, value: Any):
        self._value = value

    def done(self) -> bool:
        return True

    def result(self) -> Any:
        return self._value


def _warm_up(parent_pid: int | None = None) -> None:
    global _IN_WORKER
    _IN_WORKER = True
    # a parent killed outright (SIGKILL, the OOM killer) must not leave this worker waiting
    die_with_parent(parent_pid)
    # Ctrl-C reaches the whole process group: the main process ends the
    # workers, which must not die half-way through a result on their own
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from ..pipeline import analyze

    os.environ.setdefault("FRAMING_THREADS", "1")  # one model thread per worker process
    analyze("Warm up. Is it ready? It may be.", fast=True)


def _work(todo: list, actors: Mapping[str, Sequence[str]] | None, terms: bool,
          fast: bool = False, time_limit: float | None = None) -> list:
    """In a worker: analyse each (meta, text, warnings); returns, per item,
    ("line", json) or ("error", error dict). Each record gets ``time_limit``
    seconds (default: :data:`RECORD_TIME_LIMIT` in a batch worker process,
    none in the calling process); a record over it is an error, so one
    pathological record cannot stall a worker for hours."""
    from ..document import Document
    from ..pipeline import analyze

    if time_limit is None and _IN_WORKER:
        time_limit = RECORD_TIME_LIMIT
    out = []
    for meta, text, warnings in todo:
        stage = "analyze"
        disarm = alarm(time_limit)
        try:
            doc = Document(text)
            report = analyze(doc, actors=actors, source=meta.get("source"), fast=fast)
            report.warnings[:0] = warnings
            obj = dict(meta)
            if terms:
                obj["terms"] = term_counts(doc)
            stage = "serialise"
            obj["report"] = report.to_dict()
            line = json.dumps(obj, ensure_ascii=False) + "\n"
            line.encode("utf-8")  # a lone surrogate fails here, as this record's error
            out.append(("line", line))
        except Exception as exc:  # one bad article never stops the batch
            out.append(("error", {"source": meta.get("source"), "line": meta.get("line"),
                                  "id": meta.get("id"), "outlet": meta.get("outlet"),
                                  "stage": stage, "error": f"{type(exc).__name__}: {exc}"}))
        finally:
            try:
                disarm()
            except RecordTimeout:  # fired just as the record finished: the timer is spent
                disarm()
    return out


def term_counts(doc) -> dict[str, int]:
    """Lower-cased word counts of a :class:`~framing.document.Document`
    (tokens with a letter; numbers and punctuation left out), sorted."""
    counts: dict[str, int] = {}
    for t in doc.tokens:
        if t.is_word and any(c.isalpha() for c in t.text):
            w = t.text.lower().replace("’", "'")
            counts[w] = counts.get(w, 0) + 1
    return dict(sorted(counts.items()))


def _write(slots: list, results: list, fout, ferr, summary: BatchSummary) -> None:
    for kind, value in slots:
        counter = None
        if kind == "todo":
            kind, value = results[value]
            counter = "analysed"
        elif kind == "line":
            counter = "reused"
        if kind == "line":
            try:
                fout.write(value)  # encoded whole before any byte is written
            except UnicodeEncodeError as exc:  # one bad line never stops the batch
                kind, value = "error", _line_error(value, exc)
            else:
                setattr(summary, counter, getattr(summary, counter) + 1)
        if kind == "error":
            summary.failed += 1
            if len(summary.errors) < MAX_ERRORS_KEPT:
                summary.errors.append(value)
            ferr.write(json_line(value))
        elif kind == "duplicate":
            summary.duplicates += 1


def _line_error(line: str, exc: Exception) -> dict[str, Any]:
    """The error entry of a results line that could not be written."""
    try:
        obj = json.loads(line)
    except ValueError:
        obj = {}
    return {"source": obj.get("source"), "line": obj.get("line"), "id": obj.get("id"),
            "outlet": obj.get("outlet"), "stage": "write", "error": f"{type(exc).__name__}: {exc}"}


def _passthrough_line(rec: Record) -> str:
    """A record read from a results file: written again as it was."""
    body = json.dumps(rec.report, sort_keys=True).encode()
    key = hashlib.sha256(b"report\0" + rec.outlet.encode("utf-8", "surrogatepass") + b"\0"
                         + rec.id.encode("utf-8", "surrogatepass") + b"\0"
                         + body).hexdigest()
    obj: dict[str, Any] = {"key": key, "sha256": None,
                           "version": rec.report.get("version"), **rec.meta()}
    if rec.terms is not None:
        obj["terms"] = rec.terms
    obj["report"] = rec.report
    return json.dumps(obj, ensure_ascii=False) + "\n"


# -- resuming ----------------------------------------------------------------------
_KEY_RE = re.compile(rb'^\{"key": "([0-9a-f]{64})"')


def _leftovers(out: Path) -> list[Path]:
    return sorted(out.parent.glob(out.name + ".part*"))


def _next_part(out: Path) -> Path:
    n = 0
    for p in _leftovers(out):
        suffix = p.name[len(out.name) + len(".part"):]
        if suffix.isdigit():
            n = max(n, int(suffix) + 1)
    return out.with_name(f"{out.name}.part{n}")


def _index(files: list[Path]) -> dict[bytes, tuple[int, int, int]]:
    """key → (file number, offset, length) of every complete line."""
    index: dict[bytes, tuple[int, int, int]] = {}
    for i, path in enumerate(files):
        offset = 0
        with open(path, "rb") as fh:
            for line in fh:
                m = _KEY_RE.match(line)
                if m and line.endswith(b"}\n"):
                    index.setdefault(bytes.fromhex(m.group(1).decode()), (i, offset, len(line)))
                offset += len(line)
    return index


def _read_at(handles: list, loc: tuple[int, int, int]) -> str:
    i, offset, length = loc
    fh = handles[i]
    fh.seek(offset)
    return fh.read(length).decode("utf-8")


def iter_results(path: str | os.PathLike,
                 on_error: Callable[[int, str], None] | None = None) -> Iterable[dict[str, Any]]:
    """Stream the lines of a results file as dicts. Blank lines are skipped;
    a line that is not a result record (broken JSON, no ``report``) is
    skipped and reported to ``on_error(line_number, reason)``."""
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if line.strip():
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    if on_error:
                        on_error(number, f"not valid JSON ({exc.msg})")
                    continue
                if isinstance(obj, dict) and isinstance(obj.get("report"), dict):
                    yield obj
                elif on_error:
                    on_error(number, "not a result record (no 'report' object)")
