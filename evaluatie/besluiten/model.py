"""The recorded decisions: what was decided, why, when, by whom, and what it was based on."""

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field


class Intrekking(BaseModel):
    """A withdrawal is itself a decision: it stays in the file, with its own reason, date and who."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    datum: dt.date
    door: str
    reden: str


class Basis(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    id: str
    datum: dt.date  # the day the decision was taken
    door: str  # who decided: name and capacity
    reden: str
    ingetrokken: Intrekking | None = None

    @property
    def geldig(self) -> bool:
        return self.ingetrokken is None


class Herstel(Basis):
    """Correction of a manifest error (kennelijke fout) in a bid, after a request for clarification.

    The bidder's file stays untouched; intake reads the corrected value. Premise: the file's hash
    and the cell's value as recorded."""

    soort: Literal["herstel"] = "herstel"
    bestand: str  # file name in inschrijvingen/
    sha256: str  # of the bid file when the correction was recorded
    blad: str
    cel: str  # 'B3'
    oud: str
    nieuw: str
    verduidelijking: dt.date  # the date the bidder's clarification was received


class Toelichting(Basis):
    """The answer to an abnormally-low-bid signal (art. 2.116 Aw 2012). Premise: the bid is
    flagged in this lot at this price."""

    soort: Literal["abnormaal"] = "abnormaal"
    inschrijver: str
    perceel: str
    prijs: float  # the flagged price per trajectory
    ontvangen: dt.date  # the date the written explanation was received
    uitkomst: Literal["aanvaard", "verworpen"]


class Uitsluitingsgrond(Basis):
    """The weighing of an exclusion ground the bidder declared. Premise: the bid file's hash."""

    soort: Literal["uitsluiting"] = "uitsluiting"
    inschrijver: str
    sha256: str
    grond: str
    artikel: Literal["2.86", "2.87"]  # mandatory or optional ground
    feiten: str
    zelfreiniging: str  # the self-cleaning measures considered (art. 2.87a)
    evenredigheid: str = ""  # required for an optional ground (art. 2.87): the proportionality weighing
    uitkomst: Literal["uitgesloten", "niet_uitgesloten"]


class Keurmerkbesluit(Basis):
    """A keurmerk that lapses before the award (or has no date). Premise: the date in the bid."""

    soort: Literal["keurmerk"] = "keurmerk"
    inschrijver: str
    geldig_tot: dt.date | None  # as stated in the bid when decided
    uitkomst: Literal["verlengd", "onder_voorwaarde"]
    verlengd_tot: dt.date | None = None  # with 'verlengd': the new end date shown by the proof
    bewijs: dt.date | None = None  # with 'verlengd': the date the proof of renewal was received


class Terugtrekking(Basis):
    """A bidder withdrew its bid after the panel scored it; its file has been taken out of
    inschrijvingen/. The reviewers' rows for it are set aside, never edited. Premise: no bid of that
    name is in inschrijvingen/ any more."""

    soort: Literal["terugtrekking"] = "terugtrekking"
    inschrijver: str  # the name as the bid and the reviewer forms wrote it
    ontvangen: dt.date  # the date the withdrawal was received


Besluit = Annotated[
    Herstel | Toelichting | Uitsluitingsgrond | Keurmerkbesluit | Terugtrekking, Field(discriminator="soort")
]

REGEL_ABNORMAAL = "abnormaal_laag"  # the knock-out finding a rejected 2.116 explanation adds (after scoring)

VOORVOEGSEL = {"herstel": "H", "abnormaal": "A", "uitsluiting": "U", "keurmerk": "K", "terugtrekking": "T"}
