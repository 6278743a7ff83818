"""Everything the reports need, gathered once from the award, plus the rules in words."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from typing import Any

from evaluatie.beoordeling.model import Paneluitslag
from evaluatie.definitie.model import Aanbesteding
from evaluatie.definitie.wegingtekst import weging_tekst
from evaluatie.gunning.uitslag import Gunningsuitslag
from evaluatie.hashing import sha256_bytes
from evaluatie.inschrijving.model import Inschrijving
from evaluatie.prijs.basis import methode
from evaluatie.prijs.rangorde import zonder_werking_zin
from evaluatie.tekst import euro, getal
from evaluatie.toets.uitslag import Toetsuitslag


def tijdstempel() -> str:
    """Generation time, the one field that differs between runs; SOURCE_DATE_EPOCH (whole seconds since 1 January
    1970, UTC) fixes it. Any other value is an input error naming the variable, never read as something else."""
    bron = os.environ.get("SOURCE_DATE_EPOCH")
    if not bron:
        return dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    try:
        moment = dt.datetime.fromtimestamp(int(bron.strip()), dt.UTC)
    except (ValueError, OverflowError, OSError):
        from evaluatie.fouten import Fout, InvoerFout

        raise InvoerFout(
            [
                Fout(
                    "SOURCE_DATE_EPOCH",
                    "verwacht een geheel aantal seconden sinds 1 januari 1970 (UTC), bijvoorbeeld 1625130000 voor "
                    f"1 juli 2021 09:00 UTC; gevonden {bron!r}; laat de variabele leeg voor het tijdstip van de run",
                )
            ]
        ) from None
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC")


@dataclass
class Rapportgegevens:
    aanbesteding: Aanbesteding
    uitslag: Gunningsuitslag
    toets: Toetsuitslag
    panel: Paneluitslag
    inschrijvingen: list[Inschrijving]
    definitie_hash: str
    tijdstempel: str
    zekerheid: dict[str, str] = field(default_factory=dict)  # lot -> HTML section (robustness)
    procesverbaal: str = ""  # HTML section: record of the assessment (rapport/procesverbaal.py)
    # input path -> how the formal reports show it: a reviewer's form is named after the reviewer,
    # so the advies lists it as "Beoordelaar A" (its SHA-256 still identifies the exact file)
    invoernamen: dict[str, str] = field(default_factory=dict)
    open_punten: list[Any] = field(default_factory=list)  # besluiten.openpunten.Openpunt: the send gate
    besluiten: tuple[Any, ...] = ()  # every recorded decision (besluiten.yaml), withdrawn ones included
    besluiten_buiten: dict[str, str] = field(default_factory=dict)  # id -> 'betreft perceel B1-route, ...'
    lotingen: tuple[Any, ...] = ()  # every recorded draw (loting.yaml), withdrawn ones included
    opzij: list[str] = field(default_factory=list)  # panel rows set aside: bid not assessed (knock-out, withdrawn)
    verouderd: dict[str, str] = field(default_factory=dict)  # id -> what changed: stale, left out, an open point
    # where the court the letters name comes from, for the advies (rechtbank_herkomst): the YAML or the table
    rechtbank_herkomst: str = ""
    # (received, from): the letter answers a later application to an open house (evaluatie.contract.toetreding),
    # admitted from the second date; None for the award's own letters
    toetreding: tuple[dt.date, dt.date] | None = None
    # a later applicant to an open house with a minimum quality (contract.toetredingskwaliteit): the panel's size, the
    # day of its consensus, the quality score and the minimum, for the letter's sentence on who scored
    toetreding_panel: tuple[int, dt.date, float, float | None] | None = None

    def toegepast(self, besluit: Any) -> bool:
        """Applied in this award: not withdrawn and not stale (a stale decision is on record, never applied)."""
        return bool(besluit.geldig) and besluit.id not in self.verouderd

    def invoernaam(self, bestand: str) -> str:
        return self.invoernamen.get(bestand, bestand)

    @property
    def concept(self) -> bool:
        """A point is open (a tie awaits a draw, a decision or a sender detail is missing): the advies
        is a concept and no letters or gemeente pages go out."""
        return bool(self.uitslag.loting_nodig or self.open_punten)

    @classmethod
    def uit_award(cls, award, stempel: str | None = None) -> Rapportgegevens:
        from evaluatie.besluiten.toepassen import alle
        from evaluatie.rapport.besluitenlijst import buiten_deze_gunning
        from evaluatie.rapport.procesverbaal import procesverbaal_html

        definitie = json.dumps(award.invoer.definitie, sort_keys=True, ensure_ascii=False).encode()
        return cls(
            aanbesteding=_met_rechtbank(award.invoer.aanbesteding),
            rechtbank_herkomst=rechtbank_herkomst(award.invoer.aanbesteding),
            open_punten=list(getattr(award, "open_punten", [])),
            besluiten=alle(getattr(award.invoer, "besluiten", None)),
            besluiten_buiten=buiten_deze_gunning(award),
            lotingen=tuple(getattr(award.invoer, "alle_lotingen", ())),
            verouderd={v.id: v.wat for v in getattr(award.invoer, "verouderd", [])},
            opzij=list(getattr(award.beoordeling, "opzij", [])),
            uitslag=award.uitslag,
            toets=award.beoordeling.toets,
            panel=award.beoordeling.panel,
            inschrijvingen=award.invoer.inschrijvingen,
            definitie_hash=sha256_bytes(definitie),
            tijdstempel=stempel or tijdstempel(),
            invoernamen=_anonieme_formulieren(award),
            procesverbaal=procesverbaal_html(
                award.invoer.aanbesteding,
                award.beoordeling.formulieren,
                award.beoordeling.consensus,
                award.beoordeling.panel,
                list(award.uitslag.percelen),
                tuple(getattr(award.invoer, "alle_lotingen", ())),
            ),
        )


def rechtbank_herkomst(a: Aanbesteding) -> str:
    """Where the court of the letters comes from, as the end of a sentence in the advies: named in aanbesteding.yaml,
    or, where it is not, the rechtbank of the penvoerder's arrondissement from the table (_met_rechtbank), which
    nobody typed and so is said; '' when there is none (an open point)."""
    from evaluatie.besluiten.openpunten import leeg
    from evaluatie.besluiten.rechtbank import herkomst

    if not leeg(a.rechtsbescherming.rechtbank):
        return ", zoals aanbesteding.yaml opgeeft (rechtsbescherming.rechtbank)."
    h = herkomst(a.penvoerder)
    if h is None:
        return ""
    return (
        ". aanbesteding.yaml noemt geen rechtbank (rechtsbescherming.rechtbank), dus is het de rechtbank van het "
        f"arrondissement waarin de penvoerder ligt: {h}."
    )


def _met_rechtbank(a: Aanbesteding) -> Aanbesteding:
    """The court named in every letter: the YAML's, else the rechtbank of the penvoerder's arrondissement."""
    from evaluatie.besluiten.openpunten import leeg
    from evaluatie.besluiten.rechtbank import rechtbank_van

    if not leeg(a.rechtsbescherming.rechtbank):
        return a
    rechtbank = rechtbank_van(a.penvoerder)
    if rechtbank is None:
        return a  # an open point: the award stops at a concept (besluiten.openpunten)
    return a.model_copy(update={"rechtsbescherming": a.rechtsbescherming.model_copy(update={"rechtbank": rechtbank})})


def _anonieme_formulieren(award) -> dict[str, str]:
    from evaluatie.beoordeling.aanduiding import aanduidingen

    formulieren = award.beoordeling.formulieren
    labels = aanduidingen(award.invoer.aanbesteding.beoordelaars, [f.beoordelaar for f in formulieren])
    namen = {f"beoordelingen/{f.bestand}": f"beoordelingen: formulier van {labels[f.beoordelaar]}" for f in formulieren}
    for b in award.beoordeling.bestanden:  # a file not read (no lot scored): its name may be a reviewer's
        if b.aanduiding and b.bestand not in namen and b.bestand.startswith("beoordelingen/"):
            namen[b.bestand] = b.aanduiding
    return namen


def perceel_regels(g: Rapportgegevens, code: str, per_subregio_boven: int | None = None) -> list[str]:
    """The tender's rules for one lot, as applied, in plain Dutch. With more participating gemeenten than
    `per_subregio_boven` the demand is summed per subregio (a national lot would otherwise be a page of
    names); the caller says where every gemeente is listed."""
    p = g.aanbesteding.percelen[code]
    vraag = g.aanbesteding.vraag(code)
    if per_subregio_boven is not None and len(vraag) > per_subregio_boven:
        deelnemers = _vraag_per_subregio(g, vraag)
    else:
        deelnemers = (
            "Deelnemende gemeenten en verwachte inburgeraars per jaar: "
            + ", ".join(f"{gem} {getal(n, 0)}" for gem, n in vraag.items())
            + f" (totaal {getal(sum(vraag.values()), 0)})."
        )
    regels = [deelnemers, f"Plafondprijs {euro(p.plafondprijs)} per traject."]
    eisen = []
    for r in g.toets.voor_perceel(code)[:1]:
        eisen = [b.eis for b in r.bevindingen]
    if eisen:
        regels.append("Knock-outeisen: " + "; ".join(eisen) + ".")
    if (
        g.aanbesteding.percelen[code].procedure == "toelating"
    ):  # no award criteria, price method or ranking in an open house
        regels.append(
            "Verwachte verdeling: per gemeente naar verhouding van de capaciteit van de toegelaten aanbieders "
            "die haar bedienen; de inburgeraar of klantmanager kiest."
        )
        return regels
    regels.append(
        "Gunningscriteria: "
        + "; ".join(f"{c.naam} ({weging_tekst(p, c)})" for c in p.gunningscriteria)
        + f". Schaal: {p.schaal.beschrijving()}."
    )
    # the method's own sentence with this lot's numbers (weighting, maximum discount, fixed price): what the
    # systematiek published and the letters repeat, never the YAML code alone
    regels.append(methode(p.prijsmethode).beschrijving(p))
    werkzaam = methode(p.prijsmethode).werkzame_beslisregels(p)
    if werkzaam:
        regels.append(
            "Bij gelijke stand beslist: " + ", ".join(x.replace("_", " ") for x in werkzaam) + "; daarna loting."
        )
    else:
        regels.append("Bij gelijke stand: loting.")
    if (zonder := zonder_werking_zin(p)) is not None:  # a rule of the tender that cannot decide: said, not listed
        regels.append(zonder)
    regels.append(_verdeelregels(p))
    return regels


def _vraag_per_subregio(g: Rapportgegevens, vraag: dict[str, int]) -> str:
    """'Deelnemende gemeenten: 342 in 35 subregio's, samen 8.925 ...; per subregio: Subregio 01 10 gemeenten, 275'."""
    gemeenten: dict[str, int] = {}
    som: dict[str, int] = {}
    for gem, n in vraag.items():
        regio = g.aanbesteding.subregio_van(gem) or "zonder subregio"
        gemeenten[regio] = gemeenten.get(regio, 0) + 1
        som[regio] = som.get(regio, 0) + n
    regios = [r for r in som if r != "zonder subregio"]
    kop = (
        f"Deelnemende gemeenten: {getal(len(vraag), 0)}"
        + (f" in {len(regios)} subregio's" if regios else "")
        + f", samen {getal(sum(vraag.values()), 0)} verwachte inburgeraars per jaar"
    )
    if not regios:
        return kop + "."
    per = "; ".join(
        f"{r} {gemeenten[r]} {'gemeente' if gemeenten[r] == 1 else 'gemeenten'}, {getal(som[r], 0)}" for r in som
    )
    return f"{kop}; per subregio (aantal gemeenten, verwachte inburgeraars per jaar): {per}."


def _verdeelregels(p) -> str:
    from evaluatie.rapport.verdeelregeltekst import verdeelregel_zinnen

    return "Verdeelregels: " + "; ".join(verdeelregel_zinnen(p.verdeling)) + "."
