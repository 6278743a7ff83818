"""The panel's quality score of a later applicant to an open house with a minimum quality (contract toetreding).

Why: the toelatingsbesluit and the systematiek promise that a provider can join the open house later, and where the
lot demands a minimum quality score, that "een kwaliteitsplan, dat beoordelaars op dezelfde wijze beoordelen als bij
de aanbesteding" goes with the form. `contract toetreding` used to stop there ("vraagt eerst een beoordeling, die
deze opdracht niet doet") without saying how, so the promise had no route. The route now:

1. Without `--kwaliteit` the command writes a consensus form for this applicant and lot under contract/toetreding/
   (the lot's published criteria, weights and scale) and stops with exit 1, naming the form and what to fill in.
2. The panel scores the quality plan as at the award and fills in the form: per criterion the consensus score on
   the published scale and its motivation, the reviewers' names and the day of the consensus.
3. With `--kwaliteit FORM` the command reads it (every error with its cell, all at once, exit 2), computes the
   quality score with the award's formula (beoordeling.aggregatie: weight x points / maximum points, over the sum of
   the weights, x 100), and checks it against the minimum with the lot's own knock-out rule; the letter gives the
   scores, the motivation and the quality score against the minimum, as the award's letters do, naming the panel
   by its size (the award's letters never name reviewers); the register's decision keeps the names and the form's
   SHA-256.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evaluatie.fouten import Fout, InvoerFout

if TYPE_CHECKING:
    from evaluatie.beoordeling.model import Rijscore
    from evaluatie.definitie.model import Perceel
    from evaluatie.inschrijving.model import Inschrijving

BLAD = "Kwaliteit"
# the blank form's name ends so, beside the letter: a working paper, not a contract document (contract.dossier); the
# form the decision rests on is kept as its own copy '...-kwaliteit.xlsx'
FORMULIER = "-kwaliteit-formulier.xlsx"
KOPRIJ = 6  # the row of the criteria's header; the criteria follow it, in the lot's published order
_VELDEN = ("Aanbieder", "Perceel", "Beoordelaars (namen, gescheiden door komma's)", "Datum van de consensus")


@dataclass(frozen=True)
class Panelscore:
    """The panel's consensus on a later applicant's quality plan, as read from the form."""

    scores: tuple[tuple[str, float, str], ...]  # (criterion code, points, motivation), in the lot's order
    beoordelaars: tuple[str, ...]
    datum: dt.date
    kwaliteit: float  # 0-100, the award's formula

    def rijen(self, inschrijver: str, perceel: str) -> list[Rijscore]:
        """The scores as the award's panel rows (a consensus per criterion), for the award's letter writer."""
        from evaluatie.beoordeling.model import Rijscore

        return [
            Rijscore(
                inschrijver=inschrijver,
                perceel=perceel,
                criterium=code,
                individueel={},
                toelichtingen={},
                consensus=punten,
                consensus_toelichting=motivering,
                punten=punten,
                spreiding=0.0,
                spreiding_stappen=0,
                signaal=False,
                afwijkers=(),
            )
            for code, punten, motivering in self.scores
        ]


def kwaliteit(p: Perceel, punten: dict[str, float]) -> float:
    """The quality score (0-100) from the points per criterion code: the award's formula (beoordeling.aggregatie)."""
    som = sum(c.weging for c in p.gunningscriteria)
    return sum(c.weging * punten[c.code] / p.schaal.max_punten * 100 / som for c in p.gunningscriteria)


def schrijf_formulier(pad: Path, p: Perceel, code: str, ins: Inschrijving) -> Path:
    """The consensus form for one applicant and lot: the fields to fill in, the criteria with their weights, and on
    a second sheet the published scale and what to do."""
    from openpyxl import Workbook
    from openpyxl.worksheet.datavalidation import DataValidation

    from evaluatie.schrijfwacht import maak_map, schrijf_bytes
    from evaluatie.tekst import kort

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = BLAD
    for i, (veld, waarde) in enumerate(zip(_VELDEN, (ins.naam, code, None, None), strict=True), start=1):
        ws.cell(i, 1, veld)
        ws.cell(i, 2, waarde)
    for j, kop in enumerate(("Criterium", "Weging", "Score", "Motivering (consensus van het panel)"), start=1):
        ws.cell(KOPRIJ, j, kop)
    for i, c in enumerate(p.gunningscriteria, start=KOPRIJ + 1):
        ws.cell(i, 1, c.naam)
        ws.cell(i, 2, c.weging)
    keuzes = ",".join(s.tekst for s in p.schaal.stappen)
    if len(keuzes) < 250:  # Excel's limit for a list typed in the validation
        dv = DataValidation(type="list", formula1=f'"{keuzes}"', allow_blank=True)
        ws.add_data_validation(dv)
        dv.add(f"C{KOPRIJ + 1}:C{KOPRIJ + len(p.gunningscriteria)}")
    ws.column_dimensions["A"].width = 45
    ws.column_dimensions["D"].width = 80
    uitleg = wb.create_sheet("Instructie")
    regels = [
        f"Late aanmelding van {ins.naam} voor perceel {p.naam} ({code}): het panel beoordeelt het kwaliteitsplan op "
        "dezelfde wijze als de inschrijvingen bij de aanbesteding.",
        "Vul op het tabblad Kwaliteit per criterium de consensusscore van het panel in (een punt van de schaal "
        "hieronder) en de motivering, en bovenaan de namen van de beoordelaars en de datum van de consensus.",
        f"Schaal: {p.schaal.beschrijving()}.",
        "Geef het ingevulde formulier daarna op met evaluatie contract toetreding --kwaliteit PAD (met dezelfde "
        "andere opties).",
    ]
    regels += [f"Schaalpunt {s.tekst}: {s.omschrijving}" for s in p.schaal.stappen if s.omschrijving]
    regels.append(f"Minimaal vereiste kwaliteitsscore: zie de knock-outeis van het perceel (maximaal {kort(100)}).")
    for i, r in enumerate(regels, start=1):
        uitleg.cell(i, 1, r)
    import io

    buf = io.BytesIO()
    wb.save(buf)
    maak_map(pad.parent)
    return schrijf_bytes(pad, buf.getvalue())


def _datum(waarde: Any) -> dt.date | None:
    if isinstance(waarde, dt.datetime):
        return waarde.date()
    if isinstance(waarde, dt.date):
        return waarde
    if isinstance(waarde, str):
        tekst = waarde.strip()
        for patroon in ("%d-%m-%Y", "%Y-%m-%d"):
            try:
                return dt.datetime.strptime(tekst, patroon).date()
            except ValueError:
                continue
    return None


def _tekst(waarde: Any) -> str:
    return "" if waarde is None else str(waarde).strip()


def lees_formulier(
    pad: Path, p: Perceel, code: str, ins: Inschrijving, ontvangen: dt.date, besluitdatum: dt.date
) -> Panelscore:
    """The filled-in form, checked: every error names its cell, all together (InvoerFout, exit 2)."""
    from openpyxl import load_workbook

    from evaluatie.contract import privacy
    from evaluatie.naamvorm import sleutel
    from evaluatie.tekst import kort

    naam = pad.name
    if not pad.is_file():
        raise InvoerFout([Fout("--kwaliteit", f"{pad}: bestand niet gevonden")])
    try:
        wb = load_workbook(pad, data_only=False)
    except Exception as e:  # not a workbook at all: said at the option, never a traceback
        raise InvoerFout(
            [Fout("--kwaliteit", f"{naam} is geen leesbaar xlsx-formulier ({type(e).__name__})")]
        ) from None
    if BLAD not in wb.sheetnames:
        raise InvoerFout([Fout(naam, f"tabblad '{BLAD}' ontbreekt: gebruik het formulier dat de opdracht schreef")])
    ws = wb[BLAD]
    fouten: list[Fout] = []

    def cel(ref: str) -> str:
        return f"{naam}!{BLAD}!{ref}"

    def fout(ref: str, bericht: str) -> None:
        """One error per cell, the first: a formula is not also an empty score or another applicant's name."""
        if all(f.plaats != cel(ref) for f in fouten):
            fouten.append(Fout(cel(ref), bericht))

    def waarde(ref: str) -> Any:
        v = ws[ref].value
        if isinstance(v, str) and v.startswith("="):
            fout(ref, "bevat een formule; vul de waarde zelf in")
            return None
        return v

    if sleutel(_tekst(waarde("B1"))) != sleutel(ins.naam):
        fout("B1", f"'{_tekst(ws['B1'].value)}' is niet de aanmelder {ins.naam}")
    if _tekst(waarde("B2")) != code:
        fout("B2", f"'{_tekst(ws['B2'].value)}' is niet perceel {code}")
    namen = tuple(n.strip() for n in re.split(r",|\ben\b", _tekst(waarde("B3"))) if n.strip())
    if not namen:
        fout("B3", "wie heeft beoordeeld? vul de namen van de beoordelaars in")
    elif privacy.email(_tekst(ws["B3"].value)) or privacy.bsn_in_tekst(_tekst(ws["B3"].value)):
        fout("B3", "alleen de namen van de beoordelaars, geen e-mailadres of nummer")
    dag = _datum(waarde("B4"))
    if dag is None:
        fout("B4", "de datum van de consensus ontbreekt of is geen datum (dd-mm-jjjj)")
    elif not ontvangen <= dag <= besluitdatum:
        fout(
            "B4",
            f"{dag.strftime('%d-%m-%Y')} ligt niet tussen de ontvangst van de aanmelding "
            f"({ontvangen.strftime('%d-%m-%Y')}) en de datum van het besluit ({besluitdatum.strftime('%d-%m-%Y')})",
        )
    scores = []
    for i, c in enumerate(p.gunningscriteria, start=KOPRIJ + 1):
        if _tekst(waarde(f"A{i}")) != c.naam:
            fout(f"A{i}", f"hier hoort criterium '{c.naam}' (de volgorde van het formulier)")
            continue
        ruw = waarde(f"C{i}")
        stap = p.schaal.zoek(ruw) if ruw is not None else None
        if stap is None:
            wat = "ontbreekt" if ruw is None or _tekst(ruw) == "" else f"'{_tekst(ruw)}' staat niet op de schaal"
            fout(f"C{i}", f"de score {wat}; kies uit {', '.join(kort(s.punten) for s in p.schaal.stappen)}")
        motivering = _tekst(waarde(f"D{i}"))
        if not motivering:
            fout(f"D{i}", "iedere score heeft een motivering (de brief citeert haar)")
        if stap is not None and motivering:
            scores.append((c.code, stap.punten, motivering))
    if fouten:
        raise InvoerFout(fouten)
    assert dag is not None
    return Panelscore(tuple(scores), namen, dag, kwaliteit(p, {c: s for c, s, _ in scores}))
