"""`gunning --lots Z` writes the letters of lot Z only, yet the advies's list of what to check by hand before sending
named the salutation of 'de brieven aan' every bidder of the tender, also of one that bid only on B1 and gets no
letter from this run: the advies said letters exist that do not. It now names the bidders that get a letter."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import gunningsperceel_naast_b1, html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_scores

CRITERIA = ("Plan van aanpak", "Samenwerking")


def test_aanhef_alleen_van_wie_een_brief_krijgt(tmp_path: Path) -> None:
    data = gunningsperceel_naast_b1(kleine_aanbesteding(), "Z", "Z-route", 10000)
    ws = maak_werkmap(tmp_path / "ws", data)
    # contact 'Contact' (the builder's default) makes no certain salutation: flagged for each bidder with a letter
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 20, 12, 4, "alle"), ("Z", 9000, 10, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "Bravo", "22222222", [("B1", 9500, 20, 12, 4, "alle")])
    vul_scores(ws, {(i, c): 75 for i in ("Alfa", "Bravo") for c in CRITERIA})
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws), "--lots", "Z"])
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in (ws / "rapporten" / "brieven").glob("*.html")) == ["alfa-z.html"]
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert "Aanhef van de brieven aan Alfa: 'Geachte heer, mevrouw,'" in advies
    assert "brieven aan Bravo" not in advies
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    assert "Aanhef van de brieven aan Bravo: 'Geachte heer, mevrouw,'" in html_tekst(
        ws / "rapporten" / "gunningsadvies.html"
    )
