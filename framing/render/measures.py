"""What each number in a report counts and how accurate it is.

One data file (``measures.json`` beside this module: the codebook's
definitions and the accuracy measured on real news, as in the README's
Accuracy table) read by every renderer, so the Markdown, HTML and PDF
reports say the same thing — for the model the report was made with (the
default encoder or ``--fast``).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..metrics import LOW_CONFIDENCE

FILE = Path(__file__).with_name("measures.json")
TITLE = "What these numbers mean and how accurate they are"


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    definition: str
    accuracy: str
    accuracy_fast: str = ""


@lru_cache(maxsize=1)
def measures() -> tuple[Measure, ...]:
    data = json.loads(FILE.read_text(encoding="utf-8"))
    return tuple(Measure(m["key"], m["label"], m["definition"], m["accuracy"],
                         m.get("accuracy_fast", "")) for m in data["measures"])


def model_kind(report: Any) -> str:
    """"default", "fast" or "user" from the report's sentiment model name."""
    name = getattr(getattr(report, "actors", None), "sentiment_model", "") or ""
    if name.startswith("linear ("):
        return "user"
    return "fast" if name.startswith("linear") else "default"


def rows(report: Any) -> list[tuple[str, str, str]]:
    """(label, what it counts, measured accuracy) for the model in use."""
    kind = model_kind(report)
    out = []
    for m in measures():
        acc = m.accuracy_fast if kind == "fast" and m.accuracy_fast else m.accuracy
        if kind == "user" and m.key == "actors":
            acc = ("Sentiment from your own model (--model): not measured here; "
                   "`framing validate` measures it on your codes.")
        out.append((m.label, m.definition, acc))
    return out


def intro(report: Any) -> str:
    """The sentence above the table: the model in use and what is marked."""
    name = getattr(getattr(report, "actors", None), "sentiment_model", "") or "–"
    return (f"Sentiment model: {name}. Confidence is shown per quote and per question "
            f"where the analyzer gives one; below {LOW_CONFIDENCE:.1f} a finding is marked "
            f"low confidence.")


def diversity(src: Any) -> str:
    """'Simpson diversity 0.48, 5 of 6 sources typed': the index is over typed
    sources only (``unknown`` left out), so the count it rests on is named."""
    typed = src.count - src.by_type.get("unknown", 0)
    simpson = "–" if src.simpson is None else f"{src.simpson:.2f}"
    return f"Simpson diversity {simpson}, {typed} of {src.count} source{'s' if src.count != 1 else ''} typed"
