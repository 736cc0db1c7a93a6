"""Actor detection, typing and pronoun coreference on GUM news and interviews.

    python benchmarks/actors_gum.py [--data ../shared/data/gum] [--errors N]
        [--split all|dev|heldout]

GUM (amir-zeldes/gum; annotations CC BY 4.0, Wikinews texts CC BY 2.5) marks
every entity mention with a type, a head and a coreference chain. This reads
``train.jsonl`` (35 news/interview documents; the file's own note says it is
for development and error analysis) and scores ``framing``'s actor detection:

* named mentions — a gold mention typed person, organization or place whose
  words include proper nouns (UD ``PROPN``) not inside a smaller nested
  mention gives one gold name span: the run of those proper-noun tokens
  around the head; when the head is a common noun ("the president of
  France") the first run is a name for detection but has no gold type (its
  type is the nested mention's, when GUM marks one). A predicted actor mention found as a
  name (kinds name, acronym, place, user; not pronouns, descriptions,
  demonyms or groups) matches a gold name span it overlaps, one to one.
  Precision, recall and F1 over these.
* typing — among matched names, the share the analyzer types at all (not
  ``unknown``/``group``), and among those the share typed right
  (person↔person, organisation↔organization, place↔place).
* gold names inside lines the Document excludes as not article prose
  (``Document.excluded``: in GUM, image credits "Image: …") are left out;
* the codebook types a country or city acting as a polity as a place,
  where GUM types it organization ("South Korea beat …"): a second type
  accuracy counts such a gazetteer place typed place as right;
* pronouns — gold third-person pronouns (he, she, him, his, her, they, it,
  its …) whose chain has a gold name span earlier in the document: the share
  that coreference gives an actor one of whose named mentions matches a name
  span of the same gold chain (``resolved right / all``), and accuracy among
  the pronouns the analyzer resolved at all; and a precision over every
  third-person pronoun the analyzer resolved (also those whose gold chain has
  no name, or that GUM marks as no mention: a pleonastic "it"), right when
  the gold pronoun mention's chain is that of a gold mention whose head lies
  in one of the actor's name, group or description mentions.

``--split``: the documents in id order alternate dev (even positions) and
held-out (odd positions); rules are developed on dev and the held-out half
is reported apart, split by document (GUM annotations are CC BY 4.0).

Nothing from the data is written anywhere; ``--errors`` prints a few misses
to the terminal for error analysis.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import DATA, prf, read_jsonl, require  # noqa: E402

from framing.analyzers.actors.analyzer import find_mentions  # noqa: E402
from framing.document import Document  # noqa: E402
from framing.analyzers.actors.lexicon import lexicon  # noqa: E402

PLACES = frozenset(p for p, kind in lexicon().places.values() if kind == "place")

TYPES = {"person": "person", "organization": "organisation", "place": "place"}
NAME_KINDS = frozenset(("name", "acronym", "place", "user"))
LINKS = frozenset(("of", "the", "&", "and", "for", "de"))
THIRD = frozenset("he him his himself she her hers herself they them their theirs themselves "
                  "it its itself".split())


def gold_names(rec: dict) -> list[tuple[int, int, str, str]]:
    """(start, end, type, entity) name spans, one per gold mention that has one;
    a name inside a longer gold name ("Helsinki" in "University of Helsinki")
    is left to the longer one, as flat named-entity annotation does."""
    toks = rec["tokens"]
    spans = {}
    for m in rec["mentions"]:
        if m["type"] not in TYPES or m.get("pronoun"):
            continue
        idx = [i for i, t in enumerate(toks) if t["start"] >= m["start"] and t["end"] <= m["end"]]
        runs: list[list[int]] = []
        for i in idx:
            if toks[i]["upos"] != "PROPN":
                continue
            if runs and (i == runs[-1][-1] + 1 or (i == runs[-1][-1] + 2 and toks[i - 1]["form"].lower()
                                                   in LINKS)):
                runs[-1].append(i)
            else:
                runs.append([i])
        if not runs:
            continue
        run = next((r for r in runs if any(toks[i]["start"] == m["head_start"] for i in r)), None)
        headed = run is not None
        run = run or runs[0]
        s, e = toks[run[0]]["start"], toks[run[-1]]["end"]
        # a name inside a mention headed by a common noun ("the president of
        # France") is a name, but the mention's type is not the name's: the
        # span of a mention headed by the name wins, else it is scored
        # for detection only (type None)
        old = spans.get((s, e))
        if old is None or (headed and old[2] is None):
            spans[(s, e)] = (s, e, m["type"] if headed else None, m["entity"])
    out = [g for g in spans.values()
           if not any(o is not g and o[0] <= g[0] and g[1] <= o[1] for o in spans.values())]
    return sorted(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DATA / "gum"))
    ap.add_argument("--errors", type=int, default=0, help="print up to N misses of each kind")
    ap.add_argument("--split", choices=("all", "dev", "heldout"), default="all",
                    help="documents in id order: even positions dev, odd held-out")
    args = ap.parse_args()
    path = require(Path(args.data) / "train.jsonl")
    records = sorted(read_jsonl(path), key=lambda r: r["id"])
    if args.split != "all":
        records = records[0 if args.split == "dev" else 1::2]
    tp = fp = fn = 0
    typed = right = scored = polity = 0
    by_type: Counter = Counter()
    pro_all = pro_res = pro_right = 0
    pp_all = pp_right = 0
    errs: dict[str, list[str]] = {"fp": [], "fn": [], "type": [], "pronoun": [], "precision": []}
    secs = 0.0
    docs = excluded = 0
    for rec in records:
        docs += 1
        text = rec["text"]
        t0 = time.perf_counter()
        doc = Document(text)
        actors, mentions = find_mentions(doc)
        secs += time.perf_counter() - t0
        gold = gold_names(rec)
        n_gold = len(gold)
        gold = [g for g in gold if not any(x.start <= g[0] < x.end for x in getattr(doc, "excluded", ()))]
        excluded += n_gold - len(gold)
        preds = [c for c in mentions if c.kind in NAME_KINDS]
        used: set[int] = set()
        actor_entities: dict[int, set[str]] = {}
        for g in gold:
            hit = next((k for k, c in enumerate(preds) if k not in used
                        and c.start < g[1] and g[0] < c.end), None)
            if hit is None:
                fn += 1
                errs["fn"].append(f"{rec['id']}: {text[g[0]:g[1]]!r} ({g[2]})")
                continue
            used.add(hit)
            tp += 1
            c = preds[hit]
            actor_entities.setdefault(c.actor, set()).add(g[3])
            a = actors[c.actor] if c.actor is not None else None
            atype = a.type if a is not None else c.type
            if g[2] is None:
                continue  # a name inside a common-noun mention: no gold type
            scored += 1
            by_type[(g[2], atype)] += 1
            if atype in ("person", "organisation", "place"):
                typed += 1
                if TYPES[g[2]] == atype:
                    right += 1
                    polity += 1
                elif g[2] == "organization" and atype == "place" and a is not None \
                        and a.name in PLACES:
                    polity += 1  # a country or city GUM types organization (codebook: a place)
                else:
                    errs["type"].append(f"{rec['id']}: {text[c.start:c.end]!r} gold {g[2]} got {atype}")
        for k, c in enumerate(preds):
            if k not in used:
                fp += 1
                errs["fp"].append(f"{rec['id']}: {text[c.start:c.end]!r}")
        first_name = {}
        for g in gold:
            first_name.setdefault(g[3], g[0])
        pron = [c for c in mentions if c.kind == "pronoun"]
        for m in rec["mentions"]:
            if not m.get("pronoun") or text[m["start"]:m["end"]].lower() not in THIRD:
                continue
            if m["entity"] not in first_name or first_name[m["entity"]] > m["start"]:
                continue
            pro_all += 1
            c = next((p for p in pron if p.start < m["end"] and m["start"] < p.end), None)
            if c is None or c.actor is None:
                errs["pronoun"].append(f"{rec['id']}@{m['start']}: {m['text']!r} unresolved")
                continue
            pro_res += 1
            if m["entity"] in actor_entities.get(c.actor, ()):
                pro_right += 1
            else:
                errs["pronoun"].append(f"{rec['id']}@{m['start']}: {m['text']!r} → {actors[c.actor].name!r}")
        # every third-person pronoun resolved, right when a gold pronoun
        # mention of the same chain as the actor's names is there
        # an actor's gold chains: those of the gold mentions whose head lies
        # in one of its name, group or description mentions
        chains: dict[int, set[str]] = {}
        for c in mentions:
            if c.actor is None or c.kind == "pronoun":
                continue
            for m in rec["mentions"]:
                if c.start <= m["head_start"] and m["head_end"] <= c.end and not m.get("pronoun"):
                    chains.setdefault(c.actor, set()).add(m["entity"])
        for c in pron:
            if c.actor is None or text[c.start:c.end].lower().replace("’", "'").split("'")[0] not in THIRD:
                continue
            pp_all += 1
            g = next((m for m in rec["mentions"] if m["start"] < c.end and c.start < m["end"]
                      and m.get("pronoun")), None)
            if g is not None and g["entity"] in chains.get(c.actor, ()):
                pp_right += 1
            else:
                errs["precision"].append(f"{rec['id']}@{c.start}: {text[c.start:c.end]!r} → "
                                         f"{actors[c.actor].name!r} (gold chain "
                                         f"{'none' if g is None else repr(g['text'])})")
    p, r, f = prf(tp, fp, fn)
    print(f"GUM train (news + interview, split {args.split}): {docs} documents, {tp + fn} gold name spans "
          f"(person, organization, place), {tp + fp} predicted name mentions; "
          f"{excluded} gold names in lines excluded as not article prose (image credits) left out")
    print(f"named mentions      P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (tp {tp}, fp {fp}, fn {fn})")
    print(f"typed               {typed / scored if scored else 0:.3f} of matched names with a gold "
          f"type ({typed}/{scored})")
    print(f"type accuracy       {right / typed if typed else 0:.3f} of typed ({right}/{typed})")
    print(f"  codebook mapping    {polity / typed if typed else 0:.3f} of typed: a gazetteer place "
          f"(country, city) GUM types organization counts as place, as the codebook types a "
          f"place acting as a polity")
    print("  gold type → analyzer type: " + ", ".join(
        f"{g}→{a} {n}" for (g, a), n in sorted(by_type.items(), key=lambda kv: -kv[1])))
    print(f"3rd-person pronouns {pro_right / pro_all if pro_all else 0:.3f} resolved right "
          f"({pro_right}/{pro_all}); {pro_right / pro_res if pro_res else 0:.3f} of the {pro_res} resolved")
    print(f"  precision           {pp_right / pp_all if pp_all else 0:.3f} of all {pp_all} third-person "
          f"pronouns the analyzer resolved ({pp_right} right: the gold chain of one of the actor's "
          f"name, group or description mentions)")
    print(f"{1000 * secs / max(docs, 1):.1f} ms/document")
    if args.errors:
        for k, v in errs.items():
            print(f"\n-- {k} ({len(v)})")
            for line in v[:args.errors]:
                print("  " + line)


if __name__ == "__main__":
    main()
