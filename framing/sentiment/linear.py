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

``score`` is P(positive) − P(negative), in [-1, 1]; ``label`` is the most
probable class; ``probabilities`` gives all three.

This module holds the features (what training sees) and the scorer;
:mod:`framing.sentiment.rules` the word lists, lexicons, weights and shared
rules; :mod:`framing.sentiment.fast` the table-lookup scorer that gives the
same numbers without building feature names.
"""
from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate, chain, compress, repeat
from operator import is_not, itemgetter
from typing import Sequence

from ..document import Document
from .fast import NO_PREFIX, NO_WORD, W, WP, _dot, _fast_model, _FastModel, _mention_z
from .rules import (BE, BREAKS, CONTRAST, LABELS, NEGATORS, POSSESSIVE, PRE_NAME,
                              PREFIX, PREPS, PRONOUNS, ROLE_STOPS, SAY, WINDOW, _add, _bucket,
                              _clause, _names_only, _norm, _role_polarity,
                              first_valence, framing_verbs, vader_lexicon)
from .rules import MODEL_FILE, _model  # noqa: F401  (re-exported)

__all__ = ["TargetSentiment", "SentimentScorer", "target_sentiment", "features",
           "LABELS"]

@dataclass(frozen=True)
class TargetSentiment:
    """Sentiment toward the entity at ``text[start:end]``."""

    start: int
    end: int
    label: str
    score: float
    probabilities: dict



# -- per-sentence view -----------------------------------------------------------
class _DocView:
    """Per-token data of a whole document, computed once and sliced by every
    sentence: lower-cased words and their prefixes, raw VADER valences, the
    positions of lexicon words, clause breaks and contrast words."""

    __slots__ = ("doc", "toks", "starts", "words", "pref", "raw", "vidx", "brk",
                 "contra", "qstarts")

    def __init__(self, doc: Document):
        self.doc = doc
        self.toks = doc.tokens
        self.starts = doc.token_starts
        # lower-cased tokens, numbers as "<num>" (a token's first character
        # is a digit exactly when its lower-cased first character is)
        self.words = words = list(doc.lower_tokens)
        for i in compress(range(len(words)), map(str.isdigit, map(_FIRST, words))):
            words[i] = "<num>"
        self.pref = list(map(_PREFIX, words))
        get = vader_lexicon().get
        self.raw = raw = list(map(get, words))
        positions = range(len(words))
        self.vidx = list(compress(positions, map(is_not, raw, repeat(None))))
        self.brk = brk = list(compress(positions, map(_BREAKS.__contains__, words)))
        self.contra = [i for i in brk if words[i] in CONTRAST]
        self.qstarts = [q.start for q in doc.quotes]


_FIRST = itemgetter(0)  # a word's first character (tokens are never empty)
_PREFIX = itemgetter(slice(0, PREFIX))
_BREAKS = BREAKS | CONTRAST  # where _clause stops
_ZERO_FOR_NONE = {None: 0.0}  # .get(v, v): v, or 0.0 for None
_BAG_W, _BAG_WP = itemgetter(W), itemgetter(WP)  # "w:" / "wp:" weights of a vocab entry


class _Sentence:
    """Tokens of one context (normally a sentence: ``[lo, hi)``), lower-cased,
    with their VADER valence after negation (within three tokens back, not
    before the context start) and the target-independent features; computed
    once, shared by every target in the context."""

    __slots__ = ("view", "lo", "hi", "i0", "starts", "words", "pref", "val", "cum",
                 "vpos", "contra", "brk", "_lex", "shared", "winfo", "pinfo",
                 "vnear")

    def __init__(self, view: _DocView, lo: int, hi: int):
        doc = view.doc
        # the tokens inside [lo, hi) (as Document.tokens_in): only the last
        # token of the range can run past ``hi``
        i0 = doc.token_index(lo)
        i1 = doc.token_index(hi)
        if i1 > i0 and view.toks[i1 - 1].end > hi:
            i1 -= 1
        self.view, self.lo, self.hi, self.i0 = view, lo, hi, i0
        self.starts = view.starts[i0:i1]
        self.words = view.words[i0:i1]
        self.pref = view.pref[i0:i1]
        val: list[float | None] = view.raw[i0:i1]
        vz = list(map(_ZERO_FOR_NONE.get, val, val))  # as val, 0.0 for None
        vpos = []  # (index, valence after negation, raw valence) of each lexicon word
        dwords = view.words
        vidx = view.vidx
        for i in vidx[bisect_left(vidx, i0):bisect_left(vidx, i1)]:
            v = raw = val[i - i0]
            for j in range(max(i - 3, i0), i):
                w = dwords[j]
                if w in NEGATORS or w.endswith("n't"):
                    v = val[i - i0] = vz[i - i0] = -0.74 * raw  # type: ignore[operator]
                    break
            if v:
                vpos.append((i - i0, v, raw))
        self.val = val
        self.cum = list(accumulate(vz, initial=0.0))
        self.vpos = vpos
        brk = view.brk
        self.brk = [i - i0 for i in brk[bisect_left(brk, i0):bisect_left(brk, i1)]]
        contra = view.contra
        k = bisect_left(contra, i0)
        self.contra = contra[k] - i0 if k < len(contra) and contra[k] < i1 else None
        self._lex: dict | None = None
        self.shared: tuple[float, float, float] | None = None
        self.winfo: list = []  # per token: its word's weights by template (fm.vocab)
        self.pinfo: list = []  # per token: its prefix's weights by template (fm.pvocab)
        self.vnear: list = []  # per vpos: (index, valence, |valence| / 4, "vb:<side><dist>" weights)

    @property
    def lex(self) -> dict:
        """The context's lexicon features (:func:`_lexicon_features`)."""
        if self._lex is None:
            self._lex = _lexicon_features(self)
        return self._lex

    def prepare(self, fm: "_FastModel") -> tuple[float, float, float]:
        """The target-independent part of the score (lexicon features and the
        sentence bag), and the per-token weights the targets reuse; once."""
        if self.shared is None:
            self.winfo = winfo = list(map(fm.vocab.get, self.words, repeat(NO_WORD)))
            self.pinfo = pinfo = list(map(fm.pvocab.get, self.pref, repeat(NO_PREFIX)))
            z0, z1, z2 = _dot(self.lex, fm.weights, 1.0)
            # the bag: every word's "w:" weight, then every prefix's "wp:" weight
            for w0, w1, w2 in filter(None, chain(map(_BAG_W, winfo), map(_BAG_WP, pinfo))):
                z0 += w0
                z1 += w1
                z2 += w2
            sides = fm.vb_sides
            self.vnear = [(i, v, abs(v) / 4, sides[(raw > 0) != (v > 0), v < 0, abs(raw) >= 2])
                          for i, v, raw in self.vpos]
            self.shared = (z0, z1, z2)
        return self.shared


def _bag(words: list[str]) -> dict:
    """The sentence's words and their first PREFIX characters (a crude stem,
    so "corrupt" and "corruption" share evidence)."""
    f: dict[str, float] = {}
    for w in words:
        _add(f, "w:" + w)
        _add(f, "wp:" + w[:PREFIX])
    return f


_VB_KEY = {(flipped, neg, strong): "vb:" + ("~" if flipped else "") + ("-" if neg else "+")
           + ("2" if strong else "1")
           for flipped in (False, True) for neg in (False, True) for strong in (False, True)}


def _lexicon_features(s: _Sentence) -> dict:
    """Lexicon features of the context: polarity mass, negated words, the
    valence words by sign and strength, the compound tone, a quote inside."""
    f: dict[str, float] = {}
    get = f.get
    for _, v, raw in s.vpos:
        flipped = (raw > 0) != (v > 0)
        k = "v_all_p" if v > 0 else "v_all_n"
        f[k] = get(k, 0.0) + abs(v) / 4
        if flipped:
            k = "negated_p" if raw > 0 else "negated_n"
            f[k] = get(k, 0.0) + 1.0
        k = _VB_KEY[flipped, v < 0, abs(raw) >= 2]
        f[k] = get(k, 0.0) + 1.0
    c = _norm(s.cum[-1])  # the compound of all valences (VADER's normalisation)
    _add(f, "vc_all", c)
    _add(f, "vcb_all:" + _bucket(c))
    quotes = s.view.doc.quotes  # sorted by start
    lo, hi = s.lo, s.hi
    for k in range(bisect_left(s.view.qstarts, lo), len(quotes)):
        q = quotes[k]
        if q.start > hi:
            break
        if q.end <= hi:
            _add(f, "hasq")
            break
    return f


def _mention_features(s: _Sentence, a: int, b: int, tgt: list[str],
                      in_quote: bool) -> dict:
    """Features of the target at token indices ``[a, b)`` of sentence ``s``."""
    f: dict[str, float] = {}
    get = f.get
    words, val, cum = s.words, s.val, s.cum
    n = len(words)
    # words near the target, by side and distance (≤ 3, 4–8 tokens; the rest
    # of the sentence is in the shared bag)
    pref = s.pref
    for i in range(max(a - WINDOW, 0), a):
        k = ("Ln:" if a - i <= 3 else "Lm:") + words[i]
        f[k] = get(k, 0.0) + 1.0
        k = "Lp:" + pref[i]
        f[k] = get(k, 0.0) + 1.0
    for i in range(b, min(b + WINDOW, n)):
        k = ("Rn:" if i - b < 3 else "Rm:") + words[i]
        f[k] = get(k, 0.0) + 1.0
        k = "Rp:" + pref[i]
        f[k] = get(k, 0.0) + 1.0
    if a >= 1:
        f["tl:" + words[a - 1]] = 1.0
        if a >= 2:
            f["tl:" + " ".join(words[a - 2:a])] = 1.0
            if a >= 3:
                f["tl:" + " ".join(words[a - 3:a])] = 1.0
    if b < n:
        f["tr:" + words[b]] = 1.0
        if b + 1 < n:
            f["tr:" + " ".join(words[b:b + 2])] = 1.0
            if b + 2 < n:
                f["tr:" + " ".join(words[b:b + 3])] = 1.0
    last = tgt[-1] if tgt else ""
    f["tp:" + last if last in PRONOUNS else "tp:name"] = 1.0
    if last.endswith(POSSESSIVE):
        f["t_poss"] = 1.0
    # lexicon polarity around the target
    cl_lo = _clause(words, a, -1) if a > 0 else 0
    cl_hi = _clause(words, b - 1, 1) if b > 0 else -1
    contra = s.contra
    for i, v, raw in s.vpos:
        if a <= i < b:
            continue
        if i < a:
            d, side = a - i, "L"
        else:
            d, side = i - b + 1, "R"
        pol = "p" if v > 0 else "n"
        av = abs(v) / 4
        k = "v_" + side + "_" + pol
        f[k] = get(k, 0.0) + av / (1.0 + d / 4.0)
        if (cl_lo <= i < a) or (b <= i <= cl_hi):
            k = "v_cl_" + pol
            f[k] = get(k, 0.0) + av
        if contra is not None:
            k = (("v_postc_" if i > contra else "v_prec_") + pol
                 + ("_tpost" if a > contra else "_tpre"))
            f[k] = get(k, 0.0) + av
        k = ("vb:" + side + ("n:" if d <= 3 else "m:" if d <= 8 else "f:")
             + ("~" if (raw > 0) != (v > 0) else "") + ("-" if v < 0 else "+")
             + ("2" if abs(raw) >= 2 else "1"))
        f[k] = get(k, 0.0) + 1.0
    sl = cum[a]
    sr = cum[n] - cum[b]
    scl = (cum[a] - cum[cl_lo]) + (cum[cl_hi + 1] - cum[b] if cl_hi >= b else 0.0)
    for name, total in (("L", sl), ("R", sr), ("cl", scl)):
        c = total / math.sqrt(total * total + 15.0)  # VADER's normalisation
        f["vc_" + name] = c
        f["vcb_" + name + ":" + _bucket(c)] = 1.0
    f[_role_polarity(words, a, cl_lo, cum[cl_hi + 1] - cum[b] if cl_hi >= b else 0.0,
                     cum[a] - cum[cl_lo])] = 1.0
    if a >= 1 and words[a - 1] in PREPS and not (cl_lo == a or _names_only(words, cl_lo, a)):
        f["rc:pobj:" + words[a - 1] + ":" + _bucket(_norm(cum[a] - cum[cl_lo]))] = 1.0
    # role: subject / passive patient / object / by-agent of a framing verb
    fv = framing_verbs()
    for j in range(b, min(b + 5, n)):
        w = words[j]
        if j > b and w in ROLE_STOPS:
            break
        hit = fv.get(w)
        if hit:
            lemma, obj, subj = hit
            if w.endswith("ed") and any(x in BE for x in words[b:j]):
                f["fv_pass:" + lemma] = 1.0
                f[f"fvp_obj:{obj}"] = 1.0
            else:
                f["fv_subj:" + lemma] = 1.0
                f[f"fvp_subj:{subj}"] = 1.0
            break
    by = a >= 1 and words[a - 1] == "by"
    for j in range(a - 1, max(a - 5, -1), -1):
        w = words[j]
        hit = fv.get(w)
        if hit:
            lemma, obj, subj = hit
            if by:
                f["fv_by:" + lemma] = 1.0
                f[f"fvp_subj:{subj}"] = 1.0
            else:
                f["fv_obj:" + lemma] = 1.0
                f[f"fvp_obj:{obj}"] = 1.0
            break
        if w not in PRE_NAME and not (by and j == a - 1):
            break
    if a == 0 or cl_lo == a:
        f["t_clause_start"] = 1.0
    for side, v in (("vr_first_", first_valence(words, val, range(b, min(b + 4, n)))),
                    ("vl_first_", first_valence(words, val, range(a - 1, max(a - 5, -1), -1)))):
        if v is not None:
            f[side + ("p" if v > 0 else "n")] = abs(v) / 4
    # voice
    f["inq" if in_quote else "outq"] = 1.0
    for j in range(b, min(b + 3, n)):
        if words[j] in SAY:
            f["t_say_after"] = 1.0
            break
    for j in range(max(a - 3, 0), a):
        if words[j] in SAY:
            f["t_say_before"] = 1.0
            break
    return f


# -- scoring ---------------------------------------------------------------------
class SentimentScorer:
    """Scores spans of one :class:`Document`; sentences are prepared once.

    ``SentimentScorer(doc).score(start, end)`` → :class:`TargetSentiment`.
    """

    def __init__(self, doc: Document):
        self.doc = doc
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
        label = classes[max(range(3), key=z.__getitem__)]
        score = round(p[2] - p[0], 4)  # classes are LABELS: negative, neutral, positive
        return TargetSentiment(start, end, label, score, probs)

    def label_score(self, start: int, end: int) -> tuple[str, float]:
        """``(label, score)`` of :meth:`score`, without building the result."""
        z0, z1, z2 = self._z(start, end)
        top = z0 if z0 >= z1 and z0 >= z2 else z1 if z1 >= z2 else z2
        e0, e1, e2 = math.exp(z0 - top), math.exp(z1 - top), math.exp(z2 - top)
        total = e0 + e1 + e2
        label = LABELS[0] if z0 >= z1 and z0 >= z2 else LABELS[1] if z1 >= z2 else LABELS[2]
        return label, round(e2 / total - e0 / total, 4)

    def _z(self, start: int, end: int) -> tuple[float, float, float]:
        """The three class scores of the span: what :func:`_dot` of
        :meth:`features` with the model weights gives, computed from
        per-template weight tables (no feature names are built)."""
        fm = _fast_model()
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
    ``probabilities``. Raises ``ValueError`` for a span outside the text.
    """
    doc = text if isinstance(text, Document) else Document(text)
    n = len(doc.text)
    scorer = SentimentScorer(doc)
    out = []
    for span in spans:
        start, end = int(span[0]), int(span[1])
        if not 0 <= start < end <= n:
            raise ValueError(f"span ({start}, {end}) is not inside the text (length {n})")
        out.append(scorer.score(start, end))
    return out
