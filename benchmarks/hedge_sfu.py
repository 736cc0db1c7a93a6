"""Hedge cues against the SFU Review corpus (speculation cues).

    python benchmarks/hedge_sfu.py [--data ../shared/data/hedge_cues/sfu_review.jsonl]

Data: SFU Review corpus with negation and speculation annotation
(Konstantinova et al., LREC 2012), one tokenised sentence per line with cue
spans ``{start, end, type: "speculation"|"negation", text}``. Only speculation
cues are compared; our boosters are not speculation and are ignored.

Scores: cue level — a predicted hedge is correct when it overlaps a gold
speculation cue (precision), a gold cue is found when a predicted hedge
overlaps it (recall); sentence level — does the sentence hold any
speculation cue. Two rows: every hedge, and the epistemic hedges without the
``approximator`` and ``frequency`` categories, which the SFU guidelines
(Konstantinova & de Sousa 2011) do not annotate as speculation.

The corpus is product reviews, not news, and its guidelines differ from our
lexicon's on purpose: SFU marks "if", "or", "either", "can", "should" and
backshifted "would" as speculation; we do not (see the docstring of
``framing.analyzers.hedging.analyzer``). The numbers are reported as they come.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing.analyzers.base import Context  # noqa: E402
from framing.analyzers.hedging.analyzer import run  # noqa: E402
from framing.document import Document  # noqa: E402

DEFAULT = "../shared/data/hedge_cues/sfu_review.jsonl"
NOT_SPECULATION = frozenset({"approximator", "frequency"})
# Gold cue forms our lexicon leaves out on purpose (reasons in the docstring of
# framing.analyzers.hedging.analyzer): conditions, alternatives, root/deontic modals and
# negated ability. Only used to explain the recall figure, never to score.
BY_DESIGN = frozenset({
    "if", "or", "either", "whether", "and", "nor", "neither", "and/or", "and / or", "can",
    "'can", "cannot", "can't", "ca n't", "cant", "should", "should n't", "should nt", "must",
    "must not", "ought", "ought to", "could n't", "could not", "could nt", "couldn't",
    "could never", "hope", "hoped"})


def prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class Score:
    def __init__(self) -> None:
        self.pred = self.pred_ok = self.gold = self.gold_found = 0
        self.s_tp = self.s_fp = self.s_fn = 0
        self.fp: Counter = Counter()
        self.fn: Counter = Counter()
        self.found: Counter = Counter()
        self.tp_by_cat: Counter = Counter()
        self.n_by_cat: Counter = Counter()

    def add(self, text: str, pred: list, gold: list) -> None:
        self.pred += len(pred)
        self.gold += len(gold)
        for s, e, cat in pred:
            self.n_by_cat[cat] += 1
            if any(overlaps((s, e), g) for g in gold):
                self.pred_ok += 1
                self.tp_by_cat[cat] += 1
            else:
                self.fp[text[s:e].lower()] += 1
        for g in gold:
            if any(overlaps((s, e), g) for s, e, _ in pred):
                self.gold_found += 1
                self.found[text[g[0]:g[1]].lower()] += 1
            else:
                self.fn[text[g[0]:g[1]].lower()] += 1
        has_p, has_g = bool(pred), bool(gold)
        self.s_tp += has_p and has_g
        self.s_fp += has_p and not has_g
        self.s_fn += has_g and not has_p

    def cue(self):
        return prf(self.pred_ok, self.pred, self.gold_found, self.gold)

    def sentence(self):
        return prf(self.s_tp, self.s_tp + self.s_fp, self.s_tp, self.s_tp + self.s_fn)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=DEFAULT,
                    help=f"SFU Review JSONL (default {DEFAULT}, relative to the repo root)")
    ap.add_argument("--top", type=int, default=15, help="false positives/negatives to list")
    args = ap.parse_args(argv)
    path = Path(args.data)
    if not path.is_absolute():
        path = ROOT / path
    if not path.exists():
        print(f"SFU Review data not found at {path}; skipping the hedge benchmark "
              f"(pass --data PATH).")
        return 0

    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    all_hedges, epistemic = Score(), Score()
    words = 0
    elapsed = 0.0
    for row in rows:
        text = row["text"]
        gold = [(c["start"], c["end"]) for c in row["cues"] if c["type"] == "speculation"]
        doc = Document(text)
        ctx = Context.for_document(doc)
        t0 = time.perf_counter()
        section = run(ctx)
        elapsed += time.perf_counter() - t0
        words += doc.words
        pred = [(i.start, i.end, i.category) for i in section.items if i.kind == "hedge"]
        all_hedges.add(text, pred, gold)
        epistemic.add(text, [p for p in pred if p[2] not in NOT_SPECULATION], gold)

    print(f"SFU Review corpus: {len(rows)} sentences, {all_hedges.gold} speculation cues "
          f"({path.name})\n")
    print(f"{'':34} {'cue P':>6} {'cue R':>6} {'cue F1':>6}   {'sent P':>6} {'sent R':>6} "
          f"{'sent F1':>7}")
    for name, sc in (("all hedges", all_hedges),
                     ("without approximator/frequency", epistemic)):
        (p, r, f), (sp, sr, sf) = sc.cue(), sc.sentence()
        print(f"{name:34} {p:6.3f} {r:6.3f} {f:6.3f}   {sp:6.3f} {sr:6.3f} {sf:7.3f}")
    missed = sum(all_hedges.fn.values())
    def designed(cue: str) -> bool:
        return " ".join(cue.split()) in BY_DESIGN

    by_design = sum(n for cue, n in all_hedges.fn.items() if designed(cue))
    rest = all_hedges.gold - by_design - sum(n for c, n in all_hedges.found.items() if designed(c))
    rest_found = sum(n for c, n in all_hedges.found.items() if not designed(c))
    print(f"\n{by_design} of the {missed} missed gold cues are forms left out by design "
          f"(if, or, either, whether, can, should, must, could not, hope…); recall on the "
          f"other {rest} gold cues: {rest_found / rest:.3f} (diagnostic only)")
    print(f"predicted hedges {all_hedges.pred}; analyzer time "
          f"{1000 * elapsed / max(words, 1) * 100:.3f} ms per 100 words "
          f"({words} words, Document parsing excluded)\n")

    print("precision by category (all hedges):")
    for cat, n in all_hedges.n_by_cat.most_common():
        print(f"  {cat:18} {all_hedges.tp_by_cat[cat]:5d}/{n:<5d} {all_hedges.tp_by_cat[cat] / n:.3f}")

    top = args.top
    fp, fn = all_hedges.fp.most_common(top), all_hedges.fn.most_common(top)
    print(f"\n{'top false positives':28} {'top false negatives':28}")
    for k in range(max(len(fp), len(fn))):
        a = f"{fp[k][1]:5d} {fp[k][0]}" if k < len(fp) else ""
        b = f"{fn[k][1]:5d} {fn[k][0]}" if k < len(fn) else ""
        print(f"{a:28} {b:28}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
