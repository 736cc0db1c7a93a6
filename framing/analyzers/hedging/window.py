"""The window a hedging context rule looks through, and the context word lists.

The lists are package data: ``lexicons/hedge_context.tsv`` (sources in its
header) and, for reporting verbs, the project's one shared list
``lexicons/cue_verbs.tsv`` (past and -ing forms of its speech, cognition,
intention and evidence verbs). They are read on first use.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ...document import Document
from ...errors import LexiconError
from functools import lru_cache

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


@lru_cache(maxsize=1)
def reporting_forms() -> tuple[frozenset[str], frozenset[str]]:
    """One-word past and -ing forms of the reporting verbs in ``cue_verbs.tsv``
    whose frame is speech, cognition, intention or evidence ("said", "warned",
    "believed", "planned", "showed"; "saying", "thinking"). Read on first use,
    after any ``--lexicon cue_verbs=FILE`` override is installed."""
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
WOULD_EVIDENTIAL_NEXT = _set("would_evidential_next")
TENTATIVE_SUBJECT = FIRST_PERSON | _set("tentative_subject")
COMPARISON_PREV = _set("comparison_prev")
ABILITY_INDEFINITE = _set("ability_indefinite")
ABILITY_INDEFINITE_NEGATED = _set("ability_indefinite_negated")
DEONTIC_SUBJECT = _set("deontic_subject")
CONCESSIVE_BUT = _set("concessive_but")
REPORT_ADJECTIVE = _set("report_adjective")
COMPLEMENT_END = _set("complement_end")
MANNER_NOT_NEXT = _set("manner_not_next")
CLAIM_NEXT = _set("claim_next")
WOULD_EVIDENCE_NEXT = _set("would_evidence_next")
RELATIVE_OBJECT = _set("relative_object")
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
