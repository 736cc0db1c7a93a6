"""The registered analyzers, in the order they run, and the pipeline runner.

Each entry assigns one section of the report (and possibly more outputs,
declared in ``assigns``); the contract tests in ``tests/test_contract.py``
run over every entry of :data:`REGISTRY`.
"""
from __future__ import annotations

from typing import Iterable, Sequence

from .base import Analyzer, Context, PipelineError, UndeclaredInput, VoiceMap
from . import actors, agency, hedging, questions, quotes, readability, sources

REGISTRY: tuple[Analyzer, ...] = (
    quotes.ANALYZER,  # first: its reported-speech regions make the voice map
    questions.ANALYZER,
    hedging.ANALYZER,
    readability.ANALYZER,
    actors.ANALYZER,  # reads quotes (speaker → actor) and the voice map
    agency.ANALYZER,  # reads the actors (who is agent, who affected) and the voice map
    sources.ANALYZER,  # reads quotes (speakers, cues) and actors (mentions, groups)
)

__all__ = ["Analyzer", "Context", "VoiceMap", "REGISTRY", "PipelineError", "UndeclaredInput",
           "run_all", "run_one", "check_pipeline", "resolve"]


def check_pipeline(analyzers: Sequence[Analyzer]) -> None:
    """Raise :class:`PipelineError` unless every declared input is assigned by
    an earlier analyzer (spaCy's ``analyze_pipes``, made strict)."""
    assigned: set[str] = set()
    for analyzer in analyzers:
        missing = [r for r in analyzer.requires if r not in assigned]
        if missing:
            raise PipelineError(f"analyzer {analyzer.name!r} needs {missing}, which no earlier "
                                f"analyzer assigns (order: {[a.name for a in analyzers]})")
        assigned.update(analyzer.assigns)


def resolve(names: Iterable[str], registry: Sequence[Analyzer] = REGISTRY) -> tuple[Analyzer, ...]:
    """The registered analyzers ``names`` plus everything they need, in registry order."""
    by_assign = {a: an for an in registry for a in an.assigns}
    known = [an.name for an in registry]
    wanted: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name not in by_assign:
            raise PipelineError(f"unknown analyzer {name!r}; valid: {', '.join(known)}")
        an = by_assign[name]
        if an.name not in wanted:
            wanted.add(an.name)
            todo.extend(an.requires)
    return tuple(an for an in registry if an.name in wanted)


def run_all(ctx: Context, analyzers: Sequence[Analyzer] = REGISTRY) -> dict:
    """Run ``analyzers`` in order: check the declared dependencies first, then
    give each analyzer only what it declared; build the voice map from the
    ``voices`` output. Returns ``ctx.results``."""
    check_pipeline(analyzers)
    for analyzer in analyzers:
        run_one(ctx, analyzer)
    return ctx.results


def run_one(ctx: Context, analyzer: Analyzer) -> None:
    """Run one analyzer whose inputs are in ``ctx`` (as :func:`run_all` does,
    without the order check): only declared reads, outputs stored, the
    voice map built from ``voices``."""
    ctx.reading = frozenset(analyzer.requires)
    try:
        out = analyzer.run(ctx)
    finally:
        ctx.reading = None
    outputs = out if len(analyzer.assigns) > 1 else {analyzer.name: out}
    if set(outputs) != set(analyzer.assigns):
        raise PipelineError(f"analyzer {analyzer.name!r} returned {sorted(outputs)}, "
                            f"declared {list(analyzer.assigns)}")
    for name, value in outputs.items():
        if name == "voices":
            ctx.voices = Context.voice_map(ctx.doc, value)
        ctx.results[name] = value
