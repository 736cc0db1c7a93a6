"""Helpers shared by the test modules (kept out of conftest so that a test
imports what it uses by name)."""
from __future__ import annotations

import os
from pathlib import Path


def outlets_with_an_unreadable_sub_folder(root: Path, text: str, monkeypatch,
                                          unreadable: str = "b") -> Path:
    """Folders ``root/a`` and ``root/<unreadable>``, each with ``x.txt``
    holding ``text``; ``os.walk`` is patched to do what it does for a folder
    without read permission (call ``onerror`` with a PermissionError and skip
    it), which a test running as root cannot get from ``chmod``."""
    for name in ("a", unreadable):
        (root / name).mkdir(parents=True)
        (root / name / "x.txt").write_text(text, encoding="utf-8")
    real_walk = os.walk

    def walk(top, onerror=None, **kw):
        for dirpath, dirnames, filenames in real_walk(top, onerror=onerror, **kw):
            if Path(dirpath).name == unreadable:
                if onerror is not None:
                    onerror(PermissionError(13, "Permission denied", dirpath))
                continue
            yield dirpath, dirnames, filenames

    monkeypatch.setattr(os, "walk", walk)
    return root
