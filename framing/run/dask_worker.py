"""What Dask workers run, and the partition files they write and read
(see :mod:`framing.run.dask_engine`): a partition analysed into
``OUT/articles/part-*.jsonl`` (or ``.parquet``) and its ``.meta.json``."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, Iterable

from .. import __version__
from ..text.safe import json_line
from .dask_plan import Partition

FORMATS = ("jsonl", "parquet")
PART_DIR = "articles"
#: the Parquet columns; ``report`` (and ``terms``) hold JSON text
COLUMNS = ("key", "sha256", "version", "outlet", "id", "title", "date", "url", "story",
           "source", "line", "terms", "report")


def default_format() -> str:
    """``parquet`` when pyarrow is installed, else ``jsonl``."""
    try:
        import pyarrow  # noqa: F401
        import pyarrow.parquet  # noqa: F401  (the writer, imported to check it loads)
    except ImportError:
        return "jsonl"
    return "parquet"


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
