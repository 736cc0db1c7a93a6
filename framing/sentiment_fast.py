"""The fast scorer of :mod:`framing.sentiment`: the model's weights split
by feature template (:class:`_FastModel`) and :func:`_mention_z`, which
gives what :func:`_dot` of the mention's features gives, by table lookups,
without building feature names. Mirrors
:func:`framing.sentiment._mention_features` rule for rule; keep the two in
step (tests/test_sentiment.py checks they agree on every span of several
texts)."""
from __future__ import annotations

import math
from bisect import bisect_left
from functools import lru_cache
from typing import TYPE_CHECKING

from .sentiment_rules import (BE, PRE_NAME, PREPS, POSSESSIVE, PRONOUNS, ROLE_STOPS, SAY,
                              WINDOW, _bucket, _model, _names_only, _norm, _role_polarity,
                              first_valence, framing_verbs)

if TYPE_CHECKING:  # pragma: no cover
    from .sentiment import _Sentence

_ZERO = (0.0, 0.0, 0.0)
_VB_SIDES = ("Ln:", "Lm:", "Lf:", "Rn:", "Rm:", "Rf:")


class _FastModel:
    """The model's weights split by feature template, keyed by the word (or
    word pair) so that scoring is lookups and adds."""

    def __init__(self, intercept: tuple[float, ...], weights: dict[str, list[float]]):
        self.intercept = intercept
        self.weights = weights
        tables: dict[str, dict] = {p: {} for p in ("Ln", "Lm", "Rn", "Rm", "Lp", "Rp", "w", "wp",
                                                    "vb")}
        for k, w in weights.items():
            prefix, sep, rest = k.partition(":")
            table = tables.get(prefix)
            if table is None or not sep:
                continue
            table[rest] = (w[0], w[1], w[2])
        self.ln, self.lm, self.rn, self.rm = tables["Ln"], tables["Lm"], tables["Rn"], tables["Rm"]
        self.lp, self.rp = tables["Lp"], tables["Rp"]
        self.w, self.wp, self.vb = tables["w"], tables["wp"], tables["vb"]
        # the "<t>" token of the masked bag: its word and its prefix
        t, tp = self.w.get("<t>", _ZERO), self.wp.get("<t>", _ZERO)
        self.t = (t[0] + tp[0], t[1] + tp[1], t[2] + tp[2])
        g = self.get = lambda k: tuple(weights.get(k, _ZERO))
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
        self.fv = framing_verbs()


@lru_cache(maxsize=1)
def _fast_model() -> _FastModel:
    _, intercept, weights = _model()
    return _FastModel(intercept, weights)


def _mention_z(s: _Sentence, a: int, b: int, in_quote: bool,
               fm: _FastModel) -> tuple[float, float, float]:
    """``_dot(_mention_features(s, a, b, ...), weights)``, by table lookups.
    Mirrors :func:`_mention_features` rule for rule; keep the two in step."""
    z0 = z1 = z2 = 0.0
    words, val, cum = s.words, s.val, s.cum
    n = len(words)
    # words near the target
    pref = s.pref
    ln, lm, lp = fm.ln, fm.lm, fm.lp
    for i in range(max(a - WINDOW, 0), a):
        w = (ln if a - i <= 3 else lm).get(words[i])
        if w is not None:
            z0 += w[0]
            z1 += w[1]
            z2 += w[2]
        w = lp.get(pref[i])
        if w is not None:
            z0 += w[0]
            z1 += w[1]
            z2 += w[2]
    rn, rm, rp = fm.rn, fm.rm, fm.rp
    for i in range(b, min(b + WINDOW, n)):
        w = (rn if i - b < 3 else rm).get(words[i])
        if w is not None:
            z0 += w[0]
            z1 += w[1]
            z2 += w[2]
        w = rp.get(pref[i])
        if w is not None:
            z0 += w[0]
            z1 += w[1]
            z2 += w[2]
    keys = []  # binary features (value 1.0), as in _mention_features
    if a >= 1:
        keys.append("tl:" + words[a - 1])
        if a >= 2:
            keys.append("tl:" + " ".join(words[a - 2:a]))
            if a >= 3:
                keys.append("tl:" + " ".join(words[a - 3:a]))
    if b < n:
        keys.append("tr:" + words[b])
        if b + 1 < n:
            keys.append("tr:" + " ".join(words[b:b + 2]))
            if b + 2 < n:
                keys.append("tr:" + " ".join(words[b:b + 3]))
    last = words[b - 1] if b > a else ""
    keys.append("tp:" + last if last in PRONOUNS else "tp:name")
    if last.endswith(POSSESSIVE):
        keys.append("t_poss")
    # lexicon polarity around the target; the clause as _clause walks it
    brk = s.brk
    if a > 0:
        k = bisect_left(brk, a) - 1
        cl_lo = brk[k] + 1 if k >= 0 else 0
    else:
        cl_lo = 0
    if b > 0:
        k = bisect_left(brk, b)
        cl_hi = brk[k] - 1 if k < len(brk) else n - 1
    else:
        cl_hi = -1
    contra = s.contra
    vLp = vLn = vRp = vRn = clp = cln = 0.0
    c_acc = None
    if contra is not None:
        c_acc = {}
        tpost = a > contra
    vbw = s.vbw
    for k, (i, v, raw) in enumerate(s.vpos):
        if a <= i < b:
            continue
        av = abs(v) / 4
        if i < a:
            d = a - i
            if v > 0:
                vLp += av / (1.0 + d / 4.0)
            else:
                vLn += av / (1.0 + d / 4.0)
            w = vbw[k][0 if d <= 3 else 1 if d <= 8 else 2]
        else:
            d = i - b + 1
            if v > 0:
                vRp += av / (1.0 + d / 4.0)
            else:
                vRn += av / (1.0 + d / 4.0)
            w = vbw[k][3 if d <= 3 else 4 if d <= 8 else 5]
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
    sl = cum[a]
    sr = cum[n] - cum[b]
    scl = (cum[a] - cum[cl_lo]) + (cum[cl_hi + 1] - cum[b] if cl_hi >= b else 0.0)
    for w, (wp, wn, w0), total in zip(fm.vc_seq, fm.vcb_seq, (sl, sr, scl)):
        c = total / math.sqrt(total * total + 15.0)  # VADER's normalisation
        z0 += w[0] * c
        z1 += w[1] * c
        z2 += w[2] * c
        w = wp if c >= 0.3 else wn if c <= -0.3 else w0  # _bucket
        z0 += w[0]
        z1 += w[1]
        z2 += w[2]
    left = cum[a] - cum[cl_lo]
    keys.append(_role_polarity(words, a, cl_lo, cum[cl_hi + 1] - cum[b] if cl_hi >= b else 0.0,
                               left))
    if a >= 1 and words[a - 1] in PREPS and not (cl_lo == a or _names_only(words, cl_lo, a)):
        keys.append("rc:pobj:" + words[a - 1] + ":" + _bucket(_norm(left)))
    # role: subject / passive patient / object / by-agent of a framing verb
    fv = fm.fv
    for j in range(b, min(b + 5, n)):
        w = words[j]
        if j > b and w in ROLE_STOPS:
            break
        hit = fv.get(w)
        if hit:
            lemma, obj, subj = hit
            if w.endswith("ed") and any(x in BE for x in words[b:j]):
                keys.append("fv_pass:" + lemma)
                keys.append(f"fvp_obj:{obj}")
            else:
                keys.append("fv_subj:" + lemma)
                keys.append(f"fvp_subj:{subj}")
            break
    by = a >= 1 and words[a - 1] == "by"
    for j in range(a - 1, max(a - 5, -1), -1):
        w = words[j]
        hit = fv.get(w)
        if hit:
            lemma, obj, subj = hit
            if by:
                keys.append("fv_by:" + lemma)
                keys.append(f"fvp_subj:{subj}")
            else:
                keys.append("fv_obj:" + lemma)
                keys.append(f"fvp_obj:{obj}")
            break
        if w not in PRE_NAME and not (by and j == a - 1):
            break
    if a == 0 or cl_lo == a:
        keys.append("t_clause_start")
    get = fm.weights.get
    for side, v in (("vr_first_", first_valence(words, val, range(b, min(b + 4, n)))),
                    ("vl_first_", first_valence(words, val, range(a - 1, max(a - 5, -1), -1)))):
        if v is not None:
            w = get(side + ("p" if v > 0 else "n"))
            if w is not None:
                x = abs(v) / 4
                z0 += w[0] * x
                z1 += w[1] * x
                z2 += w[2] * x
    # voice
    keys.append("inq" if in_quote else "outq")
    for j in range(b, min(b + 3, n)):
        if words[j] in SAY:
            keys.append("t_say_after")
            break
    for j in range(max(a - 3, 0), a):
        if words[j] in SAY:
            keys.append("t_say_before")
            break
    # binary features count once even when two rules set the same one
    for k in (set(keys) if len(keys) != len(set(keys)) else keys):
        w = get(k)
        if w is not None:
            z0 += w[0]
            z1 += w[1]
            z2 += w[2]
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
