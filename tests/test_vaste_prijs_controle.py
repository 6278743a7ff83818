"""A bid in a vaste_prijs lot whose price is not the fixed price: the award, the letters and the framework count the
fixed price; whether the bidder accepts it (or made a reservation that voids the bid) only a person can judge, so the
advies lists it under "Voor verzending met de hand te controleren", by name and both amounts. Real CLI run."""

from __future__ import annotations

import html
import re
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, zonder_weging
from tests.test_besluiten import _vul


def _tekst(pad: Path) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", pad.read_text(encoding="utf-8"))).split())


def test_andere_prijs_dan_de_vaste_prijs_staat_bij_de_handcontrole(tmp_path: Path) -> None:
    data = kleine_aanbesteding()
    zonder_weging(data["percelen"]["B1"], prijsmethode="vaste_prijs", vaste_prijs=9500)
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9500, 20, 12, 4, "alle")])  # the fixed price: nothing to say
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9900, 20, 12, 4, "alle")])
    _vul(ws, {"A": 50, "B": 75})
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    advies = _tekst(ws / "rapporten" / "gunningsadvies.html")
    assert "Voor verzending met de hand te controleren" in advies, advies
    assert (
        "Perceel B1-route: B bood EUR 9.900,00 per traject; in dit perceel geldt de vaste prijs van EUR 9.500,00, en "
        "alleen die prijs is gerekend (kosten, brieven, raamovereenkomst). Ga na dat B die prijs aanvaardt en geen "
        "voorbehoud maakt." in advies
    ), advies
    assert "A bood" not in advies


def test_vaste_prijs_boven_de_plafondprijs_is_een_invoerfout(tmp_path: Path) -> None:
    """vaste_prijs 11000 with plafondprijs 10000 (the ceiling and its knock-out as kleine_aanbesteding has them): the
    form asks every bidder to enter the fixed price as its price, and the knock-out declared whoever did so invalid
    ('prijs per traject EUR 11.000,00 ligt boven de plafondprijs'), while the systematiek published both 'een hogere
    prijs is ongeldig' and a fixed price of EUR 11.000. It is an input error at the fixed price, before any bid is
    read; at the ceiling itself it is fine."""
    data = kleine_aanbesteding()
    zonder_weging(data["percelen"]["B1"], prijsmethode="vaste_prijs", vaste_prijs=11000)
    ws = maak_werkmap(tmp_path / "ws", data)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert res.exit_code == 2, res.output
    uit = " ".join(res.output.split())
    assert (
        "percelen.B1.vaste_prijs (regel 62): de vaste prijs (EUR 11.000,00) ligt boven de plafondprijs van dit perceel "
        "(EUR 10.000,00)" in uit
    ), uit
    data["percelen"]["B1"]["vaste_prijs"] = 10000
    ws = maak_werkmap(tmp_path / "ws2", data)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output


def test_vaste_prijs_onder_de_aannemelijke_grens(tmp_path: Path) -> None:
    """Every amount in euro of aanbesteding.yaml below EUR 50 is an input error with a proposal (README, Invoer die
    niet te vertrouwen is), but vaste_prijs was not among them: 'vaste_prijs: 9.5' (meant 9500) was published and
    paid as EUR 9,50 per traject. It now gets the error of the others, and the comparison with the ceiling does not
    add a second error built on a mistyped amount."""
    data = kleine_aanbesteding()
    zonder_weging(data["percelen"]["B1"], prijsmethode="vaste_prijs", vaste_prijs=9.5)
    ws = maak_werkmap(tmp_path / "ws", data)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert res.exit_code == 2, res.output
    assert (
        "percelen.B1.vaste_prijs (regel 62): vaste_prijs 9.5: een bedrag onder EUR 50 is niet aannemelijk; bedoelt u 9500?"
        in (" ".join(res.output.split()))
    )
    data["percelen"]["B1"].update(plafondprijs=9.5, vaste_prijs=9000)
    ws = maak_werkmap(tmp_path / "ws2", data)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert res.exit_code == 2 and "Fouten in de invoer (1)" in res.output and "plafondprijs 9.5" in res.output


def test_bedrag_van_een_andere_prijsmethode_is_een_invoerfout(tmp_path: Path) -> None:
    """'vaste_prijs: 9000' in a lot under relatief (and max_fictieve_korting there) was ignored in silence: the lot
    ranked and paid on the bid prices and nothing was published about the amount. It is an input error at its own line,
    both together; the same amounts under their own method are fine, and a scenario that switches the method away
    (`--zet`) may leave the amount behind."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"].update(vaste_prijs=9000, max_fictieve_korting=3000)  # prijsmethode relatief (the set's)
    ws = maak_werkmap(tmp_path / "ws", data)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert res.exit_code == 2, res.output
    uit = " ".join(res.output.split())
    assert "Fouten in de invoer (2):" in uit, uit
    for veld, methode in (("vaste_prijs", "vaste_prijs"), ("max_fictieve_korting", "fictieve_korting")):
        assert (
            f"percelen.B1.{veld} (regel " in uit
            and f"{veld} geldt alleen bij prijsmethode {methode}, maar perceel B1 heeft prijsmethode relatief: het "
            "bedrag zou nergens gebruikt worden"
            in uit
        ), uit
    zonder_weging(data["percelen"]["B1"], prijsmethode="vaste_prijs", vaste_prijs=9000)
    del data["percelen"]["B1"]["max_fictieve_korting"]
    ws = maak_werkmap(tmp_path / "ws2", data)
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9000, 20, 12, 4, "alle")])
    _vul(ws, {"A": 50, "B": 75})
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    res = CliRunner().invoke(main, ["scenario", "--werkmap", str(ws), "--zet", "percelen.B1.prijsmethode=relatief"])
    assert res.exit_code == 0, res.output


def test_weging_bij_een_methode_zonder_weging_is_een_invoerfout(tmp_path: Path) -> None:
    """`weging: {kwaliteit: 30, prijs: 70}` in a lot under vaste_prijs or fictieve_korting was ignored in silence: the
    lot ranked on quality alone (or on the fictitious price) while its own lines published 70% price. It is an input
    error at percelen.B1.weging naming the lot, the method and why it weighs nothing, in every command that reads the
    definition; without the lot's own weging (the criteria set's or the default) the same lot is fine."""
    for methode, extra, waarom in (
        ("vaste_prijs", {"vaste_prijs": 9000}, "het totaal is de kwaliteitsscore, want de prijs is voor iedereen"),
        ("fictieve_korting", {"max_fictieve_korting": 3000}, "het totaal is de fictieve prijs"),
    ):
        data = kleine_aanbesteding()
        data["percelen"]["B1"].update(prijsmethode=methode, weging={"kwaliteit": 30, "prijs": 70}, **extra)
        ws = maak_werkmap(tmp_path / methode, data)
        for commando in (["template", "systematiek"], ["gunning"], ["toets"], ["inschrijvingen"]):
            res = CliRunner().invoke(main, [*commando, "--werkmap", str(ws)])
            assert res.exit_code == 2, (commando, res.output)
            uit = " ".join(res.output.split())
            assert "Fouten in de invoer (1):" in uit, uit
            assert (
                "percelen.B1.weging (regel 44)" in uit
                and f"perceel B1 heeft prijsmethode {methode}, die geen weging van kwaliteit en prijs kent ({waarom}"
                in uit
                and "de weging zou nergens gebruikt worden" in uit
            ), uit
        del data["percelen"]["B1"]["weging"]
        ws = maak_werkmap(tmp_path / (methode + "2"), data)
        res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
        assert res.exit_code == 0, res.output
