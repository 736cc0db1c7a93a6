"""The records a corpus yields: :class:`Record`, :class:`RecordError`, and
the field names and aliases the readers share (see :mod:`framing.io.corpus`)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Union

from ..errors import InputError

TEXT_EXTS = (".txt", ".md", ".markdown")
HTML_EXTS = (".html", ".htm")
ARTICLE_EXTS = TEXT_EXTS + HTML_EXTS
JSONL_EXTS = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
CSV_EXTS = (".csv", ".tsv", ".csv.gz", ".tsv.gz")
SIDECARS = ("metadata.csv", "metadata.jsonl")
META_FIELDS = ("title", "date", "url", "story")
#: other names real corpora use for a field, tried in order after the field's own
#: (BASIL and SemEval exports say "event", PolNeAR "publisher"/"publication_date")
ALIASES: dict[str, tuple[str, ...]] = {
    "outlet": ("publisher", "source_outlet", "media", "site"),
    "story": ("event", "story_id", "event_id", "cluster"),
    "date": ("publication_date", "published", "pub_date", "datetime"),
    "title": ("headline",),
    "url": ("link",),
}


def field_value(obj: dict[str, Any], meta: dict[str, Any], name: str,
                fields: dict[str, str] | None = None) -> Any:
    """``name`` or its first alias present in the record (or its ``meta``);
    only ``fields[name]`` when the caller maps the field (``--story-field``)."""
    keys = ((fields[name], fields[name].lower()) if fields and name in fields  # CSV: lower case
            else (name, *ALIASES.get(name, ())))
    for key in keys:
        for source in (obj, meta):
            if source.get(key) is not None:
                return source[key]
    return None


@dataclass
class Record:
    """One article of a corpus.

    ``source`` and ``line`` say where it came from (``line`` is None for a
    file that is one article). ``report`` is set when the record was read
    from an analysed results file, so it need not be analysed again.
    """

    outlet: str
    text: str
    id: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    story: str | None = None
    source: str = ""
    line: int | None = None
    warnings: list[str] = field(default_factory=list)
    report: dict[str, Any] | None = None
    terms: dict[str, int] | None = None

    def meta(self) -> dict[str, Any]:
        """The metadata written beside a report (everything but the text)."""
        d = asdict(self)
        for k in ("text", "report", "warnings", "terms"):
            d.pop(k)
        return d


class RecordError(InputError):
    """One record could not be read; reading goes on with the next one."""

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "line": self.line, "error": self.reason}


Item = Union[Record, RecordError]

