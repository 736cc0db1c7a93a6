"""Hedges and boosters: where a text softens or strengthens its claims.

Hedges withhold full commitment to a proposition and boosters express
certainty (Hyland 2005, *Metadiscourse*, ch. 3; Hyland 1998, *Hedging in
Scientific Research Articles*; Holmes 1988, "Doubt and certainty in ESL
textbooks"). The cue list is package data, ``lexicons/hedges.tsv`` (sources
in its header); this module holds the matcher and the context rules.

Matching. The lexicon's surface forms are lower-case token sequences over
``Document.tokens`` (``’`` read as ``'``), indexed once by their first token.
Each sentence is scanned left to right; at a token the candidate forms are
tried longest first, and the first whose context rule passes is taken, so the
longest match wins and no two findings overlap. Inflected forms are listed in
the lexicon (``suggest/suggests/suggested/suggesting``); ``{be}`` and
``{neg}`` expand to the forms of *be* and the negators. Matches never cross a
sentence boundary.

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

Deliberate exclusions: *can* and *cannot* (root possibility/ability in most
uses; Coates 1983; Hyland 2005 leaves them out), *will* (prediction, not
tentativeness), *should* and *ought to* (mostly root/deontic in news — advice
and obligation, Coates 1983 — and a word-level rule cannot tell the rarer
epistemic uses apart), deontic *must*, *if/or/whether* (conditions and
alternatives, which BioScope-style speculation corpora annotate but which
are not hedges of commitment), *quite/rather/pretty/really* (downtoner and
intensifier readings are both common; Quirk et al. 1985 on compromisers
and boosters), *always/never*, and "according to" + a named source.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from ..document import Document
from ..errors import LexiconError
from ..lexicons import load_table
from ..report import HedgeItem, HedgingSection, per_1k
from .base import Analyzer, Context

LEXICON = "hedges.tsv"
KINDS = ("hedge", "booster")
CATEGORIES = {
    "hedge": ("modal_auxiliary", "epistemic_verb", "adverb", "adjective", "noun", "attribution",
              "approximator", "frequency", "phrase"),
    "booster": ("booster_adverb", "booster_verb", "booster_adjective", "booster_phrase",
                "booster_modal"),
}

BE = ("is", "are", "was", "were", "be", "been", "being", "am", "i'm", "you're", "we're",
      "they're", "he's", "she's", "it's", "that's", "there's", "what's", "who's")
NEG = ("not", "never", "n't", "isn't", "wasn't", "aren't", "weren't", "ain't", "isnt", "wasnt")
MACROS = {"be": BE, "neg": NEG}

NEGATORS = frozenset(NEG) | {
    "no", "hardly", "scarcely", "barely", "nor", "neither", "without", "don't", "doesn't",
    "didn't", "won't", "wouldn't", "can't", "cannot", "couldn't", "shouldn't", "haven't",
    "hasn't", "hadn't", "dont", "doesnt", "didnt", "cant", "couldnt", "wont", "wouldnt"}
CLAUSE_BREAK = frozenset(",;:()—–-\"“”‘'")
MONTHS = frozenset("january february march april june july august september october november "
                   "december jan feb mar apr jun jul aug sep sept oct nov dec".split())
MONTH_PREV = frozenset("in on since until till by from through last next early late mid mid- "
                       "this of during before after between throughout".split())
MONTH_PREV_LOWER = frozenset("in since until till last next early late mid during "
                             "throughout".split())
DETERMINERS = frozenset("a an the this that these those his her its their our my your whose "
                        "any some every each no what which one same other another".split())
MIGHT_NOUN_PREV = frozenset("the its his her their our my your whose".split()) | {
    "military", "economic", "naval", "financial", "industrial", "political", "technological",
    "nuclear", "full", "all", "sheer", "great", "with", "air", "corporate", "western"}
VOLITION = frozenset("like love prefer rather sooner hate".split())
REPORTED_PAST = frozenset(
    "said told announced promised pledged vowed insisted stated added warned predicted agreed "
    "decided declared signaled signalled confirmed claimed argued wrote explained noted reported "
    "revealed assured expected hoped thought believed knew planned intended threatened "
    "guaranteed conceded acknowledged admitted estimated forecast projected suggested indicated "
    "feared worried assumed".split())
REPORTED_PROGRESSIVE = frozenset("saying telling thinking hoping expecting believing warning "
                                 "promising assuming".split())
SPEECH_BREAK = frozenset(":;\"“”‘’'()")
APPEAR_HEDGE_NEXT = frozenset(
    "to that like likely unlikely certain set poised ready increasingly more less so too very "
    "quite unable willing reluctant".split())
APPEAR_PRESENCE_NEXT = frozenset(
    "in on at before onstage alongside with for from inside outside together live via briefly "
    "again here there tonight today tomorrow yesterday online later soon during after and or "
    "but nowhere publicly regularly once twice as out under beside behind near next "
    "first".split())
QUANTITY_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred hundreds thousand thousands million millions billion billions trillion trillions "
    "dozen dozens half noon midnight midday dawn dusk".split())
A_QUANTITY = frozenset("dozen hundred thousand million billion trillion third quarter half fifth "
                       "tenth score".split())
ONE_NEXT = frozenset("in hundred thousand million billion dozen percent per out".split())
CURRENCY = frozenset("$£€¥")
STANCE_NOT_NEXT = frozenset("about of through over twice again tank back up ahead big outside in "
                            "me long hard aloud ? !".split())
STANCE_BLOCK = frozenset("to can could ca can't cannot couldn't cant couldnt hardly scarcely "
                         "barely".split())
STANCE_SKIP = frozenset(
    "do does did don't doesn't didn't dont doesnt didnt not n't also still really truly "
    "genuinely honestly personally just firmly strongly now generally widely long had have has "
    "would will may might should must always never all both too certainly actually "
    "sincerely privately seriously mistakenly wrongly apparently clearly initially originally "
    "already once then even simply earlier previously".split())
SECOND_PERSON = frozenset("you you'd you've you'll ya".split())
SUBJECTS = frozenset("i we he she they who people many some most others few everyone "
                     "everybody nobody someone somebody one both all i'd we'd they'd he'd "
                     "she'd i've we've they've".split())
FUNCTION_WORDS = DETERMINERS | frozenset(
    "to of in on at for with by from as and or but if because how why when where than into "
    "onto about can can't cannot couldn't won't wouldn't it there here".split())
THOUGHT_NOUN_PREV = DETERMINERS | frozenset(
    "second first deep after without of school much little in political careful further "
    "serious".split())
AGENTS = frozenset("police investigators officials authorities detectives experts scientists "
                   "analysts doctors researchers prosecutors".split())
ARTICLES_POSSESSIVES = frozenset("a an the his her its their our my your".split())
ASSUME_OBJECT = frozenset("office power control responsibility responsibilities command duties "
                          "leadership role presidency post mantle reins position chairmanship "
                          "title name identity".split())
POSSIBLE_NOT_PREV = frozenset(
    "as everything anything all best highest lowest greatest fastest earliest largest "
    "smallest widest strongest make makes made making if where wherever whenever when".split())
COMPLEMENT_NOT_NEXT = frozenset("by for at in on during before after when and or but until under "
                                "within".split())
KIND_OF_NOT_PREV = DETERMINERS | frozenset("these those all certain different similar new right "
                                           "wrong first only whatever particular".split())
OF_COURSE_NOT_PREV = frozenset("change changes changed changing reversal matter part rest length "
                               "middle end side off shape reverse alter stay hole golf race".split())
KIND_OF_NOUNS = frozenset("way thing things person people guy movie film place deal stuff story "
                          "man woman".split())
DEMONSTRATE_NEXT = DETERMINERS | frozenset("that how why it its to real strong clear".split())
PARTICIPLES = frozenset(
    "been known seen had done gone felt thought taken made got gotten come left heard told said "
    "found lost meant kept brought understood put run set hit cost let read led paid sent spent "
    "built caught taught bought fought sought held won begun met become stood sat".split())
PREDICATIVE_PREV = frozenset(BE) | frozenset(
    "feel feels felt feeling seem seems seemed remain remains remained become becomes became "
    "absolutely completely totally very fairly pretty quite almost so too entirely increasingly "
    "now all more reasonably 100% utterly fully perfectly dead".split())


# -- the window a rule looks through -------------------------------------------
@dataclass(frozen=True)
class Window:
    """A candidate match: tokens ``i``..``j-1`` of a sentence spanning tokens
    ``lo``..``hi-1``; ``lows`` are the document's lower-cased token texts."""

    doc: Document
    lows: list[str]
    i: int
    j: int
    lo: int
    hi: int

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


def _negated_before(w: Window, span: int = 2) -> bool:
    for k in range(1, span + 1):
        t = w.prev(k)
        if not t or t in CLAUSE_BREAK:
            return False
        if t in NEGATORS:
            return True
    return False


def _title_case(w: Window) -> bool:
    words = [w.doc.tokens[k].text for k in range(w.lo, w.hi) if w.doc.tokens[k].is_word]
    caps = sum(1 for t in words if t[:1].isupper())
    return len(words) >= 3 and caps >= 0.6 * len(words)


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
    return not (nxt in DETERMINERS | {"full"} and w.next(2) in ASSUME_OBJECT)


def possible(w: Window) -> bool:
    if w.prev() in POSSIBLE_NOT_PREV or w.prev(2) == "as" or w.next() == "to":
        return False
    if any(t.endswith("est") or t == "most" for t in (w.prev(), w.prev(2), w.prev(3))):
        return False  # "the simplest possible terms", "the fastest way possible"
    return not _negated_before(w)


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
    return not _negated_before(w)


RULES: dict[str, Callable[[Window], bool]] = {f.__name__: f for f in (
    not_month, not_noun, not_negated_ability, would, would_contracted, appear, before_number, after_number,
    predicative, attributive, stance, suspect_verb, expect, assume, possible, complement,
    not_after_determiner, not_to, of_course, demonstrate, perfect, not_negated)}


# -- the lexicon ---------------------------------------------------------------
@dataclass(frozen=True)
class Cue:
    lemma: str
    kind: str
    category: str
    tokens: tuple[str, ...]
    rule: Callable[[Window], bool] | None


def _expand(form: str, where: str) -> list[tuple[str, ...]]:
    slots: list[tuple[str, ...]] = []
    for slot in form.split():
        optional = slot.endswith("?") and len(slot) > 1
        slot = slot[:-1] if optional else slot
        alts: list[str] = []
        for alt in slot.split("/"):
            if alt.startswith("{") and alt.endswith("}"):
                if alt[1:-1] not in MACROS:
                    raise LexiconError(f"{where}: unknown macro {alt} (valid: "
                                       f"{', '.join('{' + m + '}' for m in MACROS)})")
                alts.extend(MACROS[alt[1:-1]])
            elif alt:
                alts.append(alt.lower())
        slots.append(tuple(alts) + (("",) if optional else ()))
    return [tuple(t for t in seq if t) for seq in product(*slots) if any(seq)]


@lru_cache(maxsize=1)
def cue_index() -> dict[str, tuple[Cue, ...]]:
    """First token → candidate cues, longest first (lexicon order on ties)."""
    table: dict[str, list[Cue]] = {}
    for n, row in enumerate(load_table(LEXICON), 1):
        where = f"lexicon {LEXICON!r} entry {n} ({row['cue']!r})"
        kind, category, rule = row["kind"], row["category"], row["rule"]
        if kind not in KINDS:
            raise LexiconError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
        if category not in CATEGORIES[kind]:
            raise LexiconError(f"{where}: category {category!r} is not a {kind} category "
                               f"({', '.join(CATEGORIES[kind])})")
        if rule != "-" and rule not in RULES:
            raise LexiconError(f"{where}: unknown rule {rule!r} (valid: {', '.join(RULES)})")
        forms = row["cue"] if row["forms"] == "-" else row["forms"]
        for form in forms.split(";"):
            for seq in _expand(form, where):
                cue = Cue(row["cue"], kind, category, seq, RULES.get(rule))
                table.setdefault(seq[0], []).append(cue)
    return {first: tuple(sorted(cues, key=lambda c: -len(c.tokens)))
            for first, cues in table.items()}


# -- the analyzer --------------------------------------------------------------
def find_cues(doc: Document) -> list[tuple[int, int, Cue]]:
    """``(first_token, end_token, cue)`` for every cue in ``doc``, in order."""
    index = cue_index()
    lows = [t.text.lower().replace("’", "'") for t in doc.tokens]
    found = []
    for sent in doc.sentences:
        lo, hi = doc.token_index(sent.start), doc.token_index(sent.end)
        i = lo
        while i < hi:
            best = None
            for cue in index.get(lows[i], ()):
                j = i + len(cue.tokens)
                if j > hi or (j > i + 1 and tuple(lows[i + 1:j]) != cue.tokens[1:]):
                    continue
                w = Window(doc, lows, i, j, lo, hi)
                if cue.rule is not None and not cue.rule(w):
                    continue
                if cue.kind == "booster" and _negated_before(w):
                    continue
                best = (i, j, cue)
                break
            if best:
                found.append(best)
                i = best[1]
            else:
                i += 1
    return found


def run(ctx: Context) -> HedgingSection:
    doc = ctx.doc
    items: list[HedgeItem] = []
    for i, j, cue in find_cues(doc):
        start, end = doc.tokens[i].start, doc.tokens[j - 1].end
        s = doc.sentences[doc.sentence_index(start)]
        items.append(HedgeItem(start, end, doc.text[start:end], cue.kind, cue.category,
                               ctx.voice(start, end), cue=cue.lemma,
                               sentence_start=s.start, sentence_end=s.end))
    kinds = Counter(it.kind for it in items)
    by_voice = {v: {k: 0 for k in KINDS} for v in ("author", "quoted")}
    for it in items:
        by_voice[it.voice][it.kind] += 1
    return HedgingSection(
        hedges=kinds["hedge"], boosters=kinds["booster"],
        hedges_per_1k_words=per_1k(kinds["hedge"], doc.words),
        boosters_per_1k_words=per_1k(kinds["booster"], doc.words),
        by_category=dict(sorted(Counter(it.category for it in items).items())),
        by_voice=by_voice, items=items)


ANALYZER = Analyzer(
    "hedging", run,
    description="Hedges (may, suggest, reportedly, about 300…) and boosters (clearly, "
                "show that…) with their category and voice, per 1,000 words.")
