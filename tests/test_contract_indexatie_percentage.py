"""An indexatie was recorded only as an amount in euro over the room left (evaluatie.contract.indexatie), while a
contract manager applies a percentage from a date (a CBS index, 3,2%). `contract wijziging --soort indexatie
--percentage 3,2` now takes it (decimal comma or dot, '3,2%' too; what could be read two ways is refused in words),
records the percentage beside its value, and the stand, the quarterly report and the dossier show the percentage and
the prices that follow, each to the cent (half a cent up, as every price per traject).

The contract of tests.test_contract_toelating (B1: maximum 50 trajecten, EUR 500.000; Alfa EUR 9.000, Beta EUR
9.500), 20 placements at Alfa in June, 25 in August. Every figure below is derived by hand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.hulp import html_tekst
from tests.test_contract_indexatie_prijs import AUGUSTUS, JUNI, _stand
from tests.test_contract_raam_buiten_op_hun_dag import gestart_en_ingelezen
from tests.test_contract_toelating import DOOR, _run

SEPTEMBER = [f"S{i};Oost;aangemeld;2026-09-0{2 + i};B1;Alfa;" for i in range(5)]


def _procent(ws: Path, *opties: str, datum: str = "2026-08-01") -> Any:
    return _run(
        "contract", "wijziging", "--werkmap", ws, "--route", "B1", "--soort", "indexatie", *opties,
        "--grondslag", "art. 2.163c Aw 2012", "--datum", datum, *DOOR,
    )  # fmt: skip


def _b1(ws: Path, peildatum: str) -> dict[str, Any]:
    doc = json.loads(_run("contract", "stand", "--werkmap", ws, "--peildatum", peildatum, "--json").stdout)
    (b1,) = [x for x in doc["raamovereenkomst"] if x["perceel"] == "B1"]
    return dict(b1)


def test_een_indexatie_als_percentage(tmp_path: Path) -> None:
    ws = gestart_en_ingelezen(tmp_path, JUNI + AUGUSTUS + SEPTEMBER)
    r = _procent(ws, "--percentage", "3,2%")
    uit = " ".join(r.output.split())
    assert r.exit_code == 0, uit
    # on 1 August 20 x 9.000 = 180.000 of 500.000 was used: room 320.000, and 3,2% of it is EUR 10.240,00;
    # the prices: Alfa 9.000 x 1,032 = 9.288,00, Beta 9.500 x 1,032 = 9.804,00
    assert (
        "Wijziging indexatie van B1-route: 3,2% (EUR 10.240,00: 3,2% van EUR 320.000,00, wat op 01-08-2026 nog kon "
        "worden afgeroepen (het maximum EUR 500.000,00 min EUR 180.000,00 gebruikt), op de cent), grondslag" in uit
    ), uit
    assert (
        "plaatsingen vanaf 01-08-2026 tellen in de stand tegen 103,20% van de prijs van daarvoor, op de cent: Alfa EUR "
        "9.288,00 (was EUR 9.000,00); Beta EUR 9.804,00 (was EUR 9.500,00)." in uit
    ), uit
    # 180.000 + 25 x 9.288 = 412.200,00 of 500.000 + 10.240 = 510.240,00; 45 of 50 trajecten (90,0%)
    na = _stand(ws, "2026-08-31")
    assert (
        "B1-route: 45 van 50 trajecten, EUR 412.200,00 van EUR 510.240,00; benut 90,0% (het hoogste van de twee)" in na
    ), na
    assert (
        "Indexatie van 01-08-2026 met 3,2% (bij het besluit EUR 10.240,00: 3,2% van wat toen nog kon worden "
        "afgeroepen; het maximum verandert met dat bedrag): plaatsingen vanaf die dag tellen tegen 103,20% van de prijs "
        "van daarvoor, op de cent: Alfa EUR 9.288,00 (was EUR 9.000,00); Beta EUR 9.804,00 (was EUR 9.500,00)." in na
    ), na

    # a second one, 1,45% on 1 September: room 510.240 - 412.200 = 98.040, 1,45% of it EUR 1.421,58; Alfa 9.288 x
    # 1,0145 = 9.422,676, to the cent 9.422,68 (up); Beta 9.804 x 1,0145 = 9.946,158, to the cent 9.946,16
    assert _procent(ws, "--percentage", "1.45", datum="2026-09-01").exit_code == 0
    b1 = _b1(ws, "2026-09-30")
    # 412.200 + 5 x 9.422,68 = 412.200 + 47.113,40 = 459.313,40 of 510.240 + 1.421,58 = 511.661,58
    assert (b1["gebruikte_waarde"], b1["max_waarde"], b1["gebruikt"]) == (459313.4, 511661.58, 50)
    assert [(x["percentage"], x["waarde"], x["ruimte"], x["prijzen"]) for x in b1["indexaties"]] == [
        (3.2, 10240.0, 320000.0, [{"aanbieder": "Alfa", "voor": 9000.0, "vanaf": 9288.0},
                                  {"aanbieder": "Beta", "voor": 9500.0, "vanaf": 9804.0}]),
        (1.45, 1421.58, 98040.0, [{"aanbieder": "Alfa", "voor": 9288.0, "vanaf": 9422.68},
                                  {"aanbieder": "Beta", "voor": 9804.0, "vanaf": 9946.16}]),
    ]  # fmt: skip

    # the quarterly report and the dossier show the percentage and the prices
    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K3").exit_code == 0
    regio = html_tekst(ws / "contract" / "kwartaal" / "2026-K3" / "regio.html")
    assert "B1-route: Indexatie van 01-08-2026 met 3,2%" in " ".join(regio.split())
    assert "Alfa EUR 9.422,68 (was EUR 9.288,00)" in " ".join(regio.split())
    assert _run("contract", "dossier", "--werkmap", ws).exit_code == 0
    besluiten = json.loads((ws / "contract" / "dossier" / "contract" / "besluiten.json").read_text(encoding="utf-8"))
    assert [b["inhoud"].get("percentage") for b in besluiten if b["soort"] == "wijziging"] == ["3.2", "1.45"]
    # the index names the percentage that decides the prices, not only the value it gave on the room of its day
    index = " ".join(html_tekst(ws / "contract" / "dossier" / "index.html").split())
    assert (
        "wijziging van B1-route: indexatie van 3,2%, EUR 10.240,00, grondslag herzieningsclausule in de "
        "aanbestedingsstukken (art. 2.163c Aw 2012)" in index
    ), index


def test_een_percentage_dat_niet_eenduidig_is_wordt_geweigerd(tmp_path: Path) -> None:
    ws = gestart_en_ingelezen(tmp_path, JUNI)
    for typed in ("3,2%%", "1.000,5", "1,000"):
        r = _procent(ws, "--percentage", typed)
        assert r.exit_code == 2, r.output
        assert f"'{typed}'" in r.output and "--percentage" in r.output, r.output
    r = _procent(ws, "--percentage", "3,2", "--waarde", "10.000")
    assert r.exit_code == 2
    assert "een indexatie noemt een bedrag (--waarde) of een percentage (--percentage), niet beide" in r.output
    r = _run(
        "contract", "wijziging", "--werkmap", ws, "--route", "B1", "--soort", "extra_volume", "--trajecten", "1",
        "--percentage", "3,2", "--grondslag", "art. 2.163c Aw 2012", "--datum", "2026-08-01", *DOOR,
    )  # fmt: skip
    assert r.exit_code == 2
    assert "--percentage: hoort bij --soort indexatie" in " ".join(r.output.split())
    assert "--waarde: is verplicht" in " ".join(r.output.split())  # the extra volume still needs its value
    assert _procent(ws, "--percentage", "-100").exit_code == 2
    assert (
        json.loads(_run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-08-31", "--json").stdout)[
            "raamovereenkomst"
        ][0]["indexaties"]
        == []
    )  # nothing recorded


def test_een_indexatie_van_voor_een_vastgelegde_indexatie_wordt_geweigerd(tmp_path: Path) -> None:
    """An indexatie dated before one already recorded for the lot was recorded, and the stand then contradicted
    itself: 2% from 01-08-2026 said 'Alfa EUR 9.180,00 (was EUR 9.000,00)', 3% from 01-07-2026 said 'Alfa EUR 9.270,00',
    so on 1 August the price would both be 9.180 and have been 9.270 before, while a placement in August counted
    9.000 x 1,02 x 1,03 = 9.455,40, a price neither text named. The later indexatie reckons on the prices of its own
    day and named them at its decision; one dated before it would change both afterwards. It is an input error now
    that names the later one; on the same day or later it is recorded as before."""
    ws = gestart_en_ingelezen(tmp_path, JUNI + AUGUSTUS + SEPTEMBER)
    assert _procent(ws, "--percentage", "2").exit_code == 0
    voor = _stand(ws, "2026-09-30")
    r = _procent(ws, "--percentage", "3", datum="2026-07-01")
    uit = " ".join(r.output.split())
    assert r.exit_code == 2, uit
    assert (
        "--datum: op 01-08-2026 is al een indexatie van B1-route vastgelegd, die rekent op de prijzen van haar dag en "
        "die bij haar besluit noemde; een indexatie van 01-07-2026 zou die prijzen en haar waarde achteraf veranderen. "
        "Een indexatie gaat op of na 01-08-2026 in" in uit
    ), uit
    assert _stand(ws, "2026-09-30") == voor
    # the same day: after the first, on its prices (9.180 x 1,03 = 9.455,40)
    r = _procent(ws, "--percentage", "3")
    assert r.exit_code == 0, r.output
    assert "Alfa EUR 9.455,40 (was EUR 9.180,00)" in " ".join(r.output.split())
