"""An open-house lot (procedure: toelating) ranks no one and compares no prices, so the settings only a ranking reads
(`abnormaal_laag`, `abnormaal_maatstaf`, `bij_gelijke_stand`, `max_fictieve_korting`) do nothing there. Written in
the lot's own lines they were accepted and ignored in silence: 'abnormaal_maatstaf: mediaan' in an open house read as
a rule the tender applies. Each is an input error at its own line, all together, before any bid is read; the same
settings from a criteria set or perceel_standaard (which serve award lots too) stay allowed. Real CLI run."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, maak_werkmap, module_naast_b1


def test_rangorde_instellingen_in_een_open_house_zijn_invoerfouten(tmp_path: Path) -> None:
    data = module_naast_b1(kleine_aanbesteding(), "PVT", "PVT-module", 3000, minimum_kwaliteit=50)
    data["percelen"]["PVT"].update(
        abnormaal_laag=0.1, abnormaal_maatstaf="mediaan", bij_gelijke_stand=["laagste_prijs"]
    )
    ws = maak_werkmap(tmp_path / "ws", data)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert res.exit_code == 2, res.output
    uit = " ".join(res.output.split())
    assert "Fouten in de invoer (3)" in uit, uit
    for veld, waarom in (
        ("abnormaal_laag", "prijzen worden er niet met elkaar vergeleken (art. 2.116 Aanbestedingswet 2012 is niet "),
        ("abnormaal_maatstaf", "prijzen worden er niet met elkaar vergeleken"),
        ("bij_gelijke_stand", "er is geen rangorde en dus geen gelijke stand"),
    ):
        assert f"percelen.PVT.{veld} (regel " in uit, uit
        assert f"perceel PVT is een open house (procedure: toelating): {waarom}" in uit, uit
    assert "haal de regel weg of kies procedure: gunning" in uit
    for veld in ("abnormaal_laag", "abnormaal_maatstaf", "bij_gelijke_stand"):  # the award lot B1 may have them
        del data["percelen"]["PVT"][veld]
        data["percelen"]["B1"][veld] = {"abnormaal_laag": 0.1, "abnormaal_maatstaf": "mediaan"}.get(
            veld, ["laagste_prijs"]
        )
    ws = maak_werkmap(tmp_path / "ws2", data)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
