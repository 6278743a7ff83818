"""A gemeente that joins the framework agreement after the award (contract aansluiting), as a recorded decision.

Why only a named one: a framework agreement may only be used by the contracting authorities the tender documents
clearly name as parties, up to the maximum they state (CJEU C-216/17, Antitrust and Coopservice; C-23/20). The
tender names such a gemeente under `latere_gemeenten` with the lots it may join and its expected numbers; the
contract start recorded them, and its numbers are in each lot's maximum. Any other gemeente, or a lot it was not
named for, is refused with that rule.

It joins from the first day of a contract year: the allocation is per contract year. From that year on its number
is allocated by the rule the published method announced (evaluatie.gunning.aansluitregel): over the lot's suppliers
in the order of the award's ranking, each up to its capacity left that year, every other gemeente's allocation
unchanged. The register keeps this as a decision (kind 'aansluiting', its content the gemeente, lot, first day and
allocation) with the gemeente's row and the allocation in force from that year: no table of its own. The decision's
document (html and docx) goes to contract/aansluiting/ and into the contract file. Nothing is written when an input is
wrong; the register has the decision, the gemeente and the allocation, or none of them.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from evaluatie.contract.aansluitingsbesluit import Aansluiting, Jaarverdeling, besluitdocument
from evaluatie.contract.besluit import fouten_wie_waarom, leg_vast, niet_in_de_toekomst
from evaluatie.contract.lezen import Register
from evaluatie.contract.register import schrijf_toewijzing
from evaluatie.contract.registerwacht import terugdraaien
from evaluatie.fouten import EvaluatieFout, Fout, InvoerFout
from evaluatie.gemeentenamen import opsomming
from evaluatie.gunning.aansluitregel import C216, verdeel_aansluiting
from evaluatie.werkmap import Werkmap

MAP = "aansluiting"


def _gemeente(reg: Register, getypt: str) -> tuple[str | None, list[Fout]]:
    """The named later participant meant by `getypt`, or the error: a participant from the start, or a gemeente the
    tender does not name (C-216/17)."""
    from evaluatie.gemeentenamen import Namen

    if not getypt.strip():
        return None, [Fout("--gemeente", "is verplicht: de gemeente die aansluit")]
    later = Namen(reg.latere_gemeenten).zoek(getypt)
    if later is not None:
        return later, []
    deelnemer = Namen(reg.gemeenten).zoek(getypt)
    if deelnemer is not None:
        return None, [
            Fout(
                "--gemeente",
                f"{deelnemer} neemt sinds de start deel aan dit contract; aansluiten is er voor een gemeente die de "
                "aanbestedingsstukken als mogelijke latere deelnemer noemen",
            )
        ]
    genoemd = (
        "de aanbestedingsstukken noemen als mogelijke latere deelnemer alleen "
        + opsomming(list(reg.latere_gemeenten), "en")
        if reg.latere_gemeenten
        else "de aanbestedingsstukken noemen geen gemeente als mogelijke latere deelnemer (latere_gemeenten)"
    )
    return None, [
        Fout(
            "--gemeente",
            f"'{getypt}' kan niet aansluiten: {genoemd}, en {C216}; een andere gemeente kan alleen meedoen na een "
            "nieuwe aanbesteding, of met een wijziging met een grondslag uit art. 2.163b-g Aw 2012 (contract "
            "wijziging), wat een jurist beoordeelt",
        )
    ]


def _perceel(reg: Register, gemeente: str | None, perceel: str) -> list[Fout]:
    if not perceel.strip():
        return [Fout("--route", "is verplicht: het perceel waarbij de gemeente aansluit")]
    if perceel not in reg.percelen:
        return [Fout("--route", reg.geen_perceel(perceel))]
    if gemeente is None:
        return []
    naam = reg.percelen[perceel].naam
    genoemd = reg.latere_gemeenten[gemeente][1]
    if perceel not in genoemd:
        welke = opsomming([reg.percelen[c].naam if c in reg.percelen else c for c in genoemd], "en")
        return [
            Fout(
                "--route",
                f"{gemeente} is in de aanbestedingsstukken alleen genoemd voor {welke}, niet voor perceel {naam}: "
                + C216,
            )
        ]
    eerder = reg.aangesloten.get((gemeente, perceel))
    if eerder is not None:
        return [
            Fout(
                "--route",
                f"{gemeente} is al aangesloten bij perceel {naam} per {eerder.vanaf.strftime('%d-%m-%Y')} (besluit "
                f"{eerder.besluit})",
            )
        ]
    return []


def _per(reg: Register, per: dt.date | None) -> list[Fout]:
    """The first day of a contract year inside the term in force: the allocation is per contract year."""
    if per is None:
        return [Fout("--per", "is verplicht: de eerste dag van het contractjaar waarin de gemeente aansluit")]
    begindagen = [reg.jaargrenzen(j)[0] for j in range(1, reg.laatste_jaar + 1)]
    if per in begindagen and per <= reg.laatste_dag():
        return []
    kies = ", ".join(d.isoformat() for d in begindagen if d <= reg.laatste_dag())
    if per > reg.laatste_dag():
        return [
            Fout(
                "--per",
                f"{per.isoformat()} ligt na het einde van de looptijd ({reg.duur()}, tot en met "
                f"{reg.laatste_dag().isoformat()}){reg.open_opties(iso=True)}; kies de eerste dag van een "
                f"contractjaar: {kies}",
            )
        ]
    return [
        Fout(
            "--per",
            f"{per.isoformat()} is niet de eerste dag van een contractjaar: een gemeente sluit aan vanaf een "
            f"contractjaar, want de toewijzing is per contractjaar; kies {kies}",
        )
    ]


def verdeling(reg: Register, gemeente: str, perceel: str, vanaf: dt.date) -> tuple[Jaarverdeling, ...]:
    """The published rule (evaluatie.gunning.aansluitregel) for every contract year from `vanaf`; an error in words
    (exit 1) when the gemeente's number does not fit in a year's capacity left."""
    aantal = reg.latere_gemeenten[gemeente][1][perceel]
    actief = [s for s in reg.leveranciers_van(perceel) if reg.uitval_op(perceel, s.naam, vanaf) is None]
    uit, tekort = [], []
    for jaar in range(reg.contractjaar(vanaf), reg.toewijzingsjaren + 1):
        bezet: dict[str, int] = {}
        for (_, s), n in reg.toewijzing.get((perceel, jaar), {}).items():
            bezet[s] = bezet.get(s, 0) + n
        vrij = [(s.naam, s.capaciteit - bezet.get(s.naam, 0)) for s in actief]
        toegewezen, rest = verdeel_aansluiting(aantal, vrij)
        if rest:
            tekort.append(
                f"contractjaar {jaar}: vrij {sum(max(v, 0) for _, v in vrij)} ("
                + ", ".join(f"{n} {max(v, 0)}" for n, v in vrij)
                + f"), nodig {aantal}"
            )
        rijen = tuple((s.naam, s.rang, s.capaciteit, bezet.get(s.naam, 0), toegewezen.get(s.naam, 0)) for s in actief)
        uit.append(Jaarverdeling(jaar, rijen))
    if tekort:
        raise EvaluatieFout(
            [
                f"{gemeente} kan per {vanaf.strftime('%d-%m-%Y')} niet aansluiten bij perceel "
                f"{reg.percelen[perceel].naam}: haar {aantal} inburgeraars per jaar passen niet in de capaciteit die "
                f"de aanbieders nog vrij hebben ({'; '.join(tekort)}); de gepubliceerde regel verdeelt alleen over die "
                "vrije capaciteit en wijzigt de toewijzing aan de andere gemeenten niet"
            ]
        )
    return tuple(uit)


def sluit_aan(
    werkmap: Werkmap,
    db: sqlite3.Connection,
    reg: Register,
    gemeente: str,
    perceel: str,
    per: dt.date | None,
    datum: dt.date,
    door: str,
    reden: str,
    vandaag: dt.date | None = None,
    datum_opgegeven: bool = True,
) -> Aansluiting:
    """Admit a named later participant to `perceel` from `per` (see the module docstring); every input error at once."""
    from evaluatie.bestandsnamen import slug, veilige_naam

    naam, fouten = _gemeente(reg, gemeente)
    fouten += _perceel(reg, naam, perceel)
    fouten += _per(reg, per)
    fouten += niet_in_de_toekomst(datum, vandaag)
    if not niet_in_de_toekomst(datum, vandaag) and (f := reg.fout_buiten_looptijd(datum, "--datum", datum_opgegeven)):
        fouten.append(f)
    fouten += fouten_wie_waarom(door, reden)
    if fouten:
        raise InvoerFout(fouten)
    assert naam is not None and per is not None
    jaren = verdeling(reg, naam, perceel, per)
    doel = werkmap.root / "contract" / MAP
    stam = f"{per.isoformat()}-{veilige_naam(naam)}-{slug(perceel)}"
    paden = (doel / f"{stam}.html", doel / f"{stam}.docx")
    bestaand = [werkmap.relatief(x) for x in paden if x.exists()]
    if bestaand:
        raise InvoerFout([Fout("--gemeente", f"{', '.join(bestaand)} bestaat al: dit besluit is al genomen")])
    besluitnummer = int(db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM besluit").fetchone()[0])
    a = Aansluiting(
        naam,
        perceel,
        reg.percelen[perceel].naam,
        per,
        reg.latere_gemeenten[naam][1][perceel],
        jaren,
        besluitnummer,
        paden,
    )
    d = besluitdocument(reg, a, datum, door, reden)
    inhoud = (d.html().encode("utf-8"), d.docx(door, dt.datetime.combine(datum, dt.time(9))))
    _schrijf(db, reg, a, datum, door, reden, werkmap, inhoud)
    return a


def _schrijf(
    db: sqlite3.Connection,
    reg: Register,
    a: Aansluiting,
    datum: dt.date,
    door: str,
    reden: str,
    werkmap: Werkmap,
    inhoud: tuple[bytes, ...],
) -> None:
    """The document first, then the register in one transaction; a failed transaction takes the files back."""
    from evaluatie.hashing import sha256_bytes
    from evaluatie.schrijfwacht import maak_map, schrijf_bytes

    maak_map(a.bestanden[0].parent)
    geschreven = []
    try:
        for p, data in zip(a.bestanden, inhoud, strict=True):
            geschreven.append(schrijf_bytes(p, data))
        db.execute("BEGIN")
        try:
            besluit = leg_vast(
                db,
                "aansluiting",
                datum,
                door,
                reden,
                {
                    "gemeente": a.gemeente,
                    "perceel": a.perceel,
                    "vanaf": a.vanaf.isoformat(),
                    "per_jaar": a.per_jaar,
                    "toewijzing": {str(j.jaar): {r[0]: r[4] for r in j.rijen if r[4]} for j in a.jaren},
                    "bestanden": {
                        werkmap.relatief(p): sha256_bytes(b) for p, b in zip(a.bestanden, inhoud, strict=True)
                    },
                },
            )
            if besluit != a.besluit:  # the document names the decision by its number
                raise EvaluatieFout([f"het register gaf besluit {besluit}, het document noemt besluit {a.besluit}"])
            if a.gemeente not in reg.subregio:
                db.execute(
                    "INSERT INTO gemeente (naam, volgorde, subregio) "
                    "VALUES (?, (SELECT COALESCE(MAX(volgorde), -1) + 1 FROM gemeente), ?)",
                    (a.gemeente, reg.latere_gemeenten[a.gemeente][0]),
                )
            rijen = []
            for j in a.jaren:  # the allocation in force that year, with the new gemeente's rows added
                for (g, s), n in sorted(reg.toewijzing.get((a.perceel, j.jaar), {}).items()):
                    rijen.append((besluit, a.perceel, g, s, j.jaar, n))
                rijen += [(besluit, a.perceel, a.gemeente, r[0], j.jaar, r[4]) for r in j.rijen if r[4]]
            schrijf_toewijzing(db, rijen)
            db.execute("COMMIT")
        except BaseException:
            terugdraaien(db)
            raise
    except BaseException:
        for p in geschreven:
            p.unlink(missing_ok=True)
        raise
