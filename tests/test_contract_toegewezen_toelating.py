"""In 'contract stand' and the quarterly report the column 'toegewezen' of an open-house lot holds the expectation
by capacity from the toelatingsbesluit, not an allocation: both say so under the table, for that lot only."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from tests.test_contract_toelating import DOOR, _plaatsingen, _run, _werkmap

ZIN = (
    "Bij open house (toelating) in perceel Z-route is 'toegewezen' de verwachting naar capaciteit uit het "
    "toelatingsbesluit, geen toewijzing: de inburgeraar of de klantmanager kiest de aanbieder."
)


def test_stand_en_kwartaal_noemen_toegewezen_bij_open_house_een_verwachting(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    assert _run("contract", "inlezen", "--werkmap", ws, _plaatsingen(ws)).exit_code == 0
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-09-30")
    assert r.exit_code == 0, r.output
    assert ZIN in " ".join(r.output.split()), r.output
    assert "B1-route is 'toegewezen'" not in r.output
    r = _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K3")
    assert r.exit_code == 0, r.output
    for pagina in (ws / "contract" / "kwartaal" / "2026-K3").glob("*.html"):
        tekst = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", pagina.read_text(encoding="utf-8"))))
        assert ZIN in tekst, pagina.name
