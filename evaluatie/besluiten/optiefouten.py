"""Every wrong option of a decision command, named at once (the standard for all input), in a fixed order.

A decision command checks its own options (the bid file, the cell, the bidder, the lot, the outcome, the
dates) and the shared ones (--door, --reden, --datum). Each check that fails adds its line here under the
option it concerns instead of stopping the command; `stop()` then raises one ValueError (a usage error, exit
2) with every line, ordered as the options appear in the command's --help, so the same mistakes always read
the same way. A check that needs an earlier option's value is skipped when that value is wrong: its error
is already said, and a second line about the same slip would only mislead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


class Optiefout(ValueError):
    """The wrong options of one command, each (option, line), in the fixed order; str() is the lines."""

    def __init__(self, regels: list[tuple[str, str]]) -> None:
        super().__init__("\n".join(regel for _, regel in regels))
        self.regels = regels


def als_gebruiksfout(e: ValueError) -> Exception:
    """The click error for a decision command's ValueError: one entry per wrong option when there are several."""
    from evaluatie.clijson import Gebruiksfouten

    if isinstance(e, Optiefout):
        return Gebruiksfouten(e.regels)
    import click

    return click.UsageError(str(e))


class Optiefouten:
    """The collected errors, each under its option ('--cel', '--datum' ...)."""

    def __init__(self, volgorde: Sequence[str] = ()) -> None:
        self._volgorde = list(volgorde)  # the command's options as --help lists them; others follow in turn
        self._regels: list[tuple[str, str]] = []

    def noteer(self, optie: str, regel: str) -> None:
        self._regels.append((optie, regel))

    def probeer(self, optie: str, controle: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T | None:
        """The check's result, or None when it raised ValueError (its words then noted under `optie`)."""
        try:
            return controle(*args, **kwargs)
        except ValueError as e:
            for regel in str(e).splitlines():
                self.noteer(optie, regel)
            return None

    def dag(self, optie: str, tekst: str | None) -> dt.date | None:
        """A date option as typed (JJJJ-MM-DD or DD-MM-JJJJ, read as the contract commands read theirs:
        clicktaal.lees_datum); None when absent or not a date (then noted)."""
        from evaluatie.clicktaal import lees_datum

        if tekst is None:
            return None
        try:
            return lees_datum(tekst)
        except ValueError as e:
            self.noteer(optie, f"{optie}: {e}")
            return None

    def keuze(self, optie: str, waarde: str, geldig: Sequence[str]) -> str | None:
        """One of the allowed values; None (and noted) otherwise."""
        if waarde in geldig:
            return waarde
        self.noteer(optie, f"{optie}: '{waarde}' is niet toegestaan; kies uit {', '.join(geldig)}")
        return None

    def over(self, *opties: str) -> bool:
        """Whether an error about one of these options is noted (a check that builds on them is skipped)."""
        return any(o in opties for o, _ in self._regels)

    @property
    def leeg(self) -> bool:
        return not self._regels

    def stop(self) -> None:
        """Optiefout (a ValueError) with every line, one per error, in the fixed order; nothing when all is right."""
        if not self._regels:
            return

        def plaats(item: tuple[int, tuple[str, str]]) -> tuple[int, int]:
            n, (optie, _) = item
            return (self._volgorde.index(optie) if optie in self._volgorde else len(self._volgorde), n)

        regels = [item for _, item in sorted(enumerate(self._regels), key=plaats)]
        raise Optiefout(list(dict.fromkeys(regels)))  # the same slip typed twice is said once
