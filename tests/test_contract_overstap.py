"""A client who starts again with another supplier after a drop-out or a recorded stop: a second placement.

Beta drops out of Z (open house) per 1 July 2026; K002Z was registered with Beta on 15 June. Noord then delivers a
registration of K002Z with Alfa on 5 July. The register held one placement per client and gemeente: that row was read
as a correction of the June registration (Beta lost a placement it had before its drop-out, Alfa got it from 15 June),
and later it was refused as a switch the register could not hold. Since schema version 11 it is the client's second
placement: Beta keeps the June one, Alfa has one from 5 July, and each is a trajectory (the framework maximum of a
lot counts both). A real correction of the June registration (its own date) is still a correction, and a delivery
that repeats the whole history of the client reads every row where it belongs.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.test_contract_toelating import DOOR, _run, _werkmap

KOP = "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag\n"


def _lever(ws: Path, naam: str, regel: str, datum: str) -> object:
    pad = ws / naam
    pad.write_text(KOP + regel + "\n", encoding="utf-8")
    return _run("contract", "inlezen", "--werkmap", ws, pad, "--datum", datum)


def _stand(ws: Path) -> dict:
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-07-20", "--json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def _geplaatst(ws: Path, perceel: str = "Z") -> dict[tuple[str, str], int]:
    regels = _stand(ws)["regels"]
    return {
        (x["gemeente"], x["aanbieder"]): x["geplaatst"] for x in regels if x["perceel"] == perceel and x["geplaatst"]
    }


def _plaatsingen(ws: Path) -> list[tuple[int, str, str, str | None, str]]:
    """(volgnummer, kind, date, supplier, place) of every current event of K002Z in Noord."""
    db = sqlite3.connect(ws / "contract" / "register.sqlite")
    try:
        return db.execute(
            "SELECT p.volgnummer, h.soort, h.datum, h.leverancier, h.plaats FROM huidige_gebeurtenis h "
            "JOIN plaatsing p ON p.id = h.plaatsing_id WHERE p.klantnummer = 'K002Z' ORDER BY p.volgnummer, h.datum"
        ).fetchall()
    finally:
        db.close()


def _met_uitval_van_beta(tmp_path: Path) -> Path:
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    assert _lever(ws, "k1.csv", "K002Z;Noord;aangemeld;2026-06-15;Z;Beta;", "2026-06-20").exit_code == 0
    r = _run(
        "contract", "uitval", "--werkmap", ws, "--route", "Z", "--aanbieder", "Beta", "--per", "2026-07-01",
        "--vastleggen", "--door", "S. Jansen, contractmanager", "--reden", "faillissement",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert _geplaatst(ws) == {("Noord", "Beta"): 1}
    return ws


# what `contract keuze` says about K002Z choosing Alfa on 5 July after Beta's drop-out per 1 July
OVERSTAP_NA_UITVAL = (
    "K002Z is op 15-06-2026 bij Beta aangemeld in perceel Z, en Beta is per 01-07-2026 uitgevallen: de keuze "
    "voor Alfa is een overstap na de uitval. Een aanmelding van K002Z bij Alfa op of na 01-07-2026 leest contract "
    "inlezen als een nieuwe plaatsing (een tweede traject; de plaatsing bij Beta blijft staan en telt mee in het "
    "maximum van de raamovereenkomst)"
)


def _keuze_voor_alfa(ws: Path) -> list[str]:
    """Record K002Z's choice for Alfa on 5 July; the remarks the command gives with it."""
    r = _run(
        "contract", "keuze", "--werkmap", ws, "--gemeente", "Noord", "--route", "Z", "--klant", "K002Z",
        "--aanbieder", "Alfa", "--datum", "2026-07-05", "--door", "S. Jansen, contractmanager",
        "--reden", "aanbieder uitgevallen", "--json",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    opmerkingen: list[str] = json.loads(r.stdout)["opmerkingen"]
    return opmerkingen


def test_overstap_na_uitval_is_een_tweede_plaatsing(tmp_path: Path) -> None:
    ws = _met_uitval_van_beta(tmp_path)
    # the client's choice is recorded (it always goes first), and says what the registration that follows will be
    assert _keuze_voor_alfa(ws) == [OVERSTAP_NA_UITVAL]

    r = _lever(ws, "k2.csv", "K002Z;Noord;aangemeld;2026-07-05;Z;Alfa;", "2026-07-10")
    assert r.exit_code == 0, r.output
    uit = " ".join(r.output.split())
    assert (
        "k2.csv!A2: klant K002Z (Noord): aanmelding bij Alfa op 05-07-2026 is plaatsing 2 van deze klant in Noord, "
        "geen correctie: plaatsing 1 (aangemeld 15-06-2026 bij Beta) liep bij een aanbieder die per 01-07-2026 in dat "
        "perceel is uitgevallen (besluit 2); die plaatsing blijft staan en telt als traject mee" in uit
    ), uit
    assert "gecorrigeerd: 0" in uit or "0 gecorrigeerd" in uit, uit
    # Beta keeps the June placement, Alfa has the one of July: one each in Noord
    assert _geplaatst(ws) == {("Noord", "Beta"): 1, ("Noord", "Alfa"): 1}

    # Noord delivers the client's whole history again with the start at Alfa: the June row is Beta's placement
    # (unchanged), the July row Alfa's (unchanged), the start goes to the placement at Alfa
    pad = ws / "k3.csv"
    pad.write_text(
        KOP + "K002Z;Noord;aangemeld;2026-06-15;Z;Beta;\nK002Z;Noord;aangemeld;2026-07-05;Z;Alfa;\n"
        "K002Z;Noord;gestart;2026-07-08;;;\n",
        encoding="utf-8",
    )
    r = _run("contract", "inlezen", "--werkmap", ws, pad, "--datum", "2026-07-12")
    assert r.exit_code == 0, r.output
    assert _plaatsingen(ws) == [
        (1, "aangemeld", "2026-06-15", "Beta", "k1.csv!A2"),
        (2, "aangemeld", "2026-07-05", "Alfa", "k2.csv!A2"),
        (2, "gestart", "2026-07-08", None, "k3.csv!A4"),
    ]
    assert _geplaatst(ws) == {("Noord", "Beta"): 1, ("Noord", "Alfa"): 1}


def test_correctie_van_de_eerste_aanmelding_blijft_een_correctie(tmp_path: Path) -> None:
    ws = _met_uitval_van_beta(tmp_path)
    # the June registration corrected with its own date is a correction, as before: no second placement
    r = _lever(ws, "k3.csv", "K002Z;Noord;aangemeld;2026-06-15;Z;Alfa;", "2026-07-10")
    assert r.exit_code == 0, r.output
    assert "1 gecorrigeerd" in r.output
    assert _plaatsingen(ws) == [(1, "aangemeld", "2026-06-15", "Alfa", "k3.csv!A2")]
    # a later registration with Alfa, now the first placement's supplier, which did not drop out: a correction of the
    # date of the first, no second placement
    r = _lever(ws, "k4.csv", "K002Z;Noord;aangemeld;2026-07-06;Z;Alfa;", "2026-07-10")
    assert r.exit_code == 0, r.output
    assert "1 gecorrigeerd" in r.output
    assert _plaatsingen(ws) == [(1, "aangemeld", "2026-07-06", "Alfa", "k4.csv!A2")]


def test_na_voortijdig_stoppen_telt_de_raamovereenkomst_beide_trajecten(tmp_path: Path) -> None:
    """B1 is a framework agreement (maximum 50 trajecten). K7 registers with Alfa on 10 June, starts on 12 June and
    stops on 20 June (recorded); Noord registers K7 again with Beta on 1 July. Two trajecten used: 2 of 50."""
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    pad = ws / "b1.csv"
    pad.write_text(
        KOP + "K7;Noord;aangemeld;2026-06-10;B1;Alfa;\nK7;Noord;gestart;2026-06-12;;;\n"
        "K7;Noord;voortijdig gestopt;2026-06-20;;;\nK7;Noord;aangemeld;2026-07-01;B1;Beta;\n",
        encoding="utf-8",
    )
    r = _run("contract", "inlezen", "--werkmap", ws, pad, "--datum", "2026-07-02")
    assert r.exit_code == 0, r.output
    assert (
        "is plaatsing 2 van deze klant in Noord, geen correctie: plaatsing 1 (aangemeld 10-06-2026) is op "
        "20-06-2026 voortijdig gestopt" in " ".join(r.output.split())
    )
    stand = _stand(ws)
    raam = {x["perceel"]: x for x in stand["raamovereenkomst"]}
    assert (raam["B1"]["gebruikt"], raam["B1"]["max_trajecten"]) == (2, 50)
    assert _geplaatst(ws, "B1") == {("Noord", "Alfa"): 1, ("Noord", "Beta"): 1}


def test_intrekken_bij_twee_plaatsingen_noemt_de_plaatsing(tmp_path: Path) -> None:
    """With two placements of K002Z in Noord, `contract intrekken` took the first row the register gave; it now asks
    which one (--plaatsing) and withdraws the event of that one only."""
    ws = _met_uitval_van_beta(tmp_path)
    assert _lever(ws, "k2.csv", "K002Z;Noord;aangemeld;2026-07-05;Z;Alfa;", "2026-07-10").exit_code == 0
    opdracht = (
        "contract", "intrekken", "--werkmap", ws, "--gemeente", "Noord", "--klant", "K002Z", "--gebeurtenis",
        "aangemeld", "--datum", "2026-07-15", "--door", "S. Jansen, contractmanager", "--reden", "ten onrechte",
    )  # fmt: skip
    r = _run(*opdracht)
    assert r.exit_code == 2, r.output
    assert (
        "--plaatsing: klant K002Z heeft 2 plaatsingen in Noord (1: aangemeld 15-06-2026 bij Beta; 2: aangemeld "
        "05-07-2026 bij Alfa); geef met --plaatsing op welke" in " ".join(r.output.split())
    ), r.output
    r = _run(*opdracht, "--plaatsing", "2")
    assert r.exit_code == 0, r.output
    assert _geplaatst(ws) == {("Noord", "Beta"): 1}  # the placement at Alfa's registration no longer counts


def test_na_de_overstap_wacht_de_klant_niet_meer_bij_de_uitgevallen_aanbieder(tmp_path: Path) -> None:
    """K002Z, registered with Beta on 15 June and never started there, is registered with Alfa on 5 July and starts on
    8 July. On 30 November `contract stand` said that at Beta 1 person had been waiting for 24,0 weeks (15 June to 30
    November: 168 days) against the promised 4: the person waits for nobody; the placement at Beta is left by the
    next one."""
    ws = _met_uitval_van_beta(tmp_path)
    assert _lever(ws, "k2.csv", "K002Z;Noord;aangemeld;2026-07-05;Z;Alfa;", "2026-07-10").exit_code == 0
    assert _lever(ws, "k3.csv", "K002Z;Noord;gestart;2026-07-08;;;", "2026-07-10").exit_code == 0
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-11-30", "--json")
    assert r.exit_code == 0, r.output
    stand = json.loads(r.stdout)
    wachtend = {(p["perceel"], p["aanbieder"]): p["wachtend_langer_dan_beloofd"] for p in stand["prestaties"]}
    assert wachtend[("Z", "Beta")] == 0 and wachtend[("Z", "Alfa")] == 0
    assert not [s for s in stand["signalen"] if s["soort"] == "wachtend"]


def test_correctie_die_de_grond_van_de_tweede_plaatsing_wegneemt_is_een_fout(tmp_path: Path) -> None:
    """After the switch, Noord corrects the registration with Alfa to 25 June, before Beta's drop-out on 1 July: the
    row went to the placement at Alfa (same lot and supplier) and left two placements of the client in June, with no
    drop-out between them. An error at its date, nothing read."""
    ws = _met_uitval_van_beta(tmp_path)
    assert _lever(ws, "k2.csv", "K002Z;Noord;aangemeld;2026-07-05;Z;Alfa;", "2026-07-10").exit_code == 0
    r = _lever(ws, "k4.csv", "K002Z;Noord;aangemeld;2026-06-25;Z;Alfa;", "2026-07-10")
    assert r.exit_code == 2, r.output
    assert (
        "k4.csv!D2: klant K002Z (Noord): na deze regel is plaatsing 2 (aangemeld 25-06-2026 bij Alfa) geen volgende "
        "plaatsing meer: tussen de aanmelding van plaatsing 1 en die van plaatsing 2 ligt geen uitval van de aanbieder "
        "in dat perceel en geen voortijdig stoppen" in " ".join(r.output.split())
    ), r.output
    assert [x[2] for x in _plaatsingen(ws)] == ["2026-06-15", "2026-07-05"]


def test_keuze_in_de_uitvalperiode_is_een_overstap_ook_na_hervatting(tmp_path: Path) -> None:
    """Beta is taken back per 20 July: the drop-out of 1 July no longer holds, but a registration of K002Z with Alfa
    on 5 July is still a switch for intake (wijs_toe counts every drop-out between the two dates), so the choice of
    5 July must say so instead of 'volgt het advies'."""
    ws = _met_uitval_van_beta(tmp_path)
    r = _run(
        "contract", "hervatting", "--werkmap", ws, "--route", "Z", "--aanbieder", "Beta", "--per", "2026-07-20",
        "--datum", "2026-07-15", "--door", "S. Jansen, contractmanager", "--reden", "doorstart",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert _keuze_voor_alfa(ws) == [OVERSTAP_NA_UITVAL]
    r = _lever(ws, "k2.csv", "K002Z;Noord;aangemeld;2026-07-05;Z;Alfa;", "2026-07-10")
    assert r.exit_code == 0, r.output
    assert "is plaatsing 2 van deze klant in Noord" in " ".join(r.output.split())
