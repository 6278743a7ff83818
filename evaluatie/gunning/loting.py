"""Draws (loting) that settle an undecided tie, recorded in loting.yaml in the werkmap.

A tie between bids with exactly equal totals that no `bij_gelijke_stand` rule decides is
never settled by name: if the order changes the outcome, the award stops and asks for a
draw. `evaluatie loting` records the drawn order, its date, the witness, and like every decision who decided it
(`door`) and why (`reden`); from then on
this file is an input like any other (hashed into gunning.json and the logboek, checked by
`evaluatie controleer`), and ranking and allocation follow the drawn order.
"""

import datetime as dt
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict

from evaluatie.besluiten.model import Intrekking
from evaluatie.fouten import Fout, InvoerFout
from evaluatie.onzichtbaar import storend_in_optie

BESTAND = "loting.yaml"


class Loting(BaseModel):
    """One recorded draw: the order of the tied bidders of one lot. Its premise is the tie itself:
    exactly these bidders share a rank; if that set changes the draw is stale: not applied, an open point.
    A withdrawn draw stays in the file with its withdrawal and is no longer applied."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    perceel: str
    volgorde: tuple[str, ...]
    datum: dt.date
    getuige: str
    door: str  # who decided to hold the draw and records it: "naam, functie", as every decision
    reden: str  # why: the motivation, as every decision
    id: str = ""  # L1, L2, ... (files written before ids: numbered by position when read)
    ingetrokken: Intrekking | None = None

    @property
    def geldig(self) -> bool:
        return self.ingetrokken is None

    def beschrijving(self) -> str:
        """'op 20 juni 2021 door loting bepaald, in aanwezigheid van J. Jansen, notaris (loting gehouden op besluit
        van S. Jansen, inkoopadviseur)': the draw, its witness and who decided it, as every decision names who."""
        from evaluatie.tekst import datum

        return (
            f"op {datum(self.datum)} door loting bepaald, in aanwezigheid van {self.getuige} (loting gehouden op "
            f"besluit van {self.door})"
        )

    def motivering(self) -> str:
        """'Motivering van loting L1: ...': the reason recorded with the draw, a sentence of its own."""
        t = self.reden.strip()
        return f"Motivering van loting {self.id}: {t if t.endswith(('.', '!', '?')) else t + '.'}"


class Gelijkestand(BaseModel):
    """Bidders sharing a rank with no rule left to separate them."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    perceel: str
    rang: int
    inschrijvers: tuple[str, ...]  # alphabetical: the display order, which decides nothing
    beslissend: bool  # the order changes who is awarded or how many inburgeraars each gets

    def commando(self) -> str:
        volgorde = ";".join(self.inschrijvers)
        return (
            f'evaluatie loting --lots {self.perceel} --volgorde "{volgorde}" '
            '--datum JJJJ-MM-DD --getuige "naam, functie" --door "naam, functie" --reden "..."'
        )


@dataclass
class Bekend:
    """What a draw in force may name: the tender's lots, the bids read and the bidders whose withdrawal is recorded;
    `beoordeeld` gives the names in the reviewer forms (read only when a name is none of those): a bid taken out of
    inschrijvingen/ before its withdrawal is recorded is still a bidder there, and its draw is stale, not misspelt
    (`evaluatie terugtrekking` must stay possible)."""

    percelen: Collection[str]
    inschrijvers: Sequence[str]
    beoordeeld: Callable[[], Sequence[str]] = lambda: ()
    _gelezen: list[str] | None = field(default=None, init=False)

    def inschrijver(self, naam: str) -> bool:
        """Exactly as written: `evaluatie loting` records the name as the bid has it, so 'x' for X is not X."""
        if naam in self.inschrijvers:
            return True
        if self._gelezen is None:
            self._gelezen = list(self.beoordeeld())
        return naam in self._gelezen


def lees_lotingen(pad: Path, bekend: Bekend | None = None) -> tuple[Loting, ...]:
    """Read loting.yaml; every problem is reported with its place. A missing file means no draws. With `bekend`, a
    draw in force naming a lot or bidder the tender does not have is one of the file's problems (it used to surface
    only after them, as a stale draw or an error of the award)."""
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
            fouten.append(Fout(plaats, "verwacht perceel, volgorde, datum, getuige, door en reden"))
            continue
        problemen = _controleer(item, str(item.get("id") or f"L{i}"))
        if bekend is not None and not item.get("ingetrokken"):  # a withdrawn draw is on record, never applied
            problemen += _onbekend(item, str(item.get("id") or f"L{i}"), bekend)
        try:
            ingetrokken = Intrekking.model_validate(item["ingetrokken"]) if item.get("ingetrokken") else None
        except ValueError as e:
            problemen.append(f"ingetrokken: verwacht datum, door en reden ({e.__class__.__name__})")
        if problemen:  # every problem of this entry, not only the first: all errors come together
            fouten += [Fout(plaats, p) for p in problemen]
            continue
        uit.append(
            Loting(
                perceel=str(item["perceel"]),
                volgorde=tuple(str(n) for n in item["volgorde"]),
                datum=item["datum"],
                getuige=str(item["getuige"]).strip(),
                door=str(item["door"]).strip(),
                reden=str(item["reden"]).strip(),
                id=str(item.get("id") or f"L{i}"),
                ingetrokken=ingetrokken,
            )
        )
    if fouten:
        raise InvoerFout(fouten)
    return tuple(uit)


def _controleer(item: dict[str, Any], id_: str) -> list[str]:
    """Every problem of one entry, each naming its field: whoever repairs loting.yaml by hand (or finds an old one)
    sees all of them in one run, not one per run."""
    problemen = []
    ontbreekt = [k for k in ("perceel", "volgorde", "datum", "getuige") if k not in item]
    if ontbreekt:
        problemen.append(f"ontbreekt: {', '.join(ontbreekt)}")
    zonder = [k for k in ("door", "reden") if not str(item.get(k) or "").strip()]
    if zonder:
        problemen.append(_zonder_wie_of_waarom(item, id_, zonder))
    if "volgorde" in item:
        if not isinstance(item["volgorde"], list) or len(item["volgorde"]) < 2:
            problemen.append("volgorde: verwacht een lijst van minstens twee inschrijvers")
        elif len({str(n) for n in item["volgorde"]}) != len(item["volgorde"]):
            problemen.append("volgorde: een inschrijver staat er twee keer in")
    if "datum" in item and (not isinstance(item["datum"], dt.date) or isinstance(item["datum"], dt.datetime)):
        problemen.append(f"datum: verwacht een datum JJJJ-MM-DD, gevonden '{item['datum']}'")
    if "perceel" in item and not str(item["perceel"] or "").strip():  # `perceel:` left blank is None, not "None"
        problemen.append("perceel: verwacht de code van het perceel")
    if "getuige" in item and not str(item["getuige"] or "").strip():
        problemen.append("getuige: verwacht naam en functie van wie de loting bijwoonde")
    return problemen


def _onbekend(item: dict[str, Any], id_: str, bekend: Bekend) -> list[str]:
    """A lot or bidder of a draw in force that this tender does not have: `evaluatie loting` records neither, so the
    lot or the bid has left the tender since (or the file was edited by hand). Never applied, never left to the award
    to find."""
    from evaluatie.gemeentenamen import Namen

    uit = []
    perceel = str(item.get("perceel") or "").strip()
    percelen, inschrijvers = bekend.percelen, bekend.inschrijvers
    if perceel and perceel not in percelen:
        uit.append(
            f"perceel: '{perceel}' is geen perceel van deze aanbesteding (percelen: {', '.join(percelen)})"
            + f". Is loting {id_} zo vastgelegd en is dat perceel er sindsdien niet meer, trek haar dan in met "
            f"'evaluatie intrekken {id_}' en leg zo nodig een nieuwe loting vast"
        )
    volgorde = item.get("volgorde")
    for naam in (str(n) for n in volgorde) if isinstance(volgorde, list) else ():
        if not bekend.inschrijver(naam):
            dichtbij = Namen(inschrijvers).suggesties(naam)  # as `evaluatie loting` names them (besluiten.namen)
            hint = (
                f"bedoelt u {' of '.join(repr(d) for d in dichtbij)}?"
                if dichtbij
                else f"bekend: {', '.join(inschrijvers)}"
            )
            uit.append(
                f"volgorde: '{naam}' is geen inschrijver in deze aanbesteding ({hint}). Is die inschrijving sindsdien "
                "uit inschrijvingen/ gehaald omdat zij is teruggetrokken, leg dat dan vast met 'evaluatie "
                f'terugtrekking --inschrijver "{naam}" ...\'; is loting {id_} anders niet zo bedoeld, trek haar dan in '
                f"met 'evaluatie intrekken {id_}' en leg zo nodig een nieuwe loting vast"
            )
    return uit


def _zonder_wie_of_waarom(item: dict[str, Any], id_: str, zonder: list[str]) -> str:
    """A draw recorded before `evaluatie loting` asked who decided and why (or with either emptied): never read with a
    blank, which the advies and the letters would publish as the record. Said with the command that records it again;
    a withdrawn draw is kept in the dossier, not re-recorded."""
    velden = " en ".join(f"'{k}'" for k in zonder)
    wat = "wie besloot (door)" if zonder == ["door"] else "waarom (reden)" if zonder == ["reden"] else "wie en waarom"
    kop = (
        f"loting {id_} mist {velden}: iedere loting legt, zoals ieder besluit, vast {wat} "
        "(een loting.yaml van vóór die regel heeft ze niet); dit bestand is zo niet te gebruiken"
    )
    if item.get("ingetrokken"):
        return (
            f"{kop}. {id_} is ingetrokken: bewaar loting.yaml in het dossier, haal het uit de werkmap en leg de "
            "lotingen die nog gelden opnieuw vast met 'evaluatie loting'"
        )
    volgorde = ";".join(str(n) for n in item["volgorde"]) if isinstance(item.get("volgorde"), list) else "..."
    dag = item["datum"].isoformat() if isinstance(item.get("datum"), dt.date) else "JJJJ-MM-DD"
    return (
        f"{kop}. Bewaar loting.yaml in het dossier, haal het uit de werkmap en leg de loting opnieuw vast: "
        f'evaluatie loting --lots {str(item.get("perceel") or "").strip() or "PERCEEL"} --volgorde "{volgorde}" '
        f'--datum {dag} --getuige "{str(item.get("getuige") or "").strip() or "naam, functie"}" --door "naam, functie" '
        '--reden "..."'
    )


def als_yaml(lotingen: tuple[Loting, ...]) -> str:
    data = {
        "lotingen": [
            {
                "id": x.id,
                "perceel": x.perceel,
                "volgorde": list(x.volgorde),
                "datum": x.datum,
                "getuige": x.getuige,
                "door": x.door,
                "reden": x.reden,
            }
            | ({"ingetrokken": x.ingetrokken.model_dump()} if x.ingetrokken else {})
            for x in lotingen
        ]
    }
    kop = (
        "# Loting bij gelijke stand, vastgelegd met 'evaluatie loting'; intrekken met 'evaluatie intrekken ID'.\n"
        "# Niet met de hand wijzigen.\n"
    )
    return kop + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def schrijf_lotingen(pad: Path, lotingen: tuple[Loting, ...]) -> Path:
    """Write atomically: a half-written draw record must never replace a good one."""
    from evaluatie.schrijfwacht import schrijf_tekst

    return schrijf_tekst(pad, als_yaml(lotingen))


def controleer_getuige(getuige: str) -> str:
    """'mr. J. Notaris, notaris te Noord' -> itself; ValueError unless both a name and a capacity are given."""
    if (fout := storend_in_optie("--getuige", getuige)) is not None:
        raise ValueError(fout)
    naam, _, functie = getuige.partition(",")
    if len(naam.strip()) < 2 or len(functie.strip()) < 3 or not any(c.isalpha() for c in naam):
        raise ValueError(
            f"--getuige: geef naam en functie van wie de loting bijwoonde, gescheiden door een komma, bijvoorbeeld "
            f'"mr. J. Jansen, notaris" of "P. de Vries, medewerker Inkoop"; kreeg \'{getuige}\''
        )
    return f"{naam.strip()}, {functie.strip()}"


def later_ondertekend(dag: dt.date, perceel: str, namen: Sequence[str], formulieren: Sequence[Any]) -> list[Any]:
    """The reviewer forms (beoordeling.model.Beoordelingsformulier) that score one of `namen` in `perceel` and are
    signed after `dag`. A draw of that day ordered totals made of their scores: they did not exist yet, or the prices
    (the ranking) were known when the form was signed, which the two-envelope method excludes."""
    return [
        f
        for f in formulieren
        if f.datum > dag and any(s.perceel == perceel and s.inschrijver in namen for s in f.scores)
    ]


def controleer_lotingdatum(datum_: dt.date, sluiting: dt.date, brieven: dt.date, vandaag: dt.date) -> None:
    """A draw is held after the closing date, not after the letters' date and not in the future."""
    if datum_ > vandaag:
        raise ValueError(f"--datum: {datum_.isoformat()} ligt in de toekomst (vandaag is {vandaag.isoformat()})")
    if datum_ <= sluiting:
        raise ValueError(
            f"--datum: {datum_.isoformat()} ligt niet na de sluiting van de inschrijving ({sluiting.isoformat()})"
        )
    if datum_ > brieven:
        raise ValueError(
            f"--datum: {datum_.isoformat()} ligt na de datum van de brieven ({brieven.isoformat()}); de brieven "
            "kunnen geen loting noemen die later plaatsvond (pas zo nodig data.verzending aan)"
        )
