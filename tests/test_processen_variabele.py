"""EVALUATIE_PROCESSEN says how many processes share the work (evaluatie.parallel). A value that is no number of
processes ('abc', '0', '-1', '1.5') used to mean 'every core' without a word; it is now an input error that names the
variable and what it may hold (exit 2), before the command does anything. Empty is not set; spaces around a number
are ignored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from evaluatie.cli import main
from evaluatie.parallel import aantal_werkers, gevraagde_processen

BERICHT = (
    "is geen aantal processen: geef een geheel getal van 1 of meer (1: alles in dit ene proces; 2 of meer: hoogstens "
    "zoveel processen tegelijk), of laat de variabele weg (of leeg) voor alle kernen, hoogstens 4"
)


@pytest.mark.parametrize("waarde", ["abc", "0", "-1", "1.5", "+2", "٢", "2 3"])
def test_geen_aantal_processen_is_een_invoerfout(waarde: str, voorbeeld: Path) -> None:
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld)], env={"EVALUATIE_PROCESSEN": waarde})
    assert r.exit_code == 2, r.output
    assert f"EVALUATIE_PROCESSEN={waarde!r} {BERICHT}" in " ".join(r.output.split())
    assert not (voorbeeld / "rapporten").exists()  # nothing ran


def test_de_fout_met_json_is_het_ene_document(voorbeeld: Path) -> None:
    r = CliRunner().invoke(main, ["gunning", "--json", "--werkmap", str(voorbeeld)], env={"EVALUATIE_PROCESSEN": "x"})
    assert r.exit_code == 2
    doc = json.loads(r.stdout)
    assert doc == {"fouten": [{"plaats": "EVALUATIE_PROCESSEN", "bericht": f"EVALUATIE_PROCESSEN='x' {BERICHT}"}]}


@pytest.mark.parametrize(("waarde", "verwacht"), [(None, None), ("", None), ("   ", None), (" 2 ", 2), ("1", 1)])
def test_leeg_is_niet_gezet_en_spaties_tellen_niet(
    waarde: str | None, verwacht: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    if waarde is None:
        monkeypatch.delenv("EVALUATIE_PROCESSEN", raising=False)
    else:
        monkeypatch.setenv("EVALUATIE_PROCESSEN", waarde)
    assert gevraagde_processen() == verwacht
    if verwacht is not None:
        assert aantal_werkers() == verwacht


def test_een_geldige_waarde_gunt_gewoon(voorbeeld: Path) -> None:
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld)], env={"EVALUATIE_PROCESSEN": " 1 "})
    assert r.exit_code == 0, r.output
