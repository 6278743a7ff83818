"""Characters in a bidder's text that a reader does not see, or that change what a reader sees.

A bidder's name travels into every letter, the advies and the other bidders' letters. A zero-width
space makes "Kompas\u200b Inburgering" a different bidder that prints exactly like "Kompas
Inburgering"; a right-to-left override (U+202E) makes the text after it print backwards, so a
bidder could make its name read as someone else's. Neither has a place in a name, a contact or an
e-mail address, so such a text is refused at its cell, naming the character, never cleaned up in
silence (cleaning it would read the bid as something other than what was written).

Refused: control characters (Unicode category Cc, C0 and C1, DEL), format characters (Cf: zero-width
space and joiners, soft hyphen, byte order mark, the bidirectional embeddings, overrides and
isolates) and the line and paragraph separators (Zl, Zp).
"""

from __future__ import annotations

import unicodedata

_GEWEIGERD = frozenset({"Cc", "Cf", "Zl", "Zp"})


def onzichtbaar_teken(tekst: str) -> str | None:
    """The first refused character as 'U+200B (ZERO WIDTH SPACE)', or None when there is none."""
    for teken in tekst:
        if unicodedata.category(teken) in _GEWEIGERD:
            naam = unicodedata.name(teken, "")
            return f"U+{ord(teken):04X}" + (f" ({naam})" if naam else "")
    return None
