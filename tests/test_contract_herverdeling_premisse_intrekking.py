"""The premise check of a re-allocation (evaluatie.contract.herverdelingspremisse) compared the decision with the
register as a stand's peildatum sees it, but the proposal counts every recorded withdrawal (it is a decision of now).
A withdrawal recorded before the decision, dated after the stand's peildatum, so made a stand say the premise had
changed when it had not ('Oost bij Beta 2 (toen 1)'). The check now weighs the register as it is now."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.test_contract_toelating import DOOR, _run, _werkmap


def test_intrekking_voor_het_besluit_is_geen_veranderde_premisse(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    lijst = tmp_path / "oost.csv"
    lijst.write_text(
        "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag\n"
        "K-1;Oost;aangemeld;2026-07-01;Z;Beta;\nK-2;Oost;aangemeld;2026-07-02;Z;Beta;\n",
        encoding="utf-8",
    )
    assert _run("contract", "inlezen", "--werkmap", ws, lijst).exit_code == 0
    vandaag = dt.date.today().isoformat()  # a withdrawal lies on or after the day its event was read in
    intrekken = ["contract", "intrekken", "--werkmap", ws, "--gemeente", "Oost", "--klant", "K-2"]
    r = _run(*intrekken, "--gebeurtenis", "aangemeld", "--datum", vandaag, *DOOR)
    assert r.exit_code == 0, r.output
    uitval = ["contract", "uitval", "--werkmap", ws, "--route", "Z", "--aanbieder", "Beta", "--per", "2026-10-01"]
    r = _run(*uitval, "--vastleggen", *DOOR)
    assert r.exit_code == 0 and "Oost: al geplaatst 1 bij Beta" in r.output, r.output
    # a peildatum before the withdrawal's date: that day's view still counts K-2, the decision never did
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-11-30")
    assert r.exit_code == 0 and "ging uit van de plaatsingen" not in r.output, r.output
