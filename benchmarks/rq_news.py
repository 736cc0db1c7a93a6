"""Rhetorical-question benchmark on the project's own labelled news set.

Data: ``benchmarks/data/news_questions/`` — fictional articles written for
this project and ``key.jsonl`` (file, question, label, voice), labelled by a
human reading before the rules were tuned (see the folder's README).

Scores:

* detection — precision/recall of question spans, exact (same start and end)
  and lenient (spans overlap);
* classification — on exactly matched spans: P/R/F1 of the rhetorical class
  (1) with hypophora counted as *not* rhetorical and (2) with hypophora
  counted as rhetorical (both "no information sought"), a 3×3 confusion
  matrix, and voice agreement.

Usage: ``python benchmarks/rq_news.py [--data DIR] [--errors]``
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import framing

HERE = Path(__file__).resolve().parent
LABELS = ("rhetorical", "hypophora", "information")


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def load_key(folder: Path) -> dict[str, list[dict]]:
    """Key rows per file, each located in its file (``start``/``end``)."""
    rows: dict[str, list[dict]] = defaultdict(list)
    for line in (folder / "key.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            rows[row["file"]].append(row)
    for name, items in rows.items():
        text = (folder / name).read_text(encoding="utf-8")
        pos = 0
        for row in items:
            i = text.find(row["question"], pos)
            if i < 0:
                raise SystemExit(f"key error: {row['question']!r} not found in {name} after offset {pos}")
            row["start"], row["end"] = i, i + len(row["question"])
            pos = row["end"]
    return rows


def line(name: str, p: float, r: float, f: float, extra: str = "") -> str:
    return f"  {name:<44} P {100 * p:5.1f}  R {100 * r:5.1f}  F1 {100 * f:5.1f}  {extra}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=HERE / "data" / "news_questions")
    ap.add_argument("--errors", action="store_true", help="list every disagreement")
    args = ap.parse_args(argv)
    if not (args.data / "key.jsonl").exists():
        print(f"no key.jsonl in {args.data}: nothing to score")
        return 0
    key = load_key(args.data)

    det = Counter()
    lenient = Counter()
    pairs: list[tuple[dict, object, str]] = []
    errors: list[str] = []
    words = 0
    t0 = time.perf_counter()
    for name in sorted(key):
        text = (args.data / name).read_text(encoding="utf-8")
        report = framing.analyze(text, source=name)
        words += report.stats.words
        pred = report.questions.items
        gold = key[name]
        by_span = {(p.start, p.end): p for p in pred}
        gold_spans = {(g["start"], g["end"]) for g in gold}
        for g in gold:
            p = by_span.get((g["start"], g["end"]))
            if p is not None:
                det["tp"] += 1
                pairs.append((g, p, name))
            else:
                det["fn"] += 1
                errors.append(f"MISSED   {name}: {g['question']!r}"
                              + "".join(f" (got {q.text!r})" for q in pred
                                        if q.start < g["end"] and g["start"] < q.end))
            if any(q.start < g["end"] and g["start"] < q.end for q in pred):
                lenient["tp"] += 1
            else:
                lenient["fn"] += 1
        for p in pred:
            if (p.start, p.end) not in gold_spans:
                det["fp"] += 1
                errors.append(f"SPURIOUS {name}: {p.text!r}")
            if not any(p.start < g["end"] and g["start"] < p.end for g in gold):
                lenient["fp"] += 1
    elapsed = time.perf_counter() - t0

    n_gold = det["tp"] + det["fn"]
    print(f"news_questions: {len(key)} articles, {n_gold} labelled questions, {words} words "
          f"({elapsed * 1000:.0f} ms for framing.analyze, all analyzers, incl. first-call warm-up)")
    print("detection (question spans)")
    print(line("exact span", *prf(det["tp"], det["fp"], det["fn"]),
               f"(tp {det['tp']}, fp {det['fp']}, fn {det['fn']})"))
    print(line("overlapping span", *prf(lenient["tp"], lenient["fp"], lenient["fn"])))

    conf = Counter((g["label"], p.type) for g, p, _ in pairs)
    print(f"classification (on {len(pairs)} exactly matched spans)")
    for title, positive in (("rhetorical (hypophora = not rhetorical)", {"rhetorical"}),
                            ("rhetorical + hypophora vs information", {"rhetorical", "hypophora"})):
        tp = sum(1 for g, p, _ in pairs if g["label"] in positive and p.type in positive)
        fp = sum(1 for g, p, _ in pairs if g["label"] not in positive and p.type in positive)
        fn = sum(1 for g, p, _ in pairs if g["label"] in positive and p.type not in positive)
        print(line(title, *prf(tp, fp, fn), f"(gold {tp + fn}, predicted {tp + fp})"))
    acc = sum(conf[(a, a)] for a in LABELS) / len(pairs) if pairs else 0.0
    print(f"  3-way accuracy {100 * acc:.1f}%")
    print("confusion matrix (rows gold, columns predicted)")
    print("  " + " " * 12 + "".join(f"{lab:>13}" for lab in LABELS))
    for a in LABELS:
        print(f"  {a:<12}" + "".join(f"{conf[(a, b)]:>13}" for b in LABELS))
    voice_ok = sum(1 for g, p, _ in pairs if g["voice"] == p.voice)
    print(f"voice agreement {voice_ok}/{len(pairs)}"
          + "".join(f"\n  voice {g['voice']}→{p.voice}: {name}: {g['question']!r}"
                    for g, p, name in pairs if g["voice"] != p.voice and args.errors))
    if args.errors:
        for g, p, name in pairs:
            if g["label"] != p.type:
                errors.append(f"{g['label'][:4]}→{p.type[:4]}  {name}: {g['question']!r}  cues={p.cues}")
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
