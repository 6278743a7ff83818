"""Reading bids on every core (evaluatie.parallel) gives exactly what one loop over the files gives.

Real workbooks in a temporary folder, read twice through the real reader: once in this process
(EVALUATIE_PROCESSEN=1), once on two forked workers. The bids, the notes and, for a folder with
broken and duplicate files, every error with its place, in the same order.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench.schaal import bouw
from evaluatie.fouten import InvoerFout
from evaluatie.inschrijving.lezen import PARALLEL_VANAF, lees_inschrijvingen
from evaluatie.parallel import in_volgorde
from evaluatie.pipeline import laad_invoer
from evaluatie.werkmap import Werkmap


def _twee_keer(monkeypatch: pytest.MonkeyPatch, lees):  # type: ignore[no-untyped-def]
    uit = []
    for n in ("1", "2"):
        monkeypatch.setenv("EVALUATIE_PROCESSEN", n)
        uit.append(lees())
    return uit


def test_in_volgorde_houdt_de_volgorde(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVALUATIE_PROCESSEN", "2")
    stukken = list(range(50))
    assert in_volgorde(lambda x: (x, x * x), stukken, vanaf=10) == [(x, x * x) for x in stukken]


def test_landelijke_biedingen_parallel_gelijk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = bouw(tmp_path / "t", 22, PARALLEL_VANAF + 5, zaad=4)
    een, twee = _twee_keer(monkeypatch, lambda: laad_invoer(Werkmap(root)))
    assert len(een.inschrijvingen) >= PARALLEL_VANAF
    assert een.inschrijvingen == twee.inschrijvingen
    assert een.notities == twee.notities
    assert een.bestanden == twee.bestanden


def test_fouten_in_dezelfde_volgorde(voorbeeld_bron: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Copies of the example's bids (the same KvK numbers: duplicates), an empty file and a text file:
    every error of every file, in the same order, on one core or two."""
    a = laad_invoer(Werkmap(voorbeeld_bron)).aanbesteding
    map_ = tmp_path / "inschrijvingen"
    map_.mkdir()
    bronnen = sorted((voorbeeld_bron / "inschrijvingen").glob("*.xlsx"))
    for i in range(PARALLEL_VANAF // len(bronnen) + 1):
        for b in bronnen:
            shutil.copy(b, map_ / f"{i:02d}-{b.name}")
    (map_ / "05-leeg.xlsx").write_bytes(b"")
    (map_ / "07-tekst.xlsx").write_text("geen werkmap", encoding="utf-8")

    def lees() -> list[tuple[str, str]]:
        with pytest.raises(InvoerFout) as e:
            lees_inschrijvingen(a, map_)
        return [(f.plaats, f.bericht) for f in e.value.fouten]

    een, twee = _twee_keer(monkeypatch, lees)
    assert len(list(map_.iterdir())) > PARALLEL_VANAF  # read on two workers
    # one error for every copy beyond the first of each bid (the same file twice), and both broken files
    assert len(een) == len(list(map_.iterdir())) - len(bronnen)
    assert een == twee


def test_percelen_parallel_gelijk(voorbeeld_bron: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The example's three lots computed on two workers (threshold lowered to the example's size):
    the same award, byte for byte in gunning.json, as lot after lot in this process."""
    from evaluatie.gunning import uitvoeren
    from evaluatie.gunning.uitvoer import als_json
    from evaluatie.pipeline import gun

    monkeypatch.setattr(uitvoeren, "PARALLEL_VANAF", 1)
    een, twee = _twee_keer(monkeypatch, lambda: als_json(gun(Werkmap(voorbeeld_bron)).uitslag))
    assert een == twee


def test_percelen_parallel_zelfde_meldingen(voorbeeld_bron: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A lot that cannot be allocated (no valid bid serves any of its gemeenten) next to lots that can: the same
    messages, in lot order, on one core or two. A lot without a valid bid is no error but 'niet gegund': the same
    award on one core or two."""
    from evaluatie.fouten import EvaluatieFout
    from evaluatie.gunning import uitvoeren
    from evaluatie.gunning.uitvoer import als_json
    from evaluatie.pipeline import beoordeel

    monkeypatch.setattr(uitvoeren, "PARALLEL_VANAF", 1)
    invoer = laad_invoer(Werkmap(voorbeeld_bron))
    b = beoordeel(invoer)
    a = invoer.aanbesteding

    def nergens(i):  # the bid's offer on Z serves no gemeente
        if "Z" not in i.aanbod:
            return i
        return i.model_copy(update={"aanbod": i.aanbod | {"Z": i.aanbod["Z"].model_copy(update={"gemeenten": ()})}})

    def meldingen() -> list[str]:
        with pytest.raises(EvaluatieFout) as e:
            uitvoeren.gunning(a, [nergens(i) for i in invoer.inschrijvingen], b.toets, b.panel, list(a.percelen), [])
        return e.value.meldingen

    een, twee = _twee_keer(monkeypatch, meldingen)
    assert een == twee and een
    zonder_z = b.toets.model_copy(update={"resultaten": tuple(r for r in b.toets.resultaten if r.perceel != "Z")})

    def niet_gegund() -> str:
        u = uitvoeren.gunning(a, invoer.inschrijvingen, zonder_z, b.panel, list(a.percelen), [])
        assert u.percelen["Z"].niet_gegund
        return als_json(u)

    een_json, twee_json = _twee_keer(monkeypatch, niet_gegund)
    assert een_json == twee_json
    assert any("Z-route" in m for m in een)


def _bevroren_in_werker(_: int) -> int:
    import gc

    return gc.get_freeze_count()


def test_werkers_laten_de_geerfde_objecten_met_rust(monkeypatch: pytest.MonkeyPatch) -> None:
    """The workers see the parent's objects frozen for the collector (their collections skip what they
    inherited, so the kernel does not copy the whole heap); the parent itself is unfrozen again after,
    also when a piece of work fails."""
    import gc

    monkeypatch.setenv("EVALUATIE_PROCESSEN", "2")
    levend = len(gc.get_objects())
    bevroren = in_volgorde(_bevroren_in_werker, list(range(20)), vanaf=10)
    assert all(n >= levend // 2 for n in bevroren), (levend, bevroren)
    assert gc.get_freeze_count() == 0
    with pytest.raises(ZeroDivisionError):
        in_volgorde(lambda x: 1 // (x - 5), list(range(20)), vanaf=10)
    assert gc.get_freeze_count() == 0
    # one process: nothing is forked and nothing frozen
    monkeypatch.setenv("EVALUATIE_PROCESSEN", "1")
    assert in_volgorde(_bevroren_in_werker, list(range(20)), vanaf=10) == [0] * 20


def test_zekerheidswerkers_laten_de_geerfde_objecten_met_rust() -> None:
    import functools
    import gc

    from evaluatie.zekerheid.uitvoeren import Lopend

    lopend = Lopend([functools.partial(_bevroren_in_werker, i) for i in range(4)], 2)
    assert gc.get_freeze_count() == 0  # the parent goes on (writing reports) with its collector as before
    lopend._uit[0].result()  # run by a worker (a task no worker took yet may run here: see the next test)
    assert lopend.resultaten()[0] > 0
    assert Lopend([functools.partial(_bevroren_in_werker, 0)], 1).resultaten() == [0]


def test_zekerheidstaken_die_nog_niet_begonnen_zijn_rekent_het_proces_zelf() -> None:
    """Collected while the workers are busy, the tasks no worker took yet run in this process, from the last one back;
    the results are those of each task, in task order, wherever it ran (here: its number and the process)."""
    import functools
    import multiprocessing
    import os

    from evaluatie.zekerheid.uitvoeren import Lopend

    context = multiprocessing.get_context("fork")
    begonnen, verder = context.Semaphore(0), context.Event()

    def taak(i: int) -> tuple[int, int]:
        if i < 2:  # the two workers: busy until a task run here lets them go on
            begonnen.release()
            verder.wait(120)  # a guard against a hang, not a measurement
        else:
            verder.set()
        return i, os.getpid()

    lopend = Lopend([functools.partial(taak, i) for i in range(10)], 2)
    begonnen.acquire()
    begonnen.acquire()
    uit = lopend.resultaten()
    assert [i for i, _ in uit] == list(range(10))
    hier = [i for i, pid in uit if pid == os.getpid()]
    assert hier and hier == list(range(10 - len(hier), 10))  # a tail of the tasks, the rest by the workers
    assert all(pid != os.getpid() for _, pid in uit[:2])


def test_de_rapporten_met_bevroren_objecten_en_daarna_niets_meer_bevroren(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the reports are written the award's objects are frozen for the collector (parallel.bevroren); after
    the award nothing stays frozen, also when writing a report fails, so a later collection or fork is as before."""
    import gc

    from evaluatie import pipeline
    from evaluatie.parallel import bevroren
    from evaluatie.rapport import schrijven
    from evaluatie.schrijfwacht import SchrijfFout
    from tests.hulp import kopieer_voorbeeld

    voorbeeld = Path(__file__).resolve().parents[1] / "bids" / "voorbeeld"
    with bevroren():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
    gezien: list[int] = []
    echt = schrijven.schrijf_advies_xlsx

    def tellend(*args, **kwargs):  # type: ignore[no-untyped-def]
        gezien.append(gc.get_freeze_count())
        return echt(*args, **kwargs)

    monkeypatch.setattr(schrijven, "schrijf_advies_xlsx", tellend)
    run = pipeline.gun_en_schrijf(Werkmap(kopieer_voorbeeld(voorbeeld, tmp_path / "vb")))
    assert run.geschreven and gezien and gezien[0] > 0
    assert gc.get_freeze_count() == 0

    def kapot(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError("schijf vol")

    monkeypatch.setattr(schrijven, "schrijf_advies_xlsx", kapot)
    with pytest.raises(SchrijfFout):  # the writing guard names the folder
        pipeline.gun_en_schrijf(Werkmap(kopieer_voorbeeld(voorbeeld, tmp_path / "vb2")))
    assert gc.get_freeze_count() == 0
