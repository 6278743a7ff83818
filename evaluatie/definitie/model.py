"""Pydantic models of a tender: the single source of truth once the YAML is validated."""

import datetime as dt
from collections.abc import Mapping
from functools import cached_property
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from evaluatie.gemeentenamen import Namen
from evaluatie.tekst import zonder_exponent

PERCEELCODES = ("B1", "onderwijs", "Z", "PVT", "MAP")
# The modules of the Wet inburgering 2021 (participatieverklaringstraject, module arbeidsmarkt en participatie) are
# no learning route: they end when done (the participatieverklaring signed), with no exam and no change of route.
MODULES = ("PVT", "MAP")

M = TypeVar("M", bound=BaseModel)


def _standaard(model: type[M]) -> M:
    """The all-defaults instance that is a field's default, made without the model's validator.

    A default is never validated, and `Model()` would build the validator of each of these
    models at import only to make its default (3 ms of every command, issue #24): model_construct
    fills in the same defaults, so the instance is the same (tests/test_definitie_standaard.py)."""
    return model.model_construct()


class Model(BaseModel):
    # defer_build: a model's validator is built when it is first used, not at import; a command
    # then pays only for the models it uses (the decision models, for one, are unused by most runs)
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Schaalstap(Model):
    label: str | None = None
    punten: float
    omschrijving: str = ""  # what this scale point means, published to the bidders

    @property
    def tekst(self) -> str:
        """What a reviewer picks in the drop-down: the label, else the points."""
        return self.label if self.label else _getal(self.punten)


class Schaal(Model):
    stappen: tuple[Schaalstap, ...]

    @property
    def max_punten(self) -> float:
        return max(s.punten for s in self.stappen)

    def zoek(self, waarde: Any) -> Schaalstap | None:
        """Match a cell value to a step, by label (case-insensitive) or by points."""
        if isinstance(waarde, str):
            tekst = waarde.strip().lower()
            for stap in self.stappen:
                if stap.label and stap.label.lower() == tekst:
                    return stap
            from evaluatie.getallen import GetalFout, lees_tekst

            try:  # the one rule for typed numbers (evaluatie.getallen): '1.000' is a thousand, never 1
                waarde = lees_tekst(tekst)
            except GetalFout:
                return None
        if isinstance(waarde, bool) or not isinstance(waarde, int | float):
            return None
        for stap in self.stappen:
            if abs(stap.punten - float(waarde)) < 1e-9:
                return stap
        return None

    @property
    def scheiding(self) -> str:
        """', ' between the steps, '; ' when a step's text has a comma itself: with ', ' a half-point scale read
        '0, 2,5, 5, 7,5, 10', where the Dutch decimal comma makes 0,2 and 5,5 as likely as 2,5. A scale of whole
        points keeps the text it always had."""
        komma = any("," in s.tekst or "," in _getal(s.punten) for s in self.stappen)
        return "; " if komma else ", "

    def beschrijving(self, scheiding: str | None = None) -> str:
        """The steps as every published text and form names them, separated by `scheiding` (standard: the scale's
        own). `scheiding=', '` gives the text of forms made before '; ' (beoordeling.herkomst still reads them)."""
        return (self.scheiding if scheiding is None else scheiding).join(
            f"{s.label} = {_getal(s.punten)}" if s.label else _getal(s.punten) for s in self.stappen
        )


class Criterium(Model):
    code: str
    naam: str
    weging: float
    omschrijving: str = ""


class Weging(Model):
    kwaliteit: float = 60
    prijs: float = 40


class Verdeelregels(Model):
    max_aandeel: float | None = None
    min_volume: int | None = None
    min_leveranciers: int | None = None
    max_leveranciers: int | None = None
    max_leveranciers_per_gemeente: int | None = None
    per_subregio: bool = False
    budget_per_gemeente: dict[str, float] = Field(default_factory=dict)


class Raamregel(Model):
    """How a lot's framework maximum is set apart from its forecast (CJEU C-23/20).

    `opslag`: the maximum is the forecast plus this share (0.25 = 25% headroom);
    `trajecten`: an absolute maximum quantity over the whole term. At most one of the two;
    neither means the maximum equals the forecast.
    """

    opslag: float | None = None
    trajecten: int | None = None


class Perceel(Model):
    code: str
    naam: str
    # open house (toelating) or award (gunning) per lot; the tender's `procedure` is the default
    procedure: Literal["gunning", "toelating"] = "gunning"
    criteriaset: str | None = None  # the criteria set this lot's defaults came from
    raammaximum: Raamregel = _standaard(Raamregel)
    gemeenten: tuple[str, ...]
    plafondprijs: float = 10000.0
    knockout: dict[str, dict[str, Any]] = Field(default_factory=dict)
    gunningscriteria: tuple[Criterium, ...] = ()
    criteriumweging: Literal["procent", "punten"] = "procent"  # percentages (sum 100) or points
    schaal: Schaal
    # a name in the price-method registry (evaluatie/prijs); the schema's enum is built from it when loading
    prijsmethode: str = "relatief"
    # parameters a price method declares (Prijsmethode.parameters) that have no field of their own here
    prijsparameters: dict[str, float | int | str | bool] = Field(default_factory=dict)
    max_fictieve_korting: float | None = None
    abnormaal_laag: float = 0.20  # art. 2.116 Aw 2012: share below the mean (or median) of the other valid bids
    # what a price is compared with: the mean of the other valid bids (as always) or their median, which one very
    # high price does not lift (rapport/abnormaal.py)
    abnormaal_maatstaf: Literal["gemiddelde", "mediaan"] = "gemiddelde"
    vaste_prijs: float | None = None  # vaste_prijs: the one price per trajectory (default: the ceiling)
    weging: Weging = _standaard(Weging)
    bij_gelijke_stand: tuple[str, ...] = ()
    verdeling: Verdeelregels = _standaard(Verdeelregels)

    def criterium(self, sleutel: str) -> Criterium | None:
        """Find a criterion by code or by name (case-insensitive)."""
        s = sleutel.strip().lower()
        for c in self.gunningscriteria:
            if c.code.lower() == s or c.naam.lower() == s:
                return c
        return None

    def criterium_van(self, code: str) -> Criterium:
        """The criterion a computed row refers to: it exists (the row was made from this lot's criteria)."""
        c = self.criterium(code)
        if c is None:
            raise KeyError(f"perceel {self.code}: geen gunningscriterium {code}")
        return c


class Gemeente(Model):
    naam: str
    subregio: str
    inburgeraars: dict[str, int] = Field(default_factory=dict)


class LatereGemeente(Model):
    """A gemeente the tender documents name as a possible later participant of one or more award lots.

    A framework agreement may only be used by the contracting authorities the tender documents clearly name as
    parties, up to the maximum they state (CJEU C-216/17, Antitrust and Coopservice; C-23/20). Naming a gemeente
    here lets it join after the award (`contract aansluiting`): its expected numbers count in the framework
    maximum and the published texts name it, but it is not in the award's allocation. `inburgeraars`: the lots it
    may join (the keys) and its expected numbers per year there.
    """

    naam: str
    subregio: str
    inburgeraars: dict[str, int] = Field(default_factory=dict)


class Data(Model):
    publicatie: dt.date
    sluiting: dt.date
    keurmerk_peildatum: dt.date
    gunning: dt.date
    verzending: dt.date | None = None

    @property
    def verzenddatum(self) -> dt.date:
        """The day the award decision is sent; defaults to the planned award date."""
        return self.verzending or self.gunning


class Looptijd(Model):
    jaren: int = 2
    optiejaren: int = 0


class Beoordelingsregels(Model):
    # consensus: every assessed row needs the panel's consensus score and motivation before the award
    aggregatie: Literal["gemiddelde", "mediaan", "consensus"] = "gemiddelde"
    signaal_spreiding_stappen: float = 1


class Persoon(Model):
    """A named person on a letter: the contact for questions or the signatory."""

    naam: str
    functie: str = ""
    telefoon: str = ""
    email: str = ""


class Afzender(Model):
    """Who sends the letters: the penvoerder's postal address, contact person and signatory."""

    adres: tuple[str, ...] = ()  # postal address lines, e.g. ('Postbus 9900', '1201 GM Hilversum')
    contactpersoon: Persoon | None = None
    ondertekenaar: Persoon | None = None


class Rechtsbescherming(Model):
    """The objection route stated in every letter (kort geding, optional complaints desk)."""

    rechtbank: str | None = None  # e.g. 'Rechtbank Midden-Nederland'; None: the court of the penvoerder's seat
    klachtenmeldpunt: str | None = None  # e.g. 'het klachtenmeldpunt aanbesteden van de gemeente, klachten@...'


class Openbaarmaking(Model):
    """What a letter reveals of the awarded bids: their scores only, or also their price."""

    prijs_winnaar: Literal["score", "prijs"] = "score"


BEWIJS_WERKDAGEN = 10  # the winner hands in the proofs within this many working days (letters and systematiek)
STANDAARD_BEWIJSSTUKKEN = (
    "een Gedragsverklaring Aanbesteden, niet ouder dan twee jaar",
    "een uittreksel uit het Handelsregister van de Kamer van Koophandel, niet ouder dan zes maanden",
)


class Aanbesteding(Model):
    naam: str
    penvoerder: str
    procedure: Literal["gunning", "toelating"]
    criteriaset: str | None = None
    data: Data
    standstill_dagen: int = 20
    gelijkgestelde_dagen: tuple[dt.date, ...] = ()
    looptijd: Looptijd = _standaard(Looptijd)
    beoordelaars: tuple[str, ...] = ()
    beoordeling: Beoordelingsregels = _standaard(Beoordelingsregels)
    gemeenten: tuple[Gemeente, ...]
    percelen: dict[str, Perceel]
    latere_gemeenten: tuple[LatereGemeente, ...] = ()  # possible later participants (C-216/17), not allocated now
    afzender: Afzender = _standaard(Afzender)
    bewijsstukken: tuple[str, ...] = STANDAARD_BEWIJSSTUKKEN
    rechtsbescherming: Rechtsbescherming = _standaard(Rechtsbescherming)
    openbaarmaking: Openbaarmaking = _standaard(Openbaarmaking)

    @property
    def criteriasets(self) -> tuple[str, ...]:
        """Every criteria set the tender draws on (tender default and per-lot overrides), first seen first."""
        namen = [self.criteriaset, *(p.criteriaset for p in self.percelen.values())]
        return tuple(dict.fromkeys(n for n in namen if n))

    @property
    def panel_nodig(self) -> bool:
        """Whether the panel scores any lot: an open house without minimum_kwaliteit has no criteria (definitie/laden,
        beoordeelt_kwaliteit), and a tender of only such lots needs no reviewer forms at all."""
        return any(p.gunningscriteria for p in self.percelen.values())

    def procedures(self) -> set[str]:
        """The procedures of the lots: {'gunning'}, {'toelating'} or both."""
        return {p.procedure for p in self.percelen.values()}

    @cached_property
    def gemeentenamen(self) -> Namen:
        """The tender's gemeenten for forgiving matching (case, hyphens, 'Gemeente ...')."""
        return Namen(g.naam for g in self.gemeenten)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> "Aanbesteding":
        """A copy never carries lookups (cached properties) built from the original's fields."""
        kopie = super().model_copy(update=update, deep=deep)
        for naam in [k for k in kopie.__dict__ if k not in type(self).model_fields]:
            del kopie.__dict__[naam]
        return kopie

    @cached_property
    def gemeente_index(self) -> dict[str, Gemeente]:
        """Gemeenten by exact name: lookups stay O(1) at national size (342 gemeenten)."""
        return {g.naam: g for g in reversed(self.gemeenten)}  # reversed: the first of duplicates wins

    def gemeente(self, naam: str) -> Gemeente | None:
        gevonden = self.gemeentenamen.zoek(naam)
        return None if gevonden is None else self.gemeente_index.get(gevonden)

    def perceel(self, sleutel: str) -> Perceel | None:
        """Find a lot by code or name, case-insensitive (users type 'b1' or 'B1-route')."""
        s = sleutel.strip().lower()
        for p in self.percelen.values():
            if p.code.lower() == s or p.naam.lower() == s:
                return p
        return None

    @cached_property
    def vraag_per_perceel(self) -> dict[str, dict[str, int]]:
        """vraag() of every lot, computed once (the model is frozen); callers get a copy."""
        uit = {}
        for code, perceel in self.percelen.items():
            deelnemers = set(perceel.gemeenten)
            uit[code] = {g.naam: g.inburgeraars.get(code, 0) for g in self.gemeenten if g.naam in deelnemers}
        return uit

    def vraag(self, code: str) -> dict[str, int]:
        """Expected inburgeraars per year per participating gemeente of a lot, in tender order."""
        return dict(self.vraag_per_perceel[code])

    def latere_vraag(self, code: str) -> dict[str, int]:
        """Expected inburgeraars per year of lot `code` of each gemeente named as a possible later participant in
        it, in tender order; not in vraag(): they are not in the award's allocation, only in its maximum."""
        return {g.naam: g.inburgeraars[code] for g in self.latere_gemeenten if code in g.inburgeraars}

    def subregio_van(self, gemeente: str) -> str:
        g = self.gemeente(gemeente)
        return g.subregio if g else ""


def _getal(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else zonder_exponent(x).replace(".", ",")
