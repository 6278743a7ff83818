"""A signal 'Gooise Meren wijkt af van de verdeling bij Taalhuis De Brug B.V. (B1-route): geplaatst onderdrukt, naar
rato 5,2 van 21' in a quarterly report gave away the number it withheld: the signal stands only when the placements
differ from pro rata by at least 5 persons and 25%, so next to 5,2 it says 0 (or 11 or more), and next to 6,0 it says
0 or 1. The rule that a 0 is never shown (else 'onderdrukt' would mean '1 or more') held in the table, not in the
signal. A published report now leaves such a signal out and says why; the stand (not published) keeps it with its
figures, and a signal with a shown number stays."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from tests.hulp import gegund_voorbeeld, html_tekst
from tests.test_contract_toelating import DOOR, _run

UITLEG = (
    "Een signaal dat een gemeente afwijkt van de verdeling staat hier alleen bij een getoond aantal geplaatst: bij "
    "een onderdrukt aantal zou het signaal zelf zeggen in welk bereik het ligt."
)


def test_geen_afwijkingssignaal_bij_een_onderdrukt_aantal(voorbeeld_bron: Path, tmp_path: Path) -> None:
    ws = gegund_voorbeeld(voorbeeld_bron, tmp_path / "ws", "--lots", "B1,onderwijs,Z")
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2022-01-01", *DOOR).exit_code == 0
    # nobody placed by 31 March 2022: Gooise Meren has 21 for Taalhuis, 24,7% of the year gone, pro rata 5,2
    stand = " ".join(_run("contract", "stand", "--werkmap", ws, "--peildatum", "2022-03-31").output.split())
    assert (
        "Gooise Meren wijkt af van de verdeling bij Taalhuis De Brug B.V. (B1-route): geplaatst 0, naar rato 5,2"
        in stand
    )
    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2022-K1").exit_code == 0
    map_ = ws / "contract" / "kwartaal" / "2022-K1"
    for rapport in ("regio", "gemeente-gooise-meren", "gemeente-hilversum"):
        tekst = html_tekst(map_ / f"{rapport}.html")
        assert "wijkt af van de verdeling" not in tekst, rapport
        assert UITLEG in tekst, rapport
        wb = load_workbook(map_ / f"{rapport}.xlsx")
        assert not any("wijkt af" in str(r[0]) for r in wb["Signalen"].iter_rows(values_only=True)), rapport
        assert {r[0]: r[1] for r in wb["Overzicht"].iter_rows(values_only=True)}["Signalen"] == UITLEG
