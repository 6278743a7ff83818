"""A bid (inschrijving) as loaded from one bidder's workbook."""

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field


class PerceelAanbod(BaseModel):
    """One row of the Percelen sheet: what the bidder offers for one lot."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    perceel: str
    prijs: float
    capaciteit: int
    instroommomenten: int
    wachttijd_weken: float
    gemeenten: tuple[str, ...]
    cel: str  # where the row stands, e.g. 'acme.xlsx!Percelen!A4'


class OngeldigePrijs(BaseModel):
    """A lot row whose price cell is empty or 0: the bid is invalid in that lot (a knock-out, with a letter), not an
    input error that stops the award of every lot; the row's other cells were read without error."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    perceel: str
    cel: str  # the price cell, e.g. 'acme.xlsx!Percelen!B2'
    reden: str  # 'ontbreekt' or "is 0 ('0')": what the cell holds, for the knock-out reason


class Inschrijving(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    bestand: str
    sha256: str
    naam: str
    kvk: str
    contactpersoon: str
    email: str
    keurmerk: bool
    keurmerk_nummer: str | None
    keurmerk_geldig_tot: dt.date | None
    uitsluitingsgronden: bool
    aanbod: dict[str, PerceelAanbod]
    # lots whose price is missing or 0 (not in `aanbod`: no price exists to rank, show or compare); never dumped
    # (the knock-out result in gunning.json says it)
    ongeldige_prijs: dict[str, OngeldigePrijs] = Field(default_factory=dict, exclude=True)
    # where the name and the KvK number stand ('acme.xlsx!Inschrijver!B2'), for errors that compare bids;
    # never dumped (gunning.json names the file and its hash)
    cel_naam: str = Field(exclude=True)
    cel_kvk: str = Field(exclude=True)
    # where each field of the Inschrijver sheet stands ('Keurmerk geldig tot' -> 'acme.xlsx!Inschrijver!B8'), so a
    # knock-out reason names the cell of the bidder's own answer; never dumped, empty for a bid built in code
    cellen: dict[str, str] = Field(default_factory=dict, exclude=True)


class Invoerbestand(BaseModel):
    """An input file and its hash, as cited in reports."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    bestand: str
    sha256: str
    # how published documents (gunning.json) name the file when its name would identify a person,
    # e.g. 'Beoordelaar A' for beoordelingen/anouk-verbeek.xlsx; never dumped (the logboek keeps the path)
    aanduiding: str | None = Field(default=None, exclude=True)
