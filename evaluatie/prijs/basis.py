"""The price-method base and registry.

A method turns each admitted bid's price (and, for fictieve_korting, its quality) into a
price score and a total. A method is one file in this package with a @registreer'd subclass
of Prijsmethode, and it brings everything that depends on it:

- its scalar score (`bereken`) and its vectorised score for the Monte Carlo runs (`vectorieel`),
  tied together by a property test for every registered method;
- its description for the published method and the letters (`beschrijving`);
- its letter sentences: its own figures, the comparison rows and sentences (what decides, in
  which direction), and what the letters disclose of other bids under the tender's one
  `openbaarmaking` policy (`grootheden`, `openbaar`), which the published method states;
- the JSON schema of its parameters (`parameters`), merged into perceel.schema.json at load.

The model's choices, the schema's enum, the published method and the letters all come from
`methoden()`, which imports the package's modules on first use.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from evaluatie.definitie.model import Aanbesteding, Perceel
from evaluatie.prijs.precisie import DECIMALEN, afgerond, punten
from evaluatie.tekst import euro, getal, kort

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Matrix = npt.NDArray[np.float64]


class Cijfers(Protocol):
    """One bid's figures as the ranking reports them (prijs.rangorde.Rangregel has these)."""

    @property
    def inschrijver(self) -> str: ...
    @property
    def kwaliteit(self) -> float: ...
    @property
    def prijs(self) -> float: ...
    @property
    def prijsscore(self) -> float: ...
    @property
    def totaal(self) -> float: ...
    @property
    def berekening(self) -> str: ...


@dataclass(frozen=True)
class Grootheid:
    """A figure a letter can show of a bid: its row label, how it is printed, and whether it
    reveals the bid's price (then other bids show it only when the tender discloses prices)."""

    naam: str  # row label, also the noun in the published method ("Prijsscore")
    waarde: Callable[[Cijfers], str]
    onthult_prijs: bool = False


@dataclass(frozen=True)
class Kandidaat:
    """An admitted bid as the price stage sees it."""

    inschrijver: str
    prijs: float
    kwaliteit: float  # 0-100
    capaciteit: int
    wachttijd_weken: float


@dataclass(frozen=True)
class Prijsuitkomst:
    prijsscore: float
    totaal: float
    gunningswaarde: float  # what the allocation maximises per inburgeraar: higher is better
    berekening: str  # the formula with this bid's numbers filled in, in Dutch


class Prijsmethode:
    naam: ClassVar[str]
    formule: ClassVar[str]  # the formula in words, for the report
    hoger_is_beter: ClassVar[bool] = True  # ranking direction of `totaal`
    gewogen: ClassVar[bool] = True  # a weighting of quality and price (which must add up to 100) and a totaalscore
    maatstaf: ClassVar[str] = "totaalscore"  # what decides the ranking, as a noun in a sentence
    # whether another bid's `totaal` gives its price (fictieve_korting: fictitious price + discount = price), so a
    # letter shows it only where the tender discloses prices
    totaal_onthult_prijs: ClassVar[bool] = False
    # what `Prijsuitkomst.gunningswaarde` is, ending 'de gunningswaarde van een inschrijving is ...': the published
    # allocation steps maximise it, so a bidder must be told what it is (it need not be the ranking figure)
    gunningswaarde_tekst: ClassVar[str] = "haar totaalscore"
    kolomuitleg: ClassVar[str | None] = None  # terminal: what the score columns mean, if not a weighting
    # the advies's ranking table: headings of the `prijsscore` and `totaal` columns (None: the method has no
    # price score, the column shows '-'), and whether those two are amounts in euro
    kolomkoppen: ClassVar[tuple[str | None, str]] = ("Prijsscore", "Totaal")
    kolommen_in_euro: ClassVar[bool] = False
    # tie-break rules (bij_gelijke_stand) that can never decide under this method, and why: bids with an equal
    # total are equal in what the rule compares (vaste_prijs: the total is the quality, the price is one for all)
    zonder_werking: ClassVar[tuple[str, ...]] = ()
    zonder_werking_reden: ClassVar[str] = ""

    def werkzame_beslisregels(self, perceel: Perceel) -> tuple[str, ...]:
        """The lot's tie-break rules that can decide under this method, in order: what a published text names."""
        zonder = self.zonder_werking_in(perceel)
        return tuple(r for r in perceel.bij_gelijke_stand if r not in zonder)

    def zonder_werking_in(self, perceel: Perceel) -> tuple[str, ...]:
        """The tie-break rules that can never decide in this lot: the method's own (`zonder_werking`), and under a
        weighting in which the price weighs 0% the highest quality (the total is then 1,0 x kwaliteit + 0,0 x
        prijsscore, the quality itself, so an equal total is an equal quality)."""
        if self.gewogen and perceel.weging.prijs == 0:
            return tuple(dict.fromkeys((*self.zonder_werking, "hoogste_kwaliteit")))
        return self.zonder_werking

    def zonder_werking_reden_in(self, perceel: Perceel) -> str:
        """Why the rules of `zonder_werking_in` never decide, ending a sentence '... beslist {reden}.'."""
        if self.gewogen and perceel.weging.prijs == 0:
            return (
                "bij een weging van de prijs van 0% nooit: de totaalscore is dan de kwaliteitsscore, dus twee "
                "inschrijvingen met een gelijke totaalscore hebben ook een gelijke kwaliteitsscore"
            )
        return self.zonder_werking_reden

    @property
    def titel(self) -> str:
        """The method's name in a published text: the YAML code in words ('fictieve korting', 'vaste prijs'); a
        bidder or college never reads the code with its underscore."""
        return self.naam.replace("_", " ")

    @property
    def heeft_prijsscore(self) -> bool:
        """Whether the method computes a price score at all (vaste_prijs does not: only quality counts); where it
        does not, every output shows none ('-', empty, null, NaN), never a 0 that reads as a score of nothing."""
        return self.kolomkoppen[0] is not None

    # JSON schema of the perceel fields only this method reads ({} for none); merged into perceel.schema.json
    parameters: ClassVar[dict[str, dict[str, Any]]] = {}

    def bereken(self, perceel: Perceel, kandidaten: Sequence[Kandidaat]) -> dict[str, Prijsuitkomst]:
        raise NotImplementedError

    def totalen(self, perceel: Perceel, kandidaten: Sequence[Kandidaat]) -> dict[str, float]:
        """The totals alone, as `bereken` computes them: what the ranking compares. The margin to win ranks a few
        variants of every bid again (evaluatie.zekerheid.marge), nationally some 1.200 times over 100 bids, and
        `bereken` writes six numbers into a text for every bid each time. A method may give this directly with the
        same arithmetic; tests/test_prijsmethoden.py holds it equal to `bereken`'s totals to the last bit."""
        return {n: u.totaal for n, u in self.bereken(perceel, kandidaten).items()}

    # --- what the method means for prices and costs

    def prijs_per_traject(self, perceel: Perceel, geboden: float) -> float:
        """The price that counts in costs and texts (vaste_prijs: the fixed price, whatever was bid)."""
        return geboden

    def raamprijs(self, perceel: Perceel) -> float:
        """The price per trajectory the framework maximum is computed at: the ceiling, unless fixed."""
        return perceel.plafondprijs

    # --- published method and letters

    def beschrijving(self, perceel: Perceel) -> str:
        """The method in one or two sentences, with this lot's numbers: published method and letters."""
        return (
            f"Prijsmethode {self.naam}: {self.formule}; totaalscore = {kort(perceel.weging.kwaliteit)}% x "
            f"kwaliteitsscore + {kort(perceel.weging.prijs)}% x prijsscore. De hoogste totaalscore staat eerst."
        )

    def inschrijfregel(self, perceel: Perceel) -> str | None:
        """What a bidder must know of the price before bidding, for the bid form's Perceelgegevens; None when the
        ceiling (stated there already) is all there is to know."""
        return None

    def voorrang(self) -> str:
        """Which bids weigh more in stage 1 of the allocation, as the end of 'inschrijvers met ...'."""
        return f"een {'hogere' if self.hoger_is_beter else 'lagere'} {self.maatstaf}"

    def grootheden(self, perceel: Perceel) -> list[Grootheid]:
        """The figures of the comparison table under the per-criterion scores, in order."""
        return [
            Grootheid("Kwaliteitsscore", lambda r: getal(r.kwaliteit)),
            Grootheid("Prijs per traject", lambda r: euro(r.prijs), onthult_prijs=True),
            Grootheid("Prijsscore", lambda r: getal(r.prijsscore)),
            Grootheid("Totaalscore", lambda r: getal(r.totaal)),
        ]

    def herleidbaar(self) -> str | None:
        """How a price not shown still follows from what is shown, if it does (said in the published method)."""
        return None

    def openbaar(self, perceel: Perceel, prijs_openbaar: bool) -> str:
        """What a letter discloses of the awarded bids, exactly as `vergelijkingsrijen` shows it."""
        getoond = ["scores per criterium"]
        verborgen: list[str] = []
        for g in self.grootheden(perceel):
            (getoond if prijs_openbaar or not g.onthult_prijs else verborgen).append(g.naam.lower())
        tekst = "hun " + _opsomming(getoond)
        if verborgen:
            tekst += f"; hun {_opsomming(verborgen)} {'wordt' if len(verborgen) == 1 else 'worden'} niet bekendgemaakt"
            if (h := self.herleidbaar()) is not None:
                tekst += f" ({h})"
        return tekst

    def eigen_cijfers(self, perceel: Perceel, r: Cijfers) -> str:
        """The bidder's own figures, with the last step of its calculation."""
        return (
            f"Uw kwaliteitsscore: {getal(r.kwaliteit)}. Uw prijs per traject: {euro(r.prijs)}; uw prijsscore: "
            f"{getal(r.prijsscore)}. Uw totaalscore: {r.berekening.split('; ')[-1]}."
        )

    def vergelijkingsrijen(
        self, perceel: Perceel, eigen: Cijfers, anderen: Sequence[Cijfers], prijs_openbaar: bool
    ) -> list[list[str]]:
        """Rows under the per-criterion scores: [label, '', own, *others], only what may be disclosed."""
        return [
            [g.naam, "", g.waarde(eigen), *(g.waarde(a) for a in anderen)]
            for g in self.grootheden(perceel)
            if prijs_openbaar or not g.onthult_prijs
        ]

    def vergelijkingszinnen(self, perceel: Perceel, eigen: Cijfers, ander: Cijfers, prijs_openbaar: bool) -> list[str]:
        """The price side of the comparison with `ander`, in the method's own terms: what decides and
        in which direction. Never a figure the disclosure policy withholds."""
        wp = perceel.weging.prijs / 100
        if wp == 0:  # the price scores count for nothing: no advantage of '0,0000 punten'
            return [
                f"Prijs: uw prijsscore ({getal(eigen.prijsscore)}) en die van {ander.inschrijver} "
                f"({getal(ander.prijsscore)}) tellen niet in de totaalscore: de prijs weegt 0%."
            ]
        verschil = ander.prijsscore - eigen.prijsscore
        # equal as the ranking compares them (4 decimals), not as 2 decimals show them: a difference under half a
        # hundredth can decide the award, and the letter must then name it
        if punten(ander.prijsscore) == punten(eigen.prijsscore):
            return [f"Prijs: uw prijsscore en die van {ander.inschrijver} zijn gelijk ({getal(eigen.prijsscore)})."]
        zijn, mijn = naast_elkaar(ander.prijsscore, eigen.prijsscore)
        if verschil > 0:
            return [
                f"Prijs: {ander.inschrijver} behaalde een prijsscore van {zijn} tegen {mijn} voor u; dat scheelt "
                f"{niet_nul(wp * verschil)} punten in de totaalscore."
            ]
        return [
            f"Prijs: uw prijsscore ({mijn}) is hoger dan die van {ander.inschrijver} ({zijn}); dat levert u "
            f"{niet_nul(-wp * verschil)} punten in de totaalscore op."
        ]

    @staticmethod
    def weeg(perceel: Perceel, kwaliteit: Any, prijsscore: Any) -> Any:
        """wk x kwaliteit + wp x prijsscore, for floats and arrays alike."""
        return perceel.weging.kwaliteit / 100 * kwaliteit + perceel.weging.prijs / 100 * prijsscore

    def gewogen_uitkomst(
        self, perceel: Perceel, k: Kandidaat, prijsscore: float, stap: Callable[[str], str]
    ) -> Prijsuitkomst:
        """Outcome of a weighted method (relatief, lineair): total from the weights, formula filled in. `stap` gives
        the step that computes the price score, ending in the shown score it is given (the same text the sum uses)."""
        totaal = self.weeg(perceel, k.kwaliteit, prijsscore)
        q, ps, som, toelichting = _gewogen_som(perceel, k.kwaliteit, prijsscore, totaal)
        berekening = (
            f"{stap(ps)}; {fractie(perceel.weging.kwaliteit)} x {q} + {fractie(perceel.weging.prijs)} x {ps} = "
            f"{som}{toelichting}"
        )
        return Prijsuitkomst(prijsscore, totaal, totaal, berekening)

    def vectorieel(self, perceel: Perceel, prijs: Matrix, kwaliteit: Matrix, geldig: Matrix) -> Matrix:
        """Totals for many draws at once: prijs[b], kwaliteit[d, b], geldig[d, b] -> totaal[d, b]."""
        raise NotImplementedError

    def kwaliteitsgevoeligheid(self, perceel: Perceel) -> float:
        """How much the total moves per quality point (in the method's better direction)."""
        return perceel.weging.kwaliteit / 100

    def achterstand(self, perceel: Perceel, kandidaten: Sequence[Kandidaat], naam: str) -> float:
        """Total this bid lacks to the best other bid (0 if it is first or equal)."""
        uit = self.bereken(perceel, list(kandidaten))
        teken = 1 if self.hoger_is_beter else -1
        beste = max(teken * u.totaal for n, u in uit.items() if n != naam)
        return max(0.0, beste - teken * uit[naam].totaal)

    def marge_kwaliteit(self, perceel: Perceel, kandidaten: Sequence[Kandidaat], naam: str) -> float | None:
        """Smallest quality rise (points) that brings this bid level with the best; None if above 100."""
        tekort = self.achterstand(perceel, kandidaten, naam)
        gevoelig = self.kwaliteitsgevoeligheid(perceel)
        if tekort == 0:
            return 0.0
        if gevoelig <= 0:
            return None
        nodig = tekort / gevoelig
        eigen = next(k for k in kandidaten if k.inschrijver == naam)
        return nodig if eigen.kwaliteit + nodig <= 100 + 1e-9 else None

    def marge_prijs(self, perceel: Perceel, kandidaten: Sequence[Kandidaat], naam: str) -> float | None:
        """Smallest price cut (euro per trajectory) that brings this bid level with the best; None if none."""
        return None


_REGISTER: dict[str, type[Prijsmethode]] = {}


def registreer(cls: type[Prijsmethode]) -> type[Prijsmethode]:
    """Add a price method to the registry (a class decorator), once per name."""
    if cls.naam in _REGISTER and _REGISTER[cls.naam] is not cls:
        raise RuntimeError(f"prijsmethode {cls.naam} twee keer geregistreerd")
    _REGISTER[cls.naam] = cls
    return cls


def afmelden(naam: str) -> None:
    """Remove a method again (a method defined in a test)."""
    _REGISTER.pop(naam, None)


_GEEN_METHODE = ("basis", "rangorde", "rangomkering")


_ONTDEKT: list[bool] = []  # the package's method files imported (once per process)


def methoden() -> dict[str, type[Prijsmethode]]:
    """Every registered method by name, in name order.

    The method files of the package are found and imported once: the set of files does not
    change while the process runs, and listing the folder on every call cost 0.03 s per award
    (it is called for every bid). The registry itself is read on every call, so a method a test
    registers or removes is seen at once."""
    if not _ONTDEKT:
        from evaluatie import prijs

        for info in sorted(pkgutil.iter_modules(prijs.__path__), key=lambda m: m.name):
            if info.name not in _GEEN_METHODE:
                importlib.import_module(f"{prijs.__name__}.{info.name}")
        _ONTDEKT.append(True)
    return dict(sorted(_REGISTER.items()))


def inschrijfregels(aanbesteding: Aanbesteding) -> dict[str, str]:
    """Per lot code the price sentence of its method for the bid form (Prijsmethode.inschrijfregel), where any."""
    uit = {}
    for code, p in aanbesteding.percelen.items():
        regel = methode(p.prijsmethode).inschrijfregel(p)
        if regel is not None:
            uit[code] = regel
    return uit


def methode(naam: str) -> Prijsmethode:
    bekend = methoden()
    if naam not in bekend:
        raise ValueError(f"onbekende prijsmethode '{naam}'; bekend: {', '.join(bekend)}")
    return bekend[naam]()


def _opsomming(delen: Sequence[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    return delen[0] if len(delen) == 1 else ", ".join(delen[:-1]) + " en " + delen[-1]


def naast_elkaar(a: float, b: float) -> tuple[str, str]:
    """Two compared scores at 2 decimals, or at the ranking's 4 where 2 would show as equal what it tells apart."""
    if getal(a) == getal(b) and punten(a) != punten(b):  # the compared values themselves (precisie.afgerond)
        return getal(afgerond(a), DECIMALEN), getal(afgerond(b), DECIMALEN)
    return getal(a), getal(b)


@functools.lru_cache(maxsize=64)  # a lot has two weights, asked for every bid
def fractie(procent: float) -> str:
    """A weight in percent as the fraction the berekening multiplies by: at 2 decimals ('0,60'), or with every decimal
    the weight has ('0,625' for 62,5%). At 2 decimals 62,5 / 37,5 read '0,63 x 75,00 + 0,38 x 100,00 = 84,38', a sum
    that gives 85,25, beside '62,5% x kwaliteitsscore' in the same letter."""
    tekst = kort(procent / 100)
    decimalen = len(tekst.partition(",")[2])
    return getal(procent / 100, max(2, decimalen))


def decimaal(tekst: str) -> Decimal:
    """'EUR 2.916,67' or '58,33' as the number a reader takes from it."""
    return Decimal(tekst.removeprefix("EUR ").replace(".", "").replace(",", "."))


@functools.lru_cache(maxsize=64)
def _gewicht(procent: float) -> Decimal:
    """The weight as the fraction the berekening shows (fractie), as a number."""
    return decimaal(fractie(procent))


def _gewogen_som(perceel: Perceel, kwaliteit: float, prijsscore: float, totaal: float) -> tuple[str, str, str, str]:
    """Quality, price score and total as the berekening shows them, and what it says is rounded.

    The total is the compared one (precisie.afgerond) at 2 decimals, as every other text shows it. The scores stand
    at 2 decimals where a reader who multiplies them by the shown fractions gets that total (rounded to 2 decimals
    either way a half goes, or a half up where the scores are shown exactly), else at the ranking's 4 decimals or
    more (a score exact at 2 keeps them): at 2 decimals 175 / 3 and 800 / 9 read '0,60 x 58,33 + 0,40 x 88,89 =
    70,56', a sum that gives 70,554, so 70,55. A total within
    half a unit of the 4th decimal from a half hundredth (82,88497, compared as 82,8850, shown 82,89) no sum of its
    scores reaches at 2 decimals: the line gives the compared total at 4."""
    wq, wp = _gewicht(perceel.weging.kwaliteit), _gewicht(perceel.weging.prijs)
    vergeleken = afgerond(totaal)

    def score(x: float, d: int) -> str:
        twee = getal(x)
        return twee if d == 2 or decimaal(twee) == Decimal(repr(float(x))) else getal(x, d)

    for totaal_decimalen in (2, DECIMALEN):
        totaal_tekst = getal(vergeleken, totaal_decimalen)
        eenheid = Decimal(1).scaleb(-totaal_decimalen)
        for d in (2, *range(DECIMALEN, 11)):
            q, ps = score(kwaliteit, d), score(prijsscore, d)
            som = wq * decimaal(q) + wp * decimaal(ps)
            if som.quantize(eenheid, ROUND_HALF_UP) != decimaal(totaal_tekst):
                continue
            # a half rounds up, as every text rounds (0,70 x 25,00 + 0,30 x 93,75 = 45,625 is 45,63); a half that only
            # the rounding of the scores made is avoided with more decimals, a half of the exact scores stays
            if som.quantize(eenheid, ROUND_HALF_EVEN) == som.quantize(eenheid, ROUND_HALF_UP) or all(
                decimaal(t) == Decimal(repr(float(x))) for t, x in ((q, kwaliteit), (ps, prijsscore))
            ):
                break
        else:
            continue
        break
    rond = [
        naam
        for naam, x, tekst in (("kwaliteitsscore", kwaliteit, q), ("prijsscore", prijsscore, ps))
        if decimaal(tekst) != Decimal(repr(float(x)))
    ]
    if totaal_decimalen == 2:
        toelichting = f" ({' en '.join(rond)} afgerond op {d} decimalen, totaalscore op 2)" if d > 2 and rond else ""
        return q, ps, totaal_tekst, toelichting
    scores = f"{' en '.join(rond)} afgerond op {d} decimalen, totaalscore op 4" if rond else "totaalscore afgerond op 4"
    return q, ps, totaal_tekst, f" ({scores}, de precisie waarop de rangorde vergelijkt)"


def niet_nul(x: float) -> str:
    """A difference in points at 2 decimals, or at 4 where 2 would show a difference that decides as 0,00."""
    return getal(x) if abs(x) >= 0.005 else getal(x, DECIMALEN)


def euro_naast_elkaar(a: float, b: float) -> tuple[str, str]:
    """Two compared amounts in cents, or at the ranking's 4 decimals where cents would show as equal what it tells
    apart ('EUR 6.916,6667')."""
    if euro(a) == euro(b) and punten(a) != punten(b):  # the compared values themselves (precisie.afgerond)
        return f"EUR {getal(afgerond(a), DECIMALEN)}", f"EUR {getal(afgerond(b), DECIMALEN)}"
    return euro(a), euro(b)


def euro_verschil(x: float) -> str:
    """A difference in euro in cents, or at 4 decimals where it is less than half a cent ('EUR 0,0033')."""
    return euro(x) if abs(x) >= 0.005 else f"EUR {getal(x, DECIMALEN)}"
