"""``framing analyze``: one or more articles → terminal report or contract JSON."""
from __future__ import annotations

import sys
from enum import Enum
from typing import List, Optional

import typer

from ._common import error


class Format(str, Enum):
    text = "text"
    json = "json"


def analyze(
    files: List[str] = typer.Argument(..., metavar="FILE...",
                                      help="Article files (plain text, UTF-8); '-' reads stdin."),
    fmt: Format = typer.Option(Format.text, "--format", "-f",
                               help="text: readable report; json: the report contract "
                                    "(JSON Lines for several files)."),
    width: Optional[int] = typer.Option(None, "--width", help="Terminal width for the text report."),
) -> None:
    """Analyse news articles and report their framing devices with evidence."""
    from ..pipeline import analyze as run_analysis
    from ..errors import FramingError
    from ..render import to_json
    from ..text.decode import read_text

    failed = 0
    console = None
    several = len(files) > 1
    for path in files:
        try:
            text, warnings = read_text(path)
            report = run_analysis(text, source="<stdin>" if path == "-" else path)
            report.warnings[:0] = warnings
        except FramingError as exc:
            error(str(exc))
            failed += 1
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
