"""The contract dossier is a copy made at one moment; `evaluatie controleer` re-hashed that copy and said
'Contractdossier in orde' also after later decisions and deliveries had been recorded, so a dossier without
them read as the complete contract file. It now compares the dossier's index with the werkmap and the register:
what was added or changed since is named, and the check fails (exit 1) until the dossier is made again."""

from __future__ import annotations

from pathlib import Path

from tests.test_contract_toelating import DOOR, _run, _werkmap

KOP = "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag"


def test_dossier_achter_op_het_register(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    assert _run("contract", "dossier", "--werkmap", ws).exit_code == 0
    r = _run("controleer", "--werkmap", ws)
    assert r.exit_code == 0 and "Contractdossier in orde" in r.output, r.output

    lijst = tmp_path / "noord-2026-k2.csv"
    lijst.write_text(f"{KOP}\nK-1;Noord;aangemeld;2026-06-10;B1;Alfa;\n", encoding="utf-8")
    assert _run("contract", "inlezen", "--werkmap", ws, lijst).exit_code == 0
    r = _run(
        "contract", "keuze", "--werkmap", ws, "--gemeente", "Noord", "--route", "B1", "--aanbieder", "Beta",
        "--klant", "K-2", "--datum", "2026-06-12", *DOOR,
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    r = _run("controleer", "--werkmap", ws)
    uit = " ".join(r.output.split())
    assert r.exit_code == 1, uit
    assert "Contractdossier in orde" not in uit, uit
    assert "Contractdossier niet actueel:" in uit, uit
    bewaard = next((ws / "contract" / "aanleveringen").iterdir()).name
    assert f"contract/aanleveringen/{bewaard}: na het opmaken van het dossier toegevoegd" in uit, uit
    assert "contract/besluiten.json: besluit 2 (eigen_keuze, 12 juni 2026) staat niet in het dossier" in uit, uit
    assert "maak het opnieuw met 'evaluatie contract dossier'" in uit, uit

    assert _run("contract", "dossier", "--werkmap", ws).exit_code == 0
    r = _run("controleer", "--werkmap", ws)
    assert r.exit_code == 0 and "Contractdossier in orde" in r.output, r.output


def test_dossier_achter_op_het_register_in_json(tmp_path: Path) -> None:
    """--json said why in words that were not true: 'de gunning is niet reproduceerbaar uit de huidige bestanden',
    with the award reproduced and only the dossier behind (or changed), and listed nothing of the dossier."""
    import json

    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    assert _run("contract", "dossier", "--werkmap", ws).exit_code == 0
    lijst = tmp_path / "noord-2026-k2.csv"
    lijst.write_text(f"{KOP}\nK-1;Noord;aangemeld;2026-06-10;B1;Alfa;\n", encoding="utf-8")
    assert _run("contract", "inlezen", "--werkmap", ws, lijst).exit_code == 0
    r = _run("controleer", "--werkmap", ws, "--json")
    assert r.exit_code == 1, r.output
    data = json.loads(r.stdout)
    assert data["in_orde"] is False and data["dossier_gewijzigd"] == []
    assert [x.split(":")[0] for x in data["dossier_niet_actueel"]] == [
        f"contract/aanleveringen/{next((ws / 'contract' / 'aanleveringen').iterdir()).name}"
    ], data
    assert "niet reproduceerbaar" not in r.output and "het contractdossier is niet actueel" in r.output, r.output
