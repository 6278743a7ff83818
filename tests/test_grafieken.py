"""Charts: no pyplot, labels that cannot overlap, and a bounded size at national scale."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys

from evaluatie.gunning.uitslag import Gemeentebudget, Perceeluitslag
from evaluatie.prijs.rangorde import Rangregel
from evaluatie.rapport import grafieken
from evaluatie.verdeling.model import Toewijzing


def nationaal_perceel(
    n_gemeenten: int = 342, n_bieders: int = 150, n_subregio: int = 35
) -> tuple[Perceeluitslag, dict]:
    """A synthetic lot of national size: gemeente i has 1 + i % 40 inburgeraars, split over two
    suppliers (i % n and (i * 7) % n); bid j has price 8.000 + 13 j and quality 90 - j / 3."""
    rangorde = tuple(
        Rangregel(
            inschrijver=f"Aanbieder {j:03d}",
            kwaliteit=90 - j / 3,
            prijs=8000 + 13 * j,
            prijsscore=50,
            totaal=80 - j / 10,
            rang=j + 1,
            gelijke_stand=False,
            beslist_door=None,
            gunningswaarde=1,
            berekening="-",
        )
        for j in range(n_bieders)
    )
    toewijzing, budgetten, subregio = [], [], {}
    for i in range(n_gemeenten):
        g = f"Gemeente {i:03d}"
        subregio[g] = f"Subregio {i % n_subregio:02d}"
        vraag = 1 + i % 40
        a, b = i % n_bieders, (i * 7) % n_bieders
        delen = [(a, vraag // 2), (b, vraag - vraag // 2)] if a != b else [(a, vraag)]
        for j, n in delen:
            if n:
                toewijzing.append(Toewijzing(gemeente=g, inschrijver=f"Aanbieder {j:03d}", aantal=n, kosten=n * 9000.0))
        budgetten.append(Gemeentebudget(gemeente=g, vraag=vraag, kosten=0, budget=0, budget_bron="-"))
    p = Perceeluitslag(
        code="B1",
        naam="B1-route",
        procedure="gunning",
        prijsmethode="relatief",
        formule="-",
        weging_kwaliteit=60,
        weging_prijs=40,
        plafondprijs=10000,
        rangorde=rangorde,
        toewijzing=tuple(toewijzing),
        uitgesloten=(),
        budgetten=tuple(budgetten),
        bindende_regels=(),
        meldingen=(),
        solver="-",
        model="-",
    )
    return p, subregio


def _hoogte_pt(svg: str) -> float:
    treffer = re.search(r'<svg[^>]*height="([\d.]+)pt"', svg)
    assert treffer is not None
    return float(treffer.group(1))


def test_label_posities_overlappen_nooit_en_houden_volgorde() -> None:
    # four points at nearly the same quality: desired 0.60, 0.61, 0.605, 0.2; spacing 0.075
    pos = grafieken.label_posities([0.60, 0.61, 0.605, 0.2], 0.075)
    volgorde = sorted(range(4), key=lambda i: -pos[i])
    assert volgorde == [1, 2, 0, 3]  # same order as the desired heights
    gesorteerd = sorted(pos)
    assert all(b - a >= 0.075 - 1e-12 for a, b in itertools.pairwise(gesorteerd))
    assert pos[1] == 0.61  # the top label stays where it wanted to be
    # labels pushed below 0 come back up inside the range
    laag = grafieken.label_posities([0.01, 0.0, 0.02], 0.1)
    assert min(laag) >= 0 and max(laag) <= 1
    # the order of the desired heights (0.01, 0.0, 0.02) is kept, and every two labels stay 0.1 apart
    assert sorted(range(3), key=lambda i: laag[i]) == [1, 0, 2]
    assert all(b - a >= 0.1 - 1e-12 for a, b in itertools.pairwise(sorted(laag)))
    # too many labels for the range: the spacing shrinks so that all fit in [0, 1]
    veel = grafieken.label_posities([0.5] * 30, 0.075)
    assert min(veel) >= -1e-12 and max(veel) <= 1 + 1e-12 and len(set(veel)) == 30


def test_grafieken_landelijk_begrensd() -> None:
    p, subregio = nationaal_perceel()
    indeling, balken, reeksen, aantallen = grafieken.verdeling_reeksen(p, subregio)
    # 342 gemeenten > 15 bars: one bar per subregio (35)
    assert indeling == "subregio" and len(balken) == 35 and "overige" not in balken
    assert len(reeksen) == grafieken.MAX_REEKSEN and reeksen[-1] == "overige"
    assert sum(map(sum, aantallen)) == sum(t.aantal for t in p.toewijzing)  # nothing lost in summarising
    svg = grafieken.verdeling_per_gemeente(p, "vg", subregio)
    assert _hoogte_pt(svg) < 560  # under 8 inch: fits on an A4 page with its heading
    # 80 subregio's: the 39 largest and one bar "overige"
    p80, s80 = nationaal_perceel(n_subregio=80)
    indeling, balken, _, aantallen = grafieken.verdeling_reeksen(p80, s80)
    assert len(balken) == grafieken.MAX_SUBREGIO_BALKEN and balken[-1] == "overige"
    assert sum(map(sum, aantallen)) == sum(t.aantal for t in p80.toewijzing)
    assert _hoogte_pt(grafieken.verdeling_per_gemeente(p80, "vg", s80)) < 560
    assert "Gemeente 001" not in svg
    kp = grafieken.kwaliteit_prijs(p, "kp")
    assert _hoogte_pt(kp) < 400
    assert kp.count("Aanbieder") == grafieken.MAX_LABELS and "overige 138" in kp


def test_weinig_gemeenten_per_gemeente_en_subregio_bij_meer() -> None:
    p, subregio = nationaal_perceel(n_gemeenten=12, n_bieders=5, n_subregio=3)
    indeling, balken, reeksen, _ = grafieken.verdeling_reeksen(p, subregio)
    assert indeling == "gemeente" and len(balken) == 12 and "overige" not in reeksen
    p, subregio = nationaal_perceel(n_gemeenten=40, n_bieders=5, n_subregio=6)
    indeling, balken, _, _ = grafieken.verdeling_reeksen(p, subregio)
    assert indeling == "subregio" and balken == [f"Subregio {i:02d}" for i in range(6)]


def test_grafieken_zonder_tekenbibliotheek() -> None:
    """Charts are written as SVG directly (issue #24): rendering both in a fresh interpreter imports
    no matplotlib (0.7 s of import time)."""
    code = (
        "import sys\n"
        "from tests.test_grafieken import nationaal_perceel\n"
        "from evaluatie.rapport import grafieken\n"
        "p, s = nationaal_perceel(40, 9, 4)\n"
        "assert grafieken.kwaliteit_prijs(p, 'a').startswith('<svg')\n"
        "assert grafieken.verdeling_per_gemeente(p, 'b', s).startswith('<svg')\n"
        "print(any(m.startswith('matplotlib') for m in sys.modules))\n"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert uit.stdout.strip() == "False"


def test_schaalstappen_rond_en_geheel() -> None:
    assert grafieken.schaalstappen(0, 12, 6, geheel=True) == [0, 2, 4, 6, 8, 10, 12]
    assert grafieken.schaalstappen(0, 3, 6, geheel=True) == [0, 1, 2, 3]
    assert grafieken.schaalstappen(7900, 10100, 5) == [8000, 8500, 9000, 9500, 10000]


def test_svg_is_geldig_en_namen_ontsnapt() -> None:
    """Well-formed XML, and a bidder's name with <, & and quotes is text, not markup."""
    import xml.etree.ElementTree as ET

    p, s = nationaal_perceel(12, 5, 3)
    eerste = p.rangorde[0].model_copy(update={"inschrijver": 'A&B <"bureau">'})
    p = p.model_copy(update={"rangorde": (eerste, *p.rangorde[1:])})
    for svg in (grafieken.kwaliteit_prijs(p, "kp"), grafieken.verdeling_per_gemeente(p, "vg", s)):
        wortel = ET.fromstring(svg)
        assert wortel.tag.endswith("svg")
    assert "A&amp;B &lt;&quot;bureau&quot;&gt;" in grafieken.kwaliteit_prijs(p, "kp")


def test_een_inschrijver_die_overige_heet_is_niet_de_rest() -> None:
    """A bidder named exactly 'overige' outside the 6 largest was counted into the lumped series 'overige' (its name
    was in the series list) and, when among the largest, drawn in the rest's grey. The rest is now 'overige
    inschrijvers' when a bidder holds the name, and grey is the rest only."""
    p, subregio = nationaal_perceel()
    _, _, reeksen, _ = grafieken.verdeling_reeksen(p, subregio)
    klein = next(
        r.inschrijver for r in reversed(p.rangorde) if any(t.inschrijver == r.inschrijver for t in p.toewijzing)
    )
    groot = reeksen[0]

    def hernoem(perceel, oud: str):
        return perceel.model_copy(
            update={
                "toewijzing": [t.model_copy(update={"inschrijver": "overige"}) if t.inschrijver == oud else t
                               for t in perceel.toewijzing],
                "rangorde": [r.model_copy(update={"inschrijver": "overige"}) if r.inschrijver == oud else r
                             for r in perceel.rangorde],
            }
        )  # fmt: skip

    for oud in (klein, groot):
        q = hernoem(p, oud)
        _, _, reeksen, aantallen = grafieken.verdeling_reeksen(q, subregio)
        assert reeksen[-1] == "overige inschrijvers", reeksen
        per_reeks = dict(zip(reeksen, map(sum, aantallen), strict=True))
        eigen = sum(t.aantal for t in q.toewijzing if t.inschrijver == "overige")
        if oud == groot:
            assert per_reeks["overige"] == eigen  # its own series, not the rest
        else:
            assert "overige" not in per_reeks  # in the rest, as any small bidder, and the rest keeps its own name
        svg = grafieken.verdeling_per_gemeente(q, "vg", subregio)
        kleuren = re.findall(r'fill="(#[0-9A-Fa-f]+)"><title>[^<]*: (overige(?: inschrijvers)?) \d+</title>', svg)
        assert {k for k, r in kleuren if r == "overige inschrijvers"} == {grafieken.OVERIGE_KLEUR}
        assert grafieken.OVERIGE_KLEUR not in {k for k, r in kleuren if r == "overige"}
