"""Sources by type, their diversity and prominence, and cue-verb stance by side.

The analyzer is in :mod:`.analyzer`; typing rules in :mod:`.roles`; the
indices in :mod:`.diversity`.
"""
from .analyzer import ANALYZER
from .roles import type_speaker

__all__ = ["ANALYZER", "type_speaker"]
