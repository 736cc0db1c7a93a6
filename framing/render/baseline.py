"""Key metrics of one article and of a reference corpus to set them against.

A report's summary compares the article with a *baseline*: the distribution
of the same metrics over a reference corpus. By default that is real news:
the training texts of PolNeAR (US political news, 2016) and PAC (US outlets
of left and right, 2017–2021), of which only these derived statistics ship
(``baseline.json`` next to this module, made by
``benchmarks/make_baseline.py``; no text). ``framing analyze --baseline
SOURCE`` takes a baseline JSON file, or any corpus source (folder, JSON Lines,
CSV), whose statistics are computed once and can be saved as such a file
(:meth:`Baseline.to_json`) to share or reuse.

Rendering never analyses, except here: a baseline from a corpus has to
analyse that corpus (once, before any rendering).
"""
from __future__ import annotations

import json
import math
import statistics
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from ..report import ArticleReport
from ..metrics import SUMMARY, Voice, voice_shares
from ..metrics import summary_metrics as article_metrics

BASELINE_SCHEMA = "framing.baseline/1"
BUNDLED = Path(__file__).with_name("baseline.json")
#: metric key → (label, unit) in display order (defined once, in framing.metrics)
METRICS = SUMMARY
#: the metrics drawn as rates against the baseline
RATE_METRICS = ("questions_per_1k", "rhetorical_per_1k", "hedges_per_1k", "boosters_per_1k")
__all__ = ["Baseline", "MetricStats", "METRICS", "RATE_METRICS", "Voice", "voice_shares",
           "article_metrics", "actor_interval", "actor_score", "bundled", "cached",
           "corpus_signature", "resolve"]


# -- actors --------------------------------------------------------------------------
#: two-sided 95 % t quantiles for small samples (df = n - 1)
_T95 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306,
        9: 2.262, 10: 2.228, 12: 2.179, 15: 2.131, 20: 2.086, 30: 2.042}


def _t95(df: int) -> float:
    keys = [k for k in sorted(_T95) if k <= df]
    return _T95[keys[-1]] if df <= 30 else 1.96


def actor_interval(actor) -> Optional[tuple[float, float]]:
    """A 95 % interval for an actor's sentiment: the analyzer's own when it
    gives one (``ci_low``/``ci_high`` or ``interval``), else the t interval of
    the mean mention score; ``None`` with fewer than two scored mentions."""
    lo, hi = getattr(actor, "ci_low", None), getattr(actor, "ci_high", None)
    if lo is None or hi is None:
        iv = getattr(actor, "interval", None)
        if iv is not None and len(iv) == 2:
            lo, hi = iv
    if lo is not None and hi is not None:
        return float(lo), float(hi)
    scores = [m.score for m in actor.mentions if m.score is not None]
    if len(scores) < 2:
        return None
    mean = statistics.fmean(scores)
    half = _t95(len(scores) - 1) * statistics.stdev(scores) / math.sqrt(len(scores))
    return max(-1.0, mean - half), min(1.0, mean + half)


def actor_score(actor) -> Optional[float]:
    if actor.score is not None:
        return float(actor.score)
    scores = [m.score for m in actor.mentions if m.score is not None]
    return statistics.fmean(scores) if scores else None


# -- a corpus ------------------------------------------------------------------------
@dataclass
class MetricStats:
    n: int
    mean: Optional[float] = None
    median: Optional[float] = None
    q1: Optional[float] = None
    q3: Optional[float] = None
    min: Optional[float] = None
    max: Optional[float] = None

    @classmethod
    def of(cls, values: Iterable[Optional[float]]) -> "MetricStats":
        xs = sorted(float(v) for v in values if v is not None)
        if not xs:
            return cls(0)
        if len(xs) >= 2:
            q1, _, q3 = statistics.quantiles(xs, n=4, method="inclusive")
        else:
            q1 = q3 = xs[0]
        r = lambda x: round(x, 3)  # noqa: E731
        return cls(len(xs), r(statistics.fmean(xs)), r(statistics.median(xs)), r(q1), r(q3),
                   r(xs[0]), r(xs[-1]))

    def range(self) -> Optional[tuple[float, float, str]]:
        """The band to draw: interquartile range from 4 articles on, else min–max."""
        if not self.n:
            return None
        if self.n >= 4:
            return self.q1, self.q3, "interquartile range"
        return self.min, self.max, "range"


@dataclass
class Baseline:
    name: str
    articles: int
    words: int
    metrics: dict[str, MetricStats] = field(default_factory=dict)
    framing_version: str = ""
    schema: str = BASELINE_SCHEMA
    #: for a baseline computed from a corpus: what it was computed from
    #: (:func:`corpus_signature`), so a saved copy is reused only for the same files
    source: Optional[dict] = None

    def get(self, key: str) -> MetricStats:
        return self.metrics.get(key) or MetricStats(0)

    @property
    def short_description(self) -> str:
        """Name and article count, for figure subtitles."""
        return f"{self.name}, n = {self.articles:,}"

    @property
    def description(self) -> str:
        return f"{self.name} ({self.articles:,} article{'s' if self.articles != 1 else ''}, " \
               f"{self.words:,} words)"

    # -- building --------------------------------------------------------------
    @classmethod
    def from_reports(cls, reports: Iterable[ArticleReport], name: str) -> "Baseline":
        reports = list(reports)
        rows = [article_metrics(r) for r in reports]
        from .. import __version__

        return cls(name=name, articles=len(reports),
                   words=sum(r.stats.words for r in reports),
                   metrics={k: MetricStats.of(row[k] for row in rows) for k in METRICS},
                   framing_version=__version__)

    @classmethod
    def from_corpus(cls, source: str | Path, name: str | None = None) -> "Baseline":
        """Analyse every article of a corpus source (a folder, JSON Lines or
        CSV file, read as ``framing analyze`` reads it)."""
        from ..errors import InputError
        from ..io.corpus import check_sources, read_corpus
        from ..pipeline import analyze

        source = Path(source)
        check_sources([str(source)])
        reports = [analyze(rec.text) for rec in read_corpus([str(source)])]
        if not reports:
            raise InputError(str(source), "no article found for the baseline corpus")
        return cls.from_reports(reports, name or (f"{source.name}/" if source.is_dir() else source.name))

    @classmethod
    def from_file(cls, path: str | Path) -> "Baseline":
        """A baseline JSON file written by :meth:`to_json`."""
        from ..errors import InputError

        try:
            return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))
        except OSError as exc:
            raise InputError(str(path), f"cannot read the baseline file ({exc.strerror or exc})")
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(str(path), f"not a {BASELINE_SCHEMA} baseline file ({exc})")

    # -- JSON ------------------------------------------------------------------
    def to_dict(self) -> dict:
        d = asdict(self)
        if d["source"] is None:
            del d["source"]
        return {"schema": d.pop("schema"), **d}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_dict(cls, d: dict) -> "Baseline":
        if d.get("schema") != BASELINE_SCHEMA:
            raise ValueError(f"not a {BASELINE_SCHEMA} file")
        return cls(name=d["name"], articles=d["articles"], words=d["words"],
                   metrics={k: MetricStats(**v) for k, v in d["metrics"].items()},
                   framing_version=d.get("framing_version", ""), source=d.get("source"))


def bundled() -> Baseline:
    """The bundled real-news statistics (``baseline.json``)."""
    return Baseline.from_file(BUNDLED)


def corpus_signature(source: str | Path) -> dict:
    """What a corpus baseline was computed from: the source's absolute path
    and a SHA-256 over every file's relative path, size and modification
    time (a folder is walked; a .jsonl/.csv file is one file)."""
    import hashlib

    root = Path(source).resolve()
    files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
    h = hashlib.sha256()
    for p in files:
        st = p.stat()
        rel = p.relative_to(root).as_posix() if root.is_dir() else p.name
        h.update(f"{rel}\t{st.st_size}\t{st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return {"path": str(root), "files": len(files), "sha256": h.hexdigest()}


def cached(baseline: "str | Path | None", saved: Path) -> Optional[Baseline]:
    """The baseline for ``framing analyze --baseline SOURCE --out DIR``:
    ``None`` → the bundled one; a baseline ``.json`` → that file; a corpus
    source → ``saved`` (``DIR/baseline.json``) when it was computed from the
    same files by this version of framing, else computed now and written
    there, to reuse on the next run or to share."""
    from .. import __version__
    from .outdir import atomic_write

    if baseline is None or isinstance(baseline, Baseline) or (
            Path(baseline).suffix.lower() == ".json" and Path(baseline).is_file()):
        return resolve(baseline)
    sig = corpus_signature(baseline)
    if saved.is_file():
        try:
            old = Baseline.from_file(saved)
            if old.source == sig and old.framing_version == __version__:
                return old
        except Exception:  # an unreadable or foreign file is computed again
            pass
    bl = Baseline.from_corpus(baseline)
    bl.source = sig
    saved.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(saved, bl.to_json())
    return bl


def resolve(baseline: "Baseline | str | Path | None") -> Baseline:
    """``None`` → the bundled baseline; a ``.json`` path → :meth:`Baseline.from_file`;
    any other path → :meth:`Baseline.from_corpus`."""
    if baseline is None:
        return bundled()
    if isinstance(baseline, Baseline):
        return baseline
    if Path(baseline).suffix.lower() == ".json" and Path(baseline).is_file():
        return Baseline.from_file(baseline)
    return Baseline.from_corpus(baseline)
