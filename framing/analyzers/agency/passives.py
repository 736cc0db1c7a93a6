"""Passive predicates: a candidate filter, a small linear classifier, the by-phrase.

A passive verb phrase is a form of BE or GET followed by a past participle,
with adverbs, negation and the aspect auxiliaries *being*/*been* allowed in
between (Quirk et al. 1985, §3.63-3.79; Huddleston & Pullum 2002, ch. 16
§10): "was fired", "were not immediately identified", "has been widely
reported", "got arrested", "it's been fixed". Its doer may be named in an
agentive by-phrase ("was fired by the board", Quirk et al. §3.76); without
one the passive is *agentless* ("shots were fired").

1. **Candidates** (:func:`candidates`): every auxiliary from
   ``lexicons/agency_auxiliaries.tsv`` whose next word, after at most four
   words from ``lexicons/agency_between.txt`` or ending in *-ly*, ends in
   *-ed* or is an irregular participle (``lexicons/agency_participles.txt``).
   The scan never crosses a punctuation token, so it stays in its clause.
2. **Classifier** (:func:`is_passive`): the same participle after *be* is a
   verbal passive ("the shop was closed by the council") or an adjectival
   participle ("she was tired", "the shop is closed", "I am interested in
   it"; Quirk et al. §3.77 on the passive gradient; Wasow 1977 on adjectival
   vs verbal passives). A logistic regression over the participle, its
   suffix, the auxiliary, the words between and the words around decides;
   it was trained on the UD English-EWT training split (CC BY-SA 4.0) by
   ``benchmarks/agency_passives.py --train`` and ships as
   ``models/agency_passive.json`` (notice: ``models/NOTICE.agency``).
3. **Agent** (:func:`find_agent`): a "by" within six words after the
   participle, before any punctuation or clause-opening word
   (``lexicons/agency_agent_barriers.txt``), not starting a phrase of time,
   means or measure (``lexicons/agency_not_agents.txt``, numbers), names the
   doer; the agent span runs to the end of its noun phrase.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from ...lexicons import load_table, load_words
from ...models import load_model

MODEL = "agency_passive.json"
MAX_BETWEEN = 4
AGENT_WINDOW = 6
AGENT_MAX = 8
THRESHOLD = 0.5


@dataclass(frozen=True)
class Words:
    aux: dict[str, str]        # full form → be | get
    clitics: dict[str, str]    # "'s" → be
    between: frozenset[str]
    irregular: frozenset[str]
    not_agent: frozenset[str]  # one- and two-word entries
    stop_np: frozenset[str]
    subjects: frozenset[str]   # "was he arrested?"
    adjectival: frozenset[str]  # "tired", "interested": mostly adjectives after be
    wh: frozenset[str]          # "when was the bridge built?"
    not_participle: frozenset[str]  # "need", "indeed"
    determiners: frozenset[str]
    barriers: frozenset[str]    # "to", "and", "which": the agent search stops
    degree: frozenset[str]      # "very", "extremely": they grade adjectives, not verbs


@lru_cache(maxsize=1)
def words() -> Words:
    aux, clitics = {}, {}
    for row in load_table("agency_auxiliaries.tsv"):
        form = row["form"].lower()
        (clitics if form.startswith("*") else aux)[form.lstrip("*")] = row["verb"]
    return Words(aux, clitics, load_words("agency_between.txt"),
                 load_words("agency_participles.txt"), load_words("agency_not_agents.txt"),
                 load_words("agency_np_stops.txt"), load_words("agency_question_subjects.txt"),
                 load_words("agency_adjectival.txt"), load_words("agency_question_words.txt"),
                 load_words("agency_not_participles.txt"), load_words("agency_determiners.txt"),
                 load_words("agency_agent_barriers.txt"), load_words("agency_degree.txt"))


_ACTIVE: dict[str, object] = {}


def _compiled() -> tuple[float, dict[str, float], float, dict[str, str]]:
    """(intercept, feature → weight of P(passive), threshold, word classes)
    of the active model: the shipped file unless :func:`set_model` gave one."""
    c = _ACTIVE.get("compiled")
    if c is None:
        m = _ACTIVE.get("model") or load_model(MODEL)
        k = m["classes"].index("passive")
        o = 1 - k
        c = (m["intercept"][k] - m["intercept"][o],
             {f: w[k] - w[o] for f, w in m["weights"].items()},
             float(m.get("threshold", THRESHOLD)), m.get("word_classes", {}))
        _ACTIVE["compiled"] = c
    return c  # type: ignore[return-value]


def set_model(m: dict | None) -> None:
    """Use model dict ``m`` instead of the shipped file (None: back to the
    file). Only for training and cross-validation."""
    _ACTIVE.clear()
    if m is not None:
        _ACTIVE["model"] = m


def model() -> tuple[float, dict[str, float]]:
    """(intercept, feature → weight) of P(passive), from the two-class linear model."""
    b, weights, _, _ = _compiled()
    return b, weights


def word_classes() -> dict[str, str]:
    """Participle form → bucket of its adjective share in UD English-EWT
    train (``word_classes`` in the model file)."""
    return _compiled()[3]


def aux_of(low: str, w: Words) -> tuple[str, str] | None:
    """(normalised form, be|get) when the token ``low`` is a passive auxiliary."""
    verb = w.aux.get(low)
    if verb:
        return low, verb
    q = low.rfind("'")
    if q > 0:
        clitic = low[q:]
        verb = w.clitics.get(clitic)
        if verb:
            return clitic, verb
    return None


QUOTES = frozenset("\"'“”‘’")
# what may follow the participle of a clause-initial absolute "That said, …"
# (Quirk et al. 1985, §15.58: a verbless/participle clause with its own subject)
# determiners that head a noun phrase alone (fused determiner-heads, Huddleston
# & Pullum 2002, ch. 5 §9.2): "with some used as …", "with many injured"
FUSED_HEADS = frozenset(("some", "many", "several", "both", "few", "none", "others", "each"))
PERSONAL = frozenset(("i", "you", "he", "she", "we", "they"))
ABSOLUTE_END = frozenset((",", "-", "--", "—", "–", ":", ";"))
# prepositions that open the phrase between a fronted participle and its
# auxiliary ("Attached for your review is", "Enclosed with this letter are";
# subject-verb inversion after a fronted participle, Quirk et al. 1985, §18.23)
FRONTED_PP = frozenset(("for", "to", "in", "with", "below", "above", "here", "herewith",
                        "on", "at", "from", "under"))


def is_participle(low: str, w: Words) -> bool:
    """Ends in -ed or is an irregular participle; in a hyphenated word the
    last part decides ("re-routed", "well-known")."""
    if low in w.irregular:
        return True
    if "-" in low:
        low = low.rsplit("-", 1)[1]
        if low in w.irregular:
            return True
    return (len(low) > 3 and low.endswith("ed") and low.isalpha()
            and low not in w.not_participle)


def candidates(lows: list[str], is_word: list[bool], lo: int = 0, hi: int | None = None,
               w: Words | None = None) -> list[tuple[int, int]]:
    """``(aux_index, participle_index)`` pairs among tokens ``lo:hi`` (a
    sentence); a participle is paired with its nearest auxiliary only. Also
    questions ("Was he arrested?": a subject pronoun between; a participle
    right after a determiner there is attributive, "Is the attached form
    final?", and the scan goes on), the inverted clause-initial participle
    ("Attached is the report", "Attached for your review are…": participle
    index before the auxiliary) and the *with*-absolute opening a clause
    ("With the ballots counted, …", "…, with two suspects detained": *with*
    stands for the auxiliary; Quirk et al. 1985, §15.58; inside a clause,
    "talks with the league failed" is far more often a main verb)."""
    w = w or words()
    hi = len(lows) if hi is None else hi
    out: list[tuple[int, int]] = []
    aux, clitics, between, subjects = w.aux, w.clitics, w.between, w.subjects
    for i in range(lo, hi):
        low = lows[i]
        if low == "with" and (i == lo or not is_word[i - 1]):  # ", with …", "With …"
            j = _absolute(lows, is_word, i, hi, w)
            if j is not None:
                out.append((i, j))
            continue
        if low == "that" and (i == lo or not is_word[i - 1]) and i + 2 < hi \
                and is_participle(lows[i + 1], w) and lows[i + 2] in ABSOLUTE_END:
            out.append((i, i + 1))  # "That said, …": a demonstrative absolute
            continue
        if low not in aux and not ("'" in low and low[low.rfind("'"):] in clitics):
            continue
        part = _inverted(lows, is_word, lo, i, w)
        if part is not None:
            out.append((i, part))
            continue
        question = i == lo or not is_word[i - 1] or lows[i - 1] in w.wh
        j = i + 1
        stop = min(hi, i + 2 + MAX_BETWEEN)
        while j < stop:
            nxt = lows[j]
            if not is_word[j]:
                if nxt in QUOTES:  # he was "forced"
                    j += 1
                    continue
                break
            if nxt not in between and is_participle(nxt, w):
                if question and j > i + 1 and lows[j - 1] in w.determiners:
                    j += 1  # "Where is the defined term used?": attributive
                    stop = min(hi, stop + 1)
                    continue
                if out and out[-1][1] == j:  # "was being held": the nearest auxiliary
                    out[-1] = (i, j)
                else:
                    out.append((i, j))
                break
            if (nxt in between or (nxt.endswith("ly") and len(nxt) > 3)
                    or (question and (nxt in subjects or nxt not in w.stop_np)
                        and not aux_of(nxt, w))):
                j += 1
                continue
            break
    return out


def _inverted(lows: list[str], is_word: list[bool], lo: int, i: int, w: Words) -> int | None:
    """The clause-initial participle before auxiliary ``i`` in an inverted
    passive ("Attached is", "Also attached are", "Attached for your review
    is", ", attached are"), or None: the participle opens the sentence (after
    an optional adverb) or follows a comma, and only the words of one
    prepositional phrase stand between it and the auxiliary."""
    for first in range(max(lo, i - 5), i):
        at_start = first == lo or (first == lo + 1 and lows[lo] in w.between) or (
            first > lo and lows[first - 1] == ",")
        if not (at_start and is_word[first] and is_participle(lows[first], w)):
            continue
        gap = range(first + 1, i)
        if not gap or (lows[first + 1] in FRONTED_PP
                       and all(is_word[k] and not aux_of(lows[k], w) and lows[k] != "and"
                               for k in gap)):
            return first
    return None


def _absolute(lows: list[str], is_word: list[bool], i: int, hi: int, w: Words) -> int | None:
    """The participle of a *with*-absolute starting at token ``i`` ("with
    the suspects detained", "with kids not allowed"), or None: one to four
    noun-phrase words (no punctuation, preposition, conjunction, adverb or
    auxiliary; the first not a participle nor *a*/*an*, the last not a
    determiner), then
    the participle after optional negation or adverbs, followed by no
    noun-phrase word ("with the injured man" is attributive)."""
    j = i + 1
    if j >= hi or not is_word[j] or is_participle(lows[j], w) or lows[j] in w.between \
            or lows[j] in w.stop_np or lows[j] in ("a", "an"):
        return None  # "with a consortium led by": a reduced relative, not an absolute
    while (j < min(hi, i + 5) and is_word[j] and lows[j] not in w.stop_np
           and lows[j] not in w.between and not aux_of(lows[j], w)
           and not (j > i + 1 and is_participle(lows[j], w))):
        j += 1
    if lows[j - 1] in w.determiners and not (j == i + 2 and lows[j - 1] in FUSED_HEADS):
        return None  # "with some used as …": a quantifier as the whole noun phrase
    while j < min(hi, i + 7) and (lows[j] in w.between or lows[j].endswith("ly")):
        j += 1  # "with kids not allowed", "with the directions carefully followed"
    if j < hi and is_word[j] and is_participle(lows[j], w) and lows[j] not in w.between:
        n = j + 1
        if n >= hi or not is_word[n] or lows[n] in w.stop_np or lows[n] == "by" \
                or lows[n] in w.between:
            return j
    return None


def _shape(tok: str) -> str:
    if not tok:
        return "END"
    c = tok[0]
    if c.isdigit():
        return "NUM"
    if not c.isalnum():
        return "P" + tok[:1]
    if c.isupper():
        return "CAP"
    return "low"


def features(lows: list[str], texts: list[str], is_word: list[bool], i: int, j: int,
             hi: int, w: Words | None = None) -> list[str]:
    """The classifier's features for auxiliary ``i`` and participle ``j``
    (``hi``: end of the sentence's tokens)."""
    w = w or words()
    form, verb = aux_of(lows[i], w) or (lows[i], "be")
    part = lows[j]
    f = [f"w={part}", f"s3={part[-3:]}", f"s4={part[-4:]}", f"aux={form}", f"verb={verb}",
         f"irr={part in w.irregular}", f"gap={j - i - 1}"]
    if j < i:  # "Attached is the report"
        return f + ["inverted", f"n1={lows[i + 1] if i + 1 < hi else ''}"]
    stem = part.rsplit("-", 1)[1] if "-" in part else part
    if stem != part:
        f += [f"last={stem}", f"pre={part.split('-', 1)[0]}"]
    if stem in w.adjectival:
        f.append("adj")
    cls = word_classes().get(part) or word_classes().get(stem, "unseen")
    f.append(f"cls={cls}")
    for prefix in ("un", "over", "under", "well", "ill", "self", "non"):
        if part.startswith(prefix) and len(part) > len(prefix) + 3:
            f.append(f"prefix={prefix}")
    if texts[j].isupper() and len(texts[j]) > 1:
        f.append("caps")
    if lows[i] in ("with", "that"):
        f.append("absolute")
    for k in range(i + 1, j):
        f.append(f"b={lows[k]}" if lows[k] in w.between or lows[k] in w.subjects else "b=other")
    if any(lows[k] in w.degree for k in range(i + 1, j)):  # "very tired": Quirk et al. §7.33
        f.append("degree")
    if i == 0 or not is_word[i - 1] or lows[i - 1] in w.wh:
        f.append(f"clause_initial|gap={j - i - 1}")
    prev = lows[i - 1] if i > 0 else ""
    f.append(f"p1={prev}")
    if prev in PERSONAL:  # "I was surprised": an experiencer subject, Quirk et al. §3.77
        f += ["person", f"person|cls={cls}"]
    if form == "'s":
        f.append(f"host={lows[i][:-2]}")
        if texts[i][:1].isupper() and i > 0 and is_word[i - 1] and lows[i - 1] not in w.between:
            f.append("host=name_after_word")  # "approve Susan's attached report": possessive
    n1 = lows[j + 1] if j + 1 < hi else ""
    n2 = lows[j + 2] if j + 2 < hi else ""
    f += [f"n1={n1}", f"n2={n2}", f"n1s={_shape(texts[j + 1] if j + 1 < hi else '')}",
          f"w|n1={part}|{n1}", f"aux|n1={verb}|{n1}", f"n1c={_word_class(n1, w)}",
          f"aux|n1c={form}|{_word_class(n1, w)}"]
    by = any(lows[k] == "by" for k in range(j + 1, min(hi, j + 1 + AGENT_WINDOW)))
    f.append(f"by={by}")
    return f


def _word_class(low: str, w: Words) -> str:
    """Coarse class of the word after the participle: an attributive
    participle is followed by its noun ("Susan's attached report")."""
    if not low:
        return "end"
    if not low[0].isalnum():
        return "punct"
    if low == "by":
        return "by"
    if low in w.determiners:
        return "det"
    if low in w.stop_np:
        return "function"
    if low in w.between or low.endswith("ly"):
        return "adverb"
    return "content"


def threshold() -> float:
    """P(passive) at which a candidate counts (chosen with the model, on EWT train)."""
    return _compiled()[2]


def probability(feats: list[str]) -> float:
    b, weights, _, _ = _compiled()
    z = b + sum(weights.get(x, 0.0) for x in feats)
    return 1.0 / (1.0 + math.exp(-z))


def is_passive(feats: list[str]) -> bool:
    return probability(feats) >= threshold()


def noun_phrase_end(lows: list[str], texts: list[str], is_word: list[bool], a: int, hi: int,
                    w: Words) -> int:
    """End (exclusive) of the noun phrase starting at token ``a``: a name
    runs over its capitalised words ("Officer Dana Reyes"), after optional
    determiners; other phrases stop at a preposition, conjunction,
    auxiliary or common verb (``lexicons/agency_np_stops.txt``) or at a
    participle after their first word, at most AGENT_MAX words."""
    e = a
    while e < hi and lows[e] in w.determiners:
        e += 1
    if e < hi and texts[e][:1].isupper():
        while e < hi and is_word[e] and (texts[e][:1].isupper() or lows[e] == "of"
                                         and e + 1 < hi and texts[e + 1][:1].isupper()):
            e += 1
        return max(e, a + 1)
    head = e  # a participle after the first word is a verb ("a teenager shot dead")
    e = max(e, a + 1)
    while (e < hi and e - a < AGENT_MAX and is_word[e] and lows[e] not in w.stop_np
           and not (e > head and is_participle(lows[e], w))):
        e += 1
    return e


def find_agent(lows: list[str], texts: list[str], is_word: list[bool], j: int, hi: int,
               w: Words | None = None) -> tuple[int, int] | None:
    """``(first, end)`` token indices of the agent noun phrase after the
    participle ``j``, or None (agentless). The search skips quotation marks
    ("was labelled 'reckless' by") and, in coordinated participles ("was
    greeted and attended to by", "owned/operated by"), the conjunction: the
    by-phrase after the last participle names the doer of all (Quirk et al.
    1985, §13.41). It stops at punctuation, a clause opener or another
    auxiliary ("is meant to be read by": the agent is the second verb's)."""
    w = w or words()
    end = min(hi, j + 1 + AGENT_WINDOW)
    k = j + 1
    while k < end:
        low = lows[k]
        if low in QUOTES:
            k, end = k + 1, min(hi, end + 1)
            continue
        if low in ("and", "or", "/") and k + 1 < hi and is_participle(lows[k + 1], w):
            k, end = k + 2, min(hi, k + 3 + AGENT_WINDOW)  # "greeted and attended to by"
            continue
        if low == "," and k == j + 1 and k + 1 < hi and lows[k + 1] == "by":
            k += 1  # "to be approved, by the government"
            continue
        if not is_word[k] or low in w.barriers or (k > j + 1 and aux_of(low, w)):
            return None
        if low != "by":
            k += 1
            continue
        a = k + 1
        if a >= hi or not is_word[a] or not _starts_agent(lows, texts, k, a, hi, w):
            return None
        return a, noun_phrase_end(lows, texts, is_word, a, hi, w)
    return None


def _starts_agent(lows: list[str], texts: list[str], k: int, a: int, hi: int, w: Words) -> bool:
    """Whether the phrase after "by" (token ``k``) can name a doer: not time,
    means or measure (``lexicons/agency_not_agents.txt``: "by Friday", "by
    far", "by email"), not a year or a number of units ("by 2020", "by 5
    percent"; "by 2 officials" is a doer), not a gerund of means ("by
    clicking the link"), not a distributive "case by case" (Quirk et al.
    1985, §9.33-9.36, §9.46)."""
    first = lows[a]
    nxt = lows[a + 1] if a + 1 < hi else ""
    if first in w.not_agent or f"{first} {nxt}" in w.not_agent:
        return False
    if first[0].isdigit() or (first == "some" and nxt[:1].isdigit()):
        number = nxt if first == "some" else first
        unit = lows[a + 2] if first == "some" and a + 2 < hi else nxt
        return not (not number.isdigit() or len(number) == 4 or not unit[:1].isalpha()
                    or unit in w.not_agent)
    if first in w.determiners and _is_year(nxt):  # "by the 1920s"; "by a 9m wave" names one
        return False
    if first.endswith("ing") and not first.endswith("thing") and texts[a].islower() \
            and "-" not in first:
        return False  # "by trading land": means; "by well-meaning staff" is an adjective
    return first != lows[k - 1]  # "case by case", "one by one"


def _is_year(low: str) -> bool:
    """A year or a decade ("2019", "1920s", "90s"): a time, not a doer."""
    digits = low[:-1] if low.endswith("s") else low
    return digits.isdigit() and (len(digits) == 4 or low.endswith("s"))
