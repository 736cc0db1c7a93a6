"""How much text the boilerplate rule excludes on real news, and a sample to check.

    python benchmarks/actors_boilerplate.py [--data ../shared/data] [--sample 50 --seed 15]
        [--codes benchmarks/data/actors_boilerplate/spot_check.csv]

Reads the PolNeAR (train + dev) and PAC (train + dev) article texts by path
and counts the lines (excluded spans) and words that
:func:`framing.text.segment.boilerplate` takes out of ``Document``, by kind.
``--sample N`` prints N excluded spans drawn with ``--seed`` to the terminal
for a hand check; ``--codes`` reads the committed judgements of such a check
(article id, start, end, kind, judgement ``ok``/``wrong``: offsets only, no
text) and reports the share of false exclusions.
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import DATA, read_jsonl, require  # noqa: E402

from framing.document import Document  # noqa: E402

FILES = ("polnear/train.jsonl", "polnear/dev.jsonl", "pac/train.jsonl", "pac/dev.jsonl")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--codes", default=None)
    args = ap.parse_args()
    require(Path(args.data) / FILES[0])
    docs = words = lines = 0
    ex_spans = ex_words = 0
    by_kind: Counter = Counter()
    spans = []
    for name in FILES:
        path = Path(args.data) / name
        if not path.exists():
            continue
        for rec in read_jsonl(path):
            text = rec.get("text") or ""
            doc = Document(text)
            docs += 1
            lines += sum(1 for ln in text.split("\n") if ln.strip())
            w = len(text.split())
            words += w
            for x in doc.excluded:
                n = len(text[x.start:x.end].split())
                ex_spans += 1
                ex_words += n
                by_kind[x.kind] += 1
                spans.append((rec["id"], x.start, x.end, x.kind, text))
    print(f"{docs} articles (PolNeAR train+dev, PAC train+dev), {lines} non-empty lines, "
          f"{words} words")
    print(f"excluded: {ex_spans} spans ({ex_spans / max(lines, 1):.2%} of lines), {ex_words} words "
          f"({ex_words / max(words, 1):.2%}); articles with any: "
          f"{len({s[0] for s in spans})}")
    print("  by kind: " + ", ".join(f"{k} {v}" for k, v in by_kind.most_common()))
    if args.sample:
        rng = random.Random(args.seed)
        for rid, s, e, kind, text in sorted(rng.sample(spans, min(args.sample, len(spans)))):
            print(f"{rid}\t{s}\t{e}\t{kind}\t{' '.join(text[s:e].split())[:100]}")
    if args.codes:
        rows = list(csv.DictReader(open(args.codes, encoding="utf-8")))
        wrong = sum(r["judgement"] == "wrong" for r in rows)
        print(f"spot check ({args.codes}): {wrong}/{len(rows)} false exclusions")


if __name__ == "__main__":
    main()
