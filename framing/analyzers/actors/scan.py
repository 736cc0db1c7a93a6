"""The per-document state the actor detector and its collaborators read: the
tokens and their per-token arrays (:class:`~.evidence.DocWords`), the
lexicon and its memoised word tests, and the mentions found so far.

:class:`Scan` is built once per document and handed explicitly to
:class:`~.titles.Titles`, :class:`~.lines.Lines` and the detector
(:mod:`.detect`); it is their only shared input and the only thing they write
to (``cands``, ``taken``, ``body_keys``, through :meth:`Scan.push`).
"""
from __future__ import annotations

from ...document import Document
from ...lexicons.shared import calendar_words, reporting_verbs
from .candidates import Cand
from .evidence import DocWords, cues
from .lexicon import CONNECTORS, Lex, lexicon
from .lines import capital_group_test
from .titles import plain_name_test, word_tests

WEEKDAYS = calendar_words("weekday")
REPORTING = reporting_verbs("name_context")


def run_stop_test(lex: Lex):
    """Memo: token text → does a token that is no name word, after a name
    word, end the capitalised run there (``_Detector._run_end``)? Not a
    period, an apostrophe, a title's first word or a connector."""
    title_first = lex.title_first

    def stop(w: str) -> bool:
        return not (w in (".", "'", "’") or w.lower() in title_first or w in CONNECTORS)

    return lex.memo("run_stop", stop)


class Scan:
    """One document as the detector reads it, and the mentions found so far."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.lex = lexicon()
        self.toks = doc.tokens
        self.n = len(self.toks)
        self.text = doc.text
        # per-token arrays, computed once (DocWords): text, lower case, is a
        # word, is a name word, is a word with a lower-case initial
        self.words = words = DocWords(doc, REPORTING)
        self.texts = words.texts
        self.low = words.low
        self.isw = words.is_word
        self.caps = words.caps
        self.lower_word = words.lower_word
        self.title_lower = words.title_lower
        self.lower_seen = words.lower_seen
        self.codes = words.codes
        self.shouted = words.shouted
        # memoised word tests: lower-case word → bool; token text → bool
        self.stopish, self.party, self.org_word, self.initial_common = word_tests(self.lex)
        self.capital_group = capital_group_test(self.lex)
        self.plain_name = plain_name_test(self.lex, WEEKDAYS, self.capital_group)
        self.run_stop = run_stop_test(self.lex)
        self.cues = cues()
        self.para_starts = {doc.token_index(p.start) for p in doc.paragraphs}
        self.cands: list[Cand] = []
        self.taken: set[int] = set()
        self.body_keys: set[str] = set()

    def push(self, cand: Cand) -> Cand:
        """Add a mention unless one already starts there (an acronym alias
        found with its expansion is met again by the scan)."""
        if cand.start not in self.taken:
            self.taken.add(cand.start)
            self.cands.append(cand)
        return cand

    def word(self, i: int) -> str:
        return self.texts[i] if 0 <= i < self.n else ""
