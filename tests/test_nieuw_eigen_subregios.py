"""`evaluatie nieuw --regio Drenthe` with two subregio's of its own (--subregio Zuidoost=..., Zuidwest=... for all six
gemeenten) still proposed, for each gemeente of the province it left out, `--subregio 'Drenthe=Aa en Hunze'`: typed as
shown, that made a subregio 'Drenthe' of Aa en Hunze alone (no subregio Drenthe is left in the tender), which a bid
serving only Aa en Hunze covers whole under the knock-out rule dekking: subregio. The suggestion now names the
subregio's the region's gemeenten were given; so does the line on a gemeente added by name."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import yaml
from click.testing import CliRunner

from evaluatie.cli import main

DRENTHE = ["--naam", "Inburgering Drenthe", "--penvoerder", "Gemeente Emmen", "--regio", "Drenthe",
           "--subregio", "Zuidoost=Emmen,Coevorden,Borger-Odoorn", "--subregio", "Zuidwest=Hoogeveen,De Wolden,Midden-Drenthe",
           "--publicatie", "2026-09-14"]  # fmt: skip


def _nieuw(map_: Path, *extra: str) -> list[str]:
    res = CliRunner().invoke(main, ["nieuw", str(map_), *DRENTHE, *extra, "--json"])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)["meldingen"]


def test_het_voorstel_noemt_de_eigen_subregios(tmp_path: Path) -> None:
    meldingen = _nieuw(tmp_path / "a", "--gemeenten", "Ede")
    aa = next(m for m in meldingen if m.startswith("Niet opgenomen: Aa en Hunze"))
    assert aa.endswith(
        "Doet Aa en Hunze mee, voeg dan toe: --gemeenten 'Aa en Hunze' --subregio 'Zuidoost=Aa en Hunze' of --subregio "
        "'Zuidwest=Aa en Hunze' (de gemeenten van Drenthe staan met --subregio in Zuidoost en Zuidwest; 'Drenthe' zou "
        "een subregio van alleen Aa en Hunze worden)."
    ), aa
    ede = next(m for m in meldingen if m.startswith("Ede doet mee"))
    assert "wijzig met --subregio 'Zuidoost=Ede' of --subregio 'Zuidwest=Ede' (" in ede, ede
    assert "Drenthe=" not in " ".join(meldingen)

    # the first option, typed as shown, puts Aa en Hunze with Emmen: no subregio Drenthe of her alone
    extra = shlex.split(aa.split("voeg dan toe: ", 1)[1].split(" of ", 1)[0])
    _nieuw(tmp_path / "b", *extra)
    data = yaml.safe_load((tmp_path / "b" / "aanbesteding.yaml").read_text(encoding="utf-8"))
    subregio = {g["naam"]: g["subregio"] for g in data["gemeenten"]}
    assert subregio["Aa en Hunze"] == subregio["Emmen"] == "Zuidoost"
    assert set(subregio.values()) == {"Zuidoost", "Zuidwest"}
