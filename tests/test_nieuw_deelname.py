"""A gemeente that joins only some lots: `evaluatie nieuw` gives every gemeente an 'invullen' for every lot; once the
inkoper narrows a lot's gemeenten, the open 'invullen' of a gemeente outside the lot asked for a number that would
count nowhere."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner

from evaluatie.cli import main


def _run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def _tender(tmp_path: Path, dronten_z: str) -> Path:
    ws = tmp_path / "t"
    res = _run(
        "nieuw", str(ws), "--naam", "Drie gemeenten", "--penvoerder", "Gemeente Almere",
        "--gemeenten", "Almere,Dronten,Lelystad", "--percelen", "B1,Z", "--publicatie", "2027-01-11",
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    pad = ws / "aanbesteding.yaml"
    tekst = pad.read_text(encoding="utf-8")
    tekst = tekst.replace(
        "  Z:\n    # Deelnemende gemeenten: 'alle' (alle gemeenten hierboven) of een lijst namen.\n    gemeenten: alle",
        "  Z:\n    # Deelnemende gemeenten: 'alle' (alle gemeenten hierboven) of een lijst namen.\n"
        "    gemeenten: [Almere, Lelystad]",
    )
    regels = tekst.splitlines()
    for i, regel in enumerate(regels):
        if regel.strip().startswith("inburgeraars: {B1: invullen, Z: invullen}"):
            gemeente = regels[i - 2].split("naam: ")[1].split()[0]
            z = dronten_z if gemeente == "Dronten" else "4"
            regels[i] = regel.replace("{B1: invullen, Z: invullen}", f"{{B1: 10, Z: {z}}}")
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    return ws


def test_invullen_voor_een_perceel_waaraan_de_gemeente_niet_meedoet(tmp_path: Path) -> None:
    res = _run("inschrijvingen", "--werkmap", str(_tender(tmp_path, "invullen")))
    assert res.exit_code == 2, res.output
    tekst = " ".join(res.output.split())
    assert "Dronten neemt niet deel aan perceel Z (percelen.Z.gemeenten), dus hier hoort geen aantal" in tekst
    assert "van Dronten voor perceel Z is nog niet ingevuld" not in tekst


def test_nul_voor_een_perceel_waaraan_de_gemeente_niet_meedoet_mag(tmp_path: Path) -> None:
    res = _run("inschrijvingen", "--werkmap", str(_tender(tmp_path, "0")))
    assert res.exit_code == 2, res.output
    assert "neemt niet deel" not in res.output
    assert "geen inschrijvingen gevonden" in res.output  # the tender itself loads
