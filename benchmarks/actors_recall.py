"""Actor detection recall on NewsMTSC target mentions that are names.

    python benchmarks/actors_recall.py [--data ../shared/data/newsmtsc]

NewsMTSC marks one target person per example (and its further mentions).
A target "is a name" when it holds a capitalised word that is not a pronoun
or a determiner ("Mr. Trump", "Putin", not "He" or "The boy"). For each
such target in dev_rw and dev_mt this prints the share that
``framing``'s actor detection finds:

* overlap — some actor mention overlaps the target's capitalised words;
* exact — an actor mention covers exactly the target's name words (titles
  such as "Mr." or "President", and what modifies a title before the name —
  "FBI Director", "House Speaker", a party word as in "Democrat Ann Lee" —
  may lie outside the mention: the analyzer keeps them out of names by
  design); ``--legacy-core`` measures against all capitalised words from
  the first non-title to the last, as earlier versions of this benchmark
  did;

and, for targets that were found, the share of their pronoun further
mentions (he/his/she/her …) that coreference gives the same actor.
Precision cannot be measured on this data (only one target per example
is marked), so it is not reported.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import DATA, read_jsonl, require  # noqa: E402

from framing.analyzers.actors.analyzer import find_mentions  # noqa: E402
from framing.analyzers.actors.detect import lexicon  # noqa: E402
from framing.document import Document  # noqa: E402

NOT_NAMES = frozenset("he she him her his hers they them their i we you it its the a an "
                      "this that who".split())
PRONOUNS = frozenset("he she him her his hers himself herself".split())
PARTY_WORDS = frozenset("republican democrat democratic".split())
WORD = re.compile(r"[\w.'’-]+")


def name_core(text: str, start: int, end: int, legacy: bool = False) -> tuple[int, int] | None:
    """The span of the capitalised name words inside a target, titles (and,
    unless ``legacy``, the words before the last title and a leading party
    word) stripped; None when the target is not a name."""
    titles = {t[-1] for t in lexicon().titles} | {t[-1].rstrip(".") for t in lexicon().titles}
    words = [(m.start() + start, m.end() + start) for m in WORD.finditer(text[start:end])]
    caps = [(s, e) for s, e in words
            if text[s:e][:1].isupper() and text[s:e].lower() not in NOT_NAMES]
    if not caps:
        return None

    def is_title(s: int, e: int) -> bool:
        w = text[s:e].lower()
        return w.rstrip(".") in titles or w in titles or w.split("-")[-1] in titles

    if not legacy:
        last = max((i for i, (s, e) in enumerate(caps[:-1]) if is_title(s, e)), default=-1)
        caps = caps[last + 1:]
        if len(caps) > 1 and text[caps[0][0]:caps[0][1]].lower() in PARTY_WORDS:
            caps = caps[1:]
    core = [(s, e) for s, e in caps if not is_title(s, e)]
    core = core or caps
    s, e = core[0][0], core[-1][1]
    while e > s and text[e - 1] in "'’s" and text[e - 2:e] in ("'s", "’s"):
        e -= 2
    return s, e


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DATA / "newsmtsc"))
    ap.add_argument("--legacy-core", action="store_true",
                    help="name words = first non-title to last capitalised word (older figures)")
    args = ap.parse_args()
    folder = require(args.data)
    print(f"{'set':<8} {'name targets':>12} {'overlap':>8} {'exact':>7} "
          f"{'pronoun coref':>14}  ms/text")
    for name in ("dev_rw", "dev_mt"):
        rows = list(read_jsonl(require(folder / f"{name}.jsonl")))
        n = found = exact = pron = pron_ok = 0
        secs = 0.0
        for r in rows:
            text = r["text"]
            core = name_core(text, r["start"], r["end"], args.legacy_core)
            if core is None:
                continue
            n += 1
            t0 = time.perf_counter()
            actors, mentions = find_mentions(Document(text))
            secs += time.perf_counter() - t0
            hit = [m for m in mentions if m.start < core[1] and core[0] < m.end]
            if not hit:
                continue
            found += 1
            if any((m.start, m.end) == core for m in hit):
                exact += 1
            actor = hit[0].actor
            for fm in r.get("further_mentions", []):
                if text[fm["start"]:fm["end"]].lower() in PRONOUNS:
                    pron += 1
                    pron_ok += any(m.actor == actor and m.start < fm["end"] and fm["start"] < m.end
                                   for m in mentions)
        pct = lambda a, b: f"{100 * a / b:5.1f} %" if b else "    –"  # noqa: E731
        print(f"{name:<8} {n:>12} {pct(found, n):>8} {pct(exact, n):>7} "
              f"{pct(pron_ok, pron):>9} (n={pron})  {1000 * secs / max(n, 1):.2f}")


if __name__ == "__main__":
    main()
