"""Exceptions raised by the library.

Only the CLI turns these into messages and exit codes (DESIGN.md,
"sqlite-utils / llm" convention); the library never prints.
"""
from __future__ import annotations


class FramingError(Exception):
    """Base class of every error the library raises on purpose."""


class InputError(FramingError):
    """A source could not be read as an article.

    ``source`` names the file (or ``<stdin>``), ``reason`` says why, and
    ``line`` is set when the problem sits on one line of a multi-record file.
    """

    def __init__(self, source: str, reason: str, line: int | None = None):
        self.source = source
        self.reason = reason
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")

    def __reduce__(self):
        # picklable (worker processes, Dask): rebuilt from its fields, not its message
        return type(self), (self.source, self.reason, self.line)


class LexiconError(FramingError):
    """A lexicon file shipped with (or given to) the package is malformed."""
