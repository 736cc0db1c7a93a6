"""Training examples from a codes file (the ``framing validate`` format):
one per unit of the chosen variable that has a span, labelled by the
coders' majority (a unit whose coders tie is left out)."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..validate.codes import Code, CodesError
from ..validate.match import article_path
from ..validate.report import majority
from . import Example


def pick_variable(codes: list[Code], wanted: str | None, default: str) -> str:
    """The variable named ``wanted``, else the one variable whose name
    contains ``default`` (the component's), else the file's only variable."""
    names = list(dict.fromkeys(c.variable for c in codes))
    if wanted is not None:
        if wanted not in names:
            raise CodesError(f"no variable {wanted!r} in the codes (have: {', '.join(names)})")
        return wanted
    fits = [n for n in names if default in n.lower()]
    if len(fits) == 1:
        return fits[0]
    if len(names) == 1:
        return names[0]
    raise CodesError(f"say which variable holds the labels with --variable (have: "
                     f"{', '.join(names)})")


def examples(codes: list[Code], variable: str, articles: Path, labels: tuple[str, ...],
             read: Callable[[Path], str]) -> tuple[list[Example], int]:
    """``(examples, units left out)``; ``read(path)`` gives an article's text.
    Labels are matched to ``labels`` up to case; any other label is an error."""
    by_unit: dict[str, list] = {}
    span: dict[str, tuple] = {}
    for c in codes:
        if c.variable != variable:
            continue
        by_unit.setdefault(c.unit, [])
        if c.value is not None:
            lab = c.value.casefold()
            if lab not in labels:
                raise CodesError(f"unit {c.unit!r}: label {c.value!r} is not one of "
                                 f"{', '.join(labels)}")
            by_unit[c.unit].append(lab)
        if c.unit not in span and None not in (c.article, c.start, c.end):
            span[c.unit] = (c.article, c.start, c.end)
    texts: dict[str, str] = {}
    out, left_out = [], 0
    for unit, vals in by_unit.items():
        lab = majority(vals)
        if lab is None or unit not in span:
            left_out += 1
            continue
        art, start, end = span[unit]
        if art not in texts:
            texts[art] = read(article_path(articles, art))
        text = texts[art]
        if not 0 <= start < end <= len(text):
            raise CodesError(f"unit {unit!r}: span {start}-{end} is not inside {art} "
                             f"({len(text)} characters)")
        out.append(Example(art, text, start, end, lab))
    return out, left_out
