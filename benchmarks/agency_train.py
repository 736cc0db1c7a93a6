"""Fit and cross-validate the passive classifier on UD English-EWT **train** only.

    python benchmarks/agency_train.py            # 5-fold CV, then refit and write the model
    python benchmarks/agency_train.py --cv-only  # the CV table, nothing written
    python benchmarks/agency_train.py --errors   # CV errors on train (held-out folds), for reading

The cross-validation scores the whole pipeline (candidates, classifier,
by-phrase), predicate level as in ``agency_passives.py``: each fold's model
is fitted on the other folds' documents (its word classes too) and the held
out sentences are analysed with it. C and the threshold are chosen by the
mean of passive F1 and agentless-passive F1 over the folds. The dev split
and GUM are never read here.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _data import prf, read_jsonl, require  # noqa: E402
from agency_passives import EWT, Score, gold, word_classes  # noqa: E402

from framing.analyzers.agency import passives  # noqa: E402
from framing.analyzers.agency.analyzer import _lows, find_passives  # noqa: E402
from framing.analyzers.agency.roles import is_harm  # noqa: E402
from framing.document import Document  # noqa: E402

CS = (0.3, 1.0, 3.0)
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65)
FOLDS = 5


def blank(classes: dict[str, str]) -> dict:
    """A model with no weights, carrying the word classes the features read."""
    return {"format": "framing.linear/1", "classes": ["not_passive", "passive"],
            "intercept": [0.0, 0.0], "weights": {}, "word_classes": classes, "threshold": 0.0}


def sentence_rows(records):
    """(record, Document, lows) for each training sentence, built once."""
    for r in records:
        doc = Document(r["text"])
        yield r, doc, _lows(doc)


def examples(rows):
    """(features, is gold passive) for every candidate, as the pipeline sees it."""
    w = passives.words()
    for r, doc, lows in rows:
        g = gold(r["tokens"])
        toks = doc.tokens
        isw = [t.is_word for t in toks]
        texts = [t.text for t in toks]
        for sent in doc.sentences:
            lo, hi = doc.token_index(sent.start), doc.token_index(sent.end)
            for i, j in passives.candidates(lows, isw, lo, hi, w):
                yield passives.features(lows, texts, isw, i, j, hi, w), toks[j].end in g


def fit(rows, records, C: float) -> dict:
    """The model dict fitted on ``rows`` (word classes from ``records``)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    classes = word_classes(records)
    passives.set_model(blank(classes))  # the features read the word classes
    data = list(examples(rows))
    vec = DictVectorizer()
    X = vec.fit_transform([{f: 1 for f in x} for x, _ in data])
    clf = LogisticRegression(C=C, max_iter=3000).fit(X, [int(v) for _, v in data])
    weights = {}
    for name, wt in zip(vec.get_feature_names_out(), clf.coef_[0]):
        if abs(wt) >= 0.01:
            h = round(float(wt) / 2, 4)
            weights[str(name)] = [-h, h]
    b = round(float(clf.intercept_[0]) / 2, 4)
    m = blank(classes)
    m.update(intercept=[-b, b], weights=dict(sorted(weights.items())))
    m["_examples"], m["_positives"] = len(data), sum(1 for _, v in data if v)
    return m


def scored(doc: Document, lows: list[str]) -> dict[int, tuple[bool, float, bool]]:
    """end offset → (agentless, P(passive), harm verb) of every candidate the
    pipeline keeps at threshold 0 (the caller applies a threshold)."""
    toks = doc.tokens
    return {toks[p.part].end: (p.agent is None, p.p, is_harm(lows[p.part]))
            for p in find_passives(doc, lows)}


def cross_validate(rows, errors: bool = False):
    """{(C, threshold): counts} over FOLDS folds of training documents."""
    docs = sorted({r["doc"] for r, _, _ in rows})
    grid = {(C, t): Score() for C in CS for t in THRESHOLDS}
    wrong = []
    for fold in range(FOLDS):
        held = set(docs[fold::FOLDS])
        fit_rows = [x for x in rows if x[0]["doc"] not in held]
        test_rows = [x for x in rows if x[0]["doc"] in held]
        for C in CS:
            m = fit(fit_rows, [x[0] for x in fit_rows], C)
            m["threshold"] = 0.0
            passives.set_model(m)
            for r, doc, lows in test_rows:
                g = gold(r["tokens"])
                s = scored(doc, lows)
                for t in THRESHOLDS:
                    p = {e: a for e, (a, pr, harm) in s.items() if pr >= t or harm}
                    grid[(C, t)].add(g, p)
                    if errors and C == 1.0 and t == 0.5:
                        wrong += [(r, e, g.get(e), p.get(e), s.get(e, (None, None))[1])
                                  for e in g.keys() | p.keys() if g.get(e) != p.get(e)]
    passives.set_model(None)
    return grid, wrong


def f1s(score: Score) -> tuple[float, float]:
    c = score.c
    return prf(c["tp"], c["fp"], c["fn"])[2], prf(c["atp"], c["afp"], c["afn"])[2]


def show_errors(wrong) -> None:
    """Held-out errors with 60 characters of context (for reading on train only)."""
    for r, e, g, p, pr in sorted(wrong, key=lambda x: (str(x[2]), str(x[3]))):
        tok = next((t for t in r["tokens"] if t["end"] == e), None)
        s = tok["start"] if tok else e - 1
        t = r["text"]
        kind = ("FN" if p is None else "FP" if g is None
                else "gold agentless" if g else "gold agent")
        prob = "" if pr is None else f"{pr:.2f}"
        print(f"{kind:<15}{prob:>5} | " + (t[max(0, s - 60):s] + "[[" + t[s:e] + "]]"
                                           + t[e:e + 40]).replace("\n", " "))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ewt", default=str(EWT))
    ap.add_argument("--out", default=str(ROOT / "framing" / "models" / passives.MODEL))
    ap.add_argument("--cv-only", action="store_true")
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args(argv)
    path = require(args.ewt)
    records = [r for r in read_jsonl(path) if r["split"] == "train"]
    rows = list(sentence_rows(records))
    grid, wrong = cross_validate(rows, errors=args.errors)
    if args.errors:
        show_errors(wrong)
        return 0
    print(f"{FOLDS}-fold CV over {len({r['doc'] for r in records})} EWT train documents "
          f"({len(records)} sentences): passive F1 / agentless F1")
    for C in CS:
        print(f"  C={C:<4} " + "  ".join(f"{t}: {f1s(grid[(C, t)])[0]:.3f}/{f1s(grid[(C, t)])[1]:.3f}"
                                       for t in THRESHOLDS))
    (C, t), (fp, fa) = max(((k, f1s(c)) for k, c in grid.items()),
                           key=lambda kv: (kv[1][0] + kv[1][1], -abs(kv[0][1] - 0.5)))
    print(f"chosen: C={C}, threshold {t} (CV passive F1 {fp:.3f}, agentless F1 {fa:.3f})")
    if args.cv_only:
        return 0
    write(fit(rows, records, C), t, C, path, Path(args.out), (fp, fa))
    return 0


def write(m: dict, threshold: float, C: float, path: Path, out: Path, cv: tuple) -> None:
    import sklearn

    n, pos = m.pop("_examples"), m.pop("_positives")
    m["threshold"] = threshold
    m["training"] = {
        "data": "UD English-EWT train split (UniversalDependencies/UD_English-EWT), "
                "CC BY-SA 4.0; see NOTICE.agency",
        "data_file": path.name, "data_sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "examples": n, "positives": pos,
        "learner": f"sklearn.linear_model.LogisticRegression(C={C}, lbfgs, L2) on binary "
                   "features; weights below 0.01 dropped; C and the threshold chosen by "
                   f"{FOLDS}-fold cross-validation over training documents (whole pipeline, "
                   "mean of passive and agentless-passive F1)",
        "cv_passive_f1": round(cv[0], 4), "cv_agentless_f1": round(cv[1], 4),
        "sklearn": sklearn.__version__,
        "script": "benchmarks/agency_train.py",
    }
    m["licence"] = "CC BY-SA 4.0 (derived from UD English-EWT); see NOTICE.agency"
    m["notice"] = ("Trained by the framing developers on the training split of UD English-EWT "
                   "(UniversalDependencies/UD_English-EWT; Silveira et al. 2014, 'A Gold "
                   "Standard Dependency Corpus for English'), licensed CC BY-SA 4.0 "
                   "(https://creativecommons.org/licenses/by-sa/4.0/). This model file is "
                   "distributed under the same licence. It holds no treebank text: feature "
                   "weights and, per participle form, a bucket of its adjective share.")
    out.write_text(json.dumps(m, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {out} ({len(m['weights'])} weights, C={C}, threshold {threshold})")


if __name__ == "__main__":
    sys.exit(main())
