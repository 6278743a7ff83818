"""Outcome of the robustness analyses of one lot."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from evaluatie.prijs.rangomkering import Rangomkering


class Model(BaseModel):
    # built when first used, like every other model: the analyses run one after the other in this process or in
    # forked worker processes, never in threads (a run without reports never builds these)
    model_config = ConfigDict(frozen=True, defer_build=True)


class Weglating(Model):
    """The award without one reviewer's scores."""

    beoordelaar: str
    winnaar: str | None
    winnaar_gelijk: bool
    verdeling_gelijk: bool
    verschuivingen: tuple[str, ...]  # allocation changes in words


class Storing(Model):
    """Seeded Monte Carlo: every individual score moved by -1, 0 or +1 scale step at random."""

    trekkingen: int
    zaad: int
    kans_winnaar_blijft: float
    kans_eerste: dict[str, float]  # bidder -> share of draws in which it ranks first alone
    # the same as counts of draws, exact: what the sentence says ('in 179 van de 300 trekkingen (59,7%)'), where a
    # share such as 179/300 is 0.5966666666666667 in --json
    aantal_winnaar_blijft: int
    aantal_eerste: dict[str, int]
    # the other draws: no valid bid (every quality under the minimum: the lot would not be awarded), or two or more
    # sharing the first place; without them the sentence left a share of the draws unexplained
    geen_geldige: int = 0
    gedeeld_eerste: int = 0
    # measured time, for bench/zekerheid.py only: never in an output, which must be the same on every run
    seconden: float = Field(exclude=True)


class Marge(Model):
    inschrijver: str
    rang: int
    kwaliteit: float | None  # quality points needed to draw level with the first; None: not reachable
    prijs: float | None  # euro price cut needed; None: not reachable or price does not count
    # Already level with the first on total score: what put it behind ('loting' or a tie-break rule), else None.
    gelijk_door: str | None = None
    # Level with the first (gelijk_door): the quality points and the euro price cut that put it first alone, in
    # whole tenths and cents (zekerheid.marge.voorbij_in_stappen); None: not reachable, the price does not count,
    # or not level.
    voorbij_kwaliteit: float | None = None
    voorbij_prijs: float | None = None


class Capaciteitsmarge(Model):
    inschrijver: str
    toegewezen: int
    capaciteit: int
    verlaging: int  # capacity reduction that would lower its share
    verhoging: int | None  # smallest capacity rise that changes its share; None: none up to the volume
    # with a capacity that does not bind, under a rule that chooses (marge.kiest): the share with `verhoging` places
    # more (the capacity at the most it could get), or that rise in `geprobeerd` when it changed nothing (other rises
    # were not computed)
    na_verhoging: int | None = None
    geprobeerd: tuple[int, ...] = ()
    niet_berekend: str | None = None  # why the rise could not be computed (a re-solve failed), in words
    # the lot's capacity knock-out (at least this many per year), when it has one: below it the bid is invalid, not
    # given a smaller share
    minimum: int | None = None
    # The lower capacities computed (re-solved): `laagste` is the lowest capacity at which an allocation exists, so
    # that from there up to one below the allocation the share drops (more capacity never makes a lot infeasible);
    # None when already one below the allocation no allocation could be made, or when that is below `minimum`.
    # `onmogelijk_vanaf` up to `onmogelijk_tot`: the capacities at which no allocation could be made (every one of
    # them: from the lowest valid capacity up to one below `laagste`, or up to one below the allocation), `onmogelijk`:
    # why at `onmogelijk_tot`, in words.
    laagste: int | None = None
    onmogelijk_vanaf: int | None = None
    onmogelijk_tot: int | None = None
    onmogelijk: str | None = None


class Zekerheid(Model):
    perceel: str
    # what kind of lot, for a reader of `zekerheid --json`, which has every lot (zekerheid.uitvoeren.als_json)
    soort: Literal["gunning"] = "gunning"
    winnaar: str | None  # first in the ranking, the one the analyses test
    # the bidders with a share, in ranking order: the first in the ranking may get none (per_subregio, a budget),
    # and is then not said to be the winner
    gegund: tuple[str, ...]
    weglatingen: tuple[Weglating, ...]
    storing: Storing | None
    marges: tuple[Marge, ...]
    capaciteit: tuple[Capaciteitsmarge, ...]
    rangomkering: tuple[Rangomkering, ...] = ()  # relatief/lineair: the lowest bid leaving or one coming in
    maatstaf: str = "totaalscore"  # what ranks the bids (Prijsmethode.maatstaf): a tie is a tie on this
