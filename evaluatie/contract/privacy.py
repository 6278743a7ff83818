"""Privacy by design at intake: only a pseudonymous client number may enter the register.

Why refuse instead of strip: a file with a BSN, a name or a date of birth should not have left the
gemeente's system at all; the klantmanager must export again without it. So a column is refused with
its place (file, sheet, cell) as soon as one value in it passes the BSN eleven-test, looks like a
person's name, or is a date of birth (by its header or by dates long before the contract).
"""

from __future__ import annotations

import datetime as dt
import re

BSN_KOPPEN = frozenset({"bsn", "burgerservicenummer", "sofinummer", "sofi-nummer", "bsn-nummer"})
NAAM_KOPPEN = frozenset(
    {
        "naam",
        "voornaam",
        "voornamen",
        "achternaam",
        "roepnaam",
        "voorletters",
        "tussenvoegsel",
        "geslachtsnaam",
        "volledige naam",
        "naam inburgeraar",
        "naam klant",
        "klantnaam",
    }
)
GEBOORTE_KOPPEN = frozenset({"geboortedatum", "geb.datum", "geb. datum", "geboren", "geboortejaar", "gebdatum", "dob"})

_CIJFERS = re.compile(r"^\d{8,9}$")
# a number in groups of three ('12.345.611', '12 345 611'): how people and number formats write a long number, never
# a date ('03-02-2022', '03.02.2022'); eight digits so written are a BSN that lost its leading zero
_DUIZENDTALLEN = re.compile(r"^\d{1,3}(?:[ .\u00a0]\d{3})+$")
_BSN_WOORD = re.compile(r"(?<![a-z])(?:bsn|burgerservicenummer|sofinummer|sofi-nummer)(?![a-z])")
_SCHEIDING = str.maketrans("", "", " .-\u00a0")
_HOOFD = "A-ZÀ-ÖØ-Þ"
_KLEIN = "a-zß-öø-ÿ"
_NAAM = re.compile(
    rf"^(?:[{_HOOFD}]\.\s*)+(?:[{_KLEIN}']{{1,4}}\s+)*[{_HOOFD}][{_KLEIN}'\-]+$"  # J. de Vries, A.B. Smit
    rf"|^[{_HOOFD}][{_KLEIN}'\-]+(?:\s+(?:[{_KLEIN}']{{1,4}}\s+)*[{_HOOFD}][{_KLEIN}'\-]+)+$"  # Fatima el Amrani
    rf"|^[{_HOOFD}][{_KLEIN}'\-]+,\s*[{_HOOFD}]"  # Jansen, Piet
)


def elfproef(waarde: str) -> bool:
    """True when `waarde` is 8 or 9 digits passing the BSN eleven-test (weights 9..2 and -1).

    An 8-digit value is read with a leading zero, as a BSN that lost it in a spreadsheet."""
    t = waarde.strip()
    if t.endswith(".0"):
        t = t[:-2]
    if len(t) > 13 or not t[:1].isdigit():
        return False  # fast path: most cells (names of gemeenten, events, suppliers) end here
    zonder = t.translate(_SCHEIDING)  # '123.456.782', '1234 56 782': a BSN as people write it is still a BSN
    if zonder != t:
        # 8 digits with separators is a date ('03-02-2022'), not a BSN, unless written in groups of three
        if len(zonder) != 9 and not (len(zonder) == 8 and _DUIZENDTALLEN.match(t)):
            return False
        t = zonder
    if not _CIJFERS.match(t):
        return False
    t = t.zfill(9)
    if t == "000000000":
        return False
    som = sum(int(c) * w for c, w in zip(t[:8], range(9, 1, -1), strict=True)) - int(t[8])
    return som % 11 == 0


# a number inside a text ('BSN 123456782', 'klant 123.456.782 belde'): digit groups joined by one space or dot, not
# glued to a letter, digit or hyphen on either side - so a pseudonym such as K123456782 or K-2023-0042 is no BSN
_GETAL_IN_TEKST = re.compile(r"(?<![\w\-.])\d+(?:[ .\u00a0]\d+)*(?![\w\-])")
_GEEN_CIJFERS = str.maketrans("", "", "0123456789")
_EMAIL = re.compile(r"[^\s@<>()\[\],;:\"']+@[^\s@<>()\[\],;:\"']+\.[A-Za-z]{2,}")


def bsn_in_tekst(waarde: str) -> bool:
    """True when a text holds a number of nine digits, as written or as one of its groups, passing the eleven-test
    ('BSN 123456782', 'belde, bsn 111 222 333'). The whole cell is `elfproef`'s; this finds one among words.

    Eight digits are a BSN that lost its leading zero where they are written in groups of three ('12.345.611') or
    the text calls a number a BSN ('BSN 12345611'); a bare eight-digit number among words is not taken for one (a
    KvK number has eight digits too)."""
    if len(waarde) < 8 or len(waarde) - len(waarde.translate(_GEEN_CIJFERS)) < 8:
        return False  # fast path: most cells (gemeenten, events, pseudonyms) have fewer than eight digits
    genoemd = _BSN_WOORD.search(waarde.lower()) is not None
    for m in _GETAL_IN_TEKST.finditer(waarde):
        groepen = re.split(r"[ .\u00a0]", m.group(0))
        kandidaten = ["".join(groepen), *groepen] if len(groepen) > 1 else groepen
        if any(len(k) == 9 and elfproef(k) for k in kandidaten):
            return True
        acht = [k for k in kandidaten if len(k) == 8]
        if acht and (genoemd or _DUIZENDTALLEN.match(m.group(0))) and any(elfproef(k) for k in acht):
            return True
    return False


def email(waarde: str) -> bool:
    """True when a text holds an e-mail address: it names a person as surely as a name does."""
    return "@" in waarde and _EMAIL.search(waarde) is not None


def naam_met_nummer(waarde: str) -> bool:
    """A client number that is a name with a number added ('Jan Jansen 1'): the words without digits form a name."""
    if " " not in waarde.strip():
        return False  # one word: a name needs two
    woorden = [w for w in waarde.split() if not any(c.isdigit() for c in w)]
    return len(woorden) < len(waarde.split()) and lijkt_naam(" ".join(woorden))


def lijkt_naam(waarde: str) -> bool:
    """'Fatima el Amrani', 'J. de Vries', 'Jansen, Piet': words with capitals, no digits."""
    return bool(_NAAM.match(waarde.strip()))


def zonder_cijfer(waarde: str) -> bool:
    """A client number without a single digit ('Jansen', 'fatima') is a word, likely a name, not a number."""
    t = waarde.strip()
    return bool(t) and not any(c.isdigit() for c in t) and any(c.isalpha() for c in t)


def lijkt_geboortedatum(d: dt.date, start: dt.date) -> bool:
    """A date more than ten years before the contract started is no event of this contract."""
    return d < start.replace(year=start.year - 10)


def kop_soort(kop: str) -> str | None:
    k = " ".join(kop.strip().lower().split())
    if k in BSN_KOPPEN or "bsn" in k.split():
        return "bsn"
    if k in NAAM_KOPPEN:
        return "naam"
    if k in GEBOORTE_KOPPEN or k.startswith("geboorte"):
        return "geboortedatum"
    return None


TEKST = {
    "bsn": "burgerservicenummers",
    "naam": "namen van personen",
    "email": "e-mailadressen",
    "geboortedatum": "geboortedata",
}
WAAROM = {
    "bsn": "voldoet aan de elfproef",
    "bsn_in_tekst": "bevat een nummer dat aan de elfproef voldoet",
    "email": "is een e-mailadres",
    "naam": "ziet eruit als een naam",
    "woord": "ziet eruit als een naam (een klantnummer zonder cijfer is een woord)",
    "geboortedatum": "ligt meer dan tien jaar voor de start van het contract",
}
"""Why the first cell of a kind was refused; 'woord' is a name found by the klantnummer rule only."""


def melding(
    kop: str,
    gevonden: list[tuple[str, str, int, str]],
    volgens_kop: str | None,
    gevuld: tuple[str | None, int],
    eigen: bool = False,
) -> str:
    """The refusal of one column. `gevonden`: per kind in order of first appearance (kind, first cell, number of
    cells, reason key of WAAROM); `volgens_kop`: the kind the header names, if any; `gevuld`: the first filled cell
    and the number of filled cells, which a header naming a kind refuses all. `eigen`: a column of the delivery
    itself (klantnummer, datum, ...): the cells are to be corrected, the column cannot go."""
    if volgens_kop is not None:
        eerste, aantal = gevuld
        waarom = "volgens de kop" + (f"; {aantal} cel(len) gevuld, de eerste {eerste}" if eerste else "")
        inhoud = f"{TEKST[volgens_kop]} ({waarom})"
    else:
        inhoud = " en ".join(
            f"{TEKST[soort]} ({aantal} cel(len), de eerste {cel} {WAAROM[reden]})"
            for soort, cel, aantal, reden in gevonden
        )
    if eigen:
        advies = (
            "Deze kolom hoort bij de aanlevering: verbeter die cel(len) of verwijder hun regel(s) (zoals een "
            "totaalregel) en lever opnieuw aan; er is niets ingelezen"
        )
    else:
        advies = "Exporteer het bestand opnieuw zonder deze kolom; er is niets ingelezen"
    return f"kolom '{kop}' bevat {inhoud}; het contractregister neemt alleen een pseudoniem klantnummer aan. {advies}"


_DATUM = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$")


def klantnummer_fout(klant: str) -> str | None:
    """Why `klant`, typed on the command line, is no pseudonymous client number; None when it is one.

    The same rule as a file's klantnummer column: a value passing the BSN eleven-test, a person's name
    or a date (of birth) never enters the register."""
    t = klant.strip()
    if not t or len(t) > 40 or any(ord(c) < 32 or ord(c) == 127 for c in t):
        return "geef een pseudoniem klantnummer (hoogstens 40 tekens, zonder stuurtekens)"
    if elfproef(t):
        return (
            f"'{t}' voldoet aan de elfproef van het burgerservicenummer; het contractregister neemt alleen een "
            "pseudoniem klantnummer aan. Er is niets vastgelegd"
        )
    if bsn_in_tekst(t):
        return (
            f"'{t}' bevat een nummer dat aan de elfproef van het burgerservicenummer voldoet; het contractregister "
            "neemt alleen een pseudoniem klantnummer aan. Er is niets vastgelegd"
        )
    if email(t):
        return f"'{t}' is een e-mailadres; het contractregister neemt alleen een pseudoniem klantnummer aan"
    if lijkt_naam(t) or zonder_cijfer(t) or naam_met_nummer(t):
        return (
            f"'{t}' ziet eruit als een naam (een klantnummer heeft cijfers); het contractregister neemt alleen een "
            "pseudoniem klantnummer aan"
        )
    if _DATUM.match(t):
        return f"'{t}' ziet eruit als een datum; het contractregister neemt alleen een pseudoniem klantnummer aan"
    return None


def bestandsnaam_fout(naam: str) -> str | None:
    """Why the name of a file read in may not be kept; None when it may. The name is printed in the quarterly
    reports (Bronnen) and kept in the dossier, so a BSN (also a run of nine digits between underscores, as
    exports name files) or an e-mail address in it would be published. A person's name cannot be told from a
    gemeente's ('Gooise Meren') and is not checked here."""
    wat = _in_naam(naam)
    if wat is None:
        return None
    return (
        f"de bestandsnaam bevat {wat}; de naam van een aangeleverd bestand staat in de kwartaalrapportage (Bronnen) "
        "en in het dossier: geef het bestand een naam zonder persoonsgegevens (bijvoorbeeld gemeente en kwartaal); "
        "er is niets ingelezen"
    )


def tabbladnaam_fout(naam: str) -> str | None:
    """Why the name of a sheet in a placement list may not be kept; None when it may. The name is part of the place
    of every row the register keeps ('lijst.xlsx!Export!A2', append-only) and of the archived copy, so it is
    checked as a file name is (a person's name cannot be told from 'Export Klanten' and is not checked)."""
    wat = _in_naam(naam)
    if wat is None:
        return None
    return (
        f"de naam van het tabblad bevat {wat}; die naam komt in het register (de plaats van iedere regel) en in de "
        "bewaarde kopie van het bestand: geef het tabblad een naam zonder persoonsgegevens; er is niets ingelezen"
    )


def _in_naam(naam: str) -> str | None:
    """What personal data a name (of a file, of a sheet) holds: a BSN, also as nine digits between underscores as
    exports name files, or an e-mail address; None when neither."""
    if elfproef(naam) or bsn_in_tekst(naam) or any(len(r) == 9 and elfproef(r) for r in re.findall(r"\d+", naam)):
        return "een nummer dat aan de elfproef van het burgerservicenummer voldoet"
    if email(naam):
        return "een e-mailadres"
    return None
