"""bids/genereer_plaatsingen.py writes an exam result only where the Wet inburgering 2021 (art. 7) has an exam: the
B1-route and the onderwijsroute. It wrote one for every completed placement, also in the modules PVT and MAP, which
`contract inlezen` refuses there (an exam belongs to a learning route): a contract with a module lot could not read
the example's own deliveries (exit 2, nothing read in). The Z-route asks no exam either."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from tests.hulp import LEERROUTES, synthetisch_contract

MODULES = (("PVT", "Participatieverklaringstraject", 0.1), ("MAP", "Module arbeidsmarkt en participatie", 0.1))


def test_examens_alleen_in_de_leerroutes_met_een_examen(tmp_path: Path) -> None:
    """Five gemeenten, 200 placements a year over B1, onderwijs, Z, PVT and MAP, two years (seed 1): the generated
    deliveries read in without an error (synthetisch_contract reads them with contract.inlezen.lees_in), modules and
    the Z-route complete without an exam, and the B1-route and onderwijsroute have exam results."""
    reg = synthetisch_contract(tmp_path, ["Almelo", "Borne", "Dinkelland", "Enschede", "Haaksbergen"], 1, 200, 2,
                               (*LEERROUTES, *MODULES))  # fmt: skip
    afgerond = Counter(p.perceel for p in reg.plaatsingen if p.afgerond is not None)
    examens = Counter(p.perceel for p in reg.plaatsingen if p.examen is not None)
    assert all(afgerond[code] > 0 for code in ("B1", "onderwijs", "Z", "PVT", "MAP")), afgerond
    assert set(examens) == {"B1", "onderwijs"}, examens
