"""Leave-one-reviewer-out: the whole award again without each reviewer's scores in turn."""

from __future__ import annotations

from evaluatie.fouten import EvaluatieFout
from evaluatie.zekerheid.model import Weglating


def _toewijzing(p) -> dict[tuple[str, str], int]:
    return {(t.gemeente, t.inschrijver): t.aantal for t in p.toewijzing}


def weglatingen(award, code: str, oplosser: str) -> list[Weglating]:
    from evaluatie.pipeline import gun

    basis = award.uitslag.percelen[code]
    basis_winnaar = basis.winnaars()[0] if basis.rangorde else None
    uit = []
    for beoordelaar in award.beoordeling.panel.beoordelaars:
        try:
            ander = gun(award.invoer.werkmap, code, oplosser, invoer=award.invoer, zonder=(beoordelaar,))
        except EvaluatieFout as e:
            uit.append(
                Weglating(
                    beoordelaar=beoordelaar,
                    winnaar=None,
                    winnaar_gelijk=False,
                    verdeling_gelijk=False,
                    verschuivingen=tuple(e.meldingen),
                )
            )
            continue
        p = ander.uitslag.percelen[code]
        winnaar = p.winnaars()[0] if p.rangorde else None
        oud, nieuw = _toewijzing(basis), _toewijzing(p)
        verschuivingen = []
        for sleutel in sorted(
            set(oud) | set(nieuw), key=lambda s: (list(award.invoer.aanbesteding.vraag(code)).index(s[0]), s[1])
        ):
            a, b = oud.get(sleutel, 0), nieuw.get(sleutel, 0)
            if a != b:
                verschuivingen.append(f"{sleutel[0]}: {sleutel[1]} {a} -> {b}")
        uit.append(
            Weglating(
                beoordelaar=beoordelaar,
                winnaar=winnaar,
                winnaar_gelijk=winnaar == basis_winnaar,
                verdeling_gelijk=not verschuivingen,
                verschuivingen=tuple(verschuivingen),
            )
        )
    return uit
