"""The Dask engine gives exactly what the single-process batch gives.

A LocalCluster on 127.0.0.1 with two worker processes (one thread each) is
started once for the module; skipped when dask[distributed] is not installed.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

distributed = pytest.importorskip(
    "distributed", reason="dask[distributed] is not installed (pip install 'framing[dask]')")

from typer.testing import CliRunner  # noqa: E402

from framing.run import dask_engine as fd  # noqa: E402
from framing.run.local import analyze_corpus, iter_results  # noqa: E402
from framing.cli import app  # noqa: E402
from framing.io.corpus import iter_corpus  # noqa: E402

from .helpers import outlets_with_an_unreadable_sub_folder  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUTLETS = ROOT / "corpora" / "outlets"
FORMATS = ["jsonl"] + (["parquet"] if fd.default_format() == "parquet" else [])

SENTENCES = [
    "The council approved the plan on Tuesday.", "Is it the right choice?",
    "Officials say it may cost more than expected.", "“We will clearly win,” the mayor said.",
    "Critics argued the budget was perhaps too small.", "Why would anyone object?",
]


def _article(i: int) -> str:
    return " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(3 + i % 4)) + f" Item {i}.\n"


@pytest.fixture(scope="module")
def cluster():
    import logging

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address="127.0.0.1:0",
                                  silence_logs=logging.ERROR) as c:
        yield c


@pytest.fixture()
def corpus(tmp_path) -> list[str]:
    """A folder (two outlets, a sidecar with a bad row, an empty file), a
    JSON Lines file (a broken line, a non-object, duplicates within and across
    partitions) and a CSV file (a row with a missing field)."""
    folder = tmp_path / "folder"
    for i in range(7):
        outlet = "wire" if i % 2 else "daily"
        (folder / outlet).mkdir(parents=True, exist_ok=True)
        (folder / outlet / f"a{i}.txt").write_text(_article(i), encoding="utf-8")
    (folder / "daily" / "empty.txt").write_bytes(b"")
    (folder / "metadata.csv").write_text("file,outlet,story\nwire/a1.txt,The Wire,s1\n,x,y\n",
                                         encoding="utf-8")
    lines = []
    for i in range(11):
        lines.append(json.dumps({"outlet": f"o{i % 3}", "id": f"r{i}", "text": _article(i)}))
        if i == 2:
            lines.append("{broken")
        if i == 4:
            lines.append("")
            lines.append("[1, 2]")
    lines.append(json.dumps({"outlet": "o0", "id": "r0", "text": _article(0)}))  # across partitions
    lines.append(json.dumps({"outlet": "o0", "id": "r0", "text": _article(0)}))  # within one
    jsonl = tmp_path / "records.jsonl"
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    csv_path = tmp_path / "table.csv"
    csv_path.write_text("outlet,text\nA,\"" + _article(20).strip() + "\"\nB\nC,\"Is it over? It may be.\"\n",
                        encoding="utf-8")
    return [str(folder), str(jsonl), str(csv_path)]


def _single(sources, tmp_path: Path, **kw):
    out = tmp_path / "single" / "articles.jsonl"
    summary = analyze_corpus(iter_corpus(sources), 1, out, resume=False,
                             errors_path=tmp_path / "single" / "errors.jsonl", **kw)
    return summary, list(iter_results(out)), (tmp_path / "single" / "errors.jsonl").read_text("utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
def test_results_equal_the_single_process_run(cluster, corpus, tmp_path, fmt):
    one, rows, errors = _single(corpus, tmp_path, terms=True)
    out = tmp_path / "dask"
    s = fd.analyze_corpus_dask(corpus, out, scheduler=cluster.scheduler_address, partition_size=3,
                               fmt=fmt, terms=True)
    assert s.partitions > 5 and s.workers == 2 and s.format == fmt
    assert list(fd.iter_results(out)) == rows
    assert (out / "errors.jsonl").read_text("utf-8") == errors
    assert (s.written, s.failed, s.duplicates) == (one.written, one.failed, one.duplicates)
    assert one.duplicates == 2 and one.failed >= 4
    manifest = json.loads((out / "_manifest.json").read_text("utf-8"))
    assert manifest["format"] == fmt and len(manifest["partitions"]) == s.partitions
    assert sorted(p.name for p in (out / "articles").glob(f"*.{fmt}")) == manifest["partitions"]


def test_jsonl_partitions_concatenate_to_the_batch_file(cluster, corpus, tmp_path):
    _single(corpus, tmp_path)
    out = tmp_path / "dask"
    fd.analyze_corpus_dask(corpus, out, scheduler=cluster.scheduler_address, partition_size=4,
                           fmt="jsonl")
    manifest = json.loads((out / "_manifest.json").read_text("utf-8"))
    joined = "".join((out / "articles" / n).read_text("utf-8") for n in manifest["partitions"])
    assert joined == (tmp_path / "single" / "articles.jsonl").read_text("utf-8")


def test_resume_reuses_finished_partitions(cluster, corpus, tmp_path):
    out = tmp_path / "dask"
    addr = cluster.scheduler_address
    first = fd.analyze_corpus_dask(corpus, out, scheduler=addr, partition_size=3, fmt="jsonl")
    rows = list(fd.iter_results(out))
    again = fd.analyze_corpus_dask(corpus, out, scheduler=addr, partition_size=3, fmt="jsonl")
    assert again.partitions_reused == again.partitions == first.partitions
    assert again.analysed == 0 and again.reused == first.written
    assert list(fd.iter_results(out)) == rows
    # an interrupted run: one partition never finished (its meta file missing)
    metas = sorted((out / "articles").glob("*.meta.json"))
    metas[2].unlink()
    third = fd.analyze_corpus_dask(corpus, out, scheduler=addr, partition_size=3, fmt="jsonl")
    assert third.partitions_reused == first.partitions - 1
    assert list(fd.iter_results(out)) == rows
    # a changed input: its partitions are redone, stale ones removed
    Path(corpus[1]).write_text(json.dumps({"outlet": "o9", "text": "Is it new? It may be."}) + "\n",
                               encoding="utf-8")
    fourth = fd.analyze_corpus_dask(corpus, out, scheduler=addr, partition_size=3, fmt="jsonl")
    _, rows4, _ = _single(corpus, tmp_path)
    assert list(fd.iter_results(out)) == rows4
    manifest = json.loads((out / "_manifest.json").read_text("utf-8"))
    assert sorted(p.name for p in (out / "articles").glob("*.jsonl")) == manifest["partitions"]
    assert fourth.partitions < first.partitions


def test_sample_corpus_with_actors(cluster, tmp_path):
    actors = {"Council": ["council", "councillors"]}
    _, rows, _ = _single([str(OUTLETS)], tmp_path, actors=actors)
    out = tmp_path / "dask"
    fd.analyze_corpus_dask([str(OUTLETS)], out, scheduler=cluster.scheduler_address,
                           partition_size=5, fmt="jsonl", actors=actors)
    assert list(fd.iter_results(out)) == rows


runner = CliRunner()


def test_cli_engine_dask_with_scheduler(cluster, corpus, tmp_path):
    out = tmp_path / "cli"
    result = runner.invoke(app, ["analyze", *corpus, "--engine", "dask", "--scheduler",
                                 cluster.scheduler_address, "--out", str(out)])
    assert result.exit_code == 1, result.output  # the corpus holds bad records
    assert "Traceback" not in result.output
    assert "records.jsonl:4: not valid JSON" in result.output
    assert "could not be read or analysed" in result.output
    _, rows, _ = _single(corpus, tmp_path)
    assert list(fd.iter_results(out)) == rows


def test_cli_engine_dask_local_cluster_to_stdout(tmp_path):
    local = runner.invoke(app, ["analyze", str(OUTLETS), "--quiet", "--jobs", "1"])
    result = runner.invoke(app, ["analyze", str(OUTLETS), "--quiet", "--jobs", "2",
                                 "--engine", "dask"])
    assert result.exit_code == 0, result.output
    assert [line for line in result.output.splitlines() if line.startswith("{")] == \
        [line for line in local.output.splitlines() if line.startswith("{")]


def test_cli_usage_errors(tmp_path):
    r = runner.invoke(app, ["analyze", str(OUTLETS), "--scheduler", "tcp://127.0.0.1:1"])
    assert r.exit_code == 2 and "--scheduler needs --engine dask" in r.output
    article = tmp_path / "a.txt"
    article.write_text("Is it over? It may be.\n", encoding="utf-8")
    r = runner.invoke(app, ["analyze", str(article), "--engine", "dask"])
    assert r.exit_code == 2 and "needs corpus sources" in r.output


def test_unreachable_scheduler_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(fd, "CONNECT_TIMEOUT", "1s")
    r = runner.invoke(app, ["analyze", str(OUTLETS), "--engine", "dask", "--scheduler",
                            "tcp://127.0.0.1:9", "--out", str(tmp_path / "o"), "--quiet"])
    assert r.exit_code == 1
    assert "cannot connect to the Dask scheduler at tcp://127.0.0.1:9" in r.output
    assert "Traceback" not in r.output


@pytest.fixture()
def inproc_client():
    """A one-worker cluster in this process, so a test can replace what the
    worker runs (processes=False: tasks are not pickled)."""
    import logging

    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address="127.0.0.1:0",
                                  silence_logs=logging.ERROR) as c, distributed.Client(c) as client:
        yield client


def _failing_second_partition(real):
    def run(part, *args, **kw):
        if part.index == 1:
            raise OSError(28, "No space left on device")
        return real(part, *args, **kw)
    return run


@pytest.mark.parametrize("kind", ["jsonl", "folder", "csv"])
def test_a_lost_partition_counts_every_article_and_is_not_in_the_manifest(
        inproc_client, tmp_path, monkeypatch, kind):
    # issue 19: a whole failed partition was one error ("2 record(s)" for 1,000 articles)
    # and its file, never written, was listed in the manifest
    n = 10
    if kind == "jsonl":
        src = tmp_path / "c.jsonl"
        src.write_text("".join(json.dumps({"outlet": "o", "id": f"r{i}", "text": _article(i)}) + "\n"
                               + ("\n" if i == 4 else "") for i in range(n)), encoding="utf-8")
    elif kind == "folder":
        src = tmp_path / "f"
        (src / "o").mkdir(parents=True)
        for i in range(n):
            (src / "o" / f"a{i:02d}.txt").write_text(_article(i), encoding="utf-8")
    else:
        src = tmp_path / "c.csv"
        src.write_text("outlet,id,text\n" + "".join(f"o,r{i},\"{_article(i).strip()}\"\n"
                                                    for i in range(n)), encoding="utf-8")
    monkeypatch.setattr(fd, "_run_partition", _failing_second_partition(fd._run_partition))
    out = tmp_path / "out"
    s = fd.analyze_corpus_dask([str(src)], out, scheduler=inproc_client, partition_size=3,
                               fmt="jsonl")
    assert (s.partitions, s.partitions_failed, s.written, s.failed) == (4, 1, n - 3, 3)
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text("utf-8").splitlines()]
    assert len(errors) == 3 and all("No space left" in e["error"] for e in errors)
    assert all(e["stage"] == "partition" for e in errors)
    if kind == "jsonl":
        assert [e["line"] for e in errors] == [4, 5, 7]  # line 6 is blank
    elif kind == "folder":
        assert [Path(e["source"]).name for e in errors] == ["a03.txt", "a04.txt", "a05.txt"]
    else:
        assert [e["id"] for e in errors] == ["r3", "r4", "r5"]
    manifest = json.loads((out / "_manifest.json").read_text("utf-8"))
    assert len(manifest["partitions"]) == 3 and manifest["articles"] == n - 3
    assert all((out / "articles" / name).is_file() for name in manifest["partitions"])
    assert len(list(fd.iter_results(out))) == n - 3
    # the lost partition is done again on the next run, the others reused
    monkeypatch.undo()
    again = fd.analyze_corpus_dask([str(src)], out, scheduler=inproc_client, partition_size=3,
                                   fmt="jsonl")
    assert (again.partitions_reused, again.written, again.failed) == (3, n, 0)
    _, rows, _ = _single([str(src)], tmp_path)
    assert list(fd.iter_results(out)) == rows


def test_cli_reports_every_lost_article(inproc_client, tmp_path, monkeypatch):
    src = tmp_path / "c.jsonl"
    src.write_text("".join(json.dumps({"outlet": "o", "text": _article(i)}) + "\n" for i in range(8)),
                   encoding="utf-8")
    monkeypatch.setattr(fd, "_run_partition", _failing_second_partition(fd._run_partition))
    monkeypatch.setattr(fd, "analyze_corpus_dask",
                        functools.partial(fd.analyze_corpus_dask, partition_size=3))
    r = runner.invoke(app, ["analyze", str(src), "--engine", "dask", "--scheduler",
                            inproc_client.scheduler.address, "--out", str(tmp_path / "o"), "--quiet"])
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert "3 record(s) could not be read or analysed" in r.output
    assert "1 partition(s) failed as a whole" in r.output


def test_an_unreadable_sub_folder_is_reported(inproc_client, tmp_path, monkeypatch):
    root = outlets_with_an_unreadable_sub_folder(tmp_path / "outlets", _article(1), monkeypatch)
    out = tmp_path / "out"
    s = fd.analyze_corpus_dask([str(root)], out, scheduler=inproc_client, fmt="jsonl")
    assert (s.written, s.failed) == (1, 1)
    (err,) = [json.loads(x) for x in (out / "errors.jsonl").read_text("utf-8").splitlines()]
    assert err["source"].endswith("b") and "cannot be read" in err["error"]
    assert [r["id"] for r in fd.iter_results(out)] == ["a/x"]
