"""A route change (afschaling) counted only in the framework agreement of the route the placement was registered in:
the trajectory that goes on in the new route is a call-off under that route's framework (CJEU C-23/20: each lot's
maximum is what may be bought under it), so the Z-route could be bought past its maximum while the stand said there
was room and the advies kept sending inburgeraars. A route change now counts in the framework of the route it goes
to, from the day of the change, at the new supplier's price; the registration keeps counting in its own route."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import html_tekst, kopieer_voorbeeld

DOOR = ["--door", "S. Jansen, contractmanager", "--reden", "volgens het contract"]


def _run(*args: object) -> tuple[int, str]:
    r = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in r.output, r.output
    return r.exit_code, " ".join(r.output.split())


@pytest.fixture(scope="module")
def afgeschaald(tmp_path_factory: pytest.TempPathFactory, voorbeeld_bron: Path) -> Path:
    """The example from 1 January 2022: 45 Z-route placements at Inburgerwijs Academie in Hilversum (3 January to 16
    February 2022), and 3 B1-route placements at Inburgerwijs Academie (1 March) that change to the Z-route at Kompas
    Inburgering on 1 April 2022. The Z-route's maximum is 48 trajectories."""
    ws = kopieer_voorbeeld(voorbeeld_bron, tmp_path_factory.mktemp("routewijziging") / "ws")
    assert _run("gunning", "--werkmap", ws, "--lots", "B1,onderwijs,Z")[0] == 0
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2022-01-01", *DOOR)[0] == 0
    rijen = ["klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag"]
    for i in range(45):
        dag = dt.date(2022, 1, 3) + dt.timedelta(days=i)
        rijen.append(f"Z-{i + 1};Hilversum;aangemeld;{dag:%d-%m-%Y};Z;Inburgerwijs Academie;")
    for i in range(1, 4):
        rijen.append(f"B-{i};Hilversum;aangemeld;01-03-2022;B1;Inburgerwijs Academie;")
        rijen.append(f"B-{i};Hilversum;route gewijzigd;01-04-2022;Z;Kompas Inburgering;")
    (ws / "hilversum.csv").write_text("\n".join(rijen) + "\n", encoding="utf-8")
    code, uit = _run("contract", "inlezen", "--werkmap", ws, ws / "hilversum.csv")
    assert code == 0, uit
    return ws


@pytest.fixture
def ws(afgeschaald: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(afgeschaald, tmp_path / "ws"))


def test_routewijziging_telt_in_de_raamovereenkomst_van_de_nieuwe_route(ws: Path) -> None:
    code, uit = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2022-03-31")
    assert code == 0, uit
    # before the route changes: 45 of 48 at EUR 9.100 (Inburgerwijs Academie's Z price) = EUR 409.500
    assert (
        "Z-route: 45 van 48 trajecten, EUR 409.500,00 van EUR 480.000,00; benut 93,8% (het hoogste van de twee)" in uit
    ), uit
    code, uit = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2022-06-30")
    assert code == 0, uit
    # 45 + 3 = 48: the maximum is reached by the route changes of 1 April; value 409.500 + 3 x 9.500 (Kompas) = 438.000
    assert (
        "Z-route: 48 van 48 trajecten, EUR 438.000,00 van EUR 480.000,00; benut 100,0% (het hoogste van de twee); het maximum is bereikt op "
        "01-04-2022: de raamovereenkomst is uitgeput" in uit
    ), uit
    # the B1 call-offs were made: they keep counting there, 3 x EUR 8.700 (Inburgerwijs Academie's B1 price)
    assert "B1-route: 3 van 294 trajecten, EUR 26.100,00 van EUR 2.940.000,00" in uit, uit
    code, uit = _run(
        "contract", "advies", "--werkmap", ws, "--gemeente", "Hilversum", "--route", "Z", "--peildatum", "2022-06-30"
    )
    assert code == 1, uit
    reden = "de raamovereenkomst Z-route is uitgeput: 48 van de maximaal 48 trajecten"
    assert f"geen advies voor Hilversum in perceel Z: {reden}" in uit and uit.count(reden) == 1, uit


def test_kwartaalrapport_toont_het_gebruik_na_een_routewijziging_niet_als_telling_van_aanmeldingen(ws: Path) -> None:
    """The report's framework use was the guarded count of registrations; with a route change in, that count (45) is
    not the use (48), and use minus the table's total would give the number of route changes: withheld, and said."""
    code, uit = _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2022-K2")
    assert code == 0, uit
    tekst = html_tekst(ws / "contract" / "kwartaal" / "2022-K2" / "regio.html")
    assert "Z-route 48 onderdrukt EUR 480.000,00 onderdrukt onderdrukt onderdrukt" in tekst, tekst
    assert (
        "In de raamovereenkomst Z-route telt ook ieder traject dat na een routewijziging in die route verdergaat, als "
        "nieuwe afroep vanaf de dag van de wijziging." in tekst
    ), tekst
    assert "gebruikte trajecten: onderdrukt" in tekst and "45 van 48" not in tekst, tekst
