"""What `evaluatie nieuw` tells the user about its choices: the region it read, and what it assumed.

A region name is easily read two ways: "Flevoland" is an arbeidsmarktregio and a province, and
Zeewolde is in the province but in arbeidsmarktregio Veluwe Stedendriehoek. Nothing is left out
or added in silence: every gemeente of the named region is reported as included, and every
gemeente of the same-named province that the region does not hold is reported as left out, with
the reason and the option that adds it. A gemeente added by name next to a region keeps its own
arbeidsmarktregio as subregio; that is reported too, with the option that changes it.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Sequence
from typing import Any

from evaluatie.gemeentenamen import in_lijst, opsomming, sleutel
from evaluatie.gemeenteregister import RegisterGemeente, arbeidsmarktregios, gemeenten


def argument(waarde: str, *, altijd: bool = False) -> str:
    """A value as the shell needs it in a suggested option: `--gemeenten Aa en Hunze` passed 'en' and 'Hunze' as
    extra arguments. Single quotes where a space or other sign needs them (always with `altijd`), double quotes for a
    name with an apostrophe ('s-Hertogenbosch)."""
    if not altijd and re.fullmatch(r"[\w.,=/-]+", waarde):
        return waarde
    if "'" not in waarde:
        return f"'{waarde}'"
    if not any(t in waarde for t in '"$`\\!'):
        return f'"{waarde}"'
    return shlex.quote(waarde)


def regio_verslag(
    regios: Sequence[str], gekozen: Sequence[RegisterGemeente], subregios: dict[str, str], naam_van: dict[str, str]
) -> list[str]:
    """Lines on what each named region contributed and what it did not, and why."""
    regels: list[str] = []
    per_regio = arbeidsmarktregios()
    in_tender = {g.cbscode for g in gekozen}

    def naar(regio: str, naam: str) -> str:
        """The --subregio that puts gemeente `naam` with the gemeenten of `regio`: the region's own subregio where one
        of them kept it, else the subregio's --subregio gave them all (the region's name would make a subregio of
        that one gemeente, which a bid serving only her covers whole under dekking: subregio)."""
        waar = list(dict.fromkeys(subregios.get(g.cbscode, g.arbeidsmarktregio) for g in per_regio.get(regio, [])))
        if not waar or regio in waar:
            return f"--subregio {argument(f'{regio}={naam}', altijd=True)}"
        opties = " of ".join(f"--subregio {argument(f'{s}={naam}', altijd=True)}" for s in waar)
        return (
            f"{opties} (de gemeenten van {regio} staan met --subregio in "
            f"{opsomming(waar, 'en')}; '{regio}' zou een subregio van alleen {naam} worden)"
        )

    for regio in regios:
        leden: list[RegisterGemeente] = list(per_regio.get(regio, []))
        regels.append(
            # CBS's names start with 'Regio' for some ('Regio Zwolle', 'Regio Amersfoort'): no 'Arbeidsmarktregio Regio'
            f"{regio if regio.lower().startswith('regio ') else 'Arbeidsmarktregio ' + regio}: opgenomen "
            f"{', '.join(in_lijst(naam_van[g.cbscode]) for g in leden)} "
            f"({len(leden)})."
        )
        provincie = [g for g in gemeenten() if sleutel(g.provincie) == sleutel(regio)]
        buiten = [g for g in provincie if g.arbeidsmarktregio != regio and g.cbscode not in in_tender]
        for g in buiten:
            regels.append(
                f"Niet opgenomen: {g.naam} ligt in de provincie {g.provincie} maar hoort bij arbeidsmarktregio "
                f"{g.arbeidsmarktregio}. Doet {g.naam} mee, voeg dan toe: --gemeenten {argument(naam_van[g.cbscode])} "
                f"{naar(regio, naam_van[g.cbscode])}."
            )
    if regios:
        for g in gekozen:
            if g.arbeidsmarktregio not in regios and g.cbscode not in subregios:
                regels.append(
                    f"{naam_van[g.cbscode]} doet mee met subregio {g.arbeidsmarktregio} (de eigen "
                    f"arbeidsmarktregio), niet {' of '.join(regios)}; wijzig met "
                    f"{naar(regios[0], naam_van[g.cbscode])} als de gemeente in die subregio inkoopt."
                )
    return regels


def panel_beoordeelt(perceel: dict[str, Any], procedure: str) -> bool:
    """Whether the panel scores the lot, merged from the criteria set as `nieuw` writes it, under `procedure`
    (definitie.laden.beoordeelt_kwaliteit, with a knock-out rule switched off as `false` left out): an open house
    without minimum_kwaliteit scores nothing, so its scale and criteria are no settings that apply."""
    from evaluatie.definitie.laden import beoordeelt_kwaliteit

    knockout = perceel.get("knockout")
    aan = {k: v for k, v in knockout.items() if v is not False} if isinstance(knockout, dict) else {}
    return beoordeelt_kwaliteit({"procedure": procedure, "knockout": aan})


def aannames(
    setnaam: str, setdata: dict, percelen: Sequence[str], procedures: dict[str, str], opslag: float
) -> list[str]:
    """What the new file assumes per lot (from the criteria set and the defaults), to check before publishing."""
    from evaluatie.definitie.laden import samenvoegen
    from evaluatie.tekst import euro, kort

    regels = []
    for code in percelen:
        p = samenvoegen(setdata.get("perceel_standaard", {}), setdata.get("percelen", {}).get(code, {}))
        knockout = p.get("knockout", {})
        keurmerk = "keurmerk vereist" if knockout.get("keurmerk", False) is not False else "geen keurmerk"
        criteria = p.get("gunningscriteria", {})
        plafond = p.get("plafondprijs")
        beoordeling = (
            f"{len(criteria)} criteria ({', '.join(str(c.get('naam')) for c in criteria.values())})"
            if panel_beoordeelt(p, procedures[code])
            else "geen beoordeling door het panel (open house zonder minimum_kwaliteit: toegelaten op de eisen alleen)"
        )
        maximum = (
            "geen raammaximum (open house)"
            if procedures[code] == "toelating"
            else f"raammaximum verwachting + {kort(100 * opslag)}%"
        )
        regels.append(
            f"Perceel {code} ({p.get('naam', code)}): {procedures[code]}; plafondprijs "
            f"{euro(plafond) if plafond else 'niet gezet'}; {keurmerk}; {beoordeling}; {maximum} (uit criteriaset "
            f"{setnaam} en de standaard van evaluatie nieuw)."
        )
    return regels
