"""Corpus readers (folders, JSONL, CSV, HTML) and the batch runner."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing.run.local import analyze_corpus, errors_path_for, iter_results
from framing.io.corpus import (Record, RecordError, check_sources, count_records, iter_corpus,
                            read_corpus)
from framing.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
OUTLETS = ROOT / "corpora" / "outlets"

ARTICLE = ("The council approved the plan on Tuesday. Is it the right choice? "
           "Officials say it may cost more than expected.\n")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- folders -------------------------------------------------------------------------
def test_sample_corpus_has_three_outlets_six_shared_stories():
    records = list(read_corpus([OUTLETS]))
    assert len(records) >= 18
    outlets = {r.outlet for r in records}
    assert len(outlets) >= 3
    stories: dict[str, set] = {}
    for r in records:
        assert r.story and r.date and r.title, r.source
        assert 250 <= len(r.text.split()) <= 500, r.source
        stories.setdefault(r.story, set()).add(r.outlet)
    assert len(stories) >= 6
    assert all(v == outlets for v in stories.values())


def test_folder_name_is_the_outlet(tmp_path):
    write(tmp_path / "corpus" / "wire" / "a.txt", ARTICLE)
    write(tmp_path / "corpus" / "tabloid" / "b.md", "# Big headline\n\n" + ARTICLE)
    write(tmp_path / "corpus" / "tabloid" / "README.md", "not an article")
    write(tmp_path / "corpus" / "tabloid" / "notes.csv", "x,y\n")
    recs = list(read_corpus([tmp_path / "corpus"]))
    assert [(r.outlet, Path(r.source).name) for r in recs] == [("tabloid", "b.md"), ("wire", "a.txt")]
    assert recs[0].title == "Big headline"
    assert recs[0].id == "tabloid/b" and recs[0].line is None


def test_single_outlet_folder(tmp_path):
    write(tmp_path / "daily-planet" / "one.txt", ARTICLE)
    (rec,) = read_corpus([tmp_path / "daily-planet"])
    assert rec.outlet == "daily-planet"


def test_metadata_sidecar_sets_outlet_and_story(tmp_path):
    write(tmp_path / "c" / "w" / "a.txt", ARTICLE)
    write(tmp_path / "c" / "metadata.csv",
          "file,outlet,story,date,title\nw/a.txt,The Wire,s1,2025-01-02,Plan approved\n")
    (rec,) = read_corpus([tmp_path / "c"])
    assert (rec.outlet, rec.story, rec.date, rec.title) == ("The Wire", "s1", "2025-01-02",
                                                            "Plan approved")


def test_unreadable_file_in_folder_is_an_error_not_a_stop(tmp_path):
    write(tmp_path / "c" / "w" / "a.txt", ARTICLE)
    (tmp_path / "c" / "w" / "b.txt").write_bytes(b"")
    write(tmp_path / "c" / "w" / "c.txt", ARTICLE)
    items = list(iter_corpus([tmp_path / "c"]))
    assert [type(i).__name__ for i in items] == ["Record", "RecordError", "Record"]
    assert items[1].source.endswith("b.txt") and "empty" in items[1].reason


def test_html_through_trafilatura(tmp_path):
    pytest.importorskip("trafilatura")
    body = "".join(f"<p>{ARTICLE.strip()} Paragraph {i} adds detail about the vote.</p>"
                   for i in range(6))
    write(tmp_path / "c" / "web" / "a.html",
          f"<html><head><title>Council vote</title></head><body><nav>Home | News</nav>"
          f"<article><h1>Council vote</h1>{body}</article><footer>© site</footer></body></html>")
    (rec,) = read_corpus([tmp_path / "c"])
    assert rec.outlet == "web"
    assert "The council approved the plan" in rec.text
    assert "Home | News" not in rec.text


# -- JSONL -----------------------------------------------------------------------------
def test_jsonl_errors_name_file_and_line_and_reading_goes_on(tmp_path):
    lines = [
        json.dumps({"outlet": "A", "text": ARTICLE, "story": "s1", "title": "T"}),
        "",
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"text": ARTICLE}),
        json.dumps({"outlet": "B"}),
        json.dumps({"outlet": "B", "text": 42}),
        json.dumps({"outlet": "B", "text": "   "}),
        json.dumps({"outlet": "B", "text": ARTICLE, "id": "b-1", "date": 2025}),
    ]
    path = write(tmp_path / "c.jsonl", "\n".join(lines) + "\n")
    items = list(iter_corpus([path]))
    recs = [i for i in items if isinstance(i, Record)]
    errs = [i for i in items if isinstance(i, RecordError)]
    assert [(r.outlet, r.id, r.line) for r in recs] == [("A", "c.jsonl:1", 1), ("B", "b-1", 9)]
    assert recs[1].date == "2025"
    assert [e.line for e in errs] == [3, 4, 5, 6, 7, 8]
    assert all(str(e).startswith(f"{path}:{e.line}: ") for e in errs)
    reasons = [e.reason for e in errs]
    assert "not valid JSON" in reasons[0]
    assert "expected a JSON object" in reasons[1]
    assert "no 'outlet'" in reasons[2] and "no 'text'" in reasons[3]
    assert "must be a string" in reasons[4] and "empty" in reasons[5]
    assert count_records([path]) == 8


def test_jsonl_invalid_utf8_line(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_bytes(json.dumps({"outlet": "A", "text": ARTICLE}).encode() + b"\n"
                     + b'{"outlet": "A", "text": "caf\xe9"}\n')
    items = list(iter_corpus([path]))
    assert isinstance(items[0], Record)
    assert isinstance(items[1], RecordError) and items[1].line == 2 and "UTF-8" in items[1].reason


# -- CSV --------------------------------------------------------------------------------
def test_csv_with_multiline_text_and_bad_row(tmp_path):
    text = ('outlet,text,story\n'
            'A,"First line.\nSecond line of the same article.",s1\n'
            'B,only two fields\n'
            'C,"Third, with a comma.",s2\n')
    path = write(tmp_path / "c.csv", text)
    items = list(iter_corpus([path]))
    assert isinstance(items[0], Record) and items[0].line == 2 and "\n" in items[0].text
    assert isinstance(items[1], RecordError) and items[1].line == 4
    assert "expected 3 fields" in items[1].reason
    assert isinstance(items[2], Record) and items[2].line == 5 and items[2].story == "s2"


def test_csv_without_outlet_column_is_a_source_error(tmp_path):
    path = write(tmp_path / "c.csv", "source,text\nA,hello\n")
    with pytest.raises(InputError) as exc:
        check_sources([path])
    assert str(path) in str(exc.value) and "'outlet'" in str(exc.value)


def test_check_sources_rejects_missing_unsupported_and_empty(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        check_sources([tmp_path / "missing"])
    with pytest.raises(InputError, match="not a corpus source"):
        check_sources([write(tmp_path / "x.pdf", "%PDF")])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no article files"):
        check_sources([tmp_path / "empty"])
    with pytest.raises(InputError, match="single article"):
        check_sources([write(tmp_path / "a.txt", ARTICLE)])
    assert check_sources([OUTLETS]) == ["folder"]


# -- batch -------------------------------------------------------------------------------
def _corpus(tmp_path: Path, n: int = 5) -> Path:
    rows = [json.dumps({"outlet": "AB"[i % 2], "id": f"a{i}", "story": f"s{i // 2}",
                        "text": f"Article {i}. " + ARTICLE}) for i in range(n)]
    rows.insert(2, "{broken")
    return write(tmp_path / "corpus.jsonl", "\n".join(rows) + "\n")


def test_batch_streams_in_order_with_errors_file_and_resumes(tmp_path):
    src = _corpus(tmp_path)
    out = tmp_path / "out" / "articles.jsonl"
    seen = []
    s = analyze_corpus(iter_corpus([src]), 1, out, terms=True, progress=lambda x: seen.append(x.done))
    assert (s.analysed, s.reused, s.failed) == (5, 0, 1)
    assert seen and seen[-1] == 6
    lines = out.read_text(encoding="utf-8").splitlines()
    objs = [json.loads(x) for x in lines]
    assert [o["id"] for o in objs] == [f"a{i}" for i in range(5)]
    first = objs[0]
    assert list(first)[:3] == ["key", "sha256", "version"]
    assert first["outlet"] == "A" and first["story"] == "s0" and first["terms"]["article"] == 1
    assert first["report"]["schema"] == "framing.article/1"
    errors = [json.loads(x) for x in errors_path_for(out).read_text().splitlines()]
    assert errors == [{"source": str(src), "line": 3, "id": None, "outlet": None,
                       "stage": "read", "error": errors[0]["error"]}]
    before = out.read_bytes()
    s2 = analyze_corpus(iter_corpus([src]), 1, out, terms=True)
    assert (s2.analysed, s2.reused) == (0, 5)
    assert out.read_bytes() == before
    # one text changes: only that article is analysed again
    src.write_text(src.read_text().replace("Article 3.", "Article three."), encoding="utf-8")
    s3 = analyze_corpus(iter_corpus([src]), 1, out, terms=True)
    assert (s3.analysed, s3.reused) == (1, 4)
    assert not list(out.parent.glob("*.part*"))


def test_batch_resumes_from_an_interrupted_part_file(tmp_path):
    src = _corpus(tmp_path)
    out = tmp_path / "articles.jsonl"
    analyze_corpus(iter_corpus([src]), 1, out)
    whole = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.unlink()
    # a crash left two complete lines and half of the third
    (tmp_path / "articles.jsonl.part0").write_text("".join(whole[:2]) + whole[2][:50],
                                                   encoding="utf-8")
    s = analyze_corpus(iter_corpus([src]), 1, out)
    assert (s.analysed, s.reused) == (3, 2)
    assert out.read_text(encoding="utf-8").splitlines(keepends=True) == whole


def test_batch_skips_duplicates_and_passes_results_through(tmp_path):
    rec = {"outlet": "A", "id": "x", "text": ARTICLE}
    src = write(tmp_path / "c.jsonl", json.dumps(rec) + "\n" + json.dumps(rec) + "\n")
    out = tmp_path / "r.jsonl"
    s = analyze_corpus(iter_corpus([src]), 1, out)
    assert (s.analysed, s.duplicates) == (1, 1)
    # a results file is itself a source: read back without analysing again
    out2 = tmp_path / "r2.jsonl"
    s2 = analyze_corpus(iter_corpus([out]), 1, out2)
    assert (s2.analysed, s2.reused) == (0, 1)
    (a,), (b,) = list(iter_results(out)), list(iter_results(out2))
    assert a["report"] == b["report"] and a["outlet"] == b["outlet"]


def test_batch_parallel_output_is_identical(tmp_path):
    src = _corpus(tmp_path, n=12)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    analyze_corpus(iter_corpus([src]), 1, one, terms=True)
    s = analyze_corpus(iter_corpus([src]), 2, two, terms=True, resume=False, chunk_size=2)
    assert s.analysed == 12 and s.jobs == 2
    assert one.read_bytes() == two.read_bytes()


def test_real_corpus_field_names_are_recognised(tmp_path):
    """BASIL/SemEval-style 'event', PolNeAR-style 'publisher' and
    'publication_date' fill outlet, story and date (so shared stories pair)."""
    from framing.io.corpus import read_corpus

    jl = tmp_path / "c.jsonl"
    jl.write_text("\n".join(json.dumps(r) for r in [
        {"publisher": "Harbour Times", "event": "e7", "publication_date": "2024-05-02",
         "headline": "Ferry returns", "text": "The ferry may return."},
        {"outlet": "Quay Post", "story": "e7", "date": "2024-05-03", "text": "It returned."},
    ]) + "\n", encoding="utf-8")
    recs = list(read_corpus([str(jl)]))
    assert [(r.outlet, r.story, r.date) for r in recs] == [
        ("Harbour Times", "e7", "2024-05-02"), ("Quay Post", "e7", "2024-05-03")]
    assert recs[0].title == "Ferry returns"
    csv_path = tmp_path / "c.csv"
    csv_path.write_text("publisher,event,text\nHarbour Times,e9,The plan may work.\n", encoding="utf-8")
    (rec,) = read_corpus([str(csv_path)])
    assert (rec.outlet, rec.story) == ("Harbour Times", "e9")
