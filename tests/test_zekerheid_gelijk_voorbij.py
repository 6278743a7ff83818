"""`evaluatie zekerheid` on a bid level with the first and put behind by a tie-break rule: the sentence said "Iedere
hogere kwaliteitsscore of lagere prijs had haar eerste gemaakt", but the ranking compares totals at 4 decimals, so a
price one cent lower was still level and still behind. It now names the smallest step that puts the bid first alone,
found by ranking again as the ranking does, and --json gives the same figures."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import zet_in_bod


def _rangorde(werkmap: Path) -> list[dict]:
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(werkmap), "--lots", "B1", "--geen-rapport", "--json"])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)["percelen"]["B1"]["rangorde"]


def test_gelijk_en_achter_door_beslisregel_noemt_de_stap_naar_alleen_eerste(voorbeeld: Path) -> None:
    # B1: Taalhuis 76.6667 quality at EUR 9.200, Inburgerwijs 71.6667 at the lowest price. At EUR 8.510 Taalhuis's
    # total is 0.6 x 76.6667 + 0.4 x 8510 / 9200 x 100 = 46 + 37 = 83.0000, Inburgerwijs's 0.6 x 71.6667 + 40 = 83.0:
    # level, and the tie-break rule (hoogste kwaliteit) puts Taalhuis first.
    zet_in_bod(voorbeeld, "inburgerwijs.xlsx", "B2", 8510)
    rang = _rangorde(voorbeeld)
    assert [(r["inschrijver"], r["totaal"], r["beslist_door"]) for r in rang[:2]] == [
        ("Taalhuis De Brug B.V.", 83.0, "hoogste_kwaliteit"),
        ("Inburgerwijs Academie", 83.0, "hoogste_kwaliteit"),
    ]
    res = CliRunner().invoke(
        main, ["zekerheid", "--werkmap", str(voorbeeld), "--lots", "B1", "--trekkingen", "100", "--json"]
    )
    assert res.exit_code == 0, res.output
    marge = json.loads(res.stdout)["B1"]["marges"][0]
    # One cent less (8509.99): Taalhuis 46 + 0.4 x 8509.99 / 9200 x 100 = 82.999957, at 4 decimals 83.0000: still
    # level. Two cents (8509.98): 82.999913 -> 82.9999, behind. A tenth of a quality point: 83.06 > 83.0000.
    assert marge["gelijk_door"] == "hoogste_kwaliteit"
    assert (marge["voorbij_kwaliteit"], marge["voorbij_prijs"]) == (0.1, 0.02)
    tekst = CliRunner().invoke(main, ["zekerheid", "--werkmap", str(voorbeeld), "--lots", "B1", "--trekkingen", "100"])
    zin = " ".join(tekst.output.split())
    assert "Iedere hogere kwaliteitsscore of lagere prijs" not in zin
    assert (
        "Inschrijver Inburgerwijs Academie (rang 2) heeft dezelfde totaalscore als Taalhuis De Brug B.V.; de volgorde "
        "is bepaald door de beslisregel bij gelijke stand (de hoogste kwaliteitsscore). Inburgerwijs Academie had 0,1 "
        "kwaliteitspunten meer nodig gehad om alleen eerste te staan, of een prijs die EUR 0,02 per traject lager was "
        "(naar boven afgerond op 0,1 punt en op hele centen)."
    ) in zin
    # the figures hold when applied: one cent less is still behind, two cents put it first
    zet_in_bod(voorbeeld, "inburgerwijs.xlsx", "B2", 8509.99)
    assert _rangorde(voorbeeld)[0]["inschrijver"] == "Taalhuis De Brug B.V."
    zet_in_bod(voorbeeld, "inburgerwijs.xlsx", "B2", 8509.98)
    assert _rangorde(voorbeeld)[0]["inschrijver"] == "Inburgerwijs Academie"
