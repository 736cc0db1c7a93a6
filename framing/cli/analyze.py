"""``framing analyze``: articles or whole corpora → reports.

* Article files (and ``-`` for stdin) give a terminal report, or the contract
  JSON with ``--format json`` (JSON Lines for several files); ``--out DIR``
  writes report.json, report.md, figures, report.pdf and report.html.
* Corpus sources (a folder, a ``.jsonl`` or ``.csv`` file) are analysed in
  parallel (``--jobs``) into JSON Lines: ``DIR/articles.jsonl`` with ``--out``
  (resumable), otherwise on stdout.
"""
from __future__ import annotations

import json
import shutil
import sys
import tempfile
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from ._common import error, progress_bar, report_failures, write_failed


class Format(str, Enum):
    text = "text"
    json = "json"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


def analyze(
    sources: List[str] = typer.Argument(..., metavar="SOURCE...",
                                        help="Article files (plain text, UTF-8; '-' reads stdin), "
                                             "or corpus sources: a folder of articles, a .jsonl "
                                             "or .csv file with 'outlet' and 'text' fields."),
    fmt: Optional[Format] = typer.Option(None, "--format", "-f",
                                         help="text: readable report (the default for article "
                                              "files); json: the report contract (JSON Lines "
                                              "for several articles; the default for a "
                                              "corpus)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o",
                                       help="Write report.json, report.md, figures/, report.pdf "
                                            "and report.html here (one sub-folder per article "
                                            "when several); for a corpus, articles.jsonl."),
    figure_format: Optional[str] = typer.Option(None, "--figure-format",
                                                help="Figure formats with --out: any of "
                                                     "png,svg,pdf (default png)."),
    baseline: Optional[Path] = typer.Option(None, "--baseline",
                                            help="Baseline to set the metrics against: a "
                                                 "baseline .json file, or any corpus source "
                                                 "(folder, .jsonl, .csv) to compute one from "
                                                 "(default: 1,030 real US news articles)."),
    actors: Optional[Path] = typer.Option(None, "--actors",
                                          help="TOML file of actors: name = aliases (see README)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1,
                                       help="Worker processes for a corpus (default: all cores)."),
    fast: bool = typer.Option(False, "--fast",
                              help="Score sentiment with the small linear model instead of the "
                                   "fine-tuned encoder: several times faster, less accurate "
                                   "(README, Accuracy)."),
    resume: bool = typer.Option(True, "--resume/--no-resume",
                                help="For a corpus with --out: reuse analyses already written."),
    engine: Engine = typer.Option(Engine.local, "--engine",
                                  help="For a corpus: local (worker processes on this machine) or "
                                       "dask (a Dask cluster; needs the dask extra; writes "
                                       "DIR/articles/part-* partitions with --out)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", metavar="ADDRESS",
                                            help="With --engine dask: the scheduler, e.g. "
                                                 "tcp://host:8786 (default: a local cluster of "
                                                 "--jobs workers)."),
    model: Optional[List[Path]] = typer.Option(None, "--model",
                                               help="A model written by `framing train` "
                                                    "(repeatable, one per component); a "
                                                    "sentiment model implies --fast."),
    lexicon: Optional[List[str]] = typer.Option(None, "--lexicon", metavar="NAME=FILE",
                                                help="Extend a word list with your own file in "
                                                     "the shipped format: hedges, boosters, "
                                                     "cue_verbs (repeatable); NAME:replace=FILE "
                                                     "replaces the shipped entries."),
    source_gender: bool = typer.Option(False, "--source-gender",
                                       help="Give each quoted source a gender where the text "
                                            "states one (honorific, gendered role noun, "
                                            "pronoun); off by default. Article files only."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    width: Optional[int] = typer.Option(None, "--width", help="Terminal width for the text report."),
) -> None:
    """Analyse news articles and report their framing devices with evidence."""
    from ..io.corpus import source_kind
    from ..errors import FramingError

    actor_map = None
    if actors is not None:
        try:
            actor_map = _load_actors(actors)
        except FramingError as exc:
            error(str(exc))
            raise typer.Exit(code=1)
    corpus = [s for s in sources if s != "-" and _is_corpus(s, source_kind)]
    if scheduler is not None and engine is not Engine.dask:
        error("--scheduler needs --engine dask")
        raise typer.Exit(code=2)
    if corpus and (model or lexicon or source_gender):
        error("--model, --lexicon and --source-gender apply to article files for now, "
              "not to corpus sources")
        raise typer.Exit(code=2)
    if lexicon:
        _set_lexicons(lexicon)
    if corpus:
        if len(corpus) != len(sources):
            error("give either article files or corpus sources (folders, .jsonl, .csv), not both")
            raise typer.Exit(code=2)
        if baseline is not None or figure_format is not None:
            error("--baseline and --figure-format shape the reports of article files; a "
                  "corpus is written as JSON Lines (leave them out, or compare outlets with "
                  "`framing compare`)")
            raise typer.Exit(code=2)
        if fmt is Format.text and (out is not None or engine is Engine.dask):
            error("--format text prints a corpus's reports to the terminal; with --out or "
                  "--engine dask a corpus is written as JSON Lines (leave out --format)")
            raise typer.Exit(code=2)
        if engine is Engine.dask:
            from ._dask import analyze_corpus_dask

            analyze_corpus_dask(sources, out, jobs, resume, quiet, actor_map, scheduler, fast)
            return
        _analyze_corpus(sources, out, jobs, resume, quiet, actor_map, fast,
                        text_width=width if fmt is Format.text else False)
        return
    fmt = fmt or Format.text
    if engine is Engine.dask:
        error("--engine dask needs corpus sources (a folder of articles, a .jsonl or .csv file)")
        raise typer.Exit(code=2)
    if model:
        from ..train import use_models

        try:
            with use_models(model) as implied:
                _analyze_files(sources, fmt, out, figure_format, baseline, actor_map, width,
                               implied.get("fast", fast), source_gender)
        except FramingError as exc:  # the model file (errors of one article are reported inside)
            error(str(exc))
            raise typer.Exit(code=1)
        return
    _analyze_files(sources, fmt, out, figure_format, baseline, actor_map, width, fast,
                   source_gender)


def _set_lexicons(specs: list[str]) -> None:
    """Install ``--lexicon NAME=FILE`` overrides and build the lists they
    change, so that a malformed entry is an error before any article."""
    from ..errors import LexiconError
    from ..lexicons import set_overrides

    pairs = []
    for spec in specs:
        name, sep, path = spec.partition("=")
        if not sep or not name or not path:
            error(f"--lexicon {spec}: use NAME=FILE (NAME: hedges, boosters, cue_verbs)")
            raise typer.Exit(code=2)
        pairs.append((name.strip(), path))
    try:
        set_overrides(pairs)
        from ..pipeline import analyze as run_analysis

        run_analysis("Check the lexicons, she said.", analyzers=["hedging", "quotes"], fast=True)
    except LexiconError as exc:
        error(f"--lexicon: {exc}")
        raise typer.Exit(code=1)


def _is_corpus(source: str, source_kind) -> bool:
    try:
        return source_kind(source) in ("folder", "jsonl", "csv")
    except Exception:  # a missing file is reported by the article path
        return False


def _load_actors(path: Path):
    from ..io.actors_file import load_actor_file

    return load_actor_file(path)


def _analyze_files(files, fmt, out, figure_format, baseline, actors, width, fast=False,
                   source_gender=False) -> None:
    from ..errors import FramingError
    from ..pipeline import analyze as run_analysis
    from ..render import to_json
    from ..io.corpus import read_article
    from ..text.decode import read_text

    failed = 0
    console = None
    several = len(files) > 1
    formats = None
    if out is not None:
        from ..render.baseline import cached
        from ..render.outdir import parse_formats

        try:
            formats = parse_formats(figure_format or "png")
        except ValueError as exc:
            error(str(exc))
            raise typer.Exit(code=2)
        try:  # once for every file; a corpus's statistics are saved to reuse and share
            baseline = cached(baseline, out / "baseline.json")
        except FramingError as exc:
            error(f"--baseline: {exc}")
            raise typer.Exit(code=1)
        if baseline.source is not None:
            typer.echo(f"baseline: {baseline.description}, saved to {out / 'baseline.json'}",
                       err=True)
    elif baseline is not None or figure_format is not None:
        error("--baseline and --figure-format apply to the reports written with --out")
        raise typer.Exit(code=2)
    used_dirs: set[str] = set()
    for path in files:
        try:
            text, warnings = read_text(path) if path == "-" else read_article(path)[:2]
            report = run_analysis(text, actors=actors, source="<stdin>" if path == "-" else path,
                                  fast=fast, source_gender=source_gender)
            report.warnings[:0] = warnings
            if out is not None:
                from ..render.outdir import write_outputs

                target = out / _subdir(path, used_dirs) if several else out
                write_outputs(report, text, target, figure_formats=formats, baseline=baseline)
        except FramingError as exc:
            error(str(exc))
            failed += 1
            continue
        except OSError as exc:
            error(f"{out}: cannot write the report ({exc.strerror or exc})")
            failed += 1
            continue
        if out is not None:
            typer.echo(f"{report.source}: wrote report.json, report.md, report.pdf, report.html "
                       f"and figures/ to {target}", err=True)
            continue
        if fmt is Format.json:
            sys.stdout.write(to_json(report, indent=None if several else 2) + "\n")
            sys.stdout.flush()
        else:
            from rich.console import Console

            from ..render.terminal import render

            console = console or Console(width=width, highlight=False)
            render(report, text, console)
    if failed:
        if several:
            error(f"{failed} of {len(files)} files could not be analysed")
        raise typer.Exit(code=1)


def _subdir(path: str, used: set[str]) -> str:
    """A safe, unique folder name for one article's outputs."""
    stem = "stdin" if path == "-" else Path(path).stem
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in stem).strip("._") or "article"
    name, n = safe, 2
    while name in used:
        name, n = f"{safe}-{n}", n + 1
    used.add(name)
    return name


def _print_reports(articles: Path, sources, actors, fast: bool, width) -> None:
    """Each analysed article's readable report, in corpus order: the JSON
    line's report rendered over its record's text (matched by resume key)."""
    from rich.console import Console

    from ..io.corpus import iter_corpus
    from ..io.records import Record
    from ..render.terminal import render
    from ..report import ArticleReport
    from ..run.local import options_key, record_key

    options = options_key(actors, False, fast)
    records = (r for r in iter_corpus(sources) if isinstance(r, Record))
    console = Console(width=width, highlight=False)
    with open(articles, encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            if obj.get("report") is None:
                continue
            record = next((r for r in records if record_key(r, options)[0] == obj["key"]), None)
            if record is None:  # pragma: no cover - the batch writes records in order
                break
            console.rule(f"{obj.get('outlet') or ''} · {obj.get('id') or ''}".strip(" ·"))
            render(ArticleReport.from_dict(obj["report"]), record.text, console)


def _analyze_corpus(sources, out, jobs, resume, quiet, actors, fast=False,
                    text_width=False) -> None:
    from ..run.local import analyze_corpus
    from ..io.corpus import check_sources, count_records, iter_corpus
    from ..errors import FramingError

    try:
        check_sources(sources)
    except FramingError as exc:
        error(str(exc))
        raise typer.Exit(code=1)
    tmp = None
    if out is None:
        tmp = tempfile.mkdtemp(prefix="framing-")
        target = Path(tmp)
    else:
        target = out
        try:
            target.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            error(f"{out}: cannot create the output folder ({exc.strerror or exc})")
            raise typer.Exit(code=1)
        _hold_out(target)
    articles, errors_path = target / "articles.jsonl", target / "errors.jsonl"
    try:
        try:
            with progress_bar(count_records(sources), "analysing", enabled=not quiet) as update:
                summary = analyze_corpus(iter_corpus(sources), jobs, articles,
                                         resume=resume and tmp is None, progress=update,
                                         errors_path=errors_path, actors=actors,
                                         fast=fast)
        except OSError as exc:  # disk full: a message, and what was written is kept
            error(write_failed(target, exc))
            raise typer.Exit(code=1)
        if tmp is not None and text_width is not False:
            _print_reports(articles, sources, actors, fast, text_width)
        elif tmp is not None:
            with open(articles, encoding="utf-8") as fh:
                shutil.copyfileobj(fh, sys.stdout)
            sys.stdout.flush()
        elif not quiet:
            typer.echo(f"analysed {summary.written} articles into {articles}"
                       + (f" ({summary.reused} reused)" if summary.reused else ""), err=True)
        report_failures(summary, None if tmp is not None else errors_path)
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def _hold_out(target) -> None:
    """One run at a time per --out folder (see :mod:`framing.outlock`)."""
    from ..errors import FramingError
    from ..io.outlock import hold

    try:
        hold(target)
    except FramingError as exc:
        error(str(exc))
        raise typer.Exit(code=1)
