"""Fuzz ``framing.analyze`` with random documents; report crashes and span violations.

    python benchmarks/fuzz.py [--n 100000] [--jobs 2] [--seed 1] [--save DIR]

Each document is a random mixture of news-like sentences, abbreviations
(Mr., U.S., p.m., e.g.), quotation marks of every style (straight, curly,
low, guillemets, single, unbalanced, nested), question and exclamation marks,
hedges and boosters, reporting verbs, numbers, newlines and blank lines,
and random Unicode (any plane, combining marks, right-to-left, zero-width,
emoji, lone surrogates, control characters). For each one it checks that
analysis does not raise, that the report is JSON, that every evidence span
lies inside the text and ``text[start:end]`` equals the reported text (also
speaker and cue spans, quote parts, Document sentences and quotes), and —
for every tenth document — that a second run gives the same dict.

Prints the counts (0 crashes and 0 violations expected), the first failures
with the seed that reproduces them (``--only SEED``), and the slowest
documents. ``--save DIR`` writes each failing text to DIR/<seed>.txt.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
import traceback
from multiprocessing import get_context
from pathlib import Path

WORDS = ("the council officials plan budget minister said says told reporters according to "
         "may might could perhaps possibly clearly certainly suggest appear likely about around "
         "nearly some think believe expect would it is was not never no sources people familiar "
         "with the matter why what how who when where whether do does did isn't won't can't "
         "Smith Jones Ann Ruiz Trump May June Washington Reuters police the mayor a spokesman "
         "and but or because however 2024 3.5 1,200 10:30 42nd 1990s $5 50% well-known don't "
         "Clinton's students' ’90s 'em").split()
ABBREVIATIONS = ["Mr.", "Mrs.", "Dr.", "Gen.", "Sen.", "U.S.", "U.K.", "p.m.", "a.m.", "e.g.",
                 "i.e.", "No.", "Inc.", "Corp.", "St.", "Jan.", "Sept.", "J.", "G.K.", "etc.", "vs."]
MARKS = ['"', "“", "”", "„", "«", "»", "‘", "’", "'", "‚", "‹", "›", "''", "``", "?", "!", "?!",
         "...", "…", ".", ",", ";", ":", "—", "–", "-", "(", ")", "[", "]", "?”", ".”", "!”",
         ",”", "?\"", ".\"", "\n", "\n\n", "\r\n", "\t", " ", "  "]
SENTENCES = [
    "“We will not stop,” she said, “until the job is done.”",
    "Officials said the plan would cost more than expected.",
    "Is this really the best we can do?",
    "According to the report, prices may rise by about 5 percent.",
    "\"It's clearly a mistake,\" Mr. Smith told reporters on Tuesday.",
    "Why would anyone vote for that? Nobody knows.",
    "The minister, who spoke on condition of anonymity, suggested it might fail.",
    "Critics called the decision “deeply flawed” and ‘reckless’.",
    "Sources familiar with the matter said talks could collapse.",
    "In a statement, the company said: “We regret the error.”",
    "Ann Ruiz (D-Ore.) said the U.S. would not back down.",
    "« Nous verrons », a-t-il dit.", "„Das ist falsch“, sagte er.",
]
UNICODE_RANGES = [(0x20, 0x7E), (0xA0, 0x24F), (0x300, 0x36F), (0x370, 0x3FF), (0x400, 0x4FF),
                  (0x590, 0x6FF), (0x900, 0x97F), (0x2000, 0x206F), (0x3040, 0x30FF),
                  (0x4E00, 0x4E7F), (0xFE00, 0xFE0F), (0x1F300, 0x1F64F), (0x1D400, 0x1D4FF),
                  (0x0, 0x1F), (0xD800, 0xDFFF), (0xE000, 0xE00F), (0xFFF0, 0xFFFF), (0x10000, 0x10FFFF)]


def make_document(seed: int) -> str:
    rnd = random.Random(seed)
    parts: list[str] = []
    size = rnd.choice((0, 1, 3, 10, 30, 80, 200, 600))
    for _ in range(rnd.randint(0, size)):
        r = rnd.random()
        if r < 0.30:
            parts.append(rnd.choice(WORDS))
        elif r < 0.50:
            parts.append(rnd.choice(MARKS))
        elif r < 0.60:
            parts.append(rnd.choice(ABBREVIATIONS))
        elif r < 0.72:
            parts.append(rnd.choice(SENTENCES))
        elif r < 0.80:
            w = rnd.choice(WORDS)
            parts.append(w.upper() if rnd.random() < 0.5 else w.capitalize())
        else:
            lo, hi = rnd.choice(UNICODE_RANGES)
            parts.append("".join(chr(rnd.randint(lo, hi)) for _ in range(rnd.randint(1, 6))))
        parts.append(rnd.choice(("", " ", " ", " ", "\n")) if rnd.random() < 0.9 else "")
    return "".join(parts)


# -- checks ----------------------------------------------------------------------
def span_violations(text: str, d: dict) -> list[str]:
    out: list[str] = []
    n = len(text)

    def bounds(s, e, where) -> bool:
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= n):
            out.append(f"{where}: span [{s}, {e}) outside the text (length {n})")
            return False
        return True

    def walk(obj, path: str) -> None:
        if isinstance(obj, dict):
            if isinstance(obj.get("start"), int) and isinstance(obj.get("end"), int):
                if bounds(obj["start"], obj["end"], path) and isinstance(obj.get("text"), str) \
                        and text[obj["start"]:obj["end"]] != obj["text"]:
                    out.append(f"{path}: text[{obj['start']}:{obj['end']}] != {obj['text'][:40]!r}")
            for prefix, surface in (("speaker", "speaker_text"), ("cue", "cue"),
                                    ("sentence", None)):
                s, e = obj.get(f"{prefix}_start"), obj.get(f"{prefix}_end")
                if s is None and e is None:
                    continue
                if bounds(s, e, f"{path}.{prefix}") and surface and isinstance(obj.get(surface), str) \
                        and text[s:e] != obj[surface]:
                    out.append(f"{path}.{prefix}: text[{s}:{e}] != {obj[surface][:40]!r}")
            for part in obj.get("parts") or ():
                if isinstance(part, (list, tuple)) and len(part) == 2:
                    bounds(part[0], part[1], f"{path}.parts")
            for k, v in obj.items():
                walk(v, f"{path}.{k}")
        elif isinstance(obj, list):
            for i, v in enumerate(obj):
                walk(v, f"{path}[{i}]")

    walk(d, "report")
    return out


def check(seed: int) -> dict:
    import framing

    text = make_document(seed)
    t0 = time.perf_counter()
    try:
        report = framing.analyze(text)
        d = report.to_dict()
        json.dumps(d)
        problems = span_violations(text, d)
        doc = framing.Document(text)
        for s in doc.sentences:
            if not 0 <= s.start < s.end <= len(text):
                problems.append(f"sentence [{s.start}, {s.end}) outside the text")
        for q in doc.quotes:
            if not 0 <= q.start < q.end <= len(text):
                problems.append(f"quote [{q.start}, {q.end}) outside the text")
        if seed % 10 == 0 and framing.analyze(text).to_dict() != d:
            problems.append("a second run gave a different report")
    except Exception:
        return {"seed": seed, "crash": traceback.format_exc(limit=6), "chars": len(text),
                "seconds": time.perf_counter() - t0}
    return {"seed": seed, "problems": problems, "chars": len(text), "seconds": time.perf_counter() - t0}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000, help="documents (default 100000)")
    ap.add_argument("--seed", type=int, default=1, help="first seed; documents use seed..seed+n-1")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes")
    ap.add_argument("--only", type=int, help="run one seed and print its text and result")
    ap.add_argument("--save", type=Path, help="write failing texts here as <seed>.txt")
    args = ap.parse_args()
    if args.only is not None:
        print(repr(make_document(args.only)))
        print(json.dumps(check(args.only), indent=2))
        return 0

    seeds = range(args.seed, args.seed + args.n)
    t0 = time.perf_counter()
    crashes, violations, chars, slow = [], [], 0, []
    if args.jobs > 1:
        pool = get_context("spawn").Pool(args.jobs)
        results = pool.imap(check, seeds, chunksize=200)
    else:
        pool, results = None, map(check, seeds)
    try:
        for i, r in enumerate(results, 1):
            chars += r["chars"]
            slow.append((r["seconds"], r["seed"], r["chars"]))
            if len(slow) > 200:
                slow = sorted(slow, reverse=True)[:5]
            if "crash" in r:
                crashes.append(r)
            elif r["problems"]:
                violations.append(r)
            if args.save and ("crash" in r or r.get("problems")):
                args.save.mkdir(parents=True, exist_ok=True)
                (args.save / f"{r['seed']}.txt").write_text(make_document(r["seed"]), "utf-8",
                                                            errors="surrogatepass")
            if i % 10_000 == 0:
                print(f"  {i:,} documents, {len(crashes)} crashes, {len(violations)} with span "
                      f"violations ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    secs = time.perf_counter() - t0
    print(f"{args.n:,} random documents ({chars:,} characters) in {secs:.0f} s, {args.jobs} process(es): "
          f"{len(crashes)} crashes, {len(violations)} documents with span violations")
    for r in crashes[:5]:
        print(f"\ncrash, seed {r['seed']} (python benchmarks/fuzz.py --only {r['seed']}):\n{r['crash']}")
    for r in violations[:5]:
        print(f"\nspan violations, seed {r['seed']}:\n  " + "\n  ".join(r["problems"][:5]))
    print("slowest documents: " + ", ".join(f"seed {s} ({c:,} chars, {1000 * t:.0f} ms)"
                                           for t, s, c in sorted(slow, reverse=True)[:5]))
    return 1 if crashes or violations else 0


if __name__ == "__main__":
    raise SystemExit(main())
