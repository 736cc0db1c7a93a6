"""Per-article outputs (issue 5): figures, report.pdf, report.md,
report.html and the ``--out`` folder.

Reports are built by hand (``demo_report``) so every chart and view has
content whatever state the analyzers are in, plus the edge cases: nothing
found, one actor, a 5,000-word article."""
from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from html import unescape as html_unescape
from html.parser import HTMLParser

import pytest

import framing
from framing.report import (ActorItem, ActorsSection, ArticleReport, HedgeItem, HedgingSection,
                            Mention, QuestionItem, QuestionsSection, QuoteItem, QuotesSection,
                            Stats, per_1k)

from .conftest import ROOT, SAMPLE

# -- hand-built reports ----------------------------------------------------------------
HEDGES = ["could", "may", "might", "probably", "appears", "seem", "suggest", "possibly",
          "reportedly", "roughly", "about", "likely", "expected", "estimated"]
BOOSTERS = ["clearly", "undoubtedly", "almost certainly", "really", "exactly", "never",
            "insisted", "simply"]
QUOTES = [  # (quote text, speaker, cue, kind)
    ("This is the most important decision this council has made in a generation",
     "Teodora Linde", "said", "direct"),
    ("We simply cannot keep asking families to queue for water in August.",
     "Teodora Linde", "said", "direct"),
    ("rushed a vote on a project nobody has fully costed", "Rafael Okonjo", "said", "mixed"),
    ("cheaper options, such as repairing leaking pipes, were never seriously studied",
     "Rafael Okonjo", "claimed", "indirect"),
    ("If you fix the pipes first, you might need a plant half this size", "Amara Velt",
     "said", "direct"),
    ("Why would anyone build the bigger one before doing that?", "Amara Velt", "said", "direct"),
    ("undoubtedly shows the plant is needed.", "Jonas Ferreira", "told", "mixed"),
    ("How many more summers are we supposed to wait?", "Marta Esposito", "asked", "direct"),
    ("Nobody is against water,", "Piet Haverkamp", "said", "direct"),
    ("But shouldn't we know what it costs before we sign?", "Piet Haverkamp", "said", "direct"),
    ("almost certainly", None, "said", "mixed"),
]
ACTORS = {  # name → (pattern, mention scores cycle)
    "Teodora Linde": (r"Mayor Teodora Linde|Linde|the mayor|The mayor", [0.35, 0.1, -0.2, 0.4]),
    "Rafael Okonjo": (r"Rafael Okonjo", [-0.3]),
    "Coastal Trust": (r"The Coastal Trust|the Trust|A Trust official", [-0.1, -0.45]),
    "Valmora council": (r"city council of Valmora|the council|The council", [-0.5, -0.2, -0.35,
                                                                           0.05]),
    "Amara Velt": (r"Dr\. Amara Velt", [0.55]),
}


def _find(text: str, needle: str, start: int = 0) -> int:
    i = text.find(needle, start)
    assert i >= 0, needle
    return i


def sentence_bounds(text: str, start: int) -> tuple[int, int]:
    lo = max(text.rfind(". ", 0, start), text.rfind("? ", 0, start), text.rfind("\n", 0, start))
    lo = lo + 2 if lo >= 0 and text[lo] != "\n" else lo + 1
    m = re.compile(r"[.?!][\"”]?(?=\s|$)").search(text, start)
    hi = m.end() if m else len(text)
    return lo, hi


def demo_report(text: str | None = None, *, source: str = "valmora-water-plan.txt",
                actors: bool = True, quotes: bool = True, questions: bool = True,
                hedging: bool = True) -> ArticleReport:
    text = text if text is not None else SAMPLE.read_text(encoding="utf-8")
    words = len(re.findall(r"\w+(?:['’-]\w+)*", text))
    qitems = []
    if questions:
        for m in re.finditer(r"[^.?!\n\"“”]*\?", text):
            s, e = m.start(), m.end()
            while text[s].isspace():
                s += 1
            qtext = text[s:e]
            rhet = not qtext.startswith(("How many", "Why would"))
            qtype = "rhetorical" if rhet else ("hypophora" if "So what" in qtext else "information")
            inside = text.count("“", 0, s) > text.count("”", 0, s) or text.count('"', 0, s) % 2
            qitems.append(QuestionItem(s, e, qtext, rhet, qtype, "quoted" if inside else "author",
                                       ["?"], s, e))
    hitems = []
    if hedging:
        for kind, cues in (("hedge", HEDGES), ("booster", BOOSTERS)):
            for cue in cues:
                for m in re.finditer(r"\b" + re.escape(cue) + r"\b", text):
                    ss, se = sentence_bounds(text, m.start())
                    inside = text.count('"', 0, m.start()) % 2 == 1
                    hitems.append(HedgeItem(m.start(), m.end(), m.group(), kind,
                                            "epistemic" if kind == "hedge" else "certainty",
                                            "quoted" if inside else "author", cue, ss, se))
        hitems.sort(key=lambda h: h.start)
    qu = []
    if quotes:
        for qt, speaker, cue, kind in QUOTES:
            s = _find(text, qt, 0)
            sp = None
            if speaker:
                last = speaker.split()[-1]
                j = text.rfind(last, 0, s)
                k = text.find(last, s)
                sp = j if j >= 0 and (k < 0 or s - j < k - s) else k
            c = text.find(cue, max(s - 200, 0))
            qu.append(QuoteItem(s, s + len(qt), qt, kind, speaker,
                                sp, sp + len(speaker.split()[-1]) if sp is not None else None,
                                cue, c if c >= 0 else None, c + len(cue) if c >= 0 else None))
        qu.sort(key=lambda q: q.start)
    aitems = []
    if actors:
        for name, (pat, scores) in ACTORS.items():
            ms = []
            for k, m in enumerate(re.finditer(pat, text)):
                sc = scores[k % len(scores)]
                lbl = "positive" if sc > 0.05 else "negative" if sc < -0.05 else "neutral"
                ms.append(Mention(m.start(), m.end(), m.group(), sc, lbl))
            if ms:
                mean = round(sum(x.score for x in ms) / len(ms), 3)
                lbl = "positive" if mean > 0.05 else "negative" if mean < -0.05 else "neutral"
                aitems.append(ActorItem(name, mean, lbl, ms))
    rhet = sum(q.rhetorical for q in qitems)
    nh = sum(h.kind == "hedge" for h in hitems)
    nb = len(hitems) - nh
    return ArticleReport(
        stats=Stats(words=words, sentences=max(text.count(". ") + text.count("? "), 1),
                    paragraphs=text.count("\n\n") + 1, characters=len(text)),
        questions=QuestionsSection(
            count=len(qitems), rhetorical=rhet, rhetorical_per_1k_words=per_1k(rhet, words),
            questions_per_1k_words=per_1k(len(qitems), words),
            hypophora=sum(q.type == "hypophora" for q in qitems),
            information=sum(q.type == "information" for q in qitems),
            by_voice={"author": sum(q.voice == "author" for q in qitems),
                      "quoted": sum(q.voice == "quoted" for q in qitems)},
            items=qitems),
        hedging=HedgingSection(hedges=nh, boosters=nb, hedges_per_1k_words=per_1k(nh, words),
                               boosters_per_1k_words=per_1k(nb, words), items=hitems),
        quotes=QuotesSection(items=qu),
        actors=ActorsSection(items=aitems),
        source=source, version="0.1.0")


def empty_report(text: str = "Nothing to see here. Really nothing at all.") -> ArticleReport:
    return demo_report(text, source="empty.txt", actors=False, quotes=False, questions=False,
                       hedging=False)


def single_actor_report() -> ArticleReport:
    r = demo_report()
    r.actors.items = [a for a in r.actors.items if a.name == "Rafael Okonjo"]
    return r


def long_text(words: int = 5000) -> str:
    base = SAMPLE.read_text(encoding="utf-8")
    body = base.split("\n\n", 2)[2]
    parts, n = [base], len(base.split())
    while n < words:
        parts.append(body)
        n += len(body.split())
    return "\n\n".join(parts)


def long_report() -> ArticleReport:
    """A ~5,000-word article; quotes are searched in the first copy only."""
    text = long_text()
    r = demo_report(text, source="long.txt")
    return r


# -- helpers ---------------------------------------------------------------------------------
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def pdf_pages(data: bytes) -> int:
    """Pages of a PDF: its ``/Type /Page`` objects (not ``/Pages``)."""
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


class Spans(HTMLParser):
    """Collects highlight spans (class, data-id) and checks nesting."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.spans: list[tuple[set[str], str]] = []
        self.in_article = 0
        self.article_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.stack.append(tag)
        if tag == "div" and a.get("id") == "article":
            self.in_article = len(self.stack)
        if tag == "span" and "hl" in (a.get("class") or "").split() and self.in_article:
            self.spans.append((set(a["class"].split()), a.get("data-id", "")))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1:]}>"
        if self.in_article == len(self.stack):
            self.in_article = 0
        self.stack.pop()

    def handle_data(self, data):
        if self.in_article:
            self.article_text.append(data)


def parse_html(html: str) -> Spans:
    p = Spans()
    # void elements are not closed in HTML
    p.feed(re.sub(r"<(meta|input|img|br)\b([^>]*)>", r"<\1\2></\1>", html))
    p.close()
    return p


def figure_texts(fig) -> str:
    from matplotlib.text import Text

    return " ".join(t.get_text() for t in fig.findobj(Text))


# -- start-up --------------------------------------------------------------------------------
def _python(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip().splitlines()[-1]


def test_matplotlib_not_imported_by_import_framing():
    assert _python("import framing, sys; print('matplotlib' in sys.modules)") == "False"


def test_matplotlib_not_imported_by_cli_help_or_render_modules():
    code = ("import sys\nfrom framing.cli import app\n"
            "import framing.render.outdir, framing.render.html, framing.render.markdown, "
            "framing.render.baseline, framing.render.figures, framing.render.pdf, "
            "framing.render.style\n"
            "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
            "print('matplotlib' in sys.modules)")
    assert _python(code) == "False"


# -- figures ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def baseline():
    from framing.render.baseline import Baseline

    return Baseline.from_reports([demo_report(), single_actor_report(), empty_report(),
                                  demo_report(long_text(1200))], "test corpus")


CASES = {
    "demo": demo_report,
    "empty": empty_report,
    "no_words": lambda: empty_report(""),
    "single_actor": single_actor_report,
    "no_questions": lambda: demo_report(questions=False),
    "no_quotes": lambda: demo_report(quotes=False),
    "no_actors": lambda: demo_report(actors=False),
    "long": long_report,
}


@pytest.mark.parametrize("case", CASES)
def test_every_figure_renders_for_edge_cases(case, baseline):
    from framing.render.figures import all_figures, figure_bytes

    report = CASES[case]()
    figs = all_figures(report, baseline)
    assert set(figs) == {"rates", "voice_share", "actor_sentiment", "positions"}
    for name, fig in figs.items():
        assert fig.axes, name
        assert figure_bytes(fig, "png").startswith(PNG_MAGIC)
    texts = {k: figure_texts(f) for k, f in figs.items()}
    if not report.actors.items:
        assert "No actors found" in texts["actor_sentiment"]
    if not report.questions.items and report.stats.words:
        assert "none found" in texts["positions"] and "none found" in texts["rates"]
    if not report.quotes.items and report.stats.words:
        assert "No quotes found" in texts["voice_share"]
    if not report.stats.words:
        assert "No words" in texts["voice_share"]


def test_figures_have_titles_and_axis_labels_with_units(baseline):
    from framing.render.figures import all_figures

    for name, fig in all_figures(demo_report(), baseline).items():
        ax = fig.axes[0]
        assert ax.get_title(loc="left"), name
        assert ax.get_xlabel(), name
    figs = all_figures(demo_report(), baseline)
    assert "per 1,000 words" in figs["rates"].axes[0].get_xlabel()
    assert "%" in figs["voice_share"].axes[0].get_xlabel()
    assert "%" in figs["positions"].axes[0].get_xlabel()
    assert "−1" in figs["actor_sentiment"].axes[0].get_xlabel()


def test_single_actor_and_long_article_figures():
    from framing.render.figures import actor_sentiment_figure, positions_figure

    one = single_actor_report()
    ax = actor_sentiment_figure(one).axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Rafael Okonjo"]
    long = long_report()
    assert long.stats.words >= 5000
    ax = positions_figure(long).axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[:5] == ["Rhetorical questions", "Other questions", "Hedges", "Boosters",
                          "Quotes"]


def test_voice_share_counts_each_word_once():
    from framing.render.baseline import voice_shares

    r = demo_report()
    voices = voice_shares(r)
    assert voices[0].is_author
    assert sum(v.words for v in voices) == r.stats.words
    linde = next(v for v in voices if v.label == "Teodora Linde")
    assert linde.quotes == 2 and linde.direct > 0
    okonjo = next(v for v in voices if v.label == "Rafael Okonjo")
    assert okonjo.indirect > 0


def test_figure_formats_and_dollar_signs_are_text():
    from framing.render.figures import figure_bytes, voice_share_figure

    r = demo_report()
    r.quotes.items[0].speaker = "$5 Billion$ Fund"  # would be mathtext if parsed
    fig = voice_share_figure(r)
    assert figure_bytes(fig, "png").startswith(PNG_MAGIC)
    svg = figure_bytes(fig, "svg").decode()
    assert svg.lstrip().startswith("<?xml") and "$5 Billion$ Fund" in svg
    assert pdf_pages(figure_bytes(fig, "pdf")) == 1
    with pytest.raises(ValueError, match="png, svg or pdf"):
        figure_bytes(fig, "gif")


# -- report.md / report.html / report.pdf ------------------------------------------------------
def test_markdown_has_summary_and_evidence_tables(baseline):
    from framing.render.markdown import to_markdown

    text = SAMPLE.read_text(encoding="utf-8")
    md = to_markdown(demo_report(), text, baseline=baseline, figures=["rates", "voice_share"])
    assert md.startswith("# Can Valmora Afford Its Water Plan?")
    for heading in ("## Summary", "## Questions", "## Hedges and boosters", "## Quotes",
                    "## Actors"):
        assert heading in md
    assert "![Devices per 1,000 words against the baseline](figures/rates.png)" in md
    assert "| 2 | booster | certainty | author | But who, **exactly**, will pay for it? |" in md
    assert "test corpus (4 articles" in md


def test_markdown_escapes_table_cells():
    from framing.render.markdown import md

    assert md("a | b *c* <d>\nnext") == r"a \| b \*c\* \<d\> next"


def test_html_highlights_every_finding_and_keeps_the_text():
    from framing.render.html import to_html

    text = SAMPLE.read_text(encoding="utf-8")
    r = demo_report()
    html = to_html(r, text)
    p = parse_html(html)
    assert "".join(p.article_text) == text  # every character, once, in order
    ids = {}
    for classes, ident in p.spans:
        ids.setdefault(ident, set()).update(classes)
    n_rhet = sum(q.rhetorical for q in r.questions.items)
    assert sum("q-rhetorical" in c for c in ids.values()) == n_rhet
    assert sum("q-other" in c for c in ids.values()) == len(r.questions.items) - n_rhet
    assert sum("hedge" in c for c in ids.values()) == r.hedging.hedges
    assert sum("booster" in c for c in ids.values()) == r.hedging.boosters
    assert sum("quote" in c for c in ids.values()) == len(r.quotes.items)
    assert sum("speaker" in c for c in ids.values()) == sum(
        q.speaker_start is not None for q in r.quotes.items)
    assert sum("actor" in c for c in ids.values()) == sum(len(a.mentions) for a in r.actors.items)
    for layer in ("rhetorical", "question", "hedge", "booster", "quote", "speaker", "actor"):
        assert f'id="show-{layer}"' in html and f'for="show-{layer}"' in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//|url\(\s*["']?https?:""", html)
    assert "<script" not in html


def test_html_escapes_text_and_nests_crossing_spans():
    from framing.render.html import to_html

    text = 'He said <script>alert("x")</script> & maybe "it could" be so?'
    s_may = text.index("maybe")
    s_q = text.index('"it')
    r = ArticleReport(
        stats=Stats(words=12, sentences=1, characters=len(text)),
        hedging=HedgingSection(hedges=2, items=[
            HedgeItem(s_may, s_may + 5, "maybe", "hedge", "adverb", "author"),
            HedgeItem(s_q + 4, s_q + 14, text[s_q + 4:s_q + 14], "hedge", "modal", "quoted")]),
        quotes=QuotesSection(items=[QuoteItem(s_q, s_q + 10, text[s_q:s_q + 10], "direct")]),
        questions=QuestionsSection(count=1, rhetorical=1, items=[
            QuestionItem(s_may, len(text), text[s_may:], True, "rhetorical", "author")]),
        source="<evil>.txt")
    html = to_html(r, text)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&lt;evil&gt;.txt" in html
    p = parse_html(html)  # raises on badly nested tags
    assert "".join(p.article_text) == text
    assert len({i for _, i in p.spans}) == 4


def test_pdf_has_summary_and_one_section_per_analyzer(baseline):
    from framing.render.pdf import MAX_SECTION_PAGES, pdf_bytes

    text = SAMPLE.read_text(encoding="utf-8")
    assert pdf_pages(pdf_bytes(empty_report(), "Nothing to see here. Really nothing at all.",
                               baseline)) == 6
    demo = pdf_bytes(demo_report(), text, baseline)
    # summary, a page per analyzer, then what the numbers mean
    assert pdf_pages(demo) == 1 + 4 * MAX_SECTION_PAGES + 1 == 6
    assert b"/CreationDate" not in demo
    long = pdf_bytes(long_report(), long_text(), baseline, max_section_pages=3)
    assert 6 < pdf_pages(long) <= 1 + 4 * 3 + 1


def _pdftotext_words(pdf: bytes, tmp_path, name: str) -> list[tuple[str, float, float]]:
    """(word, x min, x max) of every word on the PDF's pages, via poppler."""
    src = tmp_path / f"{name}.pdf"
    src.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-bbox", str(src), "-"], capture_output=True, text=True,
                         check=True).stdout
    return [(html_unescape(m.group(3)), float(m.group(1)), float(m.group(2))) for m in
            re.finditer(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" '
                        r'yMax="[\d.]+">([^<]*)</word>', out)]


def _page_pdf(draw) -> bytes:
    import io

    from matplotlib.backends.backend_pdf import PdfPages

    from framing.render import style as S
    from framing.render.pdf_page import Page

    buf = io.BytesIO()
    with S.context(), PdfPages(buf, metadata=S.PDF_METADATA) as pdf:
        page = Page()
        draw(page)
        pdf.savefig(page.fig)
    return buf.getvalue()


KERNED = ("AVATAR Yo Te “Wavy” P.A. — −0.25 ± fi ffl café 41 % Tŷ", "Vow LTA Ty",
          "“Yes,” WAVE said.")


def _draw_sample_page(page) -> None:
    from framing.render import figures as F
    from framing.render.pdf_page import flow

    y = 80.0
    for k, s in enumerate(KERNED):
        page.text(60, y, s, 9 + k, weight=("normal", "bold", "normal")[k],
                  style=("normal", "normal", "italic")[k])
        page.text(540, y + 14, s, 8, ha="right")
        y += 34
    runs = [("The council's plan ", None), ("could", "hedge"), (" end rationing, ", None),
            ("officials said", "dim")]
    page.lines(60, y, flow(runs, 300))
    page.chart(y + 40, 2, 26.0, lambda ax: F.draw_rates(ax, demo_report(), None,
                                                         ("hedges_per_1k", "boosters_per_1k")))


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_pdf_page_text_reads_back_in_order(tmp_path):
    """Plain, bold and italic runs with kerning pairs, highlighted evidence
    and a chart's labels come back from the PDF as the same words."""
    words = [w for w, *_ in _pdftotext_words(_page_pdf(_draw_sample_page), tmp_path, "a")]
    assert {"AVATAR", "“Wavy”", "café", "Tŷ", "could", "rationing,", "Hedges",
            "Boosters"} <= set(words)
    assert words.index("could") < words.index("Hedges")


def test_pdf_text_falls_back_to_matplotlib_for_missing_glyphs(tmp_path, recwarn):
    """A character DejaVu lacks goes through matplotlib's font fallback (or a
    warning); the page still renders and the rest of its text reads back."""
    pdf = _page_pdf(lambda page: (page.text(60, 80, "Mayor 李 said it: ✓ done", 10),
                                  page.text(60, 100, "plain line", 10)))
    assert pdf_pages(pdf) == 1
    if shutil.which("pdftotext"):
        words = [w for w, *_ in _pdftotext_words(pdf, tmp_path, "f")]
        assert words[:2] == ["Mayor", "李"] or words[0] == "Mayor"
        assert words[-2:] == ["plain", "line"]


# -- the --out folder ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def outputs(tmp_path_factory, baseline):
    from framing.render.outdir import write_outputs

    text = SAMPLE.read_text(encoding="utf-8")
    runs = []
    for k in range(2):
        out = tmp_path_factory.mktemp(f"out{k}")
        paths = write_outputs(demo_report(), text, out, figure_formats="png,svg,pdf",
                              baseline=baseline)
        runs.append((out, paths))
    return runs


def test_write_outputs_writes_every_file(outputs):
    out, paths = outputs[0]
    names = sorted(p.relative_to(out).as_posix() for p in paths)
    figs = [f"figures/{s}.{e}" for s in ("actor_sentiment", "positions", "rates", "voice_share")
            for e in ("pdf", "png", "svg")]
    assert names == sorted(["report.json", "report.md", "report.pdf", "report.html", *figs])
    assert all(p.is_file() and p.stat().st_size > 0 for p in paths)
    assert not list(out.rglob(".*.tmp"))  # atomic writes leave no temporaries
    d = json.loads((out / "report.json").read_text(encoding="utf-8"))
    from framing.metrics import summary_metrics

    assert d.pop("metrics") == summary_metrics(demo_report())
    assert d == demo_report().to_dict()
    for p in out.glob("figures/*.png"):
        assert p.read_bytes().startswith(PNG_MAGIC)
    for p in out.glob("figures/*.pdf"):
        assert pdf_pages(p.read_bytes()) == 1
    assert pdf_pages((out / "report.pdf").read_bytes()) >= 5
    html = (out / "report.html").read_text(encoding="utf-8")
    assert html.count("data:image/png;base64,") == 4
    p = parse_html(html)
    classes = set().union(*(c for c, _ in p.spans))
    assert {"q-rhetorical", "q-other", "hedge", "booster", "quote", "speaker",
            "actor"} <= classes


def test_same_input_gives_byte_identical_outputs(outputs):
    (a, pa), (b, pb) = outputs
    assert [p.relative_to(a) for p in pa] == [p.relative_to(b) for p in pb]
    for p in pa:
        assert p.read_bytes() == (b / p.relative_to(a)).read_bytes(), p.name


def test_write_outputs_twice_gives_the_same_files(tmp_path, baseline):
    """Figures, HTML, PDF and JSON are drawn in one process: two runs give
    the same files byte for byte, and no temporary file is left behind."""
    from framing.render import outdir

    text = SAMPLE.read_text(encoding="utf-8")
    report = demo_report()
    kw = dict(figure_formats="png,svg", baseline=baseline)
    pa = outdir.write_outputs(report, text, tmp_path / "a", **kw)
    pb = outdir.write_outputs(report, text, tmp_path / "b", **kw)
    names = [p.relative_to(tmp_path / "a") for p in pa]
    assert names == [p.relative_to(tmp_path / "b") for p in pb]
    assert len(names) == 12
    for rel in names:
        data = (tmp_path / "a" / rel).read_bytes()
        assert data and data == (tmp_path / "b" / rel).read_bytes(), rel
    assert not list(tmp_path.rglob(".*.tmp"))


def test_outputs_do_not_depend_on_hash_seed(tmp_path):
    code = ("import sys, framing\nfrom framing.render.outdir import write_outputs\n"
            "t = open(sys.argv[1], encoding='utf-8').read()\n"
            "write_outputs(framing.analyze(t, source='a.txt'), t, sys.argv[2])\n")
    for seed in ("1", "2"):
        subprocess.run([sys.executable, "-c", code, str(SAMPLE), str(tmp_path / seed)],
                       check=True, timeout=300, cwd=ROOT,
                       env={**os.environ, "PYTHONHASHSEED": seed})
    files = sorted(p.relative_to(tmp_path / "1") for p in (tmp_path / "1").rglob("*")
                   if p.is_file())
    assert len(files) == 8
    for rel in files:
        assert (tmp_path / "1" / rel).read_bytes() == (tmp_path / "2" / rel).read_bytes(), rel


def test_write_outputs_with_real_analysis_and_corpus_baseline(tmp_path):
    from framing.render.outdir import write_outputs

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    (corpus / "b.txt").write_text("Is it over? Perhaps. Officials said it was.", encoding="utf-8")
    report = framing.analyze(text, source="sample.txt")
    paths = write_outputs(report, text, tmp_path / "out", baseline=corpus)
    d = json.loads((tmp_path / "out" / "report.json").read_text())
    assert d.pop("metrics") and d == report.to_dict()
    md = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "Baseline: corpus/ (2 articles" in md
    assert len(paths) == 8


def test_bad_figure_format_and_bad_baseline_are_clear_errors(tmp_path):
    from framing.errors import InputError
    from framing.render.outdir import parse_formats, write_outputs

    assert parse_formats("png, SVG,pdf,png") == ("png", "svg", "pdf")
    assert parse_formats("") == ("png",)
    with pytest.raises(ValueError, match="choose from png, svg, pdf"):
        parse_formats("png,jpeg")
    with pytest.raises(InputError, match="no article files"):
        write_outputs(empty_report(), "x", tmp_path / "o", baseline=tmp_path)


# -- baseline and reports/ -------------------------------------------------------------------
def test_bundled_baseline_is_real_news_and_up_to_date():
    """The default baseline is real news (derived statistics only), named in
    every report; rebuilt from ../shared/data when it is there."""
    from framing.render.baseline import bundled

    bl = bundled()
    assert bl.articles >= 1000 and "PolNeAR" in bl.name
    assert bl.get("hedges_per_1k").n == bl.articles
    data = ROOT.parent / "shared" / "data"
    if not (data / "polnear" / "train.jsonl").exists():
        pytest.skip("../shared/data not here: staleness not checked")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from make_baseline import build

    assert build(data).to_json() == bl.to_json(), (
        "framing/render/baseline.json is stale: run `python benchmarks/make_baseline.py`")


def test_baseline_from_a_corpus_saves_and_loads_as_json(tmp_path):
    from framing.render.baseline import Baseline, resolve

    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text("Officials said it may rain. Could it get worse?\n", encoding="utf-8")
    (folder / "b.txt").write_text("The council clearly agreed.\n", encoding="utf-8")
    bl = resolve(folder)
    assert bl.articles == 2 and bl.get("hedges_per_1k").n == 2
    saved = tmp_path / "mine.json"
    saved.write_text(bl.to_json(), encoding="utf-8")
    assert resolve(saved).to_dict() == bl.to_dict()
    assert Baseline.from_file(saved).description == bl.description


def test_example_reports_regenerate_to_the_same_json(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from make_examples import regenerate

    committed = sorted((ROOT / "reports").rglob("report.json"))
    if not committed:
        pytest.skip("no example reports in reports/ yet")
    regenerate(ROOT / "corpora", tmp_path)
    fresh = sorted(tmp_path.rglob("report.json"))
    assert [p.relative_to(tmp_path) for p in fresh] == \
        [p.relative_to(ROOT / "reports") for p in committed]
    for p in fresh:
        rel = p.relative_to(tmp_path)
        for name in ("report.json", "report.md"):
            assert (tmp_path / rel.parent / name).read_text(encoding="utf-8") == \
                (ROOT / "reports" / rel.parent / name).read_text(encoding="utf-8"), (
                f"reports/{rel.parent}/{name} is stale: run `python benchmarks/make_examples.py`")


def test_voice_table_explains_attributions_without_words():
    """Stance/intention/topic attributions are listed as quotes with 0 words;
    the table says why, and only when there are such items."""
    from rich.console import Console

    from framing.render.terminal import speakers_table

    def shown(text: str) -> str:
        report = framing.analyze(text)
        console = Console(width=140, record=True, file=io.StringIO())
        console.print(speakers_table(report))
        return console.export_text()

    with_stance = ("Mayor Ilsa Brant said the ferry would run again in May. "
                   "Supporters point to a fixed-price contract signed last year.")
    out = shown(with_stance)
    assert "point to" in out and "without quoted words" in out
    out = shown("Mayor Ilsa Brant said the ferry would run again in May.")
    assert "Ilsa Brant" in out and "without quoted words" not in out


def test_pdf_actor_evidence_covers_each_actor_before_repeating_one():
    """The actors page lists each actor's strongest mention before any
    actor's second one (few rows fit under the chart)."""
    from framing.render.pdf import sections

    text = ("Mayor Ilsa Brant praised the ferry crew. Brant said the crew was brave. "
            "Brant thanked them again. Critics attacked Piet Vos over the delay. "
            "Vos denied everything.")
    report = framing.analyze(text)
    actors = [a for a in report.actors.items if len(a.mentions) >= 2]
    assert len(actors) >= 2
    sec = next(s for s in sections(report, text, None) if s.title == "Actors")
    names = [row.meta[0][0] for row in sec.rows]
    first_round = names[:len(report.actors.items)]
    assert sorted(first_round) == sorted(a.name for a in report.actors.items)
    for a in report.actors.items:  # an actor's rows go from strongest to weakest
        scores = [abs(float(row.meta[1][0].split("·")[1].replace("−", "-")))
                  for row in sec.rows if row.meta[0][0] == a.name]
        assert scores == sorted(scores, reverse=True)


def _texts_outside(fig) -> list[str]:
    """Texts (titles, labels, annotations, legend entries) drawn beyond the
    figure's edge by more than one pixel; [] when the bounding box of
    everything drawn lies inside the figure."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    from framing.render import style as S

    with S.context():
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        renderer = canvas.get_renderer()
        box = fig.bbox
        drawn = fig.get_tightbbox(renderer).transformed(fig.dpi_scale_trans)
        if (drawn.x0 >= box.x0 - 1 and drawn.y0 >= box.y0 - 1 and drawn.x1 <= box.x1 + 1
                and drawn.y1 <= box.y1 + 1):
            return []
        out = []
        for t in fig.findobj(Text):
            if t.get_visible() and t.get_text().strip():
                e = t.get_window_extent(renderer)
                if e.x0 < box.x0 - 1 or e.x1 > box.x1 + 1 or e.y0 < box.y0 - 1 \
                        or e.y1 > box.y1 + 1:
                    out.append(t.get_text())
        return out or [f"drawn area {drawn.bounds} beyond {box.bounds}"]


def test_every_figure_text_lies_inside_the_figure():
    """No title, subtitle, label or annotation is cut off at the edge, for
    the sample article and for the outlet articles (many actors, long names)."""
    from framing.render.figures import all_figures

    paths = [SAMPLE] + sorted((ROOT / "corpora" / "outlets").rglob("*.txt"))[:6]
    for p in paths:
        report = framing.analyze(p.read_text(encoding="utf-8"))
        for stem, fig in all_figures(report).items():
            assert _texts_outside(fig) == [], (p.name, stem)


def test_every_report_says_what_its_numbers_mean_and_how_accurate(tmp_path, baseline):
    """One definitions-and-accuracy block, the same in Markdown, HTML and PDF."""
    from framing.render.html import to_html
    from framing.render.markdown import to_markdown
    from framing.render.measures import TITLE, measures

    text = SAMPLE.read_text(encoding="utf-8")
    report = demo_report()
    md_out, html_out = to_markdown(report, text, baseline=baseline), to_html(report, text, baseline=baseline)
    assert TITLE in md_out and TITLE in html_out
    keys = {m.key for m in measures()}
    assert {"questions", "hedging", "quotes", "actors"} <= keys
    for m in measures():
        assert m.label in md_out and m.label in html_out
        assert "benchmarks/" in m.accuracy or "tests" in m.accuracy  # says where the figure comes from
    if shutil.which("pdftotext"):
        from framing.render.pdf import pdf_bytes

        src = tmp_path / "r.pdf"
        src.write_bytes(pdf_bytes(report, text, baseline))
        words = subprocess.run(["pdftotext", str(src), "-"], capture_output=True, text=True,
                               check=True).stdout
        assert "how accurate they are" in words and "Accuracy:" in words
