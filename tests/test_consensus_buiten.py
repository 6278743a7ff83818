"""A consensus score outside every score the reviewers gave on their own is shown in the proces-verbaal."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from evaluatie.cli import main
from tests.test_consensus import K1, K2, PANEL, _procesverbaal, _vul_panel, _werkmap


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_consensus_buiten_de_scores_van_de_beoordelaars_staat_in_het_procesverbaal(tmp_path: Path) -> None:
    """X, Samenwerking: Ada 50, Bram 50, Cor 25 (tests/test_consensus.py SCORES); the panel agrees 75, higher than
    any of them. X, Plan van aanpak: 75, 50, 100 and consensus 100 lies on the edge, inside. Y, Samenwerking: 0, 100,
    50 and consensus 75, inside. Before, the advies said nothing of the one row the letter motivates by the
    consensus text alone."""
    ws = _werkmap(tmp_path, aggregatie="mediaan")
    assert _run("template", "consensus", "--werkmap", str(ws)).exit_code == 0
    _vul_panel(
        ws / "beoordelingen" / "consensus.xlsx",
        {
            ("X", K1): (100, "Panel: na bespreking uitstekend."),
            ("X", K2): (75, "Panel: na bespreking van de bijlage goed."),
            ("Y", K2): PANEL[("Y", K2)],
        },
    )
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    pv = _procesverbaal(ws)
    assert "Let op: bij 1 regel ligt de consensusscore buiten de scores die de beoordelaars zelfstandig gaven" in pv
    assert (
        '<li data-perceel="B1" data-inschrijver="X">B1-route, X, Samenwerking: consensus 75,00, beoordelaars '
        "Beoordelaar A 50,00, Beoordelaar B 50,00, Beoordelaar C 25,00</li>"
    ) in pv
    assert "Plan van aanpak: consensus" not in pv and "Y, Samenwerking: consensus" not in pv
    # and among what is checked by hand before the letters go out, once
    advies = (ws / "rapporten" / "gunningsadvies.html").read_text(encoding="utf-8")
    zin = (
        "Perceel B1-route: de consensusscore van X op Samenwerking (75,00) ligt buiten de scores die de beoordelaars "
        "zelfstandig gaven (50,00, 50,00, 25,00)"
    )
    assert advies.count(zin) == 1


def test_consensus_binnen_de_scores_geeft_geen_melding(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path, aggregatie="mediaan")
    assert _run("template", "consensus", "--werkmap", str(ws)).exit_code == 0
    _vul_panel(ws / "beoordelingen" / "consensus.xlsx", PANEL)
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    assert "consensusscore buiten" not in _procesverbaal(ws)
