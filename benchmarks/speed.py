"""Speed of ``framing.analyze`` on real news text, and CLI start-up time.

    python benchmarks/speed.py [--data ../shared/data/polnear/train.jsonl] [--repeat 3]

Prints articles/s and words/s for full analysis (no figures) on one core,
the time per analyzer, peak memory (tracemalloc) and the wall time of
``framing --help`` in a fresh process.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import DATA, read_jsonl, require  # noqa: E402

import framing  # noqa: E402
from framing.analyzers import REGISTRY, Context  # noqa: E402
from framing.document import Document  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DATA / "polnear" / "train.jsonl"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    texts = [r["text"] for r in read_jsonl(require(args.data))]
    words = sum(Document(t).words for t in texts)
    print(f"corpus: {len(texts)} articles, {words:,} words ({words / len(texts):.0f} per article)")

    framing.analyze(texts[0])  # warm caches (lexicons, compiled patterns)
    best = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for t in texts:
            framing.analyze(t)
        best = min(best, time.perf_counter() - t0)
    print(f"full analysis: {len(texts) / best:,.0f} articles/s, {words / best:,.0f} words/s "
          f"(best of {args.repeat}, one process)")

    # where the time goes
    parse = 0.0
    per = {a.name: 0.0 for a in REGISTRY}
    for t in texts:
        t0 = time.perf_counter()
        doc = Document(t)
        parse += time.perf_counter() - t0
        ctx = Context.for_document(doc)
        for a in REGISTRY:
            t0 = time.perf_counter()
            ctx.results[a.name] = a.run(ctx)
            per[a.name] += time.perf_counter() - t0
    total = parse + sum(per.values())
    print("time per stage (ms per article, share):")
    for name, secs in [("Document parse", parse), *per.items()]:
        print(f"  {name:<16} {1000 * secs / len(texts):7.3f}  {100 * secs / total:5.1f} %")

    tracemalloc.start()
    for t in texts:
        framing.analyze(t)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak traced memory while analysing one article at a time: {peak / 2**20:.1f} MiB")

    exe = Path(sys.executable).with_name("framing")
    cmd = [str(exe), "--help"] if exe.exists() else [sys.executable, "-m", "framing", "--help"]
    runs = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        runs.append(time.perf_counter() - t0)
    print(f"`framing --help` start-up: {min(runs):.3f} s (best of 5), median {sorted(runs)[2]:.3f} s")


if __name__ == "__main__":
    main()
