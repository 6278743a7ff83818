"""The advice names two rejected bids as two: 'de inschrijving van X en Y af te wijzen' reads as one joint bid of X
and Y (a combinatie), so the college could not tell whether it rejects one bid or two."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import (
    html_tekst,
    kleine_aanbesteding,
    maak_werkmap,
    open_house_module,
    schrijf_bod,
    vul_panel,
)


def test_twee_afgewezen_en_twee_ongeldige_inschrijvingen(tmp_path: Path) -> None:
    """W (all 100, capacity 20) takes all 20 inburgeraars; X and Y (75) get nothing; P and Q have no keurmerk.
    In the open-house lot MAP (ceiling EUR 600) P and Q bid above the ceiling, X alone too."""
    data = kleine_aanbesteding()
    data["percelen"]["MAP"] = open_house_module("Module arbeidsmarkt en participatie", 600)
    for g in data["gemeenten"]:
        g["inburgeraars"]["MAP"] = 2
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "w.xlsx", "W", "10000001", [("B1", 9000, 20, 12, 4, "alle"), ("MAP", 500, 10, 12, 4, "alle")])
    schrijf_bod(ws, "x.xlsx", "X", "10000002", [("B1", 9000, 20, 12, 4, "alle"), ("MAP", 650, 10, 12, 4, "alle")])
    schrijf_bod(ws, "y.xlsx", "Y", "10000003", [("B1", 9000, 20, 12, 4, "alle")])
    for naam, kvk in (("P", "10000004"), ("Q", "10000005")):
        schrijf_bod(
            ws,
            f"{naam.lower()}.xlsx",
            naam,
            kvk,
            [("B1", 9000, 20, 12, 4, "alle"), ("MAP", 700, 10, 12, 4, "alle")],
            keurmerk="nee",
            nummer=None,
            geldig_tot=None,
        )
    punten = {"W": 100, "X": 75, "Y": 75}
    vul_panel(ws, punten)
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    tekst = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert (
        "de inschrijvingen van X en Y af te wijzen; en de inschrijvingen van P en Q ongeldig te verklaren, omdat niet "
        "aan de knock-outeisen is voldaan." in tekst
    )
    assert "de inschrijving van X en Y" not in tekst and "de inschrijving van P en Q" not in tekst
    assert "Niet toe te laten, omdat de inschrijvingen niet aan de voorwaarden voldoen: P, Q en X." in tekst


def test_verzendcontrole_noemt_de_brieven_als_opsomming(tmp_path: Path) -> None:
    """'de 2 brieven aan X, Y citeren': a list without 'en' (and names with a comma would run together)."""
    data = kleine_aanbesteding()
    ws = maak_werkmap(tmp_path / "ws", data)
    for naam, kvk in (("W", "10000001"), ("X", "10000002"), ("Y", "10000003")):
        schrijf_bod(ws, f"{naam.lower()}.xlsx", naam, kvk, [("B1", 9000, 20, 12, 4, "alle")])
    punten = {"W": 100, "X": 75, "Y": 50}
    vul_panel(ws, punten)
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    tekst = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert "Perceel B1-route: de 2 brieven aan X en Y citeren de motivering van het panel bij de scores van W;" in tekst
