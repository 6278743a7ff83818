"""What the example's reader gets, checked the way a screen reader, Excel or a printer shows it: heading
levels that do not skip (a screen reader's list of headings), and more per document below."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import kopieer_voorbeeld


@pytest.fixture(scope="module")
def voorbeeld_uit(voorbeeld_bron: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example after `gunning` and `template systematiek`."""
    ws = kopieer_voorbeeld(voorbeeld_bron, tmp_path_factory.mktemp("lezersbeeld") / "voorbeeld")
    for opdracht in (["gunning"], ["template", "systematiek"]):
        res = CliRunner().invoke(main, [*opdracht, "--werkmap", str(ws)])
        assert res.exit_code == 0, res.output
    return ws


def test_koppen_slaan_geen_niveau_over(voorbeeld_uit: Path) -> None:
    """A letter's sections are the level under its title (h2 under h1, Heading 2 under Heading 1 in Word):
    a heading level that skips one (h1 then h3) reads in a screen reader's list as a missing section."""
    documenten = [voorbeeld_uit / "gunningssystematiek.html", *sorted((voorbeeld_uit / "rapporten").rglob("*.html"))]
    assert any(p.parent.name == "brieven" for p in documenten)
    for pad in documenten:
        niveaus = [int(n) for n in re.findall(r"<h([1-6])[\s>]", pad.read_text(encoding="utf-8"))]
        assert niveaus[:1] == [1] and niveaus.count(1) == 1, pad.name
        sprongen = [(a, b) for a, b in itertools.pairwise(niveaus) if b > a + 1]
        assert not sprongen, (pad.name, sprongen)
