"""Context rules that look for a subject or a linking verb (see :mod:`.rules`
for the full list): whose stance a stance verb states, whether an adjective
is predicative, whether a reporting construction reports someone else.

A stance verb, a predicative certainty adjective or a reporting verb states
the writer's (or quoted speaker's) own commitment only with a first-person,
expletive or evidence subject; with a third-person subject it reports
someone's belief or speech (Hyland 1996, "Writing without conviction?";
Pareti 2016 on attribution cues), which the codebook does not count.
"""
from __future__ import annotations

from ..sources.lexicon import terms as source_terms
from .window import (AGENTS, ARTICLES_POSSESSIVES, BE, CLAUSE_BREAK, COMPLEMENT_END, DEGREE,
    DETERMINERS, RELATIVE_OBJECT, REPORT_ADJECTIVE,
    EXPECT_NOT_PREV, EXPLETIVE_SUBJECT, FIRST_PERSON, FUNCTION_WORDS, LINKING, NEG,
    NONFINITE_BE_PREV, NO_DOUBT_REPORTED_PREV, PERSON_SUBJECT, PREDICATIVE_PREV,
    PROGRESSIVE_BE, PROPOSAL_MARK, REPORTED_PRESENT, reporting_forms, REPORT_BREAK, SOURCE_SUBJECT,
    SPEECH_BREAK, STANCE_BLOCK, STANCE_NOT_NEXT, STANCE_SKIP, SUBJECT_SKIP, SUSPECT_NOT_PREV,
    THOUGHT_NOUN_PREV, Window, _CONTRACTED_BE, _title_case, negated_before)


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
    """A third-person subject that names who believes or says something: a
    listed subject, a role noun of the source-type lexicon ("councillor",
    "residents"; ``lexicons/source_types.tsv``) or a proper name."""
    return (word in PERSON_SUBJECT or word in AGENTS or _role_noun(word)
            or (at >= 0 and _is_name(w, at) and word not in FUNCTION_WORDS))


def _role_noun(word: str) -> bool:
    term = source_terms().get((word,))
    return term is not None and term.kind == "role"


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


def predicative(w: Window) -> bool:
    """*certain, sure, confident*: predicative, and not a report of someone
    else's state of mind ("he is confident" reports a belief; "I'm sure", "it
    is certain", "the vote is certain to" commit the speaker)."""
    link = _predicative_at(w, w.i - 1)
    if link is None:
        k = w.i - 1
        while k >= w.lo and w.lows[k] in DEGREE and k > w.i - 5:
            k -= 1
        if k >= w.lo and w.lows[k] not in FIRST_PERSON and (
                is_person(w, w.lows[k], k) or (k > w.lo and w.lows[k - 1] in BE)):
            return False  # inverted: "why was Weiner so convinced", "are you sure"
        return w.prev() in PREDICATIVE_PREV
    if w.next() == "to":
        return True
    # a lexical linking verb ("seem", "became") is not skipped as an auxiliary
    word, at = subject_at(w, link if w.lows[link] in BE else link - 1)
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
    with *should* in its clause it makes a proposal. Without a complement
    ("everything that word implies, is…") it qualifies no proposition."""
    word, at = subject_at(w, w.i - 1)
    if (not w.next() or w.next() in COMPLEMENT_END) and at > w.lo and (
            w.lows[at - 1] in RELATIVE_OBJECT):
        return False  # "everything that word implies, is…": the object is the relative gap
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
    that…", "a poll found that"), reporting someone else's claim (Pareti 2016).
    After *to* ("seeking to show that") the verb names an aim, not a claim."""
    if w.prev() == "to" and w.lows[w.i] not in ("make", "makes"):
        return False  # "seeking to show that", "tried to prove": an aim, not an assertion
    word, at = subject_at(w, w.i - 1)
    if word in FIRST_PERSON:
        return True
    for k in range(w.i - 1, max(w.lo, w.i - 12) - 1, -1):
        if w.lows[k] in CLAUSE_BREAK:
            break
        if w.lows[k] in SOURCE_SUBJECT:
            return False  # "a report released last year found that", "a letter … showing that"
    return not is_person(w, word, at) and word not in SOURCE_SUBJECT


def no_doubt(w: Window) -> bool:
    prev = w.prev()
    if prev in NO_DOUBT_REPORTED_PREV:
        return False  # "the president left no doubt": a report
    if prev in ("has", "have", "had"):
        word, at = subject_at(w, w.i - 2)
        return not is_person(w, word, at) or word in FIRST_PERSON
    return True


def reported_speech_before(w: Window, reach: int = 25) -> bool:
    """A past-tense reporting verb ("said", "noted", "warned", "believed") or
    a state-of-mind adjective before *that* ("aware that", "confident that")
    earlier in the cue's sentence with no quotation mark, colon or bracket in
    between: the cue is inside that report's content ("Humana said rate cuts
    could be deeper")."""
    for at in range(w.i - 1, max(w.lo, w.i - reach) - 1, -1):
        t = w.lows[at]
        if t in SPEECH_BREAK or t in REPORT_BREAK:
            return False
        if (t in REPORT_ADJECTIVE and "that" in w.lows[at + 1:min(w.i, at + 5)]
                and subject_at(w, at - 1)[0] not in FIRST_PERSON):
            return True  # "he was aware that the visit could help": his thought
        past, progressive = reporting_forms()
        if t in past or t in REPORTED_PRESENT or (
                t in progressive and at > w.lo and w.lows[at - 1] in PROGRESSIVE_BE):
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
