"""Property tests: arbitrary unicode never crashes ``analyze`` and always
yields valid, deterministic evidence spans."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing

from .test_contract import _spans

MARKS = st.sampled_from(list('"“”„«»‘’\'?!.…:;,—\n\n  ') + ["Mr.", "U.S.", "may", "clearly",
                                                          "Isn't it", "said", "?”", ".”"])
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(MARKS, st.text(alphabet="abcXYZ ", max_size=8)), max_size=80).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_gives_valid_spans_and_same_output(text):
    report = framing.analyze(text)
    for start, end, covered in _spans(report):
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == covered
    assert framing.analyze(text).to_dict() == report.to_dict()
    doc = framing.Document(text)
    for s in doc.sentences:
        assert 0 <= s.start < s.end <= len(text)
    for q in doc.quotes:
        assert 0 <= q.start < q.end <= len(text)
