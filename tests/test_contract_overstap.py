"""A client who moves to another supplier after their supplier dropped out of an open house (contract uitval).

Beta drops out of Z (open house) per 1 July 2026; K002Z was registered with Beta on 15 June. Noord then delivers a
registration of K002Z with Alfa on 5 July. The register holds one placement per client and gemeente, so that row was
read as a correction of the June registration: Beta lost a placement it had before its drop-out (the one the
redistribution at the drop-out counted), Alfa got it from 15 June, and the history said nothing of the switch. Such a
row is now an input error at its supplier cell that says it is a switch after the drop-out and how to proceed, and
nothing is read; a real correction (the June registration with its own date) is still read as one. `contract
keuze` for the switch records the choice and says so.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_contract_toelating import DOOR, _run, _werkmap

KOP = "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag\n"


def _lever(ws: Path, naam: str, regel: str, datum: str) -> object:
    pad = ws / naam
    pad.write_text(KOP + regel + "\n", encoding="utf-8")
    return _run("contract", "inlezen", "--werkmap", ws, pad, "--datum", datum)


def _geplaatst(ws: Path) -> dict[tuple[str, str], int]:
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-07-20", "--json")
    assert r.exit_code == 0, r.output
    regels = json.loads(r.stdout)["regels"]
    return {(x["gemeente"], x["aanbieder"]): x["geplaatst"] for x in regels if x["perceel"] == "Z" and x["geplaatst"]}


def test_overstap_na_uitval_is_geen_correctie(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    assert _lever(ws, "k1.csv", "K002Z;Noord;aangemeld;2026-06-15;Z;Beta;", "2026-06-20").exit_code == 0
    r = _run(
        "contract", "uitval", "--werkmap", ws, "--route", "Z", "--aanbieder", "Beta", "--per", "2026-07-01",
        "--vastleggen", "--door", "S. Jansen, contractmanager", "--reden", "faillissement",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert _geplaatst(ws) == {("Noord", "Beta"): 1}

    # the client's choice is recorded (it always goes first), and says that the register cannot follow the switch
    r = _run(
        "contract", "keuze", "--werkmap", ws, "--gemeente", "Noord", "--route", "Z", "--klant", "K002Z",
        "--aanbieder", "Alfa", "--datum", "2026-07-05", "--door", "S. Jansen, contractmanager",
        "--reden", "aanbieder uitgevallen", "--json",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["opmerkingen"] == [
        "K002Z is op 15-06-2026 bij Beta aangemeld in perceel Z, en Beta is per 01-07-2026 uitgevallen: de keuze "
        "voor Alfa is een overstap na de uitval. Het register kent één plaatsing per klantnummer en gemeente en kan "
        "een aanmelding van K002Z bij Alfa niet vastleggen (contract inlezen weigert haar als overstap); houd de "
        "overstap buiten het register bij"
    ]

    r = _lever(ws, "k2.csv", "K002Z;Noord;aangemeld;2026-07-05;Z;Alfa;", "2026-07-10")
    assert r.exit_code == 2, r.output
    uit = " ".join(r.output.split())
    assert (
        "k2.csv!F2: klant K002Z (Noord): aanmelding bij Alfa in Z-route op 05-07-2026, terwijl de klant op "
        "15-06-2026 bij Beta is aangemeld (k1.csv!A2) en Beta per 01-07-2026 in dat perceel is uitgevallen (besluit 2). "
        "Dat is een overstap na de uitval, geen correctie" in uit
    ), uit
    assert "laat deze regel weg" in uit and "gecorrigeerd" not in uit
    assert _geplaatst(ws) == {("Noord", "Beta"): 1}  # the placement before the drop-out stays where it was

    # the June registration corrected with its own date is a correction, as before
    r = _lever(ws, "k3.csv", "K002Z;Noord;aangemeld;2026-06-15;Z;Alfa;", "2026-07-10")
    assert r.exit_code == 0, r.output
    assert "1 gecorrigeerd" in r.output
