"""Scale benchmark: complete workspaces at several sizes, every command timed as its own process.

For each size (gemeenten x inschrijvers) a complete werkmap is generated, seeded: the
gemeenten in subregio's (35 at national size), three lots (B1, onderwijs, Z), three
reviewers who scored every bid that passed the knock-out check, and one consensus row. Then
every command an inkoper runs is started as a separate process (`python -m evaluatie ...`),
in order, and its wall time, peak memory (ru_maxrss of that process, via os.wait4) and the
longest line it printed are reported, so growth with size can be read off one table.

Run:
    python bench/schaal.py                      # 22x10, 150x60, 342x150
    python bench/schaal.py --maten 22x10        # one size
    python bench/schaal.py --map /tmp/schaal --hergebruik   # keep and reuse generated werkmaps
    python bench/schaal.py --regels per_gemeente            # B1 with max_leveranciers_per_gemeente: 2

Bids that declare an exclusion ground are weighed (excluded) before the commands run, as an
inkoper must do before the award can be sent, so `gunning` writes all reports; with
--zonder-besluiten that open point stays and `gunning` ends with exit 1 and a CONCEPT advies only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from openpyxl import load_workbook

REPO = Path(__file__).resolve().parents[1]
MATEN = ((22, 10), (150, 60), (342, 150))
PERCELEN = ("B1", "onderwijs", "Z")
BEOORDELAARS = ("Ada Jansen", "Bram de Vries", "Cor Peters")
COMMANDO_S = (
    ("inschrijvingen", ["inschrijvingen"]),
    ("toets", ["toets"]),
    ("beoordelingen", ["beoordelingen"]),
    ("gunning --geen-rapport", ["gunning", "--geen-rapport"]),
    ("gunning", ["gunning"]),
    ("zekerheid", ["zekerheid"]),
    ("controleer", ["controleer"]),
)
VERDEELREGELS = {
    # The measurements: allocation models that can be merged over gemeenten.
    "samengevoegd": {"B1": {"max_aandeel": 0.5, "min_volume": 10}, "onderwijs": {"max_aandeel": 0.6}, "Z": {}},
    # As in the example tender: at most two suppliers per gemeente in B1.
    "per_gemeente": {
        "B1": {"max_aandeel": 0.5, "min_volume": 10, "max_leveranciers_per_gemeente": 2},
        "onderwijs": {"max_aandeel": 0.6},
        "Z": {},
    },
}


def aantal_subregios(gemeenten: int) -> int:
    """35 subregio's at national size (342 gemeenten), about one per ten gemeenten below it."""
    return max(2, min(35, round(gemeenten / 9.8)))


def definitie(gemeenten: int, zaad: int, regels: str) -> dict:
    sys.path.insert(0, str(REPO))  # bids/ holds the example generator
    from bids.genereer_voorbeeld import verdeel

    rnd = random.Random(zaad)
    n_sub = aantal_subregios(gemeenten)
    lijst = []
    for i in range(gemeenten):
        totaal = int(rnd.lognormvariate(3.3, 0.9)) + 3  # a few to a few hundred a year, like real gemeenten
        lijst.append(
            {
                "naam": f"Gemeente {i + 1:03d}",
                "subregio": f"Subregio {i % n_sub + 1:02d}",
                "inburgeraars": verdeel(totaal),
            }
        )
    return {
        "naam": f"Schaalproef {gemeenten} gemeenten",
        "penvoerder": "Gemeente 001",
        "procedure": "gunning",
        "criteriaset": "inburgering-2022",
        "data": {
            "publicatie": "2026-01-05",
            "sluiting": "2026-02-16",
            "keurmerk_peildatum": "2026-03-02",
            "gunning": "2026-04-07",
        },
        "beoordelaars": list(BEOORDELAARS),
        # sender and court: letters without them are an open point (exit 1)
        "afzender": {
            "adres": ["Postbus 1", "1000 AA Plaats"],
            "contactpersoon": {"naam": "C. Contact", "functie": "inkoopadviseur", "email": "inkoop@noord.example"},
            "ondertekenaar": {"naam": "O. Tekenaar", "functie": "afdelingshoofd Inkoop"},
        },
        "rechtsbescherming": {"rechtbank": "Rechtbank Midden-Nederland"},
        "gemeenten": lijst,
        "percelen": {code: {"gemeenten": "alle", "verdeling": VERDEELREGELS[regels][code]} for code in PERCELEN},
    }


def _bod(rnd: random.Random, data: dict, nummer: int) -> tuple[list, list[tuple]]:
    """One bidder's form values: most pass the knock-out, some fail one rule (as in a real tender)."""
    subregios: dict[str, list[str]] = {}
    for g in data["gemeenten"]:
        subregios.setdefault(g["subregio"], []).append(g["naam"])
    volume = {c: sum(g["inburgeraars"].get(c, 0) for g in data["gemeenten"]) for c in PERCELEN}
    # The first three bid on every lot, everywhere, within every rule: every allocation is feasible.
    zeker = nummer <= 3
    geldig_tot = dt.date(2021, 12, 31) if rnd.random() < 0.04 and not zeker else dt.date(2028, 6, 30)
    inschrijver = [
        f"Aanbieder {nummer:03d} B.V.",
        f"{80000000 + nummer}",
        "mevrouw A. Contact",
        f"inschrijving{nummer}@aanbieder.example.nl",
        "ja",
        f"BOW-{nummer:04d}",
        geldig_tot,
        "ja" if rnd.random() < 0.02 and not zeker else "nee",
    ]
    percelen = []
    for code in PERCELEN if zeker else rnd.sample(PERCELEN, rnd.choice((1, 2, 2, 3))):
        fout = None if zeker else rnd.choice(("prijs", "instroom", "wachttijd") + (None,) * 30)
        prijs = 10400 if fout == "prijs" else rnd.randint(7800, 10000)
        capaciteit = max(1, int(volume[code] * (rnd.uniform(0.5, 0.6) if zeker else rnd.uniform(0.3, 0.45))))
        instroom = 6 if fout == "instroom" else rnd.choice((12, 12, 12, 24))
        wachttijd = 12 if fout == "wachttijd" else rnd.choice((3, 4, 5, 6, 8))
        if zeker or rnd.random() < 0.3:
            gemeenten = "alle"
        elif rnd.random() < 0.05:  # scattered gemeenten, no whole subregio: fails the coverage rule
            gemeenten = "; ".join(sorted(rnd.sample([g["naam"] for g in data["gemeenten"]], 8)))
        else:
            gekozen = rnd.sample(sorted(subregios), rnd.randint(1, max(1, len(subregios) // 2)))
            gemeenten = "; ".join(g for s in sorted(gekozen) for g in subregios[s])
        percelen.append((code, prijs, capaciteit, instroom, wachttijd, gemeenten))
    return inschrijver, percelen


def bouw(root: Path, gemeenten: int, bieders: int, zaad: int = 7, regels: str = "samengevoegd") -> Path:
    """Write a complete workspace at `root`: tender, bids, three filled reviewer forms, consensus."""
    from evaluatie.beoordeling.formulier import (
        CONSENSUSBESTAND,
        KOPRIJ,
        TABBLAD_CONSENSUS,
        bestandsnaam,
        schrijf_beoordelingsformulier,
    )
    from evaluatie.beoordeling.verklaring import GEEN
    from evaluatie.definitie import laad_aanbesteding
    from evaluatie.inschrijving.formulier import schrijf_inschrijfformulier
    from evaluatie.pipeline import laad_invoer, schrijf_beoordelingsformulieren, te_beoordelen_rijen, toets_werkmap
    from evaluatie.werkmap import Werkmap

    rnd = random.Random(zaad)
    if root.exists():
        shutil.rmtree(root)
    (root / "inschrijvingen").mkdir(parents=True)
    (root / "beoordelingen").mkdir()
    data = definitie(gemeenten, zaad, regels)
    (root / "aanbesteding.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    aanbesteding, _ = laad_aanbesteding(root / "aanbesteding.yaml")
    from evaluatie.toets.eisen import formulierregels

    sjabloon = schrijf_inschrijfformulier(
        aanbesteding, root / "inschrijfformulier.xlsx", knockoutregels=formulierregels(aanbesteding)
    )
    for nummer in range(1, bieders + 1):
        inschrijver, percelen = _bod(rnd, data, nummer)
        wb = load_workbook(sjabloon)
        for r, w in enumerate(inschrijver, start=2):
            wb["Inschrijver"].cell(r, 2, w)
        for r, rij in enumerate(percelen, start=2):
            for j, w in enumerate(rij, start=1):
                wb["Percelen"].cell(r, j, w)
        wb.save(root / "inschrijvingen" / f"aanbieder-{nummer:03d}.xlsx")
    werkmap = Werkmap(root)
    schrijf_beoordelingsformulieren(werkmap)
    stappen = [s.tekst for s in aanbesteding.percelen["B1"].schaal.stappen]
    basis: dict[tuple[str, str], int] = {}
    for n, naam in enumerate(BEOORDELAARS):
        pad = werkmap.beoordelingen / bestandsnaam(naam)
        wb = load_workbook(pad)
        ws = wb.active
        ws["B2"], ws["B3"] = dt.date(2026, 3, 10 + n), GEEN
        for r in range(KOPRIJ + 1, ws.max_row + 1):
            sleutel = (ws.cell(r, 1).value, ws.cell(r, 3).value)
            zeker = int(str(sleutel[0]).split()[1]) <= 3  # 'Aanbieder 002 B.V.': passes the quality threshold
            stap = basis.setdefault(sleutel, 3 if zeker else rnd.choice((1, 2, 2, 3, 3, 3, 4)))
            stap = min(4, max(0, stap + rnd.choice((-1, 0, 0, 0, 1))))
            ws.cell(r, 4, stappen[stap])
            ws.cell(r, 5, f"Motivering van beoordelaar {n + 1} bij score {stappen[stap]}.")  # no name: dc89ac2
        wb.save(pad)
    rijen = te_beoordelen_rijen(invoer := laad_invoer(werkmap), toets_werkmap(invoer))[:1]
    pad = werkmap.beoordelingen / CONSENSUSBESTAND
    schrijf_beoordelingsformulier(aanbesteding, "Consensus panel", rijen, pad, titel=TABBLAD_CONSENSUS)
    wb = load_workbook(pad)
    ws = wb.active
    ws["B2"], ws["B3"] = dt.date(2026, 3, 20), GEEN
    ws.cell(KOPRIJ + 1, 4, stappen[3])
    ws.cell(KOPRIJ + 1, 5, "Het panel stelt na bespreking de score goed vast.")
    wb.save(pad)
    return root


def besluit_uitsluitingsgronden(root: Path) -> int:
    """Record the weighing of every declared exclusion ground (outcome: excluded), as the inkoper must
    before the award can be sent: without it `gunning` stops at that open point and writes only a
    CONCEPT advies, no letters, no gemeente pages and no certainty analyses. Returns how many."""
    import datetime as dt

    from evaluatie.besluiten.vastleggen import Wie, en_noteer, leg_uitsluiting_vast
    from evaluatie.pipeline import laad_invoer
    from evaluatie.werkmap import Werkmap

    werkmap = Werkmap(root)
    namen = [i.naam for i in laad_invoer(werkmap).inschrijvingen if i.uitsluitingsgronden]
    wie = Wie(
        door="T. Tester, inkoopadviseur",
        reden="Er zijn geen maatregelen tot zelfreiniging.",
        datum=dt.date(2026, 3, 25),
    )
    for naam in namen:
        en_noteer(
            werkmap,
            "uitsluitingsgrond",
            {"inschrijver": naam},
            lambda naam=naam: leg_uitsluiting_vast(
                werkmap,
                naam,
                "ernstige beroepsfout",
                "2.87",
                "De inschrijver verklaart een ernstige beroepsfout (schaalproef).",
                "Er zijn geen maatregelen getroffen.",
                "Uitsluiting is evenredig: er is geen zelfreiniging.",
                "uitgesloten",
                wie,
                dt.date(2026, 3, 25),
            ),
        )
    return len(namen)


def meet(werkmap: Path, argumenten: list[str]) -> tuple[float, float, float, int, int]:
    """Run one command as its own process: (seconds, cpu seconds, peak MB, exit code, longest output line)."""
    with tempfile.TemporaryFile() as uit:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "evaluatie", *argumenten, "--werkmap", str(werkmap)],
            stdout=uit,
            stderr=subprocess.STDOUT,
            env={**os.environ, "SOURCE_DATE_EPOCH": "1775000000"},
        )
        _, status, gebruik = os.wait4(proc.pid, 0)
        seconden = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        uit.seek(0)
        regels = uit.read().decode("utf-8", "replace").splitlines()
    if proc.returncode not in (0, 1):
        print(f"  {' '.join(argumenten)}: uitgangscode {proc.returncode}:\n    " + "\n    ".join(regels[-8:]))
    langste = max((len(r) for r in regels), default=0)
    cpu = gebruik.ru_utime + gebruik.ru_stime
    return seconden, cpu, gebruik.ru_maxrss / 1024, proc.returncode, langste


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--maten", default=",".join(f"{g}x{b}" for g, b in MATEN), help="bijvoorbeeld 22x10,342x150")
    ap.add_argument("--map", type=Path, default=None, help="waar de werkmappen komen (standaard een tijdelijke map)")
    ap.add_argument("--hergebruik", action="store_true", help="een bestaande werkmap in --map niet opnieuw maken")
    ap.add_argument("--regels", choices=sorted(VERDEELREGELS), default="samengevoegd")
    ap.add_argument("--zaad", type=int, default=7)
    ap.add_argument("--commando", default=None, help="alleen deze commando's, gescheiden door komma's")
    ap.add_argument(
        "--zonder-besluiten",
        action="store_true",
        help="de verklaarde uitsluitingsgronden niet wegen: gunning stopt dan bij dat open punt (alleen een concept)",
    )
    args = ap.parse_args()
    maten = [tuple(int(x) for x in m.split("x")) for m in args.maten.split(",")]
    gekozen = [c for c in COMMANDO_S if args.commando is None or c[0] in args.commando.split(",")]
    basis = args.map or Path(tempfile.mkdtemp(prefix="evaluatie-schaal-"))
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} kernen; werkmappen in {basis}")
    print(
        "wandtijd in s, cpu-tijd in s (c), piekgeheugen in MB, langste uitvoerregel in tekens; * = uitgangscode 1; "
        "bij een gedeelde machine is cpu het vastere getal\n"
    )
    kop = f"{'werkmap':>10} {'bouwen':>7} " + " ".join(f"{c[0]:>28}" for c in gekozen)
    print(kop)
    for gemeenten, bieders in maten:
        naam = f"{gemeenten}x{bieders}-{args.regels}-{args.zaad}" + ("-concept" if args.zonder_besluiten else "")
        root = basis / naam
        t0 = time.perf_counter()
        if not (args.hergebruik and (root / "beoordelingen" / "consensus.xlsx").is_file()):
            bouw(root, gemeenten, bieders, args.zaad, args.regels)
            if not args.zonder_besluiten:
                besluit_uitsluitingsgronden(root)
        bouwen = time.perf_counter() - t0
        cellen = []
        for _, argumenten in gekozen:
            s, cpu, mb, code, langste = meet(root, argumenten)
            cellen.append(f"{s:6.1f}s {cpu:5.1f}c {mb:4.0f}MB {langste:5d}{'*' if code == 1 else ' '}")
        print(f"{gemeenten:>4} x {bieders:<3} {bouwen:6.1f}s " + " ".join(f"{c:>28}" for c in cellen), flush=True)
    if args.map is None:
        shutil.rmtree(basis)


if __name__ == "__main__":
    main()
