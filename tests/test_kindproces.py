"""One forked child and this process share independent tasks (evaluatie.kindproces): the results are those of each
task in task order wherever it ran, an error or a warning surfaces here as when every task ran here, and no child
is left behind. The example's award writes the same files, byte for byte, with the child and without it."""

from __future__ import annotations

import functools
import gc
import os
import signal
import subprocess
import sys
import threading
import warnings
from pathlib import Path

import pytest

from evaluatie.kindproces import Kindproces, wacht_op_kinderen
from tests.hulp import kopieer_voorbeeld

REPO = Path(__file__).resolve().parents[1]


def _taak(i: int) -> tuple[int, int, int]:
    """Its number, the process it ran in, and how many objects that process's collector sees frozen."""
    return i, os.getpid(), gc.get_freeze_count()


def _wacht_tot_kind_klaar(k: Kindproces) -> None:
    """Until the child has ended (every task taken, its results in the pipe), without reaping it: no clock."""
    assert k._pid is not None
    os.waitid(os.P_PID, k._pid, os.WEXITED | os.WNOWAIT)


def _geen_kinderen() -> None:
    """No child left: the ones that ended after sending everything are reaped by wacht_op_kinderen (atexit)."""
    wacht_op_kinderen()
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def test_de_resultaten_in_taakvolgorde_waar_de_taak_ook_liep() -> None:
    k = Kindproces([functools.partial(_taak, i) for i in range(30)])
    kind = k._pid
    assert kind is not None and gc.get_freeze_count() == 0  # this process goes on with its collector as before
    _wacht_tot_kind_klaar(k)  # the child took every task: this process only reads
    uit = k.resultaten()
    assert [u[0] for u in uit] == list(range(30))
    assert {u[1] for u in uit} == {kind}
    assert all(u[2] > 0 for u in uit)  # the child sees what it inherited frozen (evaluatie.parallel.voor_fork)
    _geen_kinderen()
    # collected at once: this process takes what is left, and the order is the same
    k = Kindproces([functools.partial(_taak, i) for i in range(30)])
    assert [u[0] for u in k.resultaten()] == list(range(30))
    _geen_kinderen()


def test_het_kind_houdt_het_slot_van_de_werkmap_niet_vast(tmp_path: Path) -> None:
    """The werkmap's lock (evaluatie.slot, flock) is held until every copy of its descriptor is closed; the child
    inherits one. When the results are in, the child holds none any more, even while the kernel still tears it down,
    so the next command (in this process or another) finds the werkmap free."""
    import fcntl

    from evaluatie.slot import werkmap_slot

    with werkmap_slot(tmp_path, wachttijd=0):
        assert Kindproces([functools.partial(_taak, i) for i in range(20)]).resultaten()[-1][0] == 19
    fd = os.open(tmp_path / ".evaluatie.lock", os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # BlockingIOError while the child still held its copy
    finally:
        os.close(fd)
    _geen_kinderen()


def test_het_kind_sluit_alleen_wat_open_is() -> None:
    """Before it ends, the child closes what is open, one call each: not every number up to the limit (a container's
    1,048,576 were as many calls on a kernel without close_range, while the parent waited)."""
    from evaluatie.kindproces import _open_beschrijvingen

    r, w = os.pipe()
    try:
        open_ = _open_beschrijvingen()
        assert {r, w} <= set(open_)
        if os.path.isdir("/proc/self/fd"):
            assert len(open_) < os.sysconf("SC_OPEN_MAX") and len(open_) < 1000
    finally:
        os.close(r)
        os.close(w)


def test_een_fout_komt_hier_boven_zoals_zonder_kind() -> None:
    """The first failing task in task order raises here, with its own exception, whoever ran it first."""

    def taak(i: int) -> int:
        if i == 3:
            raise ValueError("taak 3 mislukt")
        if i == 7:
            raise KeyError("taak 7")
        return i

    for wachten in (True, False):
        k = Kindproces([functools.partial(taak, i) for i in range(10)])
        if wachten:
            _wacht_tot_kind_klaar(k)  # the child stopped at task 3: everything from 3 on is done here
        with pytest.raises(ValueError, match="taak 3 mislukt"):
            k.resultaten()
        _geen_kinderen()


def test_een_waarschuwing_geeft_dit_proces() -> None:
    def taak(i: int) -> int:
        if i == 2:
            warnings.warn("let op bij taak 2", UserWarning, stacklevel=1)
        return i * i

    k = Kindproces([functools.partial(taak, i) for i in range(5)])
    _wacht_tot_kind_klaar(k)
    with pytest.warns(UserWarning, match="let op bij taak 2"):
        assert k.resultaten() == [0, 1, 4, 9, 16]


def _verouderd(i: int) -> tuple[int, int, int]:
    warnings.warn("verouderd", DeprecationWarning, stacklevel=1)
    return _taak(i)


def test_een_waarschuwing_die_niet_getoond_wordt_houdt_het_kind_niet_op() -> None:
    """Under this process's filters an ignored warning shows nowhere, so the child's result stands."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        k = Kindproces([functools.partial(_verouderd, i) for i in range(6)])
        kind = k._pid
        _wacht_tot_kind_klaar(k)
        assert [u[1] for u in k.resultaten()] == [kind] * 6


def test_een_gestorven_kind_rekent_dit_proces_na() -> None:
    k = Kindproces([functools.partial(_taak, i) for i in range(20)])
    kind = k._pid
    assert kind is not None
    os.kill(kind, signal.SIGKILL)
    uit = k.resultaten()
    assert [u[0] for u in uit] == list(range(20))
    assert {u[1] for u in uit} <= {kind, os.getpid()}
    _geen_kinderen()


def test_opgegeven_voor_het_ophalen_laat_geen_kind_achter() -> None:
    """A report failed before the analyses were collected: stop() ends the child and waits for it."""
    k = Kindproces([functools.partial(_taak, i) for i in range(20)])
    k.stop()
    with pytest.raises(ChildProcessError):  # killed and reaped at once
        os.waitpid(-1, os.WNOHANG)
    k.stop()  # twice is harmless


def test_geen_kind_naast_andere_threads_of_voor_een_taak() -> None:
    """A fork copies only this thread: while another runs (a caller's), nothing is forked; one task is done here."""
    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        k = Kindproces([functools.partial(_taak, i) for i in range(5)])
        assert k._pid is None
        assert [u[1] for u in k.resultaten()] == [os.getpid()] * 5
    finally:
        stop.set()
        t.join()
    assert Kindproces([functools.partial(_taak, 0)])._pid is None


def _gunning(werkmap: Path, processen: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "evaluatie", "gunning", "--werkmap", str(werkmap)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1775000000", "EVALUATIE_PROCESSEN": processen},
    )


def test_voorbeeld_met_en_zonder_kind_byte_voor_byte_gelijk(voorbeeld_bron: Path, tmp_path: Path) -> None:
    """EVALUATIE_PROCESSEN=1: every analysis here; 2: the child and this process share them (zekerheid.werkers)."""
    uit = {}
    for n in ("1", "2"):
        ws = kopieer_voorbeeld(voorbeeld_bron, tmp_path / f"ws{n}")
        r = _gunning(ws, n)
        assert r.returncode == 0, r.stderr
        bestanden = {
            p.relative_to(ws / "rapporten"): p.read_bytes() for p in (ws / "rapporten").rglob("*") if p.is_file()
        }
        uit[n] = (r.stdout.replace(str(ws), "WS"), r.stderr.replace(str(ws), "WS"), bestanden)
    assert len(uit["1"][2]) > 30 and any(p.name == "zekerheid.html" for p in uit["1"][2])
    assert uit["1"] == uit["2"]


@pytest.mark.parametrize(
    ("laad", "vrij"), [("0.10 0.20 0.30 1/300 4321\n", True), ("3.00 2.00 1.00 5/300 4321\n", False)]
)
def test_een_kind_alleen_met_een_vrije_kern(
    laad: str, vrij: bool, voorbeeld_bron: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program busy on every other core (the running count of /proc/loadavg): the analyses stay here; asked
    for with EVALUATIE_PROCESSEN=2, or with a core free, the child shares them."""
    import evaluatie.kindproces as kindproces
    from evaluatie.pipeline import gun
    from evaluatie.werkmap import Werkmap
    from evaluatie.zekerheid.uitvoeren import werkers

    award = gun(Werkmap(voorbeeld_bron))
    (tmp_path / "loadavg").write_text(laad)
    monkeypatch.setattr(kindproces, "LAAD", str(tmp_path / "loadavg"))
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1})
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.delenv("EVALUATIE_PROCESSEN", raising=False)
    assert werkers(award) == ((1, "kind") if vrij else (1, "hier"))
    monkeypatch.setenv("EVALUATIE_PROCESSEN", "2")
    assert werkers(award) == (1, "kind")
    monkeypatch.setenv("EVALUATIE_PROCESSEN", "1")
    assert werkers(award) == (1, "hier")
