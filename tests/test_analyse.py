"""evaluatie.open: the README's worked example runs, and its frames equal gunning.json."""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from click.testing import CliRunner

import evaluatie
from evaluatie.cli import main
from tests.hulp import LOTING_WIE, REPO


def _voorbeeld_uit_readme() -> str:
    tekst = (REPO / "README.md").read_text(encoding="utf-8")
    sectie = tekst.split("## Analyse met pandas")[1]
    m = re.search(r"```python\n(.*?)```", sectie, flags=re.DOTALL)
    assert m, "README: geen python-voorbeeld onder 'Analyse met pandas'"
    return m.group(1)


def test_readme_voorbeeld_geeft_wat_gunning_json_zegt(voorbeeld: Path) -> None:
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld), "--geen-rapport"])
    assert res.exit_code == 0, res.output
    data = json.loads((voorbeeld / "rapporten" / "gunning.json").read_text(encoding="utf-8"))

    code = _voorbeeld_uit_readme()
    assert '"bids/voorbeeld"' in code
    ruimte: dict[str, object] = {}
    with contextlib.redirect_stdout(io.StringIO()) as uit:
        exec(compile(code.replace('"bids/voorbeeld"', repr(str(voorbeeld))), "README.md", "exec"), ruimte)
    assert "Taalhuis De Brug B.V." in uit.getvalue()

    b1 = data["percelen"]["B1"]
    rangorde = ruimte["rangorde"]
    assert [
        (r["rang"], r["inschrijver"], r["kwaliteit"], r["prijs"], r["prijsscore"], r["totaal"]) for r in b1["rangorde"]
    ] == [
        (int(r.rang), r.inschrijver, round(r.kwaliteit, 4), r.prijs, round(r.prijsscore, 4), round(r.totaal, 4))
        for r in rangorde.itertuples()
    ]
    verdeling = ruimte["verdeling"]
    uit_json = {(t["gemeente"], t["inschrijver"]): t["aantal"] for t in b1["toewijzing"]}
    uit_frame = {(g, i): int(n) for (g, i), n in verdeling.stack().items() if n}
    assert uit_frame == uit_json
    assert list(verdeling.columns) == [r["inschrijver"] for r in b1["rangorde"]]
    kosten = ruimte["kosten"]
    per_json: dict[tuple[str, str], float] = {}
    for code_, p in data["percelen"].items():
        for t in p["toewijzing"]:
            per_json[code_, t["gemeente"]] = round(per_json.get((code_, t["gemeente"]), 0.0) + t["kosten"], 2)
    assert {(r.perceel, r.gemeente): round(r.kosten, 2) for r in kosten.itertuples()} == per_json


def test_overige_tabellen_volgen_dezelfde_gunning(voorbeeld: Path) -> None:
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld), "--geen-rapport"])
    assert res.exit_code == 0, res.output
    data = json.loads((voorbeeld / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    a = evaluatie.open(voorbeeld)
    ko = a.knockout()
    afgevallen = {(r.inschrijver, r.perceel) for r in ko.itertuples() if r.voldoet is False}
    assert afgevallen == {(u["inschrijver"], c) for c, p in data["percelen"].items() for u in p["uitgesloten"]}
    assert afgevallen  # the example knocks out two bids: the comparison is not empty
    kwaliteit = {(r.perceel, r.inschrijver): round(r.kwaliteit, 4) for r in a.kwaliteit().itertuples()}
    for c, p in data["percelen"].items():
        for r in p["rangorde"]:
            assert kwaliteit[c, r["inschrijver"]] == r["kwaliteit"]
    bids = a.inschrijvingen()
    prijs = {(r.inschrijver, r.perceel): r.prijs for r in bids.itertuples()}
    for c, p in data["percelen"].items():
        for r in p["rangorde"]:
            assert prijs[r["inschrijver"], c] == r["prijs"]
    # every reviewer's score, and the consensus row the example has (Joost de Ridder, Inburgerwijs B1 K1)
    scores = a.scores()
    assert set(scores["beoordelaar"]) == {"Anouk Verbeek", "Joost de Ridder", "Mehmet Yilmaz"}
    panel = a.panel()
    rij = panel[(panel.inschrijver == "Inburgerwijs Academie") & (panel.perceel == "B1") & (panel.criterium == "K1")]
    assert rij.iloc[0].consensus == rij.iloc[0].punten


def test_de_bibliotheek_schrijft_niets_op_stdout(voorbeeld: Path) -> None:
    """A real process (the HiGHS banner is native code writing to fd 1, once per process): `evaluatie.pipeline`
    called from a script or notebook printed 'Running HiGHS ... Copyright ...' on the caller's stdout; only the
    command line and evaluatie.open silenced it. A library call now prints nothing there, whatever calls it."""
    import subprocess
    import sys

    script = (
        "from pathlib import Path\n"
        "from evaluatie.pipeline import gun\n"
        "from evaluatie.werkmap import Werkmap\n"
        f"award = gun(Werkmap(Path({str(voorbeeld)!r})), 'B1', 'highs')\n"
        "assert award.uitslag.percelen['B1'].toewijzing\n"
    )
    res = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert res.stdout == ""


def test_een_leeg_pad_of_een_map_zonder_aanbesteding_zegt_dat(tmp_path: Path, monkeypatch) -> None:
    """evaluatie.open("") (an empty variable in a notebook) opened the current folder in silence, as the command
    line never does with --werkmap ""; a folder without aanbesteding.yaml said 'aanbesteding.yaml: bestand niet
    gevonden' without the folder, and only at the first table. Both are said at the call now, in words."""
    import pytest

    from evaluatie.fouten import InvoerFout

    shutil.copytree(REPO / "bids" / "voorbeeld", tmp_path / "hier")
    monkeypatch.chdir(tmp_path / "hier")  # the current folder holds a tender: it must not be taken for ''
    with pytest.raises(ValueError, match="een leeg pad is geen werkmap"):
        evaluatie.open("")
    with pytest.raises(InvoerFout) as e:
        evaluatie.open(tmp_path / "elders")  # a typo in the path: said as a folder that does not exist
    assert [str(f) for f in e.value.fouten] == [
        f"{tmp_path / 'elders'}: de map bestaat niet (dus ook geen aanbesteding.yaml); geef de map van de aanbesteding"
    ]
    # percelen="" (an empty variable) analysed every lot, as if left out; --lots "" is refused on the command line
    with pytest.raises(ValueError, match="percelen: een lege tekst noemt geen perceel"):
        evaluatie.open(tmp_path / "hier", percelen="")
    (tmp_path / "leeg").mkdir()
    with pytest.raises(InvoerFout) as e:
        evaluatie.open(tmp_path / "leeg")
    assert [str(f) for f in e.value.fouten] == [
        f"{tmp_path / 'leeg'}: geen aanbesteding.yaml gevonden; geef de map van de aanbesteding"
    ]


def test_een_gelijke_stand_zonder_loting_geeft_geen_verdeling(tmp_path: Path) -> None:
    """P and Q tie (quality 75, EUR 9.000 both, capacity 20 each for a demand of 20): who gets the 20 is up to a draw.
    The allocation tables gave P all 20 on alphabetical order, in silence (the command line says 'loting is nodig'
    and exits 1); they now raise an EvaluatieFout with the command that records the draw. The ranking, which shows
    the tie, stays available. After the draw Q;P, Q gets the 20."""
    import pytest

    from evaluatie.fouten import EvaluatieFout
    from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel

    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    for bestand, naam, kvk in (("p.xlsx", "P", "11111111"), ("q.xlsx", "Q", "22222222")):
        schrijf_bod(ws, bestand, naam, kvk, [("B1", 9000, 20, 12, 4, "alle")])
    vul_panel(ws, {"P": 75, "Q": 75})
    a = evaluatie.open(ws)
    rangorde = a.rangorde("B1")
    assert list(rangorde["rang"]) == [1, 1] and rangorde["gelijke_stand"].all()
    for tabel in (a.toewijzing, a.kosten, lambda: a.verdeling("B1")):
        with pytest.raises(EvaluatieFout) as e:
            tabel()
        assert e.value.meldingen == [
            "perceel B1: P, Q staan gelijk op rang 1 en de volgorde bepaalt de verdeling; zonder loting is er geen "
            'verdeling. Leg de loting vast: evaluatie loting --lots B1 --volgorde "P;Q" --datum JJJJ-MM-DD '
            '--getuige "naam, functie" --door "naam, functie" --reden "..."'
        ]
    loting = ["loting", "--werkmap", str(ws), "--lots", "B1", "--volgorde", "Q;P", "--datum", "2026-04-01"]
    res = CliRunner().invoke(main, [*loting, "--getuige", "A. Notaris, notaris", *LOTING_WIE])
    assert res.exit_code == 0, res.output
    toewijzing = evaluatie.open(ws).toewijzing()
    assert toewijzing.groupby("inschrijver")["aantal"].sum().to_dict() == {"Q": 20}


def test_iedere_kolom_heeft_haar_eigen_type_ook_in_een_lege_tabel(tmp_path: Path) -> None:
    """B1 awarded and PVT by open house: analysed for one lot, rangorde() (PVT) and toegelaten() (B1) are empty, and
    their columns were all 'object' (rang, totaal, prijs), unlike the same tables with rows; panel()'s consensus was
    'object' when no row had a consensus and float when one had. Every column now has one type, rows or not."""
    from tests.hulp import kleine_aanbesteding, maak_werkmap, module_naast_b1, schrijf_bod, vul_panel

    ws = maak_werkmap(tmp_path / "ws", module_naast_b1(kleine_aanbesteding(), "PVT", "Participatieverklaring", 350))
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 30, 12, 4, "alle"), ("PVT", 300, 10, 12, 4, "alle")])
    vul_panel(ws, {"Alfa": 75})
    alleen_b1, alleen_pvt = evaluatie.open(ws, percelen="B1"), evaluatie.open(ws, percelen="PVT")
    for vol, leeg in ((alleen_b1.rangorde(), alleen_pvt.rangorde()), (alleen_pvt.toegelaten(), alleen_b1.toegelaten())):
        assert len(vol) == 1 and leeg.empty
        assert leeg.dtypes.to_dict() == vol.dtypes.to_dict()
    assert str(alleen_b1.rangorde()["rang"].dtype) == "int64"
    panel = alleen_b1.panel()
    assert panel["consensus"].isna().all()  # no consensus.xlsx
    assert str(panel["consensus"].dtype) == "float64"
    # every rule checkable here (no None), and no tie (beslist_door all None): still the README's 'object'
    assert str(alleen_b1.knockout()["voldoet"].dtype) == "object"
    assert str(alleen_b1.rangorde()["beslist_door"].dtype) == "object"


def test_perceel_en_oplosser_zoals_op_de_commandoregel(voorbeeld: Path) -> None:
    """evaluatie.open(..., percelen="b1") took the lot in lower case, as --lots does, but rangorde("b1") and
    verdeling("b1") said 'b1' was no awarded lot; an unknown solver was said at the first table, without the
    choices. Both now as on the command line."""
    import pytest

    a = evaluatie.open(voorbeeld, percelen="b1")
    assert a.verdeling("b1").equals(a.verdeling("B1"))
    assert list(a.rangorde("b1")["perceel"].unique()) == ["B1"]
    # not 'geen gegund perceel ...; wel: ...': the lots it lists may be an open house or not awarded
    with pytest.raises(ValueError, match="'b2' is geen perceel van deze analyse; wel: B1"):
        a.rangorde("b2")
    with pytest.raises(ValueError, match="onbekende oplosser 'foo'; kies uit auto, highs, cbc"):
        evaluatie.open(voorbeeld, oplosser="foo")


def test_open_punten_zegt_wat_de_gunning_nog_tegenhoudt(voorbeeld: Path, tmp_path: Path) -> None:
    """What keeps the award a CONCEPT on the command line (exit 1: a draw, a stale decision, the sender) was nowhere in
    the analysis: open_punten() gives it, in the words and with the commands of 'evaluatie gunning'."""
    from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel

    leeg = evaluatie.open(voorbeeld).open_punten()
    assert leeg.empty and list(leeg.columns) == ["soort", "tekst", "commando"]
    data = kleine_aanbesteding()
    del data["afzender"]
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    vul_panel(ws, {"X": 75})
    punten = evaluatie.open(ws).open_punten()
    assert list(punten["soort"]) == ["afzender", "contactpersoon", "ondertekenaar"]
    assert list(punten["commando"]) == [
        "aanbesteding.yaml: afzender.adres",
        "aanbesteding.yaml: afzender.contactpersoon: {naam: ..., functie: ...}",
        "aanbesteding.yaml: afzender.ondertekenaar: {naam: ..., functie: ...}",
    ]
    assert str(leeg["tekst"].dtype) == str(punten["tekst"].dtype)


def _pqr_met_loting(tmp_path: Path) -> Path:
    """P and Q tie at rank 1 of B1 (quality 75, EUR 9.000), R is third (quality 50, EUR 9.500); the draw Q;P,
    recorded with 'evaluatie loting', decides the tie."""
    from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel

    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "p.xlsx", "P", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "q.xlsx", "Q", "22222222", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "r.xlsx", "R", "33333333", [("B1", 9500, 10, 12, 4, "alle")])
    vul_panel(ws, {"P": 75, "Q": 75, "R": 50})
    loting = ["loting", "--werkmap", str(ws), "--lots", "B1", "--volgorde", "Q;P", "--datum", "2026-04-01"]
    assert CliRunner().invoke(main, [*loting, "--getuige", "A. Notaris, notaris", *LOTING_WIE]).exit_code == 0
    return ws


def test_beslist_door_is_none_waar_geen_beslisregel_nodig_was(tmp_path: Path) -> None:
    """P, Q and R of _pqr_met_loting. rangorde()'s beslist_door was NaN for R, not the None the README promises:
    pandas reads a column of texts and None as text with NaN, and NaN stayed after the 'object' cast. Now 'loting'
    for Q and P and None for R, as gunning.json says (null)."""
    ws = _pqr_met_loting(tmp_path)
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws), "--geen-rapport"])
    assert res.exit_code == 0, res.output
    data = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    rangorde = evaluatie.open(ws).rangorde("B1")
    assert list(rangorde["inschrijver"]) == ["Q", "P", "R"]
    assert list(rangorde["beslist_door"]) == ["loting", "loting", None]
    assert list(rangorde["beslist_door"]) == [r["beslist_door"] for r in data["percelen"]["B1"]["rangorde"]]
    assert str(rangorde["beslist_door"].dtype) == "object"


def test_mypy_ziet_de_typen_van_de_analyse(tmp_path: Path) -> None:
    """An analyst's script, the README's example, checked by mypy from a folder of its own, as a notebook project
    does: without the PEP 561 marker (evaluatie/py.typed) mypy said 'module is installed, but missing library stubs or
    py.typed marker' and took evaluatie.open(...) as Any, so a misspelt method passed unnoticed. Now the analysis has
    its type, and the misspelling is an error."""
    import subprocess
    import sys

    script = tmp_path / "script.py"
    script.write_text(f"{_voorbeeld_uit_readme()}reveal_type(a)\na.rangschikking()\n", encoding="utf-8")
    mypy = [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache"), "--no-error-summary", "script.py"]
    res = subprocess.run(mypy, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert res.stdout.splitlines() == [
        'script.py:10: note: Revealed type is "evaluatie.analyse.Aanbestedingsanalyse"',
        'script.py:11: error: "Aanbestedingsanalyse" has no attribute "rangschikking"  [attr-defined]',
    ], res.stdout + res.stderr


def _pvt_zeta_alfa(tmp_path: Path) -> Path:
    """PVT by open house with minimum_kwaliteit 40 beside B1: Zeta bids EUR 300 on PVT (and B1), Alfa EUR 320, both
    capacity 10 for the 5, 3 and 2 of Noord, Oost and Zuid; Ada scores 75, Bram and Cor 50 on both criteria, so each
    bid's quality is (75 + 50 + 50) / 3 = 58,333..."""
    from evaluatie.pipeline import schrijf_beoordelingsformulieren
    from evaluatie.werkmap import Werkmap
    from tests.hulp import kleine_aanbesteding, maak_werkmap, module_naast_b1, schrijf_bod, vul_beoordeling

    data = module_naast_b1(kleine_aanbesteding(beoordelaars=["Ada", "Bram", "Cor"]), "PVT", "PVT", 350, 40)
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "z.xlsx", "Zeta", "11111111", [("B1", 9000, 30, 12, 4, "alle"), ("PVT", 300, 10, 12, 4, "alle")])
    schrijf_bod(ws, "a.xlsx", "Alfa", "22222222", [("PVT", 320, 10, 12, 4, "alle")])
    schrijf_beoordelingsformulieren(Werkmap(ws))
    for beoordelaar, punten in (("ada", 75), ("bram", 50), ("cor", 50)):
        criteria = ("Plan van aanpak", "Samenwerking")
        vul_beoordeling(
            ws / "beoordelingen" / f"{beoordelaar}.xlsx", {(i, c): punten for i in ("Zeta", "Alfa") for c in criteria}
        )
    return ws


def test_toegelaten_op_volle_precisie_zoals_kwaliteit(tmp_path: Path) -> None:
    """_pvt_zeta_alfa: toegelaten() gave 58.3333, the 4 decimals of gunning.json, where kwaliteit() and rangorde()
    give the full figure (README: the tables at full precision); a merge of the two tables on kwaliteit found no
    match. Now the same figure in both, and the order by name as gunning.json."""
    a = evaluatie.open(_pvt_zeta_alfa(tmp_path))
    toegelaten = a.toegelaten()
    assert list(toegelaten["inschrijver"]) == ["Alfa", "Zeta"]
    assert list(toegelaten["kwaliteit"]) == [175 / 3, 175 / 3]
    kwaliteit = a.kwaliteit()
    assert list(kwaliteit[kwaliteit["perceel"] == "PVT"]["kwaliteit"]) == list(toegelaten["kwaliteit"])


def test_verdeling_van_een_open_house_op_naam(tmp_path: Path) -> None:
    """_pvt_zeta_alfa: verdeling("PVT") had its suppliers 'in rank order', Zeta (EUR 300) before Alfa (EUR 320), an
    order an open house does not have, where toegelaten(), toewijzing() and gunning.json list them by name. Now by
    name too. The expectation by capacity (10 and 10): Noord 5 as 3 and 2, Oost 3 as 2 and 1, Zuid 2 as 1 and 1."""
    a = evaluatie.open(_pvt_zeta_alfa(tmp_path))
    verdeling = a.verdeling("PVT")
    assert list(verdeling.columns) == ["Alfa", "Zeta"]
    assert list(verdeling.columns) == list(a.toegelaten()["inschrijver"])
    assert verdeling.sum(axis=1).to_dict() == {"Noord": 5, "Oost": 3, "Zuid": 2}
    lang = {(r.gemeente, r.inschrijver): r.aantal for r in a.toewijzing().itertuples() if r.perceel == "PVT"}
    assert {(g, i): int(n) for (g, i), n in verdeling.stack().items() if n} == lang


def test_een_met_de_hand_gewijzigde_loting_geldt_ook_hier_niet(tmp_path: Path) -> None:
    """The draw Q;P of _pqr_met_loting turned into P;Q in loting.yaml by hand: 'evaluatie gunning' refuses it (exit 2,
    the file differs from what 'evaluatie loting' wrote), but evaluatie.open applied it in silence, P first by
    'loting', with no open point. The analysis now raises the same InvoerFout at the first table."""
    import pytest

    from evaluatie.fouten import InvoerFout

    ws = _pqr_met_loting(tmp_path)
    pad = ws / "loting.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("- Q\n  - P", "- P\n  - Q"), encoding="utf-8")
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws), "--geen-rapport"])
    assert res.exit_code == 2
    with pytest.raises(InvoerFout) as e:
        evaluatie.open(ws).rangorde()
    [fout] = e.value.fouten
    assert fout.plaats == "loting.yaml"
    assert fout.bericht.startswith("is gewijzigd buiten de besluitcommando's om: sha256 is nu ")
    assert res.stderr.split("loting.yaml: ")[1].startswith(fout.bericht[:60])


def test_rijvolgorde_zoals_de_readme_zegt(voorbeeld: Path) -> None:
    """The README states each table's row order; on the example (lots B1, onderwijs, Z; seven gemeenten) every
    table is in it, and a second analysis gives the same frames (equals, and the same types)."""
    a, b = evaluatie.open(voorbeeld), evaluatie.open(voorbeeld)
    percelen = ["B1", "onderwijs", "Z"]
    gemeenten = ["Blaricum", "Eemnes", "Gooise Meren", "Hilversum", "Huizen", "Laren", "Wijdemeren"]
    rang = {(r.perceel, r.inschrijver): r.rang for r in a.rangorde().itertuples()}

    def op(tabel: Any, sleutel: Callable[[Any], object]) -> None:
        rijen = list(tabel.itertuples())
        assert rijen == sorted(rijen, key=sleutel)

    for naam in ("knockout", "scores", "panel", "kwaliteit"):
        op(getattr(a, naam)(), lambda r: (percelen.index(r.perceel), r.inschrijver.casefold()))
    op(a.scores(), lambda r: (percelen.index(r.perceel), r.inschrijver.casefold(), r.criterium, r.beoordelaar))
    op(a.rangorde(), lambda r: (percelen.index(r.perceel), r.rang))
    op(a.inschrijvingen(), lambda r: (r.inschrijver.casefold(), percelen.index(r.perceel)))
    op(
        a.toewijzing(),
        lambda r: (percelen.index(r.perceel), gemeenten.index(r.gemeente), rang[r.perceel, r.inschrijver]),
    )
    op(a.kosten(), lambda r: (percelen.index(r.perceel), gemeenten.index(r.gemeente)))
    for naam in ("inschrijvingen", "knockout", "scores", "panel", "kwaliteit", "rangorde", "toewijzing", "kosten"):
        x, y = getattr(a, naam)(), getattr(b, naam)()
        assert x.equals(y) and x.dtypes.equals(y.dtypes), naam
    assert a.verdeling("B1").equals(b.verdeling("B1"))


def test_scores_noemt_ook_de_opzijgezette_scores(voorbeeld: Path) -> None:
    """Z-route with a ceiling of 9000: every bid on it is above it, Z is not awarded and the panel's Z scores are set
    aside. scores() left them out, although the README says every score of every reviewer; they are now in it, marked
    opzijgezet with the reason, their points those of the typed label on the scale."""
    from openpyxl import load_workbook

    yaml_pad = voorbeeld / "aanbesteding.yaml"
    tekst = yaml_pad.read_text(encoding="utf-8")
    yaml_pad.write_text(tekst.replace("    knockout: {capaciteit", "    plafondprijs: 9000\n    knockout: {capaciteit"))
    scores = evaluatie.open(voorbeeld).scores()
    punten = {"onvoldoende": 0, "matig": 25, "voldoende": 50, "goed": 75, "uitstekend": 100}  # the criteria set
    codes = {
        "Plan van aanpak en maatwerk": "K1",
        "Doorlopende instroom en wachttijd": "K2",
        "Samenwerking met gemeente en klantmanager": "K3",
        "Kwaliteitsborging en resultaten": "K4",
    }
    verwacht = set()
    for naam in ("Anouk Verbeek", "Joost de Ridder", "Mehmet Yilmaz"):
        blad = load_workbook(voorbeeld / "beoordelingen" / f"{naam.lower().replace(' ', '-')}.xlsx")["Beoordeling"]
        for r in blad.iter_rows(values_only=True):
            if r[1] == "Z":
                verwacht.add((r[0], codes[r[2]], naam, float(punten[r[3]])))
    assert len(verwacht) == 24  # Inburgerwijs and Kompas, 4 criteria, 3 reviewers
    z = scores[scores.perceel == "Z"]
    assert set(zip(z.inschrijver, z.criterium, z.beoordelaar, z.punten, strict=True)) == verwacht
    assert z.opzijgezet.all()
    assert set(z.opzij_reden) == {"de inschrijving valt voor dit perceel af in de knock-outtoets"}
    geteld = scores[scores.perceel != "Z"]
    assert not geteld.opzijgezet.any() and set(geteld.opzij_reden) == {""}
    assert len(geteld) == 108  # B1 and onderwijs as before: 60 and 48
