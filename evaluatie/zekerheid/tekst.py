"""The robustness analyses in plain Dutch, for the terminal and the gunningsadvies."""

from __future__ import annotations

from evaluatie.prijs.rangorde import voorrang_tekst
from evaluatie.tekst import euro, getal
from evaluatie.zekerheid.model import Capaciteitsmarge, Zekerheid
from evaluatie.zekerheid.toelating import Toelatingszekerheid


def _beperk(items: list[str] | tuple[str, ...], beknopt: int | None, wat: str) -> list[str]:
    """At most `beknopt` items; the rest counted in a last item, so no list grows with the tender."""
    if beknopt is None or len(items) <= beknopt:
        return list(items)
    return [*items[:beknopt], f"en nog {len(items) - beknopt} {wat}"]


def procent(kans: float) -> str:
    """A share of draws with one decimal, never rounded to a false 0,0% or 100,0%: one draw in 10.000 is
    'minder dan 0,1%', not none."""
    tekst = getal(100 * kans, 1)
    if kans > 0 and tekst == getal(0, 1):
        return "minder dan 0,1%"
    if kans < 1 and tekst == getal(100, 1):
        return "meer dan 99,9%"
    return f"{tekst}%"


_GELIJK = "om minstens gelijk te komen met de eerste"


def _marge(kwaliteit: float | None, prijs: float | None, doel: str = _GELIJK) -> str:
    """What a bid lacked to draw level with the first, by quality alone and by price alone; an unreachable route is
    said as such (not slotted into the sentence where a number belongs). The figures are the smallest whole tenths
    of a point and whole cents that reach the first (zekerheid.marge.in_stappen), so they may pass it: 'minstens
    gelijk', and how they are rounded, so no reader takes them for the exact difference. For a bid already level
    (`doel` 'om alleen eerste te staan') the steps that put it ahead (zekerheid.marge.voorbij_in_stappen)."""
    q = f"{getal(kwaliteit, 1)} kwaliteitspunten meer" if kwaliteit is not None else None
    p = f"een prijs die {euro(prijs)} per traject lager was" if prijs is not None else None
    if q and p:
        return f"had {q} nodig gehad {doel}, of {p} (naar boven afgerond op 0,1 punt en op hele centen)."
    if q:
        return (
            f"had {q} nodig gehad {doel} (naar boven afgerond op 0,1 punt); met alleen een lagere prijs lukte dat niet."
        )
    if p:
        return (
            f"had {p} nodig gehad {doel} (naar boven afgerond op hele centen); met alleen een hogere kwaliteitsscore "
            "(hoogstens 100) lukte dat niet."
        )
    return "kon met alleen een hogere kwaliteitsscore (hoogstens 100) of alleen een lagere prijs niet eerste worden."


# why a rise is searched although the capacity does not bind (zekerheid.marge.kiest)
_KEUZE = "onder de verdeelregels van dit perceel kan meer capaciteit een andere keuze mogelijk maken"


def _plaatsen(n: int) -> str:
    return f"{getal(n, 0)} {'plaats' if n == 1 else 'plaatsen'}"


def _bereik(van: int, tot: int) -> str:
    """A range of capacities; from 0 (a lot without a capacity knock-out) as "... of minder"."""
    if van == tot:
        return getal(van, 0)
    return f"{getal(tot, 0)} of minder" if van == 0 else f"{getal(van, 0)} tot en met {getal(tot, 0)}"


def _lager(c: Capaciteitsmarge) -> str:
    """What a lower capacity does, as computed: the share drops from one place below the allocation down to the
    lowest capacity at which the lot can still be allocated, and not below the lot's capacity knock-out (there the
    bid is invalid); where the others cannot take the rest, no allocation is possible, which is said with why."""
    hoog = c.toegewezen - 1  # the highest capacity at which the share drops
    eis = f"knock-outeis: capaciteit minstens {getal(c.minimum, 0)} per jaar" if c.minimum is not None else ""
    ongeldig = (
        f"; bij minder dan {getal(c.minimum, 0)} is de inschrijving ongeldig ({eis})" if c.minimum is not None else ""
    )
    if c.minimum is not None and hoog < c.minimum:
        return (
            f"zolang de capaciteit minstens {getal(c.minimum, 0)} is, blijft het aandeel gelijk; bij een lagere "
            f"capaciteit is de inschrijving ongeldig ({eis})"
        )
    onmogelijk = (
        f"bij een capaciteit van {_bereik(c.onmogelijk_vanaf, c.onmogelijk_tot)} kan de verdeling niet worden gemaakt "
        f"({'bij ' + getal(c.onmogelijk_tot, 0) + ': ' if c.onmogelijk_vanaf != c.onmogelijk_tot else ''}"
        f"{c.onmogelijk})"
        if c.onmogelijk_vanaf is not None and c.onmogelijk_tot is not None
        else ""
    )
    if c.laagste is None:
        if not onmogelijk:
            raise ValueError(f"capaciteitsmarge van {c.inschrijver}: lagere capaciteit niet berekend")
        return onmogelijk + ongeldig
    return (
        f"bij een capaciteit van {_bereik(c.laagste, hoog)} daalt het aandeel"
        + (f"; {onmogelijk}" if onmogelijk else "")
        + ongeldig
    )


def zinnen(z: Zekerheid, perceelnaam: str, beknopt: int | None = None) -> dict[str, list[str]]:
    """The analyses as sentences. `beknopt` caps the lists inside a sentence (changed allocations,
    other bidders that could come first) at that many items, the rest counted; None: everything."""
    weg = []
    for w in z.weglatingen:
        verschuivingen = _beperk(w.verschuivingen, beknopt, "wijzigingen")
        if w.winnaar is None:
            weg.append(f"Zonder de scores van {w.beoordelaar} is geen gunning mogelijk: {'; '.join(verschuivingen)}")
        elif not w.winnaar_gelijk:
            weg.append(
                f"Zonder de scores van {w.beoordelaar} wordt {w.winnaar} eerste in plaats van {z.winnaar}; "
                f"de verdeling verandert ({'; '.join(verschuivingen)})."
            )
        elif not w.verdeling_gelijk:
            weg.append(
                f"Zonder de scores van {w.beoordelaar} blijft {z.winnaar} eerste, maar de verdeling verandert "
                f"({'; '.join(verschuivingen)})."
            )
        else:
            # the first in the ranking is the winner only when it gets a share (weergave._eerste)
            wie = "winnaar en verdeling" if z.winnaar in z.gegund else "de eerste in de rangorde en de verdeling"
            weg.append(f"Zonder de scores van {w.beoordelaar} blijven {wie} gelijk.")
    storing = []
    if z.storing is not None:
        s = z.storing
        storing.append(
            f"Als iedere afzonderlijke score willekeurig een schaalstap omhoog of omlaag gaat "
            f"(zaad {s.zaad}), blijft {z.winnaar} in "
            f"{getal(s.aantal_winnaar_blijft, 0)} van de {getal(s.trekkingen, 0)} trekkingen "
            f"({procent(s.kans_winnaar_blijft)}) alleen eerste."
        )
        anderen = _beperk(
            [f"{b} {getal(s.aantal_eerste[b], 0)} ({procent(k)})" for b, k in s.kans_eerste.items() if b != z.winnaar],
            beknopt,
            "inschrijvers",
        )
        if anderen:
            storing.append("Andere inschrijvers die dan eerste worden: " + ", ".join(anderen) + ".")
        if s.gedeeld_eerste:
            storing.append(
                f"In {getal(s.gedeeld_eerste, 0)} trekkingen ({procent(s.gedeeld_eerste / s.trekkingen)}) delen twee "
                "of meer inschrijvers de eerste plaats."
            )
        if s.geen_geldige:
            storing.append(
                f"In {getal(s.geen_geldige, 0)} trekkingen ({procent(s.geen_geldige / s.trekkingen)}) is geen "
                "inschrijving geldig, omdat iedere kwaliteitsscore onder de minimale kwaliteit valt: het perceel zou "
                "dan niet gegund worden."
            )
    marge = []
    for m in z.marges:
        if m.gelijk_door is not None:
            # not 'any higher quality or lower price': at the ranking's 4 decimals one cent less can still be level
            marge.append(
                f"Inschrijver {m.inschrijver} (rang {m.rang}) heeft dezelfde {z.maatstaf} als {z.winnaar}; de "
                f"volgorde is bepaald {voorrang_tekst(m.gelijk_door)}. {m.inschrijver} "
                + _marge(m.voorbij_kwaliteit, m.voorbij_prijs, "om alleen eerste te staan")
            )
            continue
        marge.append(f"Inschrijver {m.inschrijver} (rang {m.rang}) " + _marge(m.kwaliteit, m.prijs))
    capaciteit = []
    for c in z.capaciteit:
        zin = f"{c.inschrijver} krijgt {getal(c.toegewezen, 0)} bij capaciteit {getal(c.capaciteit, 0)}: " + _lager(c)
        if c.niet_berekend is not None:
            zin += f"; of meer capaciteit het aandeel verandert, kon niet worden berekend ({c.niet_berekend})"
        elif c.verhoging is not None and c.na_verhoging is not None:
            zin += (
                f"; de capaciteit is nu niet de begrenzing, maar met {_plaatsen(c.verhoging)} meer (capaciteit "
                f"{getal(c.capaciteit + c.verhoging, 0)}) krijgt het {getal(c.na_verhoging, 0)}: {_KEUZE}"
            )
        elif c.geprobeerd:
            (rijzing,) = c.geprobeerd
            zin += (
                f"; de capaciteit is niet de begrenzing, en ook met {_plaatsen(rijzing)} meer (capaciteit "
                f"{getal(c.capaciteit + rijzing, 0)}, het meeste dat het in zijn gemeenten kan krijgen) verandert het "
                f"aandeel niet (andere aantallen zijn niet doorgerekend: {_KEUZE})"
            )
        elif c.verhoging is not None:
            zin += f"; met {getal(c.verhoging, 0)} {'plaats' if c.verhoging == 1 else 'plaatsen'} meer stijgt het"
        elif c.toegewezen >= c.capaciteit:
            zin += "; meer capaciteit verandert het aandeel niet"
        else:
            zin += "; de capaciteit is niet de begrenzing, dus meer capaciteit verandert niets"
        capaciteit.append(zin + ".")
    from evaluatie.prijs.rangomkering import zin as omkeringszin

    omkering = [omkeringszin(r) for r in z.rangomkering]
    return {"weglaten": weg, "storing": storing, "marge": marge, "capaciteit": capaciteit, "rangomkering": omkering}


def _score(k: float | None) -> str:
    return "geen kwaliteitsscore" if k is None else f"kwaliteitsscore {getal(k)}"


def toelatingszinnen(z: Toelatingszekerheid, beknopt: int | None = None) -> dict[str, list[str]]:
    """The admission analyses of an open-house lot (zekerheid.toelating) as sentences: which admissions one reviewer
    decides, and how far each bid the quality decides lies from the minimum. Without a minimum: one sentence that
    there is nothing a reviewer or score could change."""
    if z.minimum is None:
        return {
            "toelating": [
                "Open house zonder minimale kwaliteit: toegelaten wordt op de eisen alleen, die geen beoordelaar of "
                "score raakt; er is geen uitkomst om te toetsen."
            ]
        }
    grens = getal(z.minimum)
    weg = []
    for w in z.weglatingen:
        if w.fouten:
            weg.append(
                f"Zonder de scores van {w.beoordelaar} kan over de toelating niet worden beslist: "
                + "; ".join(_beperk(w.fouten, beknopt, "meldingen"))
            )
            continue
        if not w.erbij and not w.eraf:
            weg.append(f"Zonder de scores van {w.beoordelaar} worden dezelfde inschrijvers toegelaten.")
            continue
        delen = [f"{s.inschrijver} wordt dan wel toegelaten ({_score(s.kwaliteit)})" for s in w.erbij]
        delen += [f"{s.inschrijver} wordt dan niet toegelaten ({_score(s.kwaliteit)})" for s in w.eraf]
        weg.append(
            f"Zonder de scores van {w.beoordelaar} verandert de toelating (minimum {grens}): "
            + "; ".join(_beperk(delen, beknopt, "inschrijvers"))
            + "."
        )
    marge = []
    for m in z.marges:
        afstand = getal(abs(m.verschil))
        if m.toegelaten and m.verschil == 0:
            marge.append(f"{m.inschrijver} (toegelaten): kwaliteitsscore {getal(m.kwaliteit)}, precies het minimum.")
        elif m.toegelaten:
            marge.append(
                f"{m.inschrijver} (toegelaten): kwaliteitsscore {getal(m.kwaliteit)}, {afstand} punten boven het "
                f"minimum van {grens}."
            )
        else:
            marge.append(
                f"{m.inschrijver} (niet toegelaten, alleen op de minimale kwaliteit): kwaliteitsscore "
                f"{getal(m.kwaliteit)}, {afstand} punten onder het minimum van {grens}."
            )
    if not z.marges:
        marge.append("Geen inschrijving wordt op haar kwaliteitsscore toegelaten of afgewezen.")
    return {"weglaten": weg, "marge": _beperk(marge, beknopt, "inschrijvers")}
