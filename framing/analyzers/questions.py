"""Placeholder replaced by the questions helper."""
from ..report import QuestionsSection
from .base import Analyzer

ANALYZER = Analyzer("questions", lambda ctx: QuestionsSection())
