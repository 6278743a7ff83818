"""Decisions only a person can take: recorded by a command, applied, stated, withdrawn, and stale
when their premise changes. Real workbooks in tmp dirs, real CLI calls, real solver runs."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from docx import Document

from evaluatie.cli import main
from evaluatie.hashing import sha256_bestand
from evaluatie.pipeline import schrijf_beoordelingsformulieren
from evaluatie.werkmap import Werkmap
from tests.hulp import LOTING_WIE, kleine_aanbesteding, maak_werkmap, schrijf_bod, schrijf_yaml, vul_beoordeling

CRITERIA = ("Plan van aanpak", "Samenwerking")
DOOR = "P. de Vries, inkoopadviseur"
REDEN = "Na schriftelijke verduidelijking van de inschrijver beoordeeld."


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _vul(ws: Path, scores: dict[str, int]) -> None:
    schrijf_beoordelingsformulieren(Werkmap(ws), overschrijven=True)
    for naam in ("ada", "bram"):
        vul_beoordeling(ws / "beoordelingen" / f"{naam}.xlsx", {(i, c): s for i, s in scores.items() for c in CRITERIA})


def _brief(ws: Path, naam: str) -> str:
    return "\n".join(p.text for p in Document(str(ws / "rapporten" / "brieven" / f"{naam}-b1.docx")).paragraphs)


def _advies(ws: Path) -> str:
    return (ws / "rapporten" / "gunningsadvies.html").read_text(encoding="utf-8")


def _besluit(ws: Path, *args: str, reden: str = REDEN, datum: str = "2026-03-20") -> Result:
    return _run(args[0], "--werkmap", str(ws), *args[1:], "--reden", reden, "--door", DOOR, "--datum", datum)


def _intrekken(ws: Path, id_: str) -> Result:
    return _besluit(ws, "intrekken", id_, reden="Het besluit is op een onjuiste grondslag genomen.", datum="2026-04-06")


def _niet_uitgesloten(ws: Path) -> Result:
    """D's declared optional ground (2.87) weighed: not excluded after self-cleaning."""
    return _besluit(
        ws, "uitsluitingsgrond", "--inschrijver", "D", "--grond", "ernstige fout in de beroepsuitoefening",
        "--artikel", "2.87", "--feiten", "Een boete in 2024 wegens te late rapportage aan gemeenten.",
        "--zelfreiniging", "Nieuwe directie, rapportagesysteem vervangen en de boete betaald (bewijs ontvangen).",
        "--evenredigheid", "Een eenmalige administratieve fout, hersteld; uitsluiting zou onevenredig zijn.",
        "--uitkomst", "niet_uitgesloten", reden="De zelfreiniging is voldoende aangetoond.",
    )  # fmt: skip


def _uitsluitingsgrond_verklaard(
    tmp_path: Path, capaciteit_a: int = 20, prijs_d: int = 9500, capaciteit_d: int = 20
) -> Path:
    """B1 with the knock-out rule uitsluitingsgronden; A bids EUR 9.000, D declares an exclusion ground."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["knockout"]["uitsluitingsgronden"] = {}
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, capaciteit_a, 12, 4, "alle")])
    schrijf_bod(ws, "d.xlsx", "D", "44444444", [("B1", prijs_d, capaciteit_d, 12, 4, "alle")], uitsluiting="ja")
    return ws


def _ongewijzigd_concept(ws: Path, res: Result, commando: str) -> None:
    """An open point: exit 1, the advies a CONCEPT, no letters, and the command that settles it named."""
    assert res.exit_code == 1, res.output
    assert commando in res.output, res.output
    assert "CONCEPT" in _advies(ws)
    assert not (ws / "rapporten" / "brieven").exists()


# --- correction of a manifest error -------------------------------------------------------------------------


def test_herstel_kennelijke_fout(tmp_path: Path) -> None:
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "A", "1111 1111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9500, 20, 12, 4, "alle")])
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 2 and "a.xlsx!Inschrijver!B3: KvK-nummer moet 8 cijfers zijn" in res.output
    hash_voor = sha256_bestand(ws / "inschrijvingen" / "a.xlsx")

    # the old value must be what the cell holds; a date before closing or in the future is refused
    herstel = ("herstel", "--bestand", "a.xlsx", "--blad", "Inschrijver", "--cel", "B3", "--nieuw", "11111111")
    fout = _besluit(ws, *herstel, "--oud", "1111 111", "--verduidelijking", "2026-03-01")
    assert fout.exit_code == 2 and "bevat '1111 1111', niet '1111 111'" in fout.output
    fout = _besluit(ws, *herstel, "--oud", "1111 1111", "--verduidelijking", "2026-01-10")
    assert fout.exit_code == 2 and "ligt vóór de sluiting van de inschrijving" in fout.output
    fout = _besluit(ws, *herstel, "--oud", "1111 1111", "--verduidelijking", "2026-03-25")  # decided 20 March
    assert fout.exit_code == 2 and "het besluit (2026-03-20) ligt vóór de verduidelijking (2026-03-25)" in fout.output
    assert not (ws / "besluiten.yaml").exists()

    res = _besluit(ws, *herstel, "--oud", "1111 1111", "--verduidelijking", "2026-03-01")
    assert res.exit_code == 0 and "Besluit H1 vastgelegd" in res.output, res.output
    dubbel = _besluit(ws, *herstel, "--oud", "1111 1111", "--verduidelijking", "2026-03-01")
    assert dubbel.exit_code == 2 and "evaluatie intrekken H1" in dubbel.output

    res = _run("inschrijvingen", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    assert "a.xlsx!Inschrijver!B3: hersteld volgens besluit H1 ('1111 1111' wordt '11111111'" in res.output
    _vul(ws, {"A": 75, "B": 50})
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    assert sha256_bestand(ws / "inschrijvingen" / "a.xlsx") == hash_voor  # the bidder's file is untouched
    advies = _advies(ws)
    assert (
        "H1: a.xlsx, tabblad Inschrijver, cel B3: &#x27;1111 1111&#x27; is gelezen als &#x27;11111111&#x27;" in advies
    )
    assert "besluiten.yaml" in advies  # hashed in the input list
    assert "Tabblad Inschrijver, cel B3: '1111 1111' is na uw verduidelijking van 1 maart 2026" in _brief(ws, "a")
    # the letter names the decision as the advies does: which, when and by whom (it read only the clarification)
    assert (
        "gelezen als '11111111' (besluit H1, genomen op 20 maart 2026 door P. de Vries, inkoopadviseur). Na "
        "schriftelijke verduidelijking van de inschrijver beoordeeld."
    ) in _brief(ws, "a")
    data = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    assert "besluiten.yaml" in {b["bestand"] for b in data["invoer"]}
    assert _run("controleer", "--werkmap", str(ws)).exit_code == 0

    # the premise: the bid file as it was; a new file makes the correction stale, never applied. Read as written,
    # the cell is an input error again (exit 2): named together with the stale correction that no longer covers it
    schrijf_bod(ws, "a.xlsx", "A", "1111 1111", [("B1", 9100, 20, 12, 4, "alle")])
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 2
    uit = " ".join(res.output.split())
    assert "besluiten.yaml: H1 (herstel a.xlsx!Inschrijver!B3): verouderd besluit: het bestand van de inschrijver" in (
        uit
    )
    assert (
        "het wordt niet toegepast (de cel telt zoals het bestand haar geeft); trek het in en besluit zo nodig "
        'opnieuw (evaluatie intrekken H1 --reden "..." --door "naam, functie")' in uit
    )
    assert "a.xlsx!Inschrijver!B3: KvK-nummer moet 8 cijfers zijn" in uit

    # withdrawn: the record keeps it, the correction is no longer applied (the slip is an error again)
    res = _intrekken(ws, "H1")
    assert res.exit_code == 0, res.output
    opgeslagen = yaml.safe_load((ws / "besluiten.yaml").read_text(encoding="utf-8"))["besluiten"][0]
    assert opgeslagen["ingetrokken"]["door"] == DOOR
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 2 and "KvK-nummer moet 8 cijfers zijn" in res.output
    log = [json.loads(r)["commando"] for r in (ws / "logboek.jsonl").read_text(encoding="utf-8").splitlines()]
    assert "herstel" in log and "intrekken" in log


# --- abnormally low bid (art. 2.116) ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def laag(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """C bids 6000 against 9000 and 9500: 35% below the mean of the others (limit 20%)."""
    ws = maak_werkmap(tmp_path_factory.mktemp("laag") / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 10, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9500, 10, 12, 4, "alle")])
    schrijf_bod(ws, "c.xlsx", "C", "33333333", [("B1", 6000, 10, 12, 4, "alle")])
    _vul(ws, {"A": 75, "B": 50, "C": 75})
    return ws


def test_abnormaal_laag_verworpen_aanvaard_ingetrokken_verouderd(laag: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(laag, ws)
    _ongewijzigd_concept(ws, _run("gunning", "--werkmap", str(ws)), 'evaluatie toelichting --inschrijver "C" --lots B1')
    fout = _besluit(ws, "toelichting", "--inschrijver", "A", "--lots", "B1", "--ontvangen", "2026-03-10",
                    "--uitkomst", "aanvaard")  # fmt: skip
    assert fout.exit_code == 2 and "A is in perceel B1 niet gesignaleerd als abnormaal laag" in fout.output

    res = _besluit(ws, "toelichting", "--inschrijver", "c", "--lots", "B1", "--ontvangen", "2026-03-10",
                   "--uitkomst", "verworpen", reden="De toelichting verklaart de loonkosten onder cao-niveau niet.")  # fmt: skip
    assert res.exit_code == 0 and "Besluit A1" in res.output, res.output
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    data = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    assert [r["inschrijver"] for r in data["percelen"]["B1"]["rangorde"]] == ["A", "B"]
    brief = _brief(ws, "c")
    assert "afgewezen als abnormaal laag (art. 2.116 Aanbestedingswet 2012)" in brief
    assert "Uw inschrijving is afgewezen en daarom niet gerangschikt" in brief and "voldoet niet aan" not in brief
    assert "Beslissing: afgewezen (abnormaal lage prijs)" in brief and "ongeldig" not in brief
    assert "De toelichting verklaart de loonkosten onder cao-niveau niet." in brief
    # who decided, as for a draw (the letter named only the decision and its date; the advies named who)
    assert "Besluit A1 is genomen door P. de Vries, inkoopadviseur." in brief
    advies = _advies(ws)
    assert "A1: C, perceel B1: De inschrijving is afgewezen als abnormaal laag" in advies
    assert "de inschrijving van C af te wijzen als abnormaal laag na beoordeling van de toelichting" in advies
    assert "C ongeldig te verklaren" not in advies
    assert "de scores van het panel voor C in perceel B1 zijn opzijgezet" in advies
    import evaluatie  # the analyst's scores() marks them too, with the same reason

    scores = evaluatie.open(ws).scores()
    c = scores[scores.inschrijver == "C"]
    assert len(c) > 0 and c.opzijgezet.all() and not scores[scores.inschrijver != "C"].opzijgezet.any()
    assert set(c.opzij_reden) == {"de inschrijving is na de beoordeling afgewezen (besluit A1, art. 2.116)"}
    # the robustness analysis re-runs the panel stage without a reviewer: C stays excluded there too
    res = _run("zekerheid", "--werkmap", str(ws), "--lots", "B1", "--trekkingen", "100", "--json")
    assert res.exit_code == 0, res.output
    z = json.loads(res.stdout)["B1"]
    assert set(z["storing"]["kans_eerste"]) <= {"A", "B"}  # C is in no draw of the Monte Carlo
    assert all(m["inschrijver"] != "C" for m in z["marges"])

    assert _intrekken(ws, "A1").exit_code == 0
    _ongewijzigd_concept(ws, _run("gunning", "--werkmap", str(ws)), "evaluatie toelichting")

    res = _besluit(ws, "toelichting", "--inschrijver", "C", "--lots", "B1", "--ontvangen", "2026-03-10",
                   "--uitkomst", "aanvaard", reden="De lage prijs komt door eigen leslocaties zonder huur.")  # fmt: skip
    assert res.exit_code == 0 and "Besluit A2" in res.output, res.output
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    assert "Toelichting op uw prijs" in _brief(ws, "c")
    assert "Besluit A2 is genomen door P. de Vries, inkoopadviseur." in _brief(ws, "c")
    assert "is aanvaard (besluit A2 van 20 maart 2026)" in _advies(ws)

    # premise: C is flagged at 6000; at 9200 it is not flagged any more -> stale: an open point (exit 1; it was an
    # input error, exit 2, before: a decision whose premise changed is a decision open again)
    schrijf_bod(ws, "c.xlsx", "C", "33333333", [("B1", 9200, 10, 12, 4, "alle")])
    res = _run("gunning", "--werkmap", str(ws))
    _ongewijzigd_concept(ws, res, 'evaluatie intrekken A2 --reden "..." --door "naam, functie"')
    assert "besluiten.yaml: A2: verouderd besluit: C is in perceel B1 niet meer gesignaleerd als abnormaal laag" in (
        " ".join(res.output.split())
    )
    assert _intrekken(ws, "A2").exit_code == 0
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0


# --- declared exclusion ground --------------------------------------------------------------------------------


def test_uitsluitingsgrond_gewogen_in_brief(tmp_path: Path) -> None:
    ws = _uitsluitingsgrond_verklaard(tmp_path)
    _vul(ws, {"A": 75})
    _ongewijzigd_concept(ws, _run("gunning", "--werkmap", str(ws)), 'evaluatie uitsluitingsgrond --inschrijver "D"')

    grond = ("uitsluitingsgrond", "--inschrijver", "D", "--grond", "ernstige fout in de beroepsuitoefening",
             "--feiten", "Boete van de Inspectie SZW in 2025 wegens onderbetaling van docenten.",
             "--zelfreiniging", "Geen maatregelen aangetoond; de inschrijver heeft niet gereageerd.",
             "--uitkomst", "uitgesloten")  # fmt: skip
    fout = _besluit(ws, *grond, "--artikel", "2.87")
    assert fout.exit_code == 2 and "--evenredigheid" in fout.output
    res = _besluit(
        ws, *grond, "--artikel", "2.87", "--evenredigheid", "De fout raakt de kern van de opdracht; uitsluiting is "
        "evenredig.", reden="De integriteit van de uitvoering is niet gewaarborgd."
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    brief = _brief(ws, "d")
    assert "ernstige fout in de beroepsuitoefening, een facultatieve uitsluitingsgrond (art. 2.87" in brief
    assert "Afweging van de evenredigheid: De fout raakt de kern van de opdracht" in brief
    assert "Maatregelen tot zelfreiniging (art. 2.87a Aanbestedingswet 2012): Geen maatregelen" in brief
    assert "U1: D: Verklaarde uitsluitingsgrond" in _advies(ws)

    assert _intrekken(ws, "U1").exit_code == 0
    _ongewijzigd_concept(ws, _run("gunning", "--werkmap", str(ws)), "evaluatie uitsluitingsgrond")
    assert _besluit(ws, *grond, "--artikel", "2.86").exit_code == 0  # U2, on the bid as it is now
    schrijf_bod(ws, "d.xlsx", "D", "44444444", [("B1", 9400, 20, 12, 4, "alle")], uitsluiting="ja")
    res = _run("gunning", "--werkmap", str(ws))  # stale: an open point (exit 1), no longer an input error
    _ongewijzigd_concept(ws, res, "evaluatie intrekken U2")
    assert "besluiten.yaml: U2: verouderd besluit: de inschrijving van D is gewijzigd" in " ".join(res.output.split())


# --- keurmerk that lapses before the award -----------------------------------------------------------------


def test_keurmerk_verloopt_voor_gunning(tmp_path: Path) -> None:
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())  # peildatum 2 March, award 7 April 2026
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 20, 12, 4, "alle")], geldig_tot=dt.date(2026, 3, 20))
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9500, 20, 12, 4, "alle")])
    _vul(ws, {"A": 75, "B": 50})
    _ongewijzigd_concept(ws, _run("gunning", "--werkmap", str(ws)), 'evaluatie keurmerk --inschrijver "A"')

    fout = _besluit(ws, "keurmerk", "--inschrijver", "A", "--uitkomst", "verlengd", "--verlengd-tot", "2026-04-01",
                    "--bewijs", "2026-03-15")  # fmt: skip
    assert fout.exit_code == 2 and "ligt nog vóór de gunning" in fout.output
    res = _besluit(ws, "keurmerk", "--inschrijver", "A", "--uitkomst", "onder_voorwaarde",
                   reden="De verlenging is aangevraagd; de audit staat gepland.")  # fmt: skip
    assert res.exit_code == 0, res.output
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    brief = _brief(ws, "a")
    assert "Voorwaarde: keurmerk" in brief and "onder de voorwaarde dat vóór het sluiten van de overeenkomst" in brief
    assert "K1: A: Het keurmerk (in de inschrijving geldig tot 20 maart 2026)" in _advies(ws)
    assert "en voor A (besluit K1) onder de voorwaarde dat vóór het sluiten van de overeenkomst" in _advies(ws)

    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 20, 12, 4, "alle")], geldig_tot=dt.date(2026, 3, 25))
    res = _run("gunning", "--werkmap", str(ws))  # stale: an open point (exit 1), and the keurmerk is open again
    _ongewijzigd_concept(ws, res, "evaluatie intrekken K1")
    uit = " ".join(res.output.split())
    assert "K1: verouderd besluit: het keurmerk van A was geldig tot 20 maart 2026, nu tot 25 maart 2026" in uit
    assert 'evaluatie keurmerk --inschrijver "A"' in uit
    assert _intrekken(ws, "K1").exit_code == 0
    _ongewijzigd_concept(ws, _run("gunning", "--werkmap", str(ws)), "evaluatie keurmerk")
    res = _besluit(ws, "keurmerk", "--inschrijver", "A", "--uitkomst", "verlengd", "--verlengd-tot", "2029-03-25",
                   "--bewijs", "2026-03-15")  # fmt: skip
    assert res.exit_code == 0, res.output
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    assert "is verlengd tot 25 maart 2029; het bewijs is ontvangen op 15 maart 2026" in _brief(ws, "a")


def test_keurmerk_zonder_datum_bij_inlezen_met_cel(tmp_path: Path) -> None:
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 20, 12, 4, "alle")], geldig_tot=None)
    res = _run("inschrijvingen", "--werkmap", str(ws))
    assert res.exit_code == 2
    assert "a.xlsx!Inschrijver!B8: Keurmerk geldig tot ontbreekt terwijl het keurmerk 'ja' is" in res.output
    # the bidder supplies the date on request: a correction of an empty cell settles it
    res = _besluit(ws, "herstel", "--bestand", "a.xlsx", "--blad", "Inschrijver", "--cel", "B8", "--oud", "",
                   "--nieuw", "2029-12-31", "--verduidelijking", "2026-03-01")  # fmt: skip
    assert res.exit_code == 0, res.output
    res = _run("inschrijvingen", "--werkmap", str(ws), "--json")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["inschrijvingen"][0]["keurmerk_geldig_tot"] == "2029-12-31"


# --- draws ----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gelijk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """X and Y: the same price and scores, capacity 20 each for 20 inburgeraars: the order decides."""
    ws = maak_werkmap(tmp_path_factory.mktemp("gelijk") / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "y.xlsx", "Y", "22222222", [("B1", 9000, 20, 12, 4, "alle")])
    _vul(ws, {"X": 75, "Y": 75})
    return ws


def _loting(ws: Path, volgorde: str, datum: str, getuige: str = "mr. J. Notaris, notaris") -> Result:
    return _run("loting", "--werkmap", str(ws), "--lots", "B1", "--volgorde", volgorde, "--datum", datum,
                "--getuige", getuige, *LOTING_WIE)  # fmt: skip


@pytest.mark.parametrize(
    ("datum", "getuige", "reden"),
    [
        ("2099-01-01", "mr. J. Notaris, notaris", "ligt in de toekomst"),
        ("2026-02-10", "mr. J. Notaris, notaris", "ligt niet na de sluiting van de inschrijving (2026-02-16)"),
        ("2026-04-08", "mr. J. Notaris, notaris", "ligt na de datum van de brieven (2026-04-07)"),
        ("2026-04-01", "mr. J. Notaris", "--getuige: geef naam en functie"),
        ("2026-04-01", "x", "--getuige: geef naam en functie"),
    ],
)
def test_loting_geweigerd(gelijk: Path, datum: str, getuige: str, reden: str) -> None:
    res = _loting(gelijk, "Y;X", datum, getuige)
    assert res.exit_code == 2 and reden in res.output, res.output
    assert not (gelijk / "loting.yaml").exists()


def test_loting_namen_tweede_loting_intrekken_en_derde_inschrijver(gelijk: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(gelijk, ws)
    fout = _loting(ws, "Y;Xx", "2026-04-01")
    assert fout.exit_code == 2 and "'Xx' is geen inschrijver" in fout.output and "bedoelt u 'X'?" in fout.output
    res = _loting(ws, "y;x", "2026-04-01")  # case does not matter; the record keeps the names as in the bids
    assert res.exit_code == 0 and "Loting L1 vastgelegd" in res.output and "Y voor X" in res.output, res.output
    tweede = _loting(ws, "X;Y", "2026-04-02")
    assert tweede.exit_code == 2 and "al een loting vastgelegd (L1" in tweede.output
    assert "evaluatie intrekken L1" in tweede.output
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0

    # a third bidder with the same total joins: the draw between two is stale, never applied
    schrijf_bod(ws, "w.xlsx", "W", "33333333", [("B1", 9000, 20, 12, 4, "alle")])
    _vul(ws, {"X": 75, "Y": 75, "W": 75})
    res = _run("gunning", "--werkmap", str(ws))  # an open point (exit 1; an input error before), with the new tie
    _ongewijzigd_concept(ws, res, 'evaluatie loting --lots B1 --volgorde "W;X;Y"')
    uit = " ".join(res.output.split())
    assert (
        "loting.yaml: L1: verouderde loting: perceel B1-route: de loting van 1 april 2026 ordende Y, X, maar nu "
        in (uit)
    )
    assert "nu staan W, X, Y gelijk" in uit and "evaluatie intrekken L1" in uit
    soorten = [p["soort"] for p in json.loads((ws / "rapporten" / "gunning.json").read_text("utf-8"))["open_punten"]]
    assert soorten == ["verouderd", "loting"]

    te_vroeg = _besluit(ws, "intrekken", "L1", reden="Een intrekking die vóór de loting zou liggen.")
    assert te_vroeg.exit_code == 2 and "de intrekking (2026-03-20) ligt vóór L1 zelf (2026-04-01)" in te_vroeg.output
    res = _intrekken(ws, "L1")
    assert res.exit_code == 0, res.output
    assert "ingetrokken" in (ws / "loting.yaml").read_text(encoding="utf-8")
    _ongewijzigd_concept(ws, _run("gunning", "--werkmap", str(ws)), 'evaluatie loting --lots B1 --volgorde "W;X;Y"')
    res = _loting(ws, "W;Y;X", "2026-04-02")
    assert res.exit_code == 0 and "Loting L2" in res.output, res.output
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    assert "L1: perceel B1: volgorde Y voor X" in _run("besluiten", "--werkmap", str(ws)).output
    advies = _advies(ws)  # the withdrawn draw stays on record, with its withdrawal
    assert "L1: perceel B1: volgorde Y voor X, op 1 april 2026 door loting bepaald" in advies
    assert "INGETROKKEN op 6 april 2026 door P. de Vries, inkoopadviseur" in advies
    assert "L2: perceel B1: volgorde W voor Y voor X" in advies


# --- the send gate: each open point alone ------------------------------------------------------------------


@pytest.fixture(scope="module")
def schoon(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = maak_werkmap(tmp_path_factory.mktemp("schoon") / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9500, 20, 12, 4, "alle")])
    _vul(ws, {"A": 75, "B": 50})
    return ws


def _zonder(data: dict, pad: str) -> dict:
    *kop, staart = pad.split(".")
    d = data
    for k in kop:
        d = d[k]
    del d[staart]
    return data


@pytest.mark.parametrize(
    ("weg", "melding"),
    [
        ("afzender.adres", "aanbesteding.yaml: afzender.adres"),
        ("afzender.contactpersoon", "aanbesteding.yaml: afzender.contactpersoon"),
        ("afzender.ondertekenaar", "aanbesteding.yaml: afzender.ondertekenaar"),
        ("rechtsbescherming.rechtbank", "aanbesteding.yaml: rechtsbescherming.rechtbank"),
    ],
)
def test_open_punt_afzender_of_rechtbank(schoon: Path, tmp_path: Path, weg: str, melding: str) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(schoon, ws)
    schrijf_yaml(ws / "aanbesteding.yaml", _zonder(kleine_aanbesteding(), weg))
    res = _run("gunning", "--werkmap", str(ws), "--json")
    _ongewijzigd_concept(ws, res, melding)
    uit = json.loads(res.stdout)
    assert [p["soort"] for p in uit["open_punten"]] == [weg.split(".")[-1].replace("adres", "afzender")]


def test_rechtbank_afgeleid_van_penvoerder_en_datumwaarschuwing(schoon: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(schoon, ws)
    data = kleine_aanbesteding(penvoerder="Gemeente Groningen")
    data["rechtsbescherming"]["rechtbank"] = "invullen"  # the placeholder: the derived court replaces it
    schrijf_yaml(ws / "aanbesteding.yaml", data)
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    assert "de voorzieningenrechter van de Rechtbank Noord-Nederland" in _brief(ws, "a")
    assert "invullen" not in _brief(ws, "a")
    assert "de brieven zijn gedateerd 7 april 2026, niet vandaag" in res.output
    assert (
        "de opschortende termijn loopt vanaf de dag waarop de brieven werkelijk worden verzonden" in res.output.lower()
    )


# --- the README walk-through on the example -----------------------------------------------------------------


def test_readme_voorbeeld_herstel_en_loting(voorbeeld: Path) -> None:
    from openpyxl import load_workbook

    kompas = voorbeeld / "inschrijvingen" / "kompas.xlsx"
    wb = load_workbook(kompas)
    wb["Percelen"]["F2"] = "Blaricum; Eemnes; Laren; Gooise Meeren; Huizen"  # the slip
    wb.save(kompas)
    taalhuis = voorbeeld / "inschrijvingen" / "taalhuis.xlsx"
    wb = load_workbook(taalhuis)
    wb["Percelen"]["B3"] = 9000  # the variant: Taalhuis ties with Nieuwe Start in the onderwijsroute
    wb.save(taalhuis)
    vb = str(voorbeeld)

    res = _run("gunning", "--werkmap", vb)
    assert res.exit_code == 2
    assert "kompas.xlsx!Percelen!F2: gemeente 'Gooise Meeren' hoort niet bij deze aanbesteding; bedoelt u Gooise" in (
        res.output
    )
    res = _run(
        "herstel", "--werkmap", vb, "--bestand", "kompas.xlsx", "--blad", "Percelen", "--cel", "F2",
        "--oud", "Blaricum; Eemnes; Laren; Gooise Meeren; Huizen", "--nieuw", "Blaricum; Eemnes; Laren; Gooise Meren; Huizen",
        "--verduidelijking", "2021-05-25", "--reden", "Kennelijke verschrijving van Gooise Meren; schriftelijk bevestigd.",
        "--door", "S. Jansen, inkoopadviseur", "--datum", "2021-05-26",
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    res = _run("gunning", "--werkmap", vb)
    assert res.exit_code == 1, res.output
    assert "Let op: kompas.xlsx!Percelen!F2: hersteld volgens besluit H1" in res.output
    assert (
        'evaluatie loting --lots onderwijs --volgorde "Nieuwe Start Opleidingen;Taalhuis De Brug B.V." --datum '
        'JJJJ-MM-DD --getuige "naam, functie"'
    ) in res.output
    res = _run(
        "loting", "--werkmap", vb, "--lots", "onderwijs", "--volgorde", "Taalhuis De Brug B.V.;Nieuwe Start Opleidingen",
        "--datum", "2021-06-25", "--getuige", "mr. A. Notaris, notaris te Hilversum", *LOTING_WIE,
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    res = _run("gunning", "--werkmap", vb)
    assert res.exit_code == 0, res.output
    brieven = sorted((voorbeeld / "rapporten" / "brieven").glob("*.docx"))
    assert brieven
    for pad in brieven:  # every letter names the court
        assert "de voorzieningenrechter van de Rechtbank Midden-Nederland" in "\n".join(
            p.text for p in Document(str(pad)).paragraphs
        )
    nieuwe_start = "\n".join(
        p.text
        for p in Document(
            str(voorbeeld / "rapporten" / "brieven" / "nieuwe-start-opleidingen-onderwijs.docx")
        ).paragraphs
    )
    assert (
        "op 25 juni 2021 door loting bepaald, in aanwezigheid van mr. A. Notaris, notaris te Hilversum" in nieuwe_start
    )
    # H1 corrected Kompas's B1 row (Percelen row 2): its B1 letter says so, its onderwijs and Z letters do not
    brieven_kompas = {
        code: "\n".join(
            p.text
            for p in Document(str(voorbeeld / "rapporten" / "brieven" / f"kompas-inburgering-{code}.docx")).paragraphs
        )
        for code in ("b1", "onderwijs", "z")
    }
    assert [c for c, t in brieven_kompas.items() if "Herstel van een kennelijke fout" in t] == ["b1"]
    assert "Tabblad Percelen, cel F2: 'Blaricum; Eemnes; Laren; Gooise Meeren; Huizen'" in brieven_kompas["b1"]
    res = _run("besluiten", "--werkmap", vb)
    assert "H1: kompas.xlsx, tabblad Percelen, cel F2" in res.output and "L1: perceel onderwijs" in res.output
    res = _run("besluiten", "--werkmap", vb, "--json")
    uit = json.loads(res.stdout)
    assert [b["id"] for b in uit["besluiten"]] == ["H1"] and [x["id"] for x in uit["lotingen"]] == ["L1"]
    assert uit["besluiten"][0]["verduidelijking"] == "2021-05-25" and uit["lotingen"][0]["ingetrokken"] is None
    assert _run("controleer", "--werkmap", vb).exit_code == 0


def test_uitsluitingsgrond_niet_uitgesloten_na_zelfreiniging(tmp_path: Path) -> None:
    ws = _uitsluitingsgrond_verklaard(tmp_path, capaciteit_a=10, capaciteit_d=10)
    res = _niet_uitgesloten(ws)
    assert res.exit_code == 0, res.output
    _vul(ws, {"A": 75, "D": 75})  # D is admitted, so the panel scores it
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    data_ = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    assert {r["inschrijver"] for r in data_["percelen"]["B1"]["rangorde"]} == {"A", "D"}
    brief = _brief(ws, "d")
    assert "Uw verklaring over een uitsluitingsgrond" in brief
    assert "Besluit U1 van 20 maart 2026: de inschrijving is niet uitgesloten" in brief
    assert "Besluit U1 is genomen door P. de Vries, inkoopadviseur." in brief


def test_scores_van_een_later_afgevallen_inschrijving_opzij(schoon: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(schoon, ws)
    # B's missing keurmerk is found after the panel scored it: its rows are set aside, never an error
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9500, 20, 12, 4, "alle")], keurmerk="nee")
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    # one line per form, bid and lot (rows A8 and A9: both criteria of the lot), never one per row
    regel = "beoordelingen/ada.xlsx!Beoordeling!A8:A9: B, perceel B1, alle 2 criteria: opzijgezet"
    assert f"Let op: {regel}" in res.output
    # the reason that holds (the keurmerk fails the knock-out test), not when it dropped out: evaluatie cannot know that
    assert res.output.count("opzijgezet, de inschrijving valt voor dit perceel af in de knock-outtoets") == 2
    advies = _advies(ws)
    assert "Scores opzijgezet" in advies and "ada.xlsx" not in advies  # reviewers stay anonymous
    assert "Formulier van Beoordelaar B, tabblad Beoordeling, A8:A9: B, perceel B1, alle 2 criteria: opzijgezet" in (
        advies
    )


def test_kapot_besluitenbestand_is_invoerfout_met_plaats(schoon: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(schoon, ws)
    (ws / "besluiten.yaml").write_text(
        "besluiten:\n  - id: H1\n    soort: herstel\n    bestand: a.xlsx\n  - id: X1\n    soort: onbekend\n", "utf-8"
    )
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 2 and "Traceback" not in res.output
    assert "besluiten.yaml: besluiten[1]: datum: ontbreekt" in res.output
    assert "besluiten.yaml: besluiten[1]: sha256: ontbreekt" in res.output  # every problem at once
    assert "besluiten.yaml: besluiten[2]: soort: onbekende of ontbrekende soort; geldig: herstel, abnormaal" in (
        res.output
    )
    (ws / "besluiten.yaml").write_text("besluiten: [", "utf-8")
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 2 and "besluiten.yaml (regel 1, kolom 13): geen geldige YAML: hier ontbreekt" in res.output


def test_terugtrekking_na_de_beoordeling(schoon: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(schoon, ws)
    bod = ws / "inschrijvingen" / "b.xlsx"
    bewaard = tmp_path / "b.xlsx"
    shutil.move(bod, bewaard)  # B withdrew after the panel scored it; its file goes to the dossier
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 2 and "onbekende inschrijver 'B'" in res.output
    # the 4 rows of B (2 forms, 2 criteria) get one line with the command that records the withdrawal
    assert (
        "beoordelingen: 'B' staat in 4 regels van de beoordelingen (hierboven), maar geen inschrijving in "
        "inschrijvingen/ heeft die naam. Is de inschrijving na de beoordeling teruggetrokken, leg dat dan vast (de "
        'regels worden daarna opzijgezet): evaluatie terugtrekking --inschrijver "B" --ontvangen JJJJ-MM-DD'
    ) in " ".join(res.output.split())
    fout = _besluit(ws, "terugtrekking", "--inschrijver", "A", "--ontvangen", "2026-03-12")
    assert fout.exit_code == 2 and "A heeft nog een inschrijving" in fout.output
    res = _besluit(ws, "terugtrekking", "--inschrijver", "B", "--ontvangen", "2026-03-12",
                   reden="De inschrijver heeft schriftelijk laten weten niet meer mee te doen.")  # fmt: skip
    assert res.exit_code == 0 and "Besluit T1" in res.output, res.output
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    assert "Let op: beoordelingen/ada.xlsx!Beoordeling!A8:A9: B, perceel B1, alle 2 criteria: opzijgezet" in (
        res.output
    )
    advies = _advies(ws)
    assert "T1: B heeft de inschrijving teruggetrokken (bericht ontvangen op 12 maart 2026" in advies
    assert "Formulier van Beoordelaar A, tabblad Beoordeling, A8:A9: B, perceel B1, alle 2 criteria: opzijgezet" in (
        advies
    )
    # the bid comes back: the withdrawal's premise is gone (stale, exit 2)
    shutil.copy(bewaard, bod)
    res = _run("gunning", "--werkmap", str(ws))  # an open point (exit 1), no longer an input error
    _ongewijzigd_concept(ws, res, "evaluatie intrekken T1")
    assert "T1: verouderd besluit: B heeft weer een inschrijving" in " ".join(res.output.split())
    assert _intrekken(ws, "T1").exit_code == 0
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0


def test_loting_zin_zonder_dubbele_punt_en_intrekken_noemt_ook_lotingen(tmp_path: Path) -> None:
    """'... voor Alfa B.V.. Voer nu ...' printed a double period after a name ending in one; `intrekken ''` said
    'besluit  bestaat niet' (the empty id not named as empty) and its list of what is recorded left out the draws,
    which `intrekken` withdraws too."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "x.xlsx", "Alfa B.V.", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "y.xlsx", "Beta B.V.", "22222222", [("B1", 9000, 20, 12, 4, "alle")])
    _vul(ws, {"Alfa B.V.": 75, "Beta B.V.": 75})
    res = _run("loting", "--werkmap", str(ws), "--lots", "B1", "--volgorde", "Beta B.V.;Alfa B.V.",
               "--datum", "2026-04-01", "--getuige", "mr. J. Notaris, notaris", *LOTING_WIE)  # fmt: skip
    assert res.exit_code == 0, res.output
    assert ": Beta B.V. voor Alfa B.V. Voer nu 'evaluatie gunning' opnieuw uit." in res.output
    door = ["--door", "S. Jansen, inkoopadviseur", "--reden", "Verkeerd ingevoerd; zie het proces-verbaal.",
            "--datum", "2026-04-02"]  # fmt: skip
    leeg = _run("intrekken", "", "--werkmap", str(ws), *door)
    assert leeg.exit_code == 2
    assert "geen besluit opgegeven (een lege tekst); vastgelegd: L1" in leeg.output
    onbekend = _run("intrekken", "H7", "--werkmap", str(ws), *door)
    assert onbekend.exit_code == 2 and "besluit H7 bestaat niet; vastgelegd: L1" in onbekend.output


def test_een_abnormaal_lage_inschrijving_in_het_enkelvoud(laag: Path, tmp_path: Path) -> None:
    """One flagged bid (C) read 'De volgende inschrijvingen lijken abnormaal laag' in the advies."""
    ws = Path(shutil.copytree(laag, tmp_path / "ws"))
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 1  # the explanation is an open point: CONCEPT advies
    advies = _advies(ws)
    assert "De volgende inschrijving lijkt abnormaal laag. Dit is een signaal, geen uitsluiting" in advies
    assert "inschrijvingen lijken abnormaal laag" not in advies


def test_besluitcommando_json_geeft_het_besluit_met_zijn_id(tmp_path: Path) -> None:
    """With --json a decision command gave only {"uitvoer": ["Besluit U1 vastgelegd in ..."]}: a script had to parse
    the id out of the sentence. The decision as recorded (id, who, why, date and its own fields) now stands beside it."""
    ws = _uitsluitingsgrond_verklaard(tmp_path)
    res = _besluit(
        ws, "uitsluitingsgrond", "--inschrijver", "D", "--grond", "ernstige fout in de beroepsuitoefening",
        "--artikel", "2.87", "--feiten", "Een boete in 2024.", "--zelfreiniging", "Nieuwe directie.",
        "--evenredigheid", "Eenmalig en hersteld.", "--uitkomst", "niet_uitgesloten", "--json",
        reden="De zelfreiniging is voldoende aangetoond.",
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    uit = json.loads(res.stdout)
    assert uit["uitvoer"] == [
        f"Besluit U1 vastgelegd in {ws / 'besluiten.yaml'}. Voer nu 'evaluatie gunning' opnieuw uit."
    ]
    b = uit["besluit"]
    assert (b["id"], b["soort"], b["inschrijver"], b["uitkomst"], b["door"], b["datum"]) == (
        "U1", "uitsluiting", "D", "niet_uitgesloten", DOOR, "2026-03-20",
    )  # fmt: skip
    # withdrawn with its id typed in lower case: the JSON names it as recorded
    res = _besluit(ws, "intrekken", "u1", "--json", reden="Het besluit is op een onjuiste grondslag genomen.")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["ingetrokken"] == {"id": "U1", "bestand": "besluiten.yaml"}
