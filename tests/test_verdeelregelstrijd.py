"""Allocation rules that contradict each other on the tender's own volume are an input error of the definition.

The lot of `kleine_aanbesteding` has 10 + 6 + 4 = 20 inburgeraars per year. By hand: max_aandeel 0.5 allows
int(0.5 x 20) = 10 per supplier, 0.45 allows 9, 0.04 allows 0.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from evaluatie.definitie import laad_aanbesteding
from evaluatie.fouten import InvoerFout
from tests.hulp import REPO, kleine_aanbesteding, maak_werkmap, schrijf_yaml


def _met(verdeling: dict[str, Any]) -> dict[str, Any]:
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["verdeling"] = verdeling
    return data


def _fouten(tmp_path: Path, verdeling: dict[str, Any]) -> list[str]:
    pad = schrijf_yaml(tmp_path / "aanbesteding.yaml", _met(verdeling))
    try:
        laad_aanbesteding(pad)
    except InvoerFout as e:
        return [str(f) for f in e.fouten]
    return []


def test_te_weinig_leveranciers_met_hun_aandeel_voor_het_volume(tmp_path: Path) -> None:
    fouten = _fouten(tmp_path, {"max_aandeel": 0.5, "max_leveranciers": 1})
    assert len(fouten) == 1
    assert "percelen.B1.verdeling.max_leveranciers" in fouten[0]
    assert (
        "max_aandeel 0,5 van 20 inburgeraars per jaar, naar beneden afgerond, is per inschrijver hoogstens 10"
        in fouten[0]
    )
    assert "max_leveranciers 1 dekt hoogstens 10 van de 20 inburgeraars (max_aandeel" in fouten[0]
    # 2 x 9 = 18 < 20 after rounding down, 2 x 10 = 20 covers it exactly
    assert "dekt hoogstens 18 van de 20" in _fouten(tmp_path, {"max_aandeel": 0.45, "max_leveranciers": 2})[0]
    assert _fouten(tmp_path, {"max_aandeel": 0.5, "max_leveranciers": 2}) == []


def test_een_aandeel_dat_naar_beneden_0_wordt(tmp_path: Path) -> None:
    (fout,) = _fouten(tmp_path, {"max_aandeel": 0.04})
    assert "percelen.B1.verdeling.max_aandeel" in fout
    assert "is per inschrijver hoogstens 0: niemand kan iets krijgen" in fout
    assert _fouten(tmp_path, {"max_aandeel": 0.05}) == []  # int(0.05 x 20) = 1, and 20 suppliers may share it


def test_minimum_boven_het_aandeel_en_te_veel_minima(tmp_path: Path) -> None:
    (fout,) = _fouten(tmp_path, {"max_aandeel": 0.5, "min_volume": 11})
    assert (
        "percelen.B1.verdeling.min_volume" in fout and "min_volume 11 is meer dan één inschrijver mag krijgen" in fout
    )
    assert _fouten(tmp_path, {"max_aandeel": 0.5, "min_volume": 10}) == []
    (fout,) = _fouten(tmp_path, {"min_leveranciers": 3, "min_volume": 7})
    assert "percelen.B1.verdeling.min_leveranciers" in fout and "minstens 21 inburgeraars per jaar" in fout
    assert _fouten(tmp_path, {"min_leveranciers": 3, "min_volume": 6}) == []
    assert "minstens 21" in _fouten(tmp_path, {"min_leveranciers": 21})[0]  # each chosen supplier gets at least 1


def test_alle_strijdige_regels_samen_op_de_commandoregel(tmp_path: Path) -> None:
    data = _met({"max_aandeel": 0.5, "max_leveranciers": 1, "min_leveranciers": 1})
    data["percelen"]["Z"] = {**data["percelen"]["B1"], "naam": "Z-route"}
    data["percelen"]["Z"]["verdeling"] = {"min_leveranciers": 5, "min_volume": 2}
    for g, n in zip(data["gemeenten"], (3, 2, 1), strict=True):
        g["inburgeraars"]["Z"] = n
    werkmap = maak_werkmap(tmp_path / "w", data)
    uit = subprocess.run(
        [sys.executable, "-m", "evaluatie", "inschrijvingen", "--werkmap", str(werkmap)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert uit.returncode == 2, uit.stderr
    assert "percelen.B1.verdeling.max_leveranciers" in uit.stderr
    assert "percelen.Z.verdeling.min_leveranciers" in uit.stderr and "minstens 10 inburgeraars" in uit.stderr
    assert "Traceback" not in uit.stderr


def test_open_house_krijgt_alleen_zijn_eigen_melding(tmp_path: Path) -> None:
    data = _met({"max_aandeel": 0.5, "max_leveranciers": 1})
    data["percelen"]["B1"]["procedure"] = "toelating"
    with pytest.raises(InvoerFout) as e:
        laad_aanbesteding(schrijf_yaml(tmp_path / "aanbesteding.yaml", data))
    teksten = [str(f) for f in e.value.fouten]
    assert not any("dekt hoogstens" in t for t in teksten)
    assert any("open-houseperceel" in t for t in teksten)
