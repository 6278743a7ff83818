"""Two suppliers equally far below their share. The advice said of the first by rank 'Deze aanbieder staat het verst
onder zijn aandeel', untrue when another stands as far. Under an award the ranking decides, and the advice now says
so; an open house ranks nobody, so the advice names both and a choice of either follows it.

Hand computation (tests.test_contract_toelating's tender with Alfa's B1 capacity 11): B1, Alfa (rank 1, cheaper)
gets 11 of 20 and Beta 9; here step 4 gives the gemeenten listed first to the higher-ranked supplier: Noord 10 to
Alfa, Oost 1 Alfa and 5 Beta, Zuid 4 Beta. With Beta's 2 placements in Oost, after the next one Alfa should have
1/6 x 3 = 0,5 (has 0) and Beta 5/6 x 3 = 2,5 (has 2): both 0,5 short. Z (open house, capacities 10 and 10): Zuid's 2
expected go 1 and 1, so with no placements each should have 0,5 after the next."""

from __future__ import annotations

import json
from pathlib import Path

from tests.hulp import schrijf_bod
from tests.test_contract_toelating import DOOR, _run, _werkmap


def _contract(tmp_path: Path) -> Path:
    ws = _werkmap(tmp_path)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 11, 12, 4, "alle"), ("Z", 9000, 10, 12, 4, "alle")])
    assert _run("gunning", "--werkmap", ws).exit_code == 0
    toewijzing = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))["percelen"]["B1"]
    oost = {t["inschrijver"]: t["aantal"] for t in toewijzing["toewijzing"] if t["gemeente"] == "Oost"}
    assert oost == {"Alfa": 1, "Beta": 5}
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    kop = "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag"
    rijen = ["K001B;Oost;aangemeld;2026-06-10;B1;Beta;", "K002B;Oost;aangemeld;2026-06-11;B1;Beta;"]
    (ws / "oost.csv").write_text("\n".join([kop, *rijen]) + "\n", encoding="utf-8")
    assert _run("contract", "inlezen", "--werkmap", ws, ws / "oost.csv").exit_code == 0
    return ws


def _advies(ws: Path, gemeente: str, route: str) -> str:
    r = _run(
        "contract", "advies", "--werkmap", ws, "--gemeente", gemeente, "--route", route, "--peildatum", "2026-06-20"
    )
    assert r.exit_code == 0, r.output
    return " ".join(r.output.split())


def _keuze(ws: Path, gemeente: str, route: str, klant: str, aanbieder: str) -> dict:
    r = _run("contract", "keuze", "--werkmap", ws, "--gemeente", gemeente, "--route", route, "--klant", klant,
             "--aanbieder", aanbieder, "--datum", "2026-06-20", *DOOR, "--json")  # fmt: skip
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_gelijke_achterstand_onder_een_gunning_en_in_een_open_house(tmp_path: Path) -> None:
    ws = _contract(tmp_path)
    b1 = _advies(ws, "Oost", "B1")
    assert (
        "Advies voor de volgende inburgeraar van Oost in B1-route: Alfa. Deze aanbieder staat even ver onder zijn "
        "aandeel als Beta (Alfa 0 geplaatst tegen 0,5; Beta 2 geplaatst tegen 2,5), binnen hun capaciteit en zonder "
        "wachtenden boven de beloofde wachttijd; bij gelijke afstand gaat de hoger gerangschikte aanbieder voor, "
        "volgens de rangorde van de gunning (Alfa heeft rang 1)."
    ) in b1
    # not 'zoals in de verdeling': the allocation weighs a higher rank more (step 2 and 4 of the published method),
    # it does not serve the higher-ranked first, so the comparison claimed a rule the allocation does not have
    assert "zoals in de verdeling" not in b1
    assert "het verst" not in b1
    z = _advies(ws, "Zuid", "Z")
    assert (
        "Advies voor de volgende inburgeraar van Zuid in Z-route: een van Alfa en Beta. Zij staan even ver onder hun "
        "verwachte aandeel naar capaciteit (ieder 0 geplaatst tegen 0,5), binnen hun capaciteit en zonder wachtenden "
        "boven de beloofde wachttijd; een open house rangschikt niet, dus tussen hen kiest de inburgeraar of de "
        "klantmanager."
    ) in z
    assert _keuze(ws, "Zuid", "Z", "K100Z", "Beta")["volgt_advies"] is True  # either of the two follows it
    assert _keuze(ws, "Oost", "B1", "K101B", "Beta")["volgt_advies"] is False  # the ranking chose Alfa


def test_json_noemt_alle_gelijkwaardige_aanbieders_van_een_open_house(tmp_path: Path) -> None:
    """The advice for Zuid in Z (open house, Alfa and Beta each 0 placed against 0,5) names both, 'een van Alfa en
    Beta'; --json said only "advies": "Alfa", the first by name, so a script routing on it sent every such
    inburgeraar to Alfa, an order the open house does not have. `gelijkwaardig` now names every supplier the advice
    names (empty where it names one), in advies and keuze; under an award the ranking decides and it stays empty."""
    ws = _contract(tmp_path)
    zuid = ["contract", "advies", "--werkmap", ws, "--gemeente", "Zuid", "--route", "Z", "--peildatum", "2026-06-20"]
    r = _run(*zuid, "--json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert list(data) == ["advies", "gelijkwaardig", "uitleg"]
    assert data["gelijkwaardig"] == ["Alfa", "Beta"]
    oost = ["contract", "advies", "--werkmap", ws, "--gemeente", "Oost", "--route", "B1", "--peildatum", "2026-06-20"]
    b1 = json.loads(_run(*oost, "--json").stdout)
    assert b1["advies"] == "Alfa" and b1["gelijkwaardig"] == []
    keuze = _keuze(ws, "Zuid", "Z", "K100Z", "Beta")
    assert keuze["gelijkwaardig"] == ["Alfa", "Beta"] and keuze["volgt_advies"] is True
