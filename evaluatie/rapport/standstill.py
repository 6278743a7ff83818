"""The standstill period (art. 2.127 Aanbestedingswet 2012) and its end under the Algemene termijnenwet.

The period ends 20 calendar days after the day the award decision is sent. If that day is a
Saturday, Sunday or algemeen erkende feestdag in the sense of the Atw (art. 3), the period is
extended to the next day that is none of these. The Atw list is not the general public-holiday
list: Nieuwjaarsdag, Goede Vrijdag, tweede Paasdag, Koningsdag, 5 mei (every year),
Hemelvaartsdag, tweede Pinksterdag, eerste en tweede Kerstdag, plus days gelijkgesteld by
royal decree (criteria/atw-gelijkgestelde-dagen.yaml and the tender's gelijkgestelde_dagen).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import yaml
from dateutil.easter import easter

from evaluatie.definitie.yamlparser import lader
from evaluatie.tekst import datum_met_dag
from evaluatie.werkmap import criteria_map


def datum_tekst(d: dt.date) -> str:
    """2026-04-28 -> 'dinsdag 28 april 2026'."""
    return datum_met_dag(d)


@cache
def _bestand() -> dict:
    pad = criteria_map() / "atw-gelijkgestelde-dagen.yaml"
    if not pad.is_file():
        return {}
    tekst = pad.read_text(encoding="utf-8")
    return yaml.load(tekst, Loader=lader(tekst)) or {}  # a safe loader; libyaml only for a checked text


def _gelijkgesteld_bestand() -> dict[dt.date, str]:
    return {d["datum"]: d["naam"] for d in _bestand().get("dagen", [])}


def gedekte_jaren() -> frozenset[int]:
    """Years for which criteria/atw-gelijkgestelde-dagen.yaml lists every gelijkgestelde dag."""
    return frozenset(int(j) for j in _bestand().get("jaren", []))


def atw_feestdagen(jaar: int, extra: Iterable[dt.date] = ()) -> dict[dt.date, str]:
    pasen = easter(jaar)
    koningsdag = dt.date(jaar, 4, 27)
    if koningsdag.weekday() == 6:  # on a Sunday the King's birthday is celebrated on the 26th
        koningsdag = dt.date(jaar, 4, 26)
    dagen = {
        dt.date(jaar, 1, 1): "Nieuwjaarsdag",
        pasen - dt.timedelta(days=2): "Goede Vrijdag",
        pasen + dt.timedelta(days=1): "tweede Paasdag",
        koningsdag: "Koningsdag",
        dt.date(jaar, 5, 5): "Bevrijdingsdag",
        pasen + dt.timedelta(days=39): "Hemelvaartsdag",
        pasen + dt.timedelta(days=50): "tweede Pinksterdag",
        dt.date(jaar, 12, 25): "eerste Kerstdag",
        dt.date(jaar, 12, 26): "tweede Kerstdag",
    }
    for d, naam in _gelijkgesteld_bestand().items():
        if d.year == jaar:
            dagen.setdefault(d, f"{naam}, gelijkgesteld")
    for d in extra:
        if d.year == jaar:
            dagen.setdefault(d, "gelijkgestelde dag (aanbesteding)")
    return dagen


BRIEVEN_OP_DE_GUNNINGSDAG = "de gunning (de dag van de brieven)"  # data.gunning, when data.verzending is not set


def vrije_dag(d: dt.date, extra: Iterable[dt.date] = ()) -> str | None:
    """Why no letter goes out and no bid closes on `d` (zaterdag, zondag or an Atw holiday by name), or None.
    `extra`: the tender's own gelijkgestelde dagen."""
    return _reden(d, tuple(extra))


def vrije_dag_melding(wat: str, d: dt.date, reden: str, veld: str, bron: str | None = None) -> str:
    """The one text for a date of the planning on a vrije dag (`nieuw` on its planning, `gunning` on the letters'
    date): the user moves it in aanbesteding.yaml or leaves it, knowingly. `bron`: 'opgegeven' or 'standaard'."""
    from evaluatie.tekst import datum

    waarom = f"{reden}; {bron}" if bron else reden
    return (
        f"{wat} valt op {datum(d)} ({waarom}); pas data.{veld} in aanbesteding.yaml aan als dat niet de bedoeling is."
    )


def _reden(d: dt.date, extra: tuple[dt.date, ...]) -> str | None:
    """The holiday's name before the weekday: 'zaterdag 26 december 2026 (tweede Kerstdag)', not '(zaterdag)', which
    repeats the weekday the sentence already gives and hides the holiday."""
    feestdag = atw_feestdagen(d.year, extra).get(d)
    if feestdag is not None:
        return feestdag
    if d.weekday() == 5:
        return "zaterdag"
    if d.weekday() == 6:
        return "zondag"
    return None


@dataclass(frozen=True)
class Standstill:
    verzonden: dt.date
    dagen: int
    dag_n: dt.date  # verzonden + dagen
    einde: dt.date
    uitleg: str  # the arithmetic in words
    waarschuwing: str | None = None  # set when a year of the period is not covered by the Atw file


def standstill(verzonden: dt.date, dagen: int = 20, extra: Iterable[dt.date] = ()) -> Standstill:
    extra = tuple(extra)
    dag_n = verzonden + dt.timedelta(days=dagen)
    einde = dag_n
    overgeslagen = []
    while (reden := _reden(einde, extra)) is not None:
        overgeslagen.append(f"{datum_met_dag(einde)} ({reden})")
        einde += dt.timedelta(days=1)
    uitleg = f"verzonden op {datum_tekst(verzonden)}; dag {dagen} is {datum_tekst(dag_n)}"
    if overgeslagen:
        uitleg += (
            f"; volgens de Algemene termijnenwet verlengd voorbij {', '.join(overgeslagen)}; "
            f"de termijn eindigt op {datum_tekst(einde)}"
        )
    else:
        uitleg += "; de termijn eindigt op die dag"
    return Standstill(verzonden, dagen, dag_n, einde, uitleg, atw_waarschuwing(dag_n, einde, bool(extra)))


def atw_waarschuwing(van: dt.date, tot: dt.date, met_extra: bool = False) -> str | None:
    """A warning when the end of a period falls in a year for which the gelijkgestelde dagen
    are not known: a decree for that year may add a day and move the end date."""
    jaren = sorted({van.year, tot.year} - gedekte_jaren())
    if not jaren:
        return None
    bekend = sorted(gedekte_jaren())
    dekking = f"{bekend[0]}-{bekend[-1]}" if bekend else "geen enkel jaar"
    return (
        f"de einddatum van de opschortende termijn ({datum_met_dag(tot)}) valt in "
        f"{', '.join(map(str, jaren))}, een jaar waarvoor criteria/atw-gelijkgestelde-dagen.yaml "
        f"(dekt {dekking}) de gelijkgestelde dagen van de Algemene termijnenwet niet kent"
        + ("; alleen de gelijkgestelde dagen uit de aanbesteding zijn meegenomen" if met_extra else "")
        + ". Controleer het Besluit gelijkstelling voor dat jaar in de Staatscourant."
    )
