"""The command line as a user runs it (typer's CliRunner)."""
from __future__ import annotations

import codecs
import json

import pytest
from typer.testing import CliRunner

from framing.cli import app

from .conftest import SAMPLE

runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input)


def test_every_command_has_help():
    top = run("--help")
    assert top.exit_code == 0
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        assert name in top.output
        assert command.callback.__doc__, f"command {name} has no help text"
        result = run(name, "--help")
        assert result.exit_code == 0 and "Usage" in result.output


def test_version():
    import framing

    result = run("--version")
    assert result.exit_code == 0 and framing.__version__ in result.output


def test_text_report_shows_metrics_and_evidence():
    result = run("analyze", str(SAMPLE), "--width", "120")
    assert result.exit_code == 0, result.output
    out = result.output
    for heading in ("words", "rhetorical", "hedges", "boosters", "Questions",
                    "Hedges and boosters", "Flesch reading ease"):
        assert heading in out
    assert "Why would anyone build the bigger one" in out  # a question in its sentence


def test_json_follows_the_contract():
    result = run("analyze", str(SAMPLE), "--format", "json")
    assert result.exit_code == 0
    d = json.loads(result.output)
    text = SAMPLE.read_text(encoding="utf-8")
    assert d["schema"] == "framing.article/1"
    assert d["source"] == str(SAMPLE)
    assert d["stats"]["words"] > 500
    for item in d["questions"]["items"] + d["hedging"]["items"]:
        assert text[item["start"]:item["end"]] == item["text"]


def test_several_files_give_json_lines(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Is it over? Perhaps.", encoding="utf-8")
    b.write_text("It is clearly over.", encoding="utf-8")
    result = run("analyze", str(a), str(b), "-f", "json")
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert [json.loads(line)["source"] for line in lines] == [str(a), str(b)]


def test_stdin():
    result = run("analyze", "-", "--format", "json", input="Why now? Nobody knows.")
    assert result.exit_code == 0
    d = json.loads(result.output)
    assert d["source"] == "<stdin>" and d["stats"]["words"] == 4


@pytest.mark.parametrize("make,reason", [
    (lambda p: p / "missing.txt", "no such file"),
    (lambda p: p, "holds no article files"),
    (lambda p: _write(p / "empty.txt", b""), "empty"),
    (lambda p: _write(p / "blank.txt", b"  \n\t\n"), "white space"),
    (lambda p: _write(p / "blob.bin", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01\x02"), "binary"),
])
def test_bad_input_is_a_clear_error(tmp_path, make, reason):
    path = make(tmp_path)
    result = run("analyze", str(path))
    assert result.exit_code == 1
    assert str(path) in result.output and reason in result.output
    assert "Traceback" not in result.output


def test_one_bad_file_does_not_stop_the_batch(tmp_path):
    good = _write(tmp_path / "good.txt", "Is this fine? It may be.".encode())
    result = run("analyze", str(tmp_path / "nope.txt"), str(good), "-f", "json")
    assert result.exit_code == 1
    assert "nope.txt: no such file" in result.output
    assert '"source": "' + str(good) in result.output or str(good) in result.output
    assert "1 of 2 files could not be analysed" in result.output


@pytest.mark.parametrize("data,warn", [
    (codecs.BOM_UTF8 + "Café owners say it may rain.".encode(), None),
    ("Café owners say it may rain.".encode("utf-16"), None),
    ("Café owners say it may rain.".encode("cp1252"), "Windows-1252"),
])
def test_encodings(tmp_path, data, warn):
    path = _write(tmp_path / "enc.txt", data)
    result = run("analyze", str(path), "-f", "json")
    assert result.exit_code == 0, result.output
    d = json.loads(result.output)
    assert d["stats"]["words"] == 6
    assert d["hedging"]["items"] == [] or d["hedging"]["items"][0]["text"] in ("may",)
    if warn:
        assert any(warn in w for w in d["warnings"])
    else:
        assert not any("UTF" in w or "1252" in w for w in d["warnings"])


def test_usage_error_exit_code():
    result = run("analyze")
    assert result.exit_code == 2


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


OUTLETS = SAMPLE.parent.parent / "outlets"


def test_corpus_folder_streams_json_lines():
    result = run("analyze", str(OUTLETS), "--quiet", "--jobs", "1")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert len(rows) == len(list(OUTLETS.glob("*/*.txt")))
    assert {r["outlet"] for r in rows} >= {"The Daily Clarion"}
    assert all(r["report"]["schema"] == "framing.article/1" for r in rows)


def test_corpus_with_format_text_prints_each_articles_report_in_order(tmp_path):
    corpus = tmp_path / "c.jsonl"
    rows = [{"outlet": "Harbour Post", "id": "a1", "text": "The council met. Is this fair? "
             "\"We will see,\" said Mayor Ines Okafor."},
            {"outlet": "Harbour Post", "id": "a2", "text": "Ferries ran late again on Monday."},
            {"outlet": "Harbour Post", "id": "a3", "text": "   "},  # empty: an error, reported
            {"outlet": "Bay Wire", "id": "b1", "text": "The bridge may open in May, officials said."}]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    result = run("analyze", str(corpus), "--format", "text", "--quiet", "-j", "1", "--width", "100")
    out = result.output
    heads = [out.index(f"Harbour Post · a1"), out.index("Harbour Post · a2"), out.index("Bay Wire · b1")]
    assert heads == sorted(heads) and "Harbour Post · a3" not in out
    assert "Is this fair?" in out and "Ines Okafor" in out  # the evidence, from the record's text
    assert not out.lstrip().startswith("{")
    # text reports are for the terminal: with --out a corpus is JSON Lines
    bad = run("analyze", str(corpus), "--format", "text", "--out", str(tmp_path / "o"), "--quiet")
    assert bad.exit_code == 2 and "--format text" in bad.output


def test_corpus_with_out_is_resumable(tmp_path):
    first = run("analyze", str(OUTLETS), "--out", str(tmp_path), "--quiet", "-j", "1")
    assert first.exit_code == 0, first.output
    lines = (tmp_path / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    second = run("analyze", str(OUTLETS), "--out", str(tmp_path), "-j", "1")
    assert second.exit_code == 0
    assert "reused" in second.output
    assert (tmp_path / "articles.jsonl").read_text(encoding="utf-8").splitlines() == lines


def test_mixing_articles_and_corpora_is_a_usage_error():
    result = run("analyze", str(SAMPLE), str(OUTLETS))
    assert result.exit_code == 2 and "not both" in result.output


def test_bad_corpus_record_is_reported_and_the_rest_analysed(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"outlet": "A", "text": "Is it over? It may be."}\n{broken\n'
                      '{"outlet": "B", "text": "It is clearly over."}\n', encoding="utf-8")
    result = run("analyze", str(corpus), "--quiet")
    assert result.exit_code == 1
    assert f"{corpus}:2" in result.output
    assert sum(1 for line in result.output.splitlines() if line.startswith("{")) == 2


def test_text_report_fits_a_narrow_terminal():
    result = run("analyze", str(SAMPLE), "--width", "80")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert any("hedge · " in line for line in lines)  # kind and category merged


def test_actors_file_example_is_used(tmp_path):
    example = SAMPLE.parent.parent / "actors.example.toml"
    result = run("analyze", str(SAMPLE), "--actors", str(example), "-f", "json")
    assert result.exit_code == 0, result.output
    names = {a["name"]: a for a in json.loads(result.output)["actors"]["items"]}
    assert names["Valmora city council"]["group"] == "city administration"
    bad = tmp_path / "bad.toml"
    bad.write_text('[actors\nx = 1\n', encoding="utf-8")
    result = run("analyze", str(SAMPLE), "--actors", str(bad))
    assert result.exit_code == 1 and f"{bad}:1" in result.output and "Traceback" not in result.output


PAGE = """<html><head><title>Harbour plan stalls</title></head><body>
<nav><a href="/">Home</a> <a href="/x">Why not subscribe today?</a></nav>
<div class="cookie">We use cookies. Is that okay?</div>
<article><h1>Harbour plan stalls</h1>
<p>The harbour board said on Monday that the dredging plan may be delayed again, after the
second tender drew no bids from local firms.</p>
<p>"We will clearly need more time," the chair, Ines Varga, told reporters at the quay.
Officials said the budget could rise by about a third before the work begins next spring.</p>
</article>
<footer>Comments: Who pays for this nonsense?</footer>
</body></html>
"""


def test_a_single_html_file_is_read_as_its_article(tmp_path):
    """Not as raw markup: the menu's, cookie banner's and comments' questions are not the author's."""
    page = tmp_path / "harbour.html"
    page.write_text(PAGE, encoding="utf-8")
    result = run("analyze", str(page), "-f", "json")
    assert result.exit_code == 0, result.output
    d = json.loads(result.stdout)
    assert d["questions"]["count"] == 0
    assert "may" in [h["text"] for h in d["hedging"]["items"]]
    assert "<p>" not in json.dumps(d)


def test_a_single_markdown_file_is_read_without_its_markup(tmp_path):
    import framing
    from framing.io.corpus import read_article

    md = tmp_path / "ferry.md"
    md.write_text('# Will the *ferry* return?\n\nThe **council** said it [may](http://x.y) '
                  'reopen the route.\n\n```\nnot prose?\n```\n', encoding="utf-8")
    text = read_article(md)[0]
    assert text == "Will the ferry return?\n\nThe council said it may reopen the route.\n"
    report = framing.analyze_file(str(md))
    assert [q.text for q in report.questions.items] == ["Will the ferry return?"]
    assert [(h.text, text[h.start:h.end]) for h in report.hedging.items] == [("may", "may")]
    result = run("analyze", str(md), "-f", "json")
    assert json.loads(result.stdout)["questions"]["count"] == 1


def test_fast_flag_switches_the_sentiment_model(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("The judges praised Lena Ostrova. Police arrested Karl Wendt on Monday.\n",
                   encoding="utf-8")
    default = json.loads(run("analyze", str(art), "-f", "json").stdout)
    fast = json.loads(run("analyze", str(art), "-f", "json", "--fast").stdout)
    assert default["actors"]["sentiment_model"].startswith("encoder")
    assert fast["actors"]["sentiment_model"].startswith("linear")
    folder = tmp_path / "corpus" / "outlet-a"
    folder.mkdir(parents=True)
    (folder / "x.txt").write_text(art.read_text(encoding="utf-8"), encoding="utf-8")
    res = run("analyze", str(tmp_path / "corpus"), "--out", str(tmp_path / "o"), "--fast", "-q",
              "--jobs", "1")
    assert res.exit_code == 0, res.output
    line = json.loads((tmp_path / "o" / "articles.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert line["report"]["actors"]["sentiment_model"].startswith("linear")


def test_a_corpus_baseline_is_computed_once_saved_and_reused(tmp_path):
    import os

    corpus = tmp_path / "ref"
    corpus.mkdir()
    for i in range(3):
        (corpus / f"a{i}.txt").write_text(f"The council may vote on plan {i}, she said. "
                                          "Is it right? Surely not.\n", encoding="utf-8")
    article2 = tmp_path / "second.txt"
    article2.write_text("The mayor said the plan would probably pass.\n", encoding="utf-8")
    out = tmp_path / "out"
    res = runner.invoke(app, ["analyze", str(SAMPLE), str(article2), "--out", str(out),
                              "--baseline", str(corpus)])
    assert res.exit_code == 0, res.output
    saved = json.loads((out / "baseline.json").read_text(encoding="utf-8"))
    assert saved["articles"] == 3 and saved["source"]["files"] == 3
    for report in out.glob("*/report.json"):  # both reports set against the same corpus
        assert json.loads(report.read_text(encoding="utf-8"))
    assert len(list(out.glob("*/report.md"))) == 2
    assert all("ref/ (3 articles" in p.read_text(encoding="utf-8")
               for p in out.glob("*/report.md"))
    # a second run reuses the saved statistics: they are not computed again
    os.utime(out / "baseline.json", (1, 1))
    stamp = (out / "baseline.json").stat().st_mtime_ns
    again = runner.invoke(app, ["analyze", str(SAMPLE), "--out", str(out), "--baseline",
                                str(corpus)])
    assert again.exit_code == 0 and (out / "baseline.json").stat().st_mtime_ns == stamp
    # the corpus changed: computed again; the saved file is itself a baseline to share
    (corpus / "a3.txt").write_text("It may rain.\n", encoding="utf-8")
    runner.invoke(app, ["analyze", str(SAMPLE), "--out", str(out), "--baseline", str(corpus)])
    assert json.loads((out / "baseline.json").read_text(encoding="utf-8"))["articles"] == 4
    shared = tmp_path / "shared.json"
    shared.write_bytes((out / "baseline.json").read_bytes())
    other = runner.invoke(app, ["analyze", str(SAMPLE), "--out", str(tmp_path / "o2"),
                                "--baseline", str(shared)])
    assert other.exit_code == 0 and not (tmp_path / "o2" / "baseline.json").exists()


def test_report_options_that_cannot_apply_are_errors(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The council may vote.\n", encoding="utf-8")
    for extra in (["--baseline", str(corpus)], ["--figure-format", "svg"]):
        res = runner.invoke(app, ["analyze", str(corpus), "--out", str(tmp_path / "o"), *extra])
        assert res.exit_code == 2 and "corpus is written as JSON Lines" in res.output
        res = runner.invoke(app, ["analyze", str(SAMPLE), *extra])
        assert res.exit_code == 2 and "with --out" in res.output
