"""Reviewer scores as read from the workbooks, and the panel's aggregated outcome."""

import datetime as dt
from collections.abc import Mapping
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


class Score(Model):
    """One cell of judgement: a reviewer's (or the panel's) score for bidder x lot x criterion."""

    inschrijver: str
    perceel: str
    criterium: str  # criterion code
    stap: int  # index on the scale, for spread in steps
    punten: float
    toelichting: str
    cel: str  # 'anouk-verbeek.xlsx!Beoordeling!D7'


class Opzijgezet(Model):
    """A score on a reviewer's form that does not count: its bid was no longer assessed in that lot (knock-out,
    withdrawal, an open house that scores no quality). Kept for the analyst (evaluatie.open(...).scores()), who
    reads every score of every reviewer; the award never reads it."""

    inschrijver: str
    perceel: str
    criterium: str  # criterion code; as typed where the lot has no criteria
    score: str  # as typed in the cell ('' when only a motivation was given)
    punten: float | None  # the points of that score on the lot's scale; None when it is not on it (or empty)
    reden: str  # why it was set aside, as the note 'opzijgezet, ...' says
    cel: str  # 'anouk-verbeek.xlsx!Beoordeling!D42'


class Beoordelingsformulier(Model):
    bestand: str
    sha256: str
    beoordelaar: str
    datum: dt.date  # the date the reviewer signed the form
    scores: tuple[Score, ...]
    geen_belangenverstrengeling: bool = True  # the declaration as read ('ja'); a form without it is rejected
    prijscellen: tuple[str, ...] = ()  # cells holding an amount equal to a bid price (should be none)
    opzij: tuple[Opzijgezet, ...] = ()  # its scores of bids no longer assessed, set aside (in form order)


class OpenRegel(Model):
    """A row of the consensus sheet the panel has not (fully) decided yet."""

    inschrijver: str
    perceel: str
    criterium: str  # criterion code
    plaats: str  # 'consensus.xlsx!Consensus!rij 7'
    reden: str  # what is missing, in Dutch


class Consensus(Model):
    bestand: str
    sha256: str
    scores: tuple[Score, ...]
    datum: dt.date | None = None  # when the panel reached consensus (header field of the workbook)
    datumcel: str = ""  # where that date is (or belongs)
    open: tuple[OpenRegel, ...] = ()  # rows present but without a complete consensus


class Rijscore(Model):
    """Aggregated score of one bidder x lot x criterion, with everything that produced it."""

    inschrijver: str
    perceel: str
    criterium: str
    individueel: dict[str, float]  # beoordelaar -> punten
    toelichtingen: dict[str, str]  # beoordelaar -> motivation
    consensus: float | None
    consensus_toelichting: str | None
    punten: float  # the score that counts
    spreiding: float  # max - min points across reviewers
    spreiding_stappen: int
    signaal: bool  # spread above the configured threshold
    afwijkers: tuple[str, ...]  # reviewers furthest from the others on a flagged row

    @property
    def herkomst(self) -> str:
        return "consensus" if self.consensus is not None else "berekend"

    @property
    def consensus_buiten(self) -> bool:
        """The consensus lies outside every score the reviewers gave on their own (above the highest or below
        the lowest): allowed, but then the consensus motivation alone carries the score (proces-verbaal and
        verzendcontrole say so)."""
        if self.consensus is None or not self.individueel:
            return False
        return not min(self.individueel.values()) <= self.consensus <= max(self.individueel.values())


class Criteriumbetrouwbaarheid(Model):
    perceel: str
    criterium: str
    alpha: float | None  # Krippendorff's alpha (interval); None when undefined
    alpha_zonder: dict[str, float | None]  # alpha when one reviewer is left out
    grootste_afwijker: str | None  # reviewer whose absence raises alpha the most


class Paneluitslag(Model):
    aggregatie: str
    beoordelaars: tuple[str, ...]
    rijen: tuple[Rijscore, ...]
    kwaliteit: dict[str, dict[str, float]]  # perceel -> inschrijver -> 0-100
    betrouwbaarheid: tuple[Criteriumbetrouwbaarheid, ...]

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> "Paneluitslag":
        """A copy never carries lookups (cached properties) built from the original's fields."""
        kopie = super().model_copy(update=update, deep=deep)
        for naam in [k for k in kopie.__dict__ if k not in type(self).model_fields]:
            del kopie.__dict__[naam]
        return kopie

    @cached_property
    def rij_index(self) -> dict[tuple[str, str, str], Rijscore]:
        """(bidder, lot, criterion) -> row, built once: every letter and report looks rows up."""
        return {(r.inschrijver, r.perceel, r.criterium): r for r in reversed(self.rijen)}

    def rij(self, inschrijver: str, perceel: str, criterium: str) -> Rijscore | None:
        return self.rij_index.get((inschrijver, perceel, criterium))

    def kwaliteit_plat(self) -> dict[tuple[str, str], float]:
        return {(i, p): k for p, per in self.kwaliteit.items() for i, k in per.items()}
