"""Actors and the sentiment the article shows toward each of them.

The analyzer is in :mod:`.analyzer`; see its docstring for the rules and sources.
"""
from .analyzer import ANALYZER

__all__ = ["ANALYZER"]
