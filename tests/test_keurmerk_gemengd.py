"""A keurmerk that lapses before the decision, in a tender with an award lot and an open house: the Z-route by open
house beside an onderwijsroute by gunning (which asks no keurmerk), as a Drenthe tender writes it. The open point
read "vóór de gunning (7 april 2026); vraag om bewijs van verlenging, of gun onder voorwaarde" and, once decided, the
advies and gunning.json "verloopt vóór de datum van de gunning of van de verzending van deze beslissing. De gunning
geschiedt onder de voorwaarde ...", while the toelatingsbesluit, the only letter with the condition, said "De toelating
geschiedt": the tender as a whole chose the words (only an open house alone spoke of the toelating). Now the lots of
the bid that require the keurmerk choose them, and a bid that needs it in both kinds of lot names both; so also in
the list of `evaluatie besluiten`, which spoke of the gunning even in an open house alone."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import KEURMERK_A, html_tekst, onderwijs_naast_open_z


def _open_punt_en_besluit(ws: Path) -> tuple[str, str, str, str]:
    """The award's open point (exit 1), then after `evaluatie keurmerk` the advies, gunning.json's sentence and
    the list of `evaluatie besluiten`."""
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 1, res.output
    punt = " ".join(res.output.split())
    res = CliRunner().invoke(main, ["keurmerk", "--werkmap", str(ws), *KEURMERK_A])
    assert res.exit_code == 0, res.output
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    advies = " ".join(html_tekst(ws / "rapporten" / "gunningsadvies.html").split())
    besluiten = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))["besluiten"]
    res = CliRunner().invoke(main, ["besluiten", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    return punt, advies, next(b["tekst"] for b in besluiten if b["id"] == "K1"), " ".join(res.output.split())


def test_alleen_het_open_house_vraagt_het_keurmerk(tmp_path: Path) -> None:
    ws = onderwijs_naast_open_z(tmp_path / "ws", "onderwijs")
    punt, advies, json_tekst, lijst = _open_punt_en_besluit(ws)
    assert (
        "Het keurmerk van A verloopt op 20 maart 2026, vóór het toelatingsbesluit (7 april 2026); vraag om bewijs van "
        "verlenging, of laat toe onder voorwaarde."
    ) in punt, punt
    zin = (
        "K1: A: Het keurmerk (in de inschrijving geldig tot 20 maart 2026) verloopt vóór de datum van het "
        "toelatingsbesluit of van de verzending van dit besluit. De toelating geschiedt onder de voorwaarde dat vóór "
        "het sluiten van de overeenkomst een geldig Blik op Werk keurmerk wordt getoond (besluit K1 van 20 maart "
        "2026)."
    )
    assert zin in advies, advies[:6000]
    assert json_tekst.startswith(zin), json_tekst
    assert zin in lijst, lijst
    assert "De gunning geschiedt" not in advies
    # the letter with the condition says the same (it did already); the onderwijsroute's letter has none
    brief = " ".join(html_tekst(ws / "rapporten" / "brieven" / "a-z.html").split())
    assert "De toelating geschiedt onder de voorwaarde" in brief, brief
    assert "keurmerk" not in html_tekst(ws / "rapporten" / "brieven" / "a-onderwijs.html").lower()


def test_gunning_en_toelating_met_het_keurmerk(tmp_path: Path) -> None:
    """A needs the keurmerk in the B1-route by gunning and in the Z-route by open house: the condition is on both."""
    ws = onderwijs_naast_open_z(tmp_path / "ws", "B1")
    punt, advies, json_tekst, lijst = _open_punt_en_besluit(ws)
    assert (
        "Het keurmerk van A verloopt op 20 maart 2026, vóór de gunning en het toelatingsbesluit (7 april 2026); vraag "
        "om bewijs van verlenging, of gun en laat toe onder voorwaarde."
    ) in punt, punt
    zin = (
        "K1: A: Het keurmerk (in de inschrijving geldig tot 20 maart 2026) verloopt vóór de datum van de gunning en "
        "het toelatingsbesluit of van de verzending van deze beslissingen. De gunning en de toelating geschieden "
        "onder de voorwaarde dat vóór het sluiten van de overeenkomst een geldig Blik op Werk keurmerk wordt getoond"
    )
    assert zin in advies, advies[:6000]
    assert json_tekst.startswith(zin), json_tekst
    assert zin in lijst, lijst
    # each letter speaks of its own lot's decision
    b1 = " ".join(html_tekst(ws / "rapporten" / "brieven" / "a-b1.html").split())
    z = " ".join(html_tekst(ws / "rapporten" / "brieven" / "a-z.html").split())
    assert "De gunning geschiedt onder de voorwaarde" in b1, b1
    assert "De toelating geschiedt onder de voorwaarde" in z, z


def test_zonder_keurmerk_noemt_de_brief_het_perceel(tmp_path: Path) -> None:
    """C holds no keurmerk and bids on both lots: in the onderwijsroute (no keurmerk rule) C is valid and ranked,
    so its Z-route letter's 'de aanbesteding vereist dat keurmerk' read as a requirement the other lot broke."""
    ws = onderwijs_naast_open_z(tmp_path / "ws", "onderwijs", zonder_keurmerk=True)
    res = CliRunner().invoke(main, ["keurmerk", "--werkmap", str(ws), *KEURMERK_A])
    assert res.exit_code == 0, res.output
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    z = " ".join(html_tekst(ws / "rapporten" / "brieven" / "c-z.html").split())
    zin = "U heeft geen Blik op Werk keurmerk opgegeven; de aanbesteding vereist dat keurmerk voor perceel Z-route."
    assert zin in z, z
    assert "keurmerk" not in html_tekst(ws / "rapporten" / "brieven" / "c-onderwijs.html").lower()


def test_de_hulp_van_keurmerk_noemt_de_toelating() -> None:
    """`evaluatie keurmerk --help` spoke only of the gunning ('onder_voorwaarde: gunning onder voorwaarde'), while the
    command decides the keurmerk of an open house too, whose letters, advies and open point speak of the toelating."""
    res = CliRunner().invoke(main, ["keurmerk", "--help"])
    assert res.exit_code == 0, res.output
    uit = " ".join(res.output.split())
    assert "vóór de gunning of het toelatingsbesluit verloopt" in uit, uit
    assert "onder_voorwaarde: gunning (bij een open house: toelating) onder voorwaarde." in uit, uit
