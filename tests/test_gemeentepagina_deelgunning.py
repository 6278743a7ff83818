"""A gunning of only some lots (`--lots B1`): each gemeente page summed the lots of this run under 'Alle percelen
samen', while the gemeente also takes part in a lot that was not computed; the total read as its whole cost. The
summary now names the lots it covers and the lots of the gemeente that are not in this gunning."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, module_naast_b1, schrijf_bod, vul_panel


def test_alle_percelen_alleen_als_het_alle_percelen_zijn(tmp_path: Path) -> None:
    """Alfa serves everything: B1 at EUR 9.000 (Noord 10: EUR 90.000 against 10 x 10.000 = 100.000), PVT (open
    house, Noord 5) at EUR 300."""
    data = module_naast_b1(kleine_aanbesteding(), "PVT", "Participatieverklaringstraject", 350)
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 30, 12, 4, "alle"), ("PVT", 300, 20, 12, 4, "alle")])
    vul_panel(ws, {"Alfa": 75})
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws), "--lots", "B1"])
    assert res.exit_code == 0, res.output
    noord = html_tekst(ws / "rapporten" / "gemeenten" / "noord.html")
    assert "Alle percelen samen" not in noord
    assert (
        "In deze gunning (B1-route): kosten EUR 90.000,00 per jaar tegen vraag maal plafondprijs van EUR 100.000,00. "
        "Niet in deze gunning berekend: Participatieverklaringstraject, waaraan Noord ook deelneemt; die kosten "
        "staan hier niet in." in noord
    )
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])  # every lot: the summary is the whole
    assert res.exit_code == 0, res.output
    noord = html_tekst(ws / "rapporten" / "gemeenten" / "noord.html")
    assert "Alle percelen samen: kosten EUR 91.500,00 per jaar tegen vraag maal plafondprijs van EUR 101.750,00." in (
        noord
    )
