"""Why a supplier got less than its capacity: the binding allocation rules, in words."""

from __future__ import annotations

from evaluatie.verdeling.lp import bovengrens, geschikt
from evaluatie.verdeling.model import Verdeelprobleem, Verdeling


def bindende_regels(p: Verdeelprobleem, v: Verdeling) -> list[str]:
    kregen = v.per_leverancier()
    per_gemeente = v.per_gemeente()
    el = geschikt(p)
    r = p.regels
    zinnen = []
    aantal_gekozen = sum(1 for n in kregen.values() if n > 0)
    for s in p.leveranciers:
        n = kregen.get(s.naam, 0)
        if n >= s.capaciteit:
            continue
        kop = f"{s.naam} krijgt {n} van zijn capaciteit {s.capaciteit}"
        plafond = p.aandeelplafond()
        if plafond is not None and n == plafond and plafond < s.capaciteit:
            zinnen.append(
                f"{kop}: begrensd door het maximale aandeel van {r.max_aandeel:.0%} (hoogstens {plafond} "
                f"van {p.totaal})"
            )
            continue
        eigen = [g for g in p.vraag if any(p.leveranciers[i].naam == s.naam for i in el[g]) and p.vraag[g] > 0]
        if not eigen:
            zinnen.append(
                f"{kop}: het bedient geen gemeente met vraag"
                + (" als hele subregio (iedere subregio dezelfde leveranciers)" if r.per_subregio else "")
            )
            continue
        if n == 0 and r.max_leveranciers is not None and aantal_gekozen >= r.max_leveranciers:
            zinnen.append(
                f"{kop}: het maximum van {r.max_leveranciers} leveranciers is bereikt met beter "
                "gerangschikte inschrijvers"
            )
            continue
        if n == 0 and r.min_volume and bovengrens(p, s) >= r.min_volume:
            vrij = sum(p.vraag[g] for g in eigen)
            if vrij < r.min_volume:
                zinnen.append(
                    f"{kop}: de vraag in zijn gemeenten ({vrij}) is kleiner dan het minimale volume van {r.min_volume}"
                )
                continue
        vol = []
        if r.max_leveranciers_per_gemeente is not None:
            vol = [
                g
                for g in eigen
                if s.naam not in per_gemeente.get(g, {})
                and len(per_gemeente.get(g, {})) >= r.max_leveranciers_per_gemeente
            ]
        if vol:
            zin = (
                f"{kop}: in {', '.join(vol)} zijn al {r.max_leveranciers_per_gemeente} leveranciers "
                "actief, het maximum per gemeente"
            )
            if len(vol) < len(eigen):
                zin += "; in de andere gemeenten gaat de vraag eerst naar beter gerangschikte inschrijvers"
            zinnen.append(zin)
            continue
        if r.min_volume and n == 0:
            zinnen.append(
                f"{kop}: toekennen zou minstens {r.min_volume} inburgeraars vragen (het minimale volume per "
                "leverancier), die bij beter gerangschikte inschrijvers meer waarde opleveren"
            )
            continue
        budget = [g for g in eigen if g in p.budget]
        beter = [x.naam for x in p.leveranciers if x.rang < s.rang and kregen.get(x.naam, 0) > 0]
        reden = "de vraag in de gemeenten die het bedient gaat eerst naar beter gerangschikte inschrijvers"
        if beter:
            reden += f" ({', '.join(beter)})"
        if budget:
            reden += f"; budgetgrens in {', '.join(budget)}"
        zinnen.append(f"{kop}: {reden}")
    return zinnen
