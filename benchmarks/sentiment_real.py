"""Sentiment labels on real news as a user sees them, for both models.

    python benchmarks/sentiment_real.py [--data ../shared/data] [--n 200]

Analyses PolNeAR dev and PAC dev articles (up to ``--n``) and prints, per
model, the share of actor mentions and of actors labelled negative /
neutral / positive and the mean mention score: a check that "most actors
are negative" is not an artefact of the model (issue 13). Mention-level
accuracy is measured on NewsMTSC by ``sentiment_newsmtsc.py``.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import DATA, read_jsonl, require  # noqa: E402

import framing  # noqa: E402


def texts(data: Path, n: int) -> list[str]:
    out = [r["text"] for r in read_jsonl(require(data / "polnear" / "dev.jsonl"))]
    out += ["\n\n".join([r.get("title") or "", *r["sentences"]]).strip()
            for r in read_jsonl(require(data / "pac" / "dev.jsonl"))]
    return out[:n]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--n", type=int, default=200)
    args = ap.parse_args()
    docs = texts(args.data, args.n)
    print(f"{len(docs)} real articles (PolNeAR dev, PAC dev)")
    print(f"{'model':<10} {'level':<9} {'n':>6} {'neg':>6} {'neu':>6} {'pos':>6} {'mean':>7}  time")
    for name, fast in (("encoder", False), ("linear", True)):
        t0 = time.perf_counter()
        mentions, actors = Counter(), Counter()
        scores, ascores = [], []
        for t in docs:
            for a in framing.analyze(t, fast=fast).actors.items:
                actors[a.label] += 1
                ascores.append(a.score)
                for m in a.mentions:
                    mentions[m.label] += 1
                    scores.append(m.score)
        secs = time.perf_counter() - t0
        for level, c, sc in (("mentions", mentions, scores), ("actors", actors, ascores)):
            n = sum(c.values())
            print(f"{name:<10} {level:<9} {n:>6} " + " ".join(
                f"{c[k] / n:>6.1%}" for k in ("negative", "neutral", "positive"))
                + f" {sum(sc) / len(sc):>+7.3f}  {secs:.1f} s")


if __name__ == "__main__":
    main()
