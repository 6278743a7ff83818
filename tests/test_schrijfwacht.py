"""Every write behind one guard, and one writer per werkmap (evaluatie.schrijfwacht, evaluatie.slot).

Real failures where the machine allows them: the tests run as root, so an unwritable file or
folder is made with `chattr +i` (immutable: even root cannot write, rename or delete it). A full
disk and a name that is too long are simulated by a test double at the guard's one write call.
Killed runs are real processes killed with SIGKILL; concurrent runs are real processes.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from evaluatie import schrijfwacht, slot
from evaluatie.cli import main


def _chattr_werkt(tmp: Path) -> bool:
    proef = tmp / "proef"
    proef.mkdir()
    try:
        ok = subprocess.run(["chattr", "+i", str(proef)], capture_output=True).returncode == 0
    except FileNotFoundError:
        return False
    subprocess.run(["chattr", "-i", str(proef)], capture_output=True)
    return ok


@pytest.fixture
def onschrijfbaar(tmp_path: Path) -> Iterator[list[Path]]:
    """Paths appended here are made immutable by the test and made writable again afterwards."""
    if not _chattr_werkt(tmp_path):
        pytest.skip("chattr +i werkt niet op dit bestandssysteem")
    paden: list[Path] = []
    yield paden
    for p in paden:
        subprocess.run(["chattr", "-i", str(p)], capture_output=True)


def _vergrendel(paden: list[Path], pad: Path) -> None:
    subprocess.run(["chattr", "+i", str(pad)], check=True)
    paden.append(pad)


def _inhoud(root: Path) -> dict[str, str]:
    """Every file in the werkmap (also hidden ones) with its hash; the lock file is left out."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != slot.BESTAND
    }


def _run(root: Path, *args: str) -> tuple[int, str]:
    res = CliRunner().invoke(main, [*args, "--werkmap", str(root)])
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    assert "Traceback" not in res.output
    return res.exit_code, res.output


def _tijdelijk(root: Path) -> list[Path]:
    return [p for p in root.rglob(".*") if schrijfwacht.TIJDELIJK.match(p.name)]


@pytest.mark.parametrize(
    ("commando", "bestand"),
    [
        (["template", "inschrijving"], "inschrijfformulier.xlsx"),
        (["template", "systematiek"], "gunningssystematiek.html"),
    ],
)
def test_onschrijfbaar_doelbestand(
    commando: list[str], bestand: str, voorbeeld: Path, onschrijfbaar: list[Path]
) -> None:
    assert _run(voorbeeld, *commando)[0] == 0
    _vergrendel(onschrijfbaar, voorbeeld / bestand)
    voor = _inhoud(voorbeeld)
    code, uit = _run(voorbeeld, *commando)
    assert code == 2
    assert f"{voorbeeld / bestand}: kan niet worden geschreven: schrijven is niet toegestaan" in " ".join(uit.split())
    assert _inhoud(voorbeeld) == voor and not _tijdelijk(voorbeeld)


def test_onschrijfbare_werkmap(voorbeeld: Path, onschrijfbaar: list[Path]) -> None:
    _vergrendel(onschrijfbaar, voorbeeld)
    voor = _inhoud(voorbeeld)
    code, uit = _run(voorbeeld, "template", "inschrijving")
    assert code == 2
    assert f"{voorbeeld}: kan niet worden geschreven: schrijven is niet toegestaan" in " ".join(uit.split())
    assert _inhoud(voorbeeld) == voor


def test_onschrijfbare_rapportenmap_laat_niets_achter(voorbeeld: Path, onschrijfbaar: list[Path]) -> None:
    """The trial's case: rapporten/ cannot be replaced. Exit 2, old reports intact, no hidden copy left."""
    assert _run(voorbeeld, "gunning")[0] == 0
    _vergrendel(onschrijfbaar, voorbeeld / "rapporten")
    voor = _inhoud(voorbeeld)
    code, uit = _run(voorbeeld, "gunning")
    assert code == 2, uit
    assert f"{voorbeeld / 'rapporten'}: kan niet worden geschreven" in " ".join(uit.split())
    assert _inhoud(voorbeeld) == voor  # reports and logboek exactly as before
    assert not _tijdelijk(voorbeeld)


def _schijf_vol_na(n: int, fout: int, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """A double at the guard's one write call: the n-th file and every later one fail with `fout`."""
    echt = schrijfwacht._schrijf_bestand
    geschreven: list[Path] = []

    def dubbel(pad: Path, data: bytes) -> None:
        if len(geschreven) >= n:
            with open(pad, "xb") as f:  # a full disk leaves part of the file behind
                f.write(data[: len(data) // 2])
            raise OSError(fout, os.strerror(fout), str(pad))
        geschreven.append(pad)
        echt(pad, data)

    monkeypatch.setattr(schrijfwacht, "_schrijf_bestand", dubbel)
    return geschreven


@pytest.mark.parametrize(
    ("fout", "reden"),
    [(errno.ENOSPC, "de schijf is vol"), (errno.ENAMETOOLONG, "de bestandsnaam is te lang")],
)
def test_volle_schijf_tijdens_gunning(fout: int, reden: str, voorbeeld: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _run(voorbeeld, "gunning")[0] == 0
    voor = _inhoud(voorbeeld)
    geschreven = _schijf_vol_na(10, fout, monkeypatch)
    code, uit = _run(voorbeeld, "gunning")
    assert code == 2, uit
    assert len(geschreven) == 10
    assert f"kan niet worden geschreven: {reden}" in uit
    # the message names the report as it would stand in rapporten/, never the removed temporary folder
    assert f"{voorbeeld / 'rapporten'}/" in uit and "-nieuw-" not in uit, uit
    assert _inhoud(voorbeeld) == voor, "eerdere rapporten of logboek gewijzigd"
    assert not _tijdelijk(voorbeeld)


def test_volle_schijf_bij_logboek(voorbeeld: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The logboek is rewritten atomically: a failed append leaves the old logboek whole."""
    assert _run(voorbeeld, "toets")[0] == 0
    voor = (voorbeeld / "logboek.jsonl").read_bytes()
    _schijf_vol_na(0, errno.ENOSPC, monkeypatch)
    code, uit = _run(voorbeeld, "toets")
    assert code == 2 and "logboek.jsonl: kan niet worden geschreven: de schijf is vol" in uit
    assert (voorbeeld / "logboek.jsonl").read_bytes() == voor
    assert not _tijdelijk(voorbeeld)


_GEDODE_RUN = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from evaluatie.rapport.schrijven import atomair
    from evaluatie.schrijfwacht import schrijf_tekst
    from evaluatie.slot import werkmap_slot
    root = Path(sys.argv[1])
    with werkmap_slot(root):
        schrijf_tekst(root / "rapporten" / "intern" / "x.html", "x")
        tmp = root / f".gunningssystematiek.html-tmp-12345"
        tmp.write_text("half")
        with atomair(root / "rapporten") as nieuw:
            (nieuw / "half.html").write_text("half")
            print("klaar", flush=True)
            time.sleep(60)
    """
)


def test_gedode_run_en_daarna_een_nieuwe(voorbeeld: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run killed with SIGKILL halfway through the swap leaves temp folders; the next run removes
    them and is not blocked (the OS released the lock), and the reports are whole."""
    assert _run(voorbeeld, "gunning")[0] == 0
    proces = subprocess.Popen([sys.executable, "-c", _GEDODE_RUN, str(voorbeeld)], stdout=subprocess.PIPE, text=True)
    assert proces.stdout is not None and proces.stdout.readline().strip() == "klaar"
    os.kill(proces.pid, signal.SIGKILL)
    proces.wait()
    resten = _tijdelijk(voorbeeld)
    assert {p.name.split("-")[0] for p in resten} >= {".rapporten", ".gunningssystematiek.html"}
    monkeypatch.setattr(slot, "WACHTTIJD", 0.0)  # the dead process holds no lock: the next run need not wait
    code, uit = _run(voorbeeld, "gunning")
    assert code == 0, uit
    assert not _tijdelijk(voorbeeld)
    assert _run(voorbeeld, "controleer")[0] == 0


_HOUDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from evaluatie.slot import werkmap_slot
    with werkmap_slot(Path(sys.argv[1])):
        print("vast", flush=True)
        time.sleep(float(sys.argv[2]))
    """
)


def test_tweede_schrijver_wacht_kort_en_weigert(voorbeeld: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(slot, "WACHTTIJD", 0.5)
    houder = subprocess.Popen([sys.executable, "-c", _HOUDER, str(voorbeeld), "30"], stdout=subprocess.PIPE, text=True)
    try:
        assert houder.stdout is not None and houder.stdout.readline().strip() == "vast"
        voor = _inhoud(voorbeeld)
        res = CliRunner().invoke(main, ["gunning", "--json", "--werkmap", str(voorbeeld)])
        assert res.exit_code == 1
        assert f"proces {houder.pid}" in res.stderr and "een ander evaluatie-commando schrijft" in res.stderr
        assert list(json.loads(res.stdout)) == ["evaluatie_niet_afgerond"]
        assert _inhoud(voorbeeld) == voor
        # reading is not blocked
        assert CliRunner().invoke(main, ["inschrijvingen", "--werkmap", str(voorbeeld)]).exit_code == 0
    finally:
        houder.kill()
        houder.wait()


def test_twee_gelijktijdige_gunningen(voorbeeld: Path) -> None:
    """Two real processes award the same werkmap at once: one waits for the other; both complete,
    the logboek has both runs in full, and the result reproduces."""
    omgeving = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    # the second waits for the first however loaded the machine is: the wait is raised for this test
    start = "import sys; from evaluatie import slot; slot.WACHTTIJD = 600; from evaluatie.cli import main; main()"
    processen = [
        subprocess.Popen(
            [sys.executable, "-c", start, "gunning", "--werkmap", str(voorbeeld)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=omgeving,
        )
        for _ in range(2)
    ]
    for p in processen:
        _, fout = p.communicate(timeout=300)
        assert p.returncode == 0, fout.decode()
    regels = (voorbeeld / "logboek.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(r)["commando"] for r in regels] == ["gunning", "gunning"]
    assert not _tijdelijk(voorbeeld)
    assert _run(voorbeeld, "controleer")[0] == 0


def test_onbekende_reden_in_het_nederlands() -> None:
    assert schrijfwacht.reden(OSError(errno.ELOOP, "Too many levels of symbolic links")) == (
        "fout van het besturingssysteem (ELOOP)"
    )


def test_schrijf_bytes_laat_oud_bestand_heel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pad = tmp_path / "a.txt"
    schrijfwacht.schrijf_tekst(pad, "oud")
    _schijf_vol_na(0, errno.ENOSPC, monkeypatch)
    with pytest.raises(schrijfwacht.SchrijfFout) as fout:
        schrijfwacht.schrijf_tekst(pad, "nieuw")
    assert fout.value.pad == str(pad) and fout.value.reden == "de schijf is vol"
    assert pad.read_text() == "oud" and sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
    shutil.rmtree(tmp_path / "a.txt", ignore_errors=True)


_ECHT_VOL = textwrap.dedent(
    """
    set -e
    mount -t tmpfs -o size=2m tmpfs "$1"
    cp -r "$2" "$1/ws"
    "$3" -m evaluatie gunning --werkmap "$1/ws" > "$4/eerste" 2>&1
    cd "$1/ws" && find . -type f ! -name .evaluatie.lock -exec sha256sum {} + | sort -k2 > "$4/voor"
    vrij=$(df -k --output=avail "$1" | tail -1)
    head -c $(( vrij * 1024 - 150000 )) /dev/zero > "$1/vuller" 2>/dev/null || true
    "$3" -m evaluatie gunning --werkmap "$1/ws" > "$4/tweede" 2>&1 || echo $? > "$4/code"
    find . -type f ! -name .evaluatie.lock -exec sha256sum {} + | sort -k2 > "$4/na"
    find "$1/ws" -name '.*-nieuw-*' -o -name '.*-oud-*' -o -name '.*-tmp-*' > "$4/resten"
    """
)


def test_echt_volle_schijf_tijdens_gunning(voorbeeld: Path, tmp_path: Path) -> None:
    """A real full disk (a 2 MB tmpfs in a private mount namespace, where the machine allows it): the
    second award fails with exit 2 naming a report under rapporten/ and the reason in Dutch; the first
    award's reports, the logboek and the inputs are byte-identical, and no temporary file stays."""
    if shutil.which("unshare") is None or subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode:
        pytest.skip("geen eigen mount-namespace op deze machine")
    berg, uit = tmp_path / "berg", tmp_path / "uit"
    berg.mkdir()
    uit.mkdir()
    omgeving = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    res = subprocess.run(
        ["unshare", "-m", "bash", "-c", _ECHT_VOL, "-", str(berg), str(voorbeeld), sys.executable, str(uit)],
        capture_output=True,
        text=True,
        env=omgeving,
    )
    if res.returncode != 0 and "mount" in res.stderr:
        pytest.skip(f"tmpfs kan hier niet worden aangekoppeld: {res.stderr.strip()}")
    assert res.returncode == 0, res.stderr + (uit / "eerste").read_text()
    tekst = (uit / "tweede").read_text()
    assert (uit / "code").read_text().strip() == "2", tekst
    assert "Traceback" not in tekst and "kan niet worden geschreven: de schijf is vol" in tekst, tekst
    assert f"{berg / 'ws' / 'rapporten'}" in tekst and "-nieuw-" not in tekst, tekst
    assert (uit / "voor").read_text() == (uit / "na").read_text()
    assert (uit / "resten").read_text().strip() == ""


def test_map_zonder_vergrendeling(voorbeeld: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A werkmap on a share that cannot lock files (NFS without its lock service: flock fails with ENOLCK). It was
    'Fouten in de invoer (1): : bestandsfout: fout van het besturingssysteem (ENOLCK)', without a place; now the lock
    file and the reason in Dutch (exit 2), and nothing is written."""
    import fcntl

    def geen_slot(fd: int, op: int) -> None:
        raise OSError(errno.ENOLCK, os.strerror(errno.ENOLCK))

    monkeypatch.setattr(fcntl, "flock", geen_slot)
    voor = _inhoud(voorbeeld)
    code, uit = _run(voorbeeld, "gunning")
    assert code == 2, uit
    assert (
        f"{voorbeeld / slot.BESTAND}: kan niet worden geschreven: het bestandssysteem kan geen bestanden vergrendelen "
        "(een netwerkmap?); zet de werkmap op een lokale schijf"
    ) in " ".join(uit.split()), uit
    assert _inhoud(voorbeeld) == voor


_KOPPELPUNT = textwrap.dedent(
    """
    set -e
    "$3" -m evaluatie gunning --werkmap "$1" > /dev/null 2>&1
    cp -a "$1/rapporten/." "$2/kopie"
    mount -t tmpfs -o size=20m tmpfs "$1/rapporten"
    cp -a "$2/kopie/." "$1/rapporten"
    cd "$1" && find . -type f ! -name .evaluatie.lock -exec sha256sum {} + | sort -k2 > "$2/voor"
    "$3" -m evaluatie gunning --werkmap "$1" > "$2/tweede" 2>&1 || echo $? > "$2/code"
    find . -type f ! -name .evaluatie.lock -exec sha256sum {} + | sort -k2 > "$2/na"
    find "$1" -name '.*-nieuw-*' -o -name '.*-oud-*' -o -name '.*-tmp-*' > "$2/resten"
    """
)


def test_rapporten_als_koppelpunt(voorbeeld: Path, tmp_path: Path) -> None:
    """rapporten/ is a mount point (a share mounted there to publish the reports): the swap of the folder cannot
    rename it, and the award said 'rapporten: kan niet worden geschreven: het bestand is in gebruik', which sends the
    user looking for a program that holds a file. It says what the folder is and what to do; nothing is written."""
    if shutil.which("unshare") is None or subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode:
        pytest.skip("geen eigen mount-namespace op deze machine")
    uit = tmp_path / "uit"
    uit.mkdir()
    omgeving = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    res = subprocess.run(
        ["unshare", "-m", "bash", "-c", _KOPPELPUNT, "-", str(voorbeeld), str(uit), sys.executable],
        capture_output=True,
        text=True,
        env=omgeving,
    )
    if res.returncode != 0 and "mount" in res.stderr:
        pytest.skip(f"kan hier niet koppelen: {res.stderr.strip()}")
    assert res.returncode == 0, res.stderr
    tekst = " ".join((uit / "tweede").read_text().split())
    assert (uit / "code").read_text().strip() == "2", tekst
    assert (
        f"{voorbeeld / 'rapporten'}: kan niet worden geschreven: het is een koppelpunt (mount) van een ander "
        "bestandssysteem; deze map wordt als geheel vervangen (de nieuwe naast de oude, dan omgewisseld), wat op een "
        "koppelpunt niet kan; koppel de map erboven, of kopieer de inhoud na het commando naar de gekoppelde map"
    ) in tekst, tekst
    assert (uit / "voor").read_text() == (uit / "na").read_text()
    assert (uit / "resten").read_text().strip() == ""


def test_slot_volgt_de_umask_als_ieder_bestand(voorbeeld: Path) -> None:
    """A werkmap a team shares (a group folder, umask 002): every file evaluatie writes is group-writable, but the lock
    file was made 0644 whatever the umask, so a colleague's every writing command was refused for lack of rights."""
    oud = os.umask(0o002)
    try:
        assert _run(voorbeeld, "toets")[0] == 0
    finally:
        os.umask(oud)
    assert (voorbeeld / slot.BESTAND).stat().st_mode & 0o777 == 0o664
    assert (voorbeeld / "logboek.jsonl").stat().st_mode & 0o777 == 0o664


def test_slot_van_een_ander_dat_niet_schrijfbaar_is(voorbeeld: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The lock file made by a colleague (0644, before the umask was followed) in a folder this user may write: the
    lock only needs the file open, not writable, and the command goes on (it was exit 2, 'geen schrijfrechten')."""
    (voorbeeld / slot.BESTAND).write_text("123\n")
    echt = os.open

    def geweigerd(pad: object, vlaggen: int, *args: object, **kwargs: object) -> int:
        if Path(str(pad)).name == slot.BESTAND and vlaggen & (os.O_WRONLY | os.O_RDWR):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(pad))
        return echt(pad, vlaggen, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(slot.os, "open", geweigerd)
    code, uit = _run(voorbeeld, "toets")
    assert code == 0, uit
    assert "alleen-lezen" not in uit and "schrijfrechten" not in uit
