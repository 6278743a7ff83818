"""besluiten.yaml: read on every run, written only by the decision commands (never by hand)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from evaluatie.besluiten.model import VOORVOEGSEL, Besluit, Intrekking
from evaluatie.fouten import Fout, InvoerFout

BESTAND = "besluiten.yaml"


@cache
def _lezer() -> TypeAdapter[Any]:
    """The validator of one decision, built when a besluiten.yaml is first read: building it (every decision
    model) cost each award 2 ms at import, also when the tender has no decisions."""
    return TypeAdapter(Besluit)


@dataclass(frozen=True)
class Register:
    """All recorded decisions, withdrawn ones included (the record keeps them). `weggelaten`: the ids this
    computation leaves out because their premise no longer holds (besluiten.verouderd); they stay on record
    and count as taken for a new decision on the same matter (withdraw first), but are never applied.
    `open_verouderd`: those among them that are stale in the award itself (open points), not only in a what-if."""

    besluiten: tuple[Any, ...] = ()
    weggelaten: frozenset[str] = frozenset()
    open_verouderd: frozenset[str] = frozenset()

    def geldig(self, soort: str) -> list[Any]:
        """Not withdrawn: what the record holds as decided (a stale one included)."""
        return [b for b in self.besluiten if b.soort == soort and b.geldig]

    def toegepast(self, soort: str) -> list[Any]:
        """What this computation applies: not withdrawn and not left out as stale."""
        return [b for b in self.geldig(soort) if b.id not in self.weggelaten]

    def verouderd(self, soort: str) -> list[Any]:
        """Not withdrawn, but stale in the award itself: an open point until withdrawn."""
        return [b for b in self.geldig(soort) if b.id in self.open_verouderd]

    def zoek(self, id_: str) -> Any | None:
        return next((b for b in self.besluiten if b.id.lower() == id_.lower()), None)

    def volgende_id(self, soort: str) -> str:
        letter = VOORVOEGSEL[soort]
        nummers = [int(b.id[1:]) for b in self.besluiten if b.id.startswith(letter) and b.id[1:].isdigit()]
        return f"{letter}{max(nummers, default=0) + 1}"

    def zonder(self, ids: set[str], open_punt: bool = False) -> Register:
        """These decisions left out of the computation, kept on record: their premise no longer holds in the
        award itself (`open_punt`), or only under a what-if's changed rules."""
        open_ = self.open_verouderd | frozenset(ids) if open_punt else self.open_verouderd
        return Register(self.besluiten, self.weggelaten | frozenset(ids), open_)

    def met(self, besluit: Any) -> Register:
        return Register((*self.besluiten, besluit))

    def ingetrokken(self, id_: str, intrekking: Intrekking) -> Register:
        return Register(
            tuple(b.model_copy(update={"ingetrokken": intrekking}) if b.id == id_ else b for b in self.besluiten)
        )


def lees_besluiten(pad: Path) -> Register:
    """Every problem with its place; a missing file means no decisions."""
    if not pad.is_file():
        return Register()
    try:
        data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    except UnicodeDecodeError as e:
        from evaluatie.tekencodering import utf8_bericht

        waar, bericht = utf8_bericht(pad.read_bytes(), e)
        raise InvoerFout([Fout(BESTAND + waar, bericht)]) from None
    except yaml.YAMLError as e:
        from evaluatie.definitie.yamltaal import yaml_fout

        waar, bericht = yaml_fout(e)
        raise InvoerFout([Fout(BESTAND + waar, bericht)]) from None
    if data is None:
        return Register()
    if not isinstance(data, dict) or not isinstance(data.get("besluiten"), list):
        raise InvoerFout([Fout(BESTAND, "verwacht een lijst 'besluiten' (dit bestand schrijven de besluitcommando's)")])
    uit, fouten, ids = [], [], set()
    for i, item in enumerate(data["besluiten"], start=1):
        plaats = f"{BESTAND}: besluiten[{i}]"
        try:
            b = _lezer().validate_python(item)
        except ValidationError as e:
            for err in e.errors():
                veld = ".".join(str(x) for x in err["loc"][1:]) or "soort"  # loc[0] is the kind (the union tag)
                fouten.append(Fout(plaats, f"{veld}: {_in_woorden(err)}"))
            continue
        if b.id in ids:
            fouten.append(Fout(plaats, f"id {b.id} komt twee keer voor"))
        ids.add(b.id)
        uit.append(b)
    if fouten:
        raise InvoerFout(fouten)
    return Register(tuple(uit))


def _in_woorden(err: Any) -> str:
    """The validation problem in Dutch (the common kinds), else pydantic's own words."""
    soort = err.get("type", "")
    if soort == "missing":
        return "ontbreekt"
    if soort in ("union_tag_invalid", "union_tag_not_found"):
        return f"onbekende of ontbrekende soort; geldig: {', '.join(VOORVOEGSEL)}"
    if soort.startswith("date"):
        return f"verwacht een datum JJJJ-MM-DD, gevonden {err.get('input')!r}"
    if soort == "literal_error":
        return f"{err.get('input')!r} is niet toegestaan; geldig: {err.get('ctx', {}).get('expected', '')}"
    if soort == "extra_forbidden":
        return "onbekend veld (dit bestand schrijven de besluitcommando's)"
    return str(err.get("msg", "ongeldig"))


def als_yaml(register: Register) -> str:
    data = {"besluiten": [b.model_dump(mode="json", exclude_none=True) for b in register.besluiten]}
    kop = (
        "# Besluiten vastgelegd met de besluitcommando's van evaluatie (herstel, toelichting, uitsluitingsgrond,\n"
        "# keurmerk); intrekken met 'evaluatie intrekken ID'. Niet met de hand wijzigen.\n"
    )
    return kop + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def schrijf_besluiten(pad: Path, register: Register) -> Path:
    """Atomic: a half-written record must never replace a good one (evaluatie.schrijfwacht)."""
    from evaluatie.schrijfwacht import schrijf_tekst

    return schrijf_tekst(pad, als_yaml(register))


def controleer_datum(veld: str, datum: dt.date, na: dt.date | None, vandaag: dt.date, na_uitleg: str = "") -> None:
    """A decision's date lies in the past or today, and after `na` when given (ValueError: usage error)."""
    if datum > vandaag:
        raise ValueError(f"{veld}: {datum.isoformat()} ligt in de toekomst (vandaag is {vandaag.isoformat()})")
    if na is not None and datum < na:
        raise ValueError(f"{veld}: {datum.isoformat()} ligt vóór {na_uitleg or na.isoformat()}")


def na_de_brieven(datum: dt.date, brieven: dt.date, wat: str, standaard: bool = False) -> str | None:
    """The words for a decision dated after the letters' date (data.verzending, else data.gunning), or None. A
    `standaard` date is today's because --datum was not given: said so, with what to give."""
    if datum <= brieven:
        return None
    if standaard:
        return (
            f"{wat} (--datum niet opgegeven, dus vandaag: {datum.isoformat()}) ligt na de datum van de brieven "
            f"({brieven.isoformat()}); de brieven en het advies kunnen geen besluit noemen dat later is genomen: geef "
            "met --datum de dag waarop het besluit is genomen (of pas zo nodig data.verzending aan)"
        )
    return (
        f"{wat} ({datum.isoformat()}) ligt na de datum van de brieven ({brieven.isoformat()}); de brieven en het "
        "advies kunnen geen besluit noemen dat later is genomen (pas zo nodig data.verzending aan)"
    )


def voor_de_sluiting(datum: dt.date, sluiting: dt.date, wat: str, na_de_dag: bool = False) -> str | None:
    """The words for a decision dated before the closing of the bids (data.sluiting), or None. `na_de_dag`: the
    decision must fall after the closing day itself, as a draw must (`gunning.loting.controleer_lotingdatum` refuses
    the closing day when it is recorded, so the check on every run refuses it too once data.sluiting has moved)."""
    if datum > sluiting or (datum == sluiting and not na_de_dag):
        return None
    if datum == sluiting:  # only when na_de_dag: the draw on the closing day itself
        return (
            f"{wat} ({datum.isoformat()}) ligt niet na de sluiting van de inschrijving ({sluiting.isoformat()}); een "
            "loting kan pas na de dag van de sluiting worden gehouden"
        )
    return (
        f"{wat} ({datum.isoformat()}) ligt vóór de sluiting van de inschrijving ({sluiting.isoformat()}); over een "
        "inschrijving kan pas na de sluiting worden besloten"
    )
