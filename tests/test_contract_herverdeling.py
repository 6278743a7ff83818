"""A supplier drops out: the proposal equals a fresh award on the remaining suppliers with the placements
made so far fixed, checked against an independent lexicographic model written here with PuLP."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pulp
from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_beoordeling

DOOR = ["--door", "S. Jansen, contractmanager", "--reden", "Y failliet verklaard"]


def _run(*args: Any) -> Any:
    return CliRunner().invoke(main, [str(a) for a in args])


def _onafhankelijk(vraag: dict[str, int], lev: list[dict[str, Any]], vast: dict[tuple[str, str], int]) -> dict:
    """max waarde, max rank preference, min kosten, max earlier gemeenten to better ranks (the award's documented
    order, evaluatie.verdeling.opbouw); x >= placements."""
    gemeenten = list(vraag)
    m, n = len(lev), len(gemeenten)
    prob = pulp.LpProblem("onafhankelijk", pulp.LpMaximize)
    x = {
        (g, s["naam"]): prob.add_variable(f"x_{gi}_{si}", vast.get((g, s["naam"]), 0), None, cat="Integer")
        for gi, g in enumerate(gemeenten)
        for si, s in enumerate(lev)
    }
    for g in gemeenten:
        prob += pulp.lpSum(x[g, s["naam"]] for s in lev) == vraag[g]
    for s in lev:
        prob += pulp.lpSum(x[g, s["naam"]] for g in gemeenten) <= s["capaciteit"]
    doelen = [
        (pulp.LpMaximize, pulp.lpSum(round(s["waarde"] * 10_000) * x[g, s["naam"]] for g in gemeenten for s in lev)),
        (pulp.LpMaximize, pulp.lpSum((m - i) * x[g, s["naam"]] for g in gemeenten for i, s in enumerate(lev))),
        (pulp.LpMinimize, pulp.lpSum(round(s["prijs"] * 100) * x[g, s["naam"]] for g in gemeenten for s in lev)),
        (
            pulp.LpMaximize,
            pulp.lpSum(
                (m - i) * (n - gi) ** 2 * x[g, s["naam"]] for gi, g in enumerate(gemeenten) for i, s in enumerate(lev)
            ),
        ),
    ]
    for zin, doel in doelen:
        prob.sense = zin
        prob.setObjective(doel)
        assert prob.solve(pulp.HiGHS(msg=False)) == pulp.LpStatusOptimal
        prob += doel == round(pulp.value(doel))
    return {k: round(v.value()) for k, v in x.items() if round(v.value())}


# X, Y and Z in B1 (capacity 9, 8 and 12, EUR 9.000, 9.200 and 9.500, quality 75, 50 and 25) and the placements of
# the first contract year before Y drops out: Z already serves Zuid, which a fresh award would give to X
CAPACITEIT = {"X": 9, "Y": 8, "Z": 12}
PRIJS = {"X": 9000, "Y": 9200, "Z": 9500}
GEPLAATST = {
    ("Noord", "X"): 3,
    ("Noord", "Y"): 2,
    ("Noord", "Z"): 1,
    ("Oost", "Y"): 2,
    ("Oost", "Z"): 1,
    ("Zuid", "Z"): 2,
}


def _drie_aanbieders(tmp_path: Path, verdeling: dict[str, Any] | None = None) -> tuple[Path, dict[str, Any]]:
    """The werkmap with X, Y and Z awarded in B1 (`verdeling`: its rules), the contract started on 01-07-2026 and the
    placements GEPLAATST read in; with B1 of gunning.json."""
    from evaluatie.pipeline import schrijf_beoordelingsformulieren
    from evaluatie.werkmap import Werkmap

    data = kleine_aanbesteding()
    data["percelen"]["B1"]["verdeling"] = verdeling or {}
    ws = maak_werkmap(tmp_path / "ws", data)
    for naam, kvk in (("X", "11111111"), ("Y", "22222222"), ("Z", "33333333")):
        schrijf_bod(ws, f"{naam.lower()}.xlsx", naam, kvk, [("B1", PRIJS[naam], CAPACITEIT[naam], 12, 4, "alle")])
    schrijf_beoordelingsformulieren(Werkmap(ws))
    punten = {"X": 75, "Y": 50, "Z": 25}
    scores: dict[tuple[str, str], object] = {
        (i, c): punten[i] for i in punten for c in ("Plan van aanpak", "Samenwerking")
    }
    for naam in ("ada", "bram"):
        vul_beoordeling(ws / "beoordelingen" / f"{naam}.xlsx", scores)
    assert _run("gunning", "--werkmap", ws).exit_code == 0
    gunning = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))["percelen"]["B1"]
    assert {t["inschrijver"] for t in gunning["toewijzing"]} == {"X", "Y", "Z"}
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-07-01", *DOOR).exit_code == 0
    regels = ["klantnummer;gemeente;gebeurtenis;datum;route;aanbieder"]
    i = 0
    for (g, s), k in GEPLAATST.items():
        for _ in range(k):
            i += 1
            regels.append(f"P-{i:03d};{g};aangemeld;{10 + i:02d}-08-2026;B1;{s}")
    (tmp_path / "export.csv").write_text("\n".join(regels) + "\n", encoding="utf-8")
    assert _run("contract", "inlezen", "--werkmap", ws, tmp_path / "export.csv").exit_code == 0
    return ws, gunning


def test_herverdeling_is_nieuwe_gunning_met_vaste_plaatsingen(tmp_path: Path) -> None:
    from evaluatie.werkmap import Werkmap

    ws, gunning = _drie_aanbieders(tmp_path)
    capaciteit, prijs, geplaatst = CAPACITEIT, PRIJS, GEPLAATST
    r = _run("contract", "uitval", "--werkmap", ws, "--route", "B1", "--aanbieder", "Y", "--per", "2026-11-01")
    assert r.exit_code == 0, r.output
    assert "Dit is een voorstel; er is niets gewijzigd" in r.output

    vraag = {"Noord": 10, "Oost": 6, "Zuid": 4}
    for (g, s), k in geplaatst.items():
        if s == "Y":
            vraag[g] -= k  # Y's placements stay where they are
    rang = {rg["inschrijver"]: rg for rg in gunning["rangorde"]}
    lev = [
        {"naam": s, "waarde": rang[s]["totaal"], "prijs": prijs[s], "capaciteit": capaciteit[s]}
        for s in sorted(("X", "Z"), key=lambda s: rang[s]["rang"])
    ]
    verwacht = _onafhankelijk(vraag, lev, {k: v for k, v in geplaatst.items() if k[1] != "Y"})
    verwacht |= {k: v for k, v in geplaatst.items() if k[1] == "Y"}

    import datetime as dt

    from evaluatie.contract.herverdeling import voorstel
    from evaluatie.contract.lezen import lees_register
    from evaluatie.contract.register import open_register

    db = open_register(Werkmap(ws))
    reg = lees_register(db)
    db.close()
    h = voorstel(Werkmap(ws), reg, "B1", "Y", dt.date(2026, 11, 1))
    assert h.dit_jaar == verwacht
    r = _run(
        "contract", "uitval", "--werkmap", ws, "--route", "B1", "--aanbieder", "Y", "--per", "2026-11-01", "--json"
    )
    gezien = json.loads(r.output)
    assert {(c["gemeente"], c["aanbieder"]): c["aantal"] for c in gezien["dit_jaar"]} == verwacht
    assert gezien["besluit"] is None
    # the following year: a fresh award over X and Z with the full demand
    volgend = _onafhankelijk({"Noord": 10, "Oost": 6, "Zuid": 4}, lev, {})
    assert h.volgende_jaren == volgend
    # every gemeente's explanation names what is fixed and where the rest goes
    assert "Noord: al geplaatst 3 bij X, 2 bij Y, 1 bij Z; het restant van 4 gaat naar X (4)." in r.output
    assert (
        "capaciteit' is wat na de plaatsingen van dit contractjaar resteert): Z krijgt 3 van zijn capaciteit 8"
        in r.output
    )

    # nothing changed until it is taken as a recorded decision
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-11-01", "--json")
    voor = {(x["gemeente"], x["aanbieder"]): x["toegewezen"] for x in json.loads(r.output)["regels"] if x["toegewezen"]}
    assert voor == {(t["gemeente"], t["inschrijver"]): t["aantal"] for t in gunning["toewijzing"]}
    r = _run(
        "contract",
        "uitval",
        "--werkmap",
        ws,
        "--route",
        "B1",
        "--aanbieder",
        "Y",
        "--per",
        "2026-11-01",
        "--vastleggen",
    )
    assert r.exit_code == 2 and "--door" in r.output
    r = _run(
        "contract",
        "uitval",
        "--werkmap",
        ws,
        "--route",
        "B1",
        "--aanbieder",
        "Y",
        "--per",
        "2026-11-01",
        "--vastleggen",
        *DOOR,
    )
    assert r.exit_code == 0, r.output
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-11-01", "--json")
    na = {(x["gemeente"], x["aanbieder"]): x["toegewezen"] for x in json.loads(r.output)["regels"] if x["toegewezen"]}
    assert na == verwacht
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2027-08-01", "--json")
    na = {(x["gemeente"], x["aanbieder"]): x["toegewezen"] for x in json.loads(r.output)["regels"] if x["toegewezen"]}
    assert na == volgend
    # Y can no longer receive placements, and the advice passes it by
    regels = ["klantnummer;gemeente;gebeurtenis;datum;route;aanbieder", "P-900;Noord;aangemeld;02-11-2026;B1;Y"]
    (tmp_path / "na.csv").write_text("\n".join(regels) + "\n", encoding="utf-8")
    r = _run("contract", "inlezen", "--werkmap", ws, tmp_path / "na.csv")
    assert r.exit_code == 2 and "na.csv!F2: Y is per 01-11-2026 uitgevallen" in r.output


def test_start_weigert_concept_en_gewijzigde_gunning(tmp_path: Path) -> None:
    """A tie awaiting a draw makes the award a CONCEPT: no contract; a hand-edited gunning.json neither."""
    from evaluatie.pipeline import schrijf_beoordelingsformulieren
    from evaluatie.werkmap import Werkmap

    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "y.xlsx", "Y", "22222222", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_beoordelingsformulieren(Werkmap(ws))
    scores: dict[tuple[str, str], object] = {(i, c): 75 for i in "XY" for c in ("Plan van aanpak", "Samenwerking")}
    for naam in ("ada", "bram"):
        vul_beoordeling(ws / "beoordelingen" / f"{naam}.xlsx", scores)
    assert _run("gunning", "--werkmap", ws).exit_code == 1
    r = _run("contract", "start", "--werkmap", ws, "--datum", "2026-07-01", *DOOR)
    assert r.exit_code == 1
    assert "perceel B1: de gunning is een CONCEPT; eerst moet geloot worden tussen X, Y" in r.output
    assert not (ws / "contract" / "register.sqlite").exists()


def test_start_weigert_met_de_hand_gewijzigde_gunning(tmp_path: Path) -> None:
    from evaluatie.pipeline import schrijf_beoordelingsformulieren
    from evaluatie.werkmap import Werkmap

    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_beoordelingsformulieren(Werkmap(ws))
    scores: dict[tuple[str, str], object] = {("X", c): 75 for c in ("Plan van aanpak", "Samenwerking")}
    for naam in ("ada", "bram"):
        vul_beoordeling(ws / "beoordelingen" / f"{naam}.xlsx", scores)
    assert _run("gunning", "--werkmap", ws).exit_code == 0
    pad = ws / "rapporten" / "gunning.json"
    pad.write_text(pad.read_text(encoding="utf-8").replace('"aantal": 10', '"aantal": 11'), encoding="utf-8")
    r = _run("contract", "start", "--werkmap", ws, "--datum", "2026-07-01", *DOOR)
    assert r.exit_code == 1 and "rapporten/gunning.json is niet de uitvoer van de laatste gunning" in r.output
    r = _run("contract", "start", "--werkmap", ws, "--datum", "2026-07-01")
    assert r.exit_code == 2 and "--door" in r.output and "--reden" in r.output


def test_premisse_van_de_herverdeling_spreekt_de_taal_van_het_contract(tmp_path: Path) -> None:
    """B1 awarded to Alfa (capacity 12) and Beta (20) for 20 inburgeraars, the contract started. Then Beta's bid is
    edited to capacity 5: the award cannot be computed again (12 + 5 = 17 places for 20). `contract uitval` said
    the award's diagnosis, 'Perceel B1-route: de geldige inschrijvers hebben samen 17 plaatsen', to the contract
    manager, as if the contract's suppliers were bidders and the tender still open. It now says that the award
    cannot be computed from the current files, so the re-allocation cannot be checked against it, which input
    changed, and where to read why. With Beta's bid at EUR 8.000 (capacity 20) the award is computed again but
    differs: the same, with the lot by its name."""
    from openpyxl import load_workbook

    from tests.test_contract_toelating import _werkmap

    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    bod = ws / "inschrijvingen" / "b.xlsx"
    for prijs, capaciteit, wat in (
        (9500, 5, "de gunning is uit de huidige bestanden niet opnieuw te berekenen, dus is niet na te gaan of een "
         "herverdeling de regels van de gunning volgt waarop het contract begon; eerst uitzoeken waarom ('evaluatie "
         "controleer' zegt het)."),
        (8000, 20, "de gunning geeft uit de huidige bestanden een andere verdeling dan bij de start van het contract; "
         "eerst uitzoeken waarom."),
    ):  # fmt: skip
        wb = load_workbook(bod)
        wb["Percelen"]["B2"], wb["Percelen"]["C2"] = prijs, capaciteit
        wb.save(bod)
        r = _run("contract", "uitval", "--werkmap", ws, "--route", "B1", "--aanbieder", "Alfa", "--per", "2026-09-01")
        assert r.exit_code == 1, r.output
        uit = " ".join(r.output.split())
        assert f"De uitval kan niet worden verwerkt: perceel B1-route: {wat}" in uit, uit
        assert " De invoer van de gunning is veranderd: inschrijvingen/b.xlsx: gewijzigd sinds de gunning" in uit, uit
        assert "inschrijver" not in uit, uit


def test_regel_die_aanbieders_telt_heet_in_de_weigering_naar_de_aanbieders(tmp_path: Path) -> None:
    """The same drop-out of Y, with B1 under max_leveranciers: 3 (three suppliers awarded, so the award is the same):
    a fresh allocation over X and Z would take Zuid from Z, the residual is needed, and a rule that counts suppliers
    cannot be applied exactly to it. The refusal named the rule in the award's nouns ('maximaal aantal inschrijvers')
    to the contract manager; it names the contracted suppliers, and the rule's field in aanbesteding.yaml."""
    ws, _ = _drie_aanbieders(tmp_path, {"max_leveranciers": 3})
    r = _run("contract", "uitval", "--werkmap", ws, "--route", "B1", "--aanbieder", "Y", "--per", "2026-11-01")
    assert r.exit_code == 1, r.output
    uit = " ".join(r.output.split())
    assert (
        "perceel B1-route: de plaatsingen die al vastliggen passen niet in een nieuwe verdeling over de overige "
        "aanbieders, en met die plaatsingen vast kan deze verdeelregel niet exact op het restant worden toegepast: "
        "maximaal aantal aanbieders (max_leveranciers). Neem de herverdeling per de start van het volgende "
        "contractjaar (--per)" in uit
    ), uit
    assert "inschrijver" not in uit, uit
