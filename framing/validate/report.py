"""The ``framing validate`` report as a JSON-ready dict:
``{"schema", "level", "variables": {NAME: {...}}}`` and a list of
disagreements (rendered by :mod:`.render`).

Per variable: Krippendorff's alpha among the human coders with a bootstrap
CI, the units, coders and pairable values, and pairwise agreement; with
articles, ``framing`` as one more coder (alpha with it, and its accuracy,
per-class precision/recall/F1 and confusion matrix against the coders'
majority; a unit whose coders tie has no majority and is left out).
"""
from __future__ import annotations

from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Callable, Optional

from .alpha import alpha, bootstrap_ci
from .codes import Code, CodesError, matrix, variables

SCHEMA = "framing.validate/1"
FRAMING = "framing"


def _r(x: Optional[float], nd: int = 4) -> Optional[float]:
    return None if x is None else round(float(x), nd)


def _pairwise(coders: list[str], data: list[list], level: str) -> list[dict]:
    out = []
    for i, j in combinations(range(len(coders)), 2):
        both = [(row[i], row[j]) for row in data if row[i] is not None and row[j] is not None]
        res = alpha([[a, b] for a, b in both], level) if both else None
        out.append({"coders": [coders[i], coders[j]], "units": len(both),
                    "agreement": _r(sum(a == b for a, b in both) / len(both)) if both else None,
                    "alpha": _r(res.alpha, 6) if res else None})
    return out


def majority(row: list):
    """The value most coders gave, ``None`` when none did or two values tie."""
    top = Counter(v for v in row if v is not None).most_common(2)
    if not top or (len(top) > 1 and top[0][1] == top[1][1]):
        return None
    return top[0][0]


def classification(gold: list[str], pred: list[str]) -> dict:
    """Accuracy, per-class precision/recall/F1/support, macro-F1 over the
    classes in ``gold`` and the confusion matrix (rows gold, columns
    predicted); equal to scikit-learn's figures (tests check it)."""
    labels = sorted(set(gold) | set(pred))
    confusion = {g: {p: 0 for p in labels} for g in labels}
    for g, p in zip(gold, pred):
        confusion[g][p] += 1
    per_class = {}
    for lab in labels:
        tp = confusion[lab][lab]
        predicted = sum(confusion[g][lab] for g in labels)
        support = sum(confusion[lab].values())
        p = tp / predicted if predicted else 0.0
        r = tp / support if support else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        per_class[lab] = {"precision": _r(p), "recall": _r(r), "f1": _r(f), "support": support,
                          "_f1": f}
    in_gold = [lab for lab in labels if per_class[lab]["support"]]
    macro = sum(per_class[lab]["_f1"] for lab in in_gold) / len(in_gold) if in_gold else None
    for m in per_class.values():
        del m["_f1"]
    acc = sum(g == p for g, p in zip(gold, pred)) / len(gold) if gold else None
    return {"accuracy": _r(acc), "macro_f1": _r(macro), "per_class": per_class,
            "confusion": confusion}


def _framing_section(units, humans: list[list], fvals: dict, data_with, level: str) -> dict:
    gold, pred, tied = [], [], 0
    for u, row in zip(units, humans):
        if u not in fvals:
            continue
        m = majority(row)
        if m is None:
            tied += any(v is not None for v in row)
            continue
        gold.append(str(m))
        pred.append(str(fvals[u]))
    res = alpha(data_with, level)
    out = {"alpha_with": _r(res.alpha, 6), "alpha_with_reason": res.reason,
           "units": len(gold), "no_majority": tied}
    out.update(classification(gold, pred))
    return out


def build(codes: list[Code], level: str = "nominal", articles: Optional[Path] = None,
          analyze: Optional[Callable] = None, samples: int = 1000,
          seed: int = 0) -> tuple[dict, list[dict]]:
    """``(report, disagreements)``. ``analyze(path) -> (text, report)`` runs
    framing on an article (needed with ``articles``); ``disagreements`` lists
    units where the coders, or framing and the coders' majority, differ."""
    from .match import framing_codes, rule_for

    if articles is not None and level != "nominal":
        raise CodesError("with --articles framing's values are categories: use --level nominal "
                         "(the default)")
    if articles is not None and any(c.coder == FRAMING for c in codes):
        raise CodesError(f"a coder is named {FRAMING!r}, the name framing takes as a coder with "
                         "--articles: rename that coder")
    out: dict = {"schema": SCHEMA, "level": level, "variables": {}}
    disagreements: list[dict] = []
    cache: dict = {}
    for var in variables(codes):
        units, coders, data = matrix(codes, var, level)
        try:
            res = alpha(data, level)
            ci = bootstrap_ci(data, level, samples=samples, seed=seed)
        except ValueError as exc:
            raise CodesError(f"variable {var!r}: {exc}") from None
        v = {"alpha": _r(res.alpha, 6), "alpha_reason": res.reason,
             "alpha_ci": [_r(ci[0]), _r(ci[1])] if ci else None,
             "units": res.units, "pairable_units": res.pairable_units, "coders": coders,
             "pairable": res.pairable, "pairwise": _pairwise(coders, data, level)}
        fvals: dict = {}
        where: dict = {}
        if articles is not None:
            if rule_for(var) is None:
                v["framing"] = None
                v["framing_note"] = "framing has no finding for this variable's name"
            else:
                fvals, where = framing_codes(codes, var, articles, analyze, cache)
                _, names, data_with = matrix(codes, var, level, extra={FRAMING: fvals})
                v["framing"] = _framing_section(units, data, fvals, data_with, level)
        out["variables"][var] = v
        for u, row in zip(units, data):
            vals = {c: x for c, x in zip(coders, row) if x is not None}
            fv = fvals.get(u)
            maj = majority(row)
            if len(set(vals.values())) > 1 or (fv is not None and maj is not None
                                               and str(fv) != str(maj)):
                span = where.get(u) or (None,) * 6
                disagreements.append({"variable": var, "unit": u, "codes": vals, "majority": maj,
                                      "framing": fv, "article": span[0], "start": span[1],
                                      "end": span[2], "text": span[3], "left": span[4],
                                      "right": span[5]})
    return out, disagreements
