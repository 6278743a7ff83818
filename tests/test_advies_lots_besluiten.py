"""`gunning --lots Z` lists every recorded decision (the README: the advies names each one, besluiten.yaml is input),
also a correction in a bid's B1 row; it did so without a word that it bears on B1, and counted it under '1 kennelijke
fout hersteld', so a reader of the Z-route advies took it for one of Z. Now its sentence (advies and gunning.json
alike) says it concerns a lot this award does not compute, and it is not counted."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import html_tekst

HERSTEL = [
    "herstel", "--bestand", "kompas.xlsx", "--blad", "Percelen", "--cel", "E2", "--oud", "5", "--nieuw", "6",
    "--verduidelijking", "2021-05-25", "--reden", "De inschrijver verduidelijkte dat de wachttijd zes weken is.",
    "--door", "S. Jansen, inkoopadviseur", "--datum", "2021-05-26",
]  # fmt: skip
LABEL = "Dit besluit betreft perceel B1-route, dat niet in deze gunning wordt berekend."
TELLING = "1 kennelijke fout hersteld"


def _gun(ws: Path, *lots: str) -> tuple[str, str]:
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws), *lots])
    assert res.exit_code == 0, res.output
    data = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    [h1] = [b for b in data["besluiten"] if b["id"] == "H1"]
    return html_tekst(ws / "rapporten" / "gunningsadvies.html"), h1["tekst"]


def test_besluit_van_een_ander_perceel_zegt_dat(voorbeeld: Path) -> None:
    res = CliRunner().invoke(main, [*HERSTEL[:1], "--werkmap", str(voorbeeld), *HERSTEL[1:]])
    assert res.exit_code == 0, res.output
    advies, tekst = _gun(voorbeeld, "--lots", "Z")  # kompas.xlsx row 2 (E2) is its B1 row
    assert tekst.endswith(" " + LABEL) and tekst in advies
    assert TELLING not in advies
    for lots in (("--lots", "B1"), ()):  # the decision's own lot computed: no label, counted
        advies, tekst = _gun(voorbeeld, *lots)
        assert LABEL not in tekst and LABEL not in advies and tekst in advies
        assert TELLING in advies
