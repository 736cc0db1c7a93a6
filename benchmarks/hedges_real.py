"""Hedge and booster cues on real news, against our own codes (codebook §2).

    python benchmarks/hedges_real.py [--set dev|test|all] [--batches 1,2] [--errors] [--framing PATH]

Key: ``benchmarks/data/hedges_real/key.jsonl`` (ids and offsets only; how it
was made: its README). The articles are read from ``../shared/data/``
(PolNeAR and PAC train/dev); the script exits 0 with a message when they are
absent. Each article runs through the whole hedging pipeline (the quotation
analyzer gives the voice map), and the cues found inside a coded sentence are
compared with the codes.

Scores, per kind (hedge, booster) and over both:

* cue level, **exact** — a predicted cue is correct when a gold cue of the
  same kind has the same start and end;
* cue level, **overlap** — the same with any character overlap (one-to-one:
  each gold cue is matched once);
* **sentence** level — does the sentence hold a cue of that kind;
* **voice** — agreement on the voice (author/quoted) of the overlap-matched cues.

``--batches 1,2`` scores only the articles of those coding batches (the key
README lists them; batches 1 and 2 are the held-out articles of earlier
figures). ``--framing PATH`` imports ``framing`` from another checkout (the "before"
column: ``--framing ../main``). ``--errors`` lists misses and false alarms
with their sentence (printed to the terminal only).
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEY = ROOT / "benchmarks" / "data" / "hedges_real" / "key.jsonl"
KINDS = ("hedge", "booster")


def _framing(path: str | None):
    sys.path.insert(0, str(Path(path).resolve() if path else ROOT))
    import framing  # noqa: PLC0415
    return framing


def load_articles(data: Path, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    from benchmarks._data import read_jsonl, require  # noqa: PLC0415
    out = {}
    for corpus, split in sorted({(c, s) for c, s, _ in wanted}):
        for row in read_jsonl(require(data / corpus / f"{split}.jsonl")):
            if (corpus, split, row["id"]) in wanted:
                out[(corpus, row["id"])] = row["text"]
    return out


def _prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _match(pred: list, gold: list, exact: bool) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index) of the same kind."""
    pairs, used = [], set()
    for i, p in enumerate(pred):
        for k, g in enumerate(gold):
            if k in used or p["kind"] != g["kind"]:
                continue
            ok = (p["start"], p["end"]) == (g["start"], g["end"]) if exact else (
                p["start"] < g["end"] and g["start"] < p["end"])
            if ok:
                pairs.append((i, k))
                used.add(k)
                break
    return pairs


def score(key: list[dict], predicted: dict[str, list[dict]]) -> dict:
    res: dict = {}
    for kind in (*KINDS, "all"):
        def keep(c, kind=kind):
            return kind == "all" or c["kind"] == kind
        row = {}
        for mode in ("exact", "overlap"):
            n_p = n_g = tp = 0
            for s in key:
                pred = [c for c in predicted[s["sid"]] if keep(c)]
                gold = [c for c in s["cues"] if keep(c)]
                n_p, n_g = n_p + len(pred), n_g + len(gold)
                tp += len(_match(pred, gold, mode == "exact"))
            row[mode] = (*_prf(tp, n_p, tp, n_g), n_g, n_p)
        sp = sum(1 for s in key if any(keep(c) for c in predicted[s["sid"]]))
        sg = sum(1 for s in key if any(keep(c) for c in s["cues"]))
        stp = sum(1 for s in key if any(keep(c) for c in predicted[s["sid"]])
                  and any(keep(c) for c in s["cues"]))
        row["sentence"] = (*_prf(stp, sp, stp, sg), sg, sp)
        agree = total = 0
        for s in key:
            pred = [c for c in predicted[s["sid"]] if keep(c)]
            gold = [c for c in s["cues"] if keep(c)]
            for i, k in _match(pred, gold, False):
                total += 1
                agree += pred[i]["voice"] == gold[k]["voice"]
        row["voice"] = (agree / total if total else 0.0, total)
        res[kind] = row
    return res


def predict(framing, key: list[dict], texts: dict) -> dict[str, list[dict]]:
    reports = {}
    out: dict[str, list[dict]] = defaultdict(list)
    for s in key:
        art = (s["corpus"], s["id"])
        if art not in reports:
            reports[art] = framing.analyze(texts[art], analyzers=["hedging"])
        for it in reports[art].hedging.items:
            if s["start"] <= it.start < s["end"]:
                out[s["sid"]].append({"start": it.start, "end": it.end, "kind": it.kind,
                                      "voice": it.voice, "cue": it.cue})
    return out


def print_scores(title: str, res: dict, n_sent: int) -> None:
    print(f"\n{title} ({n_sent} sentences)")
    print(f"{'':9} {'exact P / R / F1':>20} {'overlap P / R / F1':>22} {'sentence P / R / F1':>22}"
          f" {'gold':>5} {'voice':>7}")
    for kind in (*KINDS, "all"):
        r = res[kind]
        cells = ["{:5.1f} {:5.1f} {:5.1f}".format(*(100 * x for x in r[m][:3]))
                 for m in ("exact", "overlap", "sentence")]
        print(f"{kind:9} {cells[0]:>20} {cells[1]:>22} {cells[2]:>22} {r['overlap'][3]:5d}"
              f" {100 * r['voice'][0]:6.1f}%")


def print_errors(key: list[dict], predicted: dict, texts: dict) -> None:
    for s in key:
        text = texts[(s["corpus"], s["id"])]
        pred, gold = predicted[s["sid"]], s["cues"]
        pairs = _match(pred, gold, False)
        mp, mg = {i for i, _ in pairs}, {k for _, k in pairs}
        lines = [f"  FP {p['kind']:7} {p['voice']:6} {text[p['start']:p['end']]!r}"
                 for i, p in enumerate(pred) if i not in mp]
        lines += [f"  FN {g['kind']:7} {g['voice']:6} {text[g['start']:g['end']]!r}"
                  for k, g in enumerate(gold) if k not in mg]
        lines += [f"  VOICE {pred[i]['voice']} for {gold[k]['voice']} "
                  f"{text[gold[k]['start']:gold[k]['end']]!r}"
                  for i, k in pairs if pred[i]["voice"] != gold[k]["voice"]]
        lines += [f"  SPAN {text[pred[i]['start']:pred[i]['end']]!r} for "
                  f"{text[gold[k]['start']:gold[k]['end']]!r}"
                  for i, k in pairs if (pred[i]["start"], pred[i]["end"])
                  != (gold[k]["start"], gold[k]["end"])]
        if lines:
            print(f"{s['sid']} ({s['set']}) {' '.join(text[s['start']:s['end']].split())}")
            print("\n".join(lines))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", choices=("dev", "test", "all"), default="all")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--framing", help="import framing from this checkout (e.g. ../main)")
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--batches", help="comma-separated coding batches to score (default: all)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from benchmarks._data import read_jsonl  # noqa: PLC0415
    framing = _framing(args.framing)
    key = list(read_jsonl(KEY))
    if args.batches:
        wanted = {int(b) for b in args.batches.split(",")}
        key = [s for s in key if s["batch"] in wanted]
    texts = load_articles(Path(args.data), {(s["corpus"], s["split"], s["id"]) for s in key})
    predicted = predict(framing, key, texts)
    print(f"framing from {Path(framing.__file__).parent.parent}")
    for name in (("dev", "test") if args.set == "all" else (args.set,)):
        part = [s for s in key if s["set"] == name]
        print_scores(name, score(part, predicted), len(part))
        if args.errors:
            print_errors(part, predicted, texts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
