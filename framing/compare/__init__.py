"""Outlet comparison: article-level statistics (:mod:`.stats`), the comparer (:mod:`.comparer`), its sections (:mod:`.sections`)."""
