"""A wrongly delivered event could not be withdrawn: the register is append-only, so a placement at the wrong gemeente
or a start that never happened counted in every stand, advice and quarterly report for the rest of the contract.
'contract intrekken' withdraws it by a recorded decision; the event's row stays, and the decision's date works as a
peildatum. B1 awarded (Alfa, Beta), Z open house; started 1 June 2026. Noord delivered seven clients K-0 to K-6, each
registered with Alfa in B1 on 10 to 16 June and started on 10 to 16 July, read in on 15 August 2026."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.hulp import html_tekst
from tests.test_contract_routewijziging_aanbieder import KOP
from tests.test_contract_toelating import DOOR, _run, _werkmap


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    lijst = ws / "noord.csv"
    lijst.write_text(
        KOP
        + "".join(
            f"K-{i};Noord;aangemeld;1{i}-06-2026;B1;Alfa;\nK-{i};Noord;gestart;1{i}-07-2026;;;\n" for i in range(7)
        ),
        encoding="utf-8",
    )
    assert _run("contract", "inlezen", "--werkmap", ws, lijst, "--datum", "2026-08-15").exit_code == 0
    return ws


def _trek_in(ws: Path, klant: str, soort: str, datum: str) -> Any:
    return _run(
        "contract", "intrekken", "--werkmap", ws, "--gemeente", "noord", "--klant", klant, "--gebeurtenis", soort,
        "--datum", datum, *DOOR,
    )  # fmt: skip


def _stand(ws: Path, peildatum: str) -> dict[str, Any]:
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", peildatum, "--json")
    assert r.exit_code == 0, r.output
    return dict(json.loads(r.stdout))


def _alfa(st: dict[str, Any]) -> tuple[int, int]:
    """Noord's placements with Alfa this contract year, and Alfa's starts in B1."""
    geplaatst = next(r["geplaatst"] for r in st["regels"] if (r["gemeente"], r["aanbieder"]) == ("Noord", "Alfa"))
    gestart = next(p["gestart"] for p in st["prestaties"] if (p["perceel"], p["aanbieder"]) == ("B1", "Alfa"))
    return geplaatst, gestart


def _besluiten(ws: Path) -> int:
    with sqlite3.connect(ws / "contract" / "register.sqlite") as db:
        return int(db.execute("SELECT COUNT(*) FROM besluit").fetchone()[0])


def test_intrekking_telt_vanaf_haar_datum_en_weigert_wat_erop_rust(ws: Path) -> None:
    # the registration of K-1 has a start that still counts: refused, nothing recorded (only the start decision)
    r = _trek_in(ws, "K-1", "aangemeld", "2026-09-01")
    assert r.exit_code == 2, r.output
    uit = " ".join(r.output.split())
    assert (
        "--gebeurtenis: de gebeurtenis 'aangemeld' van klant K-1 (Noord) (noord.csv!A4) kan niet worden ingetrokken "
        "zolang wat erop rust nog meetelt: gestart van 11-07-2026 (noord.csv!A5)" in uit
    ), uit
    assert _besluiten(ws) == 1
    # the start first, then the registration, both per 1 September
    assert _trek_in(ws, "K-1", "gestart", "2026-09-01").exit_code == 0
    r = _trek_in(ws, "K-1", "aangemeld", "2026-09-01")
    assert r.exit_code == 0, r.output
    assert (
        "Ingetrokken bij besluit 3 per 01-09-2026: aangemeld van 11-06-2026 van klant K-1 (Noord, noord.csv!A4)."
        in (" ".join(r.output.split()))
    ), r.output
    # by hand: seven placed and started up to 31 August, six from 1 September on; the rows stay in the register
    assert _alfa(_stand(ws, "2026-08-31")) == (7, 7)
    st = _stand(ws, "2026-09-01")
    assert _alfa(st) == (6, 6)
    assert [(i["besluit"], i["gebeurtenis"], i["plaats"]) for i in st["ingetrokken"]] == [
        (2, "gestart", "noord.csv!A5"),
        (3, "aangemeld", "noord.csv!A4"),
    ]
    assert _stand(ws, "2026-08-31")["ingetrokken"] == []
    with sqlite3.connect(ws / "contract" / "register.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM huidige_gebeurtenis").fetchone()[0] == 14
    tekst = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-09-01").output
    assert (
        "Ingetrokken: aangemeld van 11-06-2026 van klant K-1 (Noord, noord.csv!A4), per 01-09-2026 bij besluit 3; telt "
        "niet mee." in tekst
    )
    # once withdrawn, again: an error
    r = _trek_in(ws, "K-1", "aangemeld", "2026-09-02")
    assert r.exit_code == 2 and "is al ingetrokken bij besluit 3 per 01-09-2026" in " ".join(r.output.split())


def test_alle_fouten_samen_en_niets_vastgelegd(ws: Path) -> None:
    r = _run(
        "contract", "intrekken", "--werkmap", ws, "--gemeente", "Nord", "--klant", "K-1", "--gebeurtenis", "geslaagd",
        "--datum", "2099-01-01",
    )  # fmt: skip
    assert r.exit_code == 2, r.output
    uit = " ".join(r.output.split())
    for fout in (
        "--gemeente: 'Nord' is geen gemeente van dit contract; bedoelt u Noord?",
        "--gebeurtenis: onbekende gebeurtenis 'geslaagd'",
        "--datum: 01-01-2099 ligt in de toekomst",
        "--door: wie neemt dit besluit?",
        "--reden: een besluit zonder reden wordt niet vastgelegd",
    ):
        assert fout in uit, (fout, uit)
    # before the day it was read in (15 August), and a client without a placement, and one without that event
    r = _trek_in(ws, "K-2", "gestart", "2026-08-14")
    assert r.exit_code == 2 and "kies 15-08-2026 of later" in " ".join(r.output.split()), r.output
    r = _trek_in(ws, "K-99", "gestart", "2026-09-01")
    assert r.exit_code == 2 and "klant K-99 heeft geen plaatsing in Noord in het register" in r.output, r.output
    r = _trek_in(ws, "K-2", "examen", "2026-09-01")
    uit = " ".join(r.output.split())
    assert r.exit_code == 2 and "heeft geen gebeurtenis 'examenuitslag' in het register (wel: aangemeld op" in uit, uit
    assert _besluiten(ws) == 1


def test_kwartaalrapport_van_voor_de_intrekking_blijft_gelijk(ws: Path) -> None:
    """A withdrawal dated after the quarter leaves its report byte for byte as it was; one dated inside it (a decision
    dated back, as the README says) changes it when it is made again."""
    from tests.hulp import html_tekst

    kwartaal = ("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K3")
    assert _run(*kwartaal).exit_code == 0
    map_ = ws / "contract" / "kwartaal" / "2026-K3"
    eerst = (map_ / "gemeente-noord.html").read_bytes()
    # by hand: seven started with Alfa, each 30 days (4,3 weeks) after registration, above the 4 weeks promised
    assert "B1-route Alfa 4,0 7 4,3 7 " in html_tekst(map_ / "regio.html")
    assert _trek_in(ws, "K-1", "gestart", "2026-10-01").exit_code == 0
    assert _run(*kwartaal).exit_code == 0
    assert (map_ / "gemeente-noord.html").read_bytes() == eerst
    assert _trek_in(ws, "K-2", "gestart", "2026-09-15").exit_code == 0
    assert _run(*kwartaal).exit_code == 0
    assert (map_ / "gemeente-noord.html").read_bytes() != eerst
    # by hand: Alfa started seven in B1 by 30 September, less K-2's start withdrawn per 15 September: 6
    assert _alfa(_stand(ws, "2026-09-30")) == (7, 6)
    # the report made first showed 7 (recorded in the register): 6 now would say that one start went, so the report
    # made again withholds it, and the average over it, and says that it replaces the first (test_contract_publicatie)
    tekst = html_tekst(map_ / "regio.html")
    assert "B1-route Alfa 4,0 onderdrukt onderdrukt onderdrukt " in tekst, tekst
    assert "Deze rapportage vervangt de kwartaalrapportage van dit kwartaal die op " in tekst


def test_inlezen_na_een_intrekking(ws: Path) -> None:
    assert _trek_in(ws, "K-1", "gestart", "2026-09-01").exit_code == 0
    assert _trek_in(ws, "K-1", "aangemeld", "2026-09-01").exit_code == 0
    # the same file again: the withdrawals stand, and the intake says so
    r = _run("contract", "inlezen", "--werkmap", ws, ws / "noord.csv")
    assert r.exit_code == 0, r.output
    uit = " ".join(r.output.split())
    assert (
        "noord.csv!A4: klant K-1 (Noord), aangemeld: deze gebeurtenis (noord.csv!A4) is ingetrokken bij besluit 3 en blijft ingetrokken"
        in uit
    ), uit
    assert _alfa(_stand(ws, "2026-09-30")) == (6, 6)
    # a completion of K-1 rests on a withdrawn start and registration: as without them, an error
    later = ws / "later.csv"
    later.write_text(KOP + "K-1;Noord;afgerond;01-11-2026;;;\n", encoding="utf-8")
    r = _run("contract", "inlezen", "--werkmap", ws, later)
    assert r.exit_code == 2 and "later.csv!A2: klant K-1 (Noord) heeft geen aanmelding" in r.output, r.output
    # another registration of K-1 is a correction of the withdrawn one: it counts again
    later.write_text(KOP + "K-1;Noord;aangemeld;12-06-2026;B1;Alfa;\n", encoding="utf-8")
    r = _run("contract", "inlezen", "--werkmap", ws, later)
    assert r.exit_code == 0, r.output
    assert "de vorige was ingetrokken bij besluit 3, deze telt weer mee" in " ".join(r.output.split())
    assert _alfa(_stand(ws, "2026-12-05")) == (7, 6)


def test_het_dossier_noemt_de_intrekking(ws: Path) -> None:
    from tests.hulp import html_tekst

    assert _trek_in(ws, "K-3", "gestart", "2026-09-01").exit_code == 0
    assert _run("contract", "dossier", "--werkmap", ws).exit_code == 0
    tekst = html_tekst(ws / "contract" / "dossier" / "index.html")
    assert (
        "Besluit 2 van 1 september 2026: gestart van 13 juli 2026 van klant K-3 (Noord, noord.csv!A9) is ingetrokken: "
        "volgens het contract" in tekst
    ), tekst


def test_kwartaal_zegt_het_als_een_eerder_kwartaal_de_gebeurtenis_nog_meetelde(ws: Path) -> None:
    """K-5 registered on 15 June (2026-K2), its registration withdrawn per 20 September: the report of 2026-K2, if
    made then, counted it; the report of 2026-K3 replays K2 without it, so its check of the differences with what K2
    published rests on other figures. Said on the terminal (the report itself names no withdrawal: a count of them is
    one of persons); a withdrawal of an event of the quarter itself is not."""
    assert _trek_in(ws, "K-5", "gestart", "2026-09-20").exit_code == 0
    r = _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K3")
    assert r.exit_code == 0 and "Let op" not in r.output, r.output
    assert _trek_in(ws, "K-5", "aangemeld", "2026-09-20").exit_code == 0
    r = _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K3")
    assert r.exit_code == 0, r.output
    assert (
        "Let op: 1 intrekking (besluit 3) geldt voor gebeurtenissen die de kwartaalrapportages vanaf 2026-K2 nog "
        "meetelden" in " ".join(r.stderr.split())
    ), r.output
    assert "ntrek" not in (ws / "contract" / "kwartaal" / "2026-K3" / "regio.html").read_text(encoding="utf-8")


def test_het_dossier_zegt_het_als_een_correctie_de_ingetrokken_gebeurtenis_vervangt(ws: Path) -> None:
    """K-1's start withdrawn per 1 September, then a corrected start (20 July) delivered: the correction counts again
    (test_inlezen_na_een_intrekking), the stand counts it and names no withdrawal any more; the dossier still said the
    start was withdrawn and did not count from 1 September."""
    from tests.hulp import html_tekst

    assert _trek_in(ws, "K-1", "gestart", "2026-09-01").exit_code == 0
    later = ws / "later.csv"
    later.write_text(KOP + "K-1;Noord;gestart;20-07-2026;;;\n", encoding="utf-8")
    r = _run("contract", "inlezen", "--werkmap", ws, later, "--datum", "2026-09-10")
    assert r.exit_code == 0, r.output
    st = _stand(ws, "2026-09-30")
    assert _alfa(st) == (7, 7) and st["ingetrokken"] == []
    assert _run("contract", "dossier", "--werkmap", ws).exit_code == 0
    tekst = html_tekst(ws / "contract" / "dossier" / "index.html")
    assert (
        "Besluit 2 van 1 september 2026: gestart van 11 juli 2026 van klant K-1 (Noord, noord.csv!A5) is ingetrokken: "
        "volgens het contract; een latere aanlevering (later.csv!A2) heeft deze gebeurtenis gecorrigeerd, en die "
        "correctie telt weer mee" in tekst
    ), tekst
    # the correction withdrawn in turn (besluit 3): the first line no longer says it counts
    assert _trek_in(ws, "K-1", "gestart", "2026-10-01").exit_code == 0
    assert _run("contract", "dossier", "--werkmap", ws).exit_code == 0
    tekst = html_tekst(ws / "contract" / "dossier" / "index.html")
    assert (
        "is ingetrokken: volgens het contract; een latere aanlevering (later.csv!A2) heeft deze gebeurtenis "
        "gecorrigeerd, en die correctie telde weer mee tot besluit 3 haar introk" in tekst
    ), tekst
    assert "Besluit 3 van 1 oktober 2026: gestart van 20 juli 2026 van klant K-1 (Noord, later.csv!A2)" in tekst


def test_ontbrekende_gemeente_wordt_met_de_andere_fouten_gemeld(ws: Path) -> None:
    """Without --gemeente the command said only that it was missing, and nothing of a BSN as --klant, an unknown
    event or a date in the future: those came one run later. All errors of the call together, exit 2, nothing
    recorded."""
    r = _run(
        "contract", "intrekken", "--werkmap", ws, "--klant", "123456782", "--gebeurtenis", "geslaagd",
        "--datum", "2099-01-01", *DOOR,
    )  # fmt: skip
    assert r.exit_code == 2, r.output
    uit = " ".join(r.output.split())
    for fout in (
        "--gemeente: is verplicht",
        "--klant: '123456782' voldoet aan de elfproef van het burgerservicenummer",
        "--gebeurtenis: onbekende gebeurtenis 'geslaagd'",
        "--datum: 01-01-2099 ligt in de toekomst",
    ):
        assert fout in uit, (fout, uit)
    assert _besluiten(ws) == 1


def test_gebeurtenis_ingelezen_na_het_einde_kan_worden_ingetrokken(tmp_path: Path) -> None:
    """A 2-year contract from 1 June 2024 (last day 31 May 2026); on 1 December 2026 Noord delivers K-9's start of 31
    May 2026 that never happened. The withdrawal had to lie within the term and on or after the day it was read in:
    no date could, so the wrong start counted for good (--datum 2026-05-31: 'kies 01-12-2026 of later'; 2026-12-01:
    'na het einde van de looptijd'). Now a withdrawal after the end is allowed for an event read in after the end, from
    that day on; as the term has no later day, it counts in every view up to the last day (31 May 2026). By hand: on 31
    May 2026 one start without the withdrawal, none with it; on 30 May neither (the start is dated 31 May). A
    withdrawal after the end of an event read in within the term is still refused."""
    from tests.test_contract_aansluiting import DATA  # a tender of 2024

    ws = _werkmap(tmp_path, data=DATA)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2024-06-01", *DOOR).exit_code == 0
    binnen = ws / "noord-binnen.csv"
    binnen.write_text(KOP + "K-8;Noord;aangemeld;10-06-2025;B1;Alfa;\n", encoding="utf-8")
    assert _run("contract", "inlezen", "--werkmap", ws, binnen, "--datum", "2025-07-01").exit_code == 0
    lijst = ws / "noord.csv"
    lijst.write_text(
        KOP + "K-9;Noord;aangemeld;10-05-2026;B1;Alfa;\nK-9;Noord;gestart;31-05-2026;;;\n", encoding="utf-8"
    )
    r = _run("contract", "inlezen", "--werkmap", ws, lijst, "--datum", "2026-12-01")
    assert r.exit_code == 0, r.output
    assert _alfa(_stand(ws, "2026-05-31")) == (2, 1)
    r = _trek_in(ws, "K-9", "gestart", "2026-05-31")  # before it was read in: still refused
    assert r.exit_code == 2 and "kies 01-12-2026 of later" in " ".join(r.output.split()), r.output
    r = _trek_in(ws, "K-8", "aangemeld", "2026-12-01")  # read in within the term: its withdrawal lies within it too
    assert r.exit_code == 2 and "ligt na het einde van de looptijd" in " ".join(r.output.split()), r.output
    assert _besluiten(ws) == 1
    r = _trek_in(ws, "K-9", "gestart", "2026-12-01")
    assert r.exit_code == 0, r.output
    assert (
        "Ingetrokken bij besluit 2 per 01-12-2026: gestart van 31-05-2026 van klant K-9 (Noord, noord.csv!A3). Dat is "
        "na het einde van de looptijd (31-05-2026), zoals de gebeurtenis na dat einde is ingelezen: zij telt niet mee "
        "in een berekening tot en met 31-05-2026" in " ".join(r.output.split())
    ), r.output
    st = _stand(ws, "2026-05-31")
    assert _alfa(st) == (2, 0)
    assert [i["besluit"] for i in st["ingetrokken"]] == [2]
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-05-31")
    assert (
        "Ingetrokken: gestart van 31-05-2026 van klant K-9 (Noord, noord.csv!A3), per 01-12-2026 (na het einde van de "
        "looptijd: telt niet mee vanaf 31-05-2026) bij besluit 2; telt niet mee." in " ".join(r.output.split())
    ), r.output
    assert _alfa(_stand(ws, "2026-05-30")) == (2, 0)
    assert _run("contract", "dossier", "--werkmap", ws).exit_code == 0
    assert (
        "(het besluit ligt na het einde van de looptijd, zoals de gebeurtenis na dat einde is ingelezen: zij telt niet "
        "mee vanaf de laatste dag, 31 mei 2026)" in html_tekst(ws / "contract" / "dossier" / "index.html")
    )
