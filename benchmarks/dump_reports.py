"""Dump `framing.analyze(...).to_dict()` over real texts, one JSON line each.

A refactoring check: run before and after a change that must not alter
output and compare the files byte for byte (``cmp before.jsonl after.jsonl``).
Texts: PolNeAR dev, PAC train (one sentence per paragraph), then PolNeAR
train articles, up to ``--n``.

    python benchmarks/dump_reports.py --n 320 --out /tmp/before.jsonl
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import DATA, read_jsonl, require  # noqa: E402

import framing  # noqa: E402


def texts(data: Path):
    for rec in read_jsonl(require(data / "polnear" / "dev.jsonl")):
        yield rec["id"], rec["text"]
    for rec in read_jsonl(require(data / "pac" / "train.jsonl")):
        yield rec["id"], "\n\n".join([rec.get("title") or "", *rec["sentences"]])
    for rec in read_jsonl(require(data / "polnear" / "train.jsonl")):
        yield rec["id"], rec["text"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    with open(args.out, "w", encoding="utf-8") as fh:
        for i, (doc_id, text) in enumerate(texts(args.data)):
            if i >= args.n:
                break
            d = framing.analyze(text).to_dict()
            fh.write(json.dumps({"id": doc_id, "report": d}, sort_keys=True, ensure_ascii=False) + "\n")
    print(f"wrote {min(i + 1, args.n)} reports to {args.out}")


if __name__ == "__main__":
    main()
