"""`evaluatie nieuw` says when a date of the planning falls on a Saturday, Sunday or Atw holiday: the defaults keep
the weekday of the publication (6 weeks), so a Sunday publication closed on a Sunday and dated the letters, the
start of the standstill period, on a Sunday, without a word."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main


def _nieuw(tmp_path: Path, *extra: str) -> str:
    res = CliRunner().invoke(
        main,
        [
            "nieuw",
            str(tmp_path / "t"),
            "--naam",
            "T",
            "--penvoerder",
            "Gemeente Almere",
            "--regio",
            "Flevoland",
            *extra,
        ],
    )
    assert res.exit_code == 0, res.output
    return " ".join(res.output.split())


def test_zondag_en_koningsdag_worden_genoemd(tmp_path: Path) -> None:
    # 10 January 2027 is a Sunday; + 42 days = 21 February 2027, a Sunday; 27 April 2027 is Koningsdag (a Tuesday)
    tekst = _nieuw(tmp_path, "--publicatie", "2027-01-10", "--gunningsdatum", "2027-04-27")
    assert "Let op: de publicatie valt op 10 januari 2027 (zondag; opgegeven)" in tekst
    assert "Let op: de sluiting valt op 21 februari 2027 (zondag; standaard); pas data.sluiting" in tekst
    assert "Let op: de gunning (de dag van de brieven) valt op 27 april 2027 (Koningsdag; opgegeven)" in tekst


def test_werkdagen_geven_geen_melding(tmp_path: Path) -> None:
    # Monday 11 January 2027; closing and award six weeks later, Mondays, neither a holiday
    assert "Let op" not in _nieuw(tmp_path, "--publicatie", "2027-01-11")


def test_gunning_op_de_dag_van_de_sluiting_zoals_in_de_aanbesteding(tmp_path: Path) -> None:
    """aanbesteding.yaml allows the award decision on the day of the closing ('niet voor de sluiting'); `nieuw`
    refused the same dates ('ligt niet na de sluiting') and its message did not say the closing was its own default.
    One rule now: the same day passes, a day before is an error that says where the closing came from."""
    assert "Let op" not in _nieuw(tmp_path, "--publicatie", "2027-01-11", "--gunningsdatum", "2027-02-22")
    res = CliRunner().invoke(
        main,
        ["nieuw", str(tmp_path / "u"), "--naam", "T", "--penvoerder", "Gemeente Almere", "--regio", "Flevoland",
         "--publicatie", "2027-01-11", "--gunningsdatum", "2027-02-19"],
    )  # fmt: skip
    assert res.exit_code == 2, res.output
    assert (
        "--gunningsdatum: 19 februari 2027 ligt voor de sluiting (22 februari 2027, de standaard: 42 dagen na de "
        "publicatie)" in " ".join(res.output.split())
    ), res.output
    assert not (tmp_path / "u").exists()


def test_json_noemt_de_meldingen_ook(tmp_path: Path) -> None:
    """With --json the document held the files, folders, gemeenten and the count of open numbers, but none of the
    lines the text gives: the Sunday publication and closing, and what nieuw assumed per lot, were nowhere, not even
    on stderr. They are under "meldingen" now, the same lines as the text."""
    import json

    tekst = _nieuw(tmp_path, "--publicatie", "2027-01-10")
    res = CliRunner().invoke(main, ["nieuw", str(tmp_path / "j"), "--naam", "T", "--penvoerder", "Gemeente Almere",
                                    "--regio", "Flevoland", "--publicatie", "2027-01-10", "--json"])  # fmt: skip
    assert res.exit_code == 0, res.output
    meldingen = json.loads(res.stdout)["meldingen"]
    assert "Let op: de publicatie valt op 10 januari 2027 (zondag; opgegeven)" in " ".join(meldingen)
    assert [m for m in meldingen if m.startswith("Perceel B1 (B1-route): ")]
    assert all(" ".join(m.split()) in tekst for m in meldingen)


def test_let_op_staat_op_stderr(tmp_path: Path) -> None:
    """A Sunday publication: the 'Let op' of nieuw stood on stdout among the files written, where the README puts every
    'Let op' on stderr (so that stdout is what was made). Now on stderr; the region and the lots stay on stdout."""
    res = CliRunner().invoke(main, ["nieuw", str(tmp_path / "s"), "--naam", "T", "--penvoerder", "Gemeente Almere",
                                    "--regio", "Flevoland", "--publicatie", "2027-01-10"])  # fmt: skip
    assert res.exit_code == 0, res.output
    assert "Let op" not in res.stdout
    assert "Let op: de publicatie valt op 10 januari 2027 (zondag; opgegeven)" in " ".join(res.stderr.split())
    assert "Perceel B1 (B1-route): " in res.stdout
