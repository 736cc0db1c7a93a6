"""The ``framing`` command line (typer). Thin: parse arguments, call the
library, hand the result to a renderer, turn errors into messages and exit
codes (0 ok, 1 input problem, 2 usage). One module per command."""
from __future__ import annotations

from typing import Optional

import typer

from .. import __version__
from .analyze import analyze
from .compare import compare
from .train import train
from .validate import validate

app = typer.Typer(
    name="framing",
    help="Rhetoric and framing analysis for news: rhetorical questions, hedging, quotes "
         "and actors, every number backed by the words that produced it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"framing {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Optional[bool] = typer.Option(None, "--version", callback=_version, is_eager=True,
                                           help="Show the version and exit."),
) -> None:
    """framing — how a news article frames its subject."""


app.command()(analyze)
app.command()(compare)
app.command()(validate)
app.command()(train)
