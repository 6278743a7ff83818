"""Characters in a bidder's text that a reader does not see, or that change what a reader sees.

A bidder's name travels into every letter, the advies and the other bidders' letters. A zero-width
space makes "Kompas\u200b Inburgering" a different bidder that prints exactly like "Kompas
Inburgering"; a right-to-left override (U+202E) makes the text after it print backwards, so a
bidder could make its name read as someone else's. Neither has a place in a name, a contact or an
e-mail address, so such a text is refused at its cell, naming the character, never cleaned up in
silence (cleaning it would read the bid as something other than what was written).

Refused: control characters (Unicode category Cc, C0 and C1, DEL), format characters (Cf: zero-width
space and joiners, soft hyphen, byte order mark, the bidirectional embeddings, overrides and
isolates), the line and paragraph separators (Zl, Zp), and the letters and marks that print as nothing
or as a blank (the Hangul fillers, the grapheme joiner, the blank Braille pattern, a variation selector
after a letter).
"""

from __future__ import annotations

import unicodedata
from typing import Any, TextIO

_GEWEIGERD = frozenset({"Cc", "Cf", "Zl", "Zp"})
_BLANCO = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180f\u2800\u3164\uffa0")
"""Letters and marks of other categories that print as nothing or as a blank: the grapheme joiner, the Hangul fillers,
Khmer's inherent vowels, Mongolian's variation selectors and the blank Braille pattern (Unicode's default-ignorable
code points outside Cf, and U+2800). 'Kompas Inburgering' + U+3164 was a second bidder that printed as the first."""


def onzichtbaar_teken(tekst: str) -> str | None:
    """The first refused character as 'U+200B (ZERO WIDTH SPACE)', or None when there is none. A variation selector
    is allowed after a symbol (the heart of '❤️' is U+2764 U+FE0F), refused after anything else."""
    if tekst.isascii() and tekst.isprintable():  # the usual name: no character of ASCII but a control is refused
        return None
    vorige = ""
    for teken in tekst:
        # a variation selector chooses how the character before it is drawn (an emoji in colour); after a letter it
        # prints as nothing
        keuze = "\ufe00" <= teken <= "\ufe0f" or "\U000e0100" <= teken <= "\U000e01ef"
        if (
            unicodedata.category(teken) in _GEWEIGERD
            or teken in _BLANCO
            or (keuze and unicodedata.category(vorige or " ") != "So")
        ):
            naam = unicodedata.name(teken, "")
            return f"U+{ord(teken):04X}" + (f" ({naam})" if naam else "")
        vorige = teken
    return None


_RICHTING = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""The bidirectional embeddings, overrides and isolates: they make the text after them print in another order."""


def storend_teken(tekst: str) -> str | None:
    """For a free text (a reviewer's motivation, quoted in the letters): the first character that changes how the
    text prints, a bidirectional control or a control character other than line break, tab and carriage return.
    Softer invisibles (a soft hyphen, a zero-width space from a text pasted out of Word) stay allowed there: they
    change no word a reader sees, and refusing them would only make reviewers retype."""
    for teken in tekst:
        if teken in _RICHTING or (unicodedata.category(teken) == "Cc" and teken not in "\n\t\r"):
            naam = unicodedata.name(teken, "")
            return f"U+{ord(teken):04X}" + (f" ({naam})" if naam else "")
    return None


def bestandsnaam_fout(naam: str) -> str | None:
    """Why the name of a file read as input cannot stand in the advies and the logboek: a refused character (a bidder
    names the file it uploads; 'kompas' + U+202E + 'xslx.exe.xlsx' printed as another name); None when it can."""
    teken = onzichtbaar_teken(naam)
    if teken is None:
        return None
    return (
        f"de bestandsnaam bevat het onzichtbare teken {teken}, dat verandert hoe de naam wordt getoond (in het "
        "advies, het logboek en de meldingen); hernoem het bestand"
    )


def storend_in_optie(optie: str, tekst: str) -> str | None:
    """The error for a text typed with a decision ('--reden', '--door', '--getuige') that the letters and the advies
    quote: `storend_teken` as for a reviewer's motivation, named by its option; None when there is none."""
    teken = storend_teken(tekst)
    if teken is None:
        return None
    return (
        f"{optie}: de tekst bevat het onzichtbare teken {teken}, dat haar in de brieven en het advies anders laat "
        "afdrukken; haal het weg (typ de tekst opnieuw of plak hem als platte tekst)"
    )


def _geweigerd(teken: str) -> bool:
    return unicodedata.category(teken) in _GEWEIGERD and teken not in "\n\t"


def zichtbaar(tekst: str) -> str:
    """`tekst` for a terminal: every refused character except line break and tab as '<U+001B>'.

    Text from a cell or a file name reaches the terminal in error messages ("'...' is geen bedrag",
    "kompas.xlsx!..."). An escape character there is executed by the terminal, not shown: a bid could clear
    the screen, move the cursor up over the error count or colour a line "in orde" (ESC, also CSI U+009B
    as one character). Here it is shown as what it is."""
    if all(not _geweigerd(t) for t in tekst):
        return tekst
    return "".join(f"<U+{ord(t):04X}>" if _geweigerd(t) else t for t in tekst)


def json_veilig(document: str) -> str:
    """A JSON document with every refused character written as a JSON escape ('\\u001b'): the same value for a
    JSON reader, nothing a terminal executes. Raw non-ASCII characters occur in a JSON text only inside strings,
    where the escape means the same character; json.dumps escapes C0 controls itself but not DEL, C1 or U+2028."""
    if all(not _geweigerd(t) for t in document):
        return document
    return "".join(f"\\u{ord(t):04x}" if _geweigerd(t) else t for t in document)


class ZichtbareStroom:
    """A text stream that writes through `zichtbaar`; everything else is the wrapped stream's."""

    def __init__(self, stroom: TextIO) -> None:
        self._stroom = stroom

    def write(self, tekst: str) -> int:
        self._stroom.write(zichtbaar(tekst) if isinstance(tekst, str) else tekst)
        return len(tekst)

    @property
    def buffer(self) -> Any:
        """None of the wrapped stream's bytes: click would write to them past the filter."""
        raise AttributeError("buffer")

    def __getattr__(self, naam: str) -> Any:
        return getattr(self._stroom, naam)
