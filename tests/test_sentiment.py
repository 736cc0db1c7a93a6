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
from framing.sentiment.labels import label_of
from framing.sentiment.linear import LABELS, SentimentScorer, _model, features, target_sentiment


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
        assert r.score == pytest.approx(r.probabilities["positive"] - r.probabilities["negative"],
                                        abs=2e-4)
        assert r.label == label_of(r.score)  # one rule: the label follows the score


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
        assert fast.label == label_of(fast.score)


def _z_slow(doc, start, end):
    _, intercept, weights = _model()
    f = features(doc, start, end)
    return [intercept[c] + sum(weights[k][c] * v for k, v in f.items() if k in weights)
            for c in range(3)]


OWN_TEXTS = [
    "Critics slammed Ivo Marsh's corrupt deal, but Dara Venn won praise for her honesty.",
    "“We will not back down,” said Mayor Elin Roth, who blamed the council for the delay. "
    "The council, led by Piet Aaltonen, was accused of hiding 12 reports.",
    "Without doubt the brave rescue by Sana Ilves saved lives; nobody thanked Oskar Lind.",
    "Analysts criticised Greta Holm; however, investors were not unhappy with Holm's plan!",
    "In a speech to supporters of Tomas Kerr (a former judge), the senator praised Kerr and "
    "attacked his rivals, calling them dishonest, reckless and cruel.",
    # a framing verb on both sides sets the same "fvp_obj" feature twice: it counts once
    "Critics who attacked Ivo Marsh were attacked by the press.",
]


def test_fast_path_matches_features_on_every_span():
    """``_z`` (table look-ups, cached sentence parts) equals the dot product
    of :func:`features` with the weights, for every token and every run of
    two or three tokens of our own texts, scored in one pass per document."""
    checked = 0
    for text in OWN_TEXTS:
        doc = Document(text)
        scorer = SentimentScorer(doc)
        toks = doc.tokens
        for i in range(len(toks)):
            for width in (1, 2, 3):
                if i + width > len(toks):
                    continue
                s, e = toks[i].start, toks[i + width - 1].end
                fast = scorer._z(s, e)
                slow = _z_slow(doc, s, e)
                assert fast == pytest.approx(slow, abs=1e-9), (text[s:e], fast, slow)
                checked += 1
    assert checked > 300


def test_possessive_target_is_marked():
    text = "Critics slammed Ivo Marsh's corrupt deal, but praised Ivo Marsh."
    doc = Document(text)
    assert features(doc, *span(text, "Ivo Marsh's")).get("t_poss") == 1.0
    assert "t_poss" not in features(doc, *span(text, "Ivo Marsh", 1))


def test_role_crossed_with_clause_tone():
    text = ("Dara Venn won great praise. Angry critics attacked Ivo Marsh. "
            "They showed no respect for Lina Porr, a shameful insult.")
    doc = Document(text)
    venn = features(doc, *span(text, "Dara Venn"))
    marsh = features(doc, *span(text, "Ivo Marsh"))
    porr = features(doc, *span(text, "Lina Porr"))
    assert venn.get("rc:subj:+") == 1.0
    assert marsh.get("rc:obj:-") == 1.0
    assert "rc:subj:+" not in marsh and "rc:subj:-" not in marsh
    # object of "for": the tone before it in the clause ("no respect" is negated)
    assert porr.get("rc:pobj:-") == 1.0 and porr.get("rc:pobj:for:-") == 1.0


def test_prefix_features_share_evidence_between_word_forms():
    a = features(Document("Officials accused Ivo Marsh of corruption."), 18, 27)
    b = features(Document("Officials accused Ivo Marsh of corrupt deals."), 18, 27)
    assert a["Rp:corru"] == b["Rp:corru"] == 1.0
    assert a["wp:corru"] == b["wp:corru"] == 1.0
    assert "w:corruption" in a and "w:corruption" not in b
    # the target's own words are masked in the prefix bag too
    assert "wp:marsh" not in a and a["wp:<t>"] == 1.0


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
            "import framing.sentiment.linear as s; print('sklearn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False"]


# -- the default model: the fine-tuned encoder ----------------------------------------------
def test_default_model_is_the_encoder_and_fast_the_linear_one():
    text = "The judges praised Lena Ostrova for her brilliant work. Police arrested Karl Wendt."
    spans = [span(text, "Lena Ostrova"), span(text, "Karl Wendt")]
    default = framing.target_sentiment(text, spans)
    fast = framing.target_sentiment(text, spans, fast=True)
    assert [r.score for r in fast] == [r.score for r in target_sentiment(text, spans)]
    assert [r.score for r in default] != [r.score for r in fast]
    assert default[0].score > 0.2 > -0.2 > default[1].score
    assert framing.target_sentiment(text, spans) == default  # deterministic
    report = framing.analyze(text)
    assert report.actors.sentiment_model.startswith("encoder")
    assert framing.analyze(text, fast=True).actors.sentiment_model.startswith("linear")


def test_encoder_scores_each_target_of_a_sentence_apart():
    text = "Voters adored Clara Dunmore and praised her honesty, but they despised Victor Hale."
    clara, victor = framing.target_sentiment(text, [span(text, "Clara Dunmore"),
                                                    span(text, "Victor Hale")])
    assert clara.score > 0 > victor.score


def test_labels_never_contradict_scores_anywhere(sample_text):
    """Mentions, actors, voices and speaker→actor cells: one rule over one quantity."""
    from .conftest import fixture_texts

    for text in [*fixture_texts(), sample_text]:
        for fast in (False, True):
            sec = framing.analyze(text, fast=fast).actors
            for a in sec.items:
                assert a.label == label_of(a.score)
                for m in a.mentions:
                    assert m.label == label_of(m.score)
                for s in (a.author, a.quoted):
                    assert s.label == (label_of(s.score) if s.n else None)
            for cell in sec.speaker_actor:
                assert cell.label == label_of(cell.score)


def test_missing_encoder_file_is_a_clear_error(monkeypatch):
    from framing.models import ModelError
    from framing.models import encoder

    monkeypatch.setattr(encoder, "MODEL", "no-such-model.onnx")
    encoder._session.cache_clear()
    try:
        with pytest.raises(ModelError, match="no-such-model.onnx.*--fast"):
            framing.target_sentiment("Ana praised Ben.", [(11, 14)])
    finally:
        monkeypatch.undo()
        encoder._session.cache_clear()


# -- one pass per sentence ----------------------------------------------------------------
def _passes(text, spans):
    from framing.models.encoder import _tokenizer, encode_sentence

    tok = _tokenizer()
    return tok, encode_sentence(tok, text, spans)


def test_targets_of_a_sentence_share_one_pass_each_at_its_own_marker():
    text = "Mayor Ines Quarry thanked the volunteers while Councillor Bram Oduya left early."
    spans = [span(text, "Ines Quarry"), span(text, "Bram Oduya"), span(text, "Ines Quarry")]
    tok, passes = _passes(text, spans)
    assert len(passes) == 1
    ids, marks = passes[0]
    assert sorted(k for k, _ in marks) == [0, 1, 2]
    at = dict(marks)
    assert at[0] == at[2] != at[1]          # the same mention twice: one marker
    for k, pos in marks:
        assert tok.id_to_token(ids[pos]) == "[unused0]"
        closing = ids.index(tok.token_to_id("[unused1]"), pos)
        assert tok.decode(ids[pos + 1:closing]).replace(" ", "") == \
            text[spans[k][0]:spans[k][1]].lower().replace(" ", "")


def test_overlapping_targets_go_to_separate_passes():
    text = "Governor Ada Vell signed the bill."
    spans = [span(text, "Governor Ada Vell"), span(text, "Ada Vell")]
    _, passes = _passes(text, spans)
    assert len(passes) == 2
    assert sorted(k for _, marks in passes for k, _ in marks) == [0, 1]


def test_a_long_sentence_gets_a_window_per_target():
    from framing.models.encoder import MAX_TOKENS

    filler = " and then the committee met again" * 40
    text = "Ada Vell spoke" + filler + " before Bram Oduya replied."
    spans = [span(text, "Ada Vell"), span(text, "Bram Oduya")]
    tok, passes = _passes(text, spans)
    assert len(passes) == 2
    for ids, [(k, pos)] in passes:
        assert len(ids) <= MAX_TOKENS and tok.id_to_token(ids[pos]) == "[unused0]"


def test_a_target_asked_for_twice_is_scored_once():
    """Both copies read the same marker and leave the pass unchanged."""
    text = "Voters adored Clara Dunmore, but they despised Victor Hale."
    a = framing.target_sentiment(text, [span(text, "Clara Dunmore"), span(text, "Victor Hale")])
    b = framing.target_sentiment(text, [span(text, "Clara Dunmore"), span(text, "Victor Hale"),
                                        span(text, "Victor Hale")])
    assert [r.score for r in a] == [r.score for r in b[:2]] and b[1].score == b[2].score
