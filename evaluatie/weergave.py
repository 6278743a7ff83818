"""Plain-text tables for the terminal. Only formatting: every number comes from the stages.

Readable at any size: no line is wider than BREEDTE characters and no list longer than
MAX_RIJEN entries, unless the user asks for everything (`volledig`, the CLI's --volledig).
What is left out is always counted and named as left out, never silently dropped.
"""

from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from evaluatie.beoordeling.afwijkend import afwijkend
from evaluatie.beoordeling.alfatekst import alfa_tekst, zonder_wie
from evaluatie.definitie.model import Aanbesteding
from evaluatie.definitie.wegingtekst import weging_tekst
from evaluatie.gunning import niet_gegund
from evaluatie.inschrijving.model import Inschrijving
from evaluatie.prijs.basis import methode
from evaluatie.rapport import kleine_aantallen
from evaluatie.rapport.budgetwoorden import budget_kop
from evaluatie.tekst import euro, kort, schaalstappen
from evaluatie.toets.uitslag import Toetsuitslag

BREEDTE = 200  # characters per terminal line
MAX_RIJEN = 25  # entries of a list before it is summarised
HINT = "--volledig toont alles"


def tabel(
    kop: Sequence[str],
    rijen: Sequence[Sequence[object]],
    rechts: Sequence[int] = (),
    max_breedte: int | None = None,
) -> str:
    """Aligned columns; `rechts` lists column indexes to right-align (numbers).

    With `max_breedte`, the widest text columns are narrowed until a line fits and cells
    that no longer fit end in '…' (numbers, right-aligned, are never cut).
    """
    tekst = [[str(c) for c in kop]] + [[str(c) for c in r] for r in rijen]
    breedte = [max(kolommen(r[j]) for r in tekst) for j in range(len(kop))]
    if max_breedte is not None:
        while sum(breedte) + 2 * (len(breedte) - 1) > max_breedte:
            kandidaten = [j for j in range(len(kop)) if j not in rechts and breedte[j] > 12]
            if not kandidaten:
                break
            j = max(kandidaten, key=lambda j: (breedte[j], -j))
            breedte[j] = max(12, breedte[j] - (sum(breedte) + 2 * (len(breedte) - 1) - max_breedte))
        tekst = [[_knip(c, breedte[j]) for j, c in enumerate(r)] for r in tekst]

    def regel(r: list[str]) -> str:
        opvulling = [" " * (breedte[j] - kolommen(c)) for j, c in enumerate(r)]
        return "  ".join(opvulling[j] + c if j in rechts else c + opvulling[j] for j, c in enumerate(r)).rstrip()

    return "\n".join([regel(tekst[0]), "  ".join("-" * b for b in breedte)] + [regel(r) for r in tekst[1:]])


def _knip(tekst: str, breedte: int) -> str:
    if kolommen(tekst) <= breedte:
        return tekst
    uit, n = [], 0
    for teken in tekst:  # whole characters with their marks, up to one column before the end
        n += _kolommen_van(teken)
        if n > breedte - 1:
            break
        uit.append(teken)
    return "".join(uit).rstrip() + "…"


def kolommen(tekst: str) -> int:
    """The columns a terminal gives `tekst`: none for a combining mark (U+0332 under a letter that has no single
    character with it), two for a wide character (Chinese, Japanese, Korean, most emoji), one for any other. Padding by
    the number of characters put every figure after such a name one column off per mark or wide character."""
    return len(tekst) if tekst.isascii() else sum(_kolommen_van(t) for t in tekst)


def _kolommen_van(teken: str) -> int:
    soort = unicodedata.category(teken)
    if soort in ("Mn", "Me") or (soort == "Cf" and teken != "\u00ad") or "\U0001f3fb" <= teken <= "\U0001f3ff":
        return 0  # a mark, an invisible format character, a skin tone (drawn within the emoji before it)
    return 2 if unicodedata.east_asian_width(teken) in ("W", "F") else 1


def opsomming(namen: Sequence[str], max_tekens: int, scheiding: str = ", ") -> str:
    """'A, B, C' within max_tekens: as many names as fit, then 'en N meer'."""
    volledig = scheiding.join(namen)
    if len(volledig) <= max_tekens:
        return volledig
    lengte, n = 0, 0
    for i, naam in enumerate(namen):
        nieuw = lengte + (len(scheiding) if i else 0) + len(naam)
        if nieuw + len(f" en {len(namen) - i - 1} meer") > max_tekens:
            break
        lengte, n = nieuw, i + 1
    if n == 0:
        return f"{len(namen)} namen"
    return f"{scheiding.join(namen[:n])} en {len(namen) - n} meer"


def begrens(tekst: str, volledig: bool = False) -> str:
    """Every line at most BREEDTE characters, wrapped at spaces with the line's own indent
    (nothing is cut: what a message says is kept whole). `volledig` leaves lines as they are."""
    if volledig:
        return tekst
    uit = []
    for regel in tekst.split("\n"):
        if len(regel) <= BREEDTE:
            uit.append(regel)
            continue
        inspring = " " * (len(regel) - len(regel.lstrip()))
        uit += textwrap.wrap(
            regel,
            BREEDTE,
            subsequent_indent=inspring + "  ",
            break_long_words=True,
            break_on_hyphens=False,
        )
    return "\n".join(uit)


def _lijst_rijen(rijen: list, volledig: bool, wat: str) -> tuple[list, str | None]:
    """The first MAX_RIJEN rows and a line saying how many were left out (None: nothing left out)."""
    if volledig or len(rijen) <= MAX_RIJEN:
        return rijen, None
    return rijen[:MAX_RIJEN], f"... en nog {len(rijen) - MAX_RIJEN} {wat} ({HINT})"


def bestanden_tekst(paden: Sequence[Path], map_: Path, volledig: bool = False) -> str:
    """'Geschreven: <path>' per file; a long list as a count per folder under `map_`."""
    if volledig or len(paden) <= MAX_RIJEN:
        return "\n".join(f"Geschreven: {p}" for p in paden)
    per_map: dict[str, int] = {}
    for p in paden:
        sub = p.parent.relative_to(map_).as_posix() if p.parent.is_relative_to(map_) else str(p.parent)
        per_map[sub] = per_map.get(sub, 0) + 1
    regels = [f"Geschreven: {len(paden)} bestanden in {map_} ({HINT}):"]
    regels += [f"  {'.' if sub == '.' else sub + '/'}: {n}" for sub, n in sorted(per_map.items())]
    return "\n".join(regels)


def gemeenten_tekst(aanbesteding: Aanbesteding, code: str, gemeenten: Sequence[str], max_tekens: int) -> str:
    """A bid's gemeenten in at most max_tekens: 'alle', the names, or whole subregio's plus a count."""
    deelnemers = aanbesteding.vraag(code)
    if set(deelnemers) <= set(gemeenten):
        return "alle"
    tekst = "; ".join(gemeenten)
    if len(tekst) <= max_tekens:
        return tekst
    bediend = set(gemeenten)
    subregios: dict[str, list[str]] = {}
    for g in deelnemers:
        subregios.setdefault(aanbesteding.subregio_van(g), []).append(g)
    heel = [r for r, leden in sorted(subregios.items()) if all(g in bediend for g in leden)]
    los = len(bediend) - sum(len(subregios[r]) for r in heel)
    kop = f"{len(gemeenten)} gemeenten: "
    if heel:
        staart = f" (+{los} losse gemeenten)" if los else ""
        return kop + opsomming(heel, max_tekens - len(kop) - len(staart)) + staart
    return kop + opsomming(list(gemeenten), max_tekens - len(kop), "; ")


def inschrijvingen_tabel(
    aanbesteding: Aanbesteding, inschrijvingen: Sequence[Inschrijving], volledig: bool = False
) -> str:
    rijen = []
    for ins in inschrijvingen:
        for code, a in ins.aanbod.items():
            rijen.append(
                [
                    ins.naam,
                    ins.kvk,
                    aanbesteding.percelen[code].naam,
                    euro(a.prijs),
                    a.capaciteit,
                    a.instroommomenten,
                    kort(a.wachttijd_weken),
                    "; ".join(a.gemeenten)
                    if volledig and len(a.gemeenten) != len(aanbesteding.percelen[code].gemeenten)
                    else gemeenten_tekst(aanbesteding, code, a.gemeenten, 60),
                ]
            )
    kop = ["Inschrijver", "KvK", "Perceel", "Prijs", "Capaciteit", "Instroom", "Wachttijd", "Gemeenten"]
    getoond, rest = _lijst_rijen(rijen, volledig, "regels")
    delen = [
        f"{len(inschrijvingen)} inschrijvingen voor {aanbesteding.naam}",
        "",
        tabel(kop, getoond, rechts=(3, 4, 5, 6), max_breedte=None if volledig else BREEDTE),
    ]
    if rest:
        delen.append(rest)
        for code, perceel in aanbesteding.percelen.items():
            aanbod = [i.aanbod[code] for i in inschrijvingen if code in i.aanbod]
            if aanbod:
                delen.append(
                    f"Perceel {perceel.naam}: {len(aanbod)} inschrijvingen, prijs {euro(min(a.prijs for a in aanbod))}"
                    f" - {euro(max(a.prijs for a in aanbod))}, capaciteit samen {sum(a.capaciteit for a in aanbod)}"
                    f" (vraag {sum(aanbesteding.vraag(code).values())})"
                )
    zonder_prijs = [
        f"  {ins.naam}, {aanbesteding.percelen[code].naam}: de prijs per traject {o.reden} ({o.cel})"
        for ins in inschrijvingen
        for code, o in ins.ongeldige_prijs.items()
    ]
    if zonder_prijs:  # a lot named without a price is no offer to list, but is never left out silently
        delen += ["", "Zonder prijs, dus ongeldig in dat perceel (knock-out, met een brief):", *zonder_prijs]
    return "\n".join(delen)


def toets_tabel(aanbesteding: Aanbesteding, uitslag: Toetsuitslag, volledig: bool = False) -> str:
    """Per lot every bid that fails with its reasons; on a long list the passing bids as one line."""
    delen = []
    for code, perceel in aanbesteding.percelen.items():
        resultaten = uitslag.voor_perceel(code)
        samenvatten = not volledig and len(resultaten) > MAX_RIJEN
        rijen, voldoen, nog_open = [], [], set()
        for r in resultaten:
            open_ = [b.regel for b in r.bevindingen if b.voldoet is None]
            toelichting = "; ".join(r.redenen)
            if open_ and r.voldoet:
                toelichting = "nog te toetsen na beoordeling: " + ", ".join(open_)
            if samenvatten and r.voldoet:
                voldoen.append(r.inschrijver)
                nog_open.update(open_)
                continue
            rijen.append([r.inschrijver, r.status, toelichting])
        if not resultaten:  # an empty table with only its header said nothing
            delen.append(f"Perceel {perceel.naam}\nGeen inschrijvingen op dit perceel.")
            continue
        getoond, rest = _lijst_rijen(rijen, volledig, "inschrijvers die niet voldoen")
        tekst = f"Perceel {perceel.naam}\n" + tabel(
            ["Inschrijver", "Uitslag", "Redenen"], getoond, max_breedte=None if volledig else BREEDTE
        )
        if rest:
            tekst += "\n" + rest
        if voldoen:
            nog = f"; nog te toetsen na beoordeling: {', '.join(sorted(nog_open))}" if nog_open else ""
            kop = f"Voldoen ({len(voldoen)} van {len(resultaten)}{nog}): "
            tekst += "\n" + kop + opsomming(voldoen, BREEDTE - len(kop) - len(HINT) - 3) + f" ({HINT})"
        delen.append(tekst)
    return "\n\n".join(delen)


def panel_tekst(aanbesteding: Aanbesteding, panel, volledig: bool = False) -> str:
    """Quality table per lot, flagged rows with the reviewers who drive them, alpha per criterion."""
    from evaluatie.beoordeling.lezen import GEEN_PANEL_NODIG
    from evaluatie.tekst import getal, kort

    if not aanbesteding.panel_nodig:
        return f"Geen beoordeling: {GEEN_PANEL_NODIG}."
    n = len(panel.beoordelaars)
    delen = [
        f"Beoordeling door {n} {'beoordelaar' if n == 1 else 'beoordelaars'} ({', '.join(panel.beoordelaars)}); "
        f"samenvoegen: {panel.aggregatie}, consensus gaat voor"
    ]
    for code, perceel in aanbesteding.percelen.items():
        if not perceel.gunningscriteria:
            delen.append(f"Perceel {perceel.naam}: niet beoordeeld; open house zonder minimale kwaliteit")
            continue
        if code not in panel.kwaliteit:
            continue
        crits = perceel.gunningscriteria
        kop = ["Inschrijver", *[f"{c.naam} ({weging_tekst(perceel, c)})" for c in crits], "Kwaliteit"]
        rijen = []
        for ins, k in sorted(panel.kwaliteit[code].items(), key=lambda t: (-t[1], t[0])):
            cellen = []
            for c in crits:
                r = panel.rij(ins, code, c.code)
                cellen.append(
                    getal(r.punten) + (" (c)" if r.consensus is not None else "") + (" !" if r.signaal else "")
                )
            rijen.append([ins, *cellen, getal(k)])
        getoond, rest = _lijst_rijen(rijen, volledig, "inschrijvers (gesorteerd op kwaliteit)")
        tekst = tabel(kop, getoond, rechts=tuple(range(1, len(kop))))
        if not volledig and max(map(len, tekst.split("\n"))) > BREEDTE:  # criterion codes, with a legend
            kop = ["Inschrijver", *[f"{c.code} ({weging_tekst(perceel, c)})" for c in crits], "Kwaliteit"]
            tekst = tabel(kop, getoond, rechts=tuple(range(1, len(kop))), max_breedte=BREEDTE)
            tekst += "\n" + "; ".join(f"{c.code} = {c.naam}" for c in crits)
        delen.append(f"Perceel {perceel.naam}\n" + tekst)
        if rest:
            delen.append(rest)
        signalen = [r for r in panel.rijen if r.perceel == code and r.signaal]
        getoond, rest = _lijst_rijen(signalen, volledig, "signalen")
        for r in getoond:
            scores = ", ".join(f"{b} {kort(p)}" for b, p in r.individueel.items())  # a half point as 7,5, not 8
            status = (
                f"consensus {kort(r.consensus)}: {r.consensus_toelichting}"
                if r.consensus is not None
                else "nog geen consensus; bespreken in het consensusoverleg"
            )
            delen.append(
                f"  Signaal: {r.inschrijver}, {perceel.criterium_van(r.criterium).naam}: spreiding "
                f"{schaalstappen(r.spreiding_stappen)} ({scores}); {afwijkend(r.afwijkers)}; {status}"
            )
        if rest:
            delen.append(f"  {rest}")
        for b in panel.betrouwbaarheid:
            if b.perceel != code:
                continue
            alpha = alfa_tekst(panel, b)
            regel = f"  Krippendorffs alfa {perceel.criterium_van(b.criterium).naam}: {alpha}"
            if wie := zonder_wie(b):
                regel += f" ({wie})"
            delen.append(regel)
    delen.append("(c) = consensusscore van het panel; ! = spreiding boven de drempel")
    return "\n".join(("\n" + d) if d.startswith("Perceel") or d.startswith("(c)") else d for d in delen)


def _advies(uitslag) -> str:
    """The advies by name: 'het gunningsadvies', or where only open houses are in it 'het advies over de toelating
    (gunningsadvies.html)' (nothing is awarded; the file keeps its name)."""
    from evaluatie.rapport.documentnaam import alleen_toelating

    if alleen_toelating({p.procedure for p in uitslag.percelen.values()}):
        return "het advies over de toelating (gunningsadvies.html)"
    return "het gunningsadvies"


def gunning_tekst(uitslag, volledig: bool = False) -> str:
    """Ranking, exclusions and allocation per lot. On a large lot the allocation is shown per
    supplier (the per-gemeente table is in the gunningsadvies and gunning.json, or --volledig)."""
    from evaluatie.tekst import getal

    breed = None if volledig else BREEDTE
    delen = []
    for p in uitslag.percelen.values():
        m = methode(p.prijsmethode)
        weging = m.kolomuitleg or f"weging kwaliteit {kort(p.weging_kwaliteit)} / prijs {kort(p.weging_prijs)}"
        toelating = p.procedure == "toelating"
        if toelating:  # open house: no ranking, no price score, nobody compared (Falk Pharma, Tirkkonen)
            delen.append(
                f"Perceel {p.naam} - toelatingsprocedure: iedere inschrijver die aan de eisen voldoet, wordt toegelaten"
            )
        elif p.niet_gegund:  # no ranking and no allocation: no empty tables, one plain line and the reasons
            delen.append(f"Perceel {p.naam} - NIET GEGUND: {niet_gegund.reden(p)}.{niet_gegund.voorlopig(p)}")
            delen += _afgevallen(p, volledig, "Afgevallen:")
            delen += [niet_gegund.gemeentenzin(p), ""]
            continue
        else:
            delen.append(f"Perceel {p.naam} - prijsmethode {p.prijsmethode}, {weging}")
        per_leverancier: dict[str, int] = {}
        kosten_per: dict[str, float] = {}
        gemeenten_per: dict[str, int] = {}
        per: dict[str, dict[str, int]] = {}
        for t in p.toewijzing:
            per.setdefault(t.gemeente, {})[t.inschrijver] = t.aantal
            per_leverancier[t.inschrijver] = per_leverancier.get(t.inschrijver, 0) + t.aantal
            kosten_per[t.inschrijver] = kosten_per.get(t.inschrijver, 0.0) + t.kosten
            gemeenten_per[t.inschrijver] = gemeenten_per.get(t.inschrijver, 0) + (t.aantal > 0)
        zonder_prijsscore = not methode(p.prijsmethode).heeft_prijsscore
        rijen = [
            [
                r.rang,
                r.inschrijver,
                getal(r.kwaliteit),
                euro(r.prijs),
                "-" if zonder_prijsscore else getal(r.prijsscore),
                getal(r.totaal),
                per_leverancier.get(r.inschrijver, 0),
            ]
            for r in p.rangorde
        ]
        if not volledig and len(rijen) > MAX_RIJEN:
            # the best MAX_RIJEN and every bidder with a share; the rest is counted
            getoond = [r for i, r in enumerate(rijen) if i < MAX_RIJEN or r[6]]
            rest = f"... en nog {len(rijen) - len(getoond)} inschrijvers zonder toewijzing ({HINT})"
        else:
            getoond, rest = rijen, None
        if toelating:  # alphabetical: a display order that decides nothing
            toegelaten = sorted(([r[1], r[2], r[3], r[6]] for r in getoond), key=lambda r: (r[0].casefold(), r[0]))
            if not toegelaten:  # a header without rows read as if a table had been cut off
                tabel_tekst = "Toegelaten: niemand" + (
                    " (geen inschrijver voldoet aan de eisen; zie hieronder)" if p.uitgesloten else ""
                )
            elif p.kwaliteit_beoordeeld:
                tabel_tekst = tabel(
                    ["Toegelaten inschrijver", "Kwaliteit", "Prijs", "Verwacht volume"],
                    toegelaten,
                    rechts=(1, 2, 3),
                    max_breedte=breed,
                )
            else:  # admitted on the requirements alone: no quality was scored, so none is shown
                tabel_tekst = tabel(
                    ["Toegelaten inschrijver", "Prijs", "Verwacht volume"],
                    [[r[0], r[2], r[3]] for r in toegelaten],
                    rechts=(1, 2),
                    max_breedte=breed,
                )
        else:
            tabel_tekst = tabel(
                ["Rang", "Inschrijver", "Kwaliteit", "Prijs", "Prijsscore", "Totaal", "Toegewezen"],
                getoond,
                rechts=(0, 2, 3, 4, 5, 6),
                max_breedte=breed,
            )
        delen.append(tabel_tekst)
        if rest:
            delen.append(rest)
        for m in p.meldingen:
            delen.append(f"LET OP: {m}")
        delen += _afgevallen(p, volledig, "Niet toegelaten:" if toelating else "Afgevallen:")
        leveranciers = [r.inschrijver for r in p.rangorde if per_leverancier.get(r.inschrijver)]
        if toelating:  # as the admitted bidders above and the advies: by name, not the price order of p.rangorde
            leveranciers.sort(key=lambda n: (n.casefold(), n))
        totaalrij = [
            "Totaal",
            sum(b.vraag for b in p.budgetten),
            *[per_leverancier[n] for n in leveranciers],
            euro(sum(b.kosten for b in p.budgetten)),
            euro(sum(b.budget for b in p.budgetten)),
        ]
        rijen = [
            [
                b.gemeente,
                b.vraag,
                *[per.get(b.gemeente, {}).get(n, "") for n in leveranciers],
                euro(b.kosten),
                euro(b.budget),
            ]
            for b in p.budgetten
        ]
        n = len(leveranciers)
        kop = ["Gemeente", "Vraag", *leveranciers, "Kosten", budget_kop(p.budgetten)]
        per_gemeente = tabel(kop, [*rijen, totaalrij], rechts=tuple(range(1, n + 4)))
        if volledig or (len(rijen) <= MAX_RIJEN and max(map(len, per_gemeente.split("\n"))) <= BREEDTE):
            delen.append(per_gemeente)
        else:
            boven = [b.gemeente for b in p.budgetten if b.kosten > b.budget + 1e-6]
            delen.append(
                f"Verdeling over {len(rijen)} gemeenten ({sum(b.vraag for b in p.budgetten)} inburgeraars), per "
                f"inschrijver; per gemeente in {_advies(uitslag)} en gunning.json ({HINT}):"
            )
            delen.append(
                tabel(
                    ["Inschrijver", "Gemeenten", "Toegewezen", "Kosten"],
                    [[x, gemeenten_per[x], per_leverancier[x], euro(kosten_per[x])] for x in leveranciers]
                    + [["Totaal", len(rijen), totaalrij[1], totaalrij[-2]]],
                    rechts=(1, 2, 3),
                    max_breedte=BREEDTE,
                )
            )
            delen.append(
                f"{budget_kop(p.budgetten)} samen {totaalrij[-1]}; erboven: "
                + (opsomming(boven, BREEDTE - 40) if boven else "geen enkele gemeente")
            )
        if (klein := kleine_aantallen.signaal(p)) is not None:
            delen.append(f"Let op: {klein}")
        if p.bindende_regels:
            delen.append("Waarom minder dan de capaciteit:")
            regels, rest = _lijst_rijen(list(p.bindende_regels), volledig, "inschrijvers")
            delen += [f"  {z}" for z in regels]
            if rest:
                delen.append(f"  {rest}")
        delen.append("")
    return begrens("\n".join(delen).rstrip(), volledig)


def _afgevallen(p, volledig: bool, kop: str) -> list[str]:
    """The bids out of the lot, each with its status and reasons (none: no lines)."""
    if not p.uitgesloten:
        return []
    delen = [kop]
    uitgesloten, rest = _lijst_rijen(list(p.uitgesloten), volledig, "uitgesloten inschrijvers")
    for x in uitgesloten:
        regel = f"  {x.inschrijver} ({x.status}): {'; '.join(x.redenen)}"
        delen.append(regel if volledig else _knip(regel, BREEDTE))
    if rest:
        delen.append(f"  {rest}")
    return delen


def _eerste(z) -> str:
    """The winner, or, when the first in the ranking gets no inburgeraars (per_subregio, a budget), that, with the
    bidders the lot goes to: 'winnaar' there would contradict the advies, which awards the lot to them."""
    if z.winnaar in z.gegund:
        return f"winnaar: {z.winnaar}"
    return (
        f"eerste in de rangorde: {z.winnaar}, die geen inburgeraars krijgt (gegund aan "
        f"{', '.join(z.gegund) or 'niemand'})"
    )


def zekerheid_tekst(
    aanbesteding: Aanbesteding,
    uitkomst,
    volledig: bool = False,
    open_house: Sequence[str] = (),
    niet_gegund: Sequence[str] = (),
) -> str:
    from evaluatie.tekst import getal
    from evaluatie.zekerheid.tekst import toelatingszinnen, zinnen
    from evaluatie.zekerheid.toelating import Toelatingszekerheid

    koppen = {
        "weglaten": "Beoordelaar weglaten",
        "storing": "Scores verstoren",
        "marge": "Marge tot winnen",
        "capaciteit": "Capaciteit en aandeel",
        "rangomkering": "Rangomkering (laagste prijs weg, of een ongeldige of uitgesloten inschrijving erbij)",
    }
    delen = []
    for code, z in uitkomst.items():
        naam = aanbesteding.percelen[code].naam
        if isinstance(z, Toelatingszekerheid):
            if z.minimum is None:
                continue  # said below with the other open houses: nothing a reviewer could change
            delen.append(f"Perceel {naam} - open house (toelating), minimale kwaliteitsscore {getal(z.minimum)}")
            secties, kop = toelatingszinnen(z, None if volledig else 10), koppen | {"marge": "Marge tot het minimum"}
        else:
            delen.append(f"Perceel {naam} - {_eerste(z)}")
            secties, kop = zinnen(z, naam, None if volledig else 10), koppen
        for sleutel, regels in secties.items():
            if regels:
                delen.append(f"  {kop[sleutel]}:")
                getoond, rest = _lijst_rijen(regels, volledig, "regels")
                delen += [f"    {r}" for r in getoond]
                if rest:
                    delen.append(f"    {rest}")
        delen.append("")
    for naam in open_house:
        delen.append(
            f"Perceel {naam}: open house (toelating) zonder minimale kwaliteit; toegelaten wordt op de eisen alleen, "
            "die geen beoordelaar of score raakt, dus er is geen uitkomst om te toetsen."
        )
    for naam in niet_gegund:
        delen.append(f"Perceel {naam}: niet gegund (geen geldige inschrijving), dus er is geen uitkomst om te toetsen.")
    return begrens("\n".join(delen).rstrip(), volledig)
