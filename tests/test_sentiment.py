"""framing.target_sentiment: the contract, direction on clear cases, the
fast scoring path against the training features, and the shipped model.
Every sentence here was written for these tests."""
from __future__ import annotations

import json
import math
import subprocess
import sys
from importlib import resources

import pytest

import framing
from framing.document import Document
from framing.sentiment import LABELS, SentimentScorer, _model, features, target_sentiment


def span(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


def score_of(text: str, word: str) -> float:
    return target_sentiment(text, [span(text, word)])[0].score


def test_contract_one_result_per_span():
    text = "Mara Quist thanked the nurses. Officials blamed Tobias Renn for the delay."
    spans = [span(text, "Mara Quist"), span(text, "Tobias Renn"), span(text, "nurses")]
    out = framing.target_sentiment(text, spans)
    assert len(out) == 3
    for r, (s, e) in zip(out, spans):
        assert (r.start, r.end) == (s, e)
        assert r.label in LABELS
        assert -1.0 <= r.score <= 1.0
        assert set(r.probabilities) == set(LABELS)
        assert math.isclose(sum(r.probabilities.values()), 1.0, abs_tol=1e-3)
        assert r.label == max(r.probabilities, key=r.probabilities.get)


def test_empty_span_list_and_bad_spans():
    assert target_sentiment("Anything at all.", []) == []
    with pytest.raises(ValueError):
        target_sentiment("short", [(2, 99)])
    with pytest.raises(ValueError):
        target_sentiment("short", [(3, 3)])


@pytest.mark.parametrize("text, word", [
    ("The judges praised Lena Ostrova for her brilliant, generous and inspiring work.",
     "Lena Ostrova"),
    ("Fans cheered as Paulo Brandt won the title, calling him a hero and a great champion.",
     "Paulo Brandt"),
])
def test_clear_positive(text, word):
    r = target_sentiment(text, [span(text, word)])[0]
    assert r.score > 0.2, r


@pytest.mark.parametrize("text, word", [
    ("Police arrested Karl Wendt, who is accused of murdering two teenagers.", "Karl Wendt"),
    ("Critics slammed Ivo Marsh as a corrupt liar who stole millions from the poor.",
     "Ivo Marsh"),
])
def test_clear_negative(text, word):
    r = target_sentiment(text, [span(text, word)])[0]
    assert r.score < -0.2, r


def test_same_sentence_different_targets():
    text = "Voters adored Clara Dunmore and praised her honesty, but they despised Victor Hale."
    clara, victor = target_sentiment(text, [span(text, "Clara Dunmore"),
                                            span(text, "Victor Hale")])
    assert clara.score > victor.score


def test_role_agent_of_harm_vs_victim():
    text = "Rolf Acker attacked and killed Tim Lowe in a brutal assault."
    acker, lowe = target_sentiment(text, [span(text, "Rolf Acker"), span(text, "Tim Lowe")])
    assert acker.score < lowe.score


def test_negation_flips_the_direction():
    good = "Reviewers said Ines Pardo was honest and helpful."
    bad = "Reviewers said Ines Pardo was not honest and not helpful."
    assert score_of(good, "Ines Pardo") > score_of(bad, "Ines Pardo")


def test_fast_path_matches_training_features():
    """The analyzer scores with a cached, patched sentence bag; the training
    script sees plain feature dicts. Both must give the same numbers."""
    classes, intercept, weights = _model()
    text = ("Mara Quist thanked the nurses, but Officials blamed Tobias Renn. "
            "“He failed us,” Quist said of Renn. The 3 inspectors were not impressed.")
    doc = Document(text)
    scorer = SentimentScorer(doc)
    for word in ("Mara Quist", "nurses", "Tobias Renn", "He", "Quist", "Renn", "inspectors"):
        s, e = span(text, word)
        fast = scorer.score(s, e)
        f = features(doc, s, e)
        z = [intercept[c] + sum(weights[k][c] * v for k, v in f.items() if k in weights)
             for c in range(3)]
        top = max(z)
        ex = [math.exp(x - top) for x in z]
        p = [x / sum(ex) for x in ex]
        assert fast.score == pytest.approx(p[2] - p[0], abs=2e-4), word
        assert fast.label == classes[z.index(max(z))]


def test_target_identity_is_masked():
    """Swapping the target's name leaves its score unchanged: the model has
    no prior about particular people."""
    a = "Analysts criticised Greta Holm for the failed merger."
    b = "Analysts criticised Piotr Zalewski for the failed merger."
    assert score_of(a, "Greta Holm") == pytest.approx(score_of(b, "Piotr Zalewski"), abs=1e-4)


def test_model_file_is_plain_json():
    raw = resources.files("framing.models").joinpath("target_sentiment.json").read_text("utf-8")
    data = json.loads(raw)
    assert data["format"] == "framing.linear/1"
    assert data["classes"] == list(LABELS)
    assert len(data["intercept"]) == 3
    assert all(len(w) == 3 for w in data["weights"].values())
    assert data["training"]["script"] == "benchmarks/train_sentiment.py"


def test_runtime_does_not_import_sklearn():
    code = ("import sys, framing; framing.target_sentiment('Ann Lee won.', [(0, 7)]); "
            "framing.analyze('Ann Lee won. She smiled.'); "
            "import framing.sentiment as s; print('sklearn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False"]
