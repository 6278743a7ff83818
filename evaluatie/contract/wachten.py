"""Who waits for which supplier on a peildatum, and who no longer can: the client of a supplier that dropped out.

Why apart: the stand (wacht te lang), the advice (a supplier passed over for it) and the quarterly report's signal read
the same persons, and a person registered with a supplier that then dropped out of the lot (contract uitval), not
started and not registered again, waited on there for a supplier that no longer takes anyone: the stand of 20 July
said "Bij Beta (Z-route) wachten ... 1" while Beta had dropped out on 1 July. That person must be placed again; the
views say so (`opnieuw_te_plaatsen`) and count her nowhere as waiting. Derived from the recorded events only: the
registration, the absence of a start, a stop and a later registration, and the drop-out after she came to the
supplier (a registration after a resumption, contract hervatting, waits there as any other).

So too a client who STARTED with that supplier, neither stopped nor completed, and has no next placement: the stand
of 20 July showed her started and not ended at Beta, with nothing saying that a trajectory at a supplier that is gone
cannot go on. She is to be placed again as well (`Opnieuw.gestart`). Her placement keeps no end (contract uitval: the
placements stay with the supplier; evaluatie.contract.uitvaleinde ends one only on a next placement): no end date is
invented.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from evaluatie.contract.lezen import Plaatsing


@dataclass(frozen=True)
class NietGestart:
    plaatsing: Plaatsing
    perceel: str
    leverancier: str  # the supplier the client was with on the peildatum
    sinds: dt.date  # since when the client waits for it (`Plaatsing.sinds`)
    uitval: dt.date | None  # the first drop-out of that supplier after `sinds`, up to the peildatum, or None


def niet_gestart(
    plaatsingen: Iterable[Plaatsing],
    peildatum: dt.date,
    uitvallen: Mapping[tuple[str, str], Sequence[dt.date]],
) -> Iterator[NietGestart]:
    """Every client's last placement in a gemeente registered up to `peildatum` that has neither started nor stopped
    by then, in the order of `plaatsingen`: one registered again later (a next placement after a drop-out or a stop,
    contract.overstap) waits for the new placement's supplier, not for this one; one whose route changed waits for the
    new route's supplier from that day."""
    for p in _laatste(list(plaatsingen), peildatum):
        perceel, naam = p.bij(peildatum)
        if perceel is None or naam is None:
            continue
        if not any(d is not None and d <= peildatum for d in (p.gestart, p.gestopt)):
            sinds = p.sinds(peildatum)
            assert sinds is not None
            yield NietGestart(p, perceel, naam, sinds, _eerste_uitval(uitvallen, perceel, naam, sinds, peildatum))


@dataclass(frozen=True)
class Opnieuw:
    plaatsing: Plaatsing
    perceel: str
    leverancier: str  # the supplier that dropped out, which the client was with on the peildatum
    uitval: dt.date  # its first drop-out after the client came to it, up to the peildatum
    gestart: bool  # started there (not stopped or completed): her trajectory cannot go on; else she never started


def _eerste_uitval(
    uitvallen: Mapping[tuple[str, str], Sequence[dt.date]], perceel: str, naam: str, sinds: dt.date, peildatum: dt.date
) -> dt.date | None:
    """The supplier's first drop-out after the client came to it (`sinds`), up to the peildatum, or None."""
    return min((u for u in uitvallen.get((perceel, naam), ()) if sinds < u <= peildatum), default=None)


def _laatste(plaatsingen: Sequence[Plaatsing], peildatum: dt.date) -> Iterator[Plaatsing]:
    """Every client's last placement in a gemeente registered up to `peildatum`, in the order of `plaatsingen`."""
    laatste: dict[tuple[str, str], dt.date] = {}
    for p in plaatsingen:
        if p.aangemeld is not None and p.aangemeld <= peildatum:
            k = (p.gemeente, p.klantnummer)
            laatste[k] = max(laatste.get(k, p.aangemeld), p.aangemeld)
    for p in plaatsingen:
        if p.aangemeld is not None and p.aangemeld <= peildatum and laatste[(p.gemeente, p.klantnummer)] <= p.aangemeld:
            yield p


def opnieuw_te_plaatsen(
    plaatsingen: Iterable[Plaatsing], peildatum: dt.date, uitvallen: Mapping[tuple[str, str], Sequence[dt.date]]
) -> dict[tuple[str, str], list[Opnieuw]]:
    """Per (lot, supplier that dropped out): its clients who must be placed again on `peildatum` (see the module): first
    those not started there, then those started and neither stopped nor completed by `peildatum`, each in the order of
    `plaatsingen`."""
    plaatsingen = list(plaatsingen)
    uit: dict[tuple[str, str], list[Opnieuw]] = {}
    for w in niet_gestart(plaatsingen, peildatum, uitvallen):
        if w.uitval is not None:
            uit.setdefault((w.perceel, w.leverancier), []).append(
                Opnieuw(w.plaatsing, w.perceel, w.leverancier, w.uitval, False)
            )
    for p in _laatste(plaatsingen, peildatum):
        perceel, naam = p.bij(peildatum)
        sinds = p.sinds(peildatum)
        if perceel is None or naam is None or sinds is None or p.gestart is None or p.gestart > peildatum:
            continue
        if any(d is not None and d <= peildatum for d in (p.gestopt, p.afgerond)):
            continue  # ended by its own event
        if (weg := _eerste_uitval(uitvallen, perceel, naam, sinds, peildatum)) is not None:
            uit.setdefault((perceel, naam), []).append(Opnieuw(p, perceel, naam, weg, True))
    return uit
