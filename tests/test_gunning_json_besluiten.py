"""gunning.json named the decisions only by the SHA-256 of besluiten.yaml and loting.yaml: a lawyer reading it could
not see which decisions were applied. It now lists every decision and draw (kind, subject, the lots it bears on, date,
who, why, applied or why not) with the sentence the advies shows, made from the same objects; `gunning --json` gives
the same list. Real CLI runs on the example tender."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import LOTING_WIE, html_tekst
from tests.test_audit_besluiten import _zet

DOOR = "S. Jansen, inkoopadviseur"
HERSTEL = ["--bestand", "kompas.xlsx", "--blad", "Inschrijver", "--cel", "B4", "--oud", "de heer T. Smit", "--nieuw",
           "de heer T. Smid", "--verduidelijking", "2021-05-25", "--door", DOOR]  # fmt: skip


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_gunning_json_noemt_ieder_besluit(voorbeeld: Path) -> None:
    vb = str(voorbeeld)
    _zet(voorbeeld / "inschrijvingen" / "taalhuis.xlsx", "Percelen", "B3", 9000)  # ties Nieuwe Start (onderwijs)
    assert (
        _run("herstel", "--werkmap", vb, *HERSTEL, "--reden", "Eerste vastlegging.", "--datum", "2021-05-26").exit_code
        == 0
    )
    res = _run("intrekken", "H1", "--werkmap", vb, "--reden", "De verkeerde reden vastgelegd.", "--door", DOOR,
               "--datum", "2021-05-27")  # fmt: skip
    assert res.exit_code == 0, res.output
    res = _run("herstel", "--werkmap", vb, *HERSTEL, "--reden", "Verschrijving in de naam; bevestigd.", "--datum",
               "2021-05-27")  # fmt: skip
    assert res.exit_code == 0, res.output
    res = _run("loting", "--werkmap", vb, "--lots", "onderwijs", "--volgorde",
               "Taalhuis De Brug B.V.;Nieuwe Start Opleidingen", "--datum", "2021-06-25", "--getuige",
               "mr. A. Notaris, notaris te Hilversum", *LOTING_WIE)  # fmt: skip
    assert res.exit_code == 0, res.output
    res = _run("gunning", "--werkmap", vb)
    assert res.exit_code == 0, res.output

    data = json.loads((voorbeeld / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    zonder_tekst = [{k: v for k, v in b.items() if k != "tekst"} for b in data["besluiten"]]
    assert zonder_tekst == [
        {
            "id": "H1",
            "soort": "herstel",
            "onderwerp": "kompas.xlsx!Inschrijver!B4",
            "percelen": ["B1", "onderwijs", "Z"],  # a cell of the Inschrijver sheet: every lot Kompas bids on
            "datum": "2021-05-26",
            "door": DOOR,
            "reden": "Eerste vastlegging.",
            "status": "ingetrokken",
            "verouderd": None,
            "ingetrokken": {"datum": "2021-05-27", "door": DOOR, "reden": "De verkeerde reden vastgelegd."},
        },
        {
            "id": "H2",
            "soort": "herstel",
            "onderwerp": "kompas.xlsx!Inschrijver!B4",
            "percelen": ["B1", "onderwijs", "Z"],
            "datum": "2021-05-27",
            "door": DOOR,
            "reden": "Verschrijving in de naam; bevestigd.",
            "status": "toegepast",
            "verouderd": None,
            "ingetrokken": None,
        },
        {
            "id": "L1",
            "soort": "loting",
            "onderwerp": "Taalhuis De Brug B.V. voor Nieuwe Start Opleidingen",
            "percelen": ["onderwijs"],
            "datum": "2021-06-25",
            "door": LOTING_WIE[1],
            "reden": LOTING_WIE[3],
            "status": "toegepast",
            "verouderd": None,
            "ingetrokken": None,
        },
    ]
    schema = Path(__file__).parents[1] / "criteria" / "schema" / "gunning.schema.json"
    jsonschema.validate(data, json.loads(schema.read_text(encoding="utf-8")))  # the published schema has them too
    advies = html_tekst(voorbeeld / "rapporten" / "gunningsadvies.html")
    for b in data["besluiten"]:  # one representation: the advies' sentence, word for word
        assert " ".join(b["tekst"].split()) in advies, b["tekst"]
    res = _run("gunning", "--werkmap", vb, "--json", "--geen-rapport")
    assert res.exit_code == 0 and json.loads(res.stdout)["besluiten"] == data["besluiten"]
