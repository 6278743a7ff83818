"""The quick proof of evaluatie.werkboekgrens (`_zeker_binnen`) never changes what the exact check says.

`controleer` first tries to prove, from the same regular-expression matches, that the exact
walk over every cell cannot raise; only then does it skip that walk. Each workbook here (the
example's real forms and crafted ones on both sides of every bound, and shapes the proof does
not handle) is checked twice: with the proof and with the proof switched off. The outcome (no
objection, or the same place and message) must be identical, and the proof must be taken for
the ordinary forms, else it saves nothing.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from evaluatie import werkboekgrens
from evaluatie.werkboekgrens import MAX_CELLEN, MAX_KOLOMMEN, MAX_RIJEN
from tests.ruw_xlsx import Blad, Werkboek, schrijf

VOORBEELD = Path(__file__).resolve().parents[1] / "bids" / "voorbeeld"


def _uitkomst(pad: Path) -> tuple[str, str] | None:
    try:
        werkboekgrens.controleer(pad, pad.name)
    except werkboekgrens.TeGroot as e:
        return e.plaats, e.bericht
    return None


def _beide(pad: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[tuple[str, str] | None, bool]:
    """(outcome, proof taken); asserts the outcome equals the exact check's alone."""
    genomen: list[bool] = []
    echt = werkboekgrens._zeker_binnen

    def bijhouden(*args: object) -> bool:
        genomen.append(echt(*args))  # type: ignore[arg-type]
        return genomen[-1]

    monkeypatch.setattr(werkboekgrens, "_zeker_binnen", bijhouden)
    met = _uitkomst(pad)
    monkeypatch.setattr(werkboekgrens, "_zeker_binnen", lambda *args: False)
    zonder = _uitkomst(pad)
    monkeypatch.setattr(werkboekgrens, "_zeker_binnen", echt)
    assert met == zonder
    return met, any(genomen)


@pytest.mark.parametrize("pad", [*sorted(VOORBEELD.glob("*/*.xlsx")), VOORBEELD / "inschrijfformulier.xlsx"])
def test_echte_formulieren_nemen_het_bewijs(pad: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _beide(pad, monkeypatch) == (None, True)


def _een_cel(rij: int, kolom: int) -> Blad:
    """A cell at (rij, kolom), 1-based, after one in A1."""
    rijen: list[list[tuple[int, str]]] = (
        [[(0, "<v>1</v>")]] + [[] for _ in range(rij - 2)] + [[(kolom - 1, "<v>2</v>")]]
    )
    return Blad("Percelen", rijen, soort="n")


@pytest.mark.parametrize(
    ("rij", "kolom", "bezwaar"),
    [
        (MAX_RIJEN, MAX_CELLEN // MAX_RIJEN, False),
        (MAX_CELLEN // MAX_KOLOMMEN, MAX_KOLOMMEN, False),
        (MAX_CELLEN // MAX_KOLOMMEN + 1, MAX_KOLOMMEN, True),
        (MAX_RIJEN + 1, 1, True),
        (2, MAX_KOLOMMEN + 1, True),
    ],
)
def test_verste_cel_op_en_over_de_grens(
    rij: int, kolom: int, bezwaar: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pad = schrijf(tmp_path / "bod.xlsx", Werkboek([_een_cel(rij, kolom)]))
    uitkomst, genomen = _beide(pad, monkeypatch)
    assert (uitkomst is not None) == bezwaar
    assert genomen != bezwaar


def _vervang(pad: Path, oud: bytes, nieuw: bytes) -> Path:
    uit = pad.with_name("anders-" + pad.name)
    with zipfile.ZipFile(pad) as bron, zipfile.ZipFile(uit, "w") as doel:
        for info in bron.infolist():
            data = bron.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                assert oud in data
                data = data.replace(oud, nieuw)
            doel.writestr(info, data)
    return uit


@pytest.mark.parametrize(
    ("oud", "nieuw", "bezwaar"),
    [
        # cells that do not name themselves: their columns count on from the last named cell
        (b'<row r="2">', b'<row r="2">' + b"<c><v>0</v></c>" * (MAX_KOLOMMEN + 5), True),
        (b'<row r="2">', b'<row r="2">' + b"<c><v>0</v></c>" * 3, False),
        # a row number the exact check cannot read as a number: an unreadable workbook
        (b'<row r="2">', b'<row r="' + b"9" * 5000 + b'">', True),
        (b'<row r="2">', b'<row r="' + b"1" * 13 + b'">', False),
        # a declared dimension out of bounds
        (b"<sheetData>", b'<dimension ref="A1:XFD1048576"/><sheetData>', True),
        # a cell whose r has no digits, or an attribute before r that looks like one
        (b'<c r="B3">', b'<c r="B">', False),
        (b'<c r="B3">', b'<c xr="Z9" r="B3">', False),
        (b'<c r="B3">', b"<c r='B3'>", False),
        # tags the quick count of '<c' and ':c' sees, and the collected tags (_LABEL) read otherwise than _BLAD:
        # after the last cell (no '</c>' follows) _BLAD reads a dimension there, out of bounds
        (b"</sheetData>", b'<c:dimension ref="A1:XFD1048576"></sheetData>', True),
        (b"</sheetData>", b'<c r="A1" <dimension ref="A1:XFD1048576"></sheetData>', True),
        (b"</sheetData>", b'<x:c r="A1" <dimension ref="A1:XFD1048576"></sheetData>', True),
        # a prefix that is itself a name: _BLAD reads a row here, not a cell in column XFD
        (b'<row r="2">', b'<row r="2"><row:c r="XFD2"><v>0</v></c>', False),
        # a cell that does not name itself first, or with a prefix, far out or in bounds
        (b'<c r="B3">', b'<c s="1" r="XFD3">', True),
        (b'<c r="B3">', b'<x:c r="XFD3">', True),
        (b'<c r="B3">', b'<x:c r="B3">', False),
        (b'<c r="B3">', b'<c  r="XFD3">', True),
        # a row number too long to read, after another attribute or a prefix
        (b'<row r="2">', b'<row spans="1:2" r="' + b"9" * 5000 + b'">', True),
        (b'<row r="2">', b'<x:row r="' + b"9" * 5000 + b'">', True),
    ],
)
def test_vormen_buiten_het_bewijs(
    oud: bytes, nieuw: bytes, bezwaar: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pad = _vervang(schrijf(tmp_path / "bod.xlsx", Werkboek([_een_cel(3, 2)])), oud, nieuw)
    uitkomst, _ = _beide(pad, monkeypatch)
    assert (uitkomst is not None) == bezwaar


def test_gedeelde_tekst_telt_als_bovengrens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every cell refers to a short shared string while the table also holds a long one: the proof
    bounds each cell by the longest (25 MB, over the bound) and leaves it to the exact check, which
    counts 2.500 characters and has no objection."""
    rijen = ([(k, "<v>1</v>") for k in range(50)] for _ in range(50))
    pad = schrijf(tmp_path / "bod.xlsx", Werkboek([Blad("Percelen", rijen)], ["x" * 10_000, "a"]))
    assert _beide(pad, monkeypatch) == (None, False)
