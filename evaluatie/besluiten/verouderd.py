"""A recorded decision or draw whose premise no longer holds ("verouderd").

It is left out of the computation (never applied), stays on record in its file, and is an open point of
kind 'verouderd' until someone withdraws it: the award is computed without it, ends with exit 1 and writes
only a CONCEPT advies, as for every other decision still to be taken. One object carries the decision's id,
its place and what changed, so the terminal, the advies, gunning.json, an input error (a bid unreadable
without its correction) and a what-if's note all use the same words.
"""

from __future__ import annotations

from dataclasses import dataclass

from evaluatie.besluiten.register import BESTAND
from evaluatie.fouten import Fout


@dataclass(frozen=True)
class Verouderd:
    id: str  # H1, A1, U1, K1, T1 or L1
    wat: str  # what changed since the decision, in specific words ("de inschrijving van D is gewijzigd ...")
    bestand: str = BESTAND  # besluiten.yaml, or loting.yaml for a draw (gunning.loting.BESTAND)
    onderwerp: str = ""  # what it concerns, where the id alone does not say it ("herstel a.xlsx!Inschrijver!B3")
    gevolg: str = ""  # what counts instead, where not evident (" (de cel wordt gelezen zoals het bestand haar geeft)")

    @property
    def is_loting(self) -> bool:
        """A draw: every other decision is recorded in besluiten.yaml."""
        return self.bestand != BESTAND

    @property
    def plaats(self) -> str:
        return f"{self.bestand}: {self.id}" + (f" ({self.onderwerp})" if self.onderwerp else "")

    @property
    def commando(self) -> str:
        return f'evaluatie intrekken {self.id} --reden "..." --door "naam, functie"'

    def zin(self) -> str:
        """'verouderd besluit: <what changed>; het wordt niet toegepast'."""
        if self.is_loting:
            return f"verouderde loting: {self.wat}; de loting wordt niet toegepast{self.gevolg}"
        return f"verouderd besluit: {self.wat}; het wordt niet toegepast{self.gevolg}"

    def vervolg(self) -> str:
        if self.is_loting:
            return "trek haar in en houd zo nodig een nieuwe loting"
        return "trek het in en besluit zo nodig opnieuw"

    def fout(self) -> Fout:
        """The same words as an input error: for a run that stops on another input error (a bid that cannot be
        read without its correction), so both are named together."""
        return Fout(self.plaats, f"{self.zin()}; {self.vervolg()} ({self.commando})")

    def regel(self) -> str:
        """One line for a command that shows no open points (toets, zekerheid): said, never silent."""
        return f"{self.plaats}: {self.zin()}; {self.vervolg()} ({self.commando})"
