"""The contract dossier: every document from the tender to the latest quarterly report, with SHA-256.

Why a copy with an index: the dossier must stay complete and accessible to every stakeholder after the
people who made it have moved on. One command copies the documents into contract/dossier/ (and, with
--zip, contract/dossier.zip), writes index.html for people and index.json for `evaluatie controleer`,
which re-hashes every document so a changed or missing one is named.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from html import escape
from pathlib import Path

from evaluatie.contract import dossiermigratie, dossierpublicaties
from evaluatie.contract.indexatie import percentage_tekst
from evaluatie.contract.lezen import lees_register
from evaluatie.contract.optie import looptijd_zin
from evaluatie.contract.publicatie import lees as lees_publicaties
from evaluatie.contract.register import MAP, open_register
from evaluatie.contract.toetredingskwaliteit import FORMULIER
from evaluatie.hashing import sha256_bestand, sha256_bytes
from evaluatie.rapport.html import isoleer_rtl, paginavoet
from evaluatie.tekst import datums_in_tekst, euro, getal
from evaluatie.werkmap import Werkmap

DOSSIER = "dossier"
INDEX = "index.json"

# (category, folders or files relative to the werkmap) in the order of the procedure; the published method
# (`template systematiek`) and the bid form are what the bidders were given, so they belong to the file too
ONDERDELEN: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Aanbesteding",
        (
            "aanbesteding.yaml",
            "gunningssystematiek.html",
            "gunningssystematiek.docx",
            "inschrijfformulier.xlsx",
            "loting.yaml",
            "besluiten.yaml",
            "criteria",
        ),
    ),
    ("Inschrijvingen", ("inschrijvingen",)),
    ("Beoordelingen", ("beoordelingen",)),
    ("Gunning", ("rapporten", "logboek.jsonl")),
    # late applications and their toelatingsbesluit, admitted or not: 'Later toegetreden' filed a refused one as joined
    ("Later toetreden (open house): aanmeldingen en toelatingsbesluiten", (f"{MAP}/toetreding",)),
    ("Later aangesloten gemeenten", (f"{MAP}/aansluiting",)),  # the decisions of contract aansluiting
    ("Aanleveringen van gemeenten", (f"{MAP}/aanleveringen",)),
    ("Kwartaalrapportages", (f"{MAP}/kwartaal",)),
)


@dataclass(frozen=True)
class Stuk:
    categorie: str
    pad: str  # relative to the dossier folder
    sha256: str
    bytes: int


def _bestanden(bron: Path) -> list[Path]:
    if bron.is_file():
        return [bron]
    if bron.is_dir():
        return sorted(
            p
            for p in bron.rglob("*")
            if p.is_file() and not p.name.startswith((".", "~$")) and not _werkformulier(p.name)
        )
    return []


def _werkformulier(naam: str) -> bool:
    """The panel's form that `contract toetreding` writes without --kwaliteit: blank, or being filled in, it is no
    contract document (the dossier listed it among the toelatingsbesluiten as if it were one); the form a decision
    rests on is kept beside the letter as its own copy, '...-kwaliteit.xlsx', with its SHA-256 in the register."""
    return naam.endswith(FORMULIER)


def _criteria(werkmap: Werkmap, tmp: Path, stukken: list[Stuk]) -> None:
    """The criteria set the award cites, when it lives outside the werkmap (the bundled sets)."""
    from evaluatie.contract.basis import gunningpad
    from evaluatie.definitie.laden import zoek_criteriaset

    pad = gunningpad(werkmap)
    if not pad.is_file():
        return
    for b in json.loads(pad.read_text(encoding="utf-8")).get("invoer", []):
        naam = b["bestand"]
        if not naam.startswith("criteria/") or (werkmap.root / naam).is_file() or any(s.pad == naam for s in stukken):
            continue
        bron = zoek_criteriaset(Path(naam).stem, werkmap.root)
        if bron is not None and bron.is_file():
            (tmp / naam).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(bron, tmp / naam)
            stukken.append(Stuk("Aanbesteding", naam, sha256_bestand(bron), bron.stat().st_size))


def _besluiten(db: sqlite3.Connection) -> list[dict[str, object]]:
    return [
        {"id": i, "soort": s, "datum": d, "door": w, "reden": r, "inhoud": json.loads(x)}
        for i, s, d, w, r, x in db.execute("SELECT id, soort, datum, door, reden, inhoud FROM besluit ORDER BY id")
    ]


def _geen_koppeling_naar_buiten(werkmap: Werkmap) -> None:
    """A link (symlink) among the dossier's files that leads out of the werkmap is an input error naming it: the
    dossier copies what a link points to, so a file from elsewhere (a private one) would go out with it."""
    from evaluatie.fouten import Fout, InvoerFout

    wortel = werkmap.root.resolve()
    fouten = []
    for _, bronnen in ONDERDELEN:
        for naam in bronnen:
            for pad in _bestanden(werkmap.root / naam):
                if pad.is_symlink() and not pad.resolve().is_relative_to(wortel):
                    fouten.append(
                        Fout(
                            pad.relative_to(werkmap.root).as_posix(),
                            "koppeling naar een bestand buiten de werkmap; het dossier zou dat bestand meenemen: "
                            "zet het bestand zelf in de werkmap of haal de koppeling weg",
                        )
                    )
    if fouten:
        raise InvoerFout(fouten)


def schrijf_dossier(werkmap: Werkmap, als_zip: bool = False) -> tuple[Path, int, Path | None]:
    from evaluatie.schrijfwacht import atomaire_map as atomair

    _geen_koppeling_naar_buiten(werkmap)
    db = open_register(werkmap, alleen_lezen=True)
    doel = werkmap.root / MAP / DOSSIER
    stukken: list[Stuk] = []
    try:
        besluiten = _besluiten(db)
        rij = db.execute("SELECT aanbesteding, startdatum FROM contract").fetchone()
        titel = f"{rij[0]}, overeenkomsten per {datums_in_tekst(str(rij[1]))}" if rij else "contract nog niet gestart"
        kaal = lees_register(db, met_plaatsingen=False) if rij else None
        looptijd = looptijd_zin(kaal) if kaal else ""
        einde = kaal.laatste_dag().isoformat() if kaal else None
        kopieen = dossiermigratie.kopieen(db, werkmap)  # before anything is written: an error leaves the dossier
        with atomair(doel) as tmp:
            for categorie, bronnen in ONDERDELEN:
                for naam in bronnen:
                    for pad in _bestanden(werkmap.root / naam):
                        rel = pad.relative_to(werkmap.root).as_posix()
                        (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
                        shutil.copyfile(pad, tmp / rel)
                        stukken.append(Stuk(categorie, rel, sha256_bestand(pad), pad.stat().st_size))
                if categorie == "Aanbesteding":
                    _criteria(werkmap, tmp, stukken)
            tekst = json.dumps(besluiten, ensure_ascii=False, indent=2) + "\n"
            (tmp / MAP).mkdir(parents=True, exist_ok=True)
            (tmp / MAP / "besluiten.json").write_text(tekst, encoding="utf-8")
            data = tekst.encode("utf-8")
            stukken.append(Stuk("Contract: besluiten", f"{MAP}/besluiten.json", sha256_bytes(data), len(data)))
            kopie = sqlite3.connect(tmp / MAP / "register.sqlite")
            db.backup(kopie)
            kopie.execute("PRAGMA journal_mode = DELETE")
            kopie.close()
            pad = tmp / MAP / "register.sqlite"
            stukken.append(
                Stuk("Contract: register", f"{MAP}/register.sqlite", sha256_bestand(pad), pad.stat().st_size)
            )
            for rel, bron, sha in kopieen:  # the register above cites them by name and SHA-256
                shutil.copyfile(bron, tmp / rel)
                stukken.append(Stuk(dossiermigratie.CATEGORIE, rel, sha, bron.stat().st_size))
            publicaties = dossierpublicaties.regels(lees_publicaties(db), [s.pad for s in stukken])
            html = isoleer_rtl(  # a name in Arabic or Hebrew keeps the order of the table around it
                _index_html(
                    titel,
                    stukken,
                    besluiten,
                    looptijd,
                    _gecorrigeerd(db),
                    dossierpublicaties.als_html(publicaties),
                    einde,
                    {c: p.naam for c, p in kaal.percelen.items()} if kaal else None,
                    dossiermigratie.herlezing(db, werkmap) if kopieen else "",
                )
            )
            (tmp / "index.html").write_text(html, encoding="utf-8")
            stukken.append(Stuk("Index", "index.html", sha256_bytes(html.encode("utf-8")), len(html.encode("utf-8"))))
            index: dict[str, object] = {"documenten": [s.__dict__ for s in stukken]}
            if publicaties:
                index["publicaties"] = [r.als_json() for r in publicaties]
            (tmp / INDEX).write_text(json.dumps(index, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    finally:
        db.close()
    zip_pad = None
    if als_zip:
        zip_pad = werkmap.root / MAP / f"{DOSSIER}.zip"
        _schrijf_zip(doel, zip_pad)
    return doel, len(stukken), zip_pad


def _schrijf_zip(doel: Path, zip_pad: Path) -> None:
    """The zip next to a temporary name, renamed over the old one only when complete (evaluatie.schrijfwacht)."""
    from evaluatie.schrijfwacht import bewaakt, hernoem, tijdelijke_naam

    tijdelijk = tijdelijke_naam(zip_pad)
    try:
        with bewaakt(zip_pad), zipfile.ZipFile(tijdelijk, "w", zipfile.ZIP_DEFLATED) as z:
            for p in sorted(q for q in doel.rglob("*") if q.is_file()):
                info = zipfile.ZipInfo(f"{DOSSIER}/{p.relative_to(doel).as_posix()}", (1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, p.read_bytes())
        hernoem(tijdelijk, zip_pad)
    finally:
        tijdelijk.unlink(missing_ok=True)


def _gecorrigeerd(db: sqlite3.Connection) -> dict[int, tuple[int, str]]:
    """Event id -> the correction that replaces it now (its id, and where it was delivered: file!sheet!cell), the
    chain of corrections followed to its current end: a withdrawn event corrected by a later delivery counts again
    (contract inlezen), so the dossier may not say of it that it does not count."""
    door = {
        int(oud): (int(nieuw), str(plaats))
        for nieuw, oud, plaats in db.execute("SELECT id, vervangt, plaats FROM gebeurtenis WHERE vervangt IS NOT NULL")
    }
    uit = {}
    for oud, (nieuw, plaats) in door.items():
        while nieuw in door:
            nieuw, plaats = door[nieuw]
        uit[oud] = (nieuw, plaats)
    return uit


def _ingetrokken_html(
    besluiten: list[dict[str, object]], gecorrigeerd: dict[int, tuple[int, str]], einde: str | None = None
) -> str:
    """The withdrawals (contract intrekken) by name: the register and the deliveries in the dossier still hold those
    events, and a reader of either must find which ones the figures leave out, from which day and why; and which a
    later correction replaced, that counts again unless it was withdrawn in turn (`gecorrigeerd`: _gecorrigeerd).
    `einde` (ISO): the term's last day; a withdrawal dated after it counts from that day (Register.geldt_vanaf)."""
    from evaluatie.contract.gebeurtenissen import SOORTEN

    regels = []
    vervangen = False
    besluit_van = {  # event id -> the decision that withdrew it
        int(x["inhoud"]["gebeurtenis"]): x["id"]  # type: ignore[index]
        for x in besluiten
        if x["soort"] == "intrekking"
    }
    for x in besluiten:
        if x["soort"] != "intrekking":
            continue
        i = x["inhoud"]
        assert isinstance(i, dict)
        correctie = gecorrigeerd.get(int(i["gebeurtenis"]))
        vervangen = vervangen or correctie is not None
        regels.append(
            f"<li>Besluit {x['id']} van {escape(datums_in_tekst(str(x['datum'])))}: "
            f"{escape(SOORTEN[i['soort']].label)} van {escape(datums_in_tekst(i['datum_gebeurtenis']))} van klant "
            f"{escape(i['klantnummer'])} ({escape(i['gemeente'])}, {escape(i['plaats'])}) is ingetrokken: "
            f"{escape(str(x['reden']))}"
            + (
                f" (het besluit ligt na het einde van de looptijd, zoals de gebeurtenis na dat einde is ingelezen: zij "
                f"telt niet mee vanaf de laatste dag, {escape(datums_in_tekst(einde))})"
                if einde is not None and str(x["datum"]) > einde
                else ""
            )
            + (
                ""
                if correctie is None
                else f"; een latere aanlevering ({escape(correctie[1])}) heeft deze gebeurtenis gecorrigeerd, en die "
                + (
                    "correctie telt weer mee"
                    if correctie[0] not in besluit_van
                    else f"correctie telde weer mee tot besluit {besluit_van[correctie[0]]} haar introk"
                )
            )
            + "</li>"
        )
    if not regels:
        return ""
    return (
        "<h2>Ingetrokken gebeurtenissen</h2><p>Deze gebeurtenissen staan nog in het register en in de aanleveringen, "
        "maar tellen vanaf de datum van het besluit niet meer mee in de stand, het advies en de kwartaalrapportages; "
        "een rapport tot een eerdere dag telt ze wel"
        + (
            ". Een gebeurtenis die een latere aanlevering heeft gecorrigeerd, telt als die correctie weer mee, ook in "
            "een rapport dat opnieuw wordt gemaakt (zoals iedere correctie)"
            if vervangen
            else ""
        )
        + f".</p><ul>{''.join(regels)}</ul>"
    )


def _soort(besluit: dict[str, object], percelen: dict[str, str]) -> str:
    """The kind of a decision as the index names it. A contract change says what it changed, from its recorded
    content: the lot, the kind, the value, the legal basis and, under de minimis (art. 2.163b Aw 2012), the total
    against the limit; 'wijziging' alone left an auditor to open besluiten.json to see what was changed."""
    from evaluatie.contract.wijziging import GRONDSLAGEN

    soort, i = str(besluit["soort"]), besluit["inhoud"]
    if soort != "wijziging" or not isinstance(i, dict) or i.get("grondslag") not in GRONDSLAGEN:
        return soort
    n = int(i.get("trajecten") or 0)
    wat = {
        "extra_volume": f"extra volume van {getal(n, 0)} {'traject' if n == 1 else 'trajecten'}",
        "verlenging": "verlenging"
        + (f" tot en met {datums_in_tekst(str(i['tot_en_met']))}" if i.get("tot_en_met") else ""),
        "overig": "overige wijziging",
        # a percentage decides the prices (evaluatie.contract.indexatie); the value is what it gave on that day's room
        "indexatie": f"indexatie van {percentage_tekst(Decimal(str(i['percentage'])))}"
        if i.get("percentage") is not None
        else "indexatie",
    }.get(str(i.get("soort")), str(i.get("soort")))
    perceel = str(i.get("perceel"))
    tekst = (
        f"wijziging van {percelen.get(perceel, perceel)}: {wat}, {euro(float(i['waarde']))}, grondslag "
        f"{GRONDSLAGEN[str(i['grondslag'])]}"
    )
    if i["grondslag"] == "2.163b" and "cumulatief_de_minimis" in i and "grens" in i:
        tekst += (
            f"; de-minimiswijzigingen samen {euro(float(i['cumulatief_de_minimis']))} van de grens "
            f"{euro(float(i['grens']))}"
        )
    return tekst


def _index_html(
    titel: str,
    stukken: list[Stuk],
    besluiten: list[dict[str, object]],
    looptijd: str = "",
    gecorrigeerd: dict[int, tuple[int, str]] | None = None,
    publicaties: str = "",
    einde: str | None = None,
    percelen: dict[str, str] | None = None,
    herlezing: str = "",
) -> str:
    """The index page; `looptijd` names the fixed term and every option year, exercised (by which decision) or not;
    `publicaties`: the section on the quarterly reports' publications (evaluatie.contract.dossierpublicaties);
    `percelen`: lot code -> name, for the decisions that name a lot; `herlezing`: what the current rule makes of
    indexaties recorded before a schema migration (evaluatie.contract.dossiermigratie.herlezing)."""
    regels = "".join(
        f'<tr><td>{escape(s.categorie)}</td><td><a href="{escape(s.pad)}">{escape(s.pad)}</a></td>'
        f'<td class="n">{getal(s.bytes, 0)}</td><td class="sha">{s.sha256}</td></tr>'
        for s in stukken
    )
    b = "".join(
        f'<tr><td class="n">{x["id"]}</td><td>{escape(datums_in_tekst(str(x["datum"])))}</td>'
        f"<td>{escape(_soort(x, percelen or {}))}</td>"
        f"<td>{escape(str(x['door']))}</td><td>{escape(str(x['reden']))}</td></tr>"
        for x in besluiten
    )
    return (
        '<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8"><title>Contractdossier</title><style>'
        "@page{size:A4;margin:15mm} body{font-family:Arial,sans-serif;font-size:10pt} table{border-collapse:collapse;"
        "width:100%} th,td{border:1px solid #bbb;padding:2pt 4pt;text-align:left} td.n,th.n{text-align:right}"
        "td.sha{font-family:monospace;font-size:7.5pt;word-break:break-all}"
        f"{paginavoet('Contractdossier ' + titel)}</style></head><body>"
        f"<h1>Contractdossier</h1><p><strong>{escape(titel)}</strong></p>"
        + (f"<p>{escape(looptijd)}.</p>" if looptijd else "")
        + "<p>Alle stukken van de aanbesteding tot en met de laatste kwartaalrapportage, met "
        "hun SHA-256. <code>evaluatie controleer</code> berekent iedere hash opnieuw.</p>"
        '<h2>Besluiten</h2><table><thead><tr><th class="n">nr</th><th>datum</th><th>soort</th><th>door</th>'
        "<th>reden</th></tr>"
        f"</thead><tbody>{b}</tbody></table>"
        + _ingetrokken_html(besluiten, gecorrigeerd or {}, einde)
        + publicaties
        + (f"<h2>Indexaties van voor de schemamigratie</h2><p>{escape(herlezing)}.</p>" if herlezing else "")
        + '<h2>Stukken</h2><table><thead><tr><th>onderdeel</th><th>document</th><th class="n">bytes</th>'
        "<th>SHA-256</th></tr>"
        f"</thead><tbody>{regels}</tbody></table></body></html>\n"
    )


def _documenten(inhoud: bytes, waar: str) -> tuple[list[tuple[str, str]], list[str]]:
    """(pad, sha256) of every document an index lists, or the problems with the index itself.

    The index is read as hostile input: it may have been edited by hand. An entry that is not a
    document with a relative path inside the dossier is a problem, never a file read elsewhere."""
    try:
        index = json.loads(inhoud)
    except ValueError:
        return [], [f"{waar}: geen leesbare index (geen JSON)"]
    documenten = index.get("documenten") if isinstance(index, dict) else None
    if not isinstance(documenten, list):
        return [], [f"{waar}: geen leesbare index (geen lijst 'documenten')"]
    goed: list[tuple[str, str]] = []
    problemen: list[str] = []
    for i, d in enumerate(documenten, 1):
        pad = d.get("pad") if isinstance(d, dict) else None
        sha = d.get("sha256") if isinstance(d, dict) else None
        if not isinstance(pad, str) or not isinstance(sha, str) or not pad:
            problemen.append(f"{waar}: document {i} heeft geen 'pad' en 'sha256'")
        elif pad.startswith(("/", "\\")) or ".." in Path(pad).parts or ":" in pad:
            problemen.append(f"{waar}: document {i} ('{pad}') ligt buiten het dossier")
        else:
            goed.append((pad, sha))
    return goed, problemen


def controleer_dossier(werkmap: Werkmap) -> tuple[dict[str, int], list[str]]:
    """(documents checked per copy, problems) for contract/dossier and contract/dossier.zip, if present. Counted per
    copy: `contract dossier` said how many documents the dossier has, and the folder and the zip each hold them all
    (one sum read as twice the dossier)."""
    problemen: list[str] = []
    gecontroleerd: dict[str, int] = {}
    map_ = werkmap.root / MAP / DOSSIER
    if (map_ / INDEX).is_file():
        documenten, fouten = _documenten((map_ / INDEX).read_bytes(), f"{MAP}/{DOSSIER}/{INDEX}")
        problemen += fouten
        gecontroleerd[f"{MAP}/{DOSSIER}"] = len(documenten)
        for naam, sha in documenten:
            pad = map_ / naam
            if not pad.is_file():
                problemen.append(f"{MAP}/{DOSSIER}/{naam}: ontbreekt in het dossier")
            elif sha256_bestand(pad) != sha:
                problemen.append(f"{MAP}/{DOSSIER}/{naam}: gewijzigd sinds het dossier werd opgemaakt")
    zip_pad = werkmap.root / MAP / f"{DOSSIER}.zip"
    if zip_pad.is_file():
        try:
            with zipfile.ZipFile(zip_pad) as z:
                documenten, fouten = _documenten(z.read(f"{DOSSIER}/{INDEX}"), f"{MAP}/{DOSSIER}.zip!{DOSSIER}/{INDEX}")
                problemen += fouten
                namen = set(z.namelist())
                gecontroleerd[f"{MAP}/{DOSSIER}.zip"] = len(documenten)
                for naam, sha in documenten:
                    lid = f"{DOSSIER}/{naam}"
                    if lid not in namen:
                        problemen.append(f"{MAP}/{DOSSIER}.zip!{lid}: ontbreekt")
                    elif sha256_bytes(z.read(lid)) != sha:
                        problemen.append(f"{MAP}/{DOSSIER}.zip!{lid}: gewijzigd")
        except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError):
            problemen.append(f"{MAP}/{DOSSIER}.zip: geen leesbaar dossier")
    return gecontroleerd, problemen


def _index_van_het_dossier(werkmap: Werkmap) -> dict[str, str] | None:
    """path -> SHA-256 of the documents the dossier's index lists (the folder's, else the zip's); None without a
    readable dossier (controleer_dossier names what is wrong with it)."""
    map_ = werkmap.root / MAP / DOSSIER
    zip_pad = werkmap.root / MAP / f"{DOSSIER}.zip"
    try:
        if (map_ / INDEX).is_file():
            inhoud = (map_ / INDEX).read_bytes()
        elif zip_pad.is_file():
            with zipfile.ZipFile(zip_pad) as z:
                inhoud = z.read(f"{DOSSIER}/{INDEX}")
        else:
            return None
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError):
        return None
    documenten, fouten = _documenten(inhoud, "")
    return None if fouten else dict(documenten)


def verouderd(werkmap: Werkmap) -> list[str]:
    """What the werkmap and the register hold that the dossier does not: documents added, changed or removed since
    it was made, and decisions recorded since. The dossier is the contract file; one that lacks a later delivery,
    report or decision must not read as complete. The logboek is left out: every command that writes (the
    dossier command itself too) adds a line to it after the dossier was made."""
    index = _index_van_het_dossier(werkmap)
    if index is None:
        return []
    uit: list[str] = []
    gezien: set[str] = set()
    for _, bronnen in ONDERDELEN:
        for naam in bronnen:
            if naam == "logboek.jsonl":
                continue
            for pad in _bestanden(werkmap.root / naam):
                rel = pad.relative_to(werkmap.root).as_posix()
                gezien.add(rel)
                if rel not in index:
                    uit.append(f"{rel}: na het opmaken van het dossier toegevoegd")
                elif sha256_bestand(pad) != index[rel]:
                    uit.append(f"{rel}: gewijzigd na het opmaken van het dossier")
    for rel in sorted(index):
        if rel in gezien or rel == "logboek.jsonl" or (rel.startswith(f"{MAP}/") and rel.count("/") == 1):
            continue  # contract/besluiten.json and contract/register.sqlite: the register's, below
        if rel.startswith("criteria/") or _werkformulier(rel):
            # a bundled criteria set the award cites is copied from outside the werkmap (_criteria); a panel form in a
            # dossier made before forms were left out (_werkformulier) is not missing from the werkmap
            continue
        if any(rel == naam or rel.startswith(f"{naam}/") for _, bronnen in ONDERDELEN for naam in bronnen):
            uit.append(f"{rel}: staat in het dossier, maar niet meer in de werkmap")
    uit += _besluiten_na_het_dossier(werkmap, index.get(f"{MAP}/besluiten.json"))
    return uit


def _besluiten_na_het_dossier(werkmap: Werkmap, sha_in_dossier: str | None) -> list[str]:
    """The decisions the register holds beyond those in the dossier's besluiten.json (append-only: later ids)."""
    from evaluatie.fouten import EvaluatieFout

    try:
        db = open_register(werkmap, alleen_lezen=True)
    except (EvaluatieFout, sqlite3.Error, OSError) as e:
        reden = "; ".join(e.meldingen) if isinstance(e, EvaluatieFout) else str(e)
        return [f"{MAP}/register.sqlite: niet te lezen, dus niet te vergelijken met het dossier ({reden})"]
    try:
        besluiten = _besluiten(db)
    finally:
        db.close()
    tekst = json.dumps(besluiten, ensure_ascii=False, indent=2) + "\n"
    if sha256_bytes(tekst.encode("utf-8")) == sha_in_dossier:
        return []
    bewaard = werkmap.root / MAP / DOSSIER / MAP / "besluiten.json"
    try:
        eerder = {b["id"] for b in json.loads(bewaard.read_text(encoding="utf-8"))}
    except (OSError, ValueError, TypeError, KeyError):
        eerder = set()
    nieuw = [b for b in besluiten if b["id"] not in eerder]
    if not nieuw:
        return [f"{MAP}/besluiten.json: de besluiten in het register verschillen van die in het dossier"]
    return [
        f"{MAP}/besluiten.json: besluit {b['id']} ({b['soort']}, {datums_in_tekst(str(b['datum']))}) staat niet in "
        "het dossier"
        for b in nieuw
    ]
