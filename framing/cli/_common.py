"""Helpers shared by the CLI commands."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator

import typer


def error(message: str) -> None:
    """An error line on stderr, prefixed with the program name."""
    typer.echo(f"framing: {message}", err=True)


@contextmanager
def progress_bar(total: int | None, label: str, enabled: bool = True) -> Iterator[Callable]:
    """A rich progress bar on stderr; yields the callback that
    :func:`framing.batch.analyze_corpus` calls with its running summary."""
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
