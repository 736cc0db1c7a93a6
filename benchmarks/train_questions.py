"""Train the question classifier shipped as ``framing/models/question_classifier.json``.

Data: the ``train`` articles of ``benchmarks/data/news_questions_real/``
(offsets and codes; the texts are read from ``../shared/data``). Features:
:func:`framing.analyzers.questions.features.question_features` on the
shipped detector's questions, matched to the codes by the end offset.
Model: multinomial logistic regression (scikit-learn, training time only).
Choices by 5-fold cross-validation grouped by article on the train part:
the regularisation ``C``, class weighting and the flag threshold, scored by
the macro-F1 of the flag (not information-seeking vs information). The
weights are written for raw feature values, so the run-time model is a dot
product and a softmax (:mod:`framing.analyzers.questions.model`).

Usage: ``python benchmarks/train_questions.py [--data DIR] [--out FILE]``
Deterministic: same data, same file.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from _data import DATA, read_jsonl, require

from framing.analyzers import Context, resolve, run_all
from framing.analyzers.questions.analyzer import question_rows
from framing.analyzers.questions.model import CLASSES, MODEL_FILE
from framing.document import Document

HERE = Path(__file__).resolve().parent
KEY = HERE / "data" / "news_questions_real" / "questions.jsonl"
OUT = HERE.parent / "framing" / "models" / MODEL_FILE
MIN_LEX = 4
GRID_C = (0.03, 0.1, 0.3, 1.0, 3.0)
GRID_WEIGHT = (None, "balanced")
GRID_THRESHOLD = (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65)


def load_texts(data: Path, keys: set[str]) -> dict[str, str]:
    texts = {}
    for corpus in ("polnear", "pac"):
        for split in ("train", "dev"):
            for row in read_jsonl(require(data / corpus / f"{split}.jsonl")):
                key = f"{corpus}:{split}:{row['id']}"
                if key in keys:
                    texts[key] = row["text"]
    return texts


def article_features(text: str) -> dict[int, dict[str, float]]:
    """Features of every detected question, keyed by end offset."""
    ctx = Context.for_document(Document(text))
    run_all(ctx, resolve(["voices"]))
    rows, _ = question_rows(ctx)
    return {q.end: feats for q, _, _, _, feats in rows}


def dataset(data: Path, split: str):
    """(feature dicts, labels, article ids, key rows) of ``split``; questions
    the detector missed are left out (the benchmark counts them)."""
    key = [r for r in read_jsonl(KEY) if r["split"] == split]
    texts = load_texts(data, {r["article"] for r in key})
    by_article = defaultdict(list)
    for r in key:
        by_article[r["article"]].append(r)
    X, y, groups, kept = [], [], [], []
    for art in sorted(by_article):
        feats = article_features(texts[art])
        for r in by_article[art]:
            if r["end"] in feats:
                X.append(feats[r["end"]])
                y.append(CLASSES.index(r["type"]))
                groups.append(art)
                kept.append(r)
    return X, np.array(y), groups, kept


def flag_macro_f1(y: np.ndarray, flag: np.ndarray) -> float:
    gold = y != CLASSES.index("information")
    f1s = []
    for pos in (True, False):
        tp = np.sum((flag == pos) & (gold == pos))
        fp = np.sum((flag == pos) & (gold != pos))
        fn = np.sum((flag != pos) & (gold == pos))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(f1s))


def matrix(X: list[dict[str, float]], names: list[str]) -> np.ndarray:
    index = {n: i for i, n in enumerate(names)}
    M = np.zeros((len(X), len(names)))
    for r, feats in enumerate(X):
        for n, v in feats.items():
            if n in index:
                M[r, index[n]] = v
    return M


def main() -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    X, y, groups, _ = dataset(args.data, "train")
    counts: dict[str, int] = defaultdict(int)
    for f in X:
        for n in f:
            counts[n] += 1
    # lexical features (first word, first two words) only when seen in ≥ MIN_LEX questions
    names = sorted(n for n, c in counts.items() if n != "bias" and ("=" not in n or c >= MIN_LEX))
    M = matrix(X, names)
    print(f"train: {len(y)} questions, {len(set(groups))} articles, {len(names)} features")
    folds = list(GroupKFold(n_splits=5).split(M, y, groups))
    best = None
    for C in GRID_C:
        for cw in GRID_WEIGHT:
            probs = np.zeros((len(y), 3))
            for tr, te in folds:
                clf = LogisticRegression(C=C, class_weight=cw, max_iter=5000)
                clf.fit(M[tr], y[tr])
                probs[te] = clf.predict_proba(M[te])
            for th in GRID_THRESHOLD:
                f1 = flag_macro_f1(y, probs[:, 0] + probs[:, 1] >= th)
                kind = np.where(probs[:, 0] + probs[:, 1] >= th, np.argmax(probs[:, :2], axis=1), 2)
                acc = float(np.mean(kind == y))
                if best is None or f1 > best[0] + 1e-9:
                    best = (f1, acc, C, cw, th)
            print(f"  C={C:<5} weight={cw!s:<8} best flag macro-F1 so far {best[0]:.3f}")
    f1, acc, C, cw, th = best
    print(f"chosen: C={C} class_weight={cw} threshold={th}: CV flag macro-F1 {f1:.3f}, "
          f"3-way accuracy {acc:.3f}")
    clf = LogisticRegression(C=C, class_weight=cw, max_iter=5000).fit(M, y)
    model = {
        "about": "Question classifier (rhetorical / hypophora / information) for framing's "
                 "questions analyzer: multinomial logistic regression over the features of "
                 "framing/analyzers/questions/features.py; trained by benchmarks/train_questions.py "
                 "on the train articles of benchmarks/data/news_questions_real/.",
        "classes": list(CLASSES),
        "features": names,
        "weights": [[round(float(w), 6) for w in row] for row in clf.coef_],
        "intercept": [round(float(b), 6) for b in clf.intercept_],
        "threshold": th,
        "training": {"questions": int(len(y)), "articles": len(set(groups)), "C": C,
                     "class_weight": cw, "cv_flag_macro_f1": round(f1, 4),
                     "cv_type_accuracy": round(acc, 4), "cv": "5-fold GroupKFold by article"},
    }
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    sys.exit(main())
