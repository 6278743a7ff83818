"""Whether a reviewer's or the panel's toelichting motivates a score at all.

The letters cite the toelichting as the motivation of the score (art. 2.130 Aw 2012: the relevant reasons of the
decision). A cell that only fills the column ('-', '.', 'x', 'nvt', 'idem') passed as motivated: a losing bidder
read 'Beoordelaar A (score 75,00): .' as the reason the winner scored higher. Such a cell is read as no motivation.
So is a cell that only names a step of the scale ('goed'): it repeats the score and gives no reason for it, and a
consensus that only agrees ('akkoord', 'conform voorstel'): the advies quoted that as the panel's motivation.
The advies and the letters name the reviewers as Beoordelaar A, B, C only, so a toelichting that names a reviewer
cannot be quoted either (`noemt_beoordelaar`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection, Sequence

from evaluatie.naamvorm import sleutel, vorm

# what people type to fill a required cell, compared without case, spaces and punctuation
_OPVULLING = frozenset(
    {"x", "xx", "xxx", "nvt", "na", "idem", "ditto", "zieboven", "ziehierboven", "ok", "oke", "tbd", "volgt"}
    | {"idemdito", "akkoord", "conform", "conformvoorstel", "eens", "meeeens", "zievoorstel"}
)


def _letters(tekst: str) -> str:
    return re.sub(r"[\W\d_]", "", tekst).casefold()


def zonder_motivering(tekst: str, labels: Collection[str] = ()) -> bool:
    """True for a toelichting that gives no reason: fewer than two letters, a filler ('nvt', 'idem', 'akkoord'), or
    only one of `labels` (the steps of the lot's scale: 'Goed.', 'goed (75)')."""
    letters = _letters(tekst)
    return len(letters) < 2 or letters in _OPVULLING or _alleen_schaal(tekst, labels)


def _alleen_schaal(tekst: str, labels: Collection[str]) -> bool:
    return _letters(tekst) in _labelletters(tuple(labels))


@functools.cache
def _labelletters(labels: tuple[str, ...]) -> frozenset[str]:
    return frozenset(x for label in labels if (x := _letters(label)))


def melding(tekst: str, labels: Collection[str] = ()) -> str:
    waarom = ": zij noemt alleen een stap van de schaal" if _alleen_schaal(tekst, labels) else ""
    return (
        f"toelichting '{tekst}' motiveert de score niet{waarom}; de brief citeert haar als de motivering van de score: "
        "schrijf waarom het plan deze score krijgt"
    )


def noemt_beoordelaar(
    tekst: str, beoordelaars: Sequence[str], inschrijvers: Sequence[str] = ()
) -> tuple[str, str] | None:
    """(reviewer, the words found) when `tekst` names a reviewer: the whole name in any case ('joost de ridder'), or
    a part of it of three letters or more as written in the tender, capital and all, as a word of its own ('Mehmet',
    'Verbeek'); else None. A part in another case ('sterk' for a reviewer Sterk) is taken for the word it also is,
    and a part that is also a word of a bidder's name ('Brug' of 'Taalhuis De Brug') for that bidder."""
    gevonden = vorm(tekst)
    naam_of_deel = _naampatroon(tuple(beoordelaars))
    if naam_of_deel is None or not naam_of_deel.search(gevonden):
        return None  # no name and no part of one anywhere: the usual case, one search (issue #24: 13 ms in the example)
    bieders = {w for n in inschrijvers for w in re.findall(r"\w+", vorm(n))}
    for naam in beoordelaars:
        m = re.search(rf"(?<!\w){re.escape(vorm(naam))}(?!\w)", gevonden, re.IGNORECASE)
        if m:
            return naam, m.group(0)
    for naam in beoordelaars:
        for deel in vorm(naam).split(" "):
            if (
                len(_letters(deel)) >= 3
                and deel[0].isupper()
                and deel not in bieders
                and re.search(rf"(?<!\w){re.escape(deel)}(?!\w)", gevonden)
            ):
                return naam, deel
    return None


@functools.cache
def _naampatroon(beoordelaars: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern that matches wherever `noemt_beoordelaar` could find something: a whole name in any case, or a part
    of three letters or more as written. Only a filter: where it matches, the loop above decides, in its own order."""
    delen = [vorm(n) for n in beoordelaars]
    delen += [d for n in beoordelaars for d in vorm(n).split(" ") if len(_letters(d)) >= 3 and d[:1].isupper()]
    if not delen:
        return None
    return re.compile("|".join(rf"(?<!\w){re.escape(d)}(?!\w)" for d in delen), re.IGNORECASE)


def noemt_melding(naam: str, woorden: str, tekst: str = "") -> str:
    """What the panel reads when `noemt_beoordelaar` found `woorden` in `tekst`.

    A part of a name found only at the start of a sentence ('Sterk plan, goede aansluiting' beside a reviewer J. Sterk)
    is not certain: there every word has a capital, and whether 'Sterk' names her or is the word 'sterk' takes a
    reader ('Sterk vindt het plan zwak' names her, and no rule on the words around it tells the two apart safely).
    The cell stays an error, a name in a letter cannot be undone, and the message says so and how to go on: a name
    is taken out, an ordinary word is written where it has its small letter, which the check reads as that word."""
    uitleg = (
        "het advies en de brieven noemen de beoordelaars niet bij naam (Beoordelaar A, B, C) en citeren de toelichting "
        "letterlijk"
    )
    if tekst and " " not in woorden and sleutel(woorden) != sleutel(naam) and alleen_aan_zinsbegin(tekst, woorden):
        return (
            f"de toelichting begint een zin met '{woorden}', een deel van de naam van beoordelaar {naam}; {uitleg}. "
            f"Aan het begin van een zin is niet te zien of '{woorden}' de naam is of het gewone woord "
            f"'{woorden.lower()}': noemt de zin de beoordelaar, laat de naam dan weg; is het het gewone woord, "
            f"schrijf de zin zo dat '{woorden.lower()}' er niet vooraan staat (bijvoorbeeld 'Een {woorden.lower()} "
            "...'), dan leest evaluatie het met de kleine letter als dat woord"
        )
    return f"de toelichting noemt beoordelaar {naam} ('{woorden}'); {uitleg}: schrijf haar zonder namen van " + (
        "beoordelaars"
    )


# a word ending in a full stop that does not end a sentence: an initial ('J.') or a title before a name
_TITELS = frozenset({"dhr", "hr", "mw", "mevr", "mr", "dr", "drs", "ir", "ing", "prof", "ds"})
_ZINSBEGIN = re.compile(r"(?:^|[.!?;:]\s+|\n)[\s\-–•*(\"'‘“]*$")


def alleen_aan_zinsbegin(tekst: str, deel: str) -> bool:
    """Whether every place `deel` stands in `tekst` as a word of its own is the start of a sentence: the start of the
    text or of a line, or after '.', '!', '?', ';' or ':' (a bullet, dash, bracket or quote between them allowed),
    but not after an initial ('J. Sterk') or a title ('Mw. Sterk'), which name a person."""
    gevonden = unicodedata.normalize("NFC", tekst)  # as `vorm`, but a line break stays one
    plekken = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(deel)}(?!\w)", gevonden)]
    return bool(plekken) and all(_zinsbegin(gevonden[:i]) for i in plekken)


def _zinsbegin(ervoor: str) -> bool:
    if not _ZINSBEGIN.search(ervoor):
        return False
    m = re.search(r"(\w+)\.\s+[\s\-–•*(\"'‘“]*$", ervoor)
    return m is None or (len(m.group(1)) > 1 and m.group(1).casefold() not in _TITELS)


_SCORE_WOORD = re.compile(r"\bscore", re.IGNORECASE)
_SCORE = r"\bscore\s*(?:is\s+|van\s+|op\s+|:\s*|=\s*)?['\"‘“]?"


def noemt_andere_score(tekst: str, stappen: Sequence[tuple[str, float]], gekozen: int) -> str | None:
    """The step the toelichting names as the score ('de score goed', 'score: 75') when it names steps that way and
    not the chosen one (`gekozen`: index in `stappen`, each (label or '', points)); else None. The letter quotes the
    toelichting beside the chosen score, so 'de score goed is passend' under 'uw score 50,00' contradicts itself."""
    from evaluatie.tekst import kort

    if not _SCORE_WOORD.search(tekst):
        return None  # every pattern below starts with the word 'score' (issue #24: 10 ms in the example)
    genoemd: list[int] = []
    for i, patronen in enumerate(_stappatronen(tuple(stappen))):
        if any(not _ontkend(tekst, m) for patroon in patronen for m in patroon.finditer(tekst)):
            genoemd.append(i)
    if not genoemd or gekozen in genoemd:
        return None
    label, punten = stappen[genoemd[0]]
    woord = label if label and re.search(_SCORE + re.escape(label), tekst, re.IGNORECASE) else kort(punten)
    return woord


@functools.cache
def _stappatronen(stappen: tuple[tuple[str, float], ...]) -> tuple[tuple[re.Pattern[str], ...], ...]:
    """Per step, the patterns of 'score <label>' and 'score <points>', compiled once per scale (issue #24: the national
    bench has 3.000 toelichtingen that name the word score)."""
    from evaluatie.tekst import kort

    return tuple(
        tuple(
            re.compile(_SCORE + re.escape(woord) + r"(?:,0+)?(?!\w)(?!,\d)", re.IGNORECASE)
            for woord in (label, kort(punten))
            if woord
        )
        for label, punten in stappen
    )


def _ontkend(tekst: str, m: re.Match[str]) -> bool:
    """'geen score uitstekend', 'de score goed zou te hoog zijn': a step named to say why the plan did not get it."""
    voor = re.findall(r"\w+", tekst[max(0, m.start() - 30) : m.start()].casefold())[-3:]
    na = " ".join(re.findall(r"\w+", tekst[m.end() : m.end() + 40].casefold())[:4])
    return bool({"geen", "niet", "nooit"} & set(voor)) or bool(re.search(r"\bte (hoog|laag|veel|weinig)\b", na))


def andere_score_melding(genoemd: str, gekozen: str, cel: str) -> str:
    return (
        f"de toelichting noemt de score '{genoemd}', maar de gekozen score is '{gekozen}' ({cel}); de brief citeert "
        "haar bij die score: pas de score of de toelichting aan"
    )
