"""PyYAML's syntax errors in Dutch, with the line (and column) where the parser stopped.

Why: PyYAML answers in English ("mapping values are not allowed here", with a '<unicode string>'
context). Every file evaluatie reads as YAML (aanbesteding.yaml, besluiten.yaml, loting.yaml) is
edited by people who read Dutch; the message says what is probably wrong and where.
"""

from __future__ import annotations

import re

import yaml

_PROBLEMEN = (
    (
        "mapping values are not allowed",
        "een dubbele punt op een plek waar dat niet kan; zet tekst met ': ' tussen "
        "aanhalingstekens, of controleer de inspringing",
    ),
    (
        "found unexpected end of stream",
        "het bestand houdt midden in een waarde op; een aanhalingsteken of haakje wordt niet gesloten",
    ),
    (
        "cannot start any token",
        "een teken waarmee geen waarde kan beginnen (een tab? YAML springt in met spaties; "
        "zet tekst die met @ of ` begint tussen aanhalingstekens)",
    ),
    ("expected ',' or ']'", "een lijst tussen [ ] wordt niet goed gesloten"),
    ("expected ',' or '}'", "een opsomming tussen { } wordt niet goed gesloten"),
    ("could not find expected ':'", "een sleutel zonder dubbele punt erachter"),
    ("expected <block end>", "de inspringing klopt niet: deze regel springt anders in dan de regels ervoor"),
    ("did not find expected key", "de inspringing klopt niet: hier verwacht de lezer een nieuwe sleutel"),
    ("did not find expected '-'", "de inspringing klopt niet: hier verwacht de lezer een nieuw lijstelement (-)"),
    (
        "expected the node content",
        "hier ontbreekt een waarde; een lijst [ of opsomming { wordt niet gesloten, of het bestand houdt te vroeg op",
    ),
    ("could not determine a constructor", "een onbekend type (!!...); schrijf gewone tekst, getallen en lijsten"),
    ("found undefined alias", "een verwijzing (*naam) naar een anker (&naam) dat niet bestaat"),
    ("found unknown escape character", "een onbekende \\-code in tekst tussen dubbele aanhalingstekens"),
    ("found unacceptable character", "een teken dat in YAML niet mag staan"),
    ("found duplicate anchor", "hetzelfde anker (&naam) staat er twee keer"),
    ("expected alphabetic or numeric character", "een anker of verwijzing zonder naam (& of * zonder letters)"),
)
_ALGEMEEN = "de opbouw klopt hier niet (inspringing, dubbele punt, aanhalingstekens of haakjes)"


def _sleutel_zonder_spatie(fout: yaml.YAMLError) -> tuple[str, str] | None:
    """'penvoerder:Gemeente Noord' (no space after the colon) is no key for YAML: the parser stops on the next line
    with 'could not find expected ':''. The line to mend is where the key began (the context mark), and what it
    lacks is the space, not the colon."""
    if "could not find expected ':'" not in str(getattr(fout, "problem", "") or ""):
        return None
    begin = getattr(fout, "context_mark", None)
    if begin is None:
        return None
    m = _ZONDER_SPATIE.fullmatch(_regel(begin, begin.line).rstrip())
    hint = (
        f"na de dubbele punt hoort een spatie ({m.group(1).strip()}: ..., niet {m.group(1).strip()}:...), of de "
        "dubbele punt ontbreekt"
        if m
        else "de dubbele punt ontbreekt (sleutel: waarde), of er staat geen spatie na"
    )
    return (
        f" (regel {begin.line + 1}, kolom {begin.column + 1})",
        f"geen geldige YAML: deze regel is geen sleutel met een waarde: {hint}",
    )


def _regel(mark: object, nummer: int) -> str:
    """Line `nummer` (0-based) of the text a mark points into; '' when the mark does not hold the text."""
    buffer = getattr(mark, "buffer", None)
    regels = buffer.split("\n") if isinstance(buffer, str) else []
    return regels[nummer] if 0 <= nummer < len(regels) else ""


_ZONDER_SPATIE = re.compile(r"\s*(?:-\s+)?([^:#'\"\s][^:#]*):(\S.*)")


def _vorige_regel_zonder_spatie(mark: object) -> str:
    """'- naam:Oost' is one text for YAML, and the parser stops a line later at 'subregio: A' ('mapping values are
    not allowed'), a correct line: a hint at the line before when it has a key with no space after its colon."""
    nummer = getattr(mark, "line", None)
    if not isinstance(nummer, int):
        return ""
    m = _ZONDER_SPATIE.fullmatch(_regel(mark, nummer - 1).rstrip())
    if m is None:
        return ""
    sleutel, waarde = m.group(1).strip(), m.group(2).strip()
    return (
        f"; staat op regel {nummer} een dubbele punt zonder spatie erna ({sleutel}:{waarde}, bedoeld: {sleutel}: "
        f"{waarde})?"
    )


def yaml_fout(fout: yaml.YAMLError) -> tuple[str, str]:
    """(' (regel 3, kolom 7)' or '', the reason in Dutch) for a PyYAML syntax error."""
    if (zonder_spatie := _sleutel_zonder_spatie(fout)) is not None:
        return zonder_spatie
    mark = getattr(fout, "problem_mark", None)
    waar = f" (regel {mark.line + 1}, kolom {mark.column + 1})" if mark is not None else ""
    probleem = str(getattr(fout, "problem", "") or "")
    if "mapping values are not allowed" in probleem and (hint := _vorige_regel_zonder_spatie(mark)):
        return waar, f"geen geldige YAML: een dubbele punt op een plek waar dat niet kan{hint}"
    for engels, nederlands in _PROBLEMEN:
        if engels in probleem:
            return waar, f"geen geldige YAML: {nederlands}"
    return waar, f"geen geldige YAML: {_ALGEMEEN}"
