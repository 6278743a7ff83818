"""A lot's scoring scale in aanbesteding.yaml: what the schema lets through but the published quality score
(weight x points / highest points, 0-100) and the reviewer's drop-down cannot work with."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, maak_werkmap


def _met_schaal(tmp_path: Path, stappen: list) -> tuple[Path, list[str]]:
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["schaal"] = {"stappen": stappen}
    werkmap = maak_werkmap(tmp_path / "ws", data)
    return werkmap, (werkmap / "aanbesteding.yaml").read_text(encoding="utf-8").splitlines()


def _regel(regels: list[str], begin: str, na: int = 0) -> int:
    return next(i for i, r in enumerate(regels, 1) if i > na and r.strip().startswith(begin))


def test_een_schaal_van_alleen_nullen_is_een_invoerfout(tmp_path: Path) -> None:
    """Highest points 0: the systematiek published 'maximale punten (0)' and `evaluatie beoordelingen` crashed with
    a ZeroDivisionError once the forms were filled in."""
    werkmap, regels = _met_schaal(tmp_path, [0, 0, 0])
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(werkmap)])
    assert res.exit_code == 2, res.output
    assert (
        f"aanbesteding.yaml: percelen.B1.schaal.stappen (regel {_regel(regels, 'stappen:')}): de hoogste score van "
        "de schaal is 0 punten; de kwaliteitsscore deelt door de hoogste punten van de schaal" in res.output
    ), res.output
    assert "Traceback" not in res.output and not (werkmap / "gunningssystematiek.html").exists()


def test_scores_onder_nul_en_een_dubbel_label_komen_samen(tmp_path: Path) -> None:
    """A step of -5 points gave a quality score of -50,00 'van 100'; two steps labelled 'slecht' and 'Slecht' (1 and
    4 points) made every 'Slecht' a reviewer picked count as 1. Both errors in one run, each at its own line."""
    stappen = [{"label": "slecht", "punten": -5}, {"label": "Slecht", "punten": 4}, {"label": "top", "punten": 10}]
    werkmap, regels = _met_schaal(tmp_path, stappen)
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(werkmap)])
    assert res.exit_code == 2, res.output
    eerste = _regel(regels, "- label: slecht")
    tweede = _regel(regels, "- label: Slecht")
    assert (
        f"aanbesteding.yaml: percelen.B1.schaal.stappen[1].punten (regel {eerste + 1}): -5 punten: een score onder 0 "
        "kan niet" in res.output
    ), res.output
    assert (
        f"aanbesteding.yaml: percelen.B1.schaal.stappen[2].label (regel {tweede}): het label 'Slecht' staat ook bij "
        "stappen[1] (-5 punten, hier 4 punten)" in res.output
    ), res.output
    assert "Fouten in de invoer (2)" in res.output


def test_een_schaal_uit_de_criteriaset_wordt_bij_het_perceel_gemeld(tmp_path: Path) -> None:
    """A workspace's own criteria set with a scale of zeros: the message is at the lot and names the set."""
    from tests.hulp import schrijf_yaml

    data = kleine_aanbesteding(criteriaset="eigen")
    del data["percelen"]["B1"]["schaal"]
    werkmap = maak_werkmap(tmp_path / "ws", data)
    schrijf_yaml(
        werkmap / "criteria" / "eigen.yaml",
        {"naam": "eigen", "perceel_standaard": {"schaal": {"stappen": [0, 0]}}},
    )
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(werkmap)])
    assert res.exit_code == 2, res.output
    regels = (werkmap / "aanbesteding.yaml").read_text(encoding="utf-8").splitlines()
    regel = next(i for i, r in enumerate(regels, 1) if r.strip() == "B1:")  # the lot, under percelen
    assert (
        f"percelen.B1.schaal (regel {regel}): de schaal uit criteriaset eigen: de hoogste score van de schaal is 0 "
        "punten" in res.output
    ), res.output


def test_een_gewone_schaal_blijft_goed(tmp_path: Path) -> None:
    """Not every unusual scale is wrong: 1-4-10 with labels, and equal points under different labels."""
    werkmap, _ = _met_schaal(
        tmp_path,
        [{"label": "slecht", "punten": 1}, {"label": "redelijk", "punten": 10}, {"label": "top", "punten": 10}],
    )
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(werkmap)])
    assert res.exit_code == 0, res.output


def test_een_schaalstap_onder_nul_met_zet_wordt_bij_die_stap_gemeld(tmp_path: Path) -> None:
    """`scenario --zet percelen.B1.schaal.stappen.1.punten=-5` on the example (whose scale comes from the criteria
    set): the message must name the step the --zet changed, not say the scale of the criteria set is wrong."""
    from tests.hulp import REPO, kopieer_voorbeeld

    ws = kopieer_voorbeeld(REPO / "bids" / "voorbeeld", tmp_path / "vb")
    res = CliRunner().invoke(
        main, ["scenario", "--werkmap", str(ws), "--lots", "B1", "--zet", "percelen.B1.schaal.stappen.1.punten=-5"]
    )
    assert res.exit_code == 2, res.output
    assert (
        "aanbesteding.yaml (met --zet): percelen.B1.schaal.stappen[1].punten: -5 punten: een score onder 0 kan niet"
        in (" ".join(res.output.split()))
    ), res.output


def test_een_label_dat_een_ander_getal_is_dan_zijn_punten(tmp_path: Path) -> None:
    """Labels '1'-'5' on 0-10 points: Excel stores a '5' picked in the drop-down as the number 5, and a number in the
    Score column is read as points, so the best score of every reviewer counted as 5 points ('3', voldoende) and the
    quality score halved without a word. The scale is refused at the label; a label that is its own points stays."""
    stappen = [{"label": str(i + 1), "punten": i * 2.5} for i in range(5)]
    werkmap, regels = _met_schaal(tmp_path, stappen)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(werkmap)])
    assert res.exit_code == 2, res.output
    uit = " ".join(res.output.split())
    assert (
        f"aanbesteding.yaml: percelen.B1.schaal.stappen[5].label (regel {_regel(regels, '- label: ' + repr('5'))}): "
        "het label '5' is een getal, maar de stap heeft 10 punten: Excel slaat een gekozen '5' op als het getal 5, "
        "en een getal in de kolom Score wordt gelezen als punten (5 punten, niet 10); geef de stap een label dat "
        "geen getal is (zoals '5 - uitstekend') of laat het label weg (dan kiest de beoordelaar de punten)"
    ) in uit, uit
    assert "Fouten in de invoer (5)" in uit  # every label: '1' at 0 points is another number than its points too
    assert not (werkmap / "gunningssystematiek.html").exists()
    werkmap, _ = _met_schaal(tmp_path / "b", [{"label": str(p), "punten": p} for p in (0, 5, 10)])
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(werkmap)])
    assert res.exit_code == 0, res.output
