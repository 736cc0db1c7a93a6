"""Syllable accuracy and cost of the CMUdict lookup in framing's readability.

    python benchmarks/syllables_cmudict.py [--data ../shared/data] [--holdout 0.1]

1. Held-back words: a random share of CMUdict's alphabetic words (seed 0) is
   set aside; on them, Pyphen (the method before this change, and still the
   fallback for a word CMUdict lacks) is compared with CMUdict's count.
   After the change every word CMUdict has is counted exactly as textstat
   counts it; a held-back word stands for an unknown word and falls back to
   Pyphen, so the figures on them are the fallback's.
2. Real news (PolNeAR dev, read by path; skipped when absent): the share of
   word tokens CMUdict covers, Pyphen's error on those, and the mean Flesch
   reading ease before and after.
3. Cost: ``framing --help`` start-up, and one article's readability in a
   fresh process (dictionary load included) with and without CMUdict.
"""
from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import DATA, ROOT, read_jsonl  # noqa: E402

from framing.analyzers import readability  # noqa: E402


def held_back(share: float) -> None:
    words = sorted(w for w in readability._cmudict() if w.isalpha())
    rnd = random.Random(0)
    sample = rnd.sample(words, int(len(words) * share))
    wrong = err = 0
    for w in sample:
        d = readability.pyphen_syllables(w) - readability.cmudict_syllables(w)
        wrong += d != 0
        err += abs(d)
    n = len(sample)
    print(f"held-back CMUdict words: {n:,} of {len(words):,} (seed 0)")
    print(f"  Pyphen (before; the fallback after): {wrong / n:.1%} of words wrong, "
          f"{err / n:.3f} syllables per word off")
    print("  CMUdict lookup (after, for words it has): 0 wrong by construction "
          "(textstat's own method; tests/analyzers/test_readability.py checks it)")


def news(data: Path) -> None:
    path = data / "polnear" / "dev.jsonl"
    if not path.exists():
        print(f"real news: skipped ({path} not found)")
        return
    import framing

    tokens = covered = wrong = err = 0
    before, after = [], []
    for rec in read_jsonl(path):
        doc = framing.Document(rec["text"])
        for t in doc.tokens:
            if not t.is_word or not readability.HAS_LETTER.search(t.text):
                continue
            tokens += 1
            c = readability.cmudict_syllables(t.text.lower().replace("’", "'"))
            if c is not None:
                covered += 1
                d = readability.pyphen_syllables(t.text.lower()) - c
                wrong += d != 0
                err += abs(d)
        after.append(framing.analyze(doc, analyzers=["readability"]).readability.flesch_reading_ease)
        real = readability.cmudict_syllables
        readability.cmudict_syllables = lambda w: None
        readability.syllables.cache_clear()
        before.append(framing.analyze(doc, analyzers=["readability"]).readability.flesch_reading_ease)
        readability.cmudict_syllables = real
        readability.syllables.cache_clear()
    print(f"real news (PolNeAR dev, {len(after)} articles, {tokens:,} word tokens):")
    print(f"  CMUdict covers {covered / tokens:.1%} of the tokens; on those Pyphen is wrong for "
          f"{wrong / covered:.1%}, {err / covered:.3f} syllables per token off")
    print(f"  mean Flesch reading ease: {sum(before) / len(before):.1f} with Pyphen only, "
          f"{sum(after) / len(after):.1f} with CMUdict")


def _seconds(code: list[str], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(code, check=True, capture_output=True, cwd=ROOT)
        best = min(best, time.perf_counter() - t)
    return best


def cost() -> None:
    py = sys.executable
    text = ("The council approved the desalination plant on Tuesday night. Residents remain "
            "deeply divided about the enormous cost. ") * 20
    run = ("import time, framing; from framing.analyzers import readability as r; {patch}"
           "t = time.perf_counter(); framing.analyze({text!r}, analyzers=['readability']); "
           "print(time.perf_counter() - t)")

    def inproc(patch: str) -> float:
        out = [float(subprocess.run([py, "-c", run.format(patch=patch, text=text)], check=True,
                                    capture_output=True, text=True, cwd=ROOT).stdout)
               for _ in range(3)]
        return min(out)

    print(f"`framing --help` start-up: {_seconds([py, '-m', 'framing', '--help']):.2f} s "
          "(best of 3)")
    with_cmu = inproc("")
    without = inproc("r.cmudict_syllables = lambda w: None; ")
    print(f"first article's readability in a fresh process: {with_cmu:.3f} s with CMUdict "
          f"(dictionary read included), {without:.3f} s with Pyphen only: "
          f"+{with_cmu - without:.3f} s")
    probe = "import sys, framing; framing.analyze('It may rain.'); print(sorted(m for m in ('nltk', 'textstat', 'sklearn') if m in sys.modules))"
    out = subprocess.run([py, "-c", probe], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    print(f"heavy modules imported by an analysis: {out}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--holdout", type=float, default=0.1)
    args = ap.parse_args()
    held_back(args.holdout)
    news(Path(args.data))
    cost()


if __name__ == "__main__":
    main()
