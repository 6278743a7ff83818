"""Write all reports of an award into rapporten/ (the only place this stage touches files).

Reports are written atomically: everything is produced in a fresh folder next to rapporten/
and swapped in only when the whole run succeeded (see `atomair`). A failed run leaves the
previous reports untouched; a successful run leaves nothing stale (no letter of a bid that
was withdrawn since).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from evaluatie.bestandsnamen import slug, unieke_namen, veilige_naam
from evaluatie.rapport.advies_html import advies_html
from evaluatie.rapport.advies_xlsx import schrijf_advies_xlsx
from evaluatie.rapport.betrouwbaarheid_html import betrouwbaarheid_pagina
from evaluatie.rapport.brieven import brief
from evaluatie.rapport.gegevens import Rapportgegevens
from evaluatie.rapport.gemeenten import gemeente_html
from evaluatie.rapport.zekerheid_html import zekerheid_pagina


@contextmanager
def atomair(doel: Path) -> Iterator[Path]:
    """Yield an empty folder next to `doel`; on success it replaces `doel` as a whole.

    On any exception the new folder is removed and `doel` is left exactly as it was.
    """
    doel.parent.mkdir(parents=True, exist_ok=True)
    nieuw = doel.parent / f".{doel.name}-nieuw-{os.getpid()}"
    oud = doel.parent / f".{doel.name}-oud-{os.getpid()}"
    for rest in (nieuw, oud):
        if rest.exists():
            shutil.rmtree(rest)
    nieuw.mkdir()
    try:
        yield nieuw
    except BaseException:
        shutil.rmtree(nieuw, ignore_errors=True)
        raise
    if doel.is_symlink() or doel.is_file():
        doel.unlink()
    elif doel.exists():
        os.rename(doel, oud)
    os.rename(nieuw, doel)
    shutil.rmtree(oud, ignore_errors=True)


def neem_over(oud: Path, nieuw: Path, behouden: Callable[[Path], bool]) -> None:
    """Copy into `nieuw` every file of `oud` for which `behouden` holds and that `nieuw` lacks."""
    if not oud.is_dir():
        return
    for pad in alle_bestanden(oud):
        doel = nieuw / pad.relative_to(oud)
        if not doel.exists() and behouden(pad):
            doel.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(pad, doel)


def alle_bestanden(map_: Path) -> list[Path]:
    """Every file under `map_`, sorted: what the logboek records as written."""
    return sorted(p for p in map_.rglob("*") if p.is_file())


def schrijf_alle(g: Rapportgegevens, map_: Path) -> list[Path]:
    map_.mkdir(parents=True, exist_ok=True)
    geschreven = []
    pad = map_ / "gunningsadvies.html"
    html = advies_html(g)
    if g.concept:
        from evaluatie.rapport.concept import markeer_concept

        pad.write_text(markeer_concept(html, g), encoding="utf-8")
        return [pad]  # no xlsx, letters or gemeente pages until the draw is recorded
    pad.write_text(html, encoding="utf-8")
    geschreven.append(pad)
    geschreven.append(schrijf_advies_xlsx(g, map_ / "gunningsadvies.xlsx"))
    if g.zekerheid:  # certainty analyses: an internal report, never part of the formal advies
        pad = map_ / "intern" / "zekerheid.html"
        pad.parent.mkdir(parents=True, exist_ok=True)
        namen = {c: p.naam for c, p in g.uitslag.percelen.items()}
        pad.write_text(zekerheid_pagina(g.aanbesteding.naam, g.zekerheid, namen), encoding="utf-8")
        geschreven.append(pad)
    if g.panel.betrouwbaarheid:  # alpha per reviewer: internal, never in the formal advies
        pad = map_ / "intern" / "betrouwbaarheid.html"
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_text(betrouwbaarheid_pagina(g), encoding="utf-8")
        geschreven.append(pad)
    tijd = dt.datetime.combine(g.aanbesteding.data.verzenddatum, dt.time(9))
    kvk = {i.naam: i.kvk for i in g.inschrijvingen}
    stammen = unieke_namen({naam: veilige_naam(naam) for naam in kvk}, kvk)
    for code in g.uitslag.percelen:
        bieders = [r.inschrijver for r in g.toets.voor_perceel(code)]
        for naam in bieders:
            d = brief(g, naam, code)
            stam = stammen.get(naam) or veilige_naam(naam)
            basis = map_ / "brieven" / f"{stam}-{slug(code)}"
            basis.parent.mkdir(parents=True, exist_ok=True)
            geschreven.append(d.schrijf_docx(basis.with_suffix(".docx"), g.aanbesteding.penvoerder, tijd))
            basis.with_suffix(".html").write_text(d.html(), encoding="utf-8")
            geschreven.append(basis.with_suffix(".html"))
    deelnemers = [
        gem.naam
        for gem in g.aanbesteding.gemeenten
        if any(b.gemeente == gem.naam for p in g.uitslag.percelen.values() for b in p.budgetten)
    ]
    gemeentestammen = unieke_namen({gem: veilige_naam(gem) for gem in deelnemers})
    for gem in deelnemers:
        pad = map_ / "gemeenten" / f"{gemeentestammen[gem]}.html"
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_text(gemeente_html(g, gem), encoding="utf-8")
        geschreven.append(pad)
    return geschreven
