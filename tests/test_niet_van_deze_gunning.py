"""A file among the award's outputs that the award did not write (a letter copied by hand, the letters of a lot an
earlier award wrote and this one does not) stayed beside the new letters looking current, and `controleer` said
'In orde': it could be sent to a bidder. The award moves such files to rapporten/niet-van-deze-gunning/<run>/
(never deleting them) and says so; `controleer` names any it finds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main


def _gun(ws: Path, *opties: str) -> str:
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws), *opties])
    assert res.exit_code == 0, res.output
    return res.stderr


def _laatste_log(ws: Path) -> dict[str, object]:
    return json.loads((ws / "logboek.jsonl").read_text(encoding="utf-8").splitlines()[-1])


def test_met_de_hand_neergezette_brief_wordt_gemeld_en_verplaatst(voorbeeld: Path) -> None:
    _gun(voorbeeld)
    brieven = voorbeeld / "rapporten" / "brieven"
    shutil.copy(brieven / "kompas-inburgering-z.html", brieven / "kompas-inburgering-onderwijs-oud.html")
    (voorbeeld / "rapporten" / "eigen-notitie.txt").write_text("blijft\n", encoding="utf-8")

    res = CliRunner().invoke(main, ["controleer", "--werkmap", str(voorbeeld), "--json"])
    assert res.exit_code == 1, res.output
    gemeld = json.loads(res.stdout)["niet_van_deze_gunning"]
    assert len(gemeld) == 1 and gemeld[0].startswith("rapporten/brieven/kompas-inburgering-onderwijs-oud.html: ")
    assert "eigen-notitie" not in res.stdout  # not of a kind an award writes: someone's own file

    inhoud = (brieven / "kompas-inburgering-onderwijs-oud.html").read_bytes()
    stderr = _gun(voorbeeld, "--lots", "B1,onderwijs,Z")
    assert not (brieven / "kompas-inburgering-onderwijs-oud.html").exists()
    verplaatst = list(
        (voorbeeld / "rapporten" / "niet-van-deze-gunning").rglob("kompas-inburgering-onderwijs-oud.html")
    )
    assert len(verplaatst) == 1 and verplaatst[0].read_bytes() == inhoud  # moved unchanged, not deleted
    assert verplaatst[0].parent.name == "brieven"
    rel = verplaatst[0].relative_to(voorbeeld).as_posix()
    assert _laatste_log(voorbeeld)["verplaatst"] == [rel]
    assert "verplaatst naar rapporten/niet-van-deze-gunning/" in stderr
    assert "brieven/kompas-inburgering-onderwijs-oud.html" in stderr
    assert (voorbeeld / "rapporten" / "eigen-notitie.txt").read_text(encoding="utf-8") == "blijft\n"
    res = CliRunner().invoke(main, ["controleer", "--werkmap", str(voorbeeld)])
    assert res.exit_code == 0, res.output


def test_brieven_van_een_eerdere_gunning_worden_verplaatst_niet_gewist(voorbeeld: Path) -> None:
    """A run for B1 after one for all lots: the Z letters were deleted without a word. They were not of the new
    award (gunning.json covers B1 only), but may have been sent: they are kept, apart."""
    _gun(voorbeeld)
    z = (voorbeeld / "rapporten" / "brieven" / "kompas-inburgering-z.docx").read_bytes()
    stderr = _gun(voorbeeld, "--lots", "B1")
    assert not list((voorbeeld / "rapporten" / "brieven").glob("*-z.*"))
    assert not list((voorbeeld / "rapporten" / "brieven").glob("*-onderwijs.*"))
    kopie = list((voorbeeld / "rapporten" / "niet-van-deze-gunning").glob("*/brieven/kompas-inburgering-z.docx"))
    assert len(kopie) == 1 and kopie[0].read_bytes() == z
    assert "kompas-inburgering-z.docx" in stderr
    # the next run moves nothing: the folder of moved files is no output of an award
    stderr = _gun(voorbeeld, "--lots", "B1")
    assert "niet-van-deze-gunning" not in stderr
    res = CliRunner().invoke(main, ["controleer", "--werkmap", str(voorbeeld)])
    assert res.exit_code == 0, res.output
