"""What the bounds check of evaluatie.werkboekgrens costs, and the peak memory of reading at the bounds.

Run: python bench/werkboekgrens.py
Prints, per workbook, the cpu and wall seconds of the check alone, of check plus reading
(lees_werkboek), and the peak RSS of a fresh process that reads it:
- a filled-in bid of the example (tens of cells);
- a workbook at every bound at once (1.000.000 cells, each its own shared string, 20 MB of text
  in the table and 20 MB in the cells);
- the shared-string bomb (one 20 KB string in every cell of 2.000 x 200), refused.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluatie.werkboekgrens import MAX_CELLEN, MAX_RIJEN, MAX_TEKENS
from tests.ruw_xlsx import Blad, Werkboek, schrijf

_MEET = textwrap.dedent(
    """
    import json, resource, sys, time
    from pathlib import Path
    from evaluatie import werkboek, werkboekgrens
    from evaluatie.fouten import Verzamelaar
    pad = Path(sys.argv[1])
    c0, w0 = time.process_time(), time.perf_counter()
    try:
        werkboekgrens.controleer(pad, pad.name)
        geweigerd = None
    except werkboekgrens.TeGroot as e:
        geweigerd = str(e)[:90]
    c1, w1 = time.process_time(), time.perf_counter()
    fouten = Verzamelaar()
    werkboek.lees_werkboek(pad, pad.name, fouten)
    c2, w2 = time.process_time(), time.perf_counter()  # lezen includes the check (lees_werkboek runs it)
    print(json.dumps({"controle_cpu": c1 - c0, "controle_wand": w1 - w0, "lezen_cpu": c2 - c1,
                      "lezen_wand": w2 - w1, "geweigerd": geweigerd,
                      "piek_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))
    """
)


def meet(pad: Path) -> dict[str, object]:
    uit = subprocess.run([sys.executable, "-c", _MEET, str(pad)], capture_output=True, text=True, check=True)
    return json.loads(uit.stdout)


def main() -> None:
    from bids.genereer_voorbeeld import genereer

    with tempfile.TemporaryDirectory() as tmp:
        map_ = Path(tmp)
        vb = genereer(map_ / "vb")
        kolommen = MAX_CELLEN // MAX_RIJEN
        n = MAX_RIJEN * kolommen
        lengte = MAX_TEKENS // n
        rijen = ([(k, f"<v>{r * kolommen + k}</v>") for k in range(kolommen)] for r in range(MAX_RIJEN))
        grens = schrijf(map_ / "grens.xlsx", Werkboek([Blad("Blad", rijen)], [f"{i:0{lengte}d}" for i in range(n)]))
        bom_rijen = ([(k, "<v>0</v>") for k in range(200)] for _ in range(2_000))
        bom = schrijf(map_ / "bom.xlsx", Werkboek([Blad("Blad", bom_rijen)], ["x" * 20_000]))
        for naam, pad in (
            ("bod voorbeeld", vb / "inschrijvingen" / "kompas.xlsx"),
            ("op de grenzen", grens),
            ("bom", bom),
        ):
            m = meet(pad)
            print(
                f"{naam:14} {pad.stat().st_size / 1e6:6.2f} MB  controle {m['controle_cpu']:.3f} s cpu "
                f"({m['controle_wand']:.3f} s wand)  lezen {m['lezen_cpu']:.3f} s cpu ({m['lezen_wand']:.3f} s wand)  "
                f"piek {m['piek_mb']} MB" + (f"  geweigerd: {m['geweigerd']}" if m["geweigerd"] else "")
            )


if __name__ == "__main__":
    main()
