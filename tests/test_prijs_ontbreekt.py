"""A bid whose price in one lot is empty or 0 is invalid in that lot (a knock-out with its letter, art. 2.130 Aw);
it no longer stops the award of every lot with an input error. The inkoper cannot change the bidder's workbook and
removing it would leave the bidder without a letter. A cell that reads empty because of a formula without a saved
result stays an input error (the file must be opened and saved), and `evaluatie herstel` still corrects an obvious
error in the price."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.cli import main
from tests.hulp import html_tekst


def _prijs(werkmap: Path, waarde: object) -> None:
    pad = werkmap / "inschrijvingen" / "kompas.xlsx"
    wb = load_workbook(pad)
    wb["Percelen"]["B2"] = waarde  # row 2 is Kompas's B1-route (EUR 9.000,00 in the example)
    wb.save(pad)


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def _kompas(res_output: str, perceel: str) -> dict:
    uit = json.loads(res_output)
    (p,) = [p for p in uit["percelen"] if p["perceel"] == perceel]
    return p


def test_prijs_0_maakt_de_inschrijving_ongeldig_in_dat_perceel_en_de_rest_gaat_door(voorbeeld: Path) -> None:
    _prijs(voorbeeld, 0)
    res = _run("gunning", "--werkmap", str(voorbeeld))
    assert res.exit_code == 0, res.output
    regel = (
        "Kompas Inburgering (ongeldig): de prijs per traject is 0 ('0') (kompas.xlsx!Percelen!B2); vereist is een "
        "prijs groter dan EUR 0"
    )
    assert regel in res.output
    # Kompas's other lots are ranked as before: its onderwijsroute bid of EUR 9.900,00 stands in that ranking
    onderwijs = res.output.split("Perceel Onderwijsroute")[1].split("Perceel")[0]
    assert "Kompas Inburgering" in onderwijs and "EUR 9.900,00" in onderwijs
    assert "Kompas Inburgering (ongeldig)" not in onderwijs


def test_lege_prijs_krijgt_een_afwijzingsbrief_met_de_cel(voorbeeld: Path) -> None:
    _prijs(voorbeeld, None)
    res = _run("rapport", "--werkmap", str(voorbeeld))
    assert res.exit_code == 0, res.output
    brief = html_tekst(voorbeeld / "rapporten" / "brieven" / "kompas-inburgering-b1.html")
    assert "Beslissing: ongeldig" in brief
    assert "De prijs per traject ontbreekt (kompas.xlsx!Percelen!B2); vereist is een prijs groter dan EUR 0." in brief
    # the overview of the bids lists no price for that lot (none was offered) but names it below the table
    res = _run("inschrijvingen", "--werkmap", str(voorbeeld))
    assert res.exit_code == 0, res.output
    assert (
        "Zonder prijs, dus ongeldig in dat perceel (knock-out, met een brief):\n"
        "  Kompas Inburgering, B1-route: de prijs per traject ontbreekt (kompas.xlsx!Percelen!B2)"
    ) in res.output


def test_een_formule_zonder_uitkomst_in_de_prijs_blijft_een_invoerfout(voorbeeld: Path) -> None:
    _prijs(voorbeeld, "=9000+500")
    res = _run("gunning", "--werkmap", str(voorbeeld))
    assert res.exit_code == 2, res.output
    assert "kompas.xlsx!Percelen!B2: de cel bevat een formule (=9000+500) zonder berekende waarde" in res.output


def test_een_rij_met_nog_een_fout_noemt_ook_de_ontbrekende_prijs(voorbeeld: Path) -> None:
    _prijs(voorbeeld, None)
    pad = voorbeeld / "inschrijvingen" / "kompas.xlsx"
    wb = load_workbook(pad)
    wb["Percelen"]["C2"] = "veel"
    wb.save(pad)
    res = _run("gunning", "--werkmap", str(voorbeeld))
    assert res.exit_code == 2, res.output
    assert "kompas.xlsx!Percelen!B2: prijs per traject ontbreekt" in res.output
    assert "kompas.xlsx!Percelen!C2: capaciteit: 'veel' is geen geheel getal" in res.output


def test_herstel_van_de_prijs_0_laat_de_herstelde_prijs_tellen(voorbeeld: Path) -> None:
    _prijs(voorbeeld, 0)
    vb = str(voorbeeld)
    res = _run(
        "herstel", "--werkmap", vb, "--bestand", "kompas.xlsx", "--blad", "Percelen", "--cel", "B2",
        "--oud", "0", "--nieuw", "9000", "--verduidelijking", "2021-05-25",
        "--reden", "Kennelijke fout: de prijs staat in het prijsblad van de inschrijving; schriftelijk bevestigd.",
        "--door", "S. Jansen, inkoopadviseur", "--datum", "2021-05-26",
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    res = _run("gunning", "--werkmap", vb)
    assert res.exit_code == 0, res.output
    b1 = res.output.split("Perceel B1-route")[1].split("Perceel")[0]
    assert "Kompas Inburgering (ongeldig)" not in b1
    assert "kompas.xlsx!Percelen!B2: hersteld volgens besluit H1" in res.output
