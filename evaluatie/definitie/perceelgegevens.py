"""Per lot what a bidder bids on, as plain data and sentences: low in the layers, so that both the bid form
(inschrijving/formulier.py) and the published method (rapport/perceelstukken.py) take them from here."""

from __future__ import annotations

from evaluatie.definitie.model import Aanbesteding, Perceel
from evaluatie.gemeentenamen import in_lijst, opsomming
from evaluatie.tekst import datum, euro


def deelnemers(a: Aanbesteding, p: Perceel) -> list[tuple[str, str, int]]:
    """(gemeente, subregio, expected inburgeraars per year) of the lot, in tender order."""
    vraag = a.vraag(p.code)
    return [(g, a.subregio_van(g), n) for g, n in vraag.items()]


def niet_deelnemend(a: Aanbesteding, p: Perceel) -> list[str]:
    """Gemeenten of the tender that do not join this lot, in tender order."""
    mee = set(p.gemeenten)
    return [g.naam for g in a.gemeenten if g.naam not in mee]


def kernregels(a: Aanbesteding, p: Perceel) -> list[str]:
    """Ceiling, keurmerk reference date (only where the keurmerk is required) and who does not join."""
    # 'ongeldig' only where the knock-out rule makes it so: without it the award ranks a higher price
    gevolg = (
        "een hogere prijs is ongeldig"
        if "plafondprijs" in p.knockout
        else "de aanbesteding stelt geen knock-outeis op de plafondprijs: een hogere prijs maakt de inschrijving "
        "niet ongeldig"
    )
    regels = [f"Plafondprijs: {euro(p.plafondprijs)} per traject (exclusief btw); {gevolg}."]
    if "keurmerk" in p.knockout:
        regels.append(f"Peildatum keurmerk: {datum(a.data.keurmerk_peildatum)}.")
    else:
        regels.append("Keurmerk: voor dit perceel niet vereist.")
    weg = niet_deelnemend(a, p)
    regels.append(
        "Niet deelnemend aan dit perceel: "
        + (", ".join(in_lijst(g) for g in weg) if weg else "geen; alle gemeenten doen mee")
        + "."
    )
    return regels


def peildatum_keurmerk(a: Aanbesteding, codes: list[str]) -> str | None:
    """The keurmerk reference date for the lots `codes`, as a tender-wide statement: None when none of them
    requires the keurmerk (the date would be untrue for this tender), and naming the lots that do when only
    some of them do."""
    met = [a.percelen[c].naam for c in codes if "keurmerk" in a.percelen[c].knockout]
    if not met:
        return None
    if len(met) == len(codes):
        return datum(a.data.keurmerk_peildatum)
    namen = opsomming(met, "en")
    return (
        f"{datum(a.data.keurmerk_peildatum)} (alleen {'perceel' if len(met) == 1 else 'percelen'} {namen}; "
        "de andere percelen vragen geen keurmerk)"
    )


def procedure_kort(p: Perceel) -> str:
    """The lot's procedure in one line for the bid form (the published method gives the regime in full)."""
    if p.procedure == "toelating":
        return "Procedure: open house (toelating); iedere aanbieder die aan de eisen voldoet, wordt toegelaten."
    return "Procedure: gunning op beste prijs-kwaliteitverhouding; zie de gepubliceerde systematiek."
