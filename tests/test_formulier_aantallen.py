"""The bid form tells bidders the expected volumes (tab Perceelgegevens): a volume still `invullen` is 'nog niet
bekend' there, cell by cell, never 0 (a bidder plans his capacity on it, and the capacity knock-out is a share of
it); and the README's way from `nieuw` to the first award rewrites the form once the volumes are filled in."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.cli import main
from tests.hulp import REPO


def _aantallen(formulier: Path, perceel: str) -> dict[str, object]:
    """Gemeente -> the expected volume as the form states it, for one lot."""
    ws = load_workbook(formulier)["Perceelgegevens"]
    uit: dict[str, object] = {}
    binnen = False
    for a, _, c in ws.iter_rows(min_col=1, max_col=3, values_only=True):
        if isinstance(a, str) and a.startswith("Perceel "):
            binnen = a.startswith(f"Perceel {perceel} ")
        elif binnen and a == "Gemeente":
            uit = {}
        elif binnen and a in GOOI:
            uit[a] = c
    return uit


GOOI = ("Blaricum", "Eemnes", "Gooise Meren", "Hilversum", "Huizen", "Laren", "Wijdemeren")


def _nieuw(ws: Path) -> None:
    args = [
        "nieuw",
        str(ws),
        "--naam",
        "Gooi 2027",
        "--penvoerder",
        "Gemeente Hilversum",
        "--regio",
        "Gooi en Vechtstreek",
    ]
    res = CliRunner().invoke(main, [*args, "--percelen", "B1,onderwijs", "--publicatie", "2026-09-01"])
    assert res.exit_code == 0, res.output


def test_een_open_aantal_is_nog_niet_bekend_en_nooit_nul(tmp_path: Path) -> None:
    ws = tmp_path / "gooi"
    _nieuw(ws)
    formulier = ws / "inschrijfformulier.xlsx"
    assert _aantallen(formulier, "B1") == dict.fromkeys(GOOI, "nog niet bekend")
    yaml_pad = ws / "aanbesteding.yaml"
    tekst = yaml_pad.read_text(encoding="utf-8")
    # only Blaricum's B1 volume is known so far (12); Eemnes really has no onderwijs clients (0)
    tekst = tekst.replace(
        "inburgeraars: {B1: invullen, onderwijs: invullen}", "inburgeraars: {B1: 12, onderwijs: 3}", 1
    )
    tekst = tekst.replace(
        "inburgeraars: {B1: invullen, onderwijs: invullen}", "inburgeraars: {B1: invullen, onderwijs: 0}", 1
    )
    yaml_pad.write_text(tekst, encoding="utf-8")
    res = CliRunner().invoke(main, ["template", "inschrijving", "--werkmap", str(ws), "--overschrijven"])
    assert res.exit_code == 0, res.output
    assert _aantallen(formulier, "B1") == {"Blaricum": 12} | dict.fromkeys(GOOI[1:], "nog niet bekend")
    assert _aantallen(formulier, "onderwijs") == {"Blaricum": 3, "Eemnes": 0} | dict.fromkeys(
        GOOI[2:], "nog niet bekend"
    )


def test_readme_nieuwe_aanbesteding_stuurt_het_formulier_met_de_aantallen(tmp_path: Path, monkeypatch) -> None:
    """The README's bash block under 'Nieuwe aanbesteding', run command by command up to step 2 (sending the form):
    the form that goes to the bidders carries the volumes filled in at step 1."""
    tekst = (REPO / "README.md").read_text(encoding="utf-8").split("## Nieuwe aanbesteding")[1]
    blok = re.search(r"```bash\n(.*?)```", tekst, flags=re.DOTALL)
    assert blok
    regels = blok.group(1).replace("\\\n", " ").splitlines()
    monkeypatch.chdir(tmp_path)

    for regel in regels:
        if regel.startswith("# 1."):
            pad = tmp_path / "gooi-2027" / "aanbesteding.yaml"
            pad.write_text(pad.read_text(encoding="utf-8").replace("invullen, onderwijs: invullen", "7, onderwijs: 2"))
        elif regel.startswith("# 2."):
            break
        elif regel.startswith("evaluatie "):
            res = CliRunner().invoke(main, shlex.split(regel)[1:] + ["--publicatie", "2026-09-01"] * ("nieuw" in regel))
            assert res.exit_code == 0, (regel, res.output)
    else:
        raise AssertionError("README: geen stap '# 2.' in het blok onder 'Nieuwe aanbesteding'")
    assert _aantallen(tmp_path / "gooi-2027" / "inschrijfformulier.xlsx", "B1") == dict.fromkeys(GOOI, 7)


def test_nieuw_zonder_beoordelaars_noemt_ze_als_nog_in_te_vullen(tmp_path: Path) -> None:
    """Without --beoordelaars the panel is empty (beoordelaars: []); the summary said only 'Controleer ook de data en
    de beoordelaars', as if there were some. It now lists them with what is still to be filled in."""
    res = CliRunner().invoke(
        main,
        ["nieuw", str(tmp_path / "met"), "--naam", "Gooi", "--penvoerder", "Gemeente Hilversum", "--regio", "Gooi en "
         "Vechtstreek", "--beoordelaars", "Ada, Bram"],
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    assert "Controleer ook de data en de beoordelaars." in " ".join(res.output.split())
    res = CliRunner().invoke(
        main,
        ["nieuw", str(tmp_path / "zonder"), "--naam", "Gooi", "--penvoerder", "Gemeente Hilversum", "--regio", "Gooi en "
         "Vechtstreek"],
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    uit = " ".join(res.output.split())
    assert "; de beoordelaars (beoordelaars: [], want --beoordelaars is niet opgegeven). Controleer ook de data." in uit


def test_de_kop_van_aanbesteding_yaml_zegt_wat_invullen_blokkeert(tmp_path: Path) -> None:
    """The head of the file 'evaluatie nieuw' writes said every 'invullen' is a missing number that blocks
    'inschrijvingen', 'toets' and 'gunning'; the sender's 'invullen' is text, and blocks nothing but the letters (the
    award is a CONCEPT). Proven here: with the volumes filled in and the sender still open, inschrijvingen runs."""
    ws = tmp_path / "gooi"
    _nieuw(ws)
    kop = (ws / "aanbesteding.yaml").read_text(encoding="utf-8").split("\n\n")[0]
    assert "daar ontbreekt nog een getal" not in kop
    assert "een open aantal inburgeraars" in kop and "een open afzender" in kop
    pad = ws / "aanbesteding.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("B1: invullen, onderwijs: invullen", "B1: 3, onderwijs: 1"))
    res = CliRunner().invoke(main, ["inschrijvingen", "--werkmap", str(ws)])
    assert "afzender" not in res.output and "geen inschrijvingen gevonden" in res.output  # only the missing bids
