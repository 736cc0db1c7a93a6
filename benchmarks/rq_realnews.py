"""Rhetorical questions on real news: held-out figures of the coded set.

Data: the ``test`` articles of ``benchmarks/data/news_questions_real/``
(offsets and codes by CODEBOOK §1; texts read from ``../shared/data``).
Nothing here was used to train or tune: the classifier's choices were made
by cross-validation on the ``train`` articles (``train_questions.py``).

Scores, for the rules (``question_model=False``), the learned classifier
(``question_model=True``) and "every question rhetorical":

* detection — precision/recall of question spans (a detected question
  matches a coded one when their end offsets agree);
* the flag (not information-seeking: rhetorical and hypophora) — macro-F1
  over the two classes, overall and by coded voice;
* the 3-way type accuracy (rhetorical / hypophora / information) and the
  voice accuracy, on matched questions.

Usage: ``python benchmarks/rq_realnews.py [--data DIR] [--split test]``
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from _data import DATA, read_jsonl, require

from framing.analyzers import Context, resolve, run_all
from framing.document import Document

HERE = Path(__file__).resolve().parent
KEY = HERE / "data" / "news_questions_real" / "questions.jsonl"


def load_texts(data: Path, keys: set[str]) -> dict[str, str]:
    texts = {}
    for corpus in ("polnear", "pac"):
        for split in ("train", "dev"):
            for row in read_jsonl(require(data / corpus / f"{split}.jsonl")):
                key = f"{corpus}:{split}:{row['id']}"
                if key in keys:
                    texts[key] = row["text"]
    return texts


def detected(text: str, model: bool) -> dict[int, dict]:
    """The questions section's items of ``text``, keyed by end offset."""
    ctx = Context.for_document(Document(text), question_model=model)
    out = run_all(ctx, resolve(["questions"]))
    return {i.end: {"type": i.type, "flag": i.rhetorical, "voice": i.voice}
            for i in out["questions"].items}


def macro_f1(pairs: list[tuple[bool, bool]]) -> float:
    """Macro-F1 over the two flag classes of (gold, predicted) pairs."""
    f1s = []
    for pos in (True, False):
        tp = sum(g == pos and p == pos for g, p in pairs)
        fp = sum(g != pos and p == pos for g, p in pairs)
        fn = sum(g == pos and p != pos for g, p in pairs)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / 2


def score(key: list[dict], found: dict[str, dict[int, dict]], name: str) -> None:
    n_found = sum(len(v) for v in found.values())
    matched = [(r, found[r["article"]][r["end"]]) for r in key if r["end"] in found[r["article"]]]
    gold_flag = [r["type"] != "information" for r, _ in matched]
    print(f"{name}")
    print(f"  detection      P {len(matched) / n_found:.3f}  R {len(matched) / len(key):.3f}"
          f"  ({len(matched)} of {len(key)} coded, {n_found} found)")
    for label, pairs in (
        ("flag macro-F1", [(g, p["flag"]) for g, (_, p) in zip(gold_flag, matched)]),
        ("  author voice", [(r["type"] != "information", p["flag"]) for r, p in matched
                            if r["voice"] == "author"]),
        ("  quoted voice", [(r["type"] != "information", p["flag"]) for r, p in matched
                            if r["voice"] == "quoted"]),
        ("all rhetorical", [(g, True) for g in gold_flag]),
    ):
        print(f"  {label:<14} {macro_f1(pairs):.3f}  (n {len(pairs)})")
    type_acc = sum(r["type"] == p["type"] for r, p in matched) / len(matched)
    voice_acc = sum(r["voice"] == p["voice"] for r, p in matched) / len(matched)
    print(f"  3-way type accuracy {type_acc:.3f}; voice accuracy {voice_acc:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--split", default="test", choices=("test", "train"))
    args = ap.parse_args()
    key = [r for r in read_jsonl(KEY) if r["split"] == args.split]
    by_article = defaultdict(list)
    for r in key:
        by_article[r["article"]].append(r)
    texts = load_texts(args.data, set(by_article))
    print(f"{args.split}: {len(key)} coded questions in {len(by_article)} articles; "
          f"{sum(r['type'] != 'information' for r in key)} not information-seeking")
    for model, name in ((False, "rules"), (True, "learned classifier")):
        found = {a: detected(texts[a], model) for a in sorted(by_article)}
        score(key, found, name)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
