"""What each number in a report counts and how accurate it is.

One data file (``measures.json`` beside this module: the codebook's
definitions and the accuracy measured on real news, as in the README's
Accuracy table) read by every renderer, so the Markdown, HTML and PDF
reports say the same thing.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

FILE = Path(__file__).with_name("measures.json")


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    definition: str
    accuracy: str


@lru_cache(maxsize=1)
def measures() -> tuple[Measure, ...]:
    data = json.loads(FILE.read_text(encoding="utf-8"))
    return tuple(Measure(m["key"], m["label"], m["definition"], m["accuracy"])
                 for m in data["measures"])


TITLE = "What these numbers mean and how accurate they are"
