"""Text written straight into a PDF page's content stream.

A line of text becomes one ``TJ`` text-showing operator (PDF 1.7, ISO
32000-1, 9.4.3): glyph codes of the embedded DejaVu subset, with the pair
kerning that :func:`.style.text_width` measures as ``TJ`` adjustments.
matplotlib's own ``draw_text`` shapes every string again and handles each
glyph in Python; for the several thousand characters of a report's evidence
(and its charts' labels) this was most of the cost of writing the PDF. The glyphs are registered with matplotlib's
font subsetter, so the embedded font, its widths and its ToUnicode map
(copy-paste, search) are matplotlib's own.

Anything unusual — another backend, another PDF font type, a character
DejaVu lacks, a matplotlib whose PDF internals differ — falls back to the
renderer's ``draw_text``, which handles everything (font fallback, warnings).
"""
from __future__ import annotations

from . import style as S

#: font features a text must ask for to take the direct path: no ligatures
#: (the direct path places one glyph per character)
NO_LIGATURES = ("-liga", "-clig")


def _pdf_renderer(renderer):
    """The RendererPdf behind ``renderer`` (unwrapping matplotlib's mixed-mode
    renderer), or None for any other backend or while rasterizing."""
    from matplotlib.backends.backend_pdf import RendererPdf

    inner = getattr(renderer, "_renderer", renderer)
    return inner if isinstance(inner, RendererPdf) else None


def _face(prop) -> tuple[str, str] | None:
    """(weight, style) of ``prop`` as :func:`.style.glyph_run` names them."""
    w, st = prop.get_weight(), prop.get_style()
    weight = "bold" if w in ("bold", 700) else "normal" if w in ("normal", "regular", 400) \
        else None
    return (weight, st) if weight and st in ("normal", "italic") else None


def emit_text(pdf, gc, x: float, y: float, s: str, prop, cache: dict) -> bool:
    """Write ``s`` (baseline's left end at (x, y), unrotated) as one
    BT … TJ … ET block; False, with nothing written, when the direct path
    does not apply. ``cache`` (one per page) keeps the fonts and glyph codes
    already looked up."""
    import matplotlib as mpl
    from matplotlib.backends.backend_pdf import Op
    from matplotlib.font_manager import FontPath

    if mpl.rcParams["pdf.fonttype"] != 42 or mpl.rcParams["pdf.use14corefonts"] \
            or gc.get_url() is not None:
        return False
    key = (tuple(prop.get_family()), prop.get_weight(), prop.get_style(),
           prop.get_stretch(), prop.get_variant())
    if key not in cache:
        cache[key] = None
        face = _face(prop)
        if face is not None:
            fname = S.glyph_run("", *face)[0]
            font = pdf._get_font_ttf(prop)
            path = FontPath(font.fname, font.face_index)
            if path == FontPath(fname, 0):
                cache[key] = (face, font, path, cache.setdefault(path, {}))
    if cache[key] is None:
        return False
    face, font, path, codes = cache[key]
    _, gids, kerns = S.glyph_run(s, *face)
    if 0 in gids:
        return False  # a character DejaVu lacks: matplotlib's font fallback
    tracker = pdf.file._character_tracker
    for c, g in zip(s, gids):
        if c not in codes:
            subset, code = tracker.track_glyph(font, c, g)
            if subset != 0 or code > 0xFFFF:
                return False  # alternate glyphs / astral plane: matplotlib's path
            codes[c] = code
    items: list = []
    chunk = bytearray()
    for c, k in zip(s, kerns):
        if k:
            if chunk:
                items.append(bytes(chunk))
                chunk = bytearray()
            items.append(-1000.0 * k)  # TJ units: 1/1000 of the type size
        chunk += codes[c].to_bytes(2, "big")
    if chunk:
        items.append(bytes(chunk))
    pdf.check_gc(gc, gc._rgb)
    out = pdf.file.output
    out(Op.gsave)
    out(1, 0, 0, 1, x, y, Op.concat_matrix)
    out(Op.begin_text)
    out(pdf.file.fontName(path, 0), prop.get_size_in_points(), Op.selectfont)
    out(0, 0, Op.textpos)
    out(items, Op.showkern)
    out(Op.end_text)
    out(Op.grestore)
    return True


class DirectTextRenderer:
    """Wraps the renderer a page is drawn with: unrotated, single-line,
    non-math text without ligatures goes through :func:`emit_text` on the
    PDF backend; everything else (and every other call) goes to the wrapped
    renderer, as matplotlib's own mixed-mode renderer does."""

    def __init__(self, renderer) -> None:
        self._wrapped = renderer
        self._cache: dict = {}

    def __getattr__(self, name: str):
        return getattr(self._wrapped, name)

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if not ismath and angle == 0 and s and "\n" not in s and mtext is not None \
                and tuple(mtext.get_fontfeatures() or ()) == NO_LIGATURES:
            pdf = _pdf_renderer(self._wrapped)
            if pdf is not None:
                try:
                    if emit_text(pdf, gc, x, y, s, prop, self._cache):
                        return None
                except (AttributeError, ImportError, TypeError):  # other internals
                    pass
        return self._wrapped.draw_text(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)
