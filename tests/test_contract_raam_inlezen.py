"""Reading in placements past the maximum of a framework agreement: the contract manager is told at once.

`contract advies` refuses to advise once the maximum is reached and `contract stand` says how many placements came
after it, but `contract inlezen` took 52 placements against a maximum of 50 and said only "52 nieuw": the moment
the register learns that placements fall outside the framework agreement (HvJ EU C-23/20) passed in silence.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_contract_toelating import DOOR, _run, _werkmap


def test_inlezen_boven_het_raammaximum_zegt_dat(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    r = _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR)
    assert r.exit_code == 0 and "B1-route: Alfa, Beta; raammaximum 50 trajecten" in r.output, r.output
    regels = ["klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag"]
    regels += [f"K{i:03d};Noord;aangemeld;2026-06-{10 + i // 10:02d};B1;Alfa;" for i in range(48)]
    eerste = tmp_path / "eerste.csv"
    eerste.write_text("\n".join(regels) + "\n", encoding="utf-8")
    r = _run("contract", "inlezen", "--werkmap", ws, eerste)
    assert r.exit_code == 0 and "Let op" not in r.output, r.output  # 48 of 50: within the agreement
    tweede = tmp_path / "tweede.csv"
    tweede.write_text(
        regels[0] + "\n" + "\n".join(f"L{i};Oost;aangemeld;2026-07-0{1 + i};B1;Beta;" for i in range(4)) + "\n",
        encoding="utf-8",
    )
    r = _run("contract", "inlezen", "--werkmap", ws, tweede, "--json")
    assert r.exit_code == 0, r.output
    # the 50th placement (registered on 2 July) reached the maximum; those of 3 and 4 July fall outside it
    verwacht = (
        "raamovereenkomst B1-route: 52 van de maximaal 50 trajecten geplaatst; het maximum is bereikt op 02-07-2026 "
        "en 2 plaatsingen daarna vallen buiten de raamovereenkomst (HvJ EU C-23/20): daarvoor is een "
        "contractwijziging met grondslag ('evaluatie contract wijziging') of een nieuwe aanbesteding nodig"
    )
    assert json.loads(r.stdout)["waarschuwingen"] == [verwacht]
    assert f"Let op: {verwacht}." in " ".join(r.output.split())


def test_keuze_json_zegt_ook_dat_er_geen_advies_was(tmp_path: Path) -> None:
    """`contract keuze --json` gave only the printed lines ({"uitvoer": [...]}) while its sibling decision commands
    give their content; and the note that no advice existed (an exhausted framework agreement) went to stderr only.
    Now one document with the decision, the choice, the advice of that moment and that note."""
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    keuze = ["contract", "keuze", "--werkmap", ws, "--gemeente", "noord", "--route", "B1", "--klant", "K-1"]
    r = _run(*keuze, "--aanbieder", "beta", "--datum", "2026-06-15", *DOOR, "--json")
    assert r.exit_code == 0, r.output
    uit = json.loads(r.stdout)
    assert {k: uit[k] for k in ("gemeente", "perceel", "klant", "gekozen", "volgt_advies", "opmerkingen")} == {
        "gemeente": "Noord",
        "perceel": "B1",
        "klant": "K-1",
        "gekozen": "Beta",
        "volgt_advies": uit["advies"] == "Beta",
        "opmerkingen": [],
    }
    assert isinstance(uit["besluit"], int) and uit["advies"] in ("Alfa", "Beta")


def test_kwartaal_dat_nog_niet_voorbij_is_wordt_geweigerd(tmp_path: Path) -> None:
    """A quarterly report is dated at the quarter's last day and promises that it never changes with later data; for
    a quarter not yet over it was written anyway, dated in the future, with the figures of a part of the quarter.
    Such a quarter is an input error in --kwartaal (the stand gives the figures of today); nothing is written."""
    import datetime as dt

    ws = _werkmap(tmp_path)
    vandaag = dt.date.today()
    assert _run("contract", "start", "--werkmap", ws, "--datum", vandaag.isoformat(), *DOOR).exit_code == 0
    later = vandaag + dt.timedelta(days=100)  # the next quarter: inside the term of two years, not over yet
    kwartaal = f"{later.year}-K{(later.month - 1) // 3 + 1}"
    r = _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", kwartaal, "--json")
    assert r.exit_code == 2, r.output
    fout = json.loads(r.stdout)["fouten"][0]
    assert fout["plaats"] == "--kwartaal" and f"{kwartaal} is nog niet voorbij" in fout["bericht"], fout
    assert not (ws / "contract" / "kwartaal").exists()


def test_keuze_voor_een_volle_aanbieder_zegt_waarom_het_advies_hem_oversloeg(tmp_path: Path) -> None:
    """Alfa bid a capacity of 12 for B1; with 12 placements this contract year the advice skips it ('vol'). An own
    choice for Alfa was recorded with only "wijkt af van het advies (Beta)": the contract manager was not told that
    the chosen supplier is past the capacity it bid. The choice is still recorded (it always goes first), with the
    reason the advice skipped it."""
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    regels = ["klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag"]
    regels += [f"K{i:03d};Noord;aangemeld;2026-06-10;B1;Alfa;" for i in range(12)]
    pad = tmp_path / "noord.csv"
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    assert _run("contract", "inlezen", "--werkmap", ws, pad).exit_code == 0
    # Oost: Alfa 2 and Beta 4 allocated; Alfa's capacity counts over all gemeenten
    keuze = ["contract", "keuze", "--werkmap", ws, "--gemeente", "Oost", "--route", "B1", "--klant", "K-100"]
    r = _run(*keuze, "--aanbieder", "Alfa", "--datum", "2026-06-20", *DOOR, "--json")
    assert r.exit_code == 0, r.output
    uit = json.loads(r.stdout)
    assert (uit["gekozen"], uit["advies"], uit["volgt_advies"]) == ("Alfa", "Beta", False)
    verwacht = "het advies sloeg Alfa over: vol: 12 plaatsingen dit contractjaar bij een capaciteit van 12"
    assert uit["opmerkingen"] == [verwacht]
    assert f"Let op: {verwacht}" in r.output


def test_geen_advies_noemt_aanbieders_zonder_toewijzing_met_contract(tmp_path: Path) -> None:
    """In Noord only Alfa has an allocation for B1; with Alfa full the advice said "geen aanbieder van B1-route voor
    Noord is nu beschikbaar", untrue: Beta has a contract for Noord (no allocation there) and room. The sentence now
    speaks of the suppliers with an allocation and names the others with a contract for the gemeente."""
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    regels = ["klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag"]
    regels += [f"K{i:03d};Noord;aangemeld;2026-06-10;B1;Alfa;" for i in range(12)]
    pad = tmp_path / "noord.csv"
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    assert _run("contract", "inlezen", "--werkmap", ws, pad).exit_code == 0
    r = _run("contract", "advies", "--werkmap", ws, "--gemeente", "Noord", "--route", "B1", "--peildatum", "2026-06-20")
    assert r.exit_code == 1, r.output
    tekst = " ".join(r.output.split())
    assert "geen aanbieder van B1-route voor Noord is nu beschikbaar" not in tekst, tekst
    assert (
        "geen advies voor Noord in perceel B1: geen aanbieder met een toewijzing in Noord voor B1-route is nu beschikbaar. Met een contract "
        "voor Noord maar zonder toewijzing daar: Beta; een keuze voor die aanbieder legt 'evaluatie contract keuze' "
        "vast." in tekst
    ), tekst
