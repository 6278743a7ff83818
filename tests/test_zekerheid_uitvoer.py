"""`evaluatie zekerheid`: the same inputs give the same bytes (--json too), and no share of draws is rounded to a
false 0,0% or 100,0%."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from evaluatie.zekerheid.tekst import procent


def test_zekerheid_json_is_byte_voor_byte_gelijk(voorbeeld: Path) -> None:
    args = ["zekerheid", "--werkmap", str(voorbeeld), "--lots", "B1", "--trekkingen", "200", "--json"]
    eerste = CliRunner().invoke(main, args)
    tweede = CliRunner().invoke(main, args)
    assert eerste.exit_code == 0, eerste.output
    assert eerste.stdout == tweede.stdout
    storing = json.loads(eerste.stdout)["B1"]["storing"]
    assert "seconden" not in storing  # a measured time differs per run
    assert storing["trekkingen"] == 200


def test_een_kleine_kans_is_niet_nul_en_een_grote_niet_zeker() -> None:
    assert procent(1 / 10_000) == "minder dan 0,1%"  # one draw in 10.000: it happened
    assert procent(9_999 / 10_000) == "meer dan 99,9%"
    assert procent(0.0) == "0,0%" and procent(1.0) == "100,0%"
    assert procent(6_546 / 10_000) == "65,5%"
    assert procent(1 / 1_000) == "0,1%"


def test_marge_zonder_bereikbare_weg_is_een_zin(tmp_path: Path) -> None:
    """Under fictieve_korting (at most EUR 2.500 off at quality 100) a bid can be beyond reach by quality alone;
    the sentence slotted 'met alleen een hogere kwaliteitsscore (hoogstens 100) niet' where the number belongs
    ('had met alleen ... niet nodig gehad')."""
    from evaluatie.zekerheid.tekst import _marge

    zin = _marge(None, 469.44)
    assert zin == (
        "had een prijs die EUR 469,44 per traject lager was nodig gehad om minstens gelijk te komen met de eerste "
        "(naar boven afgerond op hele centen); met alleen een hogere kwaliteitsscore (hoogstens 100) lukte dat niet."
    )
    assert "niet nodig gehad" not in _marge(31.7, None) and "lukte dat niet" in _marge(31.7, None)
    assert _marge(2.7, 400.0) == (
        "had 2,7 kwaliteitspunten meer nodig gehad om minstens gelijk te komen met de eerste, of een prijs die "
        "EUR 400,00 per traject lager was (naar boven afgerond op 0,1 punt en op hele centen)."
    )


def test_gelijke_stand_in_een_perceel_zonder_totaalscore(tmp_path: Path) -> None:
    """A lot ranked on the fictieve prijs has no totaalscore; a tie there is a tie on the fictieve prijs."""
    from evaluatie.zekerheid.model import Marge, Zekerheid
    from evaluatie.zekerheid.tekst import zinnen
    from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel

    data = kleine_aanbesteding()
    data["percelen"]["B1"]["prijsmethode"] = "fictieve_korting"
    del data["percelen"]["B1"]["weging"]
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 9000, 10, 12, 4, "alle")])
    schrijf_bod(ws, "y.xlsx", "Y", "22222222", [("B1", 9500, 10, 12, 4, "alle")])
    vul_panel(ws, {"X": 75, "Y": 75})
    res = CliRunner().invoke(main, ["zekerheid", "--werkmap", str(ws), "--trekkingen", "100", "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["B1"]["maatstaf"] == "fictieve prijs"

    z = Zekerheid(
        perceel="B1", winnaar="X", gegund=("X",), weglatingen=(), storing=None, capaciteit=(), maatstaf="fictieve prijs",
        marges=(Marge(inschrijver="Y", rang=2, kwaliteit=None, prijs=None, gelijk_door="loting"),),
    )  # fmt: skip
    tekst = " ".join(" ".join(v) for v in zinnen(z, "B1-route").values())
    assert "Inschrijver Y (rang 2) heeft dezelfde fictieve prijs als X; de volgorde is bepaald door loting." in tekst
    assert "totaalscore" not in tekst


def test_readme_noemt_de_json_van_rapport_zoals_die_is(voorbeeld: Path) -> None:
    """README promised `{"geschreven", "loting_nodig"}` for `rapport --json`; the command writes `open_punten`."""
    from tests.hulp import REPO

    res = CliRunner().invoke(main, ["rapport", "--werkmap", str(voorbeeld), "--lots", "B1", "--json"])
    sleutels = sorted(json.loads(res.stdout))
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    beschreven = " ".join(readme.split("`rapport` (`{")[1].split("}`)")[0].split())
    assert sorted(k.strip('" ') for k in beschreven.replace(": [...]", "").split(",")) == sleutels
