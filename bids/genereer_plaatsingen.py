"""Generate seeded example placements for the contract phase (not part of the library).

    python bids/genereer_plaatsingen.py WERKMAP [--jaren 2] [--seed 2022] [--formaat xlsx|csv]

Needs a started contract register in WERKMAP (evaluatie contract start). Writes one file per gemeente
per calendar quarter into WERKMAP/aanleveringen/, as a klantmanager would export them: columns
klantnummer (pseudonymous), gemeente, gebeurtenis, datum, route, aanbieder, uitslag. Same seed, same
files. One supplier (the last-ranked in each lot with at least two) is made slower than it promised, so
the stand has a signal to show.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
from pathlib import Path

KOLOMMEN = ("klantnummer", "gemeente", "gebeurtenis", "datum", "route", "aanbieder", "uitslag")
# The routes that end with an exam under the Wet inburgering 2021 (art. 7): the B1-route with the inburgeringsexamen,
# the onderwijsroute with its exams. The Z-route asks no exam, and the modules PVT and MAP are no learning route: they
# end with 'afgerond' (the participatieverklaring signed, the MAP completed); `contract inlezen` refuses an exam there.
MET_EXAMEN = ("B1", "onderwijs")


def genereer(reg, jaren: int, seed: int, tempo: float = 1.0) -> list[tuple]:
    """Event rows (klant, gemeente, gebeurtenis, datum, route, aanbieder, uitslag) for `jaren` contract years."""
    rng = random.Random(seed)
    eind = reg.jaargrenzen(jaren)[1]
    traag = set()
    for code in reg.percelen:
        lev = reg.leveranciers_van(code)
        if len(lev) >= 2:
            traag.add((code, lev[-1].naam))
    rijen = []
    volgnummer = 0
    for jaar in range(1, jaren + 1):
        begin, tot = reg.jaargrenzen(jaar)
        dagen = (tot - begin).days
        for code in reg.percelen:
            verdeling = reg.toewijzing.get((code, jaar), {})
            for gi, g in enumerate(reg.gemeenten):
                for s in reg.leveranciers_van(code):
                    a = verdeling.get((g, s.naam), 0)
                    n = max(0, round(a * tempo * rng.uniform(0.8, 1.05)))
                    for _ in range(n):
                        volgnummer += 1
                        klant = f"K{gi + 1:03d}-{volgnummer:06d}"
                        aan = begin + dt.timedelta(days=rng.randrange(dagen))
                        rijen.append((klant, g, "aangemeld", aan, code, s.naam, ""))
                        factor = 1.6 if (code, s.naam) in traag else 0.75
                        start = aan + dt.timedelta(days=max(1, round(rng.gauss(s.wachttijd_weken * 7 * factor, 6))))
                        if start >= eind:
                            continue
                        rijen.append((klant, g, "gestart", start, "", "", ""))
                        if rng.random() < 0.08:
                            stop = start + dt.timedelta(days=rng.randrange(30, 200))
                            if stop < eind:
                                rijen.append((klant, g, "voortijdig gestopt", stop, "", "", ""))
                            continue
                        klaar = start + dt.timedelta(days=rng.randrange(300, 540))
                        if klaar < eind:
                            rijen.append((klant, g, "afgerond", klaar, "", "", ""))
                            if code not in MET_EXAMEN:
                                continue
                            u = rng.random()
                            uitslag = "B1" if u < 0.6 else ("hoogst haalbaar" if u < 0.85 else "niet behaald")
                            rijen.append((klant, g, "examen", klaar, "", "", uitslag))
    return rijen


def kwartaal(d: dt.date) -> str:
    return f"{d.year}-K{(d.month - 1) // 3 + 1}"


def slug(naam: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in naam.lower()).strip("-")


def schrijf(rijen: list[tuple], map_: Path, formaat: str = "xlsx") -> list[Path]:
    """One file per gemeente per quarter, rows in date order."""
    per: dict[tuple[str, str], list[tuple]] = {}
    for r in sorted(rijen, key=lambda r: (r[3], r[0], r[2])):
        per.setdefault((r[1], kwartaal(r[3])), []).append(r)
    map_.mkdir(parents=True, exist_ok=True)
    paden = []
    for (g, k), lijst in sorted(per.items()):
        pad = map_ / f"{slug(g)}-{k}.{formaat}"
        if formaat == "csv":
            with open(pad, "w", encoding="utf-8", newline="") as f:
                w = csv.writer(f, delimiter=";")
                w.writerow(KOLOMMEN)
                for r in lijst:
                    w.writerow((r[0], r[1], r[2], r[3].strftime("%d-%m-%Y"), r[4], r[5], r[6]))
        else:
            from openpyxl import Workbook

            wb = Workbook(write_only=True)
            ws = wb.create_sheet("Plaatsingen")
            ws.append(KOLOMMEN)
            for r in lijst:
                ws.append(list(r))
            from evaluatie.ooxml import bewaar_werkmap

            bewaar_werkmap(wb, pad, dt.datetime(2020, 1, 1))
        paden.append(pad)
    return paden


def main() -> None:
    from evaluatie.contract.lezen import lees_register
    from evaluatie.contract.register import open_register
    from evaluatie.werkmap import Werkmap

    a = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    a.add_argument("werkmap", type=Path)
    a.add_argument("--jaren", type=int, default=2)
    a.add_argument("--seed", type=int, default=2022)
    a.add_argument("--formaat", choices=("xlsx", "csv"), default="xlsx")
    args = a.parse_args()
    from evaluatie.fouten import EvaluatieFout

    try:
        db = open_register(Werkmap(args.werkmap))
    except EvaluatieFout as e:
        raise SystemExit("\n".join(e.meldingen)) from None
    reg = lees_register(db)
    db.close()
    paden = schrijf(genereer(reg, args.jaren, args.seed), args.werkmap / "aanleveringen", args.formaat)
    print(f"{len(paden)} bestanden in {args.werkmap / 'aanleveringen'}")


if __name__ == "__main__":
    main()
