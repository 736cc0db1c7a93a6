"""One visual style for every figure, the PDF and the HTML view.

Colours come from the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal
Design"), which stays distinguishable under the common colour-vision
deficiencies; each device also differs in *form* (bar, tick, segment,
underline, outline), never in colour alone. Fonts are the DejaVu family that
ships with matplotlib, so figures look the same on every machine.

This module never imports matplotlib at import time: :func:`rc` and
:func:`context` import it when a figure is actually drawn.
"""
from __future__ import annotations


from contextlib import contextmanager
from typing import Iterator

# -- Okabe–Ito -----------------------------------------------------------------
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"
BLACK = "#000000"
GREY = "#8C8C8C"
DARK_GREY = "#4D4D4D"
LIGHT_GREY = "#D9D9D9"
INK = "#1A1A1A"

#: one colour per device, shared by the charts, the PDF and the HTML view
DEVICE = {
    "rhetorical": REDDISH_PURPLE,
    "question": BLUE,        # non-rhetorical questions (information, hypophora)
    "hypophora": BLUE,
    "information": BLUE,
    "hedge": SKY_BLUE,
    "booster": VERMILLION,
    "quote": BLUISH_GREEN,
    "speaker": BLUISH_GREEN,
    "actor": ORANGE,
    "author": DARK_GREY,
    "baseline": GREY,
}

#: light tints (pre-blended on white) for highlighted text backgrounds, so
#: black text stays readable (contrast > 12:1) and screenshots can be checked
#: for exact colours
TINT = {
    "hedge": "#BBE1F6",      # sky blue, ~40 %
    "booster": "#F3C7A6",    # vermillion, ~33 %
    "quote": "#DDF1EA",      # bluish green, ~14 %
    "rhetorical": "#EFD5E4", # reddish purple, ~30 %
    "question": "#CCE3F0",   # blue, ~20 %
    "actor": "#F8E2B3",      # orange, ~30 %
}

SENTIMENT = {"positive": BLUE, "negative": VERMILLION, "neutral": GREY}

FONT = "DejaVu Sans"
SERIF = "DejaVu Serif"
BASE_SIZE = 9.0
TITLE_SIZE = 10.5
SMALL_SIZE = 7.5

#: standalone figure width (inches; fits a single journal column pair) and dpi
FIG_WIDTH = 6.6
DPI = 200
#: A4 portrait, inches
PAGE = (8.27, 11.69)


# -- text measurement (for hand layout: the PDF report, figure margins) ------------------
_METRICS: dict[tuple[str, str], tuple[object, dict, dict]] = {}


def _font_metrics(weight: str, style: str) -> tuple[object, dict, dict]:
    key = (weight, style)
    entry = _METRICS.get(key)
    if entry is None or entry[0] is None:
        from matplotlib.font_manager import FontProperties, findfont, get_font

        font = get_font(findfont(FontProperties(family=FONT, weight=weight, style=style)))
        entry = _METRICS[key] = (font, *(entry[1:] if entry else ({}, {})))
    return entry


def _unfitted():
    try:  # matplotlib >= 3.10
        from matplotlib.ft2font import Kerning

        return Kerning.UNFITTED
    except ImportError:  # pragma: no cover
        from matplotlib.ft2font import KERNING_UNFITTED

        return KERNING_UNFITTED


def text_width(s: str, size: float = BASE_SIZE, weight: str = "normal",
               style: str = "normal") -> float:
    """Advance width of ``s`` in points: DejaVu glyph advances plus pair
    kerning, as matplotlib lays the text out (within ~0.1 %)."""
    font, adv, kern = _font_metrics(weight, style)
    total = 0.0
    prev = None
    for c in s:
        a = adv.get(c)
        if a is None:
            font.set_size(100, 72)
            gid = font.get_char_index(ord(c))  # 0: not in DejaVu (measured as its box)
            a = adv[c] = (font.load_glyph(gid).linearHoriAdvance / 65536 / 100, gid)
        total += a[0]
        if prev is not None:
            k = kern.get((prev, a[1]))
            if k is None:
                font.set_size(100, 72)
                k = kern[(prev, a[1])] = font.get_kerning(prev, a[1], _unfitted()) / 64 / 100
            total += k
        prev = a[1]
    return total * size


def rc() -> dict:
    """matplotlib rcParams for every figure this package draws."""
    return {
        "font.family": "sans-serif",
        "font.sans-serif": [FONT],
        "font.size": BASE_SIZE,
        "axes.titlesize": TITLE_SIZE,
        "axes.titleweight": "bold",
        "axes.titlelocation": "left",
        "axes.titlepad": 8.0,
        "axes.labelsize": BASE_SIZE,
        "axes.labelcolor": INK,
        "axes.edgecolor": DARK_GREY,
        "axes.linewidth": 0.7,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.axisbelow": True,
        "axes.grid": False,
        "grid.color": LIGHT_GREY,
        "grid.linewidth": 0.6,
        "xtick.labelsize": BASE_SIZE - 0.5,
        "ytick.labelsize": BASE_SIZE,
        "xtick.color": DARK_GREY,
        "ytick.color": INK,
        "xtick.major.width": 0.7,
        "ytick.major.width": 0.0,
        "ytick.major.size": 0.0,
        "ytick.major.pad": 7.0,
        "legend.fontsize": SMALL_SIZE + 0.5,
        "legend.frameon": False,
        "text.color": INK,
        "figure.dpi": DPI,
        "figure.facecolor": "white",
        "savefig.dpi": DPI,
        "savefig.facecolor": "white",
        "pdf.fonttype": 42,          # TrueType: text stays text in editors
        "ps.fonttype": 42,
        "svg.fonttype": "none",      # SVG text stays text
        "svg.hashsalt": "framing",   # deterministic SVG ids
        "path.simplify": True,
        "text.parse_math": False,    # "$" in names and quotes is text, not math
    }


@contextmanager
def context() -> Iterator[None]:
    """Apply :func:`rc` for drawing and saving figures."""
    import matplotlib

    with matplotlib.rc_context(rc()):
        yield


#: metadata that keeps saved files byte-identical run to run
PNG_METADATA = {"Software": None}
PDF_METADATA = {"CreationDate": None, "ModDate": None, "Producer": None,
                "Creator": "framing"}
SVG_METADATA = {"Date": None, "Creator": "framing"}


@contextmanager
def lean_font_subsets() -> Iterator[None]:
    """While saving a PDF, leave the OpenType layout tables (GPOS, GSUB,
    GDEF, kern) out of the embedded font subsets. matplotlib has already
    placed every glyph (kerning included), so viewers never use them, and
    subsetting DejaVu's large GPOS table is most of the cost of writing a PDF
    (~0.25 s for the report). Restored on exit."""
    try:
        from fontTools import subset
    except ImportError:  # pragma: no cover - fontTools comes with matplotlib
        yield
        return
    saved = subset.Options._drop_tables_default
    subset.Options._drop_tables_default = saved + [
        t for t in ("GPOS", "GSUB", "GDEF", "kern") if t not in saved]
    try:
        yield
    finally:
        subset.Options._drop_tables_default = saved


def save_metadata(fmt: str) -> dict | None:
    return {"png": PNG_METADATA, "pdf": PDF_METADATA, "svg": SVG_METADATA}.get(fmt)
