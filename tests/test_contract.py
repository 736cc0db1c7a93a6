"""The shared contract every registered analyzer must keep (DESIGN.md,
"scikit-learn" convention): empty text → no findings; every evidence span
matches the text; JSON round trip; deterministic output."""
from __future__ import annotations

import dataclasses
import json

import pytest

import framing
from framing import ArticleReport, Document
from framing.analyzers import REGISTRY, Context, run_all

from .conftest import fixture_texts

NAMES = [a.name for a in REGISTRY]


def _section_items(section) -> list:
    return list(getattr(section, "items", []) or [])


def _spans(obj):
    """Every (start, end, text) finding inside a section, however nested."""
    if dataclasses.is_dataclass(obj):
        fields = {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
        if {"start", "end", "text"} <= fields.keys():
            yield fields["start"], fields["end"], fields["text"]
        for value in fields.values():
            yield from _spans(value)
    elif isinstance(obj, (list, tuple)):
        for v in obj:
            yield from _spans(v)
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from _spans(v)


def _run_upto(name: str, text: str):
    ctx = Context.for_document(Document(text))
    upto = REGISTRY[: NAMES.index(name) + 1]
    return run_all(ctx, upto)[name]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("text", ["", "   \n\n  ", "..."])
def test_empty_text_gives_no_findings(name, text):
    section = _run_upto(name, text)
    assert _section_items(section) == []
    assert list(_spans(section)) == []


@pytest.mark.parametrize("name", NAMES)
def test_every_span_matches_the_text(name):
    checked = 0
    for text in fixture_texts():
        section = _run_upto(name, text)
        for start, end, covered in _spans(section):
            assert 0 <= start < end <= len(text)
            assert text[start:end] == covered
            checked += 1
    if name in ("questions", "hedging", "quotes", "agency", "sources"):
        assert checked > 0, f"{name} found nothing in the fixtures: the span check checked nothing"


@pytest.mark.parametrize("name", NAMES)
def test_sections_are_deterministic(name, sample_text):
    a = _run_upto(name, sample_text)
    b = _run_upto(name, sample_text)
    assert a == b


def test_report_round_trips_through_json(sample_text):
    report = framing.analyze(sample_text)
    d = report.to_dict()
    again = ArticleReport.from_dict(json.loads(json.dumps(d)))
    assert again == report
    assert again.to_dict() == d


def test_report_contract_fields(sample_text):
    d = framing.analyze(sample_text).to_dict()
    assert d["schema"] == "framing.article/1"
    assert {"words", "sentences"} <= d["stats"].keys()
    assert {"count", "rhetorical", "rhetorical_per_1k_words", "items"} <= d["questions"].keys()
    assert {"hedges", "boosters", "hedges_per_1k_words", "boosters_per_1k_words",
            "items"} <= d["hedging"].keys()
    assert "items" in d["quotes"] and "items" in d["actors"]
    for q in d["questions"]["items"]:
        assert {"start", "end", "text", "rhetorical", "voice"} <= q.keys()
        assert q["voice"] in ("author", "quoted")
    for h in d["hedging"]["items"]:
        assert {"start", "end", "text", "kind", "voice"} <= h.keys()
        assert h["kind"] in ("hedge", "booster")
    assert d["agency"]["items"], "the sample article has passives: the agency check checked nothing"
    for a in d["agency"]["items"]:
        assert {"start", "end", "text", "kind", "agentless", "agent_start", "agent_end",
                "voice"} <= a.keys()
        assert a["kind"] in ("passive", "nominalisation", "intransitive")
        assert a["voice"] in ("author", "quoted")
        assert a["agentless"] == (a["agent_start"] is None)


def test_same_input_gives_identical_json(sample_text):
    from framing.render import to_json

    assert to_json(framing.analyze(sample_text)) == to_json(framing.analyze(sample_text))


def test_rates_are_none_without_words():
    d = framing.analyze("").to_dict()
    assert d["stats"]["words"] == 0
    assert d["questions"]["rhetorical_per_1k_words"] is None
    assert d["hedging"]["hedges_per_1k_words"] is None


def test_from_dict_refuses_other_schema():
    with pytest.raises(ValueError):
        ArticleReport.from_dict({"schema": "something/9"})


def test_every_analyzer_declares_known_dependencies():
    seen: set[str] = set()
    for analyzer in REGISTRY:
        assert set(analyzer.requires) <= seen, analyzer.name
        seen.update(analyzer.assigns)


def test_to_dict_equals_asdict_and_shares_nothing():
    """The per-class converters give exactly ``dataclasses.asdict``'s result,
    and the dict is a copy: changing it leaves the report alone."""
    for text in fixture_texts():
        report = framing.analyze(text)
        d = report.to_dict()
        plain = dataclasses.asdict(report)
        assert d == {"schema": plain.pop("schema"), **plain}
        assert list(d)[0] == "schema"
        if report.actors.items:
            d["actors"]["items"][0]["mentions"].clear()
            d["actors"]["items"][0]["aliases"].append("changed")
            assert report.actors.items[0].mentions
            assert "changed" not in report.actors.items[0].aliases
