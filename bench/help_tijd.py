"""How fast `evaluatie --help` starts (the CLI imports pandas and pulp lazily).

Run: python bench/help_tijd.py   -> prints the median of 15 runs in a fresh interpreter each.
"""

import statistics
import subprocess
import sys
import time

tijden = []
for _ in range(15):
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "evaluatie", "--help"], check=True, capture_output=True)
    tijden.append(time.perf_counter() - t0)
print(
    f"evaluatie --help: mediaan {statistics.median(tijden):.3f} s, min {min(tijden):.3f} s, max {max(tijden):.3f} s "
    f"(15 runs, python -m evaluatie)"
)
