"""Allocation rules of one lot that no set of bids can satisfy together.

The allocation (evaluatie.verdeling) reports an infeasible lot only after the bids are in, as 'de evaluatie kan niet
worden afgerond' (exit 1), and by then the systematiek with these rules has been published. Some pairs of rules
contradict each other on the tender's own numbers, whatever anyone bids: at most `max_leveranciers` suppliers with at
most max_aandeel x volume each (rounded down, as `Verdeelprobleem.aandeelplafond` does) cannot cover the volume, and
a `min_volume` above that share (or `min_leveranciers` x `min_volume` above the volume) leaves no allocation at all.
Those are input errors of the definition, caught where the inkoper writes it (`evaluatie nieuw`, `template
systematiek`, every command that loads the tender).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from evaluatie.definitie.yamlregels import Pad
from evaluatie.tekst import aantal, kort


def _geheel(waarde: Any) -> int | None:
    return waarde if isinstance(waarde, int) and not isinstance(waarde, bool) and waarde >= 0 else None


def _aandeel(waarde: Any) -> float | None:
    if isinstance(waarde, int | float) and not isinstance(waarde, bool) and 0 < waarde <= 1:
        return float(waarde)
    return None


def strijdige_regels(verdeling: dict[str, Any], volume: int) -> Iterator[tuple[str, str]]:
    """(rule, message) for every contradiction between the lot's rules at a volume of `volume` inburgeraars per
    year (> 0). Values of the wrong type are the schema's errors and are skipped here."""
    a = _aandeel(verdeling.get("max_aandeel"))
    hoogstens = _geheel(verdeling.get("max_leveranciers"))
    minimum = _geheel(verdeling.get("min_volume")) or 0
    minste = _geheel(verdeling.get("min_leveranciers"))
    vol = aantal(str(volume), "inburgeraar", "inburgeraars")
    if a is not None:
        plafond = int(a * volume + 1e-9)
        deel = (
            f"max_aandeel {kort(a)} van {vol} per jaar, naar beneden afgerond, is per inschrijver hoogstens {plafond}"
        )
        if plafond == 0:
            yield "max_aandeel", f"{deel}: niemand kan iets krijgen; verhoog max_aandeel of haal de regel weg"
        elif minimum > plafond:
            yield (
                "min_volume",
                f"min_volume {minimum} is meer dan één inschrijver mag krijgen ({deel}): niemand kan iets krijgen; "
                "verlaag min_volume of verhoog max_aandeel",
            )
        elif hoogstens is not None and hoogstens * plafond < volume:
            yield (
                "max_leveranciers",
                f"max_leveranciers {hoogstens} dekt hoogstens {hoogstens * plafond} van de {vol} ({deel}): bij geen "
                "enkele inschrijving is een verdeling mogelijk; verhoog max_leveranciers of max_aandeel",
            )
    if minste is not None and minste * max(1, minimum) > volume:
        yield (
            "min_leveranciers",
            f"min_leveranciers {minste} met ieder minstens {max(1, minimum)} (min_volume) vraagt minstens "
            f"{minste * max(1, minimum)} inburgeraars per jaar, en het perceel heeft er {volume}: bij geen enkele "
            "inschrijving is een verdeling mogelijk; verlaag min_leveranciers of min_volume",
        )


def controleer_verdeelregels(
    basis: Pad,
    verdeling: Any,
    volume: int | None,
    fout: Callable[[Pad, str], None],
) -> None:
    """Report each contradiction at the rule that makes it (`percelen.B1.verdeling.max_leveranciers`)."""
    if not isinstance(verdeling, dict) or not volume:
        return  # no rules, an unreadable shape (the schema says so), a placeholder or no demand (said elsewhere)
    for regel, bericht in strijdige_regels(verdeling, volume):
        fout((*basis, "verdeling", regel), bericht)
