"""Rank reversal under relatief: the order of two bids flips when the lowest price leaves or a
cheaper excluded bid comes in, although neither of them changed. Hand-computed (weights 60/40):

with A (EUR 6.000, quality 40) the lowest price is 6.000:
  B (9.000, 70): 0,6 x 70 + 0,4 x 6.000/9.000 x 100 = 42 + 26,67 = 68,67
  C (10.000, 75): 0,6 x 75 + 0,4 x 6.000/10.000 x 100 = 45 + 24 = 69,00   -> C before B
without A the lowest price is 9.000:
  B: 42 + 40 = 82,00;  C: 45 + 36 = 81,00                                  -> B before C
"""

from __future__ import annotations

from evaluatie.prijs.basis import Kandidaat
from evaluatie.prijs.rangomkering import Afgevallen, rangomkeringen, zin
from tests.test_eigenschappen import _perceel

A = Kandidaat("A", 6000, 40, 10, 4)
B = Kandidaat("B", 9000, 70, 10, 4)
C = Kandidaat("C", 10000, 75, 10, 4)


def test_laagste_valt_weg_keert_de_volgorde_om() -> None:
    [r] = rangomkeringen(_perceel("relatief"), [A, B, C])
    assert (r.scenario, r.inschrijver) == ("zonder", "A")
    assert r.volgorde_voor == ("C", "B") and r.volgorde_na == ("B", "C")
    assert r.gewisseld == (("C", "B"),)
    assert "B komt dan vóór C" in zin(r) and "rangomkering" in zin(r)


def test_uitgeslotene_erbij_keert_de_volgorde_om() -> None:
    zonder, met = rangomkeringen(
        _perceel("relatief"), [B, C, Kandidaat("E", 12000, 10, 10, 4)], [Afgevallen(A, "uitgesloten")]
    )
    assert zonder.inschrijver == "B" and met.scenario == "met" and met.inschrijver == "A"
    assert met.volgorde_voor == ("B", "C", "E") and met.volgorde_na == ("C", "B", "E")
    assert "Was de uitgesloten inschrijving van A (EUR 6.000,00) toch toegelaten" in zin(met)


def test_geen_omkering_zonder_prijsafhankelijke_methode_of_als_er_niets_wisselt() -> None:
    assert rangomkeringen(_perceel("vaste_prijs"), [A, B, C]) == []
    assert rangomkeringen(_perceel("fictieve_korting"), [A, B, C], [Afgevallen(A, "ongeldig")]) == []
    # a cheaper excluded bid that changes nothing is still reported, as 'blijft gelijk'
    [r] = rangomkeringen(_perceel("relatief"), [B, Kandidaat("D", 9500, 20, 10, 4)], [Afgevallen(A, "ongeldig")])
    assert not r.verandert and "blijft de volgorde van de andere inschrijvers gelijk" in zin(r)


def test_zin_noemt_iedere_status_met_haar_eigen_woord() -> None:
    """Every status the award gives a bid outside the ranking (toets.status) has its own sentence: the rank reversal
    raised 'onbekende status' for a bid rejected as abnormally low or held back for an unweighed exclusion ground,
    which stopped `zekerheid` and the award's robustness analyses."""
    from evaluatie.prijs.rangomkering import Rangomkering, zin

    def met(status: str) -> str:
        return zin(
            Rangomkering(
                scenario="met",
                inschrijver="Zeta",
                prijs=5000.0,
                volgorde_voor=("A", "B"),
                volgorde_na=("A", "B"),
                gewisseld=(),
                status=status,
                redenen=("r",),
            )
        )

    assert met("abnormaal laag").startswith(
        "Was de als abnormaal laag afgewezen inschrijving van Zeta (EUR 5.000,00; reden: r) toch aanvaard"
    )
    assert met("aangehouden").startswith(
        "Doet de aangehouden inschrijving van Zeta (EUR 5.000,00; reden: r; de verklaarde uitsluitingsgrond is nog "
        "niet gewogen) na de weging toch mee"
    )
    assert "uitgesloten" not in met("abnormaal laag") + met("aangehouden")


def test_gelijke_stand_na_het_wegvallen_is_geen_omkering() -> None:
    """Laag (EUR 5.000, quality 0) leaving leaves Alfa (EUR 5.625, quality 50) the lowest price, and Alfa and Zeta
    (EUR 9.000, quality 75) tie: Alfa 0,6 x 50 + 0,4 x 100 = 70, Zeta 0,6 x 75 + 0,4 x 5.625 / 9.000 x 100 = 45 + 25 =
    70. Before, Zeta 45 + 0,4 x 5.000 / 9.000 x 100 = 67,22 was above Alfa 30 + 0,4 x 5.000 / 5.625 x 100 = 65,56. The
    sentence said 'Alfa komt dan vóór Zeta', the alphabetical order of a tie that a draw decides (no tie-break rule
    here; the example's highest quality would put Zeta first, and nothing changes)."""
    zonder_beslisregels = _perceel("relatief").model_copy(update={"bij_gelijke_stand": ()})
    [r] = rangomkeringen(
        zonder_beslisregels,
        [Kandidaat("Zeta", 9000, 75, 10, 4), Kandidaat("Alfa", 5625, 50, 10, 4), Kandidaat("Laag", 5000, 0, 10, 4)],
    )
    assert r.gewisseld == () and r.gelijk == (("Zeta", "Alfa"),) and r.verandert
    tekst = zin(r)
    assert "komt dan vóór" not in tekst, tekst
    assert (
        "dan verandert de volgorde van de andere inschrijvers zonder dat hun eigen inschrijving verandert "
        "(rangomkering): Zeta en Alfa staan dan gelijk (de beslisregels bij gelijke stand of een loting beslissen). "
        "Nieuwe volgorde: Alfa en Zeta gelijk." in tekst
    ), tekst
    [zelfde] = rangomkeringen(
        _perceel("relatief"),
        [Kandidaat("Zeta", 9000, 75, 10, 4), Kandidaat("Alfa", 5625, 50, 10, 4), Kandidaat("Laag", 5000, 0, 10, 4)],
    )
    assert not zelfde.verandert


def test_volgorde_van_een_loting_telt_als_de_volgorde_ervoor() -> None:
    """Xena (EUR 10.000, quality 50) and Yara (EUR 40.000, quality 75) tie with Laag (EUR 5.000, quality 0) in the
    lot: Xena 30 + 0,4 x 5.000 / 10.000 x 100 = 50, Yara 45 + 0,4 x 5.000 / 40.000 x 100 = 50. A draw put Yara first.
    Without Laag, Xena 30 + 40 = 70 and Yara 45 + 0,4 x 10.000 / 40.000 x 100 = 55: Xena comes before Yara, the
    reverse of the award's order. The analysis ranked without the draw (a shared rank) and said the order of the
    others stays the same."""
    import datetime as dt

    from evaluatie.gunning.loting import Loting

    perceel = _perceel("relatief").model_copy(update={"bij_gelijke_stand": ()})
    loting = Loting(
        perceel="B1",
        volgorde=("Yara", "Xena"),
        datum=dt.date(2026, 3, 20),
        getuige="J. Jansen",
        door="S. Jansen, inkoper",
        reden="Onbesliste gelijke stand.",
        id="L1",
    )
    kandidaten = [
        Kandidaat("Xena", 10000, 50, 10, 4),
        Kandidaat("Yara", 40000, 75, 10, 4),
        Kandidaat("Laag", 5000, 0, 10, 4),
    ]
    [r] = rangomkeringen(perceel, kandidaten, lotingen=[loting])
    assert r.volgorde_voor == ("Yara", "Xena") and r.gewisseld == (("Yara", "Xena"),), r
    assert "Xena komt dan vóór Yara" in zin(r)
