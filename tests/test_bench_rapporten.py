"""The import floor of bench/rapporten.py lists every third-party module the award loads, also those a forked child
loads for the analyses (evaluatie.kindproces): the floor does not depend on whether the machine had a core free."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from tests.hulp import REPO, kopieer_voorbeeld

sys.path.insert(0, str(REPO / "bench"))
rapporten = importlib.import_module("rapporten")  # bench scripts are not a package


def test_de_vloer_telt_wat_het_kind_importeert(tmp_path: Path, monkeypatch) -> None:
    """EVALUATIE_PROCESSEN=2 asks for the child always: the Monte Carlo analysis (numpy.random) then runs there, and
    the listing must still hold it."""
    monkeypatch.setenv("EVALUATIE_PROCESSEN", "2")
    werkmap = kopieer_voorbeeld(REPO / "bids" / "voorbeeld", tmp_path / "vb")
    pakketten, modules = rapporten.afhankelijkheden(werkmap)
    assert "numpy.random" in modules
    assert {"numpy", "openpyxl", "pydantic"} <= set(pakketten)
