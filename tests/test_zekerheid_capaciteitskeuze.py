"""The capacity margin of `evaluatie zekerheid` under rules that choose (per_subregio, a maximum per gemeente).

A supplier that gets less than its capacity read "de capaciteit is niet de begrenzing, dus meer capaciteit verandert
niets". That holds where the only rules are the capacities and max_aandeel (then more of a capacity that does not bind
leaves the optimum where it is), not where a rule chooses whole subregio's or one supplier per gemeente: there a larger
capacity can make another choice possible, and the share jumps.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel


def test_meer_capaciteit_maakt_een_andere_subregio_mogelijk(tmp_path: Path) -> None:
    # Subregio A (Noord 10, Oost 6) and B (Zuid 4); one supplier per gemeente and the same one in a whole subregio.
    # P (quality 100, EUR 8.000, capacity 12) cannot take A's 16, so it takes B (4) and Q (quality 50, EUR 9.000,
    # capacity 20) takes A (16). With capacity 20, the most P could get (all three gemeenten), P takes both
    # subregio's: 20 x total(P) beats 4 x total(P) + 16 x total(Q). Q's capacity already covers all 20 of its
    # gemeenten: more capacity cannot change anything, as the sentence keeps saying.
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["verdeling"] = {"per_subregio": True, "max_leveranciers_per_gemeente": 1}
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "p.xlsx", "P", "11111111", [("B1", 8000, 12, 12, 4, "alle")])
    schrijf_bod(ws, "q.xlsx", "Q", "22222222", [("B1", 9000, 20, 12, 4, "alle")])
    vul_panel(ws, {"P": 100, "Q": 50})
    res = CliRunner().invoke(main, ["zekerheid", "--werkmap", str(ws), "--lots", "B1", "--trekkingen", "100"])
    assert res.exit_code == 0, res.output
    uit = " ".join(res.output.split())
    assert (
        "P krijgt 4 bij capaciteit 12: bij een capaciteit van 3 of minder daalt het aandeel; de capaciteit is nu niet"
        " de begrenzing, maar met 8 plaatsen meer (capaciteit 20) krijgt het 20: onder de verdeelregels van dit perceel"
        " kan meer capaciteit een andere keuze mogelijk maken." in uit
    )
    q = uit[uit.index("Q krijgt 16 bij capaciteit 20") :]
    assert "de capaciteit is niet de begrenzing, dus meer capaciteit verandert niets." in q


def test_zonder_keuzeregels_blijft_de_zin(tmp_path: Path) -> None:
    # Only the capacities: P (capacity 12) takes Noord 10 and 2 more; nothing binds Q (capacity 20, gets 8). More
    # capacity for Q cannot change the optimum, which the sentence keeps saying without a re-solve.
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "p.xlsx", "P", "11111111", [("B1", 8000, 12, 12, 4, "alle")])
    schrijf_bod(ws, "q.xlsx", "Q", "22222222", [("B1", 9000, 20, 12, 4, "alle")])
    vul_panel(ws, {"P": 100, "Q": 50})
    res = CliRunner().invoke(main, ["zekerheid", "--werkmap", str(ws), "--lots", "B1", "--trekkingen", "100"])
    assert res.exit_code == 0, res.output
    uit = " ".join(res.output.split())
    assert "Q krijgt 8 bij capaciteit 20" in uit
    assert "de capaciteit is niet de begrenzing, dus meer capaciteit verandert niets." in uit
