"""The checks of `latere_gemeenten`: gemeenten the tender names as possible later participants (CJEU C-216/17).

Why apart from the other gemeenten: such a gemeente takes no part in the award (it is in no lot's list and in no
allocation), yet the tender documents name it and its volume counts in the framework maximum (C-23/20). So it is
checked like a participant (a name of the CBS register, not dissolved, once) and besides: it is not a participant
already, and it may only be named for a lot that concludes a framework agreement (an open house is no public
contract and has no maximum to count it in).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from evaluatie.definitie.yamlregels import Pad
from evaluatie.gemeentenamen import Namen


def controleer_latere(
    samen: dict[str, Any],
    tender: Namen,
    opgeheven_melding: Callable[[str], str | None],
    fout: Callable[[Pad, str], None],
) -> None:
    """Every error of `latere_gemeenten` in the merged tender, reported through `fout` (path, message);
    `opgeheven_melding`: what the tender's own check says of a gemeente dissolved before publication (None: it is
    not), passed in so this module does not import the loader."""
    latere = samen.get("latere_gemeenten")
    if not isinstance(latere, list):
        return
    gezien: dict[str, int] = {}
    for i, g in enumerate(latere):
        if not isinstance(g, dict) or not isinstance(g.get("naam"), str):
            continue  # the schema reports the shape
        naam = g["naam"]
        if tender.zoek(naam) is not None:
            fout(
                ("latere_gemeenten", i, "naam"),
                f"{tender.zoek(naam)} neemt al deel (gemeenten); een gemeente is deelnemer of mogelijke latere "
                "deelnemer, niet allebei: haal haar hier weg",
            )
        eerder = Namen(gezien).zoek(naam)
        if eerder is not None:
            fout(
                ("latere_gemeenten", i, "naam"),
                f"gemeente '{naam}' staat er twee keer in (latere_gemeenten[{gezien[eerder] + 1}])",
            )
        gezien.setdefault(naam, i)
        if (melding := opgeheven_melding(naam)) is not None:
            fout(("latere_gemeenten", i, "naam"), melding)
        for code in g.get("inburgeraars") or {}:
            p = samen.get("percelen", {}).get(code)
            if not isinstance(p, dict):
                fout(("latere_gemeenten", i, "inburgeraars", code), f"perceel {code} bestaat niet in deze aanbesteding")
            elif p.get("procedure") == "toelating":
                fout(
                    ("latere_gemeenten", i, "inburgeraars", code),
                    f"perceel {code} is een open house (procedure: toelating): geen raamovereenkomst met een maximum "
                    "en geen verdeling, dus niets om later bij aan te sluiten; haal het perceel hier weg",
                )


def latere_per_jaar(samen: dict[str, Any], code: str) -> int:
    """The expected numbers per year of lot `code` over the gemeenten named as possible later participants, as the
    framework maximum counts them (evaluatie.gunning.raamovereenkomst); unreadable entries count 0 (the schema
    reports them)."""
    uit = 0
    for g in samen.get("latere_gemeenten") or []:
        n = (g.get("inburgeraars") or {}).get(code) if isinstance(g, dict) else None
        if isinstance(n, int) and not isinstance(n, bool):
            uit += n
    return uit
