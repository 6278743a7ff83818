"""`evaluatie zekerheid` on an open-house lot with a minimum quality: the reviewers decide admissions there.

An open house ranks no one, so the analyses of a ranking lot (winner, draws, margin to winning) do not apply; but
with a minimum quality score one reviewer left out, or a score at the margin, can admit a refused bid or refuse an
admitted one. `zekerheid` used to say of such a lot only that no one is chosen and there was nothing to test, and
--json left the lot out. The scores (tests.hulp.MINIMUM_SCORES, by hand): Alfa 70, Beta 55, Gamma 45 against the
minimum 50; without Ada's scores Gamma has Bram's 50 (admitted: at least the minimum) and Beta 50 (still admitted);
without Bram's, Beta 60 and Gamma 40 (nothing changes).
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import MINIMUM_SCORES, html_tekst, open_house_met_minimum, vul_beoordeling


def _zekerheid(ws: Path, *extra: str):
    res = CliRunner().invoke(main, ["zekerheid", "--werkmap", str(ws), "--trekkingen", "100", *extra])
    assert res.exit_code == 0, res.output
    return res


def test_zekerheid_noemt_de_toelating_die_van_een_beoordelaar_afhangt(tmp_path: Path) -> None:
    ws = open_house_met_minimum(tmp_path / "ws")
    uit = _zekerheid(ws).output
    assert "Perceel PVT-module - open house (toelating), minimale kwaliteitsscore 50,00" in uit, uit
    assert (
        "Zonder de scores van Ada verandert de toelating (minimum 50,00): Gamma wordt dan wel toegelaten "
        "(kwaliteitsscore 50,00)." in uit
    ), uit
    assert "Zonder de scores van Bram worden dezelfde inschrijvers toegelaten." in uit
    assert "Beta (toegelaten): kwaliteitsscore 55,00, 5,00 punten boven het minimum van 50,00." in uit
    assert "Alfa (toegelaten): kwaliteitsscore 70,00, 20,00 punten boven het minimum van 50,00." in uit
    assert (
        "Gamma (niet toegelaten, alleen op de minimale kwaliteit): kwaliteitsscore 45,00, 5,00 punten onder het "
        "minimum van 50,00." in uit
    )
    assert "niemand wordt gekozen" not in uit

    pvt = json.loads(_zekerheid(ws, "--json").stdout)["PVT"]
    assert pvt["soort"] == "toelating" and pvt["minimum"] == 50 and pvt["toegelaten"] == ["Alfa", "Beta"]
    ada, bram = pvt["weglatingen"]
    assert ada == {"beoordelaar": "Ada", "erbij": [{"inschrijver": "Gamma", "kwaliteit": 50}], "eraf": [], "fouten": []}
    assert bram["erbij"] == bram["eraf"] == []
    assert [(m["inschrijver"], m["toegelaten"], m["verschil"]) for m in pvt["marges"]] == [
        ("Beta", True, 5),
        ("Alfa", True, 20),
        ("Gamma", False, -5),
    ]


def test_alleen_open_house_met_minimum_heeft_een_intern_stuk_over_de_toelating(tmp_path: Path) -> None:
    ws = open_house_met_minimum(tmp_path / "ws", alleen_toelating=True)
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    tekst = html_tekst(ws / "rapporten" / "intern" / "zekerheid.html")
    assert "hoort bij het advies over de toelating" in tekst and "gunningsbeslissing" not in tekst, tekst
    assert "Gamma wordt dan wel toegelaten (kwaliteitsscore 50,00)" in tekst


def test_met_een_beoordelaar_zegt_zekerheid_dat_er_niemand_weg_te_laten_is(tmp_path: Path) -> None:
    """With one reviewer, leaving her out leaves no panel: the analysis read the rows without any score as 0,00 and
    said 'Zonder de scores van Ada verandert de toelating: Alfa wordt dan niet toegelaten (kwaliteitsscore 0,00)',
    a score nobody gave. It says there is no other reviewer to compare with (terminal and --json)."""
    import yaml

    ws = open_house_met_minimum(tmp_path / "ws", alleen_toelating=True)
    definitie = yaml.safe_load((ws / "aanbesteding.yaml").read_text(encoding="utf-8"))
    definitie["beoordelaars"] = ["Ada"]
    (ws / "aanbesteding.yaml").write_text(yaml.safe_dump(definitie, allow_unicode=True), encoding="utf-8")
    (ws / "beoordelingen" / "bram.xlsx").unlink()
    uit = _zekerheid(ws).output
    assert "(kwaliteitsscore 0,00)" not in uit, uit
    assert (
        "Zonder de scores van Ada kan over de toelating niet worden beslist: Ada is de enige beoordelaar; zonder "
        "die scores blijft er geen panel over om de uitkomst mee te vergelijken." in uit
    ), uit
    assert "Alfa (toegelaten): kwaliteitsscore 75,00, 25,00 punten boven het minimum van 50,00." in uit  # Ada's own
    (ada,) = json.loads(_zekerheid(ws, "--json").stdout)["PVT"]["weglatingen"]
    assert ada["erbij"] == ada["eraf"] == [] and ada["fouten"] == [
        "Ada is de enige beoordelaar; zonder die scores blijft er geen panel over om de uitkomst mee te vergelijken."
    ]


def test_zonder_een_beoordelaar_telt_een_regel_zonder_score_niet_als_nul(tmp_path: Path) -> None:
    """Three reviewers; the forms are complete (a row left empty is an input error naming its cells), so a row only the
    left-out reviewer scored cannot come from the workbooks; the panel stage counted such a row 0 (`telt = 0.0`) and
    the leave-one-out said Alfa would then be refused (45,00: Plan van aanpak 75 x 0,6 + 0), on a score nobody gave.
    Built by taking Alfa's Samenwerking score out of Bram's and Cees' read forms: without Ada the analysis says in words that
    no score remains for that row, as in the one-reviewer case; without Bram (Ada and Cees remain) nothing changes."""
    import shutil

    import yaml

    from evaluatie.pipeline import gun
    from evaluatie.werkmap import Werkmap
    from evaluatie.zekerheid.toelating import toelatingszekerheid
    from evaluatie.zekerheid.weglaten import panelen_zonder

    ws = open_house_met_minimum(tmp_path / "ws", alleen_toelating=True)
    definitie = yaml.safe_load((ws / "aanbesteding.yaml").read_text(encoding="utf-8"))
    definitie["beoordelaars"] = ["Ada", "Bram", "Cees"]
    (ws / "aanbesteding.yaml").write_text(yaml.safe_dump(definitie, allow_unicode=True), encoding="utf-8")
    shutil.copy(ws / "beoordelingen" / "bram.xlsx", ws / "beoordelingen" / "cees.xlsx")
    vul_beoordeling(ws / "beoordelingen" / "cees.xlsx", MINIMUM_SCORES["bram"], naam="Cees")
    _zekerheid(ws)  # the forms as written are complete: exit 0

    award = gun(Werkmap(ws))
    formulieren, consensus = award.invoer.panelformulieren
    gestript = [
        f
        if f.beoordelaar == "Ada"
        else f.model_copy(
            update={"scores": tuple(s for s in f.scores if (s.inschrijver, s.criterium) != ("Alfa", "K2"))}
        )
        for f in formulieren
    ]
    award.invoer.panelformulieren = (gestript, consensus)
    ada, bram, cees = toelatingszekerheid(award, "PVT", panelen_zonder(award)).weglatingen
    assert ada.erbij == ada.eraf == () and ada.fouten == (
        "zonder de scores van Ada heeft geen beoordelaar Alfa in perceel PVT-module op Samenwerking gescoord en is er "
        "geen consensusscore; een score die niemand gaf telt niet als 0, dus is er voor die regel geen kwaliteitsscore",
    )
    assert bram.fouten == cees.fouten == () and bram.erbij == bram.eraf == ()
