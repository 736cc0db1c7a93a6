"""Quotation attribution: who is quoted, in whose words, introduced how.

The analyzer is in :mod:`.analyzer`; see its docstring for the rules and sources.
"""
from .analyzer import ANALYZER

__all__ = ["ANALYZER"]
