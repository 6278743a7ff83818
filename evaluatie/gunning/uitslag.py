"""The award outcome: per lot the ranking, the exclusions and the allocation."""

from pydantic import BaseModel, ConfigDict

from evaluatie.gunning.loting import Gelijkestand
from evaluatie.inschrijving.model import Invoerbestand
from evaluatie.prijs.rangorde import Rangregel
from evaluatie.verdeling.model import Toewijzing

# The lot's outcome word where nothing was awarded (gunning.json, the reports, the letters), and its allocation model
NIET_GEGUND = "niet gegund"


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


class Uitsluiting(Model):
    inschrijver: str
    redenen: tuple[str, ...]
    # a status word of evaluatie.toets.status.AFWIJZINGEN: ongeldig, uitgesloten, abnormaal laag, niet toegelaten
    status: str


class Gemeentebudget(Model):
    gemeente: str
    vraag: int
    kosten: float
    budget: float
    budget_bron: str  # 'verdeelregel' or 'vraag x plafondprijs'


class Perceeluitslag(Model):
    code: str
    naam: str
    procedure: str
    prijsmethode: str
    formule: str
    weging_kwaliteit: float
    weging_prijs: float
    plafondprijs: float
    rangorde: tuple[Rangregel, ...]
    toewijzing: tuple[Toewijzing, ...]
    uitgesloten: tuple[Uitsluiting, ...]
    budgetten: tuple[Gemeentebudget, ...]
    bindende_regels: tuple[str, ...]
    meldingen: tuple[str, ...]  # e.g. a tie that needs a draw
    solver: str
    model: str
    pad: str = ""  # which step of evaluatie.verdeling.pad proved the optimum
    stap5_beslist: bool = False  # several allocations equal in steps 1-4, step 5's order chose (proven)
    verklaring: dict[str, str] = {}  # inschrijver -> why it got less than its capacity (computed)
    gelijke_standen: tuple[Gelijkestand, ...] = ()  # undecided ties; `beslissend` ones block the award
    # False: an open house without minimum_kwaliteit, where nobody's quality is scored (the bids' kwaliteit is no score)
    kwaliteit_beoordeeld: bool = True

    @property
    def loting_nodig(self) -> tuple[Gelijkestand, ...]:
        return tuple(st for st in self.gelijke_standen if st.beslissend)

    @property
    def niet_gegund(self) -> bool:
        """An award lot (procedure gunning) without a valid bid: nobody to rank, so nobody to award and nothing to
        allocate; its gemeenten get no supplier for it from this tender. An open house without an admitted bid is
        not this: it stays open for later entry."""
        return self.procedure == "gunning" and not self.rangorde

    @property
    def status(self) -> str:
        """The lot's outcome in one word, the same in gunning.json and the analysis (evaluatie.open().uitkomst()):
        'gegund', 'niet gegund', or for an open house 'toelating' (admitted or not, each bid by its own decision;
        nothing is awarded). gunning.json gave an open house no status at all while the analysis said 'toelating' in
        its words, and a reader taking a missing status as 'gegund' (as for a file of an earlier version) read an
        open house as awarded."""
        if self.procedure == "toelating":
            return "toelating"
        return NIET_GEGUND if self.niet_gegund else "gegund"

    def winnaars(self) -> list[str]:
        return [r.inschrijver for r in self.rangorde if r.rang == 1]

    def toegewezen(self, inschrijver: str) -> int:
        return sum(t.aantal for t in self.toewijzing if t.inschrijver == inschrijver)

    @property
    def volume(self) -> int:
        return sum(b.vraag for b in self.budgetten)


class Gunningsuitslag(Model):
    aanbesteding: str
    versie: str
    solver: str
    percelen: dict[str, Perceeluitslag]
    invoer: tuple[Invoerbestand, ...]

    @property
    def loting_nodig(self) -> tuple[Gelijkestand, ...]:
        """Ties whose order changes the outcome: no letters until a draw is recorded."""
        return tuple(st for p in self.percelen.values() for st in p.loting_nodig)
