"""Plain-text tables for the terminal. Only formatting: every number comes from the stages."""

from __future__ import annotations

from collections.abc import Sequence

from evaluatie.definitie.model import Aanbesteding
from evaluatie.inschrijving.model import Inschrijving
from evaluatie.tekst import euro, kort
from evaluatie.toets.uitslag import Toetsuitslag


def tabel(kop: Sequence[str], rijen: Sequence[Sequence[object]], rechts: Sequence[int] = ()) -> str:
    """Aligned columns; `rechts` lists column indexes to right-align (numbers)."""
    tekst = [[str(c) for c in kop]] + [[str(c) for c in r] for r in rijen]
    breedte = [max(len(r[j]) for r in tekst) for j in range(len(kop))]

    def regel(r: list[str]) -> str:
        return "  ".join(c.rjust(breedte[j]) if j in rechts else c.ljust(breedte[j]) for j, c in enumerate(r)).rstrip()

    return "\n".join([regel(tekst[0]), "  ".join("-" * b for b in breedte)] + [regel(r) for r in tekst[1:]])


def inschrijvingen_tabel(aanbesteding: Aanbesteding, inschrijvingen: Sequence[Inschrijving]) -> str:
    rijen = []
    for ins in inschrijvingen:
        for code, a in ins.aanbod.items():
            alle = len(a.gemeenten) == len(aanbesteding.percelen[code].gemeenten)
            rijen.append(
                [
                    ins.naam,
                    ins.kvk,
                    aanbesteding.percelen[code].naam,
                    euro(a.prijs),
                    a.capaciteit,
                    a.instroommomenten,
                    kort(a.wachttijd_weken),
                    "alle" if alle else "; ".join(a.gemeenten),
                ]
            )
    kop = ["Inschrijver", "KvK", "Perceel", "Prijs", "Capaciteit", "Instroom", "Wachttijd", "Gemeenten"]
    return f"{len(inschrijvingen)} inschrijvingen voor {aanbesteding.naam}\n\n" + tabel(kop, rijen, rechts=(3, 4, 5, 6))


def toets_tabel(aanbesteding: Aanbesteding, uitslag: Toetsuitslag) -> str:
    delen = []
    for code, perceel in aanbesteding.percelen.items():
        rijen = []
        for r in uitslag.voor_perceel(code):
            open_ = [b.regel for b in r.bevindingen if b.voldoet is None]
            toelichting = "; ".join(r.redenen)
            if open_ and r.voldoet:
                toelichting = "nog te toetsen na beoordeling: " + ", ".join(open_)
            rijen.append([r.inschrijver, r.status, toelichting])
        delen.append(f"Perceel {perceel.naam}\n" + tabel(["Inschrijver", "Uitslag", "Redenen"], rijen))
    return "\n\n".join(delen)


def panel_tekst(aanbesteding: Aanbesteding, panel) -> str:
    """Quality table per lot, flagged rows with the reviewers who drive them, alpha per criterion."""
    from evaluatie.tekst import getal

    delen = [
        f"Beoordeling door {len(panel.beoordelaars)} beoordelaars ({', '.join(panel.beoordelaars)}); "
        f"samenvoegen: {panel.aggregatie}, consensus gaat voor"
    ]
    for code, perceel in aanbesteding.percelen.items():
        if code not in panel.kwaliteit:
            continue
        crits = perceel.gunningscriteria
        kop = ["Inschrijver", *[f"{c.naam} ({kort(c.weging)}%)" for c in crits], "Kwaliteit"]
        rijen = []
        for ins, k in sorted(panel.kwaliteit[code].items(), key=lambda t: (-t[1], t[0])):
            cellen = []
            for c in crits:
                r = panel.rij(ins, code, c.code)
                cellen.append(
                    getal(r.punten, 1) + (" (c)" if r.consensus is not None else "") + (" !" if r.signaal else "")
                )
            rijen.append([ins, *cellen, getal(k)])
        delen.append(f"Perceel {perceel.naam}\n" + tabel(kop, rijen, rechts=tuple(range(1, len(kop)))))
        signalen = [r for r in panel.rijen if r.perceel == code and r.signaal]
        for r in signalen:
            scores = ", ".join(f"{b} {getal(p, 0)}" for b, p in r.individueel.items())
            status = (
                f"consensus {getal(r.consensus, 0)}: {r.consensus_toelichting}"
                if r.consensus is not None
                else "nog geen consensus; bespreken in het consensusoverleg"
            )
            delen.append(
                f"  Signaal: {r.inschrijver}, {perceel.criterium(r.criterium).naam}: spreiding "
                f"{r.spreiding_stappen} schaalstappen ({scores}); afwijkend: {', '.join(r.afwijkers)}; {status}"
            )
        for b in panel.betrouwbaarheid:
            if b.perceel != code:
                continue
            alpha = "niet te berekenen" if b.alpha is None else getal(b.alpha, 3)
            regel = f"  Krippendorffs alfa {perceel.criterium(b.criterium).naam}: {alpha}"
            if b.grootste_afwijker:
                zonder = b.alpha_zonder[b.grootste_afwijker]
                regel += f" (zonder {b.grootste_afwijker}: {getal(zonder, 3) if zonder is not None else '-'})"
            delen.append(regel)
    delen.append("(c) = consensusscore van het panel; ! = spreiding boven de drempel")
    return "\n".join(("\n" + d) if d.startswith("Perceel") or d.startswith("(c)") else d for d in delen)


def gunning_tekst(uitslag) -> str:
    from evaluatie.tekst import getal

    delen = []
    for p in uitslag.percelen.values():
        delen.append(
            f"Perceel {p.naam} - prijsmethode {p.prijsmethode}, weging kwaliteit {kort(p.weging_kwaliteit)} / "
            f"prijs {kort(p.weging_prijs)}"
        )
        rijen = [
            [
                r.rang,
                r.inschrijver,
                getal(r.kwaliteit),
                euro(r.prijs),
                getal(r.prijsscore),
                getal(r.totaal),
                p.toegewezen(r.inschrijver),
            ]
            for r in p.rangorde
        ]
        delen.append(
            tabel(
                ["Rang", "Inschrijver", "Kwaliteit", "Prijs", "Prijsscore", "Totaal", "Toegewezen"],
                rijen,
                rechts=(0, 2, 3, 4, 5, 6),
            )
        )
        for m in p.meldingen:
            delen.append(f"LET OP: {m}")
        if p.uitgesloten:
            delen.append("Uitgesloten:")
            delen += [f"  {x.inschrijver}: {'; '.join(x.redenen)}" for x in p.uitgesloten]
        leveranciers = [r.inschrijver for r in p.rangorde if p.toegewezen(r.inschrijver)]
        per = {}
        for t in p.toewijzing:
            per.setdefault(t.gemeente, {})[t.inschrijver] = t.aantal
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
        rijen.append(
            [
                "Totaal",
                sum(b.vraag for b in p.budgetten),
                *[p.toegewezen(n) for n in leveranciers],
                euro(sum(b.kosten for b in p.budgetten)),
                euro(sum(b.budget for b in p.budgetten)),
            ]
        )
        n = len(leveranciers)
        delen.append(
            tabel(["Gemeente", "Vraag", *leveranciers, "Kosten", "Budget"], rijen, rechts=tuple(range(1, n + 4)))
        )
        if p.bindende_regels:
            delen.append("Waarom minder dan de capaciteit:")
            delen += [f"  {z}" for z in p.bindende_regels]
        delen.append("")
    return "\n".join(delen).rstrip()


def zekerheid_tekst(aanbesteding: Aanbesteding, uitkomst) -> str:
    from evaluatie.zekerheid.tekst import zinnen

    koppen = {
        "weglaten": "Beoordelaar weglaten",
        "storing": "Scores verstoren",
        "marge": "Marge tot winnen",
        "capaciteit": "Capaciteit en aandeel",
    }
    delen = []
    for code, z in uitkomst.items():
        naam = aanbesteding.percelen[code].naam
        delen.append(f"Perceel {naam} - winnaar: {z.winnaar}")
        for sleutel, regels in zinnen(z, naam).items():
            if regels:
                delen.append(f"  {koppen[sleutel]}:")
                delen += [f"    {r}" for r in regels]
        delen.append("")
    return "\n".join(delen).rstrip()
