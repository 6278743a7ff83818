"""evaluatie.open(...).rangorde(): under fictieve_korting `prijsscore` is the fictitious discount and `totaal` the
fictitious price in euro, the lowest first; under relatief they are scores, the highest first. In one table over all
lots nothing said which: an analyst taking the highest `totaal` per lot as its winner took the worst bid of a
fictieve_korting lot. gunning.json says the method per lot, the advies xlsx per row; rangorde() now has a column
`prijsmethode` with the same word."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner

import evaluatie
from evaluatie.cli import main


def test_rangorde_noemt_de_prijsmethode_van_ieder_perceel(voorbeeld: Path) -> None:
    pad = voorbeeld / "aanbesteding.yaml"
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    data["percelen"]["onderwijs"]["prijsmethode"] = "fictieve_korting"  # maximum: 30% of the ceiling, EUR 3.000
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld), "--geen-rapport"])
    assert res.exit_code == 0, res.output
    gunning = json.loads((voorbeeld / "rapporten" / "gunning.json").read_text(encoding="utf-8"))["percelen"]

    r = evaluatie.open(voorbeeld).rangorde()
    assert r["prijsmethode"].dtype == "str"
    per_perceel = r.groupby("perceel", sort=False)["prijsmethode"].unique()
    assert {code: list(m) for code, m in per_perceel.items()} == {
        "B1": ["relatief"],
        "onderwijs": ["fictieve_korting"],
        "Z": ["relatief"],
    }
    assert all(gunning[code]["prijsmethode"] == m[0] for code, m in per_perceel.items())
    # Nieuwe Start Opleidingen: EUR 9.000 - 3.000 x 70 / 100 = EUR 6.900, the lowest fictitious price, first;
    # Kompas Inburgering: 9.900 - 3.000 x 58,3333 / 100 = 8.150, the highest `totaal` of the lot, last
    onderwijs = r[r["perceel"] == "onderwijs"]
    eerste, laatste = onderwijs.iloc[0], onderwijs.iloc[-1]
    assert (eerste["inschrijver"], eerste["prijsscore"], eerste["totaal"]) == ("Nieuwe Start Opleidingen", 2100, 6900)
    assert (laatste["inschrijver"], laatste["totaal"], laatste["prijsmethode"]) == (
        "Kompas Inburgering",
        8150,
        "fictieve_korting",
    )
