"""Source typing against 200 hand-coded speakers (CODEBOOK.md §6).

    python benchmarks/source_types.py                 # accuracy and confusion
    python benchmarks/source_types.py --sample        # (re)draw the speaker sample
    python benchmarks/source_types.py --show 0:40     # print items to code, with context
    python benchmarks/source_types.py --set tune      # the tuning set (other articles)

Two coded sets: ``source_types`` (200 speakers, coded before any rule was
written; since the rules were tuned it is the held-out measure) and
``source_types_tune`` (speakers from *other* articles, coded later, on which
the rules are tuned). ``--set tune --sample`` draws the tuning set, leaving
out every article of the held-out set.

The coded set is ``benchmarks/data/source_types/coded.jsonl``: article id,
corpus, split, speaker offsets and the type a person gave it (no text; the
texts are read from ``../shared/data``). How it was drawn and coded:
``benchmarks/data/source_types/README.md``. Each coded span is typed by
:func:`framing.analyzers.sources.type_span` with the article's quotes and
actors sections (typing measured alone, not speaker detection); the
analyzer's own speaker for the same span is also looked up, to report how
many coded speakers the full pipeline finds. Exits 0 when the data is absent.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import DATA, read_jsonl, require  # noqa: E402

HERE = Path(__file__).resolve().parent / "data" / "source_types"
SAMPLE = HERE / "sample.jsonl"
CODED = HERE / "coded.jsonl"
SETS = {"heldout": HERE, "tune": HERE.with_name("source_types_tune")}
PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "him", "her", "them", "us", "me"}


def articles(data: Path) -> dict[tuple[str, str], dict]:
    out = {}
    for corpus in ("polnear", "pac"):
        for split in ("train", "dev"):
            p = data / corpus / f"{split}.jsonl"
            if p.exists():
                for a in read_jsonl(p):
                    out[(corpus, a["id"])] = a
    return out


def draw(data: Path, n_polnear: int = 150, n_pac: int = 50, seed: int = 18,
         exclude: frozenset = frozenset()) -> list[dict]:
    """One speaker per article: PolNeAR's gold source spans (not pronouns);
    in PAC (no attribution labels) a speaker span the quotes analyzer found.
    Articles whose (corpus, id) is in ``exclude`` are never drawn."""
    import framing

    rng = random.Random(seed)
    arts = {k: v for k, v in articles(data).items() if k not in exclude}
    rows = []
    pol = sorted(k for k in arts if k[0] == "polnear")
    rng.shuffle(pol)
    for key in pol:
        if len(rows) >= n_polnear:
            break
        a = arts[key]
        cands = []
        for q in a["quotes"]:
            spans = q.get("speaker_spans") or []
            if len(spans) != 1:
                continue
            s, e = spans[0]
            t = a["text"][s:e]
            if t.lower().strip() in PRONOUNS or not t.strip() or e - s > 120:
                continue
            cands.append((s, e))
        if cands:
            s, e = rng.choice(sorted(set(cands)))
            rows.append({"corpus": "polnear", "split": a["split"], "id": a["id"],
                         "start": s, "end": e})
    pac = sorted(k for k in arts if k[0] == "pac")
    rng.shuffle(pac)
    n = 0
    for key in pac:
        if n >= n_pac:
            break
        a = arts[key]
        rep = framing.analyze(a["text"], analyzers=["quotes"], fast=True)
        cands = sorted({(q.speaker_start, q.speaker_end) for q in rep.quotes.items
                        if q.speaker_start is not None and q.speaker_end is not None
                        and a["text"][q.speaker_start:q.speaker_end].lower() not in PRONOUNS})
        if cands:
            s, e = rng.choice(cands)
            rows.append({"corpus": "pac", "split": a["split"], "id": a["id"], "start": s, "end": e})
            n += 1
    return rows


def show(data: Path, lo: int, hi: int, sample: Path = SAMPLE) -> None:
    """Print items lo..hi with the sentence around the span and every other
    sentence of the article naming the speaker's last word (for coding)."""
    import re

    arts = articles(data)
    for i, r in enumerate(list(read_jsonl(sample))[lo:hi], lo):
        a = arts[(r["corpus"], r["id"])]
        text, s, e = a["text"], r["start"], r["end"]
        span = text[s:e]
        ctx = text[max(0, s - 220):s] + "[[" + span + "]]" + text[e:e + 120]
        print(f"=== {i} {r['corpus']} {r['id']} {s}:{e}  «{span}»")
        print("   " + " ".join(ctx.split()))
        words = [w for w in re.findall(r"[A-Z][\w’'-]+", span) if w.lower() not in ("the", "a")]
        if words:
            key = words[-1]
            hits = [m.start() for m in re.finditer(re.escape(key), text) if not s <= m.start() < e]
            for h in hits[:2]:
                print("   ~ " + " ".join(text[max(0, h - 120):h + 100].split()))
        print()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--sample", action="store_true", help="draw the sample (sample.jsonl)")
    ap.add_argument("--show", help="print items LO:HI of the sample with context")
    ap.add_argument("--errors", type=int, default=0, help="print N misclassified items")
    ap.add_argument("--set", choices=sorted(SETS), default="heldout",
                    help="heldout: the 200 coded before tuning (default); tune: the tuning set")
    args = ap.parse_args()
    data = require(args.data)
    folder = SETS[args.set]
    sample, coded = folder / "sample.jsonl", folder / "coded.jsonl"
    if args.sample:
        if args.set == "tune":
            held = frozenset((r["corpus"], r["id"]) for r in read_jsonl(SAMPLE))
            rows = draw(data, n_polnear=90, n_pac=30, seed=1918, exclude=held)
        else:
            rows = draw(data)
        folder.mkdir(parents=True, exist_ok=True)
        sample.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        print(f"wrote {len(rows)} items to {sample}")
        return
    if args.show:
        lo, hi = (int(x) for x in args.show.split(":"))
        show(data, lo, hi, sample)
        return
    evaluate(data, args.errors, coded)


def _confusion(pairs: list[tuple[str, str]], labels: list[str]) -> None:
    w = max(len(x) for x in labels) + 1
    print("gold \\ predicted".ljust(w) + "".join(x[:6].rjust(7) for x in labels))
    c = Counter(pairs)
    for g in labels:
        if any(gg == g for gg, _ in pairs):
            print(g.ljust(w) + "".join(str(c.get((g, p), "") or ".").rjust(7) for p in labels))


def _report(title: str, pairs: list[tuple[str, str]]) -> None:
    from framing.analyzers.sources.lexicon import TYPES

    n = len(pairs)
    ok = sum(g == p for g, p in pairs)
    print(f"\n{title}: accuracy {ok}/{n} = {ok / n:.3f}" if n else f"\n{title}: no items")
    if not n:
        return
    typed = [(g, p) for g, p in pairs if p != "unknown"]
    if typed:
        right = sum(g == p for g, p in typed)
        print(f"  when a type is given ({len(typed)} of {n}): {right}/{len(typed)} = "
              f"{right / len(typed):.3f} right; 'unknown' for {n - len(typed)}")
    majority = Counter(g for g, _ in pairs).most_common(1)[0]
    print(f"  majority-class baseline ({majority[0]}): {majority[1] / n:.3f}")
    labels = [t for t in TYPES if any(t in pr for pr in pairs)]
    print("  per type (gold n, recall, precision):")
    for t in labels:
        gold = sum(g == t for g, _ in pairs)
        pred = sum(p == t for _, p in pairs)
        tp = sum(g == p == t for g, p in pairs)
        print(f"    {t:16} n={gold:3}  R={tp / gold if gold else 0:.2f}  P={tp / pred if pred else 0:.2f}")
    _confusion(pairs, labels)


def evaluate(data: Path, n_errors: int = 0, coded_path: Path = CODED) -> None:
    import re

    import framing
    from framing.analyzers.sources import type_speaker

    arts = articles(data)
    coded = [r for r in read_jsonl(coded_path) if r["type"] != "not_source"]
    direct, found, errors = [], [], []
    t0 = __import__("time").perf_counter()
    for r in coded:
        a = arts.get((r["corpus"], r["id"]))
        if a is None:
            continue
        text, s, e = a["text"], r["start"], r["end"]
        rep = framing.analyze(text, analyzers=["sources"], fast=True)
        hit = None
        for q in rep.quotes.items:
            if q.speaker and q.speaker_start is not None and q.speaker_start < e and s < q.speaker_end:
                hit = next((it for it in rep.sources.items if it.name == q.speaker), None)
                break
        if hit is not None:
            found.append((r["type"], hit.type))
        actor = next((ac for ac in rep.actors.items for m in ac.mentions
                      if m.start < e and s < m.end), None)
        more = [(m.start, m.end) for m in actor.mentions if m.kind != "pronoun"] if actor else []
        span = text[s:e]
        t = type_speaker(text, [(s, e)], unnamed=not re.search(r"\b[A-Z][a-z]", span[1:]),
                         place=actor is not None and actor.type == "place", more=more)
        direct.append((r["type"], t.type))
        if t.type != r["type"]:
            ev = text[t.start:t.end] if t.start is not None else ""
            errors.append(f"{r['corpus']} {r['id']} {s}:{e} gold={r['type']} pred={t.type} "
                          f"rule={t.rule} evidence={ev!r} span={' '.join(span.split())[:60]!r}")
    secs = __import__("time").perf_counter() - t0
    print(f"{len(coded)} coded sources ({sum(1 for r in read_jsonl(coded_path)) - len(coded)} "
          f"coded not_source left out); {secs:.0f} s")
    _report("Typing the coded span (with the article's actor mentions)", direct)
    _report(f"Sources analyzer, speakers it found ({len(found)} of {len(coded)})", found)
    for line in errors[:n_errors]:
        print("  ERR", line)


if __name__ == "__main__":
    main()
