"""Error types shared by all stages.

Input problems are collected, never raised one by one: a user fixing a bid workbook
wants every problem of every file in one run. Each problem names its place
(file, sheet, cell or YAML path and line) and says what was expected.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

EXIT_OK = 0
EXIT_EVALUATIE = 1
EXIT_INVOER = 2


@dataclass(frozen=True, order=True)
class Fout:
    """One input problem: where it is and what is wrong, in Dutch."""

    plaats: str
    bericht: str

    def __str__(self) -> str:
        return f"{self.plaats}: {self.bericht}" if self.plaats else self.bericht


class InvoerFout(Exception):
    """Bad input (exit 2). Carries every problem found, in reading order."""

    def __init__(self, fouten: list[Fout]):
        self.fouten = list(fouten)
        self.let_op: list[str] = []  # said after the errors ("Let op: ..."), e.g. that old reports are marked
        super().__init__("\n".join(str(f) for f in self.fouten))


class EvaluatieFout(Exception):
    """The inputs are valid but the evaluation cannot complete (exit 1), e.g. infeasible."""

    def __init__(self, meldingen: list[str]):
        self.meldingen = list(meldingen)
        self.let_op: list[str] = []  # said after the messages ("Let op: ..."), e.g. that old reports are marked
        super().__init__("\n".join(self.meldingen))


class Verzamelaar:
    """Collects Fout objects so a stage can keep going after the first problem."""

    def __init__(self) -> None:
        self.fouten: list[Fout] = []
        # every workbook read into this collection (its name in the places -> its file): werkboek.lees_werkboek
        # notes it, so an error about a cell that reads empty because it holds an uncomputed formula can say so
        self.werkboeken: dict[str, Path] = {}

    def voeg_toe(self, plaats: str, bericht: str) -> None:
        self.fouten.append(Fout(plaats, bericht))

    def __bool__(self) -> bool:
        return bool(self.fouten)

    def verklaar_formules(self) -> None:
        """Errors about a formula cell without a saved result say that instead of "'' is geen bedrag"
        (evaluatie.formulecel). Only on the error path: the workbooks are opened again only when a cell of
        theirs is in an error."""
        if not self.fouten or not self.werkboeken:
            return
        from evaluatie.formulecel import verklaar

        paren = verklaar([(f.plaats, f.bericht) for f in self.fouten], self.werkboeken)
        self.fouten[:] = [Fout(plaats, bericht) for plaats, bericht in paren]
        self.werkboeken = {}

    def controleer(self) -> None:
        """Raise InvoerFout with everything collected, if anything was."""
        if self.fouten:
            self.verklaar_formules()
            raise InvoerFout(self.fouten)
