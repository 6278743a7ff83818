"""Certainty of admission by quality in an open-house lot (procedure: toelating) with a minimum quality.

An open house ranks no one, but where the lot demands a minimum quality score a reviewer decides admissions: one
reviewer left out, or a score at the margin, can admit a bid that was refused or refuse one that was admitted.
Two analyses in the style of the ranking lots': the admission again without each reviewer's scores in turn (only
the panel stage is recomputed, pipeline.Award.beoordeling_zonder, and the lot's knock-out with it), and per bid
scored how far its quality score lies above or below the minimum. A lot without a minimum quality admits on the
requirements alone, which no reviewer or score touches: nothing to analyse there.
"""

from __future__ import annotations

from typing import Literal

from evaluatie.fouten import EvaluatieFout
from evaluatie.toets.regels.minimum_kwaliteit import drempel
from evaluatie.zekerheid.model import Model


class Kwaliteitsscore(Model):
    inschrijver: str
    kwaliteit: float | None  # None: without the reviewer no score could be formed


class Toelatingsweglating(Model):
    """The lot's admissions without one reviewer's scores."""

    beoordelaar: str
    erbij: tuple[Kwaliteitsscore, ...]  # admitted without this reviewer, refused in the award
    eraf: tuple[Kwaliteitsscore, ...]  # refused without this reviewer, admitted in the award
    fouten: tuple[str, ...] = ()  # why no admission could be decided without this reviewer, in words


class Kwaliteitsmarge(Model):
    """A bid whose admission the quality decides: admitted, or refused on the minimum quality alone."""

    inschrijver: str
    toegelaten: bool
    kwaliteit: float
    verschil: float  # kwaliteit - minimum: at least 0 when admitted, below 0 when refused


class Toelatingszekerheid(Model):
    perceel: str
    soort: Literal["toelating"] = "toelating"
    minimum: float | None  # the minimum quality score; None: admitted on the requirements alone, nothing analysed
    toegelaten: tuple[str, ...]
    weglatingen: tuple[Toelatingsweglating, ...] = ()
    marges: tuple[Kwaliteitsmarge, ...] = ()


def minimum(aanbesteding, code: str) -> float | None:
    """The lot's minimum quality score as published, None without that rule."""
    return drempel(aanbesteding.percelen[code])


def _alleen_kwaliteit(toets, naam: str, code: str) -> bool:
    """Refused on the minimum quality and on nothing else: a better score would have admitted it."""
    r = toets.resultaat(naam, code)
    if r is None:
        return False
    gefaald = [b.regel for b in r.bevindingen if b.voldoet is False]
    return gefaald == ["minimum_kwaliteit"] and not r.ongewogen and not r.uitgesloten_bij_besluit


def _weglating(award, code: str, beoordelaar: str, zonder) -> Toelatingsweglating:
    from evaluatie.fouten import InvoerFout
    from evaluatie.gunning.uitvoeren import ontbrekende_scores

    basis = set(award.beoordeling.toets.toegelaten(code))
    try:
        if isinstance(zonder, EvaluatieFout):
            raise zonder
        nieuw = zonder.toets.toegelaten(code)
        ontbrekend = ontbrekende_scores(award.invoer.aanbesteding.percelen[code].naam, code, nieuw, zonder.panel)
        if ontbrekend:
            raise InvoerFout(ontbrekend)
    except EvaluatieFout as e:
        return Toelatingsweglating(beoordelaar=beoordelaar, erbij=(), eraf=(), fouten=tuple(e.meldingen))
    except InvoerFout as e:  # without this reviewer some row has no score at all: no admission, say so
        fouten = tuple(f.bericht for f in e.fouten)
        return Toelatingsweglating(beoordelaar=beoordelaar, erbij=(), eraf=(), fouten=fouten)
    kwaliteit = zonder.panel.kwaliteit.get(code, {})

    def score(naam: str) -> Kwaliteitsscore:
        return Kwaliteitsscore(inschrijver=naam, kwaliteit=kwaliteit.get(naam))

    return Toelatingsweglating(
        beoordelaar=beoordelaar,
        erbij=tuple(score(n) for n in sorted(set(nieuw) - basis)),
        eraf=tuple(score(n) for n in sorted(basis - set(nieuw))),
    )


def toelatingszekerheid(award, code: str, panelen) -> Toelatingszekerheid:
    """The admission analyses of open-house lot `code`; `panelen` is the panel stage per reviewer left out
    (weglaten.panelen_zonder), shared with the ranking lots."""
    grens = minimum(award.invoer.aanbesteding, code)
    toets = award.beoordeling.toets
    toegelaten = tuple(r.inschrijver for r in award.uitslag.percelen[code].rangorde)
    if grens is None:
        return Toelatingszekerheid(perceel=code, minimum=None, toegelaten=toegelaten)
    kwaliteit = award.beoordeling.panel.kwaliteit.get(code, {})
    namen = [r.inschrijver for r in toets.voor_perceel(code)]
    marges = [
        Kwaliteitsmarge(
            inschrijver=n,
            toegelaten=n in toegelaten,
            kwaliteit=kwaliteit[n],
            verschil=round(kwaliteit[n] - grens, 9),
        )
        for n in namen
        if n in kwaliteit and (n in toegelaten or _alleen_kwaliteit(toets, n, code))
    ]
    marges.sort(key=lambda m: (not m.toegelaten, abs(m.verschil), m.inschrijver))  # the closest calls first
    return Toelatingszekerheid(
        perceel=code,
        minimum=grens,
        toegelaten=toegelaten,
        weglatingen=tuple(_weglating(award, code, r, panelen[r]) for r in award.beoordeling.panel.beoordelaars),
        marges=tuple(marges),
    )
