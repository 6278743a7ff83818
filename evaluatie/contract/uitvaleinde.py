"""The end of a placement at a supplier that dropped out, when the client has since gone on with another one.

Why: a placement has an end only by an event (voortijdig gestopt, afgerond). A client whose supplier dropped out of the
lot (contract uitval) and who is registered with another supplier in that lot (the next placement, contract.overstap)
has no such event at the supplier that dropped out, so every view that reads running from ended (the stand's results
per supplier: started, stopped, completed) kept the placement there as running, next to the one at the new supplier.
The recorded events say when it ended: on the day of the drop-out, the ground of the next placement. Derived, never
assumed: a placement at a supplier that dropped out without a next placement keeps no end (the placements of a
supplier that drops out stay with it, contract uitval), and a placement that stopped or completed ends by that event.
A view up to a peildatum uses a next placement registered up to that day only, so a report reads the same when a
later registration is read in.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from evaluatie.contract.lezen import Plaatsing, Register


@dataclass(frozen=True)
class EindeDoorUitval:
    plaatsing: Plaatsing
    perceel: str
    leverancier: str  # the supplier that dropped out, which had the client
    einde: dt.date  # the day of its drop-out: the placement's last day there is the day before
    volgende: Plaatsing  # the client's next placement, with another supplier in the same lot


def einden_door_uitval(reg: Register, peildatum: dt.date) -> Iterator[EindeDoorUitval]:
    """Every placement of `reg` (its view: withdrawn events left out) ended by its supplier's drop-out by `peildatum`:
    the client's next placement is registered on or before `peildatum`, in the same lot with another supplier, and
    a drop-out of the supplier that had the client lies after the placement's registration and on or before the next
    one's (as contract.overstap._grond reads a switch after a drop-out); not one that stopped or completed by
    `peildatum` (it ends by that event, and the stand counts it as such: never twice)."""
    per_klant: dict[tuple[str, str], list[Plaatsing]] = {}
    for pl in reg.plaatsingen:
        per_klant.setdefault((pl.gemeente, pl.klantnummer), []).append(pl)
    for lijst in per_klant.values():
        lijst.sort(key=lambda x: x.volgnummer)
        for pl, volgende in itertools.pairwise(lijst):
            nieuw = volgende.aangemeld
            if pl.aangemeld is None or nieuw is None or nieuw > peildatum or not pl.aangemeld < nieuw:
                continue
            if any(d is not None and d <= peildatum for d in (pl.gestopt, pl.afgerond)):
                continue  # ended by its own event (a stop may be the next placement's ground), counted as that
            perceel, wie = pl.bij(nieuw)
            if perceel is None or wie is None or perceel != volgende.perceel or wie == volgende.leverancier:
                continue
            uitval = min((u for u in reg.uitvallen.get((perceel, wie), []) if pl.aangemeld < u <= nieuw), default=None)
            if uitval is None:
                continue
            yield EindeDoorUitval(pl, perceel, wie, uitval, volgende)
