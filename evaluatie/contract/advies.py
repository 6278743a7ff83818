"""Who gets the next inburgeraar: the supplier furthest below its allocated share, with reasons in words.

Why this rule: the award allocated each gemeente's yearly volume over suppliers; placing the next
person with the supplier whose placements lag most behind its share keeps the actual split closest to
the awarded one at every moment. A supplier at its capacity, or with people already waiting longer
than it promised in its bid, is passed over (and the advice says so). The inburgeraar's or
klantmanager's own choice always wins: `kies` records it next to the advice of that moment.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field

from evaluatie.contract.besluit import fouten_wie_waarom, leg_vast
from evaluatie.contract.lezen import Register
from evaluatie.contract.namen import geen_contract
from evaluatie.contract.registerwacht import terugdraaien
from evaluatie.contract.stand import raamgebruik, wachtenden_per_aanbieder
from evaluatie.contract.telling import geplaatst
from evaluatie.contract.wachten import opnieuw_te_plaatsen
from evaluatie.fouten import Fout, InvoerFout
from evaluatie.tekst import aantal, getal, kort


@dataclass(frozen=True)
class Kandidaat:
    naam: str
    rang: int
    toegewezen: int  # this contract year, in this gemeente
    geplaatst: int  # this contract year so far, in this gemeente
    verwacht: float  # placements it should have after the next one, by its share
    beschikbaar: bool
    reden: str  # why not available, or ''

    @property
    def tekort(self) -> float:
        return self.verwacht - self.geplaatst


@dataclass
class Advies:
    gemeente: str
    perceel: str
    peildatum: dt.date
    jaar: int
    kandidaten: list[Kandidaat]
    advies: str | None
    uitleg: list[str] = field(default_factory=list)
    # every supplier the advice names as equally right (the same shortfall): in an open house all of them, since it
    # ranks nobody; under an award only the advised one, the ranking decides between them
    gelijkwaardig: tuple[str, ...] = ()

    def volgt(self, gekozen: str) -> bool:
        """Whether an own choice follows the advice: the advised supplier, or in an open house any of the tied ones."""
        return gekozen == self.advies or gekozen in self.gelijkwaardig


def gemeente_fout(reg: Register, gemeente: str) -> Fout | None:
    """A --gemeente the contract does not know, with the closest names (as in the bids and aanbesteding.yaml)."""
    if gemeente in reg.subregio:
        return None
    from evaluatie.gemeentenamen import Namen, opsomming

    bedoeld = Namen(reg.gemeenten).suggesties(gemeente)
    eerste = ", ".join(reg.gemeenten[:8]) + (", ..." if len(reg.gemeenten) > 8 else "")  # as contract inlezen
    hint = f"; bedoelt u {opsomming(bedoeld, 'of')}?" if bedoeld else f" ({eerste})"
    return Fout("--gemeente", f"'{gemeente}' is geen gemeente van dit contract{hint}{reg.latere_hint(gemeente)}")


def controleer_keuze(reg: Register, gemeente: str, perceel: str) -> None:
    fouten = [f for f in [gemeente_fout(reg, gemeente)] if f is not None]
    if perceel not in reg.percelen:
        fouten.append(Fout("--route", reg.geen_perceel(perceel)))
    elif gemeente in reg.subregio:
        bediend = {g for s in reg.leveranciers_van(perceel) for g in s.gemeenten}
        if gemeente not in bediend:  # not 'no allocation this year': the lot never had this gemeente
            naam = reg.percelen[perceel].naam
            fouten.append(
                Fout(
                    "--gemeente",
                    f"{gemeente} hoort niet bij perceel {naam}: geen aanbieder van dat perceel heeft een contract voor "
                    f"{gemeente} (de gemeenten van het perceel: {', '.join(g for g in reg.gemeenten if g in bediend)})",
                )
            )
    if fouten:
        raise InvoerFout(fouten)


def _met_contract_zonder(
    reg: Register, perceel: str, gemeente: str, peildatum: dt.date, eigen: dict[str, int], open_house: bool
) -> str:
    """' Met een contract voor G maar zonder toewijzing daar: A; een keuze ...' for the suppliers whose contract covers
    the gemeente (not dropped out, already joined) without an allocation there, or '' when there is none: the
    allocation decides the advice, but an own choice may go to such a supplier."""
    zonder = [
        s.naam
        for s in reg.leveranciers_van(perceel)
        if gemeente in s.gemeenten
        and not eigen.get(s.naam, 0)
        and not ((weg := reg.uitval_op(perceel, s.naam, peildatum)) is not None and weg <= peildatum)
        and not ((na := reg.toegetreden.get((perceel, s.naam))) is not None and peildatum < na)
    ]
    if not zonder:
        return ""
    return (
        f" Met een contract voor {gemeente} maar zonder {'toewijzing' if not open_house else 'verwachting'} "
        f"daar: {', '.join(zonder)}; een keuze voor {'die aanbieder' if len(zonder) == 1 else 'een van hen'} "
        "legt 'evaluatie contract keuze' vast."
    )


def bereken_advies(reg: Register, gemeente: str, perceel: str, peildatum: dt.date) -> Advies:
    """Who gets the next inburgeraar of `gemeente` in `perceel` on `peildatum`, with the reasons; and who of the
    gemeente must be placed again after her supplier dropped out (`_opnieuw`)."""
    advies = _bereken_advies(reg, gemeente, perceel, peildatum)
    advies.uitleg += _opnieuw(reg.op(peildatum), gemeente, perceel, peildatum)
    return advies


def _opnieuw(reg: Register, gemeente: str, perceel: str, peildatum: dt.date) -> list[str]:
    """'Nog opnieuw te plaatsen in Noord voor Z-route: 1 inburgeraar na de uitval van Beta per 01-07-2026 ...': the
    clients of the gemeente registered with a supplier of the lot that dropped out since, not registered again, and not
    started there or started and neither stopped nor completed (evaluatie.contract.wachten). Their trajectory cannot
    begin or go on there, so the advice no longer counts them as waiting there; this says that they are still to be
    placed, and how many of them had started."""
    uit = []
    for (c, wie), lijst in sorted(opnieuw_te_plaatsen(reg.plaatsingen, peildatum, reg.uitvallen).items()):
        hier = [w for w in lijst if c == perceel and w.plaatsing.gemeente == gemeente]
        if hier:
            per = " en ".join(d.strftime("%d-%m-%Y") for d in sorted({w.uitval for w in hier}))
            wie_hier = aantal(str(len(hier)), "inburgeraar", "inburgeraars")
            gestart = sum(1 for w in hier if w.gestart)
            delen = [f"niet gestart {len(hier) - gestart}"] if gestart < len(hier) else []
            delen += [f"gestart en niet voortijdig gestopt of afgerond {gestart}"] if gestart else []
            uit.append(
                f"Nog opnieuw te plaatsen in {gemeente} voor {reg.percelen[perceel].naam}: {wie_hier} "
                f"na de uitval van {wie} per {per} (aangemeld bij {wie} en nog niet opnieuw aangemeld; "
                f"{', '.join(delen)})."
            )
    return uit


def _bereken_advies(reg: Register, gemeente: str, perceel: str, peildatum: dt.date) -> Advies:
    controleer_keuze(reg, gemeente, perceel)
    if (waarom := reg.niet_aangesloten_op(gemeente, perceel, peildatum)) is not None:  # joined later: not yet
        raise InvoerFout([Fout("--peildatum", waarom)])
    reg = reg.op(peildatum)  # an event withdrawn by a decision dated up to peildatum does not count
    jaar = reg.contractjaar(peildatum)
    begin, _ = reg.jaargrenzen(jaar)
    verdeling = reg.toewijzing.get((perceel, jaar), {})
    eigen = {s: n for (g, s), n in verdeling.items() if g == gemeente}
    totaal = sum(eigen.values())
    telling = geplaatst(reg, begin, peildatum)
    hier = sum(n for (g, p, _), n in telling.items() if g == gemeente and p == perceel)
    per_lev: dict[str, int] = {}
    for (_, p, naam), n in telling.items():
        if p == perceel:
            per_lev[naam] = per_lev.get(naam, 0) + n
    # a route change into this lot is a trajectory with the new supplier from that day: it takes one of its places
    na_wijziging: dict[str, int] = {}
    for pl in reg.plaatsingen:
        d, wie = pl.route_gewijzigd_datum, pl.route_gewijzigd_leverancier
        if pl.route_gewijzigd == perceel and wie and d is not None and begin <= d <= peildatum:
            na_wijziging[wie] = na_wijziging.get(wie, 0) + 1
            per_lev[wie] = per_lev.get(wie, 0) + 1
    kandidaten = []
    # who waits for which supplier, in one pass over the placements (once per supplier read them all again)
    wachten = wachtenden_per_aanbieder(reg.plaatsingen, peildatum, reg.uitvallen)
    for s in reg.leveranciers_van(perceel):
        a = eigen.get(s.naam, 0)
        if a == 0:
            continue
        n = telling[(gemeente, perceel, s.naam)]
        verwacht = a / totaal * (hier + 1)
        reden = ""
        weg = reg.uitval_op(perceel, s.naam, peildatum)
        wachtend = [d for d in wachten.get((perceel, s.naam), []) if d > s.wachttijd_weken * 7]
        intrede = reg.toegetreden.get((perceel, s.naam))
        if weg is not None and weg <= peildatum:
            reden = f"uitgevallen per {weg.strftime('%d-%m-%Y')}"
        elif intrede is not None and peildatum < intrede:
            reden = f"toegelaten per {intrede.strftime('%d-%m-%Y')} (later toegetreden)"
        elif per_lev.get(s.naam, 0) >= s.capaciteit:
            via = na_wijziging.get(s.naam, 0)
            reden = (
                f"vol: {per_lev.get(s.naam, 0)} plaatsingen dit contractjaar"
                + (f" (waarvan {via} na een routewijziging)" if via else "")
                + f" bij een capaciteit van {s.capaciteit}"
            )
        elif wachtend:
            reden = (
                f"{len(wachtend)} aangemelde inburgeraar(s) wachten al langer dan de beloofde "
                f"{kort(s.wachttijd_weken)} weken (de langste {kort(round(max(wachtend) / 7, 1))} weken)"
            )
        kandidaten.append(Kandidaat(s.naam, s.rang, a, n, verwacht, not reden, reden))
    kandidaten.sort(key=lambda k: (not k.beschikbaar, -round(k.tekort, 9), k.rang))
    advies = Advies(gemeente, perceel, peildatum, jaar, kandidaten, None)
    naam = reg.percelen[perceel].naam
    # an open-house lot allocates nothing: its numbers are the expectation by capacity the toelatingsbesluit names
    open_house = reg.percelen[perceel].toelating
    toegewezen, volgens, aandeel = (
        ("verwacht naar capaciteit", "naar die verhouding", "verwachte aandeel naar capaciteit")
        if open_house
        else ("toegewezen", "volgens de verdeling", "aandeel")
    )
    if not kandidaten:
        wat = "geen verwachting (geen toegelaten aanbieder)" if open_house else "geen toewijzing"
        # a gemeente that expected no one there (0 a year) still has the suppliers whose contract covers it
        advies.uitleg.append(
            f"{gemeente} heeft in contractjaar {jaar} {wat} voor {naam}."
            + _met_contract_zonder(reg, perceel, gemeente, peildatum, eigen, open_house)
        )
        return advies
    for k in kandidaten:
        advies.uitleg.append(
            f"{k.naam}: {k.toegewezen} van de {totaal} {toegewezen} ({getal(100 * k.toegewezen / totaal, 0)}%), "
            f"{k.geplaatst} van de {hier} geplaatst; na de volgende plaatsing hoort {k.naam} {volgens} "
            f"{getal(k.verwacht, 1)} te hebben" + (f"; overgeslagen: {k.reden}" if k.reden else "")
        )
    raam = raamgebruik(reg, perceel, peildatum)
    if raam is not None and raam.uitgeput:  # C-23/20: past its maximum a framework agreement has no effect
        assert raam.prognose is not None
        advies.uitleg.insert(
            0,
            f"Geen advies: de raamovereenkomst {naam} is uitgeput: {raam.gebruikt} van de maximaal "
            f"{raam.max_trajecten} trajecten zijn sinds de start geplaatst (het maximum is bereikt op "
            f"{raam.prognose.strftime('%d-%m-%Y')}). Een volgende plaatsing valt buiten de raamovereenkomst (HvJ EU "
            "C-23/20); daarvoor is een contractwijziging met grondslag ('evaluatie contract wijziging') of een nieuwe "
            "aanbesteding nodig.",
        )
        return advies
    beste = kandidaten[0]
    if not beste.beschikbaar:
        # the allocation decides the advice; a supplier with a contract for the gemeente and no allocation there
        # is no candidate but is there, and an own choice may go to it
        wie = "met een toewijzing" if not open_house else "met een verwachting naar capaciteit"
        tekst = f"Geen advies: geen aanbieder {wie} in {gemeente} voor {naam} is nu beschikbaar."
        advies.uitleg.insert(0, tekst + _met_contract_zonder(reg, perceel, gemeente, peildatum, eigen, open_house))
        return advies
    advies.advies = beste.naam
    gelijk = [k for k in kandidaten if k.beschikbaar and round(k.tekort, 9) == round(beste.tekort, 9)]
    if len(gelijk) > 1:
        kern = _gelijk_advies(advies, gelijk, gemeente, naam, aandeel, open_house)
    else:
        if beste.tekort > 0:
            waarom = (
                f"Deze aanbieder staat het verst onder zijn {aandeel}: {beste.geplaatst} geplaatst tegen "
                f"{getal(beste.verwacht, 1)}{'' if open_house else ' volgens de verdeling'} "
                f"(achterstand {getal(beste.tekort, 1)})"
            )
        else:
            waarom = (
                f"Geen beschikbare aanbieder staat onder zijn {aandeel}; deze staat er het minst boven: "
                f"{beste.geplaatst} geplaatst tegen {getal(beste.verwacht, 1)}"
                f"{'' if open_house else ' volgens de verdeling'}"
            )
        kern = (
            f"Advies voor de volgende inburgeraar van {gemeente} in {naam}: {beste.naam.rstrip('.')}. {waarom}, "
            "binnen zijn capaciteit en zonder wachtenden boven de beloofde wachttijd"
        )
    overgeslagen = [k.naam for k in kandidaten if not k.beschikbaar]
    advies.uitleg.insert(
        0,
        kern
        + (f" (overgeslagen: {', '.join(overgeslagen)}, zie hieronder)" if overgeslagen else "")
        + ". De keuze van de inburgeraar of de klantmanager gaat altijd voor; leg die vast met "
        "'evaluatie contract keuze'.",
    )
    return advies


def _gelijk_advies(
    advies: Advies,
    gelijk: list[Kandidaat],
    gemeente: str,
    naam: str,
    aandeel: str,
    open_house: bool,
) -> str:
    """Two or more available suppliers stand equally far from their share. Under an award the ranking decides (the
    higher-ranked supplier goes first, as in the allocation), and the advice says so. An open house ranks nobody: the
    advice names them all, and a choice of any of them follows it (it said 'een van hen'). Returns the advice's
    first sentence up to what was skipped, as the single-supplier advice has it."""
    from evaluatie.gemeentenamen import opsomming

    beste = gelijk[0]
    stand = (
        f"ieder {beste.geplaatst} geplaatst tegen {getal(beste.verwacht, 1)}"
        if all(k.geplaatst == beste.geplaatst and k.verwacht == beste.verwacht for k in gelijk)
        else "; ".join(f"{k.naam.rstrip('.')} {k.geplaatst} geplaatst tegen {getal(k.verwacht, 1)}" for k in gelijk)
    )
    richting = "onder" if beste.tekort > 1e-9 else ("boven" if beste.tekort < -1e-9 else "op")
    namen = [k.naam.rstrip(".") for k in gelijk]
    if open_house:
        advies.gelijkwaardig = tuple(k.naam for k in gelijk)
        kern = (
            f"Advies voor de volgende inburgeraar van {gemeente} in {naam}: een van {opsomming(namen, 'en')}. Zij "
            f"staan even ver {richting} hun {aandeel} ({stand}), binnen hun capaciteit en zonder wachtenden boven de "
            "beloofde wachttijd; een open house rangschikt niet, dus tussen hen kiest de inburgeraar of de klantmanager"
        )
    else:
        anderen = opsomming(namen[1:], "en")
        kern = (
            f"Advies voor de volgende inburgeraar van {gemeente} in {naam}: {namen[0]}. Deze aanbieder staat even ver "
            f"{richting} zijn {aandeel} als {anderen} ({stand}), binnen hun capaciteit en zonder wachtenden boven de "
            "beloofde wachttijd; bij gelijke afstand gaat de hoger gerangschikte aanbieder voor, volgens de rangorde "
            f"van de gunning ({namen[0]} heeft rang {beste.rang})"
        )
    return kern


def kies(
    db: sqlite3.Connection,
    reg: Register,
    gemeente: str,
    perceel: str,
    klantnummer: str,
    gekozen: str,
    datum: dt.date,
    door: str,
    reden: str,
    vandaag: dt.date | None = None,
    datum_opgegeven: bool = True,
) -> tuple[Advies, int]:
    """Record an own choice (it always wins) together with the advice it departs from or follows. Every wrong
    option at once: the client number, the date (in the term, not in the future), the gemeente and route, the
    supplier, the person and the reason."""
    from evaluatie.contract.besluit import niet_in_de_toekomst
    from evaluatie.contract.privacy import klantnummer_fout

    fouten: list[Fout] = []
    fout = klantnummer_fout(klantnummer)
    if fout is not None:  # privacy by design, as at intake: no BSN, name or date of birth in the register
        fouten.append(Fout("--klant", fout))
    toekomst = niet_in_de_toekomst(datum, vandaag)
    controles = [lambda: controleer_keuze(reg, gemeente, perceel)]
    if not toekomst:  # a date both in the future and after the term: one slip, said once
        controles.insert(0, lambda: reg.binnen_looptijd(datum, "--datum", opgegeven=datum_opgegeven))
    for controle in controles:
        try:
            controle()
        except InvoerFout as e:  # all errors at once
            fouten += e.fouten
    if gemeente in reg.subregio and perceel in reg.percelen:
        lev = reg.leveranciers.get((perceel, gekozen))
        if not any(n == gekozen for (_, n) in reg.leveranciers):  # no supplier of this name at all
            fouten.append(Fout("--aanbieder", f"{gekozen} {geen_contract(gekozen, reg)}"))
        elif lev is None or gemeente not in lev.gemeenten:
            fouten.append(Fout("--aanbieder", f"{gekozen} heeft geen contract voor {perceel} in {gemeente}"))
        intrede = reg.toegetreden.get((perceel, gekozen))
        weg = reg.uitval_op(perceel, gekozen, datum)
        if lev is not None and intrede is not None and datum < intrede:  # contract toetreding: not before entry
            fouten.append(
                Fout("--aanbieder", f"{gekozen} is pas per {intrede.strftime('%d-%m-%Y')} toegelaten tot {perceel}")
            )
        elif lev is not None and weg is not None and datum >= weg:  # as contract inlezen refuses the registration
            fouten.append(
                Fout(
                    "--aanbieder",
                    f"{gekozen} is per {weg.strftime('%d-%m-%Y')} uitgevallen in perceel {perceel}; vanaf die dag kan "
                    f"niemand meer bij {gekozen} worden geplaatst (contract inlezen weigert die aanmelding)",
                )
            )
    fouten += toekomst
    if (waarom := reg.niet_aangesloten_op(gemeente, perceel, datum)) is not None:  # contract aansluiting: not yet
        fouten.append(Fout("--datum", waarom))
    fouten += fouten_wie_waarom(door, reden)
    if fouten:
        raise InvoerFout(fouten)
    a = bereken_advies(reg, gemeente, perceel, datum)
    db.execute("BEGIN")
    try:
        inhoud = {
            "gemeente": gemeente,
            "perceel": perceel,
            "klantnummer": klantnummer,
            "advies": a.advies,
            "gekozen": gekozen,
        }
        b = leg_vast(db, "eigen_keuze", datum, door, reden, inhoud)
        db.execute(
            "INSERT INTO keuze (besluit_id, gemeente, perceel, klantnummer, advies, gekozen) VALUES (?, ?, ?, ?, ?, ?)",
            (b, gemeente, perceel, klantnummer, a.advies, gekozen),
        )
        db.execute("COMMIT")
    except BaseException:
        terugdraaien(db)
        raise
    return a, b


def opmerkingen_bij_keuze(a: Advies, gekozen: str) -> list[str]:
    """What the contract manager should know of an own choice against the advice of that moment: that there was no
    advice (an exhausted framework agreement: the placement falls outside it), or why the advice skipped the chosen
    supplier (full, waiting times above the promise, dropped out). The choice goes first all the same."""
    uit = []
    if a.advies is None and a.uitleg:
        uit.append(f"er was geen advies: {a.uitleg[0].removeprefix('Geen advies: ')}")
    uit += [f"het advies sloeg {k.naam} over: {k.reden}" for k in a.kandidaten if k.naam == gekozen and k.reden]
    return uit
