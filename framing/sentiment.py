"""Target-dependent sentiment: how a sentence treats the entity at a span.

``target_sentiment(text, [(start, end), ...])`` scores each span on its own,
so "Ana praised Ben but mocked Cal" gives Ben and Cal different labels. The
model is a multinomial logistic regression (trained with scikit-learn by
``benchmarks/train_sentiment.py`` on NewsMTSC, Hamborg & Donnay 2021) whose
weights ship in ``framing/models/target_sentiment.json`` and are applied here
in pure Python: no scikit-learn or numpy at run time.

Features of a mention, all computed from the parsed :class:`Document`
(tokens, sentences, quotation marks) and two lexicons:

* **target-marked context**: the words left and right of the target, by side
  and distance (≤3, ≤8, further tokens), and the 1–3 words touching it
  ("<T> was accused", "praised <T>");
* **lexicon polarity around the target**: VADER valences (Hutto & Gilbert
  2014; read from the installed ``vaderSentiment`` package, not copied)
  weighted by distance, per side, inside the target's clause, before/after a
  contrast word ("but", "although"), flipped under negation within three
  words (VADER's own rule, factor -0.74);
* **role**: whether the target is the subject of a framing verb, its object,
  the patient of a passive ("was accused"), or the agent after "by", with
  the verb's connotation toward object and subject
  (``lexicons/actor_framing_verbs.tsv``, after Rashkin et al. 2016);
* **voice**: whether the target sits inside quotation marks, and whether it
  is the speaker of a reporting verb next to it;
* **sentence tone**: a bag of words and bigrams of the sentence, shared by
  every target in it. Capitalised words that are not sentence-initial and not
  in the lexicon (names) are replaced by ``<name>`` and numbers by ``<num>``,
  so the model learns no prior about particular people.

``score`` is P(positive) − P(negative), in [-1, 1]; ``label`` is the most
probable class; ``probabilities`` gives all three.
"""
from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable, Sequence

from .document import Document
from .errors import FramingError
from .lexicons import load_table

__all__ = ["TargetSentiment", "SentimentScorer", "target_sentiment", "features",
           "LABELS"]

LABELS = ("negative", "neutral", "positive")
WINDOW = 8  # tokens either side of a target with their own features
MODEL_FILE = "target_sentiment.json"

# Closed-class words (grammar, not lexicon): negators after VADER's NEGATE list,
# contrast connectives, pronouns, clause breaks, passive auxiliaries.
NEGATORS = frozenset("""not no never nothing nobody none neither nor without cannot
hardly barely nowhere rarely seldom""".split())
CONTRAST = frozenset("but however although though yet while whereas despite".split())
PRONOUNS = frozenset("""he she him her his hers himself herself they them their theirs
themselves i me my we us our you your it its who whom whose""".split())
SAY = frozenset("""said says told added asked argued wrote stated noted explained
tweeted claimed insisted according""".split())
BREAKS = frozenset(",;:—–()")
ROLE_STOPS = frozenset(",;:—–()\"“”.".split() + list(",;:—–()\"“”.") +
                       ["and", "but", "or", "that", "which", "who"])
BE = frozenset("is was were are be been being has have had got gets get".split())
PRE_NAME = frozenset("the a an his her their its former president mr. ms. mrs. sen. "
                     "rep. gov. dr. mr ms mrs sen rep gov dr .".split())


@dataclass(frozen=True)
class TargetSentiment:
    """Sentiment toward the entity at ``text[start:end]``."""

    start: int
    end: int
    label: str
    score: float
    probabilities: dict


# -- resources -----------------------------------------------------------------
@lru_cache(maxsize=1)
def vader_lexicon() -> dict[str, float]:
    """VADER's word → mean valence (-4..4), read from the vaderSentiment package."""
    try:
        raw = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(
            encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:  # pragma: no cover
        raise FramingError("target sentiment needs the vaderSentiment package "
                           "(pip install vaderSentiment)") from exc
    out: dict[str, float] = {}
    for line in raw.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            try:
                out[parts[0]] = float(parts[1])
            except ValueError:
                continue
    return out


@lru_cache(maxsize=1)
def framing_verbs() -> dict[str, tuple[str, int, int]]:
    """Inflected form → (lemma, polarity toward object, toward subject)."""
    out = {}
    for row in load_table("actor_framing_verbs.tsv"):
        for form in row["forms"].split():
            out[form] = (row["lemma"], int(row["object"]), int(row["subject"]))
    return out


@lru_cache(maxsize=1)
def _model() -> tuple[tuple[str, ...], tuple[float, ...], dict[str, list[float]]]:
    from .models import load_model

    data = load_model(MODEL_FILE)
    if tuple(data["classes"]) != LABELS:
        raise FramingError(f"{MODEL_FILE}: classes must be {LABELS}, got {data['classes']}")
    return tuple(data["classes"]), tuple(data["intercept"]), data["weights"]


# -- per-sentence view -----------------------------------------------------------
class _Sentence:
    """Tokens of one context (a sentence), lower-cased, with their VADER
    valence after negation and the target-independent features; computed
    once, shared by every target in the sentence."""

    __slots__ = ("starts", "ends", "words", "val", "cum", "vpos", "contra", "lex", "bag",
                 "shared")

    def __init__(self, doc: Document, lo: int, hi: int):
        vader = vader_lexicon()
        toks = doc.tokens_in(lo, hi)
        self.starts = [t.start for t in toks]
        self.ends = [t.end for t in toks]
        words = ["<num>" if t.text[:1].isdigit() else t.text.lower() for t in toks]
        self.words = words
        val: list[float | None] = []
        for i, w in enumerate(words):
            v = vader.get(w)
            if v is not None:
                for x in words[max(0, i - 3):i]:
                    if x in NEGATORS or x.endswith("n't"):
                        v = -0.74 * v
                        break
            val.append(v)
        self.val = val
        cum = [0.0]
        for v in val:
            cum.append(cum[-1] + (v or 0.0))
        self.cum = cum
        self.vpos = [(i, v, vader.get(words[i], v)) for i, v in enumerate(val) if v]
        self.contra = next((i for i, w in enumerate(words) if w in CONTRAST), None)
        self.lex = _lexicon_features(words, val, doc, lo, hi)
        self.bag = _bag(words)
        self.shared: list[float] | None = None


def _add(f: dict, k: str, v: float = 1.0) -> None:  # noqa: E302
    f[k] = f.get(k, 0.0) + v


def _compound(vals: Iterable[float | None]) -> float:
    s = 0.0
    for v in vals:
        if v is not None:
            s += v
    return s / math.sqrt(s * s + 15.0)  # VADER's normalisation, alpha = 15


def _bucket(c: float) -> str:
    return "+" if c >= 0.3 else "-" if c <= -0.3 else "0"


def _bag(words: list[str]) -> dict:
    """The sentence's unigrams and bigrams."""
    f: dict[str, float] = {}
    for i, w in enumerate(words):
        _add(f, "w:" + w)
    for i in range(len(words) - 1):
        _add(f, "b:" + words[i] + " " + words[i + 1])
    return f


def _target_bag(words: list[str], a: int, b: int) -> tuple[dict, dict]:
    """How the sentence bag changes when tokens ``[a, b)`` (the target) become
    one ``<t>`` token, so the model never learns who the target is: (features
    removed, features added). ``bag(words) - removed + added`` equals
    ``bag(words[:a] + ["<t>"] + words[b:])``."""
    n = len(words)
    removed: dict[str, float] = {}
    for i in range(a, b):
        _add(removed, "w:" + words[i])
    for i in range(max(a - 1, 0), min(b, n - 1)):
        _add(removed, "b:" + words[i] + " " + words[i + 1])
    added = {"w:<t>": 1.0}
    if a > 0:
        _add(added, "b:" + words[a - 1] + " <t>")
    if b < n:
        _add(added, "b:<t> " + words[b])
    return removed, added


def _lexicon_features(words: list[str], val: list, doc: Document, lo: int, hi: int) -> dict:
    f: dict[str, float] = {}
    vader = vader_lexicon()
    for w, v in zip(words, val):
        if v:
            raw = vader.get(w, v)
            flipped = (raw > 0) != (v > 0)
            _add(f, "v_all_" + ("p" if v > 0 else "n"), abs(v) / 4)
            if flipped:
                _add(f, "negated_" + ("p" if raw > 0 else "n"))
            sign = ("~" if flipped else "") + ("-" if v < 0 else "+")
            _add(f, "vb:" + sign + ("2" if abs(raw) >= 2 else "1"))
    c = _compound(val)
    _add(f, "vc_all", c)
    _add(f, "vcb_all:" + _bucket(c))
    for q in doc.quotes:
        if q.start >= lo and q.end <= hi:
            _add(f, "hasq")
            break
    return f


def _clause(words: list[str], i: int, step: int) -> int:
    """Index of the last word of the target's clause walking from ``i``."""
    j = i
    n = len(words)
    while 0 <= j + step < n:
        w = words[j + step]
        if w in BREAKS or w in CONTRAST:
            break
        j += step
    return j


def _mention_features(s: _Sentence, a: int, b: int, tgt: list[str],
                      in_quote: bool) -> dict:
    """Features of the target at token indices ``[a, b)`` of sentence ``s``."""
    f: dict[str, float] = {}
    get = f.get
    words, val, cum = s.words, s.val, s.cum
    n = len(words)
    # words near the target, by side and distance (≤ 3, 4–8 tokens; the rest
    # of the sentence is in the shared bag)
    for i in range(max(a - WINDOW, 0), a):
        k = ("Ln:" if a - i <= 3 else "Lm:") + words[i]
        f[k] = get(k, 0.0) + 1.0
    for i in range(b, min(b + WINDOW, n)):
        k = ("Rn:" if i - b < 3 else "Rm:") + words[i]
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
    for j in range(b, min(b + 4, n)):
        if words[j] in ROLE_STOPS:
            break
        v = val[j]
        if v is not None:
            f["vr_first_" + ("p" if v > 0 else "n")] = abs(v) / 4
            break
    for j in range(a - 1, max(a - 5, -1), -1):
        if words[j] in ROLE_STOPS:
            break
        v = val[j]
        if v is not None:
            f["vl_first_" + ("p" if v > 0 else "n")] = abs(v) / 4
            break
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
        self._sentences: dict[tuple[int, int], _Sentence] = {}
        self._quote_starts = [q.start for q in doc.quotes]

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

    def _parts(self, start: int, end: int) -> tuple[_Sentence, int, int, dict]:
        key = self._context(start, end)
        sent = self._sentences.get(key)
        if sent is None:
            sent = self._sentences[key] = _Sentence(self.doc, *key)
        n = len(sent.words)
        a = bisect_right(sent.ends, start)           # first token ending after start
        b = bisect_right(sent.starts, end - 1)       # tokens starting before end
        if b <= a and n:  # span between tokens: the next token stands for it
            a = min(a, n - 1)
            b = a + 1
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
        classes, intercept, weights = _model()
        sent, a, b, mention = self._parts(start, end)
        if sent.shared is None:
            z = _dot(sent.lex, weights, 1.0)
            y = _dot(sent.bag, weights, 1.0)
            sent.shared = (z[0] + y[0], z[1] + y[1], z[2] + y[2])
        z0 = intercept[0] + sent.shared[0]
        z1 = intercept[1] + sent.shared[1]
        z2 = intercept[2] + sent.shared[2]
        if b > a:
            removed, added = _target_bag(sent.words, a, b)
            r = _dot(removed, weights, -1.0)
            d = _dot(added, weights, 1.0)
            z0 += r[0] + d[0]
            z1 += r[1] + d[1]
            z2 += r[2] + d[2]
        m = _dot(mention, weights, 1.0)
        z = (z0 + m[0], z1 + m[1], z2 + m[2])
        top = max(z)
        ex = [math.exp(x - top) for x in z]
        total = sum(ex)
        p = [e / total for e in ex]
        probs = {classes[c]: round(p[c], 4) for c in range(3)}
        label = classes[max(range(3), key=z.__getitem__)]
        score = round(p[2] - p[0], 4)  # classes are LABELS: negative, neutral, positive
        return TargetSentiment(start, end, label, score, probs)


def _dot(feats: dict, weights: dict, sign: float) -> tuple[float, float, float]:
    z0 = z1 = z2 = 0.0
    get = weights.get
    for k, v in feats.items():
        w = get(k)
        if w is not None:
            z0 += w[0] * v
            z1 += w[1] * v
            z2 += w[2] * v
    return z0 * sign, z1 * sign, z2 * sign


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
