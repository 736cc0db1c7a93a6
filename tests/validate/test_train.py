"""``framing train`` → ``framing analyze --model``: a round trip on codes we
write here (invented verbs the shipped model cannot know), the model
applied is the one written, the shipped model untouched."""
from __future__ import annotations

import hashlib
import json
import math
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

import framing
from framing.cli import app

pytest.importorskip("sklearn")
runner = CliRunner()
NAMES = ["Ilse Varga", "Tomas Brekke", "Ana Sorel", "Piet Olander", "Mira Castell", "Jon Hale",
         "Rosa Lind", "Ivo Marek", "Lena Dorn", "Karl Aske", "Nora Vell", "Emil Traas"]
# invented words, so that only the user's codes can teach their polarity
FRAMES = {"negative": "{n} was zorbled by the council again.",
          "positive": "{n} was flimmed by the council again.",
          "neutral": "{n} met the council on Tuesday."}
SHIPPED = Path(framing.__file__).parent / "models" / "target_sentiment.json"


def _corpus(tmp_path: Path, n_articles: int = 18, seed: int = 0):
    rnd = random.Random(seed)
    arts = tmp_path / "articles"
    arts.mkdir()
    rows = ["unit,coder,value,variable,article,start,end"]
    for a in range(n_articles):
        text, spans = "", []
        for k, label in enumerate(rnd.sample(list(FRAMES) * 2, 6)):
            name = rnd.choice(NAMES)
            sentence = FRAMES[label].format(n=name)
            spans.append((len(text), len(text) + len(name), label))
            text += sentence + " "
        (arts / f"a{a}.txt").write_text(text.strip() + "\n", encoding="utf-8")
        for k, (s, e, label) in enumerate(spans):
            for coder in ("ann", "ben"):
                rows.append(f"a{a}-{k},{coder},{label},sentiment,a{a},{s},{e}")
    codes = tmp_path / "codes.csv"
    codes.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return codes, arts


def _softmax_score(model: dict, feats: dict) -> float:
    z = list(model["intercept"])
    for k, v in feats.items():
        w = model["weights"].get(k)
        if w:
            z = [zi + v * wi for zi, wi in zip(z, w)]
    top = max(z)
    e = [math.exp(x - top) for x in z]
    return round((e[2] - e[0]) / sum(e), 4)


def test_train_then_analyze_with_the_model(tmp_path):
    shipped_before = hashlib.sha256(SHIPPED.read_bytes()).hexdigest()
    codes, arts = _corpus(tmp_path)
    out = tmp_path / "model.json"
    res = runner.invoke(app, ["train", str(codes), "--articles", str(arts), "--component",
                              "sentiment-fast", "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert "refitted (out of fold)" in res.stdout and "shipped --fast model" in res.stdout
    model = json.loads(out.read_text(encoding="utf-8"))
    assert model["component"] == "sentiment-fast" and model["format"] == "framing.linear/1"
    cv = model["training"]["cv"]
    assert cv["refit"]["macro_f1"] > cv["shipped"]["macro_f1"]
    assert hashlib.sha256(SHIPPED.read_bytes()).hexdigest() == shipped_before

    # a new article with names it never saw in those roles
    text = ("Hugo Brandt was zorbled by the council again. Alma Reis was flimmed by the council "
            "again. Otto Weil met the council on Tuesday.")
    art = tmp_path / "new.txt"
    art.write_text(text, encoding="utf-8")
    res = runner.invoke(app, ["analyze", str(art), "--model", str(out), "--format", "json"])
    assert res.exit_code == 0, res.output
    rep = json.loads(res.stdout)
    assert out.name in rep["actors"]["sentiment_model"]
    labels = {m["text"]: m["label"] for a in rep["actors"]["items"] for m in a["mentions"]}
    assert labels == {"Hugo Brandt": "negative", "Alma Reis": "positive", "Otto Weil": "neutral"}
    # the scores are the written model's, applied to the run-time features
    doc = framing.Document(text)
    for a in rep["actors"]["items"]:
        for m in a["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
            feats = framing.sentiment.features(doc, m["start"], m["end"])
            assert m["score"] == pytest.approx(_softmax_score(model, feats), abs=2e-4)
    # the API takes the same file; without it the shipped model scores
    api = framing.analyze(text, model=out)
    assert [m.score for a in api.actors.items for m in a.mentions] == \
        [m["score"] for a in rep["actors"]["items"] for m in a["mentions"]]
    shipped = framing.analyze(text, fast=True)
    assert shipped.actors.sentiment_model == "linear (fast)"
    assert {m.text: m.label for a in shipped.actors.items for m in a.mentions} != labels


def test_validate_with_the_trained_model(tmp_path):
    codes, arts = _corpus(tmp_path, n_articles=8, seed=1)
    out = tmp_path / "m.json"
    assert runner.invoke(app, ["train", str(codes), "--articles", str(arts), "--out",
                               str(out)]).exit_code == 0
    res = runner.invoke(app, ["validate", str(codes), "--articles", str(arts), "--model", str(out),
                              "--format", "json", "--bootstrap", "0"])
    assert res.exit_code == 0, res.output
    f = json.loads(res.stdout)["variables"]["sentiment"]["framing"]
    assert f["accuracy"] == 1.0  # trained on these very codes


def test_bad_model_files_and_inputs(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("Ana Sorel met the council.", encoding="utf-8")
    cases = {"notjson.json": "{", "nocomp.json": json.dumps({"format": "framing.linear/1"}),
             "unknown.json": json.dumps({"component": "tea-leaves"}),
             "broken.json": json.dumps({"component": "sentiment-fast", "format": "framing.linear/1",
                                        "classes": ["negative", "neutral", "positive"],
                                        "intercept": [0, 0], "weights": {}})}
    for name, body in cases.items():
        p = tmp_path / name
        p.write_text(body, encoding="utf-8")
        res = runner.invoke(app, ["analyze", str(art), "--model", str(p)])
        assert res.exit_code == 1, (name, res.output)
        assert name in res.output and "Traceback" not in res.output
    codes = tmp_path / "codes.csv"
    codes.write_text("unit,coder,value,variable,article,start,end\nu,a,angry,sentiment,a,0,3\n",
                     encoding="utf-8")
    res = runner.invoke(app, ["train", str(codes), "--articles", str(tmp_path)])
    assert res.exit_code == 1 and "not one of" in res.output
    res = runner.invoke(app, ["train", str(codes), "--articles", str(tmp_path), "--out",
                              str(SHIPPED)])
    assert res.exit_code == 2


def test_the_registry_takes_another_component():
    from framing.train import COMPONENTS, Component, register

    comp = Component("question-test", "a stand-in", variable="rhetorical", labels=("yes", "no"),
                     trainer="framing.train.sentiment_fast:train",
                     activate="framing.sentiment.linear:use_model")
    try:
        assert register(comp) is COMPONENTS["question-test"]
        with pytest.raises(ValueError):
            register(Component("question-test", "other", "x", ("a",), "m:f", "m:g"))
    finally:
        COMPONENTS.pop("question-test", None)
