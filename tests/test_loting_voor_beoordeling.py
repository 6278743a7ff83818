"""A draw orders a tie of total scores, and those exist only once the reviewers have scored the tied bids.

P and Q tie at EUR 9.000 with the same scores (both reviewers signed on 10 March 2026, the closing was 16 February).
`evaluatie loting --datum 2026-03-01` was recorded: the advies then said the forms were signed on 10 March and the
letters that a draw of 1 March ordered totals made of those scores; one of the two is untrue. The command refuses
such a date, naming the forms, and the proces-verbaal says so with a 'Let op' when a form is signed after a draw in
the lot it scored (a form signed again later, or a draw recorded before this check), as it does for a consensus."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result
from openpyxl import load_workbook

from evaluatie.cli import main
from tests.hulp import LOTING_WIE, gelijk_pq, html_tekst

LOTING = ("--lots", "B1", "--volgorde", "Q;P", "--getuige", "mr. J. Jansen, notaris", *LOTING_WIE)


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _gelijk(tmp_path: Path) -> Path:
    ws = gelijk_pq(tmp_path / "ws")  # both forms signed on 10 March 2026
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 1  # the order decides the volume: a draw
    return ws


def test_loting_voor_de_ondertekening_van_de_formulieren_geweigerd(tmp_path: Path) -> None:
    ws = _gelijk(tmp_path)
    res = _run("loting", "--werkmap", str(ws), *LOTING, "--datum", "2026-03-01")
    assert res.exit_code == 2, res.output
    assert (
        "--datum: de loting (2026-03-01) ligt vóór de ondertekening van de beoordelingsformulieren van Ada "
        "(2026-03-10) en Bram (2026-03-10), die P en Q in perceel B1-route scoren; een gelijke stand van totaalscores "
        "bestaat pas na de beoordeling" in " ".join(res.output.split())
    )
    assert not (ws / "loting.yaml").exists()
    # on the day the forms were signed the tie is known: recorded
    res = _run("loting", "--werkmap", str(ws), *LOTING, "--datum", "2026-03-10")
    assert res.exit_code == 0, res.output


def test_formulier_ondertekend_na_de_loting_is_een_let_op_in_het_procesverbaal(tmp_path: Path) -> None:
    """The draw of 20 March stands (the tie is unchanged), but Bram's form is signed again on 25 March, after it."""
    ws = _gelijk(tmp_path)
    assert _run("loting", "--werkmap", str(ws), *LOTING, "--datum", "2026-03-20").exit_code == 0
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert "ondertekend na loting" not in advies

    pad = ws / "beoordelingen" / "bram.xlsx"
    wb = load_workbook(pad)
    wb["Beoordeling"]["B2"] = wb["Beoordeling"]["B2"].value.replace(day=25)
    wb.save(pad)
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert (
        "Let op: het formulier van Beoordelaar B is ondertekend op 25 maart 2026, na loting L1 van 20 maart 2026 "
        "(perceel B1-route; op besluit van S. Jansen, inkoopadviseur), die totaalscores met de scores van dat formulier ordende; toen was de rangorde, en "
        "daarmee waren de prijzen, bekend." in advies
    )
    assert "formulier van Beoordelaar A is ondertekend op" not in advies  # Ada signed on 10 March, before it


def test_loting_json_en_logboek_noemen_het_perceel_zoals_vastgelegd(tmp_path: Path) -> None:
    """--lots is read case-blind ('b1' is B1): loting.yaml records B1, but --json said "perceel": "b1" (its
    comment: as recorded) and the logboek 'lots': 'b1', a code the tender does not have."""
    import json

    ws = _gelijk(tmp_path)
    res = _run("loting", "--werkmap", str(ws), "--lots", "b1", "--volgorde", "q;p", "--getuige",
               "mr. J. Jansen, notaris", *LOTING_WIE, "--datum", "2026-03-20", "--json")  # fmt: skip
    assert res.exit_code == 0, res.output
    uit = json.loads(res.stdout)
    assert (uit["perceel"], uit["volgorde"]) == ("B1", ["Q", "P"])
    regel = json.loads((ws / "logboek.jsonl").read_text(encoding="utf-8").splitlines()[-1])
    assert regel["commando"] == "loting" and regel["opties"]["lots"] == "B1"
