"""Small trained models shipped with the package, and their loader.

Models are plain JSON (never pickle): a linear model is its classes, its
intercepts and a ``weights`` map from feature name to one weight per class,
plus a ``training`` record (data file and checksum, hyper-parameters,
library versions) written by the script that reproduces it
(``benchmarks/train_sentiment.py`` for ``target_sentiment.json``).
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import FramingError

__all__ = ["load_model", "ModelError"]


class ModelError(FramingError):
    """A model file shipped with the package is missing or malformed."""


@lru_cache(maxsize=None)
def load_model(name: str) -> dict[str, Any]:
    """The parsed JSON model ``name`` (cached: read once per process)."""
    try:
        raw = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ModelError(f"model {name!r} is not installed with the package "
                         "(run benchmarks/train_sentiment.py to rebuild it)") from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ModelError(f"model {name!r} is not valid JSON: {exc}") from exc
    for key in ("format", "classes", "intercept", "weights"):
        if key not in data:
            raise ModelError(f"model {name!r} has no {key!r} field")
    if data["format"] != "framing.linear/1":
        raise ModelError(f"model {name!r} has format {data['format']!r}, "
                         "expected 'framing.linear/1'")
    return data
