"""The tender workspace: where each stage's inputs and outputs live on disk."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Werkmap:
    root: Path

    @property
    def aanbesteding(self) -> Path:
        return self.root / "aanbesteding.yaml"

    @property
    def inschrijvingen(self) -> Path:
        return self.root / "inschrijvingen"

    @property
    def beoordelingen(self) -> Path:
        return self.root / "beoordelingen"

    @property
    def rapporten(self) -> Path:
        return self.root / "rapporten"

    @property
    def logboek(self) -> Path:
        return self.root / "logboek.jsonl"

    def relatief(self, pad: Path) -> str:
        """Path as shown to users and stored in reports: relative to the workspace, '/'-separated."""
        try:
            return pad.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return pad.as_posix()

    def relatieve(self, paden: Iterable[Path]) -> list[str]:
        """`relatief` of each of `paden`, in order, resolving the workspace and each folder once.

        The logboek names every file an award wrote (40 in the example): resolving each path and
        the workspace again walked the same folders 80 times (2 ms, issue #24). A path whose last
        part is not a link resolves to its resolved folder plus its name; anything else (a link,
        '..') is resolved as `relatief` does."""
        wortel = self.root.resolve()
        mappen: dict[Path, Path] = {}
        uit = []
        for pad in paden:
            if pad.name in ("", ".", "..") or os.path.islink(pad):
                echt = pad.resolve()
            else:
                if pad.parent not in mappen:
                    mappen[pad.parent] = pad.parent.resolve()
                echt = mappen[pad.parent] / pad.name
            try:
                uit.append(echt.relative_to(wortel).as_posix())
            except ValueError:
                uit.append(pad.as_posix())
        return uit


def padnaam(pad: Path) -> str:
    """A folder as an error names it: the current folder ('.', the default of --werkmap) by its full path."""
    return f"{pad.resolve()} (de huidige map)" if str(pad) in (".", "") else str(pad)


def geen_aanbesteding(pad: Path) -> str:
    """Why `pad` is no werkmap, as the start of the message: a folder that does not exist (a typo in the path) is
    said as such, not only as a folder without aanbesteding.yaml."""
    if not pad.exists():
        return "de map bestaat niet (dus ook geen aanbesteding.yaml)"
    return "geen aanbesteding.yaml gevonden"


def werkmap_erboven(pad: Path) -> Path | None:
    """The tender one or two folders above `pad` (a user in inschrijvingen/ or rapporten/brieven/), or None: the
    error then names the werkmap meant instead of only that this folder holds no aanbesteding.yaml."""
    for boven in pad.resolve().parents[:2]:
        if (boven / "aanbesteding.yaml").is_file():
            return boven
    return None


def criteria_map() -> Path:
    """The bundled criteria/ folder: in a wheel it is packaged as evaluatie/_criteria."""
    hier = Path(__file__).resolve().parent
    verpakt = hier / "_criteria"
    return verpakt if verpakt.is_dir() else hier.parent / "criteria"


def sjablonen_map() -> Path:
    """The bundled report templates (reports/sjablonen; evaluatie/_sjablonen in a wheel)."""
    hier = Path(__file__).resolve().parent
    verpakt = hier / "_sjablonen"
    return verpakt if verpakt.is_dir() else hier.parent / "reports" / "sjablonen"
