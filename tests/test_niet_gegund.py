"""An award lot without a valid bid is 'niet gegund', and the rest of the award goes on. It stopped the whole award
(exit 1 for every lot): the user had to award the other lots with --lots and tell the bidders of that lot the reasons
without a letter. Now the other lots are awarded as alone, the lot is reported as not awarded in every document with
the reasons counted, each of its bidders gets a letter with its own status and reasons and no winner or standstill,
and the contract phase leaves it out of the register."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema

from evaluatie.pipeline import schrijf_beoordelingsformulieren
from evaluatie.werkmap import Werkmap
from tests.hulp import (
    REPO,
    gunningsperceel_naast_b1,
    html_tekst,
    kleine_aanbesteding,
    maak_werkmap,
    schrijf_bod,
    vul_beoordeling,
)
from tests.test_contract_toelating import DOOR, _run

SCORES_CRITERIA = ("Plan van aanpak", "Samenwerking")
SCORES = {(i, c): s for i, s in (("Alfa", 75), ("Beta", 50)) for c in SCORES_CRITERIA}


def _werkmap(root: Path, z: bool = True, zonder_zuid: bool = False) -> Path:
    """B1 (ceiling EUR 10.000) and Z-route (ceiling EUR 12.000), both by gunning. Alfa and Beta bid on B1 under the
    ceiling; on Z (with `z`) both above it (EUR 13.000 and 12.500), so both are ongeldig there; without `z` nobody
    bids on Z. `zonder_zuid`: Zuid does not join Z (only Noord and Oost)."""
    data = gunningsperceel_naast_b1(kleine_aanbesteding(), "Z", "Z-route", 12000)
    if zonder_zuid:
        data["percelen"]["Z"]["gemeenten"] = ["Noord", "Oost"]
        del data["gemeenten"][2]["inburgeraars"]["Z"]
    ws = maak_werkmap(root, data)
    alfa, beta = [("B1", 9000, 30, 12, 4, "alle")], [("B1", 9500, 30, 12, 4, "alle")]
    if z:
        alfa.append(("Z", 13000, 10, 12, 4, "alle"))
        beta.append(("Z", 12500, 10, 12, 4, "alle"))
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", alfa)
    schrijf_bod(ws, "b.xlsx", "Beta", "22222222", beta)
    schrijf_beoordelingsformulieren(Werkmap(ws))
    for naam in ("ada", "bram"):
        vul_beoordeling(ws / "beoordelingen" / f"{naam}.xlsx", SCORES)
    return ws


def _gunning_json(ws: Path) -> dict:
    data = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    schema = json.loads((REPO / "criteria/schema/gunning.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    return data


def test_perceel_zonder_geldige_inschrijving_niet_gegund_rest_gaat_door(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path / "ws")
    alleen = shutil.copytree(ws, tmp_path / "alleen")
    r = _run("gunning", "--werkmap", ws)
    assert r.exit_code == 0, r.output
    terminal = " ".join(r.output.split())
    assert (
        "Perceel Z-route - NIET GEGUND: geen van de 2 inschrijvingen op dit perceel is geldig (2 ongeldig)" in terminal
    )
    assert "Alfa (ongeldig): prijs per traject EUR 13.000,00 ligt boven de plafondprijs EUR 12.000,00" in terminal

    # gunning.json validates; the lot has a status, no ranking, no allocation, each bid with its status
    data = _gunning_json(ws)
    z = data["percelen"]["Z"]
    assert (z["status"], z["rangorde"], z["toewijzing"]) == ("niet gegund", [], [])
    assert [(x["inschrijver"], x["status"]) for x in z["uitgesloten"]] == [("Alfa", "ongeldig"), ("Beta", "ongeldig")]
    assert data["percelen"]["B1"]["status"] == "gegund"

    # B1 is awarded exactly as when it is awarded alone
    assert _run("gunning", "--werkmap", alleen, "--lots", "B1").exit_code == 0
    assert _gunning_json(alleen)["percelen"]["B1"] == data["percelen"]["B1"]
    for brief in ("alfa-b1.html", "beta-b1.html"):
        assert (ws / "rapporten" / "brieven" / brief).read_bytes() == (
            alleen / "rapporten" / "brieven" / brief
        ).read_bytes()

    # the letter on Z: the lot is not awarded, the bid's own status and reason; no winner, share or standstill
    brief = html_tekst(ws / "rapporten" / "brieven" / "alfa-z.html")
    for zin in (
        "Onderwerp: besluit tot niet-gunning Testaanbesteding, perceel Z-route",
        "Met deze brief informeren wij u over het besluit om dit perceel niet te gunnen.",
        "Beslissing: perceel niet gegund",
        "Wij gunnen perceel Z-route niet, omdat geen van de 2 inschrijvingen op dit perceel geldig is (2 ongeldig). Er "
        "is daarom geen rangorde en er wordt aan niemand gegund: voor dit perceel wordt geen raamovereenkomst gesloten.",
        "Uw inschrijving: ongeldig",
        "Uw prijs per traject van EUR 13.000,00 ligt boven de plafondprijs van EUR 12.000,00.",
        "Omdat voor dit perceel geen overeenkomst wordt gesloten, geldt voor dit perceel geen opschortende termijn. Bent "
        "u het niet eens met deze beslissing, dan kunt u een kort geding aanhangig maken bij de voorzieningenrechter "
        "van de Rechtbank Noord-Nederland.",
    ):
        assert zin in brief, zin
    for fout in (
        "Aan wie wordt gegund",
        "termijn van",
        "eindigt op",
        "vervaltermijn",
        "maximale omvang",
        "Beta",
        "gunningsbeslissing",
    ):
        assert fout not in brief, fout
    assert "EUR 12.500,00" in html_tekst(ws / "rapporten" / "brieven" / "beta-z.html")
    # the same bidder's letter on B1 is an award
    assert "Wij zijn voornemens perceel B1-route aan u te gunnen." in html_tekst(
        ws / "rapporten" / "brieven" / "alfa-b1.html"
    )

    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert (
        "Wij adviseren perceel Z-route niet te gunnen, omdat geen van de 2 inschrijvingen op dit perceel geldig is (2 "
        "ongeldig); en de inschrijvingen van Alfa en Beta ongeldig te verklaren, omdat niet aan de knock-outeisen is "
        "voldaan. Er wordt voor dit perceel geen raamovereenkomst gesloten: de deelnemende gemeenten (Noord, Oost en "
        "Zuid) hebben uit deze aanbesteding geen aanbieder voor perceel Z-route (samen 10 verwachte inburgeraars per "
        "jaar)."
    ) in advies
    assert "te gunnen aan ," not in advies
    # art. 2.116: nothing to compare on Z, said so, and the finding on B1 names B1 (not 'every valid bid')
    assert (
        "Geen enkele geldige inschrijving in perceel B1-route heeft een prijs die meer dan 20% onder het gemiddelde "
        "van de andere geldige inschrijvingen in het perceel ligt (art. 2.116 Aanbestedingswet 2012). Perceel Z-route "
        "(niet gegund): niet van toepassing; er is geen geldige inschrijving, dus zijn er geen prijzen om te "
        "vergelijken."
    ) in advies
    # Noord: B1 10 x EUR 9.000 against 10 x EUR 10.000; its 5 on Z are said apart, not added to either sum
    noord = html_tekst(ws / "rapporten" / "gemeenten" / "noord.html")
    assert (
        "Alle gegunde percelen samen: kosten EUR 90.000,00 per jaar tegen vraag maal plafondprijs van EUR 100.000,00. "
        "Niet meegeteld, want niet gegund: Z-route (5 verwachte inburgeraars per jaar zonder aanbieder uit deze "
        "aanbesteding)."
    ) in noord

    # byte for byte reproducible
    r = _run("controleer", "--werkmap", ws)
    assert r.exit_code == 0 and "byte voor byte gereproduceerd" in r.output, r.output

    # the contract starts for B1 only and says why Z is not there
    r = _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR)
    assert r.exit_code == 0, r.output
    assert "B1-route: Alfa; raammaximum 40 trajecten" in r.output
    assert (
        "Z-route: niet gegund (geen geldige inschrijving); geen overeenkomst, dus niet in het contractregister"
        in r.output
    )
    # a contract command or a placement list that names the lot hears why it is not in the contract
    r = _run(
        "contract", "advies", "--werkmap", ws, "--gemeente", "Noord", "--route", "z-route", "--peildatum", "2026-07-01"
    )
    assert r.exit_code == 2, r.output
    assert (
        "--route: 'z-route' is geen perceel van dit contract: Z-route is niet gegund (geen geldige inschrijving), dus is "
        "er geen overeenkomst (wel: B1)"
    ) in " ".join(r.output.split())
    lijst = tmp_path / "noord.csv"
    lijst.write_text(
        "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag\nK-1;Noord;aangemeld;10-07-2026;Z;Alfa;\n",
        encoding="utf-8",
    )
    r = _run("contract", "inlezen", "--werkmap", ws, lijst, "--datum", "2026-07-15")
    assert r.exit_code == 2, r.output
    assert "noord.csv!E2: route 'Z' is geen perceel van dit contract: Z-route is niet gegund" in r.output


def test_perceel_zonder_inschrijving(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path / "ws", z=False)
    r = _run("gunning", "--werkmap", ws)
    assert r.exit_code == 0, r.output
    assert "Perceel Z-route - NIET GEGUND: er is op dit perceel niet ingeschreven" in r.output
    z = _gunning_json(ws)["percelen"]["Z"]
    assert (z["status"], z["rangorde"], z["uitgesloten"]) == ("niet gegund", [], [])
    assert not list((ws / "rapporten" / "brieven").glob("*-z.*"))  # nobody to write to
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert "Wij adviseren perceel Z-route niet te gunnen, omdat er op dit perceel niet is ingeschreven." in advies
    assert (
        "Perceel Z-route: niet gegund. Daar wordt geen overeenkomst gesloten, dus is er geen opschortende termijn om af te wachten."
        in advies
    )
    assert "De brieven aan de inschrijvers op" not in advies

    import evaluatie

    uitkomst = evaluatie.open(ws).uitkomst()
    assert uitkomst.to_dict("records") == [
        {"perceel": "B1", "naam": "B1-route", "procedure": "gunning", "status": "gegund", "geldig": 2, "afgevallen": 0},
        {
            "perceel": "Z",
            "naam": "Z-route",
            "procedure": "gunning",
            "status": "niet gegund",
            "geldig": 0,
            "afgevallen": 0,
        },
    ]


def test_scenario_zegt_dat_een_perceel_niet_meer_gegund_wordt(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path / "ws", z=False)
    r = _run("scenario", "--werkmap", ws, "--zet", "percelen.B1.plafondprijs=8000")
    assert r.exit_code == 0, r.output
    assert "Perceel B1-route\n  Uitkomst: gegund -> niet gegund\n" in r.output
    assert "Perceel Z-route\n  Uitkomst: niet gegund (ongewijzigd)\n" in r.output


def test_zonder_een_beoordelaar_niet_gegund(tmp_path: Path) -> None:
    """Leave-one-reviewer-out: without Ada (100) only Bram's 50 counts, below the minimum quality of 70, so no bid is
    valid. The analysis said why the award failed (the award stage raised); after 'niet gegund' it said instead that
    no admitted bidder serves Noord, Oost and Zuid, a reason that is not the one."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["knockout"]["minimum_kwaliteit"] = {"drempel": 70}
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 30, 12, 4, "alle")])
    schrijf_beoordelingsformulieren(Werkmap(ws))
    for naam, punten in (("ada", 100), ("bram", 50)):
        vul_beoordeling(ws / "beoordelingen" / f"{naam}.xlsx", {("Alfa", c): punten for c in SCORES_CRITERIA})
    r = _run("zekerheid", "--werkmap", ws, "--trekkingen", "100")
    assert r.exit_code == 0, r.output
    tekst = " ".join(r.output.split())
    assert (
        "Zonder de scores van Ada is geen gunning mogelijk: Perceel B1-route wordt niet gegund, want de enige "
        "inschrijving op dit perceel is niet geldig (1 ongeldig): Alfa (ongeldig): kwaliteitsscore 50,00, vereist "
        "minstens 70,00"
    ) in tekst
    assert "bedient" not in tekst


def test_brief_niet_gegund_heeft_een_eigen_kenmerk(tmp_path: Path) -> None:
    """The besluit tot niet-gunning carried the kenmerk 'GB-...' of a gunningsbeslissing: the reference a bidder quotes
    in a complaint said the letter was something it is not. It is 'NG-<jaar>-<perceel>-<hash>' now, with the same
    hash of aanbesteding, perceel, KvK, name and verzenddatum (2026-04-07, the gunning date), so it stays one per
    letter and the same on every run; the bidder's letter on B1 keeps 'GB'."""
    import hashlib
    import re

    ws = _werkmap(tmp_path / "ws")
    assert _run("gunning", "--werkmap", ws).exit_code == 0
    brieven = ws / "rapporten" / "brieven"

    def verwacht(soort: str, code: str, kvk: str, naam: str) -> str:
        sleutel = f"Testaanbesteding|{code}|{kvk}|{naam}|2026-04-07".encode()
        return f"{soort}-2026-{code.upper()}-{hashlib.sha256(sleutel).hexdigest()[:6].upper()}"

    def kenmerken(brief: str) -> list[str]:
        return re.findall(r"Kenmerk: ([A-Z]+-\d{4}-[A-Z0-9]+-[0-9A-F]{6})", (brieven / brief).read_text("utf-8"))

    assert set(kenmerken("alfa-z.html")) == {verwacht("NG", "Z", "11111111", "Alfa")}
    assert set(kenmerken("beta-z.html")) == {verwacht("NG", "Z", "22222222", "Beta")}
    assert set(kenmerken("alfa-b1.html")) == {verwacht("GB", "B1", "11111111", "Alfa")}


def test_stand_en_kwartaal_noemen_het_niet_gegunde_perceel(tmp_path: Path) -> None:
    """`contract stand` and the quarterly reports showed only the awarded lots: a contract manager of Noord, which
    joined Z-route (5 a year), read no word of that route, as if it had been forgotten. They now name it as not
    awarded, for the gemeenten that joined it (Noord and Oost: the lot's gemeenten recorded by the contract start; Zuid
    did not join, so its report does not name the lot), with no figure of their own."""
    ws = _werkmap(tmp_path / "ws", zonder_zuid=True)
    assert _run("gunning", "--werkmap", ws).exit_code == 0
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    zin = (
        "Z-route: niet gegund (geen geldige inschrijving); geen overeenkomst, dus geen aanbieder, toewijzing of "
        "plaatsingen voor de deelnemende gemeenten (Noord en Oost)."
    )
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-07-01")
    assert r.exit_code == 0, r.output
    assert zin in r.output.splitlines()
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-07-01", "--json")
    assert json.loads(r.output)["niet_gegund"] == [{"perceel": "Z", "naam": "Z-route", "gemeenten": ["Noord", "Oost"]}]

    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K3").exit_code == 0
    map_ = ws / "contract" / "kwartaal" / "2026-K3"
    assert zin in html_tekst(map_ / "regio.html")
    noord = (
        "Z-route: niet gegund (geen geldige inschrijving); geen overeenkomst, dus voor gemeente Noord geen aanbieder, "
        "toewijzing of plaatsingen op deze route uit deze aanbesteding."
    )
    assert noord in html_tekst(map_ / "gemeente-noord.html")
    assert "Z-route" not in html_tekst(map_ / "gemeente-zuid.html")
    from openpyxl import load_workbook

    overzicht = load_workbook(map_ / "gemeente-noord.xlsx")["Overzicht"]
    assert ["Niet gegund", noord] in [[c.value for c in rij] for rij in overzicht.iter_rows()]


def test_regel_zonder_vastgelegde_gemeenten_en_bij_veel_gemeenten() -> None:
    """A register whose start did not record who joined the lot says so (never a guess at the gemeenten, and the
    line is not left out); past 12 gemeenten they are counted, as in the advies; one is named in the singular."""
    from evaluatie.contract.basis import niet_gegund_regel

    kop = "Z-route: niet gegund (geen geldige inschrijving); geen overeenkomst, dus geen aanbieder, toewijzing of plaatsingen"
    assert niet_gegund_regel("Z-route", None, "Noord") == (
        f"{kop} (welke gemeenten aan het perceel deelnamen, heeft de start van dit register niet vastgelegd)."
    )
    veel = tuple(f"G{i}" for i in range(13))
    assert niet_gegund_regel("Z-route", veel) == f"{kop} voor de 13 deelnemende gemeenten."
    assert niet_gegund_regel("Z-route", ("Noord",)) == f"{kop} voor de deelnemende gemeente Noord."
