"""An own choice ('contract keuze') for a supplier that had dropped out of the lot was recorded, with only a note
that the advice skipped it; the registration that carries the choice out is then refused by 'contract inlezen'
('... is per 01-08-2026 uitgevallen'), so the register held a decision that cannot be executed. The supplier has no
contract for that lot from that day: the choice is now an input error at --aanbieder, as a choice before a later
entry (toetreding) already was. Before the drop-out the choice stands."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.test_contract_routewijziging_aanbieder import beta_uitgevallen
from tests.test_contract_toelating import DOOR, _run


def _keuze(ws: Path, datum: str) -> tuple[int, str]:
    r = _run(
        "contract", "keuze", "--werkmap", ws, "--gemeente", "Noord", "--route", "Z", "--klant", "K-7",
        "--aanbieder", "Beta", "--datum", datum, *DOOR,
    )  # fmt: skip
    return r.exit_code, " ".join(r.output.split())


def test_eigen_keuze_voor_een_uitgevallen_aanbieder_is_een_fout(tmp_path: Path) -> None:
    ws = beta_uitgevallen(tmp_path)
    code, uit = _keuze(ws, "2026-09-01")
    assert code == 2, uit
    assert (
        "--aanbieder: Beta is per 01-08-2026 uitgevallen in perceel Z; vanaf die dag kan niemand meer bij Beta worden "
        "geplaatst" in uit
    ), uit
    with sqlite3.connect(ws / "contract" / "register.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM keuze").fetchone()[0] == 0
    db.close()
    code, uit = _keuze(ws, "2026-07-31")
    assert code == 0, uit
