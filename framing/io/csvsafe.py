"""Spreadsheet-safe CSV cells (formula injection, OWASP "CSV Injection").

A text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is read as a formula by Excel, LibreOffice and Google Sheets: an
outlet named ``=HYPERLINK(…)`` in comparison.csv would run when opened. As
OWASP recommends, such a cell gets a leading single quote (``'=HYPERLINK…``),
which spreadsheets show as text. Numbers (a negative mean) are left alone:
only strings are neutralised.
"""
from __future__ import annotations

from typing import Any, Iterable, Iterator, Mapping

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """``value`` with a leading ``'`` when it is a string a spreadsheet would
    take for a formula; anything else unchanged."""
    if isinstance(value, str) and value.startswith(TRIGGERS):
        return "'" + value
    return value


def safe_rows(rows: Iterable[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
    """Every cell of dict rows (for :class:`csv.DictWriter`) neutralised."""
    for row in rows:
        yield {k: neutralise(v) for k, v in row.items()}
