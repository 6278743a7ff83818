"""The allocation rules in plain Dutch: one text for the published method and for the advies.

What the gunningssystematiek announces must be what the advies says was applied (Lianakis,
C-532/06), so both take their sentences from here.
"""

from __future__ import annotations

from evaluatie.definitie.model import Verdeelregels
from evaluatie.prijs.precisie import DECIMALEN
from evaluatie.tekst import euro, kort


def verdeelregel_zinnen(v: Verdeelregels) -> list[str]:
    """Every active allocation rule as a clause, capacity first, in a fixed order."""
    regels = ["niemand krijgt meer inburgeraars dan de capaciteit uit zijn inschrijving"]
    if v.max_aandeel is not None:
        regels.append(
            f"een aanbieder krijgt hoogstens {kort(100 * v.max_aandeel)}% van het volume (naar beneden afgerond)"
        )
    if v.min_volume:
        regels.append(f"wie inburgeraars krijgt, krijgt er minstens {v.min_volume}")
    if v.min_leveranciers is not None:
        regels.append(f"minstens {_aanbieders(v.min_leveranciers)} inburgeraars")
    if v.max_leveranciers is not None:
        regels.append(f"hoogstens {_aanbieders(v.max_leveranciers)} inburgeraars")
    if v.max_leveranciers_per_gemeente is not None:
        regels.append(f"per gemeente hoogstens {_aanbieders(v.max_leveranciers_per_gemeente, krijgt=False)}")
    if v.per_subregio:
        regels.append("alle gemeenten van een subregio krijgen dezelfde aanbieder(s)")
    for gem, bedrag in v.budget_per_gemeente.items():
        regels.append(f"de kosten voor {gem} blijven binnen {euro(bedrag)} per jaar")
    return regels


def _aanbieders(n: int, krijgt: bool = True) -> str:
    """'1 aanbieder krijgt', '2 aanbieders krijgen' (or without the verb): number and verb agree."""
    if n == 1:
        return "1 aanbieder krijgt" if krijgt else "1 aanbieder"
    return f"{n} aanbieders krijgen" if krijgt else f"{n} aanbieders"


# Step 2 in words: the weighted sum the model maximises (`Opbouw.doelen`: rank weight m - rang with m suppliers and
# rang 0-based, so R - rank + 1 with the published rank), with the intent and without the waterfall the text used to
# claim ('as many as possible at the best-ranked supplier, then the next'): a weighted sum is no lexicographic order,
# and under per_subregio the two differ (tests/test_verdeelstappen_tekst.py).
RANGSTAP = (
    "zo veel mogelijk totaal van rangwicht x inburgeraars, waarbij het rangwicht van een aanbieder R − rang + 1 "
    "is, met R het aantal gerangschikte inschrijvingen op het perceel (de hoogst gerangschikte weegt R, de volgende "
    "R − 1, de laatste 1): zo weegt een hogere rang zwaarder, maar gekozen wordt het grootste totaal, en dat is "
    "niet altijd zo veel mogelijk inburgeraars bij de hoogst gerangschikte aanbieder en dan pas bij de volgende"
)


def stap2_is_waterval(v: Verdeelregels) -> bool:
    """Does step 2 give exactly the waterfall (as many as possible at the best-ranked, then the next) under rules `v`?

    Yes when the only rules are the capacities and max_aandeel (one more cap per supplier). Proof: the vectors of
    supplier totals that serve all demand within the caps are the integral bases of a polymatroid (a transportation
    problem: t(S) <= min over U in S of demand(gemeenten served by U) + cap(S - U)); step 1 maximises a linear
    function over it, which keeps a face, again the base polytope of a polymatroid (a sum of minors); over that, any
    linear function with weights strictly decreasing in rank (step 2's R - rank + 1) is maximised by the greedy
    vector in rank order, which is the lexicographic maximum (Edmonds). Any other rule breaks the structure, and
    per_subregio gives a counterexample (tests/test_verdeelstappen_tekst.py, which also checks the claim against a
    brute-force lexicographic model on random small lots)."""
    return not (
        v.min_volume
        or v.min_leveranciers is not None
        or v.max_leveranciers is not None
        or v.max_leveranciers_per_gemeente is not None
        or v.per_subregio
        or v.budget_per_gemeente
    )


def _waterval(v: Verdeelregels | None) -> str:
    """The waterfall reading of step 2, published only for a lot whose rules make it exact (`stap2_is_waterval`)."""
    if v is None or not stap2_is_waterval(v):
        return ""
    welke = "de capaciteit en het maximale aandeel" if v.max_aandeel is not None else "de capaciteit"
    return (
        f"; onder de verdeelregels van dit perceel (alleen {welke}) is het dat wel: zo veel mogelijk inburgeraars "
        "bij de hoogst gerangschikte aanbieder, daarna bij de volgende, enzovoort"
    )


# Step 4 in words: the objective of the last stage (`Opbouw.doelen`: (m - rang) x (n - ci)^2 per inburgeraar, over
# the gemeenten with demand in tender order, evaluatie.verdeling.pad.gemeenteklassen, on every path), with the intent
# and without the old claim that the best-ranked supplier gets the gemeenten listed first: a weighted sum is no
# lexicographic order, not even without any rule (tests/test_verdeelstappen_tekst.py).
PLAATSSTAP = (
    "daarbinnen zo veel mogelijk totaal over de gemeenten van rangwicht x plaatswicht x inburgeraars, waarbij het "
    "plaatswicht van een gemeente (G − plaats + 1)² is, met G het aantal gemeenten met vraag op het perceel en "
    "plaats haar plaats onder die gemeenten in de volgorde van de aanbesteding (de eerste weegt G², de laatste 1): "
    "zo gaan eerder genoemde gemeenten bij voorkeur naar hoger gerangschikte aanbieders, maar gekozen wordt het "
    "grootste totaal, en de hoogst gerangschikte aanbieder krijgt daardoor niet altijd de eerst genoemde gemeenten"
)


# Said in the advies of a lot where step 5 decided (evaluatie.verdeling.stap5.Stap5.gelijk, proven, not the engine's
# choice): the published order of LAATSTE_STAP, not chance or the engine, chose between equal allocations.
STAP5_BESLIST = (
    "Stap 5 van de verdeling heeft beslist: er waren verschillende verdelingen die in stap 1 tot en met 4 gelijk zijn, "
    "en gekozen is die met de meeste inburgeraars in de eerste gemeente bij de hoogst gerangschikte aanbieder, "
    "enzovoort, zoals de gunningssystematiek bepaalt."
)

# Step 5 in words: what evaluatie.verdeling.stap5 computes between allocations equal in steps 1-4 (a cycle of
# exchanges over three or more gemeenten and suppliers can add up to 0 in step 4, tests/test_verdeelstap5.py): the
# lexicographic maximum over the cells, gemeenten in tender order, within a gemeente the suppliers in ranking order.
LAATSTE_STAP = (
    "zijn er dan nog verschillende verdelingen die in stap 1 tot en met 4 gelijk zijn (dat kan: een ruil langs drie of "
    "meer gemeenten en aanbieders kan in stap 4 per saldo 0 opleveren), dan gaat voor de verdeling met de meeste "
    "inburgeraars in de eerste gemeente (in de volgorde van de aanbesteding) bij de hoogst gerangschikte aanbieder, "
    "bij gelijkheid daarvan de meeste in die gemeente bij de volgende aanbieder in de rangorde, enzovoort, en daarna "
    "op dezelfde manier de tweede gemeente, enzovoort: twee verschillende verdelingen verschillen ergens in een "
    "gemeente bij een aanbieder, dus deze stap laat er altijd één over"
)


def _per_gemeente(v: Verdeelregels | None) -> tuple[str, int]:
    """The rules on single gemeenten of `v` in words and how many ('', 0 without any), for what step 5 does under
    them."""
    if v is None:
        return (
            "een regel per gemeente (een maximum aantal aanbieders per gemeente, de verdeling per subregio of een "
            "budget)",
            1,
        )
    delen = []
    if v.max_leveranciers_per_gemeente is not None:
        delen.append("het maximum aantal aanbieders per gemeente")
    if v.per_subregio:
        delen.append("de verdeling per subregio")
    if len(v.budget_per_gemeente) == 1:  # one gemeente with a budget: 'de budgetten' read as a rule on many
        delen.append(f"het budget van {next(iter(v.budget_per_gemeente))}")
    elif v.budget_per_gemeente:
        delen.append("de budgetten per gemeente")
    if len(delen) < 2:
        return "".join(delen), len(delen)
    return ", ".join(delen[:-1]) + " en " + delen[-1], len(delen)


def slotzin(v: Verdeelregels | None) -> str:
    """Who decides between allocations equal in every step, true for the rules `v` (None: any rules).

    Exact (`stap2_is_waterval`: capacity and max_aandeel only): the totals per supplier are unique after step 2
    (the greedy vector of a polymatroid is the only maximum of weights strictly decreasing in rank), and step 5 is
    the lexicographic maximum over every allocation with those totals (evaluatie.verdeling.stap5). Under other
    rules on a supplier's total (min_volume, min/max_leveranciers) two different sets of totals can be equal in steps
    1-3 (found by brute force: max_leveranciers 2, equal bids; min_volume 2), and the engine's totals are the ones
    steps 4 and 5 work with; under a rule on single gemeenten step 5 decides exactly without the rule when the
    engine's allocation is optimal without it too and the choice meets the rule, and otherwise compares only the
    allocations that keep every rule by construction (no other supplier in a gemeente,
    stap5._alleen_binnen_de_regels). Both are said."""
    if v is not None and stap2_is_waterval(v):
        return "Zo beslist nooit toeval of de rekenprogrammatuur tussen gelijkwaardige verdelingen."
    zinnen = [
        "Laten stap 1 tot en met 3 bij de verdeelregels van dit perceel meer dan één aantal inburgeraars per "
        "aanbieder over (alleen zonder andere regels dan de capaciteit en het maximale aandeel is dat uitgesloten), "
        "dan bepaalt de rekenprogrammatuur welke aantallen in stap 4 en 5 vastliggen, niet een van deze stappen."
    ]
    per_gemeente, aantal = _per_gemeente(v)
    if per_gemeente:
        subregio = v is None or v.per_subregio
        budget = v is None or bool(v.budget_per_gemeente)
        regel = "regel" if aantal == 1 else "regels"
        zinnen.append(
            f"Met {per_gemeente} kiest stap 5 eerst op dezelfde manier zonder op die {regel} te letten, onder alle "
            f"verdelingen die in stap 4 dan even hoog uitkomen als de berekende (als die zonder de {regel} het hoogste "
            f"totaal haalt); voldoet de gekozen verdeling aan de {regel}, dan is zij de uitkomst. Anders vergelijkt "
            "stap 5 alleen verdelingen zonder een aanbieder in een gemeente waar de berekende verdeling die aanbieder "
            "niet heeft"
            + (", zonder een aanbieder minder in een gemeente (bij de verdeling per subregio)" if subregio else "")
            + (
                f" en met dezelfde aantallen in {next(iter(v.budget_per_gemeente))}"
                if v is not None and len(v.budget_per_gemeente) == 1
                else " en met dezelfde aantallen in iedere gemeente met een budget"
                if budget
                else ""
            )
            + "; is een verdeling die daar niet aan voldoet ook in stap 1 tot en met 4 gelijk, dan bepaalt de "
            "rekenprogrammatuur welke het wordt."
        )
    zinnen.append(
        "Daarbuiten beslist nooit toeval of de rekenprogrammatuur tussen gelijkwaardige verdelingen, en dezelfde "
        "invoer geeft met dezelfde rekenprogrammatuur altijd dezelfde verdeling."
    )
    return " ".join(zinnen)


# The allocation's steps exactly as evaluatie.verdeling.opbouw.Opbouw.stappen and evaluatie.verdeling.stap5 solve them.
def verdeelstappen(
    maatstaf: str = "totaalscore", waarde: str = "haar totaalscore", regels: Verdeelregels | None = None
) -> str:
    """The steps, with what ranks the bids in this lot (`Prijsmethode.maatstaf`: totaalscore, fictieve prijs,
    kwaliteitsscore), so that a lot without a totaalscore never publishes one, and what the maximised gunningswaarde
    is (`Prijsmethode.gunningswaarde_tekst`: under fictieve_korting not the ranking figure itself). With the lot's
    `regels`, step 2 also says where it equals the waterfall (`stap2_is_waterval`), and the last sentence says who
    decides between allocations equal in every step under those rules (`slotzin`; None: any rules)."""
    return (
        "Binnen die regels wordt in vaste stappen gerekend, iedere stap tot het bewezen optimum dat daarna "
        "vastligt: 1. zo veel mogelijk totaal van gunningswaarde x inburgeraars, waarbij de gunningswaarde van een "
        f"inschrijving {waarde} is; 2. daarbinnen {RANGSTAP}{_waterval(regels)}; bij gelijke {maatstaf} staat "
        "hoger in de rangorde de aanbieder die de beslisregels bij gelijke stand (of de loting) voorop zetten, zodat "
        "die ook in deze stap zwaarder weegt; 3. daarbinnen de laagste kosten (dit beslist alleen nog tussen "
        "verdelingen die in stap 1 en 2 gelijk zijn, nooit een gelijke stand); 4. met het aantal inburgeraars per "
        f"aanbieder vast, {PLAATSSTAP}; 5. {LAATSTE_STAP}. {slotzin(regels)}"
    )


# The one precision of evaluatie.prijs.precisie, in words.
# The total is computed from the unrounded quality and price score and rounded once: 'iedere totaalscore, prijsscore
# en kwaliteitsscore wordt eenmaal ... afgerond en die afgeronde waarde bepaalt de rangorde' let a reader compute the
# total from the rounded scores (0,6 x 58,3333 + 0,4 x 88,8889 = 70,5555), where the ranking compares 70,5556.
PRECISIE = (
    f"Scores worden vergeleken op {DECIMALEN} decimalen: de totaalscore wordt berekend met de niet-afgeronde "
    f"kwaliteitsscore en prijsscore en daarna eenmaal op {DECIMALEN} decimalen afgerond; die afgeronde waarde bepaalt "
    "de rangorde, de gelijke stand en de verdeling (een beslisregel bij gelijke stand die de kwaliteitsscore "
    f"vergelijkt, doet dat op {DECIMALEN} decimalen). Twee inschrijvingen staan dus gelijk als hun totaalscores op "
    f"{DECIMALEN} decimalen gelijk zijn."
)


def precisie(maatstaf: str) -> str:
    """PRECISIE for a lot ranked on something other than a totaalscore (fictieve prijs, kwaliteitsscore)."""
    if maatstaf == "totaalscore":
        return PRECISIE
    return (
        f"Vergeleken wordt op {DECIMALEN} decimalen: de {maatstaf} wordt eenmaal op {DECIMALEN} decimalen afgerond "
        "en die afgeronde waarde bepaalt de rangorde, de gelijke stand en de verdeling. Twee inschrijvingen staan dus "
        f"gelijk als hun {maatstaf} op {DECIMALEN} decimalen gelijk is."
    )
