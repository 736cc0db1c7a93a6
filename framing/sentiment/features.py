"""Features of a target mention for the linear sentiment model: the
per-document and per-sentence views and the feature templates (what
training sees; :mod:`.fast` computes the same numbers from weight tables).
The templates are described in :mod:`framing.sentiment.linear`.
"""
from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate, chain, compress, repeat
from operator import is_not, itemgetter

from ..document import Document
from .fast import NO_PREFIX, NO_WORD, W, WP, _dot, _FastModel
from .rules import (BREAKS, CONTRAST, NEGATORS, POSSESSIVE, PREFIX, PRONOUNS, WINDOW, _add,
                    _bucket, _norm, clause_bounds, clause_role, first_valence, framing_roles,
                    framing_verbs, say_sides, vader_lexicon)


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
    cl_lo, cl_hi = clause_bounds(s.brk, n, a, b)
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
    left = cum[a] - cum[cl_lo]
    right = cum[cl_hi + 1] - cum[b] if cl_hi >= b else 0.0
    for name, total in (("L", cum[a]), ("R", cum[n] - cum[b]), ("cl", left + right)):
        c = _norm(total)
        f["vc_" + name] = c
        f["vcb_" + name + ":" + _bucket(c)] = 1.0
    # role in the clause crossed with its tone
    role, prep = clause_role(words, a, cl_lo)
    bk = _bucket(_norm(right if role == "subj" else left))
    f["rc:" + role + ":" + bk] = 1.0
    if prep:
        f["rc:pobj:" + prep + ":" + bk] = 1.0
    # role toward a framing verb: subject / passive patient / object / by-agent
    fv = framing_verbs()
    for hit in framing_roles(words, a, b, fv):
        if hit:
            form, vrole = hit
            lemma, obj, subj = fv[form]
            f["fv_" + vrole + ":" + lemma] = 1.0
            f[f"fvp_obj:{obj}" if vrole in ("pass", "obj") else f"fvp_subj:{subj}"] = 1.0
    if a == 0 or cl_lo == a:
        f["t_clause_start"] = 1.0
    for side, v in (("vr_first_", first_valence(words, val, range(b, min(b + 4, n)))),
                    ("vl_first_", first_valence(words, val, range(a - 1, max(a - 5, -1), -1)))):
        if v is not None:
            f[side + ("p" if v > 0 else "n")] = abs(v) / 4
    # voice
    f["inq" if in_quote else "outq"] = 1.0
    after, before = say_sides(words, a, b)
    if after:
        f["t_say_after"] = 1.0
    if before:
        f["t_say_before"] = 1.0
    return f


# -- scoring ---------------------------------------------------------------------
