"""The pipeline's declared inputs and outputs (spaCy's analyze_pipes idea):
an analyzer may read only what it declared, every declared input must be
assigned by an earlier analyzer, and ``framing.analyze(analyzers=...)``
resolves what a chosen analyzer needs."""
from __future__ import annotations

import pytest

import framing
from framing import Document
from framing.analyzers import (REGISTRY, Analyzer, Context, PipelineError, UndeclaredInput,
                               check_pipeline, resolve, run_all)

TEXT = 'The mayor said the plan "may well work," and aides said it might fail.'


def test_every_registered_analyzer_declares_its_inputs_and_outputs():
    check_pipeline(REGISTRY)  # the registry order satisfies every declaration
    for analyzer in REGISTRY:
        assert analyzer.assigns[0] == analyzer.name
    assigns = {a.name: a.assigns for a in REGISTRY}
    assert "voices" in assigns["quotes"]
    for name in ("questions", "hedging", "actors"):
        assert "voices" in next(a for a in REGISTRY if a.name == name).requires


def test_run_all_rejects_an_undeclared_read():
    sneaky = Analyzer("sneaky", lambda ctx: ctx.section("quotes"))  # reads quotes, declares nothing
    ctx = Context.for_document(Document(TEXT))
    with pytest.raises(UndeclaredInput, match="quotes"):
        run_all(ctx, (REGISTRY[0], sneaky))


def test_run_all_rejects_reading_the_voice_map_undeclared():
    sneaky = Analyzer("sneaky", lambda ctx: ctx.voice(0))
    with pytest.raises(UndeclaredInput, match="voices"):
        run_all(Context.for_document(Document(TEXT)), (REGISTRY[0], sneaky))


def test_a_declared_input_must_come_from_an_earlier_analyzer():
    hedging = next(a for a in REGISTRY if a.name == "hedging")
    with pytest.raises(PipelineError, match="voices"):
        check_pipeline((hedging,))
    with pytest.raises(PipelineError, match="needs"):
        run_all(Context.for_document(Document(TEXT)), (hedging, REGISTRY[0]))


def test_outputs_must_match_the_declaration():
    liar = Analyzer("liar", lambda ctx: {"liar": 1}, assigns=("liar", "extra"))
    with pytest.raises(PipelineError, match="declared"):
        run_all(Context.for_document(Document(TEXT)), (liar,))


def test_one_analyzer_alone_gets_the_same_voices_as_the_full_pipeline():
    alone = framing.analyze(TEXT, analyzers=["hedging"]).hedging.items
    full = framing.analyze(TEXT).hedging.items
    assert [(h.text, h.voice) for h in alone] == [(h.text, h.voice) for h in full]
    assert {h.voice for h in alone} == {"quoted"}  # both cues sit in reported speech


def test_analyze_with_chosen_analyzers_leaves_other_sections_empty():
    report = framing.analyze(TEXT, analyzers=["readability"])
    assert report.hedging.items == [] and report.quotes.items == []
    assert [a.name for a in resolve(["actors"])] == ["quotes", "actors"]


def test_unknown_analyzer_names_the_valid_ones():
    with pytest.raises(PipelineError, match="hedging"):
        framing.analyze(TEXT, analyzers=["hedges"])
