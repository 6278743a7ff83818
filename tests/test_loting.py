"""Undecided ties: a draw is needed only when the order matters, recorded with `evaluatie loting`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from evaluatie.cli import main
from evaluatie.pipeline import schrijf_beoordelingsformulieren
from evaluatie.werkmap import Werkmap
from tests.hulp import LOTING_WIE, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_beoordeling

CRITERIA = ("Plan van aanpak", "Samenwerking")


def _tender(root: Path, extra_winnaar: bool) -> Path:
    """X and Y bid the same price and get the same scores: an exact tie with no tie rule.
    With `extra_winnaar`, W (better quality, capacity 20) takes all 20 inburgeraars whatever the order."""
    ws = maak_werkmap(root, kleine_aanbesteding())
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "y.xlsx", "Y", "22222222", [("B1", 9000, 20, 12, 4, "alle")])
    namen = "XY"
    if extra_winnaar:
        schrijf_bod(ws, "w.xlsx", "W", "33333333", [("B1", 9000, 20, 12, 4, "alle")])
        namen = "XYW"
    schrijf_beoordelingsformulieren(Werkmap(ws))
    scores = {(i, c): (100 if i == "W" else 75) for i in namen for c in CRITERIA}
    for naam in ("ada", "bram"):
        vul_beoordeling(ws / "beoordelingen" / f"{naam}.xlsx", scores)
    return ws


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def gelijk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _tender(tmp_path_factory.mktemp("loting") / "ws", extra_winnaar=False)


def test_beslissende_gelijke_stand_stopt_en_loting_legt_vast(gelijk: Path) -> None:
    ws = str(gelijk)
    res = _run("gunning", "--werkmap", ws)
    assert res.exit_code == 1, res.output
    assert 'evaluatie loting --lots B1 --volgorde "X;Y" --datum JJJJ-MM-DD --getuige "naam, functie"' in res.output
    rapporten = gelijk / "rapporten"
    assert "CONCEPT" in (rapporten / "gunningsadvies.html").read_text(encoding="utf-8")
    assert not (rapporten / "brieven").exists() and not (rapporten / "gunningsadvies.xlsx").exists()
    data = json.loads((rapporten / "gunning.json").read_text(encoding="utf-8"))
    assert data["percelen"]["B1"]["gelijke_standen"] == [{"rang": 1, "inschrijvers": ["X", "Y"], "loting_nodig": True}]

    # a draw for names that are not tied, or a bad date, is a usage error and writes nothing
    getuige = "mr. J. Notaris, notaris te Noord"
    fout = _run(
        "loting",
        "--werkmap",
        ws,
        "--lots",
        "B1",
        "--volgorde",
        "X;Q",
        "--datum",
        "2026-04-01",
        "--getuige",
        getuige,
        *LOTING_WIE,
    )
    assert fout.exit_code == 2 and "'Q' is geen inschrijver in deze aanbesteding" in fout.output
    fout = _run(
        "loting",
        "--werkmap",
        ws,
        "--lots",
        "B1",
        "--volgorde",
        "Y;X",
        "--datum",
        "1-4-2026",
        "--getuige",
        getuige,
        *LOTING_WIE,
    )
    assert fout.exit_code == 2 and "--datum" in fout.output
    assert not (gelijk / "loting.yaml").exists()

    res = _run(
        "loting", "--werkmap", ws, "--lots", "B1", "--volgorde", "Y;X", "--datum", "2026-04-01",
        "--getuige", "mr. J. Notaris, notaris te Noord", *LOTING_WIE,
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    assert (gelijk / "loting.yaml").is_file()

    res = _run("gunning", "--werkmap", ws)
    assert res.exit_code == 0, res.output
    data = json.loads((rapporten / "gunning.json").read_text(encoding="utf-8"))
    b1 = data["percelen"]["B1"]
    assert [(r["inschrijver"], r["rang"], r["beslist_door"]) for r in b1["rangorde"]] == [
        ("Y", 1, "loting"),
        ("X", 2, "loting"),
    ]
    assert {t["inschrijver"] for t in b1["toewijzing"]} == {"Y"}  # the drawn first gets all 20
    assert "loting.yaml" in {b["bestand"] for b in data["invoer"]}
    log = [json.loads(r) for r in (gelijk / "logboek.jsonl").read_text(encoding="utf-8").splitlines()]
    assert "loting.yaml" in {b["bestand"] for b in log[-1]["invoer"]}
    brief = Document(str(rapporten / "brieven" / "x-b1.docx"))
    tekst = "\n".join(p.text for p in brief.paragraphs)
    assert "De volgorde is op 1 april 2026 door loting bepaald, in aanwezigheid van mr. J. Notaris" in tekst
    advies = (rapporten / "gunningsadvies.html").read_text(encoding="utf-8")
    assert "Y is geplaatst door loting: de volgorde is op 1 april 2026 door loting bepaald" in advies
    assert "Zonder consensusmotivering (4 regels)" in advies  # 2 bidders x 2 criteria, no consensus sheet
    assert _run("controleer", "--werkmap", ws).exit_code == 0

    # the recorded draw is checked like any input: a changed loting.yaml is named by controleer
    pad = gelijk / "loting.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("notaris te Noord", "notaris"), encoding="utf-8")
    res = _run("controleer", "--werkmap", ws)
    assert res.exit_code == 1 and "loting.yaml: gewijzigd sinds de gunning" in res.output


def test_gelijke_stand_zonder_gevolg_blokkeert_niet(tmp_path: Path) -> None:
    ws = _tender(tmp_path / "ws", extra_winnaar=True)
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    assert "gelijke stand op rang 2 tussen X, Y: de volgorde verandert de gunning en de verdeling niet" in res.output
    data = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    assert data["percelen"]["B1"]["gelijke_standen"][0]["loting_nodig"] is False
    brief = Document(str(ws / "rapporten" / "brieven" / "x-b1.docx"))
    tekst = "\n".join(p.text for p in brief.paragraphs)
    # X and Y both get nothing: neither letter names the other (README, openbaarmaking)
    assert (
        "U deelt rang 2 met een andere inschrijver. De volgorde tussen u verandert de gunning en de verdeling niet"
        in tekst
    )


def test_kapotte_loting_yaml_is_invoerfout(tmp_path: Path) -> None:
    ws = _tender(tmp_path / "ws", extra_winnaar=False)
    (ws / "loting.yaml").write_text("lotingen:\n  - perceel: B1\n    volgorde: [X]\n    datum: gisteren\n", "utf-8")
    res = _run("gunning", "--werkmap", str(ws), "--geen-rapport")
    assert res.exit_code == 2
    assert "loting.yaml: lotingen[1]: ontbreekt: getuige" in res.output


def test_loting_yaml_noemt_iedere_fout_van_iedere_loting(tmp_path: Path) -> None:
    """A hand-edited loting.yaml: the first entry misses door and reden, has a bad date, names X twice and a blank
    witness; the second a blank lot and a withdrawal without door and reden; the third a blank lot and no door. Only
    the first problem of each entry was reported (one more per run), and a blank lot or witness was read as 'None';
    now every problem, each with its entry and field, in one run with exit 2."""
    ws = _tender(tmp_path / "ws", extra_winnaar=False)
    (ws / "loting.yaml").write_text(
        "lotingen:\n"
        "  - {perceel: B1, volgorde: [X, X], datum: gisteren, getuige: ''}\n"
        "  - {perceel: , volgorde: [X, Y], datum: 2026-04-01, getuige: 'A. Notaris, notaris', door: 'S. Jansen, "
        "inkoopadviseur', reden: 'Onbesliste gelijke stand.', ingetrokken: {datum: 2026-04-02}}\n"
        "  - {perceel: , volgorde: [X, Y], datum: 2026-04-01, getuige: 'A. Notaris, notaris'}\n",
        "utf-8",
    )
    res = _run("gunning", "--werkmap", str(ws), "--geen-rapport")
    assert res.exit_code == 2, res.output
    uit = " ".join(res.output.split())
    for fout in (
        "loting.yaml: lotingen[1]: loting L1 mist 'door' en 'reden'",
        "loting.yaml: lotingen[1]: volgorde: een inschrijver staat er twee keer in",
        "loting.yaml: lotingen[1]: datum: verwacht een datum JJJJ-MM-DD, gevonden 'gisteren'",
        "loting.yaml: lotingen[1]: getuige: verwacht naam en functie van wie de loting bijwoonde",
        "loting.yaml: lotingen[2]: perceel: verwacht de code van het perceel",
        "loting.yaml: lotingen[2]: ingetrokken: verwacht datum, door en reden",
        "loting.yaml: lotingen[3]: perceel: verwacht de code van het perceel",
        # the command that records it again never offers a blank field as 'None'
        '--lots PERCEEL --volgorde "X;Y" --datum 2026-04-01 --getuige "A. Notaris, notaris"',
        '--lots B1 --volgorde "X;X" --datum JJJJ-MM-DD --getuige "naam, functie"',
    ):
        assert fout in uit, (fout, uit)


def test_onbekend_perceel_of_inschrijver_komt_met_de_leesfouten(tmp_path: Path) -> None:
    """A loting.yaml whose first draw names lot B9 (the tender has only B1), whose second names 'x' (the bid is X) and
    'Zeta' (no bid at all), and whose third misses its witness: only the missing witness was reported; with it
    repaired, the unknown lot stopped the award alone, and the unknown bidders came only after that, as a stale draw.
    Now all four in one run (exit 2), each with its entry; a withdrawn draw is on record and is not checked."""
    ws = _tender(tmp_path / "ws", extra_winnaar=False)
    wie = "door: 'S. Jansen, inkoopadviseur', reden: 'Onbesliste gelijke stand.'"
    (ws / "loting.yaml").write_text(
        "lotingen:\n"
        f"  - {{perceel: B9, volgorde: [Y, X], datum: 2026-04-01, getuige: 'A. Notaris, notaris', {wie}}}\n"
        f"  - {{perceel: B1, volgorde: [x, Zeta], datum: 2026-04-01, getuige: 'A. Notaris, notaris', {wie}}}\n"
        f"  - {{perceel: B1, volgorde: [Y, X], datum: 2026-04-01, {wie}}}\n"
        f"  - {{perceel: B7, volgorde: [Y, Q], datum: 2026-04-01, getuige: 'A. Notaris, notaris', {wie}, "
        "ingetrokken: {datum: 2026-04-02, door: 'S. Jansen, inkoopadviseur', reden: 'Verkeerd perceel.'}}\n",
        "utf-8",
    )
    res = _run("gunning", "--werkmap", str(ws), "--geen-rapport")
    assert res.exit_code == 2, res.output
    uit = " ".join(res.output.split())
    # and, with them, that no command wrote this file (said only after the four were repaired before)
    assert "Fouten in de invoer (5)" in uit, uit
    assert "loting.yaml: is niet door een besluitcommando geschreven" in uit, uit
    for fout in (
        "loting.yaml: lotingen[1]: perceel: 'B9' is geen perceel van deze aanbesteding (percelen: B1). Is loting L1 "
        "zo vastgelegd en is dat perceel er sindsdien niet meer, trek haar dan in met 'evaluatie intrekken L1' en leg "
        "zo nodig een nieuwe loting vast",
        "loting.yaml: lotingen[2]: volgorde: 'x' is geen inschrijver in deze aanbesteding (bedoelt u 'X'?). Is die "
        "inschrijving sindsdien uit inschrijvingen/ gehaald omdat zij is teruggetrokken, leg dat dan vast met "
        "'evaluatie terugtrekking --inschrijver \"x\" ...'; is loting L2 anders niet zo bedoeld, trek haar dan in met "
        "'evaluatie intrekken L2' en leg zo nodig een nieuwe loting vast",
        "loting.yaml: lotingen[2]: volgorde: 'Zeta' is geen inschrijver in deze aanbesteding (bekend: X, Y). Is die",
        "loting.yaml: lotingen[3]: ontbreekt: getuige",
    ):
        assert fout in uit, (fout, uit)
    assert "lotingen[4]" not in uit and "verouderd" not in uit


def test_json_noemt_het_perceel_zoals_vastgelegd(tmp_path: Path) -> None:
    """--lots b1 --volgorde "y;x" --datum 01-04-2026: loting.yaml records B1, Y;X and 2026-04-01, and --json gave the
    order and the date as recorded but the lot as typed ("perceel": "b1"), not the code of gunning.json. Now "B1"."""
    ws = _tender(tmp_path / "ws", extra_winnaar=False)
    res = _run("loting", "--werkmap", str(ws), "--lots", "b1", "--volgorde", "y;x", "--datum", "01-04-2026",
               "--getuige", "A. Notaris, notaris", *LOTING_WIE, "--json")  # fmt: skip
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert (data["perceel"], data["volgorde"], data["datum"]) == ("B1", ["Y", "X"], "2026-04-01")
    assert "perceel: B1" in (ws / "loting.yaml").read_text(encoding="utf-8")
