"""The words for an award lot that is not awarded (Perceeluitslag.niet_gegund): every bid on it failed (a knock-out,
an exclusion, a rejected explanation of an abnormally low price) or nobody bid. The advies, the letters, the gemeente
pages, the terminal and the contract phase say it with these sentences, so two published texts never give two
reasons; every count is taken from the lot's own exclusions."""

from __future__ import annotations

from evaluatie.gemeentenamen import opsomming
from evaluatie.gunning.uitslag import Perceeluitslag
from evaluatie.tekst import getal
from evaluatie.toets.status import AANGEHOUDEN, ABNORMAAL_LAAG, NIET_TOEGELATEN, ONGELDIG, UITGESLOTEN

# more gemeenten than this are counted, not named (a national lot has over a hundred)
MAX_GEMEENTEN_GENOEMD = 12

# per status word: how a count of it reads ('2 ongeldig', '1 afgewezen als abnormaal laag')
_ALS = {
    ONGELDIG: "ongeldig",
    UITGESLOTEN: "uitgesloten",
    ABNORMAAL_LAAG: "afgewezen als abnormaal laag",
    NIET_TOEGELATEN: "niet toegelaten",
    AANGEHOUDEN: "aangehouden",
}


def telling(p: Perceeluitslag) -> str:
    """'2 ongeldig, 1 uitgesloten': the bids of the lot per status, in the order of the status words."""
    per = {st: sum(1 for x in p.uitgesloten if x.status == st) for st in _ALS}
    anders = sorted({x.status for x in p.uitgesloten} - set(_ALS))
    if anders:  # a status word this module does not know: never counted under another word
        raise ValueError(f"perceel {p.naam}: onbekende status {', '.join(anders)}")
    return ", ".join(f"{n} {_ALS[st]}" for st, n in per.items() if n)


def reden(p: Perceeluitslag, bijzin: bool = False) -> str:
    """Why the lot is not awarded, as a clause: 'geen van de 2 inschrijvingen is geldig (2 ongeldig)',
    'de enige inschrijving is niet geldig (1 ongeldig)' or 'er is op dit perceel niet ingeschreven'; as a
    subordinate clause (after 'omdat') with the verb last: 'geen van de 2 inschrijvingen geldig is (2 ongeldig)'."""
    n = len(p.uitgesloten)
    if n == 0:
        return "er op dit perceel niet is ingeschreven" if bijzin else "er is op dit perceel niet ingeschreven"
    if n == 1:
        wie = "de enige inschrijving op dit perceel " + ("niet geldig is" if bijzin else "is niet geldig")
    else:
        wie = f"geen van de {getal(n, 0)} inschrijvingen op dit perceel " + ("geldig is" if bijzin else "is geldig")
    return f"{wie} ({telling(p)})"


def aangehouden(p: Perceeluitslag) -> list[str]:
    """Bids held back until a declared exclusion ground is weighed: while there is one, 'niet gegund' is
    provisional (the award is a CONCEPT with that open point)."""
    return [x.inschrijver for x in p.uitgesloten if x.status == AANGEHOUDEN]


def voorlopig(p: Perceeluitslag) -> str:
    """'' or ' Dat is voorlopig: Alfa wordt aangehouden tot ...': while a bid is held back, the outcome may change."""
    wachten = aangehouden(p)
    if not wachten:
        return ""
    return (
        f" Dat is voorlopig: {opsomming(wachten, 'en')} {'wordt' if len(wachten) == 1 else 'worden'} aangehouden tot "
        "de verklaarde uitsluitingsgrond is gewogen (een open punt)."
    )


def perceelzin(p: Perceeluitslag) -> str:
    """'Perceel Z-route wordt niet gegund: geen van de 2 inschrijvingen is geldig (2 ongeldig).'"""
    return f"Perceel {p.naam} wordt niet gegund: {reden(p)}.{voorlopig(p)}"


def met_redenen(p: Perceeluitslag) -> str:
    """'Perceel B1-route wordt niet gegund, want de enige inschrijving op dit perceel is niet geldig (1 ongeldig): Alfa
    (ongeldig): kwaliteitsscore 50,00, vereist minstens 70,00': for an analysis that names every bid, as the terminal
    does (no letter: the bidders are named)."""
    wie = "; ".join(f"{x.inschrijver} ({x.status}): {', '.join(x.redenen)}" for x in p.uitgesloten)
    return f"Perceel {p.naam} wordt niet gegund, want {reden(p)}" + (f": {wie}" if wie else "")


def gemeentenzin(p: Perceeluitslag) -> str:
    """What it means for the gemeenten that joined the lot: no framework agreement, no supplier for this route from
    this tender, for the demand they expected (counted from the lot's budgets)."""
    namen = [b.gemeente for b in p.budgetten]
    vraag = sum(b.vraag for b in p.budgetten)
    wie = (
        f"de deelnemende gemeenten ({opsomming(namen, 'en')})"
        if len(namen) <= MAX_GEMEENTEN_GENOEMD
        else f"de {getal(len(namen), 0)} deelnemende gemeenten"
    )
    if len(namen) == 1:
        wie = f"de deelnemende gemeente {namen[0]}"
    return (
        f"Er wordt voor dit perceel geen raamovereenkomst gesloten: {wie} "
        f"{'heeft' if len(namen) == 1 else 'hebben'} uit deze aanbesteding geen aanbieder voor perceel {p.naam} "
        f"({'samen ' if len(namen) > 1 else ''}{getal(vraag, 0)} verwachte "
        f"{'inburgeraar' if vraag == 1 else 'inburgeraars'} per jaar)."
    )
