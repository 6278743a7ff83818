"""A relaxation (stages 1-3) solved again with the same inputs within one lot is taken over, not solved again
(evaluatie.verdeling.pad.relaxaties_onthouden): the explanation of who gets less than its capacity solves the lot
with one rule off, and without max_leveranciers_per_gemeente the merged relaxation is the one the K path solved
first (issue #24: the example's B1 solved the same three stages twice)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from evaluatie.cli import main
from evaluatie.definitie.model import Verdeelregels
from evaluatie.verdeling import pad
from evaluatie.verdeling.model import Verdeling
from evaluatie.verdeling.opbouw import Opbouw
from tests.hulp import kopieer_voorbeeld
from tests.test_verdeling_verfijning import _probleem


def _relaxaties(monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """Every relaxation solved (stages 1-3), as its model: bounds, integrality, rows and objectives."""
    gezien: list[tuple] = []
    echt = pad.lexicografisch

    def spion(m, o: Opbouw, stappen: int = 4, **k):
        if stappen == 3:
            lin = o.lin
            rijen = tuple((tuple(ix), tuple(cs), lo, hi) for ix, cs, lo, hi in lin.rijen)
            gezien.append((tuple(lin.onder), tuple(lin.boven), tuple(lin.geheel), rijen, repr(o.doelen)))
        return echt(m, o, stappen, **k)

    monkeypatch.setattr(pad, "lexicografisch", spion)
    return gezien


def _zonder_tijd(v: Verdeling) -> Verdeling:
    return v.model_copy(update={"bouwtijd": 0.0, "oplostijd": 0.0})


@pytest.mark.parametrize("oplosser", ["highs", "cbc", "auto"])
def test_zelfde_relaxatie_een_keer_met_dezelfde_uitkomst(monkeypatch: pytest.MonkeyPatch, oplosser: str) -> None:
    """A 10, B 2, K = 1 (test_verdeling_verfijning: the K path's first relaxation merges A and B). The same lot
    without K is the merged model, whose stages 1-3 are that relaxation: within `relaxaties_onthouden` it is
    solved once, and both allocations are the ones solved without it (engines and stage values included)."""
    met_k = _probleem({"A": 10, "B": 2}, (6, 6, 12))
    zonder_k = replace(met_k, regels=Verdeelregels())
    los = _relaxaties(monkeypatch)
    apart = [pad.verdeel_exact(met_k, oplosser, None), pad.verdeel_exact(zonder_k, oplosser, None)]
    n_apart = len(los)
    del los[:]
    with pad.relaxaties_onthouden():
        samen = [pad.verdeel_exact(met_k, oplosser, None), pad.verdeel_exact(zonder_k, oplosser, None)]
    assert len(los) == n_apart - 1
    assert len(set(los)) == len(los)
    assert [_zonder_tijd(v) for v in samen] == [_zonder_tijd(v) for v in apart]
    assert samen[1].pad == pad.SAMENGEVOEGD and samen[0].pad == pad.VERFIJND


def test_buiten_het_blok_niets_onthouden(monkeypatch: pytest.MonkeyPatch) -> None:
    """Outside the block (a library call, the analyses) every relaxation is solved, and the block forgets at its
    end: the same lot twice after it solves its relaxations twice."""
    p = replace(_probleem({"A": 10, "B": 2}, (6, 6, 12)), regels=Verdeelregels())
    with pad.relaxaties_onthouden():
        pad.verdeel_exact(p, "highs", None)
    los = _relaxaties(monkeypatch)
    pad.verdeel_exact(p, "highs", None)
    pad.verdeel_exact(p, "highs", None)
    assert len(los) == 2 and los[0] == los[1]


def test_voorbeeld_lost_geen_relaxatie_twee_keer_op(
    monkeypatch: pytest.MonkeyPatch, voorbeeld_bron: Path, tmp_path: Path
) -> None:
    """The example's award with all reports: no relaxation is solved twice (B1 solved its merged relaxation again
    for the explanation without max_leveranciers_per_gemeente)."""
    ws = kopieer_voorbeeld(voorbeeld_bron, tmp_path / "vb")
    los = _relaxaties(monkeypatch)
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    assert los and len(set(los)) == len(los)
