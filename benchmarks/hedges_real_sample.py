"""The sentence sample of the real-news hedge set (``benchmarks/data/hedges_real/``).

    python benchmarks/hedges_real_sample.py sample --batch 3            # print a batch for coding
    python benchmarks/hedges_real_sample.py build NOTES.txt --batch 3   # its notes -> key.jsonl

``sample`` draws articles at random (batch 1: seed 14, 24 PolNeAR and 16 PAC
articles; batch 2: seed 15, 12 + 8 more; batch 3: seed 16, 12 + 8 more) from PolNeAR train+dev and PAC
train+dev, splits each article into sentences with ``framing.Document``, and
draws up to ``PER_ARTICLE`` sentences per article at random, with or without
cues: the printout shows each sentence with its offsets and the
text just before it, never the analyzer's output, so the coding is blind.

``build`` turns the coder's notes into the key. A note line is

    S017 | cue text|kind|voice ; cue text#2|kind|voice
    S018 | -

``kind`` is ``h`` (hedge) or ``b`` (booster), ``voice`` ``a`` (author) or
``q`` (quoted); ``#n`` picks the n-th occurrence of the cue text in the
sentence (case-insensitive). The notes are kept outside the repository (they
quote article words); the key stores only ids, offsets and labels.
Articles are assigned to ``dev`` or ``test`` at random, half of each batch.

``build --batch N`` replaces only batch N's rows of the key and keeps the
others as they are: the sentence splitter has changed since batches 1 and 2
were coded, so their article choice and split still reproduce but their
sentence offsets are those stored in the key.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._data import DATA, read_jsonl, require  # noqa: E402
from framing.document import Document  # noqa: E402

SOURCES = (("polnear", "train"), ("polnear", "dev"), ("pac", "train"), ("pac", "dev"))
# (seed, articles per corpus): each batch draws from the articles earlier ones left
BATCHES = ((14, {"polnear": 24, "pac": 16}), (15, {"polnear": 12, "pac": 8}),
           (16, {"polnear": 12, "pac": 8}))
PER_ARTICLE = 8
KEY = ROOT / "benchmarks" / "data" / "hedges_real" / "key.jsonl"


def articles(data: Path) -> dict[str, list[dict]]:
    by_corpus: dict[str, list[dict]] = {}
    for corpus, split in SOURCES:
        path = require(data / corpus / f"{split}.jsonl")
        for row in read_jsonl(path):
            by_corpus.setdefault(corpus, []).append(
                {"corpus": corpus, "split": split, "id": row["id"], "text": row["text"]})
    return by_corpus


def sample(data: Path) -> list[dict]:
    """The sampled sentences in order: ``{sid, corpus, split, id, start, end,
    set}`` (``set`` is dev or test, by article, half of each batch's articles)."""
    pool = articles(data)
    taken: set[tuple[str, str]] = set()
    out = []
    for batch, (seed, counts) in enumerate(BATCHES, 1):
        rng = random.Random(seed)
        chosen = []
        for corpus, rows in sorted(pool.items()):
            rows = sorted((r for r in rows if (corpus, r["id"]) not in taken), key=lambda r: r["id"])
            chosen += rng.sample(rows, counts[corpus])
        taken |= {(a["corpus"], a["id"]) for a in chosen}
        order = list(range(len(chosen)))
        rng.shuffle(order)
        test = set(order[: len(order) // 2])
        for n, art in enumerate(chosen):
            doc = Document(art["text"])
            sents = [s for s in doc.sentences
                     if len(re.findall(r"\w+", art["text"][s.start:s.end])) >= 4]
            picked = sorted(rng.sample(sents, min(PER_ARTICLE, len(sents))), key=lambda s: s.start)
            for s in picked:
                out.append({"corpus": art["corpus"], "split": art["split"], "id": art["id"],
                            "start": s.start, "end": s.end, "set": "test" if n in test else "dev",
                            "batch": batch, "text": art["text"]})
    for k, row in enumerate(out, 1):
        row["sid"] = f"S{k:03d}"
    return out


def print_sample(rows: list[dict]) -> None:
    for r in rows:
        text, s, e = r["text"], r["start"], r["end"]
        before = text[max(0, s - 220):s].replace("\n", " ¶ ")
        print(f"== {r['sid']} {r['corpus']}/{r['id']} [{s}:{e}] ({r['set']})")
        print(f"   …{before}")
        print(f">> {text[s:e]}")
        print()


def _find(sent: str, cue: str) -> tuple[int, int]:
    nth = 1
    if "#" in cue:
        cue, n = cue.rsplit("#", 1)
        nth = int(n)
    low, c = sent.lower(), cue.lower().strip()
    at = -1
    for _ in range(nth):
        at = low.find(c, at + 1)
        while at > 0 and low[at - 1].isalnum():  # whole words only
            at = low.find(c, at + 1)
        if at < 0:
            raise ValueError(f"cue {cue!r} (#{nth}) not in sentence")
    return at, at + len(c)


def build(rows: list[dict], notes: Path) -> list[dict]:
    coded: dict[str, list] = {}
    for line in notes.read_text(encoding="utf-8").splitlines():
        line = line.split("//")[0].strip()
        if not line or not line.startswith("S"):
            continue
        sid, _, rest = line.partition("|")
        coded[sid.strip()] = [c.strip() for c in rest.split(";") if c.strip() and c.strip() != "-"]
    out = []
    for r in rows:
        if r["sid"] not in coded:
            continue
        sent = r["text"][r["start"]:r["end"]]
        cues = []
        for c in coded[r["sid"]]:
            parts = [p.strip() for p in c.split("|")]
            if len(parts) != 3 or parts[1] not in ("h", "b") or parts[2] not in ("a", "q"):
                raise SystemExit(f"{r['sid']}: bad note {c!r}")
            try:
                a, b = _find(sent, parts[0])
            except ValueError as exc:
                raise SystemExit(f"{r['sid']}: {exc}") from None
            cues.append({"start": r["start"] + a, "end": r["start"] + b,
                         "kind": {"h": "hedge", "b": "booster"}[parts[1]],
                         "voice": {"a": "author", "q": "quoted"}[parts[2]]})
        cues.sort(key=lambda c: c["start"])
        out.append({"sid": r["sid"], "set": r["set"], "batch": r["batch"], "corpus": r["corpus"],
                    "split": r["split"], "id": r["id"], "start": r["start"], "end": r["end"],
                    "cues": cues})
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("command", choices=("sample", "build"))
    ap.add_argument("notes", nargs="?")
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--out", default=str(KEY))
    ap.add_argument("--batch", type=int, required=True, choices=range(1, len(BATCHES) + 1))
    args = ap.parse_args(argv)
    rows = [r for r in sample(Path(args.data)) if r["batch"] == args.batch]
    if args.command == "sample":
        print_sample(rows)
        return 0
    if not args.notes:
        ap.error("build needs the notes file")
    kept = []
    if Path(args.out).exists():
        kept = [json.loads(line) for line in open(args.out, encoding="utf-8") if line.strip()]
        kept = [r for r in kept if r.get("batch") != args.batch]
    key = kept + build(rows, Path(args.notes))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as fh:
        for row in key:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(key)} sentences, {sum(len(r['cues']) for r in key)} cues -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
