"""libyaml reads only bundled texts on which it was checked against PyYAML (evaluatie.definitie.yamlparser).

This test is the check: it composes every bundled YAML file with both parsers and compares them
node by node, and through the strict reader and the plain safe loader; and it demands that every
bundled file is listed and every listed hash is a bundled file as it stands now.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from evaluatie.definitie import yamlparser, yamlregels
from evaluatie.definitie.yamlparser import GELIJK_GELEZEN, lader, vingerafdruk
from evaluatie.werkmap import criteria_map

pytestmark = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml")


def _bundeld() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(criteria_map().glob("*.yaml"))}


def _knopen(tekst: str, laadklasse: Any) -> Any:
    """The composed node tree as plain tuples: kind, tag, scalar value and style, start and end position."""
    laad = laadklasse(tekst)
    try:
        wortel = laad.get_single_node()
    finally:
        laad.dispose()

    def plat(n: yaml.Node) -> Any:
        plek = (n.start_mark.line, n.start_mark.column, n.end_mark.line, n.end_mark.column)
        if isinstance(n, yaml.MappingNode):
            return ("map", n.tag, plek, [(plat(k), plat(v)) for k, v in n.value])
        if isinstance(n, yaml.SequenceNode):
            return ("seq", n.tag, plek, [plat(x) for x in n.value])
        assert isinstance(n, yaml.ScalarNode)
        return ("scalar", n.tag, plek, n.value, n.style or None)  # a plain scalar: None in one, "" in the other

    return plat(wortel)


def test_er_zijn_gebundelde_yaml_bestanden() -> None:
    assert {"inburgering-2022.yaml", "atw-gelijkgestelde-dagen.yaml"} <= set(_bundeld())


@pytest.mark.parametrize("naam", sorted(_bundeld()))
def test_gebundeld_bestand_leest_met_beide_parsers_hetzelfde(naam: str, monkeypatch: pytest.MonkeyPatch) -> None:
    tekst = _bundeld()[naam]
    assert _knopen(tekst, yaml.CSafeLoader) == _knopen(tekst, yaml.SafeLoader)
    assert yaml.load(tekst, Loader=yaml.CSafeLoader) == yaml.load(tekst, Loader=yaml.SafeLoader)
    monkeypatch.setattr(yamlregels, "lader", lambda _t: yaml.SafeLoader)
    zuiver = yamlregels.lees_streng(tekst)
    monkeypatch.setattr(yamlregels, "lader", lambda _t: yaml.CSafeLoader)
    assert yamlregels.lees_streng(tekst) == zuiver
    # only after this check may the text be read by libyaml
    assert vingerafdruk(tekst) in GELIJK_GELEZEN, f"{naam} is gewijzigd: neem de nieuwe SHA-256 op in GELIJK_GELEZEN"
    assert lader(tekst) is yaml.CSafeLoader


def test_iedere_vermelde_tekst_is_een_gebundeld_bestand() -> None:
    assert {vingerafdruk(t) for t in _bundeld().values()} == GELIJK_GELEZEN


@pytest.mark.parametrize("tekst", ["a: b\t\n", "a: |# commentaar\n  x\n"])
def test_andere_tekst_leest_pyyaml_zelf(tekst: str) -> None:
    """Texts that libyaml accepts and PyYAML refuses: an unlisted text is refused, never read silently."""
    assert yaml.load(tekst, Loader=yaml.CSafeLoader) is not None
    assert lader(tekst) is yaml.SafeLoader
    with pytest.raises(yaml.YAMLError):
        yamlregels.lees_streng(tekst)


def test_gewijzigd_gebundeld_bestand_leest_pyyaml(tmp_path: Path) -> None:
    """An edited Atw file (a new year added by hand, with a tab after a value) is read by PyYAML: refused."""
    tekst = _bundeld()["atw-gelijkgestelde-dagen.yaml"] + "extra: ja\t\n"
    assert lader(tekst) is yaml.SafeLoader
    with pytest.raises(yaml.YAMLError):
        yaml.load(tekst, Loader=lader(tekst))


def test_zonder_libyaml_altijd_pyyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    tekst = _bundeld()["inburgering-2022.yaml"]
    monkeypatch.setattr(yamlparser.yaml, "__with_libyaml__", False)
    assert lader(tekst) is yaml.SafeLoader
