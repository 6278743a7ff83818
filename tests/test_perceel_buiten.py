"""A gemeente that expects inburgeraars in a lot whose list of gemeenten leaves it out: that number counts nowhere
(neither in the systematiek nor in the award), so a gemeente left off the list by mistake would lose its demand in
silence. It is an input error at the number's own line; a 0 there says nothing and may stay. A gemeente that joins
no lot at all is an input error too (test_gemeente_zonder_perceel). Real CLI calls."""

from __future__ import annotations

import copy
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, maak_werkmap


def _systematiek(ws: Path) -> tuple[int, str]:
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    return res.exit_code, res.output


def test_aantal_voor_een_perceel_waaraan_de_gemeente_niet_deelneemt(tmp_path: Path) -> None:
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["gemeenten"] = ["Noord", "Oost"]  # Zuid (B1: 4) left out
    code, uit = _systematiek(maak_werkmap(tmp_path / "a", data))
    assert code == 2, uit
    plat = " ".join(uit.split())
    assert "aanbesteding.yaml: gemeenten[3].inburgeraars.B1 (regel " in plat, plat  # 1-based, as every place
    assert (
        "Zuid neemt niet deel aan perceel B1 (percelen.B1.gemeenten), maar verwacht er 4 inburgeraars per jaar; "
        "die tellen nergens mee." in plat
    ), plat

    data["gemeenten"][2]["inburgeraars"]["B1"] = 0  # nothing expected: nothing to say about the number
    code, uit = _systematiek(maak_werkmap(tmp_path / "b", data))
    plat = " ".join(uit.split())
    assert "neemt niet deel aan perceel" not in plat, plat
    # ... but Zuid now joins no lot at all (test_gemeente_zonder_perceel)
    assert code == 2 and "gemeente Zuid staat onder gemeenten maar neemt aan geen enkel perceel deel" in plat, plat

    data["gemeenten"][2]["inburgeraars"]["B1"] = 4
    data["percelen"]["B1"]["gemeenten"] = ["noord", "Oost", "gemeente Zuid"]  # the lot's own spelling of the names
    code, uit = _systematiek(maak_werkmap(tmp_path / "c", data))
    assert code == 0, uit


def test_niet_bij_een_tikfout_in_de_lijst_van_het_perceel(tmp_path: Path) -> None:
    """'Zuidd' in the lot's list meant Zuid: the typo is the error, not Zuid's number."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["gemeenten"] = ["Noord", "Oost", "Zuidd"]
    code, uit = _systematiek(maak_werkmap(tmp_path / "a", data))
    plat = " ".join(uit.split())
    assert code == 2 and "gemeente 'Zuidd' staat niet onder gemeenten; bedoelt u Zuid?" in plat, plat
    assert "neemt niet deel" not in plat, plat


def test_per_perceel_de_eigen_lijst(tmp_path: Path) -> None:
    """Whether a lot's list names only gemeenten is looked up once per lot: a typo in one lot's list keeps only that
    lot's numbers unsaid, whichever lot is read first."""
    for tikfout, weggelaten in (("B1", "Z"), ("Z", "B1")):
        data = kleine_aanbesteding()
        data["percelen"]["Z"] = copy.deepcopy(data["percelen"]["B1"]) | {"naam": "Z-route"}
        for g in data["gemeenten"]:
            g["inburgeraars"]["Z"] = 2
        data["percelen"][tikfout]["gemeenten"] = ["Noord", "Oost", "Zuidd"]
        data["percelen"][weggelaten]["gemeenten"] = ["Noord", "Oost"]  # Zuid left out, expecting 2 or 4
        code, uit = _systematiek(maak_werkmap(tmp_path / tikfout, data))
        plat = " ".join(uit.split())
        assert code == 2, plat
        assert f"Zuid neemt niet deel aan perceel {weggelaten} (percelen.{weggelaten}.gemeenten)" in plat, plat
        assert f"Zuid neemt niet deel aan perceel {tikfout} " not in plat, plat


def test_gemeente_zonder_perceel(tmp_path: Path) -> None:
    """A gemeente under `gemeenten` that no lot's list names (West: no numbers at all; Zuid: only a 0 for B1, which
    she does not join) was accepted in silence, while the letters and the systematiek say the penvoerder acts on
    behalf of the deelnemende gemeenten. It is an input error naming her; a possible later participant is declared
    under `latere_gemeenten`, and a participant expecting 0 in a lot she joins stays a participant."""
    data = kleine_aanbesteding()
    data["gemeenten"].append({"naam": "West", "subregio": "B", "inburgeraars": {}})
    data["gemeenten"][2]["inburgeraars"]["B1"] = 0
    data["percelen"]["B1"]["gemeenten"] = ["Noord", "Oost"]
    code, uit = _systematiek(maak_werkmap(tmp_path / "a", data))
    plat = " ".join(uit.split())
    assert code == 2, plat
    for nummer, naam in ((3, "Zuid"), (4, "West")):
        assert (
            f"gemeenten[{nummer}].naam (regel " in plat
            and f"gemeente {naam} staat onder gemeenten maar neemt aan geen enkel perceel deel (geen van "
            "percelen.B1.gemeenten noemt haar); de stukken zouden haar noemen als deelnemende gemeente namens wie de "
            f"penvoerder handelt. Neem {naam} op in de gemeenten van het perceel waaraan zij deelneemt, zet haar onder "
            "latere_gemeenten als zij later kan aansluiten, of haal haar weg"
            in plat
        ), plat

    data["gemeenten"].pop()  # West leaves; Zuid joins B1 with 0 expected: a participant, nothing to say
    data["percelen"]["B1"]["gemeenten"] = ["Noord", "Oost", "Zuid"]
    code, uit = _systematiek(maak_werkmap(tmp_path / "b", data))
    assert code == 0, uit

    data["latere_gemeenten"] = [{"naam": "West", "subregio": "B", "inburgeraars": {"B1": 2}}]  # declared as later
    code, uit = _systematiek(maak_werkmap(tmp_path / "c", data))
    assert code == 0, uit
