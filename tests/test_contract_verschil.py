"""The difference rule and the totals rule against an independent auditor: exact linear algebra.

Random series (cumulative counts at a few points in time) and random figures offered for publication
go through `evaluatie.contract.totalen.probeer`, as the quarterly reports do. The auditor then takes
only the accepted figures, each a vector over the unknowns (the count of every part in every period
between two points; a total is the sum of its parts), and asks by Gaussian elimination over the
rationals which differences F(y) - F(x) of which series a reader can compute at all. None of those may
be 1-4: that is the privacy promise, checked without the union-find the library uses.
"""

from __future__ import annotations

from fractions import Fraction
from itertools import accumulate, combinations
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from evaluatie.contract.totalen import Reeks, Relatie, probeer
from evaluatie.contract.verschil import Kennis, verschillen_toelaatbaar

PUNTEN = 6  # points 0..5: F(0) = 0 at the start, then five period ends


def _rang(rijen: list[list[Fraction]]) -> int:
    m = [r[:] for r in rijen]
    rang, kolommen = 0, len(m[0]) if m else 0
    for k in range(kolommen):
        spil = next((i for i in range(rang, len(m)) if m[i][k] != 0), None)
        if spil is None:
            continue
        m[rang], m[spil] = m[spil], m[rang]
        for i in range(len(m)):
            if i != rang and m[i][k] != 0:
                f = m[i][k] / m[rang][k]
                m[i] = [a - f * b for a, b in zip(m[i], m[rang], strict=True)]
        rang += 1
    return rang


def _afleidbaar(gepubliceerd: list[list[Fraction]], vraag: list[Fraction]) -> bool:
    return _rang([*gepubliceerd, vraag]) == _rang(gepubliceerd) if gepubliceerd else not any(vraag)


def _vector(deel: int, delen: int, x: int, y: int) -> list[Fraction]:
    """F(y) - F(x) of part `deel` (or of the total: deel = -1) over the unknowns (part, period)."""
    v = [Fraction(0)] * (delen * (PUNTEN - 1))
    for d in range(delen) if deel < 0 else [deel]:
        for p in range(min(x, y), max(x, y)):
            v[d * (PUNTEN - 1) + p] = Fraction(1 if y > x else -1)
    return v


def _reeks(stappen: list[int]) -> Kennis:
    """A series with `stappen[p]` persons counted in period p (between point p and p + 1)."""
    datums = [p + 1 for p, n in enumerate(stappen) for _ in range(n)]
    return Kennis(datums)


stappen = st.lists(st.integers(0, 9), min_size=PUNTEN - 1, max_size=PUNTEN - 1)
interval = st.tuples(st.integers(0, PUNTEN - 2), st.integers(1, PUNTEN - 1)).map(lambda t: (t[0], max(t[1], t[0] + 1)))


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.lists(stappen, min_size=1, max_size=4), st.data())
def test_geen_afleidbaar_klein_verschil(per_deel: list[list[int]], data: st.DataObject) -> None:
    welke = st.integers(-1 if len(per_deel) > 1 else 0, len(per_deel) - 1)
    aanbod = data.draw(st.lists(st.tuples(welke, interval).map(lambda t: (t[0], *t[1])), max_size=20))
    delen = [Reeks(_reeks(s)) for s in per_deel]
    if len(delen) == 1:
        geheel = delen[0]
    else:
        geheel = Reeks(Kennis(sorted(x for d in delen for x in d.kennis.datums)))
        rel = Relatie(geheel, delen)
        geheel.geheel_van.append(rel)
        for d in delen:
            d.delen_van.append(rel)
    gepubliceerd: list[list[Fraction]] = []
    for wie, a, b in aanbod:
        r = geheel if wie < 0 else delen[wie]
        if r.kennis.interval(a, b) >= 5 and probeer(r, a, b):
            gepubliceerd.append(_vector(wie if len(delen) > 1 else 0, len(delen), a, b))
    cumulatief = [[0, *accumulate(s)] for s in per_deel]
    totaal = [sum(c[p] for c in cumulatief) for p in range(PUNTEN)]
    for x, y in combinations(range(PUNTEN), 2):
        for wie, waarden in [(-1, totaal), *enumerate(cumulatief)]:
            if wie == -1 and len(delen) == 1:
                continue
            if _afleidbaar(gepubliceerd, _vector(wie, len(delen), x, y)):
                assert not 0 < abs(waarden[y] - waarden[x]) < 5, (wie, x, y, waarden, gepubliceerd)


def test_regel_voor_een_component() -> None:
    assert verschillen_toelaatbaar([0, 10, 10, 20])
    assert not verschillen_toelaatbaar([0, 10, 13])
    k = _reeks([10, 3, 7, 0, 0])  # F = 0, 10, 13, 20, 20, 20
    r = Reeks(k)
    assert probeer(r, 0, 1) and not probeer(r, 0, 2) and probeer(r, 0, 3)
    assert not probeer(r, 2, 3)  # 20 - 7 would give 13, three more than 10
    assert probeer(r, 3, 5) is True  # a difference of 0 is no small count


@settings(derandomize=True, max_examples=400, deadline=None)
@given(
    st.integers(1, 5),
    st.integers(1, 4),
    st.data(),
)
def test_tabelregel_is_exact(n_rijen: int, n_kolommen: int, data: st.DataObject) -> None:
    """`tabel.cel_volgt` against Gaussian elimination: some underivable cell follows from the known
    totals exactly when the criterion says so."""
    from evaluatie.contract.tabel import cel_volgt

    rijen = [f"g{i}" for i in range(n_rijen)]
    kolommen = [f"s{j}" for j in range(n_kolommen)]
    cellen = [(g, s, data.draw(st.booleans())) for g in rijen for s in kolommen if data.draw(st.booleans())]
    rij = {g: data.draw(st.booleans()) for g in rijen}
    kolom = {s: data.draw(st.booleans()) for s in kolommen}
    totaal = data.draw(st.booleans())
    onbekend = [(g, s) for g, s, bekend in cellen if not bekend]
    vergelijkingen = [[Fraction(int(c[0] == g)) for c in onbekend] for g in rijen if rij[g]]
    vergelijkingen += [[Fraction(int(c[1] == s)) for c in onbekend] for s in kolommen if kolom[s]]
    if totaal:
        vergelijkingen.append([Fraction(1)] * len(onbekend))
    vergelijkingen = [v for v in vergelijkingen if any(v)]
    volgt = any(
        _afleidbaar(vergelijkingen, [Fraction(int(i == k)) for i in range(len(onbekend))]) for k in range(len(onbekend))
    )
    assert cel_volgt(cellen, rij, kolom, totaal) == volgt, (cellen, rij, kolom, totaal)


def test_tabelregel_voorbeeld() -> None:
    """The pattern the example produced: Huizen's row known with two withheld cells, Laren's one withheld
    cell, one column and the grand total known: grand total - Taalhuis - Huizen - the known cells = Laren."""
    from evaluatie.contract.tabel import cel_volgt

    cellen = [("Huizen", "IA", False), ("Huizen", "KI", False), ("Laren", "KI", False), ("Hilversum", "TB", False)]
    cellen += [("Blaricum", "TB", False), ("Hilversum", "IA", True)]
    rij = {"Huizen": True, "Laren": False, "Hilversum": False, "Blaricum": False}
    kolom = {"IA": False, "KI": False, "TB": True}
    assert cel_volgt(cellen, rij, kolom, True)
    assert not cel_volgt(cellen, rij, kolom, False)  # without the grand total nothing follows


def _register(plaatsingen: list[tuple[str, str, str, str]], leveranciers: dict[str, list[str]]) -> object:
    """A register in memory: (gemeente, lot, supplier, registration date) per placement."""
    import datetime as dt

    from evaluatie.contract.basis import Contractleverancier, Contractperceel
    from evaluatie.contract.lezen import Plaatsing, Register

    gemeenten = sorted({p[0] for p in plaatsingen} | {"Eemnes", "Laren"})
    return Register(
        aanbesteding="proef",
        gunning_sha256="0" * 64,
        startdatum=dt.date(2022, 1, 1),
        jaren=2,
        gemeenten=gemeenten,
        subregio={g: "" for g in gemeenten},
        percelen={c: Contractperceel(c, f"route {c}", 100, 1_000_000.0, 10_000.0) for c in leveranciers},
        leveranciers={
            (c, s): Contractleverancier(c, s, 9000.0, 100, 4.0, i + 1, tuple(gemeenten))
            for c, namen in leveranciers.items()
            for i, s in enumerate(namen)
        },
        uitgevallen={},
        toewijzing={(c, 1): {(g, s): 3 for g in gemeenten for s in namen} for c, namen in leveranciers.items()},
        plaatsingen=[
            Plaatsing(g, f"K-{i}", c, s, dt.date.fromisoformat(d)) for i, (g, c, s, d) in enumerate(plaatsingen)
        ],
    )


def test_perceel_met_een_aanbieder() -> None:
    """A lot with one supplier: its region row, the lot total and the framework use are one number,
    shown or withheld together. Eemnes registers 6 a quarter (6, 12, 18); Laren 5, 3, 5 (5, 8, 13):
    the 3 hides Laren's 8, and the region's 20 with it (20 - 12 = 8); 11 and 31 are shown."""
    import datetime as dt

    from evaluatie.contract.openbaar import bepaal
    from tests.test_contract_kleine_aantallen import aanval

    data = []
    for maand, in_eemnes, in_laren in ((2, 6, 5), (5, 6, 3), (8, 6, 5)):
        data += [("Eemnes", "Z", "Enig", f"2022-{maand:02d}-01")] * in_eemnes
        data += [("Laren", "Z", "Enig", f"2022-{maand:02d}-01")] * in_laren
    reg: Any = _register(data, {"Z": ["Enig"]})
    verwacht = {
        dt.date(2022, 3, 31): (11, 6, 5),
        dt.date(2022, 6, 30): ("onderdrukt", 12, "onderdrukt"),
        dt.date(2022, 9, 30): (31, 18, 13),
    }
    for peil, (regio, eemnes, laren) in verwacht.items():
        o = bepaal(reg, peil)
        assert o.cel(("R", "Z", "Enig", "jaar")) == o.cel(("T", "Z", "jaar")) == o.cel(("T", "Z", "raam")) == regio
        assert o.cel(("E", "Eemnes", "Z", "Enig", "jaar")) == eemnes
        assert o.cel(("E", "Laren", "Z", "Enig", "jaar")) == laren
    # Laren's 5 this quarter would give its 8 back (13 - 5): withheld
    assert o.cel(("E", "Laren", "Z", "Enig", "kwartaal")) == "onderdrukt"
    # Laren's 3 of the second quarter says 'onderdrukt', like every withheld count. When it said '<5' (0-4) next to
    # that 'onderdrukt' (then: 5 or more), 13 = 5 + (0-4) + (5 or more) gave at most 3, and the line's 20 at the end
    # of May (all registrations on the 1st: Laren at least 20 - 12 = 8 by then, so 3 since April) at least 3: pinned
    assert bepaal(reg, dt.date(2022, 6, 30)).cel(("E", "Laren", "Z", "Enig", "kwartaal")) == "onderdrukt"
    assert o.maanden["Z"][4] == (dt.date(2022, 5, 31), 20)
    assert aanval(reg, dt.date(2022, 9, 30))[1] == []
