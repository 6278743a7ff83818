"""logboek.jsonl: one line per evaluating command, with the hash of every input and output.

This is what `evaluatie controleer` replays, and what shows a court that the award
documents were produced from these inputs by this version.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from evaluatie import __version__
from evaluatie.hashing import sha256_bestand
from evaluatie.inschrijving.model import Invoerbestand
from evaluatie.werkmap import Werkmap

AWARD_COMMANDO_S = ("gunning", "rapport")


def registreer(
    werkmap: Werkmap,
    commando: str,
    opties: dict[str, Any],
    invoer: Iterable[Invoerbestand],
    uitvoer: Iterable[Path] = (),
    tijdstempel: str | None = None,
) -> dict[str, Any]:
    regel = {
        "tijd": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commando": commando,
        "opties": opties,
        "versie": __version__,
        "tijdstempel_rapporten": tijdstempel,
        "invoer": [{"bestand": b.bestand, "sha256": b.sha256} for b in invoer],
        "uitvoer": [{"bestand": werkmap.relatief(p), "sha256": sha256_bestand(p)} for p in sorted(uitvoer)],
    }
    from evaluatie.schrijfwacht import voeg_regel_toe

    voeg_regel_toe(werkmap.logboek, json.dumps(regel, ensure_ascii=False, sort_keys=True))
    return regel


def lees(werkmap: Werkmap) -> list[dict[str, Any]]:
    if not werkmap.logboek.is_file():
        return []
    regels = []
    for regel in werkmap.logboek.read_text(encoding="utf-8").splitlines():
        if regel.strip():
            regels.append(json.loads(regel))
    return regels


def laatste_gunning(werkmap: Werkmap) -> dict[str, Any] | None:
    return next((r for r in reversed(lees(werkmap)) if r["commando"] in AWARD_COMMANDO_S), None)
