"""Progress of a long proof: the best allocation so far and the bound, while the solver keeps going.

No step of the allocation stops on the clock (a lot's outcome must never depend on the load of
the machine), so a proof that takes long is shown instead of cut off. The library reports
nothing by itself: the CLI registers a `Melder` (a function that takes one Dutch line), and
every HiGHS step then reports at most once per `INTERVAL` seconds. The clock only decides
when a line is printed, never what is computed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

Melder = Callable[[str], None]
INTERVAL = 5.0  # seconds between two progress lines of one step

STAPNAMEN = {
    "samengevoegd": "samengevoegd model",
    "relaxatie": "relaxatie",
    "relaxatie_budget": "relaxatie",
    "relaxatie_subregio": "relaxatie",
    "relaxatie_subregio_ruim": "relaxatie",
    "transport": "transportmodel",
    "stap4": "stap 4 per gemeente",
    "volledig": "volledig model",
    "subregio": "stap 4 per subregio",
}

_melder: Melder | None = None


def zet_melder(melder: Melder | None) -> None:
    """Register where progress lines go (None: nowhere)."""
    global _melder
    _melder = melder


def regel(perceel: str, stap: str, seconden: float, beste: float | None, grens: float | None) -> str:
    """One progress line in Dutch: what is known so far, and that the computation goes on."""
    naam = STAPNAMEN.get(stap, stap)
    beste_tekst = "nog geen verdeling gevonden" if beste is None else f"beste verdeling tot nu toe {_getal(beste)}"
    grens_tekst = "" if grens is None else f", grens {_getal(grens)}"
    if beste is not None and grens is not None and beste != 0:
        # how far apart they still are, relative to the best so far: what a reader can judge progress by
        verschil = abs(grens - beste) / abs(beste) * 100
        grens_tekst += f" (nog {verschil:.4f}% verschil)".replace(".", ",")
    return (
        f"Perceel {perceel}, {naam}: na {seconden:.0f} s {beste_tekst}{grens_tekst}; het bewijs van het optimum "
        "loopt nog, evaluatie rekent door"
    )


def _getal(x: float) -> str:
    return f"{x:,.0f}".replace(",", ".")


def volg(m: Any, perceel: str, stap: str) -> None:
    """Report the progress of engine `m` (HiGHS only: CBC runs as a subprocess) when a melder is set."""
    if _melder is None or getattr(m, "naam", "") != "highs":
        return
    melder = _melder
    begin = time.monotonic()
    volgende = [begin + INTERVAL]

    def terugroep(e: Any) -> None:
        nu = time.monotonic()
        if nu < volgende[0]:
            return
        volgende[0] = nu + INTERVAL
        uit = e.data_out
        verschuiving = m.verschuiving  # the objective HiGHS sees may be shifted (dualverschuiving)
        beste = uit.mip_primal_bound + verschuiving if abs(uit.mip_primal_bound) < 1e300 else None
        grens = uit.mip_dual_bound + verschuiving if abs(uit.mip_dual_bound) < 1e300 else None
        melder(regel(perceel, stap, nu - begin, beste, grens))

    m.h.cbMipInterrupt.subscribe(terugroep)
