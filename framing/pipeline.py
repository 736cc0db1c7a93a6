"""The analysis pipeline: `framing.analyze`, text in, ArticleReport out."""
from __future__ import annotations

from typing import Mapping, Sequence

from . import __version__
from .analyzers import REGISTRY, Context, run_all
from .document import Document
from .report import ArticleReport, Stats


def analyze(text: str | Document, actors: Mapping[str, Sequence[str]] | None = None,
            *, source: str | None = None) -> ArticleReport:
    """Analyse one article.

    ``text`` is the article (or an already parsed :class:`Document`);
    ``actors`` optionally maps actor names to aliases (used once the actor
    analyzer exists); ``source`` is recorded in the report (a file name).
    """
    doc = text if isinstance(text, Document) else Document(text)
    ctx = Context.for_document(doc, actors=dict(actors or {}))
    sections = run_all(ctx, REGISTRY)
    stats = Stats(words=doc.words, sentences=len(doc.sentences),
                  paragraphs=len(doc.paragraphs), characters=len(doc.text))
    return ArticleReport(stats=stats, warnings=list(doc.warnings), source=source,
                         version=__version__, **sections)
