"""Throughput and peak memory of batch analysis (framing.run.local.analyze_corpus).

    python benchmarks/compare_speed.py [--data ../shared/data/polnear/train.jsonl] [--scale 4]

Runs the 840 PolNeAR train articles through ``analyze_corpus`` with
``--jobs 1`` and ``--jobs 2``, each in a fresh process, and prints
articles/s (wall clock, including worker start-up), the steady-state rate
(after the first chunk is written, i.e. without start-up), the CPU seconds
used by all processes (a figure that does not depend on other load on the
machine), the speed-up, and
peak resident memory of the parent and of the largest worker
(``resource.getrusage``: RUSAGE_SELF and RUSAGE_CHILDREN). With ``--scale k``
it also runs the corpus repeated k times (new ids) with 2 jobs, to show that
memory does not grow with the size of the corpus.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import DATA, read_jsonl, require  # noqa: E402


def records(path: str, scale: int):
    from framing.io.corpus import Record

    for k in range(scale):
        for r in read_jsonl(path):
            yield Record(outlet=r.get("publisher") or r.get("outlet") or "unknown", text=r["text"],
                         id=f"{r['id']}#{k}", title=r.get("title"), source=path)


def worker(args) -> None:
    from framing.run.local import analyze_corpus

    marks: list[tuple[float, int]] = []
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        s = analyze_corpus(records(args.data, args.scale), args.jobs, Path(tmp) / "out.jsonl",
                           resume=False, terms=True,
                           progress=lambda x: marks.append((time.perf_counter(), x.done)))
        wall = time.perf_counter() - t0
    (t1, d1), (t2, d2) = marks[0], marks[-1]
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    self_kib, child_kib = me.ru_maxrss, kids.ru_maxrss
    cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
    print(json.dumps({"jobs": args.jobs, "articles": s.analysed, "failed": s.failed,
                      "seconds": wall, "rate": s.analysed / wall,
                      "steady": (d2 - d1) / (t2 - t1) if t2 > t1 else None,
                      "startup": t1 - t0, "cpu_seconds": cpu,
                      "parent_mib": self_kib / 1024, "child_mib": child_kib / 1024}))


def run(data: str, jobs: int, scale: int = 1) -> dict:
    cmd = [sys.executable, __file__, "--worker", "--jobs", str(jobs), "--data", data,
           "--scale", str(scale)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DATA / "polnear" / "train.jsonl"))
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--scale", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=1, help="runs per setting (best is kept)")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args)
        return
    require(args.data)
    rows = {}
    for jobs in (1, 2):
        best = max((run(args.data, jobs) for _ in range(args.repeat)), key=lambda r: r["rate"])
        rows[jobs] = best
        print(f"--jobs {jobs}: {best['articles']} articles in {best['seconds']:.1f} s = "
              f"{best['rate']:.0f} articles/s (steady state {best['steady']:.0f}/s after "
              f"{best['startup']:.1f} s to the first chunk; {best['cpu_seconds']:.1f} CPU s in all "
              f"processes); peak RSS parent "
              f"{best['parent_mib']:.0f} MiB, largest worker {best['child_mib']:.0f} MiB")
    print(f"speed-up 2 vs 1 jobs: {rows[2]['rate'] / rows[1]['rate']:.2f}× wall clock, "
          f"{rows[2]['steady'] / rows[1]['steady']:.2f}× steady state")
    if args.scale > 1:
        big = run(args.data, 2, args.scale)
        print(f"--jobs 2 on the corpus ×{args.scale} ({big['articles']} articles): "
              f"{big['rate']:.0f} articles/s; peak RSS parent {big['parent_mib']:.0f} MiB "
              f"(×1: {rows[2]['parent_mib']:.0f}), largest worker {big['child_mib']:.0f} MiB "
              f"(×1: {rows[2]['child_mib']:.0f})")


if __name__ == "__main__":
    main()
