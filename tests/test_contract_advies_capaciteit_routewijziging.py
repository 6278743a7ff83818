"""The advies skips a supplier that reached its capacity for the contract year, counting only the inburgeraars
registered with it: five who came to Inburgerwijs Academie in the Z-route by a route change from the B1-route did
not count, so the advies sent a sixth... eleventh person to a supplier whose 10 places were taken. A route change is
a trajectory with the supplier of the new route from the day of the change: it now counts toward that capacity."""

from __future__ import annotations

from pathlib import Path

from tests.hulp import kopieer_voorbeeld
from tests.test_contract_routewijziging_raam import DOOR, _run


def test_routewijziging_telt_mee_in_de_capaciteit_van_de_nieuwe_aanbieder(tmp_path: Path, voorbeeld_bron: Path) -> None:
    ws = kopieer_voorbeeld(voorbeeld_bron, tmp_path / "ws")
    assert _run("gunning", "--werkmap", ws, "--lots", "B1,onderwijs,Z")[0] == 0
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2022-01-01", *DOOR)[0] == 0
    # Hilversum in the Z-route: 6 allocated to Inburgerwijs Academie (capacity 10), 1 to Kompas Inburgering
    rijen = ["klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag"]
    for i in range(1, 6):
        rijen += [
            f"Z-{i};Hilversum;aangemeld;0{i + 2}-01-2022;Z;Inburgerwijs Academie;",
            f"Z-{i};Hilversum;gestart;10-01-2022;;;",
        ]
        rijen += [
            f"B-{i};Hilversum;aangemeld;01-02-2022;B1;Inburgerwijs Academie;",
            f"B-{i};Hilversum;gestart;07-02-2022;;;",
        ]
        rijen.append(f"B-{i};Hilversum;route gewijzigd;01-04-2022;Z;Inburgerwijs Academie;")
    rijen += ["Z-6;Hilversum;aangemeld;03-01-2022;Z;Kompas Inburgering;", "Z-6;Hilversum;gestart;10-01-2022;;;"]
    (ws / "hilversum.csv").write_text("\n".join(rijen) + "\n", encoding="utf-8")
    code, uit = _run("contract", "inlezen", "--werkmap", ws, ws / "hilversum.csv")
    assert code == 0, uit
    advies = ("contract", "advies", "--werkmap", ws, "--gemeente", "Hilversum", "--route", "Z")
    # before the route changes: 5 of 10 places taken, and Inburgerwijs Academie is furthest below its share
    # (6/7 x 7 = 6 after the next placement, it has 5; Kompas 1/7 x 7 = 1, it has 1)
    code, uit = _run(*advies, "--peildatum", "2022-03-31")
    assert code == 0 and "van Hilversum in Z-route: Inburgerwijs Academie." in uit, uit
    # after them: 5 registered + 5 by route change = 10 of 10
    code, uit = _run(*advies, "--peildatum", "2022-06-30")
    assert code == 0, uit
    assert (
        "overgeslagen: vol: 10 plaatsingen dit contractjaar (waarvan 5 na een routewijziging) bij een capaciteit van 10"
        in uit
    ), uit
    assert "van Hilversum in Z-route: Kompas Inburgering." in uit, uit
