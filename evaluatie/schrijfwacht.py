"""The one way evaluatie writes a file: atomically, and with a failure that names path and reason in Dutch.

Every writer (reports, forms, the tender definition of `nieuw`, loting.yaml, the logboek, the
contract phase's reports and dossier) goes through `schrijf_bytes`/`schrijf_tekst`, `voeg_regel_toe`
or `atomaire_map` (a whole folder swapped in at once). A file is written to a temporary
name next to its target and renamed over it only when complete, so a full disk or a killed
run never leaves half a file and never destroys the previous one. A failure of the operating
system (no permission, disk full, name too long, read-only medium) becomes a `SchrijfFout`:
an input error (exit 2) that names the path and says in Dutch what went wrong.

Temporary names follow one pattern (`TIJDELIJK`), so the next run can remove what a killed run
left behind (`ruim_op`, called by the werkmap lock once it is held).

`_schrijf_bestand` and `_hernoem` are the only calls that touch the disk: tests put a double
there to simulate a full disk.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from evaluatie.fouten import Fout, InvoerFout

TIJDELIJK = re.compile(r"^\.(?P<naam>.+)-(?P<soort>nieuw|oud|tmp)-(?P<pid>\d+)$")
"""Temporary files and folders: '.gunning.json-tmp-1234', '.rapporten-nieuw-1234'."""

_REDENEN = {
    errno.EACCES: "geen schrijfrechten",
    errno.EPERM: "schrijven is niet toegestaan (bestand of map is beveiligd)",
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "de schijfruimte (quotum) is op",
    errno.ENAMETOOLONG: "de bestandsnaam is te lang voor het bestandssysteem",
    errno.EROFS: "het bestandssysteem is alleen-lezen",
    errno.ENOENT: "de map bestaat niet (meer)",
    errno.ENOTDIR: "een deel van het pad is een bestand in plaats van een map",
    errno.EISDIR: "er staat een map met die naam",
    errno.EEXIST: "er staat al een bestand of map met die naam",
    errno.ENOTEMPTY: "er staat al een niet-lege map met die naam",
    errno.EIO: "invoer-/uitvoerfout van de schijf",
    errno.EMFILE: "te veel open bestanden",
    errno.EBUSY: "het bestand of de map is in gebruik, of is een koppelpunt (mount) van een ander bestandssysteem",
    errno.ETXTBSY: "het bestand is in gebruik",
    errno.EFBIG: "het bestand wordt te groot voor het bestandssysteem",
}


class SchrijfFout(InvoerFout):
    """A file or folder could not be written (exit 2): the path and the reason in Dutch."""

    def __init__(self, pad: Path | str, reden: str):
        self.pad = str(pad)
        self.reden = reden
        super().__init__([Fout(self.pad, f"kan niet worden geschreven: {reden}")])


def reden(fout: OSError) -> str:
    """The operating system's reason in Dutch; an unknown one by its number, never in English."""
    if fout.errno in _REDENEN:
        return _REDENEN[fout.errno]
    naam = errno.errorcode.get(fout.errno or 0, "onbekend")
    return f"fout van het besturingssysteem ({naam})"


def leesreden(fout: OSError) -> str:
    """As `reden`, for a file that is read: a refused read lacks read rights ('geen schrijfrechten' would send the
    user to the wrong setting)."""
    if fout.errno in (errno.EACCES, errno.EPERM):
        return "geen leesrechten (het bestand of de map is voor deze gebruiker niet te lezen)"
    return reden(fout)


def toegangsreden(fout: OSError) -> str:
    """As `reden`, for a file operation that may read or write: a refused one names both rights."""
    if fout.errno in (errno.EACCES, errno.EPERM):
        return "geen toegang (lees- of schrijfrechten ontbreken voor deze gebruiker)"
    return reden(fout)


@contextmanager
def bewaakt(pad: Path | str) -> Iterator[None]:
    """Turn an OSError inside the block into a SchrijfFout naming `pad` (never a temporary name)."""
    try:
        yield
    except SchrijfFout:
        raise
    except OSError as e:
        raise SchrijfFout(pad, reden(e)) from None


def tijdelijke_naam(pad: Path, soort: str = "tmp") -> Path:
    return pad.parent / f".{pad.name}-{soort}-{os.getpid()}"


def _schrijf_bestand(pad: Path, data: bytes) -> None:
    """Create `pad` (which must not exist) with `data`. The one call that writes file content."""
    with open(pad, "xb") as f:
        f.write(data)


def _hernoem(bron: Path, doel: Path) -> None:
    """Rename `bron` to `doel`, replacing a file. The one call that puts a result in place."""
    os.replace(bron, doel)


def maak_map(pad: Path) -> Path:
    with bewaakt(pad):
        pad.mkdir(parents=True, exist_ok=True)
    return pad


def schrijf_bytes(pad: Path, data: bytes) -> Path:
    """Write `data` to `pad` atomically: the old file stays intact until the new one is complete."""
    maak_map(pad.parent)
    tijdelijk = tijdelijke_naam(pad)
    try:
        with bewaakt(pad):
            tijdelijk.unlink(missing_ok=True)
            _schrijf_bestand(tijdelijk, data)
            _hernoem(tijdelijk, pad)
    except BaseException:
        _verwijder(tijdelijk)
        raise
    return pad


def schrijf_tekst(pad: Path, tekst: str) -> Path:
    return schrijf_bytes(pad, tekst.encode("utf-8"))


def voeg_regel_toe(pad: Path, regel: str) -> Path:
    """Append one line (the logboek): the whole file is rewritten atomically, so no half line stays.

    A `pad` that is a link (symlink) is refused: its target's content would be copied into the werkmap with the
    new line (a werkmap from someone else whose logboek.jsonl links to a private file would take it along)."""
    if pad.is_symlink():
        raise SchrijfFout(
            pad,
            f"het is een koppeling (symlink) naar {os.readlink(pad)}; de inhoud daarvan zou in de werkmap worden "
            "gekopieerd; zet het bestand zelf in de werkmap",
        )
    with bewaakt(pad):
        oud = pad.read_bytes() if pad.is_file() else b""
    if oud and not oud.endswith(b"\n"):
        oud += b"\n"
    return schrijf_bytes(pad, oud + regel.rstrip("\n").encode("utf-8") + b"\n")


def hernoem(bron: Path, doel: Path, plaats: Path | None = None) -> None:
    """Rename through the guard; a failure names `plaats` (default `doel`), the path the user knows."""
    with bewaakt(plaats or doel):
        _hernoem(bron, doel)


def _verwijder(pad: Path) -> None:
    try:
        if pad.is_dir() and not pad.is_symlink():
            shutil.rmtree(pad, ignore_errors=True)
        else:
            pad.unlink(missing_ok=True)
    except OSError:
        pass  # cleaning up after a failure must not hide the failure itself


def ruim_op(*mappen: Path) -> list[Path]:
    """Remove what killed runs left in `mappen`: temporary files and folders of the TIJDELIJK pattern.

    Only called while the werkmap lock is held, so no living run of evaluatie is writing them.
    Returns what was removed.
    """
    weg = []
    for map_ in mappen:
        if not map_.is_dir():
            continue
        _zet_oud_terug(map_)
        for p in sorted(map_.iterdir()):
            if TIJDELIJK.match(p.name) and (p.is_dir() or p.is_file()) and not p.is_symlink():
                _verwijder(p)
                weg.append(p)
    return weg


def _zet_oud_terug(map_: Path) -> None:
    """A run killed between the two renames of `_wissel` left no target, only '.X-oud-PID' (the old complete
    set) and '.X-nieuw-PID': put the old one back, so `ruim_op` never removes the only copy of what a
    previous run wrote. The new one is complete too, but the logboek may not record it; the old one is what
    was there before the run."""
    for p in sorted(map_.iterdir()):
        m = TIJDELIJK.match(p.name)
        if m is None or m["soort"] != "oud" or p.is_symlink() or not (p.is_dir() or p.is_file()):
            continue
        doel = map_ / m["naam"]
        if doel.exists() or doel.is_symlink():
            continue
        try:
            os.rename(p, doel)
        except OSError as e:
            raise SchrijfFout(doel, f"{reden(e)}; de vorige versie staat nog in {p.name}") from None
        print(
            f"Let op: {doel}: een eerder commando is afgebroken terwijl het deze map verving; de vorige versie is "
            "teruggezet",
            file=sys.stderr,
        )


def echte_plaats(nieuw: Path, doel: Path, *paden: str | os.PathLike[str] | None) -> Path:
    """The path the user knows for the failed one: the first of `paden` inside the temporary folder
    `nieuw` (which is removed), as it would stand under `doel`; else `doel` itself. A failed copy names
    its source first (shutil), which was read, not written: it is never the place named."""
    for pad in paden:
        if pad is None:
            continue
        try:
            return doel / Path(pad).relative_to(nieuw)
        except ValueError:
            continue
    return doel


@contextmanager
def atomaire_map(doel: Path) -> Iterator[Path]:
    """Yield an empty folder next to `doel`; on success it replaces `doel` as a whole.

    On any exception, also while swapping, the new folder is removed and `doel` is left exactly
    as it was (put back if it was already moved aside). A failed write inside the block, also a
    plain OSError of code that writes there directly, becomes a SchrijfFout that names the file
    under `doel`, never the temporary folder. What a killed run leaves behind has the TIJDELIJK
    pattern and is removed by the next run (`ruim_op`).
    """
    maak_map(doel.parent)
    if doel.is_symlink():
        raise SchrijfFout(
            doel,
            f"het is een koppeling (symlink) naar {os.readlink(doel)}; deze map wordt als geheel vervangen, en dan "
            "zou de koppeling verdwijnen en de uitvoer ergens anders staan dan waar ze naar wijst; maak er een "
            "gewone map van",
        )
    if doel.exists() and not doel.is_dir():
        raise SchrijfFout(
            doel, "er staat een bestand met die naam, geen map; hernoem of verplaats het bestand, dan komt hier de map"
        )
    if doel.is_dir() and os.path.ismount(doel):  # renaming it fails with EBUSY, 'het bestand is in gebruik'
        raise SchrijfFout(
            doel,
            "het is een koppelpunt (mount) van een ander bestandssysteem; deze map wordt als geheel vervangen (de "
            "nieuwe naast de oude, dan omgewisseld), wat op een koppelpunt niet kan; koppel de map erboven, of "
            "kopieer de inhoud na het commando naar de gekoppelde map",
        )
    nieuw = tijdelijke_naam(doel, "nieuw")
    oud = tijdelijke_naam(doel, "oud")
    for rest in (nieuw, oud):
        if rest.exists():
            with bewaakt(doel):
                shutil.rmtree(rest)
    with bewaakt(doel):
        nieuw.mkdir()
    try:
        try:
            yield nieuw
        except SchrijfFout as e:
            raise SchrijfFout(echte_plaats(nieuw, doel, e.pad), e.reden) from None
        except OSError as e:
            raise SchrijfFout(echte_plaats(nieuw, doel, e.filename, e.filename2), reden(e)) from None
        _wissel(doel, nieuw, oud)
    except BaseException:
        shutil.rmtree(nieuw, ignore_errors=True)
        raise
    shutil.rmtree(oud, ignore_errors=True)


def _wissel(doel: Path, nieuw: Path, oud: Path) -> None:
    """Put `nieuw` in the place of `doel`; on failure `doel` is back as it was."""
    if doel.is_symlink() or doel.is_file():
        with bewaakt(doel):
            doel.unlink()
    elif doel.exists():
        hernoem(doel, oud, plaats=doel)
    try:
        hernoem(nieuw, doel)
    except BaseException:
        if oud.exists() and not doel.exists():
            os.rename(oud, doel)
        raise
