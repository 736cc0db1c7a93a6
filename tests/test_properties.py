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


def test_same_output_in_other_processes_whatever_the_hash_seed():
    """Byte-identical JSON across processes: nothing depends on set or dict
    order under string hash randomisation (PYTHONHASHSEED)."""
    import json
    import os
    import subprocess
    import sys

    from .conftest import fixture_texts

    texts = fixture_texts() + ["“Is it over?” she asked. Officials say it may be, reportedly.",
                               "Mr. Smith said: „Das ist falsch“ — « vraiment ? » ’Tis odd."]
    code = ("import json, sys, framing\n"
            "texts = json.load(sys.stdin)\n"
            "print(json.dumps([framing.analyze(t).to_dict() for t in texts]))\n")
    here = json.dumps([framing.analyze(t).to_dict() for t in texts])
    for seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", code], input=json.dumps(texts), env=env,
                             capture_output=True, text=True, check=True)
        assert out.stdout.strip() == here


def _reference_tokens(text, start=0, end=None):
    """The tokenizer as the plain ``finditer`` idiom over the same pattern:
    one match object per token (what ``tokenize`` computes faster)."""
    import re

    from framing.text.tokens import _TOKEN, Token

    out = []
    for m in re.finditer(_TOKEN + r" | (\S)", text[:len(text) if end is None else end], re.VERBOSE):
        if m.start() < start:
            continue
        single = m.group(1)
        out.append(Token(m.start(), m.end(), m.group(), True) if single is None
                   else Token(m.start(), m.end(), single, single.isalnum()))
    return out


WHITESPACE_SOUP = st.text(alphabet=" \t\n\u00a0\u2003\u3000a.U3,5’'-_é\u0301?“", max_size=60)


@settings(max_examples=400, deadline=None)
@given(st.one_of(TEXTS, WHITESPACE_SOUP), st.integers(0, 70), st.integers(0, 70))
def test_tokenize_offsets_equal_one_match_per_token(text, a, b):
    from framing.text.tokens import tokenize

    assert tokenize(text) == _reference_tokens(text)
    a, b = sorted((min(a, len(text)), min(b, len(text))))
    if a == 0 or text[a - 1].isspace():  # a token boundary: both agree on the slice
        assert tokenize(text, a, b) == _reference_tokens(text, a, b)
    for t in tokenize(text):
        assert text[t.start:t.end] == t.text
