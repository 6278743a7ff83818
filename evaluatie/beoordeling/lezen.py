"""Read the reviewers' workbooks and the optional consensus workbook, validating everything.

Every problem of every file is reported together with file!sheet!cell (exit 2).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

from evaluatie.beoordeling.consensuskopie import Kopie, controleer_kopieen, controleer_panel, kopieen
from evaluatie.beoordeling.formulier import (
    CONSENSUSBESTAND,
    KOLOMMEN,
    TABBLAD,
    TABBLAD_CONSENSUS,
    VELD_DATUM,
    VELD_DATUM_CONSENSUS,
    VELD_VERKLARING,
)
from evaluatie.beoordeling.herkomst import controleer_herkomst
from evaluatie.beoordeling.koppen import buiten_de_beoordeling, dubbele_formulieren, lees_kop, ontbrekende_formulieren
from evaluatie.beoordeling.model import Beoordelingsformulier, Consensus, OpenRegel, Opzijgezet, Score
from evaluatie.beoordeling.motivering import (
    andere_score_melding,
    noemt_andere_score,
    noemt_beoordelaar,
    noemt_melding,
    zonder_motivering,
)
from evaluatie.beoordeling.motivering import melding as motiveringsmelding
from evaluatie.beoordeling.verklaring import LEEG, invulwijze
from evaluatie.beoordeling.vervallen import controleer_vervallen
from evaluatie.definitie.model import Aanbesteding, Perceel
from evaluatie.fouten import Verzamelaar
from evaluatie.hashing import sha256_bestand
from evaluatie.naamvorm import sleutel as naamsleutel
from evaluatie.onzichtbaar import storend_teken
from evaluatie.werkboek import (
    Tabblad,
    als_datum,
    als_tekst,
    cellen_als_tekst,
    celnaam,
    geen_datum,
    lees_map,
    lees_werkboek,
)

Sleutel = tuple[str, str, str]  # inschrijver, perceel, criterium


# how to add a row a filled form lacks (a bid that became to be scored after the forms were written, e.g. an exclusion
# ground weighed niet_uitgesloten): `template beoordeling` never rewrites a filled form, so the reviewer adds the row
ONTBREKEND_HOE = (
    " (het tabblad is beveiligd zonder wachtwoord: hef de beveiliging op via Controleren; `evaluatie template "
    "beoordeling` herschrijft een ingevuld formulier niet, en --overschrijven wist de ingevulde scores)"
)


GEEN_PANEL_PLAATS = "aanbesteding.yaml: beoordelaars"
GEEN_PANEL_NODIG = (
    "geen perceel laat het panel de kwaliteit beoordelen: ieder perceel is een open house zonder minimale kwaliteit "
    "(knock-outregel minimum_kwaliteit), waar toegelaten wordt op de eisen alleen"
)


def geen_panel(aanbesteding: Aanbesteding, te_beoordelen: Sequence[Sleutel]) -> str | None:
    """Why there can be no scores at all: no reviewers named while bids wait for a quality score. Without this an
    empty panel read every row as 0 points (every bid 0,00 'van 100', and out on minimum_kwaliteit), where a missing
    score never counts as 0, and `template beoordeling` wrote nothing and said nothing."""
    if aanbesteding.beoordelaars or not te_beoordelen:
        return None
    bids = len({(s[0], s[1]) for s in te_beoordelen})
    return (
        f"er zijn geen beoordelaars genoemd, terwijl de kwaliteitsplannen van {bids} "
        f"{'inschrijving' if bids == 1 else 'inschrijvingen'} (per inschrijver en perceel) een score nodig "
        f"{'heeft' if bids == 1 else 'hebben'} (een ontbrekende score telt nooit als 0); noem de beoordelaars "
        "(beoordelaars: [A. Jansen, B. de Vries]) en schrijf hun formulieren met evaluatie template beoordeling"
    )


def lees_beoordelingen(
    aanbesteding: Aanbesteding,
    map_: Path,
    te_beoordelen: Sequence[Sleutel],
    inschrijvers: Sequence[str],
    prijzen: Collection[float] = (),
    met_consensus: bool = True,
    afgevallen: Mapping[tuple[str, str], str] | None = None,
    opzij: list[str] | None = None,
    hernoemd: Mapping[str, str] | None = None,
) -> tuple[list[Beoordelingsformulier], Consensus | None]:
    """All reviewer forms (sorted by reviewer name) and the consensus, or InvoerFout.

    `prijzen` are the bid prices: every cell of every reviewer form is compared with them, so the
    proces-verbaal can state from evidence that the forms held no prices. `met_consensus=False`
    skips consensus.xlsx (the consensus template is built from the reviewer forms alone).
    Rows of a bid in `afgevallen` (bidder, lot -> why it is not assessed: the knock-out test, a withdrawal) are
    set aside with a line in `opzij` that gives that reason, never an error: nobody edits a signed form. When the
    bid fell out is not known here (a reviewer may have typed in a row for a bid that was never on the form), so
    the line does not say.
    `hernoemd`: a bidder's name before a recorded correction of it (herstel) -> the corrected name. The panel scored
    the bid under the name it had then; its rows are that bid's, by the recorded decision, and nobody edits a signed
    form (they were 'onbekende inschrijver' with a missing row each, one error per cell).
    """
    weg = _Opzij(dict(afgevallen or {}), opzij if opzij is not None else [])
    weg.hernoemd = {naamsleutel(oud): nieuw for oud, nieuw in (hernoemd or {}).items()}
    fouten = Verzamelaar()
    bestanden = lees_map(map_, fouten)  # links out of the werkmap or broken: errors, not skipped
    formulieren: list[Beoordelingsformulier] = []
    consensus: Consensus | None = None
    genoemd: set[str] = set()  # reviewers named in a form, valid or not
    naam_in: dict[str, tuple[str, str]] = {}  # form file -> (the Beoordelaar field as typed, its cell); '' = none
    kopie: list[Kopie] = []  # the reviewers' scores the consensus workbook shows beside its decided rows
    for pad in bestanden:
        if pad.name == CONSENSUSBESTAND:
            if met_consensus:
                consensus = _lees_consensus(aanbesteding, pad, te_beoordelen, inschrijvers, fouten, weg, kopie)
        else:
            f = _lees_formulier(aanbesteding, pad, te_beoordelen, inschrijvers, fouten, genoemd, prijzen, weg, naam_in)
            if f is not None:
                formulieren.append(f)
    dubbele_formulieren([(f.beoordelaar, f.bestand) for f in formulieren], naam_in, fouten)
    controleer_kopieen(aanbesteding, kopie, formulieren, fouten)  # a consensus taken on other scores
    ontbrekende_formulieren(aanbesteding, map_, bestanden, genoemd, naam_in, fouten)
    if (leeg := geen_panel(aanbesteding, te_beoordelen)) is not None:
        fouten.voeg_toe(GEEN_PANEL_PLAATS, leeg)
    for naam, n in weg.zonder_inschrijving.items():
        fouten.voeg_toe(map_.name, _zonder_inschrijving(naam, n))
    weg.sluit()
    fouten.controleer()
    return sorted(formulieren, key=lambda f: f.beoordelaar.lower()), consensus


def geen_kwaliteit(perceelnaam: str) -> str:
    """Why a row of an open-house lot without a minimum quality is set aside (the note and the advies)."""
    return (
        f"perceel {perceelnaam} is een open house zonder minimale kwaliteit: toegelaten wordt op de eisen alleen en "
        "de kwaliteit wordt niet beoordeeld"
    )


class _Opzij:
    """Bids that dropped out after scoring, and the rows of theirs set aside.

    One line per form (or consensus sheet), bid and lot, with its cells and criteria: a withdrawal after scoring by
    three reviewers in two lots of six criteria was 36 lines of "Let op" and of the advies' list, one per row."""

    def __init__(self, afgevallen: dict[tuple[str, str], str], regels: list[str]):
        self.afgevallen = afgevallen
        self.regels = regels
        self._groepen: dict[tuple[str, str, str], list[tuple[int, str]]] = {}
        self._aantal: dict[str, int] = {}  # lot -> its number of criteria
        # a name scored in the forms that no bid has and that is no slip of one (no suggestion): its rows, counted,
        # get one line that says how a bid withdrawn after scoring is recorded (evaluatie terugtrekking)
        self.zonder_inschrijving: dict[str, int] = {}
        self.scores: dict[str, list[Opzijgezet]] = {}  # file -> its rows set aside, as scores
        self.hernoemd: dict[str, str] = {}  # a bidder's name before a recorded correction (folded) -> the new name

    def zet_opzij(
        self, t: Tabblad, rij: int, inschrijver: str, perceel: Perceel, criterium: str, criteria: int, code: str
    ) -> None:
        """One row set aside: grouped for its line, and kept as a score (`scores`, per file) for the analyst."""
        self._groepen.setdefault((f"{t.bestand}!{t.naam}", inschrijver, perceel.code), []).append((rij, criterium))
        self._aantal[perceel.code] = criteria
        waarde = t.waarde(rij, 3)
        stap = perceel.schaal.zoek(waarde) if als_tekst(waarde) else None
        self.scores.setdefault(t.bestand, []).append(
            Opzijgezet(
                inschrijver=inschrijver,
                perceel=perceel.code,
                criterium=code,
                score=als_tekst(waarde),
                punten=None if stap is None else stap.punten,
                reden=self.afgevallen[inschrijver, perceel.code],
                cel=t.plaats(rij, 3),
            )
        )

    def sluit(self) -> None:
        """The lines, in reading order: 'ada.xlsx!Beoordeling!A8:A9: B, perceel B1, alle 2 criteria: opzijgezet,
        <why the bid is not assessed>' (the criteria by name when only some of them were scored)."""
        for (blad, ins, perceel), rijen in self._groepen.items():
            n = self._aantal[perceel]
            criteria = f"alle {n} criteria" if len(rijen) == n > 1 else ", ".join(c for _, c in rijen)
            self.regels.append(
                f"{blad}!{_cellen([r for r, _ in rijen])}: {ins}, perceel {perceel}, {criteria}: opzijgezet, "
                f"{self.afgevallen[ins, perceel]}"
            )
        self._groepen = {}


def _cellen(rijen: list[int]) -> str:
    """Rows (0-based) of column A as cells, runs of consecutive rows as a range: 'A8:A11, A14'."""
    delen: list[str] = []
    begin = vorige = rijen[0]
    for r in [*rijen[1:], None]:
        if r is not None and r == vorige + 1:
            vorige = r
            continue
        delen.append(celnaam(begin, 0) if begin == vorige else f"{celnaam(begin, 0)}:{celnaam(vorige, 0)}")
        if r is not None:
            begin = vorige = r
    return ", ".join(delen)


def _tabel_start(t: Tabblad) -> int | None:
    for r in range(len(t.rijen)):
        if als_tekst(t.waarde(r, 0)) == KOLOMMEN[0]:
            return r
    return None


def _lees_tabel(
    aanbesteding: Aanbesteding,
    t: Tabblad,
    te_beoordelen: Sequence[Sleutel],
    inschrijvers: Sequence[str],
    fouten: Verzamelaar,
    volledig: bool,
    open_: list[OpenRegel] | None = None,
    deels_open: bool = False,
    weg: _Opzij | None = None,
) -> list[Score]:
    """The score table of a sheet. With `open_` (the consensus sheet) a row without score and
    motivation is an open row, not an error; with `deels_open` also a row missing one of the two
    (aggregatie: consensus, where open rows block the award instead of being bad input)."""
    start = _tabel_start(t)
    if start is None:
        fouten.voeg_toe(f"{t.bestand}!{t.naam}", "kopregel ontbreekt: " + " | ".join(KOLOMMEN))
        return []
    if (anders := next((j for j in range(5) if als_tekst(t.waarde(start, j)) != KOLOMMEN[j]), None)) is not None:
        # a column inserted or moved: said at the cell, for 'kopregel ontbreekt' sent the reader to look for a row
        fouten.voeg_toe(
            t.plaats(start, anders),
            f"de kopregel heeft hier '{als_tekst(t.waarde(start, anders))}' waar '{KOLOMMEN[anders]}' hoort; het "
            f"formulier wordt gelezen met de kolommen {' | '.join(KOLOMMEN)} in A-E: haal een ingevoegde kolom weg "
            "of zet de kolommen terug",
        )
        return []
    verwacht = set(te_beoordelen)
    namen = {naamsleutel(n): n for n in inschrijvers}  # Unicode form, case and spaces folded (evaluatie.naamvorm)
    scores: list[Score] = []
    eerste: dict[Sleutel, str] = {}
    for r in range(start + 1, len(t.rijen)):
        cel = [t.waarde(r, j) for j in range(5)]
        if open_ is None:  # a reviewer's own form has five columns; the consensus sheet carries the reviewers' beside
            buiten = [k for k in range(5, len(t.rijen[r])) if als_tekst(t.waarde(r, k))]
            if buiten:
                getoond = cellen_als_tekst(t, r, buiten)
                fouten.voeg_toe(
                    t.plaats(r, buiten[0]),
                    f"waarde buiten de kolommen van het formulier ('{getoond}'); alleen Score en Toelichting worden "
                    "gelezen en de brief citeert alleen de kolom Toelichting: zet de motivering daar",
                )
        if all(als_tekst(c) == "" for c in cel):
            continue
        if all(als_tekst(c) == "" for c in cel[:3]):
            # a score or motivation typed below the table or in an emptied row: it belongs to no bid, say so once
            gevuld = [j for j in (3, 4) if als_tekst(cel[j])]
            wat = " en een ".join(f"{KOLOMMEN[j].lower()} ('{als_tekst(cel[j])}')" for j in gevuld)
            fouten.voeg_toe(
                t.plaats(r, gevuld[0]),
                f"deze rij heeft een {wat}, maar geen inschrijver, perceel en criterium ({celnaam(r, 0)}:"
                f"{celnaam(r, 2)} zijn leeg); verplaats dat naar de rij van de inschrijving of haal het weg",
            )
            continue
        n = len(fouten.fouten)
        ins = namen.get(naamsleutel(als_tekst(cel[0])))
        if (
            ins is None
            and weg is not None
            and (nieuw := weg.hernoemd.get(naamsleutel(als_tekst(cel[0])))) in namen.values()
        ):
            ins = nieuw  # scored under the name it had before its recorded correction
        if ins is None and als_tekst(cel[0]) == "":
            fouten.voeg_toe(t.plaats(r, 0), "inschrijver ontbreekt in deze rij")
        elif ins is None:
            bedoeld = _bedoelt_u(als_tekst(cel[0]), inschrijvers)
            fouten.voeg_toe(t.plaats(r, 0), f"onbekende inschrijver '{als_tekst(cel[0])}'{bedoeld}")
            if not bedoeld and weg is not None:
                naam = " ".join(als_tekst(cel[0]).split())
                weg.zonder_inschrijving[naam] = weg.zonder_inschrijving.get(naam, 0) + 1
        perceel = aanbesteding.perceel(als_tekst(cel[1]))
        if perceel is None and als_tekst(cel[1]) == "":
            fouten.voeg_toe(
                t.plaats(r, 1), f"perceel ontbreekt in deze rij; kies uit {', '.join(aanbesteding.percelen)}"
            )
        elif perceel is None:
            fouten.voeg_toe(
                t.plaats(r, 1), f"onbekend perceel '{als_tekst(cel[1])}'; kies uit {', '.join(aanbesteding.percelen)}"
            )
        if perceel is not None and not perceel.gunningscriteria and ins is not None and weg is not None:
            # a lot the panel does not score (an open house without minimum_kwaliteit), on a form made before the
            # tender said so: set aside as a bid no longer assessed, never read as a score that decides nothing
            del fouten.fouten[n:]
            if not (als_tekst(cel[3]) == "" and als_tekst(cel[4]) == ""):
                weg.afgevallen.setdefault((ins, perceel.code), geen_kwaliteit(perceel.naam))
                weg.zet_opzij(t, r, ins, perceel, als_tekst(cel[2]), 0, als_tekst(cel[2]))
            continue
        crit = perceel.criterium(als_tekst(cel[2])) if perceel else None
        if perceel is not None and crit is None:
            fouten.voeg_toe(
                t.plaats(r, 2),
                f"onbekend criterium '{als_tekst(cel[2])}' voor perceel {perceel.code}; "
                f"kies uit {', '.join(c.naam for c in perceel.gunningscriteria)}",
            )
        zonder_score, zonder_toelichting = als_tekst(cel[3]) == "", als_tekst(cel[4]) == ""
        open_reden = ""
        if open_ is not None:
            if zonder_score and zonder_toelichting:
                open_reden = "consensusscore en motivering ontbreken"
            elif deels_open and zonder_score:
                open_reden = "consensusscore ontbreekt"
            elif deels_open and zonder_toelichting:
                open_reden = "consensusmotivering ontbreekt"
        stap = None
        if perceel is not None:
            if zonder_score:
                if not open_reden:
                    fouten.voeg_toe(t.plaats(r, 3), "score ontbreekt")
            else:
                stap = perceel.schaal.zoek(cel[3])
                if stap is None:
                    fouten.voeg_toe(
                        t.plaats(r, 3),
                        f"score {_scoretekst(cel[3])} staat niet op de schaal ({perceel.schaal.beschrijving()})"
                        + _getalreden(cel[3])
                        + _datumreden(cel[3]),
                    )
        if zonder_toelichting and not open_reden:
            fouten.voeg_toe(t.plaats(r, 4), "toelichting ontbreekt; iedere score moet gemotiveerd zijn")
        elif not zonder_toelichting and zonder_motivering(als_tekst(cel[4]), labels := _labels(perceel)):
            fouten.voeg_toe(t.plaats(r, 4), motiveringsmelding(als_tekst(cel[4]), labels))
        elif (genoemd := noemt_beoordelaar(als_tekst(cel[4]), aanbesteding.beoordelaars, inschrijvers)) is not None:
            fouten.voeg_toe(t.plaats(r, 4), noemt_melding(*genoemd, als_tekst(cel[4])))
        elif (
            perceel is not None
            and stap is not None
            and (
                andere := noemt_andere_score(
                    als_tekst(cel[4]),
                    [(s.label or "", s.punten) for s in perceel.schaal.stappen],
                    perceel.schaal.stappen.index(stap),
                )
            )
        ):
            fouten.voeg_toe(t.plaats(r, 4), andere_score_melding(andere, stap.tekst, celnaam(r, 3)))
        elif (teken := storend_teken(als_tekst(cel[4]))) is not None:
            # the letters quote the motivation: a right-to-left override would print it in another order
            fouten.voeg_toe(
                t.plaats(r, 4),
                f"de toelichting bevat het onzichtbare teken {teken}, dat de tekst in de brieven anders laat "
                "afdrukken; haal het weg (typ de tekst opnieuw of plak hem als platte tekst)",
            )
        if ins is None or perceel is None or crit is None:
            continue
        sleutel = (ins, perceel.code, crit.code)
        if sleutel not in verwacht and weg is not None and (ins, perceel.code) in weg.afgevallen:
            del fouten.fouten[n:]  # the row of a bid no longer assessed: its score is not read, let alone judged
            if zonder_score and zonder_toelichting:
                continue  # an empty row sets nothing aside
            weg.zet_opzij(t, r, ins, perceel, crit.naam, len(perceel.gunningscriteria), crit.code)
            continue
        if sleutel not in verwacht:
            if open_ is not None and zonder_score and zonder_toelichting:
                continue  # an empty consensus row of a bid no longer assessed decides nothing
            fouten.voeg_toe(
                t.plaats(r, 0),
                f"{ins} staat niet ter beoordeling voor perceel {perceel.code} "
                "(niet ingeschreven of niet door de knock-outtoets)"
                + (
                    "; 'evaluatie template consensus' verplaatst de regel naar het tabblad Vervallen"
                    if open_ is not None
                    else ""
                ),
            )
            continue
        if sleutel in eerste:
            fouten.voeg_toe(
                t.plaats(r, 0), f"dubbele regel: {ins}, {perceel.code}, {crit.naam} staat ook op {eerste[sleutel]}"
            )
            continue
        eerste[sleutel] = f"rij {r + 1}"
        if open_reden and open_ is not None and len(fouten.fouten) == n:
            open_.append(
                OpenRegel(
                    inschrijver=ins,
                    perceel=perceel.code,
                    criterium=crit.code,
                    plaats=f"{t.bestand}!{t.naam}!rij {r + 1}",
                    reden=open_reden,
                )
            )
            continue
        if len(fouten.fouten) > n or stap is None:
            continue
        scores.append(
            Score(
                inschrijver=ins,
                perceel=perceel.code,
                criterium=crit.code,
                stap=perceel.schaal.stappen.index(stap),
                punten=stap.punten,
                toelichting=als_tekst(cel[4]),
                cel=t.plaats(r, 3),
            )
        )
    if volledig:
        for ins_, code_, crit_ in te_beoordelen:
            if (ins_, code_, crit_) not in eerste:
                naam = aanbesteding.percelen[code_].criterium_van(crit_).naam
                fouten.voeg_toe(
                    f"{t.bestand}!{t.naam}",
                    f"regel ontbreekt: {ins_}, perceel {code_}, {naam}; voeg onder de tabel de regel "
                    f"'{ins_} | {code_} | {naam}' toe met score en toelichting{ONTBREKEND_HOE}",
                )
    return scores


def _labels(perceel: Perceel | None) -> list[str]:
    """The steps of the lot's scale as a reviewer may type them: a toelichting that is only one of them gives no
    reason (evaluatie.beoordeling.motivering). Unknown lot: none (that row has its own error)."""
    return [s.label for s in perceel.schaal.stappen if s.label] if perceel is not None else []


def _zonder_inschrijving(naam: str, regels: int) -> str:
    """The way out for a name the panel scored that has no bid: the first step of a withdrawal after scoring is to
    take its file out of inschrijvingen/ (README), and the rows then read 'onbekende inschrijver' until the
    withdrawal is recorded; 24 such lines named neither the cause nor the command."""
    wat = "1 regel" if regels == 1 else f"{regels} regels"
    return (
        f"'{naam}' staat in {wat} van de beoordelingen (hierboven), maar geen inschrijving in inschrijvingen/ heeft "
        "die naam. Is de inschrijving na de beoordeling teruggetrokken, leg dat dan vast (de regels worden daarna "
        f'opzijgezet): evaluatie terugtrekking --inschrijver "{naam}" --ontvangen JJJJ-MM-DD --reden "..." --door '
        '"naam, functie". Is het bestand verplaatst of hernoemd, zet het dan terug in inschrijvingen/'
    )


def _bedoelt_u(naam: str, inschrijvers: Sequence[str]) -> str:
    """ "; bedoelt u 'Kompas Inburgering'?" for a misspelt bidder in a score table, or ''."""
    import difflib  # only on this error path

    dichtst = difflib.get_close_matches(naam, list(inschrijvers), n=1, cutoff=0.6)
    return f"; bedoelt u '{dichtst[0]}'?" if dichtst else ""


def _scoretekst(waarde: object) -> str:
    """A refused score as the reviewer sees it: a number with a decimal comma ('7,5', never '7.5', which reads as a
    thousands separator in Dutch), a date as a date. A number rounded by `kort` is written in full: 75,0000001 is
    refused, and "score '75' staat niet op de schaal (..., goed = 75, ...)" would contradict itself."""
    import datetime as dt

    from evaluatie.tekst import datum, kort, zonder_exponent

    if isinstance(waarde, dt.date):
        return datum(waarde.date() if isinstance(waarde, dt.datetime) else waarde)
    if isinstance(waarde, int | float) and not isinstance(waarde, bool):
        getoond = kort(waarde)
        if float(getoond.replace(",", ".")) != float(waarde):  # a hair beside a step: '75' would name the step
            getoond = zonder_exponent(float(waarde)).replace(".", ",")
        return f"'{getoond}'"
    return f"'{als_tekst(waarde)}'"


def _datumreden(waarde: object) -> str:
    """'; Excel heeft ... een datum gemaakt (bijvoorbeeld van '7-8') ...' for a score cell Excel turned into a date."""
    import datetime as dt

    if not isinstance(waarde, dt.date):
        return ""
    return (
        f"; Excel heeft van wat er getypt is een datum gemaakt (bijvoorbeeld van '{waarde.day}-{waarde.month}'): kies "
        "één stap van de schaal"
    )


def _getalreden(waarde: object) -> str:
    """'; een punt staat in het Nederlands voor duizendtallen ...' where a typed score is refused by the number rule
    itself (evaluatie.getallen), so a reviewer who typed '75.0' learns why it is not 75."""
    from evaluatie.getallen import GetalFout, lees_tekst

    if not isinstance(waarde, str):
        return ""
    try:
        lees_tekst(waarde)
    except GetalFout as e:
        return "" if e.algemeen else f"; {e}"
    return ""


def _lees_formulier(
    aanbesteding: Aanbesteding,
    pad: Path,
    te_beoordelen: Sequence[Sleutel],
    inschrijvers: Sequence[str],
    fouten: Verzamelaar,
    genoemd: set[str],
    prijzen: Collection[float] = (),
    weg: _Opzij | None = None,
    naam_in: dict[str, tuple[str, str]] | None = None,
) -> Beoordelingsformulier | None:
    """One reviewer form, or None after its errors; `naam_in` collects per file the reviewer it names as typed ('' for
    none) and that cell."""
    n = len(fouten.fouten)
    gelezen = lees_kop(aanbesteding, pad, fouten, naam_in)  # the header, as `koppen_fouten` checks it too
    if gelezen is None:
        return None
    t, kop, naam, beoordelaar = gelezen.blad, gelezen.rijen, gelezen.naam, gelezen.beoordelaar
    if beoordelaar is not None:
        genoemd.add(beoordelaar)
    scores = _lees_tabel(aanbesteding, t, te_beoordelen, inschrijvers, fouten, volledig=True, weg=weg)
    begin = _tabel_start(t)
    kopcellen = (t.waarde(kop[VELD_DATUM], 1), t.waarde(kop[VELD_VERKLARING], 1))
    if begin is not None and not any(  # no date, declaration, score or motivation anywhere: not begun
        als_tekst(w) for w in (*kopcellen, *(t.waarde(r, k) for r in range(begin + 1, len(t.rijen)) for k in (3, 4)))
    ):
        _nog_niet_ingevuld(fouten, n, f"{t.bestand}!{t.naam}", naam.strip(), gelezen.oude_vraag)
    if len(fouten.fouten) > n:
        return None
    start = _tabel_start(t) or 0
    scorecellen = {(TABBLAD, r, 3) for r in range(start + 1, len(t.rijen))}  # validated scale values
    return Beoordelingsformulier(
        bestand=pad.name,
        sha256=sha256_bestand(pad),
        beoordelaar=beoordelaar,
        datum=gelezen.datum,
        scores=tuple(scores),
        geen_belangenverstrengeling=gelezen.verklaring,
        prijscellen=tuple(prijscellen(gelezen.tabbladen, prijzen, scorecellen)),
        opzij=tuple(weg.scores.get(t.bestand, ()) if weg is not None else ()),
    )


_LEEG = (  # the errors of a form as 'template beoordeling' wrote it, nothing filled in
    "datum ontbreekt of is geen datum: ''",
    LEEG,
    "score ontbreekt",
    "toelichting ontbreekt",
)


def _nog_niet_ingevuld(fouten: Verzamelaar, n: int, blad: str, naam: str, oude_vraag: bool) -> None:
    """A form with nothing filled in (no date, no declaration, no score, no motivation: the caller checked the
    cells) gave two errors and two per row; a reviewer who has not started is one line that says what to fill in.
    Only when every error of the form since `n` is one of those: a form with any other error keeps its errors cell
    by cell."""
    eigen = fouten.fouten[n:]
    if not eigen or not all(f.bericht.startswith(_LEEG) for f in eigen):
        return
    cellen = [f.plaats.rsplit("!", 1)[-1] for f in eigen]
    tabel = [c for c, f in zip(cellen, eigen, strict=True) if f.bericht.startswith(_LEEG[2:])]
    kop = [c for c, f in zip(cellen, eigen, strict=True) if f.bericht.startswith(_LEEG[:2])]
    if len(kop) != 2 or not tabel:
        return
    del fouten.fouten[n:]
    wie = naam or "de beoordelaar"
    fouten.voeg_toe(
        blad,
        f"het formulier is nog niet ingevuld (geen datum, geen verklaring en geen enkele score): {wie} vult de datum "
        f"in ({kop[0]}), {invulwijze(oude_vraag)} ({kop[1]}) en per regel een score en een toelichting "
        f"({tabel[0]}:{tabel[-1]})",
    )


_BEDRAG = re.compile(r"\d[\d.,]*\d|\d")


def prijscellen(
    tabbladen: dict[str, Tabblad], prijzen: Collection[float], overslaan: Collection[tuple[str, int, int]] = ()
) -> list[str]:
    """Cells (any sheet) holding a number, or a text with an amount in Dutch or English notation,
    equal to one of `prijzen` to the cent. Two-envelope check: a reviewer form must hold no price."""
    if not prijzen:
        return []
    gezocht = {round(float(p), 2) for p in prijzen}
    gevonden = []
    for naam, t in tabbladen.items():
        for r, rij in enumerate(t.rijen):
            for k, v in enumerate(rij):
                if (naam, r, k) in overslaan or isinstance(v, bool):
                    continue
                if isinstance(v, int | float):
                    kandidaten = {round(float(v), 2)}
                elif isinstance(v, str):
                    kandidaten = set()
                    for m in _BEDRAG.findall(v):
                        for vorm in (m.replace(".", "").replace(",", "."), m.replace(",", "")):
                            try:
                                kandidaten.add(round(float(vorm), 2))
                            except ValueError:
                                continue
                else:
                    continue
                if kandidaten & gezocht:
                    gevonden.append(t.plaats(r, k))
    return gevonden


def _lees_consensus(
    aanbesteding: Aanbesteding,
    pad: Path,
    te_beoordelen: Sequence[Sleutel],
    inschrijvers: Sequence[str],
    fouten: Verzamelaar,
    weg: _Opzij | None = None,
    kopie: list[Kopie] | None = None,
) -> Consensus | None:
    tabbladen = lees_werkboek(pad, pad.name, fouten)
    if tabbladen is None:
        return None
    t = tabbladen.get(TABBLAD_CONSENSUS) or tabbladen.get(TABBLAD)
    if t is None:
        fouten.voeg_toe(pad.name, f"tabblad '{TABBLAD_CONSENSUS}' ontbreekt")
        return None
    n = len(fouten.fouten)
    controleer_herkomst(aanbesteding, tabbladen, pad.name, fouten)  # scores chosen on another scale: refused
    open_: list[OpenRegel] = []
    deels_open = aanbesteding.beoordeling.aggregatie == "consensus"
    _foutwaarden_in_tabel(pad, t, fouten)  # an error value reads empty: never an open row in silence
    scores = _lees_tabel(aanbesteding, t, te_beoordelen, inschrijvers, fouten, False, open_, deels_open, weg)
    beslist = {(s.inschrijver, s.perceel, s.criterium) for s in scores}
    controleer_vervallen(aanbesteding, tabbladen, inschrijvers, set(te_beoordelen), beslist, fouten)
    datum, datumcel, getypt = None, "", ""
    for r in range(_tabel_start(t) or 0):
        if als_tekst(t.waarde(r, 0)) in (VELD_DATUM_CONSENSUS, VELD_DATUM):
            datumcel = t.plaats(r, 1)
            waarde = t.waarde(r, 1)
            datum, getypt = als_datum(waarde), als_tekst(waarde)
            if datum is None and als_tekst(waarde) != "":
                fouten.voeg_toe(datumcel, geen_datum(waarde, "datum van het consensusoverleg is geen datum"))
            elif datum is not None and (buiten := buiten_de_beoordeling(aanbesteding, datum)) is not None:
                fouten.voeg_toe(datumcel, buiten)
            break
    if datum is None and not getypt and scores and not deels_open:
        # a decision that overrides the reviewers' scores needs its date (with aggregatie consensus: an open point)
        fouten.voeg_toe(datumcel or f"{t.bestand}!{t.naam}", _zonder_datum(aanbesteding, scores))
    if len(fouten.fouten) > n:
        return None
    if kopie is not None:
        controleer_panel(t, _tabel_start(t) or 0, aanbesteding.beoordelaars, scores, fouten)
        kopie += kopieen(t, _tabel_start(t) or 0, aanbesteding.beoordelaars, scores)
    return Consensus(
        bestand=pad.name,
        sha256=sha256_bestand(pad),
        scores=tuple(scores),
        datum=datum,
        datumcel=datumcel,
        open=tuple(open_),
    )


def _zonder_datum(aanbesteding: Aanbesteding, scores: Sequence[Score]) -> str:
    """Why a consensus without the date of its meeting cannot be used, naming the rows it decided (at most three)."""
    regels = [
        f"{s.inschrijver}, perceel {s.perceel}, {aanbesteding.percelen[s.perceel].criterium_van(s.criterium).naam}"
        for s in scores
    ]
    getoond = "; ".join(regels[:3]) + (f"; en {len(regels) - 3} meer" if len(regels) > 3 else "")
    return (
        f"datum van het consensusoverleg ontbreekt, terwijl het panel {len(regels)} "
        f"{'regel' if len(regels) == 1 else 'regels'} in consensus besliste ({getoond}); het proces-verbaal van het "
        "advies zegt wanneer het panel besliste: vul de datum in"
    )


def _foutwaarden_in_tabel(pad: Path, t: Tabblad, fouten: Verzamelaar) -> None:
    """Every error value (#N/A of a lookup, #DIV/0!) in the consensus table's five columns is an input error at
    its cell: calamine reads it as empty, and an empty consensus row is no consensus, so the mean or median would
    count without a word. Only the consensus sheet, where an empty row is allowed; elsewhere the empty cell is an
    error already, and evaluatie.formulecel words it."""
    from evaluatie.formulecel import foutwaarden_onder

    start = _tabel_start(t)
    if start is None:
        return
    for plaats, bericht in foutwaarden_onder(pad, t.bestand, t.naam, start, len(KOLOMMEN)):
        fouten.voeg_toe(plaats, bericht)


def namen_in_formulieren(map_: Path) -> list[str]:
    """Every bidder name in the score tables of the reviewer forms and consensus.xlsx, as written (first spelling
    of each name, by the one name form of evaluatie.naamvorm). A withdrawal after scoring must name one of them."""
    from evaluatie.werkboek import map_inhoud

    gezien: dict[str, str] = {}
    for pad in map_inhoud(map_).lezen:
        if pad.suffix.lower() != ".xlsx":
            continue
        for t in (lees_werkboek(pad, pad.name, Verzamelaar()) or {}).values():
            start = _tabel_start(t)
            if start is None:
                continue
            for r in range(start + 1, len(t.rijen)):
                naam = als_tekst(t.waarde(r, 0))
                if naam:
                    gezien.setdefault(naamsleutel(naam), naam)
    return sorted(gezien.values(), key=str.lower)
