"""Draws (loting) that settle an undecided tie, recorded in loting.yaml in the werkmap.

A tie between bids with exactly equal totals that no `bij_gelijke_stand` rule decides is
never settled by name: if the order changes the outcome, the award stops and asks for a
draw. `evaluatie loting` records the drawn order, its date and the witness; from then on
this file is an input like any other (hashed into gunning.json and the logboek, checked by
`evaluatie controleer`), and ranking and allocation follow the drawn order.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict

from evaluatie.fouten import Fout, InvoerFout

BESTAND = "loting.yaml"


class Loting(BaseModel):
    """One recorded draw: the order of the tied bidders of one lot."""

    model_config = ConfigDict(frozen=True)

    perceel: str
    volgorde: tuple[str, ...]
    datum: dt.date
    getuige: str

    def beschrijving(self) -> str:
        """'op 20 juni 2021 door loting bepaald, in aanwezigheid van J. Jansen, notaris'."""
        from evaluatie.tekst import datum

        return f"op {datum(self.datum)} door loting bepaald, in aanwezigheid van {self.getuige}"


class Gelijkestand(BaseModel):
    """Bidders sharing a rank with no rule left to separate them."""

    model_config = ConfigDict(frozen=True)

    perceel: str
    rang: int
    inschrijvers: tuple[str, ...]  # alphabetical: the display order, which decides nothing
    beslissend: bool  # the order changes who is awarded or how many inburgeraars each gets

    def commando(self) -> str:
        volgorde = ";".join(self.inschrijvers)
        return (
            f'evaluatie loting --lots {self.perceel} --volgorde "{volgorde}" '
            '--datum JJJJ-MM-DD --getuige "naam, functie"'
        )


def lees_lotingen(pad: Path) -> tuple[Loting, ...]:
    """Read loting.yaml; every problem is reported with its place. A missing file means no draws."""
    if not pad.is_file():
        return ()
    try:
        data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        regel = getattr(getattr(e, "problem_mark", None), "line", None)
        waar = f" (regel {regel + 1})" if isinstance(regel, int) else ""
        soort = "geen UTF-8" if isinstance(e, UnicodeDecodeError) else "geen geldige YAML"
        raise InvoerFout([Fout(BESTAND + waar, f"{soort}; schrijf dit bestand met 'evaluatie loting'")]) from None
    if data is None:
        return ()
    if not isinstance(data, dict) or not isinstance(data.get("lotingen"), list):
        raise InvoerFout([Fout(BESTAND, "verwacht een lijst 'lotingen' (schrijf dit bestand met 'evaluatie loting')")])
    uit, fouten = [], []
    for i, item in enumerate(data["lotingen"], start=1):
        plaats = f"{BESTAND}: lotingen[{i}]"
        if not isinstance(item, dict):
            fouten.append(Fout(plaats, "verwacht perceel, volgorde, datum en getuige"))
            continue
        fout = _controleer(item)
        if fout:
            fouten.append(Fout(plaats, fout))
            continue
        uit.append(
            Loting(
                perceel=str(item["perceel"]),
                volgorde=tuple(str(n) for n in item["volgorde"]),
                datum=item["datum"],
                getuige=str(item["getuige"]).strip(),
            )
        )
    if fouten:
        raise InvoerFout(fouten)
    return tuple(uit)


def _controleer(item: dict[str, Any]) -> str | None:
    ontbreekt = [k for k in ("perceel", "volgorde", "datum", "getuige") if k not in item]
    if ontbreekt:
        return f"ontbreekt: {', '.join(ontbreekt)}"
    if not isinstance(item["volgorde"], list) or len(item["volgorde"]) < 2:
        return "volgorde: verwacht een lijst van minstens twee inschrijvers"
    if len({str(n) for n in item["volgorde"]}) != len(item["volgorde"]):
        return "volgorde: een inschrijver staat er twee keer in"
    if not isinstance(item["datum"], dt.date) or isinstance(item["datum"], dt.datetime):
        return f"datum: verwacht een datum JJJJ-MM-DD, gevonden '{item['datum']}'"
    if not str(item["getuige"]).strip():
        return "getuige: verwacht naam en functie van wie de loting bijwoonde"
    return None


def als_yaml(lotingen: tuple[Loting, ...]) -> str:
    data = {
        "lotingen": [
            {"perceel": x.perceel, "volgorde": list(x.volgorde), "datum": x.datum, "getuige": x.getuige}
            for x in lotingen
        ]
    }
    kop = "# Loting bij gelijke stand, vastgelegd met 'evaluatie loting'. Niet met de hand wijzigen.\n"
    return kop + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def schrijf_lotingen(pad: Path, lotingen: tuple[Loting, ...]) -> Path:
    """Write atomically: a half-written draw record must never replace a good one."""
    from evaluatie.schrijfwacht import schrijf_tekst

    return schrijf_tekst(pad, als_yaml(lotingen))
