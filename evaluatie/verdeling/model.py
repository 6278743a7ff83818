"""Input and output of the allocation stage."""

from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict

from evaluatie.definitie.model import Verdeelregels


@dataclass(frozen=True)
class Leverancier:
    naam: str
    waarde: float  # gunningswaarde per inburgeraar (higher is better)
    prijs: float
    capaciteit: int
    gemeenten: tuple[str, ...]
    rang: int  # position in the ranking, 0 = best; the documented tie-break for equal optima
    beslist_door: str | None = None  # the tie-break rule (or 'loting') that set this bid apart from an equal total
    rangnummer: int | None = None  # the published rank: equal for bids whose tie is not decided (yet)
    loting_id: str | None = None  # the draw that ordered this bid, if any: bids of one draw share it
    # (rule, value) per tie-break rule (rangorde.beslissleutel), for the explanation only: the allocation never reads
    # it, so it takes no part in equality (zekerheid compares problems to reuse an allocation)
    beslissleutel: tuple[tuple[str, float], ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Partijwoorden:
    """How the diagnosis of an impossible allocation (evaluatie.verdeling.diagnose) names the suppliers: in the award
    the geldige inschrijvers of a ranking; in the contract phase the same suppliers are the gecontracteerde aanbieders
    (evaluatie.contract.herverdeling), and a text that called them inschrijvers would name a party the contract no
    longer knows."""

    geldig: str = "geldige"
    een: str = "inschrijver"
    meer: str = "inschrijvers"


AANBIEDERS = Partijwoorden("gecontracteerde", "aanbieder", "aanbieders")


@dataclass(frozen=True)
class Verdeelprobleem:
    perceel: str
    perceelnaam: str
    vraag: dict[str, int]  # gemeente -> inburgeraars, in tender order
    subregio: dict[str, str]
    leveranciers: tuple[Leverancier, ...]  # in ranking order
    regels: Verdeelregels
    budget: dict[str, float] = field(default_factory=dict)  # gemeente -> total budget (optional)
    # what decides the ranking under the lot's price method, for the explanations (prijs.basis.Prijsmethode)
    maatstaf: str = "totaalscore"
    voorrang: str = "een hogere totaalscore"
    # the nouns of the diagnosis only: the allocation never reads them, so they take no part in equality
    woorden: Partijwoorden = field(default=Partijwoorden(), compare=False)

    @property
    def totaal(self) -> int:
        return sum(self.vraag.values())

    def aandeelplafond(self) -> int | None:
        if self.regels.max_aandeel is None:
            return None
        return int(self.regels.max_aandeel * self.totaal + 1e-9)


class Toewijzing(BaseModel):
    model_config = ConfigDict(frozen=True)

    gemeente: str
    inschrijver: str
    aantal: int
    kosten: float


class Verdeling(BaseModel):
    model_config = ConfigDict(frozen=True)

    toewijzing: tuple[Toewijzing, ...]
    solver: str
    model: str  # 'geaggregeerd' or 'per gemeente': how the LP was built
    # Which step proved the optimum (evaluatie.verdeling.pad): 'samengevoegd model',
    # 'relaxatie+transport', 'stap-4-MIP', 'stap-4-MIP per subregio', 'volledig model', 'verfijnde relaxatie';
    # 'leeg' or 'toelating' otherwise.
    pad: str = ""
    doelwaarden: tuple[int, ...] = ()  # the four lexicographic stage values, exact integers
    # proven that several allocations were equal in steps 1-4 and step 5's order chose (evaluatie.verdeling.stap5)
    stap5_beslist: bool = False
    bouwtijd: float = 0.0
    oplostijd: float = 0.0

    def per_leverancier(self) -> dict[str, int]:
        uit: dict[str, int] = {}
        for t in self.toewijzing:
            uit[t.inschrijver] = uit.get(t.inschrijver, 0) + t.aantal
        return uit

    def per_gemeente(self) -> dict[str, dict[str, int]]:
        uit: dict[str, dict[str, int]] = {}
        for t in self.toewijzing:
            uit.setdefault(t.gemeente, {})[t.inschrijver] = t.aantal
        return uit
