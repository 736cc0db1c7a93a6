"""What an analyzer is, and the context it runs in.

Following spaCy's component convention (``analyze_pipes``), an analyzer
declares what it reads (``requires``: names assigned by earlier analyzers)
and what it assigns (``assigns``: its report section ``name`` first, and any
further outputs). It is a pure function of the :class:`Context` and returns
its section object from :mod:`framing.report`, or a mapping with one entry
per name in ``assigns``. Analyzers never print and never re-parse the text.

The voice map is one such output: the quotation analyzer assigns
``voices``, the reported-speech regions it found, and
:func:`framing.analyzers.run_all` builds the :class:`VoiceMap` from the
document's quotation marks plus those regions. An analyzer that asks for a
span's voice (``ctx.voice``) must declare ``requires=("voices",)``; inside
``run_all`` reading anything undeclared raises :class:`UndeclaredInput`.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from ..document import Document
from ..errors import FramingError


class PipelineError(FramingError):
    """Analyzers whose declared inputs no earlier analyzer assigns, or that
    read what they did not declare."""


class UndeclaredInput(PipelineError):
    """An analyzer read a result it did not list in ``requires``."""


class VoiceMap:
    """Answers "is this span in the author's voice or in a quoted voice?".

    Built from the document's quoted regions and, in the pipeline, the
    reported-speech regions the quotation analyzer assigns as ``voices``, so
    every later analyzer sees the same voice boundaries.
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
    #: inside run_all, the names the running analyzer declared (None outside)
    reading: frozenset[str] | None = field(default=None, repr=False)

    @classmethod
    def for_document(cls, doc: Document, **options: Any) -> "Context":
        return cls(doc, cls.voice_map(doc), {}, options)

    @staticmethod
    def voice_map(doc: Document, reported: Iterable[tuple[int, int]] = ()) -> VoiceMap:
        """The document's quotation marks plus reported-speech regions."""
        voices = VoiceMap((q.start, q.end) for q in doc.quotes)
        voices.extend(reported)
        return voices

    def _check(self, name: str) -> None:
        if self.reading is not None and name not in self.reading:
            raise UndeclaredInput(f"an analyzer read {name!r} without declaring it in requires "
                                  f"(it declared {sorted(self.reading) or 'nothing'})")

    def section(self, name: str) -> Any:
        """The result ``name`` assigned by an earlier analyzer (None if it did not run)."""
        self._check(name)
        return self.results.get(name)

    def voice(self, start: int, end: int | None = None) -> str:
        """"author" or "quoted" for the span (needs ``requires=("voices",)``)."""
        self._check("voices")
        return self.voices.voice(start, end)


@dataclass(frozen=True)
class Analyzer:
    """A registered analyzer: ``run(ctx)`` returns the section ``name``
    (or a mapping with every name in ``assigns``)."""

    name: str
    run: Callable[[Context], Any]
    requires: tuple[str, ...] = ()
    description: str = ""
    assigns: tuple[str, ...] = ()

    def __post_init__(self):
        if not self.assigns:
            object.__setattr__(self, "assigns", (self.name,))
        elif self.assigns[0] != self.name:
            raise PipelineError(f"analyzer {self.name!r}: assigns must start with its name")
