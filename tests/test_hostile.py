"""Hostile corpora (issue 19): one bad record never kills a run, no
quadratic input, no injection. Every input is generated here."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from typer.testing import CliRunner

from framing.run.local import _work, analyze_corpus, iter_results
from framing.cli import app
from framing.io.corpus import Record, iter_corpus

from .helpers import outlets_with_an_unreadable_sub_folder

runner = CliRunner()
SENT = "The council approved the plan on Tuesday. Is it the right choice? It may cost more.\n"


def run(*args):
    result = runner.invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    # json.dumps escapes a lone surrogate as \udXXX: exactly what scraped files hold
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="ascii")
    return path


# -- 1. lone surrogates ----------------------------------------------------------------
def surrogate_rows() -> list[dict]:
    return [
        {"outlet": "a", "id": "1", "title": "Broken \ud83d",
         "text": '"We may \ud83d go," she said. Is it \ud83d fine? Maybe.\n'},
        {"outlet": "a", "id": "2", "text": SENT},
        {"outlet": "b\udc00", "id": "3", "text": SENT + "Really \ude00.\n"},
    ]


def test_lone_surrogates_in_jsonl_are_repaired_with_a_warning(tmp_path):
    src = write_jsonl(tmp_path / "c.jsonl", surrogate_rows())
    out = tmp_path / "out"
    for _ in range(2):  # the rerun (resume) works too
        result = run("analyze", src, "--out", out, "-j", "1", "-q")
        assert result.exit_code == 0, result.output
        lines = list(iter_results(out / "articles.jsonl"))
        assert [r["id"] for r in lines] == ["1", "2", "3"]
    assert (out / "articles.jsonl").read_bytes().decode("utf-8")
    first = lines[0]
    assert first["title"] == "Broken \ufffd"
    assert any("surrogate" in w for w in first["report"]["warnings"])
    assert lines[2]["outlet"] == "b\ufffd"


def test_the_sentiment_encoder_reads_a_lone_surrogate_as_a_replacement_character():
    # found by the 100k fuzz: 1 document in 5 with a lone surrogate in a
    # sentence with an actor crashed framing.analyze in the tokenizer (the
    # corpus readers repair them; the Python API got them raw)
    import framing

    text = "Mayor Ann Ruiz praised the \ud83d plan. Critics attacked Ann Ruiz \udc00 again.\n"
    fixed = text.replace("\ud83d", "\ufffd").replace("\udc00", "\ufffd")
    got = framing.analyze(text).to_dict()["actors"]
    want = framing.analyze(fixed).to_dict()["actors"]
    mentions = [m for item in got["items"] for m in item["mentions"]]
    assert got == want and len(mentions) >= 2, got
    for m in mentions:
        assert text[m["start"]:m["end"]] == m["text"]


def test_compare_survives_lone_surrogates(tmp_path):
    src = write_jsonl(tmp_path / "c.jsonl", surrogate_rows())
    result = run("compare", src, "--out", tmp_path / "cmp", "-j", "1", "-q", "--no-figures")
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "cmp" / "comparison.json").read_text(encoding="utf-8"))


def test_a_record_that_cannot_be_serialised_is_one_error_not_a_dead_batch(tmp_path):
    # records handed straight to the batch (not through the reader's repair)
    bad = Record(outlet="a", text='"We may \ud83d go," she said.\n', id="bad", source="mem")
    good = Record(outlet="a", text=SENT, id="good", source="mem")
    (kind, err), = _work([({"id": "bad", "source": "mem"}, bad.text, [])], None, False)
    assert kind == "error" and err["stage"] == "serialise" and "surrogate" in err["error"]
    out = tmp_path / "articles.jsonl"
    for jobs in (1, 2):
        summary = analyze_corpus([bad, good], jobs, out, resume=False)
        assert (summary.analysed, summary.failed) == (1, 1)
        assert [r["id"] for r in iter_results(out)] == ["good"]
        errors = [json.loads(x) for x in summary.errors_path and open(summary.errors_path, encoding="utf-8")]
        assert errors[0]["id"] == "bad"


def test_reused_line_that_cannot_be_written_is_one_error(tmp_path):
    # a results record with a surrogate in its metadata, past the reader
    rec = Record(outlet="a", text="", id="r\ud83d", source="mem", report={"schema": "x"})
    good = Record(outlet="a", text=SENT, id="good", source="mem")
    summary = analyze_corpus([rec, good], 1, tmp_path / "a.jsonl", resume=False)
    assert (summary.written, summary.failed) == (1, 1)
    assert summary.errors[0]["stage"] == "write"


# -- 2. CSV fields over the csv module's default limit ---------------------------------
def test_csv_field_over_131072_characters_in_a_fresh_process(tmp_path):
    # a fresh interpreter: the csv module's limit is still its default there
    import subprocess
    import sys

    long_text = ("The plan may work. " * 8000)  # 152,000 characters
    src = tmp_path / "c.csv"
    import csv as _csv
    with open(src, "w", encoding="utf-8", newline="") as fh:
        w = _csv.writer(fh)
        w.writerow(["outlet", "id", "text"])
        w.writerow(["a", "long", long_text])
        w.writerow(["a", "short", SENT])
    code = ("import sys; from framing.cli import app; "
            "sys.argv=['framing','analyze',sys.argv[1],'--out',sys.argv[2],'-j','1']; app()")
    proc = subprocess.run([sys.executable, "-c", code, str(src), str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    ids = [r["id"] for r in iter_results(tmp_path / "out" / "articles.jsonl")]
    assert ids == ["long", "short"]


# -- 3. edited metadata is not reused --------------------------------------------------
def test_resume_rereads_edited_metadata(tmp_path):
    rows = [{"outlet": "a", "id": "1", "title": "Old", "date": "2024-01-01", "story": "s1",
             "url": "http://x/1", "text": SENT},
            {"outlet": "a", "id": "2", "title": "Same", "text": SENT + "More.\n"}]
    src = write_jsonl(tmp_path / "c.jsonl", rows)
    out = tmp_path / "a.jsonl"
    analyze_corpus(iter_corpus([src]), 1, out)
    for field, value in (("title", "New"), ("date", "2025-02-02"), ("story", "s2"),
                         ("url", "http://x/2")):
        rows[0][field] = value
        write_jsonl(src, rows)
        summary = analyze_corpus(iter_corpus([src]), 1, out)
        assert (summary.analysed, summary.reused) == (1, 1), field
        assert next(iter(iter_results(out)))[field] == value


# -- 4. no super-linear input ----------------------------------------------------------
def _cpu_best_of(f, n=2):
    """Best CPU time of ``n`` runs with the cyclic garbage collector paused:
    these tests are about the algorithms, and full collections over a
    growing heap make the clock superlinear on their own (see the README)."""
    import gc
    import time
    best = float("inf")
    was_enabled = gc.isenabled()
    for _ in range(n):
        gc.collect()
        gc.disable()
        try:
            t0 = time.process_time()  # CPU time: other work on a shared machine does not count
            f()
            best = min(best, time.process_time() - t0)
        finally:
            if was_enabled:
                gc.enable()
    return best


def test_a_paragraph_of_many_questions_scales_linearly():
    import framing

    def run_n(n):
        text = "Is it right? Why would they? It is, because it may. What now? " * n
        return _cpu_best_of(lambda: framing.analyze(text, analyzers=["questions"], fast=True))

    small, large = run_n(250), run_n(1000)
    # 4x the input: linear ≈ 4x; reading the rest of the paragraph for every
    # question (the question features) gave ≈ 13x
    assert large / small < 8, (small, large)


def test_quote_and_cue_repeated_scales_linearly():
    import framing
    from framing.render.baseline import voice_shares

    def run_n(n):
        text = '"We may go," she said. ' * n
        return _cpu_best_of(lambda: voice_shares(framing.analyze(text, fast=True)))

    small, large = run_n(1000), run_n(4000)
    # 4x the input: linear ≈ 4x; the old quadratic steps gave 11-40x
    assert large / small < 8, (small, large)


@pytest.mark.parametrize("unit", [
    # one paragraph of thousands of quotes, some attributed: sorting the
    # paragraph's quotes again for every region was quadratic
    '“It works,” Smith said. "No." \'Maybe\' ‘perhaps’ «oui» he said "yes, and no". ',
    # a quoted paragraph after each attributed one: each floating-quote check
    # walked every region of the article
    '"We may go," she said.\n\n"And we will."\n\n',
], ids=["many-quotes-one-paragraph", "floating-quote-paragraphs"])
def test_quoted_regions_are_placed_in_linear_time(unit):
    import framing

    def run_n(n):
        text = unit * n
        return _cpu_best_of(lambda: framing.analyze(text, fast=True))

    small, large = run_n(800), run_n(3200)
    # 4x the input: linear ≈ 4x; the old per-region scans gave 10-13x
    assert large / small < 7, (small, large)


def test_placed_regions_keep_their_order_and_speakers():
    import framing

    # “A.” “B,” she said. — the first quote joins the attribution after it;
    # a paragraph of quotes only after X's quote is X's; a lone short phrase is a scare quote
    text = ('“We are ready.” “We will go,” she said. “Now.”\n\n'
            '“And we will not stop.”\n\n'
            'The so-called "plan" was new.')
    q = framing.analyze(text, fast=True).to_dict()["quotes"]

    def span(s):
        i = text.index(s)
        return [i, i + len(s)]

    # the floating paragraph goes on with the same attribution: one item
    first, = q["items"]
    assert first["parts"] == [span("“We are ready.”"), span("“We will go,”"), span("“Now.”"),
                              span("“And we will not stop.”")]
    assert first["speaker_text"] == "she" and first["pattern"] == "quote-cue"
    assert [(x["start"], x["end"], x["kind"]) for x in q["scare_quotes"]] == \
        [(*span('"plan"'), "scare")]


def test_voice_shares_overlap_is_the_pairwise_sum():
    import random

    from framing.render.spans_sum import ClaimedSpans

    rnd = random.Random(7)
    for _ in range(200):
        spans = [(rnd.randint(0, 50), rnd.randint(0, 50)) for _ in range(rnd.randint(1, 25))]
        claimed, added = ClaimedSpans(x for p in spans for x in p), []
        for s, e in spans:
            assert claimed.overlap(s, e) == sum(max(0, min(e, ce) - max(s, cs)) for cs, ce in added)
            claimed.add(s, e)
            added.append((s, e))


def test_actors_toml_with_8000_actors_parses_in_linear_time():
    from framing.io.actors_file import parse_actors

    def toml(n):
        return "[actors]\n" + "".join(f'"Actor {i}" = ["Alias {i}"]\n' for i in range(n))

    small, large = toml(2000), toml(8000)
    t_small = _cpu_best_of(lambda: parse_actors(small), n=3)
    t_large = _cpu_best_of(lambda: parse_actors(large), n=3)
    assert len(parse_actors(large)) == 8000
    assert t_large / t_small < 10, (t_small, t_large)  # 4x the actors; quadratic gave ~16x


def test_actors_toml_parse_runs_no_full_garbage_collection_and_restores_the_collector():
    # full collections over a heap that grows with the file made the parse
    # super-linear (x2.3-2.6 per doubling up to 10 MiB)
    import gc

    from framing.errors import InputError
    from framing.io.actors_file import parse_actors

    text = "[actors]\n" + "".join(f'"Actor {i}" = ["Alias {i}", "A. {i}"]\n' for i in range(30000))
    seen: list[int] = []

    def count(phase, info):
        if phase == "start":
            seen.append(info["generation"])

    gc.callbacks.append(count)
    try:
        assert len(parse_actors(text)) == 30000
        assert gc.isenabled() and 2 not in seen  # without the pause: 2 full, 25 of generation 1
        gc.disable()
        parse_actors('[actors]\n"A" = ["a"]\n')
        assert not gc.isenabled()  # the caller's state is kept, not forced on
        gc.enable()
        with pytest.raises(InputError):
            parse_actors('[actors]\n"A" = 5\n')
        assert gc.isenabled()
    finally:
        gc.callbacks.remove(count)
        gc.enable()


def test_deeply_nested_actors_toml_is_an_error_with_the_line():
    import pytest

    from framing.io.actors_file import parse_actors
    from framing.errors import InputError

    with pytest.raises(InputError) as info:
        parse_actors("[actors]\n\nx = " + "[" * 5000 + "]" * 5000 + "\n")
    assert info.value.line == 3 and "nested too deeply" in str(info.value)


# -- 5. formula injection --------------------------------------------------------------
def test_comparison_csv_neutralises_formula_cells(tmp_path):
    import csv

    from framing.io.csvsafe import neutralise

    outlets = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR", "Plain"]
    rows = [{"outlet": o, "id": f"{i}-{k}", "text": SENT + f"Story {k} may matter.\n"}
            for i, o in enumerate(outlets) for k in range(2)]
    src = write_jsonl(tmp_path / "c.jsonl", rows)
    result = run("compare", src, "--out", tmp_path / "cmp", "-j", "1", "-q", "--no-figures")
    assert result.exit_code == 0, result.output
    with open(tmp_path / "cmp" / "comparison.csv", encoding="utf-8", newline="") as fh:
        cells = [c for row in csv.reader(fh) for c in row]
    assert cells
    for c in cells:
        assert not c.startswith(("=", "+", "@", "\t", "\r")), c
        if c.startswith("-"):
            float(c)  # only numbers may start with a minus
    names = {c for c in cells if c.startswith("'")}
    assert {"'=HYPERLINK(\"http://x\")", "'+1+1", "'-2+3", "'@SUM(A1)"} <= names
    assert neutralise(-0.5) == -0.5 and neutralise("Plain") == "Plain"


# -- 6. terminal escapes and Markdown code spans ---------------------------------------
def test_terminal_report_carries_no_escape_sequences(tmp_path):
    from framing.text.safe import strip_controls

    text = ('The mayor \x1b[2J\x1b]0;pwned\x07said "it may \x1b[31mwork\x1b[0m," on Tuesday. '
            'Is it \x1b[Hright? Officials \x9b31m say \x1bc so.\n')
    path = tmp_path / "esc\x1b[1m.txt"
    path.write_text(text, encoding="utf-8")
    result = run("analyze", path, "--width", "160")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x9b" not in result.output and "\x07" not in result.output
    assert "Is it right?" in " ".join(result.output.split())
    assert strip_controls("a\x1b[2Jb\x1b]0;t\x07c\rd\x00e\tf\ng") == "abcde\tf\ng"


def test_backtick_in_a_file_name_stays_inside_the_markdown_code_span(tmp_path):
    import re

    import framing
    from framing.render.markdown import to_markdown
    from framing.text.safe import md_code_span

    name = "a`b``<img src=x onerror=alert(1)>`.txt"
    report = framing.analyze(SENT, source=name)
    md = to_markdown(report, SENT)
    span = md_code_span(name)
    assert span in md
    fence = re.match("`+", span).group()
    assert len(fence) == 3 and span.endswith(fence) and span.count(fence) == 2
    assert md_code_span("`x`") == "`` `x` ``" and md_code_span("plain") == "`plain`"


# -- 7. exit codes, FIFOs, unreadable folders, a full disk ------------------------------
def test_compare_exits_1_when_records_failed_like_analyze(tmp_path):
    rows = [{"outlet": "a", "id": "1", "text": SENT}, {"outlet": "b", "id": "2", "text": SENT}]
    src = tmp_path / "c.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows) + "{broken\n", encoding="utf-8")
    cmp_result = run("compare", src, "--out", tmp_path / "cmp", "-j", "1", "-q", "--no-figures")
    an_result = run("analyze", src, "--out", tmp_path / "an", "-j", "1", "-q")
    assert cmp_result.exit_code == an_result.exit_code == 1
    assert (tmp_path / "cmp" / "comparison.json").is_file()  # the outputs are still written
    assert "1 record(s) could not be read" in cmp_result.output


def test_a_fifo_named_txt_is_skipped_with_a_message(tmp_path):
    import os
    import threading

    import pytest

    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    folder = tmp_path / "outlet"
    folder.mkdir()
    (folder / "a.txt").write_text(SENT, encoding="utf-8")
    os.mkfifo(folder / "b.txt")
    done = {}
    t = threading.Thread(target=lambda: done.setdefault("items", list(iter_corpus([folder]))),
                         daemon=True)
    t.start()
    t.join(20)
    if t.is_alive():  # unblock the old, hanging reader so the test process can end
        with open(folder / "b.txt", "w") as fh:
            fh.write("x")
        raise AssertionError("reading a FIFO hung")
    items = done["items"]
    assert [getattr(i, "id", None) for i in items] == ["outlet/a", None]
    assert "not a regular file" in items[1].reason


def test_an_unreadable_sub_folder_is_reported(tmp_path, monkeypatch):
    root = outlets_with_an_unreadable_sub_folder(tmp_path / "outlets", SENT, monkeypatch)
    items = list(iter_corpus([root]))
    ids = [i.id for i in items if isinstance(i, Record)]
    errors = [i for i in items if not isinstance(i, Record)]
    assert ids == ["a/x"]
    assert len(errors) == 1 and "cannot be read" in errors[0].reason and errors[0].source.endswith("b")


def test_a_full_disk_is_a_clear_message_and_keeps_the_work(tmp_path, monkeypatch):
    import errno

    from framing.run import local as batch

    src = write_jsonl(tmp_path / "c.jsonl", [{"outlet": "a", "id": str(i), "text": SENT + f"{i}.\n"}
                                            for i in range(3)])
    real = batch._write
    calls = {"n": 0}

    def full(*args, **kw):
        calls["n"] += 1
        real(*args, **kw)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(batch, "_write", full)
    for cmd in ("analyze", "compare"):
        calls["n"] = 0
        out = tmp_path / cmd
        result = run(cmd, src, "--out", out, "-j", "1", "-q")
        assert result.exit_code == 1
        assert "No space left on device" in result.output and "reused" in result.output
        parts = list(out.glob("articles.jsonl.part*"))
        assert parts and parts[0].read_text(encoding="utf-8")  # written before the failure


# -- 8. determinism ---------------------------------------------------------------------
def test_comparison_pdf_is_byte_identical_between_runs(tmp_path):
    import os
    import subprocess
    import sys

    rows = [{"outlet": o, "id": f"{o}{i}", "story": f"s{i}",
             "text": f"The council said the plan may work {i}. Is it right? \"We will see,\" "
                     f"Mayor Ana Ruiz said. Officials in {o} warned it could fail.\n"}
            for o in ("A", "B", "C") for i in range(6)]
    src = write_jsonl(tmp_path / "c.jsonl", rows)
    code = ("import sys; from framing.cli import app; "
            "sys.argv=['framing','compare',sys.argv[1],'--out',sys.argv[2],'-j','1','-q']; app()")
    pdfs = set()
    for seed in ("6", "9", "0"):  # the layout solver's last bits varied with the process
        out = tmp_path / f"o{seed}"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        proc = subprocess.run([sys.executable, "-c", code, str(src), str(out)], env=env,
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
        pdfs.add((out / "comparison.pdf").read_bytes())
    assert len(pdfs) == 1


def test_a_second_run_into_the_same_out_stops_naming_the_first(tmp_path):
    import subprocess
    import sys

    out = tmp_path / "out"
    out.mkdir()
    src = write_jsonl(tmp_path / "c.jsonl", [{"outlet": "a", "id": "1", "text": SENT}])
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from framing.io.outlock import hold; "
                               "hold(sys.argv[1]); print('held', flush=True); time.sleep(60)",
         str(out)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        for cmd in ("analyze", "compare"):
            result = run(cmd, src, "--out", out, "-j", "1", "-q")
            assert result.exit_code == 1
            assert f"pid {holder.pid}" in result.output and "another framing run" in result.output
        assert not (out / "articles.jsonl").exists()
    finally:
        holder.kill()
        holder.wait()
    # the holder is gone: its lock is stale and taken over
    result = run("analyze", src, "--out", out, "-j", "1", "-q")
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in iter_results(out / "articles.jsonl")] == ["1"]


# -- signals ----------------------------------------------------------------------------
def _children(pid: int) -> set[int]:
    out: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out |= {int(x) for x in (task / "children").read_text().split()}
        except OSError:
            pass
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_sigterm_and_sigint_end_the_workers_promptly(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    import pytest

    if not Path("/proc/self/task").is_dir():
        pytest.skip("needs /proc")
    rows = [{"outlet": "a", "id": str(i), "text": ('"We may go," she said. ' * 3000) + f"{i}.\n"}
            for i in range(200)]
    src = write_jsonl(tmp_path / "c.jsonl", rows)
    code = ("import sys; from framing.run.local import analyze_corpus; from framing.io.corpus import "
            "iter_corpus; analyze_corpus(iter_corpus([sys.argv[1]]), 2, sys.argv[2], chunk_size=1)")
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGINT):
        err = tmp_path / f"stderr-{sig.name}.txt"
        with err.open("wb") as fh:
            proc = subprocess.Popen([sys.executable, "-c", code, str(src),
                                     str(tmp_path / "a.jsonl")], stderr=fh)
        try:
            deadline = time.time() + 60
            workers: set[int] = set()
            while time.time() < deadline and len(workers) < 2:
                workers = {c for c in _children(proc.pid)
                           if "spawn_main" in Path(f"/proc/{c}/cmdline").read_text(errors="replace")
                           } if _alive(proc.pid) else set()
                time.sleep(0.2)
            assert len(workers) >= 2, (f"the workers did not start (before {sig.name}; exit code "
                                       f"{proc.poll()}): {err.read_text(errors='replace')[-2000:]}")
            time.sleep(1.0)
            proc.send_signal(sig)
            if sig == signal.SIGINT:
                time.sleep(0.05)
                proc.send_signal(sig)  # a second Ctrl-C while it exits
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                raise AssertionError(f"no exit within 60 s after {sig!r}") from None
            deadline = time.time() + 10
            while time.time() < deadline and any(_alive(w) for w in workers):
                time.sleep(0.1)
            assert not any(_alive(w) for w in workers), "workers left running"
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


def _framing_children(pid: int) -> dict[str, set[int]]:
    """The batch's worker processes and its multiprocessing resource tracker."""
    found: dict[str, set[int]] = {"workers": set(), "tracker": set()}
    for c in _children(pid):
        try:
            cmd = Path(f"/proc/{c}/cmdline").read_text(errors="replace")
        except OSError:
            continue
        if "resource_tracker" in cmd:
            found["tracker"].add(c)
        elif "spawn_main" in cmd:
            found["workers"].add(c)
    return found


@pytest.mark.parametrize("sig", ["SIGKILL", "SIGTERM"])
def test_killing_the_main_process_ends_the_workers_and_the_resource_tracker(tmp_path, sig):
    # issue 19: SIGKILL (or the OOM killer) on the main process left the idle
    # workers waiting on their queue forever, and the resource tracker with them
    import signal
    import subprocess
    import sys
    import time

    if not Path("/proc/self/task").is_dir():
        pytest.skip("needs /proc")
    rows = [{"outlet": "a", "id": str(i), "text": f"Is it over? It may be, she said. {i}.\n"}
            for i in range(40)]
    src = write_jsonl(tmp_path / "c.jsonl", rows)
    # the progress callback stalls the main process after the first chunk: the
    # workers are then idle, waiting for work that never comes
    code = ("import sys, time; from framing.run.local import analyze_corpus; "
            "from framing.io.corpus import iter_corpus; "
            "analyze_corpus(iter_corpus([sys.argv[1]]), 2, sys.argv[2], chunk_size=1, "
            "progress=lambda s: time.sleep(600))")
    proc = subprocess.Popen([sys.executable, "-c", code, str(src), str(tmp_path / "a.jsonl")],
                            stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 60
        found = {"workers": set(), "tracker": set()}
        while time.time() < deadline and not (len(found["workers"]) >= 2 and found["tracker"]):
            found = _framing_children(proc.pid) if _alive(proc.pid) else found
            time.sleep(0.2)
        assert len(found["workers"]) >= 2 and found["tracker"], f"the workers did not start: {found}"
        time.sleep(1.0)
        proc.send_signal(getattr(signal, sig))
        proc.wait(timeout=60)
        left = found["workers"] | found["tracker"]
        deadline = time.time() + 15
        while time.time() < deadline and any(_alive(p) for p in left):
            time.sleep(0.1)
        assert not [p for p in found["workers"] if _alive(p)], "workers left running"
        assert not [p for p in found["tracker"] if _alive(p)], "the resource tracker left running"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for p in found["workers"] | found["tracker"]:
            if _alive(p):
                os.kill(p, signal.SIGKILL)


def test_a_timeout_swallowed_in_a_finaliser_is_raised_again():
    """A SIGALRM that lands in ``__del__`` (or a gc callback) is swallowed by
    Python; the record must still end, not run on without a limit."""
    import signal
    import sys
    import time

    import pytest

    from framing.run.signals import RecordTimeout, alarm

    if not hasattr(signal, "setitimer"):
        pytest.skip("no setitimer")

    class Finaliser:
        def __del__(self):
            time.sleep(0.5)  # the alarm fires in here

    hook = sys.unraisablehook
    t0 = time.perf_counter()
    disarm = alarm(0.1)
    try:
        with pytest.raises(RecordTimeout):
            Finaliser()  # dropped at once: __del__ runs, the timeout in it is swallowed
            while time.perf_counter() - t0 < 5:
                sum(range(100))
    finally:
        disarm()
    assert time.perf_counter() - t0 < 2
    assert sys.unraisablehook is hook  # restored


def test_a_record_over_the_time_limit_is_an_error_and_the_next_one_runs():
    import time

    slow = ('“It works,” Smith said. "No." \'Maybe\' ‘perhaps’ «oui» he said "yes, and no". ' * 6000)
    todo = [({"id": "slow", "source": "mem"}, slow, []), ({"id": "ok", "source": "mem"}, SENT, [])]
    t0 = time.perf_counter()
    results = _work(todo, None, False, time_limit=0.5)
    assert time.perf_counter() - t0 < 5
    (k1, err), (k2, _) = results
    assert k1 == "error" and "RecordTimeout" in err["error"] and "time limit" in err["error"]
    assert k2 == "line"
