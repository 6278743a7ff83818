"""The award as pandas DataFrames, for analysts: `evaluatie.open(werkmap)`.

It is the same pipeline, not a second one: `Aanbestedingsanalyse` holds the pipeline's Award
(pipeline.gun: bids, knock-out, panel, price, ranking, allocation) and only reshapes what it
computed. Nothing is written and nothing is logged; the figures are those of gunning.json
(ranking figures rounded to 4 decimals there, here at full precision).

pandas is imported here, at the top, and nowhere else in the package; `evaluatie.open` loads this
module on its call, so `import evaluatie` stays light.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from pathlib import Path

import pandas as pd

from evaluatie.fouten import EvaluatieFout, Fout, InvoerFout
from evaluatie.pipeline import Award, geen_handwerk, gun, met_handwerk
from evaluatie.stdout import alleen_eigen_uitvoer
from evaluatie.verdeling.oplosser import OPLOSSERS, STANDAARD
from evaluatie.werkmap import Werkmap, geen_aanbesteding, padnaam, werkmap_erboven


def _met_prijsscore(prijsmethode: str) -> bool:
    from evaluatie.prijs.basis import methode

    return methode(prijsmethode).heeft_prijsscore


def _tabel(rijen: Sequence[Mapping[str, object]], kolommen: dict[str, str]) -> pd.DataFrame:
    """The rows under their columns, each column of its one type (str, int64, float64, bool; object where a value may
    be None), with rows or without. The values are taken as they are (dtype object) and then cast: left to pandas,
    an empty table is all 'object', and a column of texts and None is read as text with NaN for None, which no cast
    to 'object' undoes (rangorde()'s beslist_door was NaN where the README says None)."""
    return pd.DataFrame(rijen, columns=list(kolommen), dtype=object).astype(kolommen)


class Aanbestedingsanalyse:
    """One workspace's award; every method returns a fresh DataFrame in a fixed row order."""

    def __init__(
        self, werkmap: Werkmap, percelen: str | None = None, oplosser: str = STANDAARD, award: Award | None = None
    ) -> None:
        self.werkmap = werkmap
        self._percelen = percelen
        self._oplosser = oplosser
        if award is not None:
            self.__dict__["award"] = award

    @cached_property
    def award(self) -> Award:
        """The award as `evaluatie gunning` computes it; a decision file edited by hand (not as its command left it)
        is refused as the award refuses it (InvoerFout), never applied in silence."""
        # no solver banner in a notebook either; a bid's error does not hide a hand edit
        with alleen_eigen_uitvoer(), met_handwerk(self.werkmap):
            award = gun(self.werkmap, self._percelen, self._oplosser)
        geen_handwerk(self.werkmap)  # after the award, as 'evaluatie gunning': an unreadable file is said as such
        return award

    def inschrijvingen(self) -> pd.DataFrame:
        """One row per bid per lot: price, capacity, intake moments, waiting time, gemeenten served (one text, a
        name with a comma between quotation marks as in every list of gemeenten in a text)."""
        from evaluatie.gemeentenamen import in_lijst

        rijen = [
            {
                "inschrijver": i.naam,
                "perceel": a.perceel,
                "prijs": a.prijs,
                "capaciteit": a.capaciteit,
                "instroommomenten": a.instroommomenten,
                "wachttijd_weken": a.wachttijd_weken,
                "gemeenten": ", ".join(in_lijst(g) for g in a.gemeenten),  # 'Nuenen, Gerwen en Nederwetten' quoted
                "bestand": i.bestand,
            }
            for i in self.award.invoer.inschrijvingen
            for a in i.aanbod.values()
        ]
        kolommen = {"inschrijver": "str", "perceel": "str", "prijs": "float64", "capaciteit": "int64"}
        kolommen |= {"instroommomenten": "int64", "wachttijd_weken": "float64", "gemeenten": "str", "bestand": "str"}
        return _tabel(rijen, kolommen)

    def knockout(self) -> pd.DataFrame:
        """One row per bid, lot and knock-out rule: whether it is met (None: not checkable) and why not; `status` is
        the bid's outcome in the lot in the words of gunning.json and `toets --json` (evaluatie.toets.status)."""
        rijen = [
            {
                "inschrijver": r.inschrijver,
                "perceel": r.perceel,
                "status": r.status,
                "regel": b.regel,
                "eis": b.eis,
                "voldoet": b.voldoet,
                "redenen": "; ".join(b.redenen),
            }
            for r in self.award.beoordeling.toets.resultaten
            for b in r.bevindingen
        ]
        kolommen = dict.fromkeys(["inschrijver", "perceel", "status", "regel", "eis"], "str")
        return _tabel(rijen, kolommen | {"voldoet": "object", "redenen": "str"})  # voldoet None: not checkable

    def scores(self) -> pd.DataFrame:
        """Every reviewer's score: one row per bid, lot, criterion and reviewer, also the scores that do not count.
        `opzijgezet` marks those and `opzij_reden` says why (as the note 'opzijgezet, ...'): a bid no longer assessed
        in the lot (knock-out, withdrawal; its `punten` are the typed score's points on the scale, NaN where the cell
        holds none or a value off the scale, which the award never reads), or rejected after scoring (art. 2.116).
        Rows in the README's order (lots, bidders by name, criteria, reviewers by name), set aside or not."""
        from evaluatie.pipeline import afgewezen_na_beoordeling

        afgewezen = {(t.inschrijver, t.perceel): t.id for t in self.award.invoer.afgewezen}
        rijen = [
            {
                "inschrijver": r.inschrijver,
                "perceel": r.perceel,
                "criterium": r.criterium,
                "beoordelaar": beoordelaar,
                "punten": punten,
                "opzijgezet": (r.inschrijver, r.perceel) in afgewezen,
                "opzij_reden": (
                    afgewezen_na_beoordeling(afgewezen[r.inschrijver, r.perceel])
                    if (r.inschrijver, r.perceel) in afgewezen
                    else ""
                ),
            }
            for r in self.award.beoordeling.panel.rijen
            for beoordelaar, punten in r.individueel.items()
        ]
        a = self.award.invoer.aanbesteding
        percelen = list(a.percelen)

        def criterium(perceel: str, code: str) -> int:
            codes = [c.code for c in a.percelen[perceel].gunningscriteria]
            return codes.index(code) if code in codes else len(codes)  # a lot without criteria: as typed

        opzij = sorted(
            ((f.beoordelaar, o) for f in self.award.beoordeling.formulieren for o in f.opzij),
            key=lambda x: (criterium(x[1].perceel, x[1].criterium), x[1].criterium, x[0].lower()),
        )
        rijen += [
            {
                "inschrijver": o.inschrijver,
                "perceel": o.perceel,
                "criterium": o.criterium,
                "beoordelaar": beoordelaar,
                "punten": o.punten,
                "opzijgezet": True,
                "opzij_reden": o.reden,
            }
            for beoordelaar, o in opzij
        ]
        # into the README's order (lots as in the tender, bidders by name); the panel's rows keep theirs
        rijen.sort(key=lambda r: (percelen.index(str(r["perceel"])), str(r["inschrijver"]).casefold()))
        kolommen = dict.fromkeys(["inschrijver", "perceel", "criterium", "beoordelaar"], "str")
        return _tabel(rijen, kolommen | {"punten": "float64", "opzijgezet": "bool", "opzij_reden": "str"})

    def panel(self) -> pd.DataFrame:
        """The panel per row: the score that counts (`punten`), the consensus score if any, the spread
        and whether the spread was flagged."""
        rijen = [
            {
                "inschrijver": r.inschrijver,
                "perceel": r.perceel,
                "criterium": r.criterium,
                "punten": r.punten,
                "consensus": r.consensus,
                "spreiding": r.spreiding,
                "signaal": r.signaal,
            }
            for r in self.award.beoordeling.panel.rijen
        ]
        kolommen = dict.fromkeys(["inschrijver", "perceel", "criterium"], "str")
        kolommen |= {"punten": "float64", "consensus": "float64", "spreiding": "float64", "signaal": "bool"}
        return _tabel(rijen, kolommen)  # consensus NaN where none, also when no row has one

    def kwaliteit(self) -> pd.DataFrame:
        """The quality score (0-100) per bid per lot, as the ranking uses it."""
        rijen = [
            {"perceel": code, "inschrijver": naam, "kwaliteit": k}
            for code, per in self.award.beoordeling.panel.kwaliteit.items()
            for naam, k in per.items()
        ]
        return _tabel(rijen, {"perceel": "str", "inschrijver": "str", "kwaliteit": "float64"})

    def _perceel(self, perceel: str) -> str:
        """A lot of this award by its code in any case ('b1', as --lots and open() take it), or an error in words:
        a misspelt lot is never an empty table. The lots it names may be an open house or not awarded, so the words
        are 'perceel van deze analyse', not 'gegund perceel'."""
        percelen = self.award.uitslag.percelen
        code = next((c for c in percelen if c.lower() == perceel.strip().lower()), None)
        if code is None:
            raise ValueError(f"{perceel!r} is geen perceel van deze analyse; wel: {', '.join(percelen) or 'geen'}")
        return code

    def rangorde(self, perceel: str | None = None) -> pd.DataFrame:
        """The ranking per lot (all ranked lots, or one), in rank order, each row with its lot's price method (what
        prijsscore and totaal mean there). An open-house lot has no ranking (see `toegelaten`): asked for by name it
        is an error in words, never a table of ranks the procedure lacks."""
        perceel = None if perceel is None else self._perceel(perceel)
        if perceel is not None and self._open_house(perceel):
            raise ValueError(
                f"perceel {perceel} is een open house (procedure: toelating): daar is geen rangorde; "
                "de toegelaten inschrijvers staan in toegelaten()"
            )
        rijen = [
            {
                "perceel": code,
                "rang": r.rang,
                "inschrijver": r.inschrijver,
                "kwaliteit": r.kwaliteit,
                "prijs": r.prijs,
                "prijsscore": r.prijsscore if _met_prijsscore(p.prijsmethode) else float("nan"),  # vaste_prijs: none
                "totaal": r.totaal,
                "gelijke_stand": r.gelijke_stand,
                "beslist_door": r.beslist_door,
                # what prijsscore and totaal are: under fictieve_korting the discount and the fictitious price in
                # euro, the lowest first; one column over all lots mixes them, so each row says its method
                "prijsmethode": p.prijsmethode,
            }
            for code, p in self.award.uitslag.percelen.items()
            if perceel in (None, code) and not self._open_house(code)
            for r in p.rangorde
        ]
        kolommen = {"perceel": "str", "rang": "int64", "inschrijver": "str", "kwaliteit": "float64", "prijs": "float64"}
        kolommen |= {"prijsscore": "float64", "totaal": "float64", "gelijke_stand": "bool", "beslist_door": "object"}
        kolommen |= {"prijsmethode": "str"}
        return _tabel(rijen, kolommen)

    def toegelaten(self) -> pd.DataFrame:
        """The admitted bids of the open-house lots, by name (as gunning.json lists them): no rank or price score.
        kwaliteit at full precision, as in kwaliteit() (gunning.json rounds it to 4 decimals), and None (NaN) where
        the lot scores no quality."""
        from evaluatie.gunning.uitvoer import op_naam

        rijen = [
            {
                "perceel": code,
                "inschrijver": r.inschrijver,
                "kwaliteit": r.kwaliteit if p.kwaliteit_beoordeeld else None,
                "prijs": r.prijs,
            }
            for code, p in self.award.uitslag.percelen.items()
            if self._open_house(code)
            for r in op_naam(p)
        ]
        # kwaliteit NaN where the lot scores no quality (no minimum_kwaliteit)
        return _tabel(rijen, {"perceel": "str", "inschrijver": "str", "kwaliteit": "float64", "prijs": "float64"})

    def uitkomst(self) -> pd.DataFrame:
        """One row per lot: its procedure and outcome (status) in the words of gunning.json ('gegund', 'niet
        gegund'; an open house 'toelating'), the number of valid bids (ranked or admitted) and of bids out of the lot.
        A lot that is not awarded has no rows in rangorde(), toewijzing() or kosten(), and verdeling() gives it no
        supplier column: this table says why, instead of leaving an absence to be read as a missing figure."""
        rijen = [
            {
                "perceel": code,
                "naam": p.naam,
                "procedure": p.procedure,
                "status": p.status,  # gunning.json's own field (gunning.uitvoer.als_dict)
                "geldig": len(p.rangorde),
                "afgevallen": len(p.uitgesloten),
            }
            for code, p in self.award.uitslag.percelen.items()
        ]
        kolommen = dict.fromkeys(["perceel", "naam", "procedure", "status"], "str")
        return _tabel(rijen, kolommen | {"geldig": "int64", "afgevallen": "int64"})

    def _open_house(self, perceel: str) -> bool:
        return self.award.uitslag.percelen[perceel].procedure == "toelating"

    def open_punten(self) -> pd.DataFrame:
        """What keeps the award a CONCEPT (exit 1 and no letters on the command line): an undecided draw, a stale
        decision, a missing sender, ... with the words and the command of 'evaluatie gunning'. The tables are those
        of the provisional award while a point is open; an undecided draw stops the allocation tables (_beslist)."""
        rijen = [p.als_dict() for p in self.award.open_punten]
        return _tabel(rijen, {"soort": "str", "tekst": "str", "commando": "str"})

    def _beslist(self, percelen: list[str]) -> None:
        """No allocation while a tie decides it and no draw is recorded: the pipeline then orders the tie
        alphabetically (a provisional award, exit 1 on the command line), a default no analyst should take as the
        award. The ranking shows the tie (gelijke_stand)."""
        open_ = [st for st in self.award.uitslag.loting_nodig if st.perceel in percelen]
        if open_:
            raise EvaluatieFout(
                [
                    f"perceel {st.perceel}: {', '.join(st.inschrijvers)} staan gelijk op rang {st.rang} en de "
                    "volgorde bepaalt de verdeling; zonder loting is er geen verdeling. Leg de loting vast: "
                    f"{st.commando()}"
                    for st in open_
                ]
            )

    def toewijzing(self) -> pd.DataFrame:
        """The allocation in long form: one row per lot, gemeente and supplier with its number and cost."""
        self._beslist(list(self.award.uitslag.percelen))
        return self._lang()

    def _lang(self) -> pd.DataFrame:
        """toewijzing without the check (verdeling checks its own lot only)."""
        rijen = [
            {
                "perceel": code,
                "gemeente": t.gemeente,
                "inschrijver": t.inschrijver,
                "aantal": t.aantal,
                "kosten": t.kosten,
            }
            for code, p in self.award.uitslag.percelen.items()
            for t in p.toewijzing
        ]
        kolommen = {"perceel": "str", "gemeente": "str", "inschrijver": "str", "aantal": "int64", "kosten": "float64"}
        return _tabel(rijen, kolommen)

    def verdeling(self, perceel: str) -> pd.DataFrame:
        """Gemeente x supplier: inburgeraars per year for one lot (0 where none), gemeenten in tender order,
        suppliers in rank order; in an open house, which ranks nobody, by name (as toegelaten() and gunning.json
        list them), not in the order the ranking step left them in, an order the procedure does not have."""
        from evaluatie.gunning.uitvoer import op_naam

        perceel = self._perceel(perceel)
        p = self.award.uitslag.percelen[perceel]
        self._beslist([perceel])
        lang = self._lang()
        lang = lang[lang["perceel"] == perceel]
        tabel = lang.pivot_table(index="gemeente", columns="inschrijver", values="aantal", aggfunc="sum", fill_value=0)
        gemeenten = list(self.award.invoer.aanbesteding.vraag(perceel))
        leveranciers = [r.inschrijver for r in (op_naam(p) if self._open_house(perceel) else p.rangorde)]
        return tabel.reindex(index=gemeenten, columns=leveranciers, fill_value=0).astype(int)

    def kosten(self) -> pd.DataFrame:
        """Cost per year per lot and gemeente (euro), summed over the suppliers."""
        lang = self.toewijzing()
        return lang.groupby(["perceel", "gemeente"], sort=False, as_index=False)[["aantal", "kosten"]].sum()


def open(werkmap: str | Path, percelen: str | None = None, oplosser: str = STANDAARD) -> Aanbestedingsanalyse:
    """The award of the tender in `werkmap` as DataFrames (computed on first use).

    Said at the call, in words: an empty path (an empty variable) is a ValueError, never the current folder (as
    `--werkmap ""` on the command line), and a folder without aanbesteding.yaml an InvoerFout with its path."""
    if not str(werkmap).strip():
        raise ValueError(
            "werkmap: een leeg pad is geen werkmap (ook niet de huidige map); geef de map van de aanbesteding, "
            "bijvoorbeeld evaluatie.open('bids/voorbeeld')"
        )
    if percelen is not None and not percelen:  # '' (an empty variable) is no choice of lots, as --lots "" is not
        raise ValueError(
            "percelen: een lege tekst noemt geen perceel; laat percelen weg voor alle percelen, of geef codes, "
            "bijvoorbeeld evaluatie.open(map, percelen='B1,Z')"
        )
    if oplosser not in OPLOSSERS:  # said at the call with the choices, as --solver does
        raise ValueError(f"onbekende oplosser {oplosser!r}; kies uit {', '.join(OPLOSSERS)}")
    pad = Path(werkmap)
    if not (pad / "aanbesteding.yaml").is_file():
        boven = werkmap_erboven(pad)  # a notebook opened in inschrijvingen/: the werkmap above is named
        wat = f"die staat in {boven}: geef evaluatie.open('{boven}')" if boven else "geef de map van de aanbesteding"
        raise InvoerFout([Fout(padnaam(pad), f"{geen_aanbesteding(pad)}; {wat}")])
    return Aanbestedingsanalyse(Werkmap(pad), percelen, oplosser)
