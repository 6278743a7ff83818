"""The checks on a lot's scoring scale that the schema cannot express.

The quality score is published as 0-100: the sum over the criteria of weight x points / the highest points of
the scale, divided by the sum of the weights, x 100 (evaluatie.beoordeling.aggregatie). So the highest points
must be above 0 (a scale of only zeros divided by zero and crashed `evaluatie beoordelingen`), no step may lie
below 0 (a score of -50 'van 100' contradicts the published formula), and every label must name one step: a
reviewer picks the label in the drop-down of the form, and Schaal.zoek reads it case-insensitively, so two steps
'slecht' (1 and 4 points) made the form count every 'slecht' as 1. A label that is a number must be its own points:
Excel stores a '5' picked in the drop-down as the number 5, and a number is read as points.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from evaluatie.definitie.yamlregels import Pad
from evaluatie.tekst import kort


def controleer_schaal(schaal: Any, basis: Pad, eigen: bool, herkomst: str, fout: Callable[[Pad, str], None]) -> None:
    """Report each problem of the merged scale `schaal` ({'stappen': [{'label', 'punten', ...}, ...]}) of the lot at
    `basis`. `eigen`: the tender gives the scale itself (the path points into aanbesteding.yaml); otherwise it
    comes from the criteria set `herkomst` and the message says so at the lot's `schaal`."""
    stappen = schaal.get("stappen") if isinstance(schaal, dict) else None
    if not isinstance(stappen, list) or not stappen:
        return  # the schema reports a scale of another shape
    waar = "" if eigen else f"de schaal uit criteriaset {herkomst}: "

    def pad(j: int, veld: str) -> Pad:
        return (*basis, "schaal", "stappen", j, veld) if eigen else (*basis, "schaal")

    punten = [s.get("punten") if isinstance(s, dict) else None for s in stappen]
    getallen = [p for p in punten if isinstance(p, int | float) and not isinstance(p, bool)]
    for j, p in enumerate(punten):
        if p in getallen and p < 0:
            fout(
                pad(j, "punten"),
                f"{waar}{kort(p)} punten: een score onder 0 kan niet, want de kwaliteitsscore is gepubliceerd als "
                "0-100 (weging x punten / hoogste punten van de schaal); begin de schaal bij 0 of hoger",
            )
    if len(getallen) == len(punten) and max(getallen) <= 0:
        fout(
            (*basis, "schaal", "stappen") if eigen else (*basis, "schaal"),
            f"{waar}de hoogste score van de schaal is {kort(max(getallen))} punten; de kwaliteitsscore deelt door "
            "de hoogste punten van de schaal, dus die moeten meer dan 0 zijn",
        )

    def getal(x: Any) -> str:
        return (kort(x) + (" punt" if x == 1 else " punten")) if x in getallen else repr(x)

    gezien: dict[str, int] = {}
    for j, s in enumerate(stappen):
        label = s.get("label") if isinstance(s, dict) else None
        if not isinstance(label, str) or not label.strip():
            continue
        _label_als_getal(label, punten[j], getal, pad(j, "label"), waar, fout)
        sleutel = label.strip().lower()
        if sleutel in gezien:
            eerste = gezien[sleutel]
            fout(
                pad(j, "label"),
                f"{waar}het label '{label}' staat ook bij stappen[{eerste + 1}] ({getal(punten[eerste])}, hier "
                f"{getal(punten[j])}); een beoordelaar kiest het label in zijn formulier, dus ieder label moet één "
                "score aanwijzen (hoofdletters tellen niet): geef de stappen verschillende labels",
            )
        else:
            gezien[sleutel] = j


def _label_als_getal(
    label: str,
    punten: Any,
    getal: Callable[[Any], str],
    plek: Pad,
    waar: str,
    fout: Callable[[Pad, str], None],
) -> None:
    """An error at a label that reads as another number than its step's points ('5' at 10 points): Excel stores a
    picked '5' as the number 5 in the form's Score column, and Schaal.zoek reads a number as points, so the reviewer's
    best score counted as the step of 5 points (or as no step) without a word."""
    from evaluatie.getallen import GetalFout, lees_tekst

    if not isinstance(punten, int | float) or isinstance(punten, bool):
        return
    try:
        als_getal = lees_tekst(label.strip())
    except GetalFout:
        return
    if abs(float(als_getal) - float(punten)) < 1e-9:
        return
    gelezen = f"{kort(als_getal)} {'punt' if als_getal == 1 else 'punten'}"
    fout(
        plek,
        f"{waar}het label '{label}' is een getal, maar de stap heeft {getal(punten)}: Excel slaat een gekozen "
        f"'{label}' op als het getal {kort(als_getal)}, en een getal in de kolom Score wordt gelezen als punten "
        f"({gelezen}, niet {kort(punten)}); geef de stap een label dat geen getal is (zoals '5 - uitstekend') of "
        "laat het label weg (dan kiest de beoordelaar de punten)",
    )
