"""Stage 1: the tender definition (aanbesteding.yaml + a criteria set) as validated models."""

from evaluatie.definitie.laden import laad_aanbesteding, laad_aanbesteding_uit_data
from evaluatie.definitie.model import Aanbesteding, Criterium, Gemeente, Perceel, Schaal

__all__ = [
    "Aanbesteding",
    "Criterium",
    "Gemeente",
    "Perceel",
    "Schaal",
    "laad_aanbesteding",
    "laad_aanbesteding_uit_data",
]
