from __future__ import annotations

from pathlib import Path

import pytest

from bids.genereer_voorbeeld import genereer
from tests.hulp import kopieer_voorbeeld


@pytest.fixture(scope="session")
def voorbeeld_bron(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example tender, generated once per test session by the same code as bids/voorbeeld."""
    return genereer(tmp_path_factory.mktemp("bron") / "voorbeeld")


@pytest.fixture
def voorbeeld(voorbeeld_bron: Path, tmp_path: Path) -> Path:
    """A private copy of the example workspace a test may change."""
    return kopieer_voorbeeld(voorbeeld_bron, tmp_path / "voorbeeld")
