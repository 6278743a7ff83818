"""How long the report charts take, written as SVG directly: import, and rendering at example and national size.

Run: python bench/grafieken.py   -> medians of 5 runs, each in a fresh interpreter. Figures vary with machine load.
"""

import statistics
import subprocess
import sys

IMPORT = "import time; t=time.perf_counter(); from evaluatie.rapport import grafieken; print(time.perf_counter()-t)"
RENDER = """
import time
from evaluatie.rapport import grafieken
from tests.test_grafieken import nationaal_perceel
for n_g, n_b in ((7, 6), (342, 150)):
    p, s = nationaal_perceel(n_g, n_b, min(35, n_g))
    a = time.perf_counter(); grafieken.kwaliteit_prijs(p, 'a'); grafieken.verdeling_per_gemeente(p, 'b', s)
    print(n_g, n_b, time.perf_counter() - a)
"""


def mediaan(code: str) -> list[float]:
    uit = [subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
           for _ in range(5)]  # fmt: skip
    return [statistics.median(float(r.split()[-1]) for r in (u.splitlines()[i] for u in uit))
            for i in range(len(uit[0].splitlines()))]  # fmt: skip


print(f"import evaluatie.rapport.grafieken:                  {mediaan(IMPORT)[0]:.3f} s")
voorbeeld, landelijk = mediaan(RENDER)
print(f"twee grafieken, 7 gemeenten x 6 inschrijvers:        {voorbeeld:.3f} s")
print(f"twee grafieken, 342 gemeenten x 150 inschrijvers:    {landelijk:.3f} s")
