"""Write all reports of an award into rapporten/ (the only place this stage touches files).

Reports are written atomically: everything is produced in a fresh folder next to rapporten/
and swapped in only when the whole run succeeded (`atomair`, from evaluatie.schrijfwacht). A failed run leaves the
previous reports in place (marked as not current by evaluatie.niet_actueel, never removed); a successful run
leaves nothing stale (no letter of a bid that was withdrawn since).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from evaluatie.bestandsnamen import slug, unieke_namen, veilige_naam
from evaluatie.rapport.advies_html import advies_html
from evaluatie.rapport.advies_xlsx import schrijf_advies_xlsx
from evaluatie.rapport.betrouwbaarheid_html import betrouwbaarheid_pagina
from evaluatie.rapport.brieven import brief
from evaluatie.rapport.gegevens import Rapportgegevens
from evaluatie.rapport.gemeenten import gemeente_html
from evaluatie.rapport.zekerheid_html import zekerheid_pagina
from evaluatie.schrijfwacht import atomaire_map as atomair  # noqa: F401  (re-exported: pipeline uses it)
from evaluatie.schrijfwacht import bewaakt, maak_map, schrijf_tekst


def _kopieer(pad: Path, doel: Path) -> None:
    """One file of the old reports to its place under the new ones: a link stays a link (never followed)."""
    maak_map(doel.parent)
    with bewaakt(doel):
        if pad.is_symlink():
            os.symlink(os.readlink(pad), doel)
        else:
            shutil.copy2(pad, doel)


def neem_over(oud: Path, nieuw: Path, behouden: Callable[[Path], bool]) -> None:
    """Copy into `nieuw` every file of `oud` for which `behouden` holds and that `nieuw` lacks.

    A link (symlink) someone put in `oud` is carried over as the same link, never as a copy of what it points
    to: a link to a shared file outside the werkmap stays a link (its content was never the werkmap's to copy
    into the reports), and a link to a folder or a broken link is kept instead of dropped without a word.
    `behouden` is asked about the link's own place (its folder resolved, then its name), not its target."""
    if not oud.is_dir():
        return
    for pad in _bestanden_en_links(oud):
        doel = nieuw / pad.relative_to(oud)
        plaats = pad.parent.resolve() / pad.name if pad.is_symlink() else pad
        if doel.exists() or doel.is_symlink() or not behouden(plaats):
            continue
        _kopieer(pad, doel)


NIET_VAN_DEZE_GUNNING = "niet-van-deze-gunning"
"""The folder in rapporten/ where an award puts what it found among its outputs but did not write itself."""


def verplaats(oud: Path, nieuw: Path, verplaatsen: Callable[[str], bool], stempel: str) -> list[str]:
    """Copy into `nieuw`/niet-van-deze-gunning/<run>/ every file (or link) of `oud` for which `verplaatsen` holds
    (asked with its path relative to `oud`) and that `nieuw` lacks at its own place; returns the paths moved,
    relative to `oud`, sorted.

    A letter that a hand or an earlier award put among the letters and that this award did not write would stay
    there looking current and could be sent; deleting it would destroy a document someone may have sent. So it
    goes, unchanged, into a folder whose name says it is not of this award, one per run (named after the run's
    report time, '-2' and on when a run of that same second already moved files there)."""
    if not oud.is_dir():
        return []
    weg = [
        p
        for p in _bestanden_en_links(oud)
        if not ((nieuw / p.relative_to(oud)).exists() or (nieuw / p.relative_to(oud)).is_symlink())
        and verplaatsen(p.relative_to(oud).as_posix())
    ]
    if not weg:
        return []
    basis = stempel.removesuffix(" UTC").replace(" ", "-").replace(":", "")
    naam, n = basis, 1
    while (oud / NIET_VAN_DEZE_GUNNING / naam).exists() or (nieuw / NIET_VAN_DEZE_GUNNING / naam).exists():
        n += 1
        naam = f"{basis}-{n}"
    for pad in weg:
        doel = nieuw / NIET_VAN_DEZE_GUNNING / naam / pad.relative_to(oud)
        _kopieer(pad, doel)
    return [f"{NIET_VAN_DEZE_GUNNING}/{naam}/{p.relative_to(oud).as_posix()}" for p in weg]


GUNNINGSUITVOER = (
    "gunning.json",
    "gunningsadvies.html",
    "gunningsadvies.xlsx",
    "intern/betrouwbaarheid.html",
    "intern/zekerheid.html",
)
"""The files an award writes under these names in rapporten/; besides them, everything in brieven/ and gemeenten/."""


def is_gunningsuitvoer(rel: str) -> bool:
    """Whether a path relative to rapporten/ ('brieven/x-b1.docx') is of a kind an award writes."""
    return rel in GUNNINGSUITVOER or rel.startswith(("brieven/", "gemeenten/"))


def _bestanden_en_links(map_: Path) -> list[Path]:
    """Every file and every link (to a file, a folder or nothing) under `map_`, not walking into linked folders."""
    uit = []
    for wortel, mappen, bestanden in os.walk(map_):
        basis = Path(wortel)
        uit += [basis / m for m in mappen if (basis / m).is_symlink()]
        uit += [basis / b for b in bestanden]
    return sorted(uit)


def alle_bestanden(map_: Path) -> list[Path]:
    """Every file under `map_`, sorted: what the logboek records as written."""
    return sorted(p for p in map_.rglob("*") if p.is_file())


def schrijf_alle(g: Rapportgegevens, map_: Path, zekerheid: Callable[[], dict[str, str]] | None = None) -> list[Path]:
    """Every report of the award into `map_`. `zekerheid` gives the certainty sections per lot when
    they are not in `g` yet: called only after everything else is written, so analyses started
    before can run meanwhile (pipeline.schrijf_rapporten); the files are the same either way."""
    maak_map(map_)
    geschreven = []
    pad = map_ / "gunningsadvies.html"
    html = advies_html(g)
    if g.concept:
        from evaluatie.rapport.concept import markeer_concept

        schrijf_tekst(pad, markeer_concept(html, g))
        return [pad]  # no xlsx, letters or gemeente pages until the draw is recorded
    schrijf_tekst(pad, html)
    geschreven.append(pad)
    geschreven.append(schrijf_advies_xlsx(g, map_ / "gunningsadvies.xlsx"))
    plek_zekerheid = len(geschreven)
    if g.panel.betrouwbaarheid:  # alpha per reviewer: internal, never in the formal advies
        pad = map_ / "intern" / "betrouwbaarheid.html"
        schrijf_tekst(pad, betrouwbaarheid_pagina(g))
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
            geschreven.append(d.schrijf_docx(basis.with_suffix(".docx"), g.aanbesteding.penvoerder, tijd))
            schrijf_tekst(basis.with_suffix(".html"), d.html())
            geschreven.append(basis.with_suffix(".html"))
    deelnemers = [
        gem.naam
        for gem in g.aanbesteding.gemeenten
        if any(b.gemeente == gem.naam for p in g.uitslag.percelen.values() for b in p.budgetten)
    ]
    gemeentestammen = unieke_namen({gem: veilige_naam(gem) for gem in deelnemers})
    for gem in deelnemers:
        pad = map_ / "gemeenten" / f"{gemeentestammen[gem]}.html"
        schrijf_tekst(pad, gemeente_html(g, gem))
        geschreven.append(pad)
    if zekerheid is not None:
        g.zekerheid.update(zekerheid())
    if g.zekerheid:  # certainty analyses: an internal report, never part of the formal advies
        pad = map_ / "intern" / "zekerheid.html"
        namen = {c: p.naam for c, p in g.uitslag.percelen.items()}
        alleen_toelating = g.aanbesteding.procedures() == {"toelating"}
        schrijf_tekst(pad, zekerheid_pagina(g.aanbesteding.naam, g.zekerheid, namen, alleen_toelating))
        geschreven.insert(plek_zekerheid, pad)
    return geschreven
