"""Free text typed by a person (a decision's reason, who decided) with unusual characters: recorded as typed or
refused at its option, never a werkmap that no later command can read. Real CLI calls on the example."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from evaluatie.cli import main
from tests.hulp import LOTING_WIE

HERSTEL = (
    "herstel", "--bestand", "kompas.xlsx", "--blad", "Inschrijver", "--cel", "B4", "--oud", "de heer T. Smit",
    "--nieuw", "de heer T. Smid", "--verduidelijking", "2021-05-25", "--door", "S. Jansen, inkoopadviseur",
    "--datum", "2021-05-26",
)  # fmt: skip


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_regelscheiding_in_een_reden_breekt_het_logboek_niet(voorbeeld: Path) -> None:
    # U+2028 (LINE SEPARATOR) and U+2029 (PARAGRAPH SEPARATOR) come along with text pasted from a PDF or a web page;
    # json writes them as they are, and the logboek was read with str.splitlines, which breaks a line at both: the
    # entry of the decision fell apart in damaged lines, and every later command refused besluiten.yaml as 'niet door
    # een besluitcommando geschreven'
    reden = "Kennelijke verschrijving\u2028van de naam;\u2029schriftelijk bevestigd."
    res = _run(*HERSTEL, "--werkmap", str(voorbeeld), "--reden", reden)
    assert res.exit_code == 0, res.output
    res = _run("besluiten", "--werkmap", str(voorbeeld))
    assert res.exit_code == 0, res.output
    assert "beschadigd" not in res.output and "niet door een besluitcommando geschreven" not in res.output
    res = _run("gunning", "--werkmap", str(voorbeeld))
    assert res.exit_code == 0, res.output
    assert "kompas.xlsx!Inschrijver!B4: hersteld volgens besluit H1" in res.output


def test_reden_die_geen_utf8_is_wordt_geweigerd_voor_er_iets_is_vastgelegd(voorbeeld: Path) -> None:
    # a terminal or script in Latin-1 passes 'é' as the byte E9, which Python keeps as the lone surrogate U+DCE9:
    # besluiten.yaml was written with it, the logboek could not be ('utf-8' codec can't encode ..., in English and
    # without the option), and every later command refused besluiten.yaml as not written by a decision command
    logboek = (voorbeeld / "logboek.jsonl").read_bytes() if (voorbeeld / "logboek.jsonl").exists() else None
    res = _run(*HERSTEL, "--werkmap", str(voorbeeld), "--reden", "Kennelijke fout in het caf\udce9.")
    assert res.exit_code == 2
    assert (
        "Ongeldige waarde voor '--reden': 'Kennelijke fout in het caf\\xe9.' is geen geldige UTF-8 (het teken \\xe9 komt uit een andere "
        "tekenset: de terminal of het script gebruikt er een andere dan UTF-8); typ de tekst opnieuw, bijvoorbeeld "
        "als 'Kennelijke fout in het café.'"
    ) in " ".join(res.output.split())
    assert not (voorbeeld / "besluiten.yaml").exists()
    assert ((voorbeeld / "logboek.jsonl").read_bytes() if (voorbeeld / "logboek.jsonl").exists() else None) == logboek
    assert _run("gunning", "--werkmap", str(voorbeeld)).exit_code == 0


def test_reden_met_een_teken_dat_de_brief_anders_laat_afdrukken_wordt_geweigerd(voorbeeld: Path) -> None:
    # the letters and the advies quote the reason and who decided: an escape sequence went into the HTML letter as it
    # stood and was dropped from the Word letter (two texts of one letter), and a right-to-left override printed
    # the rest of the reason backwards; refused as in a reviewer's motivation, before anything is recorded
    res = _run(
        *HERSTEL[:-4], "--werkmap", str(voorbeeld), "--datum", "2021-05-26",
        "--reden", "Kennelijke \x1b[31mverschrijving; schriftelijk bevestigd.",
        "--door", "S. Jansen\u202e, inkoopadviseur",
    )  # fmt: skip
    assert res.exit_code == 2
    uit = " ".join(res.output.split())
    assert "--reden: de tekst bevat het onzichtbare teken U+001B, dat haar in de brieven en het advies" in uit
    assert "--door: de tekst bevat het onzichtbare teken U+202E (RIGHT-TO-LEFT OVERRIDE), dat haar in de" in uit
    assert not (voorbeeld / "besluiten.yaml").exists()


def test_reden_van_een_contractbesluit_met_een_richtingteken_wordt_geweigerd(voorbeeld: Path) -> None:
    assert _run("gunning", "--werkmap", str(voorbeeld)).exit_code == 0
    res = _run(
        "contract", "start", "--werkmap", str(voorbeeld), "--datum", "2022-01-01", "--door", "S. Jansen, contractmanager",
        "--reden", "Overeenkomsten getekend \u202eop 20 december.",
    )  # fmt: skip
    assert res.exit_code == 2
    assert "--reden: de tekst bevat het onzichtbare teken U+202E (RIGHT-TO-LEFT OVERRIDE)" in " ".join(
        res.output.split()
    )
    assert not (voorbeeld / "contract" / "register.sqlite").exists()


def test_getuige_van_een_loting_met_een_richtingteken_wordt_geweigerd(voorbeeld: Path) -> None:
    res = _run(
        "loting", "--werkmap", str(voorbeeld), "--lots", "onderwijs", "--volgorde",
        "Taalhuis De Brug B.V.;Nieuwe Start Opleidingen", "--datum", "2021-06-25",
        "--getuige", "mr. A. Notaris\u202e, notaris te Hilversum", *LOTING_WIE,
    )  # fmt: skip
    assert res.exit_code == 2
    assert "--getuige: de tekst bevat het onzichtbare teken U+202E (RIGHT-TO-LEFT OVERRIDE)" in " ".join(
        res.output.split()
    )
    assert not (voorbeeld / "loting.yaml").exists()


def test_bestandsnaam_met_een_richtingteken_is_een_fout_met_het_teken(voorbeeld: Path) -> None:
    # a bidder chooses the name of the file it uploads: 'kompas<U+202E>xslx.exe.xlsx' was read as any bid and stood in
    # the advies's verantwoording (file and SHA-256) printed as 'kompasxslx.exe.xlsx' reversed after the override
    (voorbeeld / "inschrijvingen" / "kompas.xlsx").rename(voorbeeld / "inschrijvingen" / "kompas\u202exslx.exe.xlsx")
    res = _run("toets", "--werkmap", str(voorbeeld))
    assert res.exit_code == 2
    assert (
        "inschrijvingen/kompas<U+202E>xslx.exe.xlsx: de bestandsnaam bevat het onzichtbare teken U+202E "
        "(RIGHT-TO-LEFT OVERRIDE), dat verandert hoe de naam wordt getoond (in het advies, het logboek en de "
        "meldingen); hernoem het bestand"
    ) in " ".join(res.output.split()).replace("\u202e", "<U+202E>")


def test_aanlevering_met_een_richtingteken_in_de_naam_is_een_fout(tmp_path: Path) -> None:
    from tests.test_contract_module_geen_examen import _werkmap

    ws = _werkmap(tmp_path)  # a contract started on 1 June 2026
    pad = ws / "noord\u202ecsv.xlsx.csv"
    pad.write_text(
        "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag\nK1;Noord;aangemeld;2026-06-10;B1;Alfa;\n"
    )
    voor = (ws / "contract" / "register.sqlite").read_bytes()
    res = _run("contract", "inlezen", "--werkmap", str(ws), str(pad))
    assert res.exit_code == 2
    assert "de bestandsnaam bevat het onzichtbare teken U+202E (RIGHT-TO-LEFT OVERRIDE)" in " ".join(res.output.split())
    assert (ws / "contract" / "register.sqlite").read_bytes() == voor
