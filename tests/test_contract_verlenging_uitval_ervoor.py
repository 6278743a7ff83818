"""A verlenging that copies a contract year in which a supplier that dropped out before that year still has the
award's allocation (the drop-out's proposal could not allocate the later years: too little capacity left) said
'(de toewijzing van contractjaar 2 houdt haar plaatsingen van voor de uitval)': Y had no placement in that year, its
8 are the award's, kept because no allocation without Y was recorded for it. That reason holds for a drop-out inside
the copied year only; for one before it the change now says what `contract optiejaar` says."""

from __future__ import annotations

from pathlib import Path

from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel
from tests.test_contract_optiejaar import DOOR, KOP
from tests.test_contract_optiejaar import _run as _uit

DATA = {
    "publicatie": "2024-09-02",
    "sluiting": "2024-10-14",
    "keurmerk_peildatum": "2024-10-28",
    "gunning": "2024-11-11",
}


def test_verlenging_na_uitval_voor_het_gekopieerde_jaar(tmp_path: Path) -> None:
    # one fixed year from 1 January 2025 and one option year; demand 10 + 6 + 4 = 20 a year; X (capacity 9), Y (8) and
    # Z (9): the award gives Y 1 in Noord, 6 in Oost and 1 in Zuid, and X and Z alone have 18 places for 20
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding(looptijd={"jaren": 1, "optiejaren": 1}, data=DATA))
    for naam, kvk, capaciteit in (("X", "11111111", 9), ("Y", "22222222", 8), ("Z", "33333333", 9)):
        schrijf_bod(
            ws, f"{naam.lower()}.xlsx", naam, kvk, [("B1", 9000 + 200 * len(kvk[:1]), capaciteit, 12, 4, "alle")]
        )
    vul_panel(ws, {"X": 75, "Y": 50, "Z": 25})
    assert _uit("gunning", "--werkmap", ws)[0] == 0
    assert _uit("contract", "start", "--werkmap", ws, "--datum", "2025-01-01", *DOOR)[0] == 0
    lijst = tmp_path / "oost.csv"  # Y's 4 placements of 2025 stay with Y: the rest of that year fits X and Z
    lijst.write_text(
        KOP + "".join(f"K-{i};Oost;aangemeld;0{i + 1}-03-2025;B1;Y;\n" for i in range(4)), encoding="utf-8"
    )
    assert _uit("contract", "inlezen", "--werkmap", ws, lijst)[0] == 0
    uitval = ("contract", "uitval", "--werkmap", ws, "--route", "B1", "--aanbieder", "Y", "--per", "2025-12-31")
    code, uit = _uit(*uitval, "--vastleggen", *DOOR)
    assert code == 0 and "legt daarna geen nieuwe verdeling vast" in uit, uit
    assert _uit("contract", "optiejaar", "--werkmap", ws, "--datum", "2025-12-01", *DOOR)[0] == 0
    code, uit = _uit(
        "contract", "wijziging", "--route", "B1", "--werkmap", ws, "--soort", "verlenging", "--waarde", "10.000",
        "--grondslag", "art. 2.163b Aw 2012", "--datum", "2026-10-01", "--tot", "2027-06-30", *DOOR,
    )  # fmt: skip
    assert code == 0, uit
    assert (
        "Let op: de toewijzing van contractjaar 3 in B1-route geeft zo 8 inburgeraar(s) per jaar aan Y, die per "
        "31-12-2025 is uitgevallen (voordat contractjaar 2 begon: een verdeling van dat jaar zonder die aanbieder is "
        "niet vastgelegd); een verdeling van de verlenging zonder die aanbieder is niet vastgelegd." in uit
    ), uit
    assert "plaatsingen van voor de uitval" not in uit
