"""A gemeente that joins a lot but expects 0 inburgeraars there: its page showed an empty table and 'vraag maal
plafondprijs is EUR 0,00 per jaar; de verwachte kosten liggen EUR 0,00 lager', a comparison of nothing."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_beoordeling


def test_gemeente_zonder_vraag_in_een_perceel(tmp_path: Path) -> None:
    data = kleine_aanbesteding(beoordelaars=["Ada"])
    data["gemeenten"][2]["inburgeraars"]["B1"] = 0  # Zuid joins B1 with 0 expected
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 30, 12, 4, "alle")])
    assert CliRunner().invoke(main, ["template", "beoordeling", "--werkmap", str(ws)]).exit_code == 0
    vul_beoordeling(ws / "beoordelingen" / "ada.xlsx", {("Alfa", "Plan van aanpak"): 75, ("Alfa", "Samenwerking"): 75})
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    zuid = html_tekst(ws / "rapporten" / "gemeenten" / "zuid.html")
    assert "EUR 0,00 lager" not in zuid and "Aanbieder Inburgeraars per jaar" not in zuid
    assert "Zuid verwacht in dit perceel geen inburgeraars (0 per jaar); er is niets te verdelen." in zuid
    assert "Alle percelen samen: kosten EUR 0,00 per jaar tegen vraag maal plafondprijs van EUR 0,00." in zuid
    noord = html_tekst(ws / "rapporten" / "gemeenten" / "noord.html")  # a gemeente with demand keeps its table
    assert "Alfa 10 EUR 90.000,00" in noord and "de verwachte kosten liggen EUR 10.000,00 lager" in noord
