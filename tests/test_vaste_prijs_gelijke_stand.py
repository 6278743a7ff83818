"""Under vaste_prijs the total is the quality score and every bid has the same price, so a tie-break on the highest
quality score or the lowest price can never decide: two bids with an equal total have both equal. The systematiek
still published 'Bij gelijke kwaliteitsscore beslissen, in deze volgorde: de inschrijving met de hoogste
kwaliteitsscore gaat voor' (the criteria set's default rule), a rule that reads as deciding and never does, and the
advies listed it. Both now name only the rules that can decide, and say why the others cannot."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel, zonder_weging


def _werkmap(tmp_path: Path, regels: list[str]) -> Path:
    data = kleine_aanbesteding()
    zonder_weging(data["percelen"]["B1"], prijsmethode="vaste_prijs", vaste_prijs=9000, bij_gelijke_stand=regels)
    return maak_werkmap(tmp_path / "ws", data)


def _systematiek(ws: Path) -> str:
    r = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    return html_tekst(ws / "gunningssystematiek.html")


# the rules by name in brackets, as the letter on a draw names them ('De beslisregels de hoogste kwaliteitsscore en
# ...' read as a broken sentence)
ZONDER_WERKING = (
    "De beslisregels bij gelijke stand (de hoogste kwaliteitsscore en de laagste prijs) beslissen bij een vaste prijs "
    "nooit: twee inschrijvingen met een gelijke kwaliteitsscore hebben ook dezelfde prijs."
)


def test_alleen_regels_zonder_werking_dan_beslist_loting(tmp_path: Path) -> None:
    tekst = _systematiek(_werkmap(tmp_path, ["hoogste_kwaliteit", "laagste_prijs"]))
    assert "Gelijke stand. Bij gelijke kwaliteitsscore beslist loting." in tekst, tekst
    assert "gaat voor" not in tekst.split("Gelijke stand.")[1].split("Verdeling.")[0]
    assert ZONDER_WERKING in tekst


def test_een_regel_die_wel_beslist_blijft_staan(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path, ["hoogste_kwaliteit", "kortste_wachttijd"])
    tekst = _systematiek(ws)
    assert (
        "Gelijke stand. Bij gelijke kwaliteitsscore beslissen, in deze volgorde: de inschrijving met de kortste "
        "wachttijd gaat voor. Beslist geen van deze regels, dan beslist loting." in tekst
    ), tekst
    assert (
        "De beslisregel bij gelijke stand (de hoogste kwaliteitsscore) beslist bij een vaste prijs nooit: twee "
        "inschrijvingen met een gelijke kwaliteitsscore hebben ook dezelfde prijs." in tekst
    )
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 30, 12, 4, "alle")])
    vul_panel(ws, {"Alfa": 75})
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert "Bij gelijke stand beslist: kortste wachttijd; daarna loting." in advies
    assert "hoogste kwaliteit;" not in advies
