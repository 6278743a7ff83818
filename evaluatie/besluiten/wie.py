"""Who decided and why: the two texts every decision records (`--door`, `--reden`), checked the same way for every
decision command and for a draw (pipeline.leg_loting_vast), without importing the decision commands themselves."""

from __future__ import annotations

from evaluatie.besluiten.optiefouten import Optiefouten
from evaluatie.onzichtbaar import storend_in_optie


def controleer_door_en_reden(door: str, reden: str, fouten: Optiefouten) -> None:
    """Both checked, every error noted, none stops the others: a name and a capacity, a reason in a sentence, and no
    text the letters would print wrongly (an invisible or direction character)."""
    naam, komma, functie = door.partition(",")
    if not komma or len(naam.strip()) < 2 or not any(c.isalpha() for c in naam) or len(functie.strip()) < 3:
        # both parts: the record says who decided and in what capacity ("Jan," or ", inkoper" says neither)
        voorbeeld = '"J. Jansen, inkoopadviseur"'
        fouten.noteer("--door", f"--door: geef naam en functie, bijvoorbeeld {voorbeeld}; kreeg '{door}'")
    if len(reden.strip()) < 10:
        fouten.noteer("--reden", f"--reden: geef de motivering in een volledige zin; kreeg '{reden}'")
    for optie, tekst in (("--door", door), ("--reden", reden)):
        if (fout := storend_in_optie(optie, tekst)) is not None:
            fouten.noteer(optie, fout)
