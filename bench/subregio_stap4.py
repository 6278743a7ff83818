"""Stage 4 under per_subregio on the national tender: what the model looks like and what its proof costs (issue #24).

For every seed and lot of `bench/landelijk.py` (rule set per_subregio) this runs the fast path
(evaluatie.verdeling.pad) once, takes the stage-4 model with one choice per subregio
(evaluatie.verdeling.subregiokeuze) that the path built, and prints:
- its size: 0/1 columns z (subregio, supplier), columns y, suppliers with a total above 0;
- the decomposition the brief of issue #24 asked about: the connected components of the graph
  subregio <-> supplier (an edge where a z exists), the suppliers with one subregio only (their z is
  forced to 1 by their total), the subregio's with one candidate (forced to 1 by their demand) and the
  subregio's whose every z is forced: what a presolve of that kind would leave for the MIP;
- three numbers of stage 4: the transportation LP without the subregio rule (an upper bound), the LP
  relaxation of the stage-4 model, and the proven optimum;
- the stage-4 MIP solved again, on its own, once per variant: HiGHS with its defaults as the library
  runs it ('standaard'), HiGHS with the options of every --variant (NAME=OPTION:VALUE+OPTION:VALUE),
  and CBC when --cbc is given; cpu seconds (this process and CBC subprocesses), nodes and the value.
  Every variant must reach the same value (all are exact): 'ja' or 'NEE'.
With --relaxatie it also times stages 1-3 of the relaxation before stage 4 (one class per subregio,
evaluatie.verdeling.pad.subregioklassen) on CBC, on HiGHS, and on HiGHS with x continuous in stage 1 (what
'auto' uses, oplosser.AUTO_PER_STAP 'relaxatie_subregio'); the three must reach the same stage values.

Run: python bench/subregio_stap4.py [--zaden 7,1,2] [--percelen B1] [--variant naam=optie:waarde+...] [--cbc]
[--relaxatie]
"""

from __future__ import annotations

import argparse
import resource
import time
from typing import Any

from landelijk import AANDEEL, probleem, regelset  # bench/, beside this script

from evaluatie.stdout import alleen_eigen_uitvoer
from evaluatie.verdeling import pad
from evaluatie.verdeling.matrix import CbcMotor, HighsMotor, Motor, doelwaarde, motor
from evaluatie.verdeling.model import Verdeelprobleem
from evaluatie.verdeling.opbouw import Opbouw, bouw
from evaluatie.verdeling.subregiokeuze import Subregiokeuze, bouw_keuze


def _cpu() -> float:
    eigen = time.process_time()
    kinderen = resource.getrusage(resource.RUSAGE_CHILDREN)
    return eigen + kinderen.ru_utime + kinderen.ru_stime


def stap4_model(p: Verdeelprobleem) -> tuple[Subregiokeuze, Opbouw, dict[int, int], int]:
    """The stage-4 model the fast path built for this lot, its transportation model and totals, and the
    stage-4 value of the path's allocation."""
    gevangen: list[tuple[Opbouw, dict[int, int]]] = []
    echt = pad.bouw_keuze

    def vang(q: Verdeelprobleem, transport: Opbouw, totalen: dict[int, int]) -> Subregiokeuze:
        gevangen.append((transport, dict(totalen)))
        return echt(q, transport, totalen)

    pad.bouw_keuze = vang  # type: ignore[assignment]
    try:
        v = pad.verdeel_exact(p, "auto", None)
    finally:
        pad.bouw_keuze = echt
    if v.pad != pad.STAP4_SUBREGIO or not gevangen:
        raise SystemExit(f"{p.perceel}: rekenpad {v.pad}, niet {pad.STAP4_SUBREGIO}")
    transport, totalen = gevangen[-1]
    return bouw_keuze(p, transport, totalen), transport, totalen, v.doelwaarden[3]


def structuur(k: Subregiokeuze) -> str:
    """What a presolve by decomposition leaves: forced choices, and the components of what is free.

    Forced: a supplier with one subregio (its total must go there) and a subregio with one candidate (its
    demand needs it). A subregio whose every choice is forced drops out; the components are those of the
    graph subregio <-> supplier over the choices that are still free."""
    per_leverancier: dict[int, list[int]] = {}
    kandidaten: dict[int, list[int]] = {}
    for ri, si in k.z:
        per_leverancier.setdefault(si, []).append(ri)
        kandidaten.setdefault(ri, []).append(si)
    een_subregio = {(rs[0], si) for si, rs in per_leverancier.items() if len(rs) == 1}
    een_kandidaat = {(ri, ss[0]) for ri, ss in kandidaten.items() if len(ss) == 1}
    gedwongen = een_subregio | een_kandidaat
    vast = {ri for ri, ss in kandidaten.items() if all((ri, si) in gedwongen for si in ss)}
    ouder: dict[tuple[str, int], tuple[str, int]] = {}

    def wortel(a: tuple[str, int]) -> tuple[str, int]:
        while ouder.setdefault(a, a) != a:
            a = ouder[a]
        return a

    for ri, si in k.z:
        if (ri, si) not in gedwongen:
            ouder[wortel(("r", ri))] = wortel(("s", si))
    delen: dict[tuple[str, int], int] = {}
    for ri in kandidaten:
        if ri not in vast:
            delen[wortel(("r", ri))] = delen.get(wortel(("r", ri)), 0) + 1
    return (
        f"{len(een_subregio)} inschrijver(s) met één subregio, {len(een_kandidaat)} subregio('s) met één "
        f"inschrijver, {len(vast)} subregio('s) geheel vast; de rest in {len(delen)} component(en) (subregio's "
        f"per component {sorted(delen.values(), reverse=True)})"
    )


def lp_grens(k: Subregiokeuze) -> float:
    m = HighsMotor(k.lin, None)
    m.zet_geheel(sorted(m.gehele), False)
    m.los(k.doel, True)
    return float(m.h.getInfo().objective_function_value)


def transport_grens(transport: Opbouw) -> float:
    m = HighsMotor(transport.lin, None)
    m.los(transport.doelen[3], True)
    return float(m.h.getInfo().objective_function_value)


def _waarde(tekst: str) -> Any:
    for soort in (int, float):
        try:
            return soort(tekst)
        except ValueError:
            pass
    return {"true": True, "false": False}.get(tekst, tekst)


def los_variant(k: Subregiokeuze, opties: dict[str, str] | None) -> tuple[float, int, str]:
    """Stage 4 on its own: cpu seconds, the value and the nodes ('-' for CBC); opties None: CBC."""
    c0 = _cpu()
    m: Motor
    if opties is None:
        for j in k.tu:  # CBC: y continuous as well (the same exact model)
            k.lin.geheel[j] = False
        m = CbcMotor(k.lin, None)
        waarden = pad._los(m, k.doel, True)
        for j in k.tu:
            k.lin.geheel[j] = True
        return _cpu() - c0, doelwaarde(k.doel, waarden), "-"
    m = HighsMotor(k.lin, None)
    for optie, waarde in opties.items():
        m.h.setOptionValue(optie, _waarde(waarde))
    waarden = pad._los(m, k.doel, True, None, k.tu)
    return _cpu() - c0, doelwaarde(k.doel, waarden), str(m.h.getInfo().mip_node_count)


def relaxatie(p: Verdeelprobleem) -> str:
    """Stages 1-3 of the per_subregio relaxation on CBC, HiGHS and HiGHS with x continuous in stage 1."""
    delen = []
    waarden = set()
    for naam, continu in (("CBC", False), ("HiGHS", False), ("HiGHS, x continu in stap 1", True)):
        rel = bouw(p, pad.subregioklassen(p), subregio="klasse", budget=True)
        c0 = _cpu()
        _, behaald = pad.lexicografisch(motor(naam.split(",")[0].lower(), rel.lin, None), rel, stappen=3, tu=continu)
        delen.append(f"{naam} {_cpu() - c0:.2f}")
        waarden.add(tuple(behaald))
    gelijk = "ja" if len(waarden) == 1 else "NEE"
    return f"  relaxatie (stap 1-3), cpu: {'; '.join(delen)}; zelfde stapwaarden: {gelijk}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--zaden", default="7,1,2")
    ap.add_argument("--percelen", default="B1", help="komma-gescheiden: B1, onderwijs, Z")
    ap.add_argument("--variant", action="append", default=[], help="naam=optie:waarde+optie:waarde (HiGHS)")
    ap.add_argument("--cbc", action="store_true", help="ook CBC (PuLP) op hetzelfde model")
    ap.add_argument("--relaxatie", action="store_true", help="ook stap 1-3 van de relaxatie per oplosser")
    args = ap.parse_args()
    # highspy announces itself on stdout when first constructed: keep it out of the table
    with alleen_eigen_uitvoer():
        import highspy

        highspy.Highs()
    varianten: list[tuple[str, dict[str, str] | None]] = [("standaard", {})]
    for tekst in args.variant:
        naam, _, rest = tekst.partition("=")
        varianten.append((naam, dict(deel.split(":", 1) for deel in rest.split("+") if deel)))
    if args.cbc:
        varianten.append(("CBC", None))
    regels, begroting = regelset("per_subregio")
    print("Stap 4 bij per_subregio, landelijk (342 gemeenten, 35 subregio's, 150 inschrijvers); cpu in seconden")
    for zaad in (int(z) for z in args.zaden.split(",")):
        for code in args.percelen.split(","):
            if code not in AANDEEL:
                raise SystemExit(f"onbekend perceel {code}")
            p = probleem(code, zaad, regels, begroting)
            k, transport, totalen, optimum = stap4_model(p)
            print(
                f"zaad {zaad} {code}: {len(k.z)} ja/nee-kolommen z, {len(k.y)} kolommen y, "
                f"{len(totalen)} inschrijvers met volume; {structuur(k)}"
            )
            print(
                f"  transportmodel zonder de regel {transport_grens(transport):,.0f}; LP-relaxatie "
                f"{lp_grens(k):,.0f}; optimum {optimum:,}".replace(",", ".")
            )
            if args.relaxatie:
                print(relaxatie(p), flush=True)
            for naam, opties in varianten:
                cpu, waarde, knopen = los_variant(k, opties)
                gelijk = "ja" if waarde == optimum else f"NEE ({waarde})"
                print(f"  {naam:<34} cpu {cpu:7.2f}  knopen {knopen:>6}  zelfde optimum: {gelijk}", flush=True)


if __name__ == "__main__":
    main()
