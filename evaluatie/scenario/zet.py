"""Apply `--zet PAD=WAARDE` changes to the tender definition, checked against its JSON Schema.

Paths use the YAML's own keys: `percelen.B1.verdeling.max_aandeel=0.5`,
`percelen.Z.prijsmethode=vaste_prijs`, `gemeenten.3.inburgeraars.B1=50` (list positions from 1,
or a gemeente by name: `gemeenten.Hilversum.inburgeraars.B1=50`).
Values are read as YAML (0.5, true, [a, b]). A path the schema does not know, or a lot the tender
does not have, is refused with the valid choices at that point.
"""

from __future__ import annotations

import copy
import math
from typing import Any

import yaml

from evaluatie.definitie.schema import _register
from evaluatie.getallen import yaml_getal_dubbelzinnig


class ZetFout(ValueError):
    """A bad --zet: the message names the valid paths or values."""


def _los_op(knoop: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in knoop:
        ref = knoop["$ref"]
        bestand, _, fragment = ref.partition("#")
        basis = _register().get_or_retrieve(bestand or "aanbesteding.schema.json").value.contents
        knoop = basis
        for deel in [d for d in fragment.split("/") if d]:
            knoop = knoop[deel]
    return knoop


def _stap(knoop: dict[str, Any], sleutel: str, data: Any, pad: str) -> tuple[dict[str, Any] | None, Any]:
    """Descend one key; returns (schema node or None for free-form, the key as stored)."""
    knoop = _los_op(knoop)
    if knoop.get("type") == "array" or "items" in knoop:
        if not sleutel.isdigit() and _benoemd(data):
            return knoop.get("items"), _positie_op_naam(sleutel, data, pad)
        if not sleutel.isdigit() or not 1 <= int(sleutel) <= len(data or []):
            raise ZetFout(f"{pad}: verwacht een positie van 1 tot {len(data or [])}, kreeg '{sleutel}'")
        return knoop.get("items"), int(sleutel) - 1
    eigenschappen = knoop.get("properties", {})
    if sleutel in eigenschappen:
        return eigenschappen[sleutel], sleutel
    extra = knoop.get("additionalProperties")
    if isinstance(extra, dict):
        if "propertyNames" in knoop and isinstance(data, dict) and sleutel not in data:
            raise ZetFout(f"{pad}: onbekend '{sleutel}'; geldig: {', '.join(map(str, data)) or '(geen)'}")
        return (extra if "oneOf" not in extra else None), sleutel
    geldig = ", ".join(eigenschappen) or "(geen)"
    raise ZetFout(f"{pad}: onbekend veld '{sleutel}'; geldig: {geldig}")


def _benoemd(data: Any) -> bool:
    return isinstance(data, list) and bool(data) and all(isinstance(x, dict) and "naam" in x for x in data)


def _positie_op_naam(sleutel: str, data: list[dict[str, Any]], pad: str) -> int:
    """`gemeenten.Hilversum.inburgeraars.B1=50`: a gemeente by name instead of position."""
    from evaluatie.gemeentenamen import Namen

    namen = Namen(str(x["naam"]) for x in data)
    gevonden = namen.zoek(sleutel)
    if gevonden is None:
        raise ZetFout(f"{pad}: " + namen.melding(sleutel, "staat niet in de lijst"))
    return next(i for i, x in enumerate(data) if str(x["naam"]) == gevonden)


def _lees_waarde(pad: str, waarde: str) -> Any:
    """A --zet value read as the YAML file is (evaluatie.definitie.yamlregels): a date stays the text
    JJJJ-MM-DD the schema expects, an impossible date or an ambiguous number is named."""
    from evaluatie.definitie.yamlregels import lees_streng

    try:
        nieuw, _, problemen = lees_streng(waarde)
    except yaml.YAMLError:
        raise ZetFout(f"{pad}: waarde '{waarde}' is geen geldige YAML") from None
    if problemen:
        raise ZetFout(f"{pad}: {problemen[0].bericht}")
    if isinstance(nieuw, float) and not math.isfinite(nieuw):
        raise ZetFout(f"{pad}: '{waarde}' is geen getal")
    if isinstance(nieuw, float) and (bericht := yaml_getal_dubbelzinnig(waarde)) is not None:
        raise ZetFout(f"{pad}: {bericht}")
    return nieuw


def pas_toe(data: dict[str, Any], zetten: list[str]) -> dict[str, Any]:
    """A changed deep copy of the raw tender data."""
    uit = copy.deepcopy(data)
    for zet in zetten:
        pad, teken, waarde = zet.partition("=")
        if not teken or not pad.strip():
            raise ZetFout(f"'{zet}': verwacht PAD=WAARDE, bijvoorbeeld percelen.B1.verdeling.max_aandeel=0.5")
        delen = [d for d in pad.strip().split(".") if d]
        knoop: dict[str, Any] | None = _register().get_or_retrieve("aanbesteding.schema.json").value.contents
        doel: Any = uit
        gelopen = []
        for i, deel in enumerate(delen):
            gelopen.append(deel)
            if knoop is not None:
                knoop, sleutel = _stap(knoop, deel, doel, ".".join(gelopen))
            else:
                sleutel = int(deel) - 1 if isinstance(doel, list) and deel.isdigit() else deel
            if i == len(delen) - 1:
                nieuw = _lees_waarde(pad, waarde)
                if knoop is not None and "enum" in _los_op(knoop) and nieuw not in _los_op(knoop)["enum"]:
                    keuzes = ", ".join(map(str, _los_op(knoop)["enum"]))
                    raise ZetFout(f"{pad}: waarde '{waarde}' is niet toegestaan; geldig: {keuzes}")
                doel[sleutel] = nieuw
            else:
                if isinstance(doel, dict) and doel.get(sleutel) is None:
                    doel[sleutel] = {}
                doel = doel[sleutel]
    return uit
