from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = ROOT / "corpora" / "articles" / "valmora-water-plan.txt"


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def fixture_texts() -> list[str]:
    """Every text fixture we wrote, plus the quick-start sample article."""
    return [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))] + [
        SAMPLE.read_text(encoding="utf-8")
    ]
