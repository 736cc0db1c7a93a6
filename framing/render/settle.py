"""Byte-identical PDFs: settle a constrained layout at rounded positions.

Matplotlib's constrained layout solves for the axes positions with
kiwisolver, whose results differ between runs in the last bits (about 1e-10
of the page; a coordinate then prints as ``-0`` in one run and ``0`` in the
next). :func:`settle_layout` runs the layout once, rounds every axes
position and switches the engine off, so the same figure always draws the
same bytes.
"""
from __future__ import annotations

DIGITS = 6  # a millionth of the page: far below a printed dot


def settle_layout(fig, digits: int = DIGITS) -> None:
    """Run ``fig``'s layout, round each axes position, freeze the layout."""
    if fig.get_layout_engine() is None:
        return
    import numpy as np

    fig.draw_without_rendering()
    figs, axes = [fig], []
    while figs:  # the figure and its sub-figures, each with its own axes
        f = figs.pop()
        axes += [(ax, ax.get_position(original=False).bounds) for ax in f.axes]
        figs += list(getattr(f, "subfigs", []))
        if f is not fig:
            f.bbox_relative.set_points(np.round(f.bbox_relative.get_points(), digits))
    fig.set_layout_engine("none")
    for ax, (x, y, w, h) in axes:
        ax.set_position([round(x, digits), round(y, digits), round(w, digits), round(h, digits)])
