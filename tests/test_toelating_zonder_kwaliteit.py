"""An open-house lot without `minimum_kwaliteit` admits on the knock-out requirements alone: its quality decides
nothing. It still took the criteria of its criteria set: `template beoordeling` put its bids on every reviewer's form,
`gunning` waited for those scores, and the toelatingsbesluit sent 'Uw kwaliteitsscores' on criteria the systematiek
never published (it publishes criteria of an open house only with a minimum quality). Now such a lot has no criteria:
no form rows, no panel stage, no quality in the terminal, gunning.json or the letters; rows on forms made before are
set aside with the reason; criteria the tender writes for such a lot itself are an input error."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.cli import main
from tests.hulp import LOTING_WIE, html_tekst, kleine_aanbesteding, maak_werkmap, module_naast_b1, schrijf_bod


def _run(*args: str | Path) -> tuple[int, str]:
    r = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in r.output, r.output
    return r.exit_code, r.output


def _z_open_house(werkmap: Path, **z: object) -> None:
    """The example's Z-route as an open house without a minimum quality (its criteria come from the set)."""
    pad = werkmap / "aanbesteding.yaml"
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    data["percelen"]["Z"]["procedure"] = "toelating"
    data["percelen"]["Z"]["knockout"]["minimum_kwaliteit"] = False
    data["percelen"]["Z"].update(z)
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_formulieren_zonder_het_open_house_zonder_minimale_kwaliteit(voorbeeld: Path) -> None:
    _z_open_house(voorbeeld)
    for f in (voorbeeld / "beoordelingen").iterdir():
        f.unlink()
    code, uit = _run("template", "beoordeling", "--werkmap", voorbeeld)
    assert code == 0, uit
    ws = load_workbook(voorbeeld / "beoordelingen" / "anouk-verbeek.xlsx")["Beoordeling"]
    percelen = {r[1] for r in ws.iter_rows(min_row=6, values_only=True) if r[0]}
    # by hand: the example's B1 and onderwijs bids that pass the knock-out; Z's two were on the form before
    assert percelen == {"B1", "onderwijs"}
    code, uit = _run("beoordelingen", "--werkmap", voorbeeld)
    assert code == 2  # the new forms are empty
    assert "Z" not in {r.split("!")[0] for r in uit.splitlines()}


def test_gunning_zonder_kwaliteit_van_het_open_house(voorbeeld: Path) -> None:
    """The example's signed forms scored Inburgerwijs Academie and Kompas Inburgering in Z (A42:A49): set aside,
    never read as scores, and nothing in the stukken says their quality was scored."""
    _z_open_house(voorbeeld)
    code, uit = _run("gunning", "--werkmap", voorbeeld)
    assert code == 0, uit
    uit = " ".join(uit.split())
    assert (
        "anouk-verbeek.xlsx!Beoordeling!A42:A45: Inburgerwijs Academie, perceel Z, Plan van aanpak en maatwerk, "
        "Doorlopende instroom en wachttijd, Samenwerking met gemeente en klantmanager, Kwaliteitsborging en "
        "resultaten: opzijgezet, perceel Z-route is een open house zonder minimale kwaliteit: toegelaten wordt op de "
        "eisen alleen en de kwaliteit wordt niet beoordeeld"
    ) in uit
    z_tabel = uit.split("Perceel Z-route - toelatingsprocedure")[1].split("Niet toegelaten")[0]
    assert "Toegelaten inschrijver Prijs Verwacht volume" in z_tabel and "Kwaliteit" not in z_tabel
    gunning = json.loads((voorbeeld / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    assert [r["kwaliteit"] for r in gunning["percelen"]["Z"]["toegelaten"]] == [None, None]
    assert gunning["percelen"]["B1"]["rangorde"][0]["kwaliteit"] > 0  # B1 is scored as before
    brief = html_tekst(voorbeeld / "rapporten" / "brieven" / "kompas-inburgering-z.html")
    assert "Beslissing: toegelaten" in brief
    assert "kwaliteit" not in brief.lower() and "Beoordelaar" not in brief and "panel" not in brief
    advies = html_tekst(voorbeeld / "rapporten" / "gunningsadvies.html")
    z = advies.split("Bijlage 3. Perceel Z-route")[2].split("Bijlage 4")[0]
    assert "Gunningscriteria" not in z and "Kwaliteitsscore" not in z and "minstens 50,00 van 100" not in z
    code, uit = _run("template", "systematiek", "--werkmap", voorbeeld)
    assert code == 0, uit
    systematiek = html_tekst(voorbeeld / "gunningssystematiek.html")
    assert "Plan van aanpak" not in systematiek.split("Perceel Z-route")[-1].split("Bijlage")[0]
    code, uit = _run("beoordelingen", "--werkmap", voorbeeld)
    assert code == 0, uit
    assert "Perceel Z-route: niet beoordeeld; open house zonder minimale kwaliteit" in uit


def test_eigen_criteria_bij_een_open_house_zonder_minimale_kwaliteit_zijn_een_fout(voorbeeld: Path) -> None:
    _z_open_house(voorbeeld, gunningscriteria={"K9": {"naam": "Extra", "weging": 10}})
    code, uit = _run("toets", "--werkmap", voorbeeld)
    assert code == 2
    assert "percelen.Z.gunningscriteria (regel" in uit
    assert "zonder knock-outregel minimum_kwaliteit laat toe op de eisen alleen" in " ".join(uit.split())


def test_een_criterium_uitzetten_bij_een_open_house_zonder_minimale_kwaliteit_is_geen_fout(voorbeeld: Path) -> None:
    """'K4: false' writes no criterion: it removes one the lot would not score anyway. It got the error meant for
    criteria written for such a lot ('deze criteria zouden niet beoordeeld ... worden'), which says the opposite."""
    _z_open_house(voorbeeld)
    zonder_regel, _ = _run("toets", "--werkmap", voorbeeld)
    _z_open_house(voorbeeld, gunningscriteria={"K4": False})
    code, uit = _run("toets", "--werkmap", voorbeeld)
    assert "minimum_kwaliteit laat toe op de eisen alleen" not in " ".join(uit.split())
    assert code == zonder_regel


def test_minimale_kwaliteit_zonder_criteria_is_een_fout(tmp_path: Path) -> None:
    data = kleine_aanbesteding(procedure="toelating", beoordelaars=[])
    data["percelen"]["B1"]["gunningscriteria"] = {}
    data["percelen"]["B1"]["knockout"]["minimum_kwaliteit"] = {"drempel": 50}
    ws = maak_werkmap(tmp_path / "ws", data)
    code, uit = _run("toets", "--werkmap", ws)
    assert code == 2
    assert "percelen.B1.knockout.minimum_kwaliteit" in uit
    assert "een minimale kwaliteit vraagt gunningscriteria" in " ".join(uit.split())


def test_alleen_open_house_zonder_minimale_kwaliteit_vraagt_geen_panel(tmp_path: Path) -> None:
    """Reviewers are named (the helper names Ada and Bram), but no lot is scored: no forms, no wait for them."""
    data = module_naast_b1(kleine_aanbesteding(procedure="toelating"), "PVT", "Participatieverklaringstraject", 350)
    del data["percelen"]["B1"]
    for g in data["gemeenten"]:
        del g["inburgeraars"]["B1"]
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("PVT", 300, 20, 12, 4, "alle")])
    code, uit = _run("template", "beoordeling", "--werkmap", ws)
    assert code == 0, uit
    assert "er zijn geen beoordelingsformulieren nodig en er is er geen geschreven" in " ".join(uit.split())
    assert not list((ws / "beoordelingen").iterdir())
    code, uit = _run("beoordelingen", "--werkmap", ws)
    assert code == 0 and uit.startswith("Geen beoordeling: geen perceel laat het panel de kwaliteit beoordelen")
    code, uit = _run("template", "consensus", "--werkmap", ws)
    assert code == 2 and "er is geen consensusoverleg" in uit
    code, uit = _run("gunning", "--werkmap", ws)
    assert code == 0, uit
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert "Proces-verbaal van de beoordeling" not in advies and "beoordelaars" not in advies


def test_scenario_met_minimale_kwaliteit_in_het_open_house_zegt_waarom_er_geen_scores_zijn(voorbeeld: Path) -> None:
    """The what-if that adds a minimum quality to the open house needs scores the panel never gave: it said of each bid
    'zij viel in de uitgangssituatie af', while both were admitted there; it now says the lot was not scored."""
    _z_open_house(voorbeeld)
    code, uit = _run("scenario", "--werkmap", voorbeeld, "--zet", "percelen.Z.knockout.minimum_kwaliteit={drempel: 50}")
    assert code == 1, uit
    uit = " ".join(uit.split())
    assert (
        "in dit scenario beoordeelt perceel Z de kwaliteit, maar in de uitgangssituatie is de kwaliteit in dat perceel "
        "niet beoordeeld (open house zonder minimale kwaliteit); zonder kwaliteitsscores kan dit scenario niet worden "
        "doorgerekend"
    ) in uit
    assert uit.count("in dit scenario beoordeelt perceel Z") == 1 and "viel in de uitgangssituatie af" not in uit
    # a bid that did fall out in the baseline (Nieuwe Start Opleidingen, keurmerk expired) keeps its own reason
    code, uit = _run("scenario", "--werkmap", voorbeeld, "--zet", "percelen.B1.knockout.keurmerk=false")
    assert code == 1, uit
    assert (
        "in dit scenario voldoet Nieuwe Start Opleidingen in perceel B1 aan de knock-outeisen, maar zij viel in de "
        "uitgangssituatie af, dus telt er geen score van het panel voor haar mee"
    ) in " ".join(uit.split())


def test_loting_in_een_open_house_zegt_dat_er_geen_rangorde_is(voorbeeld: Path) -> None:
    """A draw for an open-house lot was refused with 'is geen onbesliste gelijke stand; onbesliste gelijke standen:
    geen' after the whole award was computed; it now says why there is no draw there, with the other wrong options."""
    _z_open_house(voorbeeld)
    code, uit = _run("loting", "--werkmap", voorbeeld, "--lots", "Z", "--volgorde",
                     "Inburgerwijs Academie;Kompas Inburgering", "--datum", "25-06-2021", "--getuige", "Jan", *LOTING_WIE)  # fmt: skip
    assert code == 2
    regels = [r.strip() for r in uit.split("Fout: ", 1)[1].splitlines() if r.strip()]
    assert regels[0] == (
        "--lots: perceel Z-route is een open house (procedure: toelating): daar wordt niet gerangschikt, dus is er "
        "geen gelijke stand en geen loting"
    )
    assert len(regels) == 2 and regels[1].startswith("--getuige: ")
    assert not (voorbeeld / "loting.yaml").exists()


def test_toelichting_abnormaal_laag_in_een_open_house_noemt_de_reden(voorbeeld: Path) -> None:
    """An art. 2.116 decision for an open-house lot said 'niet gesignaleerd als abnormaal laag' after computing the
    award, as if a signal could come; an open house compares no prices, and the refusal now says so at --lots."""
    _z_open_house(voorbeeld)
    code, uit = _run("toelichting", "--werkmap", voorbeeld, "--inschrijver", "Kompas Inburgering", "--lots", "Z",
                     "--ontvangen", "01-06-2021", "--uitkomst", "aanvaard", "--reden", "De toelichting is volledig.",
                     "--door", "S. Jansen, inkoopadviseur", "--datum", "02-06-2021")  # fmt: skip
    assert code == 2
    assert " ".join(uit.split()).endswith(
        "Fout: --lots: perceel Z-route is een open house (procedure: toelating): art. 2.116 Aanbestedingswet 2012 is "
        "niet van toepassing, want de prijzen worden niet met elkaar vergeleken; er is geen toelichting te beoordelen"
    )
    assert not (voorbeeld / "besluiten.yaml").exists()


def test_open_house_toelaten_wacht_niet_op_de_formulieren_van_andere_percelen(voorbeeld: Path) -> None:
    """`gunning --lots Z` for an open house without a minimum quality stopped at the B1 and onderwijs forms the
    panel had not filled in yet; it needs no score. The forms stay inputs by SHA-256 (controleer reproduces the award),
    named without the reviewers' names."""
    _z_open_house(voorbeeld)
    for f in (voorbeeld / "beoordelingen").iterdir():
        f.unlink()
    assert _run("template", "beoordeling", "--werkmap", voorbeeld)[0] == 0  # three empty forms
    code, uit = _run("gunning", "--werkmap", voorbeeld, "--lots", "Z")
    assert code == 0, uit
    assert (
        "Let op: de gekozen percelen (Z-route) laten het panel de kwaliteit niet beoordelen (open house zonder "
        "minimale kwaliteit); de bestanden in beoordelingen/ worden voor deze berekening niet gelezen"
    ) in " ".join(uit.split())
    gunning = json.loads((voorbeeld / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    invoer = [b["bestand"] for b in gunning["invoer"] if "beoordelingen" in b["bestand"]]
    assert invoer == [f"beoordelingen: bestand {i} (niet gelezen: geen kwaliteitsbeoordeling)" for i in (1, 2, 3)]
    advies = html_tekst(voorbeeld / "rapporten" / "gunningsadvies.html")
    assert "anouk-verbeek" not in advies and "beoordelingen: bestand 1 (niet gelezen" in advies
    code, uit = _run("controleer", "--werkmap", voorbeeld)
    assert code == 0, uit
    code, uit = _run("gunning", "--werkmap", voorbeeld, "--lots", "B1")  # B1 still waits for its scores
    assert code == 2 and "het formulier is nog niet ingevuld" in uit
