"""Quote speakers on real news: a sample to hand-check (issue #15).

    python benchmarks/speakers_check.py [--n 150] [--seed 15] [--articles K]
        [--out /tmp/listing.txt] [--verdicts FILE --run after|before]

Shuffles the PolNeAR *train* articles (``../shared/data/polnear/train.jsonl``,
one per id) with ``random.Random(seed)``, runs ``framing.analyze(text,
fast=True)`` on them in that order and lists every quote item that has a
speaker (quote, speaker, local mention, cue, the sentence before and after)
until ``--n`` speakers are listed; it prints how many articles that took.
For the "before" sample, run the script with ``PYTHONPATH`` set to the older
checkout and ``--articles K`` (the "after" run's article count): the same
articles, then cut at ``--n`` speakers. Write the listing to /tmp only: it
holds words of the data.

``--verdicts`` reads the hand verdicts (``benchmarks/data/speakers_check/``:
run, article id, quote start/end, speaker start/end, ``right``/``wrong``,
reason) and prints the share wrong with a 95 % Wilson interval and the
reasons. Judged by codebook §3: the speaker must name who the text says
said, wrote or believed the content (Pareti 2016, PARC).
"""
from __future__ import annotations

import argparse
import math
import random
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import DATA, read_jsonl, require  # noqa: E402

import framing  # noqa: E402


def articles(seed: int) -> list[tuple[str, str]]:
    """(id, text) of every PolNeAR train article once, in seeded random order."""
    seen: dict[str, str] = {}
    for row in read_jsonl(require(DATA / "polnear" / "train.jsonl")):
        seen.setdefault(row["id"], row["text"])
    ids = sorted(seen)
    random.Random(seed).shuffle(ids)
    return [(i, seen[i]) for i in ids]


def context(text: str, start: int, end: int) -> str:
    """The span with about one sentence either side (split at . ! ? or a newline)."""
    bounds = [m.end() for m in re.finditer(r"[.!?][\"”’)]*\s+|\n+", text)]
    before = [b for b in bounds if b <= start]
    after = [b for b in bounds if b >= end]
    lo = before[-2] if len(before) >= 2 else 0
    hi = after[1] if len(after) >= 2 else len(text)
    return text[lo:hi].replace("\n", " ¶ ")


def sample(n: int, seed: int, limit: int | None) -> tuple[list[dict], int]:
    out: list[dict] = []
    used = 0
    for aid, text in articles(seed):
        if limit is not None and used >= limit:
            break
        if limit is None and len(out) >= n:
            break
        used += 1
        items = framing.analyze(text, fast=True).to_dict()["quotes"]["items"]
        for q in items:
            if q.get("speaker"):
                s0 = q.get("speaker_start")
                s1 = q.get("speaker_end")
                out.append({"article": aid, "q": (q["start"], q["end"]),
                            "s": (-1 if s0 is None else s0, -1 if s1 is None else s1),
                            "speaker": q["speaker"], "mention": q.get("speaker_text"),
                            "cue": q.get("cue"), "quote": q["text"],
                            "context": context(text, q["start"], q["end"])})
    return out[:n], used


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return (0.0, 0.0)
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return (c - h, c + h)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--articles", type=int, help="use exactly the first K shuffled articles")
    ap.add_argument("--out", type=Path, help="write the listing here (keep it in /tmp)")
    ap.add_argument("--verdicts", type=Path)
    ap.add_argument("--run", default="after")
    args = ap.parse_args()
    found, used = sample(args.n, args.seed, args.articles)
    print(f"framing from {Path(framing.__file__).parent}; seed {args.seed}; "
          f"{len(found)} speakers in the first {used} shuffled articles")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            for i, r in enumerate(found):
                fh.write(f"#{i}\t{r['article']}\t{r['q'][0]}\t{r['q'][1]}\t{r['s'][0]}\t{r['s'][1]}\n"
                         f"  SPEAKER: {r['speaker']!r} (mention {r['mention']!r})  CUE: {r['cue']!r}\n"
                         f"  QUOTE: {r['quote']}\n  CONTEXT: {r['context']}\n\n")
    if not args.verdicts:
        return
    verdicts = {}
    for line in args.verdicts.read_text(encoding="utf-8").splitlines()[1:]:
        p = line.split("\t")
        if len(p) >= 7 and p[0] == args.run:
            verdicts[(p[1], int(p[2]), int(p[3]), int(p[4]), int(p[5]))] = (p[6], p[7] if len(p) > 7 else "")
    judged = [verdicts[k] for r in found
              if (k := (r["article"], *r["q"], *r["s"])) in verdicts]
    wrong = [v for v in judged if v[0] == "wrong"]
    lo, hi = wilson(len(wrong), len(judged))
    print(f"{args.run}: {len(wrong)} / {len(judged)} wrong = {len(wrong) / max(1, len(judged)):.1%} "
          f"(95 % Wilson {lo:.1%}–{hi:.1%}); {len(found) - len(judged)} listed but not judged")
    for reason, c in Counter(v[1] for v in wrong).most_common():
        print(f"  {reason}\t{c}")


if __name__ == "__main__":
    main()
