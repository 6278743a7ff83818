"""A decision rests on something received after the closing (a clarification, an explanation, a withdrawal, the proof
of a renewed keurmerk); that date was checked against data.sluiting when recorded, never again. Moving data.sluiting
later left a correction whose clarification now predates the closing applied without a word. Checked on every run
against the current definition: stale (an open point, exit 1, not applied), named with its date, the closing date as
it is now and the commands to withdraw it and record it again. Real CLI runs on the example tender."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from click.testing import CliRunner

from evaluatie.besluiten.model import Keurmerkbesluit, Terugtrekking, Toelichting
from evaluatie.besluiten.sluiting import ontvangen_voor_de_sluiting
from evaluatie.cli import main

DOOR = "S. Jansen, inkoopadviseur"


def _sluiting(ws: Path, dag: str) -> None:
    pad = ws / "aanbesteding.yaml"
    pad.write_text(re.sub(r"sluiting: \S+", f"sluiting: {dag}", pad.read_text(encoding="utf-8"), count=1), "utf-8")


def test_verschoven_sluiting_maakt_het_herstel_verouderd(voorbeeld: Path) -> None:
    ws = str(voorbeeld)
    res = CliRunner().invoke(
        main,
        ["herstel", "--werkmap", ws, "--bestand", "kompas.xlsx", "--blad", "Inschrijver", "--cel", "B4", "--oud",
         "de heer T. Smit", "--nieuw", "de heer T. Smid", "--verduidelijking", "2021-05-25", "--reden",
         "Verschrijving in de naam van de contactpersoon; bevestigd.", "--door", DOOR, "--datum", "2021-05-28"],
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    assert CliRunner().invoke(main, ["gunning", "--werkmap", ws, "--geen-rapport"]).exit_code == 0

    _sluiting(voorbeeld, "2021-05-27")  # after the clarification (25 May), before the decision (28 May)
    res = CliRunner().invoke(main, ["gunning", "--werkmap", ws])
    assert res.exit_code == 1, res.output
    wat = (
        "de verduidelijking waarop H1 rust (ontvangen op 2021-05-25) ligt vóór de sluiting van de inschrijving, die "
        "aanbesteding.yaml nu op 2021-05-27 zet (data.sluiting); klopt die datum niet, zet haar dan terug, en anders "
        "legt u het besluit na de intrekking opnieuw vast met 'evaluatie herstel' en een --verduidelijking op of na "
        "2021-05-27"
    )
    uit = " ".join(res.output.split())
    assert f"besluiten.yaml: H1 (herstel kompas.xlsx!Inschrijver!B4): verouderd besluit: {wat}; het wordt niet" in uit
    assert 'evaluatie intrekken H1 --reden "..." --door "naam, functie"' in uit
    assert "hersteld volgens besluit H1" not in uit  # not applied: the cell counts as the file has it
    data = json.loads((voorbeeld / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    assert [p["soort"] for p in data["open_punten"]] == ["verouderd"]
    assert wat in data["open_punten"][0]["tekst"]
    assert "CONCEPT" in (voorbeeld / "rapporten" / "gunningsadvies.html").read_text(encoding="utf-8")

    _sluiting(voorbeeld, "2021-05-20")  # the closing date put back: the correction holds again
    res = CliRunner().invoke(main, ["gunning", "--werkmap", ws, "--geen-rapport"])
    assert res.exit_code == 0, res.output


def test_ieder_ontvangen_datum_tegen_de_sluiting() -> None:
    """The explanation, the withdrawal and the proof of renewal: each received date before the closing is stale,
    on the closing day itself not (the recording command accepts that day); a withdrawn decision is not checked."""
    wie = {"datum": dt.date(2021, 6, 1), "door": DOOR, "reden": "Motivering in een zin."}
    besluiten = (
        Toelichting(id="A1", inschrijver="A", perceel="B1", prijs=8000, ontvangen=dt.date(2021, 5, 26),
                    uitkomst="aanvaard", **wie),
        Terugtrekking(id="T1", inschrijver="B", ontvangen=dt.date(2021, 5, 27), **wie),
        Keurmerkbesluit(id="K1", inschrijver="C", geldig_tot=dt.date(2021, 6, 2), uitkomst="verlengd",
                        verlengd_tot=dt.date(2022, 6, 2), bewijs=dt.date(2021, 5, 20), **wie),
        Keurmerkbesluit(id="K2", inschrijver="D", geldig_tot=None, uitkomst="onder_voorwaarde", **wie),
    )  # fmt: skip
    weg = ontvangen_voor_de_sluiting(besluiten, dt.date(2021, 5, 27))
    assert [v.id for v in weg] == ["A1", "K1"]
    assert weg[0].wat.startswith("de schriftelijke toelichting waarop A1 rust (ontvangen op 2021-05-26) ligt vóór")
    assert weg[1].wat.endswith("met 'evaluatie keurmerk' en een --bewijs op of na 2021-05-27")
