"""One form for a name people typed, before it is compared and before it becomes a file name.

The same bidder name can reach us as different strings that look identical on paper: composed
(NFC, 'é' as one character) or decomposed (NFD, 'e' + accent), with a non-breaking or double
space, in another case. `vorm` gives the one stored form (NFC, whitespace folded to single
spaces, trimmed); `sleutel` also folds case, and is what names are compared by.
"""

from __future__ import annotations

import re
import unicodedata

_WIT = re.compile(r"\s+")


def vorm(naam: str) -> str:
    """NFC with every run of whitespace (also non-breaking spaces) as one space, trimmed."""
    return _WIT.sub(" ", unicodedata.normalize("NFC", naam)).strip()


def sleutel(naam: str) -> str:
    """What two names are compared by: `vorm` and case folded ('Straße' == 'STRASSE')."""
    return unicodedata.normalize("NFC", vorm(naam).casefold())


# Letters of other scripts that print like a Latin letter (after case folding): the Cyrillic and Greek ones
# Unicode's confusables list (UTS #39) maps to a single Latin letter, lower case.
_LIJKT_OP = str.maketrans(
    {
        **dict.fromkeys("аα", "a"),
        "в": "b",
        "β": "b",
        "с": "c",
        "ϲ": "c",
        "ԁ": "d",
        **dict.fromkeys("еε", "e"),
        "һ": "h",
        "η": "n",
        **dict.fromkeys("іι", "i"),
        "ј": "j",
        **dict.fromkeys("кκ", "k"),
        "м": "m",
        "н": "h",
        **dict.fromkeys("оοσ", "o"),
        **dict.fromkeys("рρ", "p"),
        "ԛ": "q",
        "ѕ": "s",
        "т": "t",
        "τ": "t",
        **dict.fromkeys("уυ", "y"),
        "ν": "v",
        "ԝ": "w",
        **dict.fromkeys("хχ", "x"),
        "ӏ": "l",
    }
)


def lijkt(naam: str) -> str:
    """What a name looks like on paper: `sleutel` after NFKC (full-width 'Ｋ' is 'K') with Cyrillic and Greek
    letters that print as a Latin one replaced by it ('Кompas' with a Cyrillic К looks like 'Kompas').
    Only for finding two bidders a reader cannot tell apart; never stored or shown."""
    return sleutel(unicodedata.normalize("NFKC", vorm(naam)).casefold().translate(_LIJKT_OP))
