"""Convert the labelled news in ../shared/data into framing's JSONL corpus format.

    python benchmarks/convert_shared.py [--out /tmp/framing-corpora] [--pac-group ideology|outlet]

Writes, OUTSIDE the repository (their text must never be copied into it):

- ``pac.jsonl``: PAC (Zou et al. 2023) train + dev articles. Each story is
  one pair of articles from outlets of different ideology; ``story`` is the
  PAC story id, so ``framing compare`` pairs them. ``outlet`` is the
  article's relative ideology within its pair ("Left"/"Right") by default
  (``--pac-group outlet`` keeps the outlet name: most outlets have only a
  handful of articles).
- ``pac-outlets.jsonl``: the same articles with the outlet name as ``outlet``.
- ``polnear.jsonl`` and ``polnear-dev.jsonl``: PolNeAR (Newell et al. 2018)
  train (840 articles, 7 US publishers × 120) and dev; ``outlet`` is the
  publisher.

Then, for example::

    framing compare /tmp/framing-corpora/polnear.jsonl --out /tmp/cmp-polnear
    framing compare /tmp/framing-corpora/pac.jsonl --out /tmp/cmp-pac
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import DATA, ROOT, read_jsonl, require  # noqa: E402

POLNEAR_NAMES = {
    "breitbart": "Breitbart", "huff-post": "HuffPost", "nyt": "New York Times",
    "politico": "Politico", "usa-today": "USA Today", "wash-post": "Washington Post",
    "west-journal": "Western Journal",
}


def write(path: Path, rows) -> int:
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


def pac_rows(folder: Path, group: str):
    for split in ("train", "dev"):
        path = folder / f"{split}.jsonl"
        if not path.exists():
            continue
        for r in read_jsonl(path):
            outlet = r.get("relative_ideology") if group == "ideology" else r.get("outlet")
            yield {"id": r["id"], "outlet": outlet or "unknown", "text": r["text"],
                   "title": r.get("title"), "date": r.get("date"), "story": r.get("story"),
                   "source_outlet": r.get("outlet"), "split": split}


def polnear_rows(path: Path):
    for r in read_jsonl(path):
        yield {"id": r["id"], "outlet": POLNEAR_NAMES.get(r["publisher"], r["publisher"]),
               "text": r["text"], "title": r.get("title"), "date": r.get("publication_date")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DATA), help="the shared data folder")
    ap.add_argument("--out", default="/tmp/framing-corpora",
                    help="output folder (must be outside the repository)")
    ap.add_argument("--pac-group", choices=("ideology", "outlet"), default="ideology")
    args = ap.parse_args()
    data = require(args.data)
    out = Path(args.out).resolve()
    if out == ROOT or ROOT in out.parents:
        sys.exit(f"refusing to write into the repository ({ROOT}): their text must stay out of it")
    out.mkdir(parents=True, exist_ok=True)
    if (data / "pac").exists():
        n = write(out / "pac.jsonl", pac_rows(data / "pac", args.pac_group))
        write(out / "pac-outlets.jsonl", pac_rows(data / "pac", "outlet"))
        print(f"{out / 'pac.jsonl'}: {n} PAC articles (outlet = {args.pac_group})")
    if (data / "polnear").exists():
        n = write(out / "polnear.jsonl", polnear_rows(data / "polnear" / "train.jsonl"))
        print(f"{out / 'polnear.jsonl'}: {n} PolNeAR train articles")
        n = write(out / "polnear-dev.jsonl", polnear_rows(data / "polnear" / "dev.jsonl"))
        print(f"{out / 'polnear-dev.jsonl'}: {n} PolNeAR dev articles")


if __name__ == "__main__":
    main()
