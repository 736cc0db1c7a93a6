"""Speed of ``framing.analyze`` on real news text: throughput (one process and
``--jobs N`` through :mod:`framing.run.local`), where the time goes, CLI start-up
time and peak memory against corpus size.

    python benchmarks/speed.py [--data ../shared/data/polnear/train.jsonl] [--repeat 3]
                               [--jobs 2] [--batch 2520] [--memory 1000,10000] [--profile 25]
                               [--dask 2]

Prints, for full analysis without figures:

* articles/s and words/s in one process (best of ``--repeat`` passes over the
  texts; wall clock and CPU time — on a shared machine the CPU figure is the
  per-core speed);
* articles/s through ``framing.run.local.analyze_corpus`` (JSON Lines out, as
  ``framing analyze CORPUS --out DIR`` runs it) with ``--jobs 1`` and
  ``--jobs N``: ``--batch`` records replicated from the texts with distinct
  ids, read from a JSONL file, worker start-up included (and with ``--dask N``
  through :mod:`framing.run.dask_engine` on a local cluster of N workers);
* the time per stage (Document parse, then each analyzer) and, with
  ``--profile N``, the N functions with the most own time (cProfile);
* peak resident memory (RSS) of a fresh process streaming ``--memory`` sizes
  of corpus through the batch (``--jobs 1``; each record gets ``--new-words``
  invented words so the vocabulary grows as in a real corpus), and the growth
  per 100k articles extrapolated from the two largest sizes;
* the wall time of ``framing --help`` and of ``framing analyze`` on one short
  article in a fresh process.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import DATA, read_jsonl, require  # noqa: E402

import framing  # noqa: E402
from framing.analyzers import REGISTRY, Context, run_one  # noqa: E402

OPTS: dict = {}  # {"fast": True} with --fast
from framing.document import Document  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DATA / "polnear" / "train.jsonl"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=2, help="worker processes for the batch run (0: skip)")
    ap.add_argument("--batch", type=int, default=2520, help="records in the batch runs (0: skip)")
    ap.add_argument("--memory", default="1000,10000",
                    help="corpus sizes streamed for peak RSS, comma-separated ('' to skip)")
    ap.add_argument("--new-words", type=int, default=3,
                    help="invented words added to each record of the memory runs (vocabulary growth)")
    ap.add_argument("--profile", type=int, default=0, help="show the N functions with most own time")
    ap.add_argument("--dask", type=int, default=0,
                    help="also run the batch on a local Dask cluster of N workers (needs framing[dask])")
    ap.add_argument("--rss-child", nargs=2, metavar=("JSONL", "OUT"), help=argparse.SUPPRESS)
    ap.add_argument("--fast", action="store_true", help="the linear sentiment model (framing --fast)")
    args = ap.parse_args()
    if args.fast:
        OPTS["fast"] = True
    if args.rss_child:
        return _rss_child(*args.rss_child)

    texts = [r["text"] for r in read_jsonl(require(args.data))]
    words = sum(Document(t).words for t in texts)
    print(f"corpus: {len(texts)} articles, {words:,} words ({words / len(texts):.0f} per article)")
    one_process(texts, words, args.repeat)
    stages(texts)
    if args.profile:
        profile(texts, args.profile)
    traced_memory(texts)
    with tempfile.TemporaryDirectory(prefix="framing-speed-") as tmp:
        if args.batch:
            batch(texts, words, args.batch, args.jobs, Path(tmp))
        if args.batch and args.dask:
            dask_batch(texts, words, args.batch, args.dask, Path(tmp))
        sizes = [int(s) for s in args.memory.split(",") if s.strip()]
        if sizes:
            memory(texts, sizes, Path(tmp), args.new_words)
    startup()


def one_process(texts: list[str], words: int, repeat: int) -> None:
    framing.analyze(texts[0], **OPTS)  # warm caches (lexicons, compiled patterns)
    wall = cpu = float("inf")
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        for t in texts:
            framing.analyze(t, **OPTS)
        wall = min(wall, time.perf_counter() - t0)
        cpu = min(cpu, time.process_time() - c0)
    print(f"full analysis, one process (best of {repeat}): {len(texts) / wall:,.0f} articles/s, "
          f"{words / wall:,.0f} words/s wall; {len(texts) / cpu:,.0f} articles/s, "
          f"{words / cpu:,.0f} words/s per CPU-second")


def stages(texts: list[str]) -> None:
    parse = 0.0
    per = {a.name: 0.0 for a in REGISTRY}
    for t in texts:
        t0 = time.perf_counter()
        doc = Document(t)
        parse += time.perf_counter() - t0
        ctx = Context.for_document(doc, **OPTS)
        for a in REGISTRY:
            t0 = time.perf_counter()
            run_one(ctx, a)
            per[a.name] += time.perf_counter() - t0
    total = parse + sum(per.values())
    print("time per stage (ms per article, share):")
    for name, secs in [("Document parse", parse), *per.items()]:
        print(f"  {name:<16} {1000 * secs / len(texts):7.3f}  {100 * secs / total:5.1f} %")


def profile(texts: list[str], top: int) -> None:
    prof = cProfile.Profile()
    prof.enable()
    for t in texts:
        framing.analyze(t, **OPTS)
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(top)
    print(f"cProfile, {top} functions with the most own time (profiler overhead included):")
    keep = False
    for line in out.getvalue().splitlines():
        keep = keep or line.lstrip().startswith("ncalls")
        if keep and line.strip():
            print("  " + line.replace(str(ROOT) + "/", "").replace(sys.prefix + "/", ""))


def traced_memory(texts: list[str]) -> None:
    tracemalloc.start()
    for t in texts:
        framing.analyze(t, **OPTS)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak traced memory while analysing one article at a time: {peak / 2**20:.1f} MiB")


def _corpus_file(texts: list[str], n: int, path: Path, new_words: int = 0) -> Path:
    """``n`` records replicated from ``texts`` with distinct ids (so none is a
    duplicate) and a handful of outlets; ``new_words`` invented words end
    each record, so the vocabulary grows with the corpus as a real one does
    (Heaps' law: about 250,000 distinct words in 100k news articles)."""
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            text = texts[i % len(texts)]
            if new_words:
                text += "\n\n" + " ".join(_word(i * new_words + k) for k in range(new_words)) + ".\n"
            fh.write(json.dumps({"outlet": f"outlet-{i % 7}", "id": f"a{i}", "text": text},
                                ensure_ascii=False) + "\n")
    return path


def _word(n: int) -> str:
    """A pronounceable invented word for each number: 0 → "ba", 1 → "be", …"""
    out = ""
    while True:
        n, r = divmod(n, 96)
        out += "bcdfghklmnprstvz"[r // 6] + "aeiouy"[r % 6]
        if not n:
            return out.capitalize()


def batch(texts: list[str], words: int, n: int, jobs: int, tmp: Path) -> None:
    from framing.run.local import analyze_corpus
    from framing.io.corpus import iter_corpus

    src = _corpus_file(texts, n, tmp / "batch.jsonl")
    per_article = words / len(texts)
    for j in sorted({1, jobs} - {0}):
        out = tmp / f"batch-{j}.jsonl"
        t0 = time.perf_counter()
        summary = analyze_corpus(iter_corpus([src]), j, out, resume=False, fast=bool(OPTS))
        secs = time.perf_counter() - t0
        assert summary.analysed == n and summary.failed == 0, summary.to_dict()
        print(f"batch (framing.run.local, JSON Lines out), --jobs {j}: {n / secs:,.0f} articles/s, "
              f"{n * per_article / secs:,.0f} words/s ({n} articles in {secs:.1f} s, "
              f"worker start-up included)")
        out.unlink()


def dask_batch(texts: list[str], words: int, n: int, workers: int, tmp: Path) -> None:
    from framing.run.dask_engine import analyze_corpus_dask

    src = tmp / "batch.jsonl"
    if not src.exists():
        _corpus_file(texts, n, src)
    t0 = time.perf_counter()
    s = analyze_corpus_dask([str(src)], tmp / "dask-out", jobs=workers, fmt="jsonl", resume=False)
    secs = time.perf_counter() - t0
    assert s.written == n and s.failed == 0, s.to_dict()
    print(f"dask engine, local cluster of {workers} workers: {n / secs:,.0f} articles/s, "
          f"{n * words / len(texts) / secs:,.0f} words/s ({s.partitions} partitions, "
          f"cluster start-up included)")


def memory(texts: list[str], sizes: list[int], tmp: Path, new_words: int) -> None:
    print(f"peak RSS of a fresh process streaming a corpus through framing.run.local (--jobs 1; "
          f"{new_words} new words per article):")
    peaks = []
    for n in sizes:
        src = _corpus_file(texts, n, tmp / f"mem-{n}.jsonl", new_words)
        t0 = time.perf_counter()
        res = subprocess.run([sys.executable, __file__, "--rss-child", str(src), str(tmp / "mem-out.jsonl")],
                             capture_output=True, text=True, check=True)
        rss = json.loads(res.stdout.strip().splitlines()[-1])["max_rss_mib"]
        peaks.append((n, rss))
        print(f"  {n:>7,} articles: {rss:6.1f} MiB  ({time.perf_counter() - t0:.0f} s)")
        src.unlink()
    if len(peaks) >= 2:
        (n1, r1), (n2, r2) = peaks[-2], peaks[-1]
        slope = (r2 - r1) / (n2 - n1) * 100_000
        print(f"  growth {slope:+.1f} MiB per 100k articles → about {r2 + slope * (100_000 - n2) / 100_000:.0f} "
              f"MiB at 100k (extrapolated; the batch keeps one 32-byte key per article for "
              f"duplicate detection and resuming)")


def _rss_child(src: str, out: str) -> None:
    import resource

    from framing.run.local import analyze_corpus
    from framing.io.corpus import iter_corpus

    summary = analyze_corpus(iter_corpus([src]), 1, out, resume=False)
    # VmHWM: the peak of this program's own memory. ru_maxrss survives execve on
    # Linux, so it would also count the parent that forked this process.
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            kib = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"analysed": summary.analysed, "max_rss_mib": round(kib / 1024, 1)}))


def startup() -> None:
    exe = Path(sys.executable).with_name("framing")
    base = [str(exe)] if exe.exists() else [sys.executable, "-m", "framing"]
    article = ROOT / "corpora" / "articles" / "valmora-water-plan.txt"
    for label, cmd in (("framing --help", [*base, "--help"]),
                       (f"framing analyze {article.name} --format json",
                        [*base, "analyze", str(article), "--format", "json"])):
        runs = []
        for _ in range(5):
            t0 = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
            runs.append(time.perf_counter() - t0)
        print(f"`{label}`: {min(runs):.3f} s (best of 5), median {sorted(runs)[2]:.3f} s")


if __name__ == "__main__":
    main()
