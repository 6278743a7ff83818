"""A keurmerk that expires before the decision in an open house (B1 by toelating, where the keurmerk is a
requirement): `evaluatie keurmerk --uitkomst onder_voorwaarde` made the toelatingsbesluit say "verloopt vóór de datum
van de gunning (7 april 2026). De gunning geschiedt onder de voorwaarde ...", and the published systematiek announced
"Keurmerk bij de gunning ... kan zij gunnen onder de voorwaarde", in a procedure that awards nothing (the same letter
says it is no overheidsopdracht). Both now speak of the toelating and the toelatingsbesluit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import html_tekst, kleine_toelating, maak_werkmap, schrijf_bod

DOOR = ["--door", "P. de Vries, inkoopadviseur", "--datum", "2026-03-20"]


def _run(*args: str) -> str:
    res = CliRunner().invoke(main, list(args))
    assert res.exit_code == 0, res.output
    return res.output


def test_keurmerk_onder_voorwaarde_in_een_open_house(tmp_path: Path) -> None:
    """kleine_toelating: peildatum 2 March, decision 7 April 2026; A's keurmerk holds until 20 March, so it lapses
    before the date of the toelatingsbesluit."""
    ws = maak_werkmap(tmp_path / "ws", kleine_toelating())
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 20, 12, 4, "alle")], geldig_tot=dt.date(2026, 3, 20))
    _run("keurmerk", "--werkmap", str(ws), "--inschrijver", "A", "--uitkomst", "onder_voorwaarde",
         "--reden", "De verlenging is aangevraagd.", *DOOR)  # fmt: skip
    _run("gunning", "--werkmap", str(ws))
    brief = " ".join(html_tekst(ws / "rapporten" / "brieven" / "a-b1.html").split())
    assert (
        "Het keurmerk (in de inschrijving geldig tot 20 maart 2026) verloopt vóór de datum van het "
        "toelatingsbesluit (7 april 2026). De toelating geschiedt onder de voorwaarde dat vóór het sluiten van de "
        "overeenkomst een geldig Blik op Werk keurmerk wordt getoond (besluit K1 van 20 maart 2026)."
    ) in brief, brief[-3000:]
    assert "gunning" not in brief.replace("gunningssystematiek", ""), brief

    _run("template", "systematiek", "--werkmap", str(ws))
    systematiek = " ".join(html_tekst(ws / "gunningssystematiek.html").split())
    assert (
        "Keurmerk bij de toelating (perceel B1-route). Verloopt het keurmerk van een inschrijver die wordt toegelaten "
        "vóór de datum van het toelatingsbesluit of van de verzending ervan, dan vraagt de aanbestedende dienst bewijs "
        "van de verlenging; zonder dat bewijs kan zij toelaten onder de voorwaarde dat vóór het sluiten van de "
        "overeenkomst een geldig Blik op Werk keurmerk wordt getoond."
    ) in systematiek, systematiek[-3000:]
    assert "gunnen" not in systematiek and "wordt gegund" not in systematiek

    advies = " ".join(html_tekst(ws / "rapporten" / "gunningsadvies.html").split())
    assert (
        "K1: A: Het keurmerk (in de inschrijving geldig tot 20 maart 2026) verloopt vóór de datum van het "
        "toelatingsbesluit of van de verzending van dit besluit. De toelating geschiedt onder de voorwaarde"
    ) in advies, advies[-3000:]


def test_het_advies_noemt_de_voorwaarden_van_de_toelating(tmp_path: Path) -> None:
    """The advice to admit read 'Wij adviseren tot perceel B1-route toe te laten: A.' while A's toelatingsbesluit
    admits under the reservation of the bewijsstukken and on the keurmerk condition of K1: the decision the college
    takes on the advies lacked the conditions the letter states. It now names them, as the advice to award does."""
    ws = maak_werkmap(tmp_path / "ws", kleine_toelating())
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 20, 12, 4, "alle")], geldig_tot=dt.date(2026, 3, 20))
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9500, 20, 12, 4, "alle")])
    _run("keurmerk", "--werkmap", str(ws), "--inschrijver", "A", "--uitkomst", "onder_voorwaarde",
         "--reden", "De verlenging is aangevraagd.", *DOOR)  # fmt: skip
    _run("gunning", "--werkmap", str(ws))
    advies = " ".join(html_tekst(ws / "rapporten" / "gunningsadvies.html").split())
    assert (
        "Wij adviseren tot perceel B1-route toe te laten: A en B, onder voorbehoud van de bewijsstukken, en voor A "
        "(besluit K1) onder de voorwaarde dat vóór het sluiten van de overeenkomst een geldig Blik op Werk keurmerk "
        "wordt getoond."
    ) in advies, advies[:4000]


def test_het_open_punt_spreekt_van_toelaten(tmp_path: Path) -> None:
    """Before the decision, the open point of an open house alone read "vóór de gunning (7 april 2026); vraag om
    bewijs van verlenging, of gun onder voorwaarde", in the terminal and the CONCEPT advies, where nothing is awarded."""
    ws = maak_werkmap(tmp_path / "ws", kleine_toelating())
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 20, 12, 4, "alle")], geldig_tot=dt.date(2026, 3, 20))
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 1, res.output
    uit = " ".join(res.output.split())
    assert (
        "Het keurmerk van A verloopt op 20 maart 2026, vóór het toelatingsbesluit (7 april 2026); vraag om bewijs van "
        "verlenging, of laat toe onder voorwaarde."
    ) in uit, uit
    assert "gun onder voorwaarde" not in uit
