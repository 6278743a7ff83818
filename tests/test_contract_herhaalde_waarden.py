"""A column an event does not use may repeat the placement's value (exports fill route, aanbieder and uitslag on every
row), but a value that contradicts the placement was read in silence: a start 'Z, Delta' of a client registered for
B1 with Alfa counted as Alfa's B1 start, and a completion with 'B1' of a client without an exam as a completion
without result (the B1 counted nowhere). Now an error at the cell, with the place of what the placement says."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_contract_qa import _csv, _run, _vlak, gestart, ws  # noqa: F401  (fixtures)


def test_herhaalde_waarde_die_de_plaatsing_tegenspreekt(ws: Path) -> None:  # noqa: F811
    pad = _csv(
        ws / "noord.csv",
        [
            "H1;Noord;aangemeld;2024-07-03;B1;Alfa;",  # A2
            "H1;Noord;gestart;2024-07-10;Z;Delta;",  # A3: E3 and F3 contradict B1/Alfa
            "H1;Noord;afgerond;2024-09-10;B1;Alfa;B1",  # A4: G4, no exam
            "H2;Noord;aangemeld;2024-07-03;B1;Beta;",  # A5
            "H2;Noord;gestart;2024-07-10;B1;Beta;",  # A6: the registration's route and supplier
            "H2;Noord;route gewijzigd;2024-08-01;Z;Delta;",  # A7
            "H2;Noord;examen;2024-09-01;Z;Delta;niet behaald",  # A8: the current route and supplier
            "H2;Noord;voortijdig gestopt;2024-09-10;Z;Delta;niet behaald",  # A9: the exam's result
        ],
    )
    voor = (ws / "contract" / "register.sqlite").read_bytes()
    r = _run("contract", "inlezen", "--werkmap", ws, "--json", pad)
    assert r.exit_code == 2, r.output
    fouten = {f["plaats"]: f["bericht"] for f in json.loads(r.stdout)["fouten"]}
    assert set(fouten) == {"noord.csv!E3", "noord.csv!F3", "noord.csv!G4"}, fouten
    assert fouten["noord.csv!E3"].startswith(
        "klant H1 (Noord): route 'Z' bij de gebeurtenis 'gestart' is niet de route van deze plaatsing (B1 volgens "
        "noord.csv!A2); de kolom wordt bij deze gebeurtenis niet gelezen"
    )
    assert (
        "aanbieder 'Delta' bij de gebeurtenis 'gestart' is niet de aanbieder van deze plaatsing (Alfa volgens "
        "noord.csv!A2)"
    ) in fouten["noord.csv!F3"]
    assert fouten["noord.csv!G4"].startswith(
        "klant H1 (Noord): uitslag 'B1' bij de gebeurtenis 'afgerond' is niet de examenuitslag van deze plaatsing "
        "(geen examen)"
    )
    assert (ws / "contract" / "register.sqlite").read_bytes() == voor
    # the start and completion as the placement has them, and the exam delivered: read
    _csv(
        pad,
        [
            "H1;Noord;aangemeld;2024-07-03;B1;Alfa;",
            "H1;Noord;gestart;2024-07-10;;;",
            "H1;Noord;examen;2024-09-01;;;B1",
            "H1;Noord;afgerond;2024-09-10;B1;Alfa;B1",
        ],
    )
    r = _run("contract", "inlezen", "--werkmap", ws, pad)
    assert r.exit_code == 0, _vlak(r)
    assert "4 nieuw" in r.output
