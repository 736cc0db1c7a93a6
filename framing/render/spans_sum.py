"""Summed overlap of a span with many earlier spans, in O(log n) a step.

:class:`ClaimedSpans` answers "how many characters of ``[s, e)`` lie in the
spans added so far, each added span counted once per time it covers a
character" — exactly ``sum(max(0, min(e, ce) - max(s, cs)) for cs, ce in
added)`` — with two Fenwick trees over the span ends known up front, so a
report with n quotes costs O(n log n) instead of O(n²).
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Iterable


class ClaimedSpans:
    """Spans whose ends are all in ``coords``; see the module docstring."""

    def __init__(self, coords: Iterable[int]):
        self._x = sorted(set(coords))
        n = len(self._x) + 1
        self._d = [0] * n   # Fenwick over d_j (coverage steps)
        self._dx = [0] * n  # Fenwick over d_j * x_j

    def _add(self, j: int, v: int) -> None:
        x = self._x[j]
        i = j + 1
        while i < len(self._d):
            self._d[i] += v
            self._dx[i] += v * x
            i += i & -i

    def _prefix(self, k: int) -> int:
        # sum over elementary segments before coordinate k of coverage × length
        d = dx = 0
        i = k
        while i > 0:
            d += self._d[i]
            dx += self._dx[i]
            i -= i & -i
        return self._x[k] * d - dx

    def add(self, s: int, e: int) -> None:
        if e > s:
            self._add(bisect_left(self._x, s), 1)
            self._add(bisect_left(self._x, e), -1)

    def extend(self, spans: Iterable[tuple[int, int]]) -> None:
        for s, e in spans:
            self.add(s, e)

    def overlap(self, s: int, e: int) -> int:
        if e <= s:
            return 0
        return self._prefix(bisect_left(self._x, e)) - self._prefix(bisect_left(self._x, s))
