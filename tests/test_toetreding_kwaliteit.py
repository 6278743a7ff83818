"""Later entry to an open house with a minimum quality: the panel scores the late applicant's quality plan first.

The toelatingsbesluit and the systematiek promise that a provider can join later "met een ingevuld inschrijfformulier
en een kwaliteitsplan, dat beoordelaars op dezelfde wijze beoordelen als bij de aanbesteding". `contract toetreding`
stopped on such a lot with "later toetreden vraagt dan eerst een beoordeling van de inschrijving, die deze opdracht
niet doet", and there was no route at all. Now the command writes the panel's consensus form for the applicant
(exit 1: the decision waits for the panel), reads it back filled in (every error with its cell), computes the quality
score with the award's formula and admits or refuses with the score and the minimum named; the letter says the panel
scored the plan and when, and the register's decision keeps who scored. The lot (tests.hulp.open_house_met_minimum):
PVT-module, minimum 50, criteria Plan van aanpak 60 and Samenwerking 40 on a scale to 100.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

from openpyxl import load_workbook

from tests.hulp import html_tekst, open_house_met_minimum, schrijf_bod
from tests.test_contract_toelating import DOOR, _run

WIE = ["--door", "S. Jansen, contractmanager", "--reden", "aanmelding voor het open house"]
FORMULIER = "contract/toetreding/2026-07-10-delta-pvt-kwaliteit-formulier.xlsx"


def _gestart(tmp_path: Path) -> tuple[Path, Path]:
    ws = open_house_met_minimum(tmp_path / "ws")
    assert _run("gunning", "--werkmap", ws).exit_code == 0
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    pad = schrijf_bod(ws, "laat.xlsx", "Delta", "44444444", [("PVT", 2700, 10, 12, 4, "alle")])
    bod = tmp_path / "delta.xlsx"
    shutil.move(pad, bod)
    return ws, bod


def _toetreding(ws: Path, bod: Path, datum: str, *extra: object):
    return _run(
        "contract", "toetreding", "--werkmap", ws, "--bestand", bod, "--route", "PVT",
        "--ontvangen", "2026-07-01", "--datum", datum, *WIE, *extra,
    )  # fmt: skip


def _ingevuld(ws: Path, doel: Path, plan: int, samenwerking: int) -> Path:
    wb = load_workbook(ws / FORMULIER)
    blad = wb["Kwaliteit"]
    blad["B3"], blad["B4"] = "Ada en Bram", dt.date(2026, 7, 8)
    blad["C7"], blad["D7"] = plan, "Het plan is concreet en haalbaar."
    blad["C8"], blad["D8"] = samenwerking, "De samenwerking met de klantmanagers is beperkt uitgewerkt."
    wb.save(doel)
    return doel


def _leveranciers(ws: Path) -> list[str]:
    with sqlite3.connect(ws / "contract" / "register.sqlite") as db:
        namen = [r[0] for r in db.execute("SELECT naam FROM leverancier WHERE perceel = 'PVT' ORDER BY naam")]
    db.close()
    return namen


def test_late_aanmelding_wordt_eerst_door_het_panel_beoordeeld(tmp_path: Path) -> None:
    ws, bod = _gestart(tmp_path)
    r = _toetreding(ws, bod, "2026-07-10")
    assert r.exit_code == 1, r.output
    uit = " ".join(r.output.split())
    assert "perceel PVT-module eist een kwaliteitsscore van minstens 50,00" in uit, uit
    assert f"Het formulier daarvoor is geschreven in {FORMULIER}" in uit and "--kwaliteit" in uit
    assert "die deze opdracht niet doet" not in uit
    blad = load_workbook(ws / FORMULIER)["Kwaliteit"]
    assert (blad["B1"].value, blad["B2"].value, blad["A7"].value, blad["A8"].value) == (
        "Delta", "PVT", "Plan van aanpak", "Samenwerking",
    )  # fmt: skip
    assert _leveranciers(ws) == ["Alfa", "Beta"] and not list((ws / "contract" / "toetreding").glob("*.docx"))

    # the form as written, not filled in: every missing field at its cell, nothing decided
    r = _toetreding(ws, bod, "2026-07-10", "--kwaliteit", ws / FORMULIER)
    assert r.exit_code == 2, r.output
    cellen = [f"Kwaliteit!{c}" for c in ("B3", "B4", "C7", "D7", "C8", "D8")]
    assert all(c in r.output for c in cellen), r.output

    # Plan 50, Samenwerking 25: 60 x 50/100 + 40 x 25/100 = 40, under the minimum of 50: refused, letter only
    r = _toetreding(ws, bod, "2026-07-10", "--kwaliteit", _ingevuld(ws, tmp_path / "k1.xlsx", 50, 25))
    assert r.exit_code == 0, r.output
    assert "Kwaliteitsscore van het panel: 40,00 (vereist minstens 50,00)." in r.output
    assert (
        "Delta niet toegelaten tot PVT-module" in r.output
        and "kwaliteitsscore 40,00, vereist minstens 50,00" in r.output
    )
    brief = html_tekst(ws / "contract" / "toetreding" / "2026-07-10-delta-pvt.html")
    assert (
        "Het beoordelingspanel (2 beoordelaars) heeft uw kwaliteitsplan op 8 juli 2026 beoordeeld op dezelfde wijze "
        "als de inschrijvingen bij de aanbesteding; de scores hieronder zijn de consensus van het panel. Uw "
        "kwaliteitsscore is 40,00; vereist is minstens 50,00." in brief
    ), brief
    assert "Consensus van het panel: De samenwerking met de klantmanagers is beperkt uitgewerkt." in brief
    assert "Ada" not in brief and "Bram" not in brief  # the award's letters never name a reviewer
    assert _leveranciers(ws) == ["Alfa", "Beta"]

    # Plan 75, Samenwerking 50: 45 + 20 = 65: admitted, the decision keeps who scored and the form
    r = _toetreding(ws, bod, "2026-07-11", "--kwaliteit", _ingevuld(ws, tmp_path / "k2.xlsx", 75, 50), "--json")
    assert r.exit_code == 0, r.output
    uit = json.loads(r.stdout)
    assert (uit["toegelaten"], uit["kwaliteit"], uit["minimum"]) == (True, 65, 50)
    assert _leveranciers(ws) == ["Alfa", "Beta", "Delta"]
    with sqlite3.connect(ws / "contract" / "register.sqlite") as db:
        (inhoud,) = db.execute("SELECT inhoud FROM besluit WHERE soort = 'toetreding'").fetchone()
    db.close()
    besluit = json.loads(inhoud)
    assert (besluit["kwaliteit"], besluit["beoordelaars"], besluit["beoordeeld"]) == (65, ["Ada", "Bram"], "2026-07-08")
    kopie = ws / besluit["kwaliteitsformulier"]
    assert kopie.read_bytes() == (tmp_path / "k2.xlsx").read_bytes()
    brief = html_tekst(ws / "contract" / "toetreding" / "2026-07-11-delta-pvt.html")
    assert "Uw kwaliteitsscore is 65,00; vereist is minstens 50,00." in brief


def test_dossier_zonder_het_formulier_voor_het_panel(tmp_path: Path) -> None:
    """`contract toetreding` without --kwaliteit writes the panel's blank form in contract/toetreding; the dossier
    listed it among the aanmeldingen and toelatingsbesluiten, a contract document it is not. It is left out; the copy
    of the filled form the decision rests on ('...-kwaliteit.xlsx') stays in, and a later dossier check does not name
    the form as added."""
    ws, bod = _gestart(tmp_path)
    assert _toetreding(ws, bod, "2026-07-10").exit_code == 1  # writes the form, decides nothing
    r = _toetreding(ws, bod, "2026-07-10", "--kwaliteit", _ingevuld(ws, tmp_path / "k.xlsx", 75, 50))
    assert r.exit_code == 0, r.output
    assert (ws / FORMULIER).is_file()
    r = _run("contract", "dossier", "--werkmap", ws)
    assert r.exit_code == 0, r.output
    stukken = {d["pad"] for d in json.loads((ws / "contract" / "dossier" / "index.json").read_text())["documenten"]}
    toetreding = sorted(p.removeprefix("contract/toetreding/") for p in stukken if p.startswith("contract/toetreding/"))
    assert toetreding == [
        "2026-07-10-delta-pvt-kwaliteit.xlsx",
        "2026-07-10-delta-pvt.docx",
        "2026-07-10-delta-pvt.html",
        "2026-07-10-delta-pvt.xlsx",
    ], toetreding
    assert not (ws / "contract" / "dossier" / FORMULIER).exists()
    assert "kwaliteit-formulier" not in (ws / "contract" / "dossier" / "index.html").read_text(encoding="utf-8")
    r = _run("controleer", "--werkmap", ws)
    assert "kwaliteit-formulier" not in r.output, r.output


def test_een_formule_in_het_formulier_is_een_fout_en_niet_ook_een_lege_cel(tmp_path: Path) -> None:
    """A formula where the panel types a value was said twice, the second time untrue: '=75' in the score cell read
    'bevat een formule' and also 'de score ontbreekt', a name by formula 'is niet de aanmelder'. Each cell has its
    one error, and the others are still all named."""
    ws, bod = _gestart(tmp_path)
    assert _toetreding(ws, bod, "2026-07-10").exit_code == 1
    pad = _ingevuld(ws, tmp_path / "formule.xlsx", 75, 50)
    wb = load_workbook(pad)
    blad = wb["Kwaliteit"]
    blad["B1"], blad["C7"], blad["D8"], blad["C8"] = '="Delta"', "=75", "=A8", 150
    wb.save(pad)
    r = _toetreding(ws, bod, "2026-07-10", "--kwaliteit", pad)
    assert r.exit_code == 2, r.output
    regels = [" ".join(x.split()) for x in r.output.split("formule.xlsx!")[1:]]
    assert regels == [
        "Kwaliteit!B1: bevat een formule; vul de waarde zelf in",
        "Kwaliteit!C7: bevat een formule; vul de waarde zelf in",
        "Kwaliteit!C8: de score '150' staat niet op de schaal; kies uit 0, 25, 50, 75, 100",
        "Kwaliteit!D8: bevat een formule; vul de waarde zelf in",
    ], r.output
    assert _leveranciers(ws) == ["Alfa", "Beta"]
