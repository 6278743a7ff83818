"""The scores of a bid excluded after weighing its declared ground are set aside with that reason.

The note and the advies said 'de inschrijving valt voor dit perceel af in de knock-outtoets', also in a lot whose
knock-out rules do not hold the exclusion grounds and for a bid the decision excludes from every lot; the reason is
the recorded decision, and the note names it as the advies's list of decisions does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.cli import main
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_consensus, vul_panel

OVERLEG = dt.date(2026, 3, 12)


def test_uitgesloten_opzij_met_het_besluit(tmp_path: Path) -> None:
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())  # B1 without the knock-out rule uitsluitingsgronden
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "x.xlsx", "Xenon", "22222222", [("B1", 9500, 20, 12, 4, "alle")], uitsluiting="ja")
    vul_panel(ws, {"Alfa": 75, "Xenon": 75})
    r = CliRunner().invoke(
        main,
        ["uitsluitingsgrond", "--werkmap", str(ws), "--inschrijver", "Xenon", "--grond", "ernstige beroepsfout",
         "--artikel", "2.87", "--feiten", "Een contract is in 2024 ontbonden wegens niet geleverde lessen.",
         "--zelfreiniging", "Geen maatregelen aangetoond.", "--evenredigheid", "De fout raakt de kern van de opdracht.",
         "--uitkomst", "uitgesloten", "--reden", "De integriteit is aangetast.", "--door", "S. Jansen, inkoopadviseur",
         "--datum", "2026-03-17"],
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    reden = "Xenon, perceel B1, alle 2 criteria: opzijgezet, de inschrijving is uitgesloten (besluit U1, art. 2.87)"
    assert r.output.count(reden) == 2  # one note per reviewer's form
    assert "knock-outtoets" not in r.output
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert f"Formulier van Beoordelaar A, tabblad Beoordeling, A8:A9: {reden}" in advies


def test_opzijgezette_regels_staan_in_de_volgorde_van_de_beoordelaars(tmp_path: Path) -> None:
    """The advies named the forms' set-aside rows in the order of the file names (ada.xlsx before bram.xlsx), so with
    Bram first under beoordelaars it listed Beoordelaar B before Beoordelaar A, unlike the proces-verbaal beside it.
    It now follows the letters."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding(beoordelaars=["Bram", "Ada"]))
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "x.xlsx", "Xenon", "22222222", [("B1", 9500, 20, 12, 4, "alle")], keurmerk="nee")
    vul_panel(ws, {"Alfa": 75})
    for pad in (ws / "beoordelingen" / "ada.xlsx", ws / "beoordelingen" / "bram.xlsx"):  # Xenon scored by hand
        wb = load_workbook(pad)
        wb["Beoordeling"].append(["Xenon", "B1", "Plan van aanpak", 50, "Het plan blijft algemeen."])
        wb.save(pad)
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    a = advies.index("Formulier van Beoordelaar A, tabblad Beoordeling, A8: Xenon")
    b = advies.index("Formulier van Beoordelaar B, tabblad Beoordeling, A8: Xenon")
    assert a < b


def test_consensus_alleen_van_een_teruggetrokken_inschrijving(tmp_path: Path) -> None:
    """The panel decided one row in consensus (12 March), of Y, which then withdrew: the proces-verbaal said 'Er is
    geen consensus van het panel vastgelegd', beside the advies's own line that the consensus row of Y is set aside
    and consensus.xlsx among its inputs. It now says that the workbook, of that meeting, holds no consensus score
    for a row still assessed."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 9000, 40, 12, 4, "alle")])
    schrijf_bod(ws, "y.xlsx", "Y", "22222222", [("B1", 9500, 40, 12, 4, "alle")])
    vul_panel(ws, {"X": 75, "Y": 50})
    vul_consensus(ws, {("Y", "Plan van aanpak"): (75, "Het panel stelt vast dat het plan concreet is.")}, OVERLEG)
    (ws / "inschrijvingen" / "y.xlsx").rename(tmp_path / "y.xlsx")  # kept in the dossier
    r = CliRunner().invoke(
        main,
        ["terugtrekking", "--werkmap", str(ws), "--inschrijver", "Y", "--ontvangen", "2026-03-20", "--reden",
         "Bericht van Y van 20 maart 2026: trekt de inschrijving in.", "--door", "S. Jansen, inkoopadviseur",
         "--datum", "2026-03-21"],
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert "Er is geen consensus van het panel vastgelegd" not in advies
    assert (
        "In beoordelingen/consensus.xlsx (consensusoverleg van 12 maart 2026) is voor geen van de beoordeelde regels "
        "een consensusscore vastgelegd; voor iedere regel telt het gemiddelde van de scores van de beoordelaars."
    ) in advies
    # in words, as the forms' lines beside it (it read 'beoordelingen/consensus.xlsx!Consensus!A7: ...')
    assert (
        "beoordelingen/consensus.xlsx, tabblad Consensus, A7: Y, perceel B1, Plan van aanpak: opzijgezet, de "
        "inschrijving is teruggetrokken"
    ) in advies
