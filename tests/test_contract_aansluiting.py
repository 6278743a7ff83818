"""A gemeente that joins the framework agreement after the award, named in the tender as a possible later participant.

A framework agreement may only be used by the contracting authorities the tender documents clearly name, up to the
maximum they state (HvJ C-216/17; C-23/20). Before this, `evaluatie` knew no such gemeente: one not in `gemeenten`
could never join. Now `latere_gemeenten` names it with its lots and numbers: the maximum counts them, the published
texts say so, the award does not allocate them, and `contract aansluiting` admits one from a contract year on with
the published rule (the lot's suppliers in ranking order, each up to its capacity left).

The tender: B1 and Z awarded; Noord 10, Oost 6, Zuid 4 a year in B1 (20). Alfa (EUR 9.000, capacity 12) ranks above
Beta (EUR 9.500, capacity 20) at equal quality, so the award gives Alfa its 12 and Beta the other 8. West is named for
B1 with 5 a year, Midden for B1 with 13. West joins per the second contract year: Alfa has 0 left, Beta 20 - 8 = 12,
so Beta gets all 5. Midden's 13 do not fit in what is left after West (12 - 5 = 7): refused, exit 1.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

from evaluatie.werkmap import Werkmap
from tests.hulp import (
    gunningsperceel_naast_b1,
    html_tekst,
    kleine_aanbesteding,
    maak_werkmap,
    schrijf_bod,
    vul_panel,
)
from tests.test_contract_toelating import DOOR, _run

LATERE = [
    {"naam": "West", "subregio": "A", "inburgeraars": {"B1": 5}},
    {"naam": "Midden", "subregio": "B", "inburgeraars": {"B1": 13}},
]
DATA = {
    "publicatie": "2024-01-05",
    "sluiting": "2024-02-16",
    "keurmerk_peildatum": "2024-03-02",
    "gunning": "2024-04-07",
}


def _tender(**over: Any) -> dict[str, Any]:
    data = gunningsperceel_naast_b1(kleine_aanbesteding(data=DATA, latere_gemeenten=LATERE), "Z", "Z-route", 10000)
    data["percelen"]["B1"]["raammaximum"] = {"opslag": 0.25}
    data.update(over)
    return data


def _gegund(tmp_path: Path, alfa_b1: tuple[int, str] = (12, "alle"), beta_b1: int = 20, **over: Any) -> Path:
    """`alfa_b1`: Alfa's capacity in B1 and the gemeenten it serves there; `beta_b1`: Beta's capacity in B1."""
    ws = maak_werkmap(tmp_path / "ws", _tender(**over))
    schrijf_bod(
        ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, alfa_b1[0], 12, 4, alfa_b1[1]), ("Z", 9000, 10, 12, 4, "alle")]
    )
    schrijf_bod(
        ws, "b.xlsx", "Beta", "22222222", [("B1", 9500, beta_b1, 12, 4, "alle"), ("Z", 9500, 10, 12, 4, "alle")]
    )
    vul_panel(ws, {"Alfa": 75, "Beta": 75})
    r = _run("gunning", "--werkmap", ws)
    assert r.exit_code == 0, r.output
    return ws


def _gestart(tmp_path: Path, alfa_b1: tuple[int, str] = (12, "alle"), beta_b1: int = 20, **over: Any) -> Path:
    ws = _gegund(tmp_path, alfa_b1, beta_b1, **over)
    r = _run("contract", "start", "--werkmap", ws, "--datum", "2024-06-01", *DOOR)
    assert r.exit_code == 0, r.output
    return ws


def _aansluiting(ws: Path, *opties: str) -> Any:
    return _run("contract", "aansluiting", "--werkmap", ws, "--json", *opties)


def _aanlevering(ws: Path, naam: str, regels: list[str]) -> Path:
    pad = ws.parent / naam
    pad.write_text("klantnummer;gemeente;gebeurtenis;datum;route;aanbieder\n" + "\n".join(regels) + "\n", "utf-8")
    return pad


def test_de_gepubliceerde_stukken_noemen_de_latere_gemeenten_en_tellen_ze_in_het_maximum(tmp_path: Path) -> None:
    ws = _gegund(tmp_path)
    gunning = json.loads((ws / "rapporten" / "gunning.json").read_text("utf-8"))
    toegewezen = {(t["gemeente"], t["inschrijver"]): t["aantal"] for t in gunning["percelen"]["B1"]["toewijzing"]}
    assert {g for g, _ in toegewezen} == {"Noord", "Oost", "Zuid"}  # not allocated now
    assert sum(n for (_, s), n in toegewezen.items() if s == "Alfa") == 12
    assert sum(n for (_, s), n in toegewezen.items() if s == "Beta") == 8
    assert _run("template", "systematiek", "--werkmap", ws).exit_code == 0
    # (20 + 5 + 13) a year x 2 years = 76, plus 25% = 95
    maximum = (
        "De raamovereenkomst voor perceel B1-route heeft een maximale omvang van 95 trajecten en een maximale waarde "
        "van EUR 950.000,00 (tegen EUR 10.000,00 per traject). Verwacht worden 76 trajecten (38 per jaar gedurende 2 "
        "jaar, waarvan 18 per jaar van de gemeenten die later kunnen aansluiten); het maximum ligt 25% daarboven"
    )
    later = (
        "De aanbestedingsstukken noemen de gemeenten West (5 per jaar) en Midden (13 per jaar) als mogelijke latere "
        "deelnemers aan deze raamovereenkomst; hun verwachte aantallen zijn in de verwachting en het maximum "
        "meegeteld. Zij nemen nu niet deel en krijgen bij deze gunning geen inburgeraars toegewezen"
    )
    systematiek = html_tekst(ws / "gunningssystematiek.html")
    assert maximum in systematiek and later in systematiek
    assert "Later aansluiten. Sluit een van de gemeenten West of Midden tijdens de looptijd aan" in systematiek
    assert "in de volgorde van de rangorde van deze gunning" in systematiek
    assert "C-216/17" in systematiek
    # Z names nobody: no sentence there (Z: 10 a year x 2, the maximum equal to the forecast)
    assert "Verwacht worden 20 trajecten" not in systematiek
    assert "Het maximum is gelijk aan de verwachting: 20 trajecten (10 per jaar gedurende 2 jaar)." in systematiek
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert later in advies
    for brief in ("beta-b1.html", "alfa-b1.html"):
        tekst = html_tekst(ws / "rapporten" / "brieven" / brief)
        assert maximum in tekst and later in tekst, brief
    assert "West" not in html_tekst(ws / "rapporten" / "brieven" / "alfa-z.html")


def test_aansluiten_weigert_wie_de_aanbesteding_niet_noemt_alles_tegelijk_en_schrijft_niets(tmp_path: Path) -> None:
    ws = _gestart(tmp_path)
    db = ws / "contract" / "register.sqlite"
    voor = db.read_bytes()
    r = _aansluiting(ws, "--gemeente", "Bussum", "--route", "B1", "--per", "2025-06-01", "--datum", "2025-05-15", *DOOR)
    assert r.exit_code == 2, r.output
    [fout] = json.loads(r.stdout)["fouten"]
    assert fout["plaats"] == "--gemeente"
    assert fout["bericht"].startswith(
        "'Bussum' kan niet aansluiten: de aanbestedingsstukken noemen als mogelijke latere deelnemer alleen West en "
        "Midden, en een raamovereenkomst mag alleen worden gebruikt door de aanbestedende diensten die de "
        "aanbestedingsstukken duidelijk als partij noemen (HvJ EU 19 december 2018, Antitrust en Coopservice, C-216/17)"
    )
    r = _aansluiting(ws, "--gemeente", "west", "--route", "Z", "--per", "2025-06-02", "--datum", "2025-05-15")
    assert r.exit_code == 2, r.output
    fouten = {f["plaats"]: f["bericht"] for f in json.loads(r.stdout)["fouten"]}
    assert fouten["--route"].startswith(
        "West is in de aanbestedingsstukken alleen genoemd voor B1-route, niet voor perceel Z-route"
    )
    assert "C-216/17" in fouten["--route"]
    assert fouten["--per"].startswith("2025-06-02 is niet de eerste dag van een contractjaar")
    assert fouten["--per"].endswith("kies 2024-06-01, 2025-06-01")
    assert set(fouten) == {"--route", "--per", "--door", "--reden"}
    r = _aansluiting(ws, "--gemeente", "Noord", "--route", "B1", "--per", "2026-06-01", "--datum", "2025-05-15", *DOOR)
    fouten = {f["plaats"]: f["bericht"] for f in json.loads(r.stdout)["fouten"]}
    assert r.exit_code == 2 and fouten["--gemeente"].startswith("Noord neemt sinds de start deel aan dit contract")
    assert fouten["--per"].startswith("2026-06-01 ligt na het einde van de looptijd (2 jaar, tot en met 2026-05-31)")
    assert db.read_bytes() == voor and not (ws / "contract" / "aansluiting").exists()


def test_aansluiting_verdeelt_naar_rangorde_en_vrije_capaciteit_en_inlezen_volgt_de_datum(tmp_path: Path) -> None:
    ws = _gestart(tmp_path)
    te_vroeg = _aanlevering(ws, "west.csv", ["K-1;West;aangemeld;01-03-2025;B1;Beta"])
    r = _run("contract", "inlezen", "--werkmap", ws, te_vroeg, "--json")
    assert r.exit_code == 2, r.output
    [fout] = json.loads(r.stdout)["fouten"]
    assert fout["plaats"] == "west.csv!B2"
    assert "is in de aanbesteding genoemd als mogelijke latere deelnemer en is nog niet aangesloten" in fout["bericht"]

    r = _aansluiting(ws, "--gemeente", "West", "--route", "B1", "--per", "2025-06-01", "--datum", "2025-05-15", *DOOR)
    assert r.exit_code == 0, r.output
    uit = json.loads(r.stdout)
    # year 2 and nothing else (the term has 2 years): Alfa full (12 of 12), Beta 8 of 20, so all 5 to Beta
    assert uit["toewijzing"] == {"2": {"Beta": 5}} and uit["vanaf"] == "2025-06-01" and uit["besluit"] == 2
    besluit = ws / "contract" / "aansluiting" / "2025-06-01-west-b1.html"
    tekst = html_tekst(besluit)
    assert "De gemeente West sluit per 01-06-2025 aan bij de raamovereenkomst voor perceel B1-route" in tekst
    assert "met een verwacht aantal van 5 inburgeraars per jaar" in tekst and "(95 trajecten" in tekst
    assert "2 Alfa 1 12 12 0 0 2 Beta 2 20 8 12 5" in tekst
    with sqlite3.connect(ws / "contract" / "register.sqlite") as db:
        jaar2 = dict(db.execute("SELECT leverancier, SUM(aantal) FROM toewijzing WHERE besluit_id = 2 GROUP BY 1"))
        jaar1 = db.execute("SELECT COUNT(*) FROM toewijzing WHERE besluit_id = 2 AND jaar = 1").fetchone()[0]
    db.close()  # `with` commits, it does not close: an open reader kept the writers' WAL unmerged until it was collected
    assert jaar2 == {"Alfa": 12, "Beta": 13} and jaar1 == 0  # the others unchanged, year 1 untouched

    r = _run("contract", "inlezen", "--werkmap", ws, te_vroeg, "--json")
    assert r.exit_code == 2, r.output
    [fout] = json.loads(r.stdout)["fouten"]
    assert fout == {
        "plaats": "west.csv!D2",
        "bericht": "01-03-2025 ligt voor de aansluiting van West bij perceel B1-route per 01-06-2025 (besluit 2, "
        "contract aansluiting): daarvoor had West geen contract",
    }
    alfa = _aanlevering(ws, "west-alfa.csv", ["K-2;West;aangemeld;01-07-2025;B1;Alfa"])
    r = _run("contract", "inlezen", "--werkmap", ws, alfa, "--json")
    assert r.exit_code == 2 and "Alfa bedient West niet in perceel B1" in r.output  # Alfa got none of West
    goed = _aanlevering(ws, "west-goed.csv", ["K-3;West;aangemeld;01-07-2025;B1;Beta"])
    assert _run("contract", "inlezen", "--werkmap", ws, goed).exit_code == 0

    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2025-08-01")
    assert r.exit_code == 0, r.output
    assert "Later aangesloten bij B1-route: West, per 01-06-2025 (besluit 2)." in r.output
    assert "Mogelijke latere deelnemers, (nog) niet aangesloten: Midden (B1-route)." in r.output
    stand = json.loads(_run("contract", "stand", "--werkmap", ws, "--peildatum", "2025-08-01", "--json").stdout)
    assert stand["later_aangesloten"] == [{"gemeente": "West", "perceel": "B1", "vanaf": "2025-06-01", "besluit": 2}]
    r = _run("contract", "advies", "--werkmap", ws, "--gemeente", "West", "--route", "B1", "--peildatum", "2025-05-01")
    assert r.exit_code == 2 and "ligt voor de aansluiting van West" in r.output
    r = _run("contract", "advies", "--werkmap", ws, "--gemeente", "West", "--route", "B1", "--peildatum", "2025-07-15")
    assert r.exit_code == 0 and "Beta" in r.output, r.output

    r = _run(
        "contract", "advies", "--werkmap", ws, "--gemeente", "Midden", "--route", "B1", "--peildatum", "2025-07-15"
    )
    assert r.exit_code == 2, r.output
    assert "'Midden' is geen gemeente van dit contract" in r.output
    assert "Midden is in de aanbesteding genoemd als mogelijke latere deelnemer en is nog niet aangesloten" in r.output

    # Midden's 13 do not fit in Beta's 12 - 5 = 7 left: refused (exit 1), nothing written
    db = ws / "contract" / "register.sqlite"
    voor = db.read_bytes()
    r = _aansluiting(ws, "--gemeente", "Midden", "--route", "B1", "--per", "2025-06-01", "--datum", "2025-05-15", *DOOR)
    assert r.exit_code == 1, r.output
    assert "contractjaar 2: vrij 7 (Alfa 0, Beta 7), nodig 13" in r.output
    assert db.read_bytes() == voor
    r = _aansluiting(ws, "--gemeente", "West", "--route", "B1", "--per", "2025-06-01", "--datum", "2025-05-15", *DOOR)
    assert r.exit_code == 2 and "West is al aangesloten bij perceel B1-route per 01-06-2025 (besluit 2)" in r.output


def test_kwartaal_noemt_een_latere_gemeente_pas_vanaf_haar_aansluiting(tmp_path: Path) -> None:
    ws = _gestart(tmp_path)
    _west_per_jaar_2(ws)
    from evaluatie.contract.acties import geef_stand

    # 'alle N gemeenten' in a long stand counts the contract's gemeenten on that day
    assert "West" not in geef_stand(Werkmap(ws), dt.date(2025, 5, 31))[0].gemeenten
    assert "West" in geef_stand(Werkmap(ws), dt.date(2025, 6, 1))[0].gemeenten
    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2025-K1").exit_code == 0
    assert not (ws / "contract" / "kwartaal" / "2025-K1" / "gemeente-west.html").exists()
    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2025-K3").exit_code == 0
    tekst = html_tekst(ws / "contract" / "kwartaal" / "2025-K3" / "gemeente-west.html")
    assert "Later aangesloten bij B1-route: West, per 01-06-2025 (besluit 2)." in tekst
    r = _run("contract", "dossier", "--werkmap", ws)
    assert r.exit_code == 0, r.output
    assert (ws / "contract" / "dossier" / "contract" / "aansluiting" / "2025-06-01-west-b1.html").is_file()


def test_latere_gemeenten_worden_gecontroleerd_als_de_andere_gemeenten(tmp_path: Path) -> None:
    latere = [
        {"naam": "Noord", "subregio": "A", "inburgeraars": {"B1": 2}},
        {"naam": "West", "subregio": "A", "inburgeraars": {"B1": 2, "PVT": 1}},
        {"naam": "west", "subregio": "A", "inburgeraars": {"B1": 2}},
        {"naam": "Weesp", "subregio": "A", "inburgeraars": {"B1": 0}},
    ]
    ws = maak_werkmap(tmp_path / "ws", _tender(latere_gemeenten=latere))
    r = _run("inschrijvingen", "--werkmap", ws, "--json")
    assert r.exit_code == 2, r.output
    berichten = [f["plaats"] + ": " + f["bericht"] for f in json.loads(r.stdout)["fouten"]]
    verwacht = [
        "latere_gemeenten[1].naam",
        "Noord neemt al deel (gemeenten)",
        "latere_gemeenten[2].inburgeraars.PVT",
        "perceel PVT bestaat niet in deze aanbesteding",
        "latere_gemeenten[3].naam",
        "staat er twee keer in (latere_gemeenten[2])",
        "de gemeente Weesp bestaat sinds 24 maart 2022 niet meer",
        "latere_gemeenten[4].inburgeraars.B1",
    ]
    for stuk in verwacht:
        assert any(stuk in b for b in berichten), (stuk, berichten)


def _west_per_jaar_2(ws: Path) -> None:
    r = _aansluiting(ws, "--gemeente", "West", "--route", "B1", "--per", "2025-06-01", "--datum", "2025-05-15", *DOOR)
    assert r.exit_code == 0, r.output


def _uitval(ws: Path, aanbieder: str, per: str, *opties: str) -> Any:
    return _run("contract", "uitval", "--werkmap", ws, "--route", "B1", "--aanbieder", aanbieder, "--per", per, *opties)


def _uitval_legt_niets_vast(ws: Path, aanbieder: str, per: str) -> str:
    """A drop-out proposal that cannot be taken as a decision: exit 1 and the register byte for byte as it was."""
    db = ws / "contract" / "register.sqlite"
    voor = db.read_bytes()
    r = _uitval(ws, aanbieder, per, "--vastleggen", *DOOR)
    assert r.exit_code == 1, r.output
    assert db.read_bytes() == voor
    return r.output


def test_uitval_na_een_aansluiting_die_niet_past_zegt_dat_voor_die_gemeente(tmp_path: Path) -> None:
    """Alfa drops out in year 2: Beta (capacity 20) takes the award's 20 (Noord 10, Oost 6, Zuid 4) and has 0 left for
    West's 5. Before, the proposal was the award's problem alone and West's allocation would have been dropped in
    silence; now it is the 'cannot take the demand' path (exit 1), naming West and the capacity left."""
    ws = _gestart(tmp_path)
    _west_per_jaar_2(ws)
    uit = _uitval_legt_niets_vast(ws, "Alfa", "2025-07-01")
    assert "kunnen de overige gecontracteerde aanbieders (Beta) de vraag van contractjaar 2" in uit
    assert "De gemeenten van de gunning gaan voor; een later aangesloten gemeente krijgt daarna" in uit
    assert "West (later aangesloten, contract aansluiting) in contractjaar 2: nodig 5, vrij 0 (Beta 0)" in uit


def test_uitval_met_een_latere_gemeente_die_in_een_later_jaar_niet_past_legt_niets_vast(tmp_path: Path) -> None:
    """Three years; Alfa (16, Noord only) and Beta (30). West (5) joins per year 3, Midden (13) per year 2. Alfa drops
    out in year 1: every year Beta takes the award's 20 and has 10 left, too little for Midden's 13 in year 2. The
    proposal says so for Midden and cannot be taken as a decision (exit 1); nothing is written."""
    ws = _gestart(tmp_path, (16, "Noord"), 30, looptijd={"jaren": 3})
    for gemeente, per in (("West", "2026-06-01"), ("Midden", "2025-06-01")):
        r = _aansluiting(ws, "--gemeente", gemeente, "--route", "B1", "--per", per, "--datum", "2025-05-15", *DOOR)
        assert r.exit_code == 0, r.output
    uit = _uitval_legt_niets_vast(ws, "Alfa", "2025-03-01")
    assert "Vanaf contractjaar 2: de gemeenten van de gunning gaan voor;" in uit
    assert "Midden (later aangesloten, contract aansluiting) in contractjaar 2: nodig 13, vrij 10 (Beta 10)" in uit
    assert "het voorstel is niet volledig en kan niet als besluit worden genomen" in uit


def test_uitval_na_een_aansluiting_herverdeelt_haar_volgens_de_regel_van_de_aansluiting(tmp_path: Path) -> None:
    """Three years; Alfa (capacity 16) serves only Noord (10) in B1, Beta (capacity 30) all. The award: Alfa 10 (Noord),
    Beta 10 (Oost 6, Zuid 4). West (5) joins per year 2: Alfa ranks first with 16 - 10 = 6 left: Alfa 5. Alfa drops
    out per 01-08-2025 after one West placement with it. Year 2: Beta takes the award's 20; then West: its 1 placement
    at Alfa stays, its other 4 go to Beta (30 - 20 = 10 left). Year 3: Beta 20, and West's 5 to Beta. Before, the
    proposal was refused (exit 1); Beta, which got West only by the re-allocation, now serves it in contract inlezen."""
    ws = _gestart(tmp_path, (16, "Noord"), 30, looptijd={"jaren": 3})
    gunning = json.loads((ws / "rapporten" / "gunning.json").read_text("utf-8"))["percelen"]["B1"]["toewijzing"]
    assert {(t["gemeente"], t["inschrijver"]): t["aantal"] for t in gunning} == {
        ("Noord", "Alfa"): 10,
        ("Oost", "Beta"): 6,
        ("Zuid", "Beta"): 4,
    }
    r = _aansluiting(ws, "--gemeente", "West", "--route", "B1", "--per", "2025-06-01", "--datum", "2025-05-15", *DOOR)
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["toewijzing"] == {"2": {"Alfa": 5}, "3": {"Alfa": 5}}
    west = _aanlevering(ws, "west.csv", ["K-1;West;aangemeld;01-07-2025;B1;Alfa"])
    assert _run("contract", "inlezen", "--werkmap", ws, west).exit_code == 0
    r = _uitval(ws, "Alfa", "2025-08-01", "--json")
    assert r.exit_code == 0, r.output
    uit = json.loads(r.stdout)
    assert {(c["gemeente"], c["aanbieder"]): c["aantal"] for c in uit["dit_jaar"]} == {
        ("Noord", "Beta"): 10,
        ("Oost", "Beta"): 6,
        ("Zuid", "Beta"): 4,
        ("West", "Alfa"): 1,
        ("West", "Beta"): 4,
    }
    assert uit["aangesloten_jaren"] == {"3": [{"gemeente": "West", "aanbieder": "Beta", "aantal": 5}]}
    assert "West: al geplaatst 1 bij Alfa; het restant van 4 gaat naar Beta (4)." in uit["uitleg"]
    regel = "West is later aangesloten (besluit 2, contract aansluiting, per 01-06-2025) en zit niet in de verdeling"
    assert any(z.startswith(regel) for z in uit["uitleg"])
    assert (
        "Contractjaar 3, later aangesloten gemeenten, na de gemeenten van de gunning en volgens de regel van de "
        "aansluiting: West - Beta: 5" in uit["uitleg"]
    )

    r = _uitval(ws, "Alfa", "2025-08-01", "--vastleggen", *DOOR)
    assert r.exit_code == 0, r.output
    with sqlite3.connect(ws / "contract" / "register.sqlite") as db:
        besluit, inhoud = db.execute("SELECT id, inhoud FROM besluit WHERE soort = 'herverdeling'").fetchone()
        west_rijen = db.execute(
            "SELECT jaar, leverancier, aantal FROM toewijzing WHERE besluit_id = ? AND gemeente = 'West' ORDER BY 1, 2",
            (besluit,),
        ).fetchall()
    assert west_rijen == [(2, "Alfa", 1), (2, "Beta", 4), (3, "Beta", 5)]
    assert json.loads(inhoud)["aangesloten_jaren"] == [[3, "West", "Beta", 5]]
    beta = _aanlevering(ws, "west-beta.csv", ["K-2;West;aangemeld;01-09-2025;B1;Beta"])
    r = _run("contract", "inlezen", "--werkmap", ws, beta)
    assert r.exit_code == 0, r.output
    stand = json.loads(_run("contract", "stand", "--werkmap", ws, "--peildatum", "2025-09-01", "--json").stdout)
    assert [(r["aanbieder"], r["toegewezen"], r["geplaatst"]) for r in stand["regels"] if r["gemeente"] == "West"] == [
        ("Alfa", 1, 1),
        ("Beta", 4, 1),
    ]


def test_een_latere_gemeente_met_een_tikfout_krijgt_de_waarschuwing_van_de_systematiek(tmp_path: Path) -> None:
    latere = [{"naam": "Barn", "subregio": "A", "inburgeraars": {"B1": 5}}]
    ws = maak_werkmap(tmp_path / "ws", _tender(latere_gemeenten=latere))
    r = _run("template", "systematiek", "--werkmap", ws)
    assert r.exit_code == 0, r.output
    assert "latere_gemeenten[1].naam: 'Barn' is geen gemeente per 1 januari 2026 (CBS); bedoelt u Baarn?" in r.output


def test_een_eigen_keuze_voor_de_aansluiting_is_een_fout_in_de_datum(tmp_path: Path) -> None:
    ws = _gestart(tmp_path)
    _west_per_jaar_2(ws)
    r = _run(
        "contract",
        "keuze",
        "--werkmap",
        ws,
        "--gemeente",
        "West",
        "--route",
        "B1",
        "--klant",
        "K-9",
        "--aanbieder",
        "Beta",
        "--datum",
        "2025-05-20",
        "--json",
        *DOOR,
    )
    assert r.exit_code == 2, r.output
    [fout] = json.loads(r.stdout)["fouten"]
    assert fout["plaats"] == "--datum" and fout["bericht"].startswith("20-05-2025 ligt voor de aansluiting van West")


def test_een_latere_gemeente_met_een_komma_in_de_naam_staat_tussen_aanhalingstekens(tmp_path: Path) -> None:
    from evaluatie.definitie import laad_aanbesteding
    from evaluatie.gunning.raamovereenkomst import latere_zin

    latere = [
        {"naam": "Nuenen, Gerwen en Nederwetten", "subregio": "A", "inburgeraars": {"B1": 3}},
        {"naam": "West", "subregio": "A", "inburgeraars": {"B1": 5}},
    ]
    ws = maak_werkmap(tmp_path / "ws", _tender(latere_gemeenten=latere))
    a, _ = laad_aanbesteding(ws / "aanbesteding.yaml")
    assert latere_zin(a, "B1").startswith(
        ' De aanbestedingsstukken noemen de gemeenten "Nuenen, Gerwen en Nederwetten" (3 per jaar) en West (5 per '
        "jaar) als mogelijke latere deelnemers aan deze raamovereenkomst;"
    )
    assert latere_zin(a, "Z") == ""


def test_een_optiejaar_krijgt_de_toewijzing_en_het_besluit_zegt_dat_het_nog_niet_is_uitgeoefend(tmp_path: Path) -> None:
    """With an option year the allocation covers it too (as the start does), and the document says the year is not
    in the term yet; joining from that year waits until it is exercised."""
    ws = _gestart(tmp_path, looptijd={"jaren": 2, "optiejaren": 1})
    r = _aansluiting(ws, "--gemeente", "West", "--route", "B1", "--per", "2026-06-01", "--datum", "2025-05-15", *DOOR)
    assert r.exit_code == 2, r.output
    [fout] = json.loads(r.stdout)["fouten"]
    assert "optiejaar 3 (tot en met 2027-05-31) is nog niet uitgeoefend" in fout["bericht"]
    r = _aansluiting(ws, "--gemeente", "West", "--route", "B1", "--per", "2025-06-01", "--datum", "2025-05-15", *DOOR)
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["toewijzing"] == {"2": {"Beta": 5}, "3": {"Beta": 5}}
    tekst = html_tekst(ws / "contract" / "aansluiting" / "2025-06-01-west-b1.html")
    # (20 + 5 + 13) a year x 3 years = 114, plus 25% = 142,5, rounded up
    assert "(143 trajecten over de hele looptijd)" in tekst
    assert (
        "Contractjaar 3 is een optiejaar dat nog niet is uitgeoefend; de toewijzing daarin geldt als het wordt "
        "uitgeoefend." in tekst
    )
