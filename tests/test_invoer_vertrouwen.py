"""Hostile but valid input goes through literally: names are never formulas, mathtext or paths;
reports are replaced as a whole or not at all; --json is one JSON document; scenarios may
change knock-out rules."""

from __future__ import annotations

import builtins
import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie import werkboek
from evaluatie.bestandsnamen import unieke_namen, veilige_naam
from evaluatie.cli import main
from evaluatie.getallen import GetalFout, lees_tekst
from evaluatie.rapport import schrijven
from tests.hulp import hernoem_inschrijver

FORMULE = '=HYPERLINK("http://x.example","klik")'


def _gun(root: Path, *extra: str) -> object:
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(root), "--lots", "Z", *extra])
    assert res.exit_code == 0, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)
    return res


@pytest.mark.parametrize(
    ("tekst", "getal"),
    [("9.500", 9500.0), ("9.500,50", 9500.5), ("€ 9.500,00", 9500.0), ("9500,5", 9500.5), ("1.250.000", 1250000.0)],
)
def test_nederlandse_notatie_wordt_duizendtallen(tekst: str, getal: float) -> None:
    assert lees_tekst(tekst) == getal


@pytest.mark.parametrize("tekst", ["9,500.50", "9500.50", "9,500", "NaN", "inf", "9 500", "1.2.3"])
def test_dubbelzinnige_getallen_geweigerd(tekst: str) -> None:
    with pytest.raises(GetalFout):
        lees_tekst(tekst)


def test_prijs_als_tekst_9_500_is_negenduizendvijfhonderd(voorbeeld: Path) -> None:
    pad = voorbeeld / "inschrijvingen" / "kompas.xlsx"
    wb = load_workbook(pad)
    wb["Percelen"]["B2"] = "9.500"
    wb.save(pad)
    res = CliRunner().invoke(main, ["inschrijvingen", "--werkmap", str(voorbeeld), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    kompas = next(i for i in data["inschrijvingen"] if i["naam"] == "Kompas Inburgering")
    assert kompas["aanbod"]["B1"]["prijs"] == 9500.0


def test_vijandige_namen_letterlijk_in_alle_uitvoer(voorbeeld: Path) -> None:
    """A formula, mathtext and a 300-character name: no live formula, no crash, short file names."""
    hernoem_inschrijver(voorbeeld, "kompas.xlsx", FORMULE)
    hernoem_inschrijver(
        voorbeeld, "inburgerwijs.xlsx", ("$\\alpha^{2}$ Taal $$ B.V. " + "x" * 300)[:300]
    )  # 300 characters
    _gun(voorbeeld)
    wb = load_workbook(voorbeeld / "rapporten" / "gunningsadvies.xlsx")
    gevonden = [c for ws in wb.worksheets for r in ws.iter_rows() for c in r if c.value == FORMULE]
    assert gevonden, "de naam hoort in het advies te staan"
    assert all(c.data_type == "s" for c in gevonden)
    assert not any(c.data_type == "f" for ws in wb.worksheets for r in ws.iter_rows() for c in r), (
        "geen enkele formule in het advies"
    )
    for p in (voorbeeld / "rapporten").rglob("*"):
        assert len(p.name) <= 80 and p.name.isascii(), p.name

    res = CliRunner().invoke(main, ["template", "beoordeling", "--werkmap", str(voorbeeld), "--overschrijven"])
    assert res.exit_code == 0, res.output
    for pad in (voorbeeld / "beoordelingen").glob("*.xlsx"):
        for ws in load_workbook(pad).worksheets:
            for rij in ws.iter_rows():
                for c in rij:
                    assert c.data_type != "f", f"{pad.name}!{ws.title}!{c.coordinate}"


def test_formule_uit_yaml_in_inschrijfformulier(voorbeeld: Path) -> None:
    yaml_pad = voorbeeld / "aanbesteding.yaml"
    yaml_pad.write_text(
        yaml_pad.read_text(encoding="utf-8").replace(
            "naam: Inburgering Gooi en Vechtstreek 2022", "naam: '=1+1 @SUM(A1) -2'"
        ),
        encoding="utf-8",
    )
    # the tender's name changed, so the form differs from the published one: replaced only on request
    res = CliRunner().invoke(main, ["template", "inschrijving", "--werkmap", str(voorbeeld), "--overschrijven"])
    assert res.exit_code == 0, res.output
    wb = load_workbook(voorbeeld / "inschrijfformulier.xlsx")
    assert not any(c.data_type == "f" for ws in wb.worksheets for r in ws.iter_rows() for c in r)


def test_brieven_van_gelijkende_namen_overschrijven_elkaar_niet(voorbeeld: Path) -> None:
    """'Kompas Inburgering' and 'Kompas-Inburgering' share a slug; a Cyrillic name has none."""
    hernoem_inschrijver(voorbeeld, "inburgerwijs.xlsx", "Kompas-Inburgering")  # KvK 90000002
    hernoem_inschrijver(voorbeeld, "nieuwe.xlsx", "Компас")  # KvK 90000003
    _gun(voorbeeld)
    brieven = sorted((voorbeeld / "rapporten" / "brieven").glob("*-z.html"))
    namen = [p.name for p in brieven]
    # three bidders in Z (Kompas 90000006, Kompas-Inburgering, Компас): three distinct letters
    assert len(namen) == 3 and len({n.lower() for n in namen}) == 3, namen
    assert all(n.isascii() for n in namen)
    eigen = {
        "kompas-inburgering-90000006-z.html": "Kompas Inburgering",
        "kompas-inburgering-90000002-z.html": "Kompas-Inburgering",
    }
    for bestand, naam in eigen.items():
        assert bestand in namen, namen
        assert naam in (voorbeeld / "rapporten" / "brieven" / bestand).read_text(encoding="utf-8")
    (cyrillisch,) = [n for n in namen if n not in eigen]
    assert "Компас" in (voorbeeld / "rapporten" / "brieven" / cyrillisch).read_text(encoding="utf-8")


def _trek_in(root: Path, bestand: str) -> None:
    """A bid withdrawn before scoring: its file and its rows in every reviewer form are gone."""
    pad = root / "inschrijvingen" / bestand
    naam = load_workbook(pad)["Inschrijver"]["B2"].value
    pad.unlink()
    for form in (root / "beoordelingen").glob("*.xlsx"):
        wb = load_workbook(form)
        for ws in wb.worksheets:
            for r in range(ws.max_row, 0, -1):
                if ws.cell(r, 1).value == naam:
                    ws.delete_rows(r)
        wb.save(form)


def test_rapporten_atomair_en_zonder_oude_bestanden(voorbeeld: Path, monkeypatch) -> None:
    _gun(voorbeeld)
    rapporten = voorbeeld / "rapporten"
    voor = {p.relative_to(rapporten): p.read_bytes() for p in rapporten.rglob("*") if p.is_file()}
    assert any("nieuwe-start" in str(p) for p in voor)

    # a run that fails half-way leaves the previous reports exactly as they were
    def kapot(*args: object, **kwargs: object) -> str:
        raise RuntimeError("schijf vol")

    monkeypatch.setattr(schrijven, "gemeente_html", kapot)
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld), "--lots", "Z"])
    assert res.exit_code != 0
    na = {p.relative_to(rapporten): p.read_bytes() for p in rapporten.rglob("*") if p.is_file()}
    assert na == voor
    assert not [p for p in voorbeeld.iterdir() if p.name.startswith(".rapporten")]
    monkeypatch.undo()

    # a withdrawn bid leaves no letter among the outputs (it is moved apart, never deleted: it may have been
    # sent); a file the award did not make (another command's output, like the consensus agenda) stays; the
    # logboek lists exactly what the award made, and what it moved
    (rapporten / "intern").mkdir(exist_ok=True)
    (rapporten / "intern" / "consensus-agenda.html").write_text("agenda", encoding="utf-8")
    _trek_in(voorbeeld, "nieuwe.xlsx")
    _gun(voorbeeld)
    apart = rapporten / "niet-van-deze-gunning"
    assert not [p for p in rapporten.rglob("*") if "nieuwe-start" in p.name and apart not in p.parents]
    assert (rapporten / "intern" / "consensus-agenda.html").read_text(encoding="utf-8") == "agenda"
    regel = json.loads((voorbeeld / "logboek.jsonl").read_text(encoding="utf-8").splitlines()[-1])
    gelogd = {b["bestand"] for b in regel["uitvoer"]}
    aanwezig = {p.relative_to(voorbeeld).as_posix() for p in rapporten.rglob("*") if p.is_file()}
    verplaatst = {p.relative_to(voorbeeld).as_posix() for p in apart.rglob("*") if p.is_file()}
    assert verplaatst and set(regel["verplaatst"]) == verplaatst
    assert all("nieuwe-start" in v for v in verplaatst)
    assert gelogd == aanwezig - {"rapporten/intern/consensus-agenda.html"} - verplaatst


def test_submap_en_verborgen_bestand_krijgen_een_notitie(voorbeeld: Path) -> None:
    (voorbeeld / "inschrijvingen" / "oud").mkdir()
    shutil.copy(voorbeeld / "inschrijvingen" / "kompas.xlsx", voorbeeld / "inschrijvingen" / "oud" / "kompas.xlsx")
    (voorbeeld / "inschrijvingen" / "~$kompas.xlsx").write_bytes(b"lock")
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(voorbeeld)])
    assert res.exit_code == 0, res.output
    assert "inschrijvingen/oud: submap overgeslagen" in res.stderr
    assert "inschrijvingen/~$kompas.xlsx: overgeslagen" in res.stderr


@pytest.mark.parametrize("commando", [["gunning", "--geen-rapport"], ["toets"]])
def test_json_is_een_document_zonder_highs_banner(voorbeeld: Path, commando: list[str]) -> None:
    """A real process: the HiGHS banner is written by native code to fd 1, which CliRunner cannot see."""
    res = subprocess.run(
        [sys.executable, "-m", "evaluatie", *commando, "--werkmap", str(voorbeeld), "--json"]
        + (["--lots", "Z", "--solver", "highs"] if commando[0] == "gunning" else []),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert res.returncode == 0, res.stderr
    assert "Running HiGHS" not in res.stdout and "Copyright" not in res.stdout
    json.loads(res.stdout)  # exactly one document: anything around it would fail to parse


def test_scenario_met_strengere_knockout_negeert_rijen_met_notitie(voorbeeld: Path) -> None:
    """Onderwijs with at most 7 weeks' wait: Kompas (8 weeks in its bid) drops out; its panel rows are set aside."""
    zet = "percelen.onderwijs.knockout.wachttijd.maximum_weken=7"
    res = CliRunner().invoke(main, ["scenario", "--werkmap", str(voorbeeld), "--lots", "onderwijs", "--zet", zet])
    assert res.exit_code == 0, res.output
    assert "staat niet ter beoordeling" not in res.output
    assert "Kompas Inburgering in perceel onderwijs tellen niet mee" in res.stderr
    # in the words of the award, with the rule that decided (it read 'niet meer toegelaten', the word of an open
    # house, without why): Kompas offers 8 weeks
    assert "Kompas Inburgering: rang 4 -> ongeldig (wachttijd 8 weken, toegestaan hoogstens 7)" in res.stdout


def test_scenario_dat_een_onbeoordeelde_inschrijving_toelaat_geeft_een_melding(voorbeeld: Path) -> None:
    res = CliRunner().invoke(
        main, ["scenario", "--werkmap", str(voorbeeld), "--lots", "B1", "--zet", "percelen.B1.knockout.keurmerk=false"]
    )
    assert res.exit_code == 1, res.output
    assert res.output.count("telt er geen score van het panel voor haar mee") == 1
    assert "Nieuwe Start Opleidingen in perceel B1" in res.output


@pytest.mark.parametrize("naam", ["Con", "Компас", "x" * 300, "Straße", "../../etc/passwd", "a/b\\c:d*e?f", ""])
def test_bestandsnaam_veilig(naam: str) -> None:
    stam = veilige_naam(naam)
    assert stam and stam.isascii() and len(stam) <= 49
    assert set(stam) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
    assert stam not in ("con", "prn", "aux", "nul")


def test_unieke_namen_geven_beide_het_kvk_nummer() -> None:
    stammen = unieke_namen(
        {"Kompas Inburgering": "kompas-inburgering", "Kompas-Inburgering": "kompas-inburgering", "Taal": "taal"},
        {"Kompas Inburgering": "90000006", "Kompas-Inburgering": "90000002"},
    )
    assert stammen == {
        "Kompas Inburgering": "kompas-inburgering-90000006",
        "Kompas-Inburgering": "kompas-inburgering-90000002",
        "Taal": "taal",
    }


def test_onleesbaar_bestand_is_een_fout(voorbeeld: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pad = voorbeeld / "inschrijvingen" / "kompas.xlsx"
    if getattr(os, "geteuid", lambda: 0)() == 0:
        # root (as in CI) reads every file: a double refuses this one exactly as the OS refuses others
        echt = builtins.open

        def weiger(bestand: object, *args: object, **kwargs: object) -> object:
            if isinstance(bestand, str | os.PathLike) and Path(bestand) == pad:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(bestand))
            return echt(bestand, *args, **kwargs)  # type: ignore[call-overload]

        monkeypatch.setattr(werkboek, "open", weiger, raising=False)
    else:
        pad.chmod(0)
    try:
        res = CliRunner().invoke(main, ["inschrijvingen", "--werkmap", str(voorbeeld)])
    finally:
        pad.chmod(0o644)
    assert res.exit_code == 2 and "kompas.xlsx: bestand kan niet worden gelezen" in res.output
    # the reason of a refused read: it said "geen schrijfrechten", a reason for writing, which nothing here does
    assert "kompas.xlsx: bestand kan niet worden gelezen: geen leesrechten" in res.output
    assert "schrijfrechten" not in res.output


def _niet_utf8(pad: Path, naam: bytes) -> Path:
    """Rename `pad` to `naam`, bytes that are no UTF-8 (a zip or network share in a Windows code page)."""
    doel = os.fsencode(pad.parent) + b"/" + naam
    try:
        os.rename(os.fsencode(pad), doel)
    except OSError as e:  # a file system that allows only UTF-8 names cannot hold such a file at all
        pytest.skip(f"dit bestandssysteem weigert de naam: {e}")
    return Path(os.fsdecode(doel))


@pytest.mark.parametrize("als_json", [False, True])
def test_bestandsnaam_die_geen_utf8_is(voorbeeld: Path, als_json: bool) -> None:
    """A bid whose file name is no UTF-8 ('kompás' in Windows-1252): it was 'geen leesbare Excel-werkmap
    (beschadigd, of geen .xlsx)', untrue of a sound workbook; it is an error naming the file and its bytes, with
    the name it most likely had, and --json stays one document of valid UTF-8."""
    _niet_utf8(voorbeeld / "inschrijvingen" / "kompas.xlsx", b"komp\xe1s.xlsx")
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(voorbeeld), *(["--json"] if als_json else [])])
    assert res.exit_code == 2, res.output
    assert "geen leesbare Excel-werkmap" not in res.output
    verwacht = (
        "de bestandsnaam is geen geldige UTF-8 (het teken \\xe1 komt uit een andere tekenset, zoals bij een "
        "zip-bestand of netwerkmap van Windows); hernoem het bestand, bijvoorbeeld naar kompás.xlsx"
    )
    if als_json:
        document = json.loads(res.stdout.encode("utf-8"))  # no lone surrogate: the text is valid UTF-8
        assert document["fouten"] == [{"plaats": "inschrijvingen/komp\\xe1s.xlsx", "bericht": verwacht}]
    else:
        assert f"inschrijvingen/komp\\xe1s.xlsx: {verwacht}" in " ".join(res.stderr.split())


@pytest.mark.parametrize("commando", [["toets", "--werkmap"], ["contract", "stand", "--werkmap"], ["nieuw"]])
def test_pad_dat_geen_utf8_is(voorbeeld: Path, commando: list[str]) -> None:
    """A werkmap (or the folder of 'nieuw') whose path is no UTF-8 ('wérk' in Windows-1252): every bid and form in it
    was 'geen leesbare Excel-werkmap (beschadigd ...)', ten untrue errors; it is one usage error at its option with
    the byte and the name most likely meant, and nothing is made."""
    werkmap = _niet_utf8(voorbeeld, b"w\xe9rk")
    extra = ["--naam", "T", "--penvoerder", "Gemeente Almere", "--gemeenten", "Almere"] if commando == ["nieuw"] else []
    doel = werkmap / "nieuw" if commando == ["nieuw"] else werkmap
    res = CliRunner().invoke(main, [*commando, str(doel), *extra, "--json"])
    assert res.exit_code == 2, res.output
    plaats = "--werkmap" if commando[-1] == "--werkmap" else "MAP"
    fouten = json.loads(res.stdout.encode("utf-8"))["fouten"]
    assert len(fouten) == 1 and fouten[0]["plaats"] == plaats, fouten
    getoond = os.fsencode(doel).decode("utf-8", "backslashreplace")
    assert fouten[0]["bericht"].startswith(f"Ongeldige waarde voor '{plaats}': {getoond}: "), fouten
    assert fouten[0]["bericht"].endswith(
        "het pad is geen geldige UTF-8 (het teken \\xe9 komt uit een andere tekenset, zoals bij een zip-bestand of "
        f"netwerkmap van Windows); hernoem de map of het bestand, bijvoorbeeld naar {os.fsencode(doel).decode('cp1252')}"
    )
    assert not (werkmap / "nieuw").exists()


def test_scenario_zegt_niet_dat_het_panel_een_opzijgezette_inschrijving_niet_beoordeelde(voorbeeld: Path) -> None:
    """Z with a ceiling of EUR 9.000: both valid bids (9.100 and 9.500) fall out and Z is not awarded, though the
    panel scored them (their rows are set aside, 'opzijgezet'). The what-if with the old ceiling said "het panel heeft
    die inschrijving niet beoordeeld", which the forms contradict; it now says that no score of the panel counts for
    a bid that fell out in the baseline (still exit 1: the scenario reuses the scores that count in the award)."""
    pad = voorbeeld / "aanbesteding.yaml"
    pad.write_text(
        pad.read_text(encoding="utf-8").replace("  Z:\n", "  Z:\n    plafondprijs: 9000\n", 1), encoding="utf-8"
    )
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld), "--lots", "Z", "--geen-rapport"])
    assert "Inburgerwijs Academie, perceel Z, alle 4 criteria: opzijgezet" in " ".join(res.output.split())
    zet = "percelen.Z.plafondprijs=10000"
    res = CliRunner().invoke(main, ["scenario", "--werkmap", str(voorbeeld), "--lots", "Z", "--zet", zet])
    assert res.exit_code == 1, res.output
    uit = " ".join(res.output.split())
    assert "niet beoordeeld" not in uit
    assert (
        "in dit scenario voldoet Inburgerwijs Academie in perceel Z aan de knock-outeisen, maar zij viel in de "
        "uitgangssituatie af, dus telt er geen score van het panel voor haar mee (het panel beoordeelt wie door de "
        "knock-outtoets komt; een score die toch in een formulier staat, is opzijgezet)"
    ) in uit
