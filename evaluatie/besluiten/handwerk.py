"""Decisions are recorded by a command, never by hand: besluiten.yaml and loting.yaml must be exactly
as the last decision command left them.

Every decision command logs the SHA-256 of the file it wrote (logboek.jsonl). Before an award is
written, the current files are compared with those hashes: a file changed outside the commands (an
outcome flipped, a reason rewritten, a draw reordered) would otherwise be applied silently, with the
name of the person who decided something else. It stops the run (exit 2) with what differs.
"""

from __future__ import annotations

from evaluatie.besluiten.register import BESTAND as BESLUITBESTAND
from evaluatie.fouten import Fout
from evaluatie.gunning.loting import BESTAND as LOTINGBESTAND
from evaluatie.hashing import sha256_bestand
from evaluatie.tekst import aantal
from evaluatie.werkmap import Werkmap

# the commands that write each file (evaluatie.besluiten.vastleggen.en_noteer and pipeline.loting log them)
SCHRIJVERS = {
    BESLUITBESTAND: ("herstel", "toelichting", "uitsluitingsgrond", "keurmerk", "terugtrekking", "intrekken"),
    LOTINGBESTAND: ("loting", "intrekken"),
}


def buiten_de_commandos(werkmap: Werkmap) -> list[Fout]:
    """One error per decision file that differs from what its last command wrote; [] when all match."""
    from evaluatie.logboek import lees

    bestaand = [(naam, c) for naam, c in SCHRIJVERS.items() if (werkmap.root / naam).is_file()]
    if not bestaand:  # no decision file: nothing to compare, and the logboek need not be read
        return []
    boek = lees(werkmap)
    fouten = []
    for naam, commandos in bestaand:
        pad = werkmap.root / naam
        nu = sha256_bestand(pad)
        vastgelegd = None
        for regel in reversed(boek.regels):
            if regel.get("commando") not in commandos:
                continue
            hashes = [
                b.get("sha256") for b in regel.get("invoer", []) if isinstance(b, dict) and b.get("bestand") == naam
            ]
            if hashes:
                vastgelegd = (regel, hashes[0])
                break
        if vastgelegd is not None and vastgelegd[1] == nu:
            continue
        if vastgelegd is None:
            wat = "is niet door een besluitcommando geschreven (logboek.jsonl noemt het bij geen enkel besluit)"
        else:
            regel, sha = vastgelegd
            wat = (
                f"is gewijzigd buiten de besluitcommando's om: sha256 is nu {nu[:12]}, na 'evaluatie "
                f"{regel['commando']}' van {regel.get('tijd', '?')} was het {str(sha)[:12]}"
            )
        if boek.beschadigd:
            n = str(len(boek.beschadigd))
            wat += f" ({aantal(n, 'beschadigde regel', 'beschadigde regels')} in logboek.jsonl overgeslagen)"
        fouten.append(
            Fout(
                naam,
                f"{wat}. Besluiten worden alleen met een commando vastgelegd of ingetrokken (evaluatie besluiten "
                "toont ze); zet het bestand terug zoals het laatst is vastgelegd, of trek het besluit in en leg het "
                "opnieuw vast",
            )
        )
    return fouten
