"""Shared fixtures: the seed report and its expected data (from /work/shared, copied in)."""

import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SEED_REPORT = FIXTURES / "jiaxian-2021-annual-report.txt"
SEED_EXPECTED = FIXTURES / "seed-expected.json"


@pytest.fixture
def seed_bytes() -> bytes:
    return SEED_REPORT.read_bytes()


@pytest.fixture
def seed_expected() -> dict:
    return json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))
