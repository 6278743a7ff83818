"""A decision command names every wrong option at once (the standard for all input), not the first only:
a draw with a witness without a capacity, a date in the future and a misspelt bidder gets three lines, and a
keurmerk decision with a bad 'door', a reason of one word and a future date gets three. Nothing is written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import LOTING_WIE


def _run(*args: str) -> tuple[int, str]:
    r = CliRunner().invoke(main, list(args))
    assert "Traceback" not in r.output
    return r.exit_code, " ".join(r.output.split())


def test_loting_noemt_iedere_foute_optie(voorbeeld: Path) -> None:
    code, uit = _run("loting", "--werkmap", str(voorbeeld), "--lots", "B1", "--volgorde", "Kompas Inburgering;Lerpunt",
                     "--datum", "2099-01-01", "--getuige", "Jan", *LOTING_WIE)  # fmt: skip
    assert code == 2, uit
    assert "--getuige: geef naam en functie van wie de loting bijwoonde" in uit
    assert "--datum: 2099-01-01 ligt in de toekomst" in uit
    assert "--volgorde: 'Lerpunt' is geen inschrijver in deze aanbesteding" in uit
    assert "'Kompas Inburgering' is geen inschrijver" not in uit  # the right name is not reported
    assert not (voorbeeld / "loting.yaml").exists()


def test_besluit_noemt_wie_waarom_en_wanneer_samen(voorbeeld: Path) -> None:
    code, uit = _run("keurmerk", "--werkmap", str(voorbeeld), "--inschrijver", "Kompas Inburgering",
                     "--uitkomst", "onder_voorwaarde", "--reden", "kort", "--door", "Jan",
                     "--datum", "2099-01-01")  # fmt: skip
    assert code == 2, uit
    assert "--door: geef naam en functie" in uit
    assert "--reden: geef de motivering in een volledige zin; kreeg 'kort'" in uit
    assert "--datum: 2099-01-01 ligt in de toekomst" in uit
    assert not (voorbeeld / "besluiten.yaml").exists()


# --- every decision command: its own options and the shared ones, together, in the order of --help -----------

GOED_DOOR = "J. Jansen, inkoopadviseur"
GOEDE_REDEN = "De motivering staat in het dossier."


def _regels(uit: str) -> list[str]:
    """The error's lines as printed (one per wrong option), without click's 'Fout: ' on the first."""
    r = CliRunner().invoke(main, uit.split("\0"))
    assert r.exit_code == 2, r.output
    assert "Traceback" not in r.output
    fout = r.output.split("Fout: ", 1)[1]
    return [regel for regel in fout.splitlines() if regel.strip()]


def _cmd(*args: str) -> str:
    return "\0".join(args)


def test_herstel_noemt_bestand_cel_datum_en_wie_samen(voorbeeld: Path) -> None:
    regels = _regels(_cmd("herstel", "--werkmap", str(voorbeeld), "--bestand", "bestaat-niet.xlsx", "--blad", "Inschrijver",
                          "--cel", "3B", "--oud", "x", "--nieuw", "y", "--verduidelijking", "2021-13-01",
                          "--reden", "kort", "--door", "Jan", "--datum", "2021-06-01"))  # fmt: skip
    # by hand: the file, the cell, the clarification date and who/why; the sheet, old and new value are not
    # checked against a file that does not exist (that would be a second line about the same slip)
    assert [r.split(":")[0] for r in regels] == ["--bestand", "--cel", "--verduidelijking", "--reden", "--door"]
    assert regels[0].startswith("--bestand: inschrijvingen/bestaat-niet.xlsx bestaat niet; bekend: inburgerwijs.xlsx")
    assert regels[1] == "--cel: verwacht een celnaam zoals B3, kreeg '3B'"
    assert (
        regels[2]
        == "--verduidelijking: '2021-13-01' is geen bestaande datum (jaar-maand-dag); kies een dag die bestaat"
    )
    assert not (voorbeeld / "besluiten.yaml").exists()


def test_herstel_noemt_blad_oud_en_datum_van_de_verduidelijking(voorbeeld: Path) -> None:
    regels = _regels(_cmd("herstel", "--werkmap", str(voorbeeld), "--bestand", "kompas.xlsx", "--blad", "Inschrijver",
                          "--cel", "B3", "--oud", "niet wat er staat", "--nieuw", "12345678",
                          "--verduidelijking", "2021-05-01", "--reden", GOEDE_REDEN, "--door", GOED_DOOR,
                          "--datum", "2099-01-01"))  # fmt: skip
    assert [r.split(":")[0] for r in regels] == ["--oud", "--verduidelijking", "--datum"]
    assert regels[0].startswith("--oud: cel kompas.xlsx!Inschrijver!B3 bevat '")
    assert regels[0].endswith("', niet 'niet wat er staat'")
    assert regels[1] == "--verduidelijking: 2021-05-01 ligt vóór de sluiting van de inschrijving"
    assert regels[2].startswith("--datum: 2099-01-01 ligt in de toekomst")
    # the date in the future is said once: not again as 'after the letters' (2021-07-01)
    assert not any("na de datum van de brieven" in r for r in regels)
    regels = _regels(_cmd("herstel", "--werkmap", str(voorbeeld), "--bestand", "kompas.xlsx", "--blad", "Geen",
                          "--cel", "B3", "--oud", "x", "--nieuw", "y", "--verduidelijking", "2021-06-01",
                          "--reden", GOEDE_REDEN, "--door", GOED_DOOR, "--datum", "2021-05-30"))  # fmt: skip
    assert [r.split(":")[0] for r in regels] == ["--blad", "--datum"]
    assert regels[0].startswith("--blad: tabblad 'Geen' bestaat niet in kompas.xlsx; tabbladen: ")
    assert regels[1] == "--datum: het besluit (2021-05-30) ligt vóór de verduidelijking (2021-06-01)"
    assert not (voorbeeld / "besluiten.yaml").exists()


def test_toelichting_noemt_inschrijver_perceel_ontvangst_uitkomst_en_wie(voorbeeld: Path) -> None:
    regels = _regels(_cmd("toelichting", "--werkmap", str(voorbeeld), "--inschrijver", "Kompas Inburgerin",
                          "--lots", "Q", "--ontvangen", "2099-01-01", "--uitkomst", "misschien", "--reden", "kort",
                          "--door", GOED_DOOR, "--datum", "2021-13-01"))  # fmt: skip
    assert regels == [
        "--inschrijver: 'Kompas Inburgerin' is geen inschrijver in deze aanbesteding; bedoelt u 'Kompas Inburgering'?",
        "--lots: onbekend perceel Q; geldige codes: B1, onderwijs, Z",
        f"--ontvangen: 2099-01-01 ligt in de toekomst (vandaag is {dt.date.today().isoformat()})",
        "--uitkomst: 'misschien' is niet toegestaan; kies uit aanvaard, verworpen",
        "--reden: geef de motivering in een volledige zin; kreeg 'kort'",
        "--datum: '2021-13-01' is geen bestaande datum (jaar-maand-dag); kies een dag die bestaat",
    ]
    assert not (voorbeeld / "besluiten.yaml").exists()


def test_uitsluitingsgrond_noemt_iedere_foute_optie(voorbeeld: Path) -> None:
    regels = _regels(_cmd("uitsluitingsgrond", "--werkmap", str(voorbeeld), "--inschrijver", "Niemand",
                          "--grond", "x", "--artikel", "2.88", "--feiten", "y", "--zelfreiniging", "z",
                          "--uitkomst", "ja", "--reden", GOEDE_REDEN, "--door", "Jan",
                          "--datum", "2099-01-01"))  # fmt: skip
    assert [r.split(":")[0] for r in regels] == [
        "--inschrijver", "--grond", "--artikel", "--feiten", "--zelfreiniging", "--uitkomst", "--door", "--datum"
    ]  # fmt: skip
    assert regels[2] == "--artikel: '2.88' is niet toegestaan; kies uit 2.86, 2.87"
    assert regels[5] == "--uitkomst: 'ja' is niet toegestaan; kies uit uitgesloten, niet_uitgesloten"
    assert not (voorbeeld / "besluiten.yaml").exists()


def test_keurmerk_noemt_inschrijver_verlenging_bewijs_en_datum(voorbeeld: Path) -> None:
    regels = _regels(_cmd("keurmerk", "--werkmap", str(voorbeeld), "--inschrijver", "Kompas", "--uitkomst", "verlengd",
                          "--bewijs", "gisteren", "--reden", GOEDE_REDEN, "--door", GOED_DOOR,
                          "--datum", "abc"))  # fmt: skip
    assert [r.split(":")[0] for r in regels] == ["--inschrijver", "--verlengd-tot", "--bewijs", "--datum"]
    assert regels[1] == "--verlengd-tot: verplicht bij 'verlengd' (de nieuwe einddatum van het keurmerk)"
    assert regels[2] == (
        "--bewijs: verwacht een datum als JJJJ-MM-DD of DD-MM-JJJJ, bijvoorbeeld 2026-03-01; kreeg 'gisteren'"
    )
    regels = _regels(_cmd("keurmerk", "--werkmap", str(voorbeeld), "--inschrijver", "Kompas Inburgering",
                          "--uitkomst", "anders", "--verlengd-tot", "2030-01-01", "--bewijs", "2021-06-01",
                          "--reden", "kort", "--door", GOED_DOOR, "--datum", "2021-06-01"))  # fmt: skip
    # the example's keurmerken all run past the award: nothing to decide, said with the other slips
    assert [r.split(":")[0] for r in regels] == ["--inschrijver", "--uitkomst", "--verlengd-tot", "--bewijs", "--reden"]
    assert regels[0].endswith("er valt niets te besluiten")
    assert regels[2] == "--verlengd-tot: hoort alleen bij --uitkomst verlengd"
    assert not (voorbeeld / "besluiten.yaml").exists()


def test_terugtrekking_noemt_inschrijver_ontvangst_en_wie(voorbeeld: Path) -> None:
    regels = _regels(_cmd("terugtrekking", "--werkmap", str(voorbeeld), "--inschrijver", "kompas inburgering",
                          "--ontvangen", "2099-01-01", "--reden", "kort", "--door", "Jan",
                          "--datum", "2021-06-01"))  # fmt: skip
    assert [r.split(":")[0] for r in regels] == ["--inschrijver", "--ontvangen", "--reden", "--door"]
    assert regels[0].startswith("--inschrijver: Kompas Inburgering heeft nog een inschrijving in inschrijvingen/")
    assert not (voorbeeld / "besluiten.yaml").exists()


def test_intrekken_noemt_besluit_en_wie_samen(voorbeeld: Path) -> None:
    regels = _regels(_cmd("intrekken", "H9", "--werkmap", str(voorbeeld), "--reden", "kort", "--door", "Jan",
                          "--datum", "2099-01-01"))  # fmt: skip
    assert [r.split(":")[0] for r in regels] == ["besluit H9 bestaat niet; vastgelegd", "--reden", "--door", "--datum"]
    assert len(regels) == 4  # the future date once, not again as 'after the letters'
    assert not (voorbeeld / "besluiten.yaml").exists()


def test_loting_noemt_een_datum_die_geen_datum_is_met_de_rest(voorbeeld: Path) -> None:
    regels = _regels(_cmd("loting", "--werkmap", str(voorbeeld), "--lots", "B1", "--volgorde", "Lerpunt;Lerpunt",
                          "--datum", "2021-02-30", "--getuige", "Jan", *LOTING_WIE))  # fmt: skip
    # the order of --help (--lots, --volgorde, --datum, --getuige); the misspelt name typed twice is said once
    assert [r.split(":")[0] for r in regels] == ["--volgorde", "--volgorde", "--datum", "--getuige"]
    assert regels[0] == "--volgorde: geef minstens twee verschillende inschrijvers, gescheiden door ';'"
    assert regels[1].startswith("--volgorde: 'Lerpunt' is geen inschrijver in deze aanbesteding")
    assert regels[2] == "--datum: '2021-02-30' is geen bestaande datum (jaar-maand-dag); kies een dag die bestaat"
    assert not (voorbeeld / "loting.yaml").exists()


def test_ontbrekende_opties_samen(voorbeeld: Path) -> None:
    """Click names the first missing option only; a decision command names them all (one stays click's own)."""
    regels = _regels(_cmd("herstel", "--werkmap", str(voorbeeld), "--bestand", "kompas.xlsx", "--cel", "B3",
                          "--door", GOED_DOOR))  # fmt: skip
    assert regels == [
        "Optie ontbreekt '--blad'.",
        "Optie ontbreekt '--oud'.",
        "Optie ontbreekt '--nieuw'.",
        "Optie ontbreekt '--verduidelijking'.",
        "Optie ontbreekt '--reden'.",
    ]
    regels = _regels(_cmd("intrekken", "--werkmap", str(voorbeeld), "--reden", GOEDE_REDEN))
    assert regels == ["Argument ontbreekt 'BESLUIT'.", "Optie ontbreekt '--door'."]
    regels = _regels(_cmd("keurmerk", "--werkmap", str(voorbeeld), "--inschrijver", "Kompas Inburgering",
                          "--uitkomst", "verlengd", "--reden", GOEDE_REDEN))  # fmt: skip
    assert regels == ["Optie ontbreekt '--door'."]
    r = CliRunner().invoke(main, ["herstel", "--help"])  # help is not a missing option
    assert r.exit_code == 0 and "--verduidelijking" in r.output


def test_json_een_fout_per_optie(voorbeeld: Path) -> None:
    """With --json every wrong option is its own entry, its option the place (as every other input error)."""
    import json

    r = CliRunner().invoke(main, ["keurmerk", "--werkmap", str(voorbeeld), "--inschrijver", "Kompas", "--uitkomst",
                                  "ja", "--reden", "kort", "--door", GOED_DOOR, "--datum", "abc", "--json"])  # fmt: skip
    assert r.exit_code == 2
    fouten = json.loads(r.stdout)["fouten"]
    assert [f["plaats"] for f in fouten] == ["--inschrijver", "--uitkomst", "--reden", "--datum"]
    assert (
        fouten[3]["bericht"] == "verwacht een datum als JJJJ-MM-DD of DD-MM-JJJJ, bijvoorbeeld 2026-03-01; kreeg 'abc'"
    )
    r = CliRunner().invoke(main, ["intrekken", "--werkmap", str(voorbeeld), "--json"])
    assert [f["plaats"] for f in json.loads(r.stdout)["fouten"]] == ["BESLUIT", "--reden", "--door"]


def test_korte_naam_van_een_inschrijver_krijgt_een_voorstel(voorbeeld: Path) -> None:
    """'Kompas' for 'Kompas Inburgering' (too short for a spelling match): the decision command listed every bidder;
    it now suggests the one meant, as `contract keuze` and `contract uitval` do."""
    regels = _regels(_cmd("toelichting", "--werkmap", str(voorbeeld), "--inschrijver", "Kompas", "--lots", "B1",
                          "--ontvangen", "2021-06-01", "--uitkomst", "aanvaard", "--reden", GOEDE_REDEN,
                          "--door", GOED_DOOR, "--datum", "2021-06-02"))  # fmt: skip
    assert regels == [
        "--inschrijver: 'Kompas' is geen inschrijver in deze aanbesteding; bedoelt u 'Kompas Inburgering'?"
    ], regels
    assert not (voorbeeld / "besluiten.yaml").exists()


def test_besluiten_lezen_een_datum_als_de_contractcommandos(voorbeeld: Path) -> None:
    """25-05-2021 was '--verduidelijking: verwacht JJJJ-MM-DD' in a decision command while every contract command
    read it; the decision commands now read their dates with the same function (clicktaal.lees_datum), and their
    help says both forms. '20210525' (which Python's fromisoformat reads) is no announced form and is refused."""
    import yaml

    res = CliRunner().invoke(main, ["herstel", "--werkmap", str(voorbeeld), "--bestand", "kompas.xlsx",
                                    "--blad", "Inschrijver", "--cel", "B3", "--oud", "x", "--nieuw", "y",
                                    "--verduidelijking", "20210525", "--reden", GOEDE_REDEN, "--door", GOED_DOOR,
                                    "--datum", "26-05-2021"])  # fmt: skip
    assert res.exit_code == 2
    assert "--verduidelijking: verwacht een datum als JJJJ-MM-DD of DD-MM-JJJJ" in res.output
    assert "--datum" not in res.output.split("--verduidelijking")[1]  # 26-05-2021 is a date
    res = CliRunner().invoke(main, ["toelichting", "--werkmap", str(voorbeeld), "--inschrijver", "Kompas Inburgering",
                                    "--lots", "B1", "--ontvangen", "01-06-2021", "--uitkomst", "aanvaard",
                                    "--reden", GOEDE_REDEN, "--door", GOED_DOOR, "--datum", "02-06-2021"])  # fmt: skip
    # the example's Kompas is not signalled as abnormally low: refused for that, not for its dates
    assert res.exit_code == 2
    assert "--ontvangen:" not in res.output and "--datum:" not in res.output, res.output
    from openpyxl import load_workbook

    taalhuis = voorbeeld / "inschrijvingen" / "taalhuis.xlsx"
    wb = load_workbook(taalhuis)
    wb["Percelen"]["B3"] = 9000  # the README's variant: Taalhuis ties with Nieuwe Start in the onderwijsroute
    wb.save(taalhuis)
    res = CliRunner().invoke(main, ["loting", "--werkmap", str(voorbeeld), "--lots", "onderwijs",
                                    "--volgorde", "Taalhuis De Brug B.V.;Nieuwe Start Opleidingen", "--datum", "25-06-2021",
                                    "--getuige", "mr. A. Notaris, notaris", *LOTING_WIE, "--json"])  # fmt: skip
    assert res.exit_code == 0, res.output
    assert '"datum": "2021-06-25"' in res.stdout
    assert yaml.safe_load((voorbeeld / "loting.yaml").read_text(encoding="utf-8"))["lotingen"][0]["datum"] in (
        "2021-06-25",
        dt.date(2021, 6, 25),
    )
    for commando in ("herstel", "toelichting", "uitsluitingsgrond", "keurmerk", "terugtrekking", "intrekken", "loting"):
        hulp = "".join(CliRunner().invoke(main, [commando, "--help"]).output.split())  # click wraps at a hyphen
        assert "(JJJJ-MM-DDofDD-MM-JJJJ)" in hulp, commando


def test_perceel_met_zijn_naam_of_een_tikfout_krijgt_een_suggestie(voorbeeld: Path) -> None:
    """The advies and the letters name a lot ('Onderwijsroute'); --lots takes its code ('onderwijs'). The name, or a
    slip in the code, only listed the codes; the bidder options suggest the nearest name, and so does --lots now."""
    for getypt in ("Onderwijsroute", "onderwjis"):
        regels = _regels(_cmd("toelichting", "--werkmap", str(voorbeeld), "--inschrijver", "Kompas Inburgering",
                              "--lots", getypt, "--ontvangen", "2021-06-01", "--uitkomst", "aanvaard",
                              "--reden", GOEDE_REDEN, "--door", GOED_DOOR, "--datum", "2021-06-02"))  # fmt: skip
        assert regels == [
            f"--lots: onbekend perceel {getypt}; geldige codes: B1, onderwijs, Z; bedoelt u onderwijs (Onderwijsroute)?"
        ]
