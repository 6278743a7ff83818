"""Later entry asked for a lot that was not awarded: B1 (gunning) drew no bid, so it was niet gegund; Z is an open house.
`contract toetreding --route B1` answered "perceel 'B1' bestaat niet; kies uit Z", untrue of a lot the tender
published and the stand reports as "niet gegund"; and a late form bidding on Z and on B1 heard nothing of B1. Both
now say that B1 was not awarded and that only an open house takes new providers. The same werkmap serves the late
form that declares an exclusion ground (below)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.hulp import kleine_aanbesteding, maak_werkmap, module_naast_b1, schrijf_bod, zonder_weging
from tests.test_contract_toelating import DOOR, _run
from tests.test_contract_toetreding import WIE, _laat_bod, _register


def _b1_niet_gegund(tmp_path: Path, delta_uitgesloten: bool = False, vaste_prijs: int | None = None) -> Path:
    """Z by open house beside B1; Alfa bids on Z alone, so B1 has no bid and the panel nothing to assess (no forms).
    `delta_uitgesloten`: Delta bids on Z too, declares an exclusion ground, and is excluded by decision U1.
    `vaste_prijs`: Z pays this tariff to every admitted provider (prijsmethode vaste_prijs)."""
    data = module_naast_b1(kleine_aanbesteding(), "Z", "Z-route", 10000)
    if vaste_prijs is not None:
        zonder_weging(data["percelen"]["Z"], prijsmethode="vaste_prijs", vaste_prijs=vaste_prijs)
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("Z", 9000, 10, 12, 4, "alle")])
    if delta_uitgesloten:
        schrijf_bod(ws, "d.xlsx", "Delta", "44444444", [("Z", 9200, 10, 12, 4, "alle")], uitsluiting="ja")
        r = _run(
            "uitsluitingsgrond", "--werkmap", ws, "--inschrijver", "Delta", "--grond", "ernstige beroepsfout",
            "--artikel", "2.87", "--feiten", "Een onherroepelijke boete in 2025 wegens fraude met declaraties.",
            "--zelfreiniging", "Geen maatregelen aangetoond.", "--evenredigheid", "De fout raakt de kern van de dienst.",
            "--uitkomst", "uitgesloten", "--reden", "De integriteit staat ter discussie.",
            "--door", "P. de Vries, inkoopadviseur", "--datum", "2026-03-10",
        )  # fmt: skip
        assert r.exit_code == 0, r.output
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


def test_een_bij_de_gunning_uitgesloten_inschrijver_wordt_niet_zonder_weging_toegelaten(tmp_path: Path) -> None:
    """Delta was excluded from the award (U1: an optional ground, art. 2.87, 10 March 2026). Three months later its
    late form for Z says no ground applies, and it was admitted without a word of U1. Whether the ground still holds
    (and what self-cleaning there has been since) is a person's weighing: the command stops (exit 1) and names U1."""
    ws = _b1_niet_gegund(tmp_path, delta_uitgesloten=True)
    bod = _laat_bod(ws, "Delta", "44444444", [("Z", 9200, 10, 12, 4, "alle")])
    code, uit = _toetreding(ws, bod, "Z")
    assert code == 1, uit
    assert (
        "Delta is bij de gunning uitgesloten op grond van een uitsluitingsgrond (besluit U1 van 10 maart 2026: "
        "ernstige beroepsfout, art. 2.87 Aanbestedingswet 2012)"
    ) in uit, uit
    assert not (ws / "contract" / "toetreding").exists()
    assert _register(ws)[0] == [("Z", "Alfa")]


def test_een_prijs_boven_het_tarief_wordt_genoemd(tmp_path: Path) -> None:
    """Z pays a fixed tariff of EUR 9.000; Delta's late form bids EUR 9.500. Admitted at the tariff (register and
    letter), as the award admits such a bid; the award names it for a person to check whether the bidder accepts the
    tariff or made a reservation, the late entry said nothing. It now says so (a note on stderr, exit 0)."""
    ws = _b1_niet_gegund(tmp_path, vaste_prijs=9000)
    code, uit = _toetreding(ws, _laat_bod(ws, "Delta", "44444444", [("Z", 9500, 10, 12, 4, "alle")]), "Z")
    assert code == 0, uit
    assert (
        "Let op: Delta bood EUR 9.500,00 per traject; in dit perceel geldt het tarief (de vaste prijs) van EUR "
        "9.000,00, en alleen die prijs is gerekend (register en toelatingsbesluit). Ga na dat Delta die prijs aanvaardt "
        "en geen voorbehoud maakt."
    ) in uit, uit
    with sqlite3.connect(ws / "contract" / "register.sqlite") as db:
        assert db.execute("SELECT prijs FROM leverancier WHERE naam = 'Delta'").fetchone() == (9000.0,)
    db.close()
