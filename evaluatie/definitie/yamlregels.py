"""Strict YAML loading that remembers the line of every key, so errors can say 'regel 23'.

Strict means nothing is read as something other than what was typed:
- a key that appears twice in one mapping is an error naming both lines (PyYAML would let
  the second silently replace the first);
- anchors and aliases (&naam, *naam, <<) are allowed but bounded: expanding stops after
  MAX_KNOPEN values, so an alias bomb fails in milliseconds instead of hanging;
- an impossible date (2021-02-30) is an error at its path and line, not a traceback;
- .nan and .inf, a number written like Dutch thousands (10.000), an integer YAML 1.1 reads in another base
  (012 is octal 10, 0x0c, 1:20) and control characters in text are refused (evaluatie.getallen holds the
  number rule).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

import yaml

from evaluatie.definitie.yamlparser import lader
from evaluatie.getallen import yaml_getal_dubbelzinnig
from evaluatie.onzichtbaar import storend_teken

Pad = tuple[str | int, ...]

MAX_YAML_TEKENS = 2_000_000
"""A tender definition is a few kilobytes; past this it is not one (and would be slow to check)."""

MAX_KNOPEN = 200_000
"""Values after expanding aliases: the example has about 300; an alias bomb hits this in milliseconds."""


class _TeGroot(Exception):
    pass


_STUURTEKENS = {chr(i) for i in range(32) if chr(i) not in "\t\n\r"} | {"\x7f"}


@dataclass(frozen=True)
class YamlProbleem:
    pad: Pad
    regel: int
    bericht: str


class StrengeYamlFout(Exception):
    """The YAML text is readable but breaks a strictness rule; carries every problem found."""

    def __init__(self, problemen: list[YamlProbleem]):
        self.problemen = problemen
        super().__init__("; ".join(p.bericht for p in problemen))


def lees_streng(tekst: str) -> tuple[Any, dict[Pad, int], list[YamlProbleem]]:
    """Parse YAML text strictly; return the data, a map path -> 1-based line, and all problems.

    Syntax errors raise yaml.YAMLError as before. Dates are returned as ISO strings: the JSON
    Schema checks their format and pydantic parses them, so both see what the user typed.
    """
    problemen: list[YamlProbleem] = []
    if len(tekst) > MAX_YAML_TEKENS:
        return None, {}, [YamlProbleem((), 1, f"bestand is te groot (meer dan {MAX_YAML_TEKENS} tekens)")]
    loader = lader(tekst)(tekst)  # libyaml only for a checked bundled text (yamlparser)
    try:
        knoop = loader.get_single_node()
    finally:
        loader.dispose()
    regels: dict[Pad, int] = {}
    if knoop is None:
        return None, regels, problemen
    constructor = yaml.SafeLoader("")
    budget = [MAX_KNOPEN]
    if _uitgevouwen_omvang(knoop, {}, set()) > MAX_KNOPEN:
        return None, {}, [_te_groot()]

    def scalair(n: yaml.Node, pad: Pad) -> Any:
        regel = n.start_mark.line + 1
        try:
            waarde = constructor.construct_object(n, deep=True)
        except (ValueError, OverflowError) as e:
            soort = "datum" if n.tag.endswith(":timestamp") else "waarde"
            problemen.append(YamlProbleem(pad, regel, f"ongeldige {soort} '{n.value}' ({_reden(e)})"))
            return n.value
        if isinstance(waarde, dt.date | dt.datetime):
            return waarde.isoformat()
        if isinstance(waarde, int) and not isinstance(waarde, bool) and (bericht := _ander_grondtal(n, waarde)):
            problemen.append(YamlProbleem(pad, regel, bericht))
        if isinstance(waarde, float):
            if not math.isfinite(waarde):
                problemen.append(YamlProbleem(pad, regel, f"'{n.value}' is geen getal"))
            elif (bericht := yaml_getal_dubbelzinnig(str(n.value))) is not None:
                problemen.append(YamlProbleem(pad, regel, bericht))
        if isinstance(waarde, str) and any(t in _STUURTEKENS for t in waarde):
            problemen.append(YamlProbleem(pad, regel, "tekst bevat een stuurteken; haal het weg"))
        elif (
            isinstance(waarde, str)
            and not (waarde.isascii() and waarde.isprintable())  # the usual text: nothing to look for
            and (teken := storend_teken(waarde)) is not None
        ):
            # what a reviewer's motivation may not hold (evaluatie.onzichtbaar): a criterion named with a right-to-left
            # override printed backwards in every form and letter; a soft hyphen pasted from Word stays allowed
            problemen.append(
                YamlProbleem(
                    pad,
                    regel,
                    f"tekst bevat het onzichtbare teken {teken}, dat verandert wat een lezer ziet; haal het weg",
                )
            )
        return waarde

    def omzetten(n: yaml.Node, pad: Pad) -> Any:
        budget[0] -= 1
        if budget[0] < 0:
            raise _TeGroot
        regels.setdefault(pad, n.start_mark.line + 1)
        if isinstance(n, yaml.MappingNode):
            uit: dict[Any, Any] = {}
            samengevoegd: set[Any] = set()
            for sleutel_knoop, waarde_knoop in n.value:
                if sleutel_knoop.tag == "tag:yaml.org,2002:merge":
                    bronnen = waarde_knoop.value if isinstance(waarde_knoop, yaml.SequenceNode) else [waarde_knoop]
                    for bron in bronnen:
                        basis = omzetten(bron, pad)
                        if isinstance(basis, dict):
                            for k, v in basis.items():
                                if k not in uit:
                                    uit[k] = v
                                    samengevoegd.add(k)
                    continue
                sleutel = scalair(sleutel_knoop, pad) if isinstance(sleutel_knoop, yaml.ScalarNode) else None
                sleutel = sleutel if isinstance(sleutel, str) else str(sleutel)
                regel = sleutel_knoop.start_mark.line + 1
                if sleutel in uit and sleutel not in samengevoegd:
                    eerste = regels[(*pad, sleutel)]
                    waar = f"beide op regel {regel}" if eerste == regel else f"regel {eerste} en regel {regel}"
                    problemen.append(
                        YamlProbleem(
                            (*pad, sleutel),
                            regel,
                            f"'{sleutel}' staat twee keer in {pad_tekst(pad)} ({waar}); houd er één",
                        )
                    )
                    continue
                samengevoegd.discard(sleutel)
                regels[(*pad, sleutel)] = regel
                uit[sleutel] = omzetten(waarde_knoop, (*pad, sleutel))
            return uit
        if isinstance(n, yaml.SequenceNode):
            return [omzetten(item, (*pad, i)) for i, item in enumerate(n.value)]
        return scalair(n, pad)

    try:
        data = omzetten(knoop, ())
    except RecursionError:
        return None, {}, [YamlProbleem((), 1, "te diep genest")]
    except _TeGroot:
        return (
            None,
            {},
            [
                YamlProbleem(
                    (),
                    1,
                    f"meer dan {MAX_KNOPEN} waarden na het uitvouwen van aliassen (*naam); "
                    "schrijf de definitie zonder (geneste) aliassen",
                )
            ],
        )
    return data, regels, problemen


def _ander_grondtal(n: yaml.Node, waarde: int) -> str | None:
    """YAML 1.1 reads a plain integer with a leading zero as octal ('012' is 10), and '0x0c' and '1:20' (base 60,
    80) as well: numbers aligned with leading zeros changed in silence. A message for such a text, else None; a
    decimal integer, also with '_' between its digits (1_000) or a sign, is what was typed."""
    if not n.tag.endswith(":int") or getattr(n, "style", None) is not None:
        return None
    cijfers = str(n.value).replace("_", "").lstrip("+-")
    if cijfers == str(abs(waarde)):
        return None
    if cijfers.isdigit():
        # a number meant (012 for 12), or a text (a telephone number): say both ways, never only 'drop the zero'
        return (
            f"'{n.value}' leest YAML als het octale getal {waarde}; bedoelt u het getal {int(cijfers)}, schrijf het "
            f"dan zonder voorloopnul; is het tekst (zoals een telefoonnummer), zet het tussen aanhalingstekens: "
            f"'{n.value}'"
        )
    return f"'{n.value}' leest YAML als het getal {waarde}; schrijf het getal gewoon, in cijfers zonder voorloopnul"


def _te_groot() -> YamlProbleem:
    return YamlProbleem(
        (),
        1,
        f"meer dan {MAX_KNOPEN} waarden na het uitvouwen van aliassen (*naam); "
        "schrijf de definitie zonder (geneste) aliassen",
    )


def _uitgevouwen_omvang(n: yaml.Node, omvang: dict[int, int], bezig: set[int]) -> int:
    """Number of values once every alias is expanded, computed once per distinct node.

    Linear in the size of the text, so an alias bomb is measured, not expanded. A node that
    contains itself (a recursive alias) counts as too big.
    """
    if id(n) in omvang:
        return omvang[id(n)]
    if id(n) in bezig:
        return MAX_KNOPEN + 1
    bezig.add(id(n))
    totaal = 1
    if isinstance(n, yaml.MappingNode):
        for k, v in n.value:
            totaal += _uitgevouwen_omvang(k, omvang, bezig) + _uitgevouwen_omvang(v, omvang, bezig)
            if totaal > MAX_KNOPEN:
                break
    elif isinstance(n, yaml.SequenceNode):
        for item in n.value:
            totaal += _uitgevouwen_omvang(item, omvang, bezig)
            if totaal > MAX_KNOPEN:
                break
    bezig.discard(id(n))
    omvang[id(n)] = totaal
    return totaal


def _reden(e: Exception) -> str:
    tekst = str(e)
    vertaling = {
        "day is out of range for month": "die dag bestaat niet in die maand",
        "month must be in 1..12": "maand moet 1 tot 12 zijn",
    }
    return vertaling.get(tekst, tekst)


def laad_met_regels(tekst: str) -> tuple[Any, dict[Pad, int]]:
    """Strict parse; raises StrengeYamlFout when a strictness rule is broken."""
    data, regels, problemen = lees_streng(tekst)
    if problemen:
        raise StrengeYamlFout(problemen)
    return data, regels


def pad_tekst(pad: Pad) -> str:
    """Render a path the way an inkoper reads it: percelen.B1.plafondprijs, gemeenten[1].naam.

    List positions are 1-based (gemeenten[1] is the first gemeente).
    """
    delen: list[str] = []
    for stap in pad:
        if isinstance(stap, int):
            delen.append(f"[{stap + 1}]")
        else:
            delen.append(("." if delen else "") + stap)
    return "".join(delen) or "(hele bestand)"


def regel_van(regels: dict[Pad, int], pad: Pad) -> int | None:
    """Line of the deepest existing prefix of pad (a missing key points at its parent)."""
    for n in range(len(pad), -1, -1):
        if pad[:n] in regels:
            return regels[pad[:n]]
    return None
