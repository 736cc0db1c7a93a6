"""Build the bundled real-news baseline (``framing/render/baseline.json``).

    python benchmarks/make_baseline.py [--data ../shared/data] [--check]

Analyses the training texts of PolNeAR (840 US political news articles of
seven outlets, 2016; Newell, Margolin & Ruths, LREC 2018) and PAC (190
articles of US outlets of left and right on shared stories, 2017-2021; Zou
et al., Findings of EMNLP 2023) and writes only derived statistics (per
metric: n, mean, median, quartiles, min, max) — no text. PAC articles come
as sentence lists and are joined one sentence per paragraph, title first.
``--check`` rebuilds and compares with the shipped file instead of writing.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import DATA, read_jsonl, require  # noqa: E402

import framing  # noqa: E402
from framing.render.baseline import BUNDLED, Baseline  # noqa: E402

NAME = "US news 2016–21 (PolNeAR, PAC)"


def texts(data: Path):
    for rec in read_jsonl(require(data / "polnear" / "train.jsonl")):
        yield rec["text"]
    for rec in read_jsonl(require(data / "pac" / "train.jsonl")):
        yield "\n\n".join([rec.get("title") or "", *rec["sentences"]]).strip()


#: the sections the baseline's metrics read (actor sentiment is not among them)
SECTIONS = ["questions", "hedging", "quotes", "readability"]


def build(data: Path) -> Baseline:
    return Baseline.from_reports((framing.analyze(t, analyzers=SECTIONS) for t in texts(data)), NAME)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--check", action="store_true", help="compare with the shipped file")
    args = ap.parse_args()
    baseline = build(args.data)
    if args.check:
        same = baseline.to_json() == BUNDLED.read_text(encoding="utf-8")
        print("baseline.json is up to date" if same else "baseline.json is STALE: rerun without --check")
        return 0 if same else 1
    BUNDLED.write_text(baseline.to_json(), encoding="utf-8")
    print(f"wrote {BUNDLED} ({baseline.description})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
