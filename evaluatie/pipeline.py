"""The pipeline over a tender workspace, callable from Python (the CLI only prints).

Each function reads its inputs at the edge, then hands validated models to the pure
stage functions in the subpackages:
definitie -> inschrijving -> toets -> beoordeling -> prijs -> verdeling -> rapport.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evaluatie.definitie import Aanbesteding, laad_aanbesteding
from evaluatie.hashing import sha256_bestand
from evaluatie.inschrijving.model import Inschrijving, Invoerbestand
from evaluatie.toets.uitslag import Toetsuitslag
from evaluatie.werkmap import Werkmap


@dataclass
class Invoer:
    """Everything read from a workspace, with the hash of every file it came from."""

    werkmap: Werkmap
    aanbesteding: Aanbesteding
    definitie: dict[str, Any]
    inschrijvingen: list[Inschrijving]
    bestanden: list[Invoerbestand] = field(default_factory=list)
    notities: list[str] = field(default_factory=list)


def laad_definitie(werkmap: Werkmap) -> tuple[Aanbesteding, dict[str, Any]]:
    return laad_aanbesteding(werkmap.aanbesteding)


def laad_invoer(werkmap: Werkmap, definitie: dict[str, Any] | None = None) -> Invoer:
    """Tender definition and bids. `definitie` replaces the YAML (scenario re-runs)."""
    from evaluatie.definitie.laden import laad_aanbesteding_uit_data
    from evaluatie.inschrijving.lezen import lees_inschrijvingen

    if definitie is None:
        aanbesteding, samen = laad_definitie(werkmap)
    else:
        aanbesteding, samen = laad_aanbesteding_uit_data(definitie, None, "aanbesteding.yaml", werkmap.root)
    inschrijvingen, notities = lees_inschrijvingen(aanbesteding, werkmap.inschrijvingen)
    bestanden = [Invoerbestand(bestand="aanbesteding.yaml", sha256=sha256_bestand(werkmap.aanbesteding))]
    bestanden += [
        Invoerbestand(bestand=f"inschrijvingen/{i.bestand}", sha256=i.sha256)
        for i in sorted(inschrijvingen, key=lambda i: i.bestand)
    ]
    return Invoer(werkmap, aanbesteding, samen, inschrijvingen, bestanden, notities)


def toets_werkmap(invoer: Invoer, kwaliteit: dict[tuple[str, str], float] | None = None) -> Toetsuitslag:
    from evaluatie.toets.uitvoeren import toets

    return toets(invoer.aanbesteding, invoer.inschrijvingen, kwaliteit)


def schrijf_inschrijfformulier(werkmap: Werkmap) -> Path:
    from evaluatie.inschrijving.formulier import schrijf_inschrijfformulier as schrijf

    aanbesteding, _ = laad_definitie(werkmap)
    return schrijf(aanbesteding, werkmap.root / "inschrijfformulier.xlsx")
