"""The forecast of when a framework agreement is exhausted ran past the end of the contract: in its last weeks
'contract stand' said 'uitgeput bij dit tempo: 23-07-2026' for a contract that ends on 2 July 2026, and the signal
'bij het huidige tempo uitgeput op ...'. At that pace the agreement is not exhausted within the term; the stand,
the signal and the quarterly report now say that, with the last day of the term."""

from __future__ import annotations

from pathlib import Path

from tests.test_contract_toelating import DOOR, _run, _werkmap

KOP = "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag"


def test_prognose_na_het_einde_van_de_looptijd(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    # 2 years from 1 June 2026 (to 31 May 2028); B1 maximum 50 trajecten (20 a year x 2 x 1,25)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    # 45 placements in June and July 2026
    rijen = [f"K-{i};Noord;aangemeld;{(1 + i % 28):02d}-{(6 + i // 28):02d}-2026;B1;Beta;" for i in range(45)]
    (tmp_path / "noord.csv").write_text(KOP + "\n" + "\n".join(rijen) + "\n", encoding="utf-8")
    r = _run("contract", "inlezen", "--werkmap", ws, tmp_path / "noord.csv")
    assert r.exit_code == 0, r.output
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2028-04-30")
    uit = " ".join(r.output.split())
    assert r.exit_code == 0, uit
    # pace 45 in the 700 days from 01-06-2026 to 30-04-2028; the 5 left take ceil(5 / (45 / 700)) = 78 days:
    # 17-07-2028, after the last day of the term, 31-05-2028
    assert "B1-route: 45 van 50 trajecten" in uit, uit
    assert "uitgeput bij dit tempo: niet voor het einde van de looptijd (31-05-2028)" in uit, uit
    assert "17-07-2028" not in uit, uit
    assert "bij het huidige tempo niet uitgeput voor het einde van de looptijd (31-05-2028)" in uit, uit
