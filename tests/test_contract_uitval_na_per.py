"""A supplier dropping out per a day before registrations the register already holds for it (the lists were read
in before the bankruptcy was known): the proposal counted only the placements before that day ('al geplaatst 1
bij Alfa'), the decision was recorded, and from then on the stand showed the later ones at a supplier that had
stopped. Those registrations contradict the date; the proposal now refuses it as an input error in --per that
names them, so the contract manager chooses a later day or corrects the registrations first."""

from __future__ import annotations

from pathlib import Path

from tests.test_contract_toelating import DOOR, _run, _werkmap

KOP = "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag"


def test_uitval_voor_aanmeldingen_bij_die_aanbieder(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    lijst = tmp_path / "noord.csv"
    lijst.write_text(
        f"{KOP}\nK-1;Noord;aangemeld;2026-06-10;B1;Alfa;\nK-2;Noord;aangemeld;2026-07-15;B1;Alfa;\n"
        "K-3;Oost;aangemeld;2026-07-20;B1;Alfa;\n",
        encoding="utf-8",
    )
    assert _run("contract", "inlezen", "--werkmap", ws, lijst).exit_code == 0
    uitval = ["contract", "uitval", "--werkmap", ws, "--route", "B1", "--aanbieder", "Alfa"]
    for extra in ([], ["--vastleggen", *DOOR]):
        r = _run(*uitval, "--per", "2026-07-01", *extra)
        uit = " ".join(r.output.split())
        assert r.exit_code == 2, uit
        assert (
            "--per: op of na 01-07-2026 zijn nog 2 inburgeraar(s) bij Alfa in perceel B1 aangemeld (de eerste: "
            "klant K-2 in Noord op 15-07-2026)" in uit
        ), uit
    r = _run(*uitval, "--per", "2026-07-21")
    assert "--per: op of na" not in " ".join(r.output.split()), r.output


def test_uitval_zonder_per_noemt_ook_de_andere_fouten(tmp_path: Path) -> None:
    """Without --per the command said only that --per is required; a misspelt supplier and a decision without a
    reason came out one run later. Now all three come together, and nothing is recorded."""
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    r = _run("contract", "uitval", "--werkmap", ws, "--route", "B1", "--aanbieder", "Alfx", "--vastleggen",
             "--door", DOOR[1])  # fmt: skip
    uit = " ".join(r.output.split())
    assert r.exit_code == 2, uit
    assert "Fouten in de invoer (3): --per: is verplicht: de datum van uitval" in uit, uit
    assert "--aanbieder: Alfx heeft geen contract; bedoelt u Alfa?" in uit
    assert "--reden: een besluit zonder reden wordt niet vastgelegd" in uit
    assert "Vastgelegd" not in uit
