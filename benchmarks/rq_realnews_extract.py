"""List every ``?`` question of a fixed sample of real articles, for coding.

Reads PolNeAR (train, dev) and PAC (train, dev) from ``../shared/data`` and
picks whole articles: every article of PolNeAR dev and of PAC train/dev that
holds a ``?``, then PolNeAR train articles in a seeded random order until the
sample holds at least ``--min`` question marks. Every run of ``?`` (with any
``!``) not followed by a letter or digit is a candidate (``example.org/a?b=1``
is not); its ``end`` is just after the run. ``start`` is the start proposed by
the shipped detector when it found a question ending there, else the start of
the sentence holding the mark.

Writes (outside the repo by default, since it holds article text):

* ``--out``/candidates.jsonl — one row per candidate: ``qid``, ``article``
  (``corpus:split:id``), ``start``, ``end``; no text;
* ``--out``/listing.txt — for a human coder: per article its title and, per
  candidate, the paragraph before, the paragraph holding it (the question in
  ``⟦n: …⟧``) and the paragraph after.

After coding, ``--build`` merges the codes (``codes_pass1.tsv``, the first
pass over every candidate; ``codes_pass2_blind.tsv``, the blind second pass
over a random fifth) with the candidates into
``benchmarks/data/news_questions_real/questions.jsonl`` and assigns each
article to ``train`` or ``test`` (seeded; articles whose questions repeat
another article's, reprints, share that article's split).

Batch 2 (``--batch 2``) continues the same seeded PolNeAR train order past the
articles already in ``questions.jsonl`` (then PAC train, should PolNeAR run
out), skipping every article already used, until it holds at least ``--min``
new question marks; its qids continue after the current maximum. Its codes are
``codes_batch2.tsv``; ``--build --batch 2`` appends its rows to
``questions.jsonl``, all ``train``, leaving every existing line unchanged
(``--build`` rewrites the file with batch 1 only: run it first). An article
sharing a question with a test article (the reprint rule) is skipped, as it
would belong to the test split.

Usage: ``python benchmarks/rq_realnews_extract.py [--data DIR] [--out DIR] [--build] [--batch 2]``
"""
from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from _data import DATA, read_jsonl, require

from framing.analyzers.questions.analyzer import find_questions
from framing.document import Document

HERE = Path(__file__).resolve().parent
KEY_DIR = HERE / "data" / "news_questions_real"
TYPES = {"r": "rhetorical", "h": "hypophora", "i": "information"}
TEST_SHARE = 0.3
MARK_RE = re.compile(r"[?!]*\?[?!]*(?![\w])")
SEED = 14


def articles(data: Path):
    """(key, text, title) of every article in the four files, in file order."""
    for corpus, split in (("polnear", "dev"), ("pac", "train"), ("pac", "dev"), ("polnear", "train")):
        for row in read_jsonl(require(data / corpus / f"{split}.jsonl")):
            yield f"{corpus}:{split}:{row['id']}", row["text"], row.get("title") or ""


def sample(data: Path, minimum: int) -> list[tuple[str, str, str]]:
    chosen, rest = [], []
    for key, text, title in articles(data):
        if not MARK_RE.search(text):
            continue
        (rest if key.startswith("polnear:train:") else chosen).append((key, text, title))
    random.Random(SEED).shuffle(rest)
    n = sum(len(MARK_RE.findall(t)) for _, t, _ in chosen)
    for art in rest:
        if n >= minimum:
            break
        chosen.append(art)
        n += len(MARK_RE.findall(art[1]))
    return chosen


def _rows() -> list[dict]:
    """Rows of ``questions.jsonl`` before batch 2 (so a rerun after the merge draws the same batch)."""
    rows = [json.loads(line) for line in (KEY_DIR / "questions.jsonl").read_text(encoding="utf-8").splitlines()]
    later = batch2_qids()
    return [r for r in rows if r["qid"] not in later]


def _words(text: str, start: int, end: int) -> str:
    return " ".join(text[start:end].split()).lower()


def used() -> tuple[set[str], int]:
    """Articles already in ``questions.jsonl`` and its highest qid."""
    rows = _rows()
    return {r["article"] for r in rows}, max((r["qid"] for r in rows), default=0)


def batch2_qids() -> set[int]:
    path = KEY_DIR / "codes_batch2.tsv"
    return set(read_codes(path)) if path.exists() else set()


def sample_batch2(data: Path, minimum: int) -> list[tuple[str, str, str]]:
    """Next articles of the seed-14 PolNeAR train order (then PAC train), none already used."""
    done, _ = used()
    texts = {key: text for key, text, _ in articles(data)}
    # the reprint rule of ``build``: an article sharing a question's words
    # (over 25 characters) with a test article belongs to the test split, so
    # it cannot join this all-train batch
    test_words = {_words(texts[r["article"]], r["start"], r["end"])
                  for r in _rows() if r["split"] == "test"}
    polnear, pac = [], []
    for key, text, title in articles(data):
        if not MARK_RE.search(text) or key in done:
            continue
        if any(len(w) > 25 and w in test_words for w in (_words(text, s, e) for s, e in candidates(text))):
            continue
        if key.startswith("polnear:train:"):
            polnear.append((key, text, title))
        elif key.startswith("pac:train:"):
            pac.append((key, text, title))
    # the same shuffle as ``sample``: reproduce it over all PolNeAR train
    # articles with a ``?``, then drop the used ones, keeping the order
    order = [k for k, t, _ in articles(data) if k.startswith("polnear:train:") and MARK_RE.search(t)]
    random.Random(SEED).shuffle(order)
    rank = {k: i for i, k in enumerate(order)}
    polnear.sort(key=lambda a: rank[a[0]])
    chosen, n = [], 0
    for art in polnear + pac:
        if n >= minimum:
            break
        chosen.append(art)
        n += len(MARK_RE.findall(art[1]))
    return chosen


def candidates(text: str) -> list[tuple[int, int]]:
    doc = Document(text)
    starts = {q.end: q.start for q in find_questions(doc)}
    out = []
    for m in MARK_RE.finditer(text):
        end = m.end()
        start = starts.get(end)
        if start is None:
            si = doc.sentence_index(m.start())
            start = doc.sentences[si].start if si is not None else max(0, text.rfind("\n", 0, m.start()) + 1)
        out.append((start, end))
    return out


def blocks(text: str) -> list[tuple[int, int]]:
    """Paragraphs: blank-line blocks, or lines when the text has no blank lines."""
    sep = r"\n\s*\n" if re.search(r"\n\s*\n", text) else r"\n"
    out, pos = [], 0
    for m in re.finditer(sep, text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def clip(s: str, n: int, tail: bool = False) -> str:
    s = " ".join(s.split())
    if len(s) <= n:
        return s
    return "…" + s[-n:] if tail else s[:n] + "…"


def read_codes(path: Path) -> dict[int, dict]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        qid, voice, kind, conf, head, reason = line.split("\t")
        out[int(qid)] = {"voice": {"a": "author", "q": "quoted"}[voice], "type": TYPES[kind],
                         "confidence": int(conf), "headline": head == "1", "reason": reason}
    return out


def build(data: Path, out: Path) -> None:
    """Merge candidates and codes into ``questions.jsonl`` with a split by article."""
    cands = [json.loads(line) for line in (out / "candidates.jsonl").read_text().splitlines()]
    first = read_codes(KEY_DIR / "codes_pass1.tsv")
    second = read_codes(KEY_DIR / "codes_pass2_blind.tsv")
    texts = {key: text for key, text, _ in articles(data)}
    # reprints: articles sharing a question's words go to one split
    parent: dict[str, str] = {}

    def find(a: str) -> str:
        while parent.setdefault(a, a) != a:
            a = parent[a]
        return a
    seen: dict[str, str] = {}
    for c in cands:
        words = _words(texts[c["article"]], c["start"], c["end"])
        if len(words) > 25 and words in seen:
            parent[find(c["article"])] = find(seen[words])
        seen.setdefault(words, c["article"])
    groups = sorted({find(c["article"]) for c in cands})
    random.Random(SEED).shuffle(groups)
    test = set(groups[: round(TEST_SHARE * len(groups))])
    with open(KEY_DIR / "questions.jsonl", "w", encoding="utf-8") as fh:
        for c in cands:
            code = first[c["qid"]]
            row = {**c, "split": "test" if find(c["article"]) in test else "train",
                   "voice": code["voice"], "type": code["type"],
                   "rhetorical": code["type"] != "information", "confidence": code["confidence"],
                   "headline": code["headline"], "reason": code["reason"]}
            if c["qid"] in second:
                row["second_pass"] = {k: second[c["qid"]][k] for k in ("voice", "type", "confidence")}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    n_test = sum(find(c["article"]) in test for c in cands)
    print(f"{len(cands)} questions ({n_test} test) -> {KEY_DIR / 'questions.jsonl'}")


def build_batch2(out: Path) -> None:
    """Append batch 2 (all ``train``) to ``questions.jsonl``; existing lines stay byte-identical."""
    cands = [json.loads(line) for line in (out / "candidates.jsonl").read_text().splitlines()]
    codes = read_codes(KEY_DIR / "codes_batch2.tsv")
    missing = [c["qid"] for c in cands if c["qid"] not in codes]
    if missing:
        raise SystemExit(f"{len(missing)} batch-2 candidates uncoded, first {missing[:5]}")
    new = {c["qid"] for c in cands}
    path = KEY_DIR / "questions.jsonl"
    keep = [line for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
            if json.loads(line)["qid"] not in new]
    with open(path, "w", encoding="utf-8") as fh:
        fh.writelines(keep)
        for c in cands:
            code = codes[c["qid"]]
            row = {**c, "split": "train", "voice": code["voice"], "type": code["type"],
                   "rhetorical": code["type"] != "information", "confidence": code["confidence"],
                   "headline": code["headline"], "reason": code["reason"]}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(cands)} batch-2 questions appended (train) -> {path}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--out", type=Path, default=Path("/tmp/rq_realnews"))
    ap.add_argument("--min", type=int, default=650)
    ap.add_argument("--build", action="store_true", help="merge the codes into questions.jsonl")
    ap.add_argument("--batch", type=int, choices=(1, 2), default=1,
                    help="2: the next articles of the same order, appended as train")
    args = ap.parse_args()
    if args.batch == 2 and args.out == Path("/tmp/rq_realnews"):
        args.out = Path("/tmp/rq_realnews_b2")
    if args.build:
        build_batch2(args.out) if args.batch == 2 else build(args.data, args.out)
        return
    args.out.mkdir(parents=True, exist_ok=True)
    rows, listing, qid = [], [], 0
    if args.batch == 2:
        arts, qid = sample_batch2(args.data, args.min), used()[1]
    else:
        arts = sample(args.data, args.min)
    for key, text, title in arts:
        paras = blocks(text)
        listing.append(f"\n######## {key}\nTITLE: {title}")
        by_para: dict[int, list[tuple[int, int, int]]] = {}
        for start, end in candidates(text):
            qid += 1
            rows.append({"qid": qid, "article": key, "start": start, "end": end})
            pi = next((i for i, (s, e) in enumerate(paras) if s <= end - 1 < e), -1)
            by_para.setdefault(pi, []).append((qid, start, end))
        for pi, qs in by_para.items():
            if pi < 0:
                listing.extend(f"[{n}] (outside paragraphs) {text[s:e]!r}" for n, s, e in qs)
                continue
            ps, pe = paras[pi]
            before = clip(text[paras[pi - 1][0]:paras[pi - 1][1]], 220, tail=True) if pi else "(start)"
            after = clip(text[paras[pi + 1][0]:paras[pi + 1][1]], 220) if pi + 1 < len(paras) else "(end)"
            lo = max(ps, qs[0][1] - 350)
            hi = min(pe, qs[-1][2] + 300)
            here, pos = ("…" if lo > ps else ""), lo
            for n, s, e in qs:
                s = max(s, pos)
                here += text[pos:s] + f"⟦{n}: " + text[s:e] + "⟧"
                pos = e
            here += text[pos:hi] + ("…" if hi < pe else "")
            listing.append(f"[{','.join(str(n) for n, _, _ in qs)}] para {pi}/{len(paras)}  <<{before}>>\n"
                           f"    {' '.join(here.split())}\n    >>{after}")
    with open(args.out / "candidates.jsonl", "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r) + "\n")
    (args.out / "listing.txt").write_text("\n".join(listing) + "\n", encoding="utf-8")
    print(f"{len(rows)} candidates in {len({r['article'] for r in rows})} articles -> {args.out}")


if __name__ == "__main__":
    main()
