"""Write all reports of an award into rapporten/ (the only place this stage touches files)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

from evaluatie.rapport.advies_html import advies_html
from evaluatie.rapport.advies_xlsx import schrijf_advies_xlsx
from evaluatie.rapport.brieven import brief
from evaluatie.rapport.gegevens import Rapportgegevens
from evaluatie.rapport.gemeenten import gemeente_html
from evaluatie.rapport.zekerheid_html import zekerheid_pagina


def slug(naam: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")


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
    for code in g.uitslag.percelen:
        bieders = [r.inschrijver for r in g.toets.voor_perceel(code)]
        for naam in bieders:
            d = brief(g, naam, code)
            basis = map_ / "brieven" / f"{slug(naam)}-{slug(code)}"
            basis.parent.mkdir(parents=True, exist_ok=True)
            geschreven.append(d.schrijf_docx(basis.with_suffix(".docx"), g.aanbesteding.penvoerder, tijd))
            basis.with_suffix(".html").write_text(d.html(), encoding="utf-8")
            geschreven.append(basis.with_suffix(".html"))
    deelnemers = [
        gem.naam
        for gem in g.aanbesteding.gemeenten
        if any(b.gemeente == gem.naam for p in g.uitslag.percelen.values() for b in p.budgetten)
    ]
    for gem in deelnemers:
        pad = map_ / "gemeenten" / f"{slug(gem)}.html"
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_text(gemeente_html(g, gem), encoding="utf-8")
        geschreven.append(pad)
    return geschreven
