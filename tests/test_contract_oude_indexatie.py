"""An indexatie recorded by an old version (tests/oud_register/register-indexatie-schemaversie-1.sqlite.gz, made by
commit ee081ad: EUR 20.000 for the B1-route on 01-01-2023) left the maximum and the prices as they were in the stand of
that version; the current version reads it with today's rule (the maximum raised by its value, the prices times
1 + value / room), and the migration said nothing about that. Now it says so once, with the figures."""

from __future__ import annotations

from pathlib import Path

from tests.test_contract_oud_register import _werkmap_met_oud_register
from tests.test_contract_toelating import DOOR, _run


def test_migratie_zegt_dat_een_oude_indexatie_anders_wordt_gelezen(tmp_path: Path) -> None:
    ws, _ = _werkmap_met_oud_register(tmp_path, "register-indexatie-schemaversie-1.sqlite.gz")
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2023-03-01")
    assert r.exit_code == 0, r.output
    uit = " ".join(r.output.split())
    # the B1 maximum of the award: EUR 2.940.000; used before 01-01-2023: one placement at EUR 9.200, so the room that
    # day is 2.940.000 - 9.200 = 2.930.800 and the factor 1 + 20.000 / 2.930.800 = 1,006824 -> 100,68%
    assert (
        f"Let op: {ws / 'contract' / 'register.sqlite'} (schemaversie 1) houdt 1 indexatie die is vastgelegd vóór de "
        "huidige regel; de versie van evaluatie die haar vastlegde, liet het maximum en de prijzen ongewijzigd, deze "
        "versie leest haar met de huidige regel (een indexatie wijzigt vanaf haar datum het maximum met haar waarde "
        "en de prijs van wat nog kan worden afgeroepen met 1 + waarde / ruimte): B1-route, indexatie van 01-01-2023 "
        "(EUR 20.000,00, besluit 2): het maximum gaat van EUR 2.940.000,00 naar EUR 2.960.000,00, en plaatsingen "
        "vanaf die dag tellen tegen 100,68% van de prijs van daarvoor (1 + EUR 20.000,00 / EUR 2.930.800,00, wat op "
        "die dag nog kon worden afgeroepen)." in uit
    ), uit
    assert uit.count("vóór de huidige regel") == 1
    again = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2023-03-01")
    assert again.exit_code == 0 and "vóór de huidige regel" not in again.output  # said once, by the migration


def test_zonder_indexatie_geen_melding(tmp_path: Path) -> None:
    ws, _ = _werkmap_met_oud_register(tmp_path)  # its only change is extra volume
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2022-06-30")
    assert r.exit_code == 0 and "vóór de huidige regel" not in r.output, r.output


def test_het_dossier_zegt_het_ook(tmp_path: Path) -> None:
    ws, _ = _werkmap_met_oud_register(tmp_path, "register-indexatie-schemaversie-1.sqlite.gz")
    assert _run("contract", "stand", "--werkmap", ws, "--peildatum", "2023-03-01").exit_code == 0  # the migration
    # a later indexatie, under the current rule: not one of those recorded before the migration
    r = _run(
        "contract", "wijziging", "--werkmap", ws, "--route", "B1", "--soort", "indexatie", "--waarde", "10000",
        "--grondslag", "art. 2.163b Aw 2012", "--datum", "2023-06-01", *DOOR,
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    r = _run("contract", "dossier", "--werkmap", ws)
    assert r.exit_code == 0, r.output
    html = " ".join((ws / "contract" / "dossier" / "index.html").read_text(encoding="utf-8").split())
    assert (
        "<h2>Indexaties van voor de schemamigratie</h2><p>Het register van voor de bijwerking"
        ", contract/register-schemaversie-1.sqlite (schemaversie 1), hield 1 indexatie die is vastgelegd vóór de "
        "huidige regel;" in html
    ), html
    assert (
        "B1-route, indexatie van 01-01-2023 (EUR 20.000,00, besluit 2): het maximum gaat van EUR 2.940.000,00 naar "
        "EUR 2.960.000,00, en plaatsingen vanaf die dag tellen tegen 100,68% van de prijs van daarvoor" in html
    ), html
    assert "01-06-2023" not in html.split("Indexaties van voor de schemamigratie")[1].split("</p>")[0]
