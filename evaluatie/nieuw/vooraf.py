"""`nieuw` checks everything before it writes anything, and blames the option, not the file it would write.

The YAML text `nieuw` generates is read back and validated in memory, exactly as `evaluatie` will
read it later. A problem there comes from what was typed (a control character in `--naam`, a
reviewer name that is not allowed), so it is reported at the option it came from. Only when
nothing is wrong is the werkmap written, and then as a whole: built in a temporary folder next
to the target and renamed into place, so a failed write (permission, disk full) leaves no half
tender that would block the next `nieuw`.
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from evaluatie.fouten import Fout, InvoerFout
from evaluatie.schrijfwacht import (
    TIJDELIJK,
    SchrijfFout,
    bewaakt,
    echte_plaats,
    maak_map,
    schrijf_tekst,
    tijdelijke_naam,
)

OPTIE_VAN_VELD = {
    "naam": "--naam",
    "penvoerder": "--penvoerder",
    "beoordelaars": "--beoordelaars",
    "gemeenten": "--gemeenten/--regio",
    "percelen": "--percelen",
    "procedure": "--procedure",
    "criteriaset": "--criteriaset",
    "data.publicatie": "--publicatie",
    "data.sluiting": "--sluiting",
    "data.gunning": "--gunningsdatum",
}
"""The top-level YAML field (or data.<date>) -> the option of `nieuw` it is made from."""


def _optie(plaats: str) -> str | None:
    """'aanbesteding.yaml: data.sluiting (regel 7)' -> '--sluiting'; None when no option made it."""
    veld = plaats.split(": ", 1)[-1].split(" (regel", 1)[0]
    if veld.startswith("gemeenten") and veld.endswith(".subregio"):
        return "--subregio"  # before 'gemeenten' below, which would name --gemeenten/--regio
    for sleutel in sorted(OPTIE_VAN_VELD, key=len, reverse=True):
        if veld == sleutel or veld.startswith((sleutel + ".", sleutel + "[")):
            return OPTIE_VAN_VELD[sleutel]
    return None


_STUURTEKENS = {chr(i) for i in range(32)} | {chr(127)} | {chr(i) for i in range(0x80, 0xA0)} | {"\u2028", "\u2029"}
"""Also the line and paragraph separators: YAML ends a line at them, so a name in the file's heading comment went on
as a key of the tender ('...\u2028gelijkgestelde_dagen: [...]')."""


def controleer_opties(opties: dict[str, Any]) -> list[Fout]:
    """Text options with a control character (a tab, line break or bell): named by option, before
    anything is generated from them. `opties` maps the option ('--naam') to its value or values."""
    uit = []
    for optie, waarde in opties.items():
        waarden = waarde if isinstance(waarde, tuple | list) else (waarde,)
        for w in waarden:
            if isinstance(w, str) and any(t in _STUURTEKENS for t in w):
                uit.append(
                    Fout(
                        optie,
                        f"'{w.encode('unicode_escape').decode()}' bevat een stuurteken (zoals een tab of "
                        "regeleinde); haal het weg",
                    )
                )
                break
    return uit


def controleer_tekst(tekst: str, map_: Path) -> tuple[Any, list[Fout]]:
    """The tender as `evaluatie` will read it, and every problem it would have, at the option it came from."""
    import yaml

    from evaluatie.definitie.laden import laad_aanbesteding_uit_data
    from evaluatie.definitie.yamlregels import lees_streng

    naam = "aanbesteding.yaml"
    try:
        data, regels, problemen = lees_streng(tekst)
    except yaml.YAMLError:
        return None, [Fout(naam, "kon niet worden opgebouwd uit de opgegeven opties (teken dat YAML niet toestaat)")]
    fouten = [Fout(f"{naam}: {'.'.join(map(str, p.pad))}", p.bericht) for p in problemen]
    aanbesteding = None
    if data is not None:
        try:
            aanbesteding, _ = laad_aanbesteding_uit_data(data, regels, naam, map_, fouten, open_aantallen=True)
        except InvoerFout as e:
            fouten = e.fouten
    elif not fouten:
        fouten = [Fout(naam, "kon niet worden opgebouwd")]
    uit = []
    for f in fouten:
        optie = _optie(f.plaats)
        uit.append(Fout(optie, f.bericht) if optie else f)
    return (None if uit else aanbesteding), uit


def _ruim_gedode_op(map_: Path) -> None:
    """Remove build folders of an earlier `nieuw` for this map whose process no longer runs (killed)."""
    for p in map_.parent.glob(f".{map_.name}-nieuw-*"):
        m = TIJDELIJK.match(p.name)
        if m is None or not p.is_dir() or p.is_symlink():
            continue
        try:
            os.kill(int(m.group("pid")), 0)
        except ProcessLookupError:
            shutil.rmtree(p, ignore_errors=True)
        except (PermissionError, OverflowError, ValueError):
            continue  # a process of another user, or not a process id: leave it


def _zet_neer(bron: Path, doel: Path) -> None:
    """Move a file to `doel` without ever replacing one there: a hard link fails on an existing name
    (EEXIST), where rename would replace it. A file system without hard links gets a check, then rename."""
    try:
        os.link(bron, doel)
    except OSError as e:
        if e.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK, errno.ENOSYS):
            raise
        if doel.exists():
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(doel)) from None
        os.rename(bron, doel)
        return
    bron.unlink()


def schrijf_geheel(map_: Path, vul: Callable[[Path], None]) -> None:
    """Build the werkmap with `vul(folder)` in a temporary folder, then move it into place at once.

    `map_` may not exist yet or be an empty folder; on any failure nothing of the new tender stays.
    """
    map_ = map_.absolute()
    maak_map(map_.parent)
    _ruim_gedode_op(map_)
    bouw = tijdelijke_naam(map_, "nieuw")
    with bewaakt(map_):
        if bouw.exists():
            shutil.rmtree(bouw)
        bouw.mkdir()
    verplaatst: list[Path] = []
    leeg: list[Path] = []
    try:
        try:
            vul(bouw)
        except SchrijfFout as e:  # name the file as it would stand in the tender, not the build folder
            raise SchrijfFout(echte_plaats(bouw, map_, e.pad), e.reden) from None
        with bewaakt(map_):
            if map_.is_dir() and not any(map_.iterdir()):
                os.rmdir(map_)  # an empty folder the user made for it
            try:
                if not map_.exists():
                    os.rename(bouw, map_)  # fails when another 'nieuw' put a folder there a moment ago
                    return
                if (map_ / "aanbesteding.yaml").exists():  # another 'nieuw' for this map finished a moment ago
                    raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(map_))
                for deel in sorted(bouw.iterdir()):  # a folder with other files: add ours one by one
                    doel = map_ / deel.name
                    if deel.is_file():
                        _zet_neer(deel, doel)
                    else:
                        if doel.is_dir() and not any(doel.iterdir()):
                            os.rmdir(doel)
                            leeg.append(doel)
                        os.rename(deel, doel)  # onto a non-empty folder it fails: nothing is replaced
                    verplaatst.append(doel)
            except OSError as e:
                if e.errno not in (errno.EEXIST, errno.ENOTEMPTY):
                    raise
                raise InvoerFout(
                    [
                        Fout(
                            str(map_),
                            "intussen heeft een ander 'evaluatie nieuw' hier een aanbesteding geschreven; "
                            "er is niets overschreven. Kies een nieuwe of lege map.",
                        )
                    ]
                ) from None
        shutil.rmtree(bouw, ignore_errors=True)
    except BaseException:
        for doel in verplaatst:
            shutil.rmtree(doel, ignore_errors=True) if doel.is_dir() else doel.unlink(missing_ok=True)
        for doel in leeg:  # the empty folders that were there before stay there
            doel.mkdir(exist_ok=True)
        shutil.rmtree(bouw, ignore_errors=True)
        raise


__all__ = ["controleer_tekst", "maak_map", "schrijf_geheel", "schrijf_tekst"]
