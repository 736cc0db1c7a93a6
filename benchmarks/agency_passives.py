"""Passive predicates against Universal Dependencies gold trees (EWT dev, GUM).

    python benchmarks/agency_passives.py [--ewt ../shared/data/ewt/train_dev.jsonl]
                                         [--gum ../shared/data/gum/train.jsonl]
    python benchmarks/agency_passives.py --train   # refit models/agency_passive.json
                                                   # (benchmarks/agency_train.py)

Gold (as in the data's ``_stats.json``): a passive predicate is a token with
an ``aux:pass``, ``nsubj:pass`` or ``csubj:pass`` dependent in the basic
tree; it is agentless when it has no ``obl:agent`` dependent. A prediction
is the participle the agency analyzer reports; it is correct when it starts
where a gold predicate ends (predicate level, per sentence). Agentless F1
counts a predicate as a hit when both sides call it an agentless passive.

EWT dev sentences are analysed one by one (each as its own text); GUM
documents whole, with the project's own sentence splitter. The baseline is a
regular expression: a form of be/get, then a word ending in -ed or -en,
agentless unless "by" follows within three words.

``--train`` (``benchmarks/agency_train.py``) fits the classifier on the EWT
**train** split only, choosing its settings by cross-validation there (dev
and GUM are never used for fitting or tuning), and writes the model with its
training record; the licence notice is ``framing/models/NOTICE.agency``.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _data import prf, read_jsonl, require  # noqa: E402

from framing.analyzers.agency import passives  # noqa: E402
from framing.analyzers.agency.analyzer import find_passives  # noqa: E402
from framing.document import Document  # noqa: E402

EWT = ROOT.parent / "shared" / "data" / "ewt" / "train_dev.jsonl"
GUM = ROOT.parent / "shared" / "data" / "gum" / "train.jsonl"
PASS = {"aux:pass", "nsubj:pass", "csubj:pass"}
BASELINE = re.compile(r"\b(?:am|is|are|was|were|be|been|being|get|gets|got|gotten|getting)\s+"
                      r"(\w+(?:ed|en))\b", re.IGNORECASE)
BASE_BY = re.compile(r"\s+(?:\S+\s+){0,2}by\b", re.IGNORECASE)


def gold(tokens: list[dict], base: int = 0, offset: int = 0) -> dict[int, bool]:
    """end offset of each passive predicate → agentless (the end, so that
    UD's "well - informed" meets our one token "well-informed"). ``base``: the
    index heads count from (EWT: sentence, GUM: document)."""
    passive, agent = set(), set()
    for t in tokens:
        if t["head"] < 0:
            continue
        if t["deprel"] in PASS:
            passive.add(t["head"])
        elif t["deprel"] == "obl:agent":
            agent.add(t["head"])
    return {tokens[h - base]["end"] + offset: h not in agent for h in passive}


def baseline(text: str) -> dict[int, bool]:
    out = {}
    for m in BASELINE.finditer(text):
        out[m.end(1)] = not BASE_BY.match(text, m.end(1))
    return out


def predicted(doc: Document) -> dict[int, bool]:
    return {doc.tokens[p.part].end: p.agent is None for p in find_passives(doc)}


class Score:
    def __init__(self):
        self.c = defaultdict(int)

    def add(self, g: dict[int, bool], p: dict[int, bool]) -> None:
        c = self.c
        c["tp"] += len(g.keys() & p.keys())
        c["fp"] += len(p.keys() - g.keys())
        c["fn"] += len(g.keys() - p.keys())
        ga = {k for k, v in g.items() if v}
        pa = {k for k, v in p.items() if v}
        c["atp"] += len(ga & pa)
        c["afp"] += len(pa - ga)
        c["afn"] += len(ga - pa)

    def row(self, name: str) -> str:
        c = self.c
        p, r, f = prf(c["tp"], c["fp"], c["fn"])
        ap, ar, af = prf(c["atp"], c["afp"], c["afn"])
        return (f"{name:<22} {c['tp'] + c['fn']:>5} {p:>6.3f} {r:>6.3f} {f:>6.3f}   "
                f"{c['atp'] + c['afn']:>5} {ap:>6.3f} {ar:>6.3f} {af:>6.3f}")


HEADER = (f"{'':<22} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6}   {'agentless':>5} {'P':>6} "
          f"{'R':>6} {'F1':>6}")


def evaluate_ewt(path: Path) -> None:
    ours, base = Score(), Score()
    sents = [r for r in read_jsonl(path) if r["split"] == "dev"]
    t0 = time.perf_counter()
    for r in sents:
        g = gold(r["tokens"])
        ours.add(g, predicted(Document(r["text"])))
        base.add(g, baseline(r["text"]))
    secs = time.perf_counter() - t0
    print(f"EWT dev: {len(sents)} sentences ({secs:.1f} s)")
    print(HEADER)
    print(ours.row("agency analyzer"))
    print(base.row("regex baseline"))


def evaluate_gum(path: Path) -> None:
    ours, base = Score(), Score()
    docs = list(read_jsonl(path))
    for d in docs:
        g = gold(d["tokens"])
        ours.add(g, predicted(Document(d["text"])))
        base.add(g, baseline(d["text"]))
    print(f"GUM news+interview: {len(docs)} documents")
    print(HEADER)
    print(ours.row("agency analyzer"))
    print(base.row("regex baseline"))


# -- training ------------------------------------------------------------------
def word_classes(records) -> dict[str, str]:
    """Participle-like form → how often UD tags it an adjective (ADJ vs VERB)
    in the training sentences, bucketed; forms seen at least twice.
    Attributive uses ("injured people", deprel amod) are left out: they say
    nothing about the word after *be*."""
    w = passives.words()
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in records:
        for t in r["tokens"]:
            low = t["form"].lower()
            if (t["upos"] in ("ADJ", "VERB") and t["deprel"] != "amod"
                    and passives.is_participle(low, w)):
                counts[low][t["upos"] == "ADJ"] += 1
    out = {}
    for low, (verb, adj) in counts.items():
        n = verb + adj
        if n >= 2:
            share = adj / n
            out[low] = "a0" if share < 0.1 else "a1" if share < 0.5 else "a2" if share < 0.9 else "a3"
    return dict(sorted(out.items()))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ewt", default=str(EWT), help="UD English-EWT train_dev.jsonl")
    ap.add_argument("--gum", default=str(GUM), help="GUM train.jsonl (news and interviews)")
    ap.add_argument("--train", action="store_true",
                    help="refit the classifier on the EWT train split and write the model")
    ap.add_argument("--out", default=str(ROOT / "framing" / "models" / passives.MODEL))
    args = ap.parse_args(argv)
    if args.train:
        from agency_train import main as train

        return train(["--ewt", args.ewt, "--out", args.out])
    evaluate_ewt(require(args.ewt))
    if Path(args.gum).exists():
        evaluate_gum(Path(args.gum))
    else:
        print(f"skipped GUM: {args.gum} not found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
