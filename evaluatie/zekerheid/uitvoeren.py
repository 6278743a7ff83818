"""All robustness analyses for the chosen lots of an award.

The analyses are independent tasks (one per lot and reviewer left out, one per supplier whose
capacity margin is searched, one Monte Carlo and one margin table per lot). On a large tender they
run in forked worker processes on every core, while this process writes the other reports; on a
small one a single forked child starts them meanwhile and this process takes the rest when the
certainty report asks for them (evaluatie.kindproces: a pool costs more to start than the example's
analyses leave to share; without a second core, all here, one after the other). Threads were tried
there and cost more than they gave: an allocation holds Python's lock for most of its time, so
they never ran in parallel (measured on 4 December 2026), and switching between them cost
10-40 ms cpu on the example (bench/rapporten.py). Each task is deterministic and the results are
put together in a fixed order, so the outcome is byte-identical to a run on one core
(EVALUATIE_PROCESSEN=1).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from evaluatie.kindproces import Kindproces, vrije_kern
from evaluatie.parallel import aantal_werkers, gevraagde_processen, voor_fork
from evaluatie.prijs.basis import methode
from evaluatie.verdeling.oplosser import STANDAARD
from evaluatie.zekerheid.marge import capaciteitsmarge, gegunde_leveranciers, marges, rangomkeringen
from evaluatie.zekerheid.model import Zekerheid
from evaluatie.zekerheid.storing import storing
from evaluatie.zekerheid.toelating import Toelatingszekerheid, toelatingszekerheid
from evaluatie.zekerheid.weglaten import panelen_zonder, weglating

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

# From this many (gemeente, admitted bidder) pairs over all lots, worker processes pay for their start.
DREMPEL_PROCESSEN = 2000
_TAKEN: list[Callable[[], Any]] = []  # set before forking: the workers inherit the closures


def _voer_taak_uit(i: int) -> Any:
    return _TAKEN[i]()


def werkers(award) -> tuple[int, str]:
    """How many workers, and where: 'proces' (forked workers, EVALUATIE_PROCESSEN if set, else every
    core) on a large tender; on a small one 'kind' (one forked child and this process share the tasks,
    evaluatie.kindproces) when a second core is free now (or EVALUATIE_PROCESSEN asks for at least 2), else
    'hier' (this process, one task after the other)."""
    omvang = sum(len(p.budgetten) * len(p.rangorde) for p in award.uitslag.percelen.values())
    if omvang < DREMPEL_PROCESSEN:
        gevraagd = gevraagde_processen() is not None
        return (1, "kind") if aantal_werkers() > 1 and (gevraagd or vrije_kern()) else (1, "hier")
    import multiprocessing  # only for a large tender: a small one never pays for importing it

    return (aantal_werkers(), "proces") if "fork" in multiprocessing.get_all_start_methods() else (1, "hier")


class Lopend:
    """Tasks started on forked processes (or run here when collected); `resultaten()` returns them in order.

    Started before the reports are written and collected after, the analyses run on the other
    core while this process writes (schrijf_rapporten). When this process is done writing before
    the workers are done, it takes the tasks no worker has started yet, from the last one back, and
    runs them itself instead of waiting (a national `gunning`: the writing took 1.6 s, the analyses
    2.0 s on two workers, issue #24). Each task is deterministic, so where and when it runs does not
    change what it returns."""

    def __init__(self, taken: list[Callable[[], Any]], aantal: int, soort: str = "proces"):
        global _TAKEN
        self._taken = taken
        self._pool: ProcessPoolExecutor | None = None
        self._uit: list[Future[Any]] = []
        self._kind: Kindproces | None = None
        aantal = min(aantal, len(taken))
        if soort == "kind":
            self._kind = Kindproces(taken)  # one child and this process (evaluatie.kindproces)
            return
        if aantal <= 1 or soort == "hier":
            return  # here, when collected: one worker is this process
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        _TAKEN = taken  # the forked workers inherit the closures
        self._pool = ProcessPoolExecutor(aantal, mp_context=multiprocessing.get_context("fork"))
        with voor_fork():  # the workers fork on the first task (evaluatie.parallel.voor_fork)
            self._uit = [self._pool.submit(_voer_taak_uit, i) for i in range(len(taken))]

    def resultaten(self) -> list[Any]:
        try:
            if self._kind is not None:
                return self._kind.resultaten()
            if self._pool is None:
                return [t() for t in self._taken]
            hier: dict[int, Any] = {}
            for i in reversed(range(len(self._uit))):  # a task no worker took yet is run here, the last first
                if not self._uit[i].cancel():
                    break
                hier[i] = self._taken[i]()
            return [hier[i] if i in hier else f.result() for i, f in enumerate(self._uit)]
        finally:
            self.stop()

    def stop(self) -> None:
        """Done or given up (a report failed): no worker keeps running."""
        global _TAKEN
        if self._kind is not None:
            self._kind.stop()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        _TAKEN = []


def voer_uit(taken: list[Callable[[], Any]], aantal: int, soort: str = "proces") -> list[Any]:
    """Results of `taken` in their order, on `aantal` forked processes (here when 1 or `soort` 'hier')."""
    return Lopend(taken, aantal, soort).resultaten()


class LopendeZekerheid:
    """The analyses of an award, started; `uitkomst()` waits and puts them together per lot."""

    def __init__(self, award, oplosser: str = STANDAARD, trekkingen: int = 10_000):
        panelen = panelen_zonder(award)
        self._award = award
        self._panelen = panelen
        # a lot whose outcome waits for a draw has no winner whose certainty could be tested (wacht_op_loting), and a
        # lot that is not awarded has no outcome to test at all
        self._codes = [
            c
            for c, p in award.uitslag.percelen.items()
            if p.procedure == "gunning" and not p.loting_nodig and not p.niet_gegund
        ]
        taken: dict[tuple[str, str, str], Callable[[], Any]] = {}
        # The expensive tasks first and the small ones last, so the processes that share them end together: a Monte
        # Carlo run (the example: 6-10 ms each), the allocations re-solved (0.1-7 ms), the margin tables (0.3 ms).
        for code in self._codes:
            taken[("storing", code, "")] = functools.partial(storing, award, code, trekkingen)
        for code in self._codes:
            for r in award.beoordeling.panel.beoordelaars:
                taken[("weglaten", code, r)] = functools.partial(weglating, award, code, oplosser, r, panelen[r])
            for naam in gegunde_leveranciers(award, code):
                taken[("capaciteit", code, naam)] = functools.partial(capaciteitsmarge, award, code, oplosser, naam)
        for code in self._codes:
            taken[("marge", code, "")] = functools.partial(marges, award, code)
        self._sleutels = list(taken)
        self._lopend = Lopend(list(taken.values()), *werkers(award))

    def stop(self) -> None:
        self._lopend.stop()

    def uitkomst(self) -> dict[str, Zekerheid | Toelatingszekerheid]:
        """Per lot analysed, in the tender's order: a ranking lot's analyses, or an open house's analyses of admission
        by quality (zekerheid.toelating: cheap, computed here from the panels without each reviewer)."""
        award = self._award
        uitkomst = dict(zip(self._sleutels, self._lopend.resultaten(), strict=True))
        uit: dict[str, Zekerheid | Toelatingszekerheid] = {}
        for code, p in award.uitslag.percelen.items():
            if p.procedure == "toelating":
                uit[code] = toelatingszekerheid(award, code, self._panelen)
                continue
            if code not in self._codes:
                continue
            uit[code] = Zekerheid(
                perceel=code,
                winnaar=p.winnaars()[0] if p.rangorde else None,
                gegund=tuple(gegunde_leveranciers(award, code)),
                weglatingen=tuple(uitkomst[("weglaten", code, r)] for r in award.beoordeling.panel.beoordelaars),
                storing=uitkomst[("storing", code, "")],
                marges=tuple(uitkomst[("marge", code, "")]),
                capaciteit=tuple(uitkomst[("capaciteit", code, n)] for n in gegunde_leveranciers(award, code)),
                rangomkering=tuple(rangomkeringen(award, code)),
                maatstaf=methode(award.invoer.aanbesteding.percelen[code].prijsmethode).maatstaf,
            )
        return uit


def wacht_op_loting(award) -> list[str]:
    """Per lot left out because a tie that decides the award waits for a draw, why and the command for it: its
    first place is not decided, so no sentence may say who 'stays first' or 'becomes first instead of' whom."""
    uit = []
    for p in award.uitslag.percelen.values():
        if p.procedure != "gunning":
            continue
        for st in p.loting_nodig:
            uit.append(
                f"Perceel {p.naam}: niet onderzocht, want de uitkomst wacht op een loting: "
                f"{', '.join(st.inschrijvers)} staan gelijk op rang {st.rang}. Leg de loting vast en reken dan "
                f"opnieuw: {st.commando()}"
            )
    return uit


def zekerheid(award, oplosser: str = STANDAARD, trekkingen: int = 10_000) -> dict[str, Zekerheid | Toelatingszekerheid]:
    # An open house chooses no one, but a minimum quality lets reviewers decide admissions (zekerheid.toelating).
    return LopendeZekerheid(award, oplosser, trekkingen).uitkomst()


def als_json(award, uitkomst: dict[str, Zekerheid | Toelatingszekerheid]) -> dict[str, dict[str, Any]]:
    """`zekerheid --json`: every lot of the award, keyed by code in the tender's order, each with its `soort`: the
    analyses of a ranking lot ('gunning') or of an open house ('toelating'), and for a lot not analysed why, in words:
    'niet_gegund' (no valid bid: no outcome to test) or 'wacht_op_loting' (its first place waits for a draw). A lot
    left out of the document read as if it did not exist."""
    from evaluatie.gunning import niet_gegund

    loting = {}
    for p in award.uitslag.percelen.values():
        if p.procedure == "gunning" and p.loting_nodig:
            loting[p.code] = [zin for zin in wacht_op_loting(award) if zin.startswith(f"Perceel {p.naam}: ")]
    uit: dict[str, dict[str, Any]] = {}
    for code, p in award.uitslag.percelen.items():
        if code in uitkomst:
            uit[code] = uitkomst[code].model_dump(mode="json")
        elif p.niet_gegund:
            uit[code] = {"perceel": code, "soort": "niet_gegund", "reden": niet_gegund.met_redenen(p)}
        elif code in loting:
            uit[code] = {"perceel": code, "soort": "wacht_op_loting", "reden": " ".join(loting[code])}
        else:  # every lot of the award is one of these: a lot missing here would be a lot the reader never sees
            raise ValueError(f"zekerheid: perceel {code} is niet onderzocht en heeft geen reden")
    return uit
