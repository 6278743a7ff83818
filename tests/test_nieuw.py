"""`evaluatie nieuw` end to end, the register of gemeenten, and forgiving gemeente names everywhere."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import yaml
from click.testing import CliRunner

from evaluatie.cli import main
from evaluatie.gemeentenamen import Namen, register_namen, sleutel
from evaluatie.gemeenteregister import arbeidsmarktregios, gemeenten, herindelingen
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, schrijf_yaml, vul_beoordeling

GOOI = ["Blaricum", "Eemnes", "Gooise Meren", "Hilversum", "Huizen", "Laren", "Wijdemeren"]


def _cli(*args: str):
    return CliRunner().invoke(main, list(args))


def _nieuw(map_: Path, *extra: str, publicatie: str = "2026-12-01"):
    return _cli(
        "nieuw",
        str(map_),
        "--naam",
        "Inburgering Gooi en Vechtstreek 2027",
        "--penvoerder",
        "Gemeente Hilversum",
        "--publicatie",
        publicatie,
        *extra,
    )


def _vul_aantallen(yaml_pad: Path, aantallen: dict[str, int]) -> None:
    """Replace each gemeente's placeholders the way a user edits the file: by hand, line by line."""
    regels = yaml_pad.read_text(encoding="utf-8").splitlines()
    huidig = None
    for i, regel in enumerate(regels):
        m = re.match(r"\s+- naam: (.+?)\s+#", regel)
        if m:
            huidig = m.group(1)
        if "inburgeraars:" in regel and huidig in aantallen:
            regels[i] = regel.replace("invullen", str(aantallen[huidig]))
    yaml_pad.write_text("\n".join(regels) + "\n", encoding="utf-8")


def test_nieuw_voor_een_regio_tot_en_met_de_gunning(tmp_path: Path) -> None:
    ws = tmp_path / "gooi"
    # published in the past, so the tender has closed when the award runs (else that is an open point too)
    args = ("--regio", "gooi- en vechtstreek", "--percelen", "b1", "--beoordelaars", "Ada, Bram")
    res = _nieuw(ws, *args, publicatie="2026-09-01")
    assert res.exit_code == 0, res.output
    assert f"Gemeenten (7): {', '.join(GOOI)}" in res.output
    for deel in ("inschrijvingen", "beoordelingen", "rapporten"):
        assert (ws / deel).is_dir()
    assert (ws / "inschrijfformulier.xlsx").is_file()
    tekst = (ws / "aanbesteding.yaml").read_text(encoding="utf-8")
    # subregio defaults to the arbeidsmarktregio; every volume is the explicit placeholder
    assert tekst.count("subregio: Gooi en Vechtstreek") == 7
    assert tekst.count("inburgeraars: {B1: invullen}") == 7
    assert "- naam: Laren   # GM0417, Noord-Holland" in tekst  # CBS's 'Laren (NH.)' written as the gemeente's name
    assert "#   capaciteit: {minimum_aandeel: 0.1}" in tekst  # the criteria set's own value, as a comment

    # the placeholders block evaluation, naming gemeente and lot, and nothing else is reported missing
    res = _cli("inschrijvingen", "--werkmap", str(ws))
    assert res.exit_code == 2
    assert "Fouten in de invoer (7):" in res.output
    regel = tekst.splitlines().index("  - naam: Hilversum   # GM0402, Noord-Holland") + 3  # the inburgeraars line
    assert (
        f"aanbesteding.yaml: gemeenten[4].inburgeraars.B1 (regel {regel}): het verwachte aantal inburgeraars per jaar "
        "van Hilversum voor perceel B1 is nog niet ingevuld ('invullen')"
    ) in res.output
    res = _cli("gunning", "--werkmap", str(ws), "--lots", "B1")
    assert res.exit_code == 2 and "van Wijdemeren voor perceel B1 is nog niet ingevuld" in res.output

    # 4+2+21+46+11+4+10 = 98 inburgeraars in B1 (the example's B1 volumes)
    aantallen = {"Blaricum": 4, "Eemnes": 2, "Gooise Meren": 21, "Hilversum": 46, "Huizen": 11, "Laren": 4}
    aantallen["Wijdemeren"] = 10
    _vul_aantallen(ws / "aanbesteding.yaml", aantallen)
    # the bid form written by `nieuw` is the one bidders fill in; names are forgiving in bids too
    schrijf_bod(ws, "alfa.xlsx", "Alfa Taal", "11111111", [("B1", 8000, 60, 12, 4, "alle")])
    schrijf_bod(
        ws,
        "beta.xlsx",
        "Beta Inburgering",
        "22222222",
        [("B1", 9000, 60, 12, 4, "gemeente blaricum; EEMNES; gooise-meren; Hilversum; Huizen; Laren; Wijdemeren")],
    )
    res = _cli("inschrijvingen", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    res = _cli("template", "beoordeling", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    criteria = ["Plan van aanpak en maatwerk", "Doorlopende instroom en wachttijd"]
    criteria += ["Samenwerking met gemeente en klantmanager", "Kwaliteitsborging en resultaten"]
    scores = {("Alfa Taal", c): "goed" for c in criteria} | {("Beta Inburgering", c): "voldoende" for c in criteria}
    for naam in ("ada", "bram"):
        vul_beoordeling(ws / "beoordelingen" / f"{naam}.xlsx", scores)
    # the sender placeholders written by `nieuw` are open points: a CONCEPT advies, no letters, exit 1
    res = _cli("gunning", "--werkmap", str(ws), "--lots", "B1")
    assert res.exit_code == 1, res.output
    for veld in ("afzender.adres", "afzender.contactpersoon", "afzender.ondertekenaar"):
        assert f"aanbesteding.yaml: {veld}" in res.output
    assert not (ws / "rapporten" / "brieven").exists()
    yaml_pad = ws / "aanbesteding.yaml"
    tekst = yaml_pad.read_text(encoding="utf-8")
    tekst = tekst.replace("adres: [invullen, invullen]", "adres: [Postbus 9900, 1201 GM Hilversum]")
    tekst = tekst.replace(  # a contact needs a phone number or e-mail address too (else an open point)
        "{naam: invullen, functie: invullen, telefoon: '', email: ''}",
        "{naam: S. Jansen, functie: inkoper, telefoon: 035 629 00 00, email: ''}",
    )
    tekst = tekst.replace("{naam: invullen, functie: invullen}", "{naam: A. de Vries, functie: afdelingshoofd}")
    yaml_pad.write_text(tekst, encoding="utf-8")
    res = _cli("gunning", "--werkmap", str(ws), "--lots", "B1")
    assert res.exit_code == 0, res.output
    uitslag = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))["percelen"]["B1"]
    # Alfa: quality 75, price score 100 -> 0,6*75 + 0,4*100 = 85; Beta: 50 and 8000/9000*100 = 88,89 -> 65,56
    assert [r["inschrijver"] for r in uitslag["rangorde"]] == ["Alfa Taal", "Beta Inburgering"]
    per_gemeente: dict[str, int] = {}
    per_inschrijver: dict[str, int] = {}
    for t in uitslag["toewijzing"]:
        per_gemeente[t["gemeente"]] = per_gemeente.get(t["gemeente"], 0) + t["aantal"]
        per_inschrijver[t["inschrijver"]] = per_inschrijver.get(t["inschrijver"], 0) + t["aantal"]
    assert per_gemeente == aantallen  # every filled-in volume allocated, under the tender's own names
    # the first-ranked bidder gets its full capacity of 60, the other the remaining 98 - 60 = 38
    assert per_inschrijver == {"Alfa Taal": 60, "Beta Inburgering": 38}
    # the reports: the advice, a letter per bidder and a page per gemeente of the regio
    assert (ws / "rapporten" / "gunningsadvies.html").is_file()
    assert len(list((ws / "rapporten" / "brieven").glob("*.docx"))) == 2
    assert len(list((ws / "rapporten" / "gemeenten").glob("*.html"))) == 7


def test_nieuw_licht_iedere_instelling_van_het_schema_toe(tmp_path: Path) -> None:
    """Every field the schema allows appears in the new file, set or as a commented example, so a
    field added to the schema later without a line in `evaluatie nieuw` fails here."""
    ws = tmp_path / "ws"
    assert _nieuw(ws, "--gemeenten", "Almere", "--percelen", "B1,onderwijs").exit_code == 0
    tekst = (ws / "aanbesteding.yaml").read_text(encoding="utf-8")
    schema = Path(__file__).resolve().parents[1] / "criteria" / "schema"
    for bestand, inspringing in (("aanbesteding.schema.json", ""), ("perceel.schema.json", "    ")):
        velden = json.loads((schema / bestand).read_text(encoding="utf-8"))["properties"]
        for veld in velden:
            assert re.search(rf"^{inspringing}(# )?{veld}:", tekst, re.M), (
                f"{bestand}: veld '{veld}' ontbreekt in de uitleg van evaluatie nieuw (evaluatie/nieuw/aanmaken.py)"
            )
    data = json.loads((schema / "aanbesteding.schema.json").read_text(encoding="utf-8"))
    for veld in data["properties"]["data"]["properties"]:
        assert re.search(rf"^  (# )?{veld}:", tekst, re.M), veld


def test_nieuw_overschrijft_nooit_een_bestaande_aanbesteding(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    assert _nieuw(ws, "--gemeenten", "Almere, Dronten, Lelystad").exit_code == 0
    voor = (ws / "aanbesteding.yaml").read_bytes()
    formulier = (ws / "inschrijfformulier.xlsx").read_bytes()
    res = _nieuw(ws, "--gemeenten", "Zwolle")
    assert res.exit_code == 2
    assert "hier staat al een aanbesteding (aanbesteding.yaml, inschrijfformulier.xlsx)" in res.output
    assert (ws / "aanbesteding.yaml").read_bytes() == voor
    assert (ws / "inschrijfformulier.xlsx").read_bytes() == formulier
    # bids alone also count as an existing tender
    andere = tmp_path / "andere"
    (andere / "inschrijvingen").mkdir(parents=True)
    (andere / "inschrijvingen" / "bod.xlsx").write_bytes(b"x")
    res = _nieuw(andere, "--gemeenten", "Zwolle")
    assert res.exit_code == 2 and "(inschrijvingen/)" in res.output
    assert not (andere / "aanbesteding.yaml").exists()


def test_nieuw_met_tikfouten_noemt_de_dichtstbijzijnde_namen_en_schrijft_niets(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    res = _nieuw(
        ws,
        "--sluiting",
        "2026-11-30",
        "--gemeenten",
        "Almere, Dronten, Lelystat, Weesp, Bergen",
        "--regio",
        "Food Vally",
        "--percelen",
        "B1,onderwys",
    )
    assert res.exit_code == 2
    for verwacht in (
        "--gemeenten: 'Lelystat' is geen gemeente per 1 januari 2026 (CBS); bedoelt u Lelystad?",
        "--gemeenten: 'Weesp' is geen gemeente per 1 januari 2026 (CBS); de gemeente Weesp bestaat sinds "
        "24 maart 2022 niet meer en is opgegaan in Amsterdam; bedoelt u Amsterdam?",
        "'Bergen' is geen gemeente per 1 januari 2026 (CBS); bedoelt u Bergen (L.), Bergen (NH.)",
        "--regio: 'Food Vally' is geen arbeidsmarktregio; bedoelt u FoodValley?",
        "--percelen: 'onderwys' is geen perceel; bedoelt u onderwijs?",
    ):
        assert verwacht in res.output, verwacht
    assert "--sluiting: 30 november 2026 ligt niet na de publicatie (1 december 2026)" in res.output
    assert "Fouten in de invoer (6):" in res.output  # all at once
    assert not ws.exists()


def test_nieuw_met_eigen_subregios(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    res = _nieuw(ws, "--regio", "Gooi en Vechtstreek", "--subregio", "BEL=Blaricum, eemnes, Laren")
    assert res.exit_code == 0, res.output
    tekst = (ws / "aanbesteding.yaml").read_text(encoding="utf-8")
    assert tekst.count("subregio: BEL") == 3 and tekst.count("subregio: Gooi en Vechtstreek") == 4
    res = _nieuw(
        tmp_path / "fout", "--regio", "Gooi en Vechtstreek", "--subregio", "BEL=Blaricum,Larne", "--subregio", "x"
    )
    assert res.exit_code == 2
    assert "--subregio: gemeente 'Larne' doet niet mee aan deze aanbesteding; bedoelt u Laren?" in res.output
    assert "--subregio: 'x': verwacht NAAM=gemeente,gemeente" in res.output


def test_bod_met_onbekende_of_opgeheven_gemeente_krijgt_een_suggestie(tmp_path: Path) -> None:
    data = kleine_aanbesteding()
    data["gemeenten"] = [
        {"naam": "Hilversum", "subregio": "A", "inburgeraars": {"B1": 10}},
        {"naam": "Amsterdam", "subregio": "A", "inburgeraars": {"B1": 6}},
        {"naam": "Vught", "subregio": "B", "inburgeraars": {"B1": 4}},
    ]
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 20, 12, 4, "Hilversun; Weesp; Haaren; Vught, Amsterdam")])
    res = _cli("inschrijvingen", "--werkmap", str(ws))
    assert res.exit_code == 2
    assert (
        "a.xlsx!Percelen!F2: gemeente 'Hilversun' hoort niet bij deze aanbesteding; bedoelt u Hilversum?" in res.output
    )
    assert (
        "gemeente 'Weesp' hoort niet bij deze aanbesteding; de gemeente Weesp bestaat sinds 24 maart 2022 "
        "niet meer en is opgegaan in Amsterdam; bedoelt u Amsterdam?"
    ) in res.output
    # Haaren was split over four gemeenten; only Vught is in this tender (messages wrap at 200 characters)
    assert "opgegaan in Boxtel, Oisterwijk, Tilburg en Vught; bedoelt u Vught?" in " ".join(res.output.split())
    # a list in one part of the cell: the form's separator, with the cell as it should read
    assert (
        "'Vught, Amsterdam' zijn 2 gemeenten gescheiden door komma's, / of 'en'; scheid ze met ; op één regel, "
        "bijvoorbeeld 'Vught; Amsterdam'"
    ) in " ".join(res.output.split())


def test_yaml_namen_vergevingsgezind_en_opgeheven_gemeente_geweigerd(tmp_path: Path) -> None:
    from evaluatie.definitie import laad_aanbesteding
    from evaluatie.fouten import InvoerFout

    data = kleine_aanbesteding()
    data["percelen"]["B1"]["gemeenten"] = ["gemeente  NOORD", "oost"]
    for g in data["gemeenten"]:  # the others leave B1: a number there would count nowhere (an input error)
        if g["naam"] not in ("Noord", "Oost"):
            g["inburgeraars"]["B1"] = 0
    data["percelen"]["B1"]["verdeling"] = {"budget_per_gemeente": {"Gemeente Noord": 100000}}
    alleen = {**data, "gemeenten": data["gemeenten"][:2]}  # Zuid, in no lot, would be an input error of her own
    aanbesteding, _ = laad_aanbesteding(schrijf_yaml(tmp_path / "a" / "aanbesteding.yaml", alleen))
    assert aanbesteding.percelen["B1"].gemeenten == ("Noord", "Oost")
    assert aanbesteding.percelen["B1"].verdeling.budget_per_gemeente == {"Noord": 100000}
    assert aanbesteding.vraag("B1") == {"Noord": 10, "Oost": 6}

    data["percelen"]["B1"]["gemeenten"] = ["Noord", "Oots"]
    data["percelen"]["B1"]["verdeling"] = {}
    data["gemeenten"].append({"naam": "Weesp", "subregio": "B", "inburgeraars": {"B1": 1}})
    try:
        laad_aanbesteding(schrijf_yaml(tmp_path / "b" / "aanbesteding.yaml", data))
        raise AssertionError("verwacht InvoerFout")
    except InvoerFout as e:
        fouten = [str(f) for f in e.fouten]
    assert any("gemeente 'Oots' staat niet onder gemeenten; bedoelt u Oost?" in f for f in fouten), fouten
    # published 5 January 2026, long after Weesp joined Amsterdam
    assert any(
        "gemeenten[4].naam" in f and "de gemeente Weesp bestaat sinds 24 maart 2022 niet meer" in f for f in fouten
    )
    # a tender published before the merger may name Weesp
    data["data"]["publicatie"] = "2021-04-01"
    data["percelen"]["B1"]["gemeenten"] = "alle"
    laad_aanbesteding(schrijf_yaml(tmp_path / "c" / "aanbesteding.yaml", data))


def test_zet_met_gemeentenaam_en_tikfout(tmp_path: Path) -> None:
    from evaluatie.scenario.zet import ZetFout, pas_toe

    data = kleine_aanbesteding()
    uit = pas_toe(data, ["gemeenten.gemeente oost.inburgeraars.B1=9"])
    assert uit["gemeenten"][1]["inburgeraars"]["B1"] == 9
    try:
        pas_toe(data, ["gemeenten.Oots.inburgeraars.B1=9"])
        raise AssertionError("verwacht ZetFout")
    except ZetFout as e:
        assert str(e) == "gemeenten.Oots: 'Oots' staat niet in de lijst; bedoelt u Oost?"
    # a name in a lot list set with --zet goes through the same check as the YAML (the scenario's
    # second run loads the changed definition exactly like this)
    from evaluatie.fouten import InvoerFout
    from evaluatie.pipeline import laad_invoer
    from evaluatie.werkmap import Werkmap

    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    try:
        laad_invoer(Werkmap(ws), pas_toe(data, ["percelen.B1.gemeenten=[Noord, Zuidd]"]))
        raise AssertionError("verwacht InvoerFout")
    except InvoerFout as e:
        assert [str(f) for f in e.fouten] == [
            "aanbesteding.yaml (met --zet): percelen.B1.gemeenten[2]: gemeente 'Zuidd' staat niet onder gemeenten; "
            "bedoelt u Zuid?"
        ]


def test_init_wijst_naar_nieuw(tmp_path: Path) -> None:
    res = _cli("init", str(tmp_path / "x"), "--regio", "Flevoland")
    assert res.exit_code == 2 and "de opdracht heet 'evaluatie nieuw'" in res.output
    assert not (tmp_path / "x").exists()


def test_regio_toont_de_regios_en_hun_gemeenten() -> None:
    res = _cli("regio")
    assert res.exit_code == 0 and len([r for r in res.output.splitlines() if r.startswith("AM")]) == 35
    assert "AM12  Gooi en Vechtstreek (7 gemeenten)" in res.output
    res = _cli("regio", "flevoland")
    assert res.exit_code == 0
    assert res.output.splitlines()[1:] == [
        "  GM0034  Almere (Flevoland)",
        "  GM0303  Dronten (Flevoland)",
        "  GM0995  Lelystad (Flevoland)",
        "  GM0171  Noordoostpolder (Flevoland)",
        "  GM0184  Urk (Flevoland)",
    ]
    res = _cli("regio", "Zwole")
    assert res.exit_code == 2 and "'Zwole' is geen arbeidsmarktregio; bedoelt u Regio Zwolle?" in res.output


def test_namen_matchen_vergevingsgezind() -> None:
    assert sleutel("Gemeente  Súdwest-Fryslân ") == sleutel("sudwest fryslan")
    register = register_namen()
    assert register.zoek("Den Haag") == "'s-Gravenhage"
    assert register.zoek("hengelo") == "Hengelo (O.)"
    assert register.zoek("Bergen") is None  # two gemeenten: never a guess
    assert register.suggesties("Bergen")[:2] == ["Bergen (L.)", "Bergen (NH.)"]
    tender = Namen(["Laren", "Huizen"])
    assert tender.zoek("Laren (NH.)") == "Laren"
    assert tender.zoek("Larne") is None
    assert tender.melding("Larne", "onbekend") == "'Larne' onbekend; bedoelt u Laren?"


def test_register_is_compleet_en_consistent() -> None:
    alle = gemeenten()
    # CBS: 342 gemeenten on 1 January 2026 (no herindeling since 1 January 2023), 35 arbeidsmarktregio's
    assert len(alle) == 342
    assert len({g.cbscode for g in alle}) == 342 and all(re.fullmatch(r"GM\d{4}", g.cbscode) for g in alle)
    assert len(arbeidsmarktregios()) == 35
    assert len({g.arbeidsmarktregio_code for g in alle}) == 35
    assert len({g.provincie for g in alle}) == 12
    assert [g.naam for g in arbeidsmarktregios()["Gooi en Vechtstreek"]] == [
        "Blaricum",
        "Eemnes",
        "Gooise Meren",
        "Hilversum",
        "Huizen",
        "Laren (NH.)",
        "Wijdemeren",
    ]
    huidig = {g.naam for g in alle}
    for h in herindelingen():
        assert h.naam not in huidig
        assert set(h.opgegaan_in) <= huidig
    bestand = Path(__file__).resolve().parents[1] / "criteria" / "gemeenten" / "gemeenten-2026.csv"
    with bestand.open(encoding="utf-8") as f:
        assert next(csv.reader(f)) == ["cbscode", "naam", "provincie", "arbeidsmarktregio_code", "arbeidsmarktregio"]


def test_arrondissementen_dekken_het_register_een_keer() -> None:
    """criteria/gemeenten/arrondissementen-2026.csv: every gemeente of the register once, with its own CBS code and
    name, in one of the eleven arrondissementen of art. 1 Wet op de rechterlijke indeling, or open where the README
    found no source (Loon op Zand, Vijfheerenlanden). The parts the law states by province or by name, as the README
    reads them: Amsterdam is the six gemeenten of art. 4, Gelderland the province (art. 5a), Groningen, Fryslân and
    Drenthe are Noord-Nederland, Overijssel and Limburg their own, Flevoland and the Gooi Midden-Nederland."""
    from evaluatie.besluiten.rechtbank import RECHTBANKEN

    bestand = Path(__file__).resolve().parents[1] / "criteria" / "gemeenten" / "arrondissementen-2026.csv"
    with bestand.open(encoding="utf-8", newline="") as f:
        rijen = list(csv.DictReader(f))
    register = {g.cbscode: g for g in gemeenten()}
    assert sorted(r["cbscode"] for r in rijen) == sorted(register)  # each once, no other
    assert all(register[r["cbscode"]].naam == r["naam"] for r in rijen)
    assert len(RECHTBANKEN) == 11 and {r["arrondissement"] for r in rijen} == {*RECHTBANKEN, ""}
    assert sorted(r["naam"] for r in rijen if not r["arrondissement"]) == ["Loon op Zand", "Vijfheerenlanden"]
    per = {r["cbscode"]: r["arrondissement"] for r in rijen}
    assert sorted(register[c].naam for c, a in per.items() if a == "Amsterdam") == [
        "Aalsmeer", "Amstelveen", "Amsterdam", "Diemen", "Ouder-Amstel", "Uithoorn",
    ]  # fmt: skip
    provincie = {
        "Gelderland": "Gelderland", "Groningen": "Noord-Nederland", "Fryslân": "Noord-Nederland",
        "Drenthe": "Noord-Nederland", "Overijssel": "Overijssel", "Limburg": "Limburg", "Zeeland": "Zeeland-West-Brabant",
        "Flevoland": "Midden-Nederland",
    }  # fmt: skip
    for c, g in register.items():
        if g.provincie in provincie:
            assert per[c] == provincie[g.provincie], g
    gooi = ["Blaricum", "Gooise Meren", "Hilversum", "Huizen", "Laren (NH.)", "Wijdemeren"]
    assert (
        sorted(g.naam for c, g in register.items() if g.provincie == "Noord-Holland" and per[c] == "Midden-Nederland")
        == gooi
    )
    assert {per[c] for c, g in register.items() if g.provincie == "Zuid-Holland"} == {"Den Haag", "Rotterdam"}


def test_een_gemeentenaam_met_een_komma_in_gemeenten_en_subregio(tmp_path: Path) -> None:
    """'Nuenen, Gerwen en Nederwetten' (CBS) is the one gemeente with a comma in its name: --gemeenten split it into
    'Nuenen' and 'Gerwen en Nederwetten', both unknown, and the hint 'bedoelt u Nuenen, Gerwen en Nederwetten?' could
    not be followed. The pieces that together are a gemeente stay one name; 'Nuenen', as everyone says, is it too."""
    doel = tmp_path / "zob"
    res = CliRunner().invoke(
        main,
        [
            "nieuw", str(doel), "--naam", "Inburgering Zuidoost-Brabant", "--penvoerder", "Gemeente Eindhoven",
            "--gemeenten", "Eindhoven,Nuenen, Gerwen en Nederwetten;Son en Breugel",
            "--subregio", "Noord=Son en Breugel,Nuenen, Gerwen en Nederwetten",
        ],
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    gemeenten_yaml = yaml.safe_load((doel / "aanbesteding.yaml").read_text(encoding="utf-8"))["gemeenten"]
    assert [(g["naam"], g["subregio"]) for g in gemeenten_yaml] == [
        ("Eindhoven", "Zuidoost-Brabant"),
        ("Nuenen, Gerwen en Nederwetten", "Noord"),
        ("Son en Breugel", "Noord"),
    ]
    assert register_namen().zoek("Nuenen") == register_namen().zoek("Gemeente Nuenen c.a.")
    assert register_namen().zoek("Nuenen") == "Nuenen, Gerwen en Nederwetten"


def test_den_bosch_en_nuenen_ook_in_subregio_en_aanbesteding(tmp_path: Path) -> None:
    """README: Den Bosch, Den Haag and Nuenen are recognised as 's-Hertogenbosch, 's-Gravenhage and Nuenen, Gerwen en
    Nederwetten wherever gemeenten are compared. Only the register knew them: `--gemeenten "Den Bosch"` was accepted
    and the same name in `--subregio` was 'doet niet mee aan deze aanbesteding', as it was in a lot's list in
    aanbesteding.yaml (and in a bid)."""
    from evaluatie.definitie import laad_aanbesteding

    doel = tmp_path / "bosch"
    res = _cli(
        "nieuw", str(doel), "--naam", "Inburgering Meierij", "--penvoerder", "Gemeente Den Bosch",
        "--gemeenten", "Den Bosch,Vught,Nuenen", "--subregio", "Noord=Den Bosch,Vught", "--subregio", "Zuid=Nuenen",
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    yaml_pad = doel / "aanbesteding.yaml"
    data = yaml.safe_load(yaml_pad.read_text(encoding="utf-8"))
    assert [(g["naam"], g["subregio"]) for g in data["gemeenten"]] == [
        ("'s-Hertogenbosch", "Noord"),
        ("Vught", "Noord"),
        ("Nuenen, Gerwen en Nederwetten", "Zuid"),
    ]
    for g, aantal in zip(data["gemeenten"], (30, 0, 5), strict=True):
        g["inburgeraars"] = {"B1": aantal}
    data["percelen"]["B1"]["gemeenten"] = ["Den Bosch", "Vught", "Nuenen"]  # a gemeente in no lot is an input error
    aanbesteding, _ = laad_aanbesteding(schrijf_yaml(yaml_pad, data))
    assert aanbesteding.percelen["B1"].gemeenten == ("'s-Hertogenbosch", "Vught", "Nuenen, Gerwen en Nederwetten")
    assert aanbesteding.gemeente("gemeente den bosch") is aanbesteding.gemeenten[0]


def test_de_opdracht_die_nieuw_voorstelt_werkt_ook_bij_een_naam_met_spaties(tmp_path: Path) -> None:
    """`--regio Drenthe` leaves out Aa en Hunze and Assen (arbeidsmarktregio Groningen) and says what adds them. The
    suggestion read `--gemeenten Aa en Hunze --subregio 'Drenthe=Aa en Hunze'`: typed as shown, the shell passes 'en'
    and 'Hunze' as extra arguments and `nieuw` stops. The names are quoted where the shell needs it now, and the
    suggestion, typed as shown, adds the gemeente with that subregio."""
    import shlex

    res = _cli("nieuw", str(tmp_path / "a"), "--naam", "X", "--penvoerder", "Gemeente Emmen", "--regio", "Drenthe")
    assert res.exit_code == 0, res.output
    regel = next(r for r in res.output.splitlines() if r.startswith("Niet opgenomen: Aa en Hunze"))
    assert regel.endswith("voeg dan toe: --gemeenten 'Aa en Hunze' --subregio 'Drenthe=Aa en Hunze'."), regel
    extra = shlex.split(regel.split("voeg dan toe: ", 1)[1].removesuffix("."))
    res = _cli(
        "nieuw", str(tmp_path / "b"), "--naam", "X", "--penvoerder", "Gemeente Emmen", "--regio", "Drenthe", *extra
    )
    assert res.exit_code == 0, res.output
    data = yaml.safe_load((tmp_path / "b" / "aanbesteding.yaml").read_text(encoding="utf-8"))
    assert {"naam": "Aa en Hunze", "subregio": "Drenthe"}.items() <= data["gemeenten"][0].items()
    assert "Niet opgenomen: Aa en Hunze" not in res.output


def test_nuenen_staat_in_de_opsommingen_van_nieuw_tussen_aanhalingstekens(tmp_path: Path) -> None:
    """README, Gemeentenamen: in a list of gemeenten in a text 'Nuenen, Gerwen en Nederwetten' stands between
    quotation marks, else it reads as three places. `nieuw --regio Zuidoost-Brabant` printed 'opgenomen ..., Heeze-Leende,
    Nuenen, Gerwen en Nederwetten, Oirschot, ...' and 'Gemeenten (13): ...' the same way."""
    res = _cli(
        "nieuw", str(tmp_path / "a"), "--naam", "X", "--penvoerder", "Gemeente Eindhoven", "--regio", "Zuidoost-Brabant"
    )
    assert res.exit_code == 0, res.output
    uit = " ".join(res.output.split())
    assert 'Heeze-Leende, "Nuenen, Gerwen en Nederwetten", Oirschot' in uit, uit
    assert uit.count('"Nuenen, Gerwen en Nederwetten"') == 2, uit
    assert "Leende, Nuenen, Gerwen" not in uit


def test_het_formulier_van_nieuw_wordt_na_de_aantallen_opnieuw_geschreven(tmp_path: Path) -> None:
    """`nieuw` writes the bid form before the volumes are known ('nog niet bekend' on Perceelgegevens); the README's
    steps then sent that form, contradicting the systematiek with its numbers, and `template inschrijving` refused
    to replace it without saying why it differed. Now `nieuw` and the refusal say so, and --overschrijven fixes it."""
    from openpyxl import load_workbook

    doel = tmp_path / "ehv"
    res = CliRunner().invoke(
        main, ["nieuw", str(doel), "--naam", "Inburgering Eindhoven", "--penvoerder", "Gemeente Eindhoven",
               "--gemeenten", "Eindhoven", "--publicatie", "2026-01-05"],
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    assert "Het inschrijfformulier toont de aantallen per gemeente als 'nog niet bekend'; schrijf het opnieuw" in (
        " ".join(res.output.split())
    )
    pad = doel / "aanbesteding.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("B1: invullen", "B1: 25"), encoding="utf-8")
    res = CliRunner().invoke(main, ["template", "inschrijving", "--werkmap", str(doel)])
    assert res.exit_code == 2, res.output
    assert (
        "het toont ze als 'nog niet bekend'. Is het nog niet verstuurd, schrijf het dan opnieuw met --overschrijven"
        in (" ".join(res.output.split()))
    ), res.output
    res = CliRunner().invoke(main, ["template", "inschrijving", "--werkmap", str(doel), "--overschrijven"])
    assert res.exit_code == 0, res.output
    blad = load_workbook(doel / "inschrijfformulier.xlsx")["Perceelgegevens"]
    assert ("Eindhoven", "Zuidoost-Brabant", 25) in list(blad.iter_rows(values_only=True))


def test_een_verschreven_jaar_geeft_een_fout_en_geen_traceback(tmp_path: Path) -> None:
    """--publicatie 9999-12-20: the default closing 42 days later overflowed ('OverflowError: date value out of
    range', a traceback); in aanbesteding.yaml such a date passed and the letters' standstill period overflowed."""
    res = CliRunner().invoke(
        main, ["nieuw", str(tmp_path / "x"), "--naam", "X", "--penvoerder", "Gemeente Eindhoven",
               "--gemeenten", "Eindhoven", "--publicatie", "9999-12-20"],
    )  # fmt: skip
    assert res.exit_code == 2, res.output
    assert "--publicatie: 20 december 9999 ligt niet tussen 2000 en 2100; is het jaar verschreven?" in res.output
    assert not (tmp_path / "x").exists()
    data = kleine_aanbesteding()
    data["data"]["gunning"] = "9999-04-07"
    ws = maak_werkmap(tmp_path / "ws", data)
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(ws)])
    assert res.exit_code == 2, res.output
    assert "data.gunning (regel" in res.output and "7 april 9999 ligt niet tussen 2000 en 2100" in res.output


def test_twee_schrijfwijzen_van_een_subregio_worden_bij_subregio_gemeld(tmp_path: Path) -> None:
    """'Noord' and 'noord' in two --subregio options are two spellings of one subregio (an input error); the error
    was put at --gemeenten/--regio, an option that had nothing to do with it."""
    res = CliRunner().invoke(
        main, ["nieuw", str(tmp_path / "x"), "--naam", "X", "--penvoerder", "Gemeente Vught", "--gemeenten",
               "Vught,'s-Hertogenbosch", "--subregio", "Noord=Vught", "--subregio", "noord='s-Hertogenbosch",
               "--publicatie", "2026-01-05"],
    )  # fmt: skip
    assert res.exit_code == 2, res.output
    assert res.output.splitlines()[1].startswith(
        "  --subregio: subregio 'Noord' (gemeenten[1]) is hier geschreven als"
    ), res.output


def test_nieuw_noemt_een_regio_die_al_regio_heet_en_een_enkel_aantal(tmp_path: Path) -> None:
    """CBS names the labour-market region of Zwolle 'Regio Zwolle': the line read 'Arbeidsmarktregio Regio Zwolle: ...';
    one gemeente with one lot left '1 aantallen inburgeraars' to fill in (r110 found both)."""
    res = _nieuw(tmp_path / "zwolle", "--regio", "Zwolle", "--percelen", "b1")
    assert res.exit_code == 0, res.output
    assert "Regio Zwolle: opgenomen Dalfsen, " in res.output and "Arbeidsmarktregio Regio" not in res.output
    res = _nieuw(tmp_path / "almere", "--gemeenten", "Almere", "--percelen", "b1")
    assert res.exit_code == 0, res.output
    assert "(zoek op 'invullen'): 1 aantal inburgeraars;" in " ".join(res.output.split())
