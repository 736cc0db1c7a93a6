"""Context rules for the hedge and booster cues of :mod:`framing.analyzers.hedging.analyzer`.

A cue in ``lexicons/hedges.tsv`` may name a rule in its ``rule`` column; the
matcher builds a :class:`Window` over the candidate tokens and keeps the match
only if the rule returns True. The context word lists the rules consult
(negators, months, reporting verbs, quantity words, …) are package data,
``lexicons/hedge_context.tsv`` (sources in its header), read once at import.

Context rules (named in the lexicon's ``rule`` column):

* ``not_month`` — *May* is the month after in/on/since/until/by/from/last/
  next/early/late/mid/this/of/during/before/after/between, after another month
  name plus and/or/to, or before a number ("May 5", "May 2024"); a capitalised
  *May* inside a sentence is otherwise a name (Theresa May) unless the
  sentence is in title case (a headline: "Prices May Rise"). Modal *may* is
  not capitalised mid-sentence in edited prose (AP Stylebook, capitalisation).
* ``not_noun`` — *might* after *the*, a possessive or an adjective like
  "military" is the noun ("military might", "with all its might").
* ``not_negated_ability`` — *could not*, *couldn't* (and *cannot*, which is
  not listed) deny ability or possibility outright; Coates (1983, *The
  Semantics of the Modal Auxiliaries*) classes them as root (dynamic)
  modality, so they are not tentative.
* ``would`` — hypothetical *would* is a hedge (Hyland 2005). Not a hedge:
  volitional *would like/love/prefer/rather* (Coates 1983), and *would* after
  a past-tense reporting verb earlier in the same clause with no quotation
  mark or colon in between ("officials said the plan would cost…", "she was
  thinking the vote would fail"): that is the backshifted *will* of indirect
  speech (Quirk et al. 1985, ch. 14 on backshift), and *will* is not a hedge. A present reporting verb ("says the bill would")
  keeps the hedge, since there the original speaker said *would*.
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
* ``predicative`` — *certain, sure, confident* are boosters only after a form
  of *be*, a linking verb (feel, seem, remain, become) or a degree adverb
  ("I am certain", "is sure to", "absolutely certain"); the determiner
  *certain* ("a certain number", "certain officials") and "make sure" are not.
* ``attributive`` — *apparent* hedges in attributive use ("an apparent
  attack"); predicative "it became apparent that" means evident, and is
  neither hedge nor counted booster.
* ``stance`` — *think, believe, guess, suppose, reckon* are hedges only as
  stance verbs with a first- or third-person subject (Holmes 1990 on "I
  think"; BioScope/CoNLL-2010 guidelines list think/believe as speculation
  cues): the subject, found by skipping auxiliaries, negation and adverbs
  back from the verb, must be a pronoun (I, we, he, she, they, who…) or a
  noun ("Experts believe"). Not: second person ("do you think"), after *to*
  or a modal of inability ("hard to believe", "can't believe"), imperatives,
  "think about/of/through/twice", "believe in/me", the noun ("a thought");
  *thinking/believing* only in the progressive ("I was thinking"), not the
  noun ("wishful thinking").
  Hyland (2005) lists *think/believe* as boosters for academic writing; in
  news and speech the tentative reading dominates, so they are hedges here.
* ``suspect_verb`` — *suspect(s)* only as a verb (pronoun or agent-noun
  subject such as "police", or a following "that"); "the suspect" is a noun.
* ``expect`` — with a subject as for ``stance`` or after *be* ("is expected
  to"); not "than (we) expected", "as expected", "the expected", or
  "expected of" (a demand).
* ``assume`` — not "assume office/power/control/the role…".
* ``possible`` — not "as … as possible", "if possible", "made possible",
  "everything possible", "possible to" (root possibility: feasibility), or
  negated ("not possible").
* ``complement`` — "is considered/regarded" only before its complement ("is
  considered a favourite"), not "is being considered by the committee".
* ``not_after_determiner`` — "kind of/sort of" are adaptors only when not
  the noun after a determiner ("this kind of car", "the worst sort of").
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
from dataclasses import dataclass, field

from ...document import Document
from ...errors import LexiconError
from ...lexicons import load_table

CONTEXT_LEXICON = "hedge_context.tsv"


def _load_lists() -> dict[str, tuple[str, ...]]:
    lists: dict[str, list[str]] = {}
    for row in load_table(CONTEXT_LEXICON):
        lists.setdefault(row["list"], []).append(row["word"])
    return {name: tuple(words) for name, words in lists.items()}


_LISTS = _load_lists()


def _list(name: str) -> tuple[str, ...]:
    try:
        return _LISTS[name]
    except KeyError:
        raise LexiconError(f"lexicon {CONTEXT_LEXICON!r} has no list {name!r}") from None


def _set(name: str) -> frozenset[str]:
    return frozenset(_list(name))


BE = _list("be")
NEG = _list("neg")
MACROS = {"be": BE, "neg": NEG}

NEGATORS = frozenset(NEG) | _set("negator")
CLAUSE_BREAK = _set("clause_break")
MONTHS = _set("month")
MONTH_PREV = _set("month_prev")
MONTH_PREV_LOWER = _set("month_prev_lower")
DETERMINERS = _set("determiner")
MIGHT_NOUN_PREV = _set("might_noun_prev")
VOLITION = _set("volition")
REPORTED_PAST = _set("reported_past")
REPORTED_PROGRESSIVE = _set("reported_progressive")
SPEECH_BREAK = _set("speech_break")
APPEAR_HEDGE_NEXT = _set("appear_hedge_next")
APPEAR_PRESENCE_NEXT = _set("appear_presence_next")
QUANTITY_WORDS = _set("quantity_word")
A_QUANTITY = _set("a_quantity")
ONE_NEXT = _set("one_next")
CURRENCY = _set("currency")
STANCE_NOT_NEXT = _set("stance_not_next")
STANCE_BLOCK = _set("stance_block")
STANCE_SKIP = _set("stance_skip")
SECOND_PERSON = _set("second_person")
SUBJECTS = _set("subject")
FUNCTION_WORDS = DETERMINERS | _set("function_word")
THOUGHT_NOUN_PREV = DETERMINERS | _set("thought_noun_prev")
AGENTS = _set("agent")
ARTICLES_POSSESSIVES = _set("article_possessive")
ASSUME_OBJECT = _set("assume_object")
ASSUME_DETERMINERS = DETERMINERS | {"full"}
POSSIBLE_NOT_PREV = _set("possible_not_prev")
COMPLEMENT_NOT_NEXT = _set("complement_not_next")
KIND_OF_NOT_PREV = DETERMINERS | _set("kind_of_not_prev")
OF_COURSE_NOT_PREV = _set("of_course_not_prev")
KIND_OF_NOUNS = _set("kind_of_noun")
DEMONSTRATE_NEXT = DETERMINERS | _set("demonstrate_next")
PARTICIPLES = _set("participle")
PREDICATIVE_PREV = frozenset(BE) | _set("predicative_prev")


# -- the window a rule looks through -------------------------------------------
@dataclass(frozen=True)
class Window:
    """A candidate match: tokens ``i``..``j-1`` of a sentence spanning tokens
    ``lo``..``hi-1``; ``lows`` are the document's lower-cased token texts.
    ``memo`` keeps facts about whole sentences that rules ask for (shared by
    the windows of one document, so a long sentence is looked at once)."""

    doc: Document
    lows: list[str]
    i: int
    j: int
    lo: int
    hi: int
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    def prev(self, k: int = 1) -> str:
        at = self.i - k
        return self.lows[at] if at >= self.lo else ""

    def next(self, k: int = 1) -> str:
        at = self.j + k - 1
        return self.lows[at] if at < self.hi else ""

    def raw(self, at: int) -> str:
        return self.doc.tokens[at].text if self.lo <= at < self.hi else ""


def _is_quantity(w: Window, at: int) -> bool:
    if not w.lo <= at < w.hi:
        return False
    t = w.lows[at]
    nxt = w.lows[at + 1] if at + 1 < w.hi else ""
    if t[0].isdigit():
        return True
    if t in CURRENCY:
        return nxt[:1].isdigit()
    if t in ("a", "an"):
        return nxt in A_QUANTITY
    head = t.split("-")[0]
    if head == "one":
        return nxt in ONE_NEXT or t != head
    return head in QUANTITY_WORDS


def negated_before(w: Window, span: int = 2) -> bool:
    for k in range(1, span + 1):
        t = w.prev(k)
        if not t or t in CLAUSE_BREAK:
            return False
        if t in NEGATORS:
            return True
    return False


def _title_case(w: Window) -> bool:
    key = ("title_case", w.lo, w.hi)
    found = w.memo.get(key)
    if found is None:
        words = [w.doc.tokens[k].text for k in range(w.lo, w.hi) if w.doc.tokens[k].is_word]
        caps = sum(1 for t in words if t[:1].isupper())
        found = w.memo[key] = len(words) >= 3 and caps >= 0.6 * len(words)
    return found


# -- rules ---------------------------------------------------------------------
def not_month(w: Window) -> bool:
    surface = w.raw(w.i)
    nxt, prev = w.next(), w.prev()
    if nxt[:1].isdigit():
        return False
    if surface == "may":
        return prev not in MONTH_PREV_LOWER
    if prev in MONTH_PREV or (prev in ("and", "or", "to", "-", "–", "through")
                              and w.prev(2) in MONTHS):
        return False
    if w.i > w.lo and w.prev()[:1].isalnum() and not _title_case(w):
        return False  # capitalised mid-sentence: the month or a name
    return True


def not_noun(w: Window) -> bool:
    return w.prev() not in MIGHT_NOUN_PREV


def not_negated_ability(w: Window) -> bool:
    return w.next() not in ("not", "n't", "nt", "never")


def would(w: Window) -> bool:
    if w.next() in VOLITION:
        return False
    for at in range(w.i - 1, max(w.lo, w.i - 12) - 1, -1):
        t = w.lows[at]
        if t in SPEECH_BREAK:
            return True
        if t in REPORTED_PAST or (t in REPORTED_PROGRESSIVE and at > w.lo
                                  and w.lows[at - 1] in ("was", "were")):
            return False
    return True


def would_contracted(w: Window) -> bool:
    nxt = w.next()
    if nxt in PARTICIPLES or nxt == "better" or (len(nxt) > 3 and nxt.endswith("ed")):
        return False  # "she'd left", "you'd better": had
    return would(w)


def appear(w: Window) -> bool:
    nxt, prev = w.next(), w.prev()
    if nxt == "as":
        return w.next(2) in ("if", "though")
    if nxt in APPEAR_HEDGE_NEXT or prev in ("it", "there", "would", "it's"):
        return True
    if not nxt or not nxt[0].isalpha() or nxt in APPEAR_PRESENCE_NEXT:
        return False
    return not w.raw(w.j)[:1].isupper()


def before_number(w: Window) -> bool:
    return _is_quantity(w, w.j)


def after_number(w: Window) -> bool:
    return any(_is_quantity(w, w.i - k) for k in (1, 2, 3))


def predicative(w: Window) -> bool:
    return w.prev() in PREDICATIVE_PREV


def attributive(w: Window) -> bool:
    return w.prev() not in PREDICATIVE_PREV and w.prev() not in ("become", "becomes", "became",
                                                                   "becoming")


def stance(w: Window) -> bool:
    nxt = w.next()
    if nxt in STANCE_NOT_NEXT or (nxt == "it" and w.next(2) == "or"):
        return False
    word = w.lows[w.i]
    if word == "thought" and w.prev() in THOUGHT_NOUN_PREV:
        return False
    if word.endswith("ing"):  # progressive only: "I was thinking", not "wishful thinking"
        at = w.i - 1
        while at >= w.lo and w.lows[at] in STANCE_SKIP and at > w.i - 4:
            at -= 1
        return at >= w.lo and w.lows[at] in BE
    return _stance_subject(w)


def _stance_subject(w: Window) -> bool:
    at = w.i - 1
    while at >= w.lo and w.lows[at] in STANCE_SKIP and at > w.i - 5:
        at -= 1
    subject = w.lows[at] if at >= w.lo else ""
    if subject in SECOND_PERSON or subject in STANCE_BLOCK:
        return False
    if subject in SUBJECTS:
        return True
    return subject[:1].isalpha() and subject not in FUNCTION_WORDS


def suspect_verb(w: Window) -> bool:
    prev = w.prev()
    return (w.next() == "that" or prev in SUBJECTS or prev in AGENTS
            or (prev in STANCE_SKIP and prev not in ("all", "one")))


def expect(w: Window) -> bool:
    prev = w.prev()
    if prev in DETERMINERS or prev in ("than", "as", "long", "least") or w.next() == "of":
        return False
    if "than" in (w.prev(2), w.prev(3)):  # "higher than we expected", "than had been expected"
        return False
    return prev in BE or _stance_subject(w)


def assume(w: Window) -> bool:
    nxt = w.next()
    if nxt in ASSUME_OBJECT or w.prev() in ARTICLES_POSSESSIVES:
        return False
    return not (nxt in ASSUME_DETERMINERS and w.next(2) in ASSUME_OBJECT)


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
    not_month, not_noun, not_negated_ability, would, would_contracted, appear, before_number, after_number,
    predicative, attributive, stance, suspect_verb, expect, assume, possible, complement,
    not_after_determiner, not_to, of_course, demonstrate, perfect, not_negated)}
