"""Helpers shared by the CLI commands."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator

import typer


def error(message: str) -> None:
    """An error line on stderr, prefixed with the program name."""
    typer.echo(f"framing: {message}", err=True)


def report_failures(summary, errors_path) -> None:
    """After a batch: the first five failed records on stderr, then a count
    (pointing to ``errors_path`` when the errors were kept there) and exit
    code 1; nothing when every record was analysed."""
    for e in summary.errors[:5]:
        error(f"{e['source']}{':' + str(e['line']) if e.get('line') else ''}: {e['error']}")
    if summary.failed:
        more = f"; all listed in {errors_path}" if errors_path is not None else ""
        error(f"{summary.failed} record(s) could not be read or analysed{more}")
        raise typer.Exit(code=1)


def write_failed(target, exc: OSError) -> str:
    """The message for a batch stopped by a write error (a full disk)."""
    return (f"{target}: writing the results failed ({exc.strerror or exc}); the articles "
            f"finished so far are kept in {target}/articles.jsonl.part* and reused when the "
            f"command is run again")


@contextmanager
def progress_bar(total: int | None, label: str, enabled: bool = True) -> Iterator[Callable]:
    """A rich progress bar on stderr; yields the callback that
    :func:`framing.run.local.analyze_corpus` calls with its running summary."""
    if not enabled:
        yield lambda summary: None
        return
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total or None)

        def update(summary) -> None:
            bar.update(task, completed=summary.done,
                       description=f"{label} ({summary.failed} failed)" if summary.failed else label)

        yield update


@contextmanager
def phase(label: str, enabled: bool = True) -> Iterator[None]:
    """A spinner with the elapsed time on stderr while a long step without
    a count runs (statistics, figures, the PDF); nothing when disabled."""
    if not enabled:
        yield
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        bar.add_task(label, total=None)
        yield


def counted(items, total: int | None, label: str, enabled: bool = True):
    """Iterate ``items`` with a progress bar of ``total`` on stderr."""
    if not enabled:
        yield from items
        return
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeElapsedColumn)

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total or None)
        for i, item in enumerate(items, 1):
            yield item
            if i % 50 == 0:
                bar.update(task, completed=i)


def interrupted(command: str, out=None) -> None:
    """The one line printed on Ctrl-C: what is kept and how to go on."""
    if out is None:
        error(f"interrupted; nothing was kept (give --out DIR to make {command} resumable)")
    else:
        error(f"interrupted; the articles analysed so far are kept in {out}: run the same "
              f"command again to resume from there")
