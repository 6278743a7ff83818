"""Open house: what the expected distribution cannot deliver is said, not hidden.

The expectation spreads each gemeente's inburgeraars over the admitted suppliers serving it, in
proportion to their capacity. Two things followed silently: a gemeente that no admitted supplier serves
dropped out of the distribution (its page showed a total of 20 inburgeraars with no supplier and EUR 0
cost, "EUR 7.000 lager" than demand x ceiling), and a supplier could be expected to take more than the
capacity of its bid (229 against 200), with nothing saying so.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import kleine_toelating, maak_werkmap, module_naast_b1, schrijf_bod


def _run(*args: object) -> Any:
    res = CliRunner().invoke(main, [str(a) for a in args])
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    return res


def _tekst(pad: Path) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", pad.read_text(encoding="utf-8")))


def test_onbediende_gemeente_en_verwachting_boven_capaciteit(tmp_path: Path) -> None:
    # Noord 10, Oost 6, Zuid 4; both admitted suppliers serve only Noord: Alfa capacity 3, Beta 2, so
    # Noord expects 10 x 3/5 = 6 at Alfa and 10 x 2/5 = 4 at Beta; Oost and Zuid have no supplier
    data = kleine_toelating()
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 3, 12, 4, "Noord")])
    schrijf_bod(ws, "b.xlsx", "Beta", "22222222", [("B1", 9500, 2, 12, 4, "Noord")])
    r = _run("gunning", "--werkmap", ws)
    assert r.exit_code == 0, r.output
    onbediend = (
        "geen toegelaten aanbieder bedient Oost (6 verwacht per jaar) en Zuid (4 verwacht per jaar): die "
        "inburgeraars hebben in dit perceel nog geen aanbieder, tot een aanbieder die hen bedient toetreedt"
    )
    boven = (
        "de verwachting ligt boven de capaciteit uit de inschrijving bij Alfa (6 per jaar tegen capaciteit 3) en "
        "Beta (4 per jaar tegen capaciteit 2): de verwachte verdeling volgt per gemeente alleen de verhouding van "
        "de capaciteiten"
    )
    uitvoer = " ".join(r.output.split())
    assert onbediend in uitvoer and boven in uitvoer, uitvoer
    advies = _tekst(ws / "rapporten" / "gunningsadvies.html")
    assert onbediend in advies and boven in advies
    oost = _tekst(ws / "rapporten" / "gemeenten" / "oost.html")
    assert "Zonder toegelaten aanbieder 6 EUR 0,00 Totaal 6 EUR 0,00" in oost, oost
    assert "Geen toegelaten aanbieder bedient Oost in dit perceel" in oost, oost
    noord = _tekst(ws / "rapporten" / "gemeenten" / "noord.html")
    assert "Zonder toegelaten aanbieder" not in noord and "Geen toegelaten aanbieder" not in noord


def test_verdeelregels_bij_toelating_zijn_een_invoerfout(tmp_path: Path) -> None:
    """An open house distributes by capacity only; a distribution rule set for it (max_aandeel, per_subregio,
    a budget) was silently ignored (a supplier got 83% under max_aandeel 0.5). Now each is an input error at
    its place, all together; an empty verdeling stays fine."""
    import json

    from tests.hulp import schrijf_yaml

    data = kleine_toelating()
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 30, 12, 4, "alle")])
    assert _run("gunning", "--werkmap", ws).exit_code == 0  # verdeling: {} is fine
    data["percelen"]["B1"]["verdeling"] = {
        "max_aandeel": 0.5,
        "per_subregio": True,
        "budget_per_gemeente": {"Noord": 100000},
    }
    schrijf_yaml(ws / "aanbesteding.yaml", data)
    r = _run("gunning", "--werkmap", ws, "--json")
    assert r.exit_code == 2, r.output
    fouten = json.loads(r.stdout)["fouten"]
    plaatsen = sorted(f["plaats"].split(" (regel")[0] for f in fouten)
    assert plaatsen == [
        "aanbesteding.yaml: percelen.B1.verdeling.budget_per_gemeente",
        "aanbesteding.yaml: percelen.B1.verdeling.max_aandeel",
        "aanbesteding.yaml: percelen.B1.verdeling.per_subregio",
    ], fouten
    assert all("open-houseperceel" in f["bericht"] and "procedure: gunning" in f["bericht"] for f in fouten)


def test_keurmerkvelden_mogen_leeg_als_geen_perceel_het_keurmerk_vraagt(tmp_path: Path) -> None:
    """The bid form always has the keurmerk fields. In a tender where no lot requires the keurmerk (PVT, MAP,
    onderwijs, or the rule switched off) a bid that leaves them empty was refused (exit 2) for a field that
    decides nothing there. Where a lot requires it, an empty answer stays an error at its cell."""
    data = kleine_toelating()
    data["percelen"]["B1"]["knockout"] = {"plafondprijs": {}}
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(
        ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 30, 12, 4, "alle")], keurmerk="", nummer="", geldig_tot=None
    )
    r = _run("gunning", "--werkmap", ws)
    assert r.exit_code == 0, r.output

    data["percelen"]["B1"]["knockout"] = {"plafondprijs": {}, "keurmerk": {}}
    ws = maak_werkmap(tmp_path / "ws2", data)
    schrijf_bod(
        ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 30, 12, 4, "alle")], keurmerk="", nummer="", geldig_tot=None
    )
    r = _run("gunning", "--werkmap", ws)
    assert (
        r.exit_code == 2
        and "a.xlsx!Inschrijver!B6: Blik op Werk keurmerk (ja/nee) is verplicht; vul ja of nee in" in r.output
    )


def test_keurmerkvelden_mogen_leeg_bij_een_bod_alleen_op_percelen_zonder_keurmerk(tmp_path: Path) -> None:
    """B1 requires the keurmerk, PVT does not, and the form says of PVT 'Keurmerk: voor dit perceel niet vereist'. A
    bid on PVT alone that left the keurmerk fields empty was an input error at B6 (exit 2) that stopped every lot, for
    a field that decides nothing in the only lot it bids on. It is now read as no keurmerk declared; a bid that names B1
    too (or a lot code that is no lot: which lot it meant is not known) still gets the error at its cell."""
    data = module_naast_b1(kleine_toelating(), "PVT", "Participatieverklaringstraject", 350)
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 30, 12, 4, "alle"), ("PVT", 300, 20, 12, 4, "alle")])
    schrijf_bod(
        ws, "p.xlsx", "Pim", "22222222", [("PVT", 320, 20, 12, 4, "alle")], keurmerk="", nummer="", geldig_tot=None
    )
    r = _run("--json", "gunning", "--werkmap", ws)
    assert r.exit_code == 0, r.output
    toegelaten = json.loads(r.stdout)["percelen"]["PVT"]["toegelaten"]
    assert [t["inschrijver"] for t in toegelaten] == ["Alfa", "Pim"]

    for regels in (
        [("PVT", 320, 20, 12, 4, "alle"), ("B1", 9500, 30, 12, 4, "alle")],
        [("B-1", 9500, 30, 12, 4, "alle")],
    ):
        schrijf_bod(ws, "p.xlsx", "Pim", "22222222", regels, keurmerk="", nummer="", geldig_tot=None)
        r = _run("gunning", "--werkmap", ws)
        assert (
            r.exit_code == 2
            and "p.xlsx!Inschrijver!B6: Blik op Werk keurmerk (ja/nee) is verplicht; vul ja of nee in" in r.output
        )


def test_keurmerk_ja_zonder_datum_bij_een_bod_alleen_op_percelen_zonder_keurmerk(tmp_path: Path) -> None:
    """A bid on PVT alone (no keurmerk rule there) that answers the keurmerk 'ja' and leaves 'geldig tot' empty stopped
    every lot with exit 2 ('ontbreekt terwijl het keurmerk ja is'), for a date that decides nothing in the only lot it
    bids on. It is read now as a keurmerk declared without a date: stored as such (no date made up), and no letter
    names a date; a bid that names B1 too still gets the error at B8."""
    data = module_naast_b1(kleine_toelating(), "PVT", "Participatieverklaringstraject", 350)
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 30, 12, 4, "alle"), ("PVT", 300, 20, 12, 4, "alle")])
    schrijf_bod(ws, "p.xlsx", "Pim", "22222222", [("PVT", 320, 20, 12, 4, "alle")], geldig_tot=None)
    r = _run("--json", "inschrijvingen", "--werkmap", ws)
    assert r.exit_code == 0, r.output
    pim = next(i for i in json.loads(r.stdout)["inschrijvingen"] if i["naam"] == "Pim")
    assert (pim["keurmerk"], pim["keurmerk_geldig_tot"]) == (True, None)
    r = _run("--json", "gunning", "--werkmap", ws)
    assert r.exit_code == 0, r.output
    assert [t["inschrijver"] for t in json.loads(r.stdout)["percelen"]["PVT"]["toegelaten"]] == ["Alfa", "Pim"]
    brief = " ".join(_tekst(p) for p in (ws / "rapporten").rglob("*pim*.html"))
    assert "Pim" in brief and "keurmerk" not in brief.lower()

    schrijf_bod(
        ws, "p.xlsx", "Pim", "22222222", [("PVT", 320, 20, 12, 4, "alle"), ("B1", 9500, 30, 12, 4, "alle")],
        geldig_tot=None,
    )  # fmt: skip
    r = _run("gunning", "--werkmap", ws)
    assert r.exit_code == 2 and "p.xlsx!Inschrijver!B8: Keurmerk geldig tot ontbreekt terwijl" in r.output
