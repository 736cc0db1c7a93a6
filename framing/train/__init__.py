"""Learned components a user can refit on their own codes (``framing train``),
and loading the models it writes (``framing analyze --model FILE``,
``framing.analyze(text, model=FILE)``).

A component is registered once, by name, with dotted paths to its trainer
and its activator, so that nothing heavy (scikit-learn) is imported until a
command needs it::

    register(Component("sentiment-fast", ..., trainer="framing.train.sentiment_fast:train",
                       activate="framing.sentiment.linear:use_model", implies={"fast": True}))

* ``trainer(examples, **options) -> TrainResult`` fits on
  :class:`Example` s (a span of an article and its label) and returns the
  model as a JSON-ready dict with ``"component"`` set to the name, plus
  cross-validated figures;
* ``activate(data, source)`` returns a context manager inside which the
  analysis uses the model; ``implies`` are the :func:`framing.analyze`
  options the model needs (the sentiment model is the ``fast`` one).

A model file is JSON (never pickle) and names its component, so
:func:`use_models` finds the activator from the file alone. A question
classifier registers the same way under another name.
"""
from __future__ import annotations

import hashlib
import json
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from ..errors import FramingError

__all__ = ["Component", "Example", "TrainResult", "ModelFileError", "register", "component",
           "COMPONENTS", "read_model", "use_models"]


class ModelFileError(FramingError):
    """A model file given by the user cannot be used; the message names it."""


@dataclass(frozen=True)
class Example:
    """One training example: ``text[start:end]`` of an article, and its label."""

    article: str
    text: str
    start: int
    end: int
    label: str


@dataclass
class TrainResult:
    model: dict[str, Any]                 # the JSON-ready model, "component" set
    cv: dict[str, Any] = field(default_factory=dict)   # cross-validated figures
    lines: list[str] = field(default_factory=list)     # the figures, for people


@dataclass(frozen=True)
class Component:
    name: str
    description: str
    variable: str          # the codes' variable name that holds its labels by default
    labels: tuple[str, ...]
    trainer: str           # "module:function"
    activate: str          # "module:function"
    implies: dict[str, Any] = field(default_factory=dict)

    def load(self, which: str) -> Callable:
        module, _, fn = getattr(self, which).partition(":")
        return getattr(import_module(module), fn)


COMPONENTS: dict[str, Component] = {}


def register(comp: Component) -> Component:
    if comp.name in COMPONENTS and COMPONENTS[comp.name] != comp:
        raise ValueError(f"component {comp.name!r} is already registered")
    COMPONENTS[comp.name] = comp
    return comp


def component(name: str) -> Component:
    try:
        return COMPONENTS[name]
    except KeyError:
        raise ModelFileError(f"unknown component {name!r} (known: {', '.join(COMPONENTS)})") from None


register(Component(
    "sentiment-fast",
    "the --fast target-sentiment model (linear, framing/sentiment/linear.py)",
    variable="sentiment", labels=("negative", "neutral", "positive"),
    trainer="framing.train.sentiment_fast:train",
    activate="framing.sentiment.linear:use_model",
    implies={"fast": True},
))


def read_model(path: str | Path) -> tuple[Component, dict[str, Any], str]:
    """``(component, data, source)`` of a model file; ``source`` names the
    file and the first 12 hex digits of its sha256."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise ModelFileError(f"{p}: cannot read the model ({exc.strerror or exc})") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelFileError(f"{p}: not a JSON model file ({exc})") from None
    if not isinstance(data, dict) or "component" not in data:
        raise ModelFileError(f"{p}: not a model written by `framing train` (no 'component' field)")
    try:
        comp = component(str(data["component"]))
    except ModelFileError as exc:
        raise ModelFileError(f"{p}: {exc}") from None
    return comp, data, f"{p.name} (sha256 {hashlib.sha256(raw).hexdigest()[:12]})"


@contextmanager
def use_models(paths: str | Path | Sequence[str | Path]) -> Iterator[dict[str, Any]]:
    """Inside the block the analyses use the given model files; yields the
    options they imply (``{"fast": True}`` for a sentiment model) and, under
    ``"sources"``, what each model was (file name and checksum)."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    implied: dict[str, Any] = {"sources": {}}
    with ExitStack() as stack:
        seen = set()
        for path in paths:
            comp, data, source = read_model(path)
            if comp.name in seen:
                raise ModelFileError(f"{path}: a second {comp.name} model (give one per component)")
            seen.add(comp.name)
            try:
                stack.enter_context(comp.load("activate")(data, source))
            except (KeyError, TypeError, ValueError) as exc:
                raise ModelFileError(f"{path}: malformed {comp.name} model ({exc})") from None
            implied.update(comp.implies)
            implied["sources"][comp.name] = source
        yield implied
