"""The fast scorer of :mod:`framing.sentiment.linear`: the model's weights split
by feature template (:class:`_FastModel`) and :func:`_mention_z`, which
gives what :func:`_dot` of the mention's features gives, by table lookups,
without building feature names. The target-dependent rules (the clause, the
role in it, the framing verbs, the speech verbs, the first valence word, the
VADER normalisation and the tone buckets) are defined once in
:mod:`framing.sentiment.rules` and read by both this scorer and the feature
code of :mod:`framing.sentiment.features`; what differs is only whether a
template's value becomes a feature name or a weight lookup
(tests/test_sentiment.py checks the two agree on every span of several
texts)."""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .rules import (BUCKETS, POSSESSIVE, PREPS, PRONOUNS, WINDOW, _model, _norm, bucket_index,
                    clause_bounds, clause_role, first_valence, framing_roles, framing_verbs,
                    say_sides)

if TYPE_CHECKING:  # pragma: no cover
    from .features import _Sentence

_ZERO = (0.0, 0.0, 0.0)
# A word's weights (or None) in the word-keyed templates, as _FastModel.vocab
# holds them: "w:" (sentence bag), "Ln:"/"Lm:" (1-3 / 4-8 tokens left of the
# target), "Rn:"/"Rm:" (right); a prefix's in "wp:", "Lp:", "Rp:" (pvocab).
W, LN, LM, RN, RM = range(5)
WP, LP, RP = range(3)
NO_WORD, NO_PREFIX = (None,) * 5, (None,) * 3
_VB_SIDES = ("Ln:", "Lm:", "Lf:", "Rn:", "Rm:", "Rf:")


def _trie(table: dict) -> dict:
    """``{"a b c": w}`` as nested ``{"a": [w or None, {"b": ...}]}``: the
    "tl:"/"tr:" word n-grams walked outward from the target, one word at a
    time, so that no key string is built and a longer n-gram is looked up
    only when the model has one through the shorter (tokens hold no spaces,
    so splitting the key on " " gives back the words it was joined from)."""
    root: dict = {}
    for key, w in table.items():
        node = root
        parts = key.split(" ")
        for depth, word in enumerate(parts):
            hit = node.get(word)
            if hit is None:
                hit = node[word] = [None, {}]
            if depth == len(parts) - 1:
                hit[0] = w
            node = hit[1]
    return root


def _merge(*tables: dict) -> dict:
    """``{key: (weights in tables[0] or None, in tables[1] or None, ...)}``."""
    out: dict = {}
    for k, table in enumerate(tables):
        for key, w in table.items():
            out.setdefault(key, [None] * len(tables))[k] = w
    return {key: tuple(ws) for key, ws in out.items()}


class _FastModel:
    """The model's weights split by feature template, keyed by the word, the
    prefix, the word n-gram (a :func:`_trie`) or the feature's value, so that
    scoring is lookups and adds."""

    def __init__(self, intercept: tuple[float, ...], weights: dict[str, list[float]]):
        self.intercept = intercept
        self.weights = weights
        tables: dict[str, dict] = {p: {} for p in ("Ln", "Lm", "Rn", "Rm", "Lp", "Rp", "w", "wp",
                                                    "vb", "tl", "tr")}
        for k, w in weights.items():
            prefix, sep, rest = k.partition(":")
            table = tables.get(prefix)
            if table is None or not sep:
                continue
            table[rest] = (w[0], w[1], w[2])
        self.vocab = _merge(tables["w"], tables["Ln"], tables["Lm"], tables["Rn"], tables["Rm"])
        self.pvocab = _merge(tables["wp"], tables["Lp"], tables["Rp"])
        self.vb = tables["vb"]
        # "tl:" words read leftward from the target ("tl:a b" is "a b <T>"), "tr:" rightward
        self.tl = _trie({" ".join(k.split(" ")[::-1]): w for k, w in tables["tl"].items()})
        self.tr = _trie(tables["tr"])
        # the "<t>" token of the masked bag: its word and its prefix
        t, tp = tables["w"].get("<t>", _ZERO), tables["wp"].get("<t>", _ZERO)
        self.t = (t[0] + tp[0], t[1] + tp[1], t[2] + tp[2])
        g = self.get = lambda k: tuple(weights.get(k, _ZERO))
        # a valence word's six "vb:<side><dist>" weights, by (flipped, negative, strong)
        self.vb_sides = {}
        for flipped in (False, True):
            for neg in (False, True):
                for strong in (False, True):
                    sign = ("~" if flipped else "") + ("-" if neg else "+") + ("2" if strong else "1")
                    self.vb_sides[flipped, neg, strong] = tuple(self.vb.get(sd + sign, _ZERO)
                                                                 for sd in _VB_SIDES)
        self.v_side = {(side, pol): g("v_" + side + "_" + pol)
                       for side in "LR" for pol in "pn"}
        self.v_cl = {pol: g("v_cl_" + pol) for pol in "pn"}
        self.v_c = {(post, pol, tpost): g(("v_postc_" if post else "v_prec_") + pol
                                          + ("_tpost" if tpost else "_tpre"))
                    for post in (False, True) for pol in "pn" for tpost in (False, True)}
        self.vc = {name: g("vc_" + name) for name in ("L", "R", "cl")}
        self.vcb = {(name, bk): g("vcb_" + name + ":" + bk)
                    for name in ("L", "R", "cl") for bk in "+-0"}
        self.v_seq = tuple(self.v_side[k] for k in (("L", "p"), ("L", "n"), ("R", "p"),
                                                     ("R", "n"))) + (self.v_cl["p"], self.v_cl["n"])
        self.vc_seq = tuple(self.vc[k] for k in ("L", "R", "cl"))
        self.vcb_seq = tuple(tuple(self.vcb[(k, bk)] for bk in "+-0") for k in ("L", "R", "cl"))
        # binary features: None where the model has no weight (nothing to add)
        get = weights.get
        self.vr_first = (get("vr_first_n"), get("vr_first_p"))  # by valence > 0
        self.vl_first = (get("vl_first_n"), get("vl_first_p"))
        self.tp = {p: get("tp:" + p) for p in PRONOUNS}
        self.tp_name, self.t_poss = get("tp:name"), get("t_poss")
        self.rc = {role: tuple(get("rc:" + role + ":" + bk) for bk in BUCKETS)
                   for role in ("subj", "pobj", "obj")}
        self.rc_prep = {p: tuple(get("rc:pobj:" + p + ":" + bk) for bk in BUCKETS) for p in PREPS}
        self.clause_start, self.inq, self.outq = get("t_clause_start"), get("inq"), get("outq")
        self.say_after, self.say_before = get("t_say_after"), get("t_say_before")
        # framing verbs: form -> (its "fv_*:<lemma>" weights by role, the
        # "fvp_*" connotation feature each role sets, as (template, value))
        self.fv = {form: ({role: get("fv_" + role + ":" + lemma)
                           for role in ("pass", "subj", "by", "obj")},
                          {"pass": ("obj", obj), "subj": ("subj", subj),
                           "by": ("subj", subj), "obj": ("obj", obj)})
                   for form, (lemma, obj, subj) in framing_verbs().items()}
        self.fvp = {(tpl, val): get(f"fvp_{tpl}:{val}")
                    for _, (_, o, s) in framing_verbs().items()
                    for tpl, val in (("obj", o), ("subj", s))}


@lru_cache(maxsize=1)
def _fast_model() -> _FastModel:
    _, intercept, weights = _model()
    return _FastModel(intercept, weights)


def _mention_z(s: _Sentence, a: int, b: int, in_quote: bool,
               fm: _FastModel) -> tuple[float, float, float]:
    """``_dot(_mention_features(s, a, b, ...), weights)``, by table lookups,
    over the same rules (:mod:`.rules`) as :func:`_mention_features`.
    The weights are added in a fixed order (by template, the binary features
    last, in the order the rules set them; a binary feature two rules set,
    the "fvp_*" connotation of a framing verb on both sides, counts once),
    so a span always gets the same floats."""
    z0 = z1 = z2 = 0.0
    words, val, cum = s.words, s.val, s.cum
    n = len(words)
    # words near the target, by side and distance, and their prefixes
    winfo, pinfo = s.winfo, s.pinfo
    for i in range(max(a - WINDOW, 0), a):
        w = winfo[i][LN if a - i <= 3 else LM]
        if w is not None:
            w0, w1, w2 = w
            z0 += w0
            z1 += w1
            z2 += w2
        w = pinfo[i][LP]
        if w is not None:
            w0, w1, w2 = w
            z0 += w0
            z1 += w1
            z2 += w2
    for i in range(b, min(b + WINDOW, n)):
        w = winfo[i][RN if i - b < 3 else RM]
        if w is not None:
            w0, w1, w2 = w
            z0 += w0
            z1 += w1
            z2 += w2
        w = pinfo[i][RP]
        if w is not None:
            w0, w1, w2 = w
            z0 += w0
            z1 += w1
            z2 += w2
    # lexicon polarity around the target, and the target's clause
    cl_lo, cl_hi = clause_bounds(s.brk, n, a, b)
    if s.vnear:  # lexicon words in the sentence
        contra = s.contra
        vLp = vLn = vRp = vRn = clp = cln = 0.0
        c_acc = None
        if contra is not None:
            c_acc = {}
            tpost = a > contra
        for i, v, av, sides in s.vnear:  # av = |v| / 4; sides: its six "vb:<side><dist>" weights
            if i < a:
                d = a - i
                if v > 0:
                    vLp += av / (1.0 + d / 4.0)
                else:
                    vLn += av / (1.0 + d / 4.0)
                w = sides[0 if d <= 3 else 1 if d <= 8 else 2]
            elif i >= b:
                d = i - b + 1
                if v > 0:
                    vRp += av / (1.0 + d / 4.0)
                else:
                    vRn += av / (1.0 + d / 4.0)
                w = sides[3 if d <= 3 else 4 if d <= 8 else 5]
            else:  # inside the target
                continue
            z0 += w[0]
            z1 += w[1]
            z2 += w[2]
            if (cl_lo <= i < a) or (b <= i <= cl_hi):
                if v > 0:
                    clp += av
                else:
                    cln += av
            if c_acc is not None:
                ck = (i > contra, "p" if v > 0 else "n", tpost)
                c_acc[ck] = c_acc.get(ck, 0.0) + av
        for w, x in zip(fm.v_seq, (vLp, vLn, vRp, vRn, clp, cln)):
            if x:
                z0 += w[0] * x
                z1 += w[1] * x
                z2 += w[2] * x
        if c_acc:
            for ck, x in c_acc.items():
                w = fm.v_c[ck]
                z0 += w[0] * x
                z1 += w[1] * x
                z2 += w[2] * x
    left = cum[a] - cum[cl_lo]
    right = cum[cl_hi + 1] - cum[b] if cl_hi >= b else 0.0
    k = 0
    for total in (cum[a], cum[n] - cum[b], left + right):  # "vc_L", "vc_R", "vc_cl"
        c = _norm(total)
        w0, w1, w2 = fm.vc_seq[k]
        z0 += w0 * c
        z1 += w1 * c
        z2 += w2 * c
        w0, w1, w2 = fm.vcb_seq[k][bucket_index(c)]
        z0 += w0
        z1 += w1
        z2 += w2
        k += 1
    # the first lexicon word on each side, right then left
    for table, v in ((fm.vr_first, first_valence(words, val, range(b, min(b + 4, n)))),
                     (fm.vl_first, first_valence(words, val, range(a - 1, max(a - 5, -1), -1)))):
        if v is not None:
            w = table[v > 0]
            if w is not None:
                x = abs(v) / 4
                w0, w1, w2 = w
                z0 += w0 * x
                z1 += w1 * x
                z2 += w2 * x
    # binary features (value 1.0): their weights, in _mention_features' order
    bins = []
    if a >= 1:  # "tl:" the 1-3 words before the target, "tr:" after it
        node = fm.tl.get(words[a - 1])
        j = a - 2
        while node is not None:
            bins.append(node[0])
            node = node[1].get(words[j]) if j >= 0 and j >= a - 3 else None
            j -= 1
    if b < n:
        node = fm.tr.get(words[b])
        j = b + 1
        while node is not None:
            bins.append(node[0])
            node = node[1].get(words[j]) if j < n and j <= b + 2 else None
            j += 1
    last = words[b - 1] if b > a else ""
    bins.append(fm.tp.get(last, fm.tp_name))
    if last.endswith(POSSESSIVE):
        bins.append(fm.t_poss)
    # role in the clause crossed with its tone
    role, prep = clause_role(words, a, cl_lo)
    bk = bucket_index(_norm(right if role == "subj" else left))
    bins.append(fm.rc[role][bk])
    if prep:
        bins.append(fm.rc_prep[prep][bk])
    # role toward a framing verb: subject / passive patient / object / by-agent
    fvp = None  # the connotation feature already set, counted once
    for hit in framing_roles(words, a, b, fm.fv):
        if hit:
            form, vrole = hit
            weights, connotation = fm.fv[form]
            bins.append(weights[vrole])
            if connotation[vrole] != fvp:
                fvp = connotation[vrole]
                bins.append(fm.fvp[fvp])
    if a == 0 or cl_lo == a:
        bins.append(fm.clause_start)
    # voice
    bins.append(fm.inq if in_quote else fm.outq)
    after, before = say_sides(words, a, b)
    if after:
        bins.append(fm.say_after)
    if before:
        bins.append(fm.say_before)
    for w0, w1, w2 in filter(None, bins):
        z0 += w0
        z1 += w1
        z2 += w2
    return z0, z1, z2


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
