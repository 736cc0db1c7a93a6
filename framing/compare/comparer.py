"""Outlet-level comparison over many article reports.

:class:`Comparer` takes analysed articles one at a time — the lines that
:func:`framing.run.local.analyze_corpus` writes (``outlet``, optional ``story``,
optional ``terms``, and the ``report`` dict) — keeps small per-outlet
accumulators (one number per article and metric, word counts, quote and
actor tallies) and :meth:`Comparer.result` turns them into the comparison
dict that ``framing compare`` writes as comparison.json:

- per outlet: articles and words; rhetorical questions, all questions,
  hedges, boosters and quotations **per 1,000 words as article-level
  distributions** (mean, median, bootstrap 95 % CI of the mean), readability;
- quoted voices by kind, speaker type and cue-verb category (when the
  quotation analyzer provides them), and the most quoted speakers;
- sentiment toward actors, outlet × actor with n;
- pairwise tests between outlets (permutation test on the difference in
  means, Mann–Whitney U with the rank-biserial correlation as effect size,
  Holm correction over every test), each stated in plain language;
- distinctive vocabulary per outlet (log-odds with an informative Dirichlet
  prior, Monroe, Colaresi & Quinn 2008);
- a paired comparison on stories (``story`` ids) covered by two outlets.

Numbers are rounded and every random step is seeded, so the same input gives
byte-identical JSON. "No data" is ``None``/n = 0, never a bare 0.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, Iterable, Mapping

from .. import __version__
from ..analyzers.quotes.lexicon import cue_name
from . import stats as st
from ..metrics import METRIC, METRICS, Metric, _get, article_metrics  # noqa: F401 (re-exported)
from .actor_names import merge_article
from .sources import article_record as sources_record
from .stats import seed_for as _seed
from .timeline import parse_date, timeline

SCHEMA = "framing.comparison/1"


def _r(x: Any, nd: int = 4) -> Any:
    """Round floats (recursively) for stable, readable JSON."""
    if isinstance(x, float):
        return None if x != x else round(x, nd)
    if isinstance(x, dict):
        return {k: _r(v, nd) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_r(v, nd) for v in x]
    return x


class _Outlet:
    def __init__(self) -> None:
        self.articles = 0
        self.words = 0
        self.values: dict[str, list[float]] = defaultdict(list)
        self.quote_kind: Counter = Counter()
        self.speaker_type: Counter = Counter()
        self.cue_category: Counter = Counter()
        self.cues: Counter = Counter()
        self.speakers: Counter = Counter()
        self.quotes = 0
        self.voice: Counter = Counter()       # hedges/boosters/questions by voice
        self.actors: dict[str, list[float]] = defaultdict(lambda: [0.0, 0, 0])  # Σscore, n, mentions
        self.actor_types: dict[str, Counter] = defaultdict(Counter)
        self.groups: dict[str, list[float]] = defaultdict(lambda: [0.0, 0, 0])  # actors-file sides
        self.user_actors: set[str] = set()  # actors-file names, kept as written
        self.terms: Counter = Counter()
        self.has_terms = 0
        self.stories: dict[str, list] = {}
        self.dated: list[tuple] = []          # (date, words, metrics) of dated articles
        self.sources: list[dict] = []  # framing.compare.sources.article_record per article


class Comparer:
    """Streaming accumulator: :meth:`add` each analysed article, then
    :meth:`result`. Parameters are only stored here (scikit-learn style)."""

    def __init__(self, *, seed: int = 20080601, n_boot: int = 2000, n_perm: int = 9999,
                 correction: str = "holm", alpha: float = 0.05, top_terms: int = 15,
                 min_term_count: int | None = None, prior_scale: float = 1.0,
                 max_outlets_tested: int = 12, min_articles: int = 3, min_pairs: int = 3,
                 hide_stopwords: bool = True, house_style: bool = True,
                 exclude_words: Iterable[str] = ()):
        if correction not in st.CORRECTIONS:
            raise ValueError(f"correction must be one of {sorted(st.CORRECTIONS)}, not {correction!r}")
        self.seed, self.n_boot, self.n_perm = seed, n_boot, n_perm
        self.correction, self.alpha = correction, alpha
        self.top_terms, self.min_term_count, self.prior_scale = top_terms, min_term_count, prior_scale
        self.max_outlets_tested, self.min_articles, self.min_pairs = (
            max_outlets_tested, min_articles, min_pairs)
        self.hide_stopwords = hide_stopwords
        self.house_style = house_style
        self.exclude_words = frozenset(w.strip().lower() for w in exclude_words if w.strip())
        self._outlets: dict[str, _Outlet] = {}

    # -- input ---------------------------------------------------------------
    def add(self, line: Mapping[str, Any]) -> None:
        """Add one analysed article: a dict with ``outlet``, ``report`` and
        optionally ``story`` and ``terms`` (a results line)."""
        outlet = str(line.get("outlet") or "unknown")
        report = line.get("report") or {}
        acc = self._outlets.setdefault(outlet, _Outlet())
        acc.articles += 1
        acc.words += int(_get(_get(report, "stats", {}), "words", 0) or 0)
        metrics = article_metrics(report)
        for k, v in metrics.items():
            if v is not None:
                acc.values[k].append(v)
        story = line.get("story")
        if story not in (None, ""):
            acc.stories.setdefault(str(story), []).append(metrics)
        day = parse_date(line.get("date"))
        if day is not None:
            acc.dated.append((day, int(_get(_get(report, "stats", {}), "words", 0) or 0), metrics))
        self._add_quotes(acc, _get(report, "quotes", {}) or {})
        record = sources_record(report)
        if record is not None:
            acc.sources.append(record)
        for sec, kinds in (("hedging", ("hedge", "booster")), ("questions", None)):
            for item in _get(_get(report, sec, {}) or {}, "items", []) or []:
                kind = _get(item, "kind") if kinds else ("rhetorical" if _get(item, "rhetorical") else "question")
                acc.voice[(kind, _get(item, "voice") or "author")] += 1
        self._add_actors(acc, _get(_get(report, "actors", {}) or {}, "items", []) or [])
        terms = line.get("terms")
        if isinstance(terms, Mapping):
            acc.terms.update({str(k): int(v) for k, v in terms.items()})
            acc.has_terms += 1

    def _add_actors(self, acc: _Outlet, items: list) -> None:
        """One article's actors: names merged (:mod:`framing.compare.actor_names`;
        an actors-file name is kept as written), then per actor and per side
        (the actors file's ``group``) the article's mention-weighted score."""
        scored = [(str(_get(i, "name")), str(_get(i, "type") or ""), float(_get(i, "score")),
                   len(_get(i, "mentions", []) or []), _get(i, "group"),
                   _get(i, "source") == "user")
                  for i in items if _get(i, "name") and isinstance(_get(i, "score"), (int, float))]
        sides: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])
        for name, _, score, mentions, group, _ in scored:
            if group:
                sides[str(group)][0] += score * max(mentions, 1)
                sides[str(group)][1] += max(mentions, 1)
        kept = [(n, t, s, m) for n, t, s, m, _, user in scored if user]
        acc.user_actors.update(n for n, *_ in kept)
        merged = kept + merge_article([(n, t, s, m) for n, t, s, m, _, user in scored if not user])
        for name, typ, score, mentions in merged:
            cell = acc.actors[name]
            cell[0] += score
            cell[1] += 1
            cell[2] += mentions
            acc.actor_types[name][typ] += 1
        for group, (total, mentions) in sides.items():
            cell = acc.groups[group]
            cell[0] += total / mentions
            cell[1] += 1
            cell[2] += mentions

    def _add_quotes(self, acc: _Outlet, section: Any) -> None:
        for item in _get(section, "items", []) or []:
            acc.quotes += 1
            acc.quote_kind[_get(item, "kind") or "unknown"] += 1
            speaker = _get(item, "speaker")
            stype = _get(item, "speaker_type") or ("unattributed" if not speaker else None)
            if stype:
                acc.speaker_type[str(stype)] += 1
            elif speaker:
                acc.speaker_type["attributed (type unknown)"] += 1
            category = _get(item, "cue_category") or _get(item, "cue_type")
            if category:
                acc.cue_category[str(category)] += 1
            cue = _get(item, "cue")
            if cue:
                acc.cues[cue_name(str(cue).lower())] += 1
            if speaker:
                acc.speakers[str(speaker)] += 1

    def add_all(self, lines: Iterable[Mapping[str, Any]]) -> "Comparer":
        for line in lines:
            self.add(line)
        return self

    # -- output --------------------------------------------------------------
    def article_values(self) -> dict[str, dict[str, list[float]]]:
        """metric → outlet → the per-article values (for figures' dots)."""
        return {m.key: {name: list(acc.values.get(m.key, [])) for name, acc in self._outlets.items()}
                for m in METRICS}

    def result(self) -> dict[str, Any]:
        """The comparison dict (comparison.json)."""
        from .sections import actors, paired, pairwise, quotes, vocabulary
        from .sources import section as sources_section

        names = sorted(self._outlets, key=lambda k: (-self._outlets[k].articles, k))
        for acc in self._outlets.values():  # input order must not change the numbers
            for vals in acc.values.values():
                vals.sort()
            acc.dated.sort(key=lambda t: (t[0], t[1], sorted((k, v if v is not None else -1.0)
                                                           for k, v in t[2].items())))
        outlets = []
        for name in names:
            acc = self._outlets[name]
            metrics = {m.key: st.describe(acc.values.get(m.key, []), n_boot=self.n_boot,
                                          seed=_seed(self.seed, "describe", m.key, name))
                       for m in METRICS}
            outlets.append({"name": name, "articles": acc.articles, "words": acc.words,
                            "metrics": metrics,
                            "voice": {f"{k}/{v}": n for (k, v), n in sorted(acc.voice.items())}})
        tests = pairwise(self, names)
        paired_result = paired(self, names)
        vocab = vocabulary(self, names)
        result = {
            "schema": SCHEMA,
            "version": __version__,
            "settings": {"seed": self.seed, "bootstrap_resamples": self.n_boot,
                         "permutations": self.n_perm, "correction": self.correction,
                         "alpha": self.alpha, "prior_scale": self.prior_scale,
                         "interval": "percentile bootstrap 95 % CI of the mean"},
            "corpus": {"articles": sum(o["articles"] for o in outlets),
                       "words": sum(o["words"] for o in outlets), "outlets": len(outlets),
                       "shared_stories": paired_result["stories"]},
            "metrics": [{"key": m.key, "label": m.label, "unit": m.unit, "kind": m.kind,
                         "tested": m.tested} for m in METRICS],
            "outlets": outlets,
            "tests": tests,
            "paired": paired_result,
            "quotes": quotes(self, names),
            "actors": actors(self, names),
            "vocabulary": vocab,
            "timeline": timeline(self, names),
            "sources": sources_section(self, names),
        }
        result["findings"] = findings(result, self.alpha)
        return _r(result)


#: share of the smaller outlet's articles that shared stories must reach for
#: the paired test to stand for a pair of outlets in the findings
PAIRED_SHARE = 0.5


def findings(result: dict[str, Any], alpha: float = 0.05) -> list[str]:
    """Every significant difference (after correction) in plain language,
    largest effect first: the metric tests (rank-biserial r) and the
    reporting-verb asymmetries by side (difference of rates, which is the
    rank-biserial r of a 0/1 outcome), so one scale orders them all. Where
    two outlets cover the same stories, the paired test on those stories
    stands for the pair (a paired design is tested as one) when those
    stories are at least :data:`PAIRED_SHARE` of the smaller outlet's
    articles; otherwise the test between all their articles."""
    articles = {o["name"]: o["articles"] for o in result["outlets"]}
    paired_tests = [t for t in result["paired"]["tests"]
                    if t["stories"] >= PAIRED_SHARE * min(articles[t["a"]], articles[t["b"]])]
    has_paired = {(t["metric"], frozenset((t["a"], t["b"]))) for t in paired_tests}
    standing = paired_tests + [t for t in result["tests"]
                               if (t["metric"], frozenset((t["a"], t["b"]))) not in has_paired]
    asym = ((result.get("sources") or {}).get("asymmetry") or {}).get("tests", [])

    def key(t: dict) -> tuple:
        effect = t.get("rank_biserial", t.get("effect_size"))
        return (-abs(effect or 0), t["p_adjusted"], t.get("metric", t.get("stance", "")),
                t.get("a", t.get("outlet", "")), t.get("b", t.get("side_a", "")))

    sig = sorted((t for t in standing + asym if t["significant"]), key=key)
    out = [t["statement"] for t in sig]
    if not out and standing:
        out.append(f"No difference between outlets is significant at {alpha:g} after "
                   f"correction ({len(standing) + len(asym)} tests); the largest differences "
                   f"follow.")
        out += [t["statement"] for t in sorted(standing, key=key)[:3]]
    if not out:
        n = len(result["tests"]) + len(result["paired"]["tests"])
        out.append(f"No difference between outlets is significant at {alpha:g} after "
                   f"correction over {n} tests." if n else
                   "Too few articles per outlet for tests between outlets.")
    return out


def compare(lines: Iterable[Mapping[str, Any]], **settings: Any) -> dict[str, Any]:
    """Compare outlets over analysed article lines (see :class:`Comparer`)."""
    return Comparer(**settings).add_all(lines).result()


CSV_COLUMNS = ("outlet", "metric", "unit", "n", "value", "mean", "median", "ci_low", "ci_high",
               "sd", "min", "max")


def csv_rows(result: Mapping[str, Any]) -> list[dict[str, Any]]:
    """comparison.csv: one row per outlet × metric. Distribution metrics fill
    n/mean/median/CI; counts and shares fill ``value`` (with its n)."""
    from .export import snake

    rows: list[dict[str, Any]] = []

    def row(outlet: str, metric: str, unit: str, **cells: Any) -> None:
        rows.append({c: cells.get(c) for c in CSV_COLUMNS} | {"outlet": outlet, "metric": metric,
                                                              "unit": unit})

    units = {m["key"]: m["unit"] for m in result["metrics"]}
    for o in result["outlets"]:
        name = o["name"]
        row(name, "articles", "articles", value=o["articles"])
        row(name, "total_words", "words", value=o["words"])
        for key, d in o["metrics"].items():
            row(name, key, units.get(key, ""), **{k: d.get(k) for k in
                                                   ("n", "mean", "median", "ci_low", "ci_high",
                                                    "sd", "min", "max")})
        q = result["quotes"].get(name, {})
        if q:
            row(name, "quotes_total", "quotations", value=q.get("total"))
            for group in ("by_kind", "by_speaker_type", "by_cue_category"):
                for k, v in q.get(group, {}).items():
                    row(name, f"quotes_{group[3:]}_{snake(k)}", "share of quotations",
                        value=v["share"], n=v["n"])
    from .sources import csv_rows as sources_rows

    for outlet, metric, unit, cells in sources_rows(result):
        row(outlet, metric, unit, **cells)
    for cell in result["actors"]["cells"]:
        row(cell["outlet"], f"actor_sentiment_{snake(cell['actor'])}", "mean score (-1..1)",
            value=cell["mean_score"], n=cell["articles"])
    for cell in result["actors"].get("group_cells", []):
        row(cell["outlet"], f"side_sentiment_{snake(cell['group'])}", "mean score (-1..1)",
            value=cell["mean_score"], n=cell["articles"])
    return rows
