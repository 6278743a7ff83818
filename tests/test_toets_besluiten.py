"""`evaluatie toets` shows the knock-out as the award applies it: a recorded rejection of an abnormally low bid
(art. 2.116, `evaluatie toelichting --uitkomst verworpen`) takes the bid out of that lot, with the same reason as
the award's, instead of a table that calls the rejected bid compliant. Real workbooks, real CLI calls."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.test_besluiten import _besluit, _run, laag  # noqa: F401  (laag: the fixture, C bids 6000)

REDEN = "De toelichting verklaart de loonkosten onder cao-niveau niet."


def test_toets_toont_een_verworpen_toelichting_zoals_de_gunning(laag: Path, tmp_path: Path) -> None:  # noqa: F811
    ws = tmp_path / "ws"
    shutil.copytree(laag, ws)
    res = _besluit(ws, "toelichting", "--inschrijver", "C", "--lots", "B1", "--ontvangen", "2026-03-10",
                   "--uitkomst", "verworpen", reden=REDEN)  # fmt: skip
    assert res.exit_code == 0, res.output
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0
    uitgesloten = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))["percelen"]["B1"][
        "uitgesloten"
    ]
    c = next(u for u in uitgesloten if u["inschrijver"] == "C")
    assert "afgewezen als abnormaal laag (art. 2.116 Aanbestedingswet 2012)" in c["redenen"][0], c

    res = _run("toets", "--werkmap", str(ws), "--json")
    assert res.exit_code == 0, res.output
    rij = next(r for r in json.loads(res.stdout)["resultaten"] if (r["inschrijver"], r["perceel"]) == ("C", "B1"))
    assert rij["status"] == "abnormaal laag" and rij["redenen"] == c["redenen"], rij
    res = _run("toets", "--werkmap", str(ws))
    regel = next(r for r in res.output.splitlines() if r.startswith("C "))
    assert "abnormaal laag" in regel and "afgewezen als abnormaal laag" in regel, res.output
