"""Agency: who is made to act and who is acted on (CODEBOOK §5).

The analyzer is in :mod:`.analyzer`; see its docstring for the rules and sources.
"""
from .analyzer import ANALYZER

__all__ = ["ANALYZER"]
