"""Small counts: no withheld count of 1 or more has one possible value, in whole persons, given everything the
quarterly reports of a contract publish (every quarter, every report, the framework line, absent rows).

The attack is tests/aanval.py, written apart from evaluatie.contract.controle (the check in the production path):
it reads the figures `bepaal` publishes for every quarter (the reports print exactly these:
tests/test_contract_reeksen.py reads them back from the xlsx and HTML of the example) and asks HiGHS for other
solutions per month, not per stretch between published points.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from evaluatie.contract.kwartaal import onderdrukking_uitleg
from evaluatie.contract.onderdrukking import ONDERDRUKT
from evaluatie.contract.openbaar import CONTROLE_GEMEENTEN, bepaal
from tests.aanval import vastgepinde
from tests.hulp import REPO, synthetisch_contract


def _gemeenten(regio: str) -> list[str]:
    with open(REPO / "criteria" / "gemeenten" / "gemeenten-2026.csv", encoding="utf-8") as f:
        return [r["naam"] for r in csv.DictReader(f) if r["arbeidsmarktregio"] == regio]


def _maand(reg: Any, d: dt.date) -> int:
    """Months since the start up to and including d's month (d a month end): the end of a period."""
    return (d.year - reg.startdatum.year) * 12 + d.month - reg.startdatum.month + 1


class _Lezer:
    """Everything the reports of one lot publish, as sums over cells (gemeente x supplier) x months."""

    def __init__(self, reg: Any, code: str, laatste: dt.date) -> None:
        import numpy as np

        self.reg, self.code = reg, code
        self.lev = [s.naam for s in reg.leveranciers_van(code)]
        self.cellen = [(g, s) for g in reg.gemeenten for s in self.lev]
        self.maanden = _maand(reg, laatste)
        self.echt = np.zeros((len(self.cellen), self.maanden))
        for p in reg.plaatsingen:
            if p.perceel == code and p.aangemeld and p.aangemeld <= laatste:
                self.echt[self.cellen.index((p.gemeente, p.leverancier)), _maand(reg, p.aangemeld) - 1] += 1
        self.getoond: list[tuple[Any, int]] = []
        self.ondergrenzen: list[tuple[Any, int]] = []
        self.verborgen: list[tuple[Any, object]] = []

    def som(self, welke: list[tuple[str, str]], m0: int, m1: int) -> Any:
        import numpy as np

        v = np.zeros((len(self.cellen), self.maanden))
        for c in welke:
            v[self.cellen.index(c), m0:m1] = 1
        return v.ravel()

    def cijfer(self, waarde: int | str, v: Any, waar: object) -> None:
        if isinstance(waarde, int):
            self.getoond.append((v, waarde))
        else:
            assert waarde == ONDERDRUKT  # one label, whatever the count
            self.verborgen.append((v, waar))

    def kwartaal(self, einde: dt.date, cel: dict[tuple[str, ...], int | str]) -> None:
        """One quarter's reports: the rows of the gemeenten (absent: 0), their totals, the region's rows."""
        reg, code = self.reg, self.code
        jaar = reg.contractjaar(einde)
        m1 = _maand(reg, einde)
        kolommen = {"jaar": _maand(reg, reg.jaargrenzen(jaar)[0]) - 1, "kwartaal": max(m1 - 3, 0)}
        verdeling = reg.toewijzing.get((code, jaar), {})
        for g, s in self.cellen:
            if ("E", g, code, s, "jaar") not in cel:  # an absent row: 0
                self.getoond.append((self.som([(g, s)], min(kolommen.values()), m1), 0))
                continue
            if not verdeling.get((g, s)):  # shown without allocation: someone was placed
                self.ondergrenzen.append((self.som([(g, s)], min(kolommen.values()), m1), 1))
            for k, m0 in kolommen.items():
                self.cijfer(cel[("E", g, code, s, k)], self.som([(g, s)], m0, m1), (einde, g, s, k))
        for k, m0 in kolommen.items():
            for g in reg.gemeenten:
                if ("G", g, code, k) in cel:
                    rij = [c for c in self.cellen if c[0] == g]
                    self.cijfer(cel[("G", g, code, k)], self.som(rij, m0, m1), (einde, g, k))
            for s in self.lev:
                if ("R", code, s, k) in cel:
                    kolom = [c for c in self.cellen if c[1] == s]
                    self.cijfer(cel[("R", code, s, k)], self.som(kolom, m0, m1), (einde, s, k))
        for k, m0 in (*kolommen.items(), ("raam", 0)):
            self.cijfer(cel[("T", code, k)], self.som(self.cellen, m0, m1), (einde, code, k))


def aanval(reg: Any, laatste: dt.date) -> tuple[int, list[tuple[object, int, bool]]]:
    """The attack on everything published up to the quarter ending `laatste`, lot by lot: the number of withheld
    figures of 1 or more, and the pinned ones."""
    o = bepaal(reg, laatste)
    te_toetsen, uit = 0, []
    for code in reg.percelen:
        lezer = _Lezer(reg, code, laatste)
        for einde, cel in o.per_kwartaal.items():
            lezer.kwartaal(einde, cel)
        for d, w in o.maanden[code]:
            lezer.cijfer(ONDERDRUKT if w is None else w, lezer.som(lezer.cellen, 0, _maand(reg, d)), (d, code))
        echt = lezer.echt.ravel()
        te_toetsen += sum(1 for v, _ in lezer.verborgen if v @ echt >= 1)
        uit += vastgepinde(echt, lezer.getoond, lezer.ondergrenzen, lezer.verborgen)
    return te_toetsen, uit


def _geen_lek(pins: list[tuple[object, int, bool]]) -> None:
    """A withheld figure a reader can pin must be a sum or difference of shown figures of 5 or more: the rules for
    series and totals decided it could be shown (it is withheld by the order of the decisions, not for privacy)."""
    assert [p for p in pins if not p[2] or p[1] < 5] == []


def test_twentse_contract_drie_jaar(tmp_path: Path) -> None:
    """Five Twente gemeenten, three lots, three years of seeded events (about 570 placements): every withheld
    figure of 1 or more keeps two values or more, unless it is a sum of shown figures. Before one label for every
    withheld count, the same attack with '<5' as 0-4 and 'onderdrukt' as 5 or more pinned 29 '<5' cells of this very
    contract at 1-4 (18 in B1, 7 in onderwijs, 4 in Z; measured on 5 December 2026 with the code of then)."""
    reg = synthetisch_contract(tmp_path, _gemeenten("Twente")[:5], 1, 200)
    getoetst, pins = aanval(reg, dt.date(2028, 12, 31))
    assert getoetst > 300
    _geen_lek(pins)


@pytest.mark.parametrize(("gemeenten", "zaad", "per_jaar"), [(3, 11, 60), (9, 12, 250), (20, 13, 500)])
def test_willekeurige_kleine_contracten(tmp_path: Path, gemeenten: int, zaad: int, per_jaar: int) -> None:
    """Seeded contracts of the size real ones have (3-20 gemeenten), two years: no withheld count pinned."""
    namen = _gemeenten("Groot Amsterdam") + _gemeenten("Zuid-Limburg")
    reg = synthetisch_contract(tmp_path, namen[:gemeenten], zaad, per_jaar, jaren=2)
    getoetst, pins = aanval(reg, dt.date(2027, 12, 31))
    assert getoetst > 50
    _geen_lek(pins)


def test_uitleg_van_het_label() -> None:
    """The legend says what the one label means, and whether the exact check ran; never that it ran when it
    did not."""
    wel = onderdrukking_uitleg(True, 7)
    niet = onderdrukking_uitleg(False, 342)
    assert '"onderdrukt": ieder aantal onder 5 personen (ook 0)' in wel
    assert "het kan 0, 1 tot 4 of 5 of meer personen zijn" in wel
    assert "legt geen onderdrukt aantal op één waarde van 1 tot 4 vast" in wel
    assert "niet uitgevoerd: dit contract telt 342 gemeenten" in niet
    assert f"tot en met {CONTROLE_GEMEENTEN} gemeenten" in niet and "legt geen" not in niet


def test_zonder_controle_zegt_het_rapport_dat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A contract above the limit of the exact check (here set to 2, the werkmap has 3 gemeenten): the reports
    are written, the legend of HTML and xlsx says the check did not run and why, and the command says so on
    stderr - no silent skip. Within the limit neither says it."""
    from openpyxl import load_workbook

    import evaluatie.contract.kwartaal as kwartaal
    import evaluatie.contract.openbaar as openbaar
    from tests.hulp import html_tekst
    from tests.test_contract_toelating import DOOR, _run, _werkmap

    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    r = _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K2")
    assert r.exit_code == 0 and "Let op" not in r.stderr and "niet uitgevoerd" not in r.output
    assert "legt geen onderdrukt aantal" in html_tekst(ws / "contract" / "kwartaal" / "2026-K2" / "regio.html")
    monkeypatch.setattr(openbaar, "CONTROLE_GEMEENTEN", 2)
    monkeypatch.setattr(kwartaal, "CONTROLE_GEMEENTEN", 2)
    r = _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K2")
    assert r.exit_code == 0, r.output
    niet = "is niet uitgevoerd: dit contract telt 3 gemeenten, de controle loopt tot en met 2 gemeenten"
    assert niet in " ".join(r.stderr.split()) and r.stderr.startswith("Let op: ")
    map_ = ws / "contract" / "kwartaal" / "2026-K2"
    for rapport in ("regio", "gemeente-noord"):
        assert niet in html_tekst(map_ / f"{rapport}.html")
        overzicht = dict(load_workbook(map_ / f"{rapport}.xlsx")["Overzicht"].iter_rows(values_only=True))
        assert niet in str(overzicht["Onderdrukking"])


def test_controle_vindt_wat_een_regiorij_gelijk_aan_een_cel_verraadt() -> None:
    """evaluatie.contract.controle on the pattern of the README: cells 0 = Hilversum at Inburgerwijs (10 on day 1,
    3 on day 2), 1 = Hilversum at Taalhuis (nobody), 2 = Gooise Meren at Taalhuis (8 on day 1). Shown: cell 0 over
    day 1 (10), Taalhuis' column over days 1-2 (8) and Gooise Meren's 8, Hilversum's total over days 1-2 (13). The
    column equal to Gooise Meren says cell 1 is 0, so cell 0 over days 1-2 is 13 and its day 2 is 3: pinned.
    Without the column, cell 1 can be anything from 0 to 3 and nothing is pinned."""
    from evaluatie.contract.controle import Cijfer, eerste_vastgepinde

    datums = [[1] * 10 + [2] * 3, [], [1] * 8]
    cel_0_dag_2 = Cijfer((0,), 1, 2, None)
    cel_0_samen = Cijfer((0,), 0, 2, None)
    getoond = [Cijfer((0,), 0, 1, 10), Cijfer((2,), 0, 2, 8), Cijfer((0, 1), 0, 2, 13), Cijfer((1,), 0, 2, None)]
    kolom = Cijfer((1, 2), 0, 2, 8)
    assert eerste_vastgepinde([*getoond, kolom, cel_0_dag_2, cel_0_samen], datums) == cel_0_dag_2
    assert eerste_vastgepinde([*getoond, kolom, cel_0_samen, cel_0_dag_2], datums) == cel_0_samen
    assert eerste_vastgepinde([*getoond, cel_0_dag_2, cel_0_samen], datums) is None
    # a row shown without allocation says 1 or more: with the column, cell 1 cannot be 0 - the published figures
    # then contradict the register, which is an error, never a silent answer
    from evaluatie.fouten import EvaluatieFout

    with pytest.raises(EvaluatieFout, match="niet met het register klopt"):
        eerste_vastgepinde([*getoond, kolom, Cijfer((1,), 0, 2, None, 1, False)], datums)
