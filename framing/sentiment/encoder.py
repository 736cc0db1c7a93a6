"""Target sentiment from the fine-tuned encoder (the default model).

Each span is scored in its sentence (the Document's sentence holding it;
a span across sentences takes all of them), every target of a document in
one batched pass (:func:`framing.models.encoder.probabilities`).
"""
from __future__ import annotations

from typing import Sequence

from ..document import Document
from ..models.encoder import probabilities
from .labels import label_of

LABELS = ("negative", "neutral", "positive")


def score_spans(doc: Document, spans: Sequence[tuple[int, int]]) -> list[tuple[str, float, dict]]:
    """(label, score, probabilities) per span, in order."""
    groups: dict[tuple[int, int], list[int]] = {}
    for k, (start, end) in enumerate(spans):
        i = doc.sentence_index(start)
        j = doc.sentence_index(max(start, end - 1))
        lo = doc.sentences[i].start if i is not None else start
        hi = doc.sentences[j].end if j is not None else end
        groups.setdefault((min(lo, start), max(hi, end)), []).append(k)
    items, order = [], []
    for (lo, hi), ks in groups.items():
        items.append((doc.text[lo:hi], [(spans[k][0] - lo, spans[k][1] - lo) for k in ks]))
        order.extend(ks)
    out: list = [None] * len(spans)
    for k, p in zip(order, probabilities(items)):
        score = round(p[2] - p[0], 4)
        out[k] = (label_of(score), score, {c: round(v, 4) for c, v in zip(LABELS, p)})
    return out
