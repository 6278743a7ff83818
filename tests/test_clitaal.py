"""Click's own texts in Dutch: usage, help, errors, suggestions."""

from __future__ import annotations

import re

from click.testing import CliRunner

from evaluatie.cli import main

ENGELS = re.compile(r"Usage|Show this|No such|Error|Missing|Invalid|Try '|Options|Commands|\[OPTIONS\]|TEXT|FLOAT")


def _uit(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(main, list(args), prog_name="evaluatie")
    return res.exit_code, res.output


def test_help_in_het_nederlands() -> None:
    code, tekst = _uit("--help")
    assert code == 0
    assert "Gebruik: evaluatie [OPTIES] COMMANDO [ARGUMENTEN]..." in tekst
    assert "Opties:" in tekst and "Commando's:" in tekst and "Toon deze hulp en stop." in tekst
    assert not ENGELS.search(tekst), tekst
    code, tekst = _uit("gunning", "--help")
    assert code == 0 and "--solver [auto|highs|cbc]" in tekst and "[standaard: auto]" in tekst
    assert not ENGELS.search(tekst), tekst


def test_fouten_van_click_in_het_nederlands() -> None:
    gevallen = [
        (("gunnin",), "Fout: Onbekend commando 'gunnin'. Bedoelt u 'gunning'?"),
        (("gunning", "--solver", "x"), "'x' is geen van 'auto', 'highs', 'cbc'."),
        (("scenario",), "Fout: Optie ontbreekt '--zet'."),
        (("zekerheid", "--trekkingen", "5"), "5 ligt niet in het bereik 100<=x<=1000000."),
        (("zekerheid", "--trekkingen", "veel"), "'veel' is geen geldig getal."),
        (("gunning", "--onbekend"), "Fout: Onbekende optie '--onbekend'."),
        (("gunning", "--lots"), "Fout: Optie '--lots' heeft een waarde nodig."),
    ]
    for args, verwacht in gevallen:
        code, tekst = _uit(*args)
        assert code == 2, (args, tekst)
        assert verwacht in tekst, (args, tekst)
        if "heeft een waarde nodig" not in verwacht:  # click prints no usage hint for a missing value
            assert "Typ 'evaluatie" in tekst and "voor hulp." in tekst
        assert not ENGELS.search(tekst), (args, tekst)
