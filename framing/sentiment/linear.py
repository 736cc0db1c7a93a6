"""Target-dependent sentiment: how a sentence treats the entity at a span.

``target_sentiment(text, [(start, end), ...])`` scores each span on its own,
so "Ana praised Ben but mocked Cal" gives Ben and Cal different labels. The
model is a multinomial logistic regression (trained with scikit-learn by
``benchmarks/train_sentiment.py`` on NewsMTSC, Hamborg & Donnay 2021) whose
weights ship in ``framing/models/target_sentiment.json`` and are applied here
in pure Python: no scikit-learn or numpy at run time. Features are scaled by
their naive-Bayes log-count ratio before fitting (Wang & Manning 2012), the
scale folded into the weights; the intercept carries per-class offsets that
maximise macro-F1 on out-of-fold training scores (threshold tuning after
Lipton et al. 2014), so the label is still the argmax of one linear model.

Features of a mention, all computed from the parsed :class:`Document`
(tokens, sentences, quotation marks) and two lexicons:

* **target-marked context**: the words left and right of the target, by side
  and distance (≤3, ≤8 tokens), their first five characters by side (a crude
  stem: "corrupt", "corruption"), and the 1–3 words touching it ("<T> was
  accused", "praised <T>");
* **lexicon polarity around the target**: VADER valences (Hutto & Gilbert
  2014; read from the installed ``vaderSentiment`` package, not copied)
  weighted by distance, per side, inside the target's clause, before/after a
  contrast word ("but", "although"), flipped under negation within three
  words (VADER's own rule, factor -0.74);
* **role**: whether the target is the subject of a framing verb, its object,
  the patient of a passive ("was accused"), or the agent after "by", with
  the verb's connotation toward object and subject
  (``lexicons/actor_framing_verbs.tsv``, after Rashkin et al. 2016); the
  target as clause subject / object of a preposition / other, crossed with
  the VADER tone of the rest of its clause; a possessive target ("<T>'s");
* **voice**: whether the target sits inside quotation marks, and whether it
  is the speaker of a reporting verb next to it;
* **sentence tone**: a bag of the sentence's words and of their first five
  characters, with the target's own tokens replaced by one ``<t>`` token (so
  the model learns no prior about particular people) and numbers by
  ``<num>``. Word bigrams were dropped: grouped CV on the training data was
  higher without them.

``score`` is P(positive) − P(negative), in [-1, 1]; ``label`` follows the
score by the one rule of :mod:`framing.sentiment.labels`; ``probabilities``
gives all three. This is the ``fast`` model; the default is the fine-tuned
encoder (:mod:`framing.sentiment.encoder`).

This module holds the features (what training sees) and the scorer;
:mod:`framing.sentiment.rules` the word lists, lexicons, weights and shared
rules; :mod:`framing.sentiment.fast` the table-lookup scorer that gives the
same numbers without building feature names.
"""
from __future__ import annotations

import math
from bisect import bisect_right
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from operator import itemgetter
from typing import Sequence

from ..document import Document
from .fast import W, WP, _fast_model, _FastModel, _mention_z
from .rules import LABELS, _add
from .rules import MODEL_FILE, _model  # noqa: F401  (re-exported)
from .labels import label_of

__all__ = ["TargetSentiment", "SentimentScorer", "target_sentiment", "features",
           "LABELS", "use_model", "user_model"]

# a model written by `framing train` (framing.train), in force inside use_model()
_USER: ContextVar[tuple[_FastModel, str] | None] = ContextVar("framing_user_sentiment",
                                                              default=None)


def _user_fast_model(data: dict) -> _FastModel:
    """A user's ``framing.linear/1`` model as the fast scorer's tables;
    ``ValueError`` naming what is wrong."""
    if not isinstance(data, dict) or data.get("format") != "framing.linear/1":
        raise ValueError("format must be 'framing.linear/1'")
    if tuple(data.get("classes", ())) != LABELS:
        raise ValueError(f"classes must be {list(LABELS)}")
    intercept, weights = data.get("intercept"), data.get("weights")
    if not (isinstance(intercept, list) and len(intercept) == 3
            and all(isinstance(x, (int, float)) for x in intercept)):
        raise ValueError("intercept must be three numbers")
    if not isinstance(weights, dict):
        raise ValueError("weights must map feature names to three numbers")
    for k, w in weights.items():
        if not (isinstance(w, list) and len(w) == 3 and all(isinstance(x, (int, float)) for x in w)):
            raise ValueError(f"weights[{k!r}] must be three numbers")
    return _FastModel(tuple(float(x) for x in intercept),
                      {k: [float(x) for x in w] for k, w in weights.items()})


@contextmanager
def use_model(data: dict, source: str = "user model"):
    """Inside the block the linear scorer uses the model ``data`` (a parsed
    ``framing.linear/1`` model, as ``framing train`` writes) instead of the
    shipped one; the shipped file is never changed."""
    token = _USER.set((_user_fast_model(data), source))
    try:
        yield
    finally:
        _USER.reset(token)


def user_model() -> str | None:
    """What the user model in force is (its file and checksum), or ``None``."""
    user = _USER.get()
    return None if user is None else user[1]



@dataclass(frozen=True)
class TargetSentiment:
    """Sentiment toward the entity at ``text[start:end]``."""

    start: int
    end: int
    label: str
    score: float
    probabilities: dict
from .features import _bag, _DocView, _mention_features, _Sentence  # noqa: F401


class SentimentScorer:
    """Scores spans of one :class:`Document`; sentences are prepared once.

    ``SentimentScorer(doc).score(start, end)`` → :class:`TargetSentiment`.
    """

    def __init__(self, doc: Document):
        self.doc = doc
        user = _USER.get()
        self._fm: _FastModel | None = None if user is None else user[0]
        sents = doc.sentences
        self._by_sentence: list[_Sentence | None] = [None] * len(sents)
        self._sentences: dict[tuple[int, int], _Sentence] = {}  # other contexts
        self._starts = starts = list(map(itemgetter(0), sents))
        self._ends = ends = list(map(itemgetter(1), sents))
        # a span starting in sentence i and ending by _within[i] has that
        # sentence as its context (see _context)
        self._within = list(map(min, ends, starts[1:] + [len(doc.text) + 1]))
        self._view: _DocView | None = None
        self._quote_starts = [q.start for q in doc.quotes]

    def _doc_view(self) -> _DocView:
        if self._view is None:
            self._view = _DocView(self.doc)
        return self._view

    def _context(self, start: int, end: int) -> tuple[int, int]:
        doc = self.doc
        i = doc.sentence_index(start)
        j = doc.sentence_index(max(start, end - 1))
        lo = doc.sentences[i].start if i is not None else start
        hi = doc.sentences[j].end if j is not None else end
        return min(lo, start), max(hi, end)

    def _in_quote(self, start: int, end: int) -> bool:
        k = bisect_right(self._quote_starts, start) - 1
        while k >= 0:
            q = self.doc.quotes[k]
            if q.start <= start and end <= q.end:
                return True
            if q.depth == 0:
                break
            k -= 1
        return False

    def _locate(self, start: int, end: int) -> tuple[_Sentence, int, int]:
        """The span's prepared sentence and its token range ``[a, b)`` there."""
        i = bisect_right(self._starts, start) - 1
        if i >= 0 and start < self._ends[i] and end <= self._within[i]:
            # the usual case: the span lies in one sentence, its context
            sent = self._by_sentence[i]
            if sent is None:
                sent = self._by_sentence[i] = _Sentence(self._doc_view(), self._starts[i],
                                                        self._ends[i])
        else:
            key = self._context(start, end)
            sent = self._sentences.get(key)
            if sent is None:
                sent = self._sentences[key] = _Sentence(self._doc_view(), *key)
        n = len(sent.words)
        starts = sent.starts
        # the first token ending after start: the last one starting at or
        # before start, or the next one when that one ends by start
        a = bisect_right(starts, start) - 1
        if a < 0 or self.doc.tokens[sent.i0 + a].end <= start:
            a += 1
        b = bisect_right(starts, end - 1)            # tokens starting before end
        if b <= a and n:  # span between tokens: the next token stands for it
            a = min(a, n - 1)
            b = a + 1
        return sent, a, b

    def _parts(self, start: int, end: int) -> tuple[_Sentence, int, int, dict]:
        sent, a, b = self._locate(start, end)
        mention = _mention_features(sent, a, b, sent.words[a:b], self._in_quote(start, end))
        return sent, a, b, mention

    def features(self, start: int, end: int) -> dict[str, float]:
        """Every feature of the span, as the training script sees them."""
        sent, a, b, mention = self._parts(start, end)
        out = dict(sent.lex)
        masked = sent.words[:a] + ["<t>"] + sent.words[b:] if b > a else sent.words
        for part in (_bag(masked), mention):
            for k, v in part.items():
                _add(out, k, v)
        return out

    def score(self, start: int, end: int) -> TargetSentiment:
        classes = LABELS
        z = self._z(start, end)
        top = max(z)
        ex = [math.exp(x - top) for x in z]
        total = sum(ex)
        p = [e / total for e in ex]
        probs = {classes[c]: round(p[c], 4) for c in range(3)}
        score = round(p[2] - p[0], 4)  # classes are LABELS: negative, neutral, positive
        return TargetSentiment(start, end, label_of(score), score, probs)

    def label_score(self, start: int, end: int) -> tuple[str, float]:
        """``(label, score)`` of :meth:`score`, without building the result."""
        z0, z1, z2 = self._z(start, end)
        top = z0 if z0 >= z1 and z0 >= z2 else z1 if z1 >= z2 else z2
        e0, e1, e2 = math.exp(z0 - top), math.exp(z1 - top), math.exp(z2 - top)
        total = e0 + e1 + e2
        score = round(e2 / total - e0 / total, 4)
        return label_of(score), score

    def _z(self, start: int, end: int) -> tuple[float, float, float]:
        """The three class scores of the span: what :func:`_dot` of
        :meth:`features` with the model weights gives, computed from
        per-template weight tables (no feature names are built)."""
        fm = self._fm if self._fm is not None else _fast_model()
        sent, a, b = self._locate(start, end)
        sh = sent.prepare(fm)
        intercept = fm.intercept
        z0 = intercept[0] + sh[0]
        z1 = intercept[1] + sh[1]
        z2 = intercept[2] + sh[2]
        if b > a:  # the target becomes one "<t>" token in the sentence bag
            winfo, pinfo = sent.winfo, sent.pinfo
            for i in range(a, b):
                w = winfo[i][W]
                if w is not None:
                    w0, w1, w2 = w
                    z0 -= w0
                    z1 -= w1
                    z2 -= w2
                w = pinfo[i][WP]
                if w is not None:
                    w0, w1, w2 = w
                    z0 -= w0
                    z1 -= w1
                    z2 -= w2
            w0, w1, w2 = fm.t
            z0 += w0
            z1 += w1
            z2 += w2
        m = _mention_z(sent, a, b, self._in_quote(start, end), fm)
        return z0 + m[0], z1 + m[1], z2 + m[2]


def features(doc: Document, start: int, end: int) -> dict[str, float]:
    """All features of the span, as the training script sees them."""
    return SentimentScorer(doc).features(start, end)


def target_sentiment(text: str | Document,
                     spans: Sequence[tuple[int, int]]) -> list[TargetSentiment]:
    """Sentiment toward the entity at each ``(start, end)`` span of ``text``.

    One :class:`TargetSentiment` per span, in order, each with ``label``
    ("negative" | "neutral" | "positive"), ``score`` in [-1, 1] and
    ``probabilities``, from the linear model (``framing.target_sentiment``
    chooses between it and the encoder). Raises ``ValueError`` for a span
    outside the text.
    """
    doc, spans = checked_spans(text, spans)
    scorer = SentimentScorer(doc)
    return [scorer.score(start, end) for start, end in spans]


def checked_spans(text: str | Document, spans: Sequence[tuple[int, int]]
                  ) -> tuple[Document, list[tuple[int, int]]]:
    """The parsed document and the spans as int pairs; ``ValueError`` for a
    span outside the text."""
    doc = text if isinstance(text, Document) else Document(text)
    n = len(doc.text)
    spans = [(int(s[0]), int(s[1])) for s in spans]
    for start, end in spans:
        if not 0 <= start < end <= n:
            raise ValueError(f"span ({start}, {end}) is not inside the text (length {n})")
    return doc, spans
