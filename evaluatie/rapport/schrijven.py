"""Write all reports of an award into rapporten/ (the only place this stage touches files).

Reports are written atomically: everything is produced in a fresh folder next to rapporten/
and swapped in only when the whole run succeeded (see `atomair`). A failed run leaves the
previous reports untouched; a successful run leaves nothing stale (no letter of a bid that
was withdrawn since).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from evaluatie.rapport.advies_html import advies_html
from evaluatie.rapport.advies_xlsx import schrijf_advies_xlsx
from evaluatie.rapport.brieven import brief
from evaluatie.rapport.gegevens import Rapportgegevens
from evaluatie.rapport.gemeenten import gemeente_html
from evaluatie.rapport.zekerheid_html import zekerheid_pagina

MAX_SLUG = 40


def slug(naam: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")


def kort_hash(tekst: str) -> str:
    return hashlib.sha256(tekst.encode("utf-8")).hexdigest()[:8]


def veilige_naam(naam: str) -> str:
    """A file name part that is ASCII, at most MAX_SLUG + 9 characters, and never empty.

    A name that had to be shortened, or that lost letters in transliteration to ASCII, gets a
    short hash of the full name so two such names cannot meet.
    """
    volledig = slug(naam)
    s = volledig[:MAX_SLUG].strip("-")
    verloren = any(not (t.isascii() or unicodedata.normalize("NFKD", t).encode("ascii", "ignore")) for t in naam)
    if not s or s != volledig or verloren:
        return f"{s}-{kort_hash(naam)}" if s else kort_hash(naam)
    return s


def unieke_namen(namen: dict[str, str], sleutels: dict[str, str] | None = None) -> dict[str, str]:
    """Entity -> file stem, guaranteed distinct (case-insensitively, as on macOS and Windows).

    Stems shared by several entities ('Kompas Inburgering' and 'Kompas-Inburgering' both give
    'kompas-inburgering') get the entity's key (the bidder's KvK number) or a short hash, for all
    of them: no bidder keeps the plain name, so no letter can be mistaken for another's.
    """
    sleutels = sleutels or {}
    aantal: dict[str, int] = {}
    for stam in namen.values():
        aantal[stam.lower()] = aantal.get(stam.lower(), 0) + 1
    uit: dict[str, str] = {}
    for entiteit, stam in namen.items():
        if aantal[stam.lower()] > 1:
            stam = f"{stam}-{slug(sleutels.get(entiteit, '')) or kort_hash(entiteit)}"
        uit[entiteit] = stam
    gezien: dict[str, str] = {}
    for entiteit in sorted(uit):
        if uit[entiteit].lower() in gezien:  # same KvK cannot happen (the reader refuses it); stay safe
            uit[entiteit] = f"{uit[entiteit]}-{kort_hash(entiteit)}"
        gezien[uit[entiteit].lower()] = entiteit
    return uit


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
