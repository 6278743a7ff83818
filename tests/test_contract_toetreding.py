"""Later entry (toetreding) to an open-house lot during the contract phase.

The toelatingsbesluit promises that a provider can join an open house later on the same terms; before
`evaluatie contract toetreding` nothing in the contract phase could add a newly admitted supplier. The
werkmap: B1 awarded (gunning), Z open house (toelating, with the keurmerk and the price ceiling of 10.000
as its knock-out rules), Alfa and Beta admitted to Z, contract started 2026-06-01.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from tests.hulp import html_tekst, schrijf_bod
from tests.test_contract_toelating import DOOR, _run, _werkmap

WIE = ["--door", "S. Jansen, contractmanager", "--reden", "aanmelding voor het open house"]
LATER = "Later toetreden (open house): aanmeldingen en toelatingsbesluiten"


def _gestart(tmp_path: Path) -> Path:
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    return ws


def _laat_bod(ws: Path, naam: str, kvk: str, percelen: list[tuple], **extra: object) -> Path:
    """A bid on the tender's own form, kept out of inschrijvingen/ (it is no input of the award)."""
    pad = schrijf_bod(ws, "laat.xlsx", naam, kvk, percelen, **extra)  # type: ignore[arg-type]
    doel = ws.parent / "post" / f"{naam.lower()}.xlsx"
    doel.parent.mkdir(exist_ok=True)
    shutil.move(pad, doel)
    return doel


def _toetreding(ws: Path, bod: Path, route: str = "Z") -> Any:
    return _run(
        "contract", "toetreding", "--werkmap", ws, "--bestand", bod, "--route", route,
        "--ontvangen", "2026-07-01", "--datum", "2026-07-02", *WIE,
    )  # fmt: skip


def _register(ws: Path) -> tuple[list[tuple[str, str]], int]:
    with sqlite3.connect(ws / "contract" / "register.sqlite") as db:
        lev = sorted(db.execute("SELECT perceel, naam FROM leverancier"))
        besluiten = db.execute("SELECT COUNT(*) FROM besluit").fetchone()[0]
    db.close()
    return lev, besluiten


def _plaatsing(ws: Path, datum: str) -> Path:
    pad = ws / f"noord-{datum}.csv"
    pad.write_text(
        f"klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag\nK{datum[-2:]}D;Noord;aangemeld;{datum};Z;Delta;\n",
        encoding="utf-8",
    )
    return pad


def test_toegelaten_aanbieder_staat_in_het_register_vanaf_het_einde_van_de_termijn(tmp_path: Path) -> None:
    """Delta meets the requirements of Z: admitted. The letter's period runs 20 days from 2 July 2026 to
    Wednesday 22 July, so Delta is in the register from 23 July: advice, intake and stand see it from then on.
    The expectation by capacity (three suppliers of capacity 10, demand 5/3/2, largest remainder with the
    rotation by name of evaluatie.verdeling.toelating) gives Delta one inburgeraar in each gemeente."""
    ws = _gestart(tmp_path)
    inschrijvingen = sorted(p.name for p in (ws / "inschrijvingen").iterdir())
    bod = _laat_bod(ws, "Delta", "44444444", [("Z", 9200, 10, 12, 4, "alle")])
    assert _run("contract", "inlezen", "--werkmap", ws, _plaatsing(ws, "2026-06-20")).exit_code == 2  # no contract

    r = _toetreding(ws, bod)
    assert r.exit_code == 0, r.output
    assert "Delta toegelaten tot Z-route per 23-07-2026" in r.output, r.output
    assert sorted(p.name for p in (ws / "inschrijvingen").iterdir()) == inschrijvingen  # the award's input as it was
    assert ("Z", "Delta") in _register(ws)[0]

    brieven = sorted((ws / "contract" / "toetreding").glob("*.html"))
    assert len(brieven) == 1, brieven
    tekst = brieven[0].read_text(encoding="utf-8")
    assert "Toelatingsbesluit" in tekst and "Wij zijn voornemens u toe te laten tot de overeenkomst" in tekst
    assert "22 juli 2026" in tekst and "Later toetreden" in tekst
    assert (ws / "contract" / "toetreding" / f"{brieven[0].stem}.xlsx").read_bytes() == bod.read_bytes()

    r = _run("contract", "advies", "--werkmap", ws, "--gemeente", "Noord", "--route", "Z", "--peildatum", "2026-07-10")
    assert "Delta" in r.output and "overgeslagen: toegelaten per 23-07-2026" in r.output, r.output
    r = _run("contract", "advies", "--werkmap", ws, "--gemeente", "Noord", "--route", "Z", "--peildatum", "2026-08-01")
    assert r.exit_code == 0, r.output
    assert "toegelaten per" not in r.output and "Delta" in r.output

    keuze = ["contract", "keuze", "--werkmap", ws, "--gemeente", "Noord", "--route", "Z", "--klant", "K77D"]
    r = _run(*keuze, "--aanbieder", "Delta", "--datum", "2026-07-20", *WIE)
    assert r.exit_code == 2 and "Delta is pas per 23-07-2026 toegelaten tot Z" in r.output, r.output
    r = _run("contract", "inlezen", "--werkmap", ws, _plaatsing(ws, "2026-07-20"))
    assert r.exit_code == 2 and "pas per 23-07-2026 toegelaten" in r.output, r.output
    r = _run("contract", "inlezen", "--werkmap", ws, _plaatsing(ws, "2026-07-24"))
    assert r.exit_code == 0, r.output

    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-08-01")
    assert "Later toegetreden tot Z-route: Delta, per 23-07-2026." in r.output, r.output
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-08-01", "--json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["later_toegetreden"] == [{"perceel": "Z", "aanbieder": "Delta", "vanaf": "2026-07-23"}]
    regels = [x for x in json.loads(r.stdout)["regels"] if x["perceel"] == "Z"]
    delta = {x["gemeente"]: (x["toegewezen"], x["geplaatst"]) for x in regels if x["aanbieder"] == "Delta"}
    assert delta == {"Noord": (1, 1), "Oost": (1, 0), "Zuid": (1, 0)}
    per_gemeente: dict[str, int] = {}
    for x in regels:
        per_gemeente[x["gemeente"]] = per_gemeente.get(x["gemeente"], 0) + x["toegewezen"]
    assert per_gemeente == {"Noord": 5, "Oost": 3, "Zuid": 2}

    # the award is untouched and the contract file holds the late bid with its letter
    r = _run("contract", "dossier", "--werkmap", ws)
    assert r.exit_code == 0, r.output
    index = json.loads((ws / "contract" / "dossier" / "index.json").read_text(encoding="utf-8"))
    stukken = {(x["categorie"], x["pad"]) for x in index["documenten"]}
    assert (LATER, f"contract/toetreding/{brieven[0].stem}.docx") in stukken, stukken
    r = _run("controleer", "--werkmap", ws)
    assert r.exit_code == 0 and "Contractdossier in orde" in r.output, r.output


def test_niet_toegelaten_krijgt_de_brief_met_de_reden_en_staat_niet_in_het_register(tmp_path: Path) -> None:
    """A price of 12.000 above the ceiling of 10.000: not admitted, an outcome (exit 0), nothing registered."""
    ws = _gestart(tmp_path)
    voor = _register(ws)
    r = _toetreding(ws, _laat_bod(ws, "Epsilon", "55555555", [("Z", 12000, 10, 12, 4, "alle")]))
    assert r.exit_code == 0, r.output
    assert "Epsilon niet toegelaten tot Z-route; niets vastgelegd" in r.output, r.output
    assert _register(ws) == voor
    brieven = list((ws / "contract" / "toetreding").glob("*.html"))
    assert len(brieven) == 1
    tekst = brieven[0].read_text(encoding="utf-8")
    assert "Wij laten u niet toe tot de overeenkomst" in tekst and "plafondprijs" in tekst, tekst
    # the contract file keeps the refused application and its letter, but not under 'Later toegetreden': Epsilon
    # did not join (before, the dossier filed every late application there)
    assert _run("contract", "dossier", "--werkmap", ws).exit_code == 0
    index = json.loads((ws / "contract" / "dossier" / "index.json").read_text(encoding="utf-8"))
    categorieen = {x["categorie"] for x in index["documenten"] if x["pad"].startswith("contract/toetreding/")}
    assert categorieen == {LATER}, categorieen


def test_een_gegund_perceel_neemt_geen_nieuwe_partij_op(tmp_path: Path) -> None:
    ws = _gestart(tmp_path)
    voor = _register(ws)
    r = _toetreding(ws, _laat_bod(ws, "Delta", "44444444", [("B1", 9200, 10, 12, 4, "alle")]), route="B1")
    assert r.exit_code == 2, r.output
    assert "--route" in r.output and "geen open house" in r.output, r.output
    assert _register(ws) == voor and not (ws / "contract" / "toetreding").exists()


def test_een_aanbieder_die_al_in_het_register_staat_treedt_niet_opnieuw_toe(tmp_path: Path) -> None:
    ws = _gestart(tmp_path)
    voor = _register(ws)
    r = _toetreding(ws, _laat_bod(ws, "Beta", "22222222", [("Z", 9500, 10, 12, 4, "alle")]))
    assert r.exit_code == 2, r.output
    assert "Beta staat al in het contractregister als aanbieder van perceel Z-route" in r.output, r.output
    assert _register(ws) == voor and not (ws / "contract" / "toetreding").exists()


def test_een_onleesbaar_bod_noemt_alle_cellen_en_schrijft_niets(tmp_path: Path) -> None:
    """The cells of the bid and a wrong option in one message: received before the closing date (16 February
    2026) is a bid of the award, not a later entry."""
    ws = _gestart(tmp_path)
    voor = _register(ws)
    bod = _laat_bod(ws, "Delta", "44444444", [("Z", "negenduizend", "veel", 12, 4, "alle")])
    r = _run(
        "contract", "toetreding", "--werkmap", ws, "--bestand", bod, "--route", "Z",
        "--ontvangen", "2026-02-16", "--datum", "2026-07-02", *WIE,
    )  # fmt: skip
    assert r.exit_code == 2, r.output
    assert "delta.xlsx!Percelen!B2" in r.output and "delta.xlsx!Percelen!C2" in r.output, r.output
    assert "--ontvangen" in r.output and "sluiting" in r.output, r.output
    in_de_gunning = schrijf_bod(ws, "d.xlsx", "Delta", "44444444", [("Z", 9200, 10, 12, 4, "alle")])
    r = _toetreding(ws, in_de_gunning)
    assert r.exit_code == 2 and "de invoer van de gunning" in r.output, r.output
    in_de_gunning.unlink()
    assert _register(ws) == voor and not (ws / "contract" / "toetreding").exists()


def test_een_laat_bod_met_prijs_0_noemt_de_prijscel_en_schrijft_niets(tmp_path: Path) -> None:
    """A price of 0 in the lot applied for: at the award a knock-out (a93), here an input error at the price cell.
    After a93 it read 'de inschrijving biedt niet in op perceel Z-route', false for a bid that does."""
    ws = _gestart(tmp_path)
    voor = _register(ws)
    r = _toetreding(ws, _laat_bod(ws, "Epsilon", "55555555", [("Z", 0, 10, 12, 4, "alle")]))
    assert r.exit_code == 2, r.output
    uit = " ".join(r.output.split())
    assert "epsilon.xlsx!Percelen!B2: de prijs per traject is 0 ('0'): vereist is een prijs groter dan EUR 0" in uit, (
        uit
    )
    assert "biedt niet in op perceel" not in uit, uit
    assert _register(ws) == voor and not (ws / "contract" / "toetreding").exists()


def test_het_keurmerk_moet_geldig_zijn_op_de_dag_van_ontvangst(tmp_path: Path) -> None:
    """Z requires the keurmerk. Valid until 30 June 2026: valid on the award's peildatum (2 March 2026), not on the
    day the late application was received (1 July 2026): not admitted, with that reason."""
    ws = _gestart(tmp_path)
    voor = _register(ws)
    bod = _laat_bod(ws, "Delta", "44444444", [("Z", 9200, 10, 12, 4, "alle")], geldig_tot=dt.date(2026, 6, 30))
    r = _toetreding(ws, bod)
    assert r.exit_code == 0, r.output
    assert "Delta niet toegelaten tot Z-route" in r.output, r.output
    assert _register(ws) == voor
    tekst = next((ws / "contract" / "toetreding").glob("*.html")).read_text(encoding="utf-8")
    assert "1 juli 2026" in tekst and "keurmerk" in tekst.lower(), tekst


def test_een_mislukte_vastlegging_laat_register_en_map_zoals_ze_waren(tmp_path: Path, monkeypatch: Any) -> None:
    """All or nothing: the register fails after the decision row is written (a full disk, say); the transaction is
    rolled back and the letter and the copy of the bid written before it are taken back."""
    import evaluatie.contract.toetreding as toetreding

    ws = _gestart(tmp_path)
    voor = _register(ws)
    echt = toetreding.leg_vast

    def vol(*args: Any, **kwargs: Any) -> int:
        echt(*args, **kwargs)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(toetreding, "leg_vast", vol)
    r = _toetreding(ws, _laat_bod(ws, "Delta", "44444444", [("Z", 9200, 10, 12, 4, "alle")]))
    assert r.exit_code in (1, 2) and "Traceback" not in r.output, r.output
    assert _register(ws) == voor
    assert not list((ws / "contract" / "toetreding").iterdir())


def test_toetreding_json_en_een_ander_perceel_in_het_formulier_wordt_genoemd(tmp_path: Path) -> None:
    """`contract toetreding` had no --json while its sibling decision commands (uitval, wijziging) have one; and a
    form that also bids on another lot had that lot ignored without a word, so the applicant never got an answer
    on it. The command judges the one lot of --route and says which other lots the form names and why they were not
    judged here: B1 is awarded, no open house (later entry is impossible there)."""
    ws = _gestart(tmp_path)
    bod = _laat_bod(ws, "Delta", "44444444", [("Z", 9200, 10, 12, 4, "alle"), ("B1", 9200, 10, 12, 4, "alle")])
    r = _run(
        "contract", "toetreding", "--werkmap", ws, "--bestand", bod, "--route", "Z",
        "--ontvangen", "2026-07-01", "--datum", "2026-07-02", *WIE, "--json",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    uit = json.loads(r.stdout)
    assert (uit["perceel"], uit["aanbieder"], uit["toegelaten"], uit["vanaf"]) == ("Z", "Delta", True, "2026-07-23")
    assert isinstance(uit["besluit"], int) and uit["redenen"] == []
    assert [Path(p).suffix for p in uit["bestanden"]] == [".xlsx", ".docx", ".html"]
    niet = (
        "de inschrijving biedt ook in op perceel B1-route (B1); dat is hier niet getoetst: perceel B1-route is "
        "gegund, geen open house, en neemt geen nieuwe partijen op"
    )
    assert uit["opmerkingen"] == [niet]
    r = _toetreding(
        ws, _laat_bod(ws, "Eta", "77777777", [("Z", 9200, 10, 12, 4, "alle"), ("B1", 9200, 10, 12, 4, "alle")])
    )
    assert r.exit_code == 0, r.output
    assert f"Let op: {niet.replace('Delta', 'Eta')}." in " ".join(r.output.split()), r.output


def test_zonder_ontvangen_komen_alle_fouten_van_de_opdracht_samen(tmp_path: Path) -> None:
    """Without --ontvangen the command said only '--ontvangen is verplicht' (click's usage error), so a missing file,
    a wrong lot and a missing --reden came one per run. Now every error of the options comes at once (exit 2)."""
    ws = _gestart(tmp_path)
    r = _run(
        "contract", "toetreding", "--werkmap", ws, "--bestand", ws.parent / "nope.xlsx", "--route", "Q",
        "--datum", "2026-07-02", "--door", "S. Jansen, contractmanager",
    )  # fmt: skip
    assert r.exit_code == 2, r.output
    tekst = " ".join(r.output.split())
    assert "Fouten in de invoer (4)" in tekst, tekst
    assert "--ontvangen: verplicht: de datum waarop de aanmelding binnenkwam" in tekst
    assert "--route: perceel 'Q' bestaat niet; kies uit B1, Z" in tekst
    assert "nope.xlsx: bestand niet gevonden" in tekst
    assert "--reden" in tekst
    assert "verplicht" in " ".join(_run("contract", "toetreding", "--help").output.split()).split("--ontvangen")[1]


def test_toetreden_na_de_vaste_looptijd_noemt_het_optiejaar_dat_open_is(tmp_path: Path) -> None:
    """A tender of 2024 with 2 fixed years and 1 option year, started 01-06-2024: the fixed term ends 31-05-2026.
    Admitted on 20-05-2026, Delta's period runs 20 days to 09-06-2026, after that end: refused. The refusal said only
    that joining after the end cannot be, while the option year 3 (to 31-05-2027) is open and would let it."""
    data = {
        "publicatie": "2024-01-08",
        "sluiting": "2024-02-19",
        "keurmerk_peildatum": "2024-03-04",
        "gunning": "2024-04-08",
    }
    ws = _werkmap(tmp_path, data=data, looptijd={"jaren": 2, "optiejaren": 1})
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2024-06-01", *DOOR).exit_code == 0
    bod = _laat_bod(ws, "Delta", "44444444", [("Z", 9200, 10, 12, 4, "alle")])
    r = _run(
        "contract", "toetreding", "--werkmap", ws, "--bestand", bod, "--route", "Z",
        "--ontvangen", "2026-05-10", "--datum", "2026-05-20", *WIE,
    )  # fmt: skip
    assert r.exit_code == 2, r.output
    uit = " ".join(r.output.split())
    assert "de termijn van het toelatingsbesluit eindigt op 2026-06-09" in uit, uit
    assert "na het einde van de looptijd (2026-05-31) kan niet" in uit, uit
    assert "optiejaar 3 (tot en met 2027-05-31) is nog niet uitgeoefend: 'evaluatie contract optiejaar'" in uit, uit
    assert _register(ws)[0] == [("B1", "Alfa"), ("B1", "Beta"), ("Z", "Alfa"), ("Z", "Beta")]


def test_de_brief_noemt_de_aanmelding_en_de_dag_waarop_de_toelating_ingaat(tmp_path: Path) -> None:
    """The register admits Delta from 23 July 2026 (the day after the letter's period of 20 days from 2 July), but
    the letter said neither that day nor that it answers a later application ('U heeft ingeschreven op perceel ...'):
    the provider could not read from when it may be chosen. A refusal names the application too, and no start."""
    ws = _gestart(tmp_path)
    assert _toetreding(ws, _laat_bod(ws, "Delta", "44444444", [("Z", 9200, 10, 12, 4, "alle")])).exit_code == 0
    assert _toetreding(ws, _laat_bod(ws, "Epsilon", "55555555", [("Z", 12000, 10, 12, 4, "alle")])).exit_code == 0
    brieven = {p.stem.split("-")[3]: p for p in (ws / "contract" / "toetreding").glob("*.html")}
    delta = " ".join(html_tekst(brieven["delta"]).split())
    assert "U heeft zich op 1 juli 2026 aangemeld om later toe te treden tot perceel Z-route" in delta, delta[-3000:]
    assert (
        "De toelating gaat in op 23 juli 2026, de dag na het einde van de termijn hieronder: vanaf die dag kan een "
        "inburgeraar of de klantmanager u kiezen."
    ) in delta, delta[-3000:]
    epsilon = " ".join(html_tekst(brieven["epsilon"]).split())
    assert "U heeft zich op 1 juli 2026 aangemeld om later toe te treden tot perceel Z-route" in epsilon
    assert "De toelating gaat in" not in epsilon


def test_een_afgewezen_late_aanmelding_wacht_geen_termijn_af(tmp_path: Path) -> None:
    """Epsilon's late application is refused during the contract: nothing is concluded by that decision. Its letter
    said 'Wij zijn voornemens u niet toe te laten' and 'Wilt u dat de overeenkomsten niet worden gesloten voordat de
    rechter heeft beslist, laat dan vóór het einde van de termijn (22 juli 2026) een dagvaarding betekenen', of
    agreements no one concludes; it now decides, says there is no period, and names the court."""
    ws = _gestart(tmp_path)
    assert _toetreding(ws, _laat_bod(ws, "Epsilon", "55555555", [("Z", 12000, 10, 12, 4, "alle")])).exit_code == 0
    brief = " ".join(html_tekst(next((ws / "contract" / "toetreding").glob("*.html"))).split())
    assert "Wij laten u niet toe tot de overeenkomst voor dit perceel, omdat uw aanmelding niet voldoet" in brief
    assert (
        "Met dit besluit wordt geen overeenkomst gesloten: er is geen termijn om af te wachten. Bent u het niet eens "
        "met dit besluit, dan kunt u een kort geding aanhangig maken bij de voorzieningenrechter van de Rechtbank "
        "Noord-Nederland."
    ) in brief, brief[-3000:]
    for woord in ("voornemens", "overeenkomsten niet worden gesloten", "22 juli 2026"):
        assert woord not in brief, woord


def test_uitval_na_een_toetreding_verdeelt_ook_over_de_later_toegetreden_aanbieder(tmp_path: Path) -> None:
    """Delta (capacity 30) joins Z from 23 July 2026; Alfa drops out per 1 August. The proposal rebuilt the lot from
    the award, which does not know Delta: the demand went to Beta alone, and with a placement of Delta's to keep it
    stopped on a KeyError (a traceback). Now Delta is among the remaining suppliers: by capacity, Beta 10 and Delta 30,
    Noord 5 -> 1,25 and 3,75 -> 1 and 4; Oost 3 -> 0,75 and 2,25 -> 1 and 2; Zuid 2 -> 0,5 and 1,5 -> 0 and 2 (equal
    remainders: the larger capacity)."""
    ws = _gestart(tmp_path)
    assert _toetreding(ws, _laat_bod(ws, "Delta", "44444444", [("Z", 9200, 30, 12, 4, "alle")])).exit_code == 0
    uitval = ["contract", "uitval", "--werkmap", ws, "--route", "Z", "--aanbieder", "Alfa", "--per", "2026-08-01"]
    r = _run(*uitval, "--json")
    assert r.exit_code == 0, r.output
    dit_jaar = {(x["gemeente"], x["aanbieder"]): x["aantal"] for x in json.loads(r.stdout)["dit_jaar"]}
    assert dit_jaar == {
        ("Noord", "Beta"): 1, ("Noord", "Delta"): 4, ("Oost", "Beta"): 1, ("Oost", "Delta"): 2, ("Zuid", "Delta"): 2,
    }  # fmt: skip
    r = _run("contract", "inlezen", "--werkmap", ws, _plaatsing(ws, "2026-07-24"))  # Delta places one in Noord
    assert r.exit_code == 0, r.output
    r = _run(*uitval)
    assert r.exit_code == 0 and "Traceback" not in r.output, r.output
    assert "Noord: al geplaatst 1 bij Delta" in r.output, r.output


def test_uitval_van_de_laatste_aanbieder_zegt_dat_de_vraag_geen_aanbieder_heeft(tmp_path: Path) -> None:
    """Alfa and then Beta leave Z (open house): the second proposal said 'het restant van de vraag gaat ... naar de
    overige aanbieders' with none left, and named no gemeente: Z's 5 + 3 + 2 inburgeraars silently had no provider.
    It now says there is none left and, per gemeente, what has no provider until one joins."""
    ws = _gestart(tmp_path)
    for naam, per in (("Alfa", "2026-08-01"), ("Beta", "2026-09-01")):
        r = _run(
            "contract", "uitval", "--werkmap", ws, "--route", "Z", "--aanbieder", naam, "--per", per, "--vastleggen",
            *WIE,
        )  # fmt: skip
        assert r.exit_code == 0, r.output
    uit = " ".join(r.output.split())
    assert "naar de overige aanbieders" not in uit, uit
    assert (
        "De plaatsingen die al zijn gedaan blijven staan; er is geen overige toegelaten aanbieder, dus heeft het restant "
        "van de vraag in dit perceel geen aanbieder tot een aanbieder toetreedt (evaluatie contract toetreding)."
    ) in uit, uit
    for regel in ("Noord: het restant van 5", "Oost: het restant van 3", "Zuid: het restant van 2"):
        assert f"{regel} heeft geen aanbieder." in uit, uit
    # the stand (and the quarterly report, from the same sentences) said only that each had dropped out
    zin = (
        "Z-route heeft sinds 01-09-2026 geen toegelaten aanbieder meer: tot een aanbieder toetreedt (evaluatie "
        "contract toetreding), hebben de inburgeraars van de deelnemende gemeenten op deze route geen aanbieder."
    )
    stand = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-09-10")
    assert zin in " ".join(stand.output.split()), stand.output
    stand = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-08-10")  # Beta still there
    assert "geen toegelaten aanbieder meer" not in stand.output, stand.output


def test_twee_aanbieders_met_dezelfde_bestandsnaam_op_een_dag(tmp_path: Path) -> None:
    """'Delta Taal' and 'Delta-Taal' (two companies, two KvK numbers) both give the file name 'delta-taal': the second
    admission on the same day and lot was refused with 'bestaat al: dit besluit is al genomen', untrue, and only a
    false decision date got it through. The second's files carry its KvK number; the same bidder twice stays
    refused."""
    ws = _gestart(tmp_path)
    r = _toetreding(ws, _laat_bod(ws, "Delta Taal", "44444444", [("Z", 9200, 10, 12, 4, "alle")]))
    assert r.exit_code == 0, r.output
    r = _toetreding(ws, _laat_bod(ws, "Delta-Taal", "55555555", [("Z", 9300, 10, 12, 4, "alle")]))
    assert r.exit_code == 0, r.output
    assert "Delta-Taal toegelaten tot Z-route per 23-07-2026" in r.output
    assert sorted(p.name for p in (ws / "contract" / "toetreding").iterdir()) == sorted(
        f"2026-07-02-delta-taal{kvk}-z.{soort}" for kvk in ("", "-55555555") for soort in ("docx", "html", "xlsx")
    )
    assert [n for _, n in _register(ws)[0] if n.startswith("Delta")] == ["Delta Taal", "Delta-Taal"]
