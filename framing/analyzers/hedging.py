"""Placeholder replaced by the hedging helper."""
from ..report import HedgingSection
from .base import Analyzer

ANALYZER = Analyzer("hedging", lambda ctx: HedgingSection())
