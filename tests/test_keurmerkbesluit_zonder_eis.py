"""A keurmerk decision sets a condition on, or gives the proof for, an award in a lot that requires the keurmerk.

Recorded where no such award is made, it was accepted: for B, which the award gives nothing, it was stale on the next
run ('B wordt nu niet gegund', though nothing had changed); and with a tender whose lots do not require the keurmerk
(the knock-out rule removed after the decision, or never there) it stayed in force: the advies said 'De gunning
geschiedt onder de voorwaarde dat ... een geldig Blik op Werk keurmerk wordt getoond (besluit K1)' while A's letter
set no condition, and the tender documents none. Now the command refuses both, and on a run the decision is stale
once no lot of the bidder requires the keurmerk."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import yaml

from tests.hulp import html_tekst, schrijf_bod, schrijf_yaml
from tests.test_besluiten import _run
from tests.test_besluiten_premisse import _keurmerk_onder_voorwaarde
from tests.test_besluiten_verouderd import _keurmerkwerkmap


def _zonder_keurmerkeis(ws: Path) -> None:
    data = yaml.safe_load((ws / "aanbesteding.yaml").read_text(encoding="utf-8"))
    del data["percelen"]["B1"]["knockout"]["keurmerk"]
    schrijf_yaml(ws / "aanbesteding.yaml", data)


def test_keurmerkbesluit_voor_wie_niet_gegund_wordt_geweigerd(tmp_path: Path) -> None:
    """A (capacity 20, quality 75) takes all 20 inburgeraars; B's keurmerk lapses too, but B is awarded nothing."""
    ws = _keurmerkwerkmap(tmp_path)
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9500, 20, 12, 4, "alle")], geldig_tot=dt.date(2026, 3, 20))
    args = [a if a != "A" else "B" for a in _keurmerk_onder_voorwaarde(ws)]
    res = _run(*args, "--datum", "2026-03-10")
    assert res.exit_code == 2, res.output
    assert (
        "--inschrijver: B wordt in geen perceel met de keurmerkeis gegund (B1-route); er valt over het keurmerk "
        "niets te besluiten" in " ".join(res.output.split())
    )
    assert not (ws / "besluiten.yaml").exists()


def test_keurmerkbesluit_zonder_keurmerkeis_is_verouderd_en_wordt_geweigerd(tmp_path: Path) -> None:
    ws = _keurmerkwerkmap(tmp_path)
    assert _run(*_keurmerk_onder_voorwaarde(ws), "--datum", "2026-03-10").exit_code == 0
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0

    _zonder_keurmerkeis(ws)  # the tender no longer requires the keurmerk: nothing to set a condition on
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 1, res.output
    woorden = (
        "besluiten.yaml: K1: verouderd besluit: geen perceel waarin A inschrijft, eist nog het keurmerk (B1-route: "
        "geen knock-outregel keurmerk); het besluit gaat uit van die eis; het wordt niet toegepast."
    )
    assert woorden in " ".join(res.output.split())
    data = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    assert [p["soort"] for p in data["open_punten"]] == ["verouderd"]
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert "VEROUDERD, NIET TOEGEPAST" in advies

    res = _run("intrekken", "--werkmap", str(ws), "K1", "--reden", "De aanbesteding eist geen keurmerk meer.",
               "--door", "P. de Vries, inkoopadviseur", "--datum", "2026-03-12")  # fmt: skip
    assert res.exit_code == 0, res.output
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0
    res = _run(*_keurmerk_onder_voorwaarde(ws), "--datum", "2026-03-12")
    assert res.exit_code == 2, res.output
    assert (
        "--inschrijver: geen perceel waarin A inschrijft, eist het keurmerk (B1-route: geen knock-outregel "
        "keurmerk); er valt over het keurmerk niets te besluiten" in " ".join(res.output.split())
    )
