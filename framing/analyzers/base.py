"""What an analyzer is, and the context it runs in.

Following spaCy's component convention, an analyzer declares the report
section it assigns (``name``) and the earlier sections it reads
(``requires``); it is a pure function of the :class:`Context` and returns a
section object from :mod:`framing.report`. Analyzers never print and never
re-parse the text.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from ..document import Document


class VoiceMap:
    """Answers "is this span in the author's voice or in a quoted voice?".

    Built from the document's quoted regions; the quotation analyzer, once it
    runs, contributes its reported-speech regions too (``extend``), so every
    later analyzer sees the same voice boundaries.
    """

    def __init__(self, regions: Iterable[tuple[int, int]] = ()):
        self._starts: list[int] = []
        self._ends: list[int] = []
        self.extend(regions)

    def extend(self, regions: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for s, e in sorted([*zip(self._starts, self._ends), *((r[0], r[1]) for r in regions)]):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def voice(self, start: int, end: int | None = None) -> str:
        """"quoted" when the span's start lies inside a quoted region."""
        i = bisect_right(self._starts, start) - 1
        return "quoted" if i >= 0 and start < self._ends[i] else "author"


@dataclass
class Context:
    """The shared state of one analysis: the document, the voice map and the
    sections produced so far (keyed by analyzer name)."""

    doc: Document
    voices: VoiceMap
    results: dict[str, Any] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def for_document(cls, doc: Document, **options: Any) -> "Context":
        return cls(doc, VoiceMap((q.start, q.end) for q in doc.quotes), {}, options)

    def voice(self, start: int, end: int | None = None) -> str:
        return self.voices.voice(start, end)


@dataclass(frozen=True)
class Analyzer:
    """A registered analyzer: ``run(ctx)`` returns the section ``name``."""

    name: str
    run: Callable[[Context], Any]
    requires: tuple[str, ...] = ()
    description: str = ""
