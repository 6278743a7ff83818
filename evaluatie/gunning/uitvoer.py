"""gunning.json: the award outcome as data (schema: criteria/schema/gunning.schema.json).

No timestamps and fixed key order, so the same inputs give byte-identical files.
"""

from __future__ import annotations

import json
from typing import Any

from evaluatie.gunning.uitslag import Gunningsuitslag, Perceeluitslag
from evaluatie.prijs.basis import methode
from evaluatie.prijs.precisie import afgerond
from evaluatie.prijs.rangorde import Rangregel


def _r(x: float) -> float:
    return afgerond(x)  # the one precision scores are compared in


def op_naam(p: Perceeluitslag) -> list[Rangregel]:
    """An open house's admitted bids in the order of gunning.json and the analysis: by name, an order that decides
    nothing (the procedure ranks nobody)."""
    return sorted(p.rangorde, key=lambda r: (r.inschrijver.casefold(), r.inschrijver))


def _bieders(p: Perceeluitslag) -> dict[str, list[dict[str, Any]]]:
    """The lot's valid bids: ranked under `gunning`; under `toelating` (open house) the admitted bids, by name.

    An open house ranks nobody and computes no price score (the toelatingsbesluit says so, the advies shows no ranking):
    its bids carry no rank, price score or total here either (nor the lot a price method, formula or weighting), and
    their order is by name, so nothing in this file suggests an order the procedure does not have."""
    if p.procedure == "toelating":
        return {
            "toegelaten": [
                {
                    "inschrijver": r.inschrijver,
                    "kwaliteit": _r(r.kwaliteit) if p.kwaliteit_beoordeeld else None,  # no score: null, never 0
                    "prijs": r.prijs,
                }
                for r in op_naam(p)
            ]
        }
    met_prijsscore = methode(p.prijsmethode).heeft_prijsscore
    return {
        "rangorde": [
            {
                "inschrijver": r.inschrijver,
                "kwaliteit": _r(r.kwaliteit),
                "prijs": r.prijs,
                "prijsscore": _r(r.prijsscore) if met_prijsscore else None,
                "totaal": _r(r.totaal),
                "rang": r.rang,
                "gelijke_stand": r.gelijke_stand,
                "beslist_door": r.beslist_door,
                "berekening": r.berekening,
                "loting": r.loting,
            }
            for r in p.rangorde
        ]
    }


def als_dict(u: Gunningsuitslag) -> dict[str, Any]:
    percelen = {}
    for code, p in u.percelen.items():
        percelen[code] = {
            "naam": p.naam,
            "procedure": p.procedure,
            # the lot's outcome: 'niet gegund' without a valid bid (no ranking, no allocation; the reasons are each
            # bid's under 'uitgesloten'); an open house 'toelating', who is admitted under 'toegelaten'
            "status": p.status,
            **(
                {
                    "prijsmethode": p.prijsmethode,
                    "formule": p.formule,
                    "weging": {"kwaliteit": p.weging_kwaliteit, "prijs": p.weging_prijs},
                }
                if p.procedure == "gunning"
                else {}
            ),
            "plafondprijs": p.plafondprijs,
            **_bieders(p),
            "toewijzing": [t.model_dump() for t in p.toewijzing],
            "uitgesloten": [
                {"inschrijver": x.inschrijver, "status": x.status, "redenen": list(x.redenen)} for x in p.uitgesloten
            ],
            "budgetten": [b.model_dump() for b in p.budgetten],
            "bindende_regels": list(p.bindende_regels),
            "meldingen": list(p.meldingen),
            "gelijke_standen": [
                {
                    "rang": st.rang,
                    "inschrijvers": list(st.inschrijvers),
                    "loting_nodig": st.beslissend,
                }
                for st in p.gelijke_standen
            ],
            "verdeelmodel": p.model,
            "oplosser": p.solver,
            "rekenpad": p.pad,
            "stap5_beslist": p.stap5_beslist,
        }
    return {
        "aanbesteding": u.aanbesteding,
        "evaluatie_versie": u.versie,
        "oplosser_versie": u.solver,  # one Dutch word per thing: per lot "oplosser" is the engine used
        "percelen": percelen,
        # reviewer forms by their label only: the file name carries the reviewer's own name
        "invoer": [{"bestand": b.aanduiding, "sha256": b.sha256} if b.aanduiding else b.model_dump() for b in u.invoer],
    }


def als_json(u: Gunningsuitslag) -> str:
    return json.dumps(als_dict(u), ensure_ascii=False, indent=2) + "\n"
