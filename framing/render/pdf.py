"""``report.pdf``: a multi-page A4 report drawn with matplotlib.

Page 1 sets the key metrics against the baseline (a table and two charts);
then one page per analyzer — questions, hedges and boosters, quotes, actors —
each with its chart and evidence excerpts: findings in their sentence, the
finding highlighted in its device's tint, as many as fit (``max_section_pages``
allows more pages); the count of the rest is given, and every finding is in
report.md and report.html.

Layout is done by hand in points (:mod:`.pdf_page`, no layout engine), so
pages come out the same every run; the file carries no creation date, so the
same report gives byte-identical PDF bytes.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from ..report import ArticleReport
from . import figures as F
from . import style as S
from .baseline import Baseline, actor_score, article_metrics
from .markdown import (Excerpt, article_title, attribution, band_name, confidence_text,
                       excerpt, excerpt_spans, fmt, mention_context, summary_rows)
from .pdf_page import BODY, BOTTOM, H, LEFT, LINE, RIGHT, TOP, W, Page, Word, ellipsize, flow

META_W = 124.0        # width of the evidence meta column
MAX_SECTION_PAGES = 1  # default: one page per analyzer
CONTEXT = 110         # characters of context either side of a finding (sentence permitting)
QUOTE_MAX = 280       # longer quotes are cut (with …) in the PDF; report.md has them whole


def runs_of(e: Excerpt, tag: str) -> list[tuple[str, Optional[str]]]:
    return [("… " if e.lead else "", None), (e.pre, None), (e.mid, tag), (e.post, None),
            (" …" if e.trail else "", None)]


@dataclass
class Row:
    """One evidence row: a coloured swatch, two meta lines and an excerpt."""

    colour: str
    meta: list[tuple[str, str]]            # (text, "bold"|"dim"|"sentiment:<label>")
    runs: list[tuple[str, Optional[str]]]
    findings: int = 1
    lines: list[list[Word]] = field(default_factory=list)

    def layout(self) -> float:
        self.lines = flow(self.runs, W - LEFT - RIGHT - META_W)
        return max(len(self.lines), len(self.meta)) * LINE + 7.0

    def draw(self, page: Page, y: float) -> None:
        base = y + BODY
        page.swatch(LEFT, base, self.colour)
        for k, (s, how) in enumerate(self.meta):
            yy = base + k * LINE
            s = ellipsize(s, META_W - 22, BODY if k == 0 else S.SMALL_SIZE,
                          "bold" if how == "bold" else "normal")
            if how == "bold":
                page.text(LEFT + 11, yy, s, BODY, weight="bold")
            elif how.startswith("sentiment:"):
                page.text(LEFT + 11, yy, s, S.SMALL_SIZE,
                          color=S.SENTIMENT.get(how.split(":", 1)[1], S.DARK_GREY))
            else:
                page.text(LEFT + 11, yy, s, S.SMALL_SIZE, color=S.DARK_GREY)
        page.lines(LEFT + META_W, base, self.lines)


@dataclass
class Section:
    title: str
    lead: str
    chart_rows: int
    row_h: float
    draw_chart: Callable
    rows: list[Row]
    empty: str
    chart_foot: float = 44.0


# -- content ------------------------------------------------------------------------------
def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _vs(report: ArticleReport, baseline: Optional[Baseline], key: str) -> str:
    if baseline is None or not baseline.get(key).n:
        return ""
    return f"; baseline median {fmt(baseline.get(key).median)}"


def _by_sentence(items: list) -> list[list]:
    """Consecutive findings of the same sentence, grouped (one evidence row
    per sentence instead of the sentence repeated for each cue)."""
    groups: list[list] = []
    for i, it in items:
        key = (it.sentence_start, it.sentence_end)
        if groups and key == (groups[-1][-1][1].sentence_start, groups[-1][-1][1].sentence_end) \
                and key[1] > key[0]:
            groups[-1].append((i, it))
        else:
            groups.append([(i, it)])
    return groups


def _named_as(q) -> str:
    """" · as “he”" when the text names the speaker otherwise than by name."""
    said = attribution(q)
    return f" · as “{said.split(' → ')[0]}”" if " → " in said else ""


def _numbers(nums: list[int]) -> str:
    if len(nums) > 2 and nums == list(range(nums[0], nums[-1] + 1)):
        return f"{nums[0]}–{nums[-1]}"
    return ", ".join(str(n) for n in nums)


def sections(report: ArticleReport, text: str, baseline: Optional[Baseline]) -> list[Section]:
    q, h = report.questions, report.hedging
    out = []
    rows = []
    for i, it in enumerate(q.items, 1):
        kind = "rhetorical" if it.rhetorical else "question"
        conf = confidence_text(it.confidence)
        rows.append(Row(S.DEVICE[kind], [(f"{i}  {it.type}", "bold"),
                                         (f"{it.voice} voice · {conf}", "dim")],
                        runs_of(excerpt(text, it.start, it.end, it.sentence_start,
                                        it.sentence_end, CONTEXT), kind)))
    out.append(Section(
        "Questions",
        f"{_plural(q.count, 'question')} ({fmt(q.questions_per_1k_words)} per 1,000 words"
        f"{_vs(report, baseline, 'questions_per_1k')}) · {q.rhetorical} rhetorical "
        f"({fmt(q.rhetorical_per_1k_words)} per 1,000 words"
        f"{_vs(report, baseline, 'rhetorical_per_1k')}) · {q.hypophora} hypophora · "
        f"{q.information} information",
        2, 26.0,
        lambda ax: F.draw_rates(ax, report, baseline, ("questions_per_1k", "rhetorical_per_1k"),
                                title="Questions per 1,000 words, against the baseline"),
        rows, "No questions found in this article."))
    rows = []
    for group in _by_sentence(list(enumerate(h.items, 1))):
        kinds = [it.kind for _, it in group]
        nums = _numbers([i for i, _ in group])
        if len(group) == 1:
            meta = [(f"{nums}  {kinds[0]}", "bold"),
                    (f"{group[0][1].category.replace('_', ' ')} · {group[0][1].voice}", "dim")]
        else:
            counts = [f"{kinds.count(k)} {k}{'s' if kinds.count(k) != 1 else ''}"
                      for k in ("hedge", "booster") if k in kinds]
            voices = sorted({it.voice for _, it in group})
            voice = voices[0] if len(voices) == 1 else "mixed"
            meta = [(nums, "bold"), (", ".join(counts) + " · " + voice, "dim")]
        colour = S.DEVICE[kinds[0]] if len(set(kinds)) == 1 else S.DARK_GREY
        it0 = group[0][1]
        rows.append(Row(colour, meta, excerpt_spans(
            text, [(it.start, it.end, it.kind) for _, it in group], it0.sentence_start,
            it0.sentence_end, CONTEXT), findings=len(group)))
    out.append(Section(
        "Hedges and boosters",
        f"{_plural(h.hedges, 'hedge')} ({fmt(h.hedges_per_1k_words)} per 1,000 words"
        f"{_vs(report, baseline, 'hedges_per_1k')}) · {_plural(h.boosters, 'booster')} "
        f"({fmt(h.boosters_per_1k_words)} per 1,000 words"
        f"{_vs(report, baseline, 'boosters_per_1k')})",
        2, 26.0,
        lambda ax: F.draw_rates(ax, report, baseline, ("hedges_per_1k", "boosters_per_1k"),
                                title="Hedges and boosters per 1,000 words, against the baseline"),
        rows, "No hedges or boosters found in this article."))
    rows = []
    for i, it in enumerate(report.quotes.items, 1):
        parts = [tuple(p) for p in (getattr(it, "parts", None) or []) if len(p) == 2
                 and it.start <= p[0] < p[1] <= it.end] or [(it.start, it.end)]
        end = it.end
        if end - it.start > QUOTE_MAX:  # cut long quotes at a space
            end = text.rfind(" ", it.start, it.start + QUOTE_MAX) if text else -1
            end = end if end > it.start else it.start + QUOTE_MAX
        spans = [(s_, min(e_, end), "quote") for s_, e_ in parts if s_ < end]
        runs = (excerpt_spans(text, spans, it.start, end, context=QUOTE_MAX) if text else []) \
            or [(it.text, "quote")]
        if end < it.end:
            runs.append((" …", None))
        if it.cue:
            runs.append((f" — {it.cue}", "dim"))
        rows.append(Row(S.DEVICE["quote"] if it.speaker else "#7CC7B2",
                        [(it.speaker or "(unknown speaker)", "bold"),
                         (f"{i}  {it.kind} · {confidence_text(it.confidence)}"
                          + _named_as(it), "dim")],
                        runs))
    m = article_metrics(report)
    out.append(Section(
        "Quotes",
        f"{_plural(len(report.quotes.items), 'quote')} · {fmt(m['quoted_share'])} % of the words "
        f"quoted{_vs(report, baseline, 'quoted_share')} · "
        f"{_plural(int(m['speakers'] or 0), 'named speaker')}",
        min(len(F.voice_shares(report)), F.MAX_VOICES + 1), 21.0,
        lambda ax: F.draw_voice_share(ax, report), rows, "No quotes found in this article."))
    rows = []
    actors = sorted(report.actors.items, key=lambda a: (-len(a.mentions), a.name))
    # each actor's strongest mention first, then each one's next strongest, …,
    # so the rows that fit on the page give evidence for as many actors as possible
    ranked = [sorted(a.mentions, key=lambda m_: (-abs(m_.score), m_.start)) for a in actors]
    order = [(a, ms[r]) for r in range(max(map(len, ranked), default=0))
             for a, ms in zip(actors, ranked) if r < len(ms)]
    for a, m_ in order:
        rows.append(Row(S.SENTIMENT.get(m_.label, S.GREY),
                        [(a.name, "bold"),
                         (f"{m_.label} · {m_.score:+.2f}".replace("-", "−"),
                          f"sentiment:{m_.label}")],
                        runs_of(mention_context(text, m_.start, m_.end, CONTEXT), "actor")))
    scores = ", ".join(f"{a.name} {actor_score(a):+.2f}".replace("-", "−")
                       for a in actors[:4] if actor_score(a) is not None)
    out.append(Section(
        "Actors",
        f"{_plural(len(actors), 'actor')} · "
        f"{_plural(sum(len(a.mentions) for a in actors), 'mention')}"
        + (f" · {scores}" if scores else ""),
        max(min(len(actors), F.MAX_ACTORS), 1) if actors else 3, 23.0,
        lambda ax: F.draw_actor_sentiment(ax, report), rows, "No actors found in this article."))
    return out


# -- the document ----------------------------------------------------------------------------
def _summary_page(page: Page, report: ArticleReport, text: str,
                  baseline: Optional[Baseline]) -> None:
    y = TOP + 16
    title_lines = flow([(article_title(report, text), None)], W - LEFT - RIGHT, 17.0)[:2]
    for ln in title_lines:
        page.text(LEFT, y, " ".join(w.text for w in ln), 17.0, weight="bold")
        y += 22
    s = report.stats
    meta = " · ".join(x for x in (report.source, f"{s.words:,} words",
                                  f"{s.sentences:,} sentences", f"{s.paragraphs:,} paragraphs")
                      if x)
    page.text(LEFT, y, meta, S.BASE_SIZE, color=S.DARK_GREY)
    y += 26
    page.text(LEFT, y, "Key metrics against the baseline", S.TITLE_SIZE + 1, weight="bold")
    y += 14
    bl = (f"Baseline: {baseline.description}; band = baseline {band_name(baseline)}."
          if baseline is not None and baseline.articles else "No baseline corpus.")
    page.text(LEFT, y, bl, S.SMALL_SIZE + 0.5, color=S.DARK_GREY)
    y += 10
    band = "IQR" if band_name(baseline) == "interquartile range" else "range"
    cols = [(LEFT, "left", "measure"), (LEFT + 116, "left", "unit"),
            (LEFT + 290, "right", "this article"), (LEFT + 350, "right", "median"),
            (LEFT + 420, "right", band), (LEFT + 436, "left", "vs. baseline")]
    page.rule(y, lw=0.8, color=S.DARK_GREY)
    y += 11
    page.text(LEFT + 363, y, "baseline", S.SMALL_SIZE + 0.5, weight="bold", ha="center")
    page.rule(y + 3, LEFT + 306, LEFT + 420, lw=0.5, color=S.DARK_GREY)
    y += 13
    for x, ha, head in cols:
        page.text(x, y, head, S.SMALL_SIZE + 0.5, weight="bold", ha=ha)
    y += 5
    page.rule(y, lw=0.5, color=S.DARK_GREY)
    y += 13
    for row in summary_rows(report, baseline):
        for k, ((x, ha, _), cell) in enumerate(zip(cols, row)):
            kw = dict(ha=ha)
            if k == 0:
                kw["weight"] = "bold"
            if k == 1:
                kw["color"] = S.DARK_GREY
            if k == 5 and cell in ("above", "below"):
                kw["weight"] = "bold"
            page.text(x, y, cell, S.BASE_SIZE - 0.5 if k != 1 else S.SMALL_SIZE + 0.5, **kw)
        y += 12.5
    page.rule(y - 10, lw=0.8, color=S.DARK_GREY)
    y += 10
    y = page.chart(y - 8, 4, 19.0, lambda ax: F.draw_rates(ax, report, baseline), foot=30)
    n = len(F.position_rows(report))
    page.chart(y, n, min(18.0, (H - BOTTOM - 30 - y - 62 - 48) / max(n, 1)),
               lambda ax: F.draw_positions(ax, report), foot=48)


def _measures_page(page: Page, report: ArticleReport) -> None:
    """The codebook's definitions and the measured accuracy of each measure,
    for the sentiment model the report was made with."""
    from .measures import TITLE, intro, rows

    y = TOP + 16
    page.text(LEFT, y, TITLE, S.TITLE_SIZE + 1, weight="bold")
    y += 18
    width = W - LEFT - RIGHT
    for ln in flow([(intro(report) + " Marked: ⚠ low.", None)], width, BODY):
        page.text(LEFT, y, " ".join(w.text for w in ln), BODY, color=S.DARK_GREY)
        y += 11.5
    y += 8
    for label, definition, accuracy in rows(report):
        page.text(LEFT, y, label, S.BASE_SIZE + 0.5, weight="bold")
        y += 13
        for runs, color in ((definition, S.INK), ("Accuracy: " + accuracy, S.DARK_GREY)):
            for ln in flow([(runs, None)], width, BODY):
                page.text(LEFT, y, " ".join(w.text for w in ln), BODY, color=color)
                y += 11.5
        y += 8


def _section_pages(sec: Section, max_pages: int = MAX_SECTION_PAGES
                   ) -> list[Callable[[Page], None]]:
    """Paginate one section: the chart and the first rows on its first page."""
    heights: list[float] = []
    chart_h = 62 + sec.chart_rows * sec.row_h + sec.chart_foot
    pages: list[list[int]] = [[]]
    y = TOP + 16 + 30 + chart_h + 22      # title, lead, chart, "Evidence" heading
    limit = H - BOTTOM - 6
    for k, row in enumerate(sec.rows):
        hgt = row.layout()
        heights.append(hgt)
        if y + hgt > limit and pages[-1]:
            if len(pages) >= max_pages:
                break
            pages.append([])
            y = TOP + 16 + 18
        pages[-1].append(k)
        y += hgt
    shown = sum(len(p) for p in pages)
    hidden = sum(r.findings for r in sec.rows[shown:])

    def first(page: Page, idx=pages[0]) -> None:
        y = TOP + 16
        page.text(LEFT, y, sec.title, 17.0, weight="bold")
        y += 16
        lead = flow([(sec.lead, None)], W - LEFT - RIGHT, S.BASE_SIZE)
        for ln in lead[:2]:
            page.text(LEFT, y, " ".join(w.text for w in ln), S.BASE_SIZE, color=S.DARK_GREY)
            y += 12
        y = page.chart(y + 2, sec.chart_rows, sec.row_h, sec.draw_chart, foot=sec.chart_foot)
        page.text(LEFT, y, "Evidence", S.TITLE_SIZE + 1, weight="bold")
        y += 8
        page.rule(y, lw=0.6, color=S.DARK_GREY)
        y += 6
        if not sec.rows:
            page.text(LEFT, y + 14, sec.empty, S.BASE_SIZE, color=S.GREY, style="italic")
        _rows(page, y, idx, last=len(pages) == 1)

    def more(page: Page, idx) -> None:
        y = TOP + 16
        page.text(LEFT, y, f"{sec.title} (continued)", 13.0, weight="bold")
        y += 10
        page.rule(y, lw=0.6, color=S.DARK_GREY)
        _rows(page, y + 6, idx, last=idx is pages[-1])

    def _rows(page: Page, y: float, idx: list[int], last: bool) -> None:
        for k in idx:
            sec.rows[k].draw(page, y)
            y += heights[k]
            page.rule(y - 4, lw=0.3)
        if last and hidden > 0:
            page.text(LEFT, y + 10, f"+ {hidden} more finding{'s' if hidden != 1 else ''} not "
                      f"shown here: every finding is listed, in its sentence, in report.md and "
                      f"report.html.", S.BASE_SIZE, color=S.DARK_GREY)

    return [first] + [lambda page, idx=idx: more(page, idx) for idx in pages[1:]]


def pdf_bytes(report: ArticleReport, text: str, baseline: Optional[Baseline] = None, *,
              max_section_pages: int = MAX_SECTION_PAGES) -> bytes:
    """The multi-page report as PDF bytes (deterministic): the summary page,
    then each analyzer's section on at most ``max_section_pages`` pages —
    findings that do not fit are counted at the foot of the section (all of
    them are in report.md and report.html)."""
    from matplotlib.backends.backend_pdf import PdfPages

    with S.context():
        plan: list[Callable[[Page], None]] = [
            lambda page: _summary_page(page, report, text, baseline)]
        for sec in sections(report, text, baseline):
            plan += _section_pages(sec, max_section_pages)
        plan.append(lambda page: _measures_page(page, report))
        foot = " · ".join(x for x in (f"framing {report.version}" if report.version else "framing",
                                      report.source, report.schema) if x)
        buf = io.BytesIO()
        meta = dict(S.PDF_METADATA, Title=f"framing report: {article_title(report, text)}")
        with S.lean_font_subsets(), PdfPages(buf, metadata=meta) as pdf:
            for n, draw in enumerate(plan, 1):
                page = Page()
                draw(page)
                page.footer(foot, n, len(plan))
                pdf.savefig(page.fig)
        return buf.getvalue()


def write_pdf(report: ArticleReport, text: str, path: str | Path,
              baseline: Optional[Baseline] = None) -> Path:
    path = Path(path)
    path.write_bytes(pdf_bytes(report, text, baseline))
    return path
