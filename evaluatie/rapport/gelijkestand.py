"""Letter sentences about equal totals: who went first and why, and totals that differ beyond the shown decimals.

The allocation weighs bids of equal total by their place in the ranking (step 2, evaluatie.verdeling.opbouw: rank
weight R - rank + 1), so the sentence that explains a tie also says that the same order counts for the volume, as
that weight: not as 'first', which the weighted sum does not guarantee (evaluatie.rapport.verdeelregeltekst). Totals are
compared at 4 decimals (evaluatie.prijs.precisie); letters show 2, so when two shown totals look
equal but are not, the letter gives the 4 decimals that decided.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from evaluatie.prijs.precisie import DECIMALEN, afgerond, punten
from evaluatie.prijs.rangorde import BESLISREGEL_KORT, Rangregel, voorrang_tekst
from evaluatie.tekst import datum, getal
from evaluatie.verdeling.verklaring import RANGWICHT


def verdeling_volgt(wat: str = "totaalscore", prijs_besliste: bool = False) -> str:
    """`wat`: what the method ranks on ('totaalscore', or 'fictieve prijs' under fictieve_korting).

    'de prijs beslist daar niet' says the allocation does not serve the cheaper of two equal bids first; where the
    published rule 'laagste_prijs' set the order (`prijs_besliste`), the sentence before says the price decided, and
    the clause would read as its contradiction, so it is left out (the order it follows is the price's anyway)."""
    slot = "." if prijs_besliste else "; de prijs beslist daar niet."
    return (
        f"Dezelfde volgorde telt in de verdeling: bij gelijke {wat} weegt de hoger gerangschikte inschrijving daar "
        f"zwaarder ({RANGWICHT}){slot}"
    )


def beslisregels_voor_loting(perceel: Any) -> str:
    """What preceded a draw, after 'hadden precies dezelfde totaalscore, en': the lot's tie-break rules that can decide
    under its price method, which all found the drawn bids equal ('ook de beslisregel bij gelijke stand (de kortste
    wachttijd) maakte geen onderscheid'); rules of the tender that never decide under the method, with why; or that
    the tender has none. 'geen beslisregel maakte onderscheid' alone told a bidder of a tender without rules that
    rules were applied, and of one with rules not which."""
    from evaluatie.gemeentenamen import opsomming
    from evaluatie.prijs.basis import methode

    m = methode(perceel.prijsmethode)
    regels = [BESLISREGEL_KORT.get(r, r.replace("_", " ")) for r in m.werkzame_beslisregels(perceel)]
    if len(regels) == 1:
        return f"ook de beslisregel bij gelijke stand ({regels[0]}) maakte geen onderscheid"
    if regels:
        return f"ook de beslisregels bij gelijke stand ({opsomming(regels, 'en')}) maakten geen onderscheid"
    zonder = [BESLISREGEL_KORT.get(r, r.replace("_", " ")) for r in perceel.bij_gelijke_stand]
    if not zonder:
        return "de aanbesteding kent geen beslisregel bij gelijke stand; dan beslist loting"
    een = len(zonder) == 1
    reden = m.zonder_werking_reden_in(perceel)
    return (
        f"{'de beslisregel' if een else 'de beslisregels'} bij gelijke stand van de aanbesteding "
        f"({opsomming(zonder, 'en')}) {'beslist' if een else 'beslissen'} {reden}; dan beslist loting"
    )


def loting_vermelding(x: Any) -> str:
    """'loting L1 van 20 maart 2026, in aanwezigheid van mr. J. Jansen, notaris': a recorded draw
    (gunning.loting.Loting) by its record, the id, date and witness that `evaluatie loting` wrote to loting.yaml and the
    besluitenlijst of the advies lists, so that a bidder told a draw decided can ask for that record."""
    return f"loting {x.id} van {datum(x.datum)}, in aanwezigheid van {x.getuige}"


def loting_motivering(lotingen: Sequence[Any], code: str, id_: str | None) -> str:
    """'Motivering van loting L1: ...': the reason recorded with the draw (in force, in lot `code`) that placed a bid,
    said beside the draw by the advies and the letter; '' when no such draw placed it."""
    return next((x.motivering() for x in lotingen if x.perceel == code and x.geldig and x.id == id_), "")


def ingetrokken_lotingen_zin(
    lotingen: Sequence[Any], code: str, inschrijver: str, naam: Callable[[str], str], in_kracht: str | None
) -> str | None:
    """The withdrawn draws of lot `code` the addressee took part in, each with its order, who withdrew it, when and
    why: the advies and gunning.json list a withdrawn draw beside the one in force, and a bidder told the order of the
    first draw reads here what changed. `naam` gives another bidder as this letter may name it; `in_kracht` is the
    id of the draw that orders the addressee now, if any."""
    zinnen = []
    for x in lotingen:
        if x.perceel != code or x.geldig or inschrijver not in x.volgorde:
            continue
        volgorde = " voor ".join("u" if n == inschrijver else naam(n) for n in x.volgorde)
        i = x.ingetrokken
        reden = i.reden.strip()
        zinnen.append(
            f"Eerder was de volgorde bepaald door {loting_vermelding(x)}: {volgorde}. Die loting is op "
            f"{datum(i.datum)} ingetrokken door {i.door}; zij geldt niet meer. Reden van de intrekking: "
            f"{reden if reden.endswith(('.', '!', '?')) else reden + '.'}"
        )
    if not zinnen:
        return None
    return " ".join(zinnen) + (
        f" De volgorde die nu geldt, is die van loting {in_kracht} hierboven." if in_kracht else ""
    )


def met_vastgelegde_loting(zin: str, eigen: Rangregel, lotingen: Mapping[str, str]) -> str:
    """The allocation's explanation names a draw only for bids of the recipient's own draw ('R heeft dezelfde
    totaalscore en gaat voor door loting', evaluatie.verdeling.verklaring._voorrang): there it names that draw by its
    record (`lotingen`: id -> loting_vermelding)."""
    door_loting = f" voor {voorrang_tekst('loting')}"
    if door_loting not in zin:
        return zin
    if eigen.loting_id is None or eigen.loting_id not in lotingen:  # the explanation and the ranking disagree
        raise ValueError(f"{eigen.inschrijver}: de toelichting noemt een loting, de rangorde geen vastgelegde loting")
    return zin.replace(door_loting, f" voor door {lotingen[eigen.loting_id]}")


def _namen(namen: Sequence[str]) -> str:
    """Names joined, without a doubled full stop after a name like 'B.V.' at the end of a sentence."""
    tekst = ", ".join(namen)
    return tekst[:-1] if tekst.endswith(".") else tekst


def gelijk_aan(rangorde: Sequence[Rangregel], eigen: Rangregel) -> list[Rangregel]:
    """The other bids with exactly the same compared total, in ranking order."""
    return [r for r in rangorde if r.inschrijver != eigen.inschrijver and punten(r.totaal) == punten(eigen.totaal)]


def beslist_zin(
    rangorde: Sequence[Rangregel], eigen: Rangregel, lotingen: Mapping[str, str], wat: str = "totaalscore"
) -> str:
    """For a bid whose equal total was settled by a tie-break rule (winner and loser alike); `lotingen`: the lot's
    recorded draws, id -> loting_vermelding, for bids of the group a draw ordered after the rule."""
    anderen = gelijk_aan(rangorde, eigen)
    groep = sorted([eigen, *anderen], key=lambda r: r.rang)
    regel = BESLISREGEL_KORT.get(eigen.beslist_door or "", (eigen.beslist_door or "").replace("_", " "))
    volgorde = ", ".join(f"{r.inschrijver} ({r.rang}e)" for r in groep)
    positie = "gaat u voor" if groep[0].inschrijver == eigen.inschrijver else f"gaat {groep[0].inschrijver} voor"
    return (
        f"Uw {wat} was gelijk aan die van {_namen([r.inschrijver for r in anderen]) or 'een andere inschrijver'}. "
        f"De beslisregel bij gelijke stand van de aanbesteding ({regel}) heeft de volgorde bepaald: {volgorde}"
        f"{_geloot_binnen(groep, lotingen)}; dus {positie}{_kwaliteit_vergeleken(groep, eigen, eigen.beslist_door)}. "
        f"{verdeling_volgt(wat, prijs_besliste=eigen.beslist_door == 'laagste_prijs')}"
    )


def _geloot_binnen(groep: Sequence[Rangregel], lotingen: Mapping[str, str]) -> str:
    """', waarbij de volgorde van R en Q is bepaald door loting L1 van 20 maart 2026, in aanwezigheid van ...' for bids
    of the group that a draw ordered after the rule (a three-way tie the rule splits one from two): the rule did not
    set their order, the draw did, and the draw is named by its record."""
    geloot: dict[str, list[str]] = {}
    for r in groep:
        if r.loting_id is not None:
            geloot.setdefault(r.loting_id, []).append(r.inschrijver)
    delen = [
        f"de volgorde van {', '.join(namen[:-1])} en {namen[-1]} is bepaald door {lotingen[id_]}"
        for id_, namen in geloot.items()
        if len(namen) > 1
    ]
    return f", waarbij {' en '.join(delen)}" if delen else ""


def regel_naast_loting_zin(eigen: Rangregel, anderen: Sequence[tuple[Rangregel, str]], wat: str) -> str | None:
    """For a bid ordered by a draw: the other bids of the same total that a tie-break rule placed before or after it
    (`anderen`: each row as the letter may name it, with the rule that separated it). 'Ook P had dezelfde
    totaalscore; de beslisregel ... (de hoogste kwaliteitsscore) plaatste P voor u: de kwaliteitsscore van P is
    100,00, die van u 75,00.' Without it the letter explained the draw only, and not why P went first."""
    if not anderen:
        return None
    namen = [r.inschrijver for r, _ in anderen]
    delen = []
    for r, regel in anderen:
        wie = f"{r.inschrijver} voor u" if r.rang < eigen.rang else f"u voor {r.inschrijver}"
        groep = sorted([eigen, r], key=lambda x: x.rang)
        delen.append(
            f"de beslisregel bij gelijke stand van de aanbesteding ({BESLISREGEL_KORT.get(regel, regel)}) plaatste "
            f"{wie}{_kwaliteit_vergeleken(groep, eigen, regel)}"
        )
    had = "had" if len(namen) == 1 else "hadden"
    return f"Ook {_namen(namen[:-1]) + ' en ' if len(namen) > 1 else ''}{namen[-1]} {had} dezelfde {wat}; " + (
        "; ".join(delen) + "."
    )


def _kwaliteit_vergeleken(groep: Sequence[Rangregel], eigen: Rangregel, regel: str | None) -> str:
    """': de kwaliteitsscore van P is 100,00, die van u 75,00' where the highest quality settled the tie: the
    scores the rule compared, so a winner that went second (and got less volume for it) can check them; its letter
    has no comparison table. Only of the recipient and of named bidders (the awarded, whose quality scores every
    letter publishes); a tie partner that got nothing stays 'een andere inschrijver', without a score."""
    if regel != "hoogste_kwaliteit":
        return ""
    getoond = [r for r in groep if r.inschrijver == eigen.inschrijver or r.inschrijver != "een andere inschrijver"]
    if len(getoond) < 2:
        return ""
    # at the 4 decimals the rule compares where 2 show as equal what it tells apart ('50,00, die van u 50,00')
    vier = len({getal(r.kwaliteit) for r in getoond}) < len({punten(r.kwaliteit) for r in getoond})
    delen = []
    for i, r in enumerate(getoond):
        score = getal(afgerond(r.kwaliteit), DECIMALEN) if vier else getal(r.kwaliteit)
        if r.inschrijver == eigen.inschrijver:
            delen.append(f"uw kwaliteitsscore is {score}" if i == 0 else f"die van u {score}")
        else:
            delen.append(
                f"de kwaliteitsscore van {r.inschrijver} is {score}" if i == 0 else f"die van {r.inschrijver} {score}"
            )
    return ": " + ", ".join(delen)


def decimalen_zin(eigen: Rangregel, anderen: Sequence[Rangregel], wat: str = "totaalscore") -> str | None:
    """When a shown total (2 decimals) equals the recipient's but the compared total (4) does not."""
    gelijk_getoond = [
        a for a in anderen if getal(a.totaal) == getal(eigen.totaal) and punten(a.totaal) != punten(eigen.totaal)
    ]
    if not gelijk_getoond:
        return None
    delen = ", ".join(f"{a.inschrijver} {getal(afgerond(a.totaal), DECIMALEN)}" for a in gelijk_getoond)
    return (
        f"Uw {wat} en die van {', '.join(a.inschrijver for a in gelijk_getoond)} verschillen pas na de tweede "
        f"decimaal. Vergeleken wordt op {DECIMALEN} decimalen: u {getal(afgerond(eigen.totaal), DECIMALEN)}, "
        f"{delen}."
    )


def decimalen_nodig(rangorde: Sequence[Rangregel]) -> int:
    """2, or the 4 of the compared precision when two different totals would look equal at 2."""
    getoond: dict[str, set[int]] = {}
    for r in rangorde:
        getoond.setdefault(getal(r.totaal), set()).add(punten(r.totaal))
    return DECIMALEN if any(len(v) > 1 for v in getoond.values()) else 2
