"""``framing analyze FILE --out DIR``: every output of one article.

::

    DIR/report.json        the report contract
    DIR/report.md          summary against the baseline + evidence tables
    DIR/figures/*.png      rates, positions, voice_share, actor_sentiment
                           (and .svg / .pdf when asked for)
    DIR/report.pdf         multi-page report
    DIR/report.html        the article with its evidence highlighted

Each file is written to a temporary name in ``DIR`` and moved into place
(``os.replace``), so a reader never sees half a file. matplotlib is imported
here only when the figures are drawn. The figures and the PDF are drawn side
by side in two processes where that is safe (:func:`write_outputs`).
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable, Optional, Union

from ..report import ArticleReport
from .baseline import Baseline, resolve

FIGURE_FORMATS = ("png", "svg", "pdf")


def parse_formats(formats: Union[str, Iterable[str]]) -> tuple[str, ...]:
    """``"png,svg"`` or ``["png", "svg"]`` → ``("png", "svg")``; raises
    ``ValueError`` naming the valid choices for anything else."""
    items = formats.split(",") if isinstance(formats, str) else list(formats)
    out: list[str] = []
    for f in items:
        f = f.strip().lower().lstrip(".")
        if not f:
            continue
        if f not in FIGURE_FORMATS:
            raise ValueError(f"unknown figure format {f!r}: "
                             f"choose from {', '.join(FIGURE_FORMATS)}")
        if f not in out:
            out.append(f)
    return tuple(out) or ("png",)


def atomic_write(path: Path, data: Union[bytes, str]) -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder."""
    path = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path


def _write_figures(report: ArticleReport, text: str, bl: Optional[Baseline], out: Path,
                   formats: tuple[str, ...]) -> None:
    """figures/* and report.html (which embeds the PNGs)."""
    from .figures import all_figures, figure_bytes
    from .html import to_html

    figdir = out / "figures"
    png: dict[str, bytes] = {}
    for stem, fig in all_figures(report, bl).items():
        for fmt in formats:
            data = figure_bytes(fig, fmt)
            if fmt == "png":
                png[stem] = data
            atomic_write(figdir / f"{stem}.{fmt}", data)
        if "png" not in formats:  # the HTML view embeds PNGs
            png[stem] = figure_bytes(fig, "png")
    atomic_write(out / "report.html", to_html(report, text, baseline=bl, figures=png))


def write_outputs(report: ArticleReport, text: str, out_dir: Union[str, Path], *,
                  figure_formats: Union[str, Iterable[str]] = ("png",),
                  baseline: Union[Baseline, str, Path, None] = None) -> list[Path]:
    """Write every output for one article into ``out_dir`` (created if
    needed) and return the paths written, in order.

    ``text`` is the exact analysed text (the report's offsets point into it);
    ``figure_formats`` any of png, svg, pdf (a list or ``"png,svg"``);
    ``baseline`` a :class:`Baseline`, a baseline ``.json`` file, a corpus
    source to compute one from (see :func:`~.baseline.cached` to do that once
    for many articles), or ``None`` for the bundled real-news baseline.

    Everything is drawn in this process, in a fixed order: the files are
    the same byte for byte on every run.
    """
    from . import to_json
    from .figures import FIGURES
    from .markdown import to_markdown

    formats = parse_formats(figure_formats)
    bl = resolve(baseline)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / "figures").mkdir(exist_ok=True)

    written = [atomic_write(out / "report.json", to_json(report) + "\n")]
    md_ext = formats[0] if formats[0] != "pdf" or len(formats) == 1 else formats[1]
    written.append(atomic_write(out / "report.md",
                                to_markdown(report, text, baseline=bl, figures=list(FIGURES),
                                            figure_ext=md_ext)))
    written += [out / "figures" / f"{stem}.{fmt}" for stem in FIGURES for fmt in formats]

    from .pdf import pdf_bytes

    written.append(atomic_write(out / "report.pdf", pdf_bytes(report, text, bl)))
    _write_figures(report, text, bl, out, formats)
    written.append(out / "report.html")
    return written
