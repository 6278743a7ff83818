"""aanbesteding.yaml at its edges: a lot nobody needs, one gemeente, a gemeente in one lot only."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, schrijf_yaml


def _gemeenten(b1: tuple[int, int, int]) -> list[dict[str, object]]:
    return [
        {"naam": "Noord", "subregio": "A", "inburgeraars": {"B1": b1[0]}},
        {"naam": "Oost", "subregio": "A", "inburgeraars": {"B1": b1[1]}},
        {"naam": "Zuid", "subregio": "B", "inburgeraars": {"B1": b1[2]}},
    ]


def test_een_gunningsperceel_zonder_vraag_is_een_invoerfout(tmp_path: Path) -> None:
    """Every gemeente expects 0: the award used to go ahead, turning down the first-ranked bid 'because it gets no
    trajectories' and announcing a framework agreement of 0 trajectories with 0 parties."""
    werkmap = maak_werkmap(tmp_path / "ws", kleine_aanbesteding(gemeenten=_gemeenten((3, 0, 0))))
    schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [("B1", 9000, 10, 12, 4, "alle")])
    schrijf_yaml(werkmap / "aanbesteding.yaml", kleine_aanbesteding(gemeenten=_gemeenten((0, 0, 0))))
    regels = (werkmap / "aanbesteding.yaml").read_text(encoding="utf-8").splitlines()
    regel = next(i + 1 for i, r in enumerate(regels) if r.strip() == "gemeenten: alle")
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(werkmap), "--lots", "B1"])
    assert res.exit_code == 2, res.output
    assert (
        f"aanbesteding.yaml: percelen.B1.gemeenten (regel {regel}): perceel B1 heeft geen vraag: iedere deelnemende "
        "gemeente verwacht 0 inburgeraars per jaar" in res.output
    )
    assert "Traceback" not in res.output and not (werkmap / "rapporten" / "brieven").exists()


def test_vraag_in_een_gemeente_is_genoeg(tmp_path: Path) -> None:
    """The other side of the rule: one gemeente with demand makes a lot worth awarding."""
    werkmap = maak_werkmap(tmp_path / "ws", kleine_aanbesteding(gemeenten=_gemeenten((0, 0, 3))))
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(werkmap)])
    assert "geen vraag" not in res.output


def test_ontbrekend_aantal_geeft_niet_ook_geen_vraag(tmp_path: Path) -> None:
    """A gemeente without a number is reported as such, not as a lot without demand as well."""
    data = kleine_aanbesteding(gemeenten=_gemeenten((0, 0, 0)))
    for g in data["gemeenten"]:
        g["inburgeraars"] = {}
    werkmap = tmp_path / "ws"
    schrijf_yaml(werkmap / "aanbesteding.yaml", data)
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(werkmap)])
    assert res.exit_code == 2 and "geeft geen verwacht aantal" in res.output and "geen vraag" not in res.output


def test_een_fractie_als_bedrag_krijgt_geen_voorstel_van_duizend_keer(tmp_path: Path) -> None:
    """max_fictieve_korting: 0.3 (meant: 30% of the ceiling, EUR 3.000) was answered 'bedoelt u 300?': following
    the hint would publish a discount of a tenth of what was meant. The message now says it looks like a fraction."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"].update(prijsmethode="fictieve_korting", max_fictieve_korting=0.3)
    werkmap = maak_werkmap(tmp_path / "ws", data)
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(werkmap)])
    assert res.exit_code == 2
    assert "max_fictieve_korting 0.3: een bedrag onder EUR 50 is niet aannemelijk; een getal onder 1 lijkt een " in (
        res.output.replace("\n    ", " ")
    )
    assert "bedoelt u 300" not in res.output


def _minimum_kwaliteit(tmp_path: Path, drempel: float) -> str:
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["knockout"]["minimum_kwaliteit"] = {"drempel": drempel}
    werkmap = maak_werkmap(tmp_path / "ws", data)
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(werkmap)])
    return f"{res.exit_code}\n{res.output}".replace("\n    ", " ")


def test_een_drempel_buiten_de_kwaliteitsscore_wordt_geweigerd(tmp_path: Path) -> None:
    """The quality score runs from 0 to 100: a threshold of 500 knocked out every bid without a word about the
    setting, and 0.5 (meant as 50%) let nearly every bid through."""
    uit = _minimum_kwaliteit(tmp_path / "a", 500)
    assert uit.startswith("2\n") and "drempel 500 ligt buiten de kwaliteitsscore, die van 0 tot 100 loopt" in uit
    uit = _minimum_kwaliteit(tmp_path / "b", 0.5)
    assert uit.startswith("2\n")
    assert "drempel 0,5 lijkt een fractie, maar de kwaliteitsscore loopt van 0 tot 100: bedoelt u 50?" in uit
    uit = _minimum_kwaliteit(tmp_path / "c", 60)  # on the scale: accepted (the run stops on no bids)
    assert "geen inschrijvingen gevonden" in uit and "drempel 60" not in uit and "kwaliteitsscore" not in uit
