"""``framing validate``: reading codes, framing as one more coder, the
report's figures against scikit-learn, the CLI's outputs and errors."""
from __future__ import annotations

import csv
import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from framing.cli import app
from framing.validate.alpha import alpha
from framing.validate.codes import CodesError, matrix, read_codes
from framing.validate.report import build, classification, majority

DATA = Path(__file__).parent / "data"
CODES = DATA / "codes.csv"
ARTICLES = DATA / "articles"
runner = CliRunner()


def _write(tmp_path, rows, name="codes.csv", header="unit,coder,value,variable"):
    p = tmp_path / name
    p.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return p


def test_fixture_spans_are_the_coded_words():
    for c in read_codes(CODES):
        text = (ARTICLES / f"{c.article}.txt").read_text(encoding="utf-8")
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start:c.end].strip() == text[c.start:c.end]


def test_report_alpha_is_the_alpha_of_the_matrix():
    codes = read_codes(CODES)
    rep, _ = build(codes, samples=50)
    for var, v in rep["variables"].items():
        _, coders, data = matrix(codes, var)
        assert v["coders"] == coders == ["ann", "ben", "cat"]
        res = alpha(data)
        assert v["alpha"] == pytest.approx(res.alpha, abs=1e-6)
        assert v["pairable"] == res.pairable
        lo, hi = v["alpha_ci"]
        assert lo <= v["alpha"] <= hi
        assert "framing" not in v


def test_missing_value_and_conflicts(tmp_path):
    p = _write(tmp_path, ["u1,a,x,v", "u1,a,,v", "u1,b,x,v", "u2,a,y,v", "u2,b,,v"])
    codes = read_codes(p)
    _, _, data = matrix(codes, "v")
    assert data == [["x", "x"], ["y", None]]
    bad = _write(tmp_path, ["u1,a,x,v", "u1,a,y,v"], name="bad.csv")
    with pytest.raises(CodesError, match=r"bad.csv:3: .*two different values"):
        read_codes(bad)
    with pytest.raises(CodesError, match="missing column"):
        read_codes(_write(tmp_path, ["u1,a"], name="cols.csv", header="unit,coder"))


def test_jsonl_codes_equal_csv_codes(tmp_path):
    p = tmp_path / "codes.jsonl"
    with open(CODES, encoding="utf-8") as fh, open(p, "w", encoding="utf-8") as out:
        for row in csv.DictReader(fh):
            row["start"], row["end"] = int(row["start"]), int(row["end"])
            out.write(json.dumps(row) + "\n")
    assert read_codes(p) == read_codes(CODES)


def test_interval_level_needs_numbers(tmp_path):
    p = _write(tmp_path, ["u1,a,3,v", "u1,b,4,v", "u2,a,1,v", "u2,b,hi,v"])
    with pytest.raises(CodesError, match="numeric"):
        build(read_codes(p), "interval", samples=0)
    ok = _write(tmp_path, ["u1,a,3,v", "u1,b,4,v", "u2,a,1,v", "u2,b,1,v"], name="ok.csv")
    rep, _ = build(read_codes(ok), "interval", samples=0)
    assert rep["variables"]["v"]["alpha"] == pytest.approx(
        alpha([[3.0, 4.0], [1.0, 1.0]], "interval").alpha, abs=1e-6)


def test_majority_and_ties():
    assert majority(["a", "a", "b"]) == "a"
    assert majority(["a", "b"]) is None
    assert majority([None, "b"]) == "b"
    assert majority([None, None]) is None


def test_classification_equals_scikit_learn():
    metrics = pytest.importorskip("sklearn.metrics")
    rnd = random.Random(4)
    labels = ["hedge", "booster", "none"]
    gold = [rnd.choice(labels) for _ in range(200)]
    pred = [g if rnd.random() < 0.6 else rnd.choice(labels + ["other"]) for g in gold]
    ours = classification(gold, pred)
    classes = sorted(set(gold) | set(pred))
    p, r, f, s = metrics.precision_recall_fscore_support(gold, pred, labels=classes,
                                                         zero_division=0)
    for i, lab in enumerate(classes):
        m = ours["per_class"][lab]
        assert (m["precision"], m["recall"], m["f1"], m["support"]) == pytest.approx(
            (p[i], r[i], f[i], s[i]), abs=1e-4)
    assert ours["accuracy"] == pytest.approx(metrics.accuracy_score(gold, pred), abs=1e-4)
    assert ours["macro_f1"] == pytest.approx(
        metrics.f1_score(gold, pred, labels=sorted(set(gold)), average="macro"), abs=1e-4)
    cm = metrics.confusion_matrix(gold, pred, labels=classes)
    assert [[ours["confusion"][g][q] for q in classes] for g in classes] == cm.tolist()


def _framing_report(tmp_path, extra=()):
    res = runner.invoke(app, ["validate", str(CODES), "--articles", str(ARTICLES), "--fast",
                              "--bootstrap", "100", "--format", "json", "--out",
                              str(tmp_path / "out"), *extra])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def test_framing_as_one_more_coder(tmp_path):
    import framing

    rep = _framing_report(tmp_path)
    codes = read_codes(CODES)
    reports = {a: framing.analyze((ARTICLES / f"{a}.txt").read_text(encoding="utf-8"), fast=True)
               for a in ("harbour", "library")}
    for var, v in rep["variables"].items():
        f = v["framing"]
        assert set(f) >= {"alpha_with", "accuracy", "macro_f1", "confusion", "per_class"}
        total = sum(sum(row.values()) for row in f["confusion"].values())
        assert total == f["units"]
        hits = sum(f["confusion"][k].get(k, 0) for k in f["confusion"])
        assert f["accuracy"] == pytest.approx(hits / total, abs=1e-4)
    # a hedge unit: framing's value is the kind of the hedge finding on that span
    h = {c.unit: c for c in codes if c.variable == "hedge"}
    for unit, c in h.items():
        items = [x for x in reports[c.article].hedging.items if x.start < c.end and c.start < x.end]
        expected = items[0].kind if items else "none"
        row = [d for d in _disagreements(tmp_path) if d["unit"] == unit]
        if row:
            assert row[0]["framing"] == expected
    html = (tmp_path / "out" / "disagreements.html").read_text(encoding="utf-8")
    assert "<mark>estimate</mark>" in html  # a noun framing takes for a hedge
    assert json.loads((tmp_path / "out" / "validate.json").read_text()) == rep


def _disagreements(tmp_path):
    from framing.validate.report import build as b

    from framing.cli.validate import _analyzer

    return b(read_codes(CODES), articles=ARTICLES, analyze=_analyzer(True), samples=0)[1]


def test_speaker_names_take_the_coders_spelling(tmp_path):
    rep = _framing_report(tmp_path)
    sp = rep["variables"]["speaker"]["framing"]
    # coders wrote "Sorel" and "Varga"; framing's canonical names are longer
    assert sp["confusion"]["Sorel"]["Sorel"] == 1
    assert sp["confusion"]["Varga"]["Varga"] == 1


def test_cli_errors(tmp_path):
    res = runner.invoke(app, ["validate", str(tmp_path / "nope.csv")])
    assert res.exit_code == 1 and "no such file" in res.output
    bad = _write(tmp_path, ["u1,framing,x,hedge,harbour,0,2"],
                 header="unit,coder,value,variable,article,start,end")
    res = runner.invoke(app, ["validate", str(bad), "--articles", str(ARTICLES)])
    assert res.exit_code == 1 and "rename that coder" in res.output
    far = _write(tmp_path, ["u1,a,x,hedge,harbour,0,99999", "u1,b,x,hedge,harbour,0,99999"],
                 name="far.csv", header="unit,coder,value,variable,article,start,end")
    res = runner.invoke(app, ["validate", str(far), "--articles", str(ARTICLES), "--fast"])
    assert res.exit_code == 1 and "past the end" in res.output
    esc = _write(tmp_path, ["u1,a,x,hedge,../../etc/passwd,0,1"], name="esc.csv",
                 header="unit,coder,value,variable,article,start,end")
    res = runner.invoke(app, ["validate", str(esc), "--articles", str(ARTICLES), "--fast"])
    assert res.exit_code == 1 and "Traceback" not in res.output
    res = runner.invoke(app, ["validate", str(CODES), "--fast"])
    assert res.exit_code == 2


def test_text_output_names_every_variable():
    res = runner.invoke(app, ["validate", str(CODES), "--bootstrap", "50"])
    assert res.exit_code == 0, res.output
    for var in ("hedge", "rhetorical", "sentiment", "speaker"):
        assert f"{var}: alpha" in res.stdout
    assert "ann vs ben" in res.stdout


def test_validate_imports_no_heavy_library():
    import subprocess
    import sys

    code = ("import sys; from framing.cli import app; from framing.validate import report, codes; "
            "print(','.join(m for m in ('sklearn', 'nltk', 'textstat', 'scipy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_one_coder_and_one_value_say_why_alpha_is_undefined(tmp_path):
    one = _write(tmp_path, ["u1,a,x,v", "u2,a,y,v"], name="one.csv")
    res = runner.invoke(app, ["validate", str(one), "-f", "json"])
    assert res.exit_code == 0, res.output
    v = json.loads(res.stdout)["variables"]["v"]
    assert v["alpha"] is None and "two coders" in v["alpha_reason"] and v["alpha_ci"] is None
    same = _write(tmp_path, ["u1,a,x,v", "u1,b,x,v", "u2,a,x,v", "u2,b,x,v"], name="same.csv")
    res = runner.invoke(app, ["validate", str(same)])
    assert res.exit_code == 0 and "undefined" in res.stdout and "same" in res.stdout
