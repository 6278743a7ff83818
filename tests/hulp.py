"""Helpers that build real tender workspaces in tmp dirs: YAML files and workbooks via openpyxl."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook

from evaluatie.beoordeling.verklaring import GEEN as GEEN_BELANGENVERSTRENGELING
from evaluatie.definitie import laad_aanbesteding
from evaluatie.inschrijving.formulier import schrijf_inschrijfformulier
from evaluatie.prijs.basis import inschrijfregels
from evaluatie.toets.eisen import formulierregels

REPO = Path(__file__).resolve().parents[1]


def kleine_aanbesteding(**over: Any) -> dict[str, Any]:
    """Three gemeenten in two subregio's, one lot B1 without a criteria set: every value visible here."""
    data: dict[str, Any] = {
        "naam": "Testaanbesteding",
        "penvoerder": "Gemeente Noord",
        "procedure": "gunning",
        "data": {
            "publicatie": "2026-01-05",
            "sluiting": "2026-02-16",
            "keurmerk_peildatum": "2026-03-02",
            "gunning": "2026-04-07",
        },
        "beoordelaars": ["Ada", "Bram"],
        # sender and court: without them the letters are not ready to send (an open point, exit 1)
        "afzender": {
            "adres": ["Postbus 1", "1000 AA Noord"],
            "contactpersoon": {"naam": "C. Contact", "functie": "inkoopadviseur", "email": "inkoop@noord.example"},
            "ondertekenaar": {"naam": "O. Tekenaar", "functie": "afdelingshoofd Inkoop"},
        },
        "rechtsbescherming": {"rechtbank": "Rechtbank Noord-Nederland"},
        "gemeenten": [
            {"naam": "Noord", "subregio": "A", "inburgeraars": {"B1": 10}},
            {"naam": "Oost", "subregio": "A", "inburgeraars": {"B1": 6}},
            {"naam": "Zuid", "subregio": "B", "inburgeraars": {"B1": 4}},
        ],
        "percelen": {
            "B1": {
                "naam": "B1-route",
                "gemeenten": "alle",
                "plafondprijs": 10000,
                "prijsmethode": "relatief",
                "weging": {"kwaliteit": 60, "prijs": 40},
                "schaal": {"stappen": [0, 25, 50, 75, 100]},
                "knockout": {"keurmerk": {}, "plafondprijs": {}},
                "gunningscriteria": {
                    "K1": {"naam": "Plan van aanpak", "weging": 60},
                    "K2": {"naam": "Samenwerking", "weging": 40},
                },
                "verdeling": {},
            }
        },
    }
    for k, v in over.items():
        data[k] = v
    if data["procedure"] == "toelating":  # an open house weighs and scores nothing: its own weging and (but for
        del data["percelen"]["B1"]["weging"]  # vaste_prijs) prijsmethode are input errors
        del data["percelen"]["B1"]["prijsmethode"]
    return data


def schrijf_yaml(pad: Path, data: dict[str, Any]) -> Path:
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return pad


def maak_werkmap(root: Path, data: dict[str, Any]) -> Path:
    schrijf_yaml(root / "aanbesteding.yaml", data)
    (root / "inschrijvingen").mkdir(exist_ok=True)
    (root / "beoordelingen").mkdir(exist_ok=True)
    return root


def schrijf_bod(
    werkmap: Path,
    bestand: str,
    naam: str,
    kvk: str,
    percelen: list[tuple],
    keurmerk: str = "ja",
    geldig_tot: Any = "standaard",
    nummer: str | None = None,
    uitsluiting: str = "nee",
    email: str = "info@voorbeeld.nl",
    contact: str = "Contact",
) -> Path:
    """Fill the real bid form (as generated from the tender) the way a bidder would, with openpyxl. The keurmerk's
    number and date default to those of a keurmerk ('BOW-1', 1 January 2030) with keurmerk 'ja', and to empty
    otherwise: 'nee' beside a number is a bid that contradicts itself (an input error)."""
    if nummer is None:
        nummer = "BOW-1" if keurmerk == "ja" else ""
    if isinstance(geldig_tot, str) and geldig_tot == "standaard":
        geldig_tot = dt.date(2030, 1, 1) if keurmerk == "ja" else None
    aanbesteding, _ = laad_aanbesteding(werkmap / "aanbesteding.yaml")
    sjabloon = werkmap / "inschrijfformulier.xlsx"
    if not sjabloon.exists():
        schrijf_inschrijfformulier(
            aanbesteding, sjabloon, inschrijfregels(aanbesteding), knockoutregels=formulierregels(aanbesteding)
        )
    wb = load_workbook(sjabloon)
    ws = wb["Inschrijver"]
    for i, w in enumerate([naam, kvk, contact, email, keurmerk, nummer, geldig_tot, uitsluiting], start=2):
        ws.cell(i, 2, w)
    wp = wb["Percelen"]
    for r, rij in enumerate(percelen, start=2):
        for j, w in enumerate(rij, start=1):
            wp.cell(r, j, w)
    doel = werkmap / "inschrijvingen" / bestand
    wb.save(doel)
    return doel


def zet_in_bod(werkmap: Path, bestand: str, cel: str, waarde: object, blad: str = "Percelen") -> Path:
    """One cell of a bid form in inschrijvingen/ changed as a bidder (or a test's variant) would: openpyxl, saved."""
    pad = werkmap / "inschrijvingen" / bestand
    wb = load_workbook(pad)
    wb[blad][cel] = waarde
    wb.save(pad)
    return pad


def kopieer_voorbeeld(bron: Path, doel: Path) -> Path:
    shutil.copytree(bron, doel, ignore=shutil.ignore_patterns("rapporten", "logboek.jsonl"))
    return doel


def gegund_voorbeeld(bron: Path, doel: Path, *opties: str) -> Path:
    """A copy of the example tender (kopieer_voorbeeld) awarded with `evaluatie gunning` and these options."""
    from click.testing import CliRunner

    from evaluatie.cli import main

    ws = kopieer_voorbeeld(bron, doel)
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws), *opties])
    assert res.exit_code == 0, res.output
    return ws


def _beoordelingsdatum(pad: Path) -> dt.date:
    """10 March 2026 (the date of most tests), or the day after the closing where the tender of the form's
    werkmap closes later: a scoring lies between the closing and the award decision."""
    datum = dt.date(2026, 3, 10)
    definitie = pad.parent.parent / "aanbesteding.yaml"
    if definitie.is_file():
        data = yaml.safe_load(definitie.read_text(encoding="utf-8")).get("data", {})
        sluiting = dt.date.fromisoformat(str(data.get("sluiting", datum)))
        gunning = dt.date.fromisoformat(str(data.get("gunning", datum)))
        if not sluiting <= datum <= gunning:
            datum = min(sluiting + dt.timedelta(days=1), gunning)
    return datum


def vul_beoordeling(
    pad: Path,
    scores: Mapping[tuple[str, str], object],
    verklaring: str = GEEN_BELANGENVERSTRENGELING,
    naam: str | None = None,
    toelichting: str = "Onderbouwd in het plan.",
) -> None:
    wb = load_workbook(pad)
    ws = wb["Beoordeling"]
    if naam is not None:
        ws["B1"] = naam
    ws["B2"] = _beoordelingsdatum(pad)
    ws["B3"] = verklaring
    for r in range(6, ws.max_row + 1):
        sleutel = (ws.cell(r, 1).value, ws.cell(r, 3).value)
        if sleutel in scores:
            ws.cell(r, 4, scores[sleutel])
            ws.cell(r, 5, toelichting)
    wb.save(pad)


def vul_panel(werkmap: Path, punten: Mapping[str, object], beoordelaars: tuple[str, ...] = ("ada", "bram")) -> None:
    """Every reviewer's form filled with one score per bidder on both criteria of kleine_aanbesteding."""
    from evaluatie.pipeline import schrijf_beoordelingsformulieren
    from evaluatie.werkmap import Werkmap

    schrijf_beoordelingsformulieren(Werkmap(werkmap))
    for b in beoordelaars:
        vul_beoordeling(
            werkmap / "beoordelingen" / f"{b}.xlsx",
            {(i, c): punten[i] for i in punten for c in ("Plan van aanpak", "Samenwerking")},
        )


def vul_scores(
    werkmap: Path, scores: Mapping[tuple[str, str], object], beoordelaars: tuple[str, ...] = ("ada", "bram")
) -> None:
    """Every reviewer's form, written fresh, filled with the same score per (bidder, criterion)."""
    from evaluatie.pipeline import schrijf_beoordelingsformulieren
    from evaluatie.werkmap import Werkmap

    schrijf_beoordelingsformulieren(Werkmap(werkmap))
    for b in beoordelaars:
        vul_beoordeling(werkmap / "beoordelingen" / f"{b}.xlsx", scores)


def alfa_taal_beoordeeld(ws: Path, plan: object = 75, samenwerking: object = 50) -> Path:
    """One bid (Alfa Taal, B1 at EUR 9.000 for 40 a year), the panel forms written as a user writes them
    (`evaluatie template beoordeling`) and both reviewers' forms filled in with these scores."""
    from click.testing import CliRunner

    from evaluatie.cli import main

    schrijf_bod(ws, "a.xlsx", "Alfa Taal", "12345678", [("B1", 9000, 40, 12, 4, "alle")])
    assert CliRunner().invoke(main, ["template", "beoordeling", "--werkmap", str(ws)]).exit_code == 0
    for b in ("ada", "bram"):
        vul_beoordeling(
            ws / "beoordelingen" / f"{b}.xlsx",
            {("Alfa Taal", "Plan van aanpak"): plan, ("Alfa Taal", "Samenwerking"): samenwerking},
        )
    return ws


def zonder_weging(lot: dict[str, Any], **velden: Any) -> dict[str, Any]:
    """`lot` (a lot of kleine_aanbesteding) updated with `velden` (a price method that weighs nothing: vaste_prijs,
    fictieve_korting) and without its own `weging`, which such a method would leave unused (an input error)."""
    lot.pop("weging", None)
    lot.update(velden)
    return lot


def fictieve_korting_in_punten(data: dict[str, Any]) -> dict[str, Any]:
    """`data` (kleine_aanbesteding) with B1 under fictieve_korting, maximum discount EUR 5.000, and its two criteria
    weighted 10 and 20 points: qualities in thirds, so discounts and fictitious prices fall between cents."""
    lot = data["percelen"]["B1"]
    del lot["weging"]
    lot.update(prijsmethode="fictieve_korting", max_fictieve_korting=5000, criteriumweging="punten")
    lot["gunningscriteria"] = {
        "K1": {"naam": "Plan van aanpak", "weging": 10},
        "K2": {"naam": "Samenwerking", "weging": 20},
    }
    return data


def deels_bediende_subregio(root: Path) -> Path:
    """kleine_aanbesteding under per_subregio with P (quality 100, EUR 8.000, capacity 20) serving only Noord of
    subregio A (Noord, Oost) and Q (quality 50, EUR 9.000, capacity 30) serving all: P may serve nothing, Q takes all
    20. Bids and panel filled, not yet awarded."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["verdeling"] = {"per_subregio": True}
    ws = maak_werkmap(root, data)
    schrijf_bod(ws, "p.xlsx", "P", "11111111", [("B1", 8000, 20, 12, 4, "Noord")])
    schrijf_bod(ws, "q.xlsx", "Q", "22222222", [("B1", 9000, 30, 12, 4, "alle")])
    vul_panel(ws, {"P": 100, "Q": 50})
    return ws


def hernoem_inschrijver(root: Path, bestand: str, naam: str) -> None:
    """Rename a bidder in its bid and in every reviewer's form, as if it had bid under that name.

    The name is stored as typed text, even when it starts with '=' (openpyxl would make it a formula).
    """
    pad = root / "inschrijvingen" / bestand
    wb = load_workbook(pad)
    oud = wb["Inschrijver"]["B2"].value
    wb["Inschrijver"]["B2"].value = naam
    wb["Inschrijver"]["B2"].data_type = "s"
    wb.save(pad)
    for form in (root / "beoordelingen").glob("*.xlsx"):
        wb = load_workbook(form)
        for ws in wb.worksheets:
            for rij in ws.iter_rows():
                for c in rij:
                    if c.value == oud:
                        c.value = naam
                        c.data_type = "s"
        wb.save(form)


def html_tekst(pad: Path) -> str:
    """An HTML report as its reader reads it: tags out, entities decoded, runs of white space as one space."""
    import re
    from html import unescape

    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", pad.read_text(encoding="utf-8"))))


def samenvatting_per_perceel(advies: str) -> str:
    """Section 2 of the advies (its text as html_tekst gives it): the summary per lot, without the table of contents
    that names it first."""
    return advies.split("2. Samenvatting per perceel")[2].split("3. Procedure")[0]


def chromium() -> str | None:
    """The Chromium (or Chrome) on this machine, to print a document as its reader does; None: those tests skip."""
    return next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)


met_chromium = pytest.mark.skipif(
    chromium() is None or shutil.which("pdftotext") is None, reason="chromium of pdftotext ontbreekt"
)


def druk_af(html: Path, pdf: Path) -> Path:
    """`html` printed to `pdf` by headless Chromium with the document's own page rules, without Chromium's header
    and footer: what a reader's printout shows."""
    import subprocess

    programma = chromium()
    assert programma
    subprocess.run(
        [programma, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", html.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    return pdf


def kleine_toelating() -> dict[str, Any]:
    """kleine_aanbesteding as an open house (procedure: toelating): no panel, no award criteria, price alone."""
    data = kleine_aanbesteding(procedure="toelating", beoordelaars=[])
    data["percelen"]["B1"]["gunningscriteria"] = {}
    return data


def open_house_module(naam: str, plafondprijs: int) -> dict[str, Any]:
    """A module lot by open house as a tender writes it without a criteria set: admitted on the ceiling alone."""
    return {
        "naam": naam,
        "procedure": "toelating",
        "gemeenten": "alle",
        "plafondprijs": plafondprijs,
        "schaal": {"stappen": [0, 25, 50, 75, 100]},
        "knockout": {"plafondprijs": {}},
        "gunningscriteria": {},
        "verdeling": {},
    }


def module_naast_b1(
    data: dict[str, Any], code: str, naam: str, plafondprijs: int, minimum_kwaliteit: float | None = None
) -> dict[str, Any]:
    """`data` (kleine_aanbesteding) with lot `code` by open house, a copy of B1 with the ceiling as its only knock-out
    rule; the three gemeenten expect 5, 3 and 2 there. Without criteria: an open house without minimum_kwaliteit
    scores no quality (its own criteria are an input error). `minimum_kwaliteit`: that rule too, and B1's criteria."""
    import copy

    lot = copy.deepcopy(data["percelen"]["B1"])
    lot.update(naam=naam, procedure="toelating", plafondprijs=plafondprijs)
    lot.pop("weging", None)  # an open house weighs nothing: its own weging is an input error
    if lot.get("prijsmethode") != "vaste_prijs":  # nor does it score prices: only a fixed price means something there
        lot.pop("prijsmethode", None)
    lot["knockout"] = {"plafondprijs": {}}
    if minimum_kwaliteit is None:
        lot["gunningscriteria"] = {}
    else:
        lot["knockout"]["minimum_kwaliteit"] = {"drempel": minimum_kwaliteit}
    data["percelen"][code] = lot
    for g, n in zip(data["gemeenten"], (5, 3, 2), strict=True):
        g["inburgeraars"][code] = n
    return data


def gunningsperceel_naast_b1(data: dict[str, Any], code: str, naam: str, plafondprijs: int) -> dict[str, Any]:
    """`data` (kleine_aanbesteding) with a second award lot `code`: a copy of B1 (criteria, knock-out rules, gunning)
    with its own ceiling; the three gemeenten expect 5, 3 and 2 there."""
    import copy

    data = module_naast_b1(data, code, naam, plafondprijs)
    lot, b1 = data["percelen"][code], data["percelen"]["B1"]
    lot.update(procedure="gunning", knockout=copy.deepcopy(b1["knockout"]))
    for veld in ("weging", "prijsmethode"):  # module_naast_b1 leaves them out (an open house weighs nothing)
        if veld in b1:
            lot[veld] = copy.deepcopy(b1[veld])
    lot.pop("gunningscriteria", None)  # module_naast_b1 empties them (an open house without minimum quality)
    if "gunningscriteria" in b1:
        lot["gunningscriteria"] = copy.deepcopy(b1["gunningscriteria"])
    return data


LEERROUTES = (("B1", "B1-route", 0.6), ("onderwijs", "Onderwijsroute", 0.25), ("Z", "Z-route", 0.15))


def synthetisch_contract(
    map_: Path,
    gemeenten: Sequence[str],
    zaad: int,
    per_jaar: int,
    jaren: int = 3,
    percelen: Sequence[tuple[str, str, float]] = LEERROUTES,
) -> Any:
    """A register of a contract without a tender (what bench/contract.py builds nationally), for `gemeenten`:
    `percelen` (code, name, share of `per_jaar` placements a year; by default B1, onderwijs and Z at 60/25/15%), three
    suppliers per lot of which the first two share each gemeente's allocation 60/40, started 01-01-2026, with `jaren`
    years of events from bids/genereer_plaatsingen.py (seed `zaad`) read in. Seeded: the same arguments give the same
    register."""
    import importlib.util
    import random

    from evaluatie.contract.basis import Contractbasis, Contractleverancier, Contractperceel
    from evaluatie.contract.inlezen import lees_in
    from evaluatie.contract.lezen import lees_register
    from evaluatie.contract.register import verbind
    from evaluatie.contract.start import start_contract

    spec = importlib.util.spec_from_file_location("genereer_plaatsingen", REPO / "bids" / "genereer_plaatsingen.py")
    assert spec and spec.loader
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    rng = random.Random(zaad)
    gewicht = {g: rng.lognormvariate(0, 1) for g in gemeenten}
    lots, leveranciers, toewijzing = [], [], []
    for code, naam, aandeel in percelen:
        vraag = {g: max(1, round(w * per_jaar * aandeel / sum(gewicht.values()))) for g, w in gewicht.items()}
        namen = [f"{code} aanbieder {i}" for i in (1, 2, 3)]
        for g, n in vraag.items():
            toewijzing += [(code, g, namen[0], round(n * 0.6)), (code, g, namen[1], n - round(n * 0.6))]
        totaal = sum(vraag.values())
        lots.append(Contractperceel(code, naam, totaal * jaren, totaal * jaren * 10_000.0, 10_000.0))
        leveranciers += [
            Contractleverancier(code, s, 8_500.0 + 100 * i, totaal, 4.0 + i, i + 1, tuple(gemeenten))
            for i, s in enumerate(namen)
        ]
    basis = Contractbasis(
        "Synthetisch contract",
        "0" * 64,
        jaren,
        tuple((g, "") for g in gemeenten),
        tuple(lots),
        tuple(leveranciers),
        tuple(t for t in toewijzing if t[3]),
    )
    db = verbind(map_ / "register.sqlite")
    try:
        start_contract(db, basis, dt.date(2026, 1, 1), "test", "test")
        gen.schrijf(gen.genereer(lees_register(db), jaren, zaad), map_ / "aanleveringen", "csv")
        lees_in(db, lees_register(db, False), [map_ / "aanleveringen"], dt.date(2026 + jaren, 1, 5), None)
        return lees_register(db)
    finally:
        db.close()


def vul_consensus(werkmap: Path, rijen: Mapping[tuple[str, str], tuple[object, str]], datum: dt.date) -> None:
    """`evaluatie template consensus`, then the panel fills score and motivation of the rows (bidder, criterion name)
    and the date of the meeting in consensus.xlsx, the way it would in Excel."""
    from click.testing import CliRunner

    from evaluatie.cli import main

    r = CliRunner().invoke(main, ["template", "consensus", "--werkmap", str(werkmap)])
    assert r.exit_code == 0, r.output
    vul_consensusblad(werkmap / "beoordelingen" / "consensus.xlsx", rijen, datum)


def vul_consensusblad(pad: Path, rijen: Mapping[tuple[str, str], tuple[object, str]], datum: dt.date | None) -> None:
    """The panel fills the two consensus columns of the rows (bidder, criterion name) in an existing consensus.xlsx,
    and the date of the meeting unless it is None, the way it would in Excel."""
    wb = load_workbook(pad)
    ws = wb["Consensus"]
    plek = {(ws.cell(r, 1).value, ws.cell(r, 3).value): r for r in range(5, ws.max_row + 1)}
    for sleutel, (score, tekst) in rijen.items():
        ws.cell(plek[sleutel], 4, score)
        ws.cell(plek[sleutel], 5, tekst)
    if datum is not None:
        ws["B2"] = datum
    wb.save(pad)


def afgedrukte_woorden(html: Path, pdf: Path) -> list[tuple[str, float, float]]:
    """`html` printed by Chromium on A4 portrait: every word as pdftotext finds it, with the right (xMax) and lower
    (yMax) edge of its box in pt. A word broken over two lines is two words."""
    import re
    import subprocess
    from html import unescape

    druk_af(html, pdf)
    uit = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return [
        (unescape(w), float(x), float(y))
        for x, y, w in re.findall(r'<word [^>]*xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', uit)
    ]


def rechterrand_afgedrukt(html: Path, pdf: Path) -> float:
    """The right edge (pt) of the rightmost word on the page body of `html` printed on A4 portrait, not the page
    number in the margin box below it. A report with 15 mm margins fits when this is at most 595 - 42.5 pt."""
    marge = 15 / 25.4 * 72
    return max(x for _, x, y in afgedrukte_woorden(html, pdf) if y < 842 - marge)


def gelijke_stand_pq(map_: Path, regel: str) -> Path:
    """The small tender with two bids that tie at 85 (relatief 60/40): P quality 100 at EUR 10.000, Q quality 75 at
    EUR 6.250 (P 60 + 0,4 x 62,5 = 85, Q 45 + 40 = 85), capacity 15 each for 20 inburgeraars, settled by the one
    tie-break `regel`; the signal for a low price at 50% (Q is 37,5% below P), so no explanation is asked. Awarded."""
    from click.testing import CliRunner

    from evaluatie.cli import main

    data = kleine_aanbesteding()
    data["percelen"]["B1"]["bij_gelijke_stand"] = [regel]
    data["percelen"]["B1"]["abnormaal_laag"] = 0.5
    ws = maak_werkmap(map_, data)
    schrijf_bod(ws, "p.xlsx", "P", "11111111", [("B1", 10000, 15, 12, 4, "alle")])
    schrijf_bod(ws, "q.xlsx", "Q", "22222222", [("B1", 6250, 15, 12, 4, "alle")])
    vul_panel(ws, {"P": 100, "Q": 75})
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    return ws


def gelijk_pq(map_: Path) -> Path:
    """The small tender with P and Q tied: both EUR 9.000, both scored 75 on every criterion by Ada and Bram (forms
    signed 10 March 2026), capacity 12 each for 20 inburgeraars, so the order decides the volume: a draw is asked."""
    ws = maak_werkmap(map_, kleine_aanbesteding())
    schrijf_bod(ws, "p.xlsx", "P", "11111111", [("B1", 9000, 12, 12, 4, "alle")])
    schrijf_bod(ws, "q.xlsx", "Q", "22222222", [("B1", 9000, 12, 12, 4, "alle")])
    vul_panel(ws, {"P": 75, "Q": 75})
    return ws


# Two reviewers' scores per (bidder, criterion) for open_house_met_minimum: with weights 60/40 Ada gives Alfa 75, Beta
# 50 x 0,6 + 75 x 0,4 = 60 and Gamma 50 x 0,6 + 25 x 0,4 = 40; Bram gives Alfa 75 x 0,6 + 50 x 0,4 = 65, Beta 50 and
# Gamma 50. The panel's mean: Alfa 70, Beta 55, Gamma 45; the minimum 50 refuses Gamma, and without Ada Gamma has 50.
MINIMUM_SCORES = {
    "ada": {("Alfa", "Plan van aanpak"): 75, ("Alfa", "Samenwerking"): 75, ("Beta", "Plan van aanpak"): 50,
            ("Beta", "Samenwerking"): 75, ("Gamma", "Plan van aanpak"): 50, ("Gamma", "Samenwerking"): 25},
    "bram": {("Alfa", "Plan van aanpak"): 75, ("Alfa", "Samenwerking"): 50, ("Beta", "Plan van aanpak"): 50,
             ("Beta", "Samenwerking"): 50, ("Gamma", "Plan van aanpak"): 50, ("Gamma", "Samenwerking"): 50},
}  # fmt: skip


def open_house_met_minimum(root: Path, alleen_toelating: bool = False) -> Path:
    """kleine_aanbesteding with PVT-module by open house with a minimum quality of 50 (module_naast_b1), Alfa, Beta
    and Gamma bidding on it, the panel filled with MINIMUM_SCORES; `alleen_toelating`: without B1 (only an open
    house), else B1 awarded beside it (Alfa and Beta). Not yet awarded."""
    data = module_naast_b1(kleine_aanbesteding(), "PVT", "PVT-module", 3000, minimum_kwaliteit=50)
    if alleen_toelating:
        del data["percelen"]["B1"]
        for g in data["gemeenten"]:
            del g["inburgeraars"]["B1"]
        data["procedure"] = "toelating"
    ws = maak_werkmap(root, data)
    b1 = [] if alleen_toelating else [[("B1", 9000, 12, 12, 4, "alle")], [("B1", 9500, 20, 12, 4, "alle")]]
    for i, (naam, kvk, prijs) in enumerate((("Alfa", "11111111", 2500), ("Beta", "22222222", 2800))):
        schrijf_bod(ws, f"{naam.lower()}.xlsx", naam, kvk, [*(b1[i] if b1 else []), ("PVT", prijs, 10, 12, 4, "alle")])
    schrijf_bod(ws, "gamma.xlsx", "Gamma", "33333333", [("PVT", 2900, 10, 12, 4, "alle")])
    vul_scores(ws, {}, ())
    for naam, scores in MINIMUM_SCORES.items():
        vul_beoordeling(ws / "beoordelingen" / f"{naam}.xlsx", scores)
    return ws


# who decided a draw and why (`evaluatie loting --door ... --reden ...`), as every decision records them
LOTING_WIE = (
    "--door",
    "S. Jansen, inkoopadviseur",
    "--reden",
    "Onbesliste gelijke stand; de aanbestedingsstukken schrijven dan loting voor.",
)


# `evaluatie keurmerk` for A of onderwijs_naast_open_z, whose keurmerk lapses before the decision: on condition
KEURMERK_A = ["--inschrijver", "A", "--uitkomst", "onder_voorwaarde", "--reden", "De verlenging is aangevraagd.",
              "--door", "P. de Vries, inkoopadviseur", "--datum", "2026-03-20"]  # fmt: skip


def onderwijs_naast_open_z(root: Path, award_lot: str, zonder_keurmerk: bool = False) -> Path:
    """An award lot beside a Z-route by open house, as a Drenthe tender has them: kleine_aanbesteding (decision 7 April 2026) with its award lot as `award_lot` ('onderwijs': without the
    keurmerk, as the criteria set has it; 'B1': with it) and the Z-route by open house requiring the keurmerk; A bids
    on both with a keurmerk valid until 20 March 2026, B on the award lot only, and the panel scored both;
    `zonder_keurmerk`: C too, on both lots without a keurmerk (scored 50)."""
    data: dict[str, Any] = kleine_aanbesteding()
    lot = data["percelen"].pop("B1")
    if award_lot == "onderwijs":
        lot.update(naam="Onderwijsroute", knockout={"plafondprijs": {}})
    z = open_house_module("Z-route", 10000)
    z["knockout"]["keurmerk"] = {}
    data["percelen"] = {award_lot: lot, "Z": z}
    for g, n in zip(data["gemeenten"], (10, 6, 4), strict=True):
        g["inburgeraars"] = {award_lot: n, "Z": n // 2}
    ws = maak_werkmap(root, data)
    maart = dt.date(2026, 3, 20)
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [(award_lot, 9000, 20, 12, 4, "alle"), ("Z", 9000, 20, 12, 4, "alle")],
                geldig_tot=maart)  # fmt: skip
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [(award_lot, 9500, 20, 12, 4, "alle")])
    if zonder_keurmerk:
        c = [(award_lot, 9900, 20, 12, 4, "alle"), ("Z", 9000, 20, 12, 4, "alle")]
        schrijf_bod(ws, "c.xlsx", "C", "33333333", c, keurmerk="nee")
    vul_panel(ws, {"A": 75, "B": 50, "C": 50} if zonder_keurmerk else {"A": 75, "B": 50})
    return ws
