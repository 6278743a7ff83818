"""A verlenging past the option years: a contract change with its legal ground that moves the register's term.

Why it is built this way. An option year the tender announced is no change (contract optiejaar); a longer term than
the tender allowed is one, under art. 2.163b-g Aw 2012, and is recorded with `contract wijziging --soort verlenging
--tot DATUM` per lot, as every change is (its value and trajectories count in the de-minimis and 50% tests as
always). It comes only after every option year is exercised: before that the longer term is an option year, which
the tender already allows. The register keeps one term for all lots (stand, quarterly reports and the dossier
speak of one): it runs on once every lot with a framework agreement has its verlenging, to the earliest of their
last days, never further than a lot's own change allows. An open-house lot (no public contract, no change) follows
that term, as its toelatingsbesluit holds during the term; the texts say so.

The allocation in the new contract years is the one the register holds for the last year before them, per year, as
it stands when the term moves, written as rows of the change that moved it (traceable, and a later herverdeling or
toetreding covers those years too). A year the verlenging ends inside is a part of a year: the stand counts the
allocation pro rata of the part of the year gone by, as in every contract year.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta

from evaluatie.contract.lezen import Register, Verlenging
from evaluatie.fouten import Fout
from evaluatie.gemeentenamen import opsomming


def _d(d: dt.date) -> str:
    return d.strftime("%d-%m-%Y")


def _zo_ver(namen: list[str]) -> str:
    """'Z-route en Onderwijsroute zo ver zijn verlengd'."""
    return f"{opsomming(namen, 'en')} zo ver {'is' if len(namen) == 1 else 'zijn'} verlengd"


def einde_van(reg: Register, perceel: str) -> dt.date:
    """The last day a lot's own agreement reaches: the tender's term with every option year, or its furthest
    verlenging."""
    eigen = [v.tot_en_met for v in reg.verlengingen if v.perceel == perceel]
    return max([reg.laatste_dag(reg.alle_jaren), *eigen])


def fouten_verlenging(
    reg: Register, perceel: str, soort: str, tot: dt.date | None, datum: dt.date, perceel_fout: bool
) -> list[Fout]:
    """What is wrong with `--tot` and a verlenging; `perceel_fout`: --route is already an error (no lot to test)."""
    if soort != "verlenging":
        if tot is None:
            return []
        return [Fout("--tot", "hoort alleen bij --soort verlenging (de nieuwe laatste dag van de looptijd)")]
    fouten = []
    if reg.jaren < reg.alle_jaren:  # an option year of the tender is no change: exercised by its own decision
        fouten.append(
            Fout(
                "--soort",
                "een verlenging voorbij de optiejaren kan pas als alle optiejaren zijn uitgeoefend; een optiejaar uit "
                f"de aanbestedingsstukken is geen contractwijziging{reg.open_opties(iso=True)}",
            )
        )
    if tot is None:
        fouten.append(
            Fout(
                "--tot",
                "verplicht bij --soort verlenging: de nieuwe laatste dag van de looptijd (JJJJ-MM-DD of DD-MM-JJJJ); "
                f"de looptijd loopt nu tot en met {reg.laatste_dag().isoformat()}",
            )
        )
    elif not perceel_fout and tot <= (einde := einde_van(reg, perceel)):
        naam = reg.percelen[perceel].naam
        wat = (
            f"de vorige verlenging van {naam}"
            if einde > reg.laatste_dag(reg.alle_jaren)
            else f"het einde van de looptijd van {naam} met alle optiejaren"
            if reg.optiejaren
            else f"het einde van de looptijd van {naam}"
        )
        fouten.append(
            Fout(
                "--tot",
                f"{tot.isoformat()} ligt niet na {wat} (tot en met {einde.isoformat()}): een verlenging schuift de "
                "laatste dag op",
            )
        )
    elif not perceel_fout and tot > (grens := einde + relativedelta(years=reg.alle_jaren)):
        # a plausibility bound, not a legal one: a date decades on (2205 for 2025) is a typing error that would
        # write an allocation for every contract year up to it
        fouten.append(
            Fout(
                "--tot",
                f"{tot.isoformat()} verlengt {reg.percelen[perceel].naam} met meer dan de hele looptijd van de "
                f"aanbesteding ({reg.alle_jaren} jaar, dus uiterlijk tot en met {grens.isoformat()}); evaluatie neemt "
                "dat niet aan, om een tikfout in de datum te vangen: controleer --tot",
            )
        )
    eerder = [(d, f"het besluit over optiejaar {j}") for j, d, _ in reg.opties]
    if not perceel_fout:
        eerder += [
            (v.datum, f"de vorige verlenging van dit perceel (besluit {v.besluit})")
            for v in reg.verlengingen
            if v.perceel == perceel
        ]
    if eerder and datum < (laatst := max(eerder))[0]:
        fouten.append(
            Fout(
                "--datum",
                f"{datum.isoformat()} ligt voor {laatst[1]} ({laatst[0].isoformat()}); een verlenging volgt op de "
                "besluiten over de looptijd die eraan voorafgaan",
            )
        )
    return fouten


@dataclass
class Gevolg:
    """What recording a verlenging does to the register's term and allocation."""

    einde_voor: dt.date
    einde_na: dt.date
    bron_jaar: int  # the contract year whose allocation the new years take
    jaren: list[int]  # the new contract years with an allocation
    rijen: list[tuple[str, str, str, int, int]] = field(default_factory=list)  # perceel, gemeente, aanbieder, jaar, n
    uitleg: list[str] = field(default_factory=list)


def gevolg(reg: Register, perceel: str, tot: dt.date, datum: dt.date, grondslag: str) -> Gevolg:
    """The term and allocation after this verlenging, and its explanation (for the tested and the recorded change)."""
    na = dataclasses.replace(reg, verlengingen=[*reg.verlengingen, Verlenging(perceel, tot, datum, 0, grondslag)])
    voor, einde = reg.laatste_dag(), na.laatste_dag()
    bron = reg.toewijzingsjaren
    jaren = list(range(bron + 1, na.laatste_jaar + 1))
    rijen = [
        (p, g, s, j, n)
        for (p, jaar), verdeling in sorted(reg.toewijzing.items())
        if jaar == bron
        for (g, s), n in sorted(verdeling.items())
        for j in jaren
    ]
    g = Gevolg(voor, einde, bron, jaren, rijen)
    naam = reg.percelen[perceel].naam
    nog = [reg.percelen[c].naam for c in reg.kaderpercelen if c != perceel and einde_van(reg, c) < tot]
    if einde == voor:
        g.uitleg.append(
            f"Let op: het register kent één looptijd voor alle percelen en volgt deze verlenging van {naam} (tot en "
            f"met {_d(tot)}) pas als ook {_zo_ver(nog)}, ieder perceel met een eigen wijziging "
            f"en grondslag; tot dan loopt de looptijd in het register tot en met {_d(voor)} en wordt een gebeurtenis "
            "daarna niet ingelezen."
        )
        return g
    g.uitleg.append(
        f"De looptijd in het contractregister loopt na deze wijziging tot en met {_d(einde)} (was {_d(voor)}): "
        "plaatsingen, de stand, de kwartaalrapportages en het dossier lopen door in de verlenging."
    )
    if einde < tot:
        g.uitleg.append(
            f"{naam} is verlengd tot en met {_d(tot)}; het register kent één looptijd voor alle percelen en volgt tot "
            f"en met {_d(einde)}, de vroegste verlenging, tot ook {_zo_ver(nog)}."
        )
    if jaren:
        welke = f"contractjaar {jaren[0]}" if len(jaren) == 1 else f"de contractjaren {jaren[0]} tot en met {jaren[-1]}"
        zin = (
            f"De toewijzing per gemeente en aanbieder in {welke} is die van contractjaar {bron} zoals die nu in het "
            "register staat, per jaar"
        )
        begin, volgend = na.jaargrenzen(jaren[-1])
        if einde < volgend - dt.timedelta(days=1):
            zin += (
                f"; contractjaar {jaren[-1]} loopt van {_d(begin)} tot en met {_d(einde)}, een deel van een jaar: de "
                "stand rekent de toewijzing naar rato van het verstreken deel van het jaar"
            )
        g.uitleg.append(zin + ". Een andere verdeling vraagt een herverdeling of een eigen keuze per inburgeraar.")
        g.uitleg += _uitgevallen(reg, bron, jaren, welke)
    for p in reg.percelen.values():
        if p.toelating:
            g.uitleg.append(
                f"Het open-houseperceel {p.naam} loopt mee met de looptijd van het register: een toelating is geen "
                "overheidsopdracht en wordt niet gewijzigd onder art. 2.163a-g Aw 2012; het toelatingsbesluit geldt "
                "gedurende de looptijd."
            )
    return g


def einde_in_jaar(reg: Register, peildatum: dt.date, jaar_eind: dt.date) -> dt.date | None:
    """The term's last day (as on peildatum) when it falls inside the contract year that ends the day before
    `jaar_eind`: a verlenging ending there makes that year a part of a year, which the stand and the quarterly report
    say (their allocation is per year, counted pro rata of the year). None for a whole year."""
    einde = reg.einde_op(peildatum)
    return einde if einde < jaar_eind - dt.timedelta(days=1) else None


def _uitgevallen(reg: Register, bron: int, jaren: list[int], welke: str) -> list[str]:
    """A supplier that dropped out and still has an allocation in the year the verlenging copies: a drop-out in that
    year keeps its placements before the drop-out there, and no later year existed to allocate anew; one before that
    year keeps the award's allocation there (its proposal could not allocate that year). Said as when an option year
    is exercised (contract.optie.uitgevallen_in): the advies skips the supplier, its share has no place."""
    van = reg.jaargrenzen(jaren[0])[0]
    bron_van = reg.jaargrenzen(bron)[0]
    uit = []
    for (perceel, naam), per in sorted((k, reg.uitval_op(*k, van)) for k in reg.uitvallen):
        if per is None:
            continue
        aantal = sum(n for (_, s), n in reg.toewijzing.get((perceel, bron), {}).items() if s == naam)
        if per <= van and aantal:
            # a drop-out inside the copied year keeps its placements before it there; one before that year left it
            # the award's allocation (its proposal could not allocate that year anew): two reasons, each said as it is
            waarom = (
                f"de toewijzing van contractjaar {bron} houdt haar plaatsingen van voor de uitval"
                if per > bron_van
                else f"voordat contractjaar {bron} begon: een verdeling van dat jaar zonder die aanbieder is niet "
                "vastgelegd"
            )
            uit.append(
                f"Let op: de toewijzing van {welke} in {reg.percelen[perceel].naam} geeft zo {aantal} inburgeraar(s) "
                f"per jaar aan {naam}, die per {_d(per)} is uitgevallen ({waarom}); een verdeling van de verlenging "
                "zonder die aanbieder is niet vastgelegd. Het advies slaat die aanbieder over: plaats die "
                "inburgeraars met een eigen keuze ('evaluatie contract keuze') of regel een contractwijziging."
            )
    return uit


def verlenging_deel(reg: Register, d: dt.date | None) -> str:
    """The looptijd sentence's part about verlengingen decided up to `d` (default: all): the term's new end with
    every lot's change (number, date, ground), or a verlenging of some lots the register does not follow yet."""
    geldend = [v for v in reg.verlengingen if d is None or v.datum <= d]
    if not geldend:
        return ""
    per: dict[str, Verlenging] = {}
    for v in geldend:
        if v.perceel not in per or v.tot_en_met > per[v.perceel].tot_en_met:
            per[v.perceel] = v
    delen = ", ".join(
        f"{reg.percelen[c].naam} tot en met {_d(per[c].tot_en_met)} (besluit {per[c].besluit} van "
        f"{_d(per[c].datum)}, grondslag art. {per[c].grondslag} Aw 2012)"
        for c in reg.kaderpercelen
        if c in per
    )
    in_kracht = reg.verlenging_op(d)
    if in_kracht is not None:
        return f"; verlengd tot en met {_d(in_kracht[0])} bij contractwijziging: {delen}"
    nog = opsomming([reg.percelen[c].naam for c in reg.kaderpercelen if c not in per], "en")
    return (
        f"; verlenging vastgelegd voor {delen}, nog niet voor {nog}: het register kent één looptijd voor alle "
        "percelen en volgt een verlenging pas als ieder perceel met een raamovereenkomst is verlengd"
    )
