"""``framing train CODES --articles DIR --component NAME``: refit a learned
component on a user's own codes (scikit-learn, imported here only) and write
a JSON model that ``framing analyze --model FILE`` loads."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Optional

import typer

from ._common import error


def train(
    codes: Path = typer.Argument(..., metavar="CODES",
                                 help="Codes in the `framing validate` format (CSV or JSON "
                                      "Lines) with article, start and end."),
    articles: Path = typer.Option(..., "--articles", help="Folder of the coded articles."),
    component: str = typer.Option("sentiment-fast", "--component",
                                  help="What to refit: sentiment-fast (the --fast sentiment "
                                       "model)."),
    out: Path = typer.Option(Path("model.json"), "--out", "-o", help="The model file to write."),
    variable: Optional[str] = typer.Option(None, "--variable",
                                           help="The codes' variable with the labels (default: "
                                                "the one named after the component)."),
    folds: int = typer.Option(5, "--folds", min=2, help="Cross-validation folds."),
) -> None:
    """Refit a learned component on your own codes; print cross-validated figures."""
    from ..errors import FramingError
    from ..train import component as find_component
    from ..train.examples import examples, pick_variable
    from ..validate.codes import read_codes

    if not articles.is_dir():
        error(f"{articles}: not a folder")
        raise typer.Exit(code=1)
    shipped = (Path(__file__).resolve().parent.parent / "models").resolve()
    if shipped == out.resolve().parent or shipped in out.resolve().parents:
        error(f"{out}: refusing to write into the shipped models folder")
        raise typer.Exit(code=2)
    try:
        comp = find_component(component)
        all_codes = read_codes(codes)
        var = pick_variable(all_codes, variable, comp.variable)
        exs, left_out = examples(all_codes, var, articles, comp.labels, _read)
        if not exs:
            raise FramingError(f"{codes}: no unit of {var!r} has a span and a majority label")
        source = {"codes": codes.name, "codes_sha256": hashlib.sha256(codes.read_bytes()).hexdigest(),
                  "variable": var, "left_out": left_out}
        result = comp.load("trainer")(exs, folds=folds, source=source)
    except FramingError as exc:
        error(str(exc))
        raise typer.Exit(code=1)
    for line in result.lines:
        typer.echo(line)
    if left_out:
        typer.echo(f"{left_out} unit(s) left out (no span, or the coders tie)")
    try:
        out.write_text(json.dumps(result.model, sort_keys=True, ensure_ascii=False,
                                  separators=(",", ":")) + "\n", encoding="utf-8")
    except OSError as exc:
        error(f"{out}: cannot write the model ({exc.strerror or exc})")
        raise typer.Exit(code=1)
    typer.echo(f"wrote {out} ({len(result.model.get('weights', {})):,} features); use it with "
               f"`framing analyze --model {out}`", err=True)


def _read(path: Path) -> str:
    from ..io.corpus import read_article

    return read_article(path)[0]
