"""``framing compare``: outlets side by side over a corpus."""
from __future__ import annotations

import csv
import io
import json
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from ._common import error, progress_bar, write_failed
from .analyze import _hold_out


class Correction(str, Enum):
    holm = "holm"
    bh = "bh"


def compare(
    sources: List[str] = typer.Argument(..., metavar="SOURCE...",
                                        help="A folder of articles (the folder name, or a "
                                             "metadata.csv sidecar, gives the outlet), or a "
                                             ".jsonl/.csv file with 'outlet' and 'text' fields."),
    out: Path = typer.Option(..., "--out", "-o", help="Folder for comparison.json, "
                                                       "comparison.csv, figures/ and comparison.pdf."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1,
                                       help="Worker processes for the analysis (default: all cores)."),
    fast: bool = typer.Option(False, "--fast",
                              help="Score sentiment with the small linear model (faster, less accurate)."),
    resume: bool = typer.Option(True, "--resume/--no-resume",
                                help="Reuse analyses already in DIR/articles.jsonl."),
    figures: bool = typer.Option(True, "--figures/--no-figures",
                                 help="Write figures (PNG and PDF) and comparison.pdf."),
    correction: Correction = typer.Option(Correction.holm, "--correction",
                                          help="Multiple-comparison correction: holm or bh "
                                               "(Benjamini–Hochberg)."),
    seed: int = typer.Option(20080601, "--seed", help="Seed of the bootstrap and permutations."),
    top_words: int = typer.Option(15, "--top-words", min=1,
                                  help="Distinctive words listed per outlet."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no table."),
    width: Optional[int] = typer.Option(None, "--width", help="Terminal width for the table."),
) -> None:
    """Compare how outlets frame the news: rates per 1,000 words with CIs,
    tests between outlets, distinctive words, and the same stories side by side."""
    from ..run.local import analyze_corpus, iter_results
    from ..compare.comparer import CSV_COLUMNS, Comparer, csv_rows
    from ..io.corpus import check_sources, count_records, iter_corpus
    from ..io.csvsafe import safe_rows
    from ..errors import FramingError
    from ..render.outdir import atomic_write

    try:
        check_sources(sources)
    except FramingError as exc:
        error(str(exc))
        raise typer.Exit(code=1)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        error(f"{out}: cannot create the output folder ({exc.strerror or exc})")
        raise typer.Exit(code=1)
    _hold_out(out)  # one run at a time per --out folder
    articles = out / "articles.jsonl"
    errors_path = out / "errors.jsonl"

    total = count_records(sources)
    try:
        with progress_bar(total, "analysing", enabled=not quiet) as update:
            summary = analyze_corpus(iter_corpus(sources), jobs, articles, resume=resume,
                                     progress=update, errors_path=errors_path, terms=True, fast=fast)
    except OSError as exc:  # disk full: a message, and what was written is kept
        error(write_failed(out, exc))
        raise typer.Exit(code=1)
    if summary.written == 0:
        error(f"no article could be read from {', '.join(sources)} "
              f"({summary.failed} errors; see {errors_path})")
        for e in summary.errors[:5]:
            error(f"  {e['source']}{':' + str(e['line']) if e.get('line') else ''}: {e['error']}")
        raise typer.Exit(code=1)

    comparer = Comparer(seed=seed, correction=correction.value, top_terms=top_words)
    comparer.add_all(iter_results(
        articles, on_error=lambda n, why: error(f"{articles}:{n}: skipped: {why}")))
    result = comparer.result()
    result["run"] = {"sources": list(sources), "articles_file": articles.name,
                     "errors_file": errors_path.name, "errors": summary.failed,
                     "duplicates": summary.duplicates}
    atomic_write(out / "comparison.json", json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    table = io.StringIO()
    writer = csv.DictWriter(table, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(safe_rows(csv_rows(result)))  # no formula injection
    atomic_write(out / "comparison.csv", table.getvalue())
    from ..compare.export import ARTICLE_COLUMNS, TEST_COLUMNS, article_row, test_rows, to_csv

    atomic_write(out / "tests.csv", to_csv(test_rows(result), TEST_COLUMNS))
    atomic_write(out / "articles.csv", to_csv((article_row(line) for line in iter_results(articles)),
                                              ARTICLE_COLUMNS))
    written = ["comparison.json", "comparison.csv", "tests.csv", "articles.csv", articles.name]
    if figures:
        from ..render.compare_figures import write_figures
        from ..render.compare_pdf import write_pdf

        values = comparer.article_values()
        paths = write_figures(result, out / "figures", values)
        write_pdf(result, out / "comparison.pdf", values)
        written += ["comparison.pdf", f"figures/ ({len(paths)} files)"]

    if not quiet:
        from rich.console import Console

        from ..render.compare_terminal import render

        console = Console(width=width, highlight=False)
        render(result, console)
        console.print(f"\nwrote {', '.join(written)} to {out}")
    if summary.failed:
        error(f"{summary.failed} record(s) could not be read or analysed; listed in {errors_path}")
        for e in summary.errors[:3]:
            error(f"  {e['source']}{':' + str(e['line']) if e.get('line') else ''}: {e['error']}")
        raise typer.Exit(code=1)  # like analyze: outputs written, but not every record made it
