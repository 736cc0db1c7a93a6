"""The report contract (DESIGN.md, "The report contract (v1)").

``ArticleReport.to_dict()`` gives the JSON-ready dict that tests, benchmarks
and outside tools rely on; ``ArticleReport.from_dict()`` reads it back.
Field names here *are* the contract: add fields freely, but renaming or
removing one needs a new ``SCHEMA``.

Every finding carries ``start``/``end`` offsets into the analysed text and
the ``text`` they cover. Rates are ``None`` (not 0.0) when the article has no
words, so "no data" is never hidden in a bare float.
"""
from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Optional, Union

SCHEMA = "framing.article/1"


def per_1k(count: int, words: int) -> float | None:
    """A rate per 1,000 words, rounded for stable output; None without words."""
    return round(1000.0 * count / words, 3) if words else None


# -- findings ------------------------------------------------------------------
@dataclass
class QuestionItem:
    start: int
    end: int
    text: str
    rhetorical: bool  # not information-seeking: type rhetorical or hypophora (CODEBOOK §1)
    type: str  # "rhetorical" | "hypophora" | "information"
    voice: str  # "author" | "quoted"
    cues: list[str] = field(default_factory=list)
    confidence: float = 0.0  # probability of the flag decision (0 when the rules decided)
    sentence_start: int = 0
    sentence_end: int = 0


@dataclass
class HedgeItem:
    start: int
    end: int
    text: str
    kind: str  # "hedge" | "booster"
    category: str
    voice: str
    cue: str = ""
    sentence_start: int = 0
    sentence_end: int = 0


@dataclass
class QuoteItem:
    start: int
    end: int
    text: str
    kind: str  # "direct" | "indirect" | "mixed"
    speaker: Optional[str] = None
    speaker_start: Optional[int] = None
    speaker_end: Optional[int] = None
    cue: Optional[str] = None
    cue_start: Optional[int] = None
    cue_end: Optional[int] = None
    # added by the quotation analyzer (issue 3); ``speaker`` is the canonical
    # name, ``speaker_text`` the words at speaker_start:speaker_end
    speaker_text: Optional[str] = None
    speaker_type: Optional[str] = None  # "named" | "organisation" | "unnamed" | "pronoun"
    unnamed: bool = False  # an anonymous or collective source ("officials", "a source")
    cue_lemma: Optional[str] = None
    cue_category: Optional[str] = None  # neutral | emphatic | distancing | admission | …
    parts: list[list[int]] = field(default_factory=list)  # quoted segments [start, end]
    words: int = 0  # words inside ``parts``
    confidence: float = 0.0
    pattern: str = ""  # the rule that found it, e.g. "quote-cue", "according-to"


@dataclass
class ScareQuoteItem:
    """Quotation marks around words nobody is said to speak."""

    start: int
    end: int
    text: str
    kind: str  # "scare" | "nickname" | "title"


@dataclass
class SpeakerSummary:
    """One speaker (canonical name) and what they are quoted as saying."""

    name: str
    type: str  # "named" | "organisation" | "unnamed"
    unnamed: bool = False
    quotes: int = 0
    direct: int = 0
    indirect: int = 0
    mixed: int = 0
    words: int = 0
    share: Optional[float] = None  # of all quoted words in the article
    cues: dict[str, int] = field(default_factory=dict)  # cue lemma ("colon", "dash") → count
    cue_categories: dict[str, int] = field(default_factory=dict)
    mentions: list[str] = field(default_factory=list)  # how the text names them


@dataclass
class Mention:
    start: int
    end: int
    text: str
    score: float
    label: str
    # added by the actor analyzer (issue 4)
    voice: str = "author"  # "author" | "quoted"
    kind: str = "name"  # name | acronym | place | demonym | group | user | pronoun | description
    sentence_start: int = 0  # the sentence the score was read from
    sentence_end: int = 0


@dataclass
class SentimentSummary:
    """Mean mention score with its 95 % t-interval; ``None`` when n is 0
    (interval ``None`` also when n is 1)."""

    n: int = 0
    score: Optional[float] = None
    label: Optional[str] = None
    ci_low: Optional[float] = None
    ci_high: Optional[float] = None


@dataclass
class ActorItem:
    name: str
    score: Optional[float]
    label: Optional[str]
    mentions: list[Mention] = field(default_factory=list)
    # added by the actor analyzer (issue 4)
    type: str = "unknown"  # person | organisation | place | group | unknown
    source: str = "detected"  # "detected" | "user"
    aliases: list[str] = field(default_factory=list)
    group: Optional[str] = None
    salience: float = 0.0  # share of the article's weighted actor mentions
    n: int = 0
    ci_low: Optional[float] = None
    ci_high: Optional[float] = None
    author: SentimentSummary = field(default_factory=SentimentSummary)
    quoted: SentimentSummary = field(default_factory=SentimentSummary)


@dataclass
class SpeakerActorItem:
    """Sentiment toward ``actor`` in what ``speaker`` is quoted as saying."""

    speaker: str
    actor: str
    n: int = 0
    score: Optional[float] = None
    label: Optional[str] = None
    ci_low: Optional[float] = None
    ci_high: Optional[float] = None


@dataclass
class Evidence:
    """The words that support a finding."""

    start: int
    end: int
    text: str


@dataclass
class AgencyItem:
    """A passive predicate, a nominalisation or an intransitive report (CODEBOOK §5)."""

    start: int
    end: int
    text: str
    kind: str  # "passive" | "nominalisation" | "intransitive"
    agentless: bool
    agent_start: Optional[int] = None
    agent_end: Optional[int] = None
    voice: str = "author"  # "author" | "quoted"
    lemma: str = ""  # the participle, the event noun or the verb's lemma
    harmful: bool = False  # a harmful event (every nominalisation and intransitive is)
    agent_text: Optional[str] = None
    affected_start: Optional[int] = None
    affected_end: Optional[int] = None
    affected_text: Optional[str] = None
    confidence: float = 1.0  # P(passive) for passives
    sentence_start: int = 0
    sentence_end: int = 0


@dataclass
class AgencyRole:
    """One mention of an actor as the agent or the affected party of a harmful event."""

    start: int
    end: int
    text: str
    role: str  # "agent" | "affected"
    kind: str  # "passive" | "nominalisation" | "intransitive" | "active"
    event_start: int = 0
    event_end: int = 0
    agentless: bool = False  # the event names no doer


@dataclass
class AgencyActor:
    """How often an actor is the doer and how often the affected party of a harmful event."""

    name: str
    agent: int = 0
    affected: int = 0
    affected_agentless: int = 0  # affected in an event whose doer is not named
    roles: list[AgencyRole] = field(default_factory=list)


@dataclass
class SourceItem:
    """One quoted source (a speaker) and its type (CODEBOOK.md §6).

    ``start``/``end`` is the speaker's first mention; ``evidence`` the words
    that gave the type (None for ``unknown`` or a type from the actors file)."""

    name: str
    start: int
    end: int
    text: str
    type: str  # official | police_military | expert | business | advocacy | citizen | affected | media | anonymous | other | unknown
    rule: str = ""  # which rule typed it, e.g. "apposition-link", "title-role", "organisation"
    evidence: Optional[Evidence] = None
    group: Optional[str] = None  # the side: the matched actor's group (actors file)
    actor: Optional[str] = None  # the matched actor's name
    quotes: int = 0
    words: int = 0
    rank: int = 0  # 1 = quoted first in the article
    first_quote: int = 0  # offset of the first quote
    in_lede: bool = False  # quoted in the headline or the paragraph after it
    cue_categories: dict[str, int] = field(default_factory=dict)
    stance: dict[str, int] = field(default_factory=dict)  # distancing | neutral | endorsing | other
    gender: Optional[str] = None  # "m" | "f", only with the gender option and explicit evidence
    gender_evidence: Optional[Evidence] = None


# -- sections ------------------------------------------------------------------
@dataclass
class Stats:
    words: int
    sentences: int
    paragraphs: int = 0
    characters: int = 0


@dataclass
class QuestionsSection:
    count: int = 0
    rhetorical: int = 0
    rhetorical_per_1k_words: Optional[float] = None
    questions_per_1k_words: Optional[float] = None
    hypophora: int = 0  # of the ``rhetorical`` (flagged) questions, those asked and answered
    information: int = 0
    by_voice: dict[str, int] = field(default_factory=dict)
    items: list[QuestionItem] = field(default_factory=list)
    # flagged questions per voice, and per 1,000 words spoken in that voice
    rhetorical_by_voice: dict[str, int] = field(default_factory=dict)
    rhetorical_per_1k_words_by_voice: dict[str, Optional[float]] = field(default_factory=dict)


@dataclass
class HedgingSection:
    hedges: int = 0
    boosters: int = 0
    hedges_per_1k_words: Optional[float] = None
    boosters_per_1k_words: Optional[float] = None
    by_category: dict[str, int] = field(default_factory=dict)
    by_voice: dict[str, dict[str, int]] = field(default_factory=dict)
    items: list[HedgeItem] = field(default_factory=list)


@dataclass
class QuotesSection:
    items: list[QuoteItem] = field(default_factory=list)
    count: int = 0
    direct: int = 0
    indirect: int = 0
    mixed: int = 0
    unattributed: int = 0  # items whose speaker is unknown (speaker: null)
    quoted_words: int = 0
    quoted_share: Optional[float] = None  # quoted words / article words
    by_cue_category: dict[str, int] = field(default_factory=dict)
    speakers: list[SpeakerSummary] = field(default_factory=list)
    scare_quotes: list[ScareQuoteItem] = field(default_factory=list)


@dataclass
class ActorsSection:
    items: list[ActorItem] = field(default_factory=list)
    # added by the actor analyzer (issue 4): who speaks about whom
    speaker_actor: list[SpeakerActorItem] = field(default_factory=list)
    #: which model produced the scores (score = P(positive) − P(negative), see framing.sentiment.labels)
    sentiment_model: str = ""


@dataclass
class SourcesSection:
    """Who is quoted, by source type; diversity; prominence; cue stance by side."""

    items: list[SourceItem] = field(default_factory=list)
    count: int = 0  # sources (speakers)
    by_type: dict[str, int] = field(default_factory=dict)  # sources per type
    shares: dict[str, float] = field(default_factory=dict)  # of typed sources (unknown left out)
    quotes_by_type: dict[str, int] = field(default_factory=dict)
    simpson: Optional[float] = None  # Gini–Simpson 1 − Σp² over typed sources
    shannon: Optional[float] = None  # −Σ p ln p (nats)
    first: Optional[str] = None  # the source quoted first
    first_type: Optional[str] = None
    lede_types: dict[str, int] = field(default_factory=dict)  # types of sources quoted in the lede
    stance_by_side: dict[str, dict[str, int]] = field(default_factory=dict)  # group → stance → quotes
    stance_by_type: dict[str, dict[str, int]] = field(default_factory=dict)
    gender: dict[str, int] = field(default_factory=dict)  # only with the gender option
    gender_enabled: bool = False


@dataclass
class ReadabilitySection:
    flesch_reading_ease: Optional[float] = None
    flesch_kincaid_grade: Optional[float] = None
    gunning_fog: Optional[float] = None
    smog_index: Optional[float] = None
    coleman_liau_index: Optional[float] = None
    automated_readability_index: Optional[float] = None
    words_per_sentence: Optional[float] = None
    syllables_per_word: Optional[float] = None
    syllable_method: str = ""


@dataclass
class AgencySection:
    count: int = 0
    passives: int = 0
    agentless_passives: int = 0
    nominalisations: int = 0
    intransitives: int = 0
    passives_per_1k_words: Optional[float] = None
    agentless_passives_per_1k_words: Optional[float] = None
    nominalisations_per_1k_words: Optional[float] = None
    intransitives_per_1k_words: Optional[float] = None
    #: voice → {"passive", "agentless_passive", "nominalisation", "intransitive"} counts
    by_voice: dict[str, dict[str, int]] = field(default_factory=dict)
    actors: list[AgencyActor] = field(default_factory=list)
    items: list[AgencyItem] = field(default_factory=list)


@dataclass
class ArticleReport:
    stats: Stats
    questions: QuestionsSection = field(default_factory=QuestionsSection)
    hedging: HedgingSection = field(default_factory=HedgingSection)
    quotes: QuotesSection = field(default_factory=QuotesSection)
    actors: ActorsSection = field(default_factory=ActorsSection)
    readability: ReadabilitySection = field(default_factory=ReadabilitySection)
    agency: AgencySection = field(default_factory=AgencySection)
    sources: SourcesSection = field(default_factory=SourcesSection)
    warnings: list[str] = field(default_factory=list)
    source: Optional[str] = None
    version: str = ""
    schema: str = SCHEMA

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict; ``schema`` comes first. Equal to
        ``dataclasses.asdict(self)`` (a fresh copy: no list or dict is shared
        with the report), built by converters made once per class from the
        type hints, about twice as fast as ``asdict``'s generic recursion."""
        d = _converter(ArticleReport)(self)
        return {"schema": d.pop("schema"), **d}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ArticleReport":
        """Inverse of :meth:`to_dict`; unknown keys (from newer minor
        versions) are ignored, a different schema is refused."""
        if data.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} report: schema is {data.get('schema')!r}")
        return _build(cls, data)


SECTIONS = {
    "questions": QuestionsSection,
    "hedging": HedgingSection,
    "quotes": QuotesSection,
    "actors": ActorsSection,
    "readability": ReadabilitySection,
    "agency": AgencySection,
    "sources": SourcesSection,
}


_CONVERTERS: dict[Any, Any] = {}
_PLAIN = (int, float, str, bool, type(None))


def _converter(tp: Any) -> Any:
    """A function turning a value of type ``tp`` into plain JSON values (as
    ``dataclasses.asdict`` would), or None when the value is already plain."""
    if tp in _CONVERTERS:
        return _CONVERTERS[tp]
    origin = typing.get_origin(tp)
    conv: Any
    if dataclasses.is_dataclass(tp):
        _CONVERTERS[tp] = lambda obj: conv(obj)  # recursion guard; replaced below
        hints = typing.get_type_hints(tp)
        spec = [(f.name, _converter(hints[f.name])) for f in dataclasses.fields(tp)]

        def conv(obj: Any, spec: list = spec) -> dict:
            return {name: getattr(obj, name) if c is None else c(getattr(obj, name))
                    for name, c in spec}
    elif origin in (Union, types.UnionType):
        inner = [_converter(a) for a in typing.get_args(tp) if a is not type(None)]
        if len(inner) == 1:
            c = inner[0]
            conv = None if c is None else (lambda v: None if v is None else c(v))
        else:
            conv = _plain
    elif origin is list:
        (item,) = typing.get_args(tp)
        c = _converter(item)
        conv = list if c is None else (lambda v: [c(x) for x in v])
    elif origin is dict:
        _, item = typing.get_args(tp)
        c = _converter(item)
        conv = dict if c is None else (lambda v: {k: c(x) for k, x in v.items()})
    elif tp in _PLAIN:
        conv = None
    else:
        conv = _plain
    _CONVERTERS[tp] = conv
    return conv


def _plain(value: Any) -> Any:
    """Generic fallback for values without a precise type hint."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _converter(type(value))(value)
    if isinstance(value, (list, tuple)):
        return type(value)(_plain(v) for v in value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _build(tp: Any, value: Any) -> Any:
    """Rebuild typed dataclasses from plain JSON values, following type hints."""
    origin = typing.get_origin(tp)
    if dataclasses.is_dataclass(tp) and isinstance(value, dict):
        hints = typing.get_type_hints(tp)
        kwargs = {f.name: _build(hints[f.name], value[f.name])
                  for f in dataclasses.fields(tp) if f.name in value}
        return tp(**kwargs)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return None if value is None else _build(args[0], value)
    if origin is list:
        (item,) = typing.get_args(tp)
        return [_build(item, v) for v in value]
    if origin is dict:
        _, item = typing.get_args(tp)
        return {k: _build(item, v) for k, v in value.items()}
    return value
