"""A klantnummer that Excel changed: a number of more than 15 digits (Excel keeps 15, the rest was rounded), the same
written into a csv as '1,23457E+15', a decimal fraction, WAAR. Each was read as a pseudonym, so two clients whose
numbers Excel rounded alike became one placement, without a word. Each is now an error at its cell, exit 2, nothing
read; an ordinary number (42) and a pseudonym with an E (K1E05) stay pseudonyms."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import Workbook

from tests.test_contract_qa import KOP, _csv, _run, gestart, ws  # noqa: F401  (fixtures)


def test_klantnummer_dat_excel_veranderde_geweigerd(ws: Path) -> None:  # noqa: F811
    wb = Workbook()
    blad = wb.active
    blad.title = "Export"
    blad.append(KOP.split(";"))
    for nummer in (1234567890123456, 1234567890123457, 12.5, True, 42):  # rows 2-6
        blad.append([nummer, "Noord", "aangemeld", "2024-07-03", "B1", "Alfa", None])
    wb.save(ws / "noord.xlsx")
    csv = _csv(
        ws / "oost.csv", ["1,23457E+15;Oost;aangemeld;2024-07-03;B1;Alfa;", "K1E05;Oost;aangemeld;2024-07-03;B1;Alfa;"]
    )
    voor = (ws / "contract" / "register.sqlite").read_bytes()
    r = _run("contract", "inlezen", "--werkmap", ws, "--json", ws / "noord.xlsx", csv)
    assert r.exit_code == 2, r.output
    fouten = {f["plaats"]: f["bericht"] for f in json.loads(r.stdout)["fouten"]}
    assert set(fouten) == {f"noord.xlsx!Export!A{i}" for i in (2, 3, 4, 5)} | {"oost.csv!A2"}, fouten
    # 16 digits each: in Excel both would have been rounded to the same 1234567890123460
    assert "is een getal van meer dan 15 cijfers" in fouten["noord.xlsx!Export!A2"]
    assert "is een getal van meer dan 15 cijfers" in fouten["noord.xlsx!Export!A3"]
    assert fouten["noord.xlsx!Export!A4"] == "12.5 is een getal met decimalen, geen klantnummer"
    assert fouten["noord.xlsx!Export!A5"] == "'WAAR' is een waarheidswaarde, geen klantnummer"
    assert fouten["oost.csv!A2"].startswith("'1,23457E+15' is een afgekort getal (wetenschappelijke notatie")
    assert (ws / "contract" / "register.sqlite").read_bytes() == voor


def test_klantnummer_met_onzichtbaar_teken_geweigerd(ws: Path) -> None:  # noqa: F811
    """'K1' with a zero-width space after it (copied from a web page) and 'K 2' with a non-breaking space look like K1
    and K 2 but were other client numbers: K1's start then said 'klant K1 heeft geen aanmelding' under a visible
    registration of K1. Each is now an error at its cell naming the character."""
    pad = _csv(
        ws / "noord.csv",
        [
            "K1\u200b;Noord;aangemeld;2024-07-03;B1;Alfa;",
            "K1;Noord;gestart;2024-07-10;;;",
            "K\u00a02;Noord;aangemeld;2024-07-03;B1;Alfa;",
            "K 3;Noord;aangemeld;2024-07-03;B1;Alfa;",
        ],
    )
    r = _run("contract", "inlezen", "--werkmap", ws, "--json", pad)
    assert r.exit_code == 2, r.output
    fouten = {f["plaats"]: f["bericht"] for f in json.loads(r.stdout)["fouten"]}
    assert "(U+200B, zero width space)" in fouten["noord.csv!A2"], fouten
    assert "(U+00A0, no-break space)" in fouten["noord.csv!A4"], fouten
    assert "noord.csv!A5" not in fouten  # an ordinary space is a character one sees
