"""Target-dependent sentiment on NewsMTSC dev sets, beside two baselines.

    python benchmarks/sentiment_newsmtsc.py [--data ../shared/data/newsmtsc]

For dev_rw.jsonl (real-world class mix) and dev_mt.jsonl (sentences with
two or more targets) prints macro-F1 over negative/neutral/positive and
accuracy of:

* the default model (the fine-tuned encoder, the targets of a sentence
  scored together in one pass, as ``framing analyze`` runs it) and with ``fast=True`` (the linear model); labels by the one
  rule of ``framing.sentiment.labels`` (and, for the encoder, the argmax
  class beside it, to show what the rule costs);
* VADER compound of the whole sentence, thresholds ±0.05 (vaderSentiment);
* TF-IDF (word 1–2-grams) + logistic regression on the sentence, fitted on
  train.jsonl here (needs scikit-learn).

Then calibration on each set: the mean score of gold-neutral targets
(should be near 0) and a reliability table: per score bin, how many
targets and the observed share of each gold class.

Published reference (test sets, not these dev sets): fine-tuned RoBERTa
GRU-TSC, macro-F1 0.831 (rw) / 0.825 (mt) (Hamborg & Donnay 2021).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import DATA, read_jsonl, require  # noqa: E402

import framing  # noqa: E402

LABELS = ("negative", "neutral", "positive")


def macro_f1(gold, pred) -> tuple[float, float]:
    f1s = []
    for c in LABELS:
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    acc = sum(1 for g, p in zip(gold, pred) if g == p) / len(gold)
    return sum(f1s) / len(f1s), acc


def encoder_probs(rows):
    """The encoder's probabilities per row, the targets of a sentence scored
    together in one pass as ``framing analyze`` scores them."""
    from framing.models.encoder import probabilities

    groups: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        groups.setdefault(r["text"], []).append(i)
    items = [(text, [(rows[i]["start"], rows[i]["end"]) for i in ks]) for text, ks in groups.items()]
    out: list = [None] * len(rows)
    order = [i for ks in groups.values() for i in ks]
    for i, p in zip(order, probabilities(items)):
        out[i] = p
    return out


def ours(rows):
    from framing.sentiment.labels import label_of

    return [label_of(round(p[2] - p[0], 4)) for p in encoder_probs(rows)]


def ours_argmax(rows):
    return [LABELS[max(range(3), key=p.__getitem__)] for p in encoder_probs(rows)]


def ours_fast(rows):
    return [framing.target_sentiment(r["text"], [(r["start"], r["end"])], fast=True)[0].label
            for r in rows]


def calibration(name: str, rows, probs) -> None:
    scores = [p[2] - p[0] for p in probs]
    neutral = [s for s, r in zip(scores, rows) if r["polarity"] == "neutral"]
    print(f"\n{name}: mean score of {len(neutral)} gold-neutral targets "
          f"{sum(neutral) / len(neutral):+.3f} (all targets {sum(scores) / len(scores):+.3f})")
    print(f"  {'score bin':<14} {'n':>4}  {'neg':>5} {'neu':>5} {'pos':>5}   (observed gold shares)")
    edges = [-1.0, -0.6, -0.2, 0.2, 0.6, 1.0001]
    for lo, hi in zip(edges, edges[1:]):
        gold = [r["polarity"] for s, r in zip(scores, rows) if lo <= s < hi]
        if gold:
            shares = [gold.count(c) / len(gold) for c in LABELS]
            print(f"  [{lo:+.1f}, {min(hi, 1):+.1f})   {len(gold):>4}  "
                  + " ".join(f"{x:>5.2f}" for x in shares))
    for c, k in zip(LABELS, range(3)):
        mean_p = sum(p[k] for p in probs) / len(probs)
        obs = sum(1 for r in rows if r["polarity"] == c) / len(rows)
        print(f"  P({c}) mean predicted {mean_p:.3f}, observed share {obs:.3f}")


def vader(rows):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sia = SentimentIntensityAnalyzer()
    out = []
    for r in rows:
        c = sia.polarity_scores(r["text"])["compound"]
        out.append("positive" if c >= 0.05 else "negative" if c <= -0.05 else "neutral")
    return out


def tfidf(train):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    X = vec.fit_transform([r["text"] for r in train])
    clf = LogisticRegression(C=2.0, max_iter=5000).fit(X, [r["polarity"] for r in train])
    return lambda rows: list(clf.predict(vec.transform([r["text"] for r in rows])))


def borrowed(rows, pred) -> None:
    """Errors on multi-target sentences where the target got the gold label
    of another target of its sentence (and not its own)."""
    gold_in: dict[str, list[str]] = {}
    for r in rows:
        gold_in.setdefault(r["text"], []).append(r["polarity"])
    errors = [(r, p) for r, p in zip(rows, pred) if p != r["polarity"]]
    took = sum(1 for r, p in errors if gold_in[r["text"]].count(p) > 0)
    print(f"\ndev_mt, encoder: {len(errors)} errors; {took} ({100 * took / max(1, len(errors)):.0f} %) "
          "gave the target the gold label of another target in its sentence")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DATA / "newsmtsc"))
    args = ap.parse_args()
    folder = require(args.data)
    train = list(read_jsonl(require(folder / "train.jsonl")))
    systems = [("encoder (default)", ours), ("encoder, argmax class", ours_argmax),
               ("linear (--fast)", ours_fast), ("VADER sentence compound ±0.05", vader)]
    try:
        systems.append(("TF-IDF + logistic regression", tfidf(train)))
    except ImportError:
        print("(TF-IDF baseline skipped: scikit-learn is not installed)")
    print(f"{'set':<8} {'system':<32} {'n':>5} {'macro-F1':>9} {'accuracy':>9}")
    for name in ("dev_rw", "dev_mt"):
        rows = list(read_jsonl(require(folder / f"{name}.jsonl")))
        gold = [r["polarity"] for r in rows]
        for label, system in systems:
            t0 = time.perf_counter()
            pred = system(rows)
            secs = time.perf_counter() - t0
            f1, acc = macro_f1(gold, pred)
            extra = (f"  ({len(rows) / secs:.0f} targets/s)"
                     if system in (ours, ours_fast) else "")
            print(f"{name:<8} {label:<32} {len(rows):>5} {f1:>9.3f} {acc:>9.3f}{extra}")
    rows = list(read_jsonl(require(folder / "dev_mt.jsonl")))
    borrowed(rows, ours(rows))
    for name in ("dev_rw", "dev_mt"):
        rows = list(read_jsonl(require(folder / f"{name}.jsonl")))
        calibration(f"{name}, encoder", rows, encoder_probs(rows))


if __name__ == "__main__":
    main()
