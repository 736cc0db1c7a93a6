"""Hand layout for ``report.pdf``: text measurement, line filling and the
:class:`Page` drawing surface (an A4 Figure in points, y downwards).

The report's evidence is several thousand characters of text already laid
out here (:func:`flow`), so a page does not hand each line to matplotlib's
:class:`~matplotlib.text.Text` (which shapes every string again, glyph by
glyph, to measure and to draw it). Instead one :class:`PageLayer` artist per
page keeps the page's rectangles, rules and text runs and draws them itself;
its text runs are drawn through the renderer's own ``draw_text`` (no
private backend internals), at the positions :func:`flow` measured. Lines are set ragged-right without hyphenation
(over-long tokens such as URLs are cut instead).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from . import figures as F
from . import style as S

W, H = S.PAGE[0] * 72, S.PAGE[1] * 72
LEFT, RIGHT, TOP, BOTTOM = 54.0, 54.0, 50.0, 58.0
BODY = 8.6            # evidence text size (pt)
LINE = BODY * 1.42    # evidence line height
CHART_RIGHT = 78.0    # room right of a chart for its per-row annotations

#: highlighted runs drawn in bold (the cue words); other tags are tinted only
BOLD_TAGS = frozenset({"hedge", "booster", "actor"})


# -- text measurement and flow ---------------------------------------------------------
def width(s: str, size: float = BODY, weight: str = "normal", style: str = "normal") -> float:
    return S.text_width(s, size, weight, style)


def ellipsize(s: str, max_w: float, size: float = BODY, weight: str = "normal") -> str:
    if width(s, size, weight) <= max_w:
        return s
    while s and width(s + "…", size, weight) > max_w:
        s = s[:-1]
    return s.rstrip() + "…"


@dataclass
class Word:
    text: str
    tag: Optional[str]       # None, "dim", or a device name (highlighted)
    space: bool              # a space before this word
    x: float = 0.0
    w: float = 0.0


def font_style(tag: Optional[str]) -> tuple[str, str]:
    """(weight, style) of a run's font."""
    return ("bold" if tag in BOLD_TAGS else "normal", "italic" if tag == "dim" else "normal")


def _chop(word: str, max_w: float, size: float, tag: Optional[str]) -> list[str]:
    """An over-long token (a URL) cut into pieces that fit a line."""
    weight = font_style(tag)[0]
    if len(word) < 20 or width(word, size, weight) <= max_w:
        return [word]
    out, cur = [], ""
    for c in word:
        if cur and width(cur + c, size, weight) > max_w:
            out.append(cur)
            cur = ""
        cur += c
    return out + [cur] if cur else out


def flow(runs: list[tuple[str, Optional[str]]], max_w: float,
         size: float = BODY) -> list[list[Word]]:
    """Greedy line filling of styled runs into lines of at most ``max_w`` pt.
    Words not separated by a space (``"`` + a highlighted word) stay together."""
    words: list[Word] = []
    pending_space = False
    for text, tag in runs:
        parts = text.split(" ")
        for k, part in enumerate(parts):
            if k > 0:
                pending_space = True
            if part == "":
                continue
            for j, chunk in enumerate(_chop(part, max_w, size, tag)):
                words.append(Word(chunk, tag, pending_space if j == 0 else True))
            pending_space = False
    for wd in words:
        wd.w = width(wd.text, size, *font_style(wd.tag))
    clusters: list[list[Word]] = []
    for wd in words:
        if clusters and not wd.space:
            clusters[-1].append(wd)
        else:
            clusters.append([wd])

    def space_w(tag: Optional[str]) -> float:  # as drawn inside a run of this style
        return width("a a", size, *font_style(tag)) - width("aa", size, *font_style(tag))

    lines: list[list[Word]] = [[]]
    x = 0.0
    for cl in clusters:
        cw = sum(w.w for w in cl)
        same = lines[-1] and lines[-1][-1].tag == cl[0].tag
        sp = space_w(cl[0].tag if same else None) if lines[-1] else 0.0
        if lines[-1] and x + sp + cw > max_w:
            lines.append([])
            x, sp = 0.0, 0.0
        for k, wd in enumerate(cl):
            if cw > max_w and x + wd.w > max_w and lines[-1]:  # an over-long cluster
                lines.append([])
                x = 0.0
            wd.space = bool(lines[-1]) and (k == 0 or wd.space)
            wd.x = x + (sp if k == 0 and lines[-1] else 0.0)
            lines[-1].append(wd)
            x = wd.x + wd.w
    return [ln for ln in lines if ln] or [[]]


# -- the page ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Run:
    """One line of text in one font, its baseline starting at (x, y) pt."""

    x: float
    y: float
    s: str
    size: float
    weight: str
    style: str
    colour: str


def _page_classes():
    """The :class:`PageLayer` artist and the page Figure classes (built on
    first use, so importing this module does not import matplotlib)."""
    from matplotlib.artist import Artist
    from matplotlib.colors import to_rgba
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties
    from matplotlib.path import Path
    from matplotlib.transforms import Affine2D

    class PageLayer(Artist):
        """A page's rectangles, rules and text, in page points (y down),
        drawn in that order: fills under rules under text."""

        def __init__(self) -> None:
            super().__init__()
            self.rects: list[tuple[float, float, float, float, str]] = []
            self.rules: list[tuple[float, float, float, float, str]] = []
            self.runs: list[Run] = []

        def draw(self, renderer) -> None:
            if not self.get_visible():
                return
            to_display = (Affine2D().scale(1 / 72, -1 / 72).translate(0, H / 72)
                          + self.figure.dpi_scale_trans)
            renderer.open_group("page", gid=self.get_gid())
            for x, y, w, h, colour in self.rects:
                gc = renderer.new_gc()
                gc.set_linewidth(0)
                gc.set_foreground((0, 0, 0, 0), isRGBA=True)
                rgb = to_rgba(colour)
                path = Path([(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)],
                            [Path.MOVETO, Path.LINETO, Path.LINETO, Path.LINETO,
                             Path.CLOSEPOLY])
                renderer.draw_path(gc, path, to_display, rgb)
                gc.restore()
            for x0, x1, y, lw, colour in self.rules:
                gc = renderer.new_gc()
                gc.set_linewidth(lw)
                gc.set_foreground(to_rgba(colour), isRGBA=True)
                gc.set_capstyle("butt")
                renderer.draw_path(gc, Path([(x0, y), (x1, y)]), to_display)
                gc.restore()
            height = renderer.get_canvas_width_height()[1]
            props: dict = {}
            for r in self.runs:
                x, y = to_display.transform((r.x, r.y))
                if renderer.flipy():
                    y = height - y
                key = (r.size, r.weight, r.style)
                if key not in props:
                    props[key] = FontProperties(family=S.FONT, size=r.size, weight=r.weight,
                                                style=r.style)
                gc = renderer.new_gc()
                gc.set_foreground(to_rgba(r.colour), isRGBA=True)
                renderer.draw_text(gc, x, y, r.s, props[key], 0.0, ismath=False, mtext=self)
                gc.restore()
            renderer.close_group("page")
            self.stale = False

        # asked for by the renderers' text drawing: no ligatures keeps one
        # font subset per face and copy-paste exact
        def get_fontfeatures(self):
            return ("-liga", "-clig")

        def get_language(self):
            return None

    class PageFigure(Figure):
        """The A4 page figure."""

    return PageLayer, PageFigure


_CLASSES: list = []


class Page:
    """One A4 page: a Figure whose page content (text, rules, tints) lives in
    one :class:`PageLayer`, in points from the top-left corner; charts are
    Axes placed on it."""

    def __init__(self) -> None:
        if not _CLASSES:
            _CLASSES.extend(_page_classes())
        layer_class, figure_class = _CLASSES
        self.fig = figure_class(figsize=S.PAGE)
        self.layer = layer_class()
        self.fig.add_artist(self.layer)

    def text(self, x: float, y: float, s: str, size: float = BODY, *, ha: str = "left",
             weight: str = "normal", style: str = "normal", color: str = S.INK) -> None:
        """One line of text, its baseline at ``y``."""
        if not s:
            return
        if ha != "left":
            w = width(s, size, weight, style)
            x -= w if ha == "right" else w / 2
        self.layer.runs.append(Run(x, y, s, size, weight, style, color))

    def rule(self, y: float, x0: float = LEFT, x1: float = W - RIGHT, lw: float = 0.5,
             color: str = S.LIGHT_GREY) -> None:
        self.layer.rules.append((x0, x1, y, lw, color))

    def rect(self, x: float, y: float, w: float, h: float, colour: str) -> None:
        """A filled rectangle, top-left corner at (x, y)."""
        self.layer.rects.append((x, y, w, h, colour))

    def swatch(self, x: float, y: float, colour: str, size: float = 7.0) -> None:
        self.rect(x, y - size, size, size, colour)

    def lines(self, x: float, y: float, lines: list[list[Word]], size: float = BODY,
              line_h: float = LINE) -> float:
        """Draw flowed lines with their baseline starting at ``y``; returns the
        baseline after the last line. Highlighted runs sit on their tint."""
        for ln in lines:
            groups: list[list[Word]] = []
            for wd in ln:
                if groups and groups[-1][-1].tag == wd.tag:
                    groups[-1].append(wd)
                else:
                    groups.append([wd])
            for g in groups:
                tag = g[0].tag
                s = "".join((" " if k and wd.space else "") + wd.text for k, wd in enumerate(g))
                x0 = x + g[0].x
                if tag not in (None, "dim"):
                    x1 = x + g[-1].x + g[-1].w
                    self.rect(x0 - 1.2, y - size * 0.98, x1 - x0 + 2.4, size * 1.32,
                              S.TINT.get(tag, "#EEEEEE"))
                    self.text(x0, y, s, size, weight=font_style(tag)[0])
                elif tag == "dim":
                    self.text(x0, y, s, size, color=S.DARK_GREY, style="italic")
                else:
                    self.text(x0, y, s, size)
            y += line_h
        return y

    def chart(self, top: float, rows: int, row_h: float, draw: Callable, *,
              head: float = 62.0, foot: float = 36.0) -> float:
        """Draw a chart whose plot area starts ``head`` pt below ``top``; the
        left margin fits the longest y tick label. Returns the y under it."""
        ax = self.fig.add_axes((0.3, 0.3, 0.4, 0.4))
        draw(ax)
        plot_h = rows * row_h
        y0 = top + head
        F.place(ax, head=y0, foot=H - y0 - plot_h, right=RIGHT + CHART_RIGHT, left=LEFT)
        F.no_ligatures(ax)
        return y0 + plot_h + foot

    def footer(self, left: str, page: int, total: int) -> None:
        self.rule(H - BOTTOM + 20, lw=0.4)
        self.text(LEFT, H - BOTTOM + 33, left, S.SMALL_SIZE, color=S.DARK_GREY)
        self.text(W - RIGHT, H - BOTTOM + 33, f"page {page} of {total}", S.SMALL_SIZE,
                  color=S.DARK_GREY, ha="right")
