"""The price-method registry: a method is one file, and everything that depends on it derives from it.

- a sixth method defined here, in the test, needs no change anywhere else and shows up in the
  schema, the published method and the letters;
- every registered method's vectorised score (Monte Carlo) equals its scalar score;
- each method's letter sentences, against text written by hand.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np
import openpyxl
import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st

from evaluatie import pipeline
from evaluatie.definitie.model import Perceel, Schaal, Schaalstap, Weging
from evaluatie.definitie.schema import _register
from evaluatie.prijs.basis import (
    Cijfers,
    Grootheid,
    Kandidaat,
    Prijsmethode,
    Prijsuitkomst,
    afmelden,
    methode,
    methoden,
    registreer,
)
from evaluatie.tekst import euro, getal
from evaluatie.werkmap import Werkmap
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel

if TYPE_CHECKING:
    from evaluatie.prijs.basis import Matrix


class KwaliteitPerEuro(Prijsmethode):
    """Quality points per 1.000 euro (the unit is a parameter): the most quality for the money first."""

    naam = "kwaliteit_per_euro"
    formule = "totaal = kwaliteit / prijs x eenheid"
    gewogen = False
    maatstaf = "kwaliteit per euro"
    kolomuitleg = "geen weging; totaal = kwaliteitspunten per eenheid euro"
    parameters: ClassVar[dict[str, dict[str, Any]]] = {
        "kwaliteit_per_euro_eenheid": {"type": "number", "exclusiveMinimum": 0, "description": "euro per eenheid"}
    }

    @staticmethod
    def eenheid(perceel: Perceel) -> float:
        return float(perceel.prijsparameters.get("kwaliteit_per_euro_eenheid", 1000))

    def bereken(self, perceel: Perceel, kandidaten: Sequence[Kandidaat]) -> dict[str, Prijsuitkomst]:
        e = self.eenheid(perceel)
        return {
            k.inschrijver: Prijsuitkomst(
                0.0,
                k.kwaliteit / k.prijs * e,
                k.kwaliteit / k.prijs * e,
                f"{getal(k.kwaliteit)} / {euro(k.prijs)} x {getal(e, 0)} = {getal(k.kwaliteit / k.prijs * e)}",
            )
            for k in kandidaten
        }

    def vectorieel(self, perceel: Perceel, prijs: Matrix, kwaliteit: Matrix, geldig: Matrix) -> Matrix:
        return kwaliteit / prijs[None, :] * self.eenheid(perceel)

    def kwaliteitsgevoeligheid(self, perceel: Perceel) -> float:
        return 0.0  # depends on the price: no margin in quality points is claimed

    def beschrijving(self, perceel: Perceel) -> str:
        return (
            f"Kwaliteit per euro: totaal = kwaliteitsscore / prijs per traject x {getal(self.eenheid(perceel), 0)}; "
            "het hoogste totaal staat eerst. Er is geen weging en geen prijsscore."
        )

    def grootheden(self, perceel: Perceel) -> list[Grootheid]:
        return [
            Grootheid("Kwaliteitsscore", lambda r: getal(r.kwaliteit)),
            Grootheid("Prijs per traject", lambda r: euro(r.prijs), onthult_prijs=True),
            Grootheid("Kwaliteit per euro", lambda r: getal(r.totaal), onthult_prijs=True),
        ]

    def eigen_cijfers(self, perceel: Perceel, r: Cijfers) -> str:
        return f"Uw kwaliteit per euro: {r.berekening}."

    def vergelijkingszinnen(self, perceel: Perceel, eigen: Cijfers, ander: Cijfers, prijs_openbaar: bool) -> list[str]:
        richting = "hoger" if ander.totaal > eigen.totaal else "niet hoger"
        return [f"Kwaliteit per euro, die beslist: die van {ander.inschrijver} is {richting} dan de uwe."]


@pytest.fixture
def zesde() -> Iterator[type[Prijsmethode]]:
    registreer(KwaliteitPerEuro)
    yield KwaliteitPerEuro
    afmelden(KwaliteitPerEuro.naam)


def _tekst(pad: Path) -> str:
    doc = Document(str(pad))
    regels = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        regels += [" | ".join(c.text for c in rij.cells) for rij in t.rows]
    return "\n".join(regels)


def _gun_b1(ws: Path, bieders: list[tuple[str, str, int, int]]) -> tuple[Werkmap, pipeline.Gunningsrun]:
    """Bids on B1 (name, KvK, price, the quality both reviewers give on every criterion), the forms filled
    in, and the award with its reports: the tender of the price-method tests."""
    for naam, kvk, prijs, _ in bieders:
        schrijf_bod(ws, f"{naam.lower()}.xlsx", naam, kvk, [("B1", prijs, 20, 12, 4, "alle")])
    vul_panel(ws, {naam: k for naam, _, _, k in bieders})
    wm = Werkmap(ws)
    return wm, pipeline.gun_en_schrijf(wm)


def test_zesde_methode_in_schema_systematiek_en_brieven(zesde: type[Prijsmethode], tmp_path: Path) -> None:
    # its two numeric forms agree, as for every registered method
    p = _perceel("kwaliteit_per_euro")
    kandidaten = [Kandidaat("A", 8000.0, 50.0, 10, 4.0), Kandidaat("B", 9000.0, 75.0, 10, 4.0)]
    kw = np.array([[50.0, 75.0]])
    vector = methode("kwaliteit_per_euro").vectorieel(p, np.array([8000.0, 9000.0]), kw, np.ones_like(kw, dtype=bool))
    scalair = methode("kwaliteit_per_euro").bereken(p, kandidaten)
    # default unit 1.000 euro: 50 / 8.000 x 1.000 = 6,25 and 75 / 9.000 x 1.000 = 8,33
    assert [scalair["A"].totaal, scalair["B"].totaal] == pytest.approx([6.25, 75 / 9])
    assert list(vector[0]) == pytest.approx([scalair["A"].totaal, scalair["B"].totaal], rel=1e-12)
    perceelschema = _register().get_or_retrieve("perceel.schema.json").value.contents
    assert "kwaliteit_per_euro" in perceelschema["properties"]["prijsmethode"]["enum"]
    assert perceelschema["properties"]["kwaliteit_per_euro_eenheid"]["exclusiveMinimum"] == 0

    data = kleine_aanbesteding()
    b1 = data["percelen"]["B1"]
    b1["prijsmethode"] = "kwaliteit_per_euro"
    b1["kwaliteit_per_euro_eenheid"] = 10000
    del b1["weging"]
    ws = maak_werkmap(tmp_path / "ws", data)
    # X: 50 points at 8.000 -> 50 / 8.000 x 10.000 = 62,50; Y: 75 at 9.000 -> 83,33: Y first
    wm, run = _gun_b1(ws, [("X", "11111111", 8000, 50), ("Y", "22222222", 9000, 75)])
    assert not run.open_punten
    rangorde = run.award.uitslag.percelen["B1"].rangorde
    assert [(r.inschrijver, round(r.totaal, 4)) for r in rangorde] == [("Y", 83.3333), ("X", 62.5)]

    systematiek = pipeline.schrijf_systematiek(wm)
    html = systematiek[0].read_text(encoding="utf-8")
    assert "totaal = kwaliteitsscore / prijs per traject x 10.000; het hoogste totaal staat eerst" in html
    assert "hun scores per criterium en kwaliteitsscore; hun prijs per traject en kwaliteit per euro worden" in html

    x = _tekst(ws / "rapporten" / "brieven" / "x-b1.docx")
    assert "Kwaliteit per euro: totaal = kwaliteitsscore / prijs per traject x 10.000" in x
    assert "Uw kwaliteit per euro: 50,00 / EUR 8.000,00 x 10.000 = 62,50." in x
    assert "Kwaliteit per euro, die beslist: die van Y is hoger dan de uwe." in x
    assert "Kwaliteitsscore |  | 50,00 | 75,00" in x
    assert "Prijs per traject" not in x and "EUR 9.000,00" not in x  # policy 'score': nothing price-revealing


@pytest.mark.parametrize("naam", sorted(methoden()))
@settings(derandomize=True, max_examples=60, deadline=None)
@given(
    prijzen=st.lists(st.integers(min_value=5_000, max_value=12_000), min_size=2, max_size=5),
    kwaliteit=st.lists(st.floats(min_value=0, max_value=100, allow_nan=False), min_size=5, max_size=5),
    weging=st.integers(min_value=0, max_value=100),
)
def test_vectorieel_gelijk_aan_scalair(naam: str, prijzen: list[int], kwaliteit: list[float], weging: int) -> None:
    """For every registered method: the Monte Carlo form gives the same totals as the scalar form."""
    perceel = _perceel(naam, weging)
    kandidaten = [
        Kandidaat(f"I{i}", float(p), kwaliteit[i], 10, 4.0) for i, p in enumerate(prijzen) if p <= perceel.plafondprijs
    ]
    if not kandidaten:
        return
    m = methode(naam)
    scalair = m.bereken(perceel, kandidaten)
    prijs = np.array([k.prijs for k in kandidaten])
    kw = np.array([[k.kwaliteit for k in kandidaten]] * 2)
    vector = m.vectorieel(perceel, prijs, kw, np.ones_like(kw, dtype=bool))
    for d in range(2):
        assert vector[d] == pytest.approx([scalair[k.inschrijver].totaal for k in kandidaten], rel=1e-12, abs=1e-9)


def _perceel(naam: str, weging: int = 60) -> Perceel:
    return Perceel(
        code="B1",
        naam="B1-route",
        gemeenten=("Noord",),
        plafondprijs=10000.0,
        schaal=Schaal(stappen=tuple(Schaalstap(punten=p) for p in (0, 25, 50, 75, 100))),
        prijsmethode=naam,
        weging=Weging(kwaliteit=weging, prijs=100 - weging),
        max_fictieve_korting=3000.0 if naam == "fictieve_korting" else None,
        vaste_prijs=9000.0 if naam == "vaste_prijs" else None,
    )


@dataclass(frozen=True)
class R:
    inschrijver: str
    kwaliteit: float
    prijs: float
    prijsscore: float
    totaal: float
    berekening: str = ""


# relatief, 60/40: A 70 at 8.000 (lowest: 100 -> 82,00), B 90 at 10.000 (80 -> 86,00)
RELATIEF_U = R("A", 70, 8000, 100, 82, "0,60 x 70,00 + 0,40 x 100,00 = 82,00")
RELATIEF_B = R("B", 90, 10000, 80, 86)


def test_zinnen_relatief() -> None:
    m, p = methode("relatief"), _perceel("relatief")
    assert m.beschrijving(p) == (
        "Prijsmethode: prijsscore = laagste geldige prijs / prijs x 100; totaalscore = 60% x kwaliteitsscore + "
        "40% x prijsscore. De hoogste totaalscore staat eerst."
    )
    assert m.eigen_cijfers(p, RELATIEF_U) == (
        "Uw kwaliteitsscore: 70,00. Uw prijs per traject: EUR 8.000,00; uw prijsscore: 100,00. "
        "Uw totaalscore: 0,60 x 70,00 + 0,40 x 100,00 = 82,00."
    )
    assert m.vergelijkingszinnen(p, RELATIEF_U, RELATIEF_B, False) == [
        "Prijs: uw prijsscore (100,00) is hoger dan die van B (80,00); dat levert u 8,00 punten in de totaalscore op."
    ]
    assert m.vergelijkingszinnen(p, RELATIEF_B, RELATIEF_U, False) == [
        "Prijs: A behaalde een prijsscore van 100,00 tegen 80,00 voor u; dat scheelt 8,00 punten in de totaalscore."
    ]
    assert m.vergelijkingsrijen(p, RELATIEF_B, [RELATIEF_U], False) == [
        ["Kwaliteitsscore", "", "90,00", "70,00"],
        ["Prijsscore", "", "80,00", "100,00"],
        ["Totaalscore", "", "86,00", "82,00"],
    ]
    assert m.openbaar(p, False) == (
        "hun scores per criterium, kwaliteitsscore, prijsscore en totaalscore; hun prijs per traject wordt niet "
        "bekendgemaakt (die volgt wel uit hun prijsscore en uw eigen prijs en prijsscore)"
    )
    assert (
        m.openbaar(p, True) == "hun scores per criterium, kwaliteitsscore, prijs per traject, prijsscore en totaalscore"
    )
    assert m.voorrang() == "een hogere totaalscore"


def test_zinnen_lineair() -> None:
    # ceiling 10.000, lowest 8.000: A 100 points, B (10.000 - 9.000) / 2.000 x 100 = 50; 40% x 50 = 20 points
    m, p = methode("lineair"), _perceel("lineair")
    u = R("B", 90, 9000, 50, 74)
    a = R("A", 70, 8000, 100, 82)
    assert m.beschrijving(p) == (
        "Prijsmethode: prijsscore = (plafondprijs - prijs) / (plafondprijs - laagste geldige prijs) x 100, met "
        "plafondprijs EUR 10.000,00; totaalscore = 60% x kwaliteitsscore + 40% x prijsscore. De hoogste totaalscore "
        "staat eerst. Ligt de laagste geldige prijs op de plafondprijs, dan is de prijsscore van iedere inschrijving "
        "100."
    )
    assert m.vergelijkingszinnen(p, u, a, True) == [
        "Prijs: A behaalde een prijsscore van 100,00 tegen 50,00 voor u; dat scheelt 20,00 punten in de totaalscore."
    ]
    assert m.openbaar(p, False) == (
        "hun scores per criterium, kwaliteitsscore, prijsscore en totaalscore; hun prijs per traject wordt niet "
        "bekendgemaakt (die volgt wel uit hun prijsscore, de plafondprijs en uw eigen prijs en prijsscore, tenzij "
        "uw prijsscore 0 is)"
    )
    assert m.vergelijkingsrijen(p, u, [a], True) == [
        ["Kwaliteitsscore", "", "90,00", "70,00"],
        ["Prijs per traject", "", "EUR 9.000,00", "EUR 8.000,00"],
        ["Prijsscore", "", "50,00", "100,00"],
        ["Totaalscore", "", "74,00", "82,00"],
    ]


# fictieve_korting, maximum 3.000: U 60 at 8.000 -> korting 1.800, fictief 6.200;
# W 90 at 8.500 -> korting 2.700, fictief 5.800. W wins on quality against a HIGHER price.
FK_U = R("U", 60, 8000, 1800, 6200)
FK_W = R("W", 90, 8500, 2700, 5800)


def test_zinnen_fictieve_korting_voordeel_door_kwaliteit() -> None:
    m, p = methode("fictieve_korting"), _perceel("fictieve_korting")
    assert m.beschrijving(p) == (
        "Gunnen op Waarde (fictieve prijs): de kwaliteitsscore levert een fictieve korting op van hoogstens "
        "EUR 3.000,00 (bij kwaliteitsscore 100); fictieve prijs = prijs - fictieve korting; de laagste fictieve "
        "prijs staat eerst. Er is geen weging, geen prijsscore en geen totaalscore."
    )
    assert "totaalscore" not in m.voorrang() and m.voorrang() == "een lagere fictieve prijs"
    # prices not disclosed: no fictitious price of W (with the discount it would give W's price)
    assert m.vergelijkingszinnen(p, FK_U, FK_W, False) == [
        "Fictieve korting: W EUR 2.700,00 tegen EUR 1.800,00 voor u, door een hogere kwaliteitsscore; de korting "
        "van W is EUR 900,00 groter.",
        "Fictieve prijs, die beslist (de laagste staat eerst): de fictieve prijs van W is lager dan de uwe (de "
        "bedragen worden niet bekendgemaakt: met de korting zou de prijs volgen).",
    ]
    assert m.vergelijkingsrijen(p, FK_U, [FK_W], False) == [
        ["Kwaliteitsscore", "", "60,00", "90,00"],
        ["Fictieve korting", "", "EUR 1.800,00", "EUR 2.700,00"],
    ]
    assert m.openbaar(p, False) == (
        "hun scores per criterium, kwaliteitsscore en fictieve korting; hun prijs per traject en fictieve prijs "
        "worden niet bekendgemaakt"
    )
    # prices disclosed: W's price is HIGHER, its fictitious price lower by 400
    assert m.vergelijkingszinnen(p, FK_U, FK_W, True) == [
        "Fictieve korting: W EUR 2.700,00 tegen EUR 1.800,00 voor u, door een hogere kwaliteitsscore; de korting "
        "van W is EUR 900,00 groter.",
        "Prijs per traject: W bood EUR 8.500,00, EUR 500,00 hoger dan uw EUR 8.000,00.",
        "Fictieve prijs, die beslist (de laagste staat eerst): de fictieve prijs van W is lager dan de uwe, met "
        "EUR 400,00 (EUR 5.800,00 tegen EUR 6.200,00 voor u).",
    ]
    assert m.eigen_cijfers(p, FK_U) == (
        "Uw kwaliteitsscore: 60,00; uw fictieve korting: EUR 1.800,00; uw prijs per traject: EUR 8.000,00; "
        "uw fictieve prijs: EUR 6.200,00."
    )


def test_zinnen_vaste_prijs() -> None:
    m, p = methode("vaste_prijs"), _perceel("vaste_prijs")
    u, w = R("U", 60, 9000, 0, 60), R("W", 90, 9000, 0, 90)
    assert m.beschrijving(p) == (
        "De prijs per traject ligt voor alle inschrijvers vast op EUR 9.000,00; er is geen prijsscore en alleen de "
        "kwaliteit telt (totaalscore = kwaliteitsscore). De hoogste kwaliteitsscore staat eerst."
    )
    assert m.eigen_cijfers(p, u) == "Uw kwaliteitsscore, tevens uw totaalscore: 60,00."
    assert m.vergelijkingszinnen(p, u, w, True) == []
    assert m.vergelijkingsrijen(p, u, [w], True) == [["Kwaliteitsscore", "", "60,00", "90,00"]]
    assert m.openbaar(p, False) == "hun scores per criterium en kwaliteitsscore"
    assert m.voorrang() == "een hogere kwaliteitsscore"
    assert m.prijs_per_traject(p, 7000) == 9000 and m.raamprijs(p) == 9000


def test_brief_fictieve_korting_voordeel_door_kwaliteit(tmp_path: Path) -> None:
    """The case of issue #19: W wins on quality (a larger discount) against a HIGHER price. The loser's letter
    says so in that direction, names no totaalscore, and (policy 'score') shows neither W's price nor its
    fictitious price."""
    data = kleine_aanbesteding()
    b1 = data["percelen"]["B1"]
    b1["prijsmethode"] = "fictieve_korting"
    b1["max_fictieve_korting"] = 3000
    del b1["weging"]
    ws = maak_werkmap(tmp_path / "ws", data)
    # U: 50 -> korting 1.500, fictief 6.500; W: 100 -> korting 3.000, fictief 5.500: W first, takes all 20
    wm, run = _gun_b1(ws, [("U", "11111111", 8000, 50), ("W", "22222222", 8500, 100)])
    assert not run.loting_open
    assert [(r.inschrijver, r.totaal) for r in run.award.uitslag.percelen["B1"].rangorde] == [
        ("W", 5500.0),
        ("U", 6500.0),
    ]
    u = _tekst(ws / "rapporten" / "brieven" / "u-b1.docx")
    assert (
        "Fictieve korting: W EUR 3.000,00 tegen EUR 1.500,00 voor u, door een hogere kwaliteitsscore; de korting van "
        "W is EUR 1.500,00 groter."
    ) in u
    assert (
        "Fictieve prijs, die beslist (de laagste staat eerst): de fictieve prijs van W is lager dan de uwe (de "
        "bedragen worden niet bekendgemaakt: met de korting zou de prijs volgen)."
    ) in u
    assert u.lower().count("totaalscore") == 1 and "geen totaalscore" in u  # only to say there is none
    assert "EUR 8.500,00" not in u and "EUR 5.500,00" not in u  # W's price and fictitious price stay undisclosed
    assert "Uw kwaliteitsscore: 50,00; uw fictieve korting: EUR 1.500,00; uw prijs per traject: EUR 8.000,00" in u
    assert "Kwaliteitsscore |  | 50,00 | 100,00" in u and "Fictieve korting |  | EUR 1.500,00 | EUR 3.000,00" in u
    systematiek = pipeline.schrijf_systematiek(wm)[0].read_text(encoding="utf-8")
    assert (
        "hun scores per criterium, kwaliteitsscore en fictieve korting; hun prijs per traject en fictieve prijs "
        "worden niet bekendgemaakt."
    ) in systematiek


@pytest.mark.parametrize(
    ("naam", "betekenis", "heeft_prijsscore"),
    [
        ("vaste_prijs", "vaste_prijs: Prijsscore = geen (leeg); Totaal = Totaal (= kwaliteit)", False),
        (
            "fictieve_korting",
            "fictieve_korting: Prijsscore = Fictieve korting (euro); Totaal = Fictieve prijs (euro)",
            True,
        ),
        ("lineair", "lineair: prijsscore en totaalscore", True),
    ],
)
def test_advies_xlsx_rangorde_zegt_wat_de_kolommen_betekenen(
    naam: str, betekenis: str, heeft_prijsscore: bool, tmp_path: Path
) -> None:
    """One Rangorde sheet holds lots of every method: each row says what its Prijsscore and Totaal columns
    hold, and a method without a price score leaves that cell empty (no number that means nothing)."""
    data = kleine_aanbesteding()
    b1 = data["percelen"]["B1"]
    b1["prijsmethode"] = naam
    if naam == "fictieve_korting":
        b1["max_fictieve_korting"] = 3000
        del b1["weging"]
    if naam == "vaste_prijs":
        b1["vaste_prijs"] = 9000
        del b1["weging"]
    ws = maak_werkmap(tmp_path / "ws", data)
    _gun_b1(ws, [("U", "11111111", 8000, 50), ("W", "22222222", 8500, 100)])
    blad = openpyxl.load_workbook(ws / "rapporten" / "gunningsadvies.xlsx")["Rangorde"]
    rijen = list(blad.iter_rows(values_only=True))
    assert rijen[0][9] == "Prijsmethode (betekenis van Prijsscore en Totaal)"
    assert [r[9] for r in rijen[1:]] == [betekenis, betekenis]
    assert all((r[5] is not None) == heeft_prijsscore for r in rijen[1:])


@pytest.mark.parametrize("naam", sorted(methoden()))
@settings(derandomize=True, max_examples=60, deadline=None)
@given(
    prijzen=st.lists(st.integers(min_value=5_000, max_value=12_000), min_size=1, max_size=5),
    centen=st.lists(st.integers(min_value=0, max_value=99), min_size=5, max_size=5),
    kwaliteit=st.lists(st.floats(min_value=0, max_value=100, allow_nan=False), min_size=5, max_size=5),
    weging=st.integers(min_value=0, max_value=100),
)
def test_totalen_gelijk_aan_bereken_tot_de_laatste_bit(
    naam: str, prijzen: list[int], centen: list[int], kwaliteit: list[float], weging: int
) -> None:
    """`totalen` (the margin's re-rankings) gives exactly the totals `bereken` gives (the ranking): == on the floats,
    not approx, since a last-bit difference can move a total across a 4-decimal rounding and turn a tie."""
    perceel = _perceel(naam, weging)
    kandidaten = [
        Kandidaat(f"I{i}", p + centen[i] / 100, kwaliteit[i], 10, 4.0)
        for i, p in enumerate(prijzen)
        if p <= perceel.plafondprijs
    ]
    if not kandidaten:
        return
    m = methode(naam)
    assert m.totalen(perceel, kandidaten) == {n: u.totaal for n, u in m.bereken(perceel, kandidaten).items()}
