"""Attributions: a reporting cue, its speaker and the side its content is on.

One pass over the tokens outside quotation marks finds every cue from
``cue_verbs.tsv`` ("said", "according to", "made clear") and checks that it
is used as a reporting verb: a subject before it ("officials said"), an
inverted speaker after it ("…, said Hugh Hill"), a participle continuing the
sentence's speaker ("…, adding that …") or a coordinated verb ("insisted …
and argued …"). Infinitives ("declined to say"), passives ("was told") and
nouns ("the report", "a tweet") are rejected by the token before the cue.

The patterns are those of the attribution literature for news (Bergler 1992;
Pareti 2016, PARC 3.0; the GenderGapTracker's syntactic and heuristic quote
rules): SPEAKER CUE [that] CONTENT, CONTENT, SPEAKER CUE, CONTENT, CUE
SPEAKER, "according to X", "X told reporters …", "in a statement, X …",
colon attributions ("Trump: …") and dash attributions ("… — Ann Ruiz").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from .lexicon import (ADVERBS, AUX, CLOSE_MARKS, DETERMINERS, FIRST_SECOND, INTRO,
                             OBJECT_PRONOUNS, PASSIVE_AUX, PERSONAL, CueForm)
from .speakers import ROLE_TITLE, Mention, Tokens
from .openers import (DAY_WORDS, GROUP_ORG_ROLE, NOUN_DETERMINERS, asked_phrase, common_word,
                      object_end, reduced_relative)
from .subjects import document_left, quantity_left
from ...lexicons import word_list
from ..actors.evidence import cues as actor_cues, is_number

PP_HEADS = word_list("quote_words.tsv", "pp_heads")
ROLE_TITLE_MOD = ROLE_TITLE | {"modifier"}
# capitalised sentence openers that are no speaker on their own ("Recent reports indicate")
OPENERS = word_list("quote_words.tsv", "participial_openers")
PARTICIPLE_NEXT = word_list("quote_words.tsv", "participle_next")
TELL_LIKE = word_list("quote_words.tsv", "tell_like")
CLAUSE_STARTS = word_list("quote_words.tsv", "clause_starts")
OBJECT_NOUNS = word_list("quote_words.tsv", "object_nouns")
# reporting verbs whose -s form is more often a plural noun ("the swing states")
NOUNY = word_list("quote_words.tsv", "nouny")


@dataclass
class Attribution:
    """A cue with its speaker; ``parts`` (content spans) are filled later."""

    cue_start: int
    cue_end: int
    tok: int  # first token of the cue
    tok_end: int  # one past its last token
    lemma: str
    category: str
    frame: str
    form: str
    sent: int
    speaker: Optional[Mention] = None
    antecedent: Optional[Mention] = None  # for "who"/"which"
    speaker_right: bool = False  # inverted: "…, said Smith"
    shared: bool = False  # speaker taken from an earlier attribution in the sentence
    start: int = 0  # first char of the attribution (speaker or cue)
    end: int = 0  # last char of the attribution's right side
    right_tok: int = 0  # first token after the attribution (cue, right speaker)
    parts: list[tuple[int, int]] = field(default_factory=list)
    kind: str = ""
    pattern: str = ""
    confidence: float = 0.0
    opener: bool = False  # an opening participial phrase: "Asked whether …, X said"
    limit: int = 0  # where the right content must end at the latest (0: no limit)


def match_cue(tk: Tokens, i: int, inq: list[int], forms: tuple[CueForm, ...]) -> Optional[CueForm]:
    low = tk.low
    for f in forms:
        n = len(f.words)
        if tuple(low[i:i + n]) == f.words and all(inq[x] < 0 for x in range(i, i + n)):
            return f
    return None


def find_attribution(tk: Tokens, i: int, form: CueForm, lo: int, hi: int, sent: int,
                     earlier: list[Attribution], title_line: bool = False) -> Optional[Attribution]:
    """The attribution whose cue starts at token ``i`` (sentence tokens
    ``[lo, hi)``), or None when the word is not used as a reporting cue;
    ``title_line``: the cue is in a Title Case headline, where it may be
    capitalised ("Ana Silva Says Port Will Reopen")."""
    toks, low = tk.toks, tk.low
    n = len(form.words)
    if tk.cap[i] and i != lo and not (i > lo and toks[i - 1].text in "“\"‘'(—–-") and not title_line:
        return None  # "the Post", "Call of Duty": a name, not a cue
    a = Attribution(toks[i].start, toks[i + n - 1].end, i, i + n, form.lemma, form.category,
                    form.frame, form.form, sent)
    if form.frame == "prep":  # according to X
        span = tk.np_right(i + n, hi)
        if span is not None:
            span = _extend_agent(tk, span, hi)
        broad = _np_broad(tk, i + n, hi)
        if broad is None:
            return None
        j, k = broad
        m = tk.mention(*span) if span else tk.mention(j, k)
        if span and broad[1] > span[1]:
            m = Mention(toks[j].start, toks[k].end, tk.text[toks[j].start:toks[k].end], m.type,
                        m.name, m.gender, m.roles, m.definite)
        a.speaker, a.speaker_right = m, True
        a.start, a.end, a.right_tok = a.cue_start, toks[k].end, k + 1
        return a
    if low[i] == "asked" and form.lemma == "ask" and (
            i == lo or i == lo + 1 and low[lo] in ("when", "if", "once", "after")):
        return asked_phrase(tk, a, i + n, hi)
    # step left over adverbs and auxiliaries
    p = i - 1
    aux: list[str] = []
    while p >= lo and (low[p] in ADVERBS or low[p] in AUX or low[p] in ("not", "n't")):
        if low[p] in AUX:
            aux.append(low[p])
        p -= 1
    while p >= lo and (low[p] in DAY_WORDS or (low[p].isdigit() and len(low[p]) == 4)
                       or low[p] in ADVERBS or low[p] in AUX) and low[p] not in ("that",):
        p -= 1  # "Sanders on Tuesday said", "who in 2010 said"
        if p >= lo and low[p] in ("on", "in", "last", "this", "earlier", "late", "early"):
            p -= 1
    if p >= lo and low[p] == "to":
        return None  # declined to say
    if p >= lo and p == i - 1 and low[p] in NOUN_DETERMINERS:
        return None  # "rewrote the plan", "his claims": a noun, not a cue
    if form.form == "past" and aux and aux[0] in PASSIVE_AUX:
        return None  # was told, has been described
    reduced = form.form == "ing" and reduced_relative(tk, form, p, lo, i + n, hi)
    if form.form == "ing" and not (aux and aux[0] in PASSIVE_AUX) and not (
            p >= lo and toks[p].text in (",", "—", "–", ";")) and not reduced:
        if not (p >= lo and low[p] in ("and", "while", "by", "after", "before", "in")):
            return None  # "the warning", "a ruling"
    prev_text = toks[p].text if p >= lo else ""
    if p >= lo and prev_text in (",", "--", "—", "–") and not aux and form.form != "ing":
        app = _apposition(tk, p, lo)  # "Hugh Hill, a doctor, said"
        if app is not None:
            return _with_left(a, tk, app, i + n)
    # inverted: "…,” said Smith." / "…, says the report."
    if p < lo or prev_text in (",", ":", ";", "(", "—", "–", "--") or prev_text in CLOSE_MARKS:
        span = tk.np_right(i + n, hi)
        if span and not _inversion_ends(tk, span[1] + 1, hi):
            # "said Ana Silva of the Lisbon dockers' union": the name before "of"
            cut = next((x for x in range(span[0] + 1, span[1]) if low[x] in ("of", "from")), None)
            if cut is not None and _inversion_ends(tk, cut, hi):
                span = (span[0], cut - 1)
        if span and form.form != "ing" and low[span[0]] not in FIRST_SECOND \
                and _inversion_ends(tk, span[1] + 1, hi):
            j, k = span
            a.speaker, a.speaker_right = tk.mention(j, k), True
            a.start, a.end, a.right_tok = a.cue_start, toks[k].end, k + 1
            return a
        if p >= lo and prev_text in (",", "—", "–", ";") and earlier and form.form in ("ing",):
            return _share(a, earlier[-1], toks)
        if p >= lo and prev_text in (",", "—", "–") and form.form == "ing":
            subj = _sentence_subject(tk, lo, p)
            if subj is not None:
                a.speaker, a.shared = subj, True
                a.start, a.end, a.right_tok = a.cue_start, a.cue_end, i + n
                a.start = min(a.start, toks[p].start)
                return a
        return None
    if form.form == "ing" and low[p] in ("while", "by", "after", "before", "in", "when"):
        if earlier and earlier[-1].speaker is not None:
            return _share(a, earlier[-1], toks)
        subj = _sentence_subject(tk, lo, p)
        if subj is None or subj.type == "unnamed":
            return None
        a.speaker, a.shared = subj, True
        a.start, a.end, a.right_tok = a.cue_start, a.cue_end, i + n
        return a
    if low[p] in ("and", "but", "or", "then"):
        if earlier and earlier[-1].sent == sent and earlier[-1].speaker is not None:
            return _share(a, earlier[-1], toks)
        if form.form in ("past", "s"):  # "Trump outlined a plan and vowed to …"
            subj = _sentence_subject(tk, lo, p)
            if subj is not None and subj.type != "unnamed":
                a.speaker, a.shared = subj, True
                a.start, a.end, a.right_tok = a.cue_start, a.cue_end, i + n
                return a
        return None
    if low[p] in FIRST_SECOND or tk.base(p) in FIRST_SECOND:
        return None  # the writer or the reader, not a quoted voice
    anon = tk.anonymous_left(lo, p)
    if anon is None:
        anon = quantity_left(tk, lo, p)
        if anon is not None and form.form == "s" and not aux:
            return None  # "Another dozen states have …": a plural quantity, so a noun
    span = tk.np_left(p, lo) if anon is None else None
    if span is None and anon is None:
        span = document_left(tk, lo, p)  # "FEC records from the 2008 cycle show"
        if span is None or not (aux or _agrees(tk, span, form)):
            return None
        return _with_left(a, tk, span, i + n)
    if span is None:
        m = _char_mention(tk, anon)
        a.speaker = m
        a.start, a.end, a.right_tok = m.start, a.cue_end, i + n
        return a
    if form.form == "ing" and not (aux and aux[0] in PASSIVE_AUX) and not reduced:
        # "footage of Clinton asking, “Why …?”" — only before a quote or a clause
        nx = toks[i + n].text if i + n < hi else ""
        nx2 = toks[i + n + 1].text if i + n + 1 < hi else ""
        if not (nx in (",", ":") and nx2 in ("“", '"', "‘") or low[i + n:i + n + 1] == ["that"]):
            return None
    if "document" in tk.kinds(span[1]) or not (aux or _agrees(tk, span, form)):
        # "city records show", "Port Authority records obtained by the Tribune show"
        d = document_left(tk, lo, p)
        if d is not None and d[0] < span[0] and (d[1] == span[1] or not (aux or _agrees(tk, span, form))):
            span = d
        elif not aux and not _agrees(tk, span, form):
            return None
    if span[0] == span[1] == lo and low[lo] in OPENERS:
        return None  # "Recent reports indicate": a capitalised opener, not a speaker
    if form.form in ("s", "base") and not aux and form.lemma in NOUNY and not tk._head_ok(span[1]):
        return None  # "the swing states", "his disrespectful comments": nouns, not verbs
    a2 = _with_left(a, tk, span, i + n)
    if a2 is not None and reduced:
        a2.limit = object_end(tk, i + n, hi)
    return a2


def _agrees(tk: Tokens, span: tuple[int, int], form: CueForm) -> bool:
    """Subject-verb agreement for present tense: "officials say", "the report
    says" — not "help Mr. Putin maintain", not "political leaders shows"."""
    if form.form not in ("base", "s") or form.frame == "prep":
        return True
    k = next((x - 1 for x in range(span[0] + 1, span[1]) if tk.low[x] in ("of", "for", "to", "at",
                                                                      "with", "from", "in")), span[1])
    w = tk.base(k)
    plural = w in ("they", "we", "you", "i") or "group" in tk.kinds(k) or (
        (not tk.cap[k] or tk.kinds(k)) and w.endswith("s") and not w.endswith("ss")) or tk.low[span[0]] in (
        "many", "some", "several", "both", "most", "few") or any(
        _plural_number(tk.low[x]) for x in range(span[0], span[1] + 1))  # "Nine states", "a dozen"
    and_joined = any(tk.low[x] in ("and", "&") for x in range(span[0], k))
    if form.form == "base":
        return plural or and_joined or w in ("who", "which")
    return not plural or w in ("who", "which")


def _plural_number(word: str) -> bool:
    """A number above one makes its noun phrase plural ("nine", "a dozen",
    "hundreds", "40"); the numeral words are the actors analyzer's
    (``actor_context_cues.tsv``, role ``number``)."""
    if word.replace(",", "").isdigit():
        return word != "1"
    return word != "one" and is_number(word[:-1] if word.endswith("s") else word,
                                       actor_cues()["number"])


def _inversion_ends(tk: Tokens, t: int, hi: int) -> bool:
    """After an inverted speaker ("…, said Smith") comes the sentence end, an
    apposition, a colon or a quote — not a clause ("told reporters that …")."""
    if t >= hi:
        return True
    text = tk.toks[t].text
    if tk.low[t] in ("of", "from") and t + 1 < hi and (tk.cap[t + 1] or tk.low[t + 1] in DETERMINERS):
        return True  # "…,” said Ana Silva of the dockers' union." — an affiliation
    return text in (",", ":", ";", "(", ".", "!", "?", "—", "–") or text in "“\"‘" or tk.low[t] == "who" or (
        tk.low[t] in ("in", "on", "at", "during", "after", "before", "last", "this", "earlier",
                      "later", "yesterday", "today", "recently") and tk.low[t] != "that")


def _with_left(a: Attribution, tk: Tokens, span: tuple[int, int], right: int) -> Optional[Attribution]:
    j, k = span
    if common_word(tk, j, k):
        return None  # "Indeed, …", "Having announced …": no speaker
    m = tk.mention(j, k)
    if m.type == "pronoun" and tk.low[k] in ("who", "which"):
        ante = _antecedent(tk, j)
        if ante is None:
            return None
        a.antecedent = ante
    if a.frame == "evidence" and m.type == "pronoun" and m.gender in ("m", "f"):
        return None  # "he found himself …"
    a.speaker = m
    a.start, a.end, a.right_tok = m.start, a.cue_end, right
    return a


def _share(a: Attribution, prev: Attribution, toks) -> Attribution:
    a.speaker, a.antecedent, a.shared = prev.speaker, prev.antecedent, True
    a.start, a.end, a.right_tok = a.cue_start, a.cue_end, a.tok_end
    return a


def _antecedent(tk: Tokens, who: int) -> Optional[Mention]:
    """"Ann Ruiz, who …": the noun phrase before the comma before "who"."""
    p = who - 1
    if p >= 1 and tk.toks[p].text == ",":
        p -= 1
    span = tk.np_left(p, max(0, p - 12))
    return tk.mention(*span) if span else None


PARTY_TAG_RE = re.compile(r"[RDI]-[A-Z][\w.]*\s*,")  # "Mitch McConnell, R-Ky., said"
APPOS_STARTS = word_list("quote_words.tsv", "apposition_starts")


def _apposition(tk: Tokens, comma: int, lo: int) -> Optional[tuple[int, int]]:
    """"Hugh Hill, a doctor, said" / "Ulf Laessing, who heads …, said" /
    "Ann Ruiz, the attorney general of Oregon, one of the states suing, said":
    the name before the apposition(s) ending at token ``comma``."""
    delim = tk.toks[comma].text
    for _ in range(3):
        c = comma - 1
        while c >= lo and tk.toks[c].text != delim and comma - c < 30:
            if tk.toks[c].text in ("“", "”", '"', ";", "‘", "’"):
                return None
            c -= 1
        if c < lo or tk.toks[c].text != delim:
            return None
        first = tk.low[c + 1] if c + 1 < comma else ""
        tag = PARTY_TAG_RE.match(tk.text, tk.toks[c + 1].start) if c + 1 < comma else None
        if c + 1 < comma and tk.is_name_word(c + 1) and not tk.kinds(c + 1) & ROLE_TITLE \
                and not tk.is_possessive(c + 1) and delim == "," and not tag:
            # "A lawyer for the outlets, David Schulz, said …": the name is the apposition
            inner = tk.np_left(comma - 1, c + 1)
            if inner and inner[0] == c + 1 and any(
                    tk.kinds(x) & ROLE_TITLE for x in range(max(lo, c - 8), c)):
                return inner
            return None
        if not (first in APPOS_STARTS or first.isdigit() or first.endswith("ing") or delim != ","
                or tag
                or tk.kinds(c + 1) & ROLE_TITLE_MOD or tk.is_possessive(c + 1)):
            return None
        span = tk.np_left(c - 1, lo)
        if span is not None:
            m = tk.mention(*span)
            return span if m.type != "pronoun" else None
        if c - 1 >= lo and tk.toks[c - 1].text != ",":
            comma = c  # another apposition before this one
            continue
        return None
    return None


def _np_broad(tk: Tokens, k: int, hi: int) -> Optional[tuple[int, int]]:
    """Everything up to the next comma or the sentence end: the source after
    "according to" ("federal statistics", "a complaint filed by the SEC")."""
    j = k
    while j < hi and j - k < 25 and tk.toks[j].text not in (",", ";", ":", "“", '"', "”", "—", "–"):
        j += 1
    j -= 1
    while j >= k and not tk.toks[j].is_word and tk.toks[j].text not in (")",):
        j -= 1
    if j < k or tk.low[k] in ("that", "which", "whether"):
        return None
    return k, j


def _extend_agent(tk: Tokens, span: tuple[int, int], hi: int) -> tuple[int, int]:
    """"according to an analysis by Lily Batchelder": the agent's phrase."""
    j, k = span
    if k + 1 < hi and tk.low[k + 1] in ("by", "from", "of", "for") and "document" in tk.kinds(k):
        more = tk.np_right(k + 2, hi)
        if more:
            return j, more[1]
    return j, k


def _sentence_subject(tk: Tokens, lo: int, before: int) -> Optional[Mention]:
    """The noun phrase that opens the sentence, for "…, adding that …"."""
    k = lo
    while k < before and (tk.low[k] in INTRO or tk.toks[k].text in ",“\"‘"):
        k += 1
    if k + 1 < before and tk.low[k].endswith(("ing", "ed")) and tk.low[k + 1] in PARTICIPLE_NEXT:
        # "Chastened by the analyses, Trump …", "Trying to calm the row, Ruiz …":
        # a participial clause, not the subject; the subject follows its comma
        c = next((t for t in range(k + 1, before) if tk.toks[t].text == ","), None)
        if c is None:
            return None
        k = c + 1
    c = next((t for t in range(lo + 1, min(before, lo + 12)) if tk.toks[t].text == ","), None)
    if c is not None and c + 1 > k and is_intro(tk.text, tk.toks[lo].start, tk.toks[c].start) and (
            tk.low[lo] not in ("but", "and", "yet", "so")):
        k = c + 1  # "In a speech on Tuesday, Ruiz struck a sober tone, saying …"
    span = tk.np_right(k, before)
    if span is None or common_word(tk, *span):
        return None
    m = tk.mention(*span)
    return m if m.type != "unnamed" or m.gender == "p" else None


def _char_mention(tk: Tokens, span: tuple[int, int]) -> Mention:
    s, e = span
    text = tk.text[s:e]
    return Mention(s, e, text, "unnamed", " ".join(text.split()), "p")


# -- what follows the cue ------------------------------------------------------
def skip_adverbials(tk: Tokens, t: int, hi: int, lemma: str) -> int:
    """Token index where the content starts after a cue: past time and place
    phrases ("on Monday", "in a statement", "at a rally in Ohio"), an
    indirect object of "told" ("told reporters") and an opening "that"
    stays in the content, as in PolNeAR's annotation."""
    low, toks = tk.low, tk.toks
    if lemma in TELL_LIKE and t < hi:
        if low[t] in OBJECT_PRONOUNS and low[t] != "it":
            t += 1
        else:
            span = tk.np_right(t, hi)
            after = low[span[1] + 1] if span and span[1] + 1 < hi else ""
            if span and (tk.is_name_word(span[1]) or low[span[1]] in OBJECT_NOUNS
                         or tk.kinds(span[1]) & GROUP_ORG_ROLE
                         or after in (":", ",", "that", "whether", "if", "why", "how", "what",
                                      "to", "“", '"')):
                t = span[1] + 1
    for _ in range(6):
        if t >= hi:
            break
        w = low[t]
        if w in DAY_WORDS or (w in ADVERBS and w not in ("not", "n't")) or w == "however":
            t += 1
            continue
        if w in ("on", "last", "this", "late", "early", "next") and t + 1 < hi and low[t + 1] in DAY_WORDS:
            t += 2
            continue
        if w in ("in", "during", "at", "on", "via", "through", "from", "to", "before", "after",
                 "while", "with", "over"):
            q = t + 1
            while q < hi and q - t <= 7 and toks[q].text not in ",.;:“\"" and low[q] not in CLAUSE_STARTS:
                if low[q] in PP_HEADS:
                    break
                q += 1
            if q < hi and low[q] in PP_HEADS:
                t = q + 1
                continue
            if w in ("on", "in", "at", "to") and t + 1 < hi and tk.is_name_word(t + 1):
                q = t + 1
                while q < hi and (tk.is_name_word(q) or toks[q].text == "."):
                    q += 1
                t = q
                continue
            if w == "to" and t + 1 < hi and (low[t + 1] in OBJECT_NOUNS or low[t + 1] in OBJECT_PRONOUNS):
                t += 2
                continue
        if w == "," and t + 1 < hi and (low[t + 1] in ADVERBS or low[t + 1] == "however"
                                        or low[t + 1] in DAY_WORDS):
            t += 1
            continue
        break
    return t


def that_ahead(tk: Tokens, t: int, hi: int) -> Optional[int]:
    """"said at a campaign stop in Toledo, Ohio, that …": the "that" after a
    place or time phrase the skipper did not know."""
    if t >= hi or tk.low[t] not in ("at", "in", "on", "during", "after", "before", "while", ","):
        return None
    if tk.low[t] == "," and (t + 1 >= hi or tk.low[t + 1] not in (
            "at", "in", "on", "during", "after", "before", "while", "however")):
        return None  # "…,” he said, adding that …": that "that" is not his
    for q in range(t + 1, min(hi, t + 15)):
        w = tk.low[q]
        if w == "that":
            return q
        if tk.toks[q].text in ".;:“\"”" or w in PERSONAL or w in tk.lex.cues:
            return None
    return None


INTRO_RE = re.compile(r"^\W*(?:[A-Z][a-z]+ly(?=\W*$)|[Ii]n|[Oo]n|[Aa]t|[Dd]uring|[Aa]fter|[Bb]efore|"
                      r"[Ff]ollowing|[Ww]ith|[Ww]ithout|[Uu]nder|[Aa]mid|[Dd]espite|[Ss]ince|[Aa]s|"
                      r"[Ww]hen|[Ww]hile|[Ss]peaking|[Aa]sked|[Rr]esponding|[Ww]riting|[Tt]alking|"
                      r"[Aa]ppearing|[Tt]estifying|[Aa]ddressing|[Mm]eanwhile|[Ss]eparately|[Ll]ater|"
                      r"[Ee]arlier|[Yy]esterday|[Tt]oday|[Hh]owever|[Ss]till|[Ii]nstead|[Nn]ow|"
                      r"[Tt]hen|[Aa]lso|[Ll]ast|[Tt]his|[Bb]ut|[Aa]nd|[Yy]et|[Ss]o|[Ff]or|[Ff]rom|"
                      r"[Bb]y|[Oo]n|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def is_intro(text: str, s: int, e: int) -> bool:
    """A short opening phrase before the speaker ("In a statement,",
    "Speaking in Ohio on Monday,"), not content."""
    seg = text[s:e]
    return bool(INTRO_RE.match(seg)) and len(seg.split()) <= 9 and not any(
        c in seg for c in "“”\"")
