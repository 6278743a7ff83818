"""`--beoordelaars` of `evaluatie nieuw`: names separated by commas, or by semicolons when a name holds a comma.

'Jansen, A., De Vries, B.' (surname, initials: how a municipality writes its staff) was split at every comma into the
four reviewers 'Jansen', 'A.', 'De Vries' and 'B.', each with a form of their own (a.xlsx, b.xlsx), without a word.
With a semicolon in the option, only the semicolon separates ('Jansen, A.; De Vries, B.' is two reviewers); a 'name'
that is only initials is an error at the option that says how to write it.
"""

from __future__ import annotations

import re

from evaluatie.fouten import Fout

_VOORLETTERS = re.compile(r"(?:[^\W\d_](?:\.|\s+|$)\s*){1,4}")


def splits_beoordelaars(tekst: str | None) -> tuple[str, ...]:
    """'A. Jansen, B. de Vries' -> two names; 'Jansen, A.; De Vries, B.' -> two names (a semicolon separates)."""
    tekst = tekst or ""
    scheiding = ";" if ";" in tekst else ","
    return tuple(d.strip() for d in tekst.split(scheiding) if d.strip())


def voorletters(namen: tuple[str, ...], getypt: str | None) -> list[Fout]:
    """A reviewer 'name' of initials only ('A.', 'B.J.'): the comma of 'Jansen, A.' split one name in two."""
    losse = [n for n in namen if _VOORLETTERS.fullmatch(n)]
    if not losse:
        return []
    return [
        Fout(
            "--beoordelaars",
            f"{', '.join(repr(n) for n in losse)} {'is' if len(losse) == 1 else 'zijn'} voorletters, geen naam: een "
            f"komma scheidt twee beoordelaars, dus '{getypt}' werd {len(namen)} beoordelaars ({'; '.join(namen)}); "
            "schrijf de voorletters voor de naam ('A. Jansen, B. de Vries') of scheid de beoordelaars met ';' "
            "('Jansen, A.; De Vries, B.')",
        )
    ]
