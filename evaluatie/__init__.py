"""evaluatie: qualify suppliers and evaluate tenders for joint purchase of inburgering routes.

The pipeline runs over a tender workspace (werkmap) in pure stages:
definitie -> inschrijving -> toets -> beoordeling -> prijs -> verdeling -> gunning -> rapport.

For analysts: `evaluatie.open(werkmap)` gives the award as pandas DataFrames (evaluatie.analyse).
This module is the package's public face and sits above every stage; the stages take the
version from evaluatie.versie.
"""

# first, before anything else loads: Ctrl-C from here on ends in words, not a traceback (see the module)
from evaluatie import onderbreking as _onderbreking  # noqa: F401  # isort: skip
from pathlib import Path
from typing import TYPE_CHECKING

from evaluatie.verdeling.oplosser import STANDAARD
from evaluatie.versie import __version__

if TYPE_CHECKING:
    from evaluatie.analyse import Aanbestedingsanalyse

__all__ = ["__version__", "open"]


def open(werkmap: str | Path, percelen: str | None = None, oplosser: str = STANDAARD) -> "Aanbestedingsanalyse":
    """The award of the tender in `werkmap` as DataFrames; pandas and the pipeline load on this call."""
    from evaluatie.analyse import open as analyse

    return analyse(werkmap, percelen, oplosser)
