"""Tender definition: JSON Schema errors with path and line, criteria sets, cross-checks."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from evaluatie.definitie import laad_aanbesteding
from evaluatie.fouten import InvoerFout
from tests.hulp import REPO, kleine_aanbesteding, schrijf_yaml


def _fouten(pad: Path) -> list[str]:
    with pytest.raises(InvoerFout) as e:
        laad_aanbesteding(pad)
    return [str(f) for f in e.value.fouten]


def test_schema_fout_noemt_pad_en_regel(tmp_path: Path) -> None:
    tekst = (REPO / "bids/voorbeeld/aanbesteding.yaml").read_text(encoding="utf-8")
    tekst = tekst.replace("  B1:\n    gemeenten: alle\n", "  B1:\n    gemeenten: alle\n    plafondprijs: tienduizend\n")
    pad = tmp_path / "aanbesteding.yaml"
    pad.write_text(tekst, encoding="utf-8")
    regel = tekst.splitlines().index("    plafondprijs: tienduizend") + 1
    assert _fouten(pad) == [
        f"aanbesteding.yaml: percelen.B1.plafondprijs (regel {regel}): verwacht een getal, kreeg 'tienduizend'"
    ]


def test_alle_schemafouten_samen_in_regelvolgorde(tmp_path: Path) -> None:
    data = kleine_aanbesteding(procedure="openbaar")
    data["gemeenten"][1]["inburgeraars"]["B1"] = "zes"
    del data["data"]["sluiting"]
    data["onbekend"] = 1
    fouten = _fouten(schrijf_yaml(tmp_path / "aanbesteding.yaml", data))
    assert len(fouten) == 4
    assert any("procedure (regel 3): verwacht een van gunning, toelating, kreeg 'openbaar'" in f for f in fouten)
    assert any("gemeenten[2].inburgeraars.B1" in f and "verwacht een geheel getal, kreeg 'zes'" in f for f in fouten)
    assert any("data (regel" in f and "verplicht veld ontbreekt: sluiting" in f for f in fouten)
    assert any("yaml: onbekend (regel " in f and "onbekend veld 'onbekend'" in f for f in fouten)
    regels = [int(f.split("(regel ")[1].split(")")[0]) for f in fouten]
    assert regels == sorted(regels)


def test_perceel_zonder_gemeenten_en_onbekende_gemeente(tmp_path: Path) -> None:
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["gemeenten"] = []
    data["percelen"]["Z"] = dict(data["percelen"]["B1"], gemeenten=["Noord", "Westerwolde"])
    data["gemeenten"][0]["inburgeraars"]["Z"] = 1
    fouten = _fouten(schrijf_yaml(tmp_path / "aanbesteding.yaml", data))
    assert any("percelen.B1.gemeenten" in f and "perceel B1 heeft geen deelnemende gemeenten" in f for f in fouten)
    assert any(
        "percelen.Z.gemeenten[2]" in f and "gemeente 'Westerwolde' staat niet onder gemeenten" in f for f in fouten
    )


def test_onbekende_knockoutregel_en_foute_parameter(tmp_path: Path) -> None:
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["knockout"] = {
        "keurmerk": {},
        "kleur": {},
        "capaciteit": {"minimum": 2, "minimum_aandeel": 0.1},
    }
    fouten = _fouten(schrijf_yaml(tmp_path / "aanbesteding.yaml", data))
    assert any("onbekende knock-outregel 'kleur'" in f and "capaciteit" in f for f in fouten)
    assert any("percelen.B1.knockout.capaciteit" in f and "precies een van" in f for f in fouten)


def test_criteriaset_met_overschrijving_van_een_waarde(tmp_path: Path) -> None:
    data = kleine_aanbesteding(criteriaset="inburgering-2022")
    data["gemeenten"][0]["inburgeraars"]["onderwijs"] = 3
    data["percelen"] = {
        "B1": {"weging": {"kwaliteit": 70, "prijs": 30}},
        "onderwijs": {"gemeenten": ["Noord"], "plafondprijs": 9000},
    }
    aanbesteding, _ = laad_aanbesteding(schrijf_yaml(tmp_path / "aanbesteding.yaml", data))
    b1, ond = aanbesteding.percelen["B1"], aanbesteding.percelen["onderwijs"]
    assert (b1.weging.kwaliteit, b1.weging.prijs) == (70, 30)
    assert b1.naam == "B1-route" and b1.plafondprijs == 10000
    assert "keurmerk" in b1.knockout
    assert "keurmerk" not in ond.knockout  # the set switches it off for the onderwijsroute
    assert ond.plafondprijs == 9000 and ond.gemeenten == ("Noord",)
    assert [c.code for c in b1.gunningscriteria] == ["K1", "K2", "K3", "K4"]
    assert aanbesteding.standstill_dagen == 20


def test_onbekende_criteriaset(tmp_path: Path) -> None:
    pad = schrijf_yaml(tmp_path / "aanbesteding.yaml", kleine_aanbesteding(criteriaset="bestaat-niet"))
    regel = pad.read_text(encoding="utf-8").splitlines().index("criteriaset: bestaat-niet") + 1
    assert _fouten(pad) == [
        f"aanbesteding.yaml: criteriaset (regel {regel}): criteriaset 'bestaat-niet' niet gevonden in criteria/"
    ]


def test_weging_moet_100_zijn(tmp_path: Path) -> None:
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["weging"] = {"kwaliteit": 70, "prijs": 40}
    fouten = _fouten(schrijf_yaml(tmp_path / "aanbesteding.yaml", data))
    assert any("percelen.B1.weging" in f and "moet 100 zijn, is 110" in f for f in fouten)


def test_geen_geldige_yaml(tmp_path: Path) -> None:
    pad = tmp_path / "aanbesteding.yaml"
    pad.write_text("naam: [onaf\n", encoding="utf-8")
    fouten = _fouten(pad)
    assert len(fouten) == 1 and "geen geldige YAML" in fouten[0] and "(regel " in fouten[0]


def test_voorbeeld_criteriaset_is_geldig_yaml() -> None:
    data = yaml.safe_load((REPO / "criteria/inburgering-2022.yaml").read_text(encoding="utf-8"))
    assert data["naam"] == "inburgering-2022"


def test_schemafout_en_inhoudelijke_fout_in_een_run(tmp_path: Path) -> None:
    """A misspelled amount (schema) and an unknown gemeente in a perceel (content check) come together,
    not one per run; a place the schema already named is not reported twice."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["plafondprijs"] = "tienduizend"
    data["percelen"]["B1"]["gemeenten"] = ["Noord", "Westerwolde"]
    fouten = _fouten(schrijf_yaml(tmp_path / "aanbesteding.yaml", data))
    assert any("percelen.B1.plafondprijs" in f and "verwacht een getal, kreeg 'tienduizend'" in f for f in fouten)
    assert any(
        "percelen.B1.gemeenten[2]" in f and "gemeente 'Westerwolde' staat niet onder gemeenten" in f for f in fouten
    )
    assert len(fouten) == len(set(fouten)) == 2


def test_schemafout_met_onleesbare_vorm_geeft_geen_traceback(tmp_path: Path) -> None:
    """Data the schema rejects in its shape (percelen as a list) skips the content checks quietly."""
    data = kleine_aanbesteding()
    data["percelen"] = [data["percelen"]["B1"]]
    fouten = _fouten(schrijf_yaml(tmp_path / "aanbesteding.yaml", data))
    assert fouten and all("percelen" in f for f in fouten)


def test_procedure_en_criteriaset_per_perceel(tmp_path: Path) -> None:
    """The tender's procedure and criteria set are defaults; a lot overrides each with the same key."""
    data = kleine_aanbesteding(criteriaset="inburgering-2022")
    for g in data["gemeenten"]:
        g["inburgeraars"].update({"PVT": 2, "MAP": 1})
    data["percelen"] = {"B1": {}, "PVT": {"procedure": "toelating"}, "MAP": {"criteriaset": "eigen-map"}}
    (tmp_path / "criteria").mkdir()
    (tmp_path / "criteria" / "eigen-map.yaml").write_text(
        "naam: eigen-map\n"
        "perceel_standaard:\n"
        "  plafondprijs: 480\n"
        "  schaal: {stappen: [0, 50, 100]}\n"
        "  knockout: {plafondprijs: {}}\n"
        "  gunningscriteria: {M1: {naam: Werkgeverscontact, weging: 100, omschrijving: Hoe werkgevers meedoen.}}\n",
        encoding="utf-8",
    )
    aanbesteding, _ = laad_aanbesteding(schrijf_yaml(tmp_path / "aanbesteding.yaml", data))
    b1, pvt, map_ = (aanbesteding.percelen[c] for c in ("B1", "PVT", "MAP"))
    assert (b1.procedure, pvt.procedure, map_.procedure) == ("gunning", "toelating", "gunning")
    assert aanbesteding.procedures() == {"gunning", "toelating"}
    # PVT from the bundled set: its own ceiling and criteria, no keurmerk (the law does not ask it)
    assert pvt.plafondprijs == 350 and "keurmerk" not in pvt.knockout and "keurmerk" in b1.knockout
    assert [c.naam for c in pvt.gunningscriteria] == [
        "Programma en werkvormen", "Planning en bereikbaarheid", "Samenwerking en verslaglegging",
    ]  # fmt: skip
    # MAP from the workspace's own set, nothing from the tender-wide set
    assert map_.plafondprijs == 480 and [c.code for c in map_.gunningscriteria] == ["M1"]
    assert map_.criteriaset == "eigen-map" and set(map_.knockout) == {"plafondprijs"}
    assert aanbesteding.criteriasets == ("inburgering-2022", "eigen-map")


def test_raammaximum_bij_toelating_is_een_fout(tmp_path: Path) -> None:
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["procedure"] = "toelating"
    data["percelen"]["B1"]["raammaximum"] = {"opslag": 0.25}
    fouten = _fouten(schrijf_yaml(tmp_path / "aanbesteding.yaml", data))
    assert any("percelen.B1.raammaximum" in f and "sluit geen raamovereenkomst met een maximum" in f for f in fouten)


def test_raammaximum_met_opslag_en_trajecten_zegt_kies_een(tmp_path: Path) -> None:
    """Both forms of the framework maximum at once: the message was 'ongeldige waarde een lijst van velden', which
    says neither what is wrong nor what to do."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["raammaximum"] = {"opslag": 0.25, "trajecten": 400}
    pad = schrijf_yaml(tmp_path / "aanbesteding.yaml", data)
    regel = next(i for i, r in enumerate(pad.read_text(encoding="utf-8").splitlines(), 1) if "raammaximum" in r)
    assert _fouten(pad) == [
        f"aanbesteding.yaml: percelen.B1.raammaximum (regel {regel}): kies één van deze velden, niet 2 tegelijk: "
        "opslag, trajecten"
    ]


def test_keuze_tussen_vormen_in_het_nederlands(tmp_path: Path) -> None:
    """A value that may take one of several forms (a list of gemeenten or 'alle'; a knock-out rule as false or
    its parameters) was reported with the schema's English description ("ongeldige waarde een lijst:
    Participating gemeenten, or the word 'alle'"). Now in Dutch: the error inside the form that fits the value,
    or the forms that are allowed."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["gemeenten"] = ["Noord", "Oost", "Noord"]
    data["percelen"]["B1"]["knockout"]["keurmerk"] = "ja"
    data["percelen"]["Z"] = dict(data["percelen"]["B1"], gemeenten=5, knockout={})
    data["gemeenten"][0]["inburgeraars"]["Z"] = 1
    fouten = _fouten(schrijf_yaml(tmp_path / "aanbesteding.yaml", data))
    assert any("percelen.B1.gemeenten (regel" in f and f.endswith("): bevat 'Noord' twee keer") for f in fouten), fouten
    assert any(
        "percelen.B1.knockout.keurmerk (regel" in f
        and f.endswith("): verwacht false of een lijst van velden (sleutel: waarde), kreeg 'ja'")
        for f in fouten
    ), fouten
    assert any(
        "percelen.Z.gemeenten (regel" in f and f.endswith("): verwacht een lijst of 'alle', kreeg 5") for f in fouten
    ), fouten
    assert not any("Participating" in f or "switches" in f for f in fouten), fouten


def test_data_in_de_volgorde_van_de_procedure(tmp_path: Path) -> None:
    """Publication, closing, decision and sending follow each other; a keurmerk reference date after the
    decision cannot be checked at the decision. A tender closing before its publication and letters dated
    before the closing were accepted and the letters written."""
    data = kleine_aanbesteding()
    data["data"] = {
        "publicatie": "2026-10-20",
        "sluiting": "2026-10-15",
        "keurmerk_peildatum": "2026-12-01",
        "gunning": "2026-10-10",
        "verzending": "2026-10-01",
    }
    fouten = _fouten(schrijf_yaml(tmp_path / "aanbesteding.yaml", data))
    verwacht = {
        "data.sluiting": "de sluiting (15 oktober 2026) ligt niet na de publicatie (20 oktober 2026)",
        "data.gunning": "de gunningsbeslissing (10 oktober 2026) ligt voor de sluiting (15 oktober 2026)",
        "data.verzending": "de verzending van de brieven (1 oktober 2026) ligt voor de gunningsbeslissing (10 oktober 2026)",
        "data.keurmerk_peildatum": "de peildatum van het keurmerk (1 december 2026) ligt na de gunningsbeslissing (10 oktober 2026)",
    }
    for veld, tekst in verwacht.items():
        assert any(f"yaml: {veld} (regel" in f and f.endswith(tekst) for f in fouten), (veld, fouten)
    assert len(fouten) == 4, fouten


def test_een_veld_van_een_criterium_uit_de_set_overschrijven(tmp_path: Path) -> None:
    """README: mappings merge key by key. 'K1: {weging: 30}' on a criterion of the set was refused with 'verplicht veld
    ontbreekt: naam' (the schema checked the tender's own text as if it were the whole criterion). The name comes from
    the set; a criterion that has no name in either is still an error, at that criterion."""
    bron = yaml.safe_load((REPO / "bids/voorbeeld/aanbesteding.yaml").read_text(encoding="utf-8"))
    # inburgering-2022, B1: K1 40, K2-K4 20 each; 30 + 30 + 20 + 20 = 100
    bron["percelen"]["B1"]["gunningscriteria"] = {"K1": {"weging": 30}, "K2": {"weging": 30}}
    pad = tmp_path / "aanbesteding.yaml"
    pad.write_text(yaml.safe_dump(bron, allow_unicode=True, sort_keys=False), encoding="utf-8")
    a, _ = laad_aanbesteding(pad)
    k1, k2 = a.percelen["B1"].gunningscriteria[:2]
    assert (k1.naam, k1.weging, k2.naam, k2.weging) == (
        "Plan van aanpak en maatwerk",
        30,
        "Doorlopende instroom en wachttijd",
        30,
    )
    bron["percelen"]["B1"]["gunningscriteria"] = {"K1": {"weging": 30}, "K2": {"weging": 29.5}, "K9": {"weging": 0.5}}
    pad.write_text(yaml.safe_dump(bron, allow_unicode=True, sort_keys=False), encoding="utf-8")
    meldingen = _fouten(pad)
    assert len(meldingen) == 1 and "percelen.B1.gunningscriteria.K9" in meldingen[0]
    assert "verplicht veld ontbreekt: naam (niet in de aanbesteding en niet in de criteriaset)" in meldingen[0]


def test_knockoutparameters_buiten_hun_bereik_en_in_het_nederlands(tmp_path: Path) -> None:
    """Parameters that knock out every bid in silence (instroom minimum 400 in a year of 366 days, wachttijd
    maximum_weken -1), a negative capacity, an English 'or' in 'verwacht een van 'alle' or 'subregio'', and
    'onbekende parameter 'geldig' van knock-outregel keurmerk toegestaan: (geen)' without a word of what to write."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["knockout"] = {
        "keurmerk": {"geldig": "ja"},
        "instroom": {"minimum": 400},
        "wachttijd": {"maximum_weken": -1},
        "capaciteit": {"minimum": -2},
        "dekking": {"eis": "gemeente"},
        "plafondprijs": {},
    }
    fouten = [f.split("): ", 1)[1] for f in _fouten(schrijf_yaml(tmp_path / "aanbesteding.yaml", data))]
    assert sorted(fouten) == sorted(
        [
            "onbekende parameter 'geldig' van knock-outregel keurmerk; deze regel heeft geen parameters: schrijf "
            "keurmerk: {}",
            "minimum: moet hoogstens 366 zijn, kreeg 400",
            "maximum_weken: moet minstens 0 zijn, kreeg -1",
            "minimum: moet minstens 0 zijn, kreeg -2",
            "eis: verwacht een van 'alle' of 'subregio', kreeg 'gemeente'",
        ]
    ), fouten


def test_een_dubbelzinnig_bedrag_is_een_fout_en_niet_twee(tmp_path: Path) -> None:
    """`plafondprijs: 12.500` gave '12.500 is dubbelzinnig ...; bedoelt u 12500?' and, at the same line,
    'plafondprijs 12.5: een bedrag onder EUR 50 is niet aannemelijk', a value nobody typed: two errors for one."""
    data = kleine_aanbesteding()
    pad = schrijf_yaml(tmp_path / "aanbesteding.yaml", data)
    pad.write_text(pad.read_text(encoding="utf-8").replace("plafondprijs: 10000", "plafondprijs: 12.500"), "utf-8")
    fouten = _fouten(pad)
    assert len(fouten) == 1 and "12.500 is dubbelzinnig" in fouten[0] and "bedoelt u 12500?" in fouten[0], fouten


def test_een_onmogelijk_lange_termijn_is_een_invoerfout(tmp_path: Path) -> None:
    """standstill_dagen: 10000000 (a slip of the keyboard) passed the schema, and the award crashed in the letters
    with 'OverflowError: date value out of range'; a term of 100.000 years passed as well."""
    data = kleine_aanbesteding(standstill_dagen=10_000_000, looptijd={"jaren": 100_000, "optiejaren": 1})
    fouten = [f.split(": ", 1)[1] for f in _fouten(schrijf_yaml(tmp_path / "aanbesteding.yaml", data))]
    assert sorted(f.split(" (regel")[0] + f.split(")", 1)[1] for f in fouten) == [
        "looptijd.jaren: moet <= 50 zijn, kreeg 100000",
        "standstill_dagen: moet <= 365 zijn, kreeg 10000000",
    ], fouten


def test_een_beoordelaar_die_consensus_heet_is_een_invoerfout(tmp_path: Path) -> None:
    """A reviewer named 'Consensus' got the form consensus.xlsx, the file of the panel's consensus workbook: the form
    was read as the consensus, and 'template consensus' would write over it."""
    data = kleine_aanbesteding(beoordelaars=["Consensus", "Bram"])
    fouten = _fouten(schrijf_yaml(tmp_path / "aanbesteding.yaml", data))
    assert len(fouten) == 1 and fouten[0].startswith("aanbesteding.yaml: beoordelaars[1] (regel"), fouten
    assert fouten[0].endswith(
        "beoordelaar 'Consensus' krijgt de bestandsnaam consensus.xlsx, die van het consensusformulier; geef de "
        "volledige naam (bijvoorbeeld met voorletters)"
    ), fouten
