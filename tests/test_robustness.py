"""Messy input never crashes ``framing``: each case gives a valid report, or
a clear error naming the file (and line) and the reason with exit code 1 and
no traceback; a batch never stops on one bad input; nothing already written
is lost or half-written."""
from __future__ import annotations

import codecs
import json
import os
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import framing
from framing.run.local import analyze_corpus, iter_results
from framing.cli import app
from framing.io.corpus import iter_corpus, read_corpus
from framing.render.outdir import atomic_write
from framing.text.decode import MAX_BYTES

from .test_contract import _spans

runner = CliRunner()
ARTICLE = ("The council approved the harbour plan on Tuesday. Is it the right choice? "
           "Officials say it may cost more than expected.\n")
LIMIT = f"{MAX_BYTES // 2**20} MiB limit"


def run(*args, input=None):
    result = runner.invoke(app, [str(a) for a in args], input=input)
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def json_report(result) -> dict:
    assert result.exit_code == 0, result.output
    d = json.loads(result.output[result.output.index("{"):])
    assert d["schema"] == "framing.article/1"
    return d


def assert_valid_spans(text: str) -> framing.ArticleReport:
    report = framing.analyze(text)
    for start, end, covered in _spans(report):
        assert 0 <= start <= end <= len(text) and text[start:end] == covered
    json.dumps(report.to_dict())
    return report


# -- one article file ------------------------------------------------------------------
BAD_FILES = [
    ("empty.txt", b"", "the file is empty"),
    ("blank.txt", b"  \n\t \r\n  ", "only white space"),
    ("png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 8,
     "binary file"),
    ("controls.txt", bytes(range(1, 9)) * 400, "binary file"),
    ("badbom.txt", codecs.BOM_UTF16_LE + b"\x00\xd8a\x00", "not valid utf-16"),
]


@pytest.mark.parametrize("name,data,reason", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_is_a_clear_error(tmp_path, name, data, reason):
    path = write(tmp_path / name, data)
    result = run("analyze", path)
    assert result.exit_code == 1
    assert f"{path}: " in result.output and reason in result.output


@pytest.mark.parametrize("data,warning,text", [
    ("Café owners say it may rain.".encode("utf-8"), None, "Café"),
    (codecs.BOM_UTF8 + "Café owners say it may rain.".encode("utf-8"), None, "Café"),
    (b"Caf\xe9 owners say it may rain \x93soon\x94.", "not valid UTF-8", None),  # cp1252
    ("Ça coûte cher, dit-il. Est-ce la fin ?".encode("latin-1"), "not valid UTF-8", None),
    (b"Undefined in cp1252 \x81\x8d\x8f\x90\x9d but Latin-1 reads it. Is it?", "not valid UTF-8", None),
    ("“Is it over?” she asked. It may be.".encode("utf-16"), None, None),  # with a BOM
    (codecs.BOM_UTF16_BE + "“Is it over?” she asked. It may be.".encode("utf-16-be"), None, None),
    (codecs.BOM_UTF32_LE + "Is it over? It may be.".encode("utf-32-le"), None, None),
    ("Is it over? It may be.".encode("utf-16-le"), "without a byte-order mark", None),
], ids=["utf8", "utf8-bom", "cp1252", "latin1", "latin1-c1", "utf16-le-bom", "utf16-be-bom",
        "utf32-bom", "utf16-no-bom"])
def test_encodings_give_a_report(tmp_path, data, warning, text):
    path = write(tmp_path / "enc.txt", data)
    d = json_report(run("analyze", path, "-f", "json"))
    assert d["stats"]["words"] >= 5
    warnings = " ".join(d["warnings"])
    if warning:
        assert warning in warnings and str(path) in warnings
    else:
        assert "UTF-8" not in warnings and "byte-order" not in warnings


def test_invalid_utf8_in_the_middle_is_decoded_with_a_warning(tmp_path):
    data = ARTICLE.encode() + b"\xff\xfe broken \xc3\x28 bytes. Is it over?\n"
    d = json_report(run("analyze", write(tmp_path / "bad.txt", data), "-f", "json"))
    assert any("not valid UTF-8 (byte" in w for w in d["warnings"])
    assert d["questions"]["count"] == 2


def test_50_mb_file_is_refused_naming_the_limit(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:  # sparse: instant, no disk used
        fh.truncate(50 * 2**20)
    result = run("analyze", path)
    assert result.exit_code == 1
    assert f"{path}: is 50.0 MiB, over the {LIMIT} for one article" in result.output


def test_oversized_stdin_is_refused_naming_the_limit():
    result = run("analyze", "-", input=b"word " * (MAX_BYTES // 5 + 10))
    assert result.exit_code == 1
    assert f"<stdin>: is over the {LIMIT}" in result.output


# -- hard text -------------------------------------------------------------------------
LONG_SENTENCES = {
    "words": ("the council may perhaps approve the plan and " * 500)[:20_000],
    "commas": ("officials said, reportedly, " * 800)[:20_000],
    "capitalised": ("The Council Of The City Of Valmora " * 600)[:20_000],
    "may-names": ("May " * 5000)[:20_000],
    "one-word": "a" * 20_000,
}


@pytest.mark.parametrize("name", LONG_SENTENCES)
def test_20000_character_sentence(tmp_path, name):
    text = LONG_SENTENCES[name] + "\n"
    t0 = time.perf_counter()
    d = json_report(run("analyze", write(tmp_path / "long.txt", text), "-f", "json"))
    assert time.perf_counter() - t0 < 60  # no super-linear blow-up (each takes well under 1 s)
    assert d["stats"]["sentences"] == 1
    assert_valid_spans(text)


def test_text_without_punctuation(tmp_path):
    text = ("the plan may cost more than anyone expected and nobody knows why it was approved "
            * 40 + "\n\nsecond paragraph without any mark at all\n")
    d = json_report(run("analyze", write(tmp_path / "plain.txt", text), "-f", "json"))
    assert d["stats"]["sentences"] == 2 and d["questions"]["count"] == 0
    assert d["hedging"]["hedges"] >= 40
    assert_valid_spans(text)


QUOTES = {
    "unclosed": "“We will win, she said. Nobody believed it.\n\nThe next paragraph.\n",
    "stray-closer": "He said it was over.” Nobody agreed.\n",
    "nested": "“She told me ‘it “may” be over’ yesterday,” he said.\n",
    "mixed": "“It is over,\" he said. \"Is it?” she asked.\n",
    "german-french": "„Das ist falsch“, sagte er. « Vraiment ? » demanda-t-elle.\n",
    "only-marks": "\"“”„«»‘’'‚‹›\"\"''“““”””\n",
    "multi-paragraph": "“First part.\n\n“Second part,” she said.\n\n“Unclosed third.\n",
    "apostrophes": "’Tis the students’ union’s ’90s plan, isn’t it? Rock ’n’ roll.\n",
    "straight-runs": '"' * 501 + " " + "'" * 499 + "\n",
}


@pytest.mark.parametrize("name", QUOTES)
def test_unbalanced_nested_mixed_quotation_marks(tmp_path, name):
    text = QUOTES[name]
    d = json_report(run("analyze", write(tmp_path / "q.txt", text), "-f", "json"))
    report = assert_valid_spans(text)
    assert report.to_dict() == framing.analyze(text).to_dict()
    if name in ("unclosed", "stray-closer", "mixed"):
        assert d["warnings"], d


# -- corpora ---------------------------------------------------------------------------
def test_html_with_scripts_and_huge_attributes_through_the_folder_reader(tmp_path):
    pytest.importorskip("trafilatura")
    body = "".join(f"<p>{ARTICLE.strip()} Paragraph {i} explains the vote in more detail.</p>"
                   for i in range(6))
    junk = "x" * (2 * 2**20)
    html = (f"<!DOCTYPE html><html><head><title>Council backs plan</title>"
            f"<script>var q = 'Is this a script question?'; document.write(q);</script>"
            f"<style>p {{ color: red }} /* Is this a style question? */</style></head>"
            f"<body data-junk=\"{junk}\" onload=\"alert('Why?')\"><nav>Home | About</nav>"
            f"<article><h1>Council backs plan</h1>{body}</article>"
            f"<script>alert('Why is this here?')</script></body></html>")
    write(tmp_path / "site" / "outlet" / "page.html", html)
    write(tmp_path / "site" / "outlet" / "broken.html", "<html><body><p>Unclosed <b>tags <i>" + "<div>" * 5000)
    write(tmp_path / "site" / "outlet" / "scripts-only.html",
          "<html><head><script>var a = 'Is it?';</script></head><body></body></html>")
    items = list(iter_corpus([tmp_path / "site"]))
    texts = [i.text for i in items if hasattr(i, "text")]
    assert any("approved the harbour plan" in t for t in texts)
    assert not any("script question" in t or "style question" in t or "Why is this" in t
                   or "xxxx" in t for t in texts)
    result = run("analyze", tmp_path / "site", "--quiet", "-j", "1")
    assert result.exit_code == 1  # the HTML without an article is reported
    assert "scripts-only.html: no article text found in the HTML" in result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    page = next(r for r in rows if r["source"].endswith("page.html"))
    assert page["title"] == "Council backs plan"
    assert page["report"]["questions"]["count"] == 6  # one per paragraph, none from scripts


def test_jsonl_with_broken_lines(tmp_path):
    lines = [
        json.dumps({"outlet": "A", "text": ARTICLE}).encode(),
        b"{broken",
        b"[1, 2, 3]",
        json.dumps({"outlet": "A"}).encode(),
        json.dumps({"outlet": "A", "text": 5}).encode(),
        json.dumps({"text": ARTICLE}).encode(),
        b'{"outlet": "B", "text": "caf\xe9"}',
        b"",
        json.dumps({"outlet": "B", "text": "Is it over? It may be."}).encode(),
        b'{"outlet": "C", "text": "truncated',
    ]
    path = write(tmp_path / "c.jsonl", b"\n".join(lines))
    expected = [(2, "not valid JSON"), (3, "expected a JSON object"), (4, "no 'text' field"),
                (5, "'text' must be a string"), (6, "no 'outlet' field"), (7, "not valid UTF-8"),
                (10, "not valid JSON")]
    result = run("analyze", path, "--quiet")
    assert result.exit_code == 1
    for line, reason in expected[:5]:  # the terminal shows the first five
        assert f"{path}:{line}: {reason}" in result.output, (line, result.output)
    assert "7 record(s) could not be read or analysed" in result.output
    assert sum(1 for row in result.output.splitlines() if row.startswith("{")) == 2
    result = run("analyze", path, "--quiet", "--out", tmp_path / "out", "-j", "1")
    errors = [json.loads(e) for e in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    assert [e["line"] for e in errors] == [n for n, _ in expected]
    assert all(e["error"].startswith(r) and e["source"] == str(path) for e, (_, r) in zip(errors, expected))


def test_jsonl_errors_file_lists_every_bad_line(tmp_path):
    path = write(tmp_path / "c.jsonl", "\n".join(
        ["{bad"] * 3 + [json.dumps({"outlet": "A", "text": ARTICLE})] + ["nope"] * 3))
    result = run("analyze", path, "--quiet", "--out", tmp_path / "out", "-j", "1")
    assert result.exit_code == 1 and "errors.jsonl" in result.output
    errors = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    assert [e["line"] for e in errors] == [1, 2, 3, 5, 6, 7]
    assert len(list(iter_results(tmp_path / "out" / "articles.jsonl"))) == 1


def test_csv_missing_a_column(tmp_path):
    no_text = write(tmp_path / "no_text.csv", "outlet,title\nA,Plan approved\n")
    result = run("analyze", no_text, "--quiet")
    assert result.exit_code == 1
    assert f"{no_text}:1: the header has no 'text' column (found: outlet, title)" in result.output
    short_row = write(tmp_path / "short.csv",
                      f"outlet,text,title\nA,\"{ARTICLE.strip()}\",t\nB\nC,\"Is it? It may be.\",t\n")
    result = run("analyze", short_row, "--quiet")
    assert result.exit_code == 1
    assert f"{short_row}:3: expected 3 fields, found 1" in result.output
    assert sum(1 for row in result.output.splitlines() if row.startswith("{")) == 2


def test_malformed_actors_toml(tmp_path):
    pytest.importorskip("framing.io.actors_file", reason="the actors file reader is not there yet")
    article = write(tmp_path / "a.txt", ARTICLE)
    cases = [
        ("syntax.toml", '[actors\n"Mayor" = ["the mayor"]\n', ":1: invalid TOML"),
        ("type.toml", '[actors]\n"Mayor" = 5\n', ":2: actor 'Mayor': expected a list of aliases"),
        ("key.toml", '[actors.Mayor]\naliases = ["the mayor"]\ncolour = "red"\n',
         ":3: actor 'Mayor': unknown key 'colour'"),
        ("latin1.toml", "[actors]\n\"Müller\" = [\"M\"]\n".encode("latin-1"), ":2: the actors file is not UTF-8"),
        ("binary.toml", b"\x00\x01\x02\xff" * 100, ":1: the actors file is not UTF-8"),
    ]
    for name, data, reason in cases:
        path = write(tmp_path / name, data)
        result = run("analyze", article, "--actors", path)
        assert result.exit_code == 1, (name, result.output)
        assert str(path) in result.output and reason in result.output, (name, result.output)
    missing = run("analyze", article, "--actors", tmp_path / "missing.toml")
    assert missing.exit_code == 1
    assert f"{tmp_path / 'missing.toml'}: cannot read the actors file" in missing.output


def test_a_batch_never_stops_on_one_bad_input(tmp_path):
    folder = tmp_path / "corpus" / "outlet"
    good = [write(folder / f"good{i}.txt", ARTICLE.replace("Tuesday", f"day {i}")) for i in range(3)]
    write(folder / "a-empty.txt", b"")
    write(folder / "b-binary.txt", b"\x00\x01" * 500)
    write(folder / "c-blank.md", b"\n\n   \n")
    with open(folder / "d-huge.txt", "wb") as fh:
        fh.truncate(50 * 2**20)
    write(folder / "e-latin1.txt", "Ça coûte cher. Est-ce la fin ?".encode("latin-1"))
    write(folder / "f-noarticle.html", "<html><body></body></html>")
    write(tmp_path / "corpus" / "metadata.csv", "file,outlet\n,Nobody\n")
    result = run("analyze", tmp_path / "corpus", "--quiet", "--out", tmp_path / "out", "-j", "2")
    assert result.exit_code == 1
    rows = list(iter_results(tmp_path / "out" / "articles.jsonl"))
    assert {Path(r["source"]).name for r in rows} == {p.name for p in good} | {"e-latin1.txt"}
    errors = (tmp_path / "out" / "errors.jsonl").read_text().splitlines()
    joined = "\n".join(errors)
    for name, reason in [("a-empty.txt", "empty"), ("b-binary.txt", "binary"), ("c-blank.md", "white space"),
                         ("d-huge.txt", LIMIT), ("f-noarticle.html", "no article text"),
                         ("metadata.csv", "'file' field is empty")]:
        assert name in joined and reason in joined, name
    assert len(errors) == 6


# -- nothing written is lost or half-written ------------------------------------------
class Stop(Exception):
    pass


def test_interrupted_batch_keeps_earlier_lines_and_resumes(tmp_path):
    corpus = tmp_path / "c.jsonl"
    records = [{"outlet": f"o{i % 3}", "id": f"r{i}", "text": ARTICLE.replace("Tuesday", f"day {i}")}
               for i in range(40)]
    write(corpus, "\n".join(json.dumps(r) for r in records[:10]) + "\n")
    out = tmp_path / "out" / "articles.jsonl"
    analyze_corpus(iter_corpus([corpus]), 1, out)
    before = out.read_bytes()

    # the corpus grows; the next run is interrupted after three chunks
    write(corpus, "\n".join(json.dumps(r) for r in records) + "\n")
    calls = []

    def interrupt(summary):
        calls.append(summary.done)
        if len(calls) == 3:
            raise Stop

    with pytest.raises(Stop):
        analyze_corpus(iter_corpus([corpus]), 1, out, progress=interrupt, chunk_size=4)
    assert out.read_bytes() == before  # the finished file is untouched
    parts = list(out.parent.glob("articles.jsonl.part*"))
    assert len(parts) == 1
    partial = parts[0].read_text(encoding="utf-8")
    assert partial and partial.endswith("\n")
    assert all(json.loads(line)["report"] for line in partial.splitlines())  # whole lines only

    summary = analyze_corpus(iter_corpus([corpus]), 1, out)
    assert summary.reused >= len(partial.splitlines()) and summary.analysed + summary.reused == 40
    assert not list(out.parent.glob("articles.jsonl.part*"))
    fresh = tmp_path / "fresh" / "articles.jsonl"
    analyze_corpus(iter_corpus([corpus]), 1, fresh, resume=False)
    assert out.read_bytes() == fresh.read_bytes()
    assert out.read_bytes().startswith(before)


def test_a_truncated_results_line_is_not_reused(tmp_path):
    corpus = write(tmp_path / "c.jsonl", "\n".join(
        json.dumps({"outlet": "o", "id": f"r{i}", "text": ARTICLE + f" Item {i}."}) for i in range(5)))
    out = tmp_path / "articles.jsonl"
    analyze_corpus(iter_corpus([corpus]), 1, out)
    good = out.read_bytes()
    lines = good.splitlines(keepends=True)
    (tmp_path / "articles.jsonl.part0").write_bytes(b"".join(lines[:2]) + lines[2][:50])  # a crash mid-line
    out.unlink()
    summary = analyze_corpus(iter_corpus([corpus]), 1, out)
    assert summary.reused == 2 and summary.analysed == 3
    assert out.read_bytes() == good


def test_atomic_write_never_leaves_half_a_file(tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    atomic_write(target, '{"old": true}\n')

    def fail(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        atomic_write(target, '{"new": ' + "1" * 100_000 + "}\n")
    assert target.read_text() == '{"old": true}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_report_folder_keeps_finished_files_when_a_later_output_fails(tmp_path, monkeypatch):
    from framing.render import outdir

    text = ARTICLE
    report = framing.analyze(text)
    monkeypatch.setattr("framing.render.pdf.pdf_bytes",
                        lambda *a, **k: (_ for _ in ()).throw(OSError(28, "No space left")))
    with pytest.raises(OSError):
        outdir.write_outputs(report, text, tmp_path / "out")
    assert json.loads((tmp_path / "out" / "report.json").read_text())["schema"] == "framing.article/1"
    assert not [p for p in (tmp_path / "out").rglob("*") if p.name.endswith(".tmp")]


def test_corpus_reader_reads_what_it_can(tmp_path):
    write(tmp_path / "c" / "o" / "fine.txt", ARTICLE)
    write(tmp_path / "c" / "o" / "empty.txt", b"")
    errors: list = []
    recs = list(read_corpus([tmp_path / "c"], errors))
    assert len(recs) == 1 and len(errors) == 1 and errors[0].reason == "the file is empty"


def test_iter_results_reports_unreadable_lines(tmp_path):
    """A broken line in a results file is reported with its number, not dropped silently."""
    good = json.dumps({"id": "a", "report": framing.analyze("It may rain.").to_dict()})
    path = tmp_path / "articles.jsonl"
    path.write_text(good + "\n{broken\n" + json.dumps({"id": "b"}) + "\n\n", encoding="utf-8")
    seen = []
    rows = list(iter_results(path, on_error=lambda n, why: seen.append((n, why))))
    assert [r["id"] for r in rows] == ["a"]
    assert [n for n, _ in seen] == [2, 3]
    assert "JSON" in seen[0][1] and "report" in seen[1][1]
