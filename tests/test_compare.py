"""Outlet comparison: statistics with known answers, the aggregation, and
the ``framing compare`` command on the sample corpus."""
from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from framing.compare import stats as st
from framing.cli import app
from framing.compare.comparer import METRICS, Comparer, compare, csv_rows

ROOT = Path(__file__).resolve().parent.parent
OUTLETS = ROOT / "corpora" / "outlets"


# -- statistics: known answers ------------------------------------------------------------
def test_log_odds_dirichlet_hand_computed():
    # y_i = {a: 2, b: 1} (n_i = 3), y_j = {a: 1, b: 3} (n_j = 4), α = {a: 1, b: 1} (α0 = 2)
    # δ_a = log(3 / (3+2-2-1)) - log(2 / (4+2-1-1)) = log(3/2) - log(1/2) = log 3
    # σ²_a = 1/3 + 1/2;  δ_b = log(2/3) - log(4/2) = -log 3;  σ²_b = 1/2 + 1/4
    out = st.log_odds_dirichlet({"a": 2, "b": 1}, {"a": 1, "b": 3}, {"a": 1, "b": 1})
    d, v, z = out["a"]
    assert d == pytest.approx(math.log(3)) and v == pytest.approx(5 / 6)
    assert z == pytest.approx(1.2034695, abs=1e-6)
    d, v, z = out["b"]
    assert d == pytest.approx(-math.log(3)) and v == pytest.approx(0.75)
    assert z == pytest.approx(-1.2685682, abs=1e-6)


def test_log_odds_symmetry_and_corpus_sizes():
    ci, cj = {"x": 10, "y": 5, "z": 1}, {"x": 4, "y": 9, "z": 7}
    prior = {w: 0.5 * (ci[w] + cj[w]) for w in ci}
    ab, ba = st.log_odds_dirichlet(ci, cj, prior), st.log_odds_dirichlet(cj, ci, prior)
    for w in ci:
        assert ab[w][0] == pytest.approx(-ba[w][0]) and ab[w][2] == pytest.approx(-ba[w][2])
    # explicit corpus sizes (words outside the prior still count)
    big = st.log_odds_dirichlet(ci, cj, prior, n_i=1000, n_j=1000)
    # α_x = 7, α0 = 18:  log[(10+7)/(1000+18-17)] - log[(4+7)/(1000+18-11)]
    assert big["x"][0] == pytest.approx(math.log(17 / 1001) - math.log(11 / 1007))


def test_bootstrap_known_answers():
    assert st.bootstrap_ci([]) == (None, None)
    assert st.bootstrap_ci([4.2, 4.2, 4.2]) == (4.2, 4.2)
    # resampled means of {0, 1} are 0, ½, 1 with probabilities ¼, ½, ¼
    assert st.bootstrap_ci([0.0, 1.0], n_boot=4000, seed=1) == (0.0, 1.0)
    # [1, 2, 6]: 27 equally likely resamples; the lowest (1) and highest (6)
    # means each have probability 1/27 > 2.5 %, so they are the interval
    assert st.bootstrap_ci([1.0, 2.0, 6.0], n_boot=20000, seed=2) == (1.0, 6.0)
    # [0, 0, 0, 1]: mean = k/4 with k ~ Binomial(4, ¼); P(k=0) = .32 and
    # P(k ≥ 3) = .051, P(k = 4) = .004  →  interval (0, 0.75)
    assert st.bootstrap_ci([0, 0, 0, 1.0], n_boot=20000, seed=3) == (0.0, 0.75)


def test_bootstrap_is_seeded_and_near_normal_theory():
    x = np.random.Generator(np.random.PCG64(7)).normal(10, 2, size=400)
    a, b = st.bootstrap_ci(x, seed=5), st.bootstrap_ci(x, seed=5)
    assert a == b
    se = x.std(ddof=1) / math.sqrt(x.size)
    assert a[0] == pytest.approx(x.mean() - 1.96 * se, abs=0.06)
    assert a[1] == pytest.approx(x.mean() + 1.96 * se, abs=0.06)


def test_bootstrap_ratio_interval():
    a, b = [4.0, 4.0, 4.0], [2.0, 2.0, 2.0]
    ci = st.bootstrap_ratio_ci(a, b, n_boot=500, seed=0)
    assert ci["ratio_ci"] == (2.0, 2.0) and ci["diff_ci"] == (2.0, 2.0)
    assert st.bootstrap_ratio_ci([1.0, 2.0], [0.0, 0.0])["ratio_ci"] == (None, None)


def test_permutation_exact_known_case():
    # 20 ways to split {1..6} into 3 + 3; only the observed split and its
    # mirror give |difference| ≥ 3  →  p = 2/20
    p, method = st.permutation_test([1, 2, 3], [4, 5, 6])
    assert (p, method) == (pytest.approx(0.1), "exact")
    assert st.permutation_test([1, 2, 3], [1, 2, 3])[0] == 1.0


def test_permutation_monte_carlo():
    g = np.random.Generator(np.random.PCG64(0))
    a, b = g.normal(0, 1, 40), g.normal(1.5, 1, 40)
    p, method = st.permutation_test(a, b, n_perm=1999, seed=3)
    assert method == "monte carlo" and p == pytest.approx(1 / 2000)
    assert st.permutation_test(a, b, n_perm=1999, seed=3)[0] == p
    p_same, _ = st.permutation_test(a, a + 0.0, n_perm=999, seed=1)
    assert p_same == 1.0


def test_mann_whitney_known_case_and_scipy():
    mw = st.mann_whitney([1, 2, 3], [4, 5, 6])
    assert mw["U"] == 0 and mw["rank_biserial"] == -1.0
    assert st.mann_whitney([4, 5, 6], [1, 2, 3])["rank_biserial"] == 1.0
    stats = pytest.importorskip("scipy.stats")
    a, b = [1, 2, 2, 3, 5, 8], [2, 3, 4, 4, 6, 7, 9]
    ref = stats.mannwhitneyu(a, b, alternative="two-sided", method="asymptotic",
                             use_continuity=True)
    mw = st.mann_whitney(a, b)
    assert mw["U"] == ref.statistic and mw["p"] == pytest.approx(ref.pvalue)


def test_sign_flip_exact():
    # 8 sign patterns of (1, 2, 3); |mean| ≥ 2 only for all + and all −
    assert st.sign_flip_test([1, 2, 3]) == (0.25, "exact")
    assert st.sign_flip_test([0, 0])[0] == 1.0


def test_corrections_known_values():
    assert st.holm([0.01, 0.04, 0.03]) == pytest.approx([0.03, 0.06, 0.06])
    assert st.benjamini_hochberg([0.01, 0.04, 0.03]) == pytest.approx([0.03, 0.04, 0.04])
    assert st.holm([0.5]) == [0.5]


# -- aggregation ------------------------------------------------------------------------
def _line(outlet, words, rq=0, hedges=0, boosters=0, story=None, quotes=(), actors=(),
          terms=None):
    return {"outlet": outlet, "story": story, "terms": terms, "report": {
        "schema": "framing.article/1", "stats": {"words": words, "sentences": 10},
        "questions": {"count": rq, "rhetorical": rq, "items": []},
        "hedging": {"hedges": hedges, "boosters": boosters, "items": []},
        "quotes": {"items": list(quotes)},
        "actors": {"items": list(actors)},
        "readability": {"flesch_reading_ease": 50.0 + rq, "words_per_sentence": 15.0},
    }}


def _lines():
    out = []
    for i in range(8):
        out.append(_line("Tabloid", 500, rq=6 + i % 3, boosters=5, story=f"s{i}",
                         quotes=[{"kind": "direct", "speaker": "Ann", "speaker_type": "citizen",
                                  "cue": "slammed", "cue_category": "emphatic"}],
                         actors=[{"name": "Mayor", "score": -0.5, "label": "negative",
                                  "mentions": [{}, {}]}],
                         terms={"shocking": 3, "the": 20, "mayor": 2}))
        out.append(_line("Wire", 400, rq=i % 2, hedges=2, story=f"s{i}",
                         quotes=[{"kind": "indirect", "speaker": None}],
                         actors=[{"name": "Mayor", "score": 0.1, "label": "neutral",
                                  "mentions": [{}]}],
                         terms={"said": 4, "the": 20, "mayor": 2}))
    out.append(_line("Wire", 0))  # no words: no rates, not zeros
    return out


def test_comparer_rates_tests_and_statements():
    r = compare(_lines(), n_boot=500, n_perm=999)
    wire = next(o for o in r["outlets"] if o["name"] == "Wire")
    tab = next(o for o in r["outlets"] if o["name"] == "Tabloid")
    assert wire["articles"] == 9 and wire["metrics"]["rhetorical_questions"]["n"] == 8
    assert tab["metrics"]["rhetorical_questions"]["mean"] == pytest.approx(
        1000 * np.mean([6 + i % 3 for i in range(8)]) / 500, abs=1e-3)
    assert tab["metrics"]["boosters"]["mean"] == pytest.approx(10.0)
    t = next(t for t in r["tests"] if t["metric"] == "rhetorical_questions")
    assert t["significant"] and t["higher"] == "Tabloid"
    assert t["statement"].startswith("Tabloid uses ")
    assert "× as many rhetorical questions per 1,000 words as Wire" in t["statement"]
    assert "95% CI of the ratio" in t["statement"] and "Holm-corrected p" in t["statement"]
    assert any("more boosters" in s for s in r["findings"])  # Wire has none: a difference
    # paired on the 8 shared stories
    pt = next(t for t in r["paired"]["tests"] if t["metric"] == "rhetorical_questions")
    assert pt["stories"] == 8 and pt["a_higher"] + pt["b_higher"] == 8
    assert "On the 8 stories both covered" in pt["statement"]
    # quotes, actors, vocabulary
    assert r["quotes"]["Tabloid"]["by_speaker_type"]["citizen"]["share"] == 1.0
    assert r["quotes"]["Tabloid"]["by_cue_category"] == {"emphatic": {"n": 8, "share": 1.0}}
    # a category one outlet lacks is 0, not missing
    assert r["quotes"]["Wire"]["by_speaker_type"] == {"unattributed": {"n": 8, "share": 1.0},
                                                      "citizen": {"n": 0, "share": 0.0}}
    cell = next(c for c in r["actors"]["cells"] if c["outlet"] == "Tabloid")
    assert (cell["actor"], cell["mean_score"], cell["articles"], cell["mentions"]) == (
        "Mayor", -0.5, 8, 16)
    tab_terms = [t["term"] for t in r["vocabulary"]["outlets"]["Tabloid"]]
    wire_terms = [t["term"] for t in r["vocabulary"]["outlets"]["Wire"]]
    assert tab_terms[0] == "shocking" and wire_terms[0] == "said"
    assert "said" not in tab_terms and "shocking" not in wire_terms
    assert "the" not in tab_terms + wire_terms  # function words are not listed


def test_comparer_is_deterministic_and_json_ready():
    a = json.dumps(compare(_lines(), n_boot=300, n_perm=499), sort_keys=True)
    b = json.dumps(compare(list(reversed(_lines())), n_boot=300, n_perm=499), sort_keys=True)
    assert a == b


def test_csv_rows_one_per_outlet_and_metric():
    r = compare(_lines(), n_boot=200, n_perm=199)
    rows = csv_rows(r)
    keys = {(x["outlet"], x["metric"]) for x in rows}
    assert len(keys) == len(rows)
    for o in ("Tabloid", "Wire"):
        for m in METRICS:
            assert (o, m.key) in keys
    assert ("Tabloid", "actor_sentiment_mayor") in keys


def test_comparer_settings_are_checked():
    with pytest.raises(ValueError, match="correction must be one of"):
        Comparer(correction="bonferroni")


# -- CLI ---------------------------------------------------------------------------------
runner = CliRunner()


def test_cli_compare_writes_every_output(tmp_path):
    out = tmp_path / "cmp"
    res = runner.invoke(app, ["compare", str(OUTLETS), "--out", str(out), "--jobs", "1",
                              "--width", "140"])
    assert res.exit_code == 0, res.output
    assert "Comparing outlets" in res.output and "Key findings" in res.output
    for name in ("comparison.json", "comparison.csv", "comparison.pdf", "articles.jsonl",
                 "errors.jsonl"):
        assert (out / name).is_file(), name
    result = json.loads((out / "comparison.json").read_text(encoding="utf-8"))
    assert result["schema"] == "framing.comparison/1"
    assert result["corpus"]["outlets"] >= 3 and result["corpus"]["shared_stories"] >= 6
    names = {o["name"] for o in result["outlets"]}
    assert {"Meridian Wire", "The Daily Clarion", "The Northcoast Review"} <= names
    with open(out / "comparison.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["metric"] for r in rows} >= {m.key for m in METRICS} | {"articles", "total_words"}
    # tables for R/SPSS/pandas: one row per article (zeros, not blanks) and per test
    with open(out / "articles.csv", encoding="utf-8") as fh:
        arts = list(csv.DictReader(fh))
    assert len(arts) == sum(o["articles"] for o in result["outlets"])
    assert all(c == c.lower() and "." not in c for c in arts[0])
    assert all(r["hedges"] != "" and r["rhetorical_questions_per_1k"] != "" for r in arts)
    assert {r["story"] for r in arts} >= {"calder-bridge"}
    with open(out / "tests.csv", encoding="utf-8") as fh:
        tests = list(csv.DictReader(fh))
    assert {"independent", "paired stories"} == {t["design"] for t in tests}
    assert len([t for t in tests if t["design"] == "independent"]) == len(result["tests"])
    assert all(t["p_adjusted"] and t["statement"] for t in tests)
    more = len(result["findings"]) - 8
    if more > 0:
        assert f"and {more} more finding" in res.output
    for stem in ("rates", "readability", "vocabulary", "stories", "story_values", "timeline",
                 "agency", "sources", "asymmetry"):
        for ext in ("png", "pdf"):
            f = out / "figures" / f"{stem}.{ext}"
            assert f.is_file() and f.stat().st_size > 2000, f
    assert (out / "figures" / "rates.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    pdf = (out / "comparison.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and b"CreationDate" not in pdf
    assert pdf.count(b"/Type /Page ") + pdf.count(b"/Type /Page\n") >= 3

    # a second run reuses every analysis and writes the same bytes (the PDF's
    # layout floats may differ in the 10th decimal within one process, so it
    # is compared by its pages; in fresh processes it is byte-identical too)
    data = ("comparison.json", "comparison.csv", "articles.jsonl", "errors.jsonl")
    before = {n: (out / n).read_bytes() for n in data}
    res2 = runner.invoke(app, ["compare", str(OUTLETS), "--out", str(out), "--jobs", "1",
                               "--quiet"])
    assert res2.exit_code == 0, res2.output
    assert before == {n: (out / n).read_bytes() for n in data}
    pdf2 = (out / "comparison.pdf").read_bytes()
    assert pdf2.count(b"/Type /Page ") == pdf.count(b"/Type /Page ")


def test_cli_compare_bad_sources_exit_1(tmp_path):
    res = runner.invoke(app, ["compare", str(tmp_path / "nope"), "--out", str(tmp_path / "o")])
    assert res.exit_code == 1 and "nope" in res.output and "no such file" in res.output
    bad = tmp_path / "bad.csv"
    bad.write_text("paper,text\nA,hello\n", encoding="utf-8")  # "publisher" is an alias of outlet
    res = runner.invoke(app, ["compare", str(bad), "--out", str(tmp_path / "o")])
    assert res.exit_code == 1 and "bad.csv" in res.output and "'outlet'" in res.output
    allbad = tmp_path / "all.jsonl"
    allbad.write_text("{oops\n", encoding="utf-8")
    res = runner.invoke(app, ["compare", str(allbad), "--out", str(tmp_path / "o"), "-j", "1"])
    assert res.exit_code == 1 and "no article could be read" in res.output
    assert "all.jsonl:1" in res.output


def test_cli_compare_reports_bad_records_and_goes_on(tmp_path):
    rows = [json.dumps({"outlet": o, "text": f"Story {i}. Is this fine? It may be, they said.",
                        "story": f"s{i}"}) for i in range(4) for o in ("A", "B")]
    rows.insert(3, '{"outlet": "A"}')
    src = tmp_path / "c.jsonl"
    src.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "o"
    res = runner.invoke(app, ["compare", str(src), "--out", str(out), "-j", "1", "--no-figures",
                              "-q"])
    # every output is written, and the exit code says a record failed (as analyze does)
    assert res.exit_code == 1, res.output
    assert "1 record(s) could not be read" in res.output and "c.jsonl:4" in res.output
    errors = [json.loads(x) for x in (out / "errors.jsonl").read_text().splitlines()]
    assert len(errors) == 1 and errors[0]["line"] == 4
    assert json.loads((out / "comparison.json").read_text())["run"]["errors"] == 1


def test_csv_exports_neutralise_spreadsheet_formulas():
    from framing.compare.export import ARTICLE_COLUMNS, article_row, to_csv

    line = {"id": "a1", "outlet": "=HYPERLINK(\"http://x\")", "title": "@SUM(A1)",
            "report": {"stats": {"words": 10, "sentences": 1}}}
    out = to_csv([article_row(line)], ARTICLE_COLUMNS)
    row = next(csv.DictReader(out.splitlines()))
    assert row["outlet"].startswith("'=") and row["title"].startswith("'@")
    assert row["hedges"] == "0" and row["hedges_per_1k"] == "0.0"


# -- field mapping, timeline, Parquet, house style, paired findings (issue 17) -----------------
def _mapped_corpus(path, n_stories=8):
    """Analysed lines under other field names: desk = outlet, event_no = story, when = date."""
    rows = []
    for line in _lines()[:-1]:
        i = int(line["story"][1:])
        rows.append({"desk": line["outlet"], "event_no": f"e{i}",
                     "when": f"2024-{1 + i % 4:02d}-{10 + i:02d}", "id": f"{line['outlet']}-{i}",
                     "terms": line["terms"], "report": line["report"]})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_cli_compare_maps_story_outlet_and_date_fields(tmp_path):
    src = _mapped_corpus(tmp_path / "corpus.jsonl")
    out = tmp_path / "cmp"
    res = runner.invoke(app, ["compare", str(src), "--out", str(out), "--quiet", "--no-figures",
                              "--outlet-field", "desk", "--story-field", "event_no",
                              "--date-field", "when"])
    assert res.exit_code == 0, res.output
    result = json.loads((out / "comparison.json").read_text(encoding="utf-8"))
    assert {o["name"] for o in result["outlets"]} == {"Tabloid", "Wire"}
    assert result["corpus"]["shared_stories"] == 8
    assert result["timeline"]["unit"] == "week"  # Jan–Apr: under 180 days
    with open(out / "timeline.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and {r["outlet"] for r in rows} == {"Tabloid", "Wire"}
    assert all(r["period"].startswith("2024-W") for r in rows)
    assert sum(int(r["articles"]) for r in rows) == 16
    with open(out / "articles.csv", encoding="utf-8") as fh:
        arts = list(csv.DictReader(fh))
    assert {a["story"] for a in arts} == {f"e{i}" for i in range(8)}
    assert {a["date"][:4] for a in arts} == {"2024"}


@pytest.mark.parametrize("option", ["--story-field", "--outlet-field", "--date-field"])
def test_cli_compare_unknown_field_is_an_error(tmp_path, option):
    src = _mapped_corpus(tmp_path / "corpus.jsonl")
    res = runner.invoke(app, ["compare", str(src), "--out", str(tmp_path / "o"), "--quiet",
                              "--outlet-field", "desk", option, "no_such_field"])
    assert res.exit_code == 1
    assert "no_such_field" in res.output and "no such field" in res.output
    assert "desk" in res.output  # the fields that are there
    assert not (tmp_path / "o" / "articles.jsonl").exists()  # checked before any work


def test_cli_compare_unknown_field_in_csv_and_folder(tmp_path):
    csv_src = tmp_path / "c.csv"
    csv_src.write_text("outlet,text,event\nA,Some words here.,e1\n", encoding="utf-8")
    res = runner.invoke(app, ["compare", str(csv_src), "--out", str(tmp_path / "o1"),
                              "--story-field", "topic"])
    assert res.exit_code == 1 and "'topic'" in res.output and "event" in res.output
    folder = tmp_path / "f" / "outlet"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text("A sentence of news.\n", encoding="utf-8")
    res = runner.invoke(app, ["compare", str(tmp_path / "f"), "--out", str(tmp_path / "o2"),
                              "--date-field", "published_on"])
    assert res.exit_code == 1 and "metadata.csv" in res.output


def test_field_mapping_reads_only_the_named_field(tmp_path):
    from framing.io.corpus import iter_corpus

    src = tmp_path / "c.jsonl"
    src.write_text(json.dumps({"outlet": "A", "text": "Words.", "story": "default",
                               "topic": "mapped"}) + "\n", encoding="utf-8")
    assert next(iter_corpus([str(src)])).story == "default"
    assert next(iter_corpus([str(src)], fields={"story": "topic"})).story == "mapped"
    # CSV headers are read in lower case: the mapping too
    csv_src = tmp_path / "c.csv"
    csv_src.write_text("Paper,text,Topic\nB,Words.,t1\n", encoding="utf-8")
    rec = next(iter_corpus([str(csv_src)], fields={"outlet": "Paper", "story": "Topic"}))
    assert (rec.outlet, rec.story) == ("B", "t1")


def test_timeline_months_for_a_long_span_and_none_without_dates():
    from framing.compare.timeline import parse_date

    lines = []
    for i, line in enumerate(_lines()[:-1]):
        line = dict(line, date=f"{2020 + i % 3}-0{1 + i % 9}-01T08:00:00Z")
        lines.append(line)
    tl = compare(lines, n_boot=200, n_perm=199)["timeline"]
    assert tl["unit"] == "month" and tl["dated_articles"] == 16
    assert tl["periods"] == sorted(tl["periods"]) and len(tl["periods"]) >= 3
    # each cell is the mean of its articles' rates
    row = tl["rows"][0]
    same = [ln for ln in lines if ln["date"][:7] == row["period"] and ln["outlet"] == row["outlet"]]
    words = same[0]["report"]["stats"]["words"]
    rq = [1000 * ln["report"]["questions"]["rhetorical"] / words for ln in same]
    assert row["articles"] == len(same) and row["rhetorical_questions"] == pytest.approx(
        np.mean(rq), abs=1e-3)
    assert compare(_lines(), n_boot=200, n_perm=199)["timeline"]["rows"] == []
    assert parse_date("20160304") and parse_date("2016/03/04") and parse_date("March 4") is None
    assert parse_date("2016-02-30") is None


def test_distinctive_words_leave_out_house_style_outlet_names_and_given_words():
    lines = []
    for i in range(6):
        lines.append(_line("Tabloid Times", 300, story=f"s{i}",
                           terms={"mr": 9, "tabloid": 5, "shocking": 4, "reporter": 3,
                                  "vince": 3, "the": 20}))
        lines.append(_line("Wire", 300, story=f"s{i}",
                           terms={"ms": 1, "said": 6, "the": 20, "calm": 3}))
    vocab = compare(lines, n_boot=200, n_perm=199, exclude_words=["Vince"])["vocabulary"]
    words = {t["term"] for t in vocab["outlets"]["Tabloid Times"]}
    assert "shocking" in words
    assert not words & {"mr", "tabloid", "times", "reporter", "vince"}
    assert "--exclude-words" in vocab["hidden"] and "honorifics" in vocab["hidden"]
    kept = compare(lines, n_boot=200, n_perm=199, house_style=False)["vocabulary"]
    assert {"mr", "tabloid"} <= {t["term"] for t in kept["outlets"]["Tabloid Times"]}


def test_cli_exclude_words_file(tmp_path):
    src = _mapped_corpus(tmp_path / "corpus.jsonl")
    words = tmp_path / "words.txt"
    words.write_text("# reporters\nshocking\n", encoding="utf-8")
    out = tmp_path / "cmp"
    res = runner.invoke(app, ["compare", str(src), "--out", str(out), "--quiet", "--no-figures",
                              "--outlet-field", "desk", "--exclude-words", str(words)])
    assert res.exit_code == 0, res.output
    vocab = json.loads((out / "comparison.json").read_text(encoding="utf-8"))["vocabulary"]
    assert "shocking" not in {t["term"] for t in vocab["outlets"]["Tabloid"]}
    res = runner.invoke(app, ["compare", str(src), "--out", str(out), "--quiet",
                              "--outlet-field", "desk", "--exclude-words", str(tmp_path / "no")])
    assert res.exit_code == 1 and "cannot be read" in res.output


def test_paired_rank_biserial_known_values():
    assert st.paired_rank_biserial([1.0, 2.0, 3.0]) == 1.0
    assert st.paired_rank_biserial([-1.0, -2.0]) == -1.0
    # |d| ranks 1, 2, 3; the positive ones hold 1 + 3 of 6
    assert st.paired_rank_biserial([1.0, -2.0, 3.0]) == pytest.approx((4 - 2) / 6)
    assert st.paired_rank_biserial([0.0, 0.0]) is None


def test_findings_use_the_paired_test_when_the_stories_are_shared():
    result = compare(_lines(), n_boot=500, n_perm=999)
    paired = {(t["metric"], t["a"], t["b"]): t for t in result["paired"]["tests"]}
    assert paired and all(t["rank_biserial"] is not None for t in paired.values())
    for f in result["findings"]:
        if "rhetorical questions" in f and "Tabloid" in f:
            assert f.startswith("On the 8 stories both covered")
            break
    else:
        raise AssertionError(result["findings"])
    # few shared stories among many articles: the independent test stands
    lines = _lines()[:-1] + [_line("Tabloid", 500, rq=7, boosters=5) for _ in range(30)] + \
        [_line("Wire", 400, rq=1, hedges=2) for _ in range(30)]
    result = compare(lines, n_boot=500, n_perm=999)
    assert any(f.startswith("Tabloid uses") for f in result["findings"])
    assert not any(f.startswith("On the") for f in result["findings"])


def test_parquet_article_table_or_a_clear_error(tmp_path, monkeypatch):
    from framing.compare.export import ARTICLE_COLUMNS, article_row, to_parquet

    rows = [article_row(dict(line, id=str(i))) for i, line in enumerate(_lines())]
    try:
        import pyarrow.parquet as pq
    except ImportError:
        pq = None
    if pq is not None:
        import io as _io

        table = pq.read_table(_io.BytesIO(to_parquet(rows, ARTICLE_COLUMNS)))
        assert table.num_rows == len(rows) and table.column_names == list(ARTICLE_COLUMNS)
        assert str(table.schema.field("hedges").type) == "int64"
        assert table.column("outlet").to_pylist()[0] == "Tabloid"
    import builtins

    real = builtins.__import__

    def no_arrow(name, *a, **k):
        if name.startswith("pyarrow"):
            raise ImportError(name)
        return real(name, *a, **k)

    monkeypatch.setattr(builtins, "__import__", no_arrow)
    with pytest.raises(ImportError, match=r"pip install 'framing\[parquet\]'"):
        to_parquet(rows, ARTICLE_COLUMNS)
    src = _mapped_corpus(tmp_path / "corpus.jsonl")
    res = runner.invoke(app, ["compare", str(src), "--out", str(tmp_path / "o"), "--quiet",
                              "--outlet-field", "desk", "--parquet"])
    assert res.exit_code == 2 and "pyarrow" in res.output


# -- sources: types, diversity and reporting-verb asymmetry by side ---------------------
def _src_line(outlet, sources, words=300):
    """A results line whose report has only a sources section: ``sources`` is
    a list of (type, group, {stance: n})."""
    items = [{"name": f"s{i}", "start": 0, "end": 1, "text": "x", "type": t, "group": g,
              "rank": i + 1, "in_lede": i == 0, "stance": st_, "quotes": sum(st_.values())}
             for i, (t, g, st_) in enumerate(sources)]
    return {"outlet": outlet, "report": {"stats": {"words": words},
                                         "sources": {"items": items}}}


def _asym_corpus():
    lines = []
    for k in range(8):  # A: the council side gets "claimed" far more often
        lines.append(_src_line("Outlet A", [("official", "council", {"distancing": 3, "neutral": 1}),
                                            ("citizen", "residents", {"neutral": 4})]))
        lines.append(_src_line("Outlet B", [("official", "council", {"neutral": 4}),
                                            ("expert", "residents", {"neutral": 3, "distancing": 1})]))
    return lines


def test_sources_asymmetry_states_the_ratio_with_a_test():
    res = Comparer(n_boot=400, n_perm=999).add_all(_asym_corpus()).result()
    sec = res["sources"]
    assert sec["asymmetry"]["sides"] == "group"
    rates = sec["asymmetry"]["rates"]["Outlet A"]
    assert rates["council"]["distancing_rate"] == pytest.approx(0.75)
    assert rates["residents"]["distancing_rate"] == 0.0
    test_a = next(t for t in sec["asymmetry"]["tests"]
                  if t["outlet"] == "Outlet A" and t["stance"] == "distancing")
    assert test_a["significant"] and test_a["p"] < 0.01
    assert "Outlet A uses distancing verbs for council" in test_a["statement"]
    assert "never for residents" in test_a["statement"]
    test_b = next(t for t in sec["asymmetry"]["tests"]
                  if t["outlet"] == "Outlet B" and t["stance"] == "distancing")
    assert test_b["rate_b"] == pytest.approx(0.25)
    # B's residents get 8 distancing verbs of 32, council none: also a difference, other way round
    assert "for residents" in test_b["statement"]
    assert test_a["statement"] in res["findings"]


def test_sources_asymmetry_ratio_and_no_difference():
    lines = []
    for k in range(10):
        lines.append(_src_line("Outlet C", [("official", "x", {"distancing": 2, "neutral": 2}),
                                            ("citizen", "y", {"distancing": 1, "neutral": 3})]))
    res = Comparer(n_boot=400, n_perm=999).add_all(lines).result()
    t = next(t for t in res["sources"]["asymmetry"]["tests"] if t["stance"] == "distancing")
    assert t["ratio"] == pytest.approx(2.0)
    lo, hi = t["ratio_ci"]
    assert lo <= 2.0 <= hi
    assert ("2.0× as often for x as for y" in t["statement"]) == t["significant"]
    same = [_src_line("Outlet D", [("official", "x", {"distancing": 1, "neutral": 3}),
                                   ("citizen", "y", {"distancing": 1, "neutral": 3})])
            for _ in range(6)]
    res = Comparer(n_boot=200, n_perm=499).add_all(same).result()
    t = res["sources"]["asymmetry"]["tests"][0]
    assert not t["significant"] and t["statement"].startswith("Outlet D: no clear difference")


def test_sources_sides_fall_back_to_source_types_and_diversity_has_cis():
    lines = [_src_line("Outlet E", [("official", None, {"neutral": 2}),
                                    ("expert", None, {"distancing": 1, "neutral": 1}),
                                    ("unknown", None, {"neutral": 1})]) for _ in range(6)]
    res = Comparer(n_boot=300, n_perm=199).add_all(lines).result()
    sec = res["sources"]
    assert sec["asymmetry"]["sides"] == "source type"
    assert set(sec["asymmetry"]["rates"]["Outlet E"]) == {"official", "expert"}
    o = sec["outlets"]["Outlet E"]
    assert o["sources"] == 18 and o["typed"] == 12 and o["by_type"]["unknown"] == 6
    assert o["shares"] == {"expert": 0.5, "official": 0.5}
    assert o["simpson"] == pytest.approx(0.5) and o["shannon"] == pytest.approx(math.log(2), abs=1e-4)
    lo, hi = o["simpson_ci"]
    assert lo <= 0.5 <= hi  # every article has the same mix: the interval collapses on it
    assert o["first_quoted"] == {"official": 1.0}
    assert o["article_simpson"]["mean"] == pytest.approx(0.5)


def test_sources_in_csv_markdown_and_terminal():
    from io import StringIO

    from rich.console import Console

    from framing.compare.sources import markdown
    from framing.render.compare_terminal import render

    res = Comparer(n_boot=200, n_perm=199).add_all(_asym_corpus()).result()
    rows = csv_rows(res)
    metrics = {(r["outlet"], r["metric"]) for r in rows}
    assert ("Outlet A", "sources_simpson") in metrics
    assert ("Outlet A", "cue_stance_council_distancing") in metrics
    share = next(r for r in rows if r["metric"] == "cue_stance_council_distancing"
                 and r["outlet"] == "Outlet A")
    assert share["value"] == pytest.approx(0.75) and share["n"] == 32
    md = markdown(res)
    assert "## Sources" in md and "| Outlet A | council | 32 | 75% |" in md
    buf = StringIO()
    render(res, Console(file=buf, width=140))
    assert "Sources by type" in buf.getvalue()


def test_sources_absent_reports_give_an_empty_section():
    res = Comparer(n_boot=50, n_perm=49).add_all(
        [{"outlet": "Z", "report": {"stats": {"words": 10}}}]).result()
    assert res["sources"]["outlets"] == {} and res["sources"]["findings"] == []


def test_paired_figure_shows_every_pair_of_outlets_and_skips_what_has_no_data():
    from framing.render import compare_figures as CF
    from framing.render import compare_stories as CS

    # a third outlet covers six of the eight stories: three pairs, 8, 6 and 6 stories
    third = [_line("Gazette", 450, rq=2 + i % 2, hedges=i % 3, story=f"s{i}") for i in range(6)]
    result = compare(_lines() + third, n_boot=200, n_perm=199)
    tested = {(t["a"], t["b"]) for t in result["paired"]["tests"]}
    assert len(tested) == 3
    shown = [(a, b) for a, b, _ in CS.pairs(result)]
    assert set(shown) == tested and len(shown) == len(tested)
    counts = [n for _, _, n in CS.pairs(result)]
    assert counts == sorted(counts, reverse=True)  # most shared stories first
    skip = CF.available(result)
    assert set(skip) == set(CF._catalogue(result))
    # the synthetic lines have no dates: the timeline says why it is left out
    assert skip["timeline"] and not skip["rates"]
    fig = CF.new_figure(6.5, CS.height(result))
    CS.draw_stories(fig, result)
    rows = {ax.get_subplotspec().rowspan.start for ax in fig.axes if ax.get_visible()
            and ax.get_subplotspec() is not None}
    assert len(rows) == min(len(tested), CS.MAX_PAIRS)


def test_terminal_sources_table_counts_typed_sources_like_the_figure():
    from io import StringIO

    from rich.console import Console

    from framing.render.compare_terminal import sources_table

    lines = [_src_line("Outlet A", [("official", "g", {}), ("unknown", "g", {}),
                                    ("expert", "g", {})]) for _ in range(3)]
    res = Comparer(n_boot=100, n_perm=99).add_all(lines).result()
    out = StringIO()
    Console(file=out, width=140, color_system=None).print(sources_table(res))
    row = next(r for r in out.getvalue().splitlines() if r.strip().startswith("Outlet A"))
    assert "6 (9)" in row and "50%" in row  # 6 typed of 9; official half of the typed
