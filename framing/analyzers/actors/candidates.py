"""The mention record that detection, merging, typing and coreference share."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Cand:
    """A mention before merging: offsets, how it was found, its surface key."""

    start: int
    end: int
    kind: str          # name | acronym | demonym | place | group | user | pronoun | description
    key: str           # the words that identify the actor ("Ulf Laessing", "Russia")
    type: str = "unknown"  # person | organisation | place | group | unknown
    title: Optional[str] = None   # head word of a title before it ("president")
    gender: Optional[str] = None  # "m" | "f" from a title
    alias_of: Optional[str] = None  # for an acronym: the key of its expansion
    actor: Optional[int] = None  # index of the actor after merging
    extra: dict = field(default_factory=dict)
