"""The stand for the terminal and as JSON (full figures: the terminal is for the contract manager,
not a published report, so no small-cell suppression here; reports suppress, see kwartaal.py)."""

from __future__ import annotations

from typing import Any

from evaluatie.contract.lezen import Register
from evaluatie.contract.stand import Stand
from evaluatie.tekst import euro, getal, kort


def stand_als_dict(reg: Register, st: Stand) -> dict[str, Any]:
    return {
        "peildatum": st.peildatum.isoformat(),
        "contractjaar": st.jaar,
        "jaar_van": st.jaar_begin.isoformat(),
        "jaar_tot": st.jaar_eind.isoformat(),
        "fractie_van_jaar": round(st.fractie, 6),
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
                "b1_behaald": p.b1,
                "hoogst_haalbaar": p.hoogst_haalbaar,
                "niet_behaald": p.niet_behaald,
                "afgeschaald": p.afgeschaald,
                "geplaatst": p.geplaatst,
            }
            for p in st.prestaties
        ],
        "signalen": [{"soort": s.soort, "tekst": s.tekst} for s in st.signalen],
    }


def stand_als_tekst(reg: Register, st: Stand) -> str:
    r = [
        f"Stand op {st.peildatum.strftime('%d-%m-%Y')}, contractjaar {st.jaar} "
        f"({st.jaar_begin.strftime('%d-%m-%Y')} tot {st.jaar_eind.strftime('%d-%m-%Y')}, "
        f"{getal(100 * st.fractie, 1)}% verstreken)",
        "",
        f"{'gemeente':<24} {'route':<10} {'aanbieder':<30} {'toegewezen':>10} {'naar rato':>9} {'geplaatst':>9}",
    ]
    for x in st.regels:
        r.append(
            f"{x.gemeente[:24]:<24} {x.perceel[:10]:<10} {x.leverancier[:30]:<30} {x.toegewezen:>10} "
            f"{getal(x.pro_rata, 1):>9} {x.geplaatst:>9}"
        )
    r += ["", "Raamovereenkomsten:"]
    for m in st.raam:
        prognose = m.prognose.strftime("%d-%m-%Y") if m.prognose else "geen plaatsingen, geen prognose"
        r.append(
            f"  {reg.percelen[m.perceel].naam}: {m.gebruikt} van {m.max_trajecten} trajecten, "
            f"{euro(m.gebruikte_waarde)} van {euro(m.max_waarde)} ({getal(100 * m.aandeel, 1)}%); "
            f"uitgeput bij dit tempo: {prognose}"
        )
    r += ["", "Aanbieders:"]
    for p in st.prestaties:
        g = "-" if p.gemiddeld is None else getal(p.gemiddeld, 1)
        r.append(
            f"  {p.leverancier} ({p.perceel}): wachttijd gemiddeld {g} weken (beloofd {kort(p.beloofd_weken)}, "
            f"n={len(p.wachttijden)}); voortijdig gestopt {p.gestopt}, afgerond {p.afgerond}; examen: "
            f"B1 {p.b1}, hoogst haalbaar {p.hoogst_haalbaar}, niet behaald {p.niet_behaald}; "
            f"afgeschaald {p.afgeschaald}"
        )
    r += ["", "Signalen:" if st.signalen else "Signalen: geen"]
    r += [f"  - {s.tekst}" for s in st.signalen]
    return "\n".join(r)
