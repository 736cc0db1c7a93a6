"""Refit the ``--fast`` target-sentiment model on a user's codes.

The recipe of ``benchmarks/train_sentiment.py`` (which trains the shipped
model on NewsMTSC): the features of :func:`framing.sentiment.linear.features`
(the code that scores at run time), each scaled by its naive-Bayes
log-count ratio (Wang & Manning 2012, "Baselines and bigrams"), scikit-learn's
multinomial logistic regression (lbfgs, L2, ``class_weight="balanced"``), the
scale folded into the weights, weights rounded to 4 decimals: a
``framing.linear/1`` JSON model the fast scorer reads like the shipped one.
No class offsets are tuned (too few examples, usually).

Cross-validation groups the folds by article (no article is in a fold's
training and test part at once; stratified folds when there is one
article), and labels the held-out spans with the run-time rule
(:func:`framing.sentiment.labels.label_of` of P(positive) − P(negative)), so
the figures are what ``framing analyze --model`` will do. The shipped model
is scored on the same examples for comparison.
"""
from __future__ import annotations

from typing import Sequence

from . import Example, TrainResult

LABELS = ("negative", "neutral", "positive")
C = 0.03
NB_ALPHA = 1.0
DECIMALS = 4
SEED = 0


def _features(examples: Sequence[Example]) -> list[dict[str, float]]:
    from ..document import Document
    from ..sentiment.linear import SentimentScorer

    scorers: dict[str, SentimentScorer] = {}
    out = []
    for ex in examples:
        sc = scorers.get(ex.article)
        if sc is None:
            sc = scorers[ex.article] = SentimentScorer(Document(ex.text))
        out.append(sc.features(ex.start, ex.end))
    return out


def _vectorize(feats, vocab=None, min_df=1):
    import numpy as np
    from scipy.sparse import csr_matrix

    if vocab is None:
        counts: dict[str, int] = {}
        for f in feats:
            for k in f:
                counts[k] = counts.get(k, 0) + 1
        vocab = {k: i for i, k in enumerate(sorted(k for k, n in counts.items() if n >= min_df))}
    rows, cols, vals = [], [], []
    for r, f in enumerate(feats):
        for k in sorted(f):
            j = vocab.get(k)
            if j is not None:
                rows.append(r)
                cols.append(j)
                vals.append(f[k])
    X = csr_matrix((np.array(vals, dtype=np.float64), (np.array(rows, dtype=np.int64),
                                                       np.array(cols, dtype=np.int64))),
                   shape=(len(feats), len(vocab)))
    return X, vocab


def _fit(X, y, c):
    """``(coef, intercept)`` in the raw feature space, rows in LABELS order."""
    import numpy as np
    from scipy.sparse import diags
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    y = np.asarray(y)
    present = (X != 0).astype(np.float64)
    scale = np.zeros(X.shape[1])
    for lab in LABELS:
        p = np.asarray(present[y == lab].sum(axis=0)).ravel() + NB_ALPHA
        q = np.asarray(present[y != lab].sum(axis=0)).ravel() + NB_ALPHA
        scale = np.maximum(scale, np.abs(np.log((p / p.sum()) / (q / q.sum()))))
    with threadpool_limits(limits=1):
        clf = LogisticRegression(C=c, solver="lbfgs", max_iter=10000, tol=1e-8,
                                 class_weight="balanced", random_state=SEED)
        clf.fit(X @ diags(scale), y)
    assert tuple(clf.classes_) == LABELS, clf.classes_
    return clf.coef_ * scale[None, :], clf.intercept_


def _labels(X, coef, intercept) -> list[str]:
    import numpy as np

    from ..sentiment.labels import label_of

    z = np.asarray(X @ coef.T) + intercept
    z = z - z.max(axis=1, keepdims=True)
    p = np.exp(z)
    p /= p.sum(axis=1, keepdims=True)
    return [label_of(round(float(s), 4)) for s in p[:, 2] - p[:, 0]]


def _figures(gold: list[str], pred: list[str]) -> dict:
    from ..validate.report import classification

    m = classification(gold, pred)
    return {"accuracy": m["accuracy"], "macro_f1": m["macro_f1"],
            "f1": {lab: m["per_class"].get(lab, {}).get("f1") for lab in LABELS}}


def _folds(examples, y, k):
    from sklearn.model_selection import GroupKFold, StratifiedKFold

    groups = [ex.article for ex in examples]
    n_groups = len(set(groups))
    if n_groups >= 2:
        k = min(k, n_groups)
        return list(GroupKFold(n_splits=k).split(y, y, groups)), f"{k}-fold, grouped by article"
    k = min(k, min(y.count(lab) for lab in LABELS))
    if k < 2:
        return [], "none (too few examples of a label)"
    return (list(StratifiedKFold(n_splits=k, shuffle=True, random_state=SEED).split(y, y)),
            f"{k}-fold stratified (one article)")


def train(examples: Sequence[Example], *, folds: int = 5, c: float = C, min_df: int = 1,
          source: dict | None = None) -> TrainResult:
    import sklearn

    from ..errors import FramingError
    from ..sentiment.linear import SentimentScorer  # noqa: F401  (features' model)
    from ..sentiment.linear import target_sentiment

    y = [ex.label for ex in examples]
    missing = [lab for lab in LABELS if lab not in y]
    if missing:
        raise FramingError(f"training needs examples of every label; none of: {', '.join(missing)}")
    feats = _features(examples)
    splits, how = _folds(examples, y, folds)
    pred = [""] * len(y)
    for tr, te in splits:
        X, vocab = _vectorize([feats[i] for i in tr], min_df=min_df)
        ytr = [y[i] for i in tr]
        if any(lab not in ytr for lab in LABELS):
            continue  # a fold without every label cannot be fitted: its spans are not scored
        coef, b = _fit(X, ytr, c)
        for i, lab in zip(te, _labels(_vectorize([feats[i] for i in te], vocab)[0], coef, b)):
            pred[i] = lab
    scored = [i for i, p in enumerate(pred) if p]
    cv = {"folds": how, "examples": len(y), "scored": len(scored),
          "labels": {lab: y.count(lab) for lab in LABELS}}
    if scored:
        cv["refit"] = _figures([y[i] for i in scored], [pred[i] for i in scored])
        shipped = []
        for i in scored:
            ex = examples[i]
            shipped.append(target_sentiment(ex.text, [(ex.start, ex.end)])[0].label)
        cv["shipped"] = _figures([y[i] for i in scored], shipped)
    X, vocab = _vectorize(feats, min_df=min_df)
    coef, b = _fit(X, y, c)
    weights = {}
    for name, j in vocab.items():
        w = [round(float(coef[k, j]), DECIMALS) + 0.0 for k in range(3)]
        if any(w):
            weights[name] = w
    model = {
        "format": "framing.linear/1", "component": "sentiment-fast", "classes": list(LABELS),
        "intercept": [round(float(x), DECIMALS) + 0.0 for x in b],
        "training": {**(source or {}), "examples": len(y), "cv": cv,
                     "learner": f"sklearn LogisticRegression(C={c}, lbfgs, multinomial, L2, "
                                f"class_weight='balanced') on naive-Bayes-scaled features "
                                f"(alpha={NB_ALPHA}, folded into the weights), min_df={min_df}",
                     "sklearn": sklearn.__version__},
        "weights": weights,
    }
    return TrainResult(model, cv, _lines(cv))


def _lines(cv: dict) -> list[str]:
    out = [f"{cv['examples']} examples ({', '.join(f'{k} {v}' for k, v in cv['labels'].items())}); "
           f"cross-validation: {cv['folds']}"]
    if "refit" not in cv:
        out.append("no cross-validated figures (too few examples)")
        return out
    out.append(f"{'model':<22} {'accuracy':>8} {'macro-F1':>8}  F1 neg / neu / pos"
               f"   ({cv['scored']} held-out spans)")
    for name, key in (("refitted (out of fold)", "refit"), ("shipped --fast model", "shipped")):
        m = cv[key]
        f1 = " / ".join("–" if m["f1"][lab] is None else f"{m['f1'][lab]:.2f}" for lab in LABELS)
        out.append(f"{name:<22} {m['accuracy']:>8.3f} {m['macro_f1']:>8.3f}  {f1}")
    return out
