"""Junk in the actor list on real news: a sample to hand-check.

    python benchmarks/actors_junk.py [--n 40] [--seed 15] [--labels FILE]

Samples ``--n`` articles, half from PolNeAR train and half from PAC train
(``../shared/data/{polnear,pac}/train.jsonl``; a PAC article is its
``title``, a blank line and its ``text``, as a reader would paste it), runs
actor detection and prints one row per actor: article key, actor name,
type, number of named mentions, and ``H`` when its first mention is in the
article's first line (the headline), else ``B``.

``--labels`` reads a hand-check kept *outside* the repo (never commit it:
it holds words of the data): tab-separated ``key``, ``name``, ``ok`` or
``junk``. It prints the share of labelled actors that are junk and lists
actors without a label (to check by hand and add). An actor is junk when
it is no person, organisation, place or group the article talks about: a
common word ("Year", "Shootings"), a name run into headline words ("Ann
Lee Is Right"), a title or programme, a dateline or the byline author.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import DATA, read_jsonl, require  # noqa: E402

from framing.analyzers.actors.analyzer import find_mentions  # noqa: E402
from framing.document import Document  # noqa: E402

NAMED = frozenset(("name", "acronym", "place", "user", "group", "demonym"))


def sample(n: int, seed: int) -> list[tuple[str, str]]:
    """(key, text) of n articles: n // 2 PolNeAR train, the rest PAC train."""
    rng = random.Random(seed)
    polnear = list(read_jsonl(require(DATA / "polnear" / "train.jsonl")))
    pac = list(read_jsonl(require(DATA / "pac" / "train.jsonl")))
    out = [(f"polnear:{i}", polnear[i]["text"])
           for i in sorted(rng.sample(range(len(polnear)), n // 2))]
    out += [(f"pac:{i}", f"{pac[i]['title']}\n\n{pac[i]['text']}")
            for i in sorted(rng.sample(range(len(pac)), n - n // 2))]
    return out


def rows(key: str, text: str) -> list[tuple[str, str, str, int, str]]:
    doc = Document(text)
    head_end = text.find("\n") if "\n" in text else len(text)
    actors, mentions = find_mentions(doc)
    count: dict[int, int] = {}
    first: dict[int, int] = {}
    for m in mentions:
        if m.actor is None or m.kind not in NAMED:
            continue
        count[m.actor] = count.get(m.actor, 0) + 1
        first.setdefault(m.actor, m.start)
    return [(key, a.name, a.type, count[x], "H" if first[x] < head_end else "B")
            for x, a in enumerate(actors) if x in count]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--labels", type=Path)
    args = ap.parse_args()
    found = [r for key, text in sample(args.n, args.seed) for r in rows(key, text)]
    if not args.labels:
        for r in found:
            print("\t".join(map(str, r)))
        print(f"{len(found)} actors in {args.n} articles (seed {args.seed})")
        return
    labels = {}
    for line in args.labels.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3:
            labels[(parts[0], parts[1])] = parts[2].strip()
    junk = sum(labels.get(r[:2]) == "junk" for r in found)
    done = [r for r in found if r[:2] in labels]
    for r in found:
        if r[:2] not in labels:
            print("unlabelled\t" + "\t".join(map(str, r)))
    head = [r for r in done if r[4] == "H"]
    print(f"{len(found)} actors in {args.n} articles (seed {args.seed}), {len(done)} labelled: "
          f"junk {junk}/{len(done)} = {junk / max(1, len(done)):.1%}; first met in the headline "
          f"{sum(labels[r[:2]] == 'junk' for r in head)}/{len(head)}")


if __name__ == "__main__":
    main()
