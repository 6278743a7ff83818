"""Later entry asked for a lot that was not awarded: B1 (gunning) drew no bid, so it was niet gegund; Z is an open house.
`contract toetreding --route B1` answered "perceel 'B1' bestaat niet; kies uit Z", untrue of a lot the tender
published and the stand reports as "niet gegund"; and a late form bidding on Z and on B1 heard nothing of B1. Both
now say that B1 was not awarded and that only an open house takes new providers. The same werkmap serves the late
form that declares an exclusion ground (below)."""

from __future__ import annotations

import json
from pathlib import Path

from evaluatie.pipeline import schrijf_beoordelingsformulieren
from evaluatie.werkmap import Werkmap
from tests.hulp import kleine_aanbesteding, maak_werkmap, module_naast_b1, schrijf_bod, vul_beoordeling
from tests.test_contract_toelating import DOOR, _run
from tests.test_contract_toetreding import WIE, _laat_bod, _register


def _b1_niet_gegund(tmp_path: Path) -> Path:
    """Z by open house beside B1; Alfa bids on Z alone, so B1 has no bid. The panel signs its (empty) forms."""
    ws = maak_werkmap(tmp_path / "ws", module_naast_b1(kleine_aanbesteding(), "Z", "Z-route", 10000))
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("Z", 9000, 10, 12, 4, "alle")])
    schrijf_beoordelingsformulieren(Werkmap(ws))
    for naam in ("ada", "bram"):
        vul_beoordeling(ws / "beoordelingen" / f"{naam}.xlsx", {})
    r = _run("gunning", "--werkmap", ws)
    assert r.exit_code == 0, r.output
    assert (
        json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))["percelen"]["B1"]["status"]
        == "niet gegund"
    )
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    return ws


def _toetreding(ws: Path, bod: Path, route: str) -> tuple[int, str]:
    r = _run(
        "contract", "toetreding", "--werkmap", ws, "--bestand", bod, "--route", route,
        "--ontvangen", "2026-07-01", "--datum", "2026-07-02", *WIE,
    )  # fmt: skip
    return r.exit_code, " ".join(r.output.split())


def test_toetreden_tot_een_niet_gegund_perceel(tmp_path: Path) -> None:
    ws = _b1_niet_gegund(tmp_path)
    bod = _laat_bod(ws, "Delta", "44444444", [("B1", 9200, 10, 12, 4, "alle"), ("Z", 9200, 10, 12, 4, "alle")])
    code, uit = _toetreding(ws, bod, "B1")
    assert code == 2, uit
    assert "bestaat niet" not in uit, uit
    assert (
        "--route: perceel B1-route is niet gegund (geen geldige inschrijving): er is geen overeenkomst, en een "
        "gunningsperceel neemt geen nieuwe partijen op; later toetreden kan alleen bij een perceel met toelating (Z)"
    ) in uit, uit
    assert _register(ws)[0] == [("Z", "Alfa")]

    code, uit = _toetreding(ws, bod, "Z")  # the same form for Z: admitted, and told why B1 is not judged
    assert code == 0, uit
    assert (
        "Let op: de inschrijving biedt ook in op perceel B1-route (B1); dat is hier niet getoetst: perceel B1-route is "
        "niet gegund (geen geldige inschrijving), er is geen overeenkomst en het neemt geen nieuwe partijen op."
    ) in uit, uit
    assert _register(ws)[0] == [("Z", "Alfa"), ("Z", "Delta")]


def test_een_verklaarde_uitsluitingsgrond_wordt_eerst_gewogen(tmp_path: Path) -> None:
    """A late form that declares an exclusion ground: the award makes it an open point until a person weighs the
    ground (art. 2.87a: self-cleaning; at 2.87 also proportionality), also where the lot does not test the ground (a
    mandatory ground excludes whatever the documents test). The late entry admitted Kappa to Z (whose only rule is the
    ceiling) without any weighing, and refused at once, with a letter, where the lot tests it. It now stops (exit 1)
    and says the weighing comes first; nothing is written."""
    ws = _b1_niet_gegund(tmp_path)
    bod = _laat_bod(ws, "Kappa", "12121212", [("Z", 9200, 10, 12, 4, "alle")], uitsluiting="ja")
    code, uit = _toetreding(ws, bod, "Z")
    assert code == 1, uit
    assert "niet toegelaten" not in uit, uit
    assert ("Kappa verklaart dat een uitsluitingsgrond van toepassing is (kappa.xlsx!Inschrijver!B9: 'ja')") in uit, uit
    assert "(art. 2.87a Aanbestedingswet 2012)" in uit and "die weging doet deze opdracht niet" in uit, uit
    assert not (ws / "contract" / "toetreding").exists()
    assert _register(ws)[0] == [("Z", "Alfa")]
