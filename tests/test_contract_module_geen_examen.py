"""PVT and MAP are modules, no learning route: they end with 'afgerond' (the participatieverklaring signed, the
module done), not with an exam, and a learning route cannot be lowered (afgeschaald) in them. An exam result or a
route change on a module placement was stored and counted in 'contract stand' ('examen: B1 1' for PVT); it is an
input error at the cell, with every other error of the file."""

from __future__ import annotations

from pathlib import Path

from evaluatie.pipeline import schrijf_beoordelingsformulieren
from evaluatie.werkmap import Werkmap
from tests.hulp import kleine_aanbesteding, maak_werkmap, module_naast_b1, schrijf_bod, vul_beoordeling
from tests.test_contract_toelating import DOOR, _run


def _werkmap(tmp_path: Path) -> Path:
    """B1 awarded, PVT open house (same criteria)."""
    data = module_naast_b1(kleine_aanbesteding(), "PVT", "Participatieverklaringstraject", 350)
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 30, 12, 4, "alle"), ("PVT", 300, 10, 12, 4, "alle")])
    schrijf_beoordelingsformulieren(Werkmap(ws))
    scores = {("Alfa", c): 75 for c in ("Plan van aanpak", "Samenwerking")}
    for naam in ("ada", "bram"):
        vul_beoordeling(ws / "beoordelingen" / f"{naam}.xlsx", scores)
    r = _run("gunning", "--werkmap", ws)
    assert r.exit_code == 0, r.output
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    return ws


def test_examen_of_routewijziging_bij_een_module_is_een_invoerfout(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    pad = ws / "noord.csv"
    pad.write_text(
        "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag\n"
        "K001P;Noord;aangemeld;2026-06-10;PVT;Alfa;\n"
        "K001P;Noord;examen;2026-07-10;PVT;Alfa;B1\n"
        "K002B;Noord;aangemeld;2026-06-10;B1;Alfa;\n"
        "K002B;Noord;route gewijzigd;2026-07-10;PVT;Alfa;\n"
        "K003B;Noord;aangemeld;2026-06-10;B1;Alfa;\n"
        "K003B;Noord;examen;2026-07-10;B1;Alfa;B1\n"
        "K004P;Noord;aangemeld;2026-06-10;PVT;Alfa;\n"
        "K004P;Noord;route gewijzigd;2026-07-10;B1;Alfa;\n",
        encoding="utf-8",
    )
    r = _run("contract", "inlezen", "--werkmap", ws, pad)
    assert r.exit_code == 2, r.output
    assert "noord.csv!C9: klant K004P (Noord): de aanmelding (noord.csv!A8) is voor de module PVT, geen leerroute" in (
        r.output.replace("\n    ", " ")
    )
    assert "noord.csv!C3: " in r.output and "noord.csv!C5: " in r.output, r.output
    assert r.output.count("is een module, geen leerroute") == 2, r.output  # K004P: "voor de module"
    assert (
        "klant K001P (Noord): perceel PVT is een module, geen leerroute (aanmelding noord.csv!A2): een examenuitslag"
        in r.output
    )
    assert (
        "PVT (Participatieverklaringstraject) is een module, geen leerroute: een routewijziging (afschaling)"
        in r.output
    )
    # nothing was stored: the B1 exam and the module registrations come back without error once the rows are gone
    pad.write_text(
        "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag\n"
        "K001P;Noord;aangemeld;2026-06-10;PVT;Alfa;\n"
        "K001P;Noord;gestart;2026-06-20;PVT;Alfa;\n"
        "K001P;Noord;afgerond;2026-07-10;PVT;Alfa;\n"
        "K003B;Noord;aangemeld;2026-06-10;B1;Alfa;\n"
        "K003B;Noord;examen;2026-07-10;B1;Alfa;B1\n",
        encoding="utf-8",
    )
    r = _run("contract", "inlezen", "--werkmap", ws, pad)
    assert r.exit_code == 0, r.output
    assert "5 nieuw" in r.output
    # the stand counts exams and route changes for the learning route only
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-07-31")
    assert r.exit_code == 0, r.output
    regels = " ".join(r.output.split("Aanbieders:")[1].split("Signalen")[0].split())
    b1, pvt = regels.split("Alfa (PVT)")
    assert "examen: B1 1, hoogst haalbaar 0, niet behaald 0; afgeschaald 0" in b1
    assert "afgerond 1;" in pvt and "examen" not in pvt and "afgeschaald" not in pvt


def test_kwartaal_en_stand_json_noemen_bij_een_module_geen_examens(tmp_path: Path) -> None:
    """The quarterly report's table of outcomes has one row per lot and supplier; for PVT its exam and route
    columns could only be 0 and were printed as withheld (0 is under 5), which a gemeente reads as 'some
    passed'. For a module they say 'n.v.t.' (HTML and xlsx alike) with the reason under the table, and
    `contract stand --json` gives null there instead of 0."""
    import json

    from openpyxl import load_workbook

    from tests.hulp import html_tekst

    ws = _werkmap(tmp_path)
    pad = ws / "noord.csv"
    regels = ["klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag"]
    for i in range(6):
        regels += [f"K{i}P;Noord;aangemeld;2026-06-10;PVT;Alfa;", f"K{i}P;Noord;gestart;2026-06-20;PVT;Alfa;"]
        regels += [f"K{i}B;Noord;aangemeld;2026-06-10;B1;Alfa;", f"K{i}B;Noord;gestart;2026-06-20;B1;Alfa;"]
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    assert _run("contract", "inlezen", "--werkmap", ws, pad).exit_code == 0
    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K3").exit_code == 0
    map_ = ws / "contract" / "kwartaal" / "2026-K3"
    wb = load_workbook(map_ / "regio.xlsx")
    rijen = {r[0]: r for r in wb["Aanbieders"].iter_rows(values_only=True)}
    assert rijen["Route"][8:12] == ("B1 behaald", "Hoogst haalbare niveau", "Niet behaald", "Route gewijzigd")
    assert rijen["Participatieverklaringstraject"][8:12] == ("n.v.t.",) * 4
    assert rijen["B1-route"][8:12] == ("onderdrukt",) * 4  # a learning route: 0 exams so far, under 5
    assert "is een module, geen leerroute" in dict(wb["Overzicht"].iter_rows(values_only=True))["Modules"]
    tekst = html_tekst(map_ / "regio.html")
    assert "Participatieverklaringstraject Alfa onderdrukt onderdrukt n.v.t. n.v.t. n.v.t. n.v.t." in tekst, tekst
    assert "Participatieverklaringstraject is een module, geen leerroute: zonder examen en zonder routewijziging" in (
        tekst
    )
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-07-31", "--json")
    prestaties = {p["perceel"]: p for p in json.loads(r.stdout)["prestaties"]}
    assert [prestaties["PVT"][k] for k in ("b1_behaald", "hoogst_haalbaar", "niet_behaald", "afgeschaald")] == [
        None
    ] * 4
    assert prestaties["B1"]["b1_behaald"] == 0
