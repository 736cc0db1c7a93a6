"""Reading human codes: CSV or JSON Lines, one row per code.

Columns (CSV header / JSON keys): ``unit``, ``coder``, ``value``, and
optionally ``variable`` (several variables in one file; default ``value``),
``article`` (the article file the unit comes from), ``start`` and ``end``
(character offsets of the coded span in that article). An empty value is a
missing code, not a category. Values stay strings; :func:`matrix` turns
them into numbers only when the level of measurement asks for it (never
guessed from the data).
"""
from __future__ import annotations

import csv
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..errors import FramingError

REQUIRED = ("unit", "coder", "value")


class CodesError(FramingError):
    """A codes file (or the articles it points to) cannot be used; the
    message names the file and line."""
DEFAULT_VARIABLE = "value"


@dataclass
class Code:
    unit: str
    coder: str
    value: Optional[str]  # None: missing
    variable: str = DEFAULT_VARIABLE
    article: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None


def _text(v) -> Optional[str]:
    if v is None:
        return None
    s = str(v).strip()
    return s or None


def _offset(v, where: str, name: str) -> Optional[int]:
    s = _text(v)
    if s is None:
        return None
    try:
        n = int(s)
    except ValueError:
        raise CodesError(f"{where}: {name} must be a whole number of characters, not {s!r}") from None
    if n < 0:
        raise CodesError(f"{where}: {name} must not be negative")
    return n


def _rows(path: Path):
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        with open(path, encoding="utf-8") as fh:
            for i, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise CodesError(f"{path}:{i}: not JSON ({exc.msg})") from None
                if not isinstance(row, dict):
                    raise CodesError(f"{path}:{i}: each line must be a JSON object")
                yield i, row
        return
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = [f.strip() for f in reader.fieldnames or []]
        missing = [c for c in REQUIRED if c not in fields]
        if missing:
            raise CodesError(f"{path}: missing column(s) {', '.join(missing)} "
                             f"(need unit,coder,value[,variable,article,start,end])")
        for i, row in enumerate(reader, 2):
            yield i, {(k or "").strip(): v for k, v in row.items()}


def read_codes(path: str | Path) -> list[Code]:
    """All codes in ``path`` (``.csv``, or ``.jsonl``/``.json`` lines)."""
    path = Path(path)
    if not path.is_file():
        raise CodesError(f"{path}: no such file")
    codes: list[Code] = []
    seen: dict[tuple, str] = {}
    try:
        for i, row in _rows(path):
            where = f"{path}:{i}"
            unit, coder = _text(row.get("unit")), _text(row.get("coder"))
            if unit is None or coder is None:
                raise CodesError(f"{where}: unit and coder must not be empty")
            c = Code(unit=unit, coder=coder, value=_text(row.get("value")),
                     variable=_text(row.get("variable")) or DEFAULT_VARIABLE,
                     article=_text(row.get("article")),
                     start=_offset(row.get("start"), where, "start"),
                     end=_offset(row.get("end"), where, "end"))
            if c.start is not None and c.end is not None and c.end < c.start:
                raise CodesError(f"{where}: end is before start")
            key = (c.variable, c.unit, c.coder)
            if c.value is not None:  # a missing code never conflicts with a value
                if seen.get(key) not in (None, c.value):
                    raise CodesError(f"{where}: coder {coder!r} gave unit {unit!r} two different "
                                     f"values for {c.variable!r} ({seen[key]!r} and {c.value!r})")
                seen[key] = c.value
            codes.append(c)
    except UnicodeDecodeError:
        raise CodesError(f"{path}: not UTF-8 text") from None
    except csv.Error as exc:
        raise CodesError(f"{path}: not a readable CSV file ({exc})") from None
    if not codes:
        raise CodesError(f"{path}: no codes")
    return codes


def variables(codes: list[Code]) -> list[str]:
    """Variable names in first-seen order."""
    return list(dict.fromkeys(c.variable for c in codes))


def number(value: str, level: str, where: str = "") -> float:
    try:
        x = float(value)
    except ValueError:
        raise CodesError(f"{where}the {level} level needs numeric values (ordinal: ranks such as "
                         f"1, 2, 3); got {value!r}") from None
    if math.isnan(x) or math.isinf(x):
        raise CodesError(f"{where}the {level} level needs finite numbers; got {value!r}")
    return x


def matrix(codes: list[Code], variable: str, level: str = "nominal",
           extra: Optional[dict[str, dict[str, Optional[str]]]] = None,
           ) -> tuple[list[str], list[str], list[list]]:
    """``(units, coders, data)`` for one variable: ``data[u][c]`` is coder c's
    value for unit u (``None`` when missing), strings at the nominal level and
    floats otherwise. ``extra`` adds coders: ``{coder: {unit: value}}``."""
    units: dict[str, dict[str, Optional[str]]] = {}
    coders: dict[str, None] = {}
    for c in codes:
        if c.variable != variable:
            continue
        units.setdefault(c.unit, {})
        coders[c.coder] = None
        if c.value is not None:
            units[c.unit][c.coder] = c.value
    for name, vals in (extra or {}).items():
        coders[name] = None
        for u, v in vals.items():
            if u in units and v is not None:
                units[u][name] = v
    conv = (lambda v: v) if level == "nominal" else (lambda v: number(v, level, f"{variable}: "))
    names = list(coders)
    data = [[conv(units[u][c]) if c in units[u] else None for c in names] for u in units]
    return list(units), names, data
