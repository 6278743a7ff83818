"""Later entry (toetreding) to an open-house lot during the contract phase.

Why: an open house (procedure: toelating) admits every provider that meets its requirements, and the
toelatingsbesluit promises that one can join later on the same terms. A late bid is therefore judged exactly
as the award judged the bids of that lot: read with the same reader and bounded checks, checked with the lot's
published knock-out rules (evaluatie.toets), answered with the award's own toelatingsbesluit writer
(evaluatie.rapport.brieven.brief), dated the day of the decision. Two differences, both from the date: the
keurmerk (only where the lot requires it) must be valid on the day the application was received, and the
letter's own period before the agreement is concluded runs from the decision's date. The supplier enters the
register the day after that period ends (`vanaf`); from then on advice, intake, stand and reports see it.

The late bid stays out of inschrijvingen/ (the award's input, whose SHA-256 the contract pins): it is kept
under contract/toetreding/ with its letter. Nothing is written when an input is wrong; an admission is one
transaction (supplier, entry, expectation by capacity); a refusal writes the letter and registers nothing.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from evaluatie.contract.besluit import fouten_wie_waarom, leg_vast, niet_in_de_toekomst
from evaluatie.contract.lezen import Register
from evaluatie.contract.register import schrijf_toewijzing
from evaluatie.contract.registerwacht import terugdraaien
from evaluatie.contract.toetredingskwaliteit import FORMULIER, Panelscore, lees_formulier, schrijf_formulier
from evaluatie.fouten import EvaluatieFout, Fout, InvoerFout, Verzamelaar
from evaluatie.werkmap import Werkmap

if TYPE_CHECKING:
    from evaluatie.contract.basis import Contractleverancier
    from evaluatie.definitie.model import Aanbesteding, Perceel
    from evaluatie.inschrijving.model import Inschrijving

MAP = "toetreding"
_NIET_GEGUND = "niet gegund (geen geldige inschrijving): er is geen overeenkomst"


@dataclass(frozen=True)
class Toetreding:
    """The outcome of one late application: admitted from `vanaf`, or not admitted for `redenen`."""

    perceel: str
    perceelnaam: str
    aanbieder: str
    toegelaten: bool
    redenen: tuple[str, ...]
    vanaf: dt.date | None
    besluit: int | None
    bestanden: tuple[Path, ...]  # the bid as received, the letter (docx and html), the panel's form if any
    opmerkingen: tuple[str, ...] = ()  # the other lots the form bids on, not judged by this decision
    # a lot with a minimum quality: the panel's quality score (toetredingskwaliteit) and the minimum it is held to
    kwaliteit: float | None = None
    minimum: float | None = None


def _controleer_opties(
    reg: Register,
    pad: Path,
    ontvangen: dt.date | None,
    datum: dt.date,
    door: str,
    reden: str,
    vandaag: dt.date | None,
    datum_opgegeven: bool = True,
) -> list[Fout]:
    fouten = [*niet_in_de_toekomst(datum, vandaag), *fouten_wie_waarom(door, reden)]
    if ontvangen is None:  # said with the other errors of the call, not alone
        fouten.append(Fout("--ontvangen", "verplicht: de datum waarop de aanmelding binnenkwam"))
    elif ontvangen > datum:
        fouten.append(
            Fout("--ontvangen", f"{ontvangen.isoformat()} ligt na de datum van het besluit ({datum.isoformat()})")
        )
    try:
        reg.binnen_looptijd(datum, "--datum", opgegeven=datum_opgegeven)
    except InvoerFout as e:
        fouten += e.fouten
    if not pad.is_file():
        fouten.append(Fout("--bestand", f"{pad}: bestand niet gevonden"))
    return fouten


def _controleer_perceel(reg: Register, perceel: str) -> list[Fout]:
    if perceel in reg.niet_gegund:  # a lot of the tender, not awarded: 'bestaat niet' was untrue
        open_house = [c for c, p in reg.percelen.items() if p.toelating]
        waar = f" ({', '.join(open_house)})" if open_house else ", en dit contract heeft er geen"
        return [
            Fout(
                "--route",
                f"perceel {reg.niet_gegund[perceel]} is {_NIET_GEGUND}, en een gunningsperceel neemt geen nieuwe "
                f"partijen op; later toetreden kan alleen bij een perceel met toelating{waar}",
            )
        ]
    if perceel not in reg.percelen:
        return [Fout("--route", f"perceel {perceel!r} bestaat niet; kies uit {', '.join(reg.percelen)}")]
    p = reg.percelen[perceel]
    if p.toelating:
        return []
    return [
        Fout(
            "--route",
            f"perceel {p.naam} is gegund (gunning), geen open house: de raamovereenkomst is gesloten met de gegunde "
            "inschrijvers en kan geen nieuwe partijen opnemen; later toetreden kan alleen bij een perceel met "
            "toelating",
        )
    ]


def _ongewogen_grond(ins: Inschrijving) -> str:
    """A declared exclusion ground is weighed by a person before anything is decided, as at the award (an open point
    there, whether or not the lot tests the ground: a mandatory one excludes regardless). This command does not weigh;
    before, it admitted such an applicant where the lot does not test the ground and refused it at once where it does,
    in both cases on terms other than the award's."""
    from evaluatie.inschrijving import velden as v

    cel = ins.cellen.get(v.UITSLUITING, ins.bestand)
    return (
        f"{ins.naam} verklaart dat een uitsluitingsgrond van toepassing is ({cel}: 'ja'); bij de gunning wordt zo'n "
        "inschrijving pas beslist als een persoon de grond heeft gewogen (welke grond, de feiten, de zelfreiniging "
        "(art. 2.87a Aanbestedingswet 2012) en bij een facultatieve grond de evenredigheid), en die weging doet deze "
        "opdracht niet; er is niets vastgelegd"
    )


def _eerder_uitgesloten(werkmap: Werkmap, inschrijvingen: Iterable[Inschrijving], ins: Inschrijving) -> str | None:
    """An applicant the award excluded for an exclusion ground (a recorded decision `uitgesloten`, by name or KvK
    number): a new form that declares no ground does not settle whether the ground still holds (art. 2.87: up to three
    years) or what self-cleaning there has been since; a person weighs that. Before, it was admitted without a word."""
    from evaluatie.besluiten.register import BESTAND, lees_besluiten
    from evaluatie.naamvorm import sleutel
    from evaluatie.tekst import datum

    kvk = {i.naam: i.kvk for i in inschrijvingen}
    for u in lees_besluiten(werkmap.root / BESTAND).toegepast("uitsluiting"):
        if u.uitkomst != "uitgesloten" or (
            sleutel(u.inschrijver) != sleutel(ins.naam) and kvk.get(u.inschrijver) != ins.kvk
        ):
            continue
        return (
            f"{ins.naam} is bij de gunning uitgesloten op grond van een uitsluitingsgrond (besluit {u.id} van "
            f"{datum(u.datum)}: {u.grond}, art. {u.artikel} Aanbestedingswet 2012); of die grond nog geldt en wat de "
            "zelfreiniging (art. 2.87a) sindsdien is, weegt een persoon, en die weging doet deze opdracht niet; er is "
            "niets vastgelegd"
        )
    return None


def andere_prijs(p: Perceel, ins: Inschrijving, perceel: str, toegelaten: bool) -> tuple[str, ...]:
    """A bid price other than the lot's tariff (vaste_prijs): admitted at the tariff, as the award admits such a bid,
    and named for a person to check, as the award names it (rapport.verzendcontrole): whether the applicant accepts
    the tariff or made a reservation only a person can judge. Before, the late entry said nothing."""
    from evaluatie.prijs.basis import methode
    from evaluatie.tekst import euro

    geboden = ins.aanbod[perceel].prijs
    gerekend = methode(p.prijsmethode).prijs_per_traject(p, geboden)
    if not toegelaten or p.prijsmethode != "vaste_prijs" or round(gerekend * 100) == round(geboden * 100):
        return ()
    return (
        f"{ins.naam} bood {euro(geboden)} per traject; in dit perceel geldt het tarief (de vaste prijs) van "
        f"{euro(gerekend)}, en alleen die prijs is gerekend (register en toelatingsbesluit). Ga na dat {ins.naam} die "
        "prijs aanvaardt en geen voorbehoud maakt",
    )


def andere_percelen(reg: Register, aanbod: Iterable[str], perceel: str) -> tuple[str, ...]:
    """What to tell about the other lots a late form bids on: one decision judges one lot (--route), and a lot
    passed over in silence would leave the applicant without an answer on it."""
    uit = []
    for code in aanbod:
        if code != perceel and code in reg.niet_gegund:  # said, not passed over: the applicant asked for it
            uit.append(
                f"de inschrijving biedt ook in op perceel {reg.niet_gegund[code]} ({code}); dat is hier niet "
                f"getoetst: perceel {reg.niet_gegund[code]} is niet gegund (geen geldige inschrijving), er is geen "
                "overeenkomst en het neemt geen nieuwe partijen op"
            )
        if code == perceel or code not in reg.percelen:
            continue
        p = reg.percelen[code]
        waarom = (
            f"geef daarvoor een eigen opdracht met --route {code}"
            if p.toelating
            else f"perceel {p.naam} is gegund, geen open house, en neemt geen nieuwe partijen op"
        )
        uit.append(f"de inschrijving biedt ook in op perceel {p.naam} ({code}); dat is hier niet getoetst: {waarom}")
    return tuple(uit)


def beoordeel_toetreding(
    werkmap: Werkmap,
    db: sqlite3.Connection,
    reg: Register,
    pad: Path,
    perceel: str,
    ontvangen: dt.date | None,
    datum: dt.date,
    door: str,
    reden: str,
    vandaag: dt.date | None = None,
    datum_opgegeven: bool = True,
    kwaliteit_pad: Path | None = None,
) -> Toetreding:
    """Judge one late bid for `perceel` and record the outcome (see the module docstring). `ontvangen` None (not
    given) is an error at --ontvangen, said together with the other errors in the options. `kwaliteit_pad`: the
    panel's filled-in consensus form, where the lot demands a minimum quality (contract.toetredingskwaliteit)."""
    from evaluatie.bestandsnamen import slug, veilige_naam
    from evaluatie.inschrijving.lezen import lees_inschrijving
    from evaluatie.naamvorm import sleutel
    from evaluatie.pipeline import gun
    from evaluatie.rapport.brieven import brief
    from evaluatie.rapport.gegevens import Rapportgegevens
    from evaluatie.rapport.standstill import standstill
    from evaluatie.toets.register import maak_regel
    from evaluatie.toets.uitvoeren import toets

    fouten = _controleer_opties(reg, pad, ontvangen, datum, door, reden, vandaag, datum_opgegeven)
    route = []
    if pad.resolve().is_relative_to(werkmap.inschrijvingen.resolve()):  # the award would read it as its own bid
        route.append(
            Fout(
                "--bestand",
                f"{werkmap.relatief(pad)} staat in {werkmap.relatief(werkmap.inschrijvingen)}/, de invoer van de "
                "gunning (het contract legt die met SHA-256 vast): bewaar een late aanmelding daarbuiten; deze "
                "opdracht bewaart een kopie in contract/toetreding/",
            )
        )
    route += _controleer_perceel(reg, perceel)
    if route or ontvangen is None:  # without the lot, the bid among the award's or the date, nothing to judge it by
        raise InvoerFout([*route, *fouten])
    award = gun(werkmap, perceel)
    gepubliceerd = award.invoer.aanbesteding
    p = gepubliceerd.percelen[perceel]
    na = [naam for naam, params in p.knockout.items() if maak_regel(naam, params).fase == "na"]
    if set(na) - {"minimum_kwaliteit"}:  # no route for another after-scoring rule: said, never skipped
        raise EvaluatieFout(
            [
                f"perceel {p.naam} stelt een eis die pas na beoordeling door het panel te toetsen is "
                f"({', '.join(na)}); later toetreden vraagt dan eerst een beoordeling van de inschrijving, die deze "
                "opdracht niet doet"
            ]
        )
    if kwaliteit_pad is not None and not na:
        fouten.append(
            Fout("--kwaliteit", f"perceel {p.naam} eist geen minimale kwaliteit: er is geen kwaliteit te beoordelen")
        )
    data = gepubliceerd.data.model_copy(update={"verzending": datum, "keurmerk_peildatum": ontvangen})
    a = gepubliceerd.model_copy(update={"data": data})
    if ontvangen <= gepubliceerd.data.sluiting:
        fouten.append(
            Fout(
                "--ontvangen",
                f"{ontvangen.isoformat()} ligt niet na de sluiting van de inschrijving "
                f"({gepubliceerd.data.sluiting.isoformat()}): zo'n inschrijving hoort bij de gunning, niet bij later "
                "toetreden",
            )
        )
    gelezen = Verzamelaar()
    ins = lees_inschrijving(a, pad, gelezen) if pad.is_file() else None
    gelezen.verklaar_formules()
    if fouten or gelezen:  # all at once: the options and the cells of the bid
        raise InvoerFout([*fouten, *gelezen.fouten])
    assert ins is not None  # the reader returns None only with an error collected
    if (zonder := ins.ongeldige_prijs.get(perceel)) is not None:  # at the award a knock-out; here the cell to mend
        raise InvoerFout(
            [Fout(zonder.cel, f"de prijs per traject {zonder.reden}: vereist is een prijs groter dan EUR 0")]
        )
    if perceel not in ins.aanbod:
        raise InvoerFout([Fout(pad.name, f"de inschrijving biedt niet in op perceel {p.naam} ({perceel})")])
    if (uit := _uitgevallen_op(reg, perceel, ins.naam, datum)) is not None:
        raise InvoerFout([Fout(ins.cel_naam, _opnieuw_melding(uit[0], p.naam, uit[1]))])
    if ins.uitsluitingsgronden:  # the award holds such a bid as an open point (besluiten.openpunten)
        raise EvaluatieFout([_ongewogen_grond(ins)])
    if any(sleutel(s.naam) == sleutel(ins.naam) for s in reg.leveranciers_van(perceel)):
        raise InvoerFout(
            [Fout(ins.cel_naam, f"{ins.naam} staat al in het contractregister als aanbieder van perceel {p.naam}")]
        )
    if any(sleutel(i.naam) == sleutel(ins.naam) and i.kvk != ins.kvk for i in award.invoer.inschrijvingen):
        raise InvoerFout(
            [Fout(ins.cel_naam, f"naam '{ins.naam}' is die van een andere inschrijver (ander KvK-nummer)")]
        )
    if (uitgesloten := _eerder_uitgesloten(werkmap, award.invoer.inschrijvingen, ins)) is not None:
        raise EvaluatieFout([uitgesloten])
    doel = werkmap.root / "contract" / MAP
    stam = f"{datum.isoformat()}-{veilige_naam(ins.naam)}-{slug(perceel)}"
    if _van_een_ander(doel, stam, ins, a):
        # that day's decision on another bidder of this lot has these file names ('Delta Taal' and 'Delta-Taal' are
        # both 'delta-taal'): this bidder's carry its KvK number
        stam = f"{datum.isoformat()}-{veilige_naam(ins.naam)}-{slug(ins.kvk)}-{slug(perceel)}"
    panel = _panelscore(werkmap, doel / f"{stam}{FORMULIER}", p, perceel, ins, ontvangen, datum,
                        kwaliteit_pad) if na else None  # fmt: skip
    kwaliteit = {(ins.naam, perceel): panel.kwaliteit} if panel is not None else None
    uitslag = toets(a, [ins], kwaliteit).voor_perceel(perceel)[0]
    toegelaten = uitslag.voldoet
    redenen = tuple(r for b in uitslag.bevindingen if b.voldoet is False for r in (b.redenen or (b.eis,)))
    # the award's own writer, with this bid among the bids and its check among the checks
    g = Rapportgegevens.uit_award(award)
    g.aanbesteding = g.aanbesteding.model_copy(update={"data": data})
    g.inschrijvingen = [*award.invoer.inschrijvingen, ins]
    g.toets = g.toets.model_copy(update={"resultaten": (*g.toets.resultaten, uitslag)})
    if panel is not None:  # the panel's consensus as the award's panel rows: the letter cites them as it does there
        per_perceel = {**g.panel.kwaliteit, perceel: {**g.panel.kwaliteit.get(perceel, {}), ins.naam: panel.kwaliteit}}
        rijen = (*g.panel.rijen, *panel.rijen(ins.naam, perceel))
        g.panel = g.panel.model_copy(update={"rijen": rijen, "kwaliteit": per_perceel})
        g.toetreding_panel = (len(panel.beoordelaars), panel.datum, panel.kwaliteit, minimum(gepubliceerd, perceel))
    termijn = standstill(datum, a.standstill_dagen, a.gelijkgestelde_dagen)
    vanaf = termijn.einde + dt.timedelta(days=1)
    g.toetreding = (ontvangen, vanaf)
    d = brief(g, ins.naam, perceel)
    if toegelaten:
        try:
            reg.binnen_looptijd(vanaf, "--datum")
        except InvoerFout:
            raise InvoerFout(
                [
                    Fout(
                        "--datum",
                        f"de termijn van het toelatingsbesluit eindigt op {termijn.einde.isoformat()}; toetreden na "
                        f"het einde van de looptijd ({reg.laatste_dag().isoformat()}) kan niet"
                        f"{reg.open_opties(iso=True)}",
                    )
                ]
            ) from None
    paden: tuple[Path, ...] = (doel / f"{stam}{pad.suffix.lower()}", doel / f"{stam}.docx", doel / f"{stam}.html")
    if panel is not None and kwaliteit_pad is not None:  # the panel's form as it was read, beside the letter
        paden += (doel / f"{stam}-kwaliteit.xlsx",)
    bestaand = [werkmap.relatief(x) for x in paden if x.exists()]
    if bestaand:
        raise InvoerFout([Fout("--bestand", f"{', '.join(bestaand)} bestaat al: dit besluit is al genomen")])
    tijd = dt.datetime.combine(datum, dt.time(9))
    inhoud: tuple[bytes, ...] = (pad.read_bytes(), d.docx(a.penvoerder, tijd), d.html().encode("utf-8"))
    extra: dict[str, object] = {}
    if panel is not None and kwaliteit_pad is not None:
        from evaluatie.hashing import sha256_bytes

        inhoud += (kwaliteit_pad.read_bytes(),)
        extra = {
            "kwaliteit": round(panel.kwaliteit, 4),
            "minimum": minimum(gepubliceerd, perceel),
            "beoordelaars": list(panel.beoordelaars),
            "beoordeeld": panel.datum.isoformat(),
            "kwaliteitsformulier": werkmap.relatief(paden[3]),
            "kwaliteitsformulier_sha256": sha256_bytes(inhoud[3]),
        }
    besluit = _schrijf(
        db, reg, a, werkmap, ins, perceel, vanaf, datum, ontvangen, door, reden, toegelaten, paden, inhoud, extra
    )
    overig = (*andere_prijs(p, ins, perceel, toegelaten), *andere_percelen(reg, ins.aanbod, perceel))
    return Toetreding(
        perceel,
        p.naam,
        ins.naam,
        toegelaten,
        redenen,
        vanaf if toegelaten else None,
        besluit,
        paden,
        overig,
        panel.kwaliteit if panel is not None else None,
        minimum(gepubliceerd, perceel) if panel is not None else None,
    )


def _panelscore(
    werkmap: Werkmap,
    formulier: Path,
    p: Perceel,
    perceel: str,
    ins: Inschrijving,
    ontvangen: dt.date,
    datum: dt.date,
    kwaliteit_pad: Path | None,
) -> Panelscore:
    """The panel's score of the applicant's quality plan (contract.toetredingskwaliteit): read from the filled-in
    form, or, without one, the form written (once: a form being filled in is never overwritten) and a stop that says
    where it is and what to do (exit 1: the decision waits for the panel)."""
    if kwaliteit_pad is not None:
        return lees_formulier(kwaliteit_pad, p, perceel, ins, ontvangen, datum)
    bestond = formulier.exists()
    if not bestond:
        schrijf_formulier(formulier, p, perceel, ins)
    grens = minimum_tekst(p)
    raise EvaluatieFout(
        [
            f"perceel {p.naam} eist een kwaliteitsscore van minstens {grens} (knock-outeis minimum_kwaliteit): het "
            f"panel beoordeelt het kwaliteitsplan van {ins.naam} eerst op dezelfde wijze als bij de aanbesteding. "
            f"Het formulier daarvoor {'staat al' if bestond else 'is geschreven'} in {werkmap.relatief(formulier)}: "
            "vul per criterium de consensusscore van het panel en de motivering in, met de namen van de beoordelaars "
            "en de datum van de consensus, en geef het op met --kwaliteit (met dezelfde andere opties). Er is nog "
            "geen besluit genomen en niets vastgelegd in het register"
        ]
    )


def minimum(a: Aanbesteding, code: str) -> float | None:
    """The lot's minimum quality score as published, None without that rule."""
    from evaluatie.toets.regels.minimum_kwaliteit import drempel

    return drempel(a.percelen[code])


def minimum_tekst(p: Perceel) -> str:
    from evaluatie.tekst import getal
    from evaluatie.toets.regels.minimum_kwaliteit import drempel

    return getal(drempel(p) or 0)


def _uitgevallen_op(reg: Register, perceel: str, naam: str, datum: dt.date) -> tuple[str, dt.date] | None:
    """(the name in the register, the day) when `naam` dropped out of `perceel` on or before `datum`."""
    from evaluatie.naamvorm import sleutel

    for (c, s), per in sorted(reg.uitgevallen.items()):
        if c == perceel and sleutel(s) == sleutel(naam) and per <= datum:
            return s, per
    return None


def _opnieuw_melding(naam: str, perceelnaam: str, per: dt.date) -> str:
    """Why a supplier that dropped out of an open house is not admitted again by this command, and what to do.

    The open house stays open to every provider that meets its conditions, so to her too, by a new toelatingsbesluit.
    She is a supplier of the register already (her tariff, capacity and gemeenten), so her new period is a re-entry:
    `contract hervatting` records it with its decision (evaluatie.contract.hervatting). This command would add a second
    supplier of the same name. It used to say the register could not take her back at all (one period per supplier
    and lot), and before that that she 'staat al in het contractregister', as if she were still contracted."""
    return (
        f"{naam} is per {per.strftime('%d-%m-%Y')} uitgevallen in {perceelnaam} (contract uitval). Het open house "
        "staat ook voor haar weer open: wie aan de voorwaarden voldoet, wordt toegelaten, met een nieuw "
        "toelatingsbesluit. Het contractregister kent haar als aanbieder van dit perceel (tarief, capaciteit en "
        "gemeenten), dus is "
        "haar toelating een nieuwe periode na de uitval: 'evaluatie contract hervatting --route ... --aanbieder ... "
        "--per DATUM --door ... --reden ...' legt die vast, met het besluit. De toets van deze aanmelding aan de "
        "voorwaarden doet die opdracht niet; er is niets vastgelegd en geen brief geschreven"
    )


def _van_een_ander(doel: Path, stam: str, ins: Inschrijving, a: Aanbesteding) -> bool:
    """Whether the copy of a bid kept under `stam` (a decision taken before) is another bidder's: another KvK number.
    A copy that cannot be read is taken for this bidder's, so the decision is not taken twice."""
    from evaluatie.inschrijving.lezen import lees_inschrijving

    for kopie in sorted(doel.glob(f"{stam}.xls[xm]")):
        eerder = lees_inschrijving(a, kopie, Verzamelaar())
        return eerder is not None and eerder.kvk != ins.kvk
    return False


def _schrijf(
    db: sqlite3.Connection,
    reg: Register,
    a: Aanbesteding,
    werkmap: Werkmap,
    ins: Inschrijving,
    perceel: str,
    vanaf: dt.date,
    datum: dt.date,
    ontvangen: dt.date,
    door: str,
    reden: str,
    toegelaten: bool,
    paden: tuple[Path, ...],
    inhoud: tuple[bytes, ...],
    extra: dict[str, object] | None = None,
) -> int | None:
    """The files first, then (admitted) the register in one transaction; a failed transaction takes the files
    back, so the werkmap never holds a letter of an admission the register does not know."""
    from evaluatie.hashing import sha256_bytes
    from evaluatie.schrijfwacht import maak_map, schrijf_bytes

    maak_map(paden[0].parent)
    geschreven = []
    try:
        for p, data in zip(paden, inhoud, strict=True):
            geschreven.append(schrijf_bytes(p, data))
        if not toegelaten:
            return None
        return _registreer(
            db,
            reg,
            a,
            ins,
            perceel,
            vanaf,
            datum,
            ontvangen,
            door,
            reden,
            werkmap.relatief(paden[0]),
            sha256_bytes(inhoud[0]),
            extra or {},
        )
    except BaseException:
        for p in geschreven:
            p.unlink(missing_ok=True)
        raise


def verwachting(
    reg: Register, perceel: str, vraag: dict[str, int], nieuw: Contractleverancier
) -> dict[tuple[str, str], int]:
    """The expectation by capacity with the new supplier among the admitted ones: the award's own rule
    (evaluatie.verdeling.toelating), over the suppliers of the lot that have not dropped out."""
    from evaluatie.definitie.model import Verdeelregels
    from evaluatie.verdeling.model import Leverancier, Verdeelprobleem
    from evaluatie.verdeling.toelating import verwachte_verdeling

    actief = [s for s in reg.leveranciers_van(perceel) if (perceel, s.naam) not in reg.uitgevallen] + [nieuw]
    p = reg.percelen[perceel]
    probleem = Verdeelprobleem(
        perceel=perceel,
        perceelnaam=p.naam,
        vraag=vraag,
        subregio=dict(reg.subregio),
        leveranciers=tuple(
            Leverancier(naam=s.naam, waarde=0.0, prijs=s.prijs, capaciteit=s.capaciteit, gemeenten=s.gemeenten, rang=i)
            for i, s in enumerate(actief)
        ),
        regels=Verdeelregels(),
    )
    return {(t.gemeente, t.inschrijver): t.aantal for t in verwachte_verdeling(probleem).toewijzing}


def _registreer(
    db: sqlite3.Connection,
    reg: Register,
    a: Aanbesteding,
    ins: Inschrijving,
    perceel: str,
    vanaf: dt.date,
    datum: dt.date,
    ontvangen: dt.date,
    door: str,
    reden: str,
    bestand: str,
    sha: str,
    extra: dict[str, object],
) -> int:
    from evaluatie.contract.basis import Contractleverancier
    from evaluatie.prijs.vaste_prijs import vaste_prijs

    aanbod = ins.aanbod[perceel]
    p = a.percelen[perceel]
    prijs = vaste_prijs(p) if p.prijsmethode == "vaste_prijs" else aanbod.prijs
    rang = max((s.rang for s in reg.leveranciers_van(perceel)), default=0) + 1
    nieuw = Contractleverancier(
        perceel, ins.naam, float(prijs), aanbod.capaciteit, aanbod.wachttijd_weken, rang, tuple(aanbod.gemeenten)
    )
    jaar = reg.contractjaar(vanaf)
    rijen = verwachting(reg, perceel, a.vraag(perceel), nieuw)
    db.execute("BEGIN")
    try:
        inhoud = {
            "perceel": perceel,
            "aanbieder": ins.naam,
            "kvk": ins.kvk,
            "ontvangen": ontvangen.isoformat(),
            "vanaf": vanaf.isoformat(),
            "bestand": bestand,
            "sha256": sha,
            **extra,  # the panel's quality score, who scored and when, and its form (toetredingskwaliteit)
        }
        besluit = leg_vast(db, "toetreding", datum, door, reden, inhoud)
        db.execute(
            "INSERT INTO leverancier (perceel, naam, prijs, capaciteit, wachttijd_weken, rang, gemeenten) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                perceel,
                nieuw.naam,
                nieuw.prijs,
                nieuw.capaciteit,
                nieuw.wachttijd_weken,
                rang,
                "\n".join(nieuw.gemeenten),
            ),
        )
        db.execute(
            "INSERT INTO toetreding (besluit_id, perceel, leverancier, ontvangen, vanaf, bestand, sha256) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (besluit, perceel, nieuw.naam, ontvangen.isoformat(), vanaf.isoformat(), bestand, sha),
        )
        schrijf_toewijzing(
            db,
            [
                (besluit, perceel, g, s, j, n)
                for (g, s), n in sorted(rijen.items())
                for j in range(jaar, reg.toewijzingsjaren + 1)
            ],
        )
        db.execute("COMMIT")
    except BaseException:
        terugdraaien(db)
        raise
    return besluit
