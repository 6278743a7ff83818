"""A draw records, like every decision, who decided it (`--door`) and why (`--reden`): the command requires both,
names each wrong one, writes them to loting.yaml and the logboek, and the advies, the letters and `evaluatie
besluiten` show them. A loting.yaml from before (without them) is an input error naming the file, the draw, the
fields and the command that records it again; never read with a blank. Real CLI runs."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from click.testing import CliRunner
from docx import Document

from evaluatie.cli import main
from tests.hulp import LOTING_WIE, html_tekst
from tests.test_loting import _tender

GETUIGE = "mr. J. Notaris, notaris te Noord"
LOTING = ("--lots", "B1", "--volgorde", "Y;X", "--datum", "2026-04-01", "--getuige", GETUIGE)


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_loting_legt_wie_en_waarom_vast(tmp_path: Path) -> None:
    ws = _tender(tmp_path / "ws", extra_winnaar=False)
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 1  # the tie asks for a draw

    # without --door and --reden: both named, nothing written
    res = _run("loting", "--werkmap", str(ws), *LOTING)
    assert res.exit_code == 2, res.output
    assert "Optie ontbreekt '--door'." in res.output and "Optie ontbreekt '--reden'." in res.output, res.output
    # a name without capacity and a reason that is no sentence: each named by its option
    res = _run("loting", "--werkmap", str(ws), *LOTING, "--door", "Jan", "--reden", "loting")
    assert res.exit_code == 2, res.output
    uit = " ".join(res.output.split())
    assert "--door: geef naam en functie" in uit and "--reden: geef de motivering in een volledige zin" in uit, uit
    assert not (ws / "loting.yaml").exists()

    res = _run("loting", "--werkmap", str(ws), *LOTING, *LOTING_WIE)
    assert res.exit_code == 0, res.output
    opgeslagen = (ws / "loting.yaml").read_text(encoding="utf-8")
    assert "door: S. Jansen, inkoopadviseur" in opgeslagen
    assert "reden: Onbesliste gelijke stand; de aanbestedingsstukken schrijven dan loting voor." in opgeslagen
    log = [json.loads(r) for r in (ws / "logboek.jsonl").read_text(encoding="utf-8").splitlines()]
    assert log[-1]["commando"] == "loting" and log[-1]["opties"]["door"] == "S. Jansen, inkoopadviseur"
    assert log[-1]["opties"]["reden"] == LOTING_WIE[3]

    res = _run("besluiten", "--werkmap", str(ws))
    uit = " ".join(res.output.split())
    wie = "(loting gehouden op besluit van S. Jansen, inkoopadviseur)"
    waarom = "Motivering van loting L1: Onbesliste gelijke stand; de aanbestedingsstukken schrijven dan loting voor."
    assert f"in aanwezigheid van {GETUIGE} {wie}. {waarom}" in uit, uit

    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    rapporten = ws / "rapporten"
    advies = html_tekst(rapporten / "gunningsadvies.html")
    assert f"Y is geplaatst door loting: de volgorde is op 1 april 2026 door loting bepaald, in aanwezigheid van " \
        f"{GETUIGE} {wie}. {waarom}" in advies, advies  # fmt: skip
    assert f"L1: perceel B1: volgorde Y voor X, op 1 april 2026 door loting bepaald, in aanwezigheid van {GETUIGE} " \
        f"{wie}. {waarom}" in advies  # fmt: skip
    for brief in ("x-b1", "y-b1"):
        tekst = " ".join(p.text for p in Document(str(rapporten / "brieven" / f"{brief}.docx")).paragraphs)
        assert f"De volgorde is op 1 april 2026 door loting bepaald, in aanwezigheid van {GETUIGE} {wie}; die " \
            f"loting is vastgelegd als L1. {waarom}" in tekst, tekst  # fmt: skip
    data = json.loads((rapporten / "gunning.json").read_text(encoding="utf-8"))
    assert all(wie in r["loting"] for r in data["percelen"]["B1"]["rangorde"])


def test_loting_yaml_zonder_wie_en_waarom_is_een_invoerfout(tmp_path: Path) -> None:
    """A loting.yaml recorded by the command before it asked who and why (simulated: the fields taken out and the
    logboek's hash set to the file, as the old command logged it) is not read with a blank door or reason."""
    ws = _tender(tmp_path / "ws", extra_winnaar=False)
    assert _run("loting", "--werkmap", str(ws), *LOTING, *LOTING_WIE).exit_code == 0
    pad = ws / "loting.yaml"
    oud = "".join(
        r for r in pad.read_text(encoding="utf-8").splitlines(True) if not r.lstrip().startswith(("door:", "reden:"))
    )
    pad.write_text(oud, encoding="utf-8")
    boek = ws / "logboek.jsonl"
    regels = [json.loads(r) for r in boek.read_text(encoding="utf-8").splitlines()]
    for b in regels[-1]["invoer"]:
        b["sha256"] = hashlib.sha256(pad.read_bytes()).hexdigest()
    boek.write_text("".join(json.dumps(r) + "\n" for r in regels), encoding="utf-8")

    for commando in (["gunning"], ["besluiten"]):
        res = _run(*commando, "--werkmap", str(ws))
        assert res.exit_code == 2, (commando, res.output)
        uit = " ".join(res.output.split())
        assert (
            "loting.yaml: lotingen[1]: loting L1 mist 'door' en 'reden': iedere loting legt, zoals ieder besluit, "
            "vast wie en waarom" in uit
        ), uit
        assert (
            f'leg de loting opnieuw vast: evaluatie loting --lots B1 --volgorde "Y;X" --datum 2026-04-01 --getuige '
            f'"{GETUIGE}" --door "naam, functie" --reden "..."' in uit
        ), uit
