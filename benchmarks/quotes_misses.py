"""Error analysis for quotation attribution on PolNeAR (run on train, not dev).

    python benchmarks/quotes_misses.py [--data ../shared/data/polnear/train.jsonl]
                                       [--top 40] [--examples 3] [--only CUE]

Matches predictions to gold attributions the way ``quotes_polnear.py`` does
(content overlap > 0.3 of the gold span) and prints:

* missed gold attributions grouped by their gold cue (lower-cased), with
  counts and a few examples — what to add next, in order of the counts;
* false positives grouped by our cue lemma and category;
* content P/R/F1 per cue category of ours (precision per category) and the
  speaker accuracy.

Development data only: keep ``dev.jsonl`` as the clean test and do rule work
on ``train.jsonl``. Exits 0 with a message when the data is absent.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import DATA, prf, read_jsonl, require  # noqa: E402
from quotes_polnear import _chars  # noqa: E402

import framing  # noqa: E402


def _cut(s: str, k: int = 150) -> str:
    s = " ".join(s.split())
    return s if len(s) <= k else s[:k] + " …"


def match(rec: dict, items: list[dict], threshold: float = 0.3):
    """(matched pairs, missed gold, unmatched predictions) for one article."""
    gold = [q for q in rec["quotes"] if q["content_spans"]]
    preds = [(_chars(it["parts"] or [[it["start"], it["end"]]]), it) for it in items]
    remaining = list(range(len(preds)))
    pairs, missed = [], []
    for q in gold:
        g = _chars(q["content_spans"])
        best, best_score = None, 0.0
        for j in remaining:
            sc = len(g & preds[j][0]) / len(g) if g else 0.0
            if sc > threshold and sc > best_score:
                best, best_score = j, sc
        if best is None:
            missed.append(q)
        else:
            remaining.remove(best)
            pairs.append((q, preds[best][1]))
    return pairs, missed, [preds[j][1] for j in remaining]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DATA / "polnear" / "train.jsonl"))
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--examples", type=int, default=3)
    ap.add_argument("--only", default=None, help="show all misses (and FPs) for this cue")
    ap.add_argument("--limit", type=int, default=0, help="first N articles only")
    args = ap.parse_args()
    records = list(read_jsonl(require(args.data)))
    if args.limit:
        records = records[:args.limit]
    misses: dict[str, list] = defaultdict(list)
    fps: dict[str, list] = defaultdict(list)
    cat_tp: Counter = Counter()
    cat_fp: Counter = Counter()
    spk_ok = spk_n = tp = fp = fn = 0
    spk_err: list = []
    for rec in records:
        items = framing.analyze(rec["text"]).to_dict()["quotes"]["items"]
        pairs, missed, extra = match(rec, items)
        t = rec["text"]
        tp, fp, fn = tp + len(pairs), fp + len(extra), fn + len(missed)
        for q, it in pairs:
            cat_tp[it["cue_category"] or "-"] += 1
            if q["speaker_spans"]:
                spk_n += 1
                ok = it["speaker_start"] is not None and any(
                    it["speaker_start"] < e and s < it["speaker_end"] for s, e in q["speaker_spans"])
                spk_ok += ok
                if not ok:
                    spk_err.append((q, it))
        for q in missed:
            cue = " ".join((q["cue"] or "").lower().split()) or "(no cue)"
            content = " | ".join(t[s:e] for s, e in q["content_spans"])
            misses[cue].append(f"[{q['speaker']!r}] {_cut(content)}")
        for it in extra:
            key = f"{it['cue_lemma'] or '-'}/{it['cue_category'] or '-'}/{it['pattern']}"
            cat_fp[it["cue_category"] or "-"] += 1
            fps[key].append(f"[{it['speaker_text']!r} {it['cue']!r}] {_cut(it['text'])}")
    p, r, f = prf(tp, fp, fn)
    print(f"{Path(args.data).name}: {len(records)} articles  P {p:.3f} R {r:.3f} F1 {f:.3f} "
          f"(tp {tp}, fp {fp}, fn {fn}); speaker accuracy {spk_ok / max(spk_n, 1):.3f} "
          f"({spk_ok}/{spk_n})\n")
    if args.only:
        for line in misses.get(args.only, []):
            print("  miss", line)
        for key, lines in sorted(fps.items()):
            if key.split("/")[0] == args.only:
                for line in lines:
                    print("  fp  ", key, line)
        return
    print("precision per cue category of ours (tp / tp+fp):")
    for c in sorted(set(cat_tp) | set(cat_fp), key=lambda c: -(cat_tp[c] + cat_fp[c])):
        n = cat_tp[c] + cat_fp[c]
        print(f"  {c:<12} {cat_tp[c] / n:6.3f}  (tp {cat_tp[c]}, fp {cat_fp[c]})")
    print(f"\n-- missed gold attributions by gold cue (top {args.top} of {len(misses)}) --")
    for cue, lines in sorted(misses.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:args.top]:
        print(f"{len(lines):5d}  {cue}")
        for line in lines[:args.examples]:
            print("         ", line)
    print(f"\n-- false positives by our cue/category/pattern (top {args.top}) --")
    for key, lines in sorted(fps.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:args.top]:
        print(f"{len(lines):5d}  {key}")
        for line in lines[:args.examples]:
            print("         ", line)
    print(f"\n-- wrong speakers ({len(spk_err)}) --")
    for q, it in spk_err[:args.top]:
        print(f"  gold {q['speaker']!r} pred {it['speaker_text']!r} [{it['pattern']}] "
              f"{_cut(it['text'], 90)}")


if __name__ == "__main__":
    main()
