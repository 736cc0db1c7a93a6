"""``framing validate CODES``: agreement among human coders (Krippendorff's
alpha with a bootstrap CI, pairwise agreement) and, with ``--articles``,
framing scored as one more coder. Imports only numpy beyond framing."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from ._common import error


class Format(str, Enum):
    text = "text"
    json = "json"


class Level(str, Enum):
    nominal = "nominal"
    ordinal = "ordinal"
    interval = "interval"
    ratio = "ratio"


def validate(
    codes: Path = typer.Argument(..., metavar="CODES",
                                 help="CSV or JSON Lines of codes: unit,coder,value"
                                      "[,variable,article,start,end]; an empty value is missing."),
    articles: Optional[Path] = typer.Option(None, "--articles",
                                            help="Folder of the coded articles: framing runs on "
                                                 "each and is scored as one more coder (the "
                                                 "variable's name says which finding: README)."),
    fmt: Format = typer.Option(Format.text, "--format", "-f", help="text or json."),
    out: Optional[Path] = typer.Option(None, "--out", "-o",
                                       help="Write validate.json and disagreements.html here."),
    level: Level = typer.Option(Level.nominal, "--level",
                                help="Level of measurement of the values (never guessed; "
                                     "ordinal, interval and ratio need numbers)."),
    samples: int = typer.Option(1000, "--bootstrap", min=0,
                                help="Bootstrap draws (units resampled) for the 95% CI; 0: none."),
    seed: int = typer.Option(0, "--seed", help="Seed of the bootstrap."),
    fast: bool = typer.Option(False, "--fast", help="With --articles: the linear sentiment model."),
    model: Optional[List[Path]] = typer.Option(None, "--model",
                                               help="With --articles: a model written by "
                                                    "`framing train` (repeatable)."),
) -> None:
    """Intercoder reliability of human codes, and framing's agreement with them."""
    from ..errors import FramingError
    from ..validate.codes import read_codes
    from ..validate.render import disagreements_html, to_text
    from ..validate.report import build

    if articles is not None and not articles.is_dir():
        error(f"{articles}: not a folder")
        raise typer.Exit(code=1)
    if articles is None and (fast or model):
        error("--fast and --model need --articles")
        raise typer.Exit(code=2)
    try:
        with _models(model) as implied:
            rep, dis = build(read_codes(codes), level.value, articles,
                             analyze=_analyzer(implied.get("fast", fast)), samples=samples,
                             seed=seed)
    except FramingError as exc:
        error(str(exc))
        raise typer.Exit(code=1)
    if out is not None:
        try:
            out.mkdir(parents=True, exist_ok=True)
            (out / "validate.json").write_text(json.dumps(rep, indent=2, ensure_ascii=False) + "\n",
                                               encoding="utf-8")
            (out / "disagreements.html").write_text(disagreements_html(dis), encoding="utf-8")
        except OSError as exc:
            error(f"{out}: cannot write ({exc.strerror or exc})")
            raise typer.Exit(code=1)
        typer.echo(f"wrote validate.json and disagreements.html to {out}", err=True)
    if fmt is Format.json:
        sys.stdout.write(json.dumps(rep, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(to_text(rep))


def _models(paths):
    if not paths:
        from contextlib import nullcontext

        return nullcontext({})
    from ..train import use_models

    return use_models(paths)


def _analyzer(fast: bool):
    """``path -> (text, report)``: an article read and analysed as
    ``framing analyze`` does (offsets into the same text)."""
    def run(path):
        from ..io.corpus import read_article
        from ..pipeline import analyze

        text, _, _ = read_article(path)
        return text, analyze(text, source=str(path), fast=fast)

    return run
