"""Reading a user's actors file (``framing analyze --actors actors.toml``).

An actors file names the actors a study cares about, with the aliases under
which they appear, and optionally a type and a group (a coalition, a side)::

    # actors.toml
    [actors."Ulf Laessing"]
    aliases = ["Laessing"]
    type = "person"

    [actors.JNIM]
    aliases = ["Jama'a Nusrat ul-Islam wa al-Muslimin", "Nusrat al-Islam"]
    type = "organisation"
    group = "jihadists"

    [actors]
    "Mali" = ["Malian government", "Bamako"]   # short form: a list of aliases

The ``[actors]`` table may be left out (top-level tables are then actors).
``type`` is one of person, organisation, place, group. User actors extend
detection and override it: their names, aliases, types and groups win.

:func:`load_actor_file` returns ``{name: {"aliases": [...], "type": str |
None, "group": str | None}}``, the form :func:`framing.analyze` accepts as
``actors=``. A malformed file raises :class:`framing.errors.InputError`
naming the file and the line.
"""
from __future__ import annotations

import gc
import re
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import InputError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["load_actor_file", "parse_actors", "TYPES"]

TYPES = ("person", "organisation", "place", "group")
KEYS = ("aliases", "type", "group")


def load_actor_file(path: str | Path) -> dict[str, dict[str, Any]]:
    """Parse the TOML actors file at ``path``."""
    source = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(source, f"cannot read the actors file: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise InputError(source, "the actors file is not UTF-8 text", line=line) from exc
    return parse_actors(text, source)


def parse_actors(text: str, source: str = "<actors>") -> dict[str, dict[str, Any]]:
    """Parse actors TOML ``text``; ``source`` names it in errors."""
    with _no_cyclic_gc():
        return _parse_actors(text, source)


@contextmanager
def _no_cyclic_gc():
    """Pause the cyclic garbage collector while a file is parsed.

    Parsing allocates a few objects per actor and frees none, so CPython's
    generational collector keeps running full collections over a heap that
    grows with the file: with it on, 10 MiB of actors took 4.2 s of CPU
    against 2.4 s without (and ×2.3-2.6 per doubling instead of ×2.0-2.1,
    ``benchmarks/scaling.py --patterns toml``). The parsed tables hold no
    reference cycles, so nothing is left for the collector; its previous
    state is restored afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _parse_actors(text: str, source: str) -> dict[str, dict[str, Any]]:
    try:
        data = tomllib.loads(text)
    except RecursionError:  # "a = [[[[…" thousands deep
        raise InputError(source, "invalid TOML: arrays or tables nested too deeply",
                         line=_deep_line(text)) from None
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"line (\d+)", msg)
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", msg) or "invalid TOML"
        raise InputError(source, f"invalid TOML: {reason}",
                         line=int(m.group(1)) if m else None) from exc
    table = data.get("actors", data)
    if not isinstance(table, dict):
        raise InputError(source, "'actors' must be a table of actor names",
                         line=_line_of(text, "actors"))
    out: dict[str, dict[str, Any]] = {}
    for name, value in table.items():
        # the line is looked up only for an error: a scan per actor made
        # 8,000 actors quadratic
        line = _LazyLine(text, name)
        if not str(name).strip():
            raise InputError(source, "an actor has an empty name", line=int(line) or None)
        if isinstance(value, str):
            value = [value]
        if isinstance(value, list):
            value = {"aliases": value}
        if not isinstance(value, dict):
            raise InputError(source, f"actor {name!r}: expected a list of aliases or a table "
                             f"with {', '.join(KEYS)}, got {type(value).__name__}", line=int(line) or None)
        unknown = sorted(set(value) - set(KEYS))
        if unknown:
            raise InputError(source, f"actor {name!r}: unknown key {unknown[0]!r} "
                             f"(valid keys: {', '.join(KEYS)})",
                             line=_line_of(text, unknown[0], after=int(line)))
        aliases = value.get("aliases", [])
        if isinstance(aliases, str):
            aliases = [aliases]
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise InputError(source, f"actor {name!r}: 'aliases' must be a list of strings",
                             line=_line_of(text, "aliases", after=int(line)))
        typ = value.get("type")
        if typ == "organization":  # US spelling accepted
            typ = "organisation"
        if typ is not None and typ not in TYPES:
            raise InputError(source, f"actor {name!r}: type {typ!r} is not one of "
                             f"{', '.join(TYPES)}", line=_line_of(text, "type", after=int(line)))
        group = value.get("group")
        if group is not None and not isinstance(group, str):
            raise InputError(source, f"actor {name!r}: 'group' must be a string",
                             line=_line_of(text, "group", after=int(line)))
        out[str(name)] = {"aliases": [a for a in aliases if a.strip()], "type": typ,
                          "group": group}
    return out


def _line_of(text: str, key: str, after: int | None = None) -> int | None:
    """The first line (1-based) at or after ``after`` where ``key`` is
    written as a key or table name; None when it cannot be found."""
    pattern = re.compile(r"^\s*(?:\[[^\]]*)?[\"']?" + re.escape(str(key)) + r"[\"']?\s*[=\].]")
    lines = text.splitlines()
    for i in range((after or 1) - 1, len(lines)):
        if pattern.search(lines[i]) or (f'"{key}"' in lines[i] or f"'{key}'" in lines[i]):
            return i + 1
    return None


class _LazyLine:
    """The line of an actor's key, found when first asked for (``int()``)."""

    def __init__(self, text: str, name: str):
        self.text, self.name, self.value = text, name, None

    def __int__(self) -> int:
        if self.value is None:
            self.value = _line_of(self.text, self.name) or 0
        return self.value


def _deep_line(text: str, limit: int = 100) -> int | None:
    """The line where brackets and braces first nest ``limit`` deep."""
    depth, line = 0, 1
    for ch in text:
        if ch == "\n":
            line += 1
        elif ch in "[{":
            depth += 1
            if depth >= limit:
                return line
        elif ch in "]}":
            depth = max(0, depth - 1)
    return None
