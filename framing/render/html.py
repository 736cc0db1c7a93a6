"""``report.html``: the article with its evidence highlighted, in one
self-contained file (inline CSS, images as data: URIs, no scripts, no
external assets).

Each device has its own colour *and* its own form, so the view reads under
colour-vision deficiencies: rhetorical questions are tinted and underlined,
other questions dotted-underlined, hedges and boosters are chips with a
border, quotes are tinted with their speaker underlined in bold, actor
mentions are ringed, agentless passives, nominalisations and intransitive
reports have a wavy underline. Highlights nest (a hedge inside a quote inside a
question); where two findings cross, the inner one is split so the markup
stays well formed. Clicking a legend entry hides or shows that layer (pure
CSS). All text is escaped.
"""
from __future__ import annotations

import base64
from collections import defaultdict
from dataclasses import dataclass
from html import escape
from string import Template
from typing import Mapping, Optional

from ..metrics import LOW_CONFIDENCE
from ..report import ArticleReport
from .measures import diversity
from . import style as S
from .baseline import Baseline, actor_interval, actor_score, voice_shares
from .markdown import FIGURE_TITLES, article_title, band_name, summary_rows

#: layer → (legend label, CSS class of its spans); order = legend order
LAYERS = {
    "rhetorical": ("rhetorical question", "q-rhetorical"),
    "question": ("other question", "q-other"),
    "hedge": ("hedge", "hedge"),
    "booster": ("booster", "booster"),
    "quote": ("quote", "quote"),
    "speaker": ("speaker", "speaker"),
    "actor": ("actor mention", "actor"),
    "agency": ("agentless passive · nominalisation · intransitive", "agency"),
}
#: agency devices: a wavy underline (a form no other layer uses) in a dark magenta
AGENCY_COLOUR = "#A0306E"
#: nesting rank when two findings start together and end together (outer first)
RANK = {"quote": 0, "rhetorical": 1, "question": 1, "speaker": 2, "cue": 2, "actor": 3,
        "hedge": 4, "booster": 4, "agency": 5}


@dataclass
class Mark:
    start: int
    end: int
    layer: str
    classes: str
    title: str
    ident: str

    def open_tag(self) -> str:
        return (f'<span class="hl {self.classes}" data-id="{self.ident}" '
                f'title="{escape(self.title, quote=True)}">')


def marks(report: ArticleReport, n: int) -> list[Mark]:
    """Every highlight of the report, validated against the text length."""
    out: list[Mark] = []

    def add(start, end, layer, classes, title, ident):
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= n:
            out.append(Mark(start, end, layer, classes, title, ident))

    for i, q in enumerate(report.questions.items, 1):
        layer = "rhetorical" if q.rhetorical else "question"
        add(q.start, q.end, layer, f"{LAYERS[layer][1]} q-{q.type}" + _low(q.confidence),
            f"question {i} · {q.type} · {q.voice} voice" + _conf(q.confidence), f"q{i}")
    for i, h in enumerate(report.hedging.items, 1):
        add(h.start, h.end, h.kind, h.kind,
            f"{h.kind} {i} · {h.category.replace('_', ' ')} · {h.voice} voice", f"h{i}")
    for i, q in enumerate(report.quotes.items, 1):
        who = q.speaker or "unknown speaker"
        said = " ".join((q.speaker_text or "").split())
        if said and q.speaker and said.lower() not in q.speaker.lower():
            who = f"{said} → {q.speaker}"
        add(q.start, q.end, "quote", f"quote quote-{q.kind}" + _low(q.confidence),
            f"quote {i} · {q.kind} · {who}" + (f" ({q.cue})" if q.cue else "")
            + _conf(q.confidence), f"u{i}")
        if q.speaker_start is not None and q.speaker_end is not None:
            add(q.speaker_start, q.speaker_end, "speaker", "speaker",
                f"speaker of quote {i}: {who}", f"s{i}")
        if q.cue_start is not None and q.cue_end is not None:
            add(q.cue_start, q.cue_end, "cue", "cue", f"speech verb of quote {i}", f"c{i}")
    for k, it in enumerate(getattr(getattr(report, "sources", None), "items", None) or [], 1):
        if it.evidence is not None:  # the words that typed the source
            add(it.evidence.start, it.evidence.end, "speaker", "speaker source-type",
                f"source {it.name}: {it.type.replace('_', '/')} (from these words)", f"t{k}")
    for k, a in enumerate(report.actors.items, 1):
        for j, m in enumerate(a.mentions, 1):
            add(m.start, m.end, "actor", f"actor sent-{m.label}",
                f"{a.name} · mention {j} · {m.label} ({m.score:+.2f})", f"a{k}-{j}")
    for i, it in enumerate(report.agency.items, 1):
        if it.kind == "passive" and not it.agentless:
            continue  # a passive that names its doer deletes no agency
        detail = "agentless" if it.agentless else f"by {it.agent_text}"
        add(it.start, it.end, "agency", f"agency agency-{it.kind}",
            f"{it.kind} {i} · {detail} · {it.voice} voice", f"g{i}")
    return out


def _conf(value: Optional[float]) -> str:
    """" · confidence 0.77" for a title; "" when the rules decided (0)."""
    if not value:
        return ""
    return f" · confidence {value:.2f}" + (" (low)" if value < LOW_CONFIDENCE else "")


def _low(value: Optional[float]) -> str:
    """The CSS class that marks a low-confidence finding (a dashed outline)."""
    return " low" if value and value < LOW_CONFIDENCE else ""


def highlight(text: str, report: ArticleReport) -> str:
    """The escaped article with nested highlight spans."""
    ms = marks(report, len(text))
    starts: dict[int, list[Mark]] = defaultdict(list)
    for m in ms:
        starts[m.start].append(m)
    points = sorted({0, len(text), *(m.start for m in ms), *(m.end for m in ms)})
    out: list[str] = []
    stack: list[Mark] = []
    pos = 0
    for p in points:
        out.append(escape(text[pos:p], quote=False))
        pos = p
        if any(m.end == p for m in stack):
            reopen = []
            while any(m.end == p for m in stack):
                m = stack.pop()
                out.append("</span>")
                if m.end != p:
                    reopen.append(m)
            for m in reversed(reopen):
                out.append(m.open_tag())
                stack.append(m)
        for m in sorted(starts.get(p, ()), key=lambda m: (-m.end, RANK.get(m.layer, 9))):
            out.append(m.open_tag())
            stack.append(m)
    out.extend("</span>" for _ in stack)
    return "".join(out)


CSS = """
:root { color-scheme: light; --ink: #1a1a1a; --muted: #5c5c5c; --rule: #d9d9d9;
  --paper: #ffffff; --panel: #f6f6f4; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--paper); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
header, main, .figures, .measures, footer { max-width: 76rem; margin: 0 auto; padding: 0 1.5rem; }
header { padding-top: 1.75rem; padding-bottom: .5rem; border-bottom: 1px solid var(--rule); }
.kicker { margin: 0; font-size: .78rem; letter-spacing: .08em; text-transform: uppercase;
  color: var(--muted); }
h1 { margin: .2rem 0 .35rem; font-size: 1.9rem; line-height: 1.2; }
h2 { font-size: .95rem; margin: 0 0 .5rem; }
.meta { margin: 0 0 .75rem; color: var(--muted); font-size: .9rem; }
main { display: grid; grid-template-columns: minmax(0, 46rem) 24rem; gap: 3rem;
  justify-content: space-between; padding-top: 1.5rem; align-items: start; }
.toggle { position: absolute; opacity: 0; width: 1px; height: 1px; pointer-events: none; }
aside { grid-column: 2; grid-row: 1; position: sticky; top: 1rem; font-size: .86rem; }
aside section { background: var(--panel); border-radius: 8px; padding: .8rem .9rem;
  margin-bottom: 1rem; }
article { grid-column: 1; grid-row: 1; }
.article-text { white-space: pre-wrap; overflow-wrap: break-word;
  font: 18px/1.75 Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia,
  "DejaVu Serif", serif; margin: 0; }
.legend ul { list-style: none; margin: 0; padding: 0; }
.legend li { margin: .15rem 0; }
.legend label { display: flex; align-items: center; gap: .55rem; cursor: pointer;
  padding: .12rem .3rem; border-radius: 4px; }
.legend label:hover { background: #ebebe7; }
.legend .count { margin-left: auto; font-variant-numeric: tabular-nums; color: var(--muted); }
.legend .sample { font: 14px/1.6 Georgia, "DejaVu Serif", serif; padding: 0 .15rem; }
.hint { margin: .5rem 0 0; color: var(--muted); font-size: .78rem; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: .22rem .3rem; text-align: right; vertical-align: baseline; }
th:first-child, td:first-child { text-align: left; }
.metrics td + td { white-space: nowrap; }
thead th { font-weight: 600; border-bottom: 1px solid #999; font-size: .78rem; }
tbody tr + tr td { border-top: 1px solid var(--rule); }
.unit { display: block; color: var(--muted); font-size: .74rem; margin-top: -.15rem; }
.above { color: #a34400; font-weight: 600; }
.below { color: #005a8c; font-weight: 600; }
.note { color: var(--muted); font-size: .78rem; margin: .45rem 0 0; }
.bar { height: .55rem; background: #e5e5e1; border-radius: 2px; position: relative;
  margin-top: .15rem; }
.bar span { position: absolute; top: 0; bottom: 0; border-radius: 2px; }
.voice td { text-align: left; }
.voice .num { text-align: right; white-space: nowrap; }
.empty { color: var(--muted); font-style: italic; }
.figures { padding-top: 1rem; padding-bottom: 1rem; }
.figures h2 { font-size: 1.1rem; }
.figgrid { display: grid; grid-template-columns: repeat(auto-fit, minmax(26rem, 1fr));
  gap: 1.5rem; }
figure { margin: 0; }
figure img { width: 100%; height: auto; border: 1px solid var(--rule); border-radius: 6px; }
figcaption { font-size: .8rem; color: var(--muted); margin-top: .3rem; }
footer { color: var(--muted); font-size: .78rem; padding-top: 1rem; padding-bottom: 2rem;
  border-top: 1px solid var(--rule); }
/* highlights: colour and form differ per device */
.hl { border-radius: 3px; }
.q-rhetorical { background: ${t_rhet}; text-decoration: underline 3px ${rhet};
  text-underline-offset: .28em; text-decoration-skip-ink: none; }
.q-other { text-decoration: underline dotted 2.5px ${question}; text-underline-offset: .28em;
  text-decoration-skip-ink: none; }
.quote { background: ${t_quote}; }
.quote-indirect { background: ${t_quote_ind}; }
.speaker { font-weight: 700; color: #00664a; box-shadow: inset 0 -2px 0 ${quote}; }
.cue { font-style: italic; color: #00664a; }
.hedge { background: ${t_hedge}; box-shadow: inset 0 0 0 1.5px ${hedge}; padding: 0 .1em; }
.booster { background: ${t_booster}; box-shadow: inset 0 0 0 1.5px ${booster};
  padding: 0 .1em; }
.actor { background: ${t_actor}; box-shadow: 0 0 0 2px ${actor}; }
.hedge, .booster { font-weight: 600; }
.low { outline: 1.5px dashed #8a6d00; outline-offset: 1px; }
.agency { text-decoration: underline wavy ${agency}; text-decoration-thickness: 1.5px;
  text-underline-offset: .22em; text-decoration-skip-ink: none; }
/* layer toggles (legend entries are labels of the hidden checkboxes) */
${toggles}
@media (max-width: 62rem) {
  main { grid-template-columns: minmax(0, 1fr); }
  aside, article { grid-column: 1; grid-row: auto; position: static; }
  article { order: -1; }  /* narrow screens: the article first, the panels after it */
}
@media print { aside { position: static; } .hint { display: none; } }
"""

#: what hiding a layer switches off: layer → [(selector, declarations)]
TOGGLES = {
    "rhetorical": [(".q-rhetorical", "background: none; text-decoration: none;")],
    "question": [(".q-other", "text-decoration: none;")],
    "hedge": [(".hedge", "background: none; box-shadow: none; font-weight: inherit;")],
    "booster": [(".booster", "background: none; box-shadow: none; font-weight: inherit;")],
    "quote": [(".quote", "background: none;"), (".cue", "font-style: inherit; color: inherit;")],
    "speaker": [(".speaker", "font-weight: inherit; color: inherit; box-shadow: none;")],
    "actor": [(".actor", "background: none; box-shadow: none;")],
    "agency": [(".agency", "text-decoration: none;")],
}


def _css() -> str:
    toggles = []
    for layer, rules in TOGGLES.items():
        off = f"#show-{layer}:not(:checked)"
        toggles += [f"{off} ~ article {sel} {{ {body} }}" for sel, body in rules]
        toggles.append(f"{off} ~ aside label[for=show-{layer}] "
                       f"{{ opacity: .45; text-decoration: line-through; }}")
        toggles.append(f"#show-{layer}:focus-visible ~ aside label[for=show-{layer}] "
                       f"{{ outline: 2px solid {S.BLUE}; }}")
    return Template(CSS).substitute(
        t_rhet=S.TINT["rhetorical"], rhet=S.DEVICE["rhetorical"], question=S.DEVICE["question"],
        t_quote=S.TINT["quote"], t_quote_ind="#EDF7F3", quote=S.DEVICE["quote"],
        t_hedge=S.TINT["hedge"], hedge=S.DEVICE["hedge"], t_booster=S.TINT["booster"],
        booster=S.DEVICE["booster"], t_actor=S.TINT["actor"], actor=S.DEVICE["actor"],
        agency=AGENCY_COLOUR,
        toggles="\n".join(toggles))


def _legend(report: ArticleReport) -> str:
    counts = {
        "rhetorical": sum(1 for q in report.questions.items if q.rhetorical),
        "question": sum(1 for q in report.questions.items if not q.rhetorical),
        "hedge": sum(1 for h in report.hedging.items if h.kind == "hedge"),
        "booster": sum(1 for h in report.hedging.items if h.kind == "booster"),
        "quote": len(report.quotes.items),
        "speaker": sum(1 for q in report.quotes.items if q.speaker_start is not None),
        "actor": sum(len(a.mentions) for a in report.actors.items),
        "agency": sum(1 for it in report.agency.items
                      if it.kind != "passive" or it.agentless),
    }
    samples = {"rhetorical": "Why?", "question": "Who?", "hedge": "may", "booster": "clearly",
               "quote": "“…”", "speaker": "Name", "actor": "Actor", "agency": "was fired"}
    items = []
    for layer, (label, cls) in LAYERS.items():
        extra = " q-rhetorical" if layer == "rhetorical" else ""
        items.append(f'<li><label for="show-{layer}"><span class="sample hl {cls}{extra}">'
                     f'{escape(samples[layer])}</span> {escape(label)}'
                     f'<span class="count">{counts[layer]}</span></label></li>')
    return ('<section class="legend"><h2>Highlights</h2><ul>' + "".join(items) + "</ul>"
            '<p class="hint">Click an entry to hide or show it. Hover a highlight for '
            "details.</p></section>")


def _metrics(report: ArticleReport, baseline: Optional[Baseline]) -> str:
    band = "IQR" if band_name(baseline) == "interquartile range" else "range"
    rows = []
    for label, unit, value, median, spread, vs in summary_rows(report, baseline):
        cls = f' class="{vs}"' if vs in ("above", "below") else ""
        rows.append(f'<tr><td>{escape(label)}<span class="unit">{escape(unit)}</span></td>'

                    f"<td{cls}>{escape(value)}</td><td>{escape(median)}</td>"
                    f"<td>{escape(spread)}</td></tr>")
    note = (f"Baseline: {escape(baseline.description)}. Values outside the baseline {band} are "
            f'<span class="above">above</span> or <span class="below">below</span>.'
            if baseline is not None and baseline.articles else "No baseline corpus.")
    return ('<section class="metrics"><h2>Key metrics</h2><table><thead><tr><th>measure</th>'
            f"<th>article</th><th>baseline median</th><th>{band}</th></tr></thead><tbody>"
            + "".join(rows) + f'</tbody></table><p class="note">{note}</p></section>')


def _voices(report: ArticleReport) -> str:
    words = report.stats.words
    voices = voice_shares(report)
    if not words:
        return ""
    rows = []
    for v in voices:
        share = 100.0 * v.words / words
        colour = S.DEVICE["author"] if v.is_author else S.DEVICE["quote"]
        rows.append(f'<tr><td>{escape(v.label)}<div class="bar"><span style="left:0;'
                    f'width:{share:.2f}%;background:{colour}"></span></div></td>'
                    f'<td class="num">{v.words:,} words<br>{share:.1f} %</td></tr>')
    empty = "" if len(voices) > 1 else '<p class="empty">No quotes found.</p>'
    return ('<section class="voices"><h2>Voices (share of words)</h2><table class="voice">'
            "<tbody>" + "".join(rows) + "</tbody></table>" + empty + "</section>")


def _actors(report: ArticleReport) -> str:
    actors = sorted(report.actors.items, key=lambda a: (-len(a.mentions), a.name))
    if not actors:
        return ('<section class="actors"><h2>Actors</h2><p class="empty">No actors found.</p>'
                "</section>")
    rows = []
    for a in actors:
        score = actor_score(a)
        iv = actor_interval(a)
        label = a.label or "–"
        colour = S.SENTIMENT.get(label, S.GREY)
        if score is None:
            bar = ""
        else:
            left, w = (50.0, 50.0 * score) if score >= 0 else (50.0 + 50.0 * score, -50.0 * score)
            bar = (f'<div class="bar" title="−1 … +1"><span style="left:{left:.2f}%;'
                   f'width:{w:.2f}%;background:{colour}"></span><span style="left:50%;width:1px;'
                   f'background:#4d4d4d"></span></div>')
        ci = (f"<br>95 % {iv[0]:+.2f} to {iv[1]:+.2f}".replace("-", "−") if iv else "")
        rows.append(f"<tr><td>{escape(a.name)}{bar}</td><td class=\"num\">"
                    f"{'–' if score is None else f'{score:+.2f}'.replace('-', '−')} "
                    f"{escape(label)}<br>"
                    f"{len(a.mentions)} mention{'s' if len(a.mentions) != 1 else ''}{ci}</td></tr>")
    return ('<section class="actors"><h2>Actors (sentiment −1 … +1)</h2><table class="voice">'
            "<tbody>" + "".join(rows) + "</tbody></table></section>")


def _sources(report: ArticleReport) -> str:
    """Quoted sources by type, with the words that gave each type."""
    src = getattr(report, "sources", None)
    if src is None or not src.items:
        return ""
    rows = []
    for it in src.items:
        ev = escape(it.evidence.text) if it.evidence else "–"
        side = f" · {escape(it.group)}" if it.group else ""
        lede = " · lede" if it.in_lede else ""
        rows.append(f"<tr><td>{escape(it.name)}<br><small>“{ev}”</small></td>"
                    f"<td class=\"num\">{escape(it.type.replace('_', '/'))}{side}{lede}<br>"
                    f"{it.quotes} quote{'s' if it.quotes != 1 else ''}</td></tr>")
    return (f'<section class="sources"><h2>Sources by type ({escape(diversity(src))})</h2>'
            '<table class="voice"><tbody>' + "".join(rows) + "</tbody></table></section>")


def _figures(figures: Mapping[str, bytes]) -> str:
    if not figures:
        return ""
    items = []
    order = ["rates", "positions", "voice_share", "actor_sentiment"]
    for stem, data in sorted(figures.items(),
                             key=lambda kv: order.index(kv[0]) if kv[0] in order else 99):
        title = FIGURE_TITLES.get(stem, stem)
        b64 = base64.b64encode(data).decode("ascii")
        items.append(f'<figure><img src="data:image/png;base64,{b64}" alt="{escape(title)}">'
                     f"<figcaption>{escape(title)}</figcaption></figure>")
    return ('<section class="figures"><h2>Figures</h2><div class="figgrid">' + "".join(items)
            + "</div></section>")


def _measures(report: ArticleReport) -> str:
    from .measures import TITLE, intro, rows

    body = "".join(f"<tr><th>{escape(label)}</th><td>{escape(d)}</td><td>{escape(acc)}</td></tr>"
                   for label, d, acc in rows(report))
    return (f'<section class="measures"><h2>{escape(TITLE)}</h2><p class="note">'
            f'{escape(intro(report))} In the article a low-confidence finding has a '
            f'<span class="hl low">dashed outline</span>.</p><table class="voice"><thead>'
            "<tr><th>measure</th><th>what it counts</th><th>measured accuracy</th></tr></thead>"
            f"<tbody>{body}</tbody></table></section>")


def to_html(report: ArticleReport, text: str, *, baseline: Optional[Baseline] = None,
            figures: Optional[Mapping[str, bytes]] = None) -> str:
    """The HTML view. ``figures``: PNG bytes by stem to embed (optional)."""
    title = article_title(report, text)
    s = report.stats
    meta = " · ".join(x for x in (report.source, f"{s.words:,} words",
                                  f"{s.sentences:,} sentences", f"{s.paragraphs:,} paragraphs")
                      if x)
    toggles = "".join(f'<input type="checkbox" class="toggle" id="show-{layer}" checked '
                      f'aria-label="show {escape(label)}s">'
                      for layer, (label, _) in LAYERS.items())
    warnings = ""
    if report.warnings:
        warnings = ("<p class=\"note\">Warnings: " + "; ".join(escape(w) for w in report.warnings)
                    + "</p>")
    gen = f"framing {report.version}".strip() if report.version else "framing"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{escape(gen)}">
<title>{escape(title)} · framing report</title>
<style>{_css()}</style>
</head>
<body>
<header>
<p class="kicker">framing report</p>
<h1>{escape(title)}</h1>
<p class="meta">{escape(meta)}</p>
</header>
<main id="view">
{toggles}
<aside>
{_legend(report)}
{_metrics(report, baseline)}
{_voices(report)}
{_actors(report)}
{_sources(report)}
</aside>
<article>
<div class="article-text" id="article">{highlight(text, report)}</div>
{warnings}
</article>
</main>
{_figures(figures or {})}
{_measures(report)}
<footer>{escape(gen)} · {escape(report.schema)} · every highlight is a finding of the report;
offsets are character positions in the analysed text.</footer>
</body>
</html>
"""
