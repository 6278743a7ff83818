"""An open-house lot (toelating) in the contract phase: no framework agreement with a maximum.

The award documents say of an open-house lot that no framework agreement with a maximum is concluded
(it is no public contract; HvJ EU C-410/14 Falk Pharma). The contract phase used to give such a lot the
maximum of a framework agreement anyway (the expected volume x term, plus the headroom of `raammaximum`)
and then reported its use, the date it would be "uitgeput" and the de-minimis limit of art. 2.163b:
sentences that contradict the advies and the admission letters.
"""

from __future__ import annotations

import copy
import json
import sqlite3
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, kleine_toelating, maak_werkmap, schrijf_bod, vul_beoordeling

DOOR = ["--door", "S. Jansen, contractmanager", "--reden", "volgens het contract"]


def _run(*args: object) -> Any:
    res = CliRunner().invoke(main, [str(a) for a in args])
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    assert "Traceback" not in res.output
    return res


def _werkmap(tmp_path: Path, verdeling_b1: dict[str, Any] | None = None, **over: Any) -> Path:
    """B1 awarded (gunning), Z open house (toelating) without a minimum quality, so without criteria. `over`: fields
    of the tender set otherwise (kleine_aanbesteding), e.g. its dates and looptijd; `verdeling_b1`: B1's rules."""
    from evaluatie.pipeline import schrijf_beoordelingsformulieren
    from evaluatie.werkmap import Werkmap

    data = kleine_aanbesteding(**over)
    data["percelen"]["B1"]["raammaximum"] = {"opslag": 0.25}
    z = copy.deepcopy(data["percelen"]["B1"])
    z["naam"] = "Z-route"
    z["procedure"] = "toelating"
    z["gunningscriteria"] = {}  # admitted on the requirements alone: no quality is scored
    del z["raammaximum"], z["weging"], z["prijsmethode"]  # an open house has no framework maximum, weighs nothing
    data["percelen"]["Z"] = z
    data["percelen"]["B1"]["verdeling"] = verdeling_b1 or {}
    for g, n in zip(data["gemeenten"], (5, 3, 2), strict=True):
        g["inburgeraars"]["Z"] = n
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 12, 12, 4, "alle"), ("Z", 9000, 10, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "Beta", "22222222", [("B1", 9500, 20, 12, 4, "alle"), ("Z", 9500, 10, 12, 4, "alle")])
    schrijf_beoordelingsformulieren(Werkmap(ws))
    scores = {(i, c): 75 for i in ("Alfa", "Beta") for c in ("Plan van aanpak", "Samenwerking")}
    for naam in ("ada", "bram"):
        vul_beoordeling(ws / "beoordelingen" / f"{naam}.xlsx", scores)
    r = _run("gunning", "--werkmap", ws)
    assert r.exit_code == 0, r.output
    return ws


def _plaatsingen(ws: Path, alleen: str | None = None) -> Path:
    rijen = ["klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag"]
    for i in range(6):
        rijen.append(f"K{i:03d}B;Noord;aangemeld;2026-06-1{i};B1;Alfa;")
        if alleen is None:
            rijen.append(f"K{i:03d}Z;Noord;aangemeld;2026-06-1{i};Z;Beta;")
    pad = ws / "noord.csv"
    pad.write_text("\n".join(rijen) + "\n", encoding="utf-8")
    return pad


def test_open_house_heeft_in_de_contractfase_geen_raamovereenkomst(tmp_path: Path) -> None:
    """B1: expected 20 per year x 2 years, +25% = 50 trajectories; Z (open house) has no maximum."""
    ws = _werkmap(tmp_path)
    r = _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR)
    assert r.exit_code == 0, r.output
    assert "B1-route: Alfa, Beta; raammaximum 50 trajecten" in r.output
    z = next(regel for regel in r.output.splitlines() if regel.strip().startswith("Z-route"))
    assert "raammaximum" not in z and "open house" in z, z
    with sqlite3.connect(ws / "contract" / "register.sqlite") as db:
        assert dict(db.execute("SELECT perceel, procedure FROM perceelprocedure")) == {
            "B1": "gunning",
            "Z": "toelating",
        }

    assert _run("contract", "inlezen", "--werkmap", ws, _plaatsingen(ws)).exit_code == 0
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-09-30", "--json")
    assert r.exit_code == 0, r.output
    raam = json.loads(r.stdout)["raamovereenkomst"]
    assert [(x["perceel"], x["max_trajecten"], x["gebruikt"]) for x in raam] == [("B1", 50, 6)]
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-09-30")
    raamdeel = r.output.split("Raamovereenkomsten:")[1].split("Aanbieders:")[0]
    assert [regel.strip() for regel in raamdeel.splitlines() if "Z-route" in regel] == [
        "Z-route: open house (toelating), geen raamovereenkomst met een maximum"
    ]

    r = _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K3")
    assert r.exit_code == 0, r.output
    for pagina in (ws / "contract" / "kwartaal" / "2026-K3").glob("*.html"):
        tekst = pagina.read_text(encoding="utf-8")
        raamdeel = tekst.split("Raamovereenkomsten")[1].split("Aanbieders")[0]
        assert "B1-route" in raamdeel, pagina.name
        assert raamdeel.count("Z-route") == 1 and "Z-route: open house (toelating), geen raamovereenkomst" in raamdeel

    r = _run(
        "contract", "wijziging", "--werkmap", ws, "--route", "Z", "--soort", "extra_volume", "--waarde", "1000",
        "--trajecten", "1", "--grondslag", "art. 2.163b Aw 2012", "--alleen-toetsen", *DOOR,
    )  # fmt: skip
    assert r.exit_code == 2, r.output
    assert "--route" in r.output and "toelating" in r.output and "2.163b" not in r.output.split("--route")[1][:20]


def test_register_van_schemaversie_1_neemt_de_procedure_over_uit_de_gunning_van_de_start(tmp_path: Path) -> None:
    """A register started before the procedure was recorded (schema version 1) gets it from the award it was
    started from, and only from that one: with another gunning.json the command stops in words (exit 1)."""
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    register = ws / "contract" / "register.sqlite"

    def als_versie_1() -> None:
        with sqlite3.connect(register) as db:
            db.execute("DROP TABLE IF EXISTS schemaherlezing")  # added in version 12
            db.execute("DROP TABLE IF EXISTS hervatting")  # added in version 10
            db.execute("DROP TABLE IF EXISTS indexatiepercentage")  # added in version 9
            db.execute("DROP TABLE IF EXISTS schemamigratie")  # added in version 8
            db.execute("DROP TABLE publicatiecijfer")  # added in version 7
            db.execute("DROP TABLE publicatie")
            db.execute("DROP TABLE verlenging")  # added in version 6
            db.execute("DROP TABLE intrekking")  # added in version 5
            db.execute("DROP TABLE optie")  # added in version 4
            db.execute("DROP TABLE looptijd")
            db.execute("DROP TABLE toetreding")  # added in version 3
            db.execute("DROP TABLE perceelprocedure")
            db.execute("PRAGMA user_version = 1")
        db.close()

    als_versie_1()
    gunning = ws / "rapporten" / "gunning.json"
    origineel = gunning.read_bytes()
    gunning.write_bytes(origineel + b"\n")
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-09-30")
    assert r.exit_code == 1, r.output
    assert "zegt niet of perceel B1, Z een gunning of een toelating" in r.output, r.output

    gunning.write_bytes(origineel)
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-09-30", "--json")
    assert r.exit_code == 0, r.output
    assert [x["perceel"] for x in json.loads(r.stdout)["raamovereenkomst"]] == ["B1"]
    with sqlite3.connect(register) as db:
        assert dict(db.execute("SELECT perceel, procedure FROM perceelprocedure")) == {
            "B1": "gunning",
            "Z": "toelating",
        }
    db.close()


def test_peildatum_of_kwartaal_buiten_de_looptijd_is_een_fout_in_de_optie(tmp_path: Path) -> None:
    """A date option outside the term (start 1 June 2026, 2 years) is bad input: exit 2 naming the option, as
    a quarter before the start already was; it was exit 1 without the option for a date after the end or a
    peildatum before the start."""
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    for args, optie in (
        (("stand", "--peildatum", "2026-05-31"), "--peildatum"),
        (("stand", "--peildatum", "2028-06-01"), "--peildatum"),
        (("advies", "--gemeente", "Noord", "--route", "B1", "--peildatum", "2029-01-01"), "--peildatum"),
        (("kwartaal", "--kwartaal", "2028-K3"), "--kwartaal"),
        (("kwartaal", "--kwartaal", "2026-K1"), "--kwartaal"),
    ):
        r = (
            _run("contract", args[0], "--werkmap", ws, *args[1:], "--json")
            if args[0] != "kwartaal"
            else _run("contract", args[0], "--werkmap", ws, *args[1:])
        )
        assert r.exit_code == 2, (args, r.output)
        assert optie in r.output and ("voor de start" in r.output or "na het einde" in r.output), (args, r.output)
    # the last day of the term is inside it
    assert _run("contract", "stand", "--werkmap", ws, "--peildatum", "2028-05-31").exit_code == 0


def test_alleen_open_house_geen_lege_tabel_of_grafiek_van_raamovereenkomsten(tmp_path: Path) -> None:
    """With only open-house lots the quarterly report has no framework agreement at all: no empty table and
    no empty chart of their use, only the sentence per lot."""
    data = kleine_toelating()
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    assert _run("gunning", "--werkmap", ws).exit_code == 0
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    assert _run("contract", "inlezen", "--werkmap", ws, _plaatsingen(ws, alleen="B1")).exit_code == 0
    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K3").exit_code == 0
    regio = (ws / "contract" / "kwartaal" / "2026-K3" / "regio.html").read_text(encoding="utf-8")
    deel = regio.split("Raamovereenkomsten (hele regio)")[1].split("Aanbieders:")[0]
    assert "<table" not in deel and "<svg" not in deel and "Een gat in een lijn" not in deel, deel
    assert "B1-route: open house (toelating), geen raamovereenkomst met een maximum." in deel


def test_uitval_die_niet_op_te_vangen_is_zegt_wie_en_welke_vraag(tmp_path: Path) -> None:
    """When the remaining contracted suppliers cannot take the demand after a drop-out, the message was the
    award's own diagnosis ("de toegelaten inschrijvers hebben samen ... de vraag is ..."), in words of the
    award and without saying which drop-out, which year and which demand it is about."""
    ws = _werkmap(tmp_path)  # B1: Alfa capacity 12, Beta 20; demand 20 a year
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    r = _run("contract", "uitval", "--werkmap", ws, "--route", "B1", "--aanbieder", "Beta", "--per", "2026-07-01")
    assert r.exit_code == 1, r.output
    uit = " ".join(r.output.split())
    assert (
        "Na de uitval van Beta per 1 juli 2026 kunnen de overige gecontracteerde aanbieders (Alfa) de vraag van "
        "contractjaar 1 in perceel B1-route niet opvangen:" in uit
    ), uit


def test_uitval_niet_op_te_vangen_zegt_dat_de_vraag_zonder_de_gedane_plaatsingen_is(tmp_path: Path) -> None:
    """'de vraag is 18' after Beta had 2 placements this year: the demand named is the year's 20 less Beta's 2, which
    stay; the message did not say so, and 18 against the allocation's 20 read as an error."""
    ws = _werkmap(tmp_path)  # B1: Alfa capacity 12, Beta 20; demand 20 a year
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    kop = "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag"
    rijen = ["K001B;Zuid;aangemeld;2026-06-10;B1;Beta;", "K002B;Zuid;aangemeld;2026-06-11;B1;Beta;"]
    (ws / "zuid.csv").write_text("\n".join([kop, *rijen]) + "\n", encoding="utf-8")
    assert _run("contract", "inlezen", "--werkmap", ws, ws / "zuid.csv").exit_code == 0
    r = _run("contract", "uitval", "--werkmap", ws, "--route", "B1", "--aanbieder", "Beta", "--per", "2026-07-01")
    assert r.exit_code == 1, r.output
    uit = " ".join(r.output.split())
    assert "de vraag is 18" in uit, uit
    assert (
        "(De vraag hierboven is die van contractjaar 1 zonder de 2 plaatsingen die Beta dit contractjaar al had: die "
        "blijven staan.)"
    ) in uit


def test_uitval_die_niet_op_te_vangen_is_noemt_gecontracteerde_aanbieders(tmp_path: Path) -> None:
    """B1 is awarded by ranking, not an open house: after Beta's drop-out the diagnosis said "de toegelaten
    inschrijvers hebben samen 12 plaatsen", a word of an open house and of the award; in the contract phase they are
    the gecontracteerde aanbieders (Alfa alone: capacity 12 against a demand of 20)."""
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    r = _run("contract", "uitval", "--werkmap", ws, "--route", "B1", "--aanbieder", "Beta", "--per", "2026-07-01")
    assert r.exit_code == 1, r.output
    uit = " ".join(r.output.split())
    assert "Perceel B1-route: de gecontracteerde aanbieders hebben samen 12 plaatsen, de vraag is 20" in uit, uit
    assert "toegelaten" not in uit, uit


def test_uitval_onder_per_subregio_noemt_aanbieders(tmp_path: Path) -> None:
    """Under per_subregio the diagnosis adds a line per subregio; it said "de enige inschrijver die de hele subregio
    bedient" of the contracted Alfa. Subregio A (Noord 10, Oost 6) asks 16, Alfa alone can take 12 of them."""
    ws = _werkmap(tmp_path, verdeling_b1={"per_subregio": True})
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    r = _run("contract", "uitval", "--werkmap", ws, "--route", "B1", "--aanbieder", "Beta", "--per", "2026-07-01")
    assert r.exit_code == 1, r.output
    uit = " ".join(r.output.split())
    assert (
        "Perceel B1-route: subregio A heeft 16 inburgeraars; Oost heeft er 6 en iedere gekozen aanbieder krijgt "
        "minstens 1 inburgeraar in iedere gemeente van de subregio, dus kunnen daar hoogstens 6 aanbieders worden "
        "gekozen (regel per_subregio), en de enige aanbieder die de hele subregio bedient, kan er hoogstens 12 "
        "krijgen (Alfa 12)"
    ) in uit, uit
    assert "inschrijver" not in uit, uit
