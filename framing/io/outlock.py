"""One run at a time per output folder: ``DIR/.framing.lock``.

Two runs writing the same ``--out`` destroy each other's results (each moves
its own ``articles.jsonl`` into place; with Dask the second removes the
first's partitions). :func:`hold` creates the lock file atomically with the
process id, host, start time and command; a second run finds it and stops
with a message naming the first. A lock left by a process that no longer
runs (on this host) is taken over. The lock is removed when the process
that holds it exits.
"""
from __future__ import annotations

import atexit
import json
import os
import socket
import sys
import time
from pathlib import Path

from ..errors import FramingError

LOCK_NAME = ".framing.lock"
_held: set[str] = set()


class LockedError(FramingError):
    """Another run is writing to the output folder."""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _release(path: str) -> None:
    try:
        with open(path, encoding="utf-8") as fh:
            if json.load(fh).get("pid") == os.getpid():
                os.unlink(path)
    except (OSError, ValueError):
        pass
    _held.discard(path)


def hold(folder: str | os.PathLike) -> Path:
    """Take the lock of ``folder`` for this process (a no-op when it already
    holds it); raises :class:`LockedError` naming the run that holds it."""
    path = Path(folder) / LOCK_NAME
    key = str(path.resolve())
    if key in _held:
        return path
    info = {"pid": os.getpid(), "host": socket.gethostname(),
            "started": time.strftime("%Y-%m-%d %H:%M:%S %Z"), "command": " ".join(sys.argv)}
    for _ in range(3):
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            try:
                other = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                other = {}
            pid = other.get("pid")
            if other.get("host") == info["host"] and isinstance(pid, int) and (
                    pid == os.getpid() or not _alive(pid)):
                path.unlink(missing_ok=True)  # ours, or stale: take it over
                continue
            if not other:  # being written right now, or garbage: give it a moment
                time.sleep(0.2)
                if not path.exists():
                    continue
            raise LockedError(f"{folder}: another framing run is writing here (pid {pid} on "
                                           f"{other.get('host', '?')}, started "
                                           f"{other.get('started', '?')}: "
                                           f"{other.get('command', '?')}); wait for it to end, "
                                           f"or delete {path} if it is no longer running")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(info, fh)
        _held.add(key)
        atexit.register(_release, key)
        return path
    raise LockedError(f"{folder}: could not take the lock {path}")
