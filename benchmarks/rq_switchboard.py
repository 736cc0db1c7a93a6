"""Rhetorical-question stress test on Switchboard (Bhattasali et al. 2015 data).

Data: ``../shared/data/rq_switchboard/train.jsonl`` (``--data``), 5,960
questions from telephone conversations, 351 labelled rhetorical (SWBD-DAMSL
``qh``), each with the next turn and two previous turns. This is not news: it
is a stress test, reported as-is. Published reference: Bhattasali et al. 2015
(ACL), F1 ≈ 54 for the rhetorical class with n-grams + context features,
trained on this data; our rules were not trained on it.

How an item becomes a text (the mapping, and why):

* the question is cleaned of transcription marks (``t_laugh``, ``t_con``,
  ``#``, leading dashes) and, when the transcript did not end it with ``?``
  (about a third of the items), its final ``.``/``,``/``-`` is replaced by
  ``?`` — every item *is* a question by the annotation, and the analyzer only
  sees questions that end in ``?``;
* when the next turn is by the same speaker, it follows the question in the
  same text (that is where a speaker answers their own question: hypophora);
  another speaker's turn is left out, because news text has no equivalent of
  an addressee's reply (previous turns are not used either);
* no quotation marks are added. Two voice mappings are scored:
  ``author`` — the text as written by an author, so the news default (an
  author's unanswered question is rhetorical) applies: this is the brief's
  mapping and is expected to over-predict, since a conversation partner,
  unlike a newspaper reader, can answer; ``speaker`` — the same text with the
  voice map marking it as one speaker's quoted voice, so the
  quoted-question rules apply (information-seeking unless a rhetorical cue
  fires or the speaker answers): the fairer analogue of a conversation;
* the classification of the question that ends the cleaned question text is
  the prediction. Positive class: ``type == "rhetorical"``, and in a second
  line rhetorical + hypophora (a question the speaker answers is not asked of
  the addressee, which the ``qh`` definition also covers).

Usage: ``python benchmarks/rq_switchboard.py [--data PATH] [--errors N]``
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from framing.analyzers import Context, VoiceMap
from framing.analyzers.questions.analyzer import analyze_questions
from framing.document import Document

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "rq_switchboard" / "train.jsonl"
MARKS_RE = re.compile(r"\bt_\w+\b|#|\[[^\]]*\]|<[^>]*>")
LEAD_RE = re.compile(r"^[\s\-–—,.]+")
TAIL_RE = re.compile(r"[\s\-–—,.;:]+$")


def clean(turn: str | None) -> str:
    t = MARKS_RE.sub(" ", turn or "")
    t = re.sub(r"\s+([,.?!])", r"\1", re.sub(r"\s+", " ", t))
    return LEAD_RE.sub("", t).strip()


def as_question(q: str) -> str:
    q = TAIL_RE.sub("", clean(q))
    return q if q.endswith("?") else q + "?"


def build(item: dict) -> tuple[str, int]:
    """The text for one item and the offset where the question ends."""
    q = as_question(item["question"])
    nxt = item.get("next") or {}
    text = q
    if nxt.get("same_speaker") and clean(nxt.get("text")):
        text = q + " " + clean(nxt["text"])
    return text, len(q)


def classify(text: str, q_end: int, voice: str) -> str:
    doc = Document(text)
    ctx = Context.for_document(doc)
    if voice == "speaker":
        ctx.voices = VoiceMap([(0, len(text))])
    items = analyze_questions(ctx).items
    ends = [i for i in items if i.end == q_end] or [i for i in items if i.end <= q_end]
    return ends[-1].type if ends else "information"


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--errors", type=int, default=0, help="print N false negatives and N false positives")
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"Switchboard rhetorical-question data not found at {args.data}; "
              f"pass --data PATH to train.jsonl. Skipping.")
        return 0
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = [bool(r["is_rhetorical"]) for r in rows]
    n_pos = sum(gold)
    print(f"rq_switchboard: {len(rows)} questions, {n_pos} rhetorical "
          f"(base rate {100 * n_pos / len(rows):.1f}%) — conversational stress test, not news")
    print("published: Bhattasali et al. 2015, F1 ≈ 54 (n-grams + context, trained on this data)")
    for voice in ("author", "speaker"):
        t0 = time.perf_counter()
        preds = []
        for r in rows:
            text, q_end = build(r)
            preds.append(classify(text, q_end, voice))
        dt = time.perf_counter() - t0
        print(f"mapping '{voice}' ({dt:.1f} s; predicted types {dict(Counter(preds))})")
        for title, positive in (("rhetorical", {"rhetorical"}),
                                ("rhetorical + hypophora", {"rhetorical", "hypophora"})):
            tp = sum(1 for g, p in zip(gold, preds) if g and p in positive)
            fp = sum(1 for g, p in zip(gold, preds) if not g and p in positive)
            fn = sum(1 for g, p in zip(gold, preds) if g and p not in positive)
            p, rc, f = prf(tp, fp, fn)
            print(f"  {title:<24} P {100 * p:5.1f}  R {100 * rc:5.1f}  F1 {100 * f:5.1f}  "
                  f"(tp {tp}, fp {fp}, fn {fn})")
        if args.errors:
            fns = [build(r)[0] for r, g, p in zip(rows, gold, preds) if g and p == "information"]
            fps = [build(r)[0] for r, g, p in zip(rows, gold, preds) if not g and p != "information"]
            print("  false negatives:", *fns[: args.errors], sep="\n    ")
            print("  false positives:", *fps[: args.errors], sep="\n    ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
