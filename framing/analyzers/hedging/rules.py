"""Context rules for the hedge and booster cues of :mod:`framing.analyzers.hedging.analyzer`.

A cue in ``lexicons/hedges.tsv`` may name a rule in its ``rule`` column; the
matcher builds a :class:`Window` over the candidate tokens and keeps the match
only if the rule returns True. The context word lists the rules consult
(negators, months, quantity words, …) are package data,
``lexicons/hedge_context.tsv`` (sources in its header), and the reporting
verbs are the shared ``lexicons/cue_verbs.tsv``; see :mod:`.window`. Rules
that look for a subject or a linking verb are in :mod:`.stance`.

Context rules (named in the lexicon's ``rule`` column):

* ``not_month`` — *May* is the month after in/on/since/until/by/from/last/
  next/early/late/mid/this/of/during/before/after/between, after another month
  name plus and/or/to, or before a number ("May 5", "May 2024"); a capitalised
  *May* inside a sentence is otherwise a name (Theresa May) unless the
  sentence is in title case (a headline: "Prices May Rise"). Modal *may* is
  not capitalised mid-sentence in edited prose (AP Stylebook, capitalisation).
* ``not_noun`` — *might* after *the*, a possessive or an adjective like
  "military" is the noun ("military might", "with all its might").
* ``may`` — ``not_month``, and not deontic or concessive *may* (Coates
  1983; Quirk et al. 1985, §14): a clause opened by a negative quantifier
  forbids ("no part of the fund may be used", "no one may enter"), and "X may
  Y, but Z" grants X to set up a contrast ("China may outnumber them 80 to
  1, but …"); neither withholds commitment.
* ``not_negated_ability`` — *could not*, *couldn't* (and *cannot*, which is
  not listed) deny ability or possibility outright; Coates (1983, *The
  Semantics of the Modal Auxiliaries*) classes them as root (dynamic)
  modality, so they are not tentative. So is *could* in a clause on a
  negative indefinite ("nothing he could do", "not something he could take
  on") or in a comparison ("more than workers could earn").
* ``would`` — a hedge only as the tentative *would* of the speaker's own
  view, before a verb of saying or thinking with a first-person, expletive
  or generic subject ("I would say", "I'd argue", "you would think"; Hyland
  2005), or before *seem/appear* ("it would seem", "the leak would appear
  to"); "they'd think twice", "critics would argue" are hypothetical. Hypothetical and
  conditional *would* ("the bill would raise taxes", "if elected she would"),
  habitual, volitional ("would like") and backshifted *would* ("said it
  would") describe what follows from a premise the writer is committed to:
  conditionals are not hedges (codebook §2; Huddleston & Pullum 2002, ch. 3).
* ``would_contracted`` — *I'd, we'd, she'd…* are *would* (same rule) except
  before a past participle or *better*, where *'d* is *had*.
* ``appear`` — *appear* is a hedge in its evidential, copular sense ("appear
  to", "appears that", "it appears", "would appear", "appeared nervous") and
  not in its presence sense (Biber et al. 1999, *Longman Grammar*):
  before in/on/at/before/with/for/alongside/as + noun…, before a capitalised
  word ("appeared Monday") or at the end of a clause ("failed to appear.").
* ``before_number`` — rounders (*about, around, some, almost, nearly*) are
  approximators only before a number or quantity (digits, number words,
  "a dozen", "half", "$5", "noon"): Prince, Frader & Bosk (1982). "Talk about
  the plan" and "around the world" are not hedges. ``after_number`` does the
  same for "20 or so".
* Negated boosters (every ``booster`` entry): a booster with a negator (not,
  n't, never, no, without, hardly…) among the two tokens before it, inside
  the clause, is dropped ("does not show that", "not clearly"). Predicative
  negated certainty adjectives are listed as hedges in their own right
  ("not clear", "not certain", "not sure", "never clear", "far from clear"):
  they are the analytic equivalents of Hyland's hedges *unclear*, *uncertain*,
  *unsure*, so "it is not clear whether…" counts as one hedge. Attributive
  "no clear evidence" is neither hedge nor booster.
* ``predicative`` — *certain, sure, confident* are boosters only predicative
  ("I am certain", "is sure to", "absolutely certain"), and not as a report
  of a third person's state of mind ("she was confident that…"); the
  determiner *certain* and "make sure" are not.
* ``linking`` — *clear, obvious, evident* are boosters after a linking verb
  with optional degree words ("it is clear that", "the answer remains
  perfectly clear", "it became crystal clear"; Huddleston & Pullum 2002,
  ch. 4); not attributive ("a clear majority"), "clear of", or a requirement
  ("need to be clear").
* ``epistemic_predicate`` — *unclear, uncertain, unknown, not sure, far from
  certain…* hedge a proposition only with an expletive, demonstrative or
  first-person subject ("it is unclear whether", "what remains unknown is",
  "I'm not sure"); "the outlook remains uncertain" states a fact about the
  outlook and "she is not sure" reports her doubt.
* ``attributive`` — *apparent* hedges in attributive use ("an apparent
  attack"); predicative "it became apparent that" means evident, and is
  neither hedge nor counted booster.
* ``stance`` — *think, believe, guess, suppose, reckon, speculate, feel
  that* are hedges only with a first-person subject, found by skipping
  auxiliaries, negation and adverbs back from the verb ("I think", "we'd
  guess", "I was thinking"; Holmes 1990): that is the speaker's own
  tentativeness. With any other subject the verb reports a belief ("those
  who think we should leave", "experts believe"), which is attribution, not
  hedging (Hyland 1996). Not: "think about/of/twice", "believe in/me", "hard
  to believe", the noun ("a thought", "wishful thinking").
* ``suspect_verb``, ``expect``, ``doubt`` — the same first-person test;
  *expect* also after *be* ("is expected to"), not "than expected", "as
  expected", "expected of"; "the suspect", "doubts about" are nouns.
* ``evidential`` — *suggest, indicate, imply* hedge with evidence as subject
  ("the figures suggest"); with a person as subject they report speech ("as
  he suggested"), and with *should* in the clause they propose.
* ``own_voice`` — *make clear, show, prove, find, confirm, establish that*
  are boosters when the speaker or their evidence makes the point ("his
  silence shows that", "I want to make it clear"); with a person or a source
  as subject ("the minister made it clear that", "a poll found that") they
  are attribution cues (Pareti 2016). ``no_doubt``: "left no doubt" reports.
* ``really`` — a booster in a question or before be/do/have ("Do we really
  need it?", "it really was"); "not really" is a hedge; "really good" is a
  degree word; a bare "Really?" is a challenge (disbelief), not commitment. ``parenthetical``: "To be clear, …" set off as a comment.
* ``before_quantity`` — *nearly, almost* before a number or all/every;
  ``not_term`` — not the survey term "likely voters"; ``evidential_noun`` —
  *uncertainty, speculation, suspicion* only before that/whether (otherwise a
  topic); ``claim_verb`` — *claim(s)* the verb, not the noun; ``not_idiom`` —
  "slowly but surely" is manner.
* ``assume`` — not "assume office/power/control/the role…".
* ``not_manner`` — *roughly* before a verb form is manner ("roughly yanked
  the arm"), not the rounder ("roughly 300", "roughly estimated").
* ``possible`` — not "as … as possible", "if possible", "made possible",
  "everything possible", "possible to" (root possibility: feasibility), or
  negated ("not possible").
* ``complement`` — "is considered/regarded" only before its complement ("is
  considered a favourite"), not "is being considered by the committee".
* ``not_after_determiner`` — "kind of/sort of" are adaptors only when not
  the noun after a determiner ("this kind of car", "the worst sort of"),
  except a predicative "is a kind of …" (a loose category; Lakoff 1972).
* ``not_to`` — attributive *supposed* ("the supposed victim") is a hedge like
  *alleged*; "supposed to" (a plan or an obligation) is not.
* ``of_course``, ``demonstrate``, ``perfect``, ``not_negated`` — "a change of
  course" is literal; *demonstrate* is a booster with an object or
  that-clause, not "protesters demonstrated outside"; "must have" is
  epistemic only before a past participle ("must have known", not "must have
  a licence"); "doubt" negated ("don't doubt") is not a hedge.
"""

from __future__ import annotations

from collections.abc import Callable

from .window import (ABILITY_INDEFINITE, ABILITY_INDEFINITE_NEGATED, APPEAR_HEDGE_NEXT,
    APPEAR_HEDGE_PREV, APPEAR_PRESENCE_NEXT, ARTICLES_POSSESSIVES, ASSUME_DETERMINERS,
    ASSUME_OBJECT, BECOME, CLAIM_NEXT, CLAIM_NOUN_PREV, CLAUSE_BREAK, COMPARISON_PREV,
    COMPLEMENT_NOT_NEXT, CONCESSIVE_BUT, DEMONSTRATE_NEXT, DEONTIC_SUBJECT, EVIDENTIAL_NOUN_NEXT,
    KIND_OF_NOT_PREV, KIND_OF_NOUNS, LIKELY_TERM_NEXT, LINKING, MANNER_NOT_NEXT, MIGHT_NOUN_PREV,
    MONTHS, MONTH_JOIN, MONTH_PREV, MONTH_PREV_LOWER, NEARLY_ALL, NEGATED_ABILITY_NEXT, NEGATORS,
    OF_COURSE_NOT_PREV, PARTICIPLES, POSSIBLE_NOT_PREV, PREDICATIVE_PREV, REALLY_EMPHATIC_NEXT,
    REPORT_BREAK, SURELY_IDIOM_PREV, TENTATIVE_SUBJECT, WOULD_EVIDENCE_NEXT,
    WOULD_EVIDENTIAL_NEXT, WOULD_HEDGE_NEXT, WOULD_SKIP, Window, _is_quantity, _title_case,
    negated_before)
from .stance import (doubt, epistemic_predicate, evidential, expect, linking, no_doubt,
    is_person, own_voice, predicative, stance, subject_at, suspect_verb)


# -- rules ---------------------------------------------------------------------
def may(w: Window) -> bool:
    """Epistemic *may*: not the month or a name (:func:`not_month`), not the
    prohibition of a clause opened by a negative quantifier ("no part of the
    fund may be used"), not concessive before a contrast ("X may Y, but Z")."""
    if not not_month(w):
        return False
    start = None
    for at in range(w.i - 1, max(w.lo, w.i - 12) - 2, -1):
        if at < w.lo or w.lows[at] in CLAUSE_BREAK:
            start = at + 1
            break
    if start is not None and start < w.i and w.lows[start] in DEONTIC_SUBJECT:
        return False  # "…, no part of the fund may be used"
    for at in range(w.j + 1, w.hi):
        if w.lows[at] in CONCESSIVE_BUT and w.lows[at - 1] in CLAUSE_BREAK:
            return False
    return True


def not_month(w: Window) -> bool:
    surface = w.raw(w.i)
    nxt, prev = w.next(), w.prev()
    if nxt[:1].isdigit():
        return False
    if surface == "may":
        return prev not in MONTH_PREV_LOWER
    if prev in MONTH_PREV or (prev in MONTH_JOIN and w.prev(2) in MONTHS):
        return False
    if w.i > w.lo and w.prev()[:1].isalnum() and not _title_case(w):
        return False  # capitalised mid-sentence: the month or a name
    return True


def not_noun(w: Window) -> bool:
    return w.prev() not in MIGHT_NOUN_PREV


def not_negated_ability(w: Window) -> bool:
    if w.next() in NEGATED_ABILITY_NEXT:
        return False
    for k in range(1, 7):
        t = w.prev(k)
        if not t or t in CLAUSE_BREAK or t in REPORT_BREAK or t == "that":
            break  # "an obstacle that could hurt": a clause of its own
        if t in COMPARISON_PREV or t in ABILITY_INDEFINITE:
            return False  # "more than workers could earn", "nothing he could do"
        if t in ABILITY_INDEFINITE_NEGATED and w.prev(k + 1) in NEGATORS:
            return False  # "not something he could take on"
    return True


def would(w: Window) -> bool:
    """Tentative *would* before a verb of saying or thinking ("I would say",
    "it would seem", "would have thought"); hypothetical, conditional,
    habitual, volitional and backshifted *would* are not hedges."""
    at = w.j
    while at < w.hi and w.lows[at] in WOULD_SKIP and at < w.j + 4:
        at += 1
    if not (at < w.hi and w.lows[at] in WOULD_HEDGE_NEXT):
        return False
    if w.lows[at] in WOULD_EVIDENTIAL_NEXT:
        return True  # "it would seem", "the leak would appear to"
    tok = w.lows[w.i]
    word, k = (tok.split("'")[0], -1) if "'" in tok else subject_at(w, w.i - 1)
    if w.lows[at] in WOULD_EVIDENCE_NEXT and word and not is_person(w, word, k):
        return True  # "logic would suggest"
    return word in TENTATIVE_SUBJECT  # not "they'd think twice", "critics would argue"


def would_contracted(w: Window) -> bool:
    nxt = w.next()
    if nxt in PARTICIPLES or nxt == "better" or (len(nxt) > 3 and nxt.endswith("ed")):
        return False  # "she'd left", "you'd better": had
    return would(w)


def appear(w: Window) -> bool:
    nxt, prev = w.next(), w.prev()
    if nxt == "as":
        return w.next(2) in ("if", "though")
    if nxt in APPEAR_HEDGE_NEXT or prev in APPEAR_HEDGE_PREV:
        return True
    if not nxt or not nxt[0].isalpha() or nxt in APPEAR_PRESENCE_NEXT:
        return False
    return not w.raw(w.j)[:1].isupper()


def before_number(w: Window) -> bool:
    return _is_quantity(w, w.j)


def before_quantity(w: Window) -> bool:
    """*nearly*, *almost*: before a number or a universal quantifier ("nearly
    ten years", "almost all", "nearly every")."""
    return _is_quantity(w, w.j) or w.next() in NEARLY_ALL


def after_number(w: Window) -> bool:
    return any(_is_quantity(w, w.i - k) for k in (1, 2, 3))


def attributive(w: Window) -> bool:
    return w.prev() not in PREDICATIVE_PREV and w.prev() not in BECOME


def really(w: Window) -> bool:
    """*really* affirming the truth of a clause: in a question ("Do we really
    need it?") or before a form of be/do/have ("it really is"); a degree word
    elsewhere ("really good", "really want")."""
    if w.next() in ("?", "!") and (not w.prev() or w.prev() in CLAUSE_BREAK):
        return False  # a bare "Really?": disbelief
    if w.next() in REALLY_EMPHATIC_NEXT:
        return True
    key = ("question", w.lo, w.hi)
    found = w.memo.get(key)
    if found is None:
        found = w.memo[key] = "?" in w.lows[w.lo:w.hi]
    return found


def parenthetical(w: Window) -> bool:
    """A set-off comment phrase ("To be clear, …", "…, make no mistake,"): at
    the head of its sentence or between punctuation; "they need to be clear"
    is not one."""
    return w.i == w.lo or w.prev() in CLAUSE_BREAK or w.next() in CLAUSE_BREAK


def not_idiom(w: Window) -> bool:
    return w.prev() not in SURELY_IDIOM_PREV


def not_term(w: Window) -> bool:
    return w.next() not in LIKELY_TERM_NEXT and w.next(2) not in LIKELY_TERM_NEXT


def evidential_noun(w: Window) -> bool:
    """*uncertainty, speculation, suspicion…* qualify a proposition only before
    one ("speculation that he will resign"); otherwise they name a topic."""
    return w.next() in EVIDENTIAL_NOUN_NEXT


def claim_verb(w: Window) -> bool:
    """*claim(s)* the verb before its content ("Democrats claim that", "are
    claiming they may"); not the noun ("the claim that", "Clinton's claim
    that") nor "claimed victory"."""
    prev = w.prev()
    return (w.next() in CLAIM_NEXT and prev not in CLAIM_NOUN_PREV
            and not prev.endswith(("'s", "’s")))


def assume(w: Window) -> bool:
    nxt = w.next()
    if nxt in ASSUME_OBJECT or w.prev() in ARTICLES_POSSESSIVES:
        return False
    return not (nxt in ASSUME_DETERMINERS and w.next(2) in ASSUME_OBJECT)


def not_manner(w: Window) -> bool:
    """*roughly* before a verb form is manner ("roughly yanked the arm")."""
    nxt = w.next()
    if nxt in MANNER_NOT_NEXT:
        return True
    return not (nxt in PARTICIPLES or (len(nxt) > 4 and nxt.endswith(("ed", "ing"))))


def possible(w: Window) -> bool:
    if w.prev() in POSSIBLE_NOT_PREV or w.prev(2) == "as" or w.next() == "to":
        return False
    if any(t.endswith("est") or t == "most" for t in (w.prev(), w.prev(2), w.prev(3))):
        return False  # "the simplest possible terms", "the fastest way possible"
    return not negated_before(w)


def complement(w: Window) -> bool:
    nxt = w.next()
    return (w.lows[w.i] != "being" and (nxt[:1].isalnum() or nxt in ('"', "“", "‘"))
            and nxt not in COMPLEMENT_NOT_NEXT)


def not_after_determiner(w: Window) -> bool:
    prev = w.prev()
    if prev == "a" and w.prev(2) in LINKING and w.next() not in KIND_OF_NOUNS:
        return True  # "the result is a kind of loop": a loose category (Lakoff 1972)
    return (prev not in KIND_OF_NOT_PREV and not prev.endswith("est")
            and w.next() not in KIND_OF_NOUNS)


def not_to(w: Window) -> bool:
    return w.next() != "to"


def of_course(w: Window) -> bool:
    return w.prev() not in OF_COURSE_NOT_PREV


def demonstrate(w: Window) -> bool:
    return w.next() in DEMONSTRATE_NEXT


def perfect(w: Window) -> bool:
    nxt = w.next()
    return nxt in PARTICIPLES or (len(nxt) > 3 and nxt.endswith(("ed", "en")))


def not_negated(w: Window) -> bool:
    return not negated_before(w)


RULES: dict[str, Callable[[Window], bool]] = {f.__name__: f for f in (
    may, not_manner, not_month, not_noun, not_negated_ability, would, would_contracted, appear, before_number,
    before_quantity, after_number, predicative, linking, epistemic_predicate, attributive, stance,
    suspect_verb, expect, doubt, evidential, own_voice, no_doubt, really, parenthetical, not_idiom, not_term,
    evidential_noun, claim_verb, assume, possible, complement, not_after_determiner, not_to,
    of_course, demonstrate, perfect, not_negated)}
