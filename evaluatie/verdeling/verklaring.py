"""Why a supplier got less than its capacity, found by computation, in words.

For every supplier below its capacity the rule(s) that actually bind are found:
- `max_aandeel` from the solved model: the supplier sits exactly at the share cap;
- every other active allocation rule (min_volume, min/max_leveranciers,
  max_leveranciers_per_gemeente, per_subregio, budget) by re-solving the lot once with that
  rule switched off: if the supplier then gets more, the rule binds for it;
- when no rule binds, from the outcome: the demand in its gemeenten went to suppliers of
  higher value, or of equal value and a better rank (the published tie-break or the draw; the
  allocation serves the better-ranked first among equal value, before it looks at cost); or its
  gemeenten simply have no more demand than it got.
Re-solves happen only when some supplier is below capacity, once per active rule (not per
supplier), so the cost is a handful of solves of the same small model.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from evaluatie.fouten import EvaluatieFout
from evaluatie.prijs.precisie import punten
from evaluatie.prijs.rangorde import voorrang_tekst
from evaluatie.tekst import getal
from evaluatie.verdeling.klassen import geschikt
from evaluatie.verdeling.model import Leverancier, Verdeelprobleem, Verdeling

Oplosser = Callable[[Verdeelprobleem], Verdeling]


@dataclass(frozen=True)
class Verklaring:
    inschrijver: str
    toegewezen: int
    capaciteit: int
    oorzaken: tuple[str, ...]  # codes, see ZINNEN in the module: what binds, in a fixed order
    zin: str  # the explanation in Dutch, naming supplier, numbers and the rule


def _versoepeld(p: Verdeelprobleem) -> list[tuple[str, Verdeelprobleem]]:
    """The lot with one active rule switched off, per rule."""
    r = p.regels
    uit = []

    def zonder(**wijziging) -> Verdeelprobleem:
        return Verdeelprobleem(
            p.perceel, p.perceelnaam, p.vraag, p.subregio, p.leveranciers, r.model_copy(update=wijziging), p.budget
        )

    if r.min_volume:
        uit.append(("min_volume", zonder(min_volume=None)))
    if r.min_leveranciers is not None:
        uit.append(("min_leveranciers", zonder(min_leveranciers=None)))
    if r.max_leveranciers is not None:
        uit.append(("max_leveranciers", zonder(max_leveranciers=None)))
    if r.max_leveranciers_per_gemeente is not None:
        uit.append(("max_leveranciers_per_gemeente", zonder(max_leveranciers_per_gemeente=None)))
    if r.per_subregio:
        uit.append(("per_subregio", zonder(per_subregio=False)))
    if p.budget:
        uit.append(
            (
                "budget",
                Verdeelprobleem(
                    p.perceel,
                    p.perceelnaam,
                    p.vraag,
                    p.subregio,
                    p.leveranciers,
                    r.model_copy(update={"budget_per_gemeente": {}}),
                    {},
                ),
            )
        )
    return uit


REGELNAAM = {
    "min_volume": "minimaal volume",
    "min_leveranciers": "minimum aantal leveranciers",
    "max_leveranciers": "maximum aantal leveranciers",
    "max_leveranciers_per_gemeente": "maximum aantal leveranciers per gemeente",
    "per_subregio": "dezelfde leverancier(s) per subregio",
    "budget": "budget per gemeente",
}


def _w(s: Leverancier) -> int:
    return punten(s.waarde)  # the allocation compares values at this precision


def verklaar(p: Verdeelprobleem, v: Verdeling, los: Oplosser) -> list[Verklaring]:
    """One explanation per supplier below its capacity, in ranking order."""
    from evaluatie.tekst import euro

    kregen = v.per_leverancier()
    onder = [s for s in p.leveranciers if kregen.get(s.naam, 0) < s.capaciteit]
    if not onder:
        return []
    plafond = p.aandeelplafond()
    opnieuw: dict[str, dict[str, int]] = {}
    mislukt: dict[str, str] = {}  # rule -> why the re-solve without it failed (said in every explanation)
    for code, p2 in _versoepeld(p):
        try:
            opnieuw[code] = los(p2).per_leverancier()
        except EvaluatieFout as e:  # switching a rule off only widens the model, yet a solve can fail (time)
            mislukt[code] = "; ".join(e.meldingen)
    per_gemeente = v.per_gemeente()
    el = geschikt(p)
    kosten = {g: sum(t.kosten for t in v.toewijzing if t.gemeente == g) for g in p.vraag}
    r = p.regels
    uit = []
    for s in onder:
        n = kregen.get(s.naam, 0)
        idx = p.leveranciers.index(s)
        eigen = [g for g in p.vraag if p.vraag[g] > 0 and idx in el[g]]
        delen: list[tuple[str, str]] = []
        if plafond is not None and n == plafond and plafond < s.capaciteit:
            delen.append(
                (
                    "max_aandeel",
                    f"het maximale aandeel van {r.max_aandeel:.0%} van het volume (hoogstens {getal(plafond, 0)} van "
                    f"{getal(p.totaal, 0)}) begrenst het",
                )
            )
        for code, ander in opnieuw.items():
            meer = ander.get(s.naam, 0)
            if meer <= n:
                continue
            if code == "min_volume":
                if n == 0:
                    tekst = (
                        f"wie volume krijgt, krijgt minstens {r.min_volume} (minimaal volume); zonder die regel "
                        f"zou het {getal(meer, 0)} krijgen"
                    )
                else:
                    gedwongen = [
                        x.naam
                        for x in p.leveranciers
                        if x.naam != s.naam and kregen.get(x.naam, 0) > ander.get(x.naam, 0)
                    ]
                    tekst = (
                        f"het minimale volume van {r.min_volume} per leverancier"
                        + (f" geeft {', '.join(gedwongen)} meer dan zonder die regel" if gedwongen else "")
                        + f"; zonder die regel zou het {getal(meer, 0)} krijgen"
                    )
            elif code == "max_leveranciers_per_gemeente" and r.max_leveranciers_per_gemeente is not None:
                vol = [
                    g
                    for g in eigen
                    if s.naam not in per_gemeente.get(g, {})
                    and len(per_gemeente.get(g, {})) >= (r.max_leveranciers_per_gemeente or 0)
                ]
                k = r.max_leveranciers_per_gemeente
                waar = f"in {', '.join(vol)}" if vol else "in zijn gemeenten"
                actief = "is al 1 leverancier actief" if k == 1 else f"zijn al {k} leveranciers actief"
                tekst = f"{waar} {actief}, het maximum per gemeente; zonder die regel zou het {getal(meer, 0)} krijgen"
            elif code == "max_leveranciers":
                actieve = [x.naam for x in p.leveranciers if kregen.get(x.naam, 0) > 0]
                tekst = (
                    f"het maximum van {r.max_leveranciers} leveranciers voor het perceel is bereikt met "
                    f"{', '.join(actieve)}; zonder die regel zou het {getal(meer, 0)} krijgen"
                )
            elif code == "min_leveranciers":
                extra = [x.naam for x in p.leveranciers if kregen.get(x.naam, 0) > 0 and ander.get(x.naam, 0) == 0]
                tekst = (
                    f"de regel dat minstens {r.min_leveranciers} leveranciers volume krijgen, geeft volume aan "
                    f"{', '.join(extra) or 'andere leveranciers'}; zonder die regel zou het {getal(meer, 0)} krijgen"
                )
            elif code == "per_subregio":
                regios = sorted({p.subregio[g] for g in eigen if s.naam not in per_gemeente.get(g, {})})
                waar = f" (subregio {', '.join(regios)})" if regios else ""
                tekst = (
                    f"alle gemeenten van een subregio krijgen dezelfde leverancier(s){waar}; zonder die regel zou "
                    f"het {getal(meer, 0)} krijgen"
                )
            else:  # budget
                krap = [g for g in eigen if g in p.budget and p.budget[g] - kosten[g] < s.prijs - 1e-9]
                waar = (
                    ", ".join(f"{g} (budget {euro(p.budget[g])}, kosten {euro(kosten[g])})" for g in krap)
                    or "de gemeenten met een budget"
                )
                tekst = (
                    f"het budget per gemeente laat in {waar} geen traject tegen zijn prijs van {euro(s.prijs)} meer "
                    f"toe; zonder budgetgrens zou het {getal(meer, 0)} krijgen"
                )
            delen.append((code, tekst))
        if not delen and not mislukt:
            delen = _uit_uitkomst(p, v, s, eigen, n)
        for code, reden in mislukt.items():
            delen.append(
                (
                    "niet_berekend",
                    f"of de regel {REGELNAAM[code]} meespeelt, kon niet worden berekend ({reden})",
                )
            )
        zin = f"{s.naam} krijgt {getal(n, 0)} van zijn capaciteit {getal(s.capaciteit, 0)}: " + "; en ".join(
            t for _, t in delen
        )
        uit.append(Verklaring(s.naam, n, s.capaciteit, tuple(c for c, _ in delen), zin))
    return uit


def _uit_uitkomst(p: Verdeelprobleem, v: Verdeling, s: Leverancier, eigen: list[str], n: int) -> list[tuple[str, str]]:
    """No rule binds: the demand of its gemeenten is used up, or went to better or cheaper suppliers."""
    vraag = sum(p.vraag[g] for g in eigen)
    if not eigen:
        return [("geen_vraag", "het bedient geen gemeente met vraag in dit perceel")]
    if n >= vraag:
        return [
            (
                "geen_vraag",
                f"de gemeenten die het bedient ({', '.join(eigen)}) hebben samen "
                f"{getal(vraag, 0)} inburgeraars, en die krijgt het allemaal",
            )
        ]
    anderen: dict[str, int] = {}
    for t in v.toewijzing:
        if t.gemeente in eigen and t.inschrijver != s.naam:
            anderen[t.inschrijver] = anderen.get(t.inschrijver, 0) + t.aantal
    per_naam = {x.naam: x for x in p.leveranciers}
    hoger = [x for x in anderen if _w(per_naam[x]) > _w(s)]
    # Equal total: the better-ranked (by the published tie-break or the draw) is served first (stage 2).
    rang = [x for x in anderen if _w(per_naam[x]) == _w(s) and per_naam[x].rang < s.rang]
    delen = []
    if hoger:
        delen.append(
            (
                "beter_gerangschikt",
                f"de vraag in de gemeenten die het bedient gaat eerst naar inschrijvers met {p.voorrang} ("
                + ", ".join(f"{x}: {getal(anderen[x], 0)}" for x in hoger)
                + ")",
            )
        )
    if rang:
        heeft, gaat = ("heeft", "gaat") if len(rang) == 1 else ("hebben", "gaan")
        waarom = voorrang_tekst(s.beslist_door)
        if waarom:
            zin = (
                f"{', '.join(rang)} {heeft} dezelfde {p.maatstaf} en {gaat} voor {waarom}; bij gelijke {p.maatstaf} "
                "krijgt de hoger gerangschikte inschrijving eerst inburgeraars"
            )
        else:  # no rule and no draw decided the tie yet: the provisional order is the name's, and says so
            zin = (
                f"{', '.join(rang)} {heeft} dezelfde {p.maatstaf} en de volgorde tussen hen is niet door een "
                f"beslisregel of loting bepaald; in deze verdeling {gaat} {', '.join(rang)} voor, alleen op "
                "alfabetische volgorde"
            )
        delen.append(("gelijke_waarde_betere_rang", zin))
    return delen or [("combinatie", "de verdeelregels samen; geen afzonderlijke regel verklaart het")]


def bindende_regels(p: Verdeelprobleem, v: Verdeling, los: Oplosser | None = None) -> list[str]:
    """The explanations as sentences (the form gunning.json and the advies carry)."""
    if los is None:
        from evaluatie.verdeling.verdelen import verdeel

        los = verdeel
    return [x.zin for x in verklaar(p, v, los)]
