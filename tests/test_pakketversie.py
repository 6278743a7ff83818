"""The solver versions cited in the reports are read directly, and are the ones importlib.metadata gives."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from evaluatie.verdeling.oplosser import pakketversie


@pytest.mark.parametrize("pakket", ["highspy", "pulp", "numpy", "click", "pydantic", "PuLP", "python-calamine"])
def test_zelfde_versie_als_importlib_metadata(pakket: str) -> None:
    assert pakketversie(pakket) == version(pakket)


def _dist(map_: Path, naam: str, kop: str) -> None:
    d = map_ / naam
    d.mkdir(parents=True)
    (d / "METADATA").write_text(kop, encoding="utf-8")


def test_eerste_map_op_sys_path_wint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A distribution earlier on sys.path shadows the installed one, for both."""
    _dist(tmp_path, "highspy-9.9.9.dist-info", "Metadata-Version: 2.1\nName: highspy\nVersion: 9.9.9\n\nBody: 1.0\n")
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    assert pakketversie("highspy") == "9.9.9" == version("highspy")


@pytest.mark.parametrize(
    "kop",
    [
        "Metadata-Version: 2.1\nName: highspy\nVersion:\n 9.9.9\n",  # a folded header line
        "Metadata-Version: 2.1\nName: iets-anders\nVersion: 9.9.9\n",  # another name inside
        "Metadata-Version: 2.1\nName: highspy\n",  # no version at all
    ],
)
def test_ander_geval_aan_importlib_metadata(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kop: str) -> None:
    """What the direct reading does not cover is answered by importlib.metadata itself."""
    _dist(tmp_path, "highspy-9.9.9.dist-info", kop)
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    try:
        verwacht: str | None = version("highspy")
    except Exception:  # importlib.metadata's own answer for a broken file, whatever it is
        verwacht = None
    try:
        gekregen: str | None = pakketversie("highspy")
    except Exception:
        gekregen = None
    assert gekregen == verwacht


def test_twee_distributies_in_een_map(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _dist(tmp_path, "highspy-9.9.9.dist-info", "Name: highspy\nVersion: 9.9.9\n")
    _dist(tmp_path, "highspy-8.0.0.dist-info", "Name: highspy\nVersion: 8.0.0\n")
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    assert pakketversie("highspy") == version("highspy")


def _geen_importlib(monkeypatch: pytest.MonkeyPatch) -> None:
    def weigeren(naam: str) -> str:
        raise AssertionError(f"importlib.metadata gevraagd naar {naam}")

    monkeypatch.setattr("importlib.metadata.version", weigeren)


_ZONDER_IMPORTLIB = """
import importlib.metadata, sys
def weigeren(naam):
    raise AssertionError("importlib.metadata gevraagd naar " + naam)
importlib.metadata.version = weigeren
from evaluatie.verdeling.oplosser import pakketversie
print(pakketversie(sys.argv[1]))
"""


@pytest.mark.parametrize("pakket", ["highspy", "pulp"])
def test_gewoon_geval_zonder_importlib_metadata(pakket: str) -> None:
    """The plain case (one <pakket>-<versie>.dist-info in the first folder that has one) is read directly:
    the installed solvers whose versions every award cites are found without importlib.metadata. In a fresh
    process, with the sys.path an award has (tests may put folders such as bench/, with pulp_referentie.py,
    in front, and then the answer is rightly left to importlib.metadata)."""
    uit = subprocess.run(
        [sys.executable, "-c", _ZONDER_IMPORTLIB, pakket], capture_output=True, text=True, cwd=Path(__file__).parent
    )
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.strip() == version(pakket)


def test_eigen_map_direct_gelezen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _dist(tmp_path, "highspy-9.9.9.dist-info", "Metadata-Version: 2.1\nName: highspy\nVersion: 9.9.9\n\nBody: 1.0\n")
    (tmp_path / "highspy").mkdir()  # the package itself next to its dist-info, as in site-packages
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    _geen_importlib(monkeypatch)
    assert pakketversie("highspy") == "9.9.9"


@pytest.mark.parametrize("ander", ["highspy_extra-1.0.dist-info", "highspy.egg-link", "HighsPy-7.0.0.dist-info"])
def test_naamgenoot_laat_het_aan_importlib_metadata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ander: str
) -> None:
    """A second entry whose name starts like the package's leaves the answer to importlib.metadata."""
    _dist(tmp_path, "highspy-9.9.9.dist-info", "Metadata-Version: 2.1\nName: highspy\nVersion: 9.9.9\n")
    _dist(tmp_path, ander, "Metadata-Version: 2.1\nName: highspy-extra\nVersion: 1.0\n")
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    verwacht = version("highspy")
    _geen_importlib(monkeypatch)
    with pytest.raises(AssertionError, match=r"importlib\.metadata gevraagd"):
        pakketversie("highspy")
    monkeypatch.undo()
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    assert pakketversie("highspy") == verwacht
