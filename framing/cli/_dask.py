"""``framing analyze CORPUS --engine dask``: the corpus branch on a Dask
cluster (see :mod:`framing.run.dask_engine`). Writes ``DIR/articles/part-*``
(JSON Lines, or Parquet when pyarrow is installed), ``DIR/errors.jsonl`` and
``DIR/_manifest.json`` with ``--out DIR``; without ``--out`` the JSON Lines
go to stdout, in input order."""
from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

import typer

from ._common import error, progress_bar, report_failures


def analyze_corpus_dask(sources, out, jobs, resume, quiet, actors, scheduler, fast=False) -> None:
    from ..io.corpus import count_records
    from ..run.dask_engine import MANIFEST, PART_DIR, _read_lines
    from ..run.dask_engine import analyze_corpus_dask as run
    from ..errors import FramingError

    tmp = None
    if out is None:
        tmp = tempfile.mkdtemp(prefix="framing-dask-")
        target = Path(tmp)
    else:
        target = out
    try:
        try:
            target.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            error(f"{out}: cannot create the output folder ({exc.strerror or exc})")
            raise typer.Exit(code=1)
        if tmp is None:
            from .analyze import _hold_out

            _hold_out(target)  # a second run would delete this one's partitions
        try:
            total = count_records(sources)
            with progress_bar(total, "analysing on dask", enabled=not quiet) as update:
                summary = run(sources, target, scheduler=scheduler, jobs=jobs,
                              fmt="jsonl" if tmp is not None else "auto",
                              resume=resume and tmp is None, actors=actors, progress=update,
                              fast=fast)
        except FramingError as exc:
            error(str(exc))
            raise typer.Exit(code=1)
        except (KeyboardInterrupt, typer.Exit):
            raise
        except Exception as exc:  # the cluster failed under us: a message, not a traceback
            kept = "" if tmp is not None else (f"; the partitions finished in {target} are "
                                               f"reused when the command is run again")
            error(f"the dask run stopped ({type(exc).__name__}: {exc}){kept}")
            raise typer.Exit(code=1)
        if tmp is not None:
            manifest = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
            for name in manifest["partitions"]:
                sys.stdout.writelines(_read_lines(target / PART_DIR / name, "jsonl"))
            sys.stdout.flush()
        elif not quiet:
            reused = f" ({summary.reused} reused)" if summary.reused else ""
            kept = summary.partitions - summary.partitions_failed
            typer.echo(f"analysed {summary.written} articles on {summary.workers} dask workers into "
                       f"{kept} {summary.format} partitions in {target / PART_DIR}"
                       f"{reused}", err=True)
        if summary.partitions_failed:
            error(f"{summary.partitions_failed} partition(s) failed as a whole (a worker died or "
                  f"could not write); their articles are listed as errors"
                  + ("" if tmp is not None else "; running the command again redoes only them"))
        report_failures(summary, None if tmp is not None else summary.errors_path)
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
