"""evaluatie.vooruit: a computation in a forked child gives exactly what computing it here gives.

Real forks: the child's process id shows where a result was computed. Whatever goes wrong in the
child (an exception, a result that does not pickle, a child that is killed), the result or the
error is the one of computing it here; EVALUATIE_PROCESSEN=1 never forks.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from evaluatie.vooruit import Vooruit
from tests.hulp import kopieer_voorbeeld


def _waar() -> tuple[int, list[int]]:
    return os.getpid(), [i * i for i in range(1000)]


def test_in_een_kindproces_dezelfde_uitkomst(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVALUATIE_PROCESSEN", "2")
    pid, kwadraten = Vooruit(_waar).uitkomst()
    assert pid != os.getpid()  # computed in the child
    assert kwadraten == [i * i for i in range(1000)]


def test_een_kern_rekent_hier(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVALUATIE_PROCESSEN", "1")
    pid, _ = Vooruit(_waar).uitkomst()
    assert pid == os.getpid()


def test_een_fout_in_het_kind_is_de_fout_van_hier(monkeypatch: pytest.MonkeyPatch) -> None:
    """The child's exception is not carried over: this process computes again and meets the same error."""
    monkeypatch.setenv("EVALUATIE_PROCESSEN", "2")
    ouder = os.getpid()

    def faalt() -> int:
        raise ValueError(f"fout in {'ouder' if os.getpid() == ouder else 'kind'}")

    with pytest.raises(ValueError, match="fout in ouder"):
        Vooruit(faalt).uitkomst()


def test_niet_te_pickelen_uitkomst_wordt_hier_berekend(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVALUATIE_PROCESSEN", "2")
    ouder = os.getpid()
    uitkomst = Vooruit(lambda: (os.getpid(), lambda: None)).uitkomst()  # a lambda does not pickle
    assert uitkomst[0] == ouder


def test_een_gedood_kind_wordt_hier_berekend(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVALUATIE_PROCESSEN", "2")
    ouder = os.getpid()

    def traag() -> int:
        if os.getpid() != ouder:
            time.sleep(30)
        return os.getpid()

    v = Vooruit(traag)
    os.kill(v._pid, signal.SIGKILL)
    assert v.uitkomst() == ouder


def test_stop_laat_geen_kind_achter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVALUATIE_PROCESSEN", "2")
    v = Vooruit(lambda: time.sleep(30))
    pid = v._pid
    t = time.perf_counter()
    v.stop()
    assert time.perf_counter() - t < 5
    with pytest.raises(ChildProcessError):  # waited for: no zombie, no running child
        os.waitpid(pid, os.WNOHANG)


def test_rapporten_van_het_voorbeeld_gelijk_op_een_of_twee_kernen(
    voorbeeld_bron: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The robustness analyses of the example in a forked child (pipeline.schrijf_rapporten): every report,
    the internal certainty report included, byte for byte as when everything is computed here."""
    import evaluatie.vooruit as vooruit
    from evaluatie.cli import main

    gevorkt = []
    echte_fork = os.fork

    def fork() -> int:
        pid = echte_fork()
        if pid:
            gevorkt.append(pid)
        return pid

    monkeypatch.setattr(vooruit.os, "fork", fork)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1775000000")
    inhoud = {}
    for n in ("1", "2"):
        monkeypatch.setenv("EVALUATIE_PROCESSEN", n)
        map_ = kopieer_voorbeeld(voorbeeld_bron, tmp_path / n)
        uit = CliRunner().invoke(main, ["gunning", "--werkmap", str(map_)])
        assert uit.exit_code == 0, uit.output
        rapporten = map_ / "rapporten"
        inhoud[n] = {p.relative_to(rapporten): p.read_bytes() for p in sorted(rapporten.rglob("*")) if p.is_file()}
    assert len(gevorkt) == 1  # only with two cores
    assert Path("intern/zekerheid.html") in inhoud["1"]
    assert inhoud["1"] == inhoud["2"]
