"""The reviewer's declaration on conflicts of interest: the question on the form and how its answer is read.

The form used to ask "Verklaring: geen belangenverstrengeling met een inschrijver (ja/nee)". 'nee' there reads two
ways: "nee, geen belangenverstrengeling" (what a reviewer who has none often means) and "nee, ik kan niet verklaren
dat ik er geen heb". The program read it as a declared conflict and told the inkoper to replace a reviewer who had
meant the opposite. A new form asks for one of two written-out statements, which cannot be read two ways. An old form
is still read as its question was meant: 'ja' is the declaration; 'nee' is refused in words, never given one of its
two meanings.
"""

from __future__ import annotations

VELD_VERKLARING = "Verklaring belangenverstrengeling (kies een van de twee zinnen)"
VELD_VERKLARING_OUD = "Verklaring: geen belangenverstrengeling met een inschrijver (ja/nee)"  # forms before this one
GEEN = "Ik heb geen belangenverstrengeling met een inschrijver"
WEL = "Ik heb wel belangenverstrengeling met een inschrijver"
KEUZES = (GEEN, WEL)

_VERVANG = (
    "wie belangen heeft, beoordeelt niet, dus mogen deze scores niet meetellen; vervang de beoordelaar (beoordelaars "
    "in aanbesteding.yaml) en haal dit formulier uit beoordelingen/"
)
LEEG = "beoordelaar heeft niet verklaard onafhankelijk te zijn"  # the start of the message on an empty cell


def _zin(tekst: str) -> str:
    """A statement compared as the reviewer means it: case, spaces and a closing full stop do not count."""
    return " ".join(tekst.split()).rstrip(".").strip().lower()


def lees_verklaring(tekst: str, oude_vraag: bool, wie: str) -> tuple[bool | None, str | None]:
    """(True: no conflict, False: a declared conflict, None: no declaration) and the error to report, or None.

    `tekst` is the answer as typed, `oude_vraag` whether the form asks the old ja/nee question, `wie` the reviewer
    as named in the messages."""
    zin, janee = _zin(tekst), tekst.strip().lower()  # ja/nee exactly, as the old form's list offered them
    if zin == _zin(GEEN) or (oude_vraag and janee == "ja"):
        return True, None
    if zin == _zin(WEL):
        return False, f"{wie} verklaart belangenverstrengeling met een inschrijver ('{WEL}'): {_VERVANG}"
    keuze = f"kies '{GEEN}' of '{WEL}'"
    if oude_vraag and janee == "nee":
        return None, (
            f"'nee' op de vraag van dit formulier ('{VELD_VERKLARING_OUD}') is niet eenduidig: het kan 'nee, geen "
            "belangenverstrengeling' betekenen of 'nee, ik kan niet verklaren dat ik geen belangenverstrengeling "
            f"heb', en het programma kiest niet; vraag {wie} wat bedoeld is. Geen belangenverstrengeling: laat "
            f"'ja' kiezen (op dit formulier betekent ja: geen belangenverstrengeling). Wel belangenverstrengeling: "
            f"{_VERVANG}"
        )
    if not janee:
        return None, f"{LEEG}: {keuze}" if not oude_vraag else f"{LEEG} (geen belangenverstrengeling: ja)"
    if oude_vraag:
        return None, f"{LEEG} (geen belangenverstrengeling: ja); kreeg '{tekst}', kies ja of nee"
    waarom = " ('ja' of 'nee' op wat?)" if zin in ("ja", "nee") else ""  # 'Nee.' too: no statement either way
    return None, f"{LEEG}: kreeg '{tekst}'{waarom}; {keuze}"


def invulwijze(oude_vraag: bool) -> str:
    """What a reviewer who filled in nothing puts in the declaration's cell."""
    return "'ja' bij geen belangenverstrengeling" if oude_vraag else f"'{GEEN}' bij de verklaring"
