"""``framing compare``: outlets side by side over a corpus."""
from __future__ import annotations

import csv
import io
import json
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from ._common import counted, error, interrupted, phase, progress_bar, write_failed
from .analyze import _hold_out, _load_actors


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
    actors: Optional[Path] = typer.Option(None, "--actors", metavar="FILE",
                                          help="Actors file (TOML or JSON): canonical names "
                                               "and aliases, kept as written across outlets; "
                                               "their 'group' is compared as a side."),
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
    story_field: Optional[str] = typer.Option(None, "--story-field", metavar="FIELD",
                                              help="The field holding the story (event) id, "
                                                   "for paired tests (default: story, event, "
                                                   "story_id, event_id, cluster)."),
    outlet_field: Optional[str] = typer.Option(None, "--outlet-field", metavar="FIELD",
                                               help="The field holding the outlet (default: "
                                                    "outlet, publisher, source_outlet, media, "
                                                    "site; folders: the folder name)."),
    date_field: Optional[str] = typer.Option(None, "--date-field", metavar="FIELD",
                                             help="The field holding the date, for rates over "
                                                  "time (default: date, publication_date, "
                                                  "published, pub_date, datetime)."),
    exclude_words: Optional[Path] = typer.Option(None, "--exclude-words", metavar="FILE",
                                                 help="Words (one a line, # comments) left out "
                                                      "of the distinctive words, e.g. your "
                                                      "reporters' names."),
    house_style: bool = typer.Option(True, "--house-style/--keep-house-style",
                                     help="Leave outlet names, honorifics (mr, ms, dr) and "
                                          "credit words out of the distinctive words."),
    parquet: bool = typer.Option(False, "--parquet",
                                 help="Also write articles.parquet (needs pyarrow: "
                                      "pip install 'framing[parquet]')."),
    title: Optional[str] = typer.Option(None, "--title", metavar="TEXT",
                                        help="A title for this comparison (what the corpus is), "
                                             "shown on comparison.pdf's first page, in the "
                                             "terminal and in comparison.json."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no table."),
    width: Optional[int] = typer.Option(None, "--width", min=40,
                                        help="Terminal width for the table."),
) -> None:
    """Compare how outlets frame the news: rates per 1,000 words with CIs,
    tests between outlets, distinctive words, and the same stories side by side."""
    try:
        _compare(sources, out, jobs, actors, fast, resume, figures, correction, seed, top_words,
                 {"story": story_field, "outlet": outlet_field, "date": date_field},
                 exclude_words, house_style, parquet, quiet, width, _clean_title(title))
    except KeyboardInterrupt:
        interrupted("compare", out)
        raise typer.Exit(code=130)


def _clean_title(title: str | None) -> str | None:
    """The title as one printable line (no terminal escapes), or None when blank."""
    from ..text.safe import strip_controls

    if title is None:
        return None
    return " ".join(strip_controls(title, keep_newlines=False).split()) or None


def _read_words(path: Path) -> list[str]:
    from ..errors import InputError

    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot be read ({getattr(exc, 'strerror', None) or exc})") \
            from None
    return [w.strip() for line in text.splitlines() for w in [line.split("#", 1)[0]] if w.strip()]


def _compare(sources, out, jobs, actors, fast, resume, figures, correction, seed, top_words,
             mapping, exclude_words, house_style, parquet, quiet, width, title=None) -> None:
    from ..run.local import analyze_corpus, iter_results
    from ..compare.comparer import CSV_COLUMNS, Comparer, csv_rows
    from ..io.corpus import check_sources, count_records, iter_corpus
    from ..io.csvsafe import safe_rows
    from ..errors import FramingError
    from ..render.outdir import atomic_write
    from ..compare.fields import check_fields, field_map

    if parquet:
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            error("--parquet needs pyarrow, which is not installed: "
                  "pip install 'framing[parquet]' (or leave out --parquet)")
            raise typer.Exit(code=2)
    try:
        fields = field_map(**mapping)
        check_sources(sources, fields)
        check_fields(sources, fields)
        extra_words = _read_words(exclude_words) if exclude_words is not None else []
        actor_map = _load_actors(actors) if actors is not None else None
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
            summary = analyze_corpus(iter_corpus(sources, fields or None), jobs, articles,
                                     resume=resume, actors=actor_map,
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

    busy = not quiet
    comparer = Comparer(seed=seed, correction=correction.value, top_terms=top_words,
                        house_style=house_style, exclude_words=extra_words)
    comparer.add_all(counted(iter_results(
        articles, on_error=lambda n, why: error(f"{articles}:{n}: skipped: {why}")),
        summary.written, "reading the analyses", busy))
    with phase("statistics (bootstrap intervals, permutation tests)", busy):
        result = comparer.result()
    if title:
        result["title"] = title
    result["run"] = {"sources": list(sources), "articles_file": articles.name,
                     "errors_file": errors_path.name, "errors": summary.failed,
                     "duplicates": summary.duplicates}
    atomic_write(out / "comparison.json", json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    table = io.StringIO()
    writer = csv.DictWriter(table, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(safe_rows(csv_rows(result)))  # no formula injection
    atomic_write(out / "comparison.csv", table.getvalue())
    from ..compare.export import (ARTICLE_COLUMNS, TEST_COLUMNS, article_row, test_rows, to_csv,
                                  to_parquet)
    from ..compare.timeline import TIMELINE_COLUMNS, timeline_rows

    atomic_write(out / "tests.csv", to_csv(test_rows(result), TEST_COLUMNS))
    written = ["comparison.json", "comparison.csv", "tests.csv"]
    if result["timeline"]["rows"]:
        atomic_write(out / "timeline.csv", to_csv(timeline_rows(result), TIMELINE_COLUMNS))
        written.append("timeline.csv")
    else:
        (out / "timeline.csv").unlink(missing_ok=True)  # not an earlier run's
    rows = [article_row(line) for line in counted(iter_results(articles), summary.written,
                                                  "article table", busy)]
    atomic_write(out / "articles.csv", to_csv(rows, ARTICLE_COLUMNS))
    written.append("articles.csv")
    if parquet:
        atomic_write(out / "articles.parquet", to_parquet(rows, ARTICLE_COLUMNS))
        written.append("articles.parquet")
    written.append(articles.name)
    if figures:
        from ..render.compare_figures import write_figures
        from ..render.compare_pdf import write_pdf

        values = comparer.article_values()
        with phase("figures", busy):
            paths = write_figures(result, out / "figures", values)
        with phase("comparison.pdf", busy):
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
