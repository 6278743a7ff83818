"""The contract dossier holds 'alle stukken van de aanbesteding' but left out the two the bidders were given: the
published gunningssystematiek (html and docx, from `template systematiek`) and the inschrijfformulier. Years later
a bidder's lawyer asks what was published; the dossier is where that has to be. They are copied, hashed and
checked like every other document."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_contract_toelating import DOOR, _run, _werkmap

GEPUBLICEERD = ("gunningssystematiek.html", "gunningssystematiek.docx", "inschrijfformulier.xlsx")


def test_dossier_bevat_systematiek_en_inschrijfformulier(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    assert (ws / "inschrijfformulier.xlsx").is_file()  # the form the bids were written on
    for opdracht in (
        ["template", "systematiek"],
        ["contract", "start", "--datum", "2026-06-01", *DOOR],
        ["contract", "dossier"],
    ):
        r = _run(*opdracht, "--werkmap", ws)
        assert r.exit_code == 0, r.output
    dossier = ws / "contract" / "dossier"
    index = json.loads((dossier / "index.json").read_text(encoding="utf-8"))
    paden = {s["pad"]: s for s in index["documenten"]}
    for naam in GEPUBLICEERD:
        assert naam in paden and paden[naam]["categorie"] == "Aanbesteding", naam
        assert (dossier / naam).read_bytes() == (ws / naam).read_bytes(), naam
    assert "gunningssystematiek.docx" in (dossier / "index.html").read_text(encoding="utf-8")
    r = _run("controleer", "--werkmap", ws)
    assert r.exit_code == 0 and "Contractdossier in orde" in r.output, r.output
    # a systematiek written again after the dossier was made is named, like any later change
    (ws / "gunningssystematiek.html").write_text("andere tekst", encoding="utf-8")
    r = _run("controleer", "--werkmap", ws)
    assert r.exit_code == 1 and "gunningssystematiek.html: gewijzigd na het opmaken van het dossier" in r.output
