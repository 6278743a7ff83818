"""Whether a recorded re-allocation still rests on the placements it took as fixed.

Why: `contract uitval --vastleggen` allocates the rest of the contract year around the placements made before the
drop-out, as the register had them that day (the decision's `vast`). A delivery read in later may bring an earlier
registration (a list that came late), and a withdrawal may take one away: the decision's premise has changed, and
its allocation no longer adds up with what happened. A recorded decision is never re-taken silently, nor applied as
if nothing changed: the stand and the intake say which gemeente and supplier differ, then and now. What to do (an
own choice per client, a contract change) is the contract manager's call; the allocation stays as decided.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from evaluatie.contract.lezen import Herverdelingsbesluit, Register, zonder_ingetrokken
from evaluatie.contract.telling import geplaatst


@dataclass(frozen=True)
class Verschoven:
    besluit: Herverdelingsbesluit
    verschil: list[tuple[str, str, int, int]]  # (gemeente, supplier, then, now), in order

    def zin(self, reg: Register) -> str:
        h = self.besluit
        per = h.per.strftime("%d-%m-%Y")
        delen = "; ".join(f"{g} bij {s} {nu} (toen {toen})" for g, s, toen, nu in self.verschil)
        return (
            f"Let op: de herverdeling bij de uitval van {h.aanbieder} in {reg.percelen[h.perceel].naam} (besluit "
            f"{h.besluit}, per {per}) ging uit van de plaatsingen van contractjaar {h.jaar} voor {per} zoals het "
            f"register ze toen had; nu heeft het er andere: {delen}. De toewijzing van dat besluit is daarop niet "
            "aangepast."
        )

    def als_json(self) -> dict[str, object]:
        h = self.besluit
        return {
            "besluit": h.besluit,
            "perceel": h.perceel,
            "aanbieder": h.aanbieder,
            "per": h.per.isoformat(),
            "verschil": [{"gemeente": g, "aanbieder": s, "toen": toen, "nu": nu} for g, s, toen, nu in self.verschil],
        }


def verschoven(reg: Register, dag: dt.date) -> list[Verschoven]:
    """Every re-allocation in force on `dag` (its `per` up to it) whose fixed placements the register as it is now
    no longer gives: with every recorded withdrawal, as the proposal counted them (a decision of now), not the view of
    a peildatum, which still counts an event withdrawn at a later date and so differs from a premise that held."""
    uit = []
    zicht = dataclasses.replace(reg, plaatsingen=zonder_ingetrokken(reg.volledig, reg.intrekkingen))
    for h in reg.herverdelingen:
        if h.per > dag:
            continue
        begin, _ = reg.jaargrenzen(h.jaar)
        telling = geplaatst(zicht, begin, h.per - dt.timedelta(days=1))
        nu = {(g, s): n for (g, c, s), n in telling.items() if c == h.perceel and n}
        verschil = [(g, s, h.vast.get((g, s), 0), nu.get((g, s), 0)) for g, s in sorted(set(nu) | set(h.vast))]
        verschil = [v for v in verschil if v[2] != v[3]]
        if verschil:
            uit.append(Verschoven(h, verschil))
    return uit
