"""A careless user and a hostile bidder against the real CLI: nothing they write changes what others read,
crashes the tool or destroys what was written."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import hernoem_inschrijver


@pytest.mark.parametrize(
    ("teken", "naam"),
    [
        ("\u200b", "ZERO WIDTH SPACE"),
        ("\u202e", "RIGHT-TO-LEFT OVERRIDE"),
        ("\u2066", "LEFT-TO-RIGHT ISOLATE"),
        ("\ufeff", "ZERO WIDTH NO-BREAK SPACE"),
        ("\u00ad", "SOFT HYPHEN"),
        ("\u0085", ""),
        ("\u2028", "LINE SEPARATOR"),
        # letters and marks that print as nothing (or as a blank): 'Kompas Inburgering' + U+3164 was a second bidder
        # that no letter could tell from 'Kompas Inburgering'
        ("\u3164", "HANGUL FILLER"),
        ("\u115f", "HANGUL CHOSEONG FILLER"),
        ("\u2800", "BRAILLE PATTERN BLANK"),
        ("\u034f", "COMBINING GRAPHEME JOINER"),
        ("\ufe0f", "VARIATION SELECTOR-16"),
    ],
)
def test_onzichtbaar_teken_in_een_naam_is_een_fout_bij_de_cel(voorbeeld: Path, teken: str, naam: str) -> None:
    """'Kompas\u200b Inburgering' prints as 'Kompas Inburgering' but was a second, different bidder; after U+202E
    a name prints backwards. Both were accepted and went into every letter."""
    hernoem_inschrijver(voorbeeld, "taalhuis.xlsx", f"Kompas{teken} Inburgering")
    res = CliRunner().invoke(main, ["inschrijvingen", "--werkmap", str(voorbeeld), "--json"])
    assert res.exit_code == 2, res.output
    fouten = json.loads(res.stdout)["fouten"]
    assert [f["plaats"] for f in fouten] == ["taalhuis.xlsx!Inschrijver!B2"]
    assert f"U+{ord(teken):04X}" in fouten[0]["bericht"] and naam in fouten[0]["bericht"]


def test_onzichtbaar_teken_in_contactpersoon_is_een_fout(voorbeeld: Path) -> None:
    from openpyxl import load_workbook

    pad = voorbeeld / "inschrijvingen" / "kompas.xlsx"
    wb = load_workbook(pad)
    ws = wb["Inschrijver"]
    rij = next(r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value).startswith("Contact"))
    ws.cell(rij, 2).value = "De heer \u202eJansen"
    wb.save(pad)
    res = CliRunner().invoke(main, ["inschrijvingen", "--werkmap", str(voorbeeld)])
    assert res.exit_code == 2
    assert f"kompas.xlsx!Inschrijver!B{rij}" in res.stderr and "U+202E" in res.stderr


def _gun(root: Path) -> None:
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(root), "--lots", "Z"])
    assert res.exit_code == 0, res.output


def test_rapporten_als_bestand_wordt_niet_weggegooid(voorbeeld: Path) -> None:
    """A file named 'rapporten' (someone's notes) was deleted without a word to put the reports there."""
    (voorbeeld / "rapporten").write_text("eigen aantekeningen\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld), "--lots", "Z", "--json"])
    assert res.exit_code == 2, res.output
    fouten = json.loads(res.stdout)["fouten"]
    assert fouten[0]["plaats"] == str(voorbeeld / "rapporten") and "geen map" in fouten[0]["bericht"]
    assert (voorbeeld / "rapporten").read_text(encoding="utf-8") == "eigen aantekeningen\n"
    assert not [p.name for p in voorbeeld.iterdir() if p.name.startswith(".rapporten")]


def test_rapporten_als_koppeling_wordt_niet_vervangen(voorbeeld: Path, tmp_path: Path) -> None:
    """A symlink rapporten -> a shared folder was replaced by a local folder: the reports went elsewhere than
    where the link pointed, and the shared folder kept the old ones."""
    gedeeld = tmp_path / "gedeeld"
    gedeeld.mkdir()
    (voorbeeld / "rapporten").symlink_to(gedeeld)
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld), "--lots", "Z"])
    assert res.exit_code == 2, res.output
    assert "koppeling" in res.stderr
    assert (voorbeeld / "rapporten").is_symlink()


def test_na_een_kill_tussen_de_twee_hernoemingen_komen_de_oude_rapporten_terug(voorbeeld: Path) -> None:
    """kill -9 between moving rapporten/ aside and moving the new folder in leaves no rapporten/, the old set as
    '.rapporten-oud-PID' and the new as '.rapporten-nieuw-PID': the next command removed both, and with them
    every report of the gunning the logboek records."""
    _gun(voorbeeld)
    rapporten = voorbeeld / "rapporten"
    voor = {p.relative_to(rapporten): p.read_bytes() for p in rapporten.rglob("*") if p.is_file()}
    rapporten.rename(voorbeeld / ".rapporten-oud-999999")
    (voorbeeld / ".rapporten-nieuw-999999").mkdir()
    (voorbeeld / ".rapporten-nieuw-999999" / "gunning.json").write_text("{", encoding="utf-8")
    res = CliRunner().invoke(main, ["controleer", "--werkmap", str(voorbeeld), "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["in_orde"] is True
    assert {p.relative_to(rapporten): p.read_bytes() for p in rapporten.rglob("*") if p.is_file()} == voor
    assert not [p.name for p in voorbeeld.iterdir() if p.name.startswith(".rapporten")]
    assert "teruggezet" in res.stderr


def test_koppelingen_in_rapporten_blijven_koppelingen(voorbeeld: Path, tmp_path: Path) -> None:
    """A link in rapporten/ to a shared file became a copy of that file (content from outside the werkmap in the
    reports), and a link to a folder or a broken link vanished without a word."""
    gedeeld = tmp_path / "gedeeld"
    (gedeeld / "map").mkdir(parents=True)
    (gedeeld / "notitie.txt").write_text("gedeeld\n", encoding="utf-8")
    rapporten = voorbeeld / "rapporten"
    rapporten.mkdir()
    (rapporten / "notitie.txt").symlink_to(gedeeld / "notitie.txt")
    (rapporten / "gedeelde-map").symlink_to(gedeeld / "map")
    (rapporten / "kapot").symlink_to(tmp_path / "nergens")
    for _ in range(2):
        _gun(voorbeeld)
        assert (rapporten / "notitie.txt").is_symlink()
        assert Path(os.readlink(rapporten / "notitie.txt")) == gedeeld / "notitie.txt"
        assert (rapporten / "gedeelde-map").is_symlink() and (rapporten / "kapot").is_symlink()
        assert (rapporten / "gunning.json").is_file()
    res = CliRunner().invoke(main, ["controleer", "--werkmap", str(voorbeeld), "--json"])
    assert res.exit_code == 0 and json.loads(res.stdout)["in_orde"] is True, res.output
    assert (gedeeld / "notitie.txt").read_text(encoding="utf-8") == "gedeeld\n"


def _prijs_als_tekst(root: Path, tekst: str) -> None:
    """Put `tekst` in kompas.xlsx!Percelen!B2 as Excel stores a control character: the escape '_x001B_'."""
    from openpyxl import load_workbook

    pad = root / "inschrijvingen" / "kompas.xlsx"
    wb = load_workbook(pad)
    wb["Percelen"]["B2"] = "".join(f"_x{ord(t):04X}_" if ord(t) < 32 or 127 <= ord(t) < 160 else t for t in tekst)
    wb.save(pad)


@pytest.mark.parametrize("kleur", [False, True])
def test_stuurcodes_uit_een_cel_komen_niet_in_de_terminal(voorbeeld: Path, kleur: bool) -> None:
    """A price cell quoted in the error ('... is geen bedrag') carried its escape sequences to the terminal: a
    hyperlink (OSC 8), clearing the screen, a green 'in orde', and CSI as the one character U+009B."""
    tekst = "\x1b]8;;http://x.example\x1b\\klik\x1b]8;;\x1b\\ \x1b[2J\x1b[32mAlles in orde\x1b[0m \x9b1A \x7f"
    _prijs_als_tekst(voorbeeld, tekst)
    res = CliRunner().invoke(main, ["inschrijvingen", "--werkmap", str(voorbeeld)], color=kleur)
    assert res.exit_code == 2
    assert not any(t in res.output for t in "\x1b\x9b\x7f"), repr(res.output)
    assert "kompas.xlsx!Percelen!B2" in res.stderr and "<U+001B>]8;;http://x.example" in res.stderr
    assert "<U+009B>1A" in res.stderr


def test_stuurcodes_in_json_blijven_dezelfde_tekst(voorbeeld: Path) -> None:
    """--json keeps the text as it is, written as JSON escapes: the same value, nothing a terminal executes."""
    tekst = "\x1b[2Jnegen \x9b1A \x7f \u2028 x"
    _prijs_als_tekst(voorbeeld, tekst)
    res = CliRunner().invoke(main, ["inschrijvingen", "--werkmap", str(voorbeeld), "--json"], color=True)
    assert res.exit_code == 2
    assert not any(t in res.stdout for t in "\x1b\x9b\x7f\u2028"), repr(res.stdout)
    (fout,) = json.loads(res.stdout)["fouten"]
    assert tekst in fout["bericht"]


@pytest.mark.parametrize(
    ("naam", "teken"),
    [
        ("\u041aompas Inburgering", "U+041A CYRILLIC CAPITAL LETTER KA"),
        ("Kompas Inburg\u0435ring", "U+0435"),
        ("\uff2bompas Inburgering", "U+FF2B FULLWIDTH LATIN CAPITAL LETTER K"),
        ("K\u03bfmpas inburgering", "U+03BF"),
    ],
)
def test_naam_met_letters_uit_een_ander_schrift_die_er_hetzelfde_uitzien(
    voorbeeld: Path, naam: str, teken: str
) -> None:
    """'Кompas Inburgering' with a Cyrillic К prints exactly as the bidder 'Kompas Inburgering': it was accepted as
    another bidder, and every letter and the advies showed two bidders no reader could tell apart."""
    hernoem_inschrijver(voorbeeld, "taalhuis.xlsx", naam)
    res = CliRunner().invoke(main, ["inschrijvingen", "--werkmap", str(voorbeeld), "--json"])
    assert res.exit_code == 2, res.output
    (fout,) = json.loads(res.stdout)["fouten"]
    assert fout["plaats"] in ("taalhuis.xlsx!Inschrijver!B2", "kompas.xlsx!Inschrijver!B2")
    assert "Kompas Inburgering" in fout["bericht"] and teken in fout["bericht"]


@pytest.mark.parametrize(
    "naam",
    ["Компас Инбургеринг", "Straße Taal", "Café Kompas Inburgering", "Kompas Inburgering 2", "Taal \u2764\ufe0f Huis"],
)
def test_naam_in_een_ander_schrift_of_met_accenten_mag(voorbeeld: Path, naam: str) -> None:
    hernoem_inschrijver(voorbeeld, "taalhuis.xlsx", naam)
    res = CliRunner().invoke(main, ["inschrijvingen", "--werkmap", str(voorbeeld)])
    assert res.exit_code == 0, res.output


def test_rapporten_van_een_run_die_het_logboek_niet_haalde_blijven_niet_staan(voorbeeld: Path) -> None:
    """A run killed after swapping its reports in but before its logboek line: the next award took the reports
    it did not find in the logboek for files someone put there, and kept the letters of a lot it no longer
    awarded next to its own; controleer accepted that mix."""
    rapporten = voorbeeld / "rapporten"
    logboek = voorbeeld / "logboek.jsonl"
    assert CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld), "--lots", "Z"]).exit_code == 0
    gelogd = logboek.read_bytes()
    assert CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld), "--lots", "B1,Z"]).exit_code == 0
    assert list((rapporten / "brieven").glob("*-b1.docx"))
    logboek.write_bytes(gelogd)  # as if killed between the swap and the logboek line
    (rapporten / "eigen-notitie.txt").write_text("blijft\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld), "--lots", "Z"])
    assert res.exit_code == 0, res.output
    assert not list((rapporten / "brieven").glob("*-b1.*"))
    assert (rapporten / "eigen-notitie.txt").read_text(encoding="utf-8") == "blijft\n"
    assert "Let op" in res.stderr and "gunning.json" in res.stderr


def test_yaml_in_windows_1252_noemt_regel_en_byte(voorbeeld: Path) -> None:
    """'geen tekstbestand in UTF-8' named no line: in a file of hundreds of lines the é was not to be found."""
    pad = voorbeeld / "aanbesteding.yaml"
    regels = pad.read_text(encoding="utf-8").splitlines(keepends=True)
    regels[3] = regels[3].rstrip("\n") + "  # café\n"
    pad.write_bytes("".join(regels).encode("cp1252"))
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(voorbeeld), "--json"])
    assert res.exit_code == 2
    (fout,) = json.loads(res.stdout)["fouten"]
    kolom = len(regels[3].encode("utf-8").split("é".encode())[0]) + 1
    assert fout["plaats"] == f"aanbesteding.yaml (regel 4, kolom {kolom})"
    assert "0xE9" in fout["bericht"] and "'é'" in fout["bericht"] and "UTF-8" in fout["bericht"]


def test_yaml_met_bom_en_crlf_wordt_gewoon_gelezen(voorbeeld: Path) -> None:
    pad = voorbeeld / "aanbesteding.yaml"
    pad.write_bytes(b"\xef\xbb\xbf" + pad.read_bytes().replace(b"\n", b"\r\n"))
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(voorbeeld), "--json"])
    assert res.exit_code == 0, res.output


def test_trekkingen_heeft_een_bovengrens(voorbeeld: Path) -> None:
    """--trekkingen 99999999999999 (zeros too many) ran for minutes and took 4 GB before a result: a spawned seed
    per block of 1000 draws. Now a usage error at the option, before anything is read."""
    res = CliRunner().invoke(
        main, ["zekerheid", "--werkmap", str(voorbeeld), "--trekkingen", "99999999999999", "--json"]
    )
    assert res.exit_code == 2
    (fout,) = json.loads(res.stdout)["fouten"]
    assert fout["plaats"] == "--trekkingen" and "1000000" in fout["bericht"]


@pytest.mark.parametrize(("commando", "plaats"), [(["nieuw"], "MAP"), (["contract", "inlezen"], "BESTANDEN")])
def test_ontbrekend_argument_heet_zoals_in_de_hulp(tmp_path: Path, commando: list[str], plaats: str) -> None:
    """--json named a missing argument by its Python name ('map_', 'bestanden'), not as --help shows it."""
    res = CliRunner().invoke(main, [*commando, "--json"])
    assert res.exit_code == 2
    assert json.loads(res.stdout)["fouten"][0]["plaats"] == plaats


def test_contract_start_zonder_opties_noemt_alle_fouten(voorbeeld: Path) -> None:
    """Without --datum only the date was said; --door and --reden followed one run later."""
    res = CliRunner().invoke(main, ["contract", "start", "--werkmap", str(voorbeeld), "--json"])
    assert res.exit_code == 2
    assert [f["plaats"] for f in json.loads(res.stdout)["fouten"]] == ["--datum", "--door", "--reden"]


def test_agenda_koppelt_iedere_regel_aan_haar_eigen_inschrijver(voorbeeld: Path) -> None:
    """'Kompas Inburgering' and 'Kompas_Inburgering' got one id in the consensus agenda: the link to one
    bidder's row led to the other's."""
    import re

    hernoem_inschrijver(voorbeeld, "taalhuis.xlsx", "Kompas_Inburgering")
    res = CliRunner().invoke(main, ["template", "consensus", "--werkmap", str(voorbeeld), "--overschrijven"])
    assert res.exit_code == 0, res.output
    html = (voorbeeld / "rapporten" / "intern" / "consensus-agenda.html").read_text(encoding="utf-8")
    ids = re.findall(r'<tr id="([^"]+)"', html)
    assert ids and len(ids) == len(set(ids))
    for anker, tekst in re.findall(r'<a href="#([^"]+)">([^<]*)<', html):
        rij = html[html.index(f'id="{anker}"') :].split("</tr>")[0]
        naam = "Kompas_Inburgering" if "Kompas_Inburgering" in tekst else "Kompas Inburgering"
        if "Kompas" in tekst:
            assert naam in rij, (tekst, rij[:200])


@pytest.mark.parametrize(
    "args",
    [["toets", "--werkmap", ""], ["gunning", "--werkmap", " "], ["contract", "stand", "--werkmap", ""], ["nieuw", ""]],
)
def test_leeg_pad_is_niet_de_huidige_map(voorbeeld: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]) -> None:
    """`--werkmap "$MAP"` with MAP unset ran on the tender in the current folder without a word."""
    monkeypatch.chdir(voorbeeld)
    res = CliRunner().invoke(main, [*args, "--json"])
    assert res.exit_code == 2, res.output
    fouten = json.loads(res.stdout)["fouten"]  # `nieuw ""` names its missing options as well (all at once)
    assert (
        [f for f in fouten if "is leeg" in f["bericht"]]
        == [f for f in fouten if f["plaats"] in ("--werkmap", "MAP")]
        != []
    )
    assert not (voorbeeld / "rapporten").exists()


@pytest.mark.parametrize("soort", ["symlink", "hardlink"])
def test_slotbestand_als_koppeling_overschrijft_niets(voorbeeld: Path, tmp_path: Path, soort: str) -> None:
    """A werkmap that brought a hidden '.evaluatie.lock' linking to another file: every command truncated that
    file and wrote its pid in it."""
    doel = tmp_path / "belangrijk.txt"
    doel.write_text("niet overschrijven\n", encoding="utf-8")
    slot = voorbeeld / ".evaluatie.lock"
    slot.unlink(missing_ok=True)
    if soort == "symlink":
        slot.symlink_to(doel)
    else:
        os.link(doel, slot)
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(voorbeeld), "--json"])
    assert res.exit_code == 2, res.output
    (fout,) = json.loads(res.stdout)["fouten"]
    assert fout["plaats"] == str(slot) and "koppeling" in fout["bericht"]
    assert doel.read_text(encoding="utf-8") == "niet overschrijven\n"


def test_logboek_als_koppeling_kopieert_niets_in_de_werkmap(voorbeeld: Path, tmp_path: Path) -> None:
    """logboek.jsonl linking to a private file outside: the next award copied that file's content into the
    werkmap's logboek (the link was replaced by a file holding the old content plus the new line)."""
    geheim = tmp_path / "geheim.txt"
    geheim.write_text("privésleutel\n", encoding="utf-8")
    (voorbeeld / "logboek.jsonl").unlink(missing_ok=True)
    (voorbeeld / "logboek.jsonl").symlink_to(geheim)
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld), "--lots", "Z", "--json"])
    assert res.exit_code == 2, res.output
    assert "logboek.jsonl" in json.loads(res.stdout)["fouten"][0]["plaats"]
    assert (voorbeeld / "logboek.jsonl").is_symlink()
    assert not any(
        "privésleutel" in p.read_text(encoding="utf-8", errors="replace")
        for p in voorbeeld.rglob("*.json*")
        if p.is_file() and not p.is_symlink()
    )
