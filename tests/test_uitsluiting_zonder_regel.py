"""A bid declaring an exclusion ground in a tender that does not test it (knock-out rule off) is an open point.

Without it the award went to a bidder saying a ground applies, the advies recommending it without a word: a
mandatory ground (art. 2.86 Aw 2012) excludes whatever the tender documents test, so a person weighs it first.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel


def _werkmap(tmp_path: Path) -> Path:
    data = kleine_aanbesteding()
    assert "uitsluitingsgronden" not in data["percelen"]["B1"]["knockout"]  # the premise: the rule is off
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "d.xlsx", "Delta", "44444444", [("B1", 8900, 20, 12, 4, "alle")], uitsluiting="ja")
    vul_panel(ws, {"Alfa": 75, "Delta": 75})
    return ws


def test_verklaarde_grond_zonder_knockoutregel_is_open_punt(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    res = CliRunner().invoke(main, ["--json", "gunning", "--werkmap", str(ws)])
    assert res.exit_code == 1, res.output
    (punt,) = json.loads(res.stdout)["open_punten"]
    assert punt["soort"] == "uitsluiting" and punt["tekst"].startswith(
        "Delta verklaart dat een uitsluitingsgrond van toepassing is"
    )
    assert (
        "In B1-route staat de knock-outregel uitsluitingsgronden niet aan, dus daar doet de inschrijving in deze "
        "berekening mee; een verplichte grond (art. 2.86 Aanbestedingswet 2012) sluit haar toch uit." in punt["tekst"]
    )
    assert punt["commando"].startswith('evaluatie uitsluitingsgrond --inschrijver "Delta"')
    assert not (ws / "rapporten" / "brieven").exists()  # no letter awarding to Delta unweighed
    besluit = [
        "uitsluitingsgrond", "--werkmap", str(ws), "--inschrijver", "Delta", "--grond", "ernstige beroepsfout",
        "--artikel", "2.87", "--feiten", "Boete 2025", "--zelfreiniging", "geen maatregelen",
        "--evenredigheid", "ernstig en recent", "--uitkomst", "uitgesloten", "--reden", "zie feiten",
        "--door", "P. Inkoper, inkoopadviseur", "--datum", "2026-03-25",
    ]  # fmt: skip
    assert CliRunner().invoke(main, besluit).exit_code == 0
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    brief = (ws / "rapporten" / "brieven" / "delta-b1.html").read_text(encoding="utf-8")
    assert "Beslissing: uitgesloten" in brief and "ernstige beroepsfout" in brief
    # the college decides on the exclusion: the advies names the article and the recorded weighing
    advies = (ws / "rapporten" / "gunningsadvies.html").read_text(encoding="utf-8")
    assert (
        "Delta uit te sluiten op grond van een uitsluitingsgrond (Delta: art. 2.87 Aanbestedingswet 2012, "
        "facultatief, besluit U1)" in advies
    )


def test_perceel_met_en_zonder_regel_genoemd(tmp_path: Path) -> None:
    """A bid in a lot testing the ground and one that does not: the point says where it is kept out meanwhile and
    where it still takes part (the one sentence 'doet niet mee' was untrue for the second lot)."""
    from types import SimpleNamespace

    from evaluatie.besluiten.openpunten import ongewogen_uitsluitingen
    from evaluatie.definitie import laad_aanbesteding

    data = kleine_aanbesteding()
    z = json.loads(json.dumps(data["percelen"]["B1"]))
    z["naam"] = "Z-route"
    z["knockout"]["uitsluitingsgronden"] = {}
    data["percelen"]["Z"] = z
    for g in data["gemeenten"]:
        g["inburgeraars"]["Z"] = 2
    a, _ = laad_aanbesteding(maak_werkmap(tmp_path / "ws", data) / "aanbesteding.yaml")
    ins = SimpleNamespace(naam="Delta", uitsluitingsgronden=True, aanbod={"B1": None, "Z": None})
    (punt,) = ongewogen_uitsluitingen(a, [ins], None)
    assert (
        "Tot dat besluit is vastgelegd, doet de inschrijving niet mee in Z-route. In B1-route staat de "
        "knock-outregel uitsluitingsgronden niet aan, dus daar doet de inschrijving in deze berekening mee"
        in punt.tekst
    )
