"""Robustness benchmark: 10,000 Monte Carlo draws and all margins-to-win on a 30-bidder lot.

Builds a real workspace in a temp dir (tender YAML, 30 bid workbooks, 3 reviewers' filled
forms; seeded), runs the award once, then times the analyses.
Run: python bench/zekerheid.py [--inschrijvers 30] [--trekkingen 10000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from pathlib import Path

import yaml
from openpyxl import load_workbook

from evaluatie.beoordeling.verklaring import GEEN
from evaluatie.inschrijving.formulier import schrijf_inschrijfformulier
from evaluatie.pipeline import gun, schrijf_beoordelingsformulieren
from evaluatie.werkmap import Werkmap


def bouw(root: Path, n: int, zaad: int) -> Werkmap:
    rnd = random.Random(zaad)
    gemeenten = [
        {"naam": f"Gemeente {i:02d}", "subregio": f"R{i % 4}", "inburgeraars": {"B1": rnd.randint(5, 80)}}
        for i in range(20)
    ]
    data = {
        "naam": "Benchmark",
        "penvoerder": "Gemeente 00",
        "procedure": "gunning",
        "criteriaset": "inburgering-2022",
        "data": {
            "publicatie": "2026-01-05",
            "sluiting": "2026-02-16",
            "keurmerk_peildatum": "2026-03-02",
            "gunning": "2026-04-07",
        },
        "beoordelaars": ["Ada", "Bram", "Cor"],
        "gemeenten": gemeenten,
        "percelen": {
            "B1": {
                "knockout": {"minimum_kwaliteit": {"drempel": 0}, "capaciteit": {"minimum": 1}},
                "verdeling": {"max_aandeel": 0.3},
            }
        },
    }
    werkmap = Werkmap(root)
    (root / "inschrijvingen").mkdir(parents=True)
    (root / "aanbesteding.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    from evaluatie.definitie import laad_aanbesteding

    aanbesteding, _ = laad_aanbesteding(werkmap.aanbesteding)
    from evaluatie.toets.eisen import formulierregels

    sjabloon = schrijf_inschrijfformulier(
        aanbesteding, root / "inschrijfformulier.xlsx", knockoutregels=formulierregels(aanbesteding)
    )
    for i in range(n):
        wb = load_workbook(sjabloon)
        for r, w in enumerate(
            [f"Aanbieder {i:02d}", f"{90000000 + i}", "Contact", "a@b.nl", "ja", "BOW", dt.date(2030, 1, 1), "nee"],
            start=2,
        ):
            wb["Inschrijver"].cell(r, 2, w)
        for j, w in enumerate(["B1", rnd.randint(8000, 10000), rnd.randint(40, 200), 12, 4, "alle"], start=1):
            wb["Percelen"].cell(2, j, w)
        wb.save(root / "inschrijvingen" / f"a{i:02d}.xlsx")
    schrijf_beoordelingsformulieren(werkmap)
    for pad in sorted((root / "beoordelingen").glob("*.xlsx")):
        wb = load_workbook(pad)
        ws = wb["Beoordeling"]
        ws["B2"], ws["B3"] = dt.date(2026, 3, 1), GEEN
        for r in range(6, ws.max_row + 1):
            ws.cell(r, 4, rnd.choice(["matig", "voldoende", "goed", "uitstekend"]))
            ws.cell(r, 5, "Toelichting.")
        wb.save(pad)
    return werkmap


def main() -> None:
    from evaluatie.zekerheid.marge import marges
    from evaluatie.zekerheid.storing import storing

    ap = argparse.ArgumentParser()
    ap.add_argument("--inschrijvers", type=int, default=30)
    ap.add_argument("--trekkingen", type=int, default=10_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        werkmap = bouw(Path(tmp) / "ws", args.inschrijvers, 11)
        t1 = time.perf_counter()
        award = gun(werkmap, "B1")
        t2 = time.perf_counter()
        s = storing(award, "B1", args.trekkingen)
        t3 = time.perf_counter()
        m = marges(award, "B1")
        t4 = time.perf_counter()
    print(
        f"Perceel met {len(award.uitslag.percelen['B1'].rangorde)} toegelaten inschrijvers, 4 criteria, 3 beoordelaars"
    )
    print(f"werkmap bouwen              {t1 - t0:8.3f} s")
    print(f"gunning (lezen + LP)        {t2 - t1:8.3f} s")
    print(
        f"{args.trekkingen} trekkingen Monte Carlo {s.seconden:8.3f} s (alleen rekenen; met voorbereiding "
        f"{t3 - t2:.3f} s); winnaar blijft eerste in {100 * s.kans_winnaar_blijft:.1f}%"
    )
    print(f"marge tot winnen, {len(m)} inschrijvers {t4 - t3:8.3f} s")


if __name__ == "__main__":
    main()
