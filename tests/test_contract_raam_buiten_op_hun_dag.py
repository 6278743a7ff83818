"""Placements past a framework agreement's maximum, and a later change that raises it.

`contract stand` weighed every placement against the maximum in force on the peildatum: after 52 placements against
a maximum of 50 (the 51st and 52nd outside the agreement, HvJ EU C-23/20, as the stand and the intake said) an
extra volume of 5 trajecten recorded a month later turned the line into '52 van 55 trajecten ... uitgeput bij dit
tempo: ...', without a word about the two placements that fell outside the maximum of their day. The stand now says
how many did, when, against which maximum, and which later change raised it (with --json:
buiten_maximum_op_hun_dag); a stand before the change is as it was.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_contract_toelating import DOOR, _run, _werkmap


def gestart_en_ingelezen(tmp_path: Path, rijen: list[str]) -> Path:
    """The contract of tests.test_contract_toelating started on 1 June 2026, with one delivery of these rows."""
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    lijst = tmp_path / "lijst.csv"
    kop = "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag"
    lijst.write_text("\n".join([kop, *rijen]) + "\n", encoding="utf-8")
    assert _run("contract", "inlezen", "--werkmap", ws, lijst).exit_code == 0
    return ws


def vijf_extra_op_1_augustus(ws: Path) -> None:
    """An extra volume of 5 B1 trajecten (EUR 45.000, de minimis) recorded on 1 August 2026."""
    r = _run(
        "contract", "wijziging", "--werkmap", ws, "--route", "B1", "--soort", "extra_volume", "--trajecten", "5",
        "--waarde", "45.000", "--grondslag", "art. 2.163b Aw 2012", "--datum", "2026-08-01", *DOOR,
    )  # fmt: skip
    assert r.exit_code == 0, r.output


def test_een_latere_verhoging_verzwijgt_de_plaatsingen_buiten_het_maximum_niet(tmp_path: Path) -> None:
    regels: list[str] = []
    regels += [f"K{i:03d};Noord;aangemeld;2026-06-{10 + i // 10:02d};B1;Alfa;" for i in range(48)]
    regels += [f"L{i};Oost;aangemeld;2026-07-0{1 + i};B1;Beta;" for i in range(4)]  # the 50th on 2 July
    ws = gestart_en_ingelezen(tmp_path, regels)
    vijf_extra_op_1_augustus(ws)
    stand = ["contract", "stand", "--werkmap", ws]
    voor = " ".join(_run(*stand, "--peildatum", "2026-07-31").output.split())
    assert (
        "B1-route: 52 van 50 trajecten, EUR 470.000,00 van EUR 500.000,00; benut 104,0% (het hoogste van de twee); het maximum is bereikt op "
        "02-07-2026: de raamovereenkomst is uitgeput (2 plaatsingen daarna)" in voor
    ), voor
    assert "op hun dag" not in voor
    # 48 x EUR 9.000 (Alfa) + 4 x EUR 9.500 (Beta) = EUR 470.000; maximum 50 + 5 = 55 trajecten, EUR 545.000
    na = " ".join(_run(*stand, "--peildatum", "2026-11-30").output.split())
    assert (
        "B1-route: 52 van 55 trajecten, EUR 470.000,00 van EUR 545.000,00; benut 94,5% (het hoogste van de twee); uitgeput bij dit tempo: "
    ) in na, na
    assert (
        "2 plaatsingen, van 03-07-2026 tot en met 04-07-2026, vielen op hun dag buiten het maximum van de "
        "raamovereenkomst zoals dat toen gold (50 trajecten; HvJ EU C-23/20); de contractwijziging van 01-08-2026 "
        "heeft het maximum daarna verhoogd" in na
    ), na
    uit = json.loads(_run(*stand, "--peildatum", "2026-11-30", "--json").stdout)
    (b1,) = [r for r in uit["raamovereenkomst"] if r["perceel"] == "B1"]
    assert b1["buiten_maximum_op_hun_dag"] == 2 and b1["uitgeput"] is False
    uit = json.loads(_run(*stand, "--peildatum", "2026-07-31", "--json").stdout)
    (b1,) = [r for r in uit["raamovereenkomst"] if r["perceel"] == "B1"]
    assert b1["buiten_maximum_op_hun_dag"] == 2 and b1["uitgeput"] is True


def test_plaatsingen_boven_het_verhoogde_maximum_niet_twee_keer(tmp_path: Path) -> None:
    """After the raise to 55, five more placements in August: 57 of 55, the last two past the raised maximum. Those
    two are 'daarna' of the exhausted agreement; the sentence about the maximum of their day named them a second time,
    as if they had fallen outside the 50 of July ('4 plaatsingen, van 03-07-2026 tot en met 05-08-2026')."""
    regels: list[str] = []
    regels += [f"K{i:03d};Noord;aangemeld;2026-06-{10 + i // 10:02d};B1;Alfa;" for i in range(48)]
    regels += [f"L{i};Oost;aangemeld;2026-07-0{1 + i};B1;Beta;" for i in range(4)]
    regels += [f"M{i};Oost;aangemeld;2026-08-0{1 + i};B1;Beta;" for i in range(5)]  # the 56th and 57th: 4 and 5 Aug
    ws = gestart_en_ingelezen(tmp_path, regels)
    vijf_extra_op_1_augustus(ws)
    na = " ".join(_run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-11-30").output.split())
    assert (
        "B1-route: 57 van 55 trajecten, EUR 517.500,00 van EUR 545.000,00; benut 103,6% (het hoogste van de twee); het maximum is bereikt op "
        "03-08-2026: de raamovereenkomst is uitgeput (2 plaatsingen daarna); 2 plaatsingen, van 03-07-2026 tot en "
        "met 04-07-2026, vielen op hun dag buiten het maximum van de raamovereenkomst zoals dat toen gold (50 "
        "trajecten; HvJ EU C-23/20); de contractwijziging van 01-08-2026 heeft het maximum daarna verhoogd" in na
    ), na
    uit = json.loads(_run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-11-30", "--json").stdout)
    (b1,) = [r for r in uit["raamovereenkomst"] if r["perceel"] == "B1"]
    assert b1["buiten_maximum_op_hun_dag"] == 4  # the two of July and the two past 55 in August
