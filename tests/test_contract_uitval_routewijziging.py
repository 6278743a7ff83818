"""A drop-out proposal counts the route changes into the lot at the remaining suppliers. It counted only the
registrations of this contract year, so a remaining supplier whose places were already taken by trajectories that came
to it after a route change got the whole demand on top of them: more than its capacity, where the advice already
called it full. B1 awarded to Alfa (capacity 12) and Beta (capacity 20), demand 20 a year (Noord 10, Oost 6, Zuid 4);
from 1 June 2026."""

from __future__ import annotations

from pathlib import Path

from tests.test_contract_routewijziging_aanbieder import KOP
from tests.test_contract_toelating import DOOR, _run, _werkmap


def acht_routewijzigingen(tmp_path: Path, van: str, naar: str) -> Path:
    """The contract started; eight clients K-1 to K-8 registered with Alfa in route `van` on 1 to 8 June 2026, each
    changed to route `naar` with Beta on 1 to 8 July, read in."""
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    lijst = ws / "noord.csv"
    lijst.write_text(
        KOP
        + "".join(
            f"K-{i};Noord;aangemeld;0{i}-06-2026;{van};Alfa;\nK-{i};Noord;route gewijzigd;0{i}-07-2026;{naar};Beta;\n"
            for i in range(1, 9)
        ),
        encoding="utf-8",
    )
    assert _run("contract", "inlezen", "--werkmap", ws, lijst).exit_code == 0
    return ws


def test_uitval_telt_de_routewijzigingen_naar_de_overige_aanbieder(tmp_path: Path) -> None:
    # eight of Beta's 20 places in B1 taken by trajectories that came from the Z-route
    ws = acht_routewijzigingen(tmp_path, "Z", "B1")
    r = _run("contract", "uitval", "--werkmap", ws, "--route", "B1", "--aanbieder", "Alfa", "--per", "2026-08-01")
    # by hand: Beta has 20 - 8 = 12 places left in contract year 1 against a demand of 20 (no registration in B1 yet)
    assert r.exit_code == 1, r.output
    uit = " ".join(r.output.split())
    assert "de vraag van contractjaar 1 in perceel B1-route niet opvangen" in uit, uit
    assert "hebben samen 12 plaatsen, de vraag is 20" in uit, uit
    assert (
        "trajecten die na een routewijziging naar B1-route bij een overige aanbieder verdergaan, nemen daar een plaats "
        "in (zoals 'vol' in het advies): Beta 8 van zijn capaciteit van 20" in uit
    ), uit


def test_uitval_voor_een_routewijziging_naar_die_aanbieder_is_een_fout(tmp_path: Path) -> None:
    """Eight trajectories went on with Beta in the Z-route (open house) after a route change from 1 to 8 July 2026; a
    drop-out of Beta from Z per 1 July was proposed and recorded, and the stand then said 'vanaf die dag geen nieuwe
    plaatsingen bij Beta' next to them. Like a registration on or after --per, it is an error in --per."""
    ws = acht_routewijzigingen(tmp_path, "B1", "Z")
    uitval = ("contract", "uitval", "--werkmap", ws, "--route", "Z", "--aanbieder", "Beta")
    r = _run(*uitval, "--per", "2026-07-01", "--vastleggen", *DOOR)
    assert r.exit_code == 2, r.output
    uit = " ".join(r.output.split())
    assert (
        "--per: op of na 01-07-2026 zijn nog 8 trajecten na een routewijziging naar perceel Z bij Beta verdergegaan "
        "(de eerste: klant K-1 in Noord op 01-07-2026)" in uit
    ), uit
    assert "Vastgelegd" not in uit
    # the day after the last change: the proposal can be made
    assert _run(*uitval, "--per", "2026-07-09").exit_code == 0
