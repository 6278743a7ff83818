"""A spread of one scale step is '1 schaalstap', in the terminal, the advies and the consensus agenda.

With `signaal_spreiding_stappen: 0` every disagreement is a signal, so a spread of one step is one; the texts said
'spreiding 1 schaalstappen' to the panel and, in the advies, to the college.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_beoordeling


def test_spreiding_van_een_schaalstap_in_het_enkelvoud(tmp_path: Path) -> None:
    from evaluatie.pipeline import schrijf_beoordelingsformulieren
    from evaluatie.werkmap import Werkmap

    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding(beoordeling={"signaal_spreiding_stappen": 0}))
    schrijf_bod(ws, "p.xlsx", "P", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_beoordelingsformulieren(Werkmap(ws))
    # Ada 50, Bram 75 on Plan van aanpak: one step apart (0-25-50-75-100); Samenwerking 75 and 25: two steps
    for naam, pva, sam in (("ada", 50, 75), ("bram", 75, 25)):
        vul_beoordeling(
            ws / "beoordelingen" / f"{naam}.xlsx", {("P", "Plan van aanpak"): pva, ("P", "Samenwerking"): sam}
        )
    r = CliRunner().invoke(main, ["beoordelingen", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    uit = " ".join(r.output.split())
    assert "P, Plan van aanpak: spreiding 1 schaalstap (Ada 50, Bram 75)" in uit, uit
    assert "P, Samenwerking: spreiding 2 schaalstappen (Ada 75, Bram 25)" in uit, uit
    assert "1 schaalstappen" not in uit
    r = CliRunner().invoke(main, ["template", "consensus", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    agenda = html_tekst(ws / "rapporten" / "intern" / "consensus-agenda.html")
    assert "spreiding 1 schaalstap (Ada 50, Bram 75)" in agenda and "1 schaalstappen" not in agenda, agenda
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert "P, Plan van aanpak: spreiding 1 schaalstap;" in advies, advies
    assert "P, Samenwerking: spreiding 2 schaalstappen;" in advies and "1 schaalstappen" not in advies
