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
