"""evaluatie.vooruit: a computation started in a second thread gives exactly what computing it here gives.

The thread's identity shows where a result was computed. An exception of the computation is the
one uitkomst() raises; EVALUATIE_PROCESSEN=1 computes in the calling thread; stop() leaves no
thread running. And the example's reports, with the robustness analyses computed ahead
(pipeline.schrijf_rapporten), are byte for byte those of a run on one core.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from evaluatie.vooruit import Vooruit
from tests.hulp import kopieer_voorbeeld


def _waar() -> tuple[int, list[int]]:
    return threading.get_ident(), [i * i for i in range(1000)]


def test_in_een_tweede_draad_dezelfde_uitkomst(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVALUATIE_PROCESSEN", "2")
    draad, kwadraten = Vooruit(_waar).uitkomst()
    assert draad != threading.get_ident()
    assert kwadraten == [i * i for i in range(1000)]


def test_een_kern_rekent_hier(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVALUATIE_PROCESSEN", "1")
    draad, _ = Vooruit(_waar).uitkomst()
    assert draad == threading.get_ident()


@pytest.mark.parametrize("processen", ["1", "2"])
def test_de_fout_van_de_berekening(processen: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVALUATIE_PROCESSEN", processen)

    def faalt() -> int:
        raise ValueError("de fout van de berekening")

    v = Vooruit(faalt)
    with pytest.raises(ValueError, match="de fout van de berekening"):
        v.uitkomst()


def test_stop_wacht_op_de_draad(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVALUATIE_PROCESSEN", "2")
    klaar: list[bool] = []

    def traag() -> None:
        time.sleep(0.2)
        klaar.append(True)

    v = Vooruit(traag)
    v.stop()
    assert klaar == [True]
    assert not any(t.name == "evaluatie-vooruit" for t in threading.enumerate())


def test_rapporten_van_het_voorbeeld_gelijk_op_een_of_twee_kernen(
    voorbeeld_bron: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The robustness analyses of the example computed ahead in a second thread: every report, the internal
    certainty report included, byte for byte as when everything is computed one step after the other."""
    from evaluatie.cli import main

    draden = []
    echt = Vooruit._reken

    def reken(self: Vooruit[object]) -> None:
        draden.append(threading.get_ident())
        echt(self)

    monkeypatch.setattr(Vooruit, "_reken", reken)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1775000000")
    inhoud = {}
    for n in ("1", "2"):
        monkeypatch.setenv("EVALUATIE_PROCESSEN", n)
        map_ = kopieer_voorbeeld(voorbeeld_bron, tmp_path / n)
        uit = CliRunner().invoke(main, ["gunning", "--werkmap", str(map_)])
        assert uit.exit_code == 0, uit.output
        rapporten = map_ / "rapporten"
        inhoud[n] = {p.relative_to(rapporten): p.read_bytes() for p in sorted(rapporten.rglob("*")) if p.is_file()}
    assert len(draden) == 1 and draden[0] != threading.get_ident()  # only with two cores, and in its own thread
    assert Path("intern/zekerheid.html") in inhoud["1"]
    assert inhoud["1"] == inhoud["2"]
