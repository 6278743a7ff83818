"""Corrections of manifest errors applied at intake: the bidder's file is read, never changed.

Each correction names file, sheet, cell, the value as the bidder wrote it and the corrected
value. Intake replaces the cell's value in the sheet as read, then validates as usual, so a
correction can only make a bid say what the form allows. The file's hash and the old value are
the premise: if either differs from what was recorded, the correction is stale: not applied, an open point.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from evaluatie.besluiten.model import Herstel
from evaluatie.besluiten.verouderd import Verouderd
from evaluatie.fouten import Fout, Verzamelaar
from evaluatie.tekst import datum
from evaluatie.werkboek import Tabblad, als_tekst

_CEL = re.compile(r"^([A-Z]{1,3})([1-9][0-9]{0,6})$")


def cel_positie(cel: str) -> tuple[int, int] | None:
    """'B3' -> (2, 1): 0-based row and column; None when not a cell name."""
    m = _CEL.match(cel.strip().upper())
    if not m:
        return None
    kolom = 0
    for letter in m.group(1):
        kolom = kolom * 26 + ord(letter) - 64
    return int(m.group(2)) - 1, kolom - 1


def huidige_waarde(tabbladen: dict[str, Tabblad], blad: str, cel: str) -> str | None:
    """The cell's value as text, '' for an empty cell; None when sheet or cell does not exist."""
    t = tabbladen.get(blad)
    pos = cel_positie(cel)
    if t is None or pos is None:
        return None
    return als_tekst(t.waarde(*pos))


def pas_herstel_toe(
    herstellingen: Sequence[Herstel],
    bestand: str,
    sha256: str,
    tabbladen: dict[str, Tabblad],
    fouten: Verzamelaar,
    verouderd: list[Verouderd] | None = None,
    toegepast: list[Herstel] | None = None,
) -> list[str]:
    """Apply the valid corrections of one bid file in place; returns the intake notes saying so (and adds the
    corrections applied to `toegepast`). A stale correction is never applied: the cell is read as the file has it.
    With `verouderd` it is added there (an open point of the award); without, it is an error at its place in
    besluiten.yaml."""
    notities = []
    for h in herstellingen:
        if h.bestand != bestand or not h.geldig:
            continue
        wat = _premisse_weg(h, sha256, tabbladen)
        if wat is not None:
            weg = herstel_verouderd(h, wat)
            if verouderd is None:
                fouten.voeg_toe(weg.fout().plaats, weg.fout().bericht)
            else:
                verouderd.append(weg)
            continue
        rij, kolom = cel_positie(h.cel) or (0, 0)
        t = tabbladen[h.blad]
        while len(t.rijen) <= rij:
            t.rijen.append([])
        while len(t.rijen[rij]) <= kolom:
            t.rijen[rij].append("")
        t.rijen[rij][kolom] = h.nieuw
        if toegepast is not None:
            toegepast.append(h)
        notities.append(
            f"{bestand}!{h.blad}!{h.cel}: hersteld volgens besluit {h.id} ('{h.oud}' wordt '{h.nieuw}'; kennelijke "
            f"fout, verduidelijking ontvangen op {datum(h.verduidelijking)}); het bestand zelf is niet gewijzigd"
        )
    return notities


def _premisse_weg(h: Herstel, sha256: str, tabbladen: dict[str, Tabblad]) -> str | None:
    """What changed since the correction was recorded (the file, or the cell), or None: it still applies."""
    nu = huidige_waarde(tabbladen, h.blad, h.cel)
    if h.sha256 != sha256:
        # the cell as it reads now says what changed where it matters: still the slip (the correction could be
        # recorded again on this file), or another value
        if nu is None:
            cel = f"tabblad '{h.blad}' of cel {h.cel} bestaat niet meer"
        elif nu == h.oud:
            cel = f"de cel {h.cel} bevat nog '{nu}', zoals het herstel aannam"
        else:
            cel = f"de cel {h.cel} bevat nu '{nu}', het herstel ging uit van '{h.oud}'"
        return (
            "het bestand van de inschrijver is gewijzigd sinds het herstel is vastgelegd "
            f"(sha256 was {h.sha256[:12]}..., is {sha256[:12]}...); {cel}"
        )
    if nu is None:
        return f"tabblad '{h.blad}' of cel {h.cel} bestaat niet"
    if nu != h.oud:
        return f"de cel bevat '{nu}', het herstel ging uit van '{h.oud}'"
    return None


def noem_herstel(fouten: Verzamelaar, vanaf: int, toegepast: Sequence[Herstel]) -> None:
    """An error about a corrected cell (from index `vanaf` on) names the correction and what the file holds: it
    quotes the value as corrected, which the bidder's file does not show (the tender changed, say, and the corrected
    value is no longer valid)."""
    per_cel = {f"{h.bestand}!{h.blad}!{h.cel}": h for h in toegepast}
    for i, f in enumerate(fouten.fouten[vanaf:], start=vanaf):
        if (h := per_cel.get(f.plaats)) is not None:
            fouten.fouten[i] = Fout(
                f.plaats,
                f"{f.bericht} (de cel is gelezen zoals besluit {h.id} haar herstelde; in het bestand staat '{h.oud}')",
            )


def herstel_verouderd(h: Herstel, wat: str) -> Verouderd:
    """The correction as a stale decision: the cell counts as the bidder's file has it."""
    gevolg = " (de cel telt zoals het bestand haar geeft)"
    return Verouderd(h.id, wat, onderwerp=f"herstel {h.bestand}!{h.blad}!{h.cel}", gevolg=gevolg)


def herstel_zin(h: Herstel) -> str:
    """One line for the advies."""
    return (
        f"{h.id}: {h.bestand}, tabblad {h.blad}, cel {h.cel}: '{h.oud}' is gelezen als '{h.nieuw}'. "
        f"Reden: {h.reden.strip().rstrip('.')}. "
        f"Verduidelijking ontvangen op {datum(h.verduidelijking)}; besloten op {datum(h.datum)} door {h.door}."
    )
