"""Validation against human coders: Krippendorff's alpha (:mod:`.alpha`),
reading codes (:mod:`.codes`), framing as one more coder (:mod:`.match`),
the report (:mod:`.report`) and its renderings (:mod:`.render`). Used by
``framing validate``; nothing here is imported by ``framing analyze``."""
from __future__ import annotations

from .alpha import LEVELS, AlphaResult, alpha, bootstrap_ci

__all__ = ["LEVELS", "AlphaResult", "alpha", "bootstrap_ci"]
