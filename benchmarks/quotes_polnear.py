"""Quotation attribution against PolNeAR (Newell, Margolin & Ruths, LREC 2018).

    python benchmarks/quotes_polnear.py [--data ../shared/data/polnear/dev.jsonl]
                                        [--errors N] [--repeat 3]

PolNeAR annotates every attribution in 84 dev articles of US political news
(content, source and cue spans; spans may be discontinuous). Scored here:

* **content P/R/F1 at 0.3 overlap** — the GenderGapTracker's measure
  (sfu-discourse-lab/GenderGapTracker, nlp/english/evaluation/src/
  evaluate_quotes.py): for each gold quote in turn, the best still unmatched
  predicted quote whose overlap score |gold ∩ pred| / |gold| (characters,
  gold as reference) is *greater than* the threshold is its match; unmatched
  gold quotes are false negatives, unmatched predictions false positives.
  Also at 0.8, and — stricter, since that measure never penalises a too-long
  prediction — with the symmetric score |gold ∩ pred| / max(|gold|, |pred|).
* **exact match**: the predicted character set equals the gold one.
* **speaker accuracy** on matched quotes that have a gold source: the
  predicted speaker span overlaps a gold source span (GGT's "speaker match").
* each split by the data's ``content_has_quote_marks`` hint (gold side) and
  by whether the predicted content holds a quotation mark (prediction side).

Predictions use each item's ``parts`` (the quoted segments without an
interrupting attribution). Also times ``analyze`` with and without the
quotes analyzer (articles/s). Exits 0 with a message when the data is absent.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import DATA, prf, read_jsonl, require  # noqa: E402

import framing  # noqa: E402
from framing.analyzers import REGISTRY, Context, run_all  # noqa: E402
from framing.document import Document  # noqa: E402

MARKS = set('"“”‘’«»„') | {"''"}


def _chars(spans) -> frozenset[int]:
    out: set[int] = set()
    for s, e in spans:
        out.update(range(s, e))
    return frozenset(out)


def _has_marks(text: str, spans) -> bool:
    return any(c in text[s:e] for s, e in spans for c in '"“”«»„') or any(
        "''" in text[s:e] for s, e in spans)


def score_article(rec: dict, items: list[dict], threshold: float, symmetric: bool) -> dict:
    text = rec["text"]
    gold = [q for q in rec["quotes"] if q["content_spans"]]
    gsets = [_chars(q["content_spans"]) for q in gold]
    preds = [(_chars(it["parts"] or [[it["start"], it["end"]]]), it) for it in items]
    remaining = list(range(len(preds)))
    out = {k: 0 for k in ("tp_q", "fn_q", "tp_n", "fn_n", "fp_q", "fp_n", "exact", "exact_q",
                          "exact_n", "spk_ok", "spk_n", "spk_ok_q", "spk_n_q", "spk_ok_n",
                          "spk_n_n")}
    out["fn_list"], out["fp_list"], out["spk_err"] = [], [], []
    for q, g in zip(gold, gsets):
        best, best_score = None, 0.0
        for j in remaining:
            p = preds[j][0]
            inter = len(g & p)
            denom = max(len(g), len(p)) if symmetric else len(g)
            sc = inter / denom if denom else 0.0
            if sc > threshold and sc > best_score:
                best, best_score = j, sc
        tag = "q" if q["content_has_quote_marks"] else "n"
        if best is None:
            out["fn_" + tag] += 1
            out["fn_list"].append(q)
            continue
        remaining.remove(best)
        out["tp_" + tag] += 1
        p, it = preds[best]
        if p == g:
            out["exact"] += 1
            out["exact_" + tag] += 1
        if q["speaker_spans"]:
            out["spk_n"] += 1
            out["spk_n_" + tag] += 1
            ok = it["speaker_start"] is not None and any(
                it["speaker_start"] < e and s < it["speaker_end"] for s, e in q["speaker_spans"])
            if ok:
                out["spk_ok"] += 1
                out["spk_ok_" + tag] += 1
            else:
                out["spk_err"].append((q, it))
    for j in remaining:
        it = preds[j][1]
        tag = "q" if _has_marks(text, it["parts"]) else "n"
        out["fp_" + tag] += 1
        out["fp_list"].append(it)
    return out


def evaluate(records, reports, threshold: float, symmetric: bool = False) -> dict:
    tot: dict = {}
    for rec, items in zip(records, reports):
        res = score_article(rec, items, threshold, symmetric)
        for k, v in res.items():
            if isinstance(v, list):
                tot.setdefault(k, []).extend((rec, x) for x in v)
            else:
                tot[k] = tot.get(k, 0) + v
    return tot


def _line(name: str, tp: int, fp: int, fn: int) -> str:
    p, r, f = prf(tp, fp, fn)
    return f"  {name:<34} P {p:6.3f}  R {r:6.3f}  F1 {f:6.3f}   (tp {tp}, fp {fp}, fn {fn})"


def report(tot: dict, title: str) -> None:
    tp = tot["tp_q"] + tot["tp_n"]
    fp = tot["fp_q"] + tot["fp_n"]
    fn = tot["fn_q"] + tot["fn_n"]
    print(title)
    print(_line("all attributions", tp, fp, fn))
    print(_line("with quotation marks", tot["tp_q"], tot["fp_q"], tot["fn_q"]))
    print(_line("without quotation marks", tot["tp_n"], tot["fp_n"], tot["fn_n"]))


def _acc(ok: int, n: int) -> str:
    return f"{ok / n:.3f} ({ok}/{n})" if n else "n/a (0)"


def timing(texts: list[str], repeat: int) -> None:
    # analyzers that need the quotes (actors) go with them
    without = tuple(a for a in REGISTRY if a.name != "quotes" and "quotes" not in getattr(a, "requires", ()))

    def run(analyzers) -> float:
        best = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            for t in texts:
                ctx = Context.for_document(Document(t))
                run_all(ctx, analyzers)
            best = min(best, time.perf_counter() - t0)
        return best

    run(REGISTRY)  # warm lexicon caches
    full, base = run(REGISTRY), run(without)
    print(f"speed (best of {repeat}, {len(texts)} articles, one process):")
    print(f"  all analyzers          {len(texts) / full:8.1f} articles/s "
          f"({1000 * full / len(texts):.2f} ms/article)")
    print(f"  without quotes         {len(texts) / base:8.1f} articles/s "
          f"({1000 * base / len(texts):.2f} ms/article)")
    print(f"  quotes analyzer alone  {1000 * (full - base) / len(texts):8.2f} ms/article "
          f"(throughput kept: {base / full:.0%})")


def show_errors(tot: dict, n: int) -> None:
    def cut(s: str, k: int = 160) -> str:
        s = " ".join(s.split())
        return s if len(s) <= k else s[:k] + " …"

    print(f"\n-- {n} missed gold attributions --")
    for rec, q in tot["fn_list"][:n]:
        t = rec["text"]
        print(f"  [{q['speaker']!r} {q['cue']!r}] {cut(' | '.join(t[s:e] for s, e in q['content_spans']))}")
    print(f"\n-- {n} predictions without a gold match --")
    for rec, it in tot["fp_list"][:n]:
        print(f"  [{it['kind']}/{it['pattern']} {it['speaker_text']!r} {it['cue']!r}] {cut(it['text'])}")
    print(f"\n-- {n} wrong speakers --")
    for rec, (q, it) in tot["spk_err"][:n]:
        print(f"  gold {q['speaker']!r} pred {it['speaker_text']!r} [{it['pattern']}] "
              f"{cut(it['text'], 100)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DATA / "polnear" / "dev.jsonl"))
    ap.add_argument("--errors", type=int, default=0, help="print N errors of each type")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-speed", action="store_true")
    args = ap.parse_args()
    records = list(read_jsonl(require(args.data)))
    reports = [framing.analyze(r["text"]).to_dict()["quotes"]["items"] for r in records]
    n_gold = sum(1 for r in records for q in r["quotes"] if q["content_spans"])
    n_pred = sum(len(x) for x in reports)
    print(f"PolNeAR {Path(args.data).name}: {len(records)} articles, {n_gold} gold attributions "
          f"with content, {n_pred} predicted quotes\n")
    main_tot = evaluate(records, reports, 0.3)
    report(main_tot, "content, overlap > 0.3 of the gold span (GenderGapTracker's measure):")
    tot8 = evaluate(records, reports, 0.8)
    report(tot8, "content, overlap > 0.8 of the gold span:")
    sym = evaluate(records, reports, 0.3, symmetric=True)
    report(sym, "content, symmetric overlap |g∩p|/max(|g|,|p|) > 0.3:")
    tp = main_tot["tp_q"] + main_tot["tp_n"]
    fp = main_tot["fp_q"] + main_tot["fp_n"]
    fn = main_tot["fn_q"] + main_tot["fn_n"]
    ex = main_tot["exact"]
    print("content, exact character match:")
    print(_line("all attributions", ex, n_pred - ex, n_gold - ex))
    print(f"  exact among matched: with marks {_acc(main_tot['exact_q'], main_tot['tp_q'])}, "
          f"without {_acc(main_tot['exact_n'], main_tot['tp_n'])}")
    print("speaker accuracy on quotes matched at 0.3 (predicted span overlaps a gold source):")
    print(f"  all                     {_acc(main_tot['spk_ok'], main_tot['spk_n'])}")
    print(f"  with quotation marks    {_acc(main_tot['spk_ok_q'], main_tot['spk_n_q'])}")
    print(f"  without quotation marks {_acc(main_tot['spk_ok_n'], main_tot['spk_n_n'])}")
    print(f"  (matched {tp}; {tp - main_tot['spk_n']} matched gold attributions have no source span)")
    del fp, fn
    if args.errors:
        show_errors(main_tot, args.errors)
    if not args.no_speed:
        print()
        timing([r["text"] for r in records], args.repeat)


if __name__ == "__main__":
    main()
