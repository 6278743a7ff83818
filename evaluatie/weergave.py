"""Plain-text tables for the terminal. Only formatting: every number comes from the stages."""

from __future__ import annotations

from collections.abc import Sequence

from evaluatie.definitie.model import Aanbesteding
from evaluatie.inschrijving.model import Inschrijving
from evaluatie.tekst import euro
from evaluatie.toets.uitslag import Toetsuitslag


def tabel(kop: Sequence[str], rijen: Sequence[Sequence[object]], rechts: Sequence[int] = ()) -> str:
    """Aligned columns; `rechts` lists column indexes to right-align (numbers)."""
    tekst = [[str(c) for c in kop]] + [[str(c) for c in r] for r in rijen]
    breedte = [max(len(r[j]) for r in tekst) for j in range(len(kop))]

    def regel(r: list[str]) -> str:
        return "  ".join(
            c.rjust(breedte[j]) if j in rechts else c.ljust(breedte[j]) for j, c in enumerate(r)
        ).rstrip()

    return "\n".join([regel(tekst[0]), "  ".join("-" * b for b in breedte)] + [regel(r) for r in tekst[1:]])


def inschrijvingen_tabel(aanbesteding: Aanbesteding, inschrijvingen: Sequence[Inschrijving]) -> str:
    rijen = []
    for ins in inschrijvingen:
        for code, a in ins.aanbod.items():
            alle = len(a.gemeenten) == len(aanbesteding.percelen[code].gemeenten)
            rijen.append([
                ins.naam, ins.kvk, aanbesteding.percelen[code].naam, euro(a.prijs), a.capaciteit,
                a.instroommomenten, f"{a.wachttijd_weken:g}", "alle" if alle else "; ".join(a.gemeenten),
            ])
    kop = ["Inschrijver", "KvK", "Perceel", "Prijs", "Capaciteit", "Instroom", "Wachttijd", "Gemeenten"]
    return (
        f"{len(inschrijvingen)} inschrijvingen voor {aanbesteding.naam}\n\n"
        + tabel(kop, rijen, rechts=(3, 4, 5, 6))
    )


def toets_tabel(aanbesteding: Aanbesteding, uitslag: Toetsuitslag) -> str:
    delen = []
    for code, perceel in aanbesteding.percelen.items():
        rijen = []
        for r in uitslag.voor_perceel(code):
            open_ = [b.regel for b in r.bevindingen if b.voldoet is None]
            toelichting = "; ".join(r.redenen)
            if open_ and r.voldoet:
                toelichting = "nog te toetsen na beoordeling: " + ", ".join(open_)
            rijen.append([r.inschrijver, r.status, toelichting])
        delen.append(f"Perceel {perceel.naam}\n" + tabel(["Inschrijver", "Uitslag", "Redenen"], rijen))
    return "\n\n".join(delen)
