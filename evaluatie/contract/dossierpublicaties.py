"""The publications of the quarterly reports, as the dossier's index names them.

Why: a quarterly report made again after the register changed for its quarter is a new publication that replaces the
earlier one (evaluatie.contract.publicatie); the reports of the earlier one are kept next to it as
contract/kwartaal/<kwartaal>-publicatie-N. The dossier copied both folders, but its index listed them as files
only: a reader years later (a gemeente, a supplier's lawyer) could not tell which report of a quarter was the one in
force, which it replaced and when each was made. The register knows that; the index says it, per publication, with
the folder that holds its reports (or that the werkmap holds none: never a folder guessed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from evaluatie.contract.publicatie import Publicatie, van_kwartaal
from evaluatie.contract.register import MAP
from evaluatie.tekst import datum

_KWARTAALMAP = f"{MAP}/kwartaal/"
_BEWAARD = re.compile(r"^(?P<kwartaal>.+)-publicatie-(?P<nummer>[1-9][0-9]*)$")


@dataclass(frozen=True)
class Regel:
    """One publication as the index lists it."""

    kwartaal: str  # '2026-K2'
    volgnummer: int
    peildatum: str  # ISO
    gemaakt: str  # ISO: the day its reports were made
    mappen: tuple[str, ...]  # the folders in the dossier that hold its reports (none: not in the werkmap)
    vervangen_door: int | None  # the number of the publication that replaced it; None: the one in force
    vervangen_op: str | None  # ISO: the day that one was made

    def als_json(self) -> dict[str, object]:
        return {
            "kwartaal": self.kwartaal,
            "publicatie": self.volgnummer,
            "peildatum": self.peildatum,
            "gemaakt": self.gemaakt,
            "mappen": list(self.mappen),
            "vervangen_door": self.vervangen_door,
        }


def _mappen(paden: list[str]) -> dict[tuple[str, int | None], list[str]]:
    """(quarter, publication number or None for the folder of the current one) -> the folders under contract/kwartaal
    among the dossier's documents. A folder is named as --kwartaal was typed ('2026-k2'): the quarter is read from it
    as the command reads it; a name that is no quarter is left out (it is listed with the documents)."""
    from evaluatie.contract.kwartaal import kwartaal_grenzen
    from evaluatie.contract.publicatie import kwartaalnaam
    from evaluatie.fouten import InvoerFout

    uit: dict[tuple[str, int | None], set[str]] = {}
    for pad in paden:
        if not pad.startswith(_KWARTAALMAP) or pad.count("/") < 3:
            continue
        naam = pad[len(_KWARTAALMAP) :].split("/", 1)[0]
        m = _BEWAARD.match(naam)
        basis, nummer = (m.group("kwartaal"), int(m.group("nummer"))) if m else (naam, None)
        try:
            eerste, _ = kwartaal_grenzen(basis)
        except InvoerFout:
            continue
        uit.setdefault((kwartaalnaam(eerste), nummer), set()).add(_KWARTAALMAP + naam)
    return {k: sorted(v) for k, v in uit.items()}


def regels(publicaties: list[Publicatie], paden: list[str]) -> list[Regel]:
    """Every recorded publication, by quarter and number, with its folders (`paden`: the dossier's documents)."""
    mappen = _mappen(paden)
    uit = []
    for kwartaal in sorted({p.kwartaal for p in publicaties}):
        reeks = van_kwartaal(publicaties, kwartaal)
        for i, p in enumerate(reeks):
            volgende = reeks[i + 1] if i + 1 < len(reeks) else None
            waar = mappen.get((kwartaal, p.volgnummer if volgende is not None else None), [])
            uit.append(
                Regel(
                    kwartaal,
                    p.volgnummer,
                    p.peildatum.isoformat(),
                    p.datum.isoformat(),
                    tuple(waar),
                    None if volgende is None else volgende.volgnummer,
                    None if volgende is None else volgende.datum.isoformat(),
                )
            )
    return uit


def als_html(lijst: list[Regel]) -> str:
    """The index's section ('' without a recorded publication)."""
    import datetime as dt

    if not lijst:
        return ""

    def d(iso: str) -> str:
        return escape(datum(dt.date.fromisoformat(iso)))

    rijen = []
    for r in lijst:
        mappen = ", ".join(f'<a href="{escape(m)}/">{escape(m)}</a>' for m in r.mappen) or "niet in de werkmap"
        status = (
            "geldt"
            if r.vervangen_door is None
            else f"vervangen door publicatie {r.vervangen_door} (gemaakt op {d(r.vervangen_op or r.gemaakt)})"
        )
        rijen.append(
            f'<tr><td>{escape(r.kwartaal)}</td><td class="n">{r.volgnummer}</td><td>{d(r.peildatum)}</td>'
            f"<td>{d(r.gemaakt)}</td><td>{mappen}</td><td>{status}</td></tr>"
        )
    return (
        "<h2>Publicaties van de kwartaalrapportages</h2><p>Het register legt vast wat iedere kwartaalrapportage "
        "publiceerde. Is de rapportage van een kwartaal opnieuw gemaakt nadat het register voor dat kwartaal was "
        "gewijzigd, dan is zij een nieuwe publicatie die de vorige vervangt en dat bovenaan zegt; de rapporten van de "
        "vorige publicatie blijven bewaard in de map met <code>-publicatie-</code> en haar nummer.</p>"
        '<table><thead><tr><th>kwartaal</th><th class="n">publicatie</th><th>peildatum</th><th>gemaakt op</th>'
        f"<th>rapporten</th><th>status</th></tr></thead><tbody>{''.join(rijen)}</tbody></table>"
    )
