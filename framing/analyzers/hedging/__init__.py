"""Hedges and boosters: where a text softens or strengthens its claims.

The analyzer is in :mod:`.analyzer`; see its docstring for the rules and sources.
"""
from .analyzer import ANALYZER

__all__ = ["ANALYZER"]
