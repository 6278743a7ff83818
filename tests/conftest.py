from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

from bids.genereer_voorbeeld import genereer
from tests.hulp import kopieer_voorbeeld

# Every hypothesis test runs the same examples on every run (no random seed from the clock): a
# failure is reproducible, and CI cannot pass by luck. A test's own @settings keeps this default.
settings.register_profile("evaluatie", derandomize=True, print_blob=True)
settings.load_profile("evaluatie")


@pytest.fixture(scope="session")
def voorbeeld_bron(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example tender, generated once per test session by the same code as bids/voorbeeld."""
    return genereer(tmp_path_factory.mktemp("bron") / "voorbeeld")


@pytest.fixture
def voorbeeld(voorbeeld_bron: Path, tmp_path: Path) -> Path:
    """A private copy of the example workspace a test may change."""
    return kopieer_voorbeeld(voorbeeld_bron, tmp_path / "voorbeeld")
