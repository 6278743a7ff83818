"""The contract dossier's index listed a contract change as 'wijziging' with its date, who and the reason typed with
--reden, and nothing of the change itself: which lot, what value, how many trajecten, on which legal basis and where
the de-minimis total stood (art. 2.163b Aw 2012). An auditor reading the index (the document the dossier is read
from) could not see what was changed without opening besluiten.json. The row now says it, from the recorded
decision."""

from __future__ import annotations

from pathlib import Path

from tests.hulp import html_tekst
from tests.test_contract_toelating import DOOR, _run, _werkmap


def test_index_noemt_de_wijziging(tmp_path: Path) -> None:
    """B1's framework agreement: 50 trajecten, EUR 500.000 (as the stand says); the de-minimis limit is 10% of that,
    EUR 50.000. 5 extra trajecten at Alfa's EUR 9.000 are worth EUR 45.000: recorded under 2.163b, 90% of the limit."""
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    stand = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-11-30").output
    assert "B1-route: 0 van 50 trajecten, EUR 0,00 van EUR 500.000,00" in stand, stand
    r = _run(
        "contract", "wijziging", "--werkmap", ws, "--route", "B1", "--soort", "extra_volume", "--trajecten", "5",
        "--waarde", "45.000", "--grondslag", "art. 2.163b Aw 2012", "--datum", "2026-10-01", *DOOR,
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    r = _run("contract", "dossier", "--werkmap", ws)
    assert r.exit_code == 0, r.output
    index = " ".join(html_tekst(ws / "contract" / "dossier" / "index.html").split())
    assert (
        "wijziging van B1-route: extra volume van 5 trajecten, EUR 45.000,00, grondslag de-minimiswijziging (art. "
        "2.163b Aw 2012); de-minimiswijzigingen samen EUR 45.000,00 van de grens EUR 50.000,00" in index
    ), index
    assert "contractstart" in index  # another decision keeps its one word
