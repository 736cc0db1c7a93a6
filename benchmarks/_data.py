"""Shared helpers for benchmarks: locate ../shared/data and read JSON Lines.

Benchmarks read labelled data by path and never copy it into the repo; when
the data folder is absent they print a clear message and exit 0.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"


def require(path: str | Path) -> Path:
    p = Path(path)
    if not p.exists():
        print(f"skipped: {p} not found (the labelled data lives in ../shared/data; see its README)")
        sys.exit(0)
    return p


def read_jsonl(path: str | Path):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
