"""Stage 1: the tender definition (aanbesteding.yaml + a criteria set) as validated models.

The models import nothing above this stage. Loading (definitie.laden) validates against the
registries of the knock-out rules and the price methods, so it sits above them in the stage
order (README, "Opbouw"); it is reached from here only on use, so that importing the models
never imports the loader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from evaluatie.definitie.model import Aanbesteding, Criterium, Gemeente, Perceel, Schaal

if TYPE_CHECKING:
    from evaluatie.definitie.laden import laad_aanbesteding, laad_aanbesteding_uit_data

__all__ = [
    "Aanbesteding",
    "Criterium",
    "Gemeente",
    "Perceel",
    "Schaal",
    "laad_aanbesteding",
    "laad_aanbesteding_uit_data",
]

_LADEN = ("laad_aanbesteding", "laad_aanbesteding_uit_data")


def __getattr__(naam: str) -> Any:
    if naam in _LADEN:
        from evaluatie.definitie import laden

        return getattr(laden, naam)
    raise AttributeError(f"module {__name__!r} has no attribute {naam!r}")
