"""Every HiGHS and CBC status maps to a true sentence; only optimal, infeasible and the time limit
lead on; anything else is exit 1 naming the solver status, never 'infeasible'. An infeasibility
verdict is given only when a second engine confirms it."""

from __future__ import annotations

from pathlib import Path

import highspy
import pulp
import pytest
from click.testing import CliRunner

from evaluatie.cli import main
from evaluatie.definitie.model import Verdeelregels
from evaluatie.fouten import EvaluatieFout
from evaluatie.verdeling import bevestiging, matrix, status, verdelen
from evaluatie.verdeling.model import Leverancier, Verdeelprobleem
from evaluatie.verdeling.pad import Onhaalbaar
from evaluatie.verdeling.verdelen import verdeel

LEIDEND = {"kOptimal": "optimaal", "kInfeasible": "onhaalbaar", "kUnboundedOrInfeasible": "onhaalbaar"}
ONWAAR = ("niet te verenigen", "onhaalbaar", "geen verdeling voldoet")


def _probleem(capaciteit: int = 20, **regels) -> Verdeelprobleem:
    lev = (
        Leverancier("S1", 80.0, 9000.0, capaciteit, ("G",), 0),
        Leverancier("S2", 70.0, 8000.0, capaciteit, ("G",), 1),
    )
    return Verdeelprobleem("B1", "B1-route", {"G": 20}, {"G": "R"}, lev, Verdeelregels(**regels))


def test_iedere_highs_status_staat_in_de_tabel() -> None:
    """A HiGHS release that adds a status fails here first, instead of being read as infeasible."""
    namen = {n for n in dir(highspy.HighsModelStatus) if n.startswith("k")}
    assert namen == set(status.HIGHS)


@pytest.mark.parametrize("naam", sorted(status.HIGHS))
def test_highs_status(naam: str) -> None:
    uitkomst, zin = status.HIGHS[naam]
    if naam in LEIDEND:
        assert status.highs_uitkomst(naam, None) == LEIDEND[naam]
        return
    if naam == "kTimeLimit":
        assert status.highs_uitkomst(naam, 5.0) == "tijdslimiet"
        with pytest.raises(status.Oplosserfout):  # a stop at a limit nobody set is not a time limit
            status.highs_uitkomst(naam, None)
        return
    assert uitkomst is None
    with pytest.raises(status.Oplosserfout) as e:
        status.highs_uitkomst(naam, 5.0)
    melding = e.value.melding()
    assert f"HiGHS eindigde met status {naam}: {zin}" in melding
    assert "dit zegt niets over de verdeelregels" in melding
    assert not any(w in zin for w in ONWAAR)


@pytest.mark.parametrize("paar", sorted(status.CBC))
def test_cbc_status(paar: tuple[int, int]) -> None:
    uitkomst, zin = status.CBC[paar]
    naam = f"{pulp.LpStatus[paar[0]]} / {pulp.LpSolution[paar[1]]}"
    if uitkomst is None:
        with pytest.raises(status.Oplosserfout) as e:
            status.cbc_uitkomst(*paar, 5.0)
        assert f"CBC eindigde met status {naam}" in e.value.melding()
        assert not any(w in zin for w in ONWAAR)
    else:
        assert status.cbc_uitkomst(*paar, 5.0) == uitkomst


def test_onbekende_status_is_geen_onhaalbaarheid() -> None:
    with pytest.raises(status.Oplosserfout) as e:
        status.highs_uitkomst("kNieuwInVersie2", 5.0)
    assert "status kNieuwInVersie2: een status die deze software niet kent" in e.value.melding()
    with pytest.raises(status.Oplosserfout) as e:
        status.cbc_uitkomst(7, 7, 5.0)
    assert "status 7 / 7" in e.value.melding()


def test_echte_oplossingen_optimaal_en_onhaalbaar() -> None:
    """The two leading statuses from real solves: a feasible lot, and one with too little capacity
    (2 x 5 places for 20 inburgeraars), whose verdict both engines confirm."""
    for oplosser in ("highs", "cbc"):
        assert verdeel(_probleem(), oplosser).per_leverancier() == {"S1": 20}
    p = _probleem(min_leveranciers=2, max_leveranciers=1)
    for oplosser in ("highs", "cbc"):
        with pytest.raises(EvaluatieFout):
            verdeel(p, oplosser)


def test_geheugen_op_is_exit_1_met_de_status(voorbeeld: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever HiGHS returns on the real example is replaced by kMemoryLimit: the CLI ends with exit 1,
    names the status and says nothing about the rules."""
    echt = status.highs_uitkomst
    monkeypatch.setattr(matrix, "highs_uitkomst", lambda naam, t: echt("kMemoryLimit", t))
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld), "--geen-rapport", "--solver", "highs"])
    assert r.exit_code == 1, r.output
    assert "de oplosser HiGHS eindigde met status kMemoryLimit: het geheugen was op" in r.output
    assert "niet te verenigen" not in r.output and "Traceback" not in r.output


def test_onhaalbaar_van_een_motor_wordt_door_de_andere_overgenomen(monkeypatch: pytest.MonkeyPatch) -> None:
    """CBC wrongly says infeasible (as it did on the national tender before the stage rows were
    shifted): HiGHS solves the lot, and that proven optimum is the answer, named as HiGHS's."""
    from evaluatie.verdeling import pad

    echt = pad.verdeel_exact

    def cbc_faalt(p, oplosser, tijdslimiet, pad_=None):
        if oplosser == "cbc":
            raise Onhaalbaar
        return echt(p, oplosser, tijdslimiet)

    monkeypatch.setattr(pad, "verdeel_exact", cbc_faalt)
    monkeypatch.setattr(verdelen, "verdeel_exact", cbc_faalt)
    v = verdeel(_probleem(), "cbc")
    assert v.per_leverancier() == {"S1": 20} and v.solver == "highs"


def test_onbevestigde_onhaalbaarheid_wordt_niet_gemeld(monkeypatch: pytest.MonkeyPatch) -> None:
    """HiGHS says infeasible, CBC cannot decide (time limit): the tool says exactly that, no verdict."""
    from evaluatie.verdeling import pad

    def verdeel_exact(p, oplosser, tijdslimiet, pad_=None):
        raise Onhaalbaar if oplosser == "highs" else pad.Tijdslimiet

    monkeypatch.setattr(pad, "verdeel_exact", verdeel_exact)
    monkeypatch.setattr(verdelen, "verdeel_exact", verdeel_exact)
    with pytest.raises(EvaluatieFout) as e:
        verdeel(_probleem(), "highs", 5.0)
    assert e.value.meldingen == [
        "Perceel B1-route: de oplosser highs vond geen verdeling die aan alle regels voldoet, maar cbc kon dat "
        "binnen de tijdslimiet niet bevestigen; of de regels samen haalbaar zijn, is dus niet vastgesteld. "
        "Verhoog --tijdslimiet"
    ]
    assert bevestiging.andere_engines("auto") == ("highs", "cbc")


def test_auto_neemt_bij_een_vastgelopen_motor_de_andere(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bundled CBC aborted (PulpSolverError) on the national seed 6, per_subregio, Z. Under 'auto'
    HiGHS then proves the optimum and is named; with '--solver cbc' the user is told what happened."""
    from evaluatie.verdeling import pad

    echt = pad.verdeel_exact

    def cbc_loopt_vast(p, oplosser, tijdslimiet, pad_=None):
        if oplosser in ("auto", "cbc"):
            raise status.Oplosserfout("CBC", "PulpSolverError", status.CBC_VASTGELOPEN)
        return echt(p, oplosser, tijdslimiet)

    monkeypatch.setattr(pad, "verdeel_exact", cbc_loopt_vast)
    monkeypatch.setattr(verdelen, "verdeel_exact", cbc_loopt_vast)
    v = verdeel(_probleem(), "auto")
    assert v.per_leverancier() == {"S1": 20} and v.solver == "highs"
    with pytest.raises(EvaluatieFout) as e:
        verdeel(_probleem(), "cbc")
    assert e.value.meldingen == [
        "Perceel B1-route: de oplosser CBC eindigde met status PulpSolverError: CBC liep vast of schreef geen "
        "uitkomst (PulpSolverError); de verdeling is niet berekend (dit zegt niets over de verdeelregels)"
    ]
