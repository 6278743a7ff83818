"""The import graph of evaluatie/, built with ast: no cycle, and no import from a lower layer to a
higher one, per the layer list in the README ("Opbouw van de code"). Imports inside functions
count (they hide cycles as well as any); imports under `if TYPE_CHECKING:` do not (they never run).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.hulp import REPO

PAKKET = REPO / "evaluatie"


def lagen() -> dict[str, int]:
    """'definitie.laden' -> 7, from the numbered list between <!-- lagen --> markers in the README."""
    tekst = (REPO / "README.md").read_text(encoding="utf-8")
    blok = tekst.split("<!-- lagen -->")[1].split("<!-- /lagen -->")[0]
    uit: dict[str, int] = {}
    for regel in blok.strip().splitlines():
        m = re.match(r"(\d+)\. (.*)", regel)
        assert m, f"README, lagen: regel zonder nummer: {regel!r}"
        for naam in re.findall(r"`([\w.]+)`", m.group(2).split(" (")[0]):  # a remark in brackets names no module
            assert naam not in uit, f"README, lagen: {naam} staat twee keer in de lijst"
            uit[naam] = int(m.group(1))
    return uit


def modules() -> dict[str, Path]:
    uit = {}
    for pad in PAKKET.rglob("*.py"):
        delen = list(pad.relative_to(REPO).with_suffix("").parts)
        if delen[-1] == "__init__" and len(delen) > 1:
            delen = delen[:-1]
        uit[".".join(delen)] = pad
    return uit


def _onder_type_checking(knoop: ast.If) -> bool:
    t = knoop.test
    return (isinstance(t, ast.Name) and t.id == "TYPE_CHECKING") or (
        isinstance(t, ast.Attribute) and t.attr == "TYPE_CHECKING"
    )


def imports(pad: Path, bekend: dict[str, Path]) -> set[str]:
    """The package's own modules that `pad` imports anywhere except under TYPE_CHECKING."""
    uit: set[str] = set()

    def bezoek(knoop: ast.AST) -> None:
        if isinstance(knoop, ast.If) and _onder_type_checking(knoop):
            for k in knoop.orelse:
                bezoek(k)
            return
        if isinstance(knoop, ast.ImportFrom) and knoop.level == 0 and knoop.module:
            if knoop.module == "evaluatie" or knoop.module.startswith("evaluatie."):
                for a in knoop.names:
                    sub = f"{knoop.module}.{a.name}"
                    uit.add(sub if sub in bekend else knoop.module)
        elif isinstance(knoop, ast.ImportFrom) and knoop.level:
            raise AssertionError(f"{pad}: relatieve import; gebruik de volledige naam")
        elif isinstance(knoop, ast.Import):
            uit.update(a.name for a in knoop.names if a.name.split(".")[0] == "evaluatie")
        for kind in ast.iter_child_nodes(knoop):
            bezoek(kind)

    bezoek(ast.parse(pad.read_text(encoding="utf-8")))
    return uit


def laag(module: str, tabel: dict[str, int]) -> int | None:
    """The layer of the longest listed prefix ('evaluatie.definitie.laden' -> 'definitie.laden')."""
    delen = module.split(".")[1:] or ["__init__"]
    for n in range(len(delen), 0, -1):
        if ".".join(delen[:n]) in tabel:
            return tabel[".".join(delen[:n])]
    return None


def graaf() -> dict[str, set[str]]:
    bekend = modules()
    return {m: imports(p, bekend) - {m} for m, p in bekend.items()}


def test_iedere_module_staat_in_een_laag() -> None:
    tabel = lagen()
    zonder = sorted(m for m in modules() if laag(m, tabel) is None)
    assert zonder == [], f"zet deze modules in de lijst 'lagen' van de README: {zonder}"


def test_geen_import_naar_een_hogere_laag() -> None:
    tabel = lagen()
    omhoog = [
        f"{a} (laag {laag(a, tabel)}) importeert {b} (laag {laag(b, tabel)})"
        for a, doelen in sorted(graaf().items())
        for b in sorted(doelen)
        if (laag(b, tabel) or 0) > (laag(a, tabel) or 0)
    ]
    assert omhoog == []


def test_geen_kring() -> None:
    g = graaf()
    kringen = []
    index: dict[str, int] = {}
    laagst: dict[str, int] = {}
    stapel: list[str] = []
    op_stapel: set[str] = set()

    def verbind(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = laagst[v] = len(index)
        stapel.append(v)
        op_stapel.add(v)
        for w in sorted(g.get(v, ())):
            if w not in index:
                verbind(w)
                laagst[v] = min(laagst[v], laagst[w])
            elif w in op_stapel:
                laagst[v] = min(laagst[v], index[w])
        if laagst[v] == index[v]:
            deel = []
            while True:
                w = stapel.pop()
                op_stapel.discard(w)
                deel.append(w)
                if w == v:
                    break
            if len(deel) > 1:
                kringen.append(sorted(deel))

    for v in sorted(g):
        if v not in index:
            verbind(v)
    assert kringen == []


def test_de_controle_kan_falen(tmp_path: Path) -> None:
    """The checks find a planted cycle and a planted climb (so the tests above can fail)."""
    bekend = modules()
    pad = tmp_path / "x.py"
    pad.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from evaluatie.cli import main\n"
        "def f():\n    from evaluatie.pipeline import gun\n    from evaluatie.verdeling.klassen import klassen\n",
        encoding="utf-8",
    )
    assert imports(pad, bekend) == {"evaluatie.pipeline", "evaluatie.verdeling.klassen"}
    tabel = lagen()
    assert laag("evaluatie.definitie.laden", tabel) == laag("evaluatie.definitie", tabel)
    assert laag("evaluatie.definitie.model", tabel) < laag("evaluatie.prijs.basis", tabel)  # type: ignore[operator]
    assert laag("evaluatie.pipeline", tabel) > laag("evaluatie.zekerheid.weglaten", tabel)  # type: ignore[operator]


ZWAAR = ("pandas", "numpy", "pulp", "highspy", "matplotlib", "openpyxl", "docx", "python_calamine", "krippendorff")


def _geladen_na_import(module: str) -> list[str]:
    import subprocess
    import sys

    code = f"import sys, {module}; print(' '.join(m for m in {ZWAAR!r} if m in sys.modules))"
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    return uit.stdout.split()


def test_zware_bibliotheken_pas_bij_gebruik() -> None:
    """`evaluatie --help` and importing the library load none of the heavy libraries: they are
    imported where they are used (the solver, the charts, the workbooks, the analyst API)."""
    assert _geladen_na_import("evaluatie.cli") == []
    assert _geladen_na_import("evaluatie.pipeline") == []
    assert _geladen_na_import("evaluatie") == []
