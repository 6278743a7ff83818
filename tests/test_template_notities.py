"""The reviewer forms and the consensus workbook are written from the same reading as the award: what that reading
leaves out or skips (a stale decision, a note on the bids) is said on stderr, as `toets` and `zekerheid` say it,
never left out in silence. Real workbooks in tmp dirs, real CLI calls."""

from __future__ import annotations

from pathlib import Path

from tests.hulp import schrijf_bod
from tests.test_besluiten import _run, _vul
from tests.test_besluiten_verouderd import _niet_uitgesloten, _plat, _uitsluitingswerkmap

NOTITIE = "Let op: besluiten.yaml: U1: verouderd besluit: de inschrijving van D is gewijzigd sinds het besluit"


def test_formulieren_en_consensus_noemen_het_verouderde_besluit(tmp_path: Path) -> None:
    ws = _uitsluitingswerkmap(tmp_path)
    assert _niet_uitgesloten(ws).exit_code == 0
    _vul(ws, {"A": 75, "D": 75})
    res = _run("template", "beoordeling", "--werkmap", str(ws))
    assert res.exit_code == 0 and "verouderd" not in res.stderr, res.output  # U1 holds: nothing to say

    # D sends a new file: U1 weighed the old one, so it is left out and D is not admitted until it is withdrawn
    # and D's ground weighed again; the consensus workbook refuses the scores of D, and says why first
    schrijf_bod(ws, "d.xlsx", "D", "44444444", [("B1", 8700, 20, 12, 4, "alle")], uitsluiting="ja")
    res = _run("template", "consensus", "--werkmap", str(ws))
    assert res.exit_code == 2, res.output
    fout = _plat(res.stderr)
    assert "D staat niet ter beoordeling voor perceel B1" in fout, fout
    assert fout.index(NOTITIE) < fout.index("D staat niet ter beoordeling"), fout
    # the reviewer forms without D: written, with the same note
    res = _run("template", "beoordeling", "--overschrijven", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    fout = _plat(res.stderr)
    assert NOTITIE in fout and 'evaluatie intrekken U1 --reden "..." --door "naam, functie"' in fout, fout
    assert "Geschreven: " in res.stdout and "Let op" not in res.stdout
