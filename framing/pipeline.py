"""The analysis pipeline: `framing.analyze`, text in, ArticleReport out."""
from __future__ import annotations

from typing import Mapping, Sequence

from . import __version__
from .analyzers import REGISTRY, Context, resolve, run_all
from .document import Document
from .report import SECTIONS, ArticleReport, Stats


def analyze(text: str | Document, actors: Mapping[str, Sequence[str]] | None = None,
            *, source: str | None = None, analyzers: Sequence[str] | None = None,
            fast: bool = False, model=None, source_gender: bool = False) -> ArticleReport:
    """Analyse one article.

    ``text`` is the article (or an already parsed :class:`Document`);
    ``actors`` optionally maps actor names to aliases; ``source`` is recorded
    in the report (a file name). ``analyzers`` names the sections to compute
    (e.g. ``["hedging"]``); what they need runs too (hedging needs the voice
    map, so the quotation analyzer runs first), the other sections stay empty.
    ``fast=True`` scores sentiment with the small linear model instead of the
    fine-tuned encoder (much faster, less accurate; the report says which).
    ``model`` is a model file written by ``framing train`` (or a list of
    them): it replaces the shipped model of its component for this call and
    implies the options it needs (a sentiment model implies ``fast``).
    ``source_gender=True`` gives each quoted source a gender where the text
    states one (honorific, gendered role noun, pronoun); off by default.
    """
    if model is not None:
        from .train import use_models

        with use_models(model) as implied:
            return analyze(text, actors, source=source, analyzers=analyzers,
                           fast=implied.get("fast", fast), source_gender=source_gender)
    doc = text if isinstance(text, Document) else Document(text)
    ctx = Context.for_document(doc, actors=dict(actors or {}), fast=fast,
                               source_gender=source_gender)
    chosen = REGISTRY if analyzers is None else resolve(analyzers)
    results = run_all(ctx, chosen)
    stats = Stats(words=doc.words, sentences=len(doc.sentences),
                  paragraphs=len(doc.paragraphs), characters=len(doc.text))
    sections = {name: results[name] for name in SECTIONS if name in results}
    if fast and "actors" in sections and sections["actors"].sentiment_model:
        from .sentiment.linear import user_model

        if (user := user_model()) is not None:  # a model from `framing train`
            sections["actors"].sentiment_model = f"linear ({user})"
    return ArticleReport(stats=stats, warnings=list(doc.warnings), source=source,
                         version=__version__, **sections)


def analyze_file(path: str, actors: Mapping[str, Sequence[str]] | None = None, *,
                 analyzers: Sequence[str] | None = None, fast: bool = False,
                 model=None) -> ArticleReport:
    """Analyse one article file as ``framing analyze FILE`` does: ``.html``
    and ``.htm`` through trafilatura (the article, not the page's markup),
    ``.md`` without its markup, other files as plain text. The report's
    offsets point into the extracted text, which
    :func:`framing.io.corpus.read_article` returns."""
    from .io.corpus import read_article

    text, warnings, _ = read_article(path)
    report = analyze(text, actors, source=str(path), analyzers=analyzers, fast=fast, model=model)
    report.warnings[:0] = warnings
    return report
