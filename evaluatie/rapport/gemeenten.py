"""A one-page summary per gemeente: per lot which suppliers serve its inburgeraars, how many, at what cost."""

from __future__ import annotations

from evaluatie.gemeentenamen import opsomming
from evaluatie.gunning import niet_gegund
from evaluatie.gunning.uitslag import Gemeentebudget, Perceeluitslag
from evaluatie.rapport.budgetwoorden import VERDEELREGEL, budget_kop, budget_zin
from evaluatie.rapport.gegevens import Rapportgegevens
from evaluatie.rapport.html import Cel, e, pagina, paginavoet, tabel
from evaluatie.tekst import datum, euro, getal


def _niet_gegund_zin(p: Perceeluitslag, gemeente: str, vraag: int) -> str:
    """What a lot that is not awarded means for this gemeente: why (the advies's words), and that its expected
    inburgeraars have no supplier for this lot from this tender."""
    wat = (
        f"{gemeente} verwacht in dit perceel geen inburgeraars (0 per jaar)"
        if vraag == 0
        else f"{gemeente} heeft voor dit perceel geen aanbieder uit deze aanbesteding; voor de {getal(vraag, 0)} "
        + ("verwachte inburgeraar" if vraag == 1 else "verwachte inburgeraars")
        + " per jaar zijn geen kosten geraamd"
    )
    return f"{niet_gegund.perceelzin(p)} Er wordt voor dit perceel geen raamovereenkomst gesloten. {wat}."


def _boven_capaciteit(g: Rapportgegevens, p: Perceeluitslag, gemeente: str) -> list[str]:
    """Per admitted supplier expected in this gemeente whose expectation over the whole open-house lot exceeds the
    capacity of its bid: the advies says so (verdeling.toelatingsmeldingen: a consequence of the published rule
    that must be said wherever the expectation is shown), the page of the gemeente that counts on it did not."""
    code = next(c for c, q in g.uitslag.percelen.items() if q is p)
    capaciteit = {i.naam: i.aanbod[code].capaciteit for i in g.inschrijvingen if code in i.aanbod}
    verwacht: dict[str, int] = {}
    for t in p.toewijzing:
        verwacht[t.inschrijver] = verwacht.get(t.inschrijver, 0) + t.aantal
    hier = [t.inschrijver for t in p.toewijzing if t.gemeente == gemeente and t.aantal > 0]
    return [
        f"Let op: {naam} heeft volgens de inschrijving een capaciteit van {getal(capaciteit[naam], 0)} per jaar, "
        f"tegen een verwachting van {getal(verwacht[naam], 0)} per jaar over alle gemeenten van dit perceel: de "
        "verwachting volgt per gemeente alleen de verhouding van de capaciteiten, dus deze aanbieder kan niet alle "
        "verwachte inburgeraars van het perceel opnemen."
        for naam in hier
        if naam in capaciteit and verwacht[naam] > capaciteit[naam]
    ]


def gemeente_html(g: Rapportgegevens, gemeente: str) -> str:
    a = g.aanbesteding
    gem = a.gemeente(gemeente)
    if gem is None:
        raise KeyError(f"gemeente {gemeente} neemt niet deel")
    delen = [
        '<p class="vertrouwelijk"><strong>Vertrouwelijk</strong> - alleen voor gemeente '
        f"{e(gemeente)}: kosten gedeeld door aantallen geven de prijs van iedere aanbieder, die een "
        "bedrijfsgeheim kan zijn. Niet doorsturen of openbaar maken.</p>",
        f"<h1>Overzicht voor gemeente {e(gemeente)}</h1>",
        f"<p>{e(a.naam)}. Penvoerder: {e(a.penvoerder)}. Subregio: {e(gem.subregio)}. "
        f"Datum van de beslissing: {datum(a.data.gunning)}.</p>",
    ]
    totaal_k = totaal_b = 0.0
    totaal_zonder = 0
    alle: list[Gemeentebudget] = []
    niet: list[tuple[str, int]] = []  # lots not awarded: (name, this gemeente's demand), outside the totals
    for p in g.uitslag.percelen.values():
        budget = next((b for b in p.budgetten if b.gemeente == gemeente), None)
        if budget is None:
            continue
        if p.niet_gegund:  # no supplier, no costs: no table of zeros that reads as an allocation
            delen.append(f"<h2>{e(p.naam)}</h2>")
            delen.append(f'<p class="signaal">{e(_niet_gegund_zin(p, gemeente, budget.vraag))}</p>')
            niet.append((p.naam, budget.vraag))
            continue
        rijen = [
            [t.inschrijver, Cel(getal(t.aantal, 0), t.aantal, "aantal"), Cel(euro(t.kosten), t.kosten, "kosten")]
            for t in p.toewijzing
            if t.gemeente == gemeente
        ]
        zonder = budget.vraag - sum(t.aantal for t in p.toewijzing if t.gemeente == gemeente)
        if zonder:  # open house only: no admitted supplier serves this gemeente (a gunning lot serves all demand)
            rijen.append([Cel("Zonder toegelaten aanbieder"), Cel(getal(zonder, 0), zonder), Cel(euro(0.0), 0.0)])
        rijen.append(
            [Cel("Totaal"), Cel(getal(budget.vraag, 0), budget.vraag), Cel(euro(budget.kosten), budget.kosten)]
        )
        open_house = p.procedure == "toelating"
        koppen = (
            ["Toegelaten aanbieder", "Verwacht aantal per jaar", "Verwachte kosten per jaar"]
            if open_house
            else ["Aanbieder", "Inburgeraars per jaar", "Kosten per jaar"]
        )
        delen.append(f"<h2>{e(p.naam)}</h2>")
        if budget.vraag == 0 and budget.budget_bron != VERDEELREGEL:  # expects no one: no table, no EUR 0 vs EUR 0
            delen.append(
                f"<p>{e(gemeente)} verwacht in dit perceel geen inburgeraars (0 per jaar); er is niets te verdelen.</p>"
            )
            alle.append(budget)
            continue
        if open_house:  # the toelatingsbesluit promises no numbers: this page may not read as an allocation
            delen.append(
                "<p>Open house (toelating): iedere aanbieder die aan de eisen voldoet, is toegelaten. De aantallen "
                "zijn een verwachting naar verhouding van de capaciteit van de toegelaten aanbieders, geen "
                "toewijzing: de inburgeraar of de klantmanager kiest de aanbieder, en aanbieders kunnen gedurende "
                "de looptijd later toetreden.</p>"
            )
        delen += [
            tabel(
                koppen,
                rijen,
                getal_kolommen=(1, 2),
                rij_attrs=[""] * (len(rijen) - 1) + ['class="totaal"'],
            ),
            f"<p>{e(budget_zin(budget, zonder))}</p>",
        ]
        for zin in _boven_capaciteit(g, p, gemeente) if open_house else []:
            delen.append(f'<p class="signaal">{e(zin)}</p>')
        if zonder:
            delen.append(
                f'<p class="signaal">Geen toegelaten aanbieder bedient {e(gemeente)} in dit perceel: de {zonder} '
                + ("verwachte inburgeraar per jaar heeft" if zonder == 1 else "verwachte inburgeraars per jaar hebben")
                + f" hier nog geen aanbieder, tot een aanbieder die {e(gemeente)} bedient toetreedt.</p>"
            )
        totaal_zonder += zonder
        totaal_k += budget.kosten
        totaal_b += budget.budget
        alle.append(budget)
    tegen = {"Budget": "een budget", "Vraag x plafondprijs": "vraag maal plafondprijs"}.get(
        budget_kop(alle), "budget of vraag maal plafondprijs"
    )
    # the demand of inburgeraars without an admitted supplier is in the comparison but has no cost yet
    geraamd = (
        f"; voor {getal(totaal_zonder, 0)} {'inburgeraar' if totaal_zonder == 1 else 'inburgeraars'} zonder "
        "toegelaten aanbieder zijn nog geen kosten geraamd"
        if totaal_zonder
        else ""
    )
    # a gunning of some lots (--lots): the sum is not the gemeente's whole cost when it joins a lot not computed
    berekend = [p.naam for p in g.uitslag.percelen.values() if any(b.gemeente == gemeente for b in p.budgetten)]
    niet_berekend = [p.naam for c, p in a.percelen.items() if c not in g.uitslag.percelen and gemeente in a.vraag(c)]
    if niet_berekend:
        samen = f"In deze gunning ({opsomming(berekend, 'en')})"
        rest = (
            f" Niet in deze gunning berekend: {opsomming(niet_berekend, 'en')}, waaraan {gemeente} ook deelneemt; "
            "die kosten staan hier niet in."
        )
    else:
        samen, rest = "Alle percelen samen", ""
    kader = f"{samen}: kosten {euro(totaal_k)} per jaar tegen {tegen} van {euro(totaal_b)}{geraamd}.{rest}"
    if niet:  # said, never silently left out: the sum covers the awarded lots only
        zonder = sum(n for _, n in niet)
        lijst = (
            f"{opsomming([n for n, _ in niet], 'en')} ({getal(zonder, 0)} verwachte "
            f"{'inburgeraar' if zonder == 1 else 'inburgeraars'} per jaar zonder aanbieder uit deze aanbesteding)"
        )
        if not alle:  # nothing this gemeente joined was awarded: no sum of nothing against nothing
            kader = f"Geen gegund perceel; niet gegund: {lijst}.{rest}"
        else:
            # an open house is admitted, not awarded ('geen overheidsopdracht'): the sum names it as it is
            toelating = any(
                p.procedure == "toelating" and any(b.gemeente == gemeente for b in p.budgetten)
                for p in g.uitslag.percelen.values()
            )
            welke = "gegunde percelen en percelen met toelating (open house)" if toelating else "gegunde percelen"
            kader = kader.replace("Alle percelen samen:", f"Alle {welke} samen:", 1)
            kader += f" Niet meegeteld, want niet gegund: {lijst}."
    delen.append(f'<div class="kader">{e(kader)}</div>')
    titel = f"Vertrouwelijk - overzicht {gemeente}"
    return pagina(titel, "\n".join(delen), extra_stijl=paginavoet(titel))
