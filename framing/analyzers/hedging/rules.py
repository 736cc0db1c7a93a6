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
REPORTING_LEXICON = "cue_verbs.tsv"  # the project's one list of reporting verbs
REPORTING_FRAMES = frozenset({"speech", "cognition", "intention", "evidence"})


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


def _reporting_forms() -> tuple[frozenset[str], frozenset[str]]:
    """One-word past and -ing forms of the reporting verbs in ``cue_verbs.tsv``
    whose frame is speech, cognition, intention or evidence ("said", "warned",
    "believed", "planned", "showed"; "saying", "thinking")."""
    past, progressive = set(), set()
    for row in load_table(REPORTING_LEXICON):
        if row["frame"] not in REPORTING_FRAMES or " " in row["lemma"]:
            continue
        lemma = row["lemma"]
        for form in (f.strip().lower() for f in row["forms"].split(",")):
            if " " in form or form == lemma:
                continue
            if form.endswith("ing"):
                progressive.add(form)
            elif form not in (lemma + "s", lemma + "es", lemma[:-1] + "ies"):
                past.add(form)
    return frozenset(past), frozenset(progressive)


BE = _list("be")
NEG = _list("neg")
MACROS = {"be": BE, "neg": NEG}

NEGATORS = frozenset(NEG) | _set("negator")
CLAUSE_BREAK = _set("clause_break")
MONTHS = _set("month")
MONTH_PREV = _set("month_prev")
MONTH_PREV_LOWER = _set("month_prev_lower")
MONTH_JOIN = _set("month_join")
DETERMINERS = _set("determiner")
MIGHT_NOUN_PREV = _set("might_noun_prev")
NEGATED_ABILITY_NEXT = _set("negated_ability_next")
WOULD_HEDGE_NEXT = _set("would_hedge_next")
WOULD_SKIP = _set("would_skip")
REPORTED_PAST, REPORTED_PROGRESSIVE = _reporting_forms()
REPORTED_PRESENT = _set("reported_present")
REPORT_BREAK = _set("report_break")
SOURCE_SUBJECT = _set("source_subject")
SPEECH_BREAK = _set("speech_break")
APPEAR_HEDGE_NEXT = _set("appear_hedge_next")
APPEAR_HEDGE_PREV = _set("appear_hedge_prev")
APPEAR_PRESENCE_NEXT = _set("appear_presence_next")
QUANTITY_WORDS = _set("quantity_word")
A_QUANTITY = _set("a_quantity")
ONE_NEXT = _set("one_next")
NEARLY_ALL = _set("nearly_all")
CURRENCY = _set("currency")
STANCE_NOT_NEXT = _set("stance_not_next")
STANCE_BLOCK = _set("stance_block")
STANCE_SKIP = _set("stance_skip")
PROGRESSIVE_BE = _set("progressive_be")
SECOND_PERSON = _set("second_person")
FIRST_PERSON = _set("first_person")
PERSON_SUBJECT = _set("person_subject")
EXPLETIVE_SUBJECT = _set("expletive_subject")
SUBJECT_SKIP = _set("subject_skip")
FUNCTION_WORDS = DETERMINERS | _set("function_word")
THOUGHT_NOUN_PREV = DETERMINERS | _set("thought_noun_prev")
AGENTS = _set("agent")
ARTICLES_POSSESSIVES = _set("article_possessive")
ASSUME_OBJECT = _set("assume_object")
ASSUME_DETERMINERS = DETERMINERS | _set("assume_determiner")
EXPECT_NOT_PREV = _set("expect_not_prev")
SUSPECT_NOT_PREV = _set("suspect_not_prev")
POSSIBLE_NOT_PREV = _set("possible_not_prev")
COMPLEMENT_NOT_NEXT = _set("complement_not_next")
KIND_OF_NOT_PREV = DETERMINERS | _set("kind_of_not_prev")
OF_COURSE_NOT_PREV = _set("of_course_not_prev")
KIND_OF_NOUNS = _set("kind_of_noun")
DEMONSTRATE_NEXT = DETERMINERS | _set("demonstrate_next")
PARTICIPLES = _set("participle")
BECOME = _set("become")
LINKING = frozenset(BE) | _set("linking")
DEGREE = _set("degree")
PREDICATIVE_PREV = frozenset(BE) | _set("predicative_prev")
PROPOSAL_MARK = _set("proposal_mark")
EVIDENTIAL_NOUN_NEXT = _set("evidential_noun_next")
LIKELY_TERM_NEXT = _set("likely_term_next")
NO_DOUBT_REPORTED_PREV = _set("no_doubt_reported_prev")
REALLY_EMPHATIC_NEXT = _set("really_emphatic_next")
SURELY_IDIOM_PREV = _set("surely_idiom_prev")
CLAIM_NOUN_PREV = DETERMINERS | _set("claim_noun_prev")
NONFINITE_BE_PREV = _set("nonfinite_be_prev")
#: contracted "be" forms that carry their subject ("he's", "it's", "i'm")
_CONTRACTED_BE = frozenset(t for t in BE if "'" in t)


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


# -- subjects -------------------------------------------------------------------
def _is_name(w: Window, at: int) -> bool:
    """A capitalised word inside the sentence (not its first word) outside a
    title-case line: a proper name ("Gowdy made clear")."""
    return (at > w.lo and w.raw(at)[:1].isupper() and w.lows[at - 1][:1].isalnum()
            and not _title_case(w))


def subject_at(w: Window, at: int) -> tuple[str, int]:
    """The subject of the verb just after token ``at``: skipping auxiliaries and
    adverbs back from ``at``, the first other token (lower-cased) and its index;
    a contracted "be" ("he's", "i'm") is its own subject. ``("", -1)`` at the
    start of the sentence."""
    k = at
    while k >= w.lo and k > at - 6:
        t = w.lows[k]
        if t in _CONTRACTED_BE:
            return t.split("'")[0], k
        if t not in SUBJECT_SKIP and t not in STANCE_SKIP:
            return t, k
        k -= 1
    return "", -1


def is_person(w: Window, word: str, at: int) -> bool:
    """A third-person subject that names who believes or says something."""
    return (word in PERSON_SUBJECT or word in AGENTS
            or (at >= 0 and _is_name(w, at) and word not in FUNCTION_WORDS))


def first_person_subject(w: Window) -> bool:
    """The cue's verb has a first-person subject: the writer or speaker's own
    stance ("I think", "we expect", "I'd guess", "I was thinking")."""
    word, _ = subject_at(w, w.i - 1)
    return word in FIRST_PERSON


def _predicative_at(w: Window, at: int) -> int | None:
    """Index of the linking verb before an adjective at ``at`` + 1 (degree
    adverbs skipped: "remains perfectly clear", "it's all too obvious"), or
    None when the adjective is not predicative."""
    k = at
    while k >= w.lo and w.lows[k] in DEGREE and k > at - 4:
        k -= 1
    return k if k >= w.lo and w.lows[k] in LINKING else None


# -- rules ---------------------------------------------------------------------
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
    return w.next() not in NEGATED_ABILITY_NEXT


def would(w: Window) -> bool:
    """Tentative *would* before a verb of saying or thinking ("I would say",
    "it would seem", "would have thought"); hypothetical, conditional,
    habitual, volitional and backshifted *would* are not hedges."""
    at = w.j
    while at < w.hi and w.lows[at] in WOULD_SKIP and at < w.j + 4:
        at += 1
    return at < w.hi and w.lows[at] in WOULD_HEDGE_NEXT


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


def predicative(w: Window) -> bool:
    """*certain, sure, confident*: predicative, and not a report of someone
    else's state of mind ("he is confident" reports a belief; "I'm sure", "it
    is certain", "the vote is certain to" commit the speaker)."""
    link = _predicative_at(w, w.i - 1)
    if link is None:
        return w.prev() in PREDICATIVE_PREV
    if w.next() == "to":
        return True
    word, at = subject_at(w, link)
    return not is_person(w, word, at) or word in FIRST_PERSON


def linking(w: Window) -> bool:
    """*clear, obvious, evident*: a booster after a linking verb ("it is
    clear", "the answer remains perfectly clear", "it became crystal clear");
    attributive "a clear majority" is not."""
    if w.next() == "of":
        return False  # "clear of debris"
    link = _predicative_at(w, w.i - 1)
    if link is None:
        return False
    # "the rules need to be clear", "it must be clear": a requirement, not an assertion
    return not (w.lows[link] == "be" and link > w.lo and w.lows[link - 1] in NONFINITE_BE_PREV)


def epistemic_predicate(w: Window) -> bool:
    """*unclear, uncertain, not sure…*: a hedge when it comments on a
    proposition — expletive or demonstrative subject ("it is unclear whether",
    "what remains unclear is") or the speaker's own ("I'm not sure"); not a
    fact about a thing ("the outlook remains uncertain", "an uncertain
    future") nor a report of someone else's doubt ("she is not sure")."""
    if w.lows[w.i] in NEG and w.lows[w.i] not in ("not", "never", "n't"):
        link: int | None = w.i  # "it isn't clear": the negated "be" is the linking verb
    else:
        link = _predicative_at(w, w.i - 1)
    if link is None:
        return w.i == w.lo  # "Unclear whether…" heading a sentence; else attributive
    word, _ = subject_at(w, link - 1) if link == w.i else subject_at(w, link)
    return word in EXPLETIVE_SUBJECT or word in FIRST_PERSON


def attributive(w: Window) -> bool:
    return w.prev() not in PREDICATIVE_PREV and w.prev() not in BECOME


def stance(w: Window) -> bool:
    """*think, believe, guess, suppose, reckon, speculate*: the writer's or
    speaker's own stance (first-person subject); with any other subject the
    verb reports someone's belief ("those who think…", "officials believe")
    and is not a hedge (Hyland 1996)."""
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
        if not (at >= w.lo and (w.lows[at] in BE or w.lows[at] in PROGRESSIVE_BE)):
            return False
    if w.prev() in STANCE_BLOCK:
        return False
    return first_person_subject(w)


def suspect_verb(w: Window) -> bool:
    prev = w.prev()
    if prev in SUSPECT_NOT_PREV or prev in ARTICLES_POSSESSIVES:
        return False
    return first_person_subject(w)


def expect(w: Window) -> bool:
    prev = w.prev()
    if prev in DETERMINERS or prev in EXPECT_NOT_PREV or w.next() == "of":
        return False
    if "than" in (w.prev(2), w.prev(3)):  # "higher than we expected", "than had been expected"
        return False
    return prev in BE or first_person_subject(w)


def doubt(w: Window) -> bool:
    """*doubt* the verb with a first-person subject ("I doubt it"); the noun
    ("doubts about the plan") names a topic and "no doubt" is a booster."""
    return not negated_before(w) and w.prev() not in DETERMINERS and first_person_subject(w)


def evidential(w: Window) -> bool:
    """*suggest, indicate, imply*: a hedge with evidence as subject ("the data
    suggest", "this indicates"); with a person as subject the verb reports what
    someone said ("as he suggested", "Republicans who have suggested…"), and
    with *should* in its clause it makes a proposal."""
    for at in range(w.j, w.hi):
        if w.lows[at] in (";", ":"):
            break
        if w.lows[at] in PROPOSAL_MARK:
            return False
    word, at = subject_at(w, w.i - 1)
    return not is_person(w, word, at) or word in FIRST_PERSON


def own_voice(w: Window) -> bool:
    """*make clear, show, prove, find, confirm… that*: a booster when the
    speaker or their evidence makes the point ("this shows that", "his refusal
    makes clear that", "I want to make it clear"); with a person or a source as
    subject the verb is an attribution cue ("the minister made it clear
    that…", "a poll found that"), reporting someone else's claim (Pareti 2016)."""
    word, at = subject_at(w, w.i - 1)
    if word in FIRST_PERSON:
        return True
    return not is_person(w, word, at) and word not in SOURCE_SUBJECT


def no_doubt(w: Window) -> bool:
    prev = w.prev()
    if prev in NO_DOUBT_REPORTED_PREV:
        return False  # "the president left no doubt": a report
    if prev in ("has", "have", "had"):
        word, at = subject_at(w, w.i - 2)
        return not is_person(w, word, at) or word in FIRST_PERSON
    return True


def really(w: Window) -> bool:
    """*really* affirming the truth of a clause: in a question ("Do we really
    need it?") or before a form of be/do/have ("it really is"); a degree word
    elsewhere ("really good", "really want")."""
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
    """*claim(s)* the verb ("Democrats claim that"); not the noun ("the claim
    that", "Clinton's claim that")."""
    prev = w.prev()
    return prev not in CLAIM_NOUN_PREV and not prev.endswith(("'s", "’s"))


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


def reported_speech_before(w: Window, reach: int = 25) -> bool:
    """A past-tense reporting verb ("said", "noted", "warned", "believed")
    earlier in the cue's sentence with no quotation mark, colon or bracket in
    between: the cue is inside that report's content ("Humana said rate cuts
    could be deeper")."""
    for at in range(w.i - 1, max(w.lo, w.i - reach) - 1, -1):
        t = w.lows[at]
        if t in SPEECH_BREAK or t in REPORT_BREAK:
            return False
        if t in REPORTED_PAST or t in REPORTED_PRESENT or (
                t in REPORTED_PROGRESSIVE and at > w.lo and w.lows[at - 1] in PROGRESSIVE_BE):
            before = w.lows[at - 1] if at > w.lo else ""
            after = w.lows[at + 1] if at + 1 < w.hi else ""
            if before in ARTICLES_POSSESSIVES or before.endswith(("'s", "’s")):
                return False  # "his repeated accusations": a participle adjective
            if after == "to":
                return False  # "asked to", "told to": a request, not reported content
            if before in CLAUSE_BREAK and (w.raw(at + 1)[:1].isupper() or after in PERSON_SUBJECT
                                           or after in DETERMINERS):
                return False  # "…,” said Alderwoman X: the content came before the verb
            return True
    return False


RULES: dict[str, Callable[[Window], bool]] = {f.__name__: f for f in (
    not_month, not_noun, not_negated_ability, would, would_contracted, appear, before_number,
    before_quantity, after_number, predicative, linking, epistemic_predicate, attributive, stance,
    suspect_verb, expect, doubt, evidential, own_voice, no_doubt, really, parenthetical, not_idiom, not_term,
    evidential_noun, claim_verb, assume, possible, complement, not_after_determiner, not_to,
    of_course, demonstrate, perfect, not_negated)}
