"""Helpers shared by the CLI commands."""
from __future__ import annotations

import typer


def error(message: str) -> None:
    """An error line on stderr, prefixed with the program name."""
    typer.echo(f"framing: {message}", err=True)
