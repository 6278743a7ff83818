"""The advies' summary of an onderwijsroute by gunning beside a Z-route by open house put the Z-route's expected costs
under 'Kosten per jaar', the heading of the awarded lot, where an open house alone says 'Verwachte kosten per jaar'
and its gemeente pages 'Verwachte kosten'. The column now says that the open house's costs are an expectation."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import KEURMERK_A, html_tekst, onderwijs_naast_open_z, samenvatting_per_perceel


def test_samenvatting_noemt_de_kosten_van_het_open_house_verwacht(tmp_path: Path) -> None:
    """The advies' summary of an onderwijsroute by gunning beside a Z-route by open house put the Z-route's expected
    costs (A alone admitted: 5 + 3 + 2 = 10 a year at EUR 9.000 = EUR 90.000,00) under 'Kosten per jaar', the
    heading of the awarded lot, where an open house alone says 'Verwachte kosten per jaar'."""
    ws = onderwijs_naast_open_z(tmp_path / "ws", "onderwijs")
    # A's keurmerk lapses before the decision: decided, so the award completes
    assert CliRunner().invoke(main, ["keurmerk", "--werkmap", str(ws), *KEURMERK_A]).exit_code == 0
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    samenvatting = " ".join(samenvatting_per_perceel(html_tekst(ws / "rapporten" / "gunningsadvies.html")).split())
    assert "Volume per jaar Kosten per jaar (open house: verwacht) Vraag x plafondprijs per jaar" in samenvatting
    assert "Z-route A 1 10 EUR 90.000,00" in samenvatting, samenvatting
