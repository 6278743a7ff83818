"""`--beoordelaars "Jansen, A., De Vries, B."` (surname, initials) became four reviewers 'Jansen', 'A.', 'De Vries' and
'B.', each with a form, without a word. A name of initials only is now an error at the option, and a semicolon
separates names that hold a comma ('Jansen, A.; De Vries, B.': two reviewers, quoted in aanbesteding.yaml)."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from evaluatie.cli import main


def _nieuw(map_: Path, beoordelaars: str) -> tuple[int, str]:
    r = CliRunner().invoke(main, ["nieuw", str(map_), "--naam", "Test", "--penvoerder", "Gemeente Almere",
                                  "--gemeenten", "Almere,Dronten", "--beoordelaars", beoordelaars])  # fmt: skip
    assert "Traceback" not in r.output, r.output
    return r.exit_code, " ".join(r.output.split())


def test_voorletters_na_een_komma_zijn_geen_beoordelaar(tmp_path: Path) -> None:
    code, uit = _nieuw(tmp_path / "ws", "Jansen, A., De Vries, B.")
    assert code == 2, uit
    assert (
        "--beoordelaars: 'A.', 'B.' zijn voorletters, geen naam: een komma scheidt twee beoordelaars, dus 'Jansen, A., "
        "De Vries, B.' werd 4 beoordelaars (Jansen; A.; De Vries; B.); schrijf de voorletters voor de naam ('A. "
        "Jansen, B. de Vries') of scheid de beoordelaars met ';' ('Jansen, A.; De Vries, B.')"
    ) in uit
    assert not (tmp_path / "ws").exists()


def test_puntkomma_scheidt_namen_met_een_komma(tmp_path: Path) -> None:
    code, uit = _nieuw(tmp_path / "ws", "Jansen, A.; De Vries, B.")
    assert code == 0, uit
    data = yaml.safe_load((tmp_path / "ws" / "aanbesteding.yaml").read_text(encoding="utf-8"))
    assert data["beoordelaars"] == ["Jansen, A.", "De Vries, B."]
    code, uit = _nieuw(tmp_path / "ws2", "A. Jansen, B.J. de Vries")
    assert code == 0, uit
    data = yaml.safe_load((tmp_path / "ws2" / "aanbesteding.yaml").read_text(encoding="utf-8"))
    assert data["beoordelaars"] == ["A. Jansen", "B.J. de Vries"]
