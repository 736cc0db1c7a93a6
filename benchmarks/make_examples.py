"""The example reports in ``reports/``, generated from the sample corpus.

    python benchmarks/make_examples.py [CORPORA_DIR] [REPORTS_DIR]

(defaults ``corpora`` and ``reports``, run from the repository root) analyses
every ``.txt`` article under ``CORPORA_DIR`` and writes, against the bundled
real-news baseline (``benchmarks/make_baseline.py`` makes it), the full ``--out`` set (report.json, report.md, report.pdf, report.html,
figures/) for the first article, by name, of each folder, e.g.
``reports/articles/valmora-water-plan/`` and
``reports/outlets/daily-clarion/calder-bridge/`` — with the outlet folders
named by event, the first articles are the same event told by each outlet.
Same corpus and code → the same files.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Union

from framing.render.baseline import bundled
from framing.render.outdir import write_outputs

COMMAND = "python benchmarks/make_examples.py"


def regenerate(corpora_dir: Union[str, Path] = "corpora", reports_dir: Union[str, Path] = "reports",
               *, figure_formats=("png",), per_folder: int | None = 1) -> list[Path]:
    """Regenerate the example reports from ``corpora_dir``; ``per_folder`` articles per folder get reports
    (``None``: all). Returns every path written."""
    from framing.errors import InputError
    from framing.pipeline import analyze
    from framing.text.decode import read_text

    corpora, reports_root = Path(corpora_dir), Path(reports_dir)
    paths = sorted(p for p in corpora.rglob("*.txt") if p.is_file())
    if not paths:
        raise InputError(str(corpora), "no .txt articles found")
    items = []
    for p in paths:
        text, warnings = read_text(str(p))
        rel = p.relative_to(corpora)
        report = analyze(text, source=(Path(corpora.name) / rel).as_posix())
        report.warnings[:0] = warnings
        items.append((rel, text, report))
    baseline = bundled()
    written: list[Path] = []
    taken: dict[Path, int] = {}
    for rel, text, report in items:
        k = taken[rel.parent] = taken.get(rel.parent, 0) + 1
        if per_folder is not None and k > per_folder:
            continue
        written += write_outputs(report, text, reports_root / rel.with_suffix(""),
                                 figure_formats=figure_formats, baseline=baseline)
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) > 2 or any(a in ("-h", "--help") for a in args):
        sys.stdout.write(__doc__ + "\n")
        return 0 if args and args[0] in ("-h", "--help") else 2
    written = regenerate(*args)
    sys.stdout.write(f"wrote {len(written)} files\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
