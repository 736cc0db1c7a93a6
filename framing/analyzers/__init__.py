"""The registered analyzers, in the order they run.

Each entry assigns one section of the report; the contract tests in
``tests/test_contract.py`` run over every entry of :data:`REGISTRY`.
"""
from __future__ import annotations

from .base import Analyzer, Context, VoiceMap
from . import actors, hedging, questions, quotes, readability

REGISTRY: tuple[Analyzer, ...] = (
    quotes.ANALYZER,  # first: its reported-speech regions feed every later voice field
    questions.ANALYZER,
    hedging.ANALYZER,
    readability.ANALYZER,
    actors.ANALYZER,  # last: reads quotes (speaker → actor) and the voice map
)

__all__ = ["Analyzer", "Context", "VoiceMap", "REGISTRY", "run_all"]


def run_all(ctx: Context, analyzers: tuple[Analyzer, ...] = REGISTRY) -> dict:
    """Run ``analyzers`` in order, checking declared dependencies."""
    for analyzer in analyzers:
        missing = [r for r in analyzer.requires if r not in ctx.results]
        if missing:
            raise RuntimeError(f"analyzer {analyzer.name!r} needs {missing} to run first")
        ctx.results[analyzer.name] = analyzer.run(ctx)
    return ctx.results
