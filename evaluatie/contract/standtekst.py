"""The stand for the terminal and as JSON (full figures: the terminal is for the contract manager,
not a published report, so no small-cell suppression here; reports suppress, see kwartaal.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from evaluatie.contract.basis import geen_raamovereenkomst, toegewezen_bij_toelating
from evaluatie.contract.herverdelingspremisse import verschoven
from evaluatie.contract.lezen import Register
from evaluatie.contract.optie import looptijd_zin
from evaluatie.contract.stand import (
    UITKOMST_NA_ROUTEWIJZIGING,
    Stand,
    Standregel,
    aangesloten_zinnen,
    ingetrokken_zinnen,
    uitgevallen_zinnen,
    wachttijd,
)
from evaluatie.contract.verlenging import einde_in_jaar
from evaluatie.definitie.model import MODULES
from evaluatie.tekst import aantal, euro, getal, kort


def stand_als_dict(reg: Register, st: Stand) -> dict[str, Any]:
    return {
        "peildatum": st.peildatum.isoformat(),
        "contractjaar": st.jaar,
        "jaar_van": st.jaar_begin.isoformat(),
        # the day after the contract year, kept as it was (an API); the text says the year 'tot en met' its last day,
        # which jaar_tot_en_met gives: the term's end when a verlenging ends inside the year, as the text says
        "jaar_tot": st.jaar_eind.isoformat(),
        "jaar_tot_en_met": (
            einde_in_jaar(reg, st.peildatum, st.jaar_eind) or st.jaar_eind - dt.timedelta(days=1)
        ).isoformat(),
        "fractie_van_jaar": round(st.fractie, 6),
        "looptijd": {
            "vaste_jaren": reg.vaste_jaren,
            "optiejaren": reg.optiejaren,
            "uitgeoefend": [
                {"optiejaar": j, "besluit": b, "datum": d.isoformat()} for j, d, b in reg.opties if d <= st.peildatum
            ],
            "tot_en_met": reg.einde_op(st.peildatum).isoformat(),
            "verlenging": _verlenging(reg, st.peildatum),
        },
        "regels": [
            {
                "gemeente": r.gemeente,
                "perceel": r.perceel,
                "aanbieder": r.leverancier,
                "toegewezen": r.toegewezen,
                "geplaatst": r.geplaatst,
                "naar_rato": round(r.pro_rata, 4),
            }
            for r in st.regels
        ],
        "raamovereenkomst": [
            {
                "perceel": r.perceel,
                "max_trajecten": r.max_trajecten,
                "gebruikt": r.gebruikt,
                "max_waarde": r.max_waarde,
                "gebruikte_waarde": round(r.gebruikte_waarde, 2),
                "aandeel": round(r.aandeel, 6),
                "prognose_uitgeput": r.prognose.isoformat() if r.prognose else None,
                # no forecast (nothing placed yet): null, never a 'false' that reads as exhaustion within the term
                "prognose_na_looptijd": r.na_looptijd if r.prognose is not None else None,
                # the last day of the term on peildatum, and with the option years not exercised then (the maximum
                # covers them too): what the text says of a forecast after the term
                "einde_looptijd": r.einde.isoformat() if r.einde else None,
                "einde_met_optiejaren": r.einde_met_opties.isoformat() if r.einde_met_opties else None,
                "uitgeput": r.uitgeput,
                # placements outside the maximum in force on their own day (a later raise does not undo them)
                "buiten_maximum_op_hun_dag": len(r.buiten_op_hun_dag),
                # each indexatie by peildatum: the room it was read against and the factor on the prices from its day
                "indexaties": [x.als_json() for x in r.indexaties],
            }
            for r in st.raam
        ],
        "prestaties": [
            {
                "perceel": p.perceel,
                "aanbieder": p.leverancier,
                "beloofde_wachttijd_weken": p.beloofd_weken,
                "gestart": len(p.wachttijden),
                "gemiddelde_wachttijd_weken": None if p.gemiddeld is None else round(p.gemiddeld, 4),
                "boven_belofte": p.boven_belofte,
                "voortijdig_gestopt": p.gestopt,
                "afgerond": p.afgerond,
                # ended by the supplier's drop-out: the client went on with another supplier (contract.uitvaleinde)
                "beeindigd_door_uitval": p.beeindigd_door_uitval,
                # a module (PVT, MAP) has no exam and no change of route: null, not a count that can only be 0
                "b1_behaald": None if p.perceel in MODULES else p.b1,
                "hoogst_haalbaar": None if p.perceel in MODULES else p.hoogst_haalbaar,
                "niet_behaald": None if p.perceel in MODULES else p.niet_behaald,
                "afgeschaald": None if p.perceel in MODULES else p.afgeschaald,
                "wachtend_langer_dan_beloofd": len(p.wachtend_te_lang),
                # not started (or started and not ended) at a supplier that dropped out since, not registered again:
                # to be placed again; of those, how many had started there
                "opnieuw_te_plaatsen": len(p.opnieuw_te_plaatsen),
                "opnieuw_te_plaatsen_gestart": p.opnieuw_gestart,
                "geplaatst": p.geplaatst,
            }
            for p in st.prestaties
        ],
        "signalen": [{"soort": s.soort, "tekst": s.tekst} for s in st.signalen],
        # events withdrawn by a decision dated up to peildatum (contract intrekken): left out of every figure above
        "ingetrokken": [
            {
                "besluit": i.besluit,
                "datum": i.datum.isoformat(),
                "gemeente": reg.volledig[i.plaatsing].gemeente,
                "klantnummer": reg.volledig[i.plaatsing].klantnummer,
                "gebeurtenis": i.soort,
                "datum_gebeurtenis": i.gebeurtenis_datum.isoformat(),
                "plaats": i.plaats,
            }
            for i in reg.intrekkingen
            if reg.geldt_vanaf(i) <= st.peildatum
        ],
        "uitgevallen": [
            {"perceel": code, "aanbieder": naam, "per": per.isoformat()}
            for (code, naam), dagen in sorted(reg.uitvallen.items())
            for per in dagen
            if per <= st.peildatum
        ],
        # back after a drop-out (contract hervatting): a period of its own, from `vanaf`
        "hervat": [
            {
                "perceel": h.perceel,
                "aanbieder": h.leverancier,
                "vanaf": h.vanaf.isoformat(),
                "uitval": h.uitval.isoformat(),
                "besluit": h.besluit,
            }
            for (_, _), hs in sorted(reg.hervattingen.items())
            for h in hs
            if h.vanaf <= st.peildatum
        ],
        # a re-allocation whose fixed placements the register no longer gives (evaluatie.contract.herverdelingspremisse)
        "herverdeling_premisse": [v.als_json() for v in verschoven(reg, st.peildatum)],
        # award lots not awarded: no contract, so no row above; who joined them (null: not recorded at the start)
        "niet_gegund": [
            {"perceel": code, "naam": naam, "gemeenten": _lijst(reg.niet_gegund_gemeenten.get(code))}
            for code, naam in reg.niet_gegund.items()
        ],
        "later_toegetreden": [
            {"perceel": code, "aanbieder": naam, "vanaf": vanaf.isoformat()}
            for (code, naam), vanaf in sorted(reg.toegetreden.items())
        ],
        "later_aangesloten": [
            {"gemeente": a.gemeente, "perceel": a.perceel, "vanaf": a.vanaf.isoformat(), "besluit": a.besluit}
            for a in sorted(reg.aangesloten.values(), key=lambda x: (x.perceel, x.gemeente))
            if a.datum <= st.peildatum
        ],
    }


def _lijst(gemeenten: tuple[str, ...] | None) -> list[str] | None:
    return None if gemeenten is None else list(gemeenten)


def _verlenging(reg: Register, peildatum: dt.date) -> list[dict[str, Any]]:
    """Every verlenging past the option years decided by peildatum (contract wijziging --tot), in force or not yet
    (the term follows once every lot with a framework agreement has one): lot, decision, date, ground, last day."""
    return [
        {
            "perceel": v.perceel,
            "besluit": v.besluit,
            "datum": v.datum.isoformat(),
            "grondslag": v.grondslag,
            "tot_en_met": v.tot_en_met.isoformat(),
        }
        for v in reg.verlengingen
        if v.datum <= peildatum
    ]


def stand_als_tekst(reg: Register, st: Stand, volledig: bool = False) -> str:
    """The stand for the terminal; beyond MAX_RIJEN gemeenten the rows are summed per supplier and
    route (with a note), unless `volledig`; no line wider than 200 characters unless `volledig`."""
    from evaluatie.weergave import MAX_RIJEN, begrens

    return begrens(_tekst(reg, st, volledig or len(reg.gemeenten) <= MAX_RIJEN), volledig)


def _tekst(reg: Register, st: Stand, per_gemeente: bool) -> str:
    from evaluatie.weergave import kolommen

    # its last day, 'tot en met' as the looptijd line under it says it (jaar_eind is the day after); a verlenging
    # may end inside the year, whose allocation is then counted pro rata of the whole year, as the line says
    deel = einde_in_jaar(reg, st.peildatum, st.jaar_eind)
    r = [
        f"Stand op {st.peildatum.strftime('%d-%m-%Y')}, contractjaar {st.jaar} "
        f"({st.jaar_begin.strftime('%d-%m-%Y')} tot en met "
        f"{(deel or st.jaar_eind - dt.timedelta(days=1)).strftime('%d-%m-%Y')}, "
        + (
            f"het einde van de looptijd: een deel van een jaar; {getal(100 * st.fractie, 1)}% van het jaar verstreken, "
            "'toegewezen' is per jaar)"
            if deel
            else f"{getal(100 * st.fractie, 1)}% verstreken)"
        ),
        looptijd_zin(reg, st.peildatum),
        "",
    ]
    regels = st.regels
    if not per_gemeente:
        som: dict[tuple[str, str], list[float]] = {}
        for x in st.regels:
            t = som.setdefault((x.perceel, x.leverancier), [0.0, 0.0, 0.0])
            t[0] += x.toegewezen
            t[1] += x.pro_rata
            t[2] += x.geplaatst
        regels = [
            Standregel(f"alle {len(reg.gemeenten)}", p, lev, int(a), int(n), pr) for (p, lev), (a, pr, n) in som.items()
        ]
    # columns as wide as their longest name, never cut: 'Stichting Taalonderwijs Gooi en Vechtstreek Noord' and
    # '... Zuid' both read 'Stichting Taalonderwijs Gooi e' in a column of 30
    bg = max([24, *(len(x.gemeente) for x in regels)])
    bp = max([10, *(len(x.perceel) for x in regels)])
    ba = max([30, *(kolommen(x.leverancier) for x in regels)])  # as a terminal draws it (日本語 two columns each)
    r.append(
        f"{'gemeente':<{bg}} {'route':<{bp}} {'aanbieder':<{ba}} {'toegewezen':>10} {'naar rato':>9} {'geplaatst':>9}"
    )
    for x in regels:
        aanbieder = x.leverancier + " " * (ba - kolommen(x.leverancier))
        r.append(
            f"{x.gemeente:<{bg}} {x.perceel:<{bp}} {aanbieder} {x.toegewezen:>10} "
            f"{getal(x.pro_rata, 1):>9} {x.geplaatst:>9}"
        )
    if not per_gemeente:
        r.append(
            f"(opgeteld over de {len(reg.gemeenten)} gemeenten; --volledig toont iedere gemeente, --json en de "
            "kwartaalrapportage ook)"
        )
    verwachting = toegewezen_bij_toelating([p.naam for p in reg.percelen.values() if p.toelating])
    if verwachting:
        r.append(verwachting)
    for (code, naam), vanaf in sorted(reg.toegetreden.items()):  # contract toetreding: admitted after the start
        r.append(f"Later toegetreden tot {reg.percelen[code].naam}: {naam}, per {vanaf.strftime('%d-%m-%Y')}.")
    r += aangesloten_zinnen(reg, st.peildatum)
    r += uitgevallen_zinnen(reg, st.peildatum)
    r += [v.zin(reg) for v in verschoven(reg, st.peildatum)]
    r += ingetrokken_zinnen(reg, st.peildatum)
    r += reg.niet_gegund_regels()
    r += ["", "Raamovereenkomsten:"]
    for m in st.raam:
        if m.prognose is None:
            prognose = "uitgeput bij dit tempo: geen plaatsingen, geen prognose"
        elif m.uitgeput:
            prognose = (
                f"het maximum is bereikt op {m.prognose.strftime('%d-%m-%Y')}: de raamovereenkomst is uitgeput"
                + (
                    f" ({aantal(str(m.gebruikt - m.max_trajecten), 'plaatsing', 'plaatsingen')} daarna)"
                    if m.gebruikt > m.max_trajecten
                    else ""
                )
            )
        elif m.na_looptijd:
            prognose = f"uitgeput bij dit tempo: {m.niet_uitgeput_tekst()}"
        else:
            prognose = f"uitgeput bij dit tempo: {m.prognose.strftime('%d-%m-%Y')}"
        buiten = m.buiten_tekst()
        r.append(
            f"  {reg.percelen[m.perceel].naam}: {m.gebruikt} van {m.max_trajecten} trajecten, "
            f"{euro(m.gebruikte_waarde)} van {euro(m.max_waarde)}; "
            f"benut {getal(100 * m.aandeel, 1)}% (het hoogste van de twee); "
            f"{prognose}" + (f"; {buiten}" if buiten else "")
        )
        r += [f"    {x.zin()}" for x in m.indexaties]
    r += [f"  {geen_raamovereenkomst(p.naam)}" for p in reg.percelen.values() if p.toelating]
    r += ["", "Aanbieders:"]
    for p in st.prestaties:
        g = (
            "nog niemand gestart"
            if p.gemiddeld is None
            else f"gemiddeld {wachttijd(p.gemiddeld, p.beloofd_weken)} weken"
        )
        # said for a supplier that dropped out of the lot by peildatum: only its placements can end that way
        uitval = (
            f", beëindigd door uitval {p.beeindigd_door_uitval}"
            if any(u <= st.peildatum for u in reg.uitvallen.get((p.perceel, p.leverancier), []))
            else ""
        )
        leerroute = (  # a module (PVT, MAP) has no exam and no change of route (contract inlezen refuses them)
            ""
            if p.perceel in MODULES
            else f"examen: B1 {p.b1}, hoogst haalbaar {p.hoogst_haalbaar}, niet behaald {p.niet_behaald}; "
            f"afgeschaald {p.afgeschaald}; "
        )
        r.append(
            f"  {p.leverancier} ({p.perceel}): wachttijd {g} (beloofd {kort(p.beloofd_weken)} weken, "
            f"n={len(p.wachttijden)}); voortijdig gestopt {p.gestopt}, afgerond {p.afgerond}{uitval}; {leerroute}"
            f"nog niet gestart en langer gewacht dan beloofd {len(p.wachtend_te_lang)}"
            + (
                f"; nog opnieuw te plaatsen na uitval {len(p.opnieuw_te_plaatsen)} "
                f"(waarvan gestart {p.opnieuw_gestart})"
                if p.opnieuw_te_plaatsen
                else ""
            )
        )
    if any(p.afgeschaald for p in st.prestaties):
        r.append(f"  {UITKOMST_NA_ROUTEWIJZIGING}")
    r += ["", "Signalen:" if st.signalen else "Signalen: geen"]
    r += [f"  - {s.tekst}" for s in st.signalen]
    return "\n".join(r)
