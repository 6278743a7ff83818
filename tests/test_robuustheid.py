"""A careless user and a hostile bidder against the real CLI: nothing they write changes what others read,
crashes the tool or destroys what was written."""

from __future__ import annotations

import json
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
